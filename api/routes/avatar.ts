import { createHash } from 'node:crypto';
import express, { Router, type RequestHandler } from 'express';
import { DomainError } from '../../lib/errors';
import type { ObjectStorage } from '../../lib/object-storage';
import { authenticate, principalOf, type AuthDeps } from '../auth';

/** The largest avatar accepted, in bytes (2 MiB): 413 AVATAR_TOO_LARGE above. */
export const MAX_AVATAR_BYTES = 2 * 1024 * 1024;

export const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type AvatarType = (typeof AVATAR_TYPES)[number];

/** The image type the bytes themselves say (PNG signature, JPEG SOI marker, RIFF…WEBP), whatever the Content-Type claims. */
export function sniffImageType(bytes: Buffer): AvatarType | undefined {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

/**
 * An upload is accepted only when its Content-Type is PNG, JPEG or WebP AND its bytes are that type:
 * a script or an SVG labelled image/png is 415, so what GET serves is always the image it claims.
 */
export function checkAvatar(declared: string | undefined, body: Buffer): AvatarType {
  const type = (declared ?? '').split(';')[0]!.trim().toLowerCase();
  if (!(AVATAR_TYPES as readonly string[]).includes(type)) {
    throw new DomainError('UNSUPPORTED_IMAGE_TYPE', `An avatar must be sent as ${AVATAR_TYPES.join(', ')}`, { allowed: AVATAR_TYPES });
  }
  const actual = sniffImageType(body);
  if (actual !== type) {
    throw new DomainError('UNSUPPORTED_IMAGE_TYPE', `The body is not a ${type} image`, { allowed: AVATAR_TYPES });
  }
  return actual;
}

/** The object key of an account's avatar: a hash of its id, so no id (whatever its characters) shapes a path. */
export function avatarKey(userId: string): string {
  return `avatars/${createHash('sha256').update(userId, 'utf8').digest('hex')}`;
}

/** Refuses a declared length over the limit before a byte is read, and maps the parser's own limit to AVATAR_TOO_LARGE. */
const readAvatarBody: RequestHandler[] = [
  (req, _res, next) => {
    const length = Number(req.get('content-length') ?? '0');
    if (length > MAX_AVATAR_BYTES) return next(tooLarge());
    next();
  },
  // Any type is read as raw bytes: checkAvatar decides, with a 415 that names what is allowed.
  (req, res, next) => {
    express.raw({ type: () => true, limit: MAX_AVATAR_BYTES })(req, res, (err?: unknown) => {
      if ((err as { type?: string } | undefined)?.type === 'entity.too.large') return next(tooLarge());
      next(err);
    });
  },
];

function tooLarge(): DomainError {
  return new DomainError('AVATAR_TOO_LARGE', `An avatar may be at most ${MAX_AVATAR_BYTES} bytes (2 MiB)`, { maxBytes: MAX_AVATAR_BYTES });
}

/**
 * The signed-in account's avatar, kept in the object store. Mounted before the api's JSON-only body
 * gate: its PUT takes the image itself as the body (not multipart).
 */
export function avatarRoutes(deps: { storage: ObjectStorage; auth: AuthDeps }): Router {
  const router = Router();
  const { storage } = deps;
  const signedIn = authenticate(deps.auth);

  // Authentication first: an anonymous caller never gets to send 2 MiB.
  router.put('/v1/me/avatar', signedIn, ...readAvatarBody, async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const type = checkAvatar(req.get('content-type'), body);
    await storage.put(avatarKey(principalOf(req).id), body, type);
    res.status(200).json({ contentType: type, bytes: body.length });
  });

  router.get('/v1/me/avatar', signedIn, async (req, res) => {
    const body = await storage.get(avatarKey(principalOf(req).id));
    if (!body) throw new DomainError('NOT_FOUND', 'No avatar has been uploaded');
    // The stored bytes passed the check on upload; their type is read from them again, not stored apart.
    const type = sniffImageType(body);
    if (!type) throw new DomainError('INTERNAL', 'The stored avatar is not an image');
    res.set('Cache-Control', 'private, no-cache').type(type).send(body);
  });

  router.delete('/v1/me/avatar', signedIn, async (req, res) => {
    await storage.delete(avatarKey(principalOf(req).id));
    res.status(204).end();
  });

  return router;
}
