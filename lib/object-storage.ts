import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { DomainError } from './errors';

/**
 * Where uploaded files live. The api stores through this interface only, so the filesystem driver
 * (a volume shared by the replicas) can be swapped for an object store without touching a route.
 */
export interface ObjectStorage {
  /** Creates or replaces the object; the content type is kept where the store keeps metadata (S3). */
  put(key: string, body: Buffer, contentType?: string): Promise<void>;
  /** The object's bytes, or undefined when there is none. */
  get(key: string): Promise<Buffer | undefined>;
  /** Deletes the object; done also when there was none. */
  delete(key: string): Promise<void>;
}

// The default root lives with the other defaults in lib/config.ts; re-exported for the api and tests.
export { DEFAULT_OBJECT_STORAGE_DIR } from './config';

/** Keys are our own ("avatars/<hex>"): segments of [A-Za-z0-9_-] and inner dots, never "." or "..". */
const KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}(\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}){0,7}$/;

/** Refuses a key that is not one of ours: a defect in the caller, never a path outside the store. */
export function checkObjectKey(key: string): string {
  if (!KEY.test(key) || key.split('/').some((s) => s === '.' || s === '..')) throw new DomainError('INTERNAL', 'not a valid object key');
  return key;
}

/**
 * Objects as files under one root directory. A write goes to a temporary file first and is renamed
 * into place, so a reader never sees half an object and a crashed upload leaves the old one.
 */
export class FilesystemObjectStorage implements ObjectStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The file of a key, proven to lie inside the root (the key check already forbids "..": belt and braces). */
  pathOf(key: string): string {
    const path = resolve(this.root, checkObjectKey(key));
    if (!path.startsWith(this.root + sep)) throw new DomainError('INTERNAL', 'object key escapes the store');
    return path;
  }

  async put(key: string, body: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.${randomUUID()}.partial`;
    try {
      await writeFile(partial, body, { mode: 0o640 });
      await rename(partial, path);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

/** What S3ObjectStorage needs of an S3 client: its one method (tests pass a fake through this). */
export type S3Sender = Pick<S3Client, 'send'>;

/**
 * Objects in an S3 bucket (AWS, or an S3-compatible store through an endpoint). Keys are checked
 * like the filesystem driver's and put under an optional prefix, so one bucket can serve several
 * environments.
 */
export class S3ObjectStorage implements ObjectStorage {
  constructor(
    private readonly client: S3Sender,
    private readonly bucket: string,
    private readonly prefix = '',
  ) {}

  private keyOf(key: string): string {
    return `${this.prefix}${checkObjectKey(key)}`;
  }

  async put(key: string, body: Buffer, contentType?: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key), Body: body, ...(contentType ? { ContentType: contentType } : {}) }));
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) }));
      return answer.Body ? Buffer.from(await answer.Body.transformToByteArray()) : Buffer.alloc(0);
    } catch (err) {
      const { name, $metadata } = err as { name?: string; $metadata?: { httpStatusCode?: number } };
      if (name === 'NoSuchKey' || $metadata?.httpStatusCode === 404) return undefined;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    // S3 answers 204 whether or not the object existed.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) }));
  }
}

/** The object store settings of lib/config.ts (OBJECT_STORAGE_DRIVER, AVATAR_STORAGE_DIR, S3_*). */
export interface ObjectStorageSettings {
  OBJECT_STORAGE_DRIVER: 'filesystem' | 's3';
  AVATAR_STORAGE_DIR: string;
  S3_BUCKET?: string | undefined;
  S3_REGION: string;
  S3_ENDPOINT?: string | undefined;
  S3_FORCE_PATH_STYLE: 'true' | 'false';
  S3_KEY_PREFIX: string;
}

/**
 * The store config selects. S3 credentials come from the SDK's default chain (the pod's IAM role,
 * a web identity token, an instance profile): no key is configured here.
 */
export function objectStorageFrom(settings: ObjectStorageSettings): ObjectStorage {
  if (settings.OBJECT_STORAGE_DRIVER === 'filesystem') return new FilesystemObjectStorage(settings.AVATAR_STORAGE_DIR);
  const client = new S3Client({
    region: settings.S3_REGION,
    ...(settings.S3_ENDPOINT ? { endpoint: settings.S3_ENDPOINT } : {}),
    forcePathStyle: settings.S3_FORCE_PATH_STYLE === 'true',
  });
  return new S3ObjectStorage(client, settings.S3_BUCKET ?? '', settings.S3_KEY_PREFIX);
}
