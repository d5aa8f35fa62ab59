/**
 * What a SKU may be: 1–64 letters (any script: 抹茶-缶-100G is a SKU), digits, combining marks, ".",
 * "_" or "-", starting with a letter or digit; counted in code points. Written in NFC, so the same
 * SKU typed on two keyboards (composed ガ, or カ + combining ゙) is never two SKUs.
 */
export const SKU_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}._-]{0,63}$/u;

export const SKU_RULE = 'must be 1-64 letters (any script), digits, ".", "_" or "-", starting with a letter or digit, in Unicode NFC';

export function isValidSku(sku: string): boolean {
  return SKU_PATTERN.test(sku) && sku === sku.normalize('NFC');
}
