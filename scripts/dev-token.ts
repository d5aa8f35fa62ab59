import jwt from 'jsonwebtoken';
import { config } from '../lib/config';

/**
 * `npm run -s dev:token -- [customerId] [email]`: prints a customer bearer token signed with this
 * environment's JWT_SECRET, for trying the api with curl until the identity service issues them.
 */
const cfg = config();
if (cfg.NODE_ENV === 'production') {
  console.error('dev:token refuses to sign tokens when NODE_ENV=production');
  process.exit(1);
}
const customerId = process.argv[2] ?? 'demo-customer';
const email = process.argv[3] ?? `${customerId}@example.com`;
console.log(jwt.sign({ sub: customerId, email }, cfg.JWT_SECRET, { algorithm: 'HS256', expiresIn: '12h' }));
