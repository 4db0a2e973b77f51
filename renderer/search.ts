import { searchKey } from '../solver/textFold.ts';

/**
 * Search as a club member types it (searchKey says what is ignored): true when every word of the query is found in one of the texts (so "tow pilot" finds a member
 * whose qualification is shown as "Tow Pilot", and "jose nunez" finds José Núñez). An empty query matches.
 */
export function matchesSearch(query: string, texts: readonly string[]): boolean {
  const words = searchKey(query)
    .split(' ')
    .filter((word) => word !== '');
  if (words.length === 0) return true;
  const haystack = texts.map(searchKey);
  return words.every((word) => haystack.some((text) => text.includes(word)));
}
