import type { AdaptiveCard } from '@microsoft/teams-ai';
import {
  actionSet,
  adaptiveCard,
  choiceSet,
  container,
  executeAction,
  fieldError,
  heading,
  plainText,
  textBlock,
  textInput,
  type CardAction,
  type CardElement,
} from '../../cards/adaptive-card';
import { datePart, formatUkDate, formatUkDateTime } from '../../domain/calendar';
import { ownActionText } from '../../domain/agreed-actions';
import {
  attendedVerdict,
  ENCOUNTER_COUNTS_WHEN,
  PUPIL_VOICE,
  staffVoice,
  type NextStepKind,
  type ProgressLine,
} from '../../domain/pupil-progress';
import {
  FORMER_STAFF_ID,
  FORMER_STAFF_LABEL,
  fullName,
  type Activity,
  type Destination,
  type DestinationKind,
  type Person,
  type ProviderType,
} from '../../domain/school';
import { MEETING_VERBS } from '../meetings/meeting-verbs';
import type { PupilRecordData } from './record-data';
import { PLAN_LIMIT, type PlanFieldErrors, type PlanFormValues } from './plans-submission';
import { RECORD_VERBS } from './record-verbs';

const KIND_LABELS: Record<Activity['kind'], string> = {
  employer_encounter: 'Employer encounter',
  workplace_experience: 'Workplace experience',
  provider_encounter: 'Encounter with a college, university or training provider',
  labour_market_information: 'Careers information',
};

const PROVIDER_LABELS: Record<ProviderType, string> = {
  sixth_form: 'Encounter with a sixth form',
  further_education_college: 'Encounter with a further education college',
  university: 'Encounter with a university',
  independent_training_provider: 'Encounter with an apprenticeship or training provider',
};

const PLAN_LABELS: Record<DestinationKind, string> = {
  aspiration: 'What I’d like to do one day',
  intended: 'What I plan to do next',
  actual: 'Where I went',
};

function section(title: string, items: CardElement[]): CardElement {
  return container([textBlock(title, { weight: 'Bolder', spacing: 'Medium' }), ...items], { separator: true });
}

function latest(destinations: readonly Destination[], kind: DestinationKind): Destination | undefined {
  return destinations.filter((entry) => entry.kind === kind).sort((a, b) => b.date.localeCompare(a.date))[0];
}

/** What the viewing member of staff may do from a pupil's record, by their role. */
export interface StaffRecordActions {
  /** A meeting that has started and is not yet written up, for "Record the meeting". */
  recordMeetingId?: string;
  offerTime: boolean;
  addToActivity: boolean;
}

const NEXT_STEP_ACTIONS: Record<NextStepKind, () => CardAction> = {
  plans: () => executeAction('Update my plans', RECORD_VERBS.plansForm, {}, 'positive'),
  see_meeting: () => executeAction('My meeting', MEETING_VERBS.mine, {}, 'positive'),
  book_meeting: () => executeAction('Book a meeting', MEETING_VERBS.slots, {}, 'positive'),
};

function staffActions(allowed: StaffRecordActions | undefined, pupil: Person): CardAction[] {
  if (!allowed) return [];
  const actions: CardAction[] = [];
  if (allowed.recordMeetingId)
    actions.push(executeAction('Record the meeting', MEETING_VERBS.recordForm, { meetingId: allowed.recordMeetingId }));
  if (allowed.offerTime) actions.push(executeAction('Offer a time', MEETING_VERBS.requests, {}));
  if (allowed.addToActivity) actions.push(executeAction(`Add ${pupil.givenName} to an activity`, RECORD_VERBS.addToActivity, {}));
  return actions;
}

/**
 * The pupil's own view speaks to them in plain words and leads with one next step; staff see
 * the same facts in the third person, with benchmark names, what is missing, and their role's actions.
 */
