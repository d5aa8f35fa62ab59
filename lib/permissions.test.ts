import { can, parseRole, PERMISSIONS, ROLE_PERMISSIONS, ROLES } from './permissions';

describe('role permissions', () => {
  it('gives admin every permission', () => {
    for (const permission of PERMISSIONS) expect(can('admin', permission)).toBe(true);
  });

  it('lets a customer shop and read only their own orders', () => {
    expect(can('customer', 'checkout:create')).toBe(true);
    expect(can('customer', 'orders:read:own')).toBe(true);
    expect(can('customer', 'orders:read:any')).toBe(false);
    expect(can('customer', 'catalog:write')).toBe(false);
    expect(can('customer', 'users:manage')).toBe(false);
    expect(can('customer', 'pos:checkout')).toBe(false);
  });

  it('keeps staff to their jobs', () => {
    expect(can('cashier', 'pos:checkout')).toBe(true);
    expect(can('cashier', 'catalog:write')).toBe(false);
    expect(can('merchant', 'catalog:write')).toBe(true);
    expect(can('merchant', 'delivery:manage')).toBe(false);
    expect(can('operator', 'delivery:manage')).toBe(true);
    expect(can('operator', 'catalog:write')).toBe(false);
  });

  it('reserves users:manage for admin', () => {
    expect(ROLES.filter((role) => can(role, 'users:manage'))).toEqual(['admin']);
  });

  it('declares every role, with known permissions only and no duplicates', () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) {
      const granted = ROLE_PERMISSIONS[role];
      expect(new Set(granted).size).toBe(granted.length);
      for (const permission of granted) expect(PERMISSIONS).toContain(permission);
    }
  });

  it('parses role names and rejects others', () => {
    expect(parseRole('merchant')).toBe('merchant');
    expect(parseRole('root')).toBeUndefined();
    expect(parseRole('Admin')).toBeUndefined();
  });
});
