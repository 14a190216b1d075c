import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { buildStack, type BuildOptions, type BuildResult } from './build-stack.js';

export interface WatchOptions extends BuildOptions {
  /** Aborting stops watching; `watchStack` then resolves. */
  readonly signal: AbortSignal;
  /** Called after every build, the first one included. */
  readonly onBuild: (result: BuildResult, changed: readonly string[]) => void;
  /** Quiet period after the last change before rebuilding. Default 100 ms. */
  readonly debounceMs?: number;
}

/** Folders that change without being inputs, or because of the build itself. */
const IGNORED_SEGMENTS = new Set(['node_modules', '.git', '.objectstack']);

/**
 * Builds, then rebuilds whenever the stack file, an included object file or a plugin manifest changes — or a YAML
 * file appears in the stack's folder (a new include match). Watches the stack folder recursively (Node 20 supports
 * recursive `fs.watch` on Linux) and the folders of input files outside it; changes are debounced. Errors never stop
 * the loop: they are reported through `onBuild` and the next change builds again.
 */
export async function watchStack(entryPath: string, options: WatchOptions): Promise<void> {
  const entry = resolve(entryPath);
  const stackDir = dirname(entry);
  const watchers = new Map<string, FSWatcher>();
  let inputs = new Set<string>();
  let outDir = '';
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  const rebuild = (changed: readonly string[]): void => {
    const result = buildStack(entry, options);
    outDir = result.outDir;
    inputs = new Set(result.inputFiles);
    for (const file of result.inputFiles) if (!isInside(file, stackDir)) watchFolder(dirname(file), false);
    options.onBuild(result, changed);
  };

  const relevant = (file: string): boolean => {
    if (inputs.has(file)) return true;
    if (outDir !== '' && (isInside(file, outDir) || basename(file).startsWith(`.${basename(outDir)}.`))) return false;
    if (relative(stackDir, file).split(sep).some((segment) => IGNORED_SEGMENTS.has(segment))) return false;
    return /\.ya?ml$/.test(file);
  };

  const onChange = (folder: string, name: string | Buffer | null): void => {
    if (name === null) return;
    const file = resolve(folder, name.toString());
    if (!relevant(file)) return;
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = [...pending].sort();
      pending = new Set();
      rebuild(changed);
    }, options.debounceMs ?? 100);
  };

  function watchFolder(folder: string, recursive: boolean): void {
    if (watchers.has(folder)) return;
    try {
      const watcher = watch(folder, { recursive }, (_event, name) => onChange(folder, name));
      watcher.on('error', () => watchers.delete(folder));
      watchers.set(folder, watcher);
    } catch {
      // A folder that vanished is picked up again by the next build's inputs.
    }
  }

  watchFolder(stackDir, true);
  rebuild([]);
  await new Promise<void>((resolveStop) => {
    if (options.signal.aborted) return resolveStop();
    options.signal.addEventListener('abort', () => resolveStop(), { once: true });
  });
  clearTimeout(timer);
  for (const watcher of watchers.values()) watcher.close();
}

function isInside(file: string, folder: string): boolean {
  const path = relative(folder, file);
  return path === '' || (!path.startsWith('..') && !path.startsWith(sep) && !/^[A-Za-z]:/.test(path));
}
