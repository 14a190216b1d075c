import { readdirSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/** A stack's local plugin as `dev` watches it: its folder, reloaded as a whole when anything in it changes. */
export interface WatchedPlugin {
  readonly id: string;
  readonly folder: string;
}

/**
 * Watches local plugin folders and calls `reload(id)` once per burst of changes (editors write a file in several
 * steps). Reloads of one plugin never overlap: a change during a reload runs one more reload after it.
 * Returns the function that stops watching.
 */
export function watchLocalPlugins(plugins: readonly WatchedPlugin[], reload: (id: string) => Promise<void>, debounceMs = 100): () => void {
  const watchers: FSWatcher[] = [];
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Map<string, Promise<void>>();
  const schedule = (id: string): void => {
    clearTimeout(timers.get(id));
    timers.set(id, setTimeout(() => {
      timers.delete(id);
      const next = (running.get(id) ?? Promise.resolve()).then(() => reload(id)).catch(() => undefined);
      running.set(id, next);
    }, debounceMs));
  };
  for (const plugin of plugins) {
    // One non-recursive watcher per folder: Node 20's recursive mode on Linux misses a file replaced by rename,
    // which is how many editors save. Folders created after start are not watched.
    for (const folder of foldersOf(plugin.folder)) {
      const watcher = watch(folder, (_event, name) => {
        // Editors' swap and backup files are not the plugin.
        if (name !== null && !/^(\.#|#)|~$|\.swp$/.test(name.toString())) schedule(plugin.id);
      });
      watcher.on('error', () => undefined);
      watchers.push(watcher);
    }
  }
  return () => {
    for (const watcher of watchers) watcher.close();
    for (const timer of timers.values()) clearTimeout(timer);
  };
}

/** The folder and its subfolders, without dependencies and hidden folders. */
function foldersOf(folder: string): string[] {
  const subfolders = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.'))
    .flatMap((entry) => foldersOf(join(folder, entry.name)));
  return [folder, ...subfolders];
}
