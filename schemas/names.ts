import { z } from 'zod';

/** The protocol's machine-name rule for objects, fields, rules and permission sets. */
export const SNAKE_CASE_PATTERN = /^[a-z_][a-z0-9_]*$/;

export function snakeCaseName(description: string) {
  return z
    .string()
    .regex(SNAKE_CASE_PATTERN, { message: 'must be snake_case: a lowercase letter or _, then lowercase letters, digits or _' })
    .describe(description);
}

/**
 * Documented extension blocks (ObjectQL `ai_context`, `ai`, `actions`): free-form maps kept as-is in the IR,
 * so tools that understand them can read them without the core schema fixing their shape.
 */
export function extensionBlock(description: string) {
  return z.record(z.string(), z.unknown()).describe(`${description} (extension block: kept as written, not interpreted by the compiler)`);
}
