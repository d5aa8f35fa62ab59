import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { DomainError } from './errors';

/**
 * Where uploaded files live. The api stores through this interface only, so the filesystem driver
 * (a volume shared by the replicas) can be swapped for an object store without touching a route.
 */
export interface ObjectStorage {
  put(key: string, body: Buffer): Promise<void>;
  /** The object's bytes, or undefined when there is none. */
  get(key: string): Promise<Buffer | undefined>;
  /** Deletes the object; true when there was one. */
  delete(key: string): Promise<boolean>;
}

/** The filesystem store's root when none is configured (config AVATAR_STORAGE_DIR): fine for development only. */
export const DEFAULT_OBJECT_STORAGE_DIR = join(tmpdir(), 'checkout-platform', 'objects');

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

  async delete(key: string): Promise<boolean> {
    const path = this.pathOf(key);
    try {
      await rm(path);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }
}
