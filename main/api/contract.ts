/**
 * The types of the one API between the user interface and the backend. The methods are declared in
 * the API table (methods.ts); this module holds only types, so the renderer can import it (type-only).
 * Every method's payload is validated in main (see validate.ts) before the backend sees it.
 */
import type {
  Assignment,
  DateRange,
  Diagnostic,
  Fallback,
  FairnessWindow,
  IsoDate,
  Member,
  RosterMetrics,
  Weekday,
  SchedulerKind,
  SolveStatus,
} from '../../solver/types.ts';
import type { RankedCandidate as SlotCandidate } from '../../solver/slotRanking.ts';
import type { MemberSeason, SeasonStats } from '../../solver/seasonStats.ts';
import type { WhyMember, WhySlot } from '../../solver/whyNot.ts';
import type { ScenarioChanges } from '../../solver/scenario.ts';
import type { ColumnMapping, SheetField, SheetRow } from '../../solver/memberSheet.ts';
import type { ApiMethod, ApiTable, MethodSpec } from './methods.ts';

export type { MemberSeason, WhySlot };
export type {
  ColumnMapping,
  SheetField,
  SheetRow,
  ScenarioChanges,
  SlotCandidate,
  Member,
  IsoDate,
  Weekday,
  SchedulerKind,
  SolveStatus,
  RosterMetrics,
  Fallback,
  DateRange,
  Assignment,
  Diagnostic,
  FairnessWindow,
};

/** A month, or a run of up to 12 months starting there. */
export interface MonthRef {
  year: number;
  month: number;
  /** 1..12, default 1. */
  months?: number;
}

export interface RoleSetting {
  key: string;
  title: string;
  qualification: string;
  /** Off = kept in the club but not scheduled. */
  scheduled: boolean;
  /** Retired: never scheduled again, its draft slots gone, kept for published history (absent = false). */
  retired?: boolean;
}

/** Extra duty days: one date (`from` = `to`) or a run of dates, with what they are. */
export interface ExtraDutyDays {
  from: IsoDate;
  to: IsoDate;
  /** e.g. "Bank holiday", "Competition week"; null for none. */
  label: string | null;
}

export interface ClubRemovedDate {
  date: IsoDate;
  /** e.g. "Airfield closed"; null for none. */
  reason: string | null;
}

/** When the club operates: the duty-day calendar every draft is made from. */
export interface ClubCalendar {
  operatingWeekdays: Weekday[];
  seasonStart: string | null;
  seasonEnd: string | null;
  extraDutyDays: ExtraDutyDays[];
  removedDates: ClubRemovedDate[];
}

/** What a change of the calendar or the roles does (or did) to one draft's grid. */
export interface DraftChange {
  draftId: number;
  range: DateRange;
  daysAdded: IsoDate[];
  daysRemoved: IsoDate[];
  /** Role titles that gain or lose their column. */
  rolesAdded: string[];
  rolesRemoved: string[];
  slotsAdded: number;
  slotsRemoved: number;
  /** Of the slots removed: how many held a member, how many were locked. */
  filledRemoved: number;
  lockedRemoved: number;
}

/** The drafts a change affects, and the same in one sentence for the club member. */
export interface DraftChanges {
  drafts: DraftChange[];
  summary: string;
}

export interface CalendarSaved extends DraftChanges {
  calendar: ClubCalendar;
}

export interface RolesSaved extends DraftChanges {
  roles: RoleSetting[];
}

export interface ClubSettings {
  name: string;
  defaultMaxPerMonth: number;
  /** Which published duties count towards fairness; left out: unchanged (the club's is always given back). */
  fairnessWindow?: FairnessWindow;
  /** Duties expected of a member per season without a quota of their own; null: none. Left out: unchanged. */
  defaultSeasonQuota?: number | null;
  seasonStart: string | null;
  seasonEnd: string | null;
  roles: RoleSetting[];
}

export interface Settings {
  scheduler: SchedulerKind;
  /** 'YYYY-MM' -> scheduler used for that month instead of `scheduler`. */
  monthOverrides: Record<string, SchedulerKind>;
  /** With legacy active, also run the optimizer and record a comparison. */
  shadowMode: boolean;
  /** Optimizer time limit in seconds. */
  timeLimitSeconds: number;
}

