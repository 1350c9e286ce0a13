import { type CardVerb, type MessageCommand, cardCommand, cardVerb } from '../../bot/route';
import { addSlots, availability, removeSlot, slotForm, slotFormFromMessage, slotsOnDay } from './availability-journey';
import { askCancel, cancelMeeting, confirmBooking, moveMeeting, myMeeting, pickSlot, showFreeSlots } from './booking-journey';
import { diary, recordForm, recordOutcome } from './diary-journey';
import { MEETING_VERBS } from './meeting-verbs';
import { acceptOffer, offerForm, requestForm, requestQueue, sendOffer, submitRequest } from './request-journey';
import { PUPILS, MEETING_ADVISERS } from './meeting-verbs';
import { ADD_SLOTS, BOOK_A_MEETING, MY_DIARY, MY_MEETING, MY_SLOTS, REQUESTS, REQUEST_A_MEETING } from './meeting-examples';

const end = String.raw`\s*[.!?]?\s*$`;

export const bookMeetingCommand = cardCommand({
  name: 'book a meeting',
  understood: BOOK_A_MEETING,
  pattern: new RegExp(
    String.raw`^\s*(book|make|arrange)\s+(a\s+|an\s+)?(careers?\s+|guidance\s+)*(meeting|appointment|interview)${end}`,
    'i',
  ),
  roles: PUPILS,
  help: {
    title: 'Book a careers meeting',
    description: 'Choose a time to talk to a careers adviser about what you might do next. Type “my meeting” to move or cancel it.',
    command: 'book a meeting',
  },
  answer: (turn) => showFreeSlots(turn),
});

export const requestMeetingCommand = cardCommand({
  name: 'request a meeting',
  understood: REQUEST_A_MEETING,
  pattern: new RegExp(String.raw`^\s*(request|ask\s+for)\s+(a\s+|an\s+)?(careers?\s+|guidance\s+)*(meeting|appointment)${end}`, 'i'),
  roles: PUPILS,
  help: {
    title: 'Ask for a meeting',
    description: 'If none of the free times suit you, say what you’d like help with and an adviser will offer you a time.',
    command: 'request a meeting',
  },
  answer: (turn) => requestForm(turn),
});

/** "my meeting(s)": a pupil's own meeting, or an adviser's diary. */
export const meetingsCommand = cardCommand({
  name: 'meetings',
  understood: MY_MEETING,
  pattern: new RegExp(String.raw`^\s*(my\s+)?(careers?\s+|guidance\s+)?(meetings?|appointments?)${end}`, 'i'),
  roles: [...PUPILS, ...MEETING_ADVISERS],
  // Advisers reach their meetings through "My diary"; this entry is the pupil's.
  help: {
    title: 'My meeting',
    description: 'See your careers meeting: when, where and with whom; move or cancel it.',
    command: 'my meeting',
    roles: PUPILS,
  },
  answer: (turn) => (turn.sender.person.role === 'pupil' ? myMeeting(turn) : diary(turn)),
});

export const diaryCommand = cardCommand({
  name: 'my diary',
  understood: MY_DIARY,
  pattern: new RegExp(String.raw`^\s*((my\s+)?diary|record\s+(the\s+|a\s+|my\s+)?meetings?)${end}`, 'i'),
  roles: MEETING_ADVISERS,
  help: {
    title: 'My diary',
    description: 'Today’s and upcoming guidance meetings, and those still to record (attended or missed, advice and agreed actions).',
    command: 'my diary',
  },
  answer: (turn) => diary(turn),
});

export const addSlotsCommand = cardCommand({
  name: 'add slots',
  understood: ADD_SLOTS,
  // "add slots thursday afternoon": the day and times after the command fill the form.
  pattern: new RegExp(String.raw`^\s*(add\s+(some\s+|more\s+)?(meeting\s+|free\s+)?(slots?|availability|times))(\s+.*)?${end}`, 'i'),
  roles: MEETING_ADVISERS,
  help: {
    title: 'Add meeting slots',
    description: 'Add times pupils can book, once or every week to the end of term.',
    command: 'add slots',
  },
  answer: (turn) => slotFormFromMessage(turn),
});

