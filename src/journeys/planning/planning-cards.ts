import type { AdaptiveCard } from '@microsoft/teams-ai';
import {
  actionSet,
  adaptiveCard,
  type CardElement,
  choiceSet,
  container,
  dateInput,
  executeAction,
  factSet,
  fieldError,
  heading,
  plainText,
  textBlock,
  textInput,
  toggleInput,
} from '../../cards/adaptive-card';
import { formatUkDate } from '../../domain/calendar';
import { PROVIDER_TYPE_LABELS, ACTIVITY_KINDS, PROVIDER_TYPES, type Activity, type ActivityKind } from '../../domain/school';
import { PLAN_LIMITS, PLAN_YEAR_GROUPS, type PlanFieldErrors } from './planning-submission';
import { PLANNING_VERBS } from './planning-verbs';

// The planning cards: data in, card out. Each step replaces the card it was pressed on.

export const PLAN_KIND_LABELS: Record<ActivityKind, string> = {
  employer_encounter: 'Employer encounter (Benchmark 5)',
  workplace_experience: 'Workplace experience (Benchmark 6)',
  provider_encounter: 'Provider encounter: college, university, sixth form or training provider (Benchmark 7)',
  labour_market_information: 'Careers and labour-market information (Benchmark 2)',
};

/** The most shown on the list card; the rest are summed up. */
export const PLAN_LIST_LIMIT = 25;

/** Who a planned activity is for: "Year 10, Year 11; forms 9A, 9B". */
export function invitedLabel(activity: Pick<Activity, 'invitedYearGroups' | 'invitedForms'>): string {
  const years = (activity.invitedYearGroups ?? []).map((yearGroup) => `Year ${yearGroup}`).join(', ');
  const forms = activity.invitedForms ?? [];
  const formText = forms.length === 0 ? '' : `${forms.length === 1 ? 'form' : 'forms'} ${forms.join(', ')}`;
  return [years, formText].filter(Boolean).join('; ') || 'nobody yet';
}

/** "Thu 14 May 2026: Year 10 employer day". */
export function planLine(activity: Pick<Activity, 'date' | 'title'>): string {
  return `${formatUkDate(activity.date)}: ${activity.title}`;
}

export interface PlanFormInput {
  draftId: string;
  values: {
    kind?: string;
    date?: string;
    title?: string;
    organisation?: string;
    providerType?: string;
    providerAccess?: boolean;
    yearGroups?: string;
    forms?: string;
  };
  errors?: PlanFieldErrors;
  /** The planned activity being edited, and the version read (the save is refused if it changed since). */
  editing?: { activityId: string; etag: string };
}

/** One card: what, when, who it is for. The provider's fields are read only for a provider encounter. */
export function planFormCard(input: PlanFormInput): AdaptiveCard {
  const { values, errors = {} } = input;
  const body: CardElement[] = [
    heading(input.editing ? 'Edit a planned activity' : 'Plan an activity'),
    textBlock(
      'Until its day comes, the report counts it as attended by everyone it is for (planned, not yet met). Once it has ' +
        'happened, take attendance to make it count.',
      { subtle: true },
    ),
    ...(Object.keys(errors).length > 0
      ? [textBlock('Please check the highlighted answers. Nothing has been saved yet.', { color: 'Attention' })]
      : []),
    choiceSet(
      'kind',
      'Kind of activity',
      ACTIVITY_KINDS.map((kind) => ({ title: PLAN_KIND_LABELS[kind], value: kind })),
      { value: values.kind, placeholder: 'Choose one' },
    ),
    ...fieldError(errors.kind),
    dateInput('date', 'Date it will happen', values.date ? { value: values.date } : {}),
    ...fieldError(errors.date),
    textInput('title', 'Title', { value: values.title, placeholder: 'e.g. Year 10 employer day', maxLength: PLAN_LIMITS.title }),
    ...fieldError(errors.title),
    textInput('organisation', 'Employer or provider (optional)', { value: values.organisation, maxLength: PLAN_LIMITS.organisation }),
    ...fieldError(errors.organisation),
    choiceSet(
      'yearGroups',
      'For year groups',
      PLAN_YEAR_GROUPS.map((yearGroup) => ({ title: `Year ${yearGroup}`, value: String(yearGroup) })),
      { value: values.yearGroups, multiSelect: true, expanded: true },
    ),
    ...fieldError(errors.yearGroups),
    textInput('forms', 'And/or for forms (optional)', { value: values.forms, placeholder: 'e.g. 9A, 9B', maxLength: 400 }),
    ...fieldError(errors.forms),
    container(
      [
        textBlock('For a provider encounter', { weight: 'Bolder' }),
        choiceSet(
          'providerType',
          'Kind of provider',
          PROVIDER_TYPES.map((type) => ({ title: PROVIDER_TYPE_LABELS[type], value: type })),
          { value: values.providerType, placeholder: 'Choose one' },
        ),
        ...fieldError(errors.providerType),
        toggleInput(
          'providerAccess',
          'Counts for the Provider Access Legislation (a college or training provider, about technical education or apprenticeships)',
          values.providerAccess === true,
        ),
        ...fieldError(errors.providerAccess),
      ],
      { separator: true },
    ),
  ];
  return adaptiveCard(body, [
    executeAction(
      input.editing ? 'Save changes' : 'Save the plan',
      PLANNING_VERBS.save,
      { draftId: input.draftId, ...(input.editing ? { editing: input.editing.activityId, etag: input.editing.etag } : {}) },
      'positive',
    ),
    executeAction('Planned activities', PLANNING_VERBS.list),
  ]);
}

