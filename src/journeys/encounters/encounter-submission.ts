import { characterCount, oneLine } from '../../domain/typed-text';
import { academicYearOf, addDays, isRealIsoDate } from '../../domain/calendar';
import { assessMeaningful, MEANINGFUL_CRITERIA, type CriterionId, type MeaningfulAssessment } from '../../domain/meaningful-checklist';
import { type ActivityKind, type IsoDate, type ProviderType } from '../../domain/school';
import { isOn } from '../../cards/adaptive-card';
import { activityTitleError, providerFields } from '../../domain/activity-fields';

export const ACTIVITY_LIMITS = { title: 120, organisation: 120 } as const;

/** Provider types whose encounters can count for the Provider Access Legislation (technical education, apprenticeships). */

/** The checklist toggles' input ids: one per criterion. */
export function checklistInputId(criterion: CriterionId): string {
  return `check_${criterion}`;
}

/** What the activity card sends once its inputs are read (all text, as Adaptive Cards send it). */
export interface ActivityFormValues {
  date: string;
  title: string;
  organisation: string;
  providerType: string;
  /** Toggles: "true"/"false" from Teams (a boolean from some clients). */
  providerAccess?: unknown;
  partTimeJob?: unknown;
  /** Toggle values by input id (checklistInputId). */
  checks: Record<string, unknown>;
}

export type ActivityFieldErrors = Partial<Record<'date' | 'title' | 'organisation' | 'providerType' | 'providerAccess', string>>;

export interface ActivityDraft extends MeaningfulAssessment {
  date: IsoDate;
  title: string;
  organisation?: string;
  providerType?: ProviderType;
  providerAccess: boolean;
  partTimeJob: boolean;
}

export type ActivityValidation = { ok: true; draft: ActivityDraft } | { ok: false; errors: ActivityFieldErrors };

/** Who ran it, as the card's label for the organisation asks. */
export function organisationLabel(kind: ActivityKind): string {
  if (kind === 'provider_encounter') return 'Provider (college, university, sixth form or training provider)';
  if (kind === 'labour_market_information') return 'Source or organisation (optional)';
  return 'Employer';
}

/** Checks an activity card submission; errors are per field, for the card. `meaningful` is derived, never read. */
export function validateActivityForm(kind: ActivityKind, values: ActivityFormValues, today: IsoDate): ActivityValidation {
  const errors: ActivityFieldErrors = {};

  const date = values.date.trim() === '' ? today : values.date.trim();
  const earliest = academicYearOf(addDays(academicYearOf(today).start, -1)).start;
  if (!isRealIsoDate(date)) errors.date = 'Choose a date from the calendar.';
  else if (date > today) errors.date = 'The date can’t be in the future: record an activity once it has happened.';
  else if (date < earliest) errors.date = 'Choose a date in this academic year or the last.';

  const title = oneLine(values.title);
  const titleError = activityTitleError(title, ACTIVITY_LIMITS.title, 'NHS careers talk');
  if (titleError) errors.title = titleError;

  const organisation = oneLine(values.organisation);
  if (organisation === '' && kind !== 'labour_market_information') {
    errors.organisation = kind === 'provider_encounter' ? 'Say which provider it was.' : 'Say which employer it was.';
  } else if (characterCount(organisation) > ACTIVITY_LIMITS.organisation) {
    errors.organisation = `Keep this to ${ACTIVITY_LIMITS.organisation} characters (it has ${characterCount(organisation)}).`;
  }

  const { providerType, providerAccess, errors: providerErrors } = providerFields(kind, values.providerType, isOn(values.providerAccess));
  Object.assign(errors, providerErrors);

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const ticked = MEANINGFUL_CRITERIA[kind]
    .filter((criterion) => isOn(values.checks[checklistInputId(criterion.id)]))
    .map((criterion) => criterion.id);
  const assessment = assessMeaningful({ kind, ticked, partTimeJob: isOn(values.partTimeJob), providerAccess });
  return {
    ok: true,
    draft: {
      ...assessment,
      date,
      title,
      ...(organisation ? { organisation } : {}),
      ...(providerType ? { providerType } : {}),
      providerAccess,
      partTimeJob: isOn(values.partTimeJob) && assessment.kind === 'employer_encounter',
    },
  };
}
