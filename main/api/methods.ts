/**
 * The API table: every method the user interface can call, declared once, with its parameters (name
 * and check, in order) and the backend function it runs. Everything else derives from this table: the
 * `RostermeisterApi` type (contract.ts), the method list, argument validation and dispatch (validate.ts,
 * dispatch.ts), the backend object (backend/index.ts), the Electron IPC channel and the HTTP endpoint
 * `/api/<method>` (both forward any name to callApi), and the renderer's client (renderer/api.ts).
 *
 * Adding a method is one entry here:
 *   myMethod: method([['draftId', positiveId], ['note', text(200)]], ({ ctx }, draftId, note) => drafts.myThing(ctx, draftId, note)),
 * Parameter names appear in error messages and `field` paths; a payload check for a new contract
 * interface goes in payloads.ts. Set `changesClubName` when a successful call may rename the club
 * (the Electron window title shows it).
 */
import { listRuns } from '../db/runRepo.ts';
import { logPath } from '../dataDir.ts';
import { readLogFile } from '../log.ts';
import * as calendar from '../backend/clubCalendar.ts';
import * as club from '../backend/clubService.ts';
import * as roles from '../backend/roles.ts';
import { adoptComparison, compare, latestComparison } from '../backend/comparisons.ts';
import type { BackendContext } from '../backend/context.ts';
import type { DataStore } from '../backend/recovery.ts';
import * as drafts from '../backend/drafts.ts';
import { exportSeasonCalendar } from '../backend/calendars.ts';
import { tellMembers } from '../backend/notify.ts';
import { exportPublished, getPublished, listPublishedMonths, publishedConflicts } from '../backend/published.ts';
import { seasonDashboard, seasonDashboardFile, whyMember } from '../backend/season.ts';
import * as memberSheets from '../backend/memberSheets.ts';
import * as scenarios from '../backend/scenarios.ts';
import * as changes from '../backend/publishedChanges.ts';
import * as versions from '../backend/versions.ts';
import { acceptReplan, proposeReplan } from '../backend/replan.ts';
import { getSettings, updateSettings } from '../backend/settings.ts';
import type { Settings } from './contract.ts';
import type { Check } from './checks.ts';
import {
  backupName,
  calendarRequest,
  clubCalendar,
  clubFileText,
  clubSettings,
  columnMapping,
  exportRequest,
  isoDate,
  limit,
  member,
  memberId,
  monthRef,
  positiveId,
  replanChanges,
  replanToken,
  roleKey,
  roleSettings,
  scenarioChanges,
  scenarioName,
  scheduler,
  settings,
  sheetBase64,
} from './payloads.ts';
import { boolean, integer, nullable, object, oneOf, text } from './checks.ts';
import { FIRST_YEAR, LAST_YEAR } from '../../solver/limits.ts';

/** What a handler works with, besides its arguments (set up by createBackend). */
export interface HandlerEnv {
  /** The live database; reading it while the app is in recovery throws RecoveryNeededError. */
  readonly ctx: BackendContext;
  /** Backups and recovery: these work whether or not the database can be used. */
  readonly store: DataStore;
  /** Folder with the PDF export fonts (undefined: the package's own). */
  readonly fontDir: string | undefined;
  /** Starts an optimizer worker ahead when these settings may run the optimizer; returns them. */
  prewarm(settings: Settings): Settings;
}

export type Param<T = unknown> = readonly [name: string, check: Check<T>];

type ArgsOf<P extends readonly Param<unknown>[]> = { -readonly [I in keyof P]: P[I] extends Param<infer T> ? T : never };

export interface MethodSpec<A extends unknown[] = never, R = unknown> {
  readonly params: readonly Param<unknown>[];
  readonly handler: (env: HandlerEnv, ...args: A) => R;
  readonly changesClubName: boolean;
}

function method<const P extends readonly Param<unknown>[], R>(
  params: P,
  handler: (env: HandlerEnv, ...args: ArgsOf<P>) => R,
  opts: { changesClubName?: boolean } = {},
): MethodSpec<ArgsOf<P>, R> {
  return { params, handler, changesClubName: opts.changesClubName ?? false };
}

/** The reason a rostermeister gives for a change of a published month ("Ann is ill"). */
const changeNote = text(500, { allowEmpty: true });

const clamp = (value: number, max: number) => Math.max(0, Math.min(max, Math.floor(value)));

