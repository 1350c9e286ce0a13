import { characterCount, oneLine } from '../../domain/typed-text';

// A pupil's own words about what they hope to do (aspiration) or plan to do next (intended
// destination), as destinations.csv holds them (200 characters at most).

export const PLAN_KINDS = ['aspiration', 'intended'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_LIMIT = 200;

export interface PlanFormValues {
  kind: string;
  destination: string;
}

export type PlanFieldErrors = Partial<Record<keyof PlanFormValues, string>>;

export function validatePlanForm(
  values: PlanFormValues,
): { ok: true; kind: PlanKind; destination: string } | { ok: false; errors: PlanFieldErrors } {
  const errors: PlanFieldErrors = {};
  if (!(PLAN_KINDS as readonly string[]).includes(values.kind)) errors.kind = 'Choose what you are telling us about.';
  const destination = oneLine(values.destination);
  if (destination === '') errors.destination = 'Write a few words, e.g. “A-levels at sixth form” or “an electrician apprenticeship”.';
  else if (characterCount(destination) > PLAN_LIMIT)
    errors.destination = `Keep it to ${PLAN_LIMIT} characters (it has ${characterCount(destination)}).`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, kind: values.kind as PlanKind, destination };
}
