import { addDays, isRealIsoDate } from '../../domain/calendar';
import { formKey } from '../../domain/planned-activities';
import { ACTIVITY_KINDS, type ActivityKind, type IsoDate, type ProviderType } from '../../domain/school';
import { characterCount, oneLine } from '../../domain/typed-text';
import { isOn } from '../../cards/adaptive-card';
import { activityTitleError, providerFields } from '../../domain/activity-fields';

// Checking what the planning card sent: one draft, errors worded once, per field for the card.

export const PLAN_LIMITS = { title: 120, organisation: 120 } as const;
export const PLAN_YEAR_GROUPS = [7, 8, 9, 10, 11, 12, 13] as const;

/** Only these provider types' encounters count for the Provider Access Legislation (technical education, apprenticeships). */

/** What the planning card sends once its inputs are read: text, as Adaptive Cards send it. */
export interface PlanFormValues {
  kind: string;
  date: string;
  title: string;
  organisation: string;
  providerType: string;
  providerAccess?: unknown;
  /** The year groups ticked, comma-separated ("10,11"), as a multi-select choice set sends them. */
  yearGroups: string;
  /** Forms as typed: "10A; 10B" or "10A, 10B". */
  forms: string;
}

export type PlanField = 'kind' | 'date' | 'title' | 'organisation' | 'providerType' | 'providerAccess' | 'yearGroups' | 'forms';
export type PlanFieldErrors = Partial<Record<PlanField, string>>;

export interface PlanDraft {
  kind: ActivityKind;
  date: IsoDate;
  title: string;
  organisation?: string;
  providerType?: ProviderType;
  providerAccess: boolean;
  invitedYearGroups?: number[];
  invitedForms?: string[];
}

export type PlanValidation = { ok: true; draft: PlanDraft } | { ok: false; errors: PlanFieldErrors };

/** A planned date: a real day after today, within the next year and a half. */
export function planDateError(value: string, today: IsoDate): string | undefined {
  const date = value.trim();
  if (date === '') return 'Choose the day it will happen.';
  if (!isRealIsoDate(date)) return 'Choose a date from the calendar.';
  if (date <= today)
    return 'Choose a day after today: a plan is for something still to come. Record what has happened with “record activity”.';
  if (date > addDays(today, 550)) return 'Choose a day within the next 18 months.';
  return undefined;
}

/** `knownForms` are the forms on the school's roster, so a typo is caught rather than inviting nobody. */
export function validatePlanForm(values: PlanFormValues, today: IsoDate, knownForms: readonly string[]): PlanValidation {
  const errors: PlanFieldErrors = {};

  const kind = ACTIVITY_KINDS.find((candidate) => candidate === values.kind.trim());
  if (!kind) errors.kind = 'Choose the kind of activity.';

  const dateError = planDateError(values.date, today);
  if (dateError) errors.date = dateError;

  const title = oneLine(values.title);
  const titleError = activityTitleError(title, PLAN_LIMITS.title, 'Year 10 employer day');
  if (titleError) errors.title = titleError;

  const organisation = oneLine(values.organisation);
  if (characterCount(organisation) > PLAN_LIMITS.organisation)
    errors.organisation = `Keep this to ${PLAN_LIMITS.organisation} characters (it has ${characterCount(organisation)}).`;

  // The provider's fields are read only for a provider encounter.
  const { providerType, providerAccess, errors: providerErrors } = providerFields(kind, values.providerType, isOn(values.providerAccess));
  Object.assign(errors, providerErrors);

  const yearGroupWords = values.yearGroups
    .split(/[,;\s]+/)
    .map((word) => word.trim())
    .filter(Boolean);
  const yearGroups = [...new Set(yearGroupWords.map(Number))].sort((a, b) => a - b);
  if (yearGroups.some((yearGroup) => !(PLAN_YEAR_GROUPS as readonly number[]).includes(yearGroup)))
    errors.yearGroups = 'Choose year groups from 7 to 13.';

  const known = new Map(knownForms.map((form) => [formKey(form), form]));
  const typedForms = values.forms
    .split(/[,;]+/)
    .map((form) => form.trim())
    .filter(Boolean);
  const unknown = typedForms.filter((form) => !known.has(formKey(form)));
  const forms = [...new Set(typedForms.flatMap((form) => known.get(formKey(form)) ?? []))];
  if (typedForms.length > 40) errors.forms = 'Name at most 40 forms, or choose whole year groups instead.';
  else if (unknown.length > 0)
    errors.forms =
      `${unknown.length === 1 ? 'There is no form' : 'There are no forms'} ${unknown.slice(0, 5).join(', ')} on the roster. ` +
      'Check the spelling, separate forms with commas, or choose year groups.';
  else if (yearGroups.length === 0 && forms.length === 0 && !errors.yearGroups)
    errors.yearGroups = 'Say who it is for: choose year groups, or name forms below.';

  if (Object.keys(errors).length > 0 || !kind) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      kind,
      date: values.date.trim(),
      title,
      ...(organisation ? { organisation } : {}),
      ...(providerType ? { providerType } : {}),
      providerAccess,
      ...(yearGroups.length > 0 ? { invitedYearGroups: yearGroups } : {}),
      ...(forms.length > 0 ? { invitedForms: forms } : {}),
    },
  };
}
