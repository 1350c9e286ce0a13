import type { AdaptiveCard } from '@microsoft/teams-ai';
import {
  actionSet,
  adaptiveCard,
  choiceSet,
  container,
  dateInput,
  executeAction,
  factSet,
  fieldError,
  heading,
  textBlock,
  textInput,
  type CardElement,
  toggleInput,
} from '../../cards/adaptive-card';
import { formatUkDate } from '../../domain/calendar';
import { BENCHMARK_OF_KIND, MEANINGFUL_CRITERIA, recordedKind, verdictOf } from '../../domain/meaningful-checklist';
import { PROVIDER_TYPE_LABELS, ACTIVITY_KINDS, PROVIDER_TYPES, type Activity, type ActivityKind, type IsoDate } from '../../domain/school';
import { ACTIVITY_LIMITS, checklistInputId, organisationLabel, type ActivityFieldErrors } from './encounter-submission';
import { ACTIVITY_VERBS, ATTENDANCE_VERBS } from './encounter-verbs';

export const KIND_LABELS: Record<ActivityKind, string> = {
  employer_encounter: 'Employer encounter',
  workplace_experience: 'Workplace experience',
  provider_encounter: 'Provider encounter',
  labour_market_information: 'Labour-market information',
};

const KIND_HINTS: Record<ActivityKind, string> = {
  employer_encounter: 'A talk, careers fair, mentoring or enterprise activity with an employer (Benchmark 5).',
  workplace_experience: 'Work experience, job shadowing or a workplace visit (Benchmark 6). Part-time jobs go here too.',
  provider_encounter: 'A sixth form, college, university or training provider (Benchmark 7 and the Provider Access Legislation).',
  labour_market_information: 'Careers or labour-market information that pupils used (Benchmark 2).',
};

/** Step 1: one tap on the kind of activity. */
export function chooseKindCard(draftId: string): AdaptiveCard {
  return adaptiveCard([
    heading('Record an activity'),
    textBlock('Step 1 of 2: what kind of activity was it?', { subtle: true }),
    ...ACTIVITY_KINDS.map((kind) =>
      container(
        [
          textBlock(KIND_HINTS[kind], { subtle: true }),
          actionSet([executeAction(KIND_LABELS[kind], ACTIVITY_VERBS.kind, { draftId, kind })]),
        ],
        { separator: true },
      ),
    ),
  ]);
}

export interface ActivityFormCardInput {
  draftId: string;
  /** The kind chosen (a part-time job is chosen as workplace experience). */
  kind: ActivityKind;
  values: {
    date?: string;
    title?: string;
    organisation?: string;
    providerType?: string;
    providerAccess?: boolean;
    partTimeJob?: boolean;
    ticked?: readonly string[];
  };
  errors?: ActivityFieldErrors;
  today: IsoDate;
  /** The activity being edited, if any. */
  editing?: string;
}

/** Step 2: the details and the "meaningful" checklist; errors shown under their fields. */
export function activityFormCard(input: ActivityFormCardInput): AdaptiveCard {
  const { kind, values, errors = {} } = input;
  const ticked = new Set(values.ticked ?? []);
  const criteria = MEANINGFUL_CRITERIA[kind];
  const body: CardElement[] = [
    heading(input.editing ? `Edit ${KIND_LABELS[kind].toLowerCase()}` : `Record ${withArticle(kind)}`),
    ...(input.editing ? [] : [textBlock('Step 2 of 2', { subtle: true })]),
    ...(Object.keys(errors).length > 0
      ? [textBlock('Please check the highlighted answers. Nothing has been saved yet.', { color: 'Attention' })]
      : []),
    dateInput('date', 'Date it happened', { value: values.date || input.today }),
    ...fieldError(errors.date),
    textInput('title', 'Title', { value: values.title, placeholder: placeholderTitle(kind), maxLength: ACTIVITY_LIMITS.title }),
    ...fieldError(errors.title),
    textInput('organisation', organisationLabel(kind), { value: values.organisation, maxLength: ACTIVITY_LIMITS.organisation }),
    ...fieldError(errors.organisation),
  ];
  if (kind === 'provider_encounter') {
    body.push(
      choiceSet(
        'providerType',
        'Kind of provider',
        PROVIDER_TYPES.map((type) => ({ title: PROVIDER_TYPE_LABELS[type], value: type })),
        {
          value: values.providerType,
          placeholder: 'Choose one',
        },
      ),
      ...fieldError(errors.providerType),
      toggleInput(
        'providerAccess',
        'Counts for the Provider Access Legislation: a college or training provider, in the school day, covering its ' +
          'courses or apprenticeships, the careers they lead to, what learning there is like, and pupils’ questions',
        values.providerAccess === true,
      ),
      ...fieldError(errors.providerAccess),
    );
  }
  if (kind === 'workplace_experience') {
    body.push(
      toggleInput(
        'partTimeJob',
        'This is a pupil’s part-time job (it counts for Benchmark 5, not Benchmark 6)',
        values.partTimeJob === true,
      ),
    );
  }
  if (criteria.length > 0) {
    body.push(
      container(
        [
          textBlock('Was it meaningful? Tick each point that was true.', { weight: 'Bolder' }),
          textBlock(`Only activities that meet every point count for Benchmark ${BENCHMARK_OF_KIND[kind]}.`, { subtle: true }),
          ...criteria.map((criterion) => toggleInput(checklistInputId(criterion.id), criterion.label, ticked.has(criterion.id))),
        ],
        { separator: true },
      ),
    );
  }
  return adaptiveCard(body, [
    executeAction(
      input.editing ? 'Save changes' : 'Save activity',
      ACTIVITY_VERBS.save,
      { draftId: input.draftId, kind, ...(input.editing ? { editing: input.editing } : {}) },
      'positive',
    ),
    ...(input.editing ? [] : [executeAction('Change kind', ACTIVITY_VERBS.start, { draftId: input.draftId })]),
  ]);
}

