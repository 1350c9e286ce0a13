import type { AdaptiveCard } from '@microsoft/teams-ai';
import {
  actionSet,
  adaptiveCard,
  type CardAction,
  type CardElement,
  container,
  executeAction,
  heading,
  plainText,
  textBlock,
} from '../../cards/adaptive-card';
import { formatUkDate } from '../../domain/calendar';
import type { Gap } from '../../domain/benchmarks/types';
import { deadlineNote, PLANNED_HEADING, progressHidden, type Digest } from '../../domain/digest/compose-digest';
import { rowUnit } from '../../domain/benchmarks';
import { benchmarkChart } from '../../charts/benchmark-chart';
import { MEETING_VERBS } from '../meetings/meeting-verbs';
import { SETTINGS_VERBS } from '../settings/settings-verbs';
import { DIGEST_VERBS } from './digest-verbs';
import { MESSAGE_TEACHERS_VERBS } from '../nudges/nudge-verbs';
import { PLANNING_VERBS, planForGap } from '../planning/planning-verbs';

const CHANGE_LINES = 6;
const PLANNED_LINES = 3;
const WAITING_LINES = 5;

/** Plans whose day has passed with no attendance taken: titles and dates, never who or how many. */
function waitingContainer(waiting: NonNullable<Digest['waitingForAttendance']>): CardElement {
  const more = waiting.length - WAITING_LINES;
  return container(
    [
      textBlock('Plans waiting for attendance', { weight: 'Bolder' }),
      ...waiting.slice(0, WAITING_LINES).map(({ title, date }) => plainText(`${title}, ${formatUkDate(date)}`)),
      ...(more > 0 ? [textBlock(`and ${more} more`, { subtle: true })] : []),
      textBlock('Whoever planned each has a card to take it; or type “attendance” in a personal chat with me.', { subtle: true }),
    ],
    { separator: true, style: 'warning' },
  );
}

/** The gaps the plan closes, as planned rather than as gaps. */
function plannedContainer(digest: Digest, shown: number): CardElement {
  const more = digest.planned.length - shown;
  return container(
    [
      textBlock(PLANNED_HEADING, { weight: 'Bolder' }),
      ...digest.planned.slice(0, shown).map((gap) => textBlock(gap.sentence)),
      ...(more > 0 ? [textBlock(`and ${more} more`, { subtle: true })] : []),
    ],
    { separator: true, style: 'good' },
  );
}

/** The button that does what a gap asks for. */
export function gapAction(gap: Gap): CardAction | undefined {
  if (gap.kind === 'curriculum_links' && gap.missing && gap.missing.length > 0) {
    return executeAction('Message the teachers', MESSAGE_TEACHERS_VERBS.preview, { missing: gap.missing });
  }
  if (gap.kind === 'school_check') return executeAction('Open school settings', SETTINGS_VERBS.open, {});
  if (gap.benchmark === '8' && gap.kind === 'pupils_to_reach') return executeAction('Add adviser slots', MEETING_VERBS.slotForm, {});
  return undefined;
}

/** "Plan an activity for Year 10", prefilled, where a plan could close the gap. */
function planAction(gap: Gap): CardAction | undefined {
  const plan = planForGap(gap);
  return plan ? executeAction(`Plan an activity for Year ${plan.yearGroup}`, PLANNING_VERBS.start, plan) : undefined;
}

/**
 * Whether the gaps offer "Plan an activity": only to someone who may plan, in a personal chat (a
 * button's answer replaces a channel's card for everyone, so the posted digest has none).
 */
export interface DigestCardOptions {
  schoolName?: string;
  title?: string;
  canPlan?: boolean;
}

function gapBlock(asOf: string, gap: Gap, index: number, canPlan = false): CardElement {
  const action = gapAction(gap) ?? (canPlan ? planAction(gap) : undefined);
  const benchmark = gap.benchmark === 'PAL' ? 'Provider access' : `Benchmark ${gap.benchmark}`;
  return container(
    [
      // "1 –" rather than "1.", which renderers turn into an indented list.
      textBlock(`${index + 1} – ${gap.sentence}`, { weight: 'Bolder' }),
      textBlock(`${benchmark} · ${deadlineNote(gap, asOf)}`, { subtle: true }),
      ...(action ? [actionSet([action])] : []),
    ],
    { separator: true },
  );
}

