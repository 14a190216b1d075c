/**
 * Printing TypeScript the way prettier (default options: 2 spaces, double quotes, semicolons, trailing commas,
 * printWidth 80) would, for the few constructs the UI types use. Output is checked against prettier in the tests;
 * formatting is done here because running prettier over 1,000 object files costs seconds.
 */

export const PRINT_WIDTH = 80;

/** A string literal with prettier's quote choice: double quotes unless the text holds more double than single quotes. */
export function tsString(text: string): string {
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

/** A one-line JSDoc comment; null when there is nothing to say. */
export function tsDocComment(indent: string, text: string | null): string | null {
  if (text === null) return null;
  const oneLine = text.replace(/\s+/g, ' ').trim().replaceAll('*/', '*\\/');
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

/** Prints `<head> <value><end>` where value is a literal (e.g. `export const x =` … ` as const;`). */
export function printLiteralAfter(indent: string, head: string, value: LiteralValue, end: string): string[] {
  const lines = printLiteral(indent, value);
  const first = `${indent}${head} ${lines[0] ?? ''}`;
  if (lines.length === 1 && !(typeof value === 'string' && first.length + end.length > PRINT_WIDTH)) return [`${first}${end}`];
  if (lines.length > 1 && first.length <= PRINT_WIDTH) return withEnd([first, ...lines.slice(1)], end);
  // Too long: prettier breaks after the head and indents the whole value one level.
  return [`${indent}${head}`, ...withEnd(printLiteral(`${indent}  `, value), end, `${indent}  `)];
}

function withEnd(lines: string[], end: string, indent?: string): string[] {
  const last = lines.length - 1;
  return lines.map((line, i) => {
    const text = i === 0 && indent !== undefined ? `${indent}${line}` : line;
    return i === last ? `${text}${end}` : text;
  });
}

/** Lines of a literal whose first line continues the current line and whose inner lines are indented from `indent`. */
function printLiteral(indent: string, value: LiteralValue): string[] {
  if (value === null) return ['null'];
  if (typeof value === 'string') return [tsString(value)];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  const inner = `${indent}  `;
  if (isLiteralArray(value)) {
    if (value.length === 0) return ['[]'];
    const items = value.flatMap((item) => withEnd(printLiteral(inner, item), ',', inner));
    return ['[', ...items, `${indent}]`];
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return ['{}'];
  const body = entries.flatMap(([key, entry]) => printLiteralAfter(inner, `${propertyKey(key)}:`, entry, ','));
  return ['{', ...body, `${indent}}`];
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