/** What was recorded, exactly, and whether it counts; then attendance in one tap. */
export function activitySavedCard(activity: Activity, options: { updated: boolean; attendees: number }): AdaptiveCard {
  const verdict = verdictOf(activity);
  const counts = verdict.startsWith('Counts');
  const facts: Array<[string, string]> = [
    ['Kind', activity.partTimeJob ? 'Employer encounter (part-time job)' : KIND_LABELS[activity.kind]],
    ['Title', activity.title],
    ...(activity.organisation
      ? ([[activity.kind === 'provider_encounter' ? 'Provider' : 'Organisation', activity.organisation]] as Array<[string, string]>)
      : []),
    ['Date', formatUkDate(activity.date)],
  ];
  if (activity.providerType) facts.push(['Kind of provider', PROVIDER_TYPE_LABELS[activity.providerType]]);
  if (activity.kind === 'provider_encounter')
    facts.push(['Provider Access Legislation', activity.providerAccess ? 'Counts' : 'Does not count']);
  facts.push([
    'Attendance',
    options.attendees > 0 ? `${options.attendees} pupil${options.attendees === 1 ? '' : 's'}` : 'None recorded yet',
  ]);
  return adaptiveCard(
    [
      heading(options.updated ? 'Activity updated' : 'Activity recorded'),
      factSet(facts),
      textBlock(verdict, { weight: 'Bolder', color: counts ? 'Good' : 'Attention' }),
      ...(!counts ? [textBlock('If those points did happen, press Edit and tick them.', { subtle: true })] : []),
    ],
    [
      executeAction(
        options.attendees > 0 ? 'Edit attendance' : 'Take attendance',
        ATTENDANCE_VERBS.open,
        { activityId: activity.id },
        'positive',
      ),
      executeAction('Edit', ACTIVITY_VERBS.edit, { activityId: activity.id }),
      executeAction('Record another', ACTIVITY_VERBS.start, {}),
    ],
  );
}

/** The kind a stored activity's card is drawn for: a part-time job was chosen as workplace experience. */
export function formKindOf(activity: Pick<Activity, 'kind' | 'partTimeJob'>): ActivityKind {
  return activity.partTimeJob ? 'workplace_experience' : recordedKind(activity.kind);
}

/** "an employer encounter", "a provider encounter", "labour-market information" (uncountable). */
function withArticle(kind: ActivityKind): string {
  const label = KIND_LABELS[kind].toLowerCase();
  if (kind === 'labour_market_information') return label;
  return `${kind === 'employer_encounter' ? 'an' : 'a'} ${label}`;
}

function placeholderTitle(kind: ActivityKind): string {
  switch (kind) {
    case 'employer_encounter':
      return 'e.g. NHS careers talk';
    case 'workplace_experience':
      return 'e.g. Year 10 work experience week';
    case 'provider_encounter':
      return 'e.g. Northfield College taster day';
    case 'labour_market_information':
      return 'e.g. Local labour market assembly';
  }
}
