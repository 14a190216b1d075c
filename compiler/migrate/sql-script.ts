/** Writes statements as a script a person can read, and splits a script back into statements. */
export function toScript(header: readonly string[], statements: readonly string[]): string {
  const lines = header.map((line) => `-- ${line}`.trimEnd());
  const body = statements.map((statement) => `${statement};`);
  return `${[lines.join('\n'), ...body].join('\n\n')}\n`;
}

/**
 * Statements of a script, split at semicolons outside quotes and comments (a semicolon inside a CHECK value or a
 * default string is part of the statement). Comments are dropped; empty statements are skipped.
 */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  for (let index = 0; index < script.length; index++) {
    const char = script[index] ?? '';
    if (char === '-' && script[index + 1] === '-') {
      const end = script.indexOf('\n', index);
      index = end < 0 ? script.length : end;
      current += '\n';
      continue;
    }
    if (char === "'" || char === '"') {
      const end = closingQuote(script, index, char);
      current += script.slice(index, end + 1);
      index = end;
      continue;
    }
    if (char === ';') {
      if (current.trim() !== '') statements.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  if (current.trim() !== '') statements.push(current.trim());
  return statements;
}

/** Index of the quote closing the one at `start` (a doubled quote is an escaped one). */
function closingQuote(script: string, start: number, quote: string): number {
  for (let index = start + 1; index < script.length; index++) {
    if (script[index] !== quote) continue;
    if (script[index + 1] === quote) index++;
    else return index;
  }
  return script.length - 1;
}