function planFacts(activity: Activity): Array<[string, string]> {
  return [
    ['Date', formatUkDate(activity.date)],
    ['Title', activity.title],
    ['Kind', PLAN_KIND_LABELS[activity.kind]],
    ...(activity.organisation ? ([['Employer or provider', activity.organisation]] as Array<[string, string]>) : []),
    ...(activity.providerType ? ([['Kind of provider', PROVIDER_TYPE_LABELS[activity.providerType]]] as Array<[string, string]>) : []),
    ...(activity.kind === 'provider_encounter'
      ? ([['Provider Access Legislation', activity.providerAccess ? 'Counts' : 'Does not count']] as Array<[string, string]>)
      : []),
    ['For', invitedLabel(activity)],
  ];
}

function changeButtons(activity: Activity) {
  return [
    executeAction('Edit', PLANNING_VERBS.edit, { activityId: activity.id }),
    executeAction('Move', PLANNING_VERBS.move, { activityId: activity.id }),
    executeAction('Cancel it', PLANNING_VERBS.cancel, { activityId: activity.id }, 'destructive'),
  ];
}

/** What was planned, exactly; then change it, see the whole plan, or plan another. */
export function planSavedCard(activity: Activity, options: { heading: string; canChange: boolean }): AdaptiveCard {
  return adaptiveCard(
    [
      heading(options.heading),
      factSet(planFacts(activity)),
      textBlock('The benchmark report and the gaps now count it as planned for the pupils it is for.', { subtle: true }),
    ],
    [
      ...(options.canChange ? changeButtons(activity) : []),
      executeAction('Planned activities', PLANNING_VERBS.list),
      executeAction('Plan another', PLANNING_VERBS.start, {}),
    ],
  );
}

/** The school's plan, soonest first; each one the viewer may change has its buttons. */
export function plansListCard(activities: readonly Activity[], options: { mayChange(activity: Activity): boolean }): AdaptiveCard {
  const shown = activities.slice(0, PLAN_LIST_LIMIT);
  const more = activities.length > shown.length;
  return adaptiveCard(
    [
      heading('Planned activities'),
      textBlock(
        activities.length === 0
          ? 'Nothing is planned yet. Plan an activity and the report shows which pupils it will reach.'
          : `${activities.length} planned, soonest first${more ? `; the first ${shown.length} are shown` : ''}.`,
        { subtle: true },
      ),
      ...shown.map((activity) =>
        container(
          [
            plainText(planLine(activity), { weight: 'Bolder' }),
            textBlock(`${PLAN_KIND_LABELS[activity.kind]} · for ${invitedLabel(activity)}`, { subtle: true }),
            ...(options.mayChange(activity) ? [actionSet(changeButtons(activity))] : []),
          ],
          { separator: true },
        ),
      ),
    ],
    [executeAction('Plan an activity', PLANNING_VERBS.start, {}, 'positive')],
  );
}

/** Moving: only the date changes. */
export function moveCard(activity: Activity, etag: string, error?: string): AdaptiveCard {
  return adaptiveCard(
    [
      heading('Move a planned activity'),
      plainText(activity.title, { weight: 'Bolder' }),
      textBlock(`Now ${formatUkDate(activity.date)}, for ${invitedLabel(activity)}.`, { subtle: true }),
      ...(error ? [textBlock('Nothing has been changed yet.', { color: 'Attention' })] : []),
      dateInput('date', 'New date', { value: activity.date }),
      ...fieldError(error),
    ],
    [
      executeAction('Move it', PLANNING_VERBS.saveMove, { activityId: activity.id, etag }, 'positive'),
      executeAction('Planned activities', PLANNING_VERBS.list),
    ],
  );
}

/** Cancelling removes the plan: say exactly which one first. */
export function confirmCancelCard(activity: Activity, etag: string): AdaptiveCard {
  return adaptiveCard(
    [
      heading('Cancel this planned activity?'),
      plainText(`${planLine(activity)}, for ${invitedLabel(activity)}.`, { weight: 'Bolder' }),
      textBlock('It will be removed from the plan, and the report will no longer count it for these pupils.', { subtle: true }),
    ],
    [
      executeAction(`Yes, cancel “${activity.title}”`, PLANNING_VERBS.confirmCancel, { activityId: activity.id, etag }, 'destructive'),
      executeAction('No, keep it', PLANNING_VERBS.list),
    ],
  );
}

export function cancelledCard(activity: Pick<Activity, 'date' | 'title'> | undefined): AdaptiveCard {
  return adaptiveCard(
    [
      heading('Planned activity cancelled'),
      plainText(activity ? `${planLine(activity)} is no longer in the plan.` : 'That activity is no longer in the plan.'),
    ],
    [executeAction('Planned activities', PLANNING_VERBS.list), executeAction('Plan an activity', PLANNING_VERBS.start, {})],
  );
}
