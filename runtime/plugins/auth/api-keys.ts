import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The configured API keys, held as SHA-256 digests so a lookup compares fixed-length values in constant time and
 * the key material itself is not kept around.
 */
export class ApiKeyTable {
  private readonly entries: readonly { readonly name: string; readonly digest: Buffer }[];

  constructor(keys: Readonly<Record<string, string>>) {
    this.entries = Object.entries(keys).map(([name, value]) => ({ name, digest: digest(value) }));
  }

  get size(): number {
    return this.entries.length;
  }

  /** The name of the key with this value, or undefined. */
  nameOf(value: string): string | undefined {
    const presented = digest(value);
    let found: string | undefined;
    // Every entry is compared, so timing does not reveal which key (or whether any) matched.
    for (const entry of this.entries) if (timingSafeEqual(entry.digest, presented)) found = entry.name;
    return found;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
