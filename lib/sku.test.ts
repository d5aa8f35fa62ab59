import { isValidSku } from './sku';

describe('SKU rule', () => {
  it.each(['TEA-SENCHA-100G', '抹茶', '抹茶-缶-100G', 'ほうじ茶_200g', 'ＴＥＡ１', 'a'.repeat(64), '煎茶.v2'])('accepts %s', (sku) => {
    expect(isValidSku(sku)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['65 code points', '茶'.repeat(65)],
    ['a leading dash', '-TEA'],
    ['a space', 'TEA 1'],
    ['a slash', 'TEA/1'],
    ['a control character', 'TEA\u0000'],
    ['an emoji', 'TEA🍵'],
    ['decomposed (NFD) kana', 'カ\u3099'],
  ])('refuses %s', (_why, sku) => {
    expect(isValidSku(sku)).toBe(false);
  });
});
