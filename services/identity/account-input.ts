import { DomainError } from '../../lib/errors';

export const MIN_PASSWORD_LENGTH = 10;
/** bcrypt reads only the first 72 bytes; a longer password would silently match its own prefix. */
export const MAX_PASSWORD_BYTES = 72;
const MAX_EMAIL_LENGTH = 254;
const MAX_NAME_LENGTH = 100;
const MAX_ADDRESS_FIELD_LENGTH = 200;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const POSTAL_CODE = /^(\d{3})-?(\d{4})$/;
const PHONE = /^\+?[\d-]{10,15}$/;

/** The 47 prefectures, as written on Japanese addresses. */
export const PREFECTURES = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県', '茨城県', '栃木県', '群馬県',
  '埼玉県', '千葉県', '東京都', '神奈川県', '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県',
  '岐阜県', '静岡県', '愛知県', '三重県', '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県',
  '鳥取県', '島根県', '岡山県', '広島県', '山口県', '徳島県', '香川県', '愛媛県', '高知県', '福岡県',
  '佐賀県', '長崎県', '熊本県', '大分県', '宮崎県', '鹿児島県', '沖縄県',
] as const;

export type PasswordViolation = 'too_short' | 'too_long' | 'equals_email';

/** Trims and lower-cases an email address, so one mailbox is one account. */
export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** Normalises and checks an email address for a new account. */
export function parseEmail(raw: string): string {
  const email = normaliseEmail(raw);
  if (!EMAIL.test(email) || email.length > MAX_EMAIL_LENGTH) {
    throw new DomainError('VALIDATION_FAILED', 'email is not an email address', { field: 'email' });
  }
  return email;
}

/** The ways a password breaks the policy (empty when it is acceptable). */
export function passwordViolations(password: string, email: string): PasswordViolation[] {
  const violations: PasswordViolation[] = [];
  if ([...password].length < MIN_PASSWORD_LENGTH) violations.push('too_short');
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) violations.push('too_long');
  if (password.trim().toLowerCase() === normaliseEmail(email)) violations.push('equals_email');
  return violations;
}

/** Rejects a password that breaks the policy, naming every violation in the details. */
export function assertPasswordPolicy(password: string, email: string): void {
  const violations = passwordViolations(password, email);
  if (violations.length > 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `password must be at least ${MIN_PASSWORD_LENGTH} characters, at most ${MAX_PASSWORD_BYTES} bytes, and not the email address`,
      { field: 'password', violations, minLength: MIN_PASSWORD_LENGTH },
    );
  }
}

/** Trims and checks a display name. */
export function parseName(raw: string): string {
  const name = raw.trim();
  if (!name || name.length > MAX_NAME_LENGTH) {
    throw new DomainError('VALIDATION_FAILED', `name must be 1-${MAX_NAME_LENGTH} characters`, { field: 'name' });
  }
  return name;
}

export interface AddressInput {
  name: string;
  postalCode: string;
  prefecture: string;
  city: string;
  line1: string;
  line2: string;
  phone: string;
}

/** Validates a Japanese address; the postal code becomes NNN-NNNN (full-width digits accepted). */
export function parseAddress(address: AddressInput | null | undefined): AddressInput {
  if (!address) throw new DomainError('VALIDATION_FAILED', 'address is required', { field: 'address' });
  const clean: AddressInput = {
    name: address.name.trim(),
    postalCode: address.postalCode.normalize('NFKC').trim().replace(/[ー−‐]/g, '-'),
    prefecture: address.prefecture.trim(),
    city: address.city.trim(),
    line1: address.line1.trim(),
    line2: address.line2.trim(),
    phone: address.phone.normalize('NFKC').trim(),
  };
  for (const field of ['name', 'postalCode', 'prefecture', 'city', 'line1'] as const) {
    if (!clean[field]) throw new DomainError('VALIDATION_FAILED', `address.${field} is required`, { field });
  }
  for (const [field, value] of Object.entries(clean)) {
    if (value.length > MAX_ADDRESS_FIELD_LENGTH) {
      throw new DomainError('VALIDATION_FAILED', `address.${field} is longer than ${MAX_ADDRESS_FIELD_LENGTH} characters`, { field });
    }
  }
  const postal = POSTAL_CODE.exec(clean.postalCode);
  if (!postal) throw new DomainError('VALIDATION_FAILED', 'address.postalCode must be a Japanese postal code (NNN-NNNN)', { field: 'postalCode' });
  if (!(PREFECTURES as readonly string[]).includes(clean.prefecture)) {
    throw new DomainError('VALIDATION_FAILED', 'address.prefecture must be one of the 47 prefectures, e.g. 東京都', { field: 'prefecture' });
  }
  if (clean.phone && !PHONE.test(clean.phone)) {
    throw new DomainError('VALIDATION_FAILED', 'address.phone must be 10-15 digits, e.g. 03-1234-5678', { field: 'phone' });
  }
  return { ...clean, postalCode: `${postal[1]}-${postal[2]}` };
}
