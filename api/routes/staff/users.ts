import { Router } from 'express';
import { z } from 'zod';
import { callUnary } from '../../../lib/grpc';
import { ROLES } from '../../../lib/permissions';
import type { SearchUsersRequest } from '../../../proto/generated/checkout/identity/v1/SearchUsersRequest';
import type { SearchUsersResponse__Output } from '../../../proto/generated/checkout/identity/v1/SearchUsersResponse';
import type { SetRoleRequest } from '../../../proto/generated/checkout/identity/v1/SetRoleRequest';
import type { User__Output } from '../../../proto/generated/checkout/identity/v1/User';
import type { IdentityServiceClient } from '../../../proto/services';
import { requirePermission } from '../../auth';

/** The query of GET /v1/staff/users. */
export const searchUsersQuery = z
  .object({
    q: z.string().max(254).default('').meta({ description: 'Part of the email or name, case-insensitive, any script (e.g. 山田)', example: '山田' }),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
/** The path parameters of PUT /v1/staff/users/:userId/roles. */
export const staffUserIdParam = z.object({ userId: z.string().min(1).max(128) });
/** The request body of PUT /v1/staff/users/:userId/roles. */
export const setRolesBody = z
  .object({
    role: z.enum(ROLES).meta({ description: 'The account’s role (an account has exactly one): granting one replaces the previous one' }),
    merchantId: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .optional()
      .meta({ description: 'For merchant and cashier: the merchant the account acts for (claim mid of its tokens); absent keeps its current link' }),
  })
  .strict();

/** The staff view of an account (never its password hash or tokens). */
export function staffUserView(user: User__Output) {
  return { id: user.id, email: user.email, name: user.name, role: user.role, merchantId: user.merchantId || null, emailVerified: user.emailVerified, createdAt: user.createdAt };
}

/**
 * User administration: permission users:manage (admin). Search accounts, and set an account's role
 * (with its merchant for merchant and cashier accounts). A role change ends the account's sessions
 * (its refresh tokens), so the new role is in its next token; the last admin cannot be demoted
 * (409 CONFLICT, details.reason LAST_ADMIN).
 */
export function staffUserRoutes(deps: { identity: IdentityServiceClient }): Router {
  const router = Router();
  const { identity } = deps;
  const guard = requirePermission('users:manage');

  router.get('/v1/staff/users', guard, async (req, res) => {
    const q = searchUsersQuery.parse(req.query);
    const found = await callUnary<SearchUsersRequest, SearchUsersResponse__Output>(identity.SearchUsers.bind(identity), { q: q.q, page: q.page, pageSize: q.pageSize });
    res.json({ users: found.users.map(staffUserView), total: found.total, page: found.page, pageSize: found.pageSize });
  });

  router.put('/v1/staff/users/:userId/roles', guard, async (req, res) => {
    const { userId } = staffUserIdParam.parse(req.params);
    const body = setRolesBody.parse(req.body ?? {});
    const user = await callUnary<SetRoleRequest, User__Output>(identity.SetRole.bind(identity), { userId, role: body.role, merchantId: body.merchantId ?? '' });
    res.json(staffUserView(user));
  });

  return router;
}
