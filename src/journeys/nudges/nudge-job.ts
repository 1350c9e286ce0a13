import { adaptiveCard, executeAction, heading, textBlock } from '../../cards/adaptive-card';
import { evaluateBenchmarks } from '../../domain/benchmarks/evaluate';
import { isSchoolDay, termDatesCovering } from '../../domain/calendar';
import { halfTermOf, springTermStart } from '../../domain/nudge-periods';
import { onRollOn, type SchoolData } from '../../domain/school';
import { schoolDateTimeOf } from '../../domain/school-time';
import type { SchoolSettings } from '../../domain/school-settings';
import type { SchoolJob } from '../../scheduling/school-jobs';
import type { Services } from '../../services';
import { MEETING_VERBS } from '../meetings/meeting-verbs';
import { hasOptedOut, schoolsWithSettings } from './nudge-store';
import { LINK_VERBS } from '../links/link-verbs';

// Nudges beyond the careers leader, only with their consent (school settings): teachers with no
// careers link this term, once per half-term; Year 11 and 13 pupils without a guidance meeting,
// once in the spring term. Anyone who says "stop" is never nudged again.

const FIRST_HOUR = 8;
const LAST_HOUR = 16;

export const nudgeJob: SchoolJob<number> = {
  name: 'nudges',
  schools: schoolsWithSettings,
  runForSchool: async (services, schoolId, now) => {
    const local = schoolDateTimeOf(now);
    const hour = Number(local.slice(11, 13));
    if (hour < FIRST_HOUR || hour > LAST_HOUR) return 0;
    const { settings } = await services.settings.get(schoolId);
    if (!settings.nudgeTeachers && !settings.nudgePupils) return 0;
    return nudgeSchool(services, schoolId, settings, local.slice(0, 10));
  },
};

async function nudgeSchool(services: Services, schoolId: string, settings: SchoolSettings, today: string): Promise<number> {
  const terms = termDatesCovering(today, today, settings.termDates);
  if (!isSchoolDay(today, terms)) return 0;
  const data = await services.school.load(schoolId);
  let queued = 0;
  if (settings.nudgeTeachers) queued += await nudgeTeachersWithoutLinks(services, schoolId, data, today, halfTermOf(today, terms));
  const spring = springTermStart(today, terms);
  if (settings.nudgePupils && spring) queued += await nudgePupilsWithoutMeetings(services, schoolId, data, settings, today, spring);
  return queued;
}

async function nudgeTeachersWithoutLinks(
  services: Services,
  schoolId: string,
  data: SchoolData,
  today: string,
  half: ReturnType<typeof halfTermOf>,
): Promise<number> {
  if (!half) return 0;
  const logged = new Set(data.links.filter((link) => link.date >= half.termStart && link.date <= today).map((link) => link.teacherId));
  let queued = 0;
  for (const teacher of data.people.filter(
    (person) => person.role === 'teacher' && person.subjects.length > 0 && onRollOn(person, today) && !logged.has(person.id),
  )) {
    if (await hasOptedOut(services, schoolId, teacher.id)) continue;
    const outcome = await services.outbox.enqueue({
      schoolId,
      key: `nudge-teacher:${teacher.id}:${half.start}`,
      to: { kind: 'person', personId: teacher.id },
      card: adaptiveCard(
        [
          heading(`A careers link for ${teacher.subjects[0]}?`),
          textBlock(
            'You haven’t logged a careers link this term yet. If a lesson touched on jobs or careers, it takes under 30 ' +
              'seconds: one line like “Y9 maths: ratio -> nurse”.',
          ),
          textBlock('Say “stop” and I won’t send these again.', { subtle: true }),
        ],
        [executeAction('Log a link', LINK_VERBS.start, { subject: teacher.subjects[0] })],
      ),
    });
    if (outcome === 'queued') queued++;
  }
  return queued;
}

async function nudgePupilsWithoutMeetings(
  services: Services,
  schoolId: string,
  data: SchoolData,
  settings: SchoolSettings,
  today: string,
  springStart: string,
): Promise<number> {
  const rows = evaluateBenchmarks(data, today, settings).rows.filter((row) => row.benchmark === '8');
  const waiting = rows.flatMap((row) => row.unmetIds);
  let queued = 0;
  for (const pupilId of waiting) {
    if (await hasOptedOut(services, schoolId, pupilId)) continue;
    const outcome = await services.outbox.enqueue({
      schoolId,
      key: `nudge-pupil:${pupilId}:${springStart}`,
      to: { kind: 'person', personId: pupilId },
      card: adaptiveCard(
        [
          heading('Time for a careers chat?'),
          textBlock(
            'You haven’t had a personal guidance meeting with the careers adviser yet. It’s a one-to-one chat about what ' +
              'you might do next, and it only takes a couple of taps to book.',
          ),
          textBlock('Say “stop” and I won’t send these again.', { subtle: true }),
        ],
        [executeAction('Book a meeting', MEETING_VERBS.slots, {})],
      ),
    });
    if (outcome === 'queued') queued++;
  }
  return queued;
}
