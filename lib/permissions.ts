/** Every role an account can have: customers shop; the others are staff. */
export const ROLES = ['customer', 'cashier', 'merchant', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Every permission the api checks, as `resource:action[:scope]`. */
export const PERMISSIONS = [
  'checkout:create',
  'orders:read:own',
  'orders:read:any',
  'orders:cancel:own',
  /** Staff cancel of any customer's running checkout, and refund of a completed one. */
  'orders:cancel:any',
  /** Operator actions on a saga: retry a failed order, list and settle stuck undos. */
  'orders:operate',
  /** Ring up and read sales at the counter of the merchant the token names (claim mid). */
  'pos:checkout',
  /** Refund a completed sale of the merchant the token names (claim mid): its cashiers and the merchant. */
  'pos:refund',
  /** The merchant's own settlements (the token's merchant only). */
  'settlements:read:own',
  /** Every merchant's settlements (staff). */
  'settlements:read:any',
  'catalog:write',
  'stock:adjust',
  'delivery:manage',
  'analytics:read',
  'users:manage',
  /** Create, list and disable coupon codes (admin only: a coupon discounts every merchant's goods). */
  'coupons:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The one table of who may do what; the api's authorisation reads nothing else. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  customer: ['checkout:create', 'orders:read:own', 'orders:cancel:own'],
  cashier: ['pos:checkout', 'pos:refund', 'orders:read:any'],
  merchant: ['pos:refund', 'catalog:write', 'stock:adjust', 'orders:read:any', 'orders:cancel:any', 'analytics:read', 'settlements:read:own'],
  operator: ['orders:read:any', 'orders:cancel:any', 'orders:operate', 'delivery:manage', 'stock:adjust', 'analytics:read', 'settlements:read:any'],
  admin: PERMISSIONS,
};

/** Whether a role holds a permission. */
export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Narrows a string (e.g. a token's `role` claim) to a Role, or undefined for anything else. */
export function parseRole(value: string): Role | undefined {
  return ROLES.find((r) => r === value);
}
