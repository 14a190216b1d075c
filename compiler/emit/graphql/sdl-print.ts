/**
 * Printing SDL the way prettier's GraphQL printer lays it out (print width 80), for the constructs the schema uses:
 * descriptions as one-line strings, fields with arguments and an optional `@objectstack` directive, definitions
 * separated by one blank line.
 */

const PRINT_WIDTH = 80;

/** A GraphQL string literal; JSON's escapes are GraphQL's. */
export function sdlString(text: string): string {
  return JSON.stringify(text);
}

export function sdlDescription(indent: string, text: string | null): string[] {
  if (text === null) return [];
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine === '' ? [] : [`${indent}${sdlString(oneLine)}`];
}

/** `@objectstack(key: "value", …)` arguments, in the given order; null when there is nothing to mark. */
export type DirectiveArgs = readonly (readonly [string, string])[] | null;

function directiveText(args: readonly (readonly [string, string])[]): string {
  return `@objectstack(${args.map(([key, value]) => `${key}: ${sdlString(value)}`).join(', ')})`;
}

/** A directive moved under its member: one line when it fits, else one argument per line. */
function brokenDirective(indent: string, args: readonly (readonly [string, string])[]): string[] {
  const line = `${indent}${directiveText(args)}`;
  if (line.length <= PRINT_WIDTH) return [line];
  return [`${indent}@objectstack(`, ...args.map(([key, value]) => `${indent}  ${key}: ${sdlString(value)}`), `${indent})`];
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

export function printMember(indent: string, member: SdlMember): string[] {
  const args = member.args ?? [];
  const typePart = member.type === null ? '' : `: ${member.type}${member.defaultValue === undefined ? '' : ` = ${member.defaultValue}`}`;
  const flat = `${member.name}${args.length > 0 ? `(${args.join(', ')})` : ''}${typePart}`;
  const body =
    args.length > 0 && `${indent}${flat}`.length > PRINT_WIDTH
      ? [`${indent}${member.name}(`, ...args.map((arg) => `${indent}  ${arg}`), `${indent})${typePart}`]
      : [`${indent}${flat}`];
  const lines = [...sdlDescription(indent, member.description ?? null), ...body];
  const directive = member.directive ?? null;
  if (directive === null) return lines;
  const last = lines.length - 1;
  const joined = `${lines[last] ?? ''} ${directiveText(directive)}`;
  if (joined.length <= PRINT_WIDTH) return [...lines.slice(0, last), joined];
  return [...lines, ...brokenDirective(`${indent}  `, directive)];
}

/** `<keyword> <Name> [@objectstack(…)] { members }`; an empty body cannot be printed (GraphQL forbids it). */
export function printDefinition(
  keyword: 'type' | 'input' | 'enum',
  name: string,
  description: string | null,
  directive: DirectiveArgs,
  members: readonly SdlMember[],
): string {
  const head = directive === null ? `${keyword} ${name} {` : `${keyword} ${name} ${directiveText(directive)} {`;
  const headLines = head.length <= PRINT_WIDTH || directive === null ? [head] : [`${keyword} ${name}`, `  ${directiveText(directive)} {`];
  return [...sdlDescription('', description), ...headLines, ...members.flatMap((member) => printMember('  ', member)), '}'].join('\n');
}
