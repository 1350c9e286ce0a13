// A pupil's view of the benchmarks: for each rule that applies to their year group, one line of
// what they have had and what is still to come, in plain words for the pupil or in the third
// person with the benchmark vocabulary for staff. Every pupil-facing sentence of the record is
// written here. The verdict comes from the benchmark engine's own rules, so a line never
// disagrees with the school's report.

import { formatUkDate, keyStageOf } from './calendar';
import { finalYearOfKeyStage } from './benchmarks/deadlines';
import { listOf } from './benchmarks/gap-wording';
import { PROVIDER_ACCESS_ENCOUNTERS_NEEDED, providerAccessEncounters, providerAccessPhaseOf } from './benchmarks/provider-access';
import type { AttendedActivity, PupilRecord } from './benchmarks/pupil-records';
import { intendedDestinationDue, meetingNotesComplete, PUPIL_RULES, type PupilRule, type RuleContext } from './benchmarks/rules';
import type { BenchmarkId } from './benchmarks/types';
import { PROVIDER_TYPES, type ProviderType } from './school';

export interface ProgressLine {
  benchmark: BenchmarkId;
  /** The engine's verdict for the pupil's row of the report. */
  met: boolean;
  /** True while something is still to do for this benchmark (even if the report counts it met for now). */
  stillToCome: boolean;
  text: string;
}

const PROVIDER_NAMES: Record<ProviderType, string> = {
  sixth_form: 'a sixth form',
  further_education_college: 'a further education college',
  university: 'a university',
  independent_training_provider: 'an apprenticeship or training provider',
};

/**
 * Who a line speaks to. Pupils (11 to 18) read plain words in the second person; staff read the
 * third person and keep the benchmark vocabulary ("meaningful", "Key Stage").
 */
export interface Voice {
  staff: boolean;
  /** "You" or "Ava". */
  who: string;
  /** "have" or "has". */
  have: string;
  /** "Your" or "Ava’s". */
  whose: string;
}

export const PUPIL_VOICE: Voice = { staff: false, who: 'You', have: 'have', whose: 'Your' };

export function staffVoice(givenName: string): Voice {
  return { staff: true, who: givenName, have: 'has', whose: `${givenName}’s` };
}

const POST_16 = (entry: AttendedActivity) => entry.yearGroupThen >= 12;
const plural = (n: number, one: string, many = `${one}s`) => (n === 1 ? one : many);
const FIRST_YEAR_OF_KEY_STAGE: Record<number, number> = { 3: 7, 4: 10, 5: 12 };

function count(record: PupilRecord, counts: (entry: AttendedActivity) => boolean): number {
  return record.attended.filter(counts).length;
}

/** A noun with its singular and plural, and words after it: "encounter" / "encounters" "with employers". */
interface Noun {
  one: string;
  many: string;
  after?: string;
}

/** "You have had 1 of 2 workplace experiences by the end of Year 11", or the "done" wording once reached. */
function tally(voice: Voice, had: number, needed: number, noun: Noun, deadline: string): string {
  const after = noun.after ? ` ${noun.after}` : '';
  const start = `${voice.who} ${voice.have} had`;
  if (had >= needed) return `${start} ${had} ${had === 1 ? noun.one : noun.many}${after} (${needed} needed ${deadline}).`;
  return `${start} ${had} of ${needed} ${needed === 1 ? noun.one : noun.many}${after} ${deadline}.`;
}

/**
 * How the record marks an attended encounter: staff read the rule's word ("meaningful"); the pupil
 * reads whether it counted, and why once per list (see ENCOUNTER_COUNTS_WHEN), never per row.
 */
export function attendedVerdict(meaningful: boolean, voice: Voice): string {
  if (voice.staff) return meaningful ? 'meaningful ✓' : 'not counted as meaningful';
  return meaningful ? 'counted ✓' : 'you went';
}

/** Said once under the pupil's talks and visits when one of them has not counted. */
export const ENCOUNTER_COUNTS_WHEN = 'A talk or visit counts when you get a chance to talk to the people there and ask them questions.';

type Describe = (record: PupilRecord, context: RuleContext, met: boolean) => { text: string; stillToCome?: boolean };

