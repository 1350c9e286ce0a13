// When each gap is due, and how many school weeks are left before then.

import {
  academicYearStarting,
  endOfYearGroup,
  isoDate,
  keyStageOf,
  schoolWeeksBetween,
  termDatesCovering,
  termOfAcademicYear,
  yearGroupsOfKeyStage,
  type TermDates,
} from '../calendar';
import type { IsoDate } from '../school';
import type { SchoolSettings } from '../school-settings';
import { weeksLeftPhrase } from './gap-wording';
import type { RuleContext } from './rules';

export interface Timing {
  deadline: IsoDate;
  /** School weeks from the as-of date to the deadline; 0 once it has passed. */
  weeksLeft: number;
  /** The same, in words for the nudge: "16 school weeks left before the end of Year 9". */
  weeks: string;
}

/** Deadlines seen from one as-of date, with the school weeks left before each worked out once. */
export class DeadlineClock {
  readonly context: RuleContext;
  readonly terms: TermDates;
  private readonly weeksCache = new Map<IsoDate, number>();

  constructor(context: RuleContext, school: SchoolSettings) {
    this.context = context;
    // The furthest deadline is the end of Year 9 for today's Year 7: two academic years on.
    const furthest = academicYearStarting(context.academicYear.startYear + 2).end;
    this.terms = termDatesCovering(context.asOf, furthest, school.termDates);
  }

  get asOf(): IsoDate {
    return this.context.asOf;
  }

  /** The last day of this academic year's summer term: 31 August is in the holiday. */
  get yearEnd(): IsoDate {
    return this.lastSchoolDayOfYearEnding(this.context.academicYear.end);
  }

  /**
   * An academic year's end (31 August) as the last day of its summer term, from the school's term
   * dates; 31 August itself once that term is over, so a deadline does not pass in the holiday.
   */
  lastSchoolDayOfYearEnding(yearEnd: IsoDate): IsoDate {
    const summerEnd = termOfAcademicYear('summer', yearEnd, this.terms)?.end;
    return summerEnd !== undefined && summerEnd >= this.asOf ? summerEnd : yearEnd;
  }

  /** The last day of this academic year's spring term (31 March if the school has none). */
  get springTermEnd(): IsoDate {
    return termOfAcademicYear('spring', this.asOf, this.terms)?.end ?? isoDate(this.context.academicYear.startYear + 1, 3, 31);
  }

  weeksLeft(deadline: IsoDate): number {
    let weeks = this.weeksCache.get(deadline);
    if (weeks === undefined) {
      weeks = deadline < this.asOf ? 0 : schoolWeeksBetween(this.asOf, deadline, this.terms);
      this.weeksCache.set(deadline, weeks);
    }
    return weeks;
  }

  /** `before` ends the phrase, e.g. "before the end of the spring term". */
  timing(deadline: IsoDate, before?: string): Timing {
    const weeksLeft = this.weeksLeft(deadline);
    return { deadline, weeksLeft, weeks: weeksLeftPhrase(weeksLeft, deadline, this.asOf, before) };
  }

  /** "By the end of Year N" for a pupil now in `yearGroup`. */
  endOfYear(yearGroup: number, targetYearGroup: number): Timing {
    const deadline = this.lastSchoolDayOfYearEnding(endOfYearGroup(yearGroup, targetYearGroup, this.asOf));
    return this.timing(deadline, targetYearGroup > yearGroup ? `before the end of Year ${targetYearGroup}` : undefined);
  }
}

export function finalYearOfKeyStage(yearGroup: number): number {
  const keyStage = keyStageOf(yearGroup);
  return keyStage ? Math.max(...yearGroupsOfKeyStage(keyStage)) : yearGroup;
}
