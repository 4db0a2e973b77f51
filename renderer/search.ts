/**
 * Search as a club member types it: case, accents and the letters a keyboard may lack are ignored,
 * so "Jose" finds José, "Soren" Søren, "Lukasz" Łukasz and "Ayse" Ayşe.
 */

/** Letters that Unicode does not decompose into a base letter and a mark. */
const PLAIN_LETTERS: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ı: 'i',
  ŧ: 't',
  þ: 'th',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  '’': "'",
  '‘': "'",
  ʼ: "'",
};

/** The text as search compares it: lower case, without accents, spaces collapsed. */
export function searchKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łøđðħıŧþßæœ’‘ʼ]/g, (letter) => PLAIN_LETTERS[letter] ?? letter)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * True when every word of the query is found in one of the texts (so "tow pilot" finds a member
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
