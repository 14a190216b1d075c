import type { BinaryOperator, FormulaNode, FormulaValue } from './parse.js';

/** Thrown for a call the language does not have; evaluation of that record's formula yields null. */
export class FormulaRuntimeError extends Error {}

export type FieldLookup = (name: string) => unknown;

/** Null-propagating: an operand that is null (or an error such as division by zero) makes the result null. */
export function evaluateFormula(node: FormulaNode, lookup: FieldLookup, now: Date): FormulaValue {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'field':
      return asValue(lookup(node.name));
    case 'unary': {
      const value = evaluateFormula(node.operand, lookup, now);
      if (node.op === '!') return value === null ? null : !truthy(value);
      return typeof value === 'number' ? -value : null;
    }
    case 'binary':
      return binary(node.op, node.left, node.right, lookup, now);
    case 'call':
      return call(node.name, node.args, lookup, now);
  }
}

function asValue(value: unknown): FormulaValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

function truthy(value: FormulaValue): boolean {
  return value !== null && value !== false && value !== 0 && value !== '';
}

function binary(op: BinaryOperator, leftNode: FormulaNode, rightNode: FormulaNode, lookup: FieldLookup, now: Date): FormulaValue {
  const left = evaluateFormula(leftNode, lookup, now);
  // Short-circuit logic, like every formula language users know.
  if (op === '&&') return truthy(left) ? truthy(evaluateFormula(rightNode, lookup, now)) : false;
  if (op === '||') return truthy(left) ? true : truthy(evaluateFormula(rightNode, lookup, now));
  const right = evaluateFormula(rightNode, lookup, now);
  if (op === '&') return `${left ?? ''}${right ?? ''}`;
  if (op === '=') return left === right;
  if (op === '!=') return left !== right;
  if (left === null || right === null) return null;
  if (op === '+' && (typeof left === 'string' || typeof right === 'string')) return `${left}${right}`;
  if (op === '<' || op === '<=' || op === '>' || op === '>=') {
    if (typeof left !== typeof right) return null;
    const a = left as string | number;
    const b = right as string | number;
    return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
  }
  if (typeof left !== 'number' || typeof right !== 'number') return null;
  switch (op) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    case '/':
      return right === 0 ? null : left / right;
    case '%':
      return right === 0 ? null : left % right;
  }
}

type Fn = (args: readonly FormulaValue[], now: Date) => FormulaValue;

const num = (value: FormulaValue): number | null => (typeof value === 'number' ? value : null);
const str = (value: FormulaValue): string | null => (value === null ? null : String(value));
const numeric = (f: (...values: number[]) => number): Fn => (args) => {
  const values = args.map(num);
  return values.every((value): value is number => value !== null) && values.length > 0 ? f(...values) : null;
};

const FUNCTIONS: Readonly<Record<string, Fn>> = {
  AND: (args) => args.every(truthy),
  OR: (args) => args.some(truthy),
  NOT: ([value = null]) => !truthy(value),
  ISBLANK: ([value = null]) => value === null || value === '',
  COALESCE: (args) => args.find((value) => value !== null && value !== '') ?? null,
  CONCAT: (args) => args.map((value) => value ?? '').join(''),
  UPPER: ([value = null]) => str(value)?.toUpperCase() ?? null,
  LOWER: ([value = null]) => str(value)?.toLowerCase() ?? null,
  TRIM: ([value = null]) => str(value)?.trim() ?? null,
  LEN: ([value = null]) => (value === null ? null : [...String(value)].length),
  LEFT: ([value = null, count = null]) => (value === null || num(count) === null ? null : [...String(value)].slice(0, num(count) ?? 0).join('')),
  RIGHT: ([value = null, count = null]) => (value === null || num(count) === null ? null : [...String(value)].slice(-(num(count) ?? 0) || Infinity).join('')),
  TEXT: ([value = null]) => str(value),
  VALUE: ([value = null]) => (value === null || value === '' || Number.isNaN(Number(value)) ? null : Number(value)),
  ABS: numeric(Math.abs),
  FLOOR: numeric(Math.floor),
  CEILING: numeric(Math.ceil),
  MIN: numeric(Math.min),
  MAX: numeric(Math.max),
  ROUND: ([value = null, digits = 0]) => {
    const x = num(value);
    const d = num(digits) ?? 0;
    return x === null ? null : Math.round(x * 10 ** d) / 10 ** d;
  },
  TODAY: (_args, now) => now.toISOString().slice(0, 10),
  NOW: (_args, now) => now.toISOString(),
};
const ALIASES: Readonly<Record<string, string>> = { BLANKVALUE: 'COALESCE', NULLVALUE: 'COALESCE', CEIL: 'CEILING', LENGTH: 'LEN' };

/** The functions a formula may call (upper case), for messages. */
export const FORMULA_FUNCTIONS: readonly string[] = [...Object.keys(FUNCTIONS), 'IF', ...Object.keys(ALIASES)].sort();

function call(name: string, args: readonly FormulaNode[], lookup: FieldLookup, now: Date): FormulaValue {
  if (name === 'IF') {
    const [condition, then, otherwise] = args;
    if (!condition) return null;
    const branch = truthy(evaluateFormula(condition, lookup, now)) ? then : otherwise;
    return branch ? evaluateFormula(branch, lookup, now) : null;
  }
  const fn = FUNCTIONS[ALIASES[name] ?? name];
  if (!fn) throw new FormulaRuntimeError(`unknown function ${name}()`);
  return fn(args.map((arg) => evaluateFormula(arg, lookup, now)), now);
}
