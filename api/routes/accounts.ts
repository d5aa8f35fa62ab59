import { Router } from 'express';
import { z } from 'zod';
import { DomainError } from '../../lib/errors';
import { callUnary } from '../../lib/grpc';
import type { AddAddressRequest } from '../../proto/generated/checkout/identity/v1/AddAddressRequest';
import type { Address__Output } from '../../proto/generated/checkout/identity/v1/Address';
import type { DeleteAddressRequest } from '../../proto/generated/checkout/identity/v1/DeleteAddressRequest';
import type { DeleteAddressResponse__Output } from '../../proto/generated/checkout/identity/v1/DeleteAddressResponse';
import type { GetProfileRequest } from '../../proto/generated/checkout/identity/v1/GetProfileRequest';
import type { IdentityServiceClient } from '../../proto/generated/checkout/identity/v1/IdentityService';
import type { ListAddressesRequest } from '../../proto/generated/checkout/identity/v1/ListAddressesRequest';
import type { ListAddressesResponse__Output } from '../../proto/generated/checkout/identity/v1/ListAddressesResponse';
import type { LoginRequest } from '../../proto/generated/checkout/identity/v1/LoginRequest';
import type { LogoutRequest } from '../../proto/generated/checkout/identity/v1/LogoutRequest';
import type { LogoutResponse__Output } from '../../proto/generated/checkout/identity/v1/LogoutResponse';
import type { RefreshRequest } from '../../proto/generated/checkout/identity/v1/RefreshRequest';
import type { RegisterRequest } from '../../proto/generated/checkout/identity/v1/RegisterRequest';
import type { RequestEmailVerificationRequest } from '../../proto/generated/checkout/identity/v1/RequestEmailVerificationRequest';
import type { RequestEmailVerificationResponse__Output } from '../../proto/generated/checkout/identity/v1/RequestEmailVerificationResponse';
import type { RequestPasswordResetRequest } from '../../proto/generated/checkout/identity/v1/RequestPasswordResetRequest';
import type { RequestPasswordResetResponse__Output } from '../../proto/generated/checkout/identity/v1/RequestPasswordResetResponse';
import type { ResetPasswordRequest } from '../../proto/generated/checkout/identity/v1/ResetPasswordRequest';
import type { ResetPasswordResponse__Output } from '../../proto/generated/checkout/identity/v1/ResetPasswordResponse';
import type { TokenPair__Output } from '../../proto/generated/checkout/identity/v1/TokenPair';
import type { UpdateProfileRequest } from '../../proto/generated/checkout/identity/v1/UpdateProfileRequest';
import type { User__Output } from '../../proto/generated/checkout/identity/v1/User';
import type { VerifyEmailRequest } from '../../proto/generated/checkout/identity/v1/VerifyEmailRequest';
import { authenticate, bearerToken, principalOf, type AuthDeps } from '../auth';

// Password policy and email/address normalisation are the identity service's; these schemas bound sizes,
// and hold an email to what `format: email` promises (RFC 5321: an ASCII dot-atom local part of at most
// 64 octets @ a domain of dot-separated labels), so the document describes what the route enforces.
// Not trimmed: a padded address would break the documented pattern, and clients trim what people type.
const EMAIL_PATTERN = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const email = z
  .string()
  .max(254)
  .regex(EMAIL_PATTERN, 'must be an email address')
  .refine((value) => value.indexOf('@') <= 64, 'the part before @ must be at most 64 characters')
  .meta({ format: 'email', example: 'hanako@example.com' });
const password = z.string().min(1).max(200).meta({ description: 'At least 10 characters, at most 72 bytes, not the email address (checked by the identity service)' });
const singleUseToken = z.string().trim().min(1).max(200).meta({ description: 'The token of the emailed link' });

/** The request body of POST /v1/accounts. */
export const registerBody = z.object({ email, password, name: z.string().trim().min(1).max(100) }).strict();
/** The request body of POST /v1/sessions. */
export const loginBody = z.object({ email, password }).strict();
/** The request body of POST /v1/sessions/refresh. */
export const refreshBody = z.object({ refreshToken: z.string().min(1).max(200) }).strict();
/** The request body of DELETE /v1/sessions/current (it may be empty). */
export const logoutBody = z
  .object({ refreshToken: z.string().min(1).max(200).optional().meta({ description: 'Also ends the session this refresh token belongs to' }) })
  .strict();
/** The request body of POST /v1/accounts/verify-email. */
export const verifyEmailBody = z.object({ token: singleUseToken }).strict();
/** The request body of POST /v1/accounts/password-reset. */
export const passwordResetBody = z.object({ email }).strict();
/** The request body of POST /v1/accounts/password-reset/confirm. */
export const passwordResetConfirmBody = z.object({ token: singleUseToken, newPassword: password }).strict();
/** The request body of PATCH /v1/me. */
export const updateProfileBody = z.object({ name: z.string().trim().min(1).max(100) }).strict();
/** The request body of POST /v1/me/addresses: a Japanese delivery address. */
export const addressBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    postalCode: z.string().trim().min(1).max(20).meta({ description: 'NNN-NNNN (normalised by the service)', example: '150-0001' }),
    prefecture: z.string().trim().min(1).max(20).meta({ description: 'One of the 47 prefectures', example: '東京都' }),
    city: z.string().trim().min(1).max(200),
    line1: z.string().trim().min(1).max(200),
    line2: z.string().trim().max(200).default(''),
    phone: z.string().trim().max(20).default(''),
  })
  .strict();
