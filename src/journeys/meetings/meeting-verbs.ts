import type { Role } from '../../domain/school';

// Pupils book guidance meetings (Benchmark 8); careers advisers, and the careers leader for
// any adviser, run the diary. Meetings in meetings.csv may name either as the adviser.
export const PUPILS: readonly Role[] = ['pupil'];
/** Who runs the diary: offers times and records meetings. */
export const MEETING_ADVISERS: readonly Role[] = ['careers_adviser', 'careers_leader'];

// Every card verb of the meeting journeys, in one place so cards and routes agree.
export const MEETING_VERBS = {
  // Pupils
  slots: 'meeting.slots',
  pick: 'meeting.pick',
  book: 'meeting.book',
  mine: 'meeting.mine',
  askCancel: 'meeting.askCancel',
  cancel: 'meeting.cancel',
  moveTo: 'meeting.moveTo',
  requestForm: 'meeting.requestForm',
  request: 'meeting.request',
  acceptOffer: 'meeting.acceptOffer',
  // Advisers and the careers leader
  diary: 'diary.show',
  slotForm: 'slots.form',
  addSlots: 'slots.add',
  availability: 'slots.list',
  day: 'slots.day',
  removeSlot: 'slots.remove',
  requests: 'requests.list',
  offerForm: 'requests.offerForm',
  offer: 'requests.offer',
  recordForm: 'meeting.recordForm',
  recordOutcome: 'meeting.record',
} as const;
