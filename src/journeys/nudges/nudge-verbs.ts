// Every card verb of the nudges, in one place so cards and routes agree.
export const MESSAGE_TEACHERS_VERBS = {
  preview: 'digest.nudge',
  send: 'digest.nudge.send',
  cancel: 'digest.nudge.cancel',
} as const;
