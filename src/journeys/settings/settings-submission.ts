import { isOn } from '../../cards/adaptive-card';
import { characterCount, oneLine, visibleText } from '../../domain/typed-text';
import { isRealIsoDate } from '../../domain/calendar';
import type { IsoDate } from '../../domain/school';
import type { SchoolSettings } from '../../domain/school-settings';

export const SETTINGS_LIMITS = {
  url: 500,
  name: 100,
  email: 254,
  meetingsPerAdviserDay: { min: 1, max: 20 },
  equityMarginPercent: { min: 0, max: 100 },
  digestHour: { min: 6, max: 18 },
} as const;

/** What the settings card sends (text inputs as text; number inputs as text or numbers). */
export interface SettingsFormValues {
  programmeUrl: string;
  leaderName: string;
  leaderEmail: string;
  leaderPhone: string;
  policyReviewDate: string;
  lastEvaluatedDate: string;
  meetingsPerAdviserDay: string | number;
  equityMarginPercent: string | number;
  /** ISO weekday 1-5 as text, from a choice set. */
  digestDay: string | number;
  digestHour: string | number;
  /** Toggles: "true" or "false" from Teams. */
  nudgeTeachers: string | boolean;
  nudgePupils: string | boolean;
}

export type SettingsFieldErrors = Partial<Record<keyof SettingsFormValues, string>>;

export type SettingsValidation = { ok: true; settings: SchoolSettings } | { ok: false; errors: SettingsFieldErrors };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Digits, spaces and the punctuation people write phone numbers with.
const PHONE_CHARACTERS = /^[0-9 +()\-.]+$/;

/** The settings as the card shows them. */
export function settingsFormValues(settings: SchoolSettings): SettingsFormValues {
  return {
    programmeUrl: settings.programmeUrl ?? '',
    leaderName: settings.careersLeader.name ?? '',
    leaderEmail: settings.careersLeader.email ?? '',
    leaderPhone: settings.careersLeader.phone ?? '',
    policyReviewDate: settings.policyReviewDate ?? '',
    lastEvaluatedDate: settings.lastEvaluatedDate ?? '',
    meetingsPerAdviserDay: settings.meetingsPerAdviserDay,
    equityMarginPercent: settings.equityMarginPercent,
    digestDay: String(settings.digestDay),
    digestHour: settings.digestHour,
    nudgeTeachers: settings.nudgeTeachers,
    nudgePupils: settings.nudgePupils,
  };
}

/**
 * Checks the Benchmark 1 settings card. A blank field clears that setting (the report then shows
 * the check as not met); anything filled in must be well formed. Settings the card does not show
 * are kept from `current`.
 */
