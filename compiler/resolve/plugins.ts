import semver from 'semver';
import type { PluginManifest } from '../../schemas/index.js';
import { isKnownPermission, KNOWN_PERMISSIONS } from '../../schemas/index.js';
import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import { refChild, refKey } from '../diagnostics/span.js';
import type { SourceRef } from '../diagnostics/span.js';
import type { PluginDependencyIR, PluginIR, PluginSourceKind } from '../ir/types.js';
import type { ValidatedPlugin } from '../validate/validated-stack.js';
import type { PassResult, ResolveOptions } from './context.js';
import { dependencyOrder } from './dependency-order.js';
import { checkPluginConfig } from './plugin-config.js';
import type { ConfigCheckResult } from './plugin-config.js';
import { suggestion } from '../diagnostics/did-you-mean.js';

/** A plugin entry whose manifest is known, before ordering. */
interface Candidate {
  readonly plugin: ValidatedPlugin;
  readonly manifest: PluginManifest;
  readonly manifestRef: SourceRef;
}

const DEPENDENCY_KINDS = [
  { key: 'dependencies', optional: false },
  { key: 'optionalDependencies', optional: true },
] as const;

/**
 * Orders the stack's plugins by their dependencies and checks everything that relates one plugin to another:
 * duplicates, missing dependencies, version ranges, cycles, then each entry's config and the manifest permissions.
 */
export function resolvePlugins(plugins: readonly ValidatedPlugin[], options: ResolveOptions = {}): PassResult<PluginIR[]> {
  const diagnostics: PendingDiagnostic[] = [];
  const { byId, unresolvedIds } = collectCandidates(plugins, diagnostics);

  const nodes = [...byId.values()].map((candidate) => ({
    id: candidate.manifest.id,
    after: checkDependencies(candidate, byId, unresolvedIds, diagnostics),
  }));
  const { order, cycles } = dependencyOrder(nodes);
  for (const cycle of cycles) diagnostics.push(cycleDiagnostic(cycle, byId));

  const result = order.map((id, index) => {
    const candidate = byId.get(id)!;
    const checked = checkPluginConfig({
      pluginId: id,
      manifest: candidate.manifest,
      config: candidate.plugin.entry.config,
      entryRef: candidate.plugin.ref,
      environment: options,
    });
    diagnostics.push(...checked.diagnostics, ...checkPermissions(candidate));
    return toPluginIR(candidate, index, checked, byId);
  });
  return { result, diagnostics };
}

/** Entries with a manifest, keyed by id (first entry wins), and the built-in ids whose manifest is unknown. */
function collectCandidates(plugins: readonly ValidatedPlugin[], diagnostics: PendingDiagnostic[]) {
  const byId = new Map<string, Candidate>();
  const unresolvedIds = new Set<string>();
  for (const plugin of plugins) {
    const { manifest } = plugin;
    if (!manifest) {
      // The loader already reported why; only remember the id so nothing depending on it is reported twice.
      if ('id' in plugin.entry) unresolvedIds.add(plugin.entry.id);
      continue;
    }
    const manifestRef = plugin.manifestRef ?? plugin.ref;
    const first = byId.get(manifest.id);
    if (first) {
      diagnostics.push({
        code: 'OS2004',
        message: `Plugin '${manifest.id}' is listed twice`,
        at: plugin.ref,
        hint: 'keep one entry and merge their config',
        related: [{ at: first.plugin.ref, message: `'${manifest.id}' first listed here` }],
      });
      continue;
    }
    byId.set(manifest.id, { plugin, manifest, manifestRef });
    checkBuiltinRange(plugin, manifest, diagnostics);
  }
  return { byId, unresolvedIds };
}

function checkBuiltinRange(plugin: ValidatedPlugin, manifest: PluginManifest, diagnostics: PendingDiagnostic[]): void {
  const range = 'id' in plugin.entry ? plugin.entry.version : undefined;
  if (range === undefined || semver.satisfies(manifest.version, range, { includePrerelease: true })) return;
  diagnostics.push({
    code: 'OS2005',
    message: `Plugin '${manifest.id}' is version ${manifest.version}, outside the requested range ${range}`,
    at: refChild(plugin.ref, 'version'),
    hint: `use a range that includes ${manifest.version}, e.g. ^${manifest.version}`,
  });
}

