import { evaluateFormula, FormulaRuntimeError, type FieldLookup } from './evaluate.js';
import { FormulaSyntaxError, parseFormula, type FormulaNode, type FormulaValue } from './parse.js';

/** A parsed formula: evaluates against one record; a syntax error is kept and makes every value null. */
export interface CompiledFormula {
  readonly source: string;
  /** The syntax problem, when the expression does not parse. */
  readonly error: string | null;
  /** Field names the expression reads (selected from the database even when not asked for). */
  readonly fields: readonly string[];
  evaluate(lookup: FieldLookup, now: Date): FormulaValue;
}

export function compileFormula(source: string): CompiledFormula {
  let tree: FormulaNode | null = null;
  let error: string | null = null;
  try {
    tree = parseFormula(source);
  } catch (thrown) {
    if (!(thrown instanceof FormulaSyntaxError)) throw thrown;
    error = thrown.message;
  }
  return {
    source,
    error,
    fields: tree ? fieldsOf(tree) : [],
    evaluate(lookup, now) {
      if (!tree) return null;
      try {
        return evaluateFormula(tree, lookup, now);
      } catch (thrown) {
        if (thrown instanceof FormulaRuntimeError) return null;
        throw thrown;
      }
    },
  };
}

function fieldsOf(node: FormulaNode): string[] {
  switch (node.kind) {
    case 'field':
      return [node.name];
    case 'unary':
      return fieldsOf(node.operand);
    case 'binary':
      return [...fieldsOf(node.left), ...fieldsOf(node.right)];
    case 'call':
      return node.args.flatMap(fieldsOf);
    default:
      return [];
  }
}
