import type { AdaptiveCard } from '@microsoft/teams-ai';
import type { z } from 'zod/v4';
import type { Turn } from '../../bot/route';
import { schoolDateOf } from '../../domain/school-time';
import { executeAction } from '../../cards/adaptive-card';
import { ChangedUnderUsError } from '../../storage/school-collection';
import { saveAndFanOut } from './attendance-journey';
import { rosterPupils, storedAttendance } from './attendance-store';
import { GONE } from './encounter-journey';
import { loadActivity, mayChange } from './encounter-store';
import { alreadyTakenCard } from './plan-attendance-cards';
import { PLAN_ATTENDANCE_VERBS, type planSaveData } from './plan-attendance-verbs';

// Attendance from the plan: the planner's card lists the invited pupils; what they save is
// everyone listed and on roll that day, less those ticked absent. The first to take it owns it
// (the activity remembers who); anyone else is told it is taken, and a redelivery saves nothing twice.

const NOT_YOURS = 'Sorry, only whoever planned this activity, or the careers team, can take its attendance.';
const NOT_YET = 'This activity’s day hasn’t come yet, so there is no attendance to take.';
const BAD_TICKS = 'I couldn’t read who was ticked absent, so I didn’t save anything. Open attendance again with “attendance”.';

type PlanSave = z.output<typeof planSaveData>;

/** Positions ticked in the card's "Who was absent?" list, or undefined if the input is not that. */
function absentPositions(absent: string, listed: number): Set<number> | undefined {
  const parts = absent
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (!parts.every((part) => /^\d{1,5}$/.test(part) && Number(part) < listed)) return undefined;
  return new Set(parts.map(Number));
}

export async function saveAttendanceFromPlan(turn: Turn, data: PlanSave, afterConflict = false): Promise<AdaptiveCard | string> {
  const stored = await loadActivity(turn, data.activityId);
  if (!stored) return GONE;
  const activity = stored.item;
  if (!mayChange(turn, activity)) return NOT_YOURS;
  const today = schoolDateOf(turn.services.now());
  if (activity.date > today) return NOT_YET;
  const absent = absentPositions(data.absent, data.pupils.length);
  if (!absent) return BAD_TICKS;

  // Pupils who are not on roll that day (a roster correction since the card went) are not saved.
  const onRoll = new Set((await rosterPupils(turn, activity.date)).map((pupil) => pupil.id));
  const wanted = new Set(data.pupils.filter((id, index) => onRoll.has(id) && !absent.has(index)));
  const attendance = await storedAttendance(turn, activity.id);
  const me = turn.sender.person.id;
  const mine = activity.attendanceTakenBy === me;
  if (activity.attendanceTakenBy !== undefined && !mine) return alreadyTakenCard(activity, true);
  if (activity.attendanceTakenBy === undefined && attendance.pupilIds.length > 0) return alreadyTakenCard(activity, false);

  if (!mine) {
    // Claim it first, with the etag it was read with: of two people saving at once, one wins.
    try {
      await turn.services.school.collections.activities.replace(turn.sender.schoolId, { ...activity, attendanceTakenBy: me }, stored.etag);
    } catch (error) {
      if (error instanceof ChangedUnderUsError && !afterConflict) return saveAttendanceFromPlan(turn, data, true);
      throw error;
    }
  }
  // Saved already (a redelivered tap, or pressed again to finish): this writes only what a failed turn left.
  const retry = executeAction('Save again', PLAN_ATTENDANCE_VERBS.save, data);
  return saveAndFanOut(turn, { activity, stored: attendance, wanted, shown: wanted.size, updated: false, retry, retryPartSaved: retry });
}
