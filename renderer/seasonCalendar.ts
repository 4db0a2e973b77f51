import { api } from './api.ts';
import { base64ToBlob, downloadBlob } from './download.ts';

/** Downloads a season's calendar: the club's feed, or one member's file (their duties and cancelled lost ones). */
export async function downloadSeasonCalendar(year: number, memberId: string | null): Promise<void> {
  const file = await api.exportSeasonCalendar(memberId === null ? { year } : { year, memberId });
  downloadBlob(base64ToBlob(file.base64, file.mimeType), file.fileName);
}
