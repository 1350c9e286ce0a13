import { type CardVerb, type MessageCommand, cardCommand, cardVerb } from '../../bot/route';
import { openCalendar, saveCalendar } from './calendar-journey';
import { openSettings, saveSettings } from './settings-journey';
import { SCHOOL_CALENDAR_VERBS, SETTINGS_ROLES, SETTINGS_VERBS } from './settings-verbs';
import { SCHOOL_SETTINGS } from './settings-examples';

export const schoolSettingsCommand = cardCommand({
  name: 'school settings',
  understood: SCHOOL_SETTINGS,
  pattern: /^\s*(school\s+|careers\s+)?settings\s*[.!?]?\s*$/i,
  roles: SETTINGS_ROLES,
  help: {
    title: 'School settings',
    description:
      'Benchmark 1 details (programme web page, careers leader’s contact, policy review and evaluation dates), how the ' +
      'report counts, and the school’s name, term dates and meeting-change cut-off.',
    command: 'school settings',
  },
  answer: (turn) => openSettings(turn),
});

export const SETTINGS_COMMANDS: readonly MessageCommand[] = [schoolSettingsCommand];

export const SETTINGS_CARD_VERBS: readonly CardVerb[] = [
  cardVerb({ verb: SETTINGS_VERBS.open, roles: SETTINGS_ROLES, handle: (turn) => openSettings(turn) }),
  cardVerb({ verb: SETTINGS_VERBS.save, roles: SETTINGS_ROLES, handle: (turn, data) => saveSettings(turn, data) }),
  cardVerb({ verb: SCHOOL_CALENDAR_VERBS.open, roles: SETTINGS_ROLES, handle: (turn, data) => openCalendar(turn, data) }),
  cardVerb({ verb: SCHOOL_CALENDAR_VERBS.save, roles: SETTINGS_ROLES, handle: (turn, data) => saveCalendar(turn, data) }),
];
