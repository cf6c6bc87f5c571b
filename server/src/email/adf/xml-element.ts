/*
 * A small XML tree and its serialiser: text and attribute values are escaped, and characters XML
 * 1.0 does not allow at all (most control characters) are dropped, so whatever a visitor typed
 * yields well-formed XML that says exactly what they wrote.
 */

export type XmlElement = { name: string; attributes: Record<string, string>; children: XmlNode[] };
export type XmlNode = XmlElement | string;

export function el(name: string, attributes: Record<string, string> = {}, ...children: (XmlNode | null)[]): XmlElement {
  return { name, attributes, children: children.filter((child): child is XmlNode => child !== null) };
}

/** Characters outside XML 1.0's Char production. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point (they are not allowed in XML).
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeXmlAttribute(value: string): string {
  // Tabs and line breaks are escaped too: attribute normalisation would turn them into spaces.
  return escapeXmlText(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function write(node: XmlNode, depth: number, out: string[]): void {
  const indent = '  '.repeat(depth);
  if (typeof node === 'string') {
    out.push(escapeXmlText(node));
    return;
  }
  const attributes = Object.entries(node.attributes)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`)
    .join('');
  if (node.children.length === 0) {
    out.push(`${indent}<${node.name}${attributes}></${node.name}>\n`);
  } else if (node.children.every((child) => typeof child === 'string')) {
    out.push(`${indent}<${node.name}${attributes}>`);
    for (const child of node.children) write(child, depth + 1, out);
    out.push(`</${node.name}>\n`);
  } else {
    out.push(`${indent}<${node.name}${attributes}>\n`);
    for (const child of node.children) write(child, depth + 1, out);
    out.push(`${indent}</${node.name}>\n`);
  }
}

/** The document: the XML declaration, then `prolog` lines (processing instructions), then the tree. */
export function serializeXml(root: XmlElement, prolog: string[] = []): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>\n', ...prolog.map((line) => `${line}\n`)];
  write(root, 0, out);
  return out.join('');
}
