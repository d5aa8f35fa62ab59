import { avatarKey, checkAvatar, sniffImageType } from './avatar';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0, 0]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP')]);

describe('avatar checks', () => {
  it('recognises PNG, JPEG and WebP by their bytes, and nothing else', () => {
    expect(sniffImageType(PNG)).toBe('image/png');
    expect(sniffImageType(JPEG)).toBe('image/jpeg');
    expect(sniffImageType(WEBP)).toBe('image/webp');
    expect(sniffImageType(Buffer.from('GIF89a'))).toBeUndefined();
    expect(sniffImageType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVE')]))).toBeUndefined();
    expect(sniffImageType(Buffer.from('<svg/>'))).toBeUndefined();
    expect(sniffImageType(Buffer.alloc(0))).toBeUndefined();
  });

  it('accepts a declared type (with parameters, any case) only when the bytes are that type', () => {
    expect(checkAvatar('image/png', PNG)).toBe('image/png');
    expect(checkAvatar('IMAGE/JPEG; charset=binary', JPEG)).toBe('image/jpeg');
    expect(() => checkAvatar('image/png', JPEG)).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_IMAGE_TYPE' }));
    expect(() => checkAvatar('image/gif', Buffer.from('GIF89a'))).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_IMAGE_TYPE' }));
    expect(() => checkAvatar(undefined, PNG)).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_IMAGE_TYPE' }));
  });

  it('keys an avatar by a hash of the account id: fixed shape whatever the id holds', () => {
    expect(avatarKey('../../etc/passwd')).toMatch(/^avatars\/[0-9a-f]{64}$/);
    expect(avatarKey('ユーザー')).not.toBe(avatarKey('ユーザー2'));
  });
});