export const API = {
  // Club and members
  getClubSettings: method([], ({ ctx }) => club.getClubSettings(ctx)),
  updateClubSettings: method([['settings', clubSettings]], ({ ctx }, s) => club.updateClubSettings(ctx, s), { changesClubName: true }),
  /** The club calendar: operating weekdays, season phrases, extra duty days (with labels), removed dates (with reasons). */
  getClubCalendar: method([], ({ ctx }) => calendar.getClubCalendar(ctx)),
  /** Which drafts saving this calendar would change, and how; changes nothing. */
  previewClubCalendar: method([['calendar', clubCalendar]], ({ ctx }, c) => calendar.previewClubCalendar(ctx, c)),
  /** Saves the calendar (all or nothing) and says what happened to the drafts. */
  updateClubCalendar: method([['calendar', clubCalendar]], ({ ctx }, c) => calendar.updateClubCalendar(ctx, c)),
  /** Which drafts saving this role list would change, and how; changes nothing. */
  previewRoles: method([['roles', roleSettings]], ({ ctx }, r) => roles.previewRoles(ctx, r)),
  /** Saves every role in display order (add, rename, reorder, retire, delete) and says what happened to the drafts. */
  updateRoles: method([['roles', roleSettings]], ({ ctx }, r) => roles.updateRoles(ctx, r)),
  listMembers: method([], ({ ctx }) => club.listMembers(ctx)),
  /** Adds someone new; an id that is taken is refused (conflict), never replaced. */
  addMember: method([['member', member]], ({ ctx }, m) => club.addMember(ctx, m)),
  /** Changes the member with this id; refused (not_found) when there is none. */
  updateMember: method([['member', member]], ({ ctx }, m) => club.updateMember(ctx, m)),
  deleteMember: method([['memberId', memberId]], ({ ctx }, id) => club.deleteMember(ctx, id)),
  /** Replaces the whole club with a club file (all or nothing). */
  importClub: method(
    [['clubFileText', clubFileText]],
    ({ ctx, store }, text) => club.importClub(ctx, (prefix) => store.createBackup(prefix), text),
    {
      changesClubName: true,
    },
  ),
  /** importClub, naming the backup made first after the file (`before-import-of-NAME`). */
  importClubFile: method(
    [
      ['clubFileText', clubFileText],
      ['fileName', text(255)],
    ],
    ({ ctx, store }, text, fileName) => club.importClub(ctx, (prefix) => store.createBackup(prefix), text, fileName),
    {
      changesClubName: true,
    },
  ),
  /** What importing the file would replace and keep; changes nothing. */
  previewClubImport: method([['clubFileText', clubFileText]], ({ ctx }, text) => club.previewClubImport(ctx, text)),
  exportClub: method([], ({ ctx }) => club.exportClub(ctx)),
  /** How a members spreadsheet (CSV or XLSX) would import: columns, mapping (guessed when null), each row's outcome. Changes nothing. */
  previewMemberSheet: method(
    [
      ['fileName', text(255)],
      ['fileBase64', sheetBase64],
      ['mapping', nullable(columnMapping)],
    ],
    ({ ctx }, fileName, data, mapping) => memberSheets.previewMemberSheet(ctx, fileName, data, mapping),
  ),
  /** Adds and changes the sheet's members, all or nothing (refused while any row has a problem); a backup is made first. */
  importMemberSheet: method(
    [
      ['fileName', text(255)],
      ['fileBase64', sheetBase64],
      ['mapping', columnMapping],
    ],
    ({ ctx, store }, fileName, data, mapping) =>
      memberSheets.importMemberSheet(ctx, (prefix) => store.createBackup(prefix), fileName, data, mapping),
  ),

  // Drafts: the roster workflow
  getDraft: method([['month', monthRef]], ({ ctx }, month) => drafts.getDraft(ctx, month)),
  generateDraft: method([['month', monthRef]], ({ ctx }, month) => drafts.generateDraft(ctx, month)),
  /** A new generation by the scheduler that made the draft (DraftView.activeScheduler). */
  rollDraft: method([['draftId', positiveId]], ({ ctx }, draftId) => drafts.rollDraft(ctx, draftId)),
  /** A new generation by the scheduler the user picked. */
  rollDraftWith: method(
    [
      ['draftId', positiveId],
      ['scheduler', scheduler],
    ],
    ({ ctx }, draftId, kind) => drafts.rollDraft(ctx, draftId, kind),
  ),
  cancelGeneration: method([], ({ ctx }) => ctx.generations.cancel()),
  setDateRemoved: method(
    [
      ['draftId', positiveId],
      ['date', isoDate],
      ['removed', boolean],
    ],
    ({ ctx }, draftId, date, removed) => drafts.setDateRemoved(ctx, draftId, date, removed),
  ),
  slotCandidates: method(
    [
      ['draftId', positiveId],
      ['date', isoDate],
      ['role', roleKey],
    ],
    ({ ctx }, draftId, date, role) => drafts.slotCandidates(ctx, draftId, date, role),
  ),
  setSlot: method(
    [
      ['draftId', positiveId],
      ['date', isoDate],
      ['role', roleKey],
      ['memberId', nullable(memberId)],
    ],
    ({ ctx }, draftId, date, role, id) => drafts.setSlot(ctx, draftId, date, role, id),
  ),
  setSlotLocked: method(
    [
      ['draftId', positiveId],
      ['date', isoDate],
      ['role', roleKey],
      ['locked', boolean],
    ],
    ({ ctx }, draftId, date, role, locked) => drafts.setSlotLocked(ctx, draftId, date, role, locked),
  ),
  /** Refused (conflict) when a slot breaks a hard rule or the draft has no duty days. */
  publishDraft: method([['draftId', positiveId]], ({ ctx }, draftId) => drafts.publishDraft(ctx, draftId)),
  /** Publishes even though slots break hard rules (the user saw them in publishCheck). */
  publishDraftAnyway: method([['draftId', positiveId]], ({ ctx }, draftId) => drafts.publishDraft(ctx, draftId, true)),
  /** What publishing would do: empty slots, rule and spacing breaks, the version it replaces and how many slots change. */
  publishCheck: method([['draftId', positiveId]], ({ ctx }, draftId) => drafts.publishCheck(ctx, draftId)),
  /** A month's duty days (or why there are none), what is published, and the replaced draft that can be brought back. */
  monthStatus: method([['month', monthRef]], ({ ctx }, month) => drafts.monthStatus(ctx, month)),
  /** Brings back the draft the last Roll, Generate, Adopt or Discard replaced (one level). */
  restoreReplacedDraft: method([], ({ ctx }) => drafts.restoreReplacedDraft(ctx)),
  discardDraft: method([['draftId', positiveId]], ({ ctx }, draftId) => drafts.discardDraft(ctx, draftId)),

  // Comparing the schedulers
  compare: method([['month', monthRef]], ({ ctx }, month) => compare(ctx, month)),
  latestComparison: method([['month', monthRef]], ({ ctx }, month) => latestComparison(ctx, month)),
  adoptComparison: method(
    [
      ['comparisonId', positiveId],
      ['side', scheduler],
    ],
    ({ ctx }, id, side) => adoptComparison(ctx, id, side),
  ),

  // What-if scenarios: changed inputs generated apart from the real draft until adopted
  listScenarios: method([], ({ ctx }) => scenarios.listScenarios(ctx)),
  createScenario: method(
    [
      ['month', monthRef],
      ['name', scenarioName],
    ],
    ({ ctx }, month, name) => scenarios.createScenario(ctx, month, name),
  ),
  /** New name and changes; the scenario's roster is dropped until it is generated again. */
  updateScenario: method(
    [
      ['scenarioId', positiveId],
      ['name', scenarioName],
      ['changes', scenarioChanges],
    ],
    ({ ctx }, id, name, changes) => scenarios.updateScenario(ctx, id, name, changes),
  ),
  generateScenario: method([['scenarioId', positiveId]], ({ ctx }, id) => scenarios.generateScenario(ctx, id)),
  /** The scenario's roster becomes the real draft of its range (the replaced draft can be brought back). */
  adoptScenario: method([['scenarioId', positiveId]], ({ ctx }, id) => scenarios.adoptScenario(ctx, id)),
  deleteScenario: method([['scenarioId', positiveId]], ({ ctx }, id) => scenarios.deleteScenario(ctx, id)),

  // Published rosters and exports
  listPublishedMonths: method([], ({ ctx }) => listPublishedMonths(ctx)),
  getPublished: method([['month', monthRef]], ({ ctx }, month) => getPublished(ctx, month)),
  /** Published duties that clash with members' records now (of one member, or everyone). */
  publishedConflicts: method([['memberId', nullable(memberId)]], ({ ctx }, id) => publishedConflicts(ctx, id ?? undefined)),
  /** A re-plan of a published month whose duties clash now: the proposed changes, who gains and loses; changes nothing. */
  proposeReplan: method([['month', monthRef]], ({ ctx }, month) => proposeReplan(ctx, month)),
  /** Applies a proposal's changes as the month's next version; refused (conflict) once the month changed since. */
  acceptReplan: method(
    [
      ['month', monthRef],
      ['token', replanToken],
      ['changes', replanChanges],
    ],
    ({ ctx }, month, token, changes) => acceptReplan(ctx, month, token, changes),
  ),
  exportPublished: method([['request', exportRequest]], ({ ctx, fontDir }, request) => exportPublished(ctx, request, fontDir)),
  /** A season's calendar: the club's feed, or one member's duties with the ones they lost cancelled. */
  exportSeasonCalendar: method([['request', calendarRequest]], ({ ctx }, request) => exportSeasonCalendar(ctx, request)),
  /** Who a month's latest version affects (against `since`, default the version before) and the messages to tell them. */
  tellMembers: method(
    [
      ['month', monthRef],
      ['since', nullable(positiveId)],
    ],
    ({ ctx }, month, since) => tellMembers(ctx, month, since),
  ),

  // The season: who did how much, and why (not)
  seasonDashboard: method([['year', integer(FIRST_YEAR, LAST_YEAR)]], ({ ctx }, year) => seasonDashboard(ctx, year)),
  /** The season dashboard as a CSV file. */
  exportSeasonDashboard: method(
    [
      ['year', integer(FIRST_YEAR, LAST_YEAR)],
      ['format', oneOf('csv', 'xlsx')],
    ],
    ({ ctx }, year, format) => seasonDashboardFile(ctx, year, format),
  ),
  /** A member's duties in the month's draft (else its published roster) and why not on the other duty days; `slot` asks about one slot too. */
  whyMember: method(
    [
      ['memberId', memberId],
      ['month', monthRef],
      ['slot', nullable(object<{ date: string; role: string }>({ date: isoDate, role: roleKey }))],
    ],
    ({ ctx }, id, month, slot) => whyMember(ctx, id, month, slot),
  ),

  // Versions and changes of published months
  /** Every version of one published month, newest first, each with its slot-by-slot difference from the one before. */
  publishedHistory: method([['month', monthRef]], ({ ctx }, month) => versions.publishedHistory(ctx, month)),
  /** Makes an earlier version the current one again, as the month's next version. */
  restorePublishedVersion: method(
    [
      ['month', monthRef],
      ['version', positiveId],
      ['note', nullable(changeNote)],
    ],
    ({ ctx }, month, version, note) => versions.restorePublishedVersion(ctx, month, version, note),
  ),
  /** Members ranked to take over a published duty, as the slot editor ranks them. */
  coverCandidates: method(
    [
      ['date', isoDate],
      ['role', roleKey],
    ],
    ({ ctx }, date, role) => changes.coverCandidates(ctx, date, role),
  ),
  /** Another member takes a published duty (or fills an empty one); refused (conflict) when it breaks a hard rule. */
  coverDuty: method(
    [
      ['date', isoDate],
      ['role', roleKey],
      ['memberId', memberId],
      ['note', nullable(changeNote)],
    ],
    ({ ctx }, date, role, id, note) => changes.coverDuty(ctx, date, role, id, note, 'cover'),
  ),
  /** coverDuty, recorded as the rostermeister's replacement. */
  replaceDuty: method(
    [
      ['date', isoDate],
      ['role', roleKey],
      ['memberId', memberId],
      ['note', nullable(changeNote)],
    ],
    ({ ctx }, date, role, id, note) => changes.coverDuty(ctx, date, role, id, note, 'replace'),
  ),
  /** The duties of a month a published duty could be swapped with, with what each swap would break. */
  swapOptions: method(
    [
      ['date', isoDate],
      ['role', roleKey],
      ['month', monthRef],
    ],
    ({ ctx }, date, role, month) => changes.swapOptions(ctx, date, role, month),
  ),
  /** Two members exchange published duties; refused (conflict) when it breaks a hard rule. */
  swapDuties: method(
    [
      ['date', isoDate],
      ['role', roleKey],
      ['withDate', isoDate],
      ['withRole', roleKey],
      ['note', nullable(changeNote)],
    ],
    ({ ctx }, date, role, withDate, withRole, note) => changes.swapDuties(ctx, date, role, withDate, withRole, note),
  ),

  // Settings, backups, activity
  getSettings: method([], ({ ctx }) => getSettings(ctx)),
  updateSettings: method([['settings', settings]], ({ ctx, prewarm }, s) => prewarm(updateSettings(ctx, s))),
  listBackups: method([], ({ store }) => store.listBackups()),
  createBackup: method([], ({ store }) => store.createBackup()),
  restoreBackup: method([['name', backupName]], ({ store }, name) => store.restoreBackup(name), { changesClubName: true }),
  /** Whether the database can be used, or the app is in recovery (then only backups and startAfresh work). */
  databaseStatus: method([], ({ store }) => store.databaseStatus()),
  /** Recovery only: keep the unusable database in set-aside/ and start with the demo club. */
  startAfresh: method([], ({ store }) => store.startAfresh(), { changesClubName: true }),
  listRuns: method([['limit', limit]], ({ ctx }, n) => listRuns(ctx.db, clamp(n, 1000))),
  recentLog: method([['limit', limit]], ({ ctx }, n) => readLogFile(logPath(ctx.dataDir), clamp(n, 5000))),
} as const;

export type ApiTable = typeof API;
export type ApiMethod = keyof ApiTable;

/** Every method name, in table order. */
export const API_METHODS = Object.keys(API) as ApiMethod[];