export interface RunInfo {
  id: number;
  /** What the run was for: a draft, a shadow run of the optimizer beside a legacy draft, or a comparison. */
  purpose: 'draft' | 'shadow' | 'compare';
  scheduler: SchedulerKind;
  /** The scheduler the settings asked for (differs from `scheduler` after a fallback). */
  requestedScheduler: SchedulerKind;
  status: SolveStatus | 'failed';
  gap: number | null;
  seed: number | null;
  metrics: RosterMetrics | null;
  fallback: Fallback | null;
  error: string | null;
  range: DateRange;
  createdAt: string;
}

export interface SlotView {
  date: IsoDate;
  role: string;
  memberId: string | null;
  memberName: string | null;
  locked: boolean;
  /** Why the slot is empty (only for empty slots). */
  diagnosis: string | null;
  /** Hard-rule or spacing warnings about the current holder (manual edits). */
  warnings: string[];
}

export interface DraftView {
  id: number;
  range: DateRange;
  dutyDays: IsoDate[];
  /** Dates the rostermeister removed from this range (remembered across rolls). */
  removedDates: IsoDate[];
  /** Dates in this range the club calendar removed (they would be duty days otherwise), with the reason. */
  clubRemovedDates: ClubRemovedDate[];
  /** Extra duty day -> its label, for the days of this range that have one. */
  dayLabels: Record<IsoDate, string>;
  roles: RoleSetting[];
  slots: SlotView[];
  run: RunInfo;
  /** The scheduler the next Roll uses: the one that made the draft, unless the settings changed since. */
  activeScheduler: SchedulerKind;
  /** Member id -> duties in this draft. */
  loads: Record<string, number>;
  /** The draft as it stands now (after hand edits, removals, restores); `run.metrics` stay as generated. */
  metrics: DraftFigures;
  /** Why the draft has no duty days, or null when it has some. */
  noDutyDays: string | null;
}

export interface DraftFigures {
  fill_rate_percent: number;
  filled_slots: number;
  total_slots: number;
  fairness_variance: number;
  fairness_variance_all: number;
  /** Strict spacing rules broken (each pair of dates once per rule). */
  spacing_breaks: number;
  /** Slots whose member breaks a hard rule (e.g. a blackout added after the draft was made). */
  rule_breaks: number;
}

/** The published version of a range: when it was published, which version, how full. */
export interface PublishedInfo {
  version: number;
  publishedAt: string;
  filledSlots: number;
  totalSlots: number;
}

export interface MonthStatus {
  range: DateRange;
  dutyDays: IsoDate[];
  /** Why the month has no duty days (outside the season, no extra days, all removed); null when it has some. */
  noDutyDays: string | null;
  published: PublishedInfo | null;
  /** The draft the last Roll, Generate, Adopt or Discard replaced, when it overlaps this month. */
  replacedDraft: { action: 'roll' | 'adopt' | 'discard' | 'generate' | 'undo'; replacedAt: string; range: DateRange } | null;
}

export interface PublishCheckSlot {
  date: IsoDate;
  role: string;
  roleTitle: string;
}

export interface PublishCheck {
  draftId: number;
  noDutyDays: string | null;
  emptySlots: (PublishCheckSlot & { diagnosis: string | null })[];
  /** Hard-rule breaks: publishing them needs publishAnyway. */
  ruleBreaks: (PublishCheckSlot & { memberName: string; message: string })[];
  spacingBreaks: (PublishCheckSlot & { memberName: string; message: string })[];
  /** What is published for these dates now (null: nothing). */
  published: PublishedInfo | null;
  /** Slots whose member differs from the published version (null when nothing is published). */
  changedSlots: number | null;
}

