/**
 * The one API between the user interface and the backend. Declared once; main, preload, the browser
 * host, the renderer and the tests import these types (type-only outside main). Every method's
 * payload is validated in main (see validate.ts) before the backend sees it.
 */
import type {
  Assignment,
  DateRange,
  Diagnostic,
  Fallback,
  IsoDate,
  Member,
  RosterMetrics,
  SchedulerKind,
  SolveStatus,
} from '../../solver/types.ts';
import type { SlotCandidate } from '../../solver/validate.ts';

export type { SlotCandidate, Member, IsoDate, SchedulerKind, SolveStatus, RosterMetrics, Fallback, DateRange, Assignment, Diagnostic };

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
}

export interface ClubSettings {
  name: string;
  defaultMaxPerMonth: number;
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
  roles: RoleSetting[];
  slots: SlotView[];
  run: RunInfo;
  /** The scheduler that will make the next generation of this range. */
  activeScheduler: SchedulerKind;
  /** Member id -> duties in this draft. */
  loads: Record<string, number>;
}

export interface ComparisonView {
  id: number;
  range: DateRange;
  createdAt: string;
  legacy: RosterSide;
  optimizer: RosterSide;
  differences: {
    changed_slots: number;
    changed_dates: number;
    slot_differences: { date: IsoDate; role: string; legacy_member_id: string | null; optimizer_member_id: string | null }[];
  };
  acceptance: { fill_rate: boolean; fairness: boolean; solve_time: boolean; passed: boolean };
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
}

export type ExportFormat = 'csv' | 'csv-long' | 'ics' | 'pdf';

export interface ExportRequest {
  year: number;
  month: number;
  format: ExportFormat;
  /** Only this member's duties (ICS and CSV). */
  memberId?: string;
  /** Prefix CSV with a UTF-8 byte order mark for spreadsheets. */
  bom?: boolean;
  /** PDF paper size, default A4. */
  paper?: 'A4' | 'Letter';
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  /** The file's bytes, base64-encoded. */
  base64: string;
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
}

export interface LogEvent {
  time: string;
  level: 'info' | 'warn' | 'error';
  message: string;
  [field: string]: unknown;
}

export interface RostermeisterApi {
  // Club and members
  getClubSettings(): Promise<ClubSettings>;
  updateClubSettings(settings: ClubSettings): Promise<ClubSettings>;
  listMembers(): Promise<Member[]>;
  saveMember(member: Member): Promise<Member>;
  deleteMember(memberId: string): Promise<void>;
  importClub(clubFileText: string): Promise<ImportResult>;
  exportClub(): Promise<string>;

  // Drafts: the roster workflow
  getDraft(month: MonthRef): Promise<DraftView | null>;
  generateDraft(month: MonthRef): Promise<DraftView>;
  rollDraft(draftId: number): Promise<DraftView>;
  cancelGeneration(): Promise<void>;
  setDateRemoved(draftId: number, date: IsoDate, removed: boolean): Promise<DraftView>;
  slotCandidates(draftId: number, date: IsoDate, role: string): Promise<SlotCandidate[]>;
  setSlot(draftId: number, date: IsoDate, role: string, memberId: string | null): Promise<DraftView>;
  setSlotLocked(draftId: number, date: IsoDate, role: string, locked: boolean): Promise<DraftView>;
  publishDraft(draftId: number): Promise<PublishedView>;
  discardDraft(draftId: number): Promise<void>;

  // Comparing the schedulers
  compare(month: MonthRef): Promise<ComparisonView>;
  latestComparison(month: MonthRef): Promise<ComparisonView | null>;
  adoptComparison(comparisonId: number, side: SchedulerKind): Promise<DraftView>;

  // Published rosters and exports
  listPublishedMonths(): Promise<PublishedMonth[]>;
  getPublished(month: MonthRef): Promise<PublishedView | null>;
  exportPublished(request: ExportRequest): Promise<ExportFile>;

  // Settings, backups, activity
  getSettings(): Promise<Settings>;
  updateSettings(settings: Settings): Promise<Settings>;
  listBackups(): Promise<BackupInfo[]>;
  createBackup(): Promise<BackupInfo>;
  restoreBackup(name: string): Promise<void>;
  /** Whether the database can be used, or the app is in recovery. */
  databaseStatus(): Promise<DatabaseStatus>;
  /** Recovery only: keep the unusable database in set-aside/ and start with the demo club. */
  startAfresh(): Promise<void>;
  listRuns(limit: number): Promise<RunInfo[]>;
  recentLog(limit: number): Promise<LogEvent[]>;
}

export type ApiMethod = keyof RostermeisterApi;

/** Every method name, for hosts that expose the API generically (IPC, HTTP). */
export const API_METHODS = [
  'getClubSettings', 'updateClubSettings', 'listMembers', 'saveMember', 'deleteMember', 'importClub', 'exportClub',
  'getDraft', 'generateDraft', 'rollDraft', 'cancelGeneration', 'setDateRemoved', 'slotCandidates', 'setSlot',
  'setSlotLocked', 'publishDraft', 'discardDraft',
  'compare', 'latestComparison', 'adoptComparison',
  'listPublishedMonths', 'getPublished', 'exportPublished',
  'getSettings', 'updateSettings', 'listBackups', 'createBackup', 'restoreBackup',
  'databaseStatus', 'startAfresh', 'listRuns', 'recentLog',
] as const satisfies readonly ApiMethod[];

/** Error codes a caller can act on; `message` is for the club member. */
export type ApiErrorCode = 'bad_input' | 'forbidden' | 'not_found' | 'conflict' | 'cancelled' | 'internal';

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  /** The payload field at fault, when there is one (e.g. `member.maxPerMonth`). */
  field?: string;
}
