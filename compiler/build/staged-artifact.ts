import type { Artifact } from '../emit/artifact.js';
import { stageFile, type FileStatus, type OutputPlan } from '../write/index.js';
import { stampArtifact } from './stamp.js';

/** What staging one artifact tells the build: its fingerprint for the lock and how it compares with the output. */
export interface StagedArtifact {
  readonly path: string;
  readonly fingerprint: string;
  readonly status: FileStatus;
}

/** Stamps an artifact with its own header hash and stages it into the write: the work either thread does per file. */
export function stageArtifact(plan: OutputPlan, artifact: Artifact, packageVersion: string): StagedArtifact {
  const stamped = stampArtifact(artifact, packageVersion);
  return { path: artifact.path, fingerprint: stamped.fingerprint, status: stageFile(plan, artifact.path, stamped.bytes) };
}