export function pupilRecordCard(
  record: PupilRecordData,
  options: {
    ownView: boolean;
    notice?: string;
    staffActions?: StaffRecordActions;
    agreedActions?: CardElement;
    /** Planned activities for the pupil's year group or form, soonest first. */
    comingUp?: readonly Activity[];
  },
): AdaptiveCard {
  const { pupil } = record;
  const you = options.ownView;
  const benchmark = (label: string) => (you ? '' : ` (${label})`);
  const body: CardElement[] = [
    heading(you ? 'My careers record' : `Careers record: ${fullName(pupil)}`),
    textBlock(
      [pupil.yearGroup ? `Year ${pupil.yearGroup}` : undefined, pupil.form, `as of ${formatUkDate(record.asOf)}`]
        .filter(Boolean)
        .join(' · '),
      { subtle: true },
    ),
  ];
  if (options.notice) body.push(textBlock(options.notice, { color: 'Good' }));
  const hasPlans = record.destinations.length > 0;
  if (you && record.nextStep)
    body.push(container([textBlock('Your next step', { weight: 'Bolder' }), textBlock(record.nextStep.text)], { style: 'emphasis' }));

  if (options.comingUp && options.comingUp.length > 0) body.push(comingUpSection(options.comingUp, you));

  const meetingItems: CardElement[] = [];
  for (const meeting of record.meetings) {
    const adviser = record.advisers.get(meeting.adviserId);
    const withWhom = adviser ? ` with ${fullName(adviser)}` : meeting.adviserId === FORMER_STAFF_ID ? ` with ${FORMER_STAFF_LABEL}` : '';
    if (meeting.status === 'booked' && meeting.startsAt > `${record.asOf}T`) {
      meetingItems.push(
        plainText(`Booked: ${formatUkDateTime(meeting.startsAt)}${withWhom}${meeting.place ? `, ${meeting.place}` : ''}`, {
          color: 'Good',
        }),
      );
    } else if (meeting.status === 'completed') {
      meetingItems.push(textBlock(`${formatUkDate(datePart(meeting.startsAt))}${withWhom}`, { weight: 'Bolder' }));
      // One block per line: card renderers run single line breaks together.
      meetingItems.push(...linesAsBlocks('Advice', meeting.advice, { you }));
      meetingItems.push(...linesAsBlocks('Agreed actions', meeting.agreedActions, { subtle: true, you }));
    } else if (meeting.status === 'missed') {
      meetingItems.push(textBlock(`${formatUkDate(datePart(meeting.startsAt))}: missed`, { subtle: true }));
    } else if (meeting.status === 'requested') {
      meetingItems.push(textBlock(`Asked for a meeting on ${formatUkDate(datePart(meeting.startsAt))}`, { subtle: true }));
    }
  }
  if (meetingItems.length === 0)
    meetingItems.push(textBlock(you ? 'You haven’t had a careers meeting yet.' : 'No guidance meetings yet.', { subtle: true }));
  body.push(section(you ? 'Careers meetings' : 'Guidance meetings (Benchmark 8)', meetingItems));
  if (options.agreedActions) body.push(options.agreedActions);

  const encounters = record.attended.filter((activity) => activity.kind !== 'labour_market_information');
  const voice = you ? PUPIL_VOICE : staffVoice(pupil.givenName);
  const notCounted = you && encounters.some((activity) => !activity.meaningful);
  body.push(
    section(
      you
        ? 'Talks, visits and work experience'
        : 'Encounters with employers, workplaces, colleges and universities (Benchmarks 5, 6 and 7)',
      encounters.length === 0
        ? [textBlock('None recorded yet.', { subtle: true })]
        : encounters
            .map((activity) =>
              plainText(
                `${formatUkDate(activity.date)}: ${activity.title} ` +
                  `(${activity.providerType ? PROVIDER_LABELS[activity.providerType] : KIND_LABELS[activity.kind]}) ` +
                  `· ${attendedVerdict(activity.meaningful, voice)}`,
              ),
            )
            .concat(notCounted ? [textBlock(ENCOUNTER_COUNTS_WHEN, { subtle: true })] : []),
    ),
  );

  const information = record.attended.filter((activity) => activity.kind === 'labour_market_information');
  body.push(
    section(
      you ? 'Information about jobs and careers' : 'Careers information (Benchmark 2)',
      information.length === 0
        ? [textBlock('None recorded yet.', { subtle: true })]
        : information.map((activity) => plainText(`${formatUkDate(activity.date)}: ${activity.title}`)),
    ),
  );

  const plans = (['aspiration', 'intended', 'actual'] as const).flatMap((kind) => {
    const entry = latest(record.destinations, kind);
    return entry ? [plainText(`${PLAN_LABELS[kind]}: ${entry.destination} (${formatUkDate(entry.date)})`)] : [];
  });
  body.push(
    section(
      `Plans${benchmark('Benchmark 3')}`,
      plans.length > 0 ? plans : [textBlock(you ? 'You haven’t told us your plans yet.' : 'No plans recorded yet.', { subtle: true })],
    ),
  );

  if (record.progress) {
    const toCome = record.progress.filter((line) => line.stillToCome);
    const done = record.progress.filter((line) => !line.stillToCome);
    if (you) {
      // Plans never told are outstanding too, so "on track" is only said when nothing is.
      const items = [...toCome.map((line) => line.text), ...(hasPlans ? [] : ['Tell us what you’d like to do one day.'])];
      body.push(
        section(
          'Still to come',
          items.length > 0
            ? items.map((item) => textBlock(`• ${item}`))
            : [textBlock('Nothing for now: you are on track.', { color: 'Good' })],
        ),
      );
      if (done.length > 0)
        body.push(
          section(
            'Done',
            done.map((line) => textBlock(`✓ ${line.text}`, { color: 'Good' })),
          ),
        );
    } else {
      const named = (line: ProgressLine) => `${line.benchmark === 'PAL' ? 'Provider access' : `Benchmark ${line.benchmark}`}: ${line.text}`;
      body.push(
        section(
          'Missing',
          toCome.length > 0
            ? toCome.map((line) => textBlock(`• ${named(line)}`))
            : [textBlock(`Nothing missing for now: ${pupil.givenName} is on track.`, { color: 'Good' })],
        ),
      );
      if (done.length > 0)
        body.push(
          section(
            'Done',
            done.map((line) => textBlock(`✓ ${named(line)}`, { color: 'Good' })),
          ),
        );
    }
  }

  if (!you) return adaptiveCard(body, staffActions(options.staffActions, pupil));
  // One button per action: the plans button is added only when the next step is not already it.
  const kind = record.nextStep?.kind ?? 'plans';
  const primary = NEXT_STEP_ACTIONS[kind]();
  const secondary = kind === 'plans' ? [] : [executeAction('Update my plans', RECORD_VERBS.plansForm, {})];
  return adaptiveCard(body, [primary, ...secondary]);
}

