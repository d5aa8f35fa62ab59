import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { avatarKey, MAX_AVATAR_BYTES } from '../../api/routes/avatar';
import { DEFAULT_OBJECT_STORAGE_DIR, FilesystemObjectStorage } from '../../lib/object-storage';
import { customerToken } from '../support/fixtures';
import { startPlatform, type RunningPlatform } from '../support/platform';
import { testConfig } from '../support/test-config';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR fake png body')]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF fake jpeg body')]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x10, 0, 0, 0]), Buffer.from('WEBPVP8 fake webp')]);

/** The avatar routes over REST on the real api, stored by the filesystem object store the api uses when none is configured. */
describe('avatar upload (real api, filesystem object store)', () => {
  let platform: RunningPlatform;
  const storage = new FilesystemObjectStorage(DEFAULT_OBJECT_STORAGE_DIR);

  beforeAll(async () => {
    platform = await startPlatform(testConfig());
  });
  afterAll(async () => {
    await platform?.stop();
  });

  async function put(token: string | undefined, body: Buffer | string, contentType: string) {
    const res = await fetch(`${platform.api}/v1/me/avatar`, {
      method: 'PUT',
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': contentType },
      body,
    });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as { error?: { code: string }; contentType?: string; bytes?: number } };
  }
  const get = (token: string) => fetch(`${platform.api}/v1/me/avatar`, { headers: { authorization: `Bearer ${token}` } });

  it('stores a PNG, serves it back with its type, replaces it with a JPEG, and deletes it', async () => {
    const { token, customerId } = customerToken(platform);
    expect(await put(token, PNG, 'image/png')).toEqual({ status: 200, body: { contentType: 'image/png', bytes: PNG.length } });
    const first = await get(token);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await first.arrayBuffer())).toEqual(PNG);
    expect(await storage.get(avatarKey(customerId))).toEqual(PNG);

    expect((await put(token, JPEG, 'image/jpeg')).status).toBe(200);
    const second = await get(token);
    expect(second.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await second.arrayBuffer())).toEqual(JPEG);
    expect((await put(token, WEBP, 'image/webp')).body).toMatchObject({ contentType: 'image/webp' });

    expect((await fetch(`${platform.api}/v1/me/avatar`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } })).status).toBe(204);
    const gone = await get(token);
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    expect(existsSync(storage.pathOf(avatarKey(customerId)))).toBe(false);
    // Deleting again is still 204: the end state is the same.
    expect((await fetch(`${platform.api}/v1/me/avatar`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } })).status).toBe(204);
  });

  it('answers 415 UNSUPPORTED_IMAGE_TYPE for a type not allowed, and for bytes that are not the declared type', async () => {
    const { token, customerId } = customerToken(platform);
    expect(await put(token, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'image/svg+xml')).toMatchObject({ status: 415, body: { error: { code: 'UNSUPPORTED_IMAGE_TYPE' } } });
    expect(await put(token, '<script>alert(1)</script>', 'image/png')).toMatchObject({ status: 415, body: { error: { code: 'UNSUPPORTED_IMAGE_TYPE' } } });
    expect(await put(token, JPEG, 'image/png')).toMatchObject({ status: 415, body: { error: { code: 'UNSUPPORTED_IMAGE_TYPE' } } });
    expect(await put(token, PNG, 'application/octet-stream')).toMatchObject({ status: 415, body: { error: { code: 'UNSUPPORTED_IMAGE_TYPE' } } });
    expect(await put(token, JSON.stringify({ image: 'x' }), 'application/json')).toMatchObject({ status: 415, body: { error: { code: 'UNSUPPORTED_IMAGE_TYPE' } } });
    expect(await put(token, Buffer.alloc(0), 'image/png')).toMatchObject({ status: 415 });
    expect(await storage.get(avatarKey(customerId))).toBeUndefined();
  });

  it('answers 413 AVATAR_TOO_LARGE above 2 MiB and keeps the avatar it had; exactly 2 MiB is accepted', async () => {
    const { token, customerId } = customerToken(platform);
    expect((await put(token, PNG, 'image/png')).status).toBe(200);
    const tooBig = Buffer.concat([PNG, Buffer.alloc(MAX_AVATAR_BYTES + 1 - PNG.length)]);
    expect(await put(token, tooBig, 'image/png')).toMatchObject({ status: 413, body: { error: { code: 'AVATAR_TOO_LARGE' } } });
    expect(await storage.get(avatarKey(customerId))).toEqual(PNG);
    // Sent chunked, with no Content-Length to refuse it by: the body parser's own limit answers the same.
    const chunks = [PNG, Buffer.alloc(MAX_AVATAR_BYTES)];
    const streamed = await fetch(`${platform.api}/v1/me/avatar`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' },
      body: new ReadableStream({ pull: (controller) => (chunks.length ? controller.enqueue(chunks.shift()!) : controller.close()) }),
      duplex: 'half',
    } as RequestInit);
    expect({ status: streamed.status, code: ((await streamed.json()) as { error: { code: string } }).error.code }).toEqual({ status: 413, code: 'AVATAR_TOO_LARGE' });
    expect(await storage.get(avatarKey(customerId))).toEqual(PNG);
    const atLimit = Buffer.concat([PNG, Buffer.alloc(MAX_AVATAR_BYTES - PNG.length)]);
    expect(await put(token, atLimit, 'image/png')).toMatchObject({ status: 200, body: { bytes: MAX_AVATAR_BYTES } });
  });

  it('needs a token, and each account reaches only its own avatar, whatever characters its id holds', async () => {
    expect(await put(undefined, PNG, 'image/png')).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    const a = customerToken(platform, `../../etc/${randomUUID()}`);
    const b = customerToken(platform, `ユーザー-${randomUUID()}`);
    expect((await put(a.token, PNG, 'image/png')).status).toBe(200);
    expect((await put(b.token, JPEG, 'image/jpeg')).status).toBe(200);
    expect(Buffer.from(await (await get(a.token)).arrayBuffer())).toEqual(PNG);
    expect(Buffer.from(await (await get(b.token)).arrayBuffer())).toEqual(JPEG);
    // The key is a hash: the "../" in the id never reaches the file system.
    expect(storage.pathOf(avatarKey(a.customerId)).startsWith(`${DEFAULT_OBJECT_STORAGE_DIR}/avatars/`)).toBe(true);
    expect((await get(customerToken(platform).token)).status).toBe(404);
  });
});
