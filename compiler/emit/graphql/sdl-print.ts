/**
 * Printing SDL the way prettier's GraphQL printer lays it out (print width 80), for the constructs the schema uses:
 * descriptions as one-line strings, fields with arguments and an optional `@objectstack` directive, definitions
 * separated by one blank line.
 */

const PRINT_WIDTH = 80;

/** A GraphQL string literal; JSON's escapes are GraphQL's. */
export function sdlString(text: string): string {
  return PLAIN.test(text) ? `"${text}"` : JSON.stringify(text);
}

/** Text JSON.stringify would leave as is: no quotes, backslashes or control characters. */
const PLAIN = /^[^"\\\u0000-\u001f]*$/;

/** Text already on one line with single spaces (most labels): no need to normalise it. */
const SIMPLE_TEXT = /^(?! )(?:\S| (?! ))*\S$/;

function pushDescription(out: string[], indent: string, text: string | null | undefined): void {
  if (text === null || text === undefined) return;
  const oneLine = SIMPLE_TEXT.test(text) ? text : text.replace(/\s+/g, ' ').trim();
  if (oneLine !== '') out.push(`${indent}${sdlString(oneLine)}`);
}

/** `@objectstack(key: "value", …)` arguments, in the given order; null when there is nothing to mark. */
export type DirectiveArgs = readonly (readonly [string, string])[] | null;

function directiveText(args: readonly (readonly [string, string])[]): string {
  return `@objectstack(${args.map(([key, value]) => `${key}: ${sdlString(value)}`).join(', ')})`;
}

/** A directive moved under its member: one line when it fits, else one argument per line. */
function pushBrokenDirective(out: string[], indent: string, args: readonly (readonly [string, string])[], suffix = ''): void {
  const line = `${indent}${directiveText(args)}`;
  if (line.length + suffix.length <= PRINT_WIDTH) {
    out.push(line);
    return;
  }
  out.push(`${indent}@objectstack(`);
  for (const [key, value] of args) out.push(`${indent}  ${key}: ${sdlString(value)}`);
  out.push(`${indent})`);
}

export interface SdlMember {
  readonly description?: string | null;
  readonly name: string;
  /** Argument definitions, e.g. `id: ID!`. */
  readonly args?: readonly string[];
  /** The type, or null for an enum value. */
  readonly type: string | null;
  /** Default value of an input field, printed as written (`= ASC`). */
  readonly defaultValue?: string;
  readonly directive?: DirectiveArgs;
}

/** Lines of one member go straight into `out` (printing 1,000 objects makes millions of lines: no temporaries). */
export function pushMember(out: string[], indent: string, member: SdlMember): void {
  pushDescription(out, indent, member.description);
  const args = member.args ?? [];
  const typePart = member.type === null ? '' : member.defaultValue === undefined ? `: ${member.type}` : `: ${member.type} = ${member.defaultValue}`;
  let last = args.length > 0 ? `${indent}${member.name}(${args.join(', ')})${typePart}` : `${indent}${member.name}${typePart}`;
  if (args.length > 0 && last.length > PRINT_WIDTH) {
    out.push(`${indent}${member.name}(`);
    for (const arg of args) out.push(`${indent}  ${arg}`);
    last = `${indent})${typePart}`;
  }
  const directive = member.directive ?? null;
  if (directive === null) {
    out.push(last);
    return;
  }
  const joined = `${last} ${directiveText(directive)}`;
  if (joined.length <= PRINT_WIDTH) {
    out.push(joined);
    return;
  }
  out.push(last);
  pushBrokenDirective(out, `${indent}  `, directive);
}

/** `<keyword> <Name> [@objectstack(…)] { members }`; an empty body cannot be printed (GraphQL forbids it). */
export function printDefinition(
  keyword: 'type' | 'input' | 'enum',
  name: string,
  description: string | null,
  directive: DirectiveArgs,
  members: readonly SdlMember[],
): string {
  const out: string[] = [];
  pushDescription(out, '', description);
  const head = directive === null ? `${keyword} ${name} {` : `${keyword} ${name} ${directiveText(directive)} {`;
  if (head.length <= PRINT_WIDTH || directive === null) out.push(head);
  else {
    // Too long: the directive moves under the name, and its arguments one per line if it still does not fit.
    out.push(`${keyword} ${name}`);
    pushBrokenDirective(out, '  ', directive, ' {');
    const last = out.length - 1;
    out[last] = `${out[last] ?? ''} {`;
  }
  for (const member of members) pushMember(out, '  ', member);
  out.push('}');
  return out.join('\n');
}
