import type { Stack, SystemConfig } from '../../schemas/index.js';
import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { refChild } from '../diagnostics/span.js';
import type { SourceRef } from '../diagnostics/span.js';
import type { ObjectIR } from '../ir/types.js';
import type { PassResult } from './context.js';
import { fieldHint, hasField, objectHint } from './lookup.js';
import { suggestion } from '../diagnostics/did-you-mean.js';

export interface SystemInput {
  readonly system: SystemConfig;
  readonly datasources: Stack['datasources'];
  readonly permissionSets: readonly string[];
  readonly objects: ReadonlyMap<string, ObjectIR>;
  /** Objects whose document failed validation: references to them were reported there. */
  readonly rejectedObjects: ReadonlySet<string>;
  /** Services some plugin provides. */
  readonly services: ReadonlySet<string>;
  readonly stackRef: SourceRef;
}

/** Cross-checks of the `system` section that its schema cannot express: references, prerequisites, dead settings. */
export function checkSystem(input: SystemInput): PassResult<SystemConfig> {
  const at = (...path: (string | number)[]) => refChild(input.stackRef, 'system', ...path);
  const diagnostics = [...objectReferences(input, at), ...tenancy(input, at), ...deadSettings(input.system, at), ...unprovided(input, at)];
  return { result: input.system, diagnostics };
}

type At = (...path: (string | number)[]) => SourceRef;

function objectReferences({ system, objects, rejectedObjects, permissionSets }: SystemInput, at: At): PendingDiagnostic[] {
  const diagnostics: PendingDiagnostic[] = [];
  // Every field name of the stack, for masking rules that apply to all objects: built once, only when needed.
  let allFields: Set<string> | undefined;
  const object = (name: string, ref: SourceRef, setting: string): ObjectIR | undefined => {
    const found = objects.get(name);
    if (!found && !rejectedObjects.has(name)) diagnostics.push({ code: 'OS4001', message: `${setting} names unknown object '${name}'`, at: ref, hint: objectHint(name, objects) });
    return found;
  };
  const field = (owner: ObjectIR, name: string, ref: SourceRef, setting: string) => {
    if (hasField(owner, name)) return;
    diagnostics.push({ code: 'OS4001', message: `${setting} names '${name}', which is not a field of '${owner.name}'`, at: ref, hint: fieldHint(name, owner) });
  };

  for (const [name, index] of Object.entries(system.search.indexes)) {
    const owner = object(index.object, at('search', 'indexes', name, 'object'), `Search index '${name}'`);
    index.fields.forEach((fieldName, position) => {
      if (owner) field(owner, fieldName, at('search', 'indexes', name, 'fields', position), `Search index '${name}'`);
    });
  }
  system.compliance.retention.policies.forEach((policy, position) => {
    object(policy.object, at('compliance', 'retention', 'policies', position, 'object'), 'Retention policy');
  });
  system.compliance.masking.forEach((rule, position) => {
    const ref = at('compliance', 'masking', position);
    if (rule.object !== undefined) {
      const owner = object(rule.object, refChild(ref, 'object'), 'Masking rule');
      if (owner) field(owner, rule.field, refChild(ref, 'field'), 'Masking rule');
    } else {
      allFields ??= new Set([...objects.values()].flatMap((each) => [...each.fieldsByName.keys()]));
      if (!allFields.has(rule.field)) {
        diagnostics.push({
          code: 'OS4001',
          message: `Masking rule names field '${rule.field}', which no object has`,
          at: refChild(ref, 'field'),
          hint: suggestion(rule.field, allFields) ?? 'name a field declared by some object, or set `object`',
        });
      }
    }
    rule.exemptPermissionSets.forEach((set, index) => {
      if (permissionSets.includes(set)) return;
      diagnostics.push({
        code: 'OS4002',
        message: `Masking rule exempts unknown permission set '${set}'`,
        at: refChild(ref, 'exemptPermissionSets', index),
        hint: suggestion(set, permissionSets) ?? 'declare it under permissions',
      });
    });
  });
  system.encryption.fields.forEach((path, position) => {
    const ref = at('encryption', 'fields', position);
    const [objectName = '', fieldName = ''] = path.split('.');
    const owner = object(objectName, ref, 'Encrypted field');
    if (owner) field(owner, fieldName, ref, 'Encrypted field');
  });
  return diagnostics;
}

function tenancy({ system, datasources }: SystemInput, at: At): PendingDiagnostic[] {
  const { enabled, strategy } = system.tenancy;
  if (!enabled || strategy === 'shared_schema') return [];
  if (Object.values(datasources).some((datasource) => datasource.driver === 'postgres')) return [];
  return [
    {
      code: 'OS4003',
      message: `Tenancy strategy '${strategy}' needs a PostgreSQL datasource, and the stack has none`,
      at: at('tenancy', 'strategy'),
      hint: 'declare one under datasources (driver: postgres), or use strategy: shared_schema',
    },
  ];
}

/** Settings that differ from their default while the feature they belong to is off. */
function deadSettings(system: SystemConfig, at: At): PendingDiagnostic[] {
  const dead: [boolean, SourceRef, string, string][] = [
    [!system.tracing.enabled && system.tracing.exporter.type !== 'none', at('tracing', 'exporter'), 'tracing exporter', 'tracing.enabled is false'],
    [!system.tenancy.enabled && system.tenancy.strategy !== 'shared_schema', at('tenancy', 'strategy'), 'tenancy strategy', 'tenancy.enabled is false'],
    [!system.tenancy.enabled && system.tenancy.databaseUrlTemplate !== undefined, at('tenancy', 'databaseUrlTemplate'), 'tenancy databaseUrlTemplate', 'tenancy.enabled is false'],
    [!system.encryption.enabled && system.encryption.fields.length > 0, at('encryption', 'fields'), 'encryption fields', 'encryption.enabled is false'],
    [system.queue.driver === 'memory' && system.queue.url !== undefined, at('queue', 'url'), 'queue url', 'the memory driver connects to nothing'],
    [system.search.provider === 'database' && system.search.url !== undefined, at('search', 'url'), 'search url', 'the database provider uses the SQL database'],
  ];
  return dead
    .filter(([applies]) => applies)
    .map(([, ref, setting, reason]) => ({
      code: 'OS4004',
      message: `The ${setting} has no effect: ${reason}`,
      at: ref,
      hint: 'enable the feature, or remove the setting',
    }));
}

function unprovided({ system, services }: SystemInput, at: At): PendingDiagnostic[] {
  const configured: [string, boolean, SourceRef][] = [
    ['cache', system.cache.tiers.some((tier) => tier.type === 'redis'), at('cache')],
    ['queue', system.queue.driver !== 'memory' || Object.keys(system.queue.queues).length > 0, at('queue')],
    // The database provider searches through the data service; only an external engine needs a search plugin.
    ['search', system.search.provider !== 'database', at('search', 'provider')],
  ];
  return configured
    .filter(([service, isConfigured]) => isConfigured && !services.has(service))
    .map(([service, , ref]) => ({
      code: 'OS4005',
      message: `system.${service} is configured, but no plugin provides the '${service}' service`,
      at: ref,
      hint: `add a plugin that lists '${service}' under providesServices, or remove system.${service}`,
    }));
}
