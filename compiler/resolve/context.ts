import type { PendingDiagnostic } from '../diagnostics/diagnostic.js';
import type { SourceRef } from '../diagnostics/span.js';

/** What the caller knows beyond the validated stack. */
export interface ResolveOptions {
  /**
   * Whether the value at `ref` was written as an `${env:…}` reference. The loader substitutes references before
   * validation, so only it can tell; without this, the literal-secret warning (OS2008) is not checked.
   */
  readonly fromEnvironment?: (ref: SourceRef) => boolean;
}

/** Every pass is a pure function returning its result and what it found. */
export interface PassResult<T> {
  readonly result: T;
  readonly diagnostics: readonly PendingDiagnostic[];
}
