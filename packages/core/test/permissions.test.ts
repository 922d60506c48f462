import { describe, expect, it } from 'vitest';
import { can, forbiddenMessage, PERMISSIONS, type Permission, ROLES } from '../src/index.js';

describe('permissions', () => {
  it('a viewer holds no permission that writes', () => {
    for (const kind of ['isv', 'reseller'] as const) {
      const held = (Object.keys(PERMISSIONS) as Permission[]).filter((p) =>
        can({ kind, role: 'viewer' }, p),
      );
      expect(held).toEqual(
        kind === 'isv' ? ['read', 'opportunities.summary', 'catalog.read'] : ['read'],
      );
    }
  });

  it('only admins manage their organization; members do the everyday work', () => {
    for (const kind of ['isv', 'reseller'] as const) {
      expect(ROLES.filter((role) => can({ kind, role }, 'organization.manage'))).toEqual(['admin']);
    }
    expect(can({ kind: 'isv', role: 'member' }, 'opportunities.write')).toBe(true);
    expect(can({ kind: 'isv', role: 'member' }, 'products.manage')).toBe(false);
    expect(can({ kind: 'reseller', role: 'member' }, 'offers.create')).toBe(true);
    expect(can({ kind: 'reseller', role: 'admin' }, 'opportunities.write')).toBe(false);
  });

  it('the refusal names what would have been needed', () => {
    expect(forbiddenMessage({ kind: 'reseller', role: 'admin' }, 'opportunities.write')).toBe(
      'Only an ISV user may do this',
    );
    expect(forbiddenMessage({ kind: 'isv', role: 'viewer' }, 'opportunities.write')).toBe(
      'Your role (viewer) may not do this: it takes admin or member',
    );
  });
});
