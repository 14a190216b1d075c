/**
 * The field names a formula expression refers to, read conservatively: only lowercase snake_case identifiers
 * (field names cannot contain capitals, so `TODAY`, `PI` or `Math` are never taken for fields), not inside string
 * literals, not called as functions, not written as variables (`$user`), not part of a number (`1e5`), and for a
 * dotted path (`account.name`) only the first segment. Anything the reader is unsure of is left alone.
 */
export function formulaIdentifiers(expression: string): string[] {
  const code = /['"`]/.test(expression)
    ? expression.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`/g, (literal) => ' '.repeat(literal.length))
    : expression;
  // A quote left over opens a literal that never closes: the reader cannot tell code from text, so it claims nothing.
  if (/['"`]/.test(code)) return [];
  const names: string[] = [];
  for (const match of code.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
    const name = match[0];
    const start = match.index;
    const before = code[start - 1];
    if (before !== undefined && /[.$@#0-9]/.test(before)) continue;
    if (/[A-Z]/.test(name) || KEYWORDS.has(name)) continue;
    if (isCalled(code, start + name.length)) continue;
    names.push(name);
  }
  return names;
}

/** Whether the next non-blank character after `from` opens a call. */
function isCalled(code: string, from: number): boolean {
  let at = from;
  while (code[at] === ' ' || code[at] === '\t' || code[at] === '\n' || code[at] === '\r') at++;
  return code[at] === '(';
}

// Operators and constants spelled as words in the formula dialects our users come from (Salesforce-like, ObjectQL,
// JavaScript): never field names.
const KEYWORDS = new Set(['and', 'or', 'not', 'true', 'false', 'null', 'undefined', 'if', 'then', 'else', 'in', 'is', 'like', 'between', 'case', 'when', 'end', 'new', 'typeof']);
