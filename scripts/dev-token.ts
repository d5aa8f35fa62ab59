import { signAccessToken } from '../lib/access-token';
import { config } from '../lib/config';
import { parseRole } from '../lib/permissions';

/**
 * `npm run -s dev:token -- [userId] [email] [role] [merchantId]`: prints an access token signed with
 * this environment's JWT_SECRET like the identity service signs them (role customer unless named, a
 * fresh jti, 12 hours; claim mid for a merchant or cashier given a merchant id), for trying the api
 * with curl without signing in.
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
const merchantId = process.argv[5];
if (merchantId !== undefined && role !== 'merchant' && role !== 'cashier') {
  console.error('a merchantId (claim mid) is only for the merchant and cashier roles');
  process.exit(1);
}
if ((role === 'merchant' || role === 'cashier') && !merchantId) console.error(`note: a ${role} token without a merchantId acts for no merchant (pass it as the 4th argument)`);
const { token } = signAccessToken({ id: userId, email, role, ...(merchantId ? { merchantId } : {}) }, { secret: cfg.JWT_SECRET, ttlSeconds: 12 * 3600, now: new Date() });
console.log(token);
