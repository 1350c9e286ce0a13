// Benchmark 4: every subject links its curriculum to careers for every year group that takes it,
// every academic year. One grid serves both the report's Benchmark 4 rows and the teacher
// coverage card, so the two can never disagree.

import { academicYearOf, type AcademicYear } from '../calendar';
import { fullName, onRollOn, subjectKey, type CurriculumLink, type IsoDate, type SchoolData } from '../school';
import { FIRST_YEAR_GROUP, LAST_YEAR_GROUP } from './pupil-records';
import type { EvaluatedRow } from './types';

export interface CoverageCell {
  yearGroup: number;
  /** Links logged for this subject and year group in the academic year, up to the as-of date. */
  links: number;
}

export interface CoverageSubject {
  /** As curriculum.csv spells it. */
  subject: string;
  /** subjectKey(subject): how links are matched to it. */
  key: string;
  /** One cell per year group (7-13) that takes the subject, ascending. */
  cells: CoverageCell[];
}

export interface CoverageGap {
  subject: string;
  /** subjectKey(subject). */
  key: string;
  yearGroup: number;
}

export interface TeacherWithoutLinks {
  teacherId: string;
  name: string;
  subjects: string[];
}

export interface CurriculumCoverage {
  asOf: IsoDate;
  academicYear: AcademicYear;
  /** In curriculum.csv order. */
  subjects: CoverageSubject[];
  /** Subject and year-group pairs with no link yet, by year group then curriculum order. */
  gaps: CoverageGap[];
  /** Staff with subjects on the roster who have logged no link at all this academic year. */
  teachersWithoutLinks: TeacherWithoutLinks[];
  /** Links this year for pairs curriculum.csv does not list: accepted, but they do not count. */
  linksOutsideCurriculum: number;
}

const pairKey = (key: string, yearGroup: number) => `${yearGroup}\u0000${key}`;

/** Whether a link counts in the coverage as of a day: logged this academic year, on or before that day. */
function countsOn(link: Pick<CurriculumLink, 'date'>, asOf: IsoDate): boolean {
  return link.date >= academicYearOf(asOf).start && link.date <= asOf;
}

/** How many links one teacher has logged this academic year up to `asOf`: their own total on the coverage card. */
export function linksLoggedBy(links: readonly CurriculumLink[], teacherId: string, asOf: IsoDate): number {
  return links.filter((link) => link.teacherId === teacherId && countsOn(link, asOf)).length;
}

export function curriculumCoverage(data: SchoolData, asOf: IsoDate): CurriculumCoverage {
  const academicYear = academicYearOf(asOf);

  // Merge repeated subject names (case or spacing differences) into one subject.
  const subjects: CoverageSubject[] = [];
  const subjectsByKey = new Map<string, { subject: CoverageSubject; years: Set<number> }>();
  for (const entry of data.curriculum) {
    const key = subjectKey(entry.subject);
    if (key === '') continue;
    let found = subjectsByKey.get(key);
    if (!found) {
      found = { subject: { subject: entry.subject.trim(), key, cells: [] }, years: new Set() };
      subjectsByKey.set(key, found);
      subjects.push(found.subject);
    }
    for (const yearGroup of entry.yearGroups) {
      if (yearGroup >= FIRST_YEAR_GROUP && yearGroup <= LAST_YEAR_GROUP) found.years.add(yearGroup);
    }
  }

  const linkCounts = new Map<string, number>();
  const teachersWhoLogged = new Set<string>();
  for (const link of data.links) {
    if (!countsOn(link, asOf)) continue;
    teachersWhoLogged.add(link.teacherId);
    const key = pairKey(subjectKey(link.subject), link.yearGroup);
    linkCounts.set(key, (linkCounts.get(key) ?? 0) + 1);
  }

  let linksCounted = 0;
  for (const { subject, years } of subjectsByKey.values()) {
    subject.cells = [...years]
      .sort((a, b) => a - b)
      .map((yearGroup) => ({ yearGroup, links: linkCounts.get(pairKey(subject.key, yearGroup)) ?? 0 }));
    for (const cell of subject.cells) linksCounted += cell.links;
  }
  let linksThisYear = 0;
  for (const count of linkCounts.values()) linksThisYear += count;

  const gaps: CoverageGap[] = [];
  for (let yearGroup = FIRST_YEAR_GROUP; yearGroup <= LAST_YEAR_GROUP; yearGroup++) {
    for (const subject of subjects) {
      if (subject.cells.some((cell) => cell.yearGroup === yearGroup && cell.links === 0)) {
        gaps.push({ subject: subject.subject, key: subject.key, yearGroup });
      }
    }
  }

  const teachersWithoutLinks: TeacherWithoutLinks[] = data.people
    .filter(
      (person) => person.role !== 'pupil' && person.subjects.length > 0 && onRollOn(person, asOf) && !teachersWhoLogged.has(person.id),
    )
    .map((person) => ({ teacherId: person.id, name: fullName(person), subjects: [...person.subjects] }));

  return {
    asOf,
    academicYear,
    subjects,
    gaps,
    teachersWithoutLinks,
    linksOutsideCurriculum: linksThisYear - linksCounted,
  };
}

/** Benchmark 4 rows: per year group, the subjects taught to it that have (or lack) a link. */
export function curriculumRows(coverage: CurriculumCoverage): EvaluatedRow[] {
  const rows: EvaluatedRow[] = [];
  for (let yearGroup = FIRST_YEAR_GROUP; yearGroup <= LAST_YEAR_GROUP; yearGroup++) {
    const metIds: string[] = [];
    const unmetIds: string[] = [];
    for (const subject of coverage.subjects) {
      const cell = subject.cells.find((c) => c.yearGroup === yearGroup);
      if (cell) (cell.links > 0 ? metIds : unmetIds).push(subject.subject);
    }
    const total = metIds.length + unmetIds.length;
    // Planned activities do not link a subject to careers: nothing here is planned.
    if (total > 0)
      rows.push({
        benchmark: '4',
        yearGroup,
        met: metIds.length,
        planned: 0,
        unplanned: unmetIds.length,
        total,
        metIds,
        unmetIds,
        plannedIds: [],
      });
  }
  return rows;
}
