import { formatUkDate } from '../calendar';
import { deadlineNote, PLANNED_HEADING, progressLine, type Digest } from './compose-digest';

/** The digest as plain text: what `npm run digest -- --dry-run` prints, line for line with the card. */
export function digestText(digest: Digest, schoolName?: string): string {
  const lines = [`Careers digest, ${formatUkDate(digest.asOf)}${schoolName ? ` · ${schoolName}` : ''}`, ''];
  if (digest.topGaps.length === 0) lines.push('No gaps to act on: every benchmark is on track.');
  digest.topGaps.forEach((gap, index) => lines.push(`${index + 1} – ${gap.sentence}`, `    ${deadlineNote(gap, digest.asOf)}`));
  lines.push('', digest.previousAsOf ? `Since ${formatUkDate(digest.previousAsOf)}:` : 'Since last week:');
  if (!digest.changes) lines.push('  This is the first digest; from next week it shows what changed.');
  else if (digest.changes.length === 0) lines.push('  No change.');
  else for (const change of digest.changes) lines.push(`  ${change.sentence}`);
  if (digest.equityLines.length > 0) lines.push('', 'Falling behind their year group:', ...digest.equityLines.map((line) => `  ${line}`));
  if (digest.planned.length > 0) lines.push('', `${PLANNED_HEADING}:`, ...digest.planned.map((gap) => `  ${gap.sentence}`));
  const waiting = digest.waitingForAttendance ?? [];
  if (waiting.length > 0)
    lines.push('', 'Plans waiting for attendance:', ...waiting.map(({ title, date }) => `  ${title}, ${formatUkDate(date)}`));
  if (digest.compassReminder) lines.push('', digest.compassReminder);
  lines.push('', 'Progress by benchmark:');
  for (const entry of digest.progress) lines.push(`  ${progressLine(entry)}`);
  if (digest.otherGaps.length > 0) lines.push('', `${digest.otherGaps.length} more gaps: type “gaps” in Teams, or run npm run report.`);
  return `${lines.join('\n')}\n`;
}
