import { beforeAll } from 'vitest';
import type { StackIR } from '../../compiler/ir/types.js';
import { clashIr } from './types/clash-stack.js';
import { EXAMPLE_STACKS, exampleIr } from './types/stack-ir.js';

/** The stacks every emitter test runs on: the examples and the name-clash stack. */
export const EMITTER_STACKS = [...EXAMPLE_STACKS, 'clash'] as const;

/**
 * Emits each of `EMITTER_STACKS` once, before the file's tests, and returns a lookup by stack name, so a test file
 * pays for each emit once however many tests read the output.
 */
export function emittedPerStack(emit: (ir: StackIR) => string): (name: string) => string {
  const texts = new Map<string, string>();
  beforeAll(() => {
    for (const name of EXAMPLE_STACKS) texts.set(name, emit(exampleIr(name)));
    texts.set('clash', emit(clashIr()));
  });
  return (name) => {
    const text = texts.get(name);
    if (text === undefined) throw new Error(`nothing emitted for ${name}`);
    return text;
  };
}