/** The path parameters of DELETE /v1/me/addresses/:addressId. */
export const addressIdParam = z.object({ addressId: z.string().uuid() });

/** Account, session and profile routes: each validates and makes one call to the identity service. */
export function accountRoutes(deps: { identity: IdentityServiceClient; auth: AuthDeps }): Router {
  const router = Router();
  const identity = deps.identity;
  const signedIn = authenticate(deps.auth);

  router.post('/v1/accounts', async (req, res) => {
    const body = registerBody.parse(req.body ?? {});
    const user = await callUnary<RegisterRequest, User__Output>(identity.register.bind(identity), body);
    res.status(201).location('/v1/me').json(userView(user));
  });

  router.post('/v1/accounts/verify-email', async (req, res) => {
    const body = verifyEmailBody.parse(req.body ?? {});
    res.json(userView(await callUnary<VerifyEmailRequest, User__Output>(identity.verifyEmail.bind(identity), body)));
  });

  router.post('/v1/accounts/password-reset', async (req, res) => {
    const body = passwordResetBody.parse(req.body ?? {});
    await callUnary<RequestPasswordResetRequest, RequestPasswordResetResponse__Output>(identity.requestPasswordReset.bind(identity), body);
    // The same answer whether or not an account has this email, so the route reveals no accounts.
    res.status(202).json({ accepted: true });
  });

  router.post('/v1/accounts/password-reset/confirm', async (req, res) => {
    const body = passwordResetConfirmBody.parse(req.body ?? {});
    await callUnary<ResetPasswordRequest, ResetPasswordResponse__Output>(identity.resetPassword.bind(identity), body);
    res.status(204).end();
  });

  router.post('/v1/sessions', async (req, res) => {
    const body = loginBody.parse(req.body ?? {});
    const tokens = await callUnary<LoginRequest, TokenPair__Output>(identity.login.bind(identity), { ...body, ip: req.ip ?? '' });
    res.json(tokenView(tokens));
  });

  router.post('/v1/sessions/refresh', async (req, res) => {
    const body = refreshBody.parse(req.body ?? {});
    res.json(tokenView(await callUnary<RefreshRequest, TokenPair__Output>(identity.refresh.bind(identity), body)));
  });

  // Not behind authenticate: signing out must work with a token that has just expired.
  router.delete('/v1/sessions/current', async (req, res) => {
    const body = logoutBody.parse(req.body ?? {});
    const accessToken = bearerToken(req);
    if (!accessToken) throw new DomainError('UNAUTHENTICATED', 'A bearer token is required (Authorization: Bearer <token>)');
    await callUnary<LogoutRequest, LogoutResponse__Output>(identity.logout.bind(identity), { accessToken, refreshToken: body.refreshToken ?? '' });
    res.status(204).end();
  });

  router.get('/v1/me', signedIn, async (req, res) => {
    res.json(userView(await callUnary<GetProfileRequest, User__Output>(identity.getProfile.bind(identity), { userId: principalOf(req).id })));
  });

  router.patch('/v1/me', signedIn, async (req, res) => {
    const body = updateProfileBody.parse(req.body ?? {});
    res.json(userView(await callUnary<UpdateProfileRequest, User__Output>(identity.updateProfile.bind(identity), { userId: principalOf(req).id, ...body })));
  });

  router.post('/v1/me/email-verification', signedIn, async (req, res) => {
    await callUnary<RequestEmailVerificationRequest, RequestEmailVerificationResponse__Output>(identity.requestEmailVerification.bind(identity), { userId: principalOf(req).id });
    res.status(202).json({ accepted: true });
  });

  router.get('/v1/me/addresses', signedIn, async (req, res) => {
    const { addresses } = await callUnary<ListAddressesRequest, ListAddressesResponse__Output>(identity.listAddresses.bind(identity), { userId: principalOf(req).id });
    res.json({ addresses: addresses.map(addressView) });
  });

  router.post('/v1/me/addresses', signedIn, async (req, res) => {
    const address = addressBody.parse(req.body ?? {});
    const saved = await callUnary<AddAddressRequest, Address__Output>(identity.addAddress.bind(identity), { userId: principalOf(req).id, address });
    res.status(201).json(addressView(saved));
  });

  router.delete('/v1/me/addresses/:addressId', signedIn, async (req, res) => {
    const { addressId } = addressIdParam.parse(req.params);
    await callUnary<DeleteAddressRequest, DeleteAddressResponse__Output>(identity.deleteAddress.bind(identity), { userId: principalOf(req).id, addressId });
    res.status(204).end();
  });

  return router;
}

function userView(user: User__Output) {
  return { id: user.id, email: user.email, name: user.name, role: user.role, emailVerified: user.emailVerified, createdAt: user.createdAt };
}

function tokenView(tokens: TokenPair__Output) {
  return { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresIn: tokens.expiresIn, tokenType: tokens.tokenType };
}

function addressView(a: Address__Output) {
  return { id: a.id, name: a.name, postalCode: a.postalCode, prefecture: a.prefecture, city: a.city, line1: a.line1, line2: a.line2, phone: a.phone, createdAt: a.createdAt };
}
