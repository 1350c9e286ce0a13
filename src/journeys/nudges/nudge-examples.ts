import type { Understanding } from '../../bot/route';

// How people ask Waypoint to stop nudging them (nudge-routes.ts). Stopping changes what they get,
// so free text only offers it as a button.

export const STOP_NUDGES: Understanding = {
  offerOnly: true,
  button: { title: 'Stop reminders', command: 'stop' },
  examples: [
    'stop messaging me',
    'stop sending me reminders',
    'no more nudges',
    'leave me alone',
    'stop the reminders please',
    'i dont want any more messages',
    'turn off notifications',
    'stop reminding me',
    'unsubscribe me',
    'too many messages',
    'stop spamming me',
    'can you stop the nudges',
    'dont remind me anymore',
    'opt out of reminders',
    'mute waypoint',
    'stop',
    'stop reminders',
    'stop messages',
    'stop nudges',
    'stop nudging me',
    'i dont want reminders',
    'please stop',
    'stop texting me',
    'enough messages',
    'no more reminders please',
    'switch off reminders',
    'turn off reminders',
  ],
};
