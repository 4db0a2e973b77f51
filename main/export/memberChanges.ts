import type { Assignment, IsoDate } from '../../solver/types.ts';
import { shortDate } from './common.ts';

/** What one version of a month changed for each member, in the club's words. Pure. */

export interface Duty {
  date: IsoDate;
  role: string;
}

export type DutyChange =
  | { kind: 'gained'; duty: Duty }
  | { kind: 'lost'; duty: Duty; /** Who has it now; null when it is open or the day was taken out. */ nowHeldBy: string | null }
  | { kind: 'moved'; from: Duty; to: Duty };

export interface MemberChanges {
  memberId: string;
  changes: DutyChange[];
  /** The member's duties in the newer version, in date order. */
  duties: Duty[];
}

const byDate = (a: Duty, b: Duty) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.role < b.role ? -1 : a.role > b.role ? 1 : 0);

function dutiesOf(slots: readonly Assignment[]): Map<string, Duty[]> {
  const out = new Map<string, Duty[]>();
  for (const s of slots) {
    if (s.memberId === null) continue;
    const list = out.get(s.memberId) ?? [];
    list.push({ date: s.date, role: s.role });
    out.set(s.memberId, list);
  }
  for (const list of out.values()) list.sort(byDate);
  return out;
}

const same = (a: Duty, b: Duty) => a.date === b.date && a.role === b.role;

/**
 * A lost and a gained duty of the same role (another day) or of the same day (another role) read as one
 * move; everything else is gained or lost on its own.
 */
function pairMoves(lost: Duty[], gained: Duty[]): { moves: { from: Duty; to: Duty }[]; lost: Duty[]; gained: Duty[] } {
  const moves: { from: Duty; to: Duty }[] = [];
  const restLost = [...lost];
  const restGained = [...gained];
  for (const match of [(a: Duty, b: Duty) => a.role === b.role, (a: Duty, b: Duty) => a.date === b.date]) {
    for (let i = 0; i < restLost.length;) {
      const j = restGained.findIndex((g) => match(restLost[i], g));
      if (j < 0) {
        i++;
        continue;
      }
      moves.push({ from: restLost[i], to: restGained[j] });
      restLost.splice(i, 1);
      restGained.splice(j, 1);
    }
  }
  return { moves, lost: restLost, gained: restGained };
}

/** Every member whose own duties differ between `before` (null: the first publication) and `after`, by member id. */
export function memberChanges(before: readonly Assignment[] | null, after: readonly Assignment[]): MemberChanges[] {
  const old = dutiesOf(before ?? []);
  const next = dutiesOf(after);
  const holder = new Map(after.map((s) => [`${s.date}|${s.role}`, s.memberId]));
  const out: MemberChanges[] = [];
  for (const memberId of [...new Set([...old.keys(), ...next.keys()])].sort()) {
    const had = old.get(memberId) ?? [];
    const has = next.get(memberId) ?? [];
    const { moves, lost, gained } = pairMoves(
      had.filter((d) => !has.some((n) => same(n, d))),
      has.filter((d) => !had.some((o) => same(o, d))),
    );
    const changes: DutyChange[] = [
      ...moves.map((m): DutyChange => ({ kind: 'moved', ...m })),
      ...lost.map((duty): DutyChange => ({ kind: 'lost', duty, nowHeldBy: holder.get(`${duty.date}|${duty.role}`) ?? null })),
      ...gained.map((duty): DutyChange => ({ kind: 'gained', duty })),
    ];
    const when = (c: DutyChange) => (c.kind === 'moved' ? c.to : c.duty);
    changes.sort((a, b) => byDate(when(a), when(b)));
    if (changes.length > 0) out.push({ memberId, changes, duties: has });
  }
  return out;
}

export interface Wording {
  roleTitle(role: string): string;
  memberName(memberId: string): string;
}

/** One change as a line of the message: "No longer: Tow pilot on Sat 6 Jun (Pat Smith takes it over)". */
export function changeText(change: DutyChange, words: Wording): string {
  const duty = (d: Duty) => `${words.roleTitle(d.role)} on ${shortDate(d.date)}`;
  switch (change.kind) {
    case 'gained':
      return `New: ${duty(change.duty)}`;
    case 'lost':
      return `No longer: ${duty(change.duty)}${change.nowHeldBy === null ? '' : ` (${words.memberName(change.nowHeldBy)} takes it over)`}`;
    case 'moved':
      return change.from.role === change.to.role
        ? `Moved: ${words.roleTitle(change.to.role)} from ${shortDate(change.from.date)} to ${shortDate(change.to.date)}`
        : `Changed: on ${shortDate(change.to.date)} ${words.roleTitle(change.to.role)} instead of ${words.roleTitle(change.from.role)}`;
  }
}