export const mySlotsCommand = cardCommand({
  name: 'my slots',
  understood: MY_SLOTS,
  pattern: new RegExp(String.raw`^\s*((my\s+)?(meeting\s+)?slots|(my\s+)?availability)${end}`, 'i'),
  roles: MEETING_ADVISERS,
  help: { title: 'My slots', description: 'See your bookable times by day and remove ones nobody has booked.', command: 'my slots' },
  answer: (turn) => availability(turn),
});

export const requestsCommand = cardCommand({
  name: 'requests',
  understood: REQUESTS,
  pattern: new RegExp(String.raw`^\s*((meeting|open)\s+)?requests${end}`, 'i'),
  roles: MEETING_ADVISERS,
  help: { title: 'Meeting requests', description: 'Pupils waiting for a meeting, oldest first; offer each a time.', command: 'requests' },
  answer: (turn) => requestQueue(turn),
});

export const MEETING_COMMANDS: readonly MessageCommand[] = [
  bookMeetingCommand,
  requestMeetingCommand,
  meetingsCommand,
  diaryCommand,
  addSlotsCommand,
  mySlotsCommand,
  requestsCommand,
];

export const MEETING_CARD_VERBS: readonly CardVerb[] = [
  // Pupils
  cardVerb({ verb: MEETING_VERBS.slots, roles: PUPILS, handle: (turn, data) => showFreeSlots(turn, data) }),
  cardVerb({ verb: MEETING_VERBS.pick, roles: PUPILS, handle: (turn, data) => pickSlot(turn, data) }),
  cardVerb({ verb: MEETING_VERBS.book, roles: PUPILS, handle: (turn, data) => confirmBooking(turn, data) }),
  cardVerb({ verb: MEETING_VERBS.mine, roles: PUPILS, handle: (turn) => myMeeting(turn) }),
  cardVerb({ verb: MEETING_VERBS.askCancel, roles: PUPILS, handle: (turn, data) => askCancel(turn, data) }),
  cardVerb({ verb: MEETING_VERBS.cancel, roles: PUPILS, handle: (turn, data) => cancelMeeting(turn, data) }),
  cardVerb({ verb: MEETING_VERBS.moveTo, roles: PUPILS, handle: (turn, data) => moveMeeting(turn, data) }),
  cardVerb({ verb: MEETING_VERBS.requestForm, roles: PUPILS, handle: (turn) => requestForm(turn) }),
  cardVerb({ verb: MEETING_VERBS.request, roles: PUPILS, handle: (turn, data) => submitRequest(turn, data) }),
  cardVerb({ verb: MEETING_VERBS.acceptOffer, roles: PUPILS, handle: (turn, data) => acceptOffer(turn, data) }),
  // Advisers and the careers leader
  cardVerb({ verb: MEETING_VERBS.diary, roles: MEETING_ADVISERS, handle: (turn) => diary(turn) }),
  cardVerb({ verb: MEETING_VERBS.slotForm, roles: MEETING_ADVISERS, handle: (turn) => slotForm(turn) }),
  cardVerb({ verb: MEETING_VERBS.addSlots, roles: MEETING_ADVISERS, handle: (turn, data) => addSlots(turn, data) }),
  cardVerb({ verb: MEETING_VERBS.availability, roles: MEETING_ADVISERS, handle: (turn, data) => availability(turn, data) }),
  cardVerb({ verb: MEETING_VERBS.day, roles: MEETING_ADVISERS, handle: (turn, data) => slotsOnDay(turn, data) }),
  cardVerb({ verb: MEETING_VERBS.removeSlot, roles: MEETING_ADVISERS, handle: (turn, data) => removeSlot(turn, data) }),
  cardVerb({ verb: MEETING_VERBS.requests, roles: MEETING_ADVISERS, handle: (turn) => requestQueue(turn) }),
  cardVerb({ verb: MEETING_VERBS.offerForm, roles: MEETING_ADVISERS, handle: (turn, data) => offerForm(turn, data) }),
  cardVerb({ verb: MEETING_VERBS.offer, roles: MEETING_ADVISERS, handle: (turn, data) => sendOffer(turn, data) }),
  cardVerb({ verb: MEETING_VERBS.recordForm, roles: MEETING_ADVISERS, handle: (turn, data) => recordForm(turn, data) }),
  cardVerb({ verb: MEETING_VERBS.recordOutcome, roles: MEETING_ADVISERS, handle: (turn, data) => recordOutcome(turn, data) }),
];
