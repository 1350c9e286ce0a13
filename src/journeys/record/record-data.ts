import type { NextStep, ProgressLine } from '../../domain/pupil-progress';
import type { Activity, IsoDate, Meeting, Person, SchoolData } from '../../domain/school';

// What a pupil's record card shows; record-store.ts reads it (the cards take this shape, not the store).

/** Everything one pupil's careers record shows, read for that pupil only. */
export interface PupilRecordData {
  pupil: Person;
  asOf: IsoDate;
  /** Attended activities dated on or before today, newest first. */
  attended: Activity[];
  meetings: Meeting[];
  destinations: SchoolData['destinations'];
  /** Undefined when the pupil has no year group from 7 to 13. */
  progress?: ProgressLine[];
  /** The pupil's one next step; undefined when there is no progress to judge. */
  nextStep?: NextStep;
  advisers: Map<string, Person>;
}
