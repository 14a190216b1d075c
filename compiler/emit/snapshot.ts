import { snapshotTextOf } from '../migrate/snapshot.js';
import type { StackIR } from '../ir/types.js';
import type { Artifact } from './artifact.js';

export const SNAPSHOT_FILE = 'snapshot.json';

/**
 * `snapshot.json`: the physical schema `objectstack diff` compares against, exactly as the migration planner
 * serialises it. It carries no `x-generated` header: the snapshot format is strict and versioned, and its own `hash`
 * field already identifies its content (the build's input hash is in manifest.lock.json).
 */
export function emitSnapshot(ir: StackIR): Artifact {
  return { path: SNAPSHOT_FILE, content: snapshotTextOf(ir) };
}