export interface ComparisonView {
  id: number;
  range: DateRange;
  createdAt: string;
  legacy: RosterSide;
  /**
   * The optimizer's roster, or null when the optimizer failed: its run fell back to the legacy
   * scheduler, and that roster is not the optimizer's to show, measure or adopt.
   */
  optimizer: RosterSide | null;
  /** Why the optimizer failed (null when it made its roster). */
  optimizerFailure: Fallback | null;
  /** Null when the optimizer failed: there is no optimizer roster to compare with. */
  differences: {
    changed_slots: number;
    changed_dates: number;
    slot_differences: { date: IsoDate; role: string; legacy_member_id: string | null; optimizer_member_id: string | null }[];
  } | null;
  /** Null when the optimizer failed: a fallback roster is neither accepted nor rejected. */
  acceptance: { fill_rate: boolean; fairness: boolean; solve_time: boolean; passed: boolean } | null;
  roles: RoleSetting[];
  dutyDays: IsoDate[];
  /** Member id -> display name, for everyone appearing in either roster. */
  memberNames: Record<string, string>;
}

export interface RosterSide {
  scheduler: SchedulerKind;
  status: SolveStatus | 'failed';
  gap: number | null;
  seed: number | null;
  assignments: Assignment[];
  metrics: RosterMetrics;
  diagnostics: Diagnostic[];
  fallback: Fallback | null;
  loads: Record<string, number>;
  /** Strict spacing rules the roster breaks (null in comparisons recorded before they were counted). */
  spacingBreaks: number | null;
}

/** A what-if: a copy of a range with changed inputs, generated apart from the real draft. */
export interface ScenarioView {
  id: number;
  name: string;
  range: DateRange;
  changes: ScenarioChanges;
  /** The real draft's removed dates and locked slots when the scenario was made (the scenario keeps them). */
  base: { removedDates: IsoDate[]; locked: Assignment[] };
  createdAt: string;
  updatedAt: string;
  /** The scenario's roster, or null until it is generated (or after its changes were edited). */
  result: ScenarioResult | null;
  /** What the scenario's roster changes against the real draft, or the published roster when there is no draft. */
  difference: ScenarioDifference | null;
}

export interface ScenarioResult {
  generatedAt: string;
  /** The scheduler asked for (the roster's own differs after a fallback). */
  requestedScheduler: SchedulerKind;
  roster: RosterSide;
  roles: RoleSetting[];
  dutyDays: IsoDate[];
}

export interface ScenarioDifference {
  against: 'draft' | 'published' | 'nothing';
  /** The compared roster's figures over the same slots (null when there is nothing to compare). */
  baseMetrics: { fill_rate_percent: number; fairness_variance: number; filled_slots: number; total_slots: number } | null;
  slots: { date: IsoDate; role: string; roleTitle: string; before: string | null; after: string | null }[];
  /** Per member whose duties change: how many before and in the scenario. */
  members: { memberId: string; name: string; before: number; after: number }[];
}

export interface PublishedMonth {
  year: number;
  month: number;
  filledSlots: number;
  totalSlots: number;
  publishedAt: string;
}

export interface PublishedView {
  range: DateRange;
  clubName: string;
  roles: RoleSetting[];
  days: { date: IsoDate; slots: { role: string; memberId: string | null; memberName: string | null }[] }[];
  publishedAt: string;
  version: number;
  /** Published duties that clash with the member's record now (e.g. a blackout added after publishing). */
  conflicts: PublishedConflict[];
}

export interface PublishedConflict {
  date: IsoDate;
  role: string;
  roleTitle: string;
  memberId: string;
  memberName: string;
  /** The hard rule the duty breaks now (solver/rules/), or `unknown_member`. */
  rule: string;
  /** The rule's own sentence. */
  message: string;
}

/** One slot a re-plan changes: who had it (null: empty) and who would have it (null: left empty). */
export interface ReplanSlotChange {
  date: IsoDate;
  role: string;
  roleTitle: string;
  fromId: string | null;
  fromName: string | null;
  toId: string | null;
  toName: string | null;
}

/** A member's part of a re-plan: the duties they gain and lose. */
export interface ReplanMemberChange {
  memberId: string;
  memberName: string;
  gains: { date: IsoDate; role: string; roleTitle: string }[];
  loses: { date: IsoDate; role: string; roleTitle: string }[];
}

