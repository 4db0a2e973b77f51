import type { CalendarSaved, ClubCalendar, DraftChanges, ExtraDutyDays } from '../api/contract.ts';
import { badInput } from '../api/errors.ts';
import { CALENDAR_LABELS } from '../api/payloads.ts';
import { loadClub, writeCalendarDates, writeClubHeader, type StoredClub } from '../db/clubRepo.ts';
import { touchDraft } from '../db/rosterRepo.ts';
import { addDays, daysBetween } from '../../solver/dates.ts';
import { CLUB_LIMITS } from '../../solver/limits.ts';
import { parseSeasonPhrase, SeasonPhraseError } from '../../solver/season.ts';
import type { Club, IsoDate } from '../../solver/types.ts';
import { nowIso, type BackendContext } from './context.ts';
import { draftChangesOf } from './draftChanges.ts';

/**
 * The club calendar of the Settings page: operating weekdays, season phrases, extra duty days (single
 * dates and runs, with a label) and removed dates (with a reason). The store keeps one row per date;
 * consecutive extra days with the same label read back as one run.
 */

/** Runs of consecutive dates with the same label. */
function extraRuns(dates: IsoDate[], labels: Record<IsoDate, string> | undefined): ExtraDutyDays[] {
  const runs: ExtraDutyDays[] = [];
  for (const date of dates) {
    const label = labels?.[date] ?? null;
    const last = runs.at(-1);
    if (last && last.label === label && daysBetween(last.to, date) === 1) last.to = date;
    else runs.push({ from: date, to: date, label });
  }
  return runs;
}

function calendarOf(club: Club): ClubCalendar {
  return {
    operatingWeekdays: [...club.operatingWeekdays],
    seasonStart: club.season.start,
    seasonEnd: club.season.end,
    extraDutyDays: extraRuns(club.extraDutyDays, club.extraDutyDayLabels),
    removedDates: club.removedDates.map((date) => ({ date, reason: club.removedDateReasons?.[date] ?? null })),
  };
}

export function getClubCalendar(ctx: BackendContext): ClubCalendar {
  return calendarOf(loadClub(ctx.db).club);
}

const MAX_RUN_DAYS = 366;

/** The club with `calendar` in place of its own; a rule between entries that does not hold is a bad_input naming the entry. */
function clubWith(club: Club, calendar: ClubCalendar): Club {
  for (const [bound, phrase] of [
    ['seasonStart', calendar.seasonStart],
    ['seasonEnd', calendar.seasonEnd],
  ] as const) {
    if (phrase === null) continue;
    try {
      parseSeasonPhrase(phrase);
    } catch (error) {
      if (!(error instanceof SeasonPhraseError)) throw error;
      throw badInput(`${CALENDAR_LABELS[bound]}: ${error.message}`, bound);
    }
  }
  const extraDutyDays: IsoDate[] = [];
  const labels: Record<IsoDate, string> = Object.create(null) as Record<IsoDate, string>;
  const entryOf = new Map<IsoDate, number>();
  calendar.extraDutyDays.forEach((run, index) => {
    const field = `extraDutyDays[${index}]`;
    if (daysBetween(run.from, run.to) >= MAX_RUN_DAYS) {
      throw badInput(`Extra duty days: the run ${run.from} to ${run.to} is longer than ${MAX_RUN_DAYS} days.`, `${field}.to`);
    }
    for (let date = run.from; date <= run.to; date = addDays(date, 1)) {
      const earlier = entryOf.get(date);
      if (earlier !== undefined) {
        throw badInput(`Extra duty day: ${date} is already in entry ${earlier + 1} of the list.`, `${field}.from`);
      }
      entryOf.set(date, index);
      extraDutyDays.push(date);
      if (run.label !== null && run.label.trim() !== '') labels[date] = run.label.trim();
    }
    if (extraDutyDays.length > CLUB_LIMITS.dates) {
      throw badInput(`Extra duty days: at most ${CLUB_LIMITS.dates} dates in all.`, field);
    }
  });
  const reasons: Record<IsoDate, string> = Object.create(null) as Record<IsoDate, string>;
  const seen = new Set<IsoDate>();
  calendar.removedDates.forEach(({ date, reason }, index) => {
    if (seen.has(date)) throw badInput(`Removed date: ${date} is listed twice.`, `removedDates[${index}].date`);
    seen.add(date);
    if (reason !== null && reason.trim() !== '') reasons[date] = reason.trim();
  });
  const { extraDutyDayLabels: _labels, removedDateReasons: _reasons, ...rest } = club;
  return {
    ...rest,
    season: { start: calendar.seasonStart, end: calendar.seasonEnd },
    operatingWeekdays: [...calendar.operatingWeekdays],
    extraDutyDays: extraDutyDays.sort(),
    removedDates: calendar.removedDates.map((r) => r.date).sort(),
    ...(Object.keys(labels).length > 0 ? { extraDutyDayLabels: labels } : {}),
    ...(Object.keys(reasons).length > 0 ? { removedDateReasons: reasons } : {}),
  };
}

const withClub = (stored: StoredClub, club: Club): StoredClub => ({ ...stored, club });

/** Which drafts the calendar would change, and how; changes nothing. */
export function previewClubCalendar(ctx: BackendContext, calendar: ClubCalendar): DraftChanges {
  const stored = loadClub(ctx.db);
  return draftChangesOf(ctx.db, stored, withClub(stored, clubWith(stored.club, calendar)), 'preview');
}

/**
 * Saves the calendar in one transaction. Drafts follow at once: a new duty day gets empty slots; the
 * slots of a day that stops being one leave the grid (they are kept, and come back if the day is a duty
 * day again before the next Roll). Published rosters keep their days.
 */
export function updateClubCalendar(ctx: BackendContext, calendar: ClubCalendar): CalendarSaved {
  const changes = ctx.db
    .transaction(() => {
      const stored = loadClub(ctx.db);
      const next = clubWith(stored.club, calendar);
      const found = draftChangesOf(ctx.db, stored, withClub(stored, next), 'saved');
      writeClubHeader(ctx.db, next);
      writeCalendarDates(ctx.db, next);
      for (const change of found.drafts) touchDraft(ctx.db, change.draftId, nowIso(ctx));
      return found;
    })
    .immediate();
  const saved = getClubCalendar(ctx);
  ctx.log.info('Club calendar saved', {
    extra_duty_days: saved.extraDutyDays.length,
    removed_dates: saved.removedDates.length,
    drafts_affected: changes.drafts.length,
  });
  return { ...changes, calendar: saved };
}
