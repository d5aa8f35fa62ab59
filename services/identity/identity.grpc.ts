import type * as grpc from '@grpc/grpc-js';
import { unary, type ServiceRegistration } from '../../lib/grpc';
import type { Redis } from '../../lib/redis';
import type { IdentityServiceHandlers } from '../../proto/generated/checkout/identity/v1/IdentityService';
import { identityPackageDefinition, identityProto } from '../../proto/services';
import type { ServiceDeps } from '../registry';
import type { PublishIdentityEvent } from './identity-events';
import { IdentityService } from './identity.service';
import type { LoginRateLimitSettings } from './login-rate-limit';
import { UserPreferencesStore } from './user-preferences';


/** What the identity service needs beyond every service's deps. */
export interface IdentityDeps extends ServiceDeps {
  /** Shared Redis (lib/redis.ts createRedis): access-token denylist and login rate limits. */
  redis: Redis;
  /** HS256 key of the access tokens (config JWT_SECRET, the one the api verifies with). */
  jwtSecret: string;
  /** Lifetime of access tokens; 900 (15 minutes) in production. */
  accessTokenTtlSeconds: number;
  /** Hands verification and reset emails to Kafka (topic `identity`) for the email worker. */
  publish: PublishIdentityEvent;
  /** bcrypt cost (default 12); tests pass 4. */
  bcryptCost?: number;
  loginRateLimit?: LoginRateLimitSettings;
}

/** The identity service as a gRPC registration. */
export function identityRegistration(deps: IdentityDeps): ServiceRegistration {
  const service = new IdentityService({
    prisma: deps.prisma,
    redis: deps.redis,
    logger: deps.logger,
    now: deps.now,
    jwtSecret: deps.jwtSecret,
    accessTokenTtlSeconds: deps.accessTokenTtlSeconds,
    publish: deps.publish,
    ...(deps.bcryptCost !== undefined ? { bcryptCost: deps.bcryptCost } : {}),
    ...(deps.loginRateLimit ? { loginRateLimit: deps.loginRateLimit } : {}),
  });
  const preferences = new UserPreferencesStore(deps.prisma);
  const handlers: IdentityServiceHandlers = {
    GetPreferences: unary('identity.GetPreferences', (r) => preferences.get(r.userId), deps),
    UpdatePreferences: unary('identity.UpdatePreferences', (r) => preferences.update(r), deps),
    Register: unary('identity.Register', (r) => service.register(r), deps),
    Login: unary('identity.Login', (r) => service.login(r), deps),
    Refresh: unary('identity.Refresh', (r) => service.refresh(r), deps),
    Logout: unary('identity.Logout', (r) => service.logout(r), deps),
    IsAccessTokenRevoked: unary('identity.IsAccessTokenRevoked', async (r) => ({ revoked: await service.isAccessTokenRevoked(r.jti) }), deps),
    VerifyEmail: unary('identity.VerifyEmail', (r) => service.verifyEmail(r), deps),
    RequestEmailVerification: unary('identity.RequestEmailVerification', (r) => service.requestEmailVerification(r), deps),
    RequestPasswordReset: unary('identity.RequestPasswordReset', (r) => service.requestPasswordReset(r), deps),
    ResetPassword: unary('identity.ResetPassword', (r) => service.resetPassword(r), deps),
    GetProfile: unary('identity.GetProfile', (r) => service.getProfile(r), deps),
    UpdateProfile: unary('identity.UpdateProfile', (r) => service.updateProfile(r), deps),
    SetRole: unary('identity.SetRole', (r) => service.setRole(r), deps),
    LinkMerchantUsers: unary('identity.LinkMerchantUsers', (r) => service.linkMerchantUsers(r), deps),
    SearchUsers: unary('identity.SearchUsers', (r) => service.searchUsers(r), deps),
    AddAddress: unary('identity.AddAddress', (r) => service.addAddress(r), deps),
    ListAddresses: unary('identity.ListAddresses', async (r) => ({ addresses: await service.listAddresses(r) }), deps),
    DeleteAddress: unary('identity.DeleteAddress', (r) => service.deleteAddress(r), deps),
  };
  return {
    name: 'checkout.identity.v1.IdentityService',
    definition: identityProto.IdentityService.service,
    implementation: handlers as grpc.UntypedServiceImplementation,
    packageDefinition: identityPackageDefinition,
  };
}
