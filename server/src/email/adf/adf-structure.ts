import type { XmlElement } from './xml-element.js';

/*
 * The structure ADF 1.0 requires (its DTD, for the elements Parley writes): each element's
 * children in order with how often each may appear, which elements hold text, and the allowed
 * values of enumerated attributes. A lead is checked against it before it is sent, so a CRM
 * never receives one it would have to reject.
 */

type Occurs = '1' | '?' | '*' | '+';
type ContentModel = [name: string, occurs: Occurs][];

const TEXT = 'text' as const;

const MODELS: Record<string, ContentModel | typeof TEXT> = {
  adf: [['prospect', '+']],
  prospect: [
    ['id', '*'],
    ['requestdate', '1'],
    ['vehicle', '+'],
    ['customer', '1'],
    ['vendor', '1'],
    ['provider', '?'],
  ],
  vehicle: [
    ['id', '*'],
    ['year', '1'],
    ['make', '1'],
    ['model', '1'],
    ['vin', '?'],
    ['stock', '?'],
    ['trim', '?'],
    ['comments', '?'],
  ],
  customer: [
    ['contact', '1'],
    ['id', '*'],
    ['timeframe', '?'],
    ['comments', '?'],
  ],
  vendor: [
    ['id', '*'],
    ['vendorname', '1'],
    ['url', '?'],
    ['contact', '1'],
  ],
  provider: [
    ['id', '*'],
    ['name', '1'],
    ['service', '?'],
    ['url', '?'],
    ['email', '?'],
    ['phone', '?'],
    ['contact', '?'],
  ],
  contact: [
    ['name', '+'],
    ['email', '?'],
    ['phone', '*'],
  ],
  id: TEXT,
  requestdate: TEXT,
  year: TEXT,
  make: TEXT,
  model: TEXT,
  vin: TEXT,
  stock: TEXT,
  trim: TEXT,
  comments: TEXT,
  timeframe: TEXT,
  vendorname: TEXT,
  url: TEXT,
  name: TEXT,
  service: TEXT,
  email: TEXT,
  phone: TEXT,
};

const ENUMERATED: Record<string, Record<string, readonly string[]>> = {
  prospect: { status: ['new', 'resend'] },
  vehicle: { interest: ['buy', 'lease', 'sell', 'trade-in', 'test-drive'], status: ['new', 'used'] },
  name: { part: ['surname', 'first', 'middle', 'suffix', 'full', 'last'], type: ['individual', 'business'] },
  contact: { primarycontact: ['0', '1'] },
};

/** Matches children against a content model, in order; returns the problem, or null. */
function matchModel(element: XmlElement, model: ContentModel, path: string): string | null {
  const names = element.children.filter((child): child is XmlElement => typeof child !== 'string').map((child) => child.name);
  if (element.children.some((child) => typeof child === 'string' && child.trim() !== '')) return `${path} must not hold text`;
  let at = 0;
  for (const [name, occurs] of model) {
    let count = 0;
    while (names[at] === name && (count === 0 || occurs === '*' || occurs === '+')) {
      at++;
      count++;
    }
    if ((occurs === '1' || occurs === '+') && count === 0) return `${path} needs <${name}>`;
  }
  return at < names.length ? `${path} may not have <${names[at]}> there` : null;
}

function check(element: XmlElement, path: string, problems: string[]): void {
  const model = MODELS[element.name];
  if (!model) {
    problems.push(`${path}: <${element.name}> is not an ADF element`);
    return;
  }
  for (const [attribute, allowed] of Object.entries(ENUMERATED[element.name] ?? {})) {
    const value = element.attributes[attribute];
    if (value !== undefined && !allowed.includes(value)) problems.push(`${path} ${attribute}="${value}" must be one of ${allowed.join(', ')}`);
  }
  if (model === TEXT) {
    if (element.children.some((child) => typeof child !== 'string')) problems.push(`${path} must hold text only`);
    return;
  }
  const problem = matchModel(element, model, path);
  if (problem) problems.push(problem);
  for (const child of element.children) if (typeof child !== 'string') check(child, `${path}/${child.name}`, problems);
}

const textOf = (element: XmlElement | undefined) => (element?.children.filter((c): c is string => typeof c === 'string').join('') ?? '').trim();
const child = (element: XmlElement | undefined, name: string) => element?.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);

/**
 * Every way `root` departs from ADF 1.0, or an empty list. Beyond the DTD, ADF asks that a
 * customer can be reached: their contact needs a name and an email or a phone number.
 */
export function adfProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  if (root.name !== 'adf') return ['the root element must be <adf>'];
  check(root, 'adf', problems);
  for (const prospect of root.children) {
    if (typeof prospect === 'string') continue;
    const contact = child(child(prospect, 'customer'), 'contact');
    if (!textOf(child(contact, 'name'))) problems.push('adf/prospect/customer/contact needs a name');
    if (!textOf(child(contact, 'email')) && !textOf(child(contact, 'phone'))) problems.push('adf/prospect/customer/contact needs an email or a phone');
    if (!textOf(child(prospect, 'requestdate'))) problems.push('adf/prospect/requestdate must not be empty');
  }
  return problems;
}
