import type { Assignment, IsoDate } from '../../solver/types.ts';

/**
 * What a calendar needs to know about each slot from the versions of its month: who holds it now, who held
 * it before, and how often its event changed. Pure: the versions come from versionRepo.
 */

export interface MonthVersion {
  version: number;
  /** When the version was made (ISO time). */
  createdAt: string;
  /** The month's slots in this version (a full snapshot). */
  slots: Assignment[];
}

export interface SlotStory {
  date: IsoDate;
  role: string;
  /** False when the latest version no longer has this slot (its date was taken out). */
  current: boolean;
  /** The member holding it in the latest version; null when open or gone. */
  holder: string | null;
  /** Members who held it in an earlier version and do not hold it now, in the order they first held it. */
  formerHolders: string[];
  /** How many versions after the first changed this slot's event (RFC 5545 SEQUENCE). */
  sequence: number;
  /** When the version that last changed it (or first had it) was made. */
  lastModified: string;
}

/**
 * An event shows its own slot and the whole crew of its day (the description lists it), so a version
 * changes the event when any slot of that day changed: then every crew member's calendar takes the new crew.
 */
function dayContent(slots: Assignment[]): Map<IsoDate, string> {
  const byDay = new Map<IsoDate, [string, string | null][]>();
  for (const slot of slots) {
    let day = byDay.get(slot.date);
    if (!day) byDay.set(slot.date, (day = []));
    day.push([slot.role, slot.memberId]);
  }
  return new Map([...byDay].map(([date, day]) => [date, JSON.stringify(day.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))]));
}

/** The story of every slot any version of the month had, date then role order. `versions` oldest first. */
export function slotStories(versions: readonly MonthVersion[]): SlotStory[] {
  const ordered = [...versions].sort((a, b) => a.version - b.version);
  const latest = ordered.at(-1);
  if (!latest) return [];
  const stories = new Map<string, SlotStory>();
  const dayChanges = new Map<IsoDate, { sequence: number; lastModified: string }>();
  let before = new Map<IsoDate, string>();
  ordered.forEach((version, index) => {
    const content = dayContent(version.slots);
    for (const date of new Set([...before.keys(), ...content.keys()])) {
      if (before.get(date) === content.get(date)) continue;
      const seen = dayChanges.get(date);
      dayChanges.set(date, { sequence: seen === undefined ? (index === 0 ? 0 : 1) : seen.sequence + 1, lastModified: version.createdAt });
    }
    before = content;
    for (const slot of version.slots) {
      const key = `${slot.date}|${slot.role}`;
      let story = stories.get(key);
      if (!story) {
        story = { date: slot.date, role: slot.role, current: false, holder: null, formerHolders: [], sequence: 0, lastModified: '' };
        stories.set(key, story);
      }
      if (slot.memberId !== null && !story.formerHolders.includes(slot.memberId)) story.formerHolders.push(slot.memberId);
    }
  });
  for (const slot of latest.slots) {
    const story = stories.get(`${slot.date}|${slot.role}`)!;
    story.current = true;
    story.holder = slot.memberId;
  }
  for (const story of stories.values()) {
    story.formerHolders = story.formerHolders.filter((id) => id !== story.holder);
    const change = dayChanges.get(story.date)!;
    story.sequence = change.sequence;
    story.lastModified = change.lastModified;
  }
  return [...stories.values()].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.role < b.role ? -1 : a.role > b.role ? 1 : 0,
  );
}
