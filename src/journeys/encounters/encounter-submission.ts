import { CONTROL_CHARACTERS, characterCount } from '../../domain/typed-text';
import { academicYearOf, addDays, isRealIsoDate } from '../../domain/calendar';
import { assessMeaningful, MEANINGFUL_CRITERIA, type CriterionId, type MeaningfulAssessment } from '../../domain/meaningful-checklist';
import { PROVIDER_ACCESS_TYPES, PROVIDER_TYPES, type ActivityKind, type IsoDate, type ProviderType } from '../../domain/school';
import { isOn } from '../../cards/adaptive-card';

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

function cleanLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

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

  const title = cleanLine(values.title);
  if (title === '') errors.title = 'Give the activity a title, e.g. “NHS careers talk”.';
  else if (characterCount(title) > ACTIVITY_LIMITS.title)
    errors.title = `Keep the title to ${ACTIVITY_LIMITS.title} characters (it has ${characterCount(title)}).`;
  else if (CONTROL_CHARACTERS.test(values.title)) errors.title = 'The title has characters I can’t store; please retype it.';

  const organisation = cleanLine(values.organisation);
  if (organisation === '' && kind !== 'labour_market_information') {
    errors.organisation = kind === 'provider_encounter' ? 'Say which provider it was.' : 'Say which employer it was.';
  } else if (characterCount(organisation) > ACTIVITY_LIMITS.organisation) {
    errors.organisation = `Keep this to ${ACTIVITY_LIMITS.organisation} characters (it has ${characterCount(organisation)}).`;
  } else if (CONTROL_CHARACTERS.test(values.organisation)) errors.organisation = 'This has characters I can’t store; please retype it.';

  let providerType: ProviderType | undefined;
  const providerAccess = kind === 'provider_encounter' && isOn(values.providerAccess);
  if (kind === 'provider_encounter') {
    providerType = PROVIDER_TYPES.find((type) => type === values.providerType.trim());
    if (!providerType) errors.providerType = 'Choose the kind of provider.';
    else if (providerAccess && !PROVIDER_ACCESS_TYPES.includes(providerType)) {
      errors.providerAccess =
        'Only further education colleges and independent training providers (technical education or apprenticeships) count ' +
        'for the Provider Access Legislation. Untick it, or change the kind of provider.';
    }
  }

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
