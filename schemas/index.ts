export { FIELD_TYPES, FieldTypeSchema, type FieldType } from './field-types.js';
export { FieldOptionSchema, type FieldOption, type FieldOptionInput } from './field-option.js';
export { SUB_FIELD_TYPES, SubFieldSchema } from './field-keys.js';
export { FieldSchema, FieldNameSchema, type Field, type FieldInput } from './field.js';
export { ValidationRuleSchema, type ValidationRule, type ValidationRuleInput } from './validation-rule.js';
export {
  API_METHODS, IndexSchema, ObjectEnableSchema, ObjectFileSchema, ObjectSchema,
  type Index, type ObjectDef, type ObjectDefInput, type ObjectEnable, type ObjectFileDef, type ObjectFileDefInput,
} from './object.js';
export {
  BuiltinPluginEntrySchema, InlinePluginEntrySchema, LocalPluginEntrySchema, PLUGIN_ID_PATTERN, PLUGIN_TYPES,
  PluginEntrySchema, PluginIdSchema, PluginManifestSchema, PluginTypeSchema, PluginVersionSchema, SemverRangeSchema,
  type PluginEntry, type PluginEntryInput, type PluginManifest, type PluginManifestInput, type PluginType,
} from './plugin.js';
export { CORE_SERVICE_NAMES, CoreServiceNameSchema, SERVICE_TIERS, serviceTier, type CoreServiceName, type ServiceTier } from './services.js';
export {
  KNOWN_PERMISSIONS, PERMISSION_CATALOGUE, SERVICE_PERMISSIONS, isKnownPermission, permissionForService, type Permission,
} from './permissions.js';
export {
  CacheConfigSchema, ComplianceConfigSchema, EncryptionConfigSchema, LoggingConfigSchema, QueueConfigSchema,
  SearchConfigSchema, SystemSchema, TenancyConfigSchema, TracingConfigSchema, type SystemConfig, type SystemConfigInput,
} from './system/index.js';
export { DATASOURCE_DRIVERS, DatasourceSchema, type Datasource } from './datasource.js';
export { PermissionSetNameSchema, PermissionSetSchema, type PermissionSet } from './permission-set.js';
export { StackManifestSchema, type StackManifest } from './stack-manifest.js';
export { ServerConfigSchema, type ServerConfig } from './server.js';
export { StackObjectsSchema, StackSchema, type Stack, type StackInput } from './stack.js';
export { SNAKE_CASE_PATTERN } from './names.js';
