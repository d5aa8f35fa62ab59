import { Router } from 'express';
import { z } from 'zod';
import { callUnary } from '../../lib/grpc';
import type { GetPreferencesRequest } from '../../proto/generated/checkout/identity/v1/GetPreferencesRequest';
import type { Preferences, Preferences__Output } from '../../proto/generated/checkout/identity/v1/Preferences';
import type { IdentityServiceClient } from '../../proto/services';
import { LANGUAGES } from '../../services/identity/user-preferences';
import { authenticate, principalOf, type AuthDeps } from '../auth';

/** The body of PUT /v1/me/preferences: the whole document (an absent default address clears it). */
export const preferencesBody = z
  .object({
    language: z.enum(LANGUAGES).meta({ description: 'The storefront’s and the emails’ language' }),
    marketingEmails: z.boolean().meta({ description: 'Opt-in to marketing emails (order emails are always sent)' }),
    defaultAddressId: z.string().uuid().nullable().optional().meta({ description: 'One of your saved addresses (GET /v1/me/addresses); null or absent for none' }),
  })
  .strict();

/** What GET and PUT /v1/me/preferences answer. */
export function preferencesView(p: Preferences__Output) {
  return { language: p.language, marketingEmails: p.marketingEmails, defaultAddressId: p.defaultAddressId || null, updatedAt: p.updatedAt || null };
}

/** The signed-in account's storefront preferences (identity service). */
export function preferenceRoutes(deps: { identity: IdentityServiceClient; auth: AuthDeps }): Router {
  const router = Router();
  const { identity } = deps;
  const signedIn = authenticate(deps.auth);

  router.get('/v1/me/preferences', signedIn, async (req, res) => {
    const prefs = await callUnary<GetPreferencesRequest, Preferences__Output>(identity.getPreferences.bind(identity), { userId: principalOf(req).id });
    res.json(preferencesView(prefs));
  });

  router.put('/v1/me/preferences', signedIn, async (req, res) => {
    const body = preferencesBody.parse(req.body);
    const prefs = await callUnary<Preferences, Preferences__Output>(identity.updatePreferences.bind(identity), {
      userId: principalOf(req).id,
      language: body.language,
      marketingEmails: body.marketingEmails,
      defaultAddressId: body.defaultAddressId ?? '',
    });
    res.json(preferencesView(prefs));
  });

  return router;
}
