import { odata, type TransactionAction } from '@azure/data-tables';
import type { Turn } from '../../bot/route';
import { onRollOn, type Attendance, type IsoDate, type Person } from '../../domain/school';
import { attendanceCodec } from '../../storage/school-codecs';
import { auditChange } from './encounter-store';

export interface AttendanceChange {
  added: number;
  removed: number;
}

/** The pupils on roll on the activity's day (Years 7-13 matter; anyone else cannot attend). */
export async function rosterPupils(turn: Turn, activityDate: IsoDate): Promise<Person[]> {
  const pupils = await turn.services.school.collections.people.list(turn.sender.schoolId, odata`role eq 'pupil'`);
  return pupils.filter(
    (pupil) => pupil.yearGroup !== undefined && pupil.yearGroup >= 7 && pupil.yearGroup <= 13 && onRollOn(pupil, activityDate),
  );
}

/** Pupil ids with an attendance row for the activity. */
export async function storedAttendees(turn: Turn, activityId: string): Promise<string[]> {
  const rows = await turn.services.school.collections.attendance.listPartition(turn.sender.schoolId, activityId);
  return rows.map((row) => row.pupilId);
}

/**
 * Makes the activity's attendance exactly `wanted`: new rows and removals each go in batched
 * transactions (100 a time), so a 200-pupil assembly is a handful of requests, not 200.
 */
export async function saveAttendance(
  turn: Turn,
  activityId: string,
  stored: readonly string[],
  wanted: ReadonlySet<string>,
): Promise<AttendanceChange> {
  const { schoolId } = turn.sender;
  const before = new Set(stored);
  const existing: Attendance[] = stored.map((pupilId) => ({ activityId, pupilId }));
  const additions: Attendance[] = [...wanted].filter((pupilId) => !before.has(pupilId)).map((pupilId) => ({ activityId, pupilId }));
  const removals = stored.filter((pupilId) => !wanted.has(pupilId));
  if (additions.length > 0) await turn.services.school.collections.attendance.upsertAll(schoolId, additions, existing);
  if (removals.length > 0) {
    const attendance = turn.services.school.collections.attendance;
    const deletes: TransactionAction[] = removals.map((pupilId) => [
      'delete',
      {
        partitionKey: attendance.partitionKeyOf(schoolId, { activityId, pupilId }),
        rowKey: attendanceCodec.rowKey({ activityId, pupilId }),
      },
    ]);
    await turn.services.storage.submitInBatches(turn.services.storage.table('attendance', schoolId), deletes);
  }
  if (additions.length > 0 || removals.length > 0) {
    // Ids and counts only: who attended is in the table, not in the audit trail.
    await auditChange(
      turn,
      stored.length === 0 ? 'attendance.record' : 'attendance.edit',
      `${activityId}:+${additions.length}-${removals.length}`,
    );
  }
  return { added: additions.length, removed: removals.length };
}
