import type { Settings } from '../api/contract.ts';
import { badInput } from '../api/errors.ts';
import { loadSettings, saveSettings } from '../db/settingsRepo.ts';
import { isMonthKey, MAX_TIME_LIMIT_SECONDS, MONTH_KEY_EXPECTED } from '../../solver/limits.ts';
import type { SchedulerKind } from '../../solver/types.ts';
import type { BackendContext } from './context.ts';

const SCHEDULERS: readonly SchedulerKind[] = ['legacy', 'optimizer'];

/** Whether a generation under these settings may run the optimizer (as the scheduler, for a month, or in shadow). */
export function optimizerMayRun(settings: Settings): boolean {
  return settings.scheduler === 'optimizer' || settings.shadowMode || Object.values(settings.monthOverrides).includes('optimizer');
}

export function getSettings(ctx: BackendContext): Settings {
  return loadSettings(ctx.db);
}

/** Saves the settings; they apply from the next generation on. Drafts and published rosters are untouched. */
export function updateSettings(ctx: BackendContext, settings: Settings): Settings {
  if (!SCHEDULERS.includes(settings.scheduler)) throw badInput('The scheduler must be "legacy" or "optimizer".', 'scheduler');
  for (const [month, scheduler] of Object.entries(settings.monthOverrides)) {
    if (!isMonthKey(month)) throw badInput(`"${month}" is not ${MONTH_KEY_EXPECTED}.`, `monthOverrides.${month}`);
    if (!SCHEDULERS.includes(scheduler))
      throw badInput(`The scheduler for ${month} must be "legacy" or "optimizer".`, `monthOverrides.${month}`);
  }
  if (typeof settings.shadowMode !== 'boolean') throw badInput('Shadow mode is either on or off.', 'shadowMode');
  const limit = settings.timeLimitSeconds;
  if (typeof limit !== 'number' || !Number.isFinite(limit) || limit < 1 || limit > MAX_TIME_LIMIT_SECONDS) {
    throw badInput(`Optimizer time limit (seconds) must be a number from 1 to ${MAX_TIME_LIMIT_SECONDS}.`, 'timeLimitSeconds');
  }
  const before = loadSettings(ctx.db);
  const next: Settings = {
    scheduler: settings.scheduler,
    monthOverrides: Object.fromEntries(Object.entries(settings.monthOverrides).sort(([a], [b]) => a.localeCompare(b))),
    shadowMode: settings.shadowMode,
    timeLimitSeconds: limit,
  };
  saveSettings(ctx.db, next);
  ctx.log.info('Settings changed', {
    scheduler: next.scheduler,
    previous_scheduler: before.scheduler,
    shadow_mode: next.shadowMode,
    time_limit_s: limit,
    month_overrides: next.monthOverrides,
  });
  return next;
}
