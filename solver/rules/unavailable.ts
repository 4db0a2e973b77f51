import { neverRuleOn, ruleInWords } from '../availability.ts';
import { mayNotBe, type StaticRule } from './rule.ts';

/**
 * Availability (club format 2): a member's `never` rules (dates, ranges, weekdays, months, narrowed
 * to roles through the role's qualification) are hard. `preferNot` rules are no hard rule: they are
 * a cost (optimizer/instance.ts, legacy.ts PREFER_NOT_DRAW_FACTOR).
 */
export const unavailable: StaticRule<'unavailable'> = {
  kind: 'static',
  code: 'unavailable',
  reason: 'unavailable',
  optimizer:
    'none of its own: the member gets no candidate on a duty a never rule covers (optimizer/instance.ts runs every static check); a preferNot rule adds PREFER_NOT_POINTS (optimizer/preferences.ts) to the preference points of its candidate',
  prepare: ({ club }) => ({
    allows: (member, role, date) => neverRuleOn(member, role.qualification, date) === undefined,
    sentence: (member, role, date) => {
      const rule = neverRuleOn(member, role.qualification, date);
      return mayNotBe(member, role, rule ? `unavailable (${ruleInWords(rule, { roles: club.roles })})` : unavailable.reason);
    },
  }),
};