/** A proposed re-plan of one published month; nothing is changed until it is accepted. */
export interface ReplanProposal {
  year: number;
  month: number;
  /** The published range re-planned: the month, or the whole range of a roster published for several months. */
  range: DateRange;
  /** The published version the proposal starts from. */
  basedOnVersion: number;
  /** Names the published month as it was: accepting is refused once the month has changed since. */
  token: string;
  scheduler: SchedulerKind;
  fallback: Fallback | null;
  conflicts: PublishedConflict[];
  changes: ReplanSlotChange[];
  members: ReplanMemberChange[];
  /** Broken duties no roster can fill: the proposal leaves them empty. */
  leftEmpty: number;
}

/** The version an accepted re-plan made. */
export interface ReplanAccepted {
  version: number;
  changedSlots: number;
}

/** One slot of a version that differs from the version before it. */
export interface VersionSlotChange {
  date: IsoDate;
  role: string;
  roleTitle: string;
  fromMemberId: string | null;
  fromName: string | null;
  toMemberId: string | null;
  toName: string | null;
  /** `added` / `removed`: the slot is new in this version, or no longer in it (a duty day added or dropped). */
  kind: 'changed' | 'added' | 'removed';
}

/** One numbered version of a published month. */
export interface PublishedVersionView {
  version: number;
  /** published, imported, swap, cover, replace, re-plan, restored vN. */
  reason: string;
  note: string | null;
  createdAt: string;
  /** True for the month's latest version: the one that is published now. */
  current: boolean;
  filledSlots: number;
  totalSlots: number;
  /** The version this one is compared with (null for the first). */
  previous: number | null;
  /** Slot by slot, what differs from the previous version, in date then role order. */
  changes: VersionSlotChange[];
}

export interface PublishedHistory {
  year: number;
  month: number;
  /** Newest first. */
  versions: PublishedVersionView[];
}

/** What a swap, cover, replacement or restore made. */
export interface PublishedChange {
  /** Each month the change touched, with its new version. */
  months: { year: number; month: number; version: number }[];
  /** What was done, in the club's words. */
  message: string;
  /** Spacing rules the change breaks (it was made anyway). */
  warnings: string[];
}

/** A published duty to swap with, and whether the swap may be made. */
export interface SwapOption {
  date: IsoDate;
  role: string;
  roleTitle: string;
  memberId: string;
  memberName: string;
  /** Why the swap is refused (the hard rule's sentence), or null when it may be made. */
  refusal: string | null;
  /** Spacing rules the swap would break. */
  warnings: string[];
}

/** `dutyman`: the CSV DutyMan's duty upload reads (main/export/dutyman.ts). */
export type ExportFormat = 'csv' | 'csv-long' | 'ics' | 'pdf' | 'dutyman' | 'xlsx';

export interface ExportRequest {
  year: number;
  month: number;
  /** A run of this many published months from year/month, 1..12, default 1. */
  months?: number;
  format: ExportFormat;
  /** Only this member's duties (ICS and CSV). */
  memberId?: string;
  /** Prefix CSV with a UTF-8 byte order mark for spreadsheets. */
  bom?: boolean;
  /** PDF paper size, default A4. */
  paper?: 'A4' | 'Letter';
}

/** A season's calendar (every published month of `year`): the club's feed, or one member's file. */
export interface CalendarRequest {
  year: number;
  memberId?: string;
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  /** The file's bytes, base64-encoded. */
  base64: string;
}

/** What a version of a month changed for one member, and the message to tell them (nothing is sent by the app). */
export interface MemberNotice {
  memberId: string;
  memberName: string;
  /** In the club's words: "New: Tow pilot on Sat 6 Jun", "No longer: ...", "Moved: ...". */
  changes: string[];
  /** Their duties in the month now: "Sun 14 Jun: Instructor". */
  duties: string[];
  subject: string;
  body: string;
  /** `mailto:` with subject and body; the recipient is left for the mail program (members have no address here). */
  mailto: string;
  /** The message as an `.eml` draft with the member's season calendar attached. */
  eml: ExportFile;
}

