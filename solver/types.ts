/** The club model every scheduler, validator and tool works on (club-format.md, defaults applied). */

export type Weekday = 'sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat';
export const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** An ISO date `YYYY-MM-DD` in the club's own calendar. */
export type IsoDate = string;

export interface Role {
  key: string;
  title: string;
  /** Qualification a member must hold; defaults to `key`. */
  qualification: string;
}

export interface Member {
  id: string;
  name: string;
  active: boolean;
  qualifications: string[];
  /** Qualification key -> 0..100 (the percent rule). Empty when the member stated nothing. */
  rolePercent: Record<string, number>;
  /** Decimal 0..12; null uses the club default. */
  maxPerMonth: number | null;
  preferredDay: 'sat' | 'sun' | null;
  allowWeekendDouble: boolean;
  dontSchedule: boolean;
  suspended: boolean;
  blackouts: IsoDate[];
  pairWith: string[];
  avoid: string[];
  lastDutyDate: IsoDate | null;
  /**
   * Qualification key -> last valid date (null-prototype: the keys are the club's). A qualification
   * does not count for duty days after it. Absent or empty: nothing expires.
   */
  qualificationExpiry?: Record<string, IsoDate>;
  /** Duties expected of this member per season (whole duties, 1 up); absent or null: the club default. */
  seasonQuota?: number | null;
  /** Never scheduled and not expected to do duties; absent means false. */
  exempt?: boolean;
  /** Availability rules (club format 2, solver/availability.ts). Absent or empty: none. */
  unavailable?: UnavailableRule[];
}

/**
 * One availability rule: exactly one of `date`, `from`+`to`, `weekday` or `months` alone says when;
 * `months` may narrow a `weekday` rule; `roles` (qualification keys) narrows it to those roles.
 */
export interface UnavailableRule {
  date?: IsoDate;
  from?: IsoDate;
  to?: IsoDate;
  weekday?: Weekday;
  /** 1-12. */
  months?: number[];
  roles?: string[];
  /** `never` is a hard rule; `preferNot` a soft cost. */
  level: 'never' | 'preferNot';
  note?: string;
}

export interface PublishedDay {
  date: IsoDate;
  /** Role key -> member id, or null for a slot left empty. */
  slots: Record<string, string | null>;
}

export interface Season {
  start: string | null;
  end: string | null;
}

/** Which published duties count towards fairness (solver/fairnessWindow.ts). */
export type FairnessWindow = 'season' | '12months' | 'range';

export interface Club {
  /** Permanent id (club-format.md `club.id`); absent in a file that has none, then the store keeps or makes one. */
  id?: string;
  name: string;
  defaultMaxPerMonth: number;
  /** Absent means 'season'. */
  fairnessWindow?: FairnessWindow;
  /** Duties expected of a member per season when the member has no quota of their own; absent or null: none. */
  defaultSeasonQuota?: number | null;
  season: Season;
  operatingWeekdays: Weekday[];
  extraDutyDays: IsoDate[];
  removedDates: IsoDate[];
  /** Extra duty day -> what it is ("Bank holiday", "Competition week"); absent when none has one. */
  extraDutyDayLabels?: Record<IsoDate, string>;
  /** Removed date -> why ("Airfield closed"); absent when none has one. */
  removedDateReasons?: Record<IsoDate, string>;
  roles: Role[];
  members: Member[];
  published: PublishedDay[];
}

export interface DateRange {
  start: IsoDate;
  end: IsoDate;
}

/** One slot's content: a member id, or null for an empty slot. */
export interface Assignment {
  date: IsoDate;
  role: string;
  memberId: string | null;
}

/** Everything a scheduler needs for one generation. */
export interface SchedulingProblem {
  club: Club;
  range: DateRange;
  /** Sorted, distinct duty days inside the range. */
  dutyDays: IsoDate[];
  /** The roles to schedule, in display order. */
  roles: Role[];
  /** Slots the rostermeister locked: every scheduler keeps them as they are. */
  locked: Assignment[];
  /** Re-plan: the published version's slots, to change as few of as the rules allow (solver/replan.ts). */
  replanFrom?: Assignment[];
}

export type SchedulerKind = 'legacy' | 'optimizer';
export type SolveStatus = 'optimal' | 'feasible' | 'heuristic';

export interface Diagnostic {
  date: IsoDate;
  role: string;
  summary: string;
}

export interface RosterMetrics {
  solve_time_ms: number;
  fill_rate_percent: number;
  fairness_variance: number;
  fairness_variance_all: number;
  /**
   * The fairness window's figures (docs/metrics.md): loads are published duties in the window plus
   * this roster's. Absent on runs recorded before the window was measured.
   */
  window_fairness_variance?: number;
  window_sum_of_squares?: number;
  /** Sum over members of (window load - quota)^2 / quota; null when the club sets no quotas. */
  window_quota_distance?: number | null;
  filled_slots: number;
  total_slots: number;
}

export interface Fallback {
  reason: string;
  status: string;
}

/** The roster document of club-format.md, as the CLI prints it with --json. */
export interface RosterDocument {
  scheduler: SchedulerKind;
  status: SolveStatus;
  /** Relative optimality gap (0 = proven optimal); null for the legacy scheduler. */
  gap: number | null;
  seed: number | null;
  range: DateRange;
  dutyDays: IsoDate[];
  roles: Role[];
  assignments: Assignment[];
  metrics: RosterMetrics;
  diagnostics: Diagnostic[];
  fallback: Fallback | null;
}
