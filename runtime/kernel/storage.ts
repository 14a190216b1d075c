import type { PluginStorage, StorageBackend } from './types.js';

/**
 * Plugin storage kept in process memory; values are cloned on the way in and out, so a plugin never shares
 * mutable state through storage. The persistent backend over the data driver comes with the data engine.
 */
export class MemoryStorageBackend implements StorageBackend {
  private readonly namespaces = new Map<string, Map<string, unknown>>();

  async get(namespace: string, key: string): Promise<unknown> {
    const value = this.namespaces.get(namespace)?.get(key);
    return value === undefined ? undefined : structuredClone(value);
  }

  async set(namespace: string, key: string, value: unknown): Promise<void> {
    let entries = this.namespaces.get(namespace);
    if (!entries) this.namespaces.set(namespace, (entries = new Map()));
    entries.set(key, structuredClone(value));
  }

  async delete(namespace: string, key: string): Promise<boolean> {
    return this.namespaces.get(namespace)?.delete(key) ?? false;
  }

  async list(namespace: string, prefix = ''): Promise<string[]> {
    const keys = [...(this.namespaces.get(namespace)?.keys() ?? [])];
    return keys.filter((key) => key.startsWith(prefix)).sort();
  }
}

/** The view one plugin gets: every call goes to its own namespace (the plugin id). */
export function scopedStorage(backend: StorageBackend, namespace: string): PluginStorage {
  return {
    get: async <T>(key: string) => (await backend.get(namespace, key)) as T | undefined,
    set: (key, value) => backend.set(namespace, key, value),
    delete: (key) => backend.delete(namespace, key),
    list: (prefix) => backend.list(namespace, prefix),
  };
}
