import { resolve } from 'node:path';
import { isAvailable } from '../../solver/eligibility.ts';
import { requiredString, type OptionSpecs } from './args.ts';
import { CLUB_OPTION, readClubFile } from './club.ts';
import { registerCommand } from './command.ts';

const options: OptionSpecs = { club: { ...CLUB_OPTION, description: 'the club file to check' } };

registerCommand({
  name: 'validate',
  summary: 'Check a club file and print what is wrong with it.',
  usage: 'validate --club FILE',
  options,
  async run(args, ctx) {
    const path = requiredString(args, 'club');
    const club = readClubFile(resolve(path));

    const schedulable = club.members.filter(isAvailable);
    const season =
      club.season.start || club.season.end ? `${club.season.start ?? 'start of year'} to ${club.season.end ?? 'end of year'}` : 'all year';
    const lines = [
      `${path} is a valid club file.`,
      `  Club:      ${club.name}`,
      `  Members:   ${club.members.length} (${schedulable.length} can be scheduled)`,
      `  Roles:     ${club.roles.map((r) => r.title).join(', ')}`,
      `  Season:    ${season}`,
      `  Published: ${club.published.length} days of history`,
    ];
    for (const role of club.roles) {
      if (!schedulable.some((m) => m.qualifications.includes(role.qualification))) {
        lines.push(
          `  Note: nobody who can be scheduled holds the "${role.qualification}" qualification, so ${role.title} slots will stay empty.`,
        );
      }
    }
    ctx.out(lines.join('\n'));
  },
});
