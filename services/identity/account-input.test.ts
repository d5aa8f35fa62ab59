import { DomainError } from '../../lib/errors';
import { assertPasswordPolicy, normaliseEmail, parseAddress, parseEmail, passwordViolations, type AddressInput } from './account-input';

const rejection = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (err) {
    return err as DomainError;
  }
  throw new Error('expected a rejection');
};

describe('email', () => {
  it('is trimmed and lower-cased', () => {
    expect(normaliseEmail('  Hanako.Yamada@Example.JP ')).toBe('hanako.yamada@example.jp');
    expect(parseEmail(' A@B.CO ')).toBe('a@b.co');
  });

  it('must look like an address', () => {
    for (const bad of ['', 'no-at-sign', 'a@b', 'two words@example.com', `${'x'.repeat(250)}@example.com`]) {
      expect(rejection(() => parseEmail(bad))).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'email' } });
    }
  });
});

describe('password policy', () => {
  it('accepts ten characters or more that are not the email', () => {
    expect(passwordViolations('correct horse', 'a@example.com')).toEqual([]);
    expect(passwordViolations('パスワードは十文字以上', 'a@example.com')).toEqual([]);
    expect(() => assertPasswordPolicy('0123456789', 'a@example.com')).not.toThrow();
  });

  it('rejects fewer than ten characters', () => {
    expect(passwordViolations('123456789', 'a@example.com')).toEqual(['too_short']);
  });

  it('rejects the email address itself, whatever its case', () => {
    expect(passwordViolations('Hanako@Example.com', 'hanako@example.com')).toEqual(['equals_email']);
  });

  it('rejects more than bcrypt reads (72 bytes), counting UTF-8 bytes', () => {
    expect(passwordViolations('a'.repeat(72), 'a@example.com')).toEqual([]);
    expect(passwordViolations('a'.repeat(73), 'a@example.com')).toEqual(['too_long']);
    expect(passwordViolations('あ'.repeat(25), 'a@example.com')).toEqual(['too_long']);
  });

  it('names every violation in the error details', () => {
    const err = rejection(() => assertPasswordPolicy('a@b.co', 'a@b.co'));
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'password', violations: ['too_short', 'equals_email'] } });
  });
});

describe('address', () => {
  const address: AddressInput = { name: '山田 花子', postalCode: '1500001', prefecture: '東京都', city: '渋谷区', line1: '神宮前1-1-1', line2: '', phone: '03-1234-5678' };

  it('normalises the postal code to NNN-NNNN, full-width digits included', () => {
    expect(parseAddress(address).postalCode).toBe('150-0001');
    expect(parseAddress({ ...address, postalCode: '１５０－０００１' }).postalCode).toBe('150-0001');
  });

  it('requires the fields of a deliverable address', () => {
    for (const field of ['name', 'postalCode', 'prefecture', 'city', 'line1'] as const) {
      expect(rejection(() => parseAddress({ ...address, [field]: '  ' }))).toMatchObject({ code: 'VALIDATION_FAILED', details: { field } });
    }
    expect(parseAddress({ ...address, line2: '', phone: '' })).toMatchObject({ line2: '', phone: '' });
  });

  it('rejects an unknown prefecture, a bad postal code and a bad phone number', () => {
    expect(rejection(() => parseAddress({ ...address, prefecture: 'Tokyo' }))).toMatchObject({ details: { field: 'prefecture' } });
    expect(rejection(() => parseAddress({ ...address, postalCode: '150-001' }))).toMatchObject({ details: { field: 'postalCode' } });
    expect(rejection(() => parseAddress({ ...address, phone: 'call me' }))).toMatchObject({ details: { field: 'phone' } });
  });
});
