import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import type { SourceRef } from '../diagnostics/span.js';

/** What the caller knows beyond the validated stack. */
export interface ResolveOptions {
  /**
   * Whether the value at `ref` was written as an `${env:…}` reference. The loader substitutes references before
   * validation, so only it can tell; without this, the literal-secret warning (OS2008) is not checked.
   */
  readonly fromEnvironment?: (ref: SourceRef) => boolean;
  /**
   * The value at `ref` as written in the YAML, for a value that contains an `${env:…}` reference (e.g.
   * `${env:API_KEY}`). Carried into `PluginIR.configEnvironment` so emitters read the environment at run time
   * instead of printing the substituted value (a secret) into generated files.
   */
  readonly environmentText?: (ref: SourceRef) => string | undefined;
  /**
   * Deep-freeze the IR (default: when NODE_ENV is `test` or `development`). The IR's types are deeply readonly
   * everywhere; the run-time freeze is a guard that makes an emitter mutating its input fail in tests. It is off
   * in production because it costs about a third of resolution (130 ms of 370 ms on the 1,000 × 20 benchmark
   * stack on this machine, measured under load), and because it freezes the validated values the IR adopts by
   * reference instead of copying them.
   */
  readonly freeze?: boolean;
}

export function freezeByDefault(): boolean {
  return process.env.NODE_ENV === 'test' || process.env.NODE_ENV === 'development';
}

/** Every pass is a pure function returning its result and what it found. */
export interface PassResult<T> {
  readonly result: T;
  readonly diagnostics: readonly PendingDiagnostic[];
}
