import { z } from 'zod';
import { FieldNameSchema, FieldSchema } from './field.js';
import { extensionBlock, snakeCaseName } from './names.js';
import { ValidationRuleSchema } from './validation-rule.js';

export const IndexSchema = z
  .strictObject({
    name: snakeCaseName('Index name (generated from the object and field names when omitted)').optional(),
    fields: z.array(FieldNameSchema).min(1).describe('Fields in the index, in order'),
    unique: z.boolean().default(false).describe('Reject two records with the same values in these fields'),
  })
  .describe('A database index');

export const API_METHODS = ['get', 'list', 'create', 'update', 'delete', 'upsert', 'bulk', 'aggregate', 'history', 'search', 'restore', 'purge', 'import', 'export'] as const;

export const ObjectEnableSchema = z
  .strictObject({
    trackHistory: z.boolean().default(false).describe('Record field changes in an audit history'),
    searchable: z.boolean().default(true).describe('Index records for global search'),
    apiEnabled: z.boolean().default(true).describe('Expose the object through the generated REST/GraphQL APIs'),
    apiMethods: z.array(z.enum(API_METHODS)).optional().describe('Allowed API operations (all when omitted)'),
    files: z.boolean().default(false).describe('Allow file attachments on records'),
    feeds: z.boolean().default(false).describe('Enable comments, mentions and a record feed'),
    activities: z.boolean().default(false).describe('Enable tasks and events linked to records'),
    clone: z.boolean().default(true).describe('Allow cloning records'),
  })
  .describe('System features switched on for this object');

const objectKeys = {
  label: z.string().optional().describe('Singular human-readable name, e.g. "Account"'),
  pluralLabel: z.string().optional().describe('Plural human-readable name, e.g. "Accounts"'),
  description: z.string().optional().describe('What the object represents'),
  icon: z.string().optional().describe('Icon name for UIs, e.g. "briefcase" or "standard:account"'),
  datasource: z.string().optional().describe('Name of the datasource holding the table (the default datasource when omitted)'),
  tableName: z.string().optional().describe('Physical table name (defaults to the object name)'),
  fields: z.record(FieldNameSchema, FieldSchema).default({}).describe('Fields keyed by snake_case name'),
  indexes: z.array(IndexSchema).optional().describe('Database indexes'),
  validations: z.array(ValidationRuleSchema).optional().describe('Validation rules checked on writes'),
  enable: ObjectEnableSchema.optional().describe('System features switched on for this object'),
  ownership: z
    .enum(['user', 'organization', 'none'])
    .optional()
    .describe('Who owns records: user adds an owner field, organization scopes records to an organization, none has no owner'),
  tenancy: z
    .strictObject({
      enabled: z.boolean().default(true).describe('Partition records by tenant'),
      field: snakeCaseName('Field holding the tenant id').default('tenant_id'),
    })
    .optional()
    .describe('Per-object multi-tenancy (see system.tenancy for the strategy)'),
  renamedFrom: snakeCaseName(
    'Previous name of this object: migrations rename its table (and join tables) instead of dropping and re-creating it',
  ).optional(),
  nameField: FieldNameSchema.optional().describe('Field used as the record title in lists and lookups (defaults to `name` when present)'),
  sharingModel: z
    .enum(['private', 'public_read', 'public_read_write', 'controlled_by_parent'])
    .optional()
    .describe('Default record access for users who do not own the record'),
  ai_context: extensionBlock('AI hints about the object (intent, domain, common queries)').optional(),
  ai: extensionBlock('AI features of the object, e.g. {search: {enabled, fields, model}}').optional(),
  actions: z
    .record(z.string(), extensionBlock('One custom action: type, label, icon, params, ...'))
    .optional()
    .describe('Custom actions keyed by name (extension block: kept as written)'),
};

export const ObjectSchema = z
  .strictObject({ name: snakeCaseName('Object name (snake_case); also the table name unless `tableName` is set'), ...objectKeys })
  .describe('A business object: a table with typed fields')
  .meta({ id: 'Object' });

/** An included `*.object.yml` file: the same shape, but `name` may be omitted and is then taken from the file name. */
export const ObjectFileSchema = z
  .strictObject({
    name: snakeCaseName('Object name (snake_case); defaults to the file name without .object.yml').optional(),
    ...objectKeys,
  })
  .describe('A business object defined in its own *.object.yml file')
  .meta({ id: 'ObjectFile' });

export type ObjectDef = z.output<typeof ObjectSchema>;
export type ObjectDefInput = z.input<typeof ObjectSchema>;
export type ObjectFileDef = z.output<typeof ObjectFileSchema>;
export type ObjectFileDefInput = z.input<typeof ObjectFileSchema>;
export type Index = z.output<typeof IndexSchema>;
export type ObjectEnable = z.output<typeof ObjectEnableSchema>;
