import { z } from 'zod/v4';
import { optionalText, typedText } from '../../cards/card-fields';
import { defineVerb, NO_DATA } from '../../cards/card-verb';
import type { Role } from '../../domain/school';

// Every card verb of the meeting journeys, with the data its buttons send, so cards and routes agree.

// Pupils book guidance meetings (Benchmark 8); careers advisers, and the careers leader for
// any adviser, run the diary. Meetings in meetings.csv may name either as the adviser.
export const PUPILS: readonly Role[] = ['pupil'];
/** Who runs the diary: offers times and records meetings. */
export const MEETING_ADVISERS: readonly Role[] = ['careers_adviser', 'careers_leader'];

export const slotKeyField = z.string().regex(/^[A-Za-z0-9_.\-@~|]{1,200}$/, 'slot key');
export const meetingIdField = z.string().min(1).max(50);
const dateTimeField = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
export const slotsData = z.object({ meetingId: meetingIdField.optional(), from: dateTimeField.optional() });
export const pickData = z.object({ slotKey: slotKeyField, meetingId: meetingIdField.optional() });
export const bookData = z.object({ slotKey: slotKeyField, topic: typedText(4000) });
export const meetingIdData = z.object({ meetingId: meetingIdField });
export const moveToData = z.object({ meetingId: meetingIdField, slotKey: slotKeyField });

const isoDateField = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const slotFormData = z.object({
  adviserId: optionalText(50),
  date: optionalText(20),
  start: optionalText(20),
  end: optionalText(20),
  length: optionalText(10),
  placeKind: optionalText(20),
  room: typedText(400),
  repeat: optionalText(20),
});
export const availabilityData = z.object({ from: isoDateField.optional() });
export const dayData = z.object({ date: isoDateField });
export const removeSlotData = z.object({ slotKey: slotKeyField });

export const recordFormData = z.object({ meetingId: meetingIdField });
export const recordData = z.object({
  meetingId: meetingIdField,
  outcome: optionalText(20),
  advice: typedText(8000, { multiline: true }),
  who1: optionalText(40),
  what1: typedText(1000),
  by1: optionalText(20),
  who2: optionalText(40),
  what2: typedText(1000),
  by2: optionalText(20),
  who3: optionalText(40),
  what3: typedText(1000),
  by3: optionalText(20),
});

export const requestData = z.object({ reason: typedText(4000), preferredTimes: typedText(4000) });
export const requestIdData = z.object({ requestId: meetingIdField });
export const offerData = z.object({
  requestId: meetingIdField,
  slotKey: z
    .union([slotKeyField, z.literal('')])
    .optional()
    .default(''),
});

export const MEETING_VERBS = {
  // Pupils
  slots: defineVerb('meeting.slots', slotsData),
  pick: defineVerb('meeting.pick', pickData),
  book: defineVerb('meeting.book', bookData),
  mine: defineVerb('meeting.mine', NO_DATA),
  askCancel: defineVerb('meeting.askCancel', meetingIdData),
  cancel: defineVerb('meeting.cancel', meetingIdData),
  moveTo: defineVerb('meeting.moveTo', moveToData),
  requestForm: defineVerb('meeting.requestForm', NO_DATA),
  request: defineVerb('meeting.request', requestData),
  acceptOffer: defineVerb('meeting.acceptOffer', requestIdData),
  // Advisers and the careers leader
  diary: defineVerb('diary.show', NO_DATA),
  slotForm: defineVerb('slots.form', NO_DATA),
  addSlots: defineVerb('slots.add', slotFormData),
  availability: defineVerb('slots.list', availabilityData),
  day: defineVerb('slots.day', dayData),
  removeSlot: defineVerb('slots.remove', removeSlotData),
  requests: defineVerb('requests.list', NO_DATA),
  offerForm: defineVerb('requests.offerForm', requestIdData),
  offer: defineVerb('requests.offer', offerData),
  recordForm: defineVerb('meeting.recordForm', recordFormData),
  recordOutcome: defineVerb('meeting.record', recordData),
} as const;
