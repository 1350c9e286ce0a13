import type { AdaptiveCard } from '@microsoft/teams-ai';
import {
  adaptiveCard,
  choiceSet,
  isOn,
  toggleInput,
  container,
  dateInput,
  executeAction,
  fieldError,
  heading,
  textBlock,
  type CardElement,
  numberInput,
  textInput,
} from '../../cards/adaptive-card';
import { passesSchoolCheck, SCHOOL_CHECK_IDS } from '../../domain/benchmarks';
import type { IsoDate } from '../../domain/school';
import type { SchoolSettings } from '../../domain/school-settings';
import { CHECK_NAMES } from '../../domain/benchmarks/benchmark-titles';
import { SCHOOL_CALENDAR_VERBS } from './settings-verbs';
import { numberFrom, SETTINGS_LIMITS, settingsFormValues, type SettingsFieldErrors, type SettingsFormValues } from './settings-submission';
import { SETTINGS_VERBS } from './settings-verbs';

/** Opens the card for the school's name, term dates and meeting-change cut-off. */
function calendarButton() {
  return executeAction('School name, terms and cut-off', SCHOOL_CALENDAR_VERBS.open, {});
}

/** The four Benchmark 1 checks as they stand, ticked or crossed. */
function benchmarkOneStatus(settings: SchoolSettings, today: IsoDate): CardElement {
  return container(
    [
      textBlock('Benchmark 1 today', { weight: 'Bolder' }),
      ...SCHOOL_CHECK_IDS.map((check) => {
        const met = passesSchoolCheck(check, settings, today);
        return textBlock(`${met ? '✓' : '✗'} ${CHECK_NAMES[check]}`, { color: met ? 'Good' : 'Attention' });
      }),
    ],
    { separator: true },
  );
}

export interface SettingsCardInput {
  settings: SchoolSettings;
  /** The etag the card was read with; the save is refused if the settings changed since. */
  etag?: string;
  today: IsoDate;
  values?: SettingsFormValues;
  errors?: SettingsFieldErrors;
  notice?: string;
}

export function settingsCard(input: SettingsCardInput): AdaptiveCard {
  const values = input.values ?? settingsFormValues(input.settings);
  const errors = input.errors ?? {};
  return adaptiveCard(
    [
      heading('School settings'),
      textBlock('What Benchmark 1 checks, and how the report counts. Leave a field blank to clear it.', { subtle: true }),
      ...(input.notice ? [textBlock(input.notice, { color: 'Attention' })] : []),
      ...(Object.keys(errors).length > 0
        ? [textBlock('Please check the highlighted answers. Nothing has been saved yet.', { color: 'Attention' })]
        : []),
      benchmarkOneStatus(input.settings, input.today),
      textInput('programmeUrl', 'Where the careers programme is published (web address)', {
        style: 'Url',
        value: values.programmeUrl,
        placeholder: 'https://www.northfield.sch.uk/careers',
        maxLength: SETTINGS_LIMITS.url,
      }),
      ...fieldError(errors.programmeUrl),
      textInput('leaderName', 'Careers leader’s name', { style: 'Text', value: values.leaderName, maxLength: SETTINGS_LIMITS.name }),
      ...fieldError(errors.leaderName),
      textInput('leaderEmail', 'Careers leader’s email', { style: 'Email', value: values.leaderEmail, maxLength: SETTINGS_LIMITS.email }),
      ...fieldError(errors.leaderEmail),
      textInput('leaderPhone', 'Careers leader’s phone', {
        style: 'Tel',
        value: values.leaderPhone,
        placeholder: '0113 496 0000',
        maxLength: 30,
      }),
      ...fieldError(errors.leaderPhone),
      dateInput('policyReviewDate', 'Careers policy next due for review', { value: values.policyReviewDate }),
      ...fieldError(errors.policyReviewDate),
      dateInput('lastEvaluatedDate', 'Programme last evaluated, with feedback', { value: values.lastEvaluatedDate }),
      ...fieldError(errors.lastEvaluatedDate),
      numberInput('meetingsPerAdviserDay', 'Guidance meetings one adviser holds in a day', {
        value: numberFrom(values.meetingsPerAdviserDay),
      }),
      ...fieldError(errors.meetingsPerAdviserDay),
      numberInput('equityMarginPercent', 'Equity margin: flag a group trailing its year group by more than this many percentage points', {
        value: numberFrom(values.equityMarginPercent),
      }),
      ...fieldError(errors.equityMarginPercent),
      textBlock('Weekly digest and nudges', { weight: 'Bolder', spacing: 'Medium' }),
      choiceSet(
        'digestDay',
        'Day the digest posts',
        ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'].map((day, index) => ({ title: day, value: String(index + 1) })),
        {
          value: String(values.digestDay),
        },
      ),
      ...fieldError(errors.digestDay),
      numberInput('digestHour', 'Hour it posts (24-hour clock, UK time)', {
        value: numberFrom(values.digestHour),
      }),
      ...fieldError(errors.digestHour),
      toggleInput(
        'nudgeTeachers',
        'Message teachers who have logged no careers link this term (once per half-term)',
        isOn(values.nudgeTeachers),
      ),
      toggleInput(
        'nudgePupils',
        'Offer Year 11 and 13 pupils without a guidance meeting a booking, in the spring term',
        isOn(values.nudgePupils),
      ),
    ],
    [executeAction('Save settings', SETTINGS_VERBS.save, { etag: input.etag ?? '' }, 'positive'), calendarButton()],
  );
}

export function settingsSavedCard(settings: SchoolSettings, today: IsoDate, unchanged: boolean): AdaptiveCard {
  return adaptiveCard(
    [
      heading(unchanged ? 'School settings: nothing to change' : 'School settings saved'),
      benchmarkOneStatus(settings, today),
      textBlock(
        `Meetings per adviser-day: ${settings.meetingsPerAdviserDay}. Equity margin: ${settings.equityMarginPercent} percentage points.`,
        { subtle: true },
      ),
    ],
    [executeAction('Edit settings', SETTINGS_VERBS.open, {}), calendarButton()],
  );
}
