/*
 * Just enough of MIME to read what Parley sends, written out here because the mail parsers on
 * npm do not install on this machine: unfolded headers with RFC 2047 words decoded, multipart
 * bodies, and quoted-printable or base64 parts in UTF-8.
 */

export type ParsedMail = {
  raw: string;
  /** Header lines as sent (unfolded, not decoded), in order: for checking what the headers are. */
  headerLines: string[];
  /** A header's decoded value (the first with this name), or undefined. */
  header(name: string): string | undefined;
  text: string | null;
  html: string | null;
};

function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=(\s+(?==\?))?/g, (_whole, _charset: string, encoding: string, data: string) => {
    if (encoding.toUpperCase() === 'B') return Buffer.from(data, 'base64').toString('utf8');
    const bytes = data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  });
}

function splitHead(raw: string): { lines: string[]; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  const head = end < 0 ? raw : raw.slice(0, end);
  const body = end < 0 ? '' : raw.slice(end + 4);
  const lines: string[] = [];
  for (const line of head.split('\r\n')) {
    if (/^[ \t]/.test(line) && lines.length > 0) lines[lines.length - 1] += line.replace(/^[ \t]+/, ' ');
    else lines.push(line);
  }
  return { lines, body };
}

function headerOf(lines: string[], name: string): string | undefined {
  const line = lines.find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line === undefined ? undefined : line.slice(name.length + 1).trim();
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable': {
      const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    }
    default:
      return body;
  }
}

/** The text/plain and text/html parts of a body, looking inside multiparts. */
function parts(lines: string[], body: string, found: { text: string | null; html: string | null }): void {
  const type = headerOf(lines, 'content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    for (const section of body.split(`--${boundary}`).slice(1)) {
      if (section.startsWith('--')) break;
      const inner = splitHead(section.replace(/^\r\n/, ''));
      parts(inner.lines, inner.body.replace(/\r\n$/, ''), found);
    }
    return;
  }
  const decoded = decodeBody(body, headerOf(lines, 'content-transfer-encoding'));
  if (/^text\/html/i.test(type)) found.html ??= decoded;
  else if (/^text\/plain/i.test(type)) found.text ??= decoded;
}

export function parseMail(raw: string): ParsedMail {
  const { lines, body } = splitHead(raw);
  const found = { text: null as string | null, html: null as string | null };
  parts(lines, body, found);
  return {
    raw,
    headerLines: lines,
    header: (name) => {
      const value = headerOf(lines, name);
      return value === undefined ? undefined : decodeWords(value);
    },
    text: found.text?.replace(/\r\n/g, '\n') ?? null,
    html: found.html?.replace(/\r\n/g, '\n') ?? null,
  };
}