/** The most planned activities a record lists; a pupil's year rarely holds more. */
const COMING_UP_LIMIT = 5;

/** "Thu 14 May 2026: Year 10 employer day", soonest first. */
function comingUpSection(activities: readonly Activity[], you: boolean): CardElement {
  const shown = activities.slice(0, COMING_UP_LIMIT);
  const more = activities.length - shown.length;
  return section(you ? 'Coming up for you' : 'Coming up (planned for their year group or form)', [
    ...shown.map((activity) => plainText(`${formatUkDate(activity.date)}: ${activity.title}`)),
    ...(more > 0 ? [textBlock(`And ${more} more planned later.`, { subtle: true })] : []),
  ]);
}

export function planFormCard(
  current: { aspiration?: string; intended?: string },
  values: Partial<PlanFormValues> = {},
  errors: PlanFieldErrors = {},
): AdaptiveCard {
  return adaptiveCard(
    [
      heading('My plans'),
      textBlock('Tell us what you hope to do. You can change it whenever you like; your careers adviser will see it.', { subtle: true }),
      ...(current.aspiration ? [textBlock(`${PLAN_LABELS.aspiration}: ${current.aspiration}`)] : []),
      ...(current.intended ? [textBlock(`${PLAN_LABELS.intended}: ${current.intended}`)] : []),
      ...(Object.keys(errors).length > 0
        ? [textBlock('Please check the highlighted answers. Nothing has been saved yet.', { color: 'Attention' })]
        : []),
      choiceSet(
        'kind',
        'What are you telling us about?',
        [
          { title: `${PLAN_LABELS.aspiration} (aspiration)`, value: 'aspiration' },
          { title: `${PLAN_LABELS.intended} (intended destination)`, value: 'intended' },
        ],
        { value: values.kind || 'aspiration', expanded: true },
      ),
      ...fieldError(errors.kind),
      textInput('destination', 'In a few words', {
        value: values.destination,
        placeholder: 'e.g. an electrician apprenticeship',
        maxLength: PLAN_LIMIT,
      }),
      ...fieldError(errors.destination),
    ],
    [executeAction('Save', RECORD_VERBS.savePlans, {}, 'positive'), executeAction('My record', RECORD_VERBS.open, {})],
  );
}

/** Several pupils match the name: one button each. */
export function pickPupilCard(query: string, pupils: readonly Person[]): AdaptiveCard {
  const shown = pupils.slice(0, 10);
  return adaptiveCard([
    heading('Which pupil?'),
    plainText(
      `${pupils.length} pupils match “${query}”.${pupils.length > shown.length ? ' Type more of the name to narrow it down.' : ''}`,
      { subtle: true },
    ),
    ...pupilButtons(shown),
  ]);
}

/** Nobody is called that, but a name or two is a slip or two away. */
export function didYouMeanCard(query: string, closest: readonly Person[]): AdaptiveCard {
  return adaptiveCard([
    heading('Did you mean…?'),
    plainText(`I couldn’t find a pupil called “${query}”. Is it one of these? Or try their surname or their school id.`, { subtle: true }),
    ...pupilButtons(closest),
  ]);
}

// One button a row: a list of names reads better than a wrapped strip of buttons.
function pupilButtons(pupils: readonly Person[]): CardElement[] {
  return pupils.map((pupil) =>
    actionSet([
      executeAction(
        [fullName(pupil), pupil.yearGroup ? `Year ${pupil.yearGroup}` : undefined, pupil.form, pupil.id].filter(Boolean).join(', '),
        RECORD_VERBS.open,
        { pupilId: pupil.id },
      ),
    ]),
  );
}

/** The pupil reads their own actions without "Pupil:", and no word of what the adviser still has to do. */
function linesAsBlocks(label: string, text: string, options: { subtle?: boolean; you: boolean }): CardElement[] {
  const lines = text
    .split('\n')
    .map((line) => (options.you ? ownActionText(line.trim()) : line.trim()))
    .filter(Boolean);
  const style = { subtle: options.subtle };
  if (lines.length === 0) return [textBlock(`${label}: ${options.you ? 'not added yet.' : 'not written up yet.'}`, style)];
  return [textBlock(`${label}:`, { ...style, weight: 'Bolder' }), ...lines.map((line) => plainText(line, style))];
}
