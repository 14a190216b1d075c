import { z } from 'zod';
import { snakeCaseName } from './names.js';

const ObjectAccessSchema = z
  .strictObject({
    allowRead: z.boolean().default(false).describe('Read records the user can see'),
    allowCreate: z.boolean().default(false).describe('Create records'),
    allowEdit: z.boolean().default(false).describe('Edit records the user can see'),
    allowDelete: z.boolean().default(false).describe('Delete records the user can see'),
    viewAllRecords: z.boolean().default(false).describe('Read every record, ignoring ownership and sharing'),
    modifyAllRecords: z.boolean().default(false).describe('Edit and delete every record, ignoring ownership and sharing'),
  })
  .describe('Access to one object');

const FieldAccessSchema = z
  .strictObject({
    readable: z.boolean().default(true).describe('The field is returned by reads'),
    editable: z.boolean().default(false).describe('The field may be written'),
  })
  .describe('Access to one field');

/** `object.field`, the key of a field-level permission. */
const OBJECT_FIELD_KEY = /^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/;

export const PermissionSetSchema = z
  .strictObject({
    label: z.string().optional().describe('Human-readable name'),
    description: z.string().optional().describe('Who the set is for'),
    objects: z.record(z.string(), ObjectAccessSchema).default({}).describe('Object access keyed by object name'),
    fields: z
      .record(z.string().regex(OBJECT_FIELD_KEY, { message: 'field permission keys are written object.field' }), FieldAccessSchema)
      .default({})
      .describe('Field access keyed by object.field; fields not listed follow the object access'),
    assignedTo: z
      .strictObject({
        apiKeys: z.array(z.string()).default([]).describe('API key names (or ${env:...} references) granted this set'),
        jwtClaims: z
          .record(z.string(), z.union([z.string(), z.array(z.string())]))
          .default({})
          .describe('JWT claims that grant this set, e.g. {role: [admin, manager]}'),
      })
      .prefault({})
      .describe('Who receives the permission set'),
  })
  .describe('A permission set: object and field access, and who gets it');

export const PermissionSetNameSchema = snakeCaseName('Permission set name (snake_case)');

export type PermissionSet = z.output<typeof PermissionSetSchema>;
