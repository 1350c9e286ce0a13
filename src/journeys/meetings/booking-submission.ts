import { characterCount, oneLine } from '../../domain/typed-text';

export const BOOKING_LIMITS = { topic: 200, reason: 300, preferredTimes: 200 } as const;

/** A pupil's optional topic for a meeting: one line, within the limit. */
export function validateTopic(text: string): { ok: true; topic: string } | { ok: false; error: string } {
  const topic = oneLine(text);
  if (characterCount(topic) > BOOKING_LIMITS.topic)
    return { ok: false, error: `Keep it to ${BOOKING_LIMITS.topic} characters (it has ${characterCount(topic)}).` };
  return { ok: true, topic };
}

export interface RequestFormValues {
  reason: string;
  preferredTimes: string;
}

export type RequestFieldErrors = Partial<Record<keyof RequestFormValues, string>>;

/** A pupil's request for a meeting when no free time suits: a reason is needed, times are optional. */
export function validateRequestForm(
  values: RequestFormValues,
): { ok: true; request: RequestFormValues } | { ok: false; errors: RequestFieldErrors } {
  const errors: RequestFieldErrors = {};
  const reason = oneLine(values.reason);
  if (reason === '') errors.reason = 'Say in a sentence what you’d like help with.';
  else if (characterCount(reason) > BOOKING_LIMITS.reason)
    errors.reason = `Keep it to ${BOOKING_LIMITS.reason} characters (it has ${characterCount(reason)}).`;
  const preferredTimes = oneLine(values.preferredTimes);
  if (characterCount(preferredTimes) > BOOKING_LIMITS.preferredTimes)
    errors.preferredTimes = `Keep it to ${BOOKING_LIMITS.preferredTimes} characters (it has ${characterCount(preferredTimes)}).`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, request: { reason, preferredTimes } };
}
