/** At most this many words of a search query are used; the rest are ignored. */
export const MAX_SEARCH_TERMS = 8;

/**
 * Turns a shopper's free text into a PostgreSQL tsquery (for to_tsquery('simple', …)) that matches
 * every word, each also as a prefix; null when the text holds no word. Only letters and digits
 * survive, so tsquery operators typed by the shopper can never change the query's meaning.
 */
export function parseSearchQuery(text: string): string | null {
  const terms = [
    ...new Set(
      text
        .normalize('NFKC')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((t) => t.length > 0),
    ),
  ].slice(0, MAX_SEARCH_TERMS);
  return terms.length === 0 ? null : terms.map((t) => `${t}:*`).join(' & ');
}
