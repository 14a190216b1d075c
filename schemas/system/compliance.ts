import { z } from 'zod';

const RetentionPolicySchema = z.strictObject({
  object: z.string().min(1).describe('Object the policy applies to'),
  days: z.number().int().positive().describe('Records older than this many days are processed'),
  action: z.enum(['delete', 'anonymize', 'archive']).default('delete').describe('What happens to expired records'),
});

const MaskingRuleSchema = z.strictObject({
  object: z.string().optional().describe('Object the rule applies to (all objects when omitted)'),
  field: z.string().min(1).describe('Field whose value is masked'),
  strategy: z.enum(['redact', 'partial', 'hash', 'tokenize']).default('redact').describe('How the value is masked'),
  visibleChars: z.number().int().min(0).optional().describe('Characters left visible by the partial strategy'),
  exemptPermissionSets: z.array(z.string()).default([]).describe('Permission sets that see the real value'),
});

export const ComplianceConfigSchema = z
  .strictObject({
    profiles: z.array(z.enum(['gdpr', 'hipaa', 'pci', 'soc2'])).default([]).describe('Regulatory profiles whose defaults are applied'),
    retention: z
      .strictObject({
        defaultDays: z.number().int().positive().optional().describe('Retention for objects without their own policy (forever when omitted)'),
        policies: z.array(RetentionPolicySchema).default([]).describe('Per-object retention policies'),
      })
      .prefault({})
      .describe('Data retention'),
    masking: z.array(MaskingRuleSchema).default([]).describe('Field masking rules'),
    auditLog: z.boolean().default(false).describe('Keep an audit log of every write'),
  })
  .describe('Compliance: regulatory profiles, retention and masking');
