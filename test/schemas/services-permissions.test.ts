import { describe, expect, it } from 'vitest';
import {
  CORE_SERVICE_NAMES, CoreServiceNameSchema, KNOWN_PERMISSIONS, PERMISSION_CATALOGUE, SERVICE_PERMISSIONS, SERVICE_TIERS,
  isKnownPermission, permissionForService, serviceTier,
} from '../../schemas/index.js';

describe('core services', () => {
  it('has data as the only required service and 18 services in all', () => {
    expect(SERVICE_TIERS.required).toEqual(['data']);
    expect(CORE_SERVICE_NAMES).toHaveLength(18);
    expect(new Set(CORE_SERVICE_NAMES).size).toBe(18);
  });

  it('parses service names and tells their tier', () => {
    expect(CoreServiceNameSchema.parse('file-storage')).toBe('file-storage');
    expect(CoreServiceNameSchema.safeParse('mailer').success).toBe(false);
    expect([serviceTier('data'), serviceTier('queue'), serviceTier('graphql')]).toEqual(['required', 'core', 'optional']);
  });
});

describe('permission catalogue', () => {
  it('knows the permissions plugins commonly request and rejects others', () => {
    for (const p of ['data.read', 'data.write', 'queue.publish', 'http.route', 'network.outbound']) expect(isKnownPermission(p), p).toBe(true);
    expect(isKnownPermission('data.readall')).toBe(false);
    expect(isKnownPermission('toString')).toBe(false);
  });

  it('describes every permission and spells each as area.action', () => {
    for (const p of KNOWN_PERMISSIONS) {
      expect(p).toMatch(/^[a-z0-9]+\.[a-z]+$/);
      expect(PERMISSION_CATALOGUE[p].length).toBeGreaterThan(10);
    }
  });

  it('maps every core service to a catalogued permission', () => {
    expect(Object.keys(SERVICE_PERMISSIONS).sort()).toEqual([...CORE_SERVICE_NAMES].sort());
    for (const service of CORE_SERVICE_NAMES) expect(isKnownPermission(permissionForService(service)), service).toBe(true);
    expect(permissionForService('data')).toBe('data.read');
  });
});
