import type { AdaptiveCard } from '@microsoft/teams-ai';
import { z } from 'zod/v4';
import type { Turn } from '../../bot/route';
import { reportForBenchmark, reportForYearGroup } from '../../domain/benchmarks';
import { latestDestinations } from '../../domain/leavers';
import type { Destination } from '../../domain/school';
import { schoolDateOf } from '../../domain/school-time';
import { pupilListCard, subjectListCard } from './pupil-list-cards';
import { gapsCard, reportCard } from './report-cards';
import { loadBenchmarkReport, loadEvaluation } from './report-store';
import { SETTINGS_ROLES } from '../settings/settings-verbs';
import { PLANNING_ROLES } from '../planning/planning-verbs';
import { activitiesWithFeedbackSince } from '../feedback/feedback-store';
import { FEEDBACK_RESULT_ROLES } from '../feedback/feedback-verbs';
import { academicYearOf } from '../../domain/calendar';
import { showData, pupilsData } from './report-verbs';
import { type ReportScope } from '../../domain/report-scope';

// The benchmark report in Teams: the same numbers as `npm run report`, each year-group row opening
// the pupils (or, for Benchmark 4, subjects) that do not meet it yet.

const NO_SUCH_ROW = 'That row isn’t in the report any more (no pupils in that year group count for it). Type “report” to see it afresh.';

/** The report, or as much of it as was asked for: one year group ("report Year 10"), SEND pupils ("report SEND"), or both. */
export async function showReport(turn: Turn, data: z.output<typeof showData> = {}): Promise<AdaptiveCard> {
  const asOf = data.asOf ?? schoolDateOf(turn.services.now());
  const scope: ReportScope = { yearGroup: data.yearGroup, group: data.group, benchmark: data.benchmark };
  const [{ report, settings }, withFeedback] = await Promise.all([
    loadScopedReport(turn, asOf, scope),
    activitiesWithFeedbackSince(turn.services, turn.sender.schoolId, academicYearOf(asOf).start),
  ]);
  const role = turn.sender.person.role;
  return reportCard(report, {
    canEditSettings: SETTINGS_ROLES.includes(role),
    schoolName: settings.schoolName,
    scope,
    canPlan: PLANNING_ROLES.includes(role),
    pupilFeedback: {
      activities: withFeedback.filter((activity) => activity.date <= asOf).length,
      canOpen: FEEDBACK_RESULT_ROLES.includes(role),
    },
  });
}

export async function showGaps(turn: Turn, data: z.output<typeof showData>): Promise<AdaptiveCard> {
  const asOf = data.asOf ?? schoolDateOf(turn.services.now());
  const scope: ReportScope = { yearGroup: data.yearGroup, group: data.group, benchmark: data.benchmark };
  const { report } = await loadScopedReport(turn, asOf, scope);
  return gapsCard(report, scope, { canPlan: PLANNING_ROLES.includes(turn.sender.person.role) });
}

async function loadScopedReport(turn: Turn, asOf: string, scope: ReportScope) {
  const loaded = await loadBenchmarkReport(turn.services, turn.sender.schoolId, asOf, scope.group);
  const forYear = scope.yearGroup === undefined ? loaded.report : reportForYearGroup(loaded.report, scope.yearGroup);
  return { ...loaded, report: scope.benchmark === undefined ? forYear : reportForBenchmark(forYear, scope.benchmark) };
}

export async function showPupils(turn: Turn, data: z.output<typeof pupilsData>): Promise<AdaptiveCard | string> {
  const { evaluation, data: school } = await loadEvaluation(turn.services, turn.sender.schoolId, data.asOf);
  const row = evaluation.rows.find((candidate) => candidate.benchmark === data.benchmark && candidate.yearGroup === data.yearGroup);
  if (!row) return NO_SUCH_ROW;
  if (row.benchmark === '4') return subjectListCard(data.asOf, data.yearGroup, row.total, row.unmetIds);
  const people = new Map(school.people.map((person) => [person.id, person]));
  const unmet = row.unmetIds.flatMap((id) => people.get(id) ?? []);
  // Benchmark 3 asks Years 11 and 13 for an intended destination: say which pupils have one.
  const intendedDestinations =
    row.benchmark === '3' && (data.yearGroup === 11 || data.yearGroup === 13)
      ? destinationNames(latestDestinations(school.destinations, 'intended', data.asOf))
      : undefined;
  return pupilListCard({
    asOf: data.asOf,
    benchmark: data.benchmark,
    yearGroup: data.yearGroup,
    total: row.total,
    unmet,
    filter: data.filter,
    offset: data.offset,
    intendedDestinations,
  });
}

function destinationNames(byPupil: ReadonlyMap<string, Destination>): Map<string, string> {
  return new Map([...byPupil].map(([pupilId, destination]) => [pupilId, destination.destination]));
}