/** The members a version of a month affects: against version `since` (null: the month's first publication). */
export interface NotifyView {
  year: number;
  month: number;
  version: number;
  since: number | null;
  members: MemberNotice[];
  /** Every member's changes in one text, for a club mailing list. */
  copyAll: string;
}

export interface BackupInfo {
  name: string;
  createdAt: string;
  sizeBytes: number;
  /** The schema version recorded in the backup's header (null for backups made before it was recorded). */
  schemaVersion: number | null;
  /** Why this file cannot be restored, as far as its header tells (the full check runs on restore). */
  problem: string | null;
}

/** `recovery`: the database cannot be used; only the backup list, restoring and starting afresh work. */
export interface DatabaseStatus {
  state: 'ready' | 'recovery';
  problem: 'empty' | 'damaged' | 'foreign' | 'newer' | null;
  /** For the club member: what is wrong and what the choices are (recovery only). */
  message: string | null;
  /** The database file. */
  file: string;
}

export interface ImportResult {
  members: number;
  roles: number;
  publishedDays: number;
  /** The backup made of the database just before the import. */
  backup: string;
  draftsKept: number;
  /** Draft slots emptied because their member is not in the file. */
  emptiedDraftSlots: number;
  publishedMonthsKept: number;
  publishedMonthsReplaced: number;
  /** Likely typos the file was imported with anyway (a qualification no role uses, percentages over 100). */
  warnings: string[];
}

/** A spreadsheet of members as it would be imported: the columns, how they map, each row's outcome. */
export interface MemberSheetPreview {
  fileName: string;
  headers: string[];
  mapping: ColumnMapping;
  /** The fields a column can fill, with the member form's labels. */
  fields: { key: SheetField; label: string }[];
  /** Why the mapping cannot be used (e.g. no Name column), or null. */
  mappingProblem: string | null;
  rows: SheetRow[];
  adds: number;
  updates: number;
  /** Rows with at least one problem: while there are any, nothing can be imported. */
  rowsWithErrors: number;
}

export interface MemberSheetResult {
  added: number;
  updated: number;
  /** The backup made just before the import. */
  backup: string;
}

/** What an import would replace and keep. */
export interface ImportPreview {
  clubName: string;
  members: { kept: number; added: string[]; removed: string[] };
  roles: { added: string[]; removed: string[] };
  /** `YYYY-MM` months: kept (same days, publish time and version stay), replaced, added, removed. */
  publishedMonths: { kept: string[]; replaced: string[]; added: string[]; removed: string[] };
  drafts: { kept: number; emptiedSlots: { date: IsoDate; role: string; memberName: string }[] };
}

/** The Season page: every member's duties in the year's operating season (solver/seasonStats.ts). */
export interface SeasonDashboard extends SeasonStats {
  clubName: string;
  /** The role columns: scheduled roles and roles with duties in the season. */
  roles: RoleSetting[];
  /** Qualification key -> the title of the role that needs it. */
  qualificationTitles: Record<string, string>;
}

/** "Why (not) me" for one member and month (solver/whyNot.ts). */
export interface WhyView extends WhyMember {
  range: DateRange;
  /** The roster explained: the month's draft, else its published roster. */
  source: 'draft' | 'published';
  /** The scheduler that made the draft (null for a published roster). */
  scheduler: SchedulerKind | null;
}

export interface LogEvent {
  time: string;
  level: 'info' | 'warn' | 'error';
  message: string;
  [field: string]: unknown;
}

/**
 * The API itself, derived from the table in methods.ts (one entry per method: its parameters, their
 * checks and the backend function): each method takes the checked parameters and answers a promise.
 */
export type RostermeisterApi = {
  readonly [K in keyof ApiTable]: ApiTable[K] extends MethodSpec<infer A, infer R> ? (...args: A) => Promise<Awaited<R>> : never;
};

export type { ApiMethod };

/** Error codes a caller can act on; `message` is for the club member. */
export type ApiErrorCode = 'bad_input' | 'forbidden' | 'not_found' | 'conflict' | 'cancelled' | 'internal';

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  /** The payload field at fault, when there is one (e.g. `member.maxPerMonth`). */
  field?: string;
}