/** Reports missing dependencies and version conflicts; returns the ids the plugin must start after. */
function checkDependencies(
  candidate: Candidate,
  byId: ReadonlyMap<string, Candidate>,
  unresolvedIds: ReadonlySet<string>,
  diagnostics: PendingDiagnostic[],
): string[] {
  const after: string[] = [];
  const { manifest, manifestRef } = candidate;
  for (const { key, optional } of DEPENDENCY_KINDS) {
    for (const [dependencyId, range] of Object.entries(manifest[key])) {
      const declared = refChild(manifestRef, key, dependencyId);
      const provider = byId.get(dependencyId);
      if (!provider) {
        if (optional || unresolvedIds.has(dependencyId)) continue;
        diagnostics.push({
          code: 'OS2002',
          message: `Plugin '${manifest.id}' depends on '${dependencyId}' (${range}), which the stack does not include`,
          at: refKey(declared),
          hint: suggestion(dependencyId, byId.keys()) ?? `add '- id: ${dependencyId}' (or its folder) to plugins`,
          related: relatedEntry(candidate),
        });
        continue;
      }
      after.push(dependencyId);
      const found = provider.manifest.version;
      if (!semver.satisfies(found, range, { includePrerelease: true })) {
        diagnostics.push({
          code: 'OS2003',
          message: `Plugin '${manifest.id}' needs '${dependencyId}' ${range}, but the stack provides version ${found}`,
          at: declared,
          hint: `use a version of '${dependencyId}' matching ${range}, or widen the range if ${found} is known to work`,
          related: [{ at: refChild(provider.manifestRef, 'version'), message: `'${dependencyId}' is version ${found}` }],
        });
      }
    }
  }
  return after;
}

/** Points from a manifest in a plugin.yml back to the stack entry that brought the plugin in. */
function relatedEntry(candidate: Candidate) {
  return candidate.plugin.manifestRef && candidate.plugin.manifestRef.file !== candidate.plugin.ref.file
    ? [{ at: candidate.plugin.ref, message: `'${candidate.manifest.id}' is added to the stack here` }]
    : undefined;
}

function cycleDiagnostic(cycle: readonly string[], byId: ReadonlyMap<string, Candidate>): PendingDiagnostic {
  const edges = cycle.slice(0, -1).map((id, index) => {
    const next = cycle[index + 1]!;
    const { manifest, manifestRef } = byId.get(id)!;
    const key = next in manifest.dependencies ? 'dependencies' : 'optionalDependencies';
    return { at: refKey(refChild(manifestRef, key, next)), message: `'${id}' depends on '${next}' here` };
  });
  return {
    code: 'OS2001',
    message: `Plugin dependency cycle: ${cycle.join(' → ')}`,
    at: edges[0]!.at,
    hint: 'remove one of these dependencies; plugins start in dependency order, which a cycle makes impossible',
    related: edges,
  };
}

function checkPermissions({ manifest, manifestRef }: Candidate): PendingDiagnostic[] {
  const diagnostics: PendingDiagnostic[] = [];
  manifest.permissions.forEach((permission, index) => {
    if (isKnownPermission(permission)) return;
    diagnostics.push({
      code: 'OS2009',
      message: `Plugin '${manifest.id}' asks for unknown permission '${permission}'`,
      at: refChild(manifestRef, 'permissions', index),
      hint: suggestion(permission, KNOWN_PERMISSIONS) ?? knownPermissionsHint(permission),
    });
  });
  return diagnostics;
}

/** The known permissions of the same area (`queue.` …), else the areas there are. */
function knownPermissionsHint(permission: string): string {
  const area = permission.split('.')[0] ?? '';
  const sameArea = KNOWN_PERMISSIONS.filter((known) => known.startsWith(`${area}.`));
  if (sameArea.length > 0) return `known '${area}' permissions: ${sameArea.join(', ')}`;
  const areas = [...new Set(KNOWN_PERMISSIONS.map((known) => known.split('.')[0]))];
  return `permissions are written <area>.<action>, with area one of: ${areas.join(', ')}`;
}

function toPluginIR(
  { plugin, manifest, manifestRef }: Candidate,
  order: number,
  { config, schema, environment }: ConfigCheckResult,
  byId: ReadonlyMap<string, Candidate>,
): PluginIR {
  const dependencies: PluginDependencyIR[] = [];
  for (const { key, optional } of DEPENDENCY_KINDS) {
    for (const [id, range] of Object.entries(manifest[key])) {
      const provider = byId.get(id);
      if (provider) dependencies.push({ id, range, version: provider.manifest.version, optional });
    }
  }
  return {
    id: manifest.id,
    version: manifest.version,
    manifest,
    manifestOrigin: manifestRef,
    entry: plugin.entry,
    config,
    configSchema: schema,
    configEnvironment: environment,
    source: { kind: sourceKind(plugin), moduleFile: plugin.moduleFile ?? null },
    dependencies,
    order,
    origin: plugin.ref,
  };
}

function sourceKind(plugin: ValidatedPlugin): PluginSourceKind {
  if ('manifest' in plugin.entry) return 'inline';
  return 'path' in plugin.entry ? 'path' : 'builtin';
}
