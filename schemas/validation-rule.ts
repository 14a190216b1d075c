import { z } from 'zod';
import { extensionBlock, snakeCaseName } from './names.js';

const ruleBaseKeys = {
  name: snakeCaseName('Unique rule name within the object (snake_case)'),
  label: z.string().optional().describe('Human-readable rule title'),
  description: z.string().optional().describe('Why the rule exists (for administrators)'),
  active: z.boolean().default(true).describe('Inactive rules are kept but not enforced'),
  events: z
    .array(z.enum(['insert', 'update', 'delete']))
    .default(['insert', 'update'])
    .describe('Operations that trigger the rule'),
  severity: z.enum(['error', 'warning', 'info']).default('error').describe('error blocks the write; warning and info are reported only'),
  message: z.string().min(1).describe('Message shown to the user when the rule fails'),
  errorCode: z.string().optional().describe('Stable machine-readable code returned by the API when the rule fails'),
  ai_context: extensionBlock('AI hints about the rule').optional(),
};

const ScriptRuleSchema = z.strictObject({
  type: z.literal('script').describe('Fails when `condition` evaluates to true'),
  ...ruleBaseKeys,
  condition: z.string().min(1).describe('Expression over the record; the rule fails when it is true, e.g. "amount < 0"'),
});

const FormatRuleSchema = z.strictObject({
  type: z.literal('format').describe('Checks one field against a regular expression or a named format'),
  ...ruleBaseKeys,
  field: snakeCaseName('Field to check'),
  regex: z.string().optional().describe('Regular expression the value must match'),
  format: z.enum(['email', 'url', 'phone', 'json', 'uuid', 'ipv4', 'ipv6']).optional().describe('Named format the value must have'),
});

const StateMachineRuleSchema = z.strictObject({
  type: z.literal('state_machine').describe('Restricts which value of a state field may follow which'),
  ...ruleBaseKeys,
  field: snakeCaseName('State field, usually a select'),
  transitions: z
    .record(z.string(), z.array(z.string()))
    .describe('Map from a current state to the states allowed next; a state mapped to [] is terminal'),
});

const CrossFieldRuleSchema = z.strictObject({
  type: z.literal('cross_field').describe('Relates several fields of the record'),
  ...ruleBaseKeys,
  condition: z.string().min(1).describe('Expression over the fields; the rule fails when it is true, e.g. "end_date < start_date"'),
  fields: z.array(snakeCaseName('Field name')).min(1).describe('Fields the condition reads (errors are attached to them)'),
});

const JsonSchemaRuleSchema = z.strictObject({
  type: z.literal('json_schema').describe('Validates a JSON field against a JSON Schema'),
  ...ruleBaseKeys,
  field: snakeCaseName('JSON field to validate'),
  schema: z.record(z.string(), z.unknown()).describe('JSON Schema (draft-07) the value must satisfy'),
});

/** The rules a conditional rule may apply: every kind except another conditional (one level keeps it readable). */
const ConditionalBranchSchema = z.discriminatedUnion('type', [
  ScriptRuleSchema, FormatRuleSchema, StateMachineRuleSchema, CrossFieldRuleSchema, JsonSchemaRuleSchema,
]);

const ConditionalRuleSchema = z.strictObject({
  type: z.literal('conditional').describe('Applies one rule when a condition holds and optionally another when it does not'),
  ...ruleBaseKeys,
  when: z.string().min(1).describe('Expression deciding which branch applies, e.g. "region = \'EU\'"'),
  then: ConditionalBranchSchema.describe('Rule applied when `when` is true'),
  otherwise: ConditionalBranchSchema.optional().describe('Rule applied when `when` is false'),
});

export const ValidationRuleSchema = z
  .discriminatedUnion('type', [
    ScriptRuleSchema, FormatRuleSchema, StateMachineRuleSchema, CrossFieldRuleSchema, JsonSchemaRuleSchema, ConditionalRuleSchema,
  ])
  .describe('An object-level validation rule; `type` decides its keys')
  .meta({ id: 'ValidationRule' });

export type ValidationRule = z.output<typeof ValidationRuleSchema>;
export type ValidationRuleInput = z.input<typeof ValidationRuleSchema>;
