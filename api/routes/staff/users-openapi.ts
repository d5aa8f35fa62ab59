import { z } from 'zod';
import type { OpenApiHelpers } from '../pos-openapi';
import { searchUsersQuery, setRolesBody, staffUserIdParam } from './users';

/** The user administration routes of the OpenAPI document (api/routes/staff/users.ts). */
export function registerUserAdminOpenApi({ registry, route, json, jsonBody, errors }: OpenApiHelpers): void {
  const staffUser = registry.register(
    'StaffUser',
    z.object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      role: z.string(),
      merchantId: z.string().nullable().meta({ description: 'The merchant a merchant or cashier account acts for' }),
      emailVerified: z.boolean(),
      createdAt: z.string().meta({ format: 'date-time' }),
    }),
  );
  route('users:manage', {
    method: 'get',
    path: '/v1/staff/users',
    operationId: 'searchUsers',
    tags: ['staff'],
    summary: 'Accounts whose email or name contains q (case-insensitive, Unicode), oldest first, paged',
    request: { query: searchUsersQuery },
    responses: {
      200: json('One page of accounts', z.object({ users: z.array(staffUser), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })),
      ...errors({ 400: true, 401: true, 500: true, 503: true }),
    },
  });
  route('users:manage', {
    method: 'put',
    path: '/v1/staff/users/{userId}/roles',
    operationId: 'setUserRole',
    tags: ['staff'],
    summary: 'Sets an account’s role (and merchant); ends its sessions so the new role is in its next token',
    request: { params: staffUserIdParam, body: jsonBody(setRolesBody) },
    responses: {
      200: json('The account', staffUser),
      ...errors({
        400: true,
        401: true,
        404: 'No such account (NOT_FOUND)',
        409: 'The last admin cannot lose the admin role (CONFLICT, details.reason LAST_ADMIN)',
        500: true,
        503: true,
      }),
    },
  });
}