function describeRule(rule: PupilRule, voice: Voice): Describe {
  const lowerYears = rule.yearGroups[0]! <= 11;
  const { who, have, whose } = voice;
  switch (rule.benchmark) {
    case '2':
      return (record, _context, met) => {
        const keyStage = keyStageOf(record.yearGroup);
        const lastYear = finalYearOfKeyStage(record.yearGroup);
        if (voice.staff) {
          return {
            text: met
              ? `${who} has used careers and job-market information in Key Stage ${keyStage}.`
              : `${who} has not used careers and job-market information in Key Stage ${keyStage} (by the end of Year ${lastYear}).`,
          };
        }
        return {
          text: met
            ? `You have looked at information about jobs and careers since the start of ` +
              `Year ${(keyStage ? FIRST_YEAR_OF_KEY_STAGE[keyStage] : undefined) ?? record.yearGroup}.`
            : `Look at information about jobs and careers at least once by the end of Year ${lastYear}.`,
        };
      };
    case '3':
      return (record, context) => {
        const unwritten = record.completedMeetings.filter((meeting) => !meeting.hasNotes).length;
        const parts: string[] = [];
        let stillToCome = false;
        if (!meetingNotesComplete(record)) {
          parts.push(
            voice.staff
              ? `${whose} careers adviser still has to write up the advice from ${unwritten} ${plural(unwritten, 'meeting')}.`
              : `The notes from ${unwritten === 1 ? 'one of your meetings' : `${unwritten} of your meetings`} will be in your record soon.`,
          );
          stillToCome = true;
        }
        if (record.yearGroup === 11 || record.yearGroup === 13) {
          const next = record.yearGroup === 11 ? 'after Year 11' : 'after Year 13';
          const due = intendedDestinationDue(record.yearGroup, context);
          if (record.hasIntendedDestination)
            parts.push(voice.staff ? `${whose} intended destination is recorded.` : 'You have told us what you plan to do next.');
          else {
            stillToCome = true;
            if (voice.staff)
              parts.push(
                `${whose} intended destination (${next}) is not recorded: ${due ? 'due this spring term' : 'due by the spring term'}.`,
              );
            else
              parts.push(
                due
                  ? `Tell us what you plan to do ${next}: we need it this spring term.`
                  : `Tell us what you plan to do ${next} by the spring term.`,
              );
          }
        }
        if (parts.length === 0) {
          if (voice.staff)
            parts.push(
              record.completedMeetings.length > 0
                ? `${whose} careers adviser has written up every meeting.`
                : `${who} has no meetings waiting to be written up.`,
            );
          else
            parts.push(
              record.completedMeetings.length > 0
                ? 'The notes from every careers meeting are in your record.'
                : 'After each careers meeting, what you talked about and agreed will be in your record.',
            );
        }
        return { text: parts.join(' '), stillToCome };
      };
    case '5':
      return (record, context) => {
        const had = count(
          record,
          (e) => e.activity.kind === 'employer_encounter' && e.activity.meaningful && e.activity.date >= context.academicYear.start,
        );
        const yearEnds = formatUkDate(context.academicYear.end);
        if (voice.staff) {
          if (had >= 1) return { text: `${who} has had ${had} meaningful ${plural(had, 'encounter')} with employers this school year.` };
          return { text: `${who} has had 0 of 1 meaningful encounter with employers this school year, which ends on ${yearEnds}.` };
        }
        if (had >= 1) return { text: `You have met employers ${had} ${plural(had, 'time')} this school year.` };
        return {
          text:
            `Meet an employer at least once this school year (a talk, visit or workshop where you can ask questions); the ` +
            `year ends on ${yearEnds}.`,
        };
      };
    case '6':
      return lowerYears
        ? (record) => {
            const had = count(record, (e) => e.activity.kind === 'workplace_experience' && e.activity.meaningful);
            return { text: tally(voice, had, 2, { one: 'workplace experience', many: 'workplace experiences' }, 'by the end of Year 11') };
          }
        : (record) => {
            const had = count(record, (e) => e.activity.kind === 'workplace_experience' && e.activity.meaningful && POST_16(e));
            return {
              text: tally(
                voice,
                had,
                1,
                { one: 'workplace experience', many: 'workplace experiences', after: 'in the sixth form' },
                'by the end of Year 13',
              ),
            };
          };
    case '7':
      return lowerYears
        ? (record, _context, met) => {
            const isProvider = (e: AttendedActivity) => e.activity.kind === 'provider_encounter' && e.activity.providerType !== undefined;
            const seen = new Set(
              record.attended.flatMap((e) => (isProvider(e) && e.activity.meaningful ? [e.activity.providerType!] : [])),
            );
            if (met)
              return {
                text:
                  `${who} ${have} met all four kinds of place to study or train: a sixth form, a college, a university and an ` +
                  `apprenticeship provider.`,
              };
            // A kind the pupil went to but which did not count says why, so "still to come" never looks wrong.
            const triedOnly = new Set(
              record.attended.flatMap((e) => (isProvider(e) && !e.activity.meaningful ? [e.activity.providerType!] : [])),
            );
            const missing = PROVIDER_TYPES.filter((type) => !seen.has(type)).map((type) =>
              triedOnly.has(type) && !voice.staff
                ? `${PROVIDER_NAMES[type]} (you went to one; next time, ask them questions so it counts)`
                : PROVIDER_NAMES[type],
            );
            return {
              text:
                `${who} ${have} met ${seen.size} of 4 kinds of place to study or train by the end of Year 11; still to ` +
                `come: ${listOf(missing)}.`,
            };
          }
        : (record) => {
            const had = count(
              record,
              (e) =>
                e.activity.kind === 'provider_encounter' && e.activity.meaningful && e.activity.providerType === 'university' && POST_16(e),
            );
            return { text: tally(voice, had, 2, { one: 'university visit', many: 'university visits' }, 'by the end of Year 13') };
          };
    case '8': {
      const noun = voice.staff
        ? { one: 'guidance meeting', many: 'guidance meetings', after: 'with a careers adviser' }
        : { one: 'careers meeting', many: 'careers meetings', after: 'with an adviser' };
      return lowerYears
        ? (record) => ({ text: tally(voice, record.completedMeetings.length, 1, noun, 'by the end of Year 11') })
        : (record) => {
            const had = record.completedMeetings.filter((meeting) => meeting.yearGroupThen >= 12).length;
            return { text: tally(voice, had, 1, { ...noun, after: `${noun.after} in the sixth form` }, 'by the end of Year 13') };
          };
    }
    case 'PAL':
      return (record) => {
        const phase = providerAccessPhaseOf(record.yearGroup)!;
        const had = providerAccessEncounters(record).length;
        const optional = phase.attendanceMandatory
          ? ''
          : voice.staff
            ? ' Attendance is optional in this phase.'
            : ' Your school offers these; going is up to you.';
        const noun = { one: 'visit', many: 'visits', after: 'from colleges or apprenticeship providers' };
        return {
          text:
            tally(voice, had, PROVIDER_ACCESS_ENCOUNTERS_NEEDED, noun, `by the end of February in Year ${phase.lastYearGroup}`) + optional,
        };
      };
    default:
      return () => ({ text: '' });
  }
}

