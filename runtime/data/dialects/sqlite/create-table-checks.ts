/**
 * Reads the `CHECK (<column> IN (…))` constraints of a CREATE TABLE statement as SQLite stored it. SQLite has no
 * catalogue for CHECK constraints, so the statement text is the only source; only the IN-list form that
 * objectstack writes is understood, other CHECKs are ignored.
 */
export function checkConstraintsOf(createTable: string): Map<string, string[]> {
  const checks = new Map<string, string[]>();
  const tokens = tokenize(createTable);
  const open = tokens.indexOf('(');
  if (open < 0) return checks;
  for (const definition of splitTopLevel(tokens.slice(open + 1, tokens.length - 1))) {
    const column = definition[0] !== undefined ? unquote(definition[0]) : undefined;
    const at = definition.findIndex((token) => token.toUpperCase() === 'CHECK');
    if (column === undefined || at < 0) continue;
    const values = inListValues(definition.slice(at + 1));
    if (values !== null) checks.set(column, values);
  }
  return checks;
}

/** `( "col" IN ( 'a' , 'b' ) )` → ['a', 'b'] as SQL literals. */
function inListValues(tokens: readonly string[]): string[] | null {
  const at = tokens.findIndex((token) => token.toUpperCase() === 'IN');
  if (at < 0 || tokens[at + 1] !== '(') return null;
  const values: string[] = [];
  for (let index = at + 2; index < tokens.length && tokens[index] !== ')'; index++) {
    const token = tokens[index];
    if (token !== undefined && token !== ',') values.push(token);
  }
  return values;
}

function splitTopLevel(tokens: readonly string[]): string[][] {
  const parts: string[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (token === '(') depth++;
    if (token === ')') depth--;
    if (token === ',' && depth === 0) parts.push([]);
    else parts[parts.length - 1]?.push(token);
  }
  return parts;
}

const TOKEN = /\s+|'(?:[^']|'')*'|"(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\]|[(),]|[^\s(),'"`[]+/gy;

function tokenize(sql: string): string[] {
  const tokens: string[] = [];
  for (const match of sql.matchAll(TOKEN)) {
    if (!/^\s+$/.test(match[0])) tokens.push(match[0]);
  }
  return tokens;
}

function unquote(identifier: string): string {
  const first = identifier[0];
  if (first === '"' || first === '`') return identifier.slice(1, -1).replaceAll(first + first, first);
  if (first === '[') return identifier.slice(1, -1);
  return identifier;
}
