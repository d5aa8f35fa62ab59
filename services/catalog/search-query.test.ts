import { MAX_SEARCH_TERMS, parseSearchQuery } from './search-query';

describe('parseSearchQuery', () => {
  it('requires every word, each as a prefix, lower-cased', () => {
    expect(parseSearchQuery('Green  Sencha')).toBe('green:* & sencha:*');
  });

  it('drops tsquery operators and punctuation so they cannot change the query', () => {
    expect(parseSearchQuery("sencha | !matcha & (x) <-> 'y':*")).toBe('sencha:* & matcha:* & x:* & y:*');
    expect(parseSearchQuery('TEA-SENCHA-100G')).toBe('tea:* & sencha:* & 100g:*');
  });

  it('keeps Japanese words and folds full-width characters', () => {
    expect(parseSearchQuery('煎茶　ＴＥＡ')).toBe('煎茶:* & tea:*');
  });

  it('answers null for text without a word', () => {
    expect(parseSearchQuery('')).toBeNull();
    expect(parseSearchQuery('  !&|  ')).toBeNull();
  });

  it('ignores repeated words and words beyond the limit', () => {
    expect(parseSearchQuery('tea TEA tea')).toBe('tea:*');
    const many = Array.from({ length: MAX_SEARCH_TERMS + 3 }, (_, i) => `w${i}`).join(' ');
    expect(parseSearchQuery(many)?.split(' & ')).toHaveLength(MAX_SEARCH_TERMS);
  });
});
