import type { Frozen } from '../../../compiler/ir/types.js';
import type { PermissionSet } from '../../../schemas/index.js';
import type { AccessRules } from '../../data/engine/types.js';
import type { Identity } from './identity.js';

type ObjectRights = AccessRules['objects'][string];
type FieldRights = AccessRules['fields'][string];

/** Names of the permission sets assigned to an identity: by API key name, or by a matching JWT claim value. */
export function assignedSets(identity: Identity, sets: Readonly<Record<string, Frozen<PermissionSet>>>): string[] {
  return Object.keys(sets)
    .filter((name) => {
      const assigned = sets[name]!.assignedTo;
      if (identity.apiKey !== undefined) return assigned.apiKeys.includes(identity.apiKey);
      return Object.entries(assigned.jwtClaims).some(([claim, wanted]) => claimMatches(identity.claims[claim], wanted));
    })
    .sort();
}

function claimMatches(actual: unknown, wanted: string | readonly string[]): boolean {
  const accepted = typeof wanted === 'string' ? [wanted] : wanted;
  const held = Array.isArray(actual) ? actual : [actual];
  return held.some((value) => typeof value === 'string' && accepted.includes(value));
}

/**
 * The union of several permission sets: a right granted by any set is granted. An identity with no set gets empty
 * rules, so every object answers 403 (never the trusted "no rules" of internal callers).
 */
export function mergeAccess(sets: readonly Frozen<PermissionSet>[]): AccessRules {
  const objects: Record<string, ObjectRights> = {};
  const fields: Record<string, FieldRights> = {};
  for (const set of sets) {
    for (const [name, rights] of Object.entries(set.objects)) objects[name] = orRights(objects[name], rights);
    for (const [name, rights] of Object.entries(set.fields)) fields[name] = orRights(fields[name], rights);
  }
  return { objects, fields };
}

function orRights<Rights extends Record<string, boolean>>(
  current: Rights | undefined,
  added: Readonly<Rights>,
): Rights {
  if (current === undefined) return { ...added };
  const merged: Record<string, boolean> = { ...current };
  for (const [right, granted] of Object.entries(added)) merged[right] = (merged[right] ?? false) || granted;
  return merged as Rights;
}
