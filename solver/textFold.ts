/**
 * Text as a person means it: case, accents and the letters a keyboard may lack are ignored, so "Jose"
 * is José, "Soren" Søren, "Lukasz" Łukasz and "Ayse" Ayşe. Search and spreadsheet headers use it.
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
