/**
 * The formula language: arithmetic (+ - * / %), string concatenation (+ or &), comparisons (= == != <> < <= > >=),
 * logic (&& || ! and the words and/or/not), parentheses, literals (numbers, 'text' or "text", true/false/null),
 * field names and function calls. Parsed once into a tree; never evaluated with `eval`.
 */
export type FormulaNode =
  | { readonly kind: 'literal'; readonly value: FormulaValue }
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'unary'; readonly op: '-' | '!'; readonly operand: FormulaNode }
  | { readonly kind: 'binary'; readonly op: BinaryOperator; readonly left: FormulaNode; readonly right: FormulaNode }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly FormulaNode[] };

export type FormulaValue = string | number | boolean | null;
export type BinaryOperator = '+' | '-' | '*' | '/' | '%' | '&' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '&&' | '||';

export class FormulaSyntaxError extends Error {}

type Token = { readonly type: 'number' | 'string' | 'name' | 'op'; readonly text: string };

const OPERATORS = ['==', '!=', '<>', '<=', '>=', '&&', '||', '+', '-', '*', '/', '%', '&', '=', '<', '>', '!', '(', ')', ','];
const WORD_OPERATORS: Readonly<Record<string, string>> = { and: '&&', or: '||', not: '!' };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const rest = source.slice(at);
    const space = /^\s+/.exec(rest);
    if (space) {
      at += space[0].length;
      continue;
    }
    const number = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(rest);
    const string = /^'((?:[^'\\]|\\.)*)'|^"((?:[^"\\]|\\.)*)"/.exec(rest);
    const name = /^[A-Za-z_$][A-Za-z0-9_.]*/.exec(rest);
    const op = OPERATORS.find((candidate) => rest.startsWith(candidate));
    if (number) tokens.push({ type: 'number', text: number[0] });
    else if (string) tokens.push({ type: 'string', text: (string[1] ?? string[2] ?? '').replace(/\\(.)/g, '$1') });
    else if (name) {
      const word = WORD_OPERATORS[name[0].toLowerCase()];
      tokens.push(word !== undefined ? { type: 'op', text: word } : { type: 'name', text: name[0] });
    } else if (op) tokens.push({ type: 'op', text: op === '==' ? '=' : op === '<>' ? '!=' : op });
    else throw new FormulaSyntaxError(`unexpected character "${rest[0]}" at position ${at + 1}`);
    const consumed = number?.[0] ?? string?.[0] ?? name?.[0] ?? op ?? '';
    at += consumed.length;
  }
  return tokens;
}

/** Operator precedence, lowest first; every level is left-associative. */
const LEVELS: readonly (readonly BinaryOperator[])[] = [['||'], ['&&'], ['=', '!=', '<', '<=', '>', '>='], ['+', '-', '&'], ['*', '/', '%']];

export function parseFormula(source: string): FormulaNode {
  const tokens = tokenize(source);
  let position = 0;
  const peek = (): Token | undefined => tokens[position];
  const isOp = (text: string): boolean => peek()?.type === 'op' && peek()?.text === text;
  const expect = (text: string): void => {
    if (!isOp(text)) throw new FormulaSyntaxError(`expected "${text}" ${peek() ? `before "${peek()?.text}"` : 'at the end'}`);
    position++;
  };

  const binary = (level: number): FormulaNode => {
    const operators = LEVELS[level];
    if (!operators) return unary();
    let left = binary(level + 1);
    for (;;) {
      const token = peek();
      const op = operators.find((candidate) => token?.type === 'op' && token.text === candidate);
      if (!op) return left;
      position++;
      left = { kind: 'binary', op, left, right: binary(level + 1) };
    }
  };

  const unary = (): FormulaNode => {
    if (isOp('-') || isOp('!')) {
      const op = peek()?.text === '-' ? '-' : '!';
      position++;
      return { kind: 'unary', op, operand: unary() };
    }
    return primary();
  };

  const primary = (): FormulaNode => {
    const token = peek();
    if (!token) throw new FormulaSyntaxError('the expression ends too early');
    position++;
    if (token.type === 'number') return { kind: 'literal', value: Number(token.text) };
    if (token.type === 'string') return { kind: 'literal', value: token.text };
    if (token.type === 'op' && token.text === '(') {
      const inner = binary(0);
      expect(')');
      return inner;
    }
    if (token.type === 'name') {
      const lower = token.text.toLowerCase();
      if (lower === 'true' || lower === 'false') return { kind: 'literal', value: lower === 'true' };
      if (lower === 'null') return { kind: 'literal', value: null };
      if (isOp('(')) return { kind: 'call', name: token.text.toUpperCase(), args: callArguments() };
      return { kind: 'field', name: token.text };
    }
    throw new FormulaSyntaxError(`unexpected "${token.text}"`);
  };

  const callArguments = (): FormulaNode[] => {
    expect('(');
    const args: FormulaNode[] = [];
    if (isOp(')')) {
      position++;
      return args;
    }
    for (;;) {
      args.push(binary(0));
      if (isOp(')')) {
        position++;
        return args;
      }
      expect(',');
    }
  };

  const tree = binary(0);
  if (position < tokens.length) throw new FormulaSyntaxError(`unexpected "${peek()?.text}" after a complete expression`);
  return tree;
}
