import { cacheKey, canonicalJson } from './catalog-cache';

describe('cache keys', () => {
  it('do not depend on the order of parameters', () => {
    expect(cacheKey('search', '7', { q: 'tea', page: 1, pageSize: 20 })).toBe(cacheKey('search', '7', { pageSize: 20, page: 1, q: 'tea' }));
    expect(canonicalJson({ b: [2, { d: 1, c: 0 }], a: null })).toBe('{"a":null,"b":[2,{"c":0,"d":1}]}');
  });

  it('differ for different parameters, kinds and generations', () => {
    const base = cacheKey('search', '7', { q: 'tea', page: 1 });
    expect(cacheKey('search', '7', { q: 'tea', page: 2 })).not.toBe(base);
    expect(cacheKey('search', '7', { q: 'teas', page: 1 })).not.toBe(base);
    expect(cacheKey('categories', '7', { q: 'tea', page: 1 })).not.toBe(base);
    expect(cacheKey('search', '8', { q: 'tea', page: 1 })).not.toBe(base);
  });

  it('treat an absent parameter like an undefined one, and name their kind and generation', () => {
    expect(cacheKey('product', '12', { id: 'p1', merchant: undefined })).toBe(cacheKey('product', '12', { id: 'p1' }));
    expect(cacheKey('product', '12', { id: 'p1' })).toMatch(/^catalog:product:g12:[\w-]{32}$/);
  });
});
