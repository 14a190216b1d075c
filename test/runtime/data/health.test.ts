import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseHealth } from '../../../runtime/data/drivers/health.js';
import { openDriver } from '../../../runtime/data/drivers/index.js';

const dir = mkdtempSync(join(tmpdir(), 'objectstack-health-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('database health', () => {
  it('is healthy while the database answers and unhealthy, with the reason, once it does not', async () => {
    const driver = openDriver(join(dir, 'health.db'));
    expect(await databaseHealth(driver)).toBe('healthy');
    await driver.close();
    const after = await databaseHealth(driver);
    expect(after).toMatchObject({ status: 'unhealthy' });
    expect((after as { message: string }).message).toContain(driver.description);
  });
});
