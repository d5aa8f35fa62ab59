import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkObjectKey, FilesystemObjectStorage } from './object-storage';

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
    expect(await storage.delete('avatars/abc')).toBe(true);
    expect(await storage.delete('avatars/abc')).toBe(false);
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
