/**
 * How big anything a person or a file hands the app may be: the club file reader and the API's payload
 * checks both refuse more, naming the field. Sized well above any real club (the largest in the
 * benchmarks has 10,000 members) and well below what makes an export or a scheduler run for minutes.
 */
export const LIMITS = {
  /** Characters. */
  clubName: 200,
  memberName: 200,
  memberId: 100,
  roleTitle: 100,
  /** Role and qualification keys. */
  key: 64,
  seasonPhrase: 100,
  note: 500,
  /** Entries. */
  members: 10_000,
  roles: 50,
  qualifications: 50,
  /** Dates in one list: a member's blackouts, the club's extra or removed duty days. */
  dates: 1_000,
  /** Member ids in one member's pairWith or avoid. */
  partners: 100,
  /** Published days a club file may carry (decades of weekends). */
  publishedDays: 20_000,
  /** Objects and lists inside one another in a club file (the real format needs 4). */
  depth: 12,
  /** UTF-16 code units of a club file's text (about 20 MB). */
  clubFileChars: 20 * 1024 * 1024,
} as const;

