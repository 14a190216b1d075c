/**
 * Printing TypeScript the way prettier (default options: 2 spaces, double quotes, semicolons, trailing commas,
 * printWidth 80) would, for the few constructs the UI types use. Output is checked against prettier in the tests;
 * formatting is done here because running prettier over 1,000 object files costs seconds.
 */

export const PRINT_WIDTH = 80;

/** prettier keeps `key: value` on one line when the key is narrower than tabWidth (2) + 3. */
const SHORT_KEY_WIDTH = 5;

/** Characters that make a string need quote choice or escapes; most labels and values have none. */
const NEEDS_ESCAPE = /["'\\\u0000-\u001f\u2028\u2029]/;

/** A string literal with prettier's quote choice: double quotes unless the text holds more double than single quotes. */
export function tsString(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return `"${text}"`;
  const doubles = text.split('"').length - 1;
  const singles = text.split("'").length - 1;
  const quote = doubles > singles ? "'" : '"';
  let body = '';
  for (const char of text) body += escapeChar(char, quote);
  return `${quote}${body}${quote}`;
}

function escapeChar(char: string, quote: string): string {
  if (char === quote || char === '\\') return `\\${char}`;
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  if (char === '\t') return '\\t';
  const code = char.charCodeAt(0);
  if (code < 0x20 || code === 0x2028 || code === 0x2029) return `\\u${code.toString(16).padStart(4, '0')}`;
  return char;
}

/** Text already fit for a one-line comment: no line breaks, tabs, runs of spaces, edge spaces or comment end. */
const SIMPLE_TEXT = /^(?! )(?:[^\s*]|\*(?!\/)| (?! ))*[^\s]$/;

/** A one-line JSDoc comment; null when there is nothing to say. */
export function tsDocComment(indent: string, text: string | null): string | null {
  if (text === null) return null;
  const oneLine = SIMPLE_TEXT.test(text) ? text : text.replace(/\s+/g, ' ').trim().replaceAll('*/', '*\\/');
  return oneLine === '' ? null : `${indent}/** ${oneLine} */`;
}

/**
 * `head` followed by a type: on one line when it fits; a union that does not fit moves to the next line, and one
 * that does not fit there either puts each member on its own `| ` line (prettier's three layouts). A single type is
 * never broken, except a string literal after `=`, which prettier moves to the next line.
 */
export function printTypeAfter(indent: string, head: string, members: readonly string[], end: string): string[] {
  const joined = members.join(' | ');
  const oneLine = `${indent}${head} ${joined}${end}`;
  if (oneLine.length <= PRINT_WIDTH) return [oneLine];
  const inner = `${indent}  `;
  const single = members.length === 1;
  if (single && !(head.endsWith('=') && joined.startsWith('"'))) return [oneLine];
  const nextLine = `${inner}${joined}${end}`;
  if (single || nextLine.length <= PRINT_WIDTH) return [`${indent}${head}`, nextLine];
  return [`${indent}${head}`, ...members.map((member, i) => `${inner}| ${member}${i === members.length - 1 ? end : ''}`)];
}

/** A value of the literal printer: objects and arrays always print expanded, one entry per line. */
export type LiteralValue = string | number | boolean | null | readonly LiteralValue[] | { readonly [key: string]: LiteralValue };

/** How a literal is spelled: as a value (`{ a: "x", }`) or as its exact readonly type (`{ readonly a: "x"; }`). */
interface LiteralSyntax {
  readonly keyPrefix: '' | 'readonly ';
  readonly entryEnd: ',' | ';';
  readonly arrayOpen: '[' | 'readonly [';
  /**
   * prettier breaks an overflowing value after its `key:` or `=` (a string moves to the next line, an object is
   * indented one more level); after a type annotation's colon it never breaks.
   */
  readonly breaksAfterHead: boolean;
}

const VALUE_SYNTAX: LiteralSyntax = { keyPrefix: '', entryEnd: ',', arrayOpen: '[', breaksAfterHead: true };
const TYPE_SYNTAX: LiteralSyntax = { keyPrefix: 'readonly ', entryEnd: ';', arrayOpen: 'readonly [', breaksAfterHead: false };

/** Prints `<head> <value><end>` where value is a literal (e.g. `export const x =` … `;`). */
export function printLiteralAfter(indent: string, head: string, value: LiteralValue, end: string): string[] {
  const out: string[] = [];
  writeEntry(out, VALUE_SYNTAX, indent, head, value, end);
  return out;
}

/**
 * Prints `<head> <type><end>` where type is the exact, deeply readonly type of a literal value — what `as const`
 * would infer, spelled out (e.g. for a `.d.ts` beside a `.js` holding the value).
 */
export function printLiteralTypeAfter(indent: string, head: string, value: LiteralValue, end: string): string[] {
  const out: string[] = [];
  writeEntry(out, TYPE_SYNTAX, indent, head, value, end);
  return out;
}

function isComposite(value: LiteralValue): value is readonly LiteralValue[] | { readonly [key: string]: LiteralValue } {
  return value !== null && typeof value === 'object';
}

function scalarText(value: string | number | boolean | null): string {
  return typeof value === 'string' ? tsString(value) : String(value);
}

/** One `head value end` entry; lines go straight into `out` (one pass, no intermediate arrays). */
function writeEntry(out: string[], syntax: LiteralSyntax, indent: string, head: string, value: LiteralValue, end: string): void {
  if (!isComposite(value)) {
    const text = scalarText(value);
    const line = `${indent}${head} ${text}${end}`;
    // prettier moves a string that overflows to the next line, unless the key is shorter than 5 characters (its
    // "short key" rule: breaking would gain almost nothing); numbers and booleans stay.
    const breaks = syntax.breaksAfterHead && typeof value === 'string' && line.length > PRINT_WIDTH && head.length - 1 >= SHORT_KEY_WIDTH;
    if (breaks) out.push(`${indent}${head}`, `${indent}  ${text}${end}`);
    else out.push(line);
    return;
  }
  const array = Array.isArray(value);
  const [open, close] = array ? [syntax.arrayOpen, ']'] : ['{', '}'];
  if ((array ? value.length : Object.keys(value).length) === 0) {
    out.push(`${indent}${head} ${open}${close}${end}`);
    return;
  }
  const first = `${indent}${head} ${open}`;
  // Too long: prettier breaks after the head and indents the whole value one level.
  const bodyIndent = first.length <= PRINT_WIDTH || !syntax.breaksAfterHead ? indent : `${indent}  `;
  if (bodyIndent === indent) out.push(first);
  else out.push(`${indent}${head}`, `${bodyIndent}${open}`);
  writeBody(out, syntax, `${bodyIndent}  `, value);
  out.push(`${bodyIndent}${close}${end}`);
}

function writeBody(out: string[], syntax: LiteralSyntax, inner: string, value: readonly LiteralValue[] | { readonly [key: string]: LiteralValue }): void {
  if (isLiteralArray(value)) {
    for (const item of value) writeItem(out, syntax, inner, item);
    return;
  }
  for (const key of Object.keys(value)) writeEntry(out, syntax, inner, `${syntax.keyPrefix}${propertyKey(key)}:`, value[key] ?? null, syntax.entryEnd);
}

/** An array element: objects and arrays always print expanded; elements end with a comma in both syntaxes. */
function writeItem(out: string[], syntax: LiteralSyntax, indent: string, item: LiteralValue): void {
  if (!isComposite(item)) {
    out.push(`${indent}${scalarText(item)},`);
    return;
  }
  const array = Array.isArray(item);
  const [open, close] = array ? [syntax.arrayOpen, ']'] : ['{', '}'];
  if ((array ? item.length : Object.keys(item).length) === 0) {
    out.push(`${indent}${open}${close},`);
    return;
  }
  out.push(`${indent}${open}`);
  writeBody(out, syntax, `${indent}  `, item);
  out.push(`${indent}${close},`);
}

function isLiteralArray(value: LiteralValue): value is readonly LiteralValue[] {
  return Array.isArray(value);
}

/** Identifiers stay bare; anything else is quoted (prettier's `quoteProps: "as-needed"`). */
export function propertyKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : tsString(key);
}

/** `import type { A, B } from "./x.js";`, broken one name per line when longer than the print width. */
export function printTypeImport(names: readonly string[], from: string): string[] {
  const oneLine = `import type { ${names.join(', ')} } from ${tsString(from)};`;
  if (oneLine.length <= PRINT_WIDTH) return [oneLine];
  return ['import type {', ...names.map((name) => `  ${name},`), `} from ${tsString(from)};`];
}
