import { createContext, useContext } from 'react';
import type { AlertColor } from '@mui/material/Alert';
import type { ClubSettings, MonthRef, Settings } from '../main/api/contract.ts';

export const PAGES = ['Propose', 'Compare', 'What-if', 'Members', 'Settings', 'Activity', 'Published', 'Season'] as const;
export type PageName = (typeof PAGES)[number];

/** What every page shares: the month being worked on, navigation, current settings and notices. */
export interface AppContextValue {
  month: MonthRef;
  setMonth(month: MonthRef): void;
  navigate(page: PageName): void;
  settings: Settings | null;
  club: ClubSettings | null;
  /** Re-reads settings and club settings (after a page changed them). */
  refresh(): Promise<void>;
  notify(message: string, severity?: AlertColor): void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (value === null) throw new Error('useApp outside AppContext');
  return value;
}