/** One line per benchmark rule that applies to the pupil's year group, in report order. */
export function pupilProgress(record: PupilRecord, context: RuleContext, voice: Voice = PUPIL_VOICE): ProgressLine[] {
  const lines: ProgressLine[] = [];
  for (const rule of PUPIL_RULES) {
    if (!rule.yearGroups.includes(record.yearGroup)) continue;
    if (rule.countsPupil && !rule.countsPupil(record)) continue;
    const met = rule.isMet(record, context);
    const described = describeRule(rule, voice)(record, context, met);
    lines.push({ benchmark: rule.benchmark, met, stillToCome: described.stillToCome ?? !met, text: described.text });
  }
  return lines;
}

export type NextStepKind = 'plans' | 'see_meeting' | 'book_meeting';

export interface NextStep {
  kind: NextStepKind;
  text: string;
}

/**
 * The pupil's one next step, from what they can do themselves, in this order: an intended
 * destination that is due now; a meeting already booked; a careers meeting still needed; an
 * intended destination due later; plans never told; otherwise keeping their plans current.
 */
export function pupilNextStep(
  record: PupilRecord,
  context: RuleContext,
  situation: { upcomingMeeting: boolean; hasPlans: boolean },
): NextStep {
  const finalYear = record.yearGroup === 11 || record.yearGroup === 13;
  const intendedOutstanding = finalYear && !record.hasIntendedDestination;
  const after = `after Year ${record.yearGroup}`;
  if (intendedOutstanding && intendedDestinationDue(record.yearGroup, context))
    return { kind: 'plans', text: `Tell us what you plan to do ${after}: we need it this spring term.` };
  if (situation.upcomingMeeting) return { kind: 'see_meeting', text: 'You have a careers meeting booked: check when and where it is.' };
  const meetingRule = PUPIL_RULES.find((rule) => rule.benchmark === '8' && rule.yearGroups.includes(record.yearGroup));
  if (meetingRule && !meetingRule.isMet(record, context)) return { kind: 'book_meeting', text: 'Book a careers meeting with an adviser.' };
  if (intendedOutstanding) return { kind: 'plans', text: `Tell us what you plan to do ${after} by the spring term.` };
  if (!situation.hasPlans) return { kind: 'plans', text: 'Tell us what you’d like to do one day.' };
  return { kind: 'plans', text: 'Keep your plans up to date whenever they change.' };
}
