import type { MonthRef, SchedulerKind, Settings } from '../main/api/contract.ts';
import { monthKey } from './format.ts';

/** The scheduler the next generation of `month` will use: the month's override, else the setting. */
export function activeSchedulerFor(settings: Settings, month: MonthRef): { scheduler: SchedulerKind; overridden: boolean } {
  const override = settings.monthOverrides[monthKey(month)];
  return override === undefined ? { scheduler: settings.scheduler, overridden: false } : { scheduler: override, overridden: true };
}
