import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './config';
import { checkObjectKey, FilesystemObjectStorage, objectStorageFrom, S3ObjectStorage } from './object-storage';

describe('filesystem object storage', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'object-storage-test-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('puts, gets, replaces and deletes an object', async () => {
    const storage = new FilesystemObjectStorage(root);
    expect(await storage.get('avatars/abc')).toBeUndefined();
    await storage.put('avatars/abc', Buffer.from('one'));
    await storage.put('avatars/abc', Buffer.from('two'));
    expect((await storage.get('avatars/abc'))?.toString()).toBe('two');
    await storage.delete('avatars/abc');
    // Deleting what is not there is done too.
    await storage.delete('avatars/abc');
    expect(await storage.get('avatars/abc')).toBeUndefined();
  });

  it.each(['../x', 'avatars/../../x', '/etc/passwd', 'a//b', 'avatars/.', '', 'a\\b', 'a/\u0000', 'アバター'])('refuses the key %j', (key) => {
    expect(() => checkObjectKey(key)).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
    expect(() => new FilesystemObjectStorage(root).pathOf(key)).toThrow();
  });

  it('keeps every accepted key inside its root', () => {
    const storage = new FilesystemObjectStorage(root);
    expect(storage.pathOf('avatars/a.b_c-d')).toBe(join(root, 'avatars', 'a.b_c-d'));
  });
});

describe('S3 object storage', () => {
  /** A stand-in for the S3 client: records each command and answers from a map, as a bucket would. */
  function fakeS3() {
    const objects = new Map<string, { body: Buffer; contentType?: string }>();
    const sent: { name: string; input: Record<string, unknown> }[] = [];
    const send = async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      const { input } = command;
      sent.push({ name: command.constructor.name, input });
      const key = `${String(input.Bucket)}/${String(input.Key)}`;
      switch (command.constructor.name) {
        case 'PutObjectCommand':
          objects.set(key, { body: input.Body as Buffer, ...(input.ContentType ? { contentType: String(input.ContentType) } : {}) });
          return {};
        case 'GetObjectCommand': {
          const found = objects.get(key);
          if (!found) throw Object.assign(new Error('The specified key does not exist.'), { name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
          return { Body: { transformToByteArray: async () => new Uint8Array(found.body) } };
        }
        case 'DeleteObjectCommand':
          objects.delete(key);
          return {};
        default:
          throw new Error(`unexpected ${command.constructor.name}`);
      }
    };
    return { objects, sent, client: { send } as never };
  }

  it('puts with its content type under the prefix, gets, answers undefined for a missing key, deletes', async () => {
    const s3 = fakeS3();
    const storage = new S3ObjectStorage(s3.client, 'shop-objects', 'production/');
    await storage.put('avatars/abc', Buffer.from('png bytes'), 'image/png');
    expect(s3.objects.get('shop-objects/production/avatars/abc')).toEqual({ body: Buffer.from('png bytes'), contentType: 'image/png' });
    expect((await storage.get('avatars/abc'))?.toString()).toBe('png bytes');
    await storage.delete('avatars/abc');
    expect(await storage.get('avatars/abc')).toBeUndefined();
    expect(s3.sent.map((c) => c.name)).toEqual(['PutObjectCommand', 'GetObjectCommand', 'DeleteObjectCommand', 'GetObjectCommand']);
  });

  it('refuses a key that is not ours before calling S3, and passes other failures on', async () => {
    const s3 = fakeS3();
    const storage = new S3ObjectStorage(s3.client, 'shop-objects');
    await expect(storage.put('../x', Buffer.from('x'))).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(s3.sent).toEqual([]);
    const failing = new S3ObjectStorage({ send: async () => Promise.reject(Object.assign(new Error('denied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } })) } as never, 'b');
    await expect(failing.get('avatars/abc')).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  it('is selected by config, which requires a bucket for it', () => {
    expect(objectStorageFrom({ ...loadConfig({ NODE_ENV: 'test' }) })).toBeInstanceOf(FilesystemObjectStorage);
    expect(objectStorageFrom(loadConfig({ NODE_ENV: 'test', OBJECT_STORAGE_DRIVER: 's3', S3_BUCKET: 'shop-objects', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_FORCE_PATH_STYLE: 'true' }))).toBeInstanceOf(S3ObjectStorage);
    expect(() => loadConfig({ NODE_ENV: 'test', OBJECT_STORAGE_DRIVER: 's3' })).toThrow(/S3_BUCKET: required when OBJECT_STORAGE_DRIVER=s3/);
  });
});
