import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

const CATEGORIES = ['tools', 'garden', 'kitchen', 'toys', 'books'] as const;

/** A project folder with one `item` object: text, select, number and boolean fields. */
export function itemProject(): string {
  return project({
    manifest: { id: 'com.bench.items', name: 'Items', version: '1.0.0' },
    plugins: [{ id: 'com.objectstack.data' }],
    objects: {
      item: {
        fields: {
          name: { type: 'text', required: true, maxLength: 120 },
          category: { type: 'select', options: [...CATEGORIES] },
          price: { type: 'number', min: 0 },
          active: { type: 'boolean', defaultValue: true },
        },
      },
    },
  });
}

/** `count` objects of six fields each, a lookup to the previous one: the startup-time stack. */
export function wideProject(count: number): string {
  const objects: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    objects[`object_${i}`] = {
      fields: {
        name: { type: 'text', required: true },
        code: { type: 'text', unique: true },
        amount: { type: 'number' },
        done: { type: 'boolean' },
        stage: { type: 'select', options: ['a', 'b', 'c'] },
        ...(i > 0 && { parent: { type: 'lookup', reference: `object_${i - 1}` } }),
      },
    };
  }
  return project({ manifest: { id: 'com.bench.wide', name: 'Wide', version: '1.0.0' }, plugins: [{ id: 'com.objectstack.data' }], objects });
}

function project(stack: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'objectstack-bench-http-'));
  writeFileSync(join(dir, 'objectstack.yaml'), stringify(stack));
  return dir;
}

export function itemInput(i: number): { name: string; category: string; price: number; active: boolean } {
  return { name: `Item ${i}`, category: CATEGORIES[i % CATEGORIES.length]!, price: (i % 500) + 0.5, active: i % 3 !== 0 };
}
