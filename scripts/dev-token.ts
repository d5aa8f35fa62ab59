import { signAccessToken } from '../lib/access-token';
import { config } from '../lib/config';
import { parseRole } from '../lib/permissions';

/**
 * `npm run -s dev:token -- [userId] [email] [role]`: prints an access token signed with this
 * environment's JWT_SECRET like the identity service signs them (role customer unless named, a fresh
 * jti, 12 hours), for trying the api with curl without signing in.
 */
const cfg = config();
if (cfg.NODE_ENV === 'production') {
  console.error('dev:token refuses to sign tokens when NODE_ENV=production');
  process.exit(1);
}
const userId = process.argv[2] ?? 'demo-customer';
const email = process.argv[3] ?? `${userId}@example.com`;
const role = parseRole(process.argv[4] ?? 'customer');
if (!role) {
  console.error('role must be customer, cashier, merchant, operator or admin');
  process.exit(1);
}
const { token } = signAccessToken({ id: userId, email, role }, { secret: cfg.JWT_SECRET, ttlSeconds: 12 * 3600, now: new Date() });
console.log(token);