export function validateSettingsForm(values: SettingsFormValues, current: SchoolSettings, today: IsoDate): SettingsValidation {
  const errors: SettingsFieldErrors = {};

  let programmeUrl = values.programmeUrl.trim();
  // People paste "www.school.sch.uk/careers"; the link needs its scheme to open.
  if (programmeUrl !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(programmeUrl)) programmeUrl = `https://${programmeUrl}`;
  if (programmeUrl !== '') {
    if (programmeUrl.length > SETTINGS_LIMITS.url) errors.programmeUrl = `Keep the web address to ${SETTINGS_LIMITS.url} characters.`;
    else if (!isWebAddress(programmeUrl))
      errors.programmeUrl = 'Enter the web page’s full address, e.g. https://www.northfield.sch.uk/careers.';
  }

  const leaderName = oneLine(visibleText(values.leaderName));
  if (characterCount(leaderName) > SETTINGS_LIMITS.name) errors.leaderName = `Keep the name to ${SETTINGS_LIMITS.name} characters.`;

  const leaderEmail = values.leaderEmail.trim();
  if (leaderEmail !== '' && (leaderEmail.length > SETTINGS_LIMITS.email || !EMAIL.test(leaderEmail))) {
    errors.leaderEmail = 'Enter an email address like careers@northfield.sch.uk.';
  }

  const leaderPhone = values.leaderPhone.replace(/\s+/g, ' ').trim();
  if (leaderPhone !== '') {
    const digits = leaderPhone.replace(/\D/g, '').length;
    if (!PHONE_CHARACTERS.test(leaderPhone) || digits < 10 || digits > 13)
      errors.leaderPhone = 'Enter a phone number with its area code, e.g. 0113 496 0000.';
  }

  const policyReviewDate = values.policyReviewDate.trim();
  if (policyReviewDate !== '' && !isRealIsoDate(policyReviewDate)) errors.policyReviewDate = 'Choose a date from the calendar.';

  const lastEvaluatedDate = values.lastEvaluatedDate.trim();
  if (lastEvaluatedDate !== '') {
    if (!isRealIsoDate(lastEvaluatedDate)) errors.lastEvaluatedDate = 'Choose a date from the calendar.';
    else if (lastEvaluatedDate > today) errors.lastEvaluatedDate = 'The last evaluation can’t be in the future.';
  }

  const meetings = numberFrom(values.meetingsPerAdviserDay);
  const { min: fewest, max: most } = SETTINGS_LIMITS.meetingsPerAdviserDay;
  if (meetings === undefined || !Number.isInteger(meetings) || meetings < fewest || meetings > most) {
    errors.meetingsPerAdviserDay = `Enter a whole number of meetings from ${fewest} to ${most}.`;
  }

  const margin = numberFrom(values.equityMarginPercent);
  const { min: lowest, max: highest } = SETTINGS_LIMITS.equityMarginPercent;
  if (margin === undefined || margin < lowest || margin > highest)
    errors.equityMarginPercent = `Enter a number of percentage points from ${lowest} to ${highest}.`;

  const digestDay = numberFrom(values.digestDay);
  if (digestDay === undefined || !Number.isInteger(digestDay) || digestDay < 1 || digestDay > 5)
    errors.digestDay = 'Choose a school day for the digest.';
  const digestHour = numberFrom(values.digestHour);
  const { min: earliest, max: latest } = SETTINGS_LIMITS.digestHour;
  if (digestHour === undefined || !Number.isInteger(digestHour) || digestHour < earliest || digestHour > latest) {
    errors.digestHour = `Enter an hour from ${earliest} to ${latest} (24-hour clock).`;
  }

  if (
    Object.keys(errors).length > 0 ||
    meetings === undefined ||
    margin === undefined ||
    digestDay === undefined ||
    digestHour === undefined
  )
    return { ok: false, errors };
  const settings: SchoolSettings = {
    ...current,
    careersLeader: {
      ...(leaderName ? { name: leaderName } : {}),
      ...(leaderEmail ? { email: leaderEmail } : {}),
      ...(leaderPhone ? { phone: leaderPhone } : {}),
    },
    meetingsPerAdviserDay: meetings,
    equityMarginPercent: margin,
    digestDay,
    digestHour,
    nudgeTeachers: isOn(values.nudgeTeachers),
    nudgePupils: isOn(values.nudgePupils),
  };
  // Blank clears: drop the key rather than store an empty string.
  assignOrClear(settings, 'programmeUrl', programmeUrl);
  assignOrClear(settings, 'policyReviewDate', policyReviewDate);
  assignOrClear(settings, 'lastEvaluatedDate', lastEvaluatedDate);
  return { ok: true, settings };
}

function assignOrClear(settings: SchoolSettings, key: 'programmeUrl' | 'policyReviewDate' | 'lastEvaluatedDate', value: string): void {
  if (value === '') delete settings[key];
  else settings[key] = value;
}

/** A number input's value, however the client sent it; undefined when blank or not a number. */
export function numberFrom(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : undefined;
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.') && !/\s/.test(text);
  } catch {
    return false;
  }
}
