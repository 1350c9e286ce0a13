// A pupil's own view of the benchmarks: for each rule that applies to their year group, one
// plain-English line of what they have had and what is still to come. The verdict comes from
// the benchmark engine's own rules, so this line never disagrees with the school's report.

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

const POST_16 = (entry: AttendedActivity) => entry.yearGroupThen >= 12;
const plural = (n: number, one: string, many = `${one}s`) => (n === 1 ? one : many);

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
function tally(had: number, needed: number, noun: Noun, deadline: string): string {
  const after = noun.after ? ` ${noun.after}` : '';
  if (had >= needed) return `You have had ${had} ${had === 1 ? noun.one : noun.many}${after} (${needed} needed ${deadline}).`;
  return `You have had ${had} of ${needed} ${needed === 1 ? noun.one : noun.many}${after} ${deadline}.`;
}

type Describe = (record: PupilRecord, context: RuleContext, met: boolean) => { text: string; stillToCome?: boolean };

function describeRule(rule: PupilRule): Describe {
  const lowerYears = rule.yearGroups[0]! <= 11;
  switch (rule.benchmark) {
    case '2':
      return (record, _context, met) => {
        const keyStage = keyStageOf(record.yearGroup);
        return {
          text: met
            ? `You have used careers and job-market information in Key Stage ${keyStage}.`
            : `Use careers and job-market information at least once before the end of Year ${finalYearOfKeyStage(record.yearGroup)} (Key Stage ${keyStage}).`,
        };
      };
    case '3':
      return (record, context) => {
        const unwritten = record.completedMeetings.filter((meeting) => !meeting.hasNotes).length;
        const parts: string[] = [];
        let stillToCome = false;
        if (!meetingNotesComplete(record)) {
          parts.push(`Your careers adviser still has to write up the advice from ${unwritten} ${plural(unwritten, 'meeting')}.`);
          stillToCome = true;
        }
        if (record.yearGroup === 11 || record.yearGroup === 13) {
          const next = record.yearGroup === 11 ? 'after Year 11' : 'after Year 13';
          if (record.hasIntendedDestination) parts.push('Your intended destination is recorded.');
          else {
            stillToCome = true;
            parts.push(
              intendedDestinationDue(record.yearGroup, context)
                ? `Record your intended destination (what you plan to do ${next}) now: it is due this spring term.`
                : `Record your intended destination (what you plan to do ${next}) by the spring term.`,
            );
          }
        }
        if (parts.length === 0) parts.push('Your careers record is up to date.');
        return { text: parts.join(' '), stillToCome };
      };
    case '5':
      return (record, context) => {
        const had = count(record, (e) => e.activity.kind === 'employer_encounter' && e.activity.meaningful && e.activity.date >= context.academicYear.start);
        if (had >= 1) return { text: `You have had ${had} meaningful ${plural(had, 'encounter')} with employers this school year.` };
        return { text: `You have had 0 of 1 meaningful encounter with employers this school year, which ends on ${formatUkDate(context.academicYear.end)}.` };
      };
    case '6':
      return lowerYears
        ? (record) => {
            const had = count(record, (e) => e.activity.kind === 'workplace_experience' && e.activity.meaningful);
            return { text: tally(had, 2, { one: 'workplace experience', many: 'workplace experiences' }, 'by the end of Year 11') };
          }
        : (record) => {
            const had = count(record, (e) => e.activity.kind === 'workplace_experience' && e.activity.meaningful && POST_16(e));
            return { text: tally(had, 1, { one: 'workplace experience', many: 'workplace experiences', after: 'in the sixth form' }, 'by the end of Year 13') };
          };
    case '7':
      return lowerYears
        ? (record, _context, met) => {
            const seen = new Set(
              record.attended.flatMap((e) => (e.activity.kind === 'provider_encounter' && e.activity.meaningful && e.activity.providerType ? [e.activity.providerType] : [])),
            );
            if (met) return { text: 'You have met all four kinds of place to study or train: a sixth form, a college, a university and an apprenticeship provider.' };
            const missing = PROVIDER_TYPES.filter((type) => !seen.has(type)).map((type) => PROVIDER_NAMES[type]);
            return { text: `You have met ${seen.size} of 4 kinds of place to study or train by the end of Year 11; still to come: ${listOf(missing)}.` };
          }
        : (record) => {
            const had = count(record, (e) => e.activity.kind === 'provider_encounter' && e.activity.meaningful && e.activity.providerType === 'university' && POST_16(e));
            return { text: tally(had, 2, { one: 'university visit', many: 'university visits' }, 'by the end of Year 13') };
          };
    case '8':
      return lowerYears
        ? (record) => {
            const had = record.completedMeetings.length;
            return { text: tally(had, 1, { one: 'guidance meeting', many: 'guidance meetings', after: 'with a careers adviser' }, 'by the end of Year 11') };
          }
        : (record) => {
            const had = record.completedMeetings.filter((meeting) => meeting.yearGroupThen >= 12).length;
            return { text: tally(had, 1, { one: 'guidance meeting', many: 'guidance meetings', after: 'with a careers adviser in the sixth form' }, 'by the end of Year 13') };
          };
    case 'PAL':
      return (record) => {
        const phase = providerAccessPhaseOf(record.yearGroup)!;
        const had = providerAccessEncounters(record).length;
        const optional = phase.attendanceMandatory ? '' : ' Your school offers these; going is up to you.';
        const noun = { one: 'visit', many: 'visits', after: 'from colleges or apprenticeship providers' };
        return { text: `${tally(had, PROVIDER_ACCESS_ENCOUNTERS_NEEDED, noun, `by the end of February in Year ${phase.lastYearGroup}`)}${optional}` };
      };
    default:
      return () => ({ text: '' });
  }
}

/** One line per benchmark rule that applies to the pupil's year group, in report order. */
export function pupilProgress(record: PupilRecord, context: RuleContext): ProgressLine[] {
  const lines: ProgressLine[] = [];
  for (const rule of PUPIL_RULES) {
    if (!rule.yearGroups.includes(record.yearGroup)) continue;
    if (rule.countsPupil && !rule.countsPupil(record)) continue;
    const met = rule.isMet(record, context);
    const described = describeRule(rule)(record, context, met);
    lines.push({ benchmark: rule.benchmark, met, stillToCome: described.stillToCome ?? !met, text: described.text });
  }
  return lines;
}
