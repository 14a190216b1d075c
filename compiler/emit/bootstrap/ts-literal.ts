/**
 * TypeScript literals printed the way prettier (default options) prints them, so generated code is prettier-clean
 * without running prettier. Every user-provided string reaches the output only through `stringLiteral`, which
 * escapes it (JSON.stringify), never by concatenation.
 */

export const PRINT_WIDTH = 80;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** Prettier's choice: double quotes, unless the text holds more double quotes than single quotes. */
export function stringLiteral(text: string): string {
  const json = JSON.stringify(text);
  const doubles = text.split('"').length - 1;
  const singles = text.split("'").length - 1;
  if (doubles <= singles) return json;
  // Re-quote JSON's escaping with single quotes: unescape \" and escape ' (other escapes stay as JSON wrote them).
  const body = json.slice(1, -1).replace(/\\(.)|'/g, (match, escaped: string | undefined) =>
    escaped === undefined ? "\\'" : escaped === '"' ? '"' : match,
  );
  return `'${body}'`;
}

/** An object key as prettier prints it with `quoteProps: "as-needed"`: bare when it is an identifier. */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : stringLiteral(name);
}

/** Text safe inside a `/** … *\/` comment on one line. */
export function commentText(text: string): string {
  return text.replace(/\*\//g, '*\\/').replace(/\s+/g, ' ').trim();
}

/** Code printed as is in place of a value (e.g. a run-time environment read); built only from escaped parts. */
export class TsExpression {
  constructor(readonly code: string) {}
}

export type LiteralValue =
  | string
  | number
  | boolean
  | null
  | TsExpression
  | readonly LiteralValue[]
  | { readonly [key: string]: LiteralValue };

/**
 * Prints a JSON value as a TS expression starting at column `column` (the caller has already written that much of
 * the line), with `indent` spaces of indentation for continuation lines, and `suffix` (e.g. `,` or `;`) following it.
 * `base` is indentation a structured writer adds to every line after this text is handed to it: it only counts
 * towards the print width.
 * Objects are always expanded (prettier keeps an object expanded when its first key is on a new line); arrays stay on
 * one line when that fits the print width and no element is an object, as prettier does.
 */
export function printLiteral(value: LiteralValue, column: number, indent: number, suffix: string, base = 0): string {
  if (value === null || typeof value !== 'object' || value instanceof TsExpression) return scalar(value);
  const pad = ' '.repeat(indent + 2);
  const close = ' '.repeat(indent);
  if (Array.isArray(value)) {
    const items = value as readonly LiteralValue[];
    if (items.length === 0) return '[]';
    if (items.every((item) => item === null || typeof item !== 'object' || item instanceof TsExpression)) {
      const flat = `[${items.map((item) => scalar(item as Scalar)).join(', ')}]`;
      if (column + flat.length + suffix.length <= PRINT_WIDTH) return flat;
    }
    const lines = items.map((item) => `${pad}${printLiteral(item, base + pad.length, indent + 2, ',', base)},`);
    return `[\n${lines.join('\n')}\n${close}]`;
  }
  const entries = Object.entries(value as { readonly [key: string]: LiteralValue });
  if (entries.length === 0) return '{}';
  const lines = entries.map(([key, item]) => {
    const head = `${pad}${propertyKey(key)}: `;
    if (item === null || typeof item !== 'object' || item instanceof TsExpression) {
      const text = scalar(item);
      // Prettier moves a value that overflows the line to the next one, indented under the key.
      if (base + head.length + text.length + 1 > PRINT_WIDTH) return `${pad}${propertyKey(key)}:\n${pad}  ${text},`;
      return `${head}${text},`;
    }
    return `${head}${printLiteral(item, base + head.length, indent + 2, ',', base)},`;
  });
  return `{\n${lines.join('\n')}\n${close}}`;
}

type Scalar = string | number | boolean | null | TsExpression;

function scalar(value: Scalar): string {
  if (value instanceof TsExpression) return value.code;
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`Cannot print ${value} as a literal`);
  return String(value);
}
