import { reminderWindow, remindsPupil } from '../../domain/agreed-actions';
import { onRollOn } from '../../domain/school';
import { instantOfSchoolTime, schoolDateTimeOf } from '../../domain/school-time';
import { type SchoolJob } from '../../scheduling/school-jobs';
import type { Services } from '../../services';
import { hasOptedOut } from '../nudges/nudge-store';
import { actionReminderCard } from './action-cards';
import { openActionsDueFilter } from './action-store';

// The hourly check's reminders of agreed actions: a pupil hears about each open action of their
// own side a few days before it falls due, once (the message key names the action). "stop"
// covers these, as it covers every reminder to do something; leavers get none.

/** As the meeting reminders: a run before this school-local time holds pupils' reminders back until then. */
const PUPIL_REMINDERS_FROM = '08:00';

function dueSoon(local: string): string {
  const window = reminderWindow(local.slice(0, 10));
  return openActionsDueFilter(window.from, window.to);
}

export const actionReminderJob: SchoolJob<number> = {
  name: 'action-reminders',
  schools: (services, now) => services.storage.schoolsHolding('agreedActions', () => dueSoon(schoolDateTimeOf(now))),
  runForSchool: remindOfActions,
};

/** Queues each due-soon action's reminder once; returns how many were queued now. */
export async function remindOfActions(services: Services, schoolId: string, now: Date): Promise<number> {
  const local = schoolDateTimeOf(now);
  const today = local.slice(0, 10);
  const notBefore =
    local.slice(11, 16) < PUPIL_REMINDERS_FROM ? instantOfSchoolTime(`${today}T${PUPIL_REMINDERS_FROM}`).toISOString() : undefined;
  const actions = (await services.meetingTables.actions.list(schoolId, dueSoon(local))).filter((action) => remindsPupil(action, today));
  let queued = 0;
  for (const action of actions) {
    const pupil = await services.school.getPerson(schoolId, action.pupilId);
    if (!pupil || !onRollOn(pupil, today)) continue;
    if (await hasOptedOut(services, schoolId, pupil.id)) continue;
    const outcome = await services.outbox.enqueue({
      schoolId,
      key: `action-reminder:${action.id}`,
      to: { kind: 'person', personId: action.pupilId },
      card: actionReminderCard(action, today),
      ...(notBefore ? { notBefore } : {}),
    });
    if (outcome === 'queued') queued++;
  }
  if (queued > 0) services.log.info('actions.reminders_queued', { schoolId, count: queued });
  return queued;
}