export function digestCard(digest: Digest, options: DigestCardOptions = {}): AdaptiveCard {
  const body: CardElement[] = [
    heading(options.title ?? `Careers digest, ${formatUkDate(digest.asOf)}`),
    plainText(
      (options.schoolName ? `${options.schoolName} · ` : '') +
        (digest.topGaps.length === 0 ? 'No gaps to act on: every benchmark is on track.' : 'What to act on first this week'),
      { subtle: true },
    ),
    // The picture first, then the detail; posted in a channel, so percentages only and small groups not shown.
    benchmarkChart(
      'Progress by benchmark',
      digest.progress.map((entry) => ({
        label: entry.benchmark === 'PAL' ? 'PAL' : `B${entry.benchmark}`,
        title: entry.title,
        met: entry.met,
        planned: entry.planned,
        total: entry.total,
        unit: rowUnit(entry.benchmark),
        hidden: progressHidden(entry),
      })),
      'percentages',
    ),
    ...digest.topGaps.map((gap, index) => gapBlock(digest.asOf, gap, index, options.canPlan)),
  ];

  const changes: CardElement[] = [];
  if (!digest.changes) changes.push(textBlock('This is the first digest; from next week it shows what changed.', { subtle: true }));
  else if (digest.changes.length === 0)
    changes.push(textBlock(`No change since the digest of ${formatUkDate(digest.previousAsOf!)}.`, { subtle: true }));
  else {
    for (const change of digest.changes.slice(0, CHANGE_LINES))
      changes.push(textBlock(change.sentence, { color: change.after > change.before ? 'Good' : 'Attention' }));
    if (digest.changes.length > CHANGE_LINES)
      changes.push(textBlock(`and ${digest.changes.length - CHANGE_LINES} more changes`, { subtle: true }));
  }
  body.push(
    container(
      [textBlock(digest.previousAsOf ? `Since ${formatUkDate(digest.previousAsOf)}` : 'Since last week', { weight: 'Bolder' }), ...changes],
      { separator: true },
    ),
  );

  if (digest.equityLines.length > 0) {
    body.push(
      container(
        [
          textBlock('Falling behind their year group', { weight: 'Bolder' }),
          ...digest.equityLines.slice(0, 3).map((line) => textBlock(line)),
        ],
        { separator: true, style: 'attention' },
      ),
    );
  }
  if (digest.planned.length > 0) body.push(plannedContainer(digest, PLANNED_LINES));
  if (digest.waitingForAttendance && digest.waitingForAttendance.length > 0) body.push(waitingContainer(digest.waitingForAttendance));
  if (digest.compassReminder) body.push(container([textBlock(digest.compassReminder)], { separator: true, style: 'warning' }));

  const others = digest.otherGaps.length;
  return adaptiveCard(body, others > 0 ? [executeAction(`All gaps (${others} more)`, DIGEST_VERBS.allGaps, {})] : []);
}

/** Every gap, ranked, for the "all gaps" button. */
export function allGapsCard(digest: Digest, options: Pick<DigestCardOptions, 'canPlan'> = {}): AdaptiveCard {
  const gaps = [...digest.topGaps, ...digest.otherGaps];
  return adaptiveCard([
    heading(`All gaps, ${formatUkDate(digest.asOf)}`),
    textBlock(`${gaps.length} gap${gaps.length === 1 ? '' : 's'}, most urgent first.`, { subtle: true }),
    ...gaps.slice(0, 40).map((gap, index) => gapBlock(digest.asOf, gap, index, options.canPlan)),
    ...(gaps.length > 40 ? [textBlock(`and ${gaps.length - 40} more: run “report” for the full picture.`, { subtle: true })] : []),
    ...(digest.planned.length > 0 ? [plannedContainer(digest, 40)] : []),
  ]);
}
