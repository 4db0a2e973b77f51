import type { RoleSetting } from '../api/contract.ts';
import type { IsoDate } from '../../solver/types.ts';
import { longDate } from './common.ts';
import { eventUid, shown, type CalendarEvent } from './ics.ts';
import type { SlotStory } from './slotHistory.ts';

/** The events of the club's feed and of one member's file, from the slots' stories (slotHistory.ts). */

export interface CalendarSource {
  clubId: string;
  clubName: string;
  /** The club's roles in display order. */
  roles: readonly RoleSetting[];
  /** Member id -> name; a deleted member is shown by id. */
  names: ReadonlyMap<string, string>;
  stories: readonly SlotStory[];
}

class Slots {
  private readonly titles: Map<string, string>;
  private readonly order: Map<string, number>;
  private readonly crews = new Map<IsoDate, SlotStory[]>();

  constructor(readonly source: CalendarSource) {
    this.titles = new Map(source.roles.map((role) => [role.key, role.title]));
    this.order = new Map(source.roles.map((role, i) => [role.key, i]));
    for (const story of source.stories) {
      if (!story.current) continue;
      const crew = this.crews.get(story.date) ?? [];
      crew.push(story);
      this.crews.set(story.date, crew);
    }
  }

  title(role: string): string {
    return shown(this.titles.get(role) ?? role);
  }

  name(memberId: string): string {
    return shown(this.source.names.get(memberId) ?? memberId);
  }

  /** The crew of a day as it is now, roles in the club's order. */
  crew(date: IsoDate): string {
    const rank = (role: string) => this.order.get(role) ?? Number.MAX_SAFE_INTEGER;
    const crew = [...(this.crews.get(date) ?? [])].sort((a, b) => rank(a.role) - rank(b.role) || (a.role < b.role ? -1 : 1));
    return [
      `Crew on ${longDate(date)}:`,
      ...crew.map((s) => `${this.title(s.role)}: ${s.holder === null ? '(open)' : this.name(s.holder)}`),
    ].join('\n');
  }

  event(story: SlotStory, summary: string, description: string, cancelled: boolean): CalendarEvent {
    return {
      uid: eventUid(this.source.clubId, story.date, story.role),
      date: story.date,
      summary,
      description,
      sequence: story.sequence,
      lastModified: story.lastModified,
      cancelled,
    };
  }
}

/** Every slot of the club (open ones too, so filling one later updates its event); slots taken out are cancelled. */
export function clubEvents(source: CalendarSource): CalendarEvent[] {
  const slots = new Slots(source);
  const club = shown(source.clubName);
  return source.stories.map((story) => {
    const who = story.holder === null ? 'open' : slots.name(story.holder);
    return story.current
      ? slots.event(story, `${slots.title(story.role)}: ${who} – ${club}`, slots.crew(story.date), false)
      : slots.event(story, `${slots.title(story.role)} – ${club}`, `No duty on ${longDate(story.date)} any more.`, true);
  });
}

/** The member's duties, and each duty they held in an earlier version and lost, cancelled under the same UID. */
export function memberEvents(source: CalendarSource, memberId: string): CalendarEvent[] {
  const slots = new Slots(source);
  const club = shown(source.clubName);
  return source.stories.flatMap((story) => {
    const summary = `${slots.title(story.role)} duty – ${club}`;
    if (story.current && story.holder === memberId) return [slots.event(story, summary, slots.crew(story.date), false)];
    if (!story.formerHolders.includes(memberId)) return [];
    const now = !story.current
      ? `No duty on ${longDate(story.date)} any more.`
      : story.holder === null
        ? 'This duty is no longer yours; it is open now.'
        : `This duty is no longer yours; ${slots.name(story.holder)} has it now.`;
    return [slots.event(story, `Cancelled: ${summary}`, now, true)];
  });
}
