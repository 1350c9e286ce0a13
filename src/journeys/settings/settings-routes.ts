import { type CardVerb, type MessageCommand, cardCommand, cardVerb } from '../../bot/route';
import type { Role } from '../../domain/school';
import { SETTINGS_VERBS } from './settings-cards';
import { openCalendar, saveCalendar } from './calendar-journey';
import { openData, openSettings, saveData, saveSettings } from './settings-journey';
import { SCHOOL_CALENDAR_VERBS } from './settings-verbs';

// The careers leader owns Benchmark 1; the school office (admin) may keep the details up to date.
export const SETTINGS_ROLES: readonly Role[] = ['careers_leader', 'admin'];

export const schoolSettingsCommand = cardCommand({
  name: 'school settings',
  pattern: /^\s*(school\s+|careers\s+)?settings\s*[.!?]?\s*$/i,
  roles: SETTINGS_ROLES,
  help: {
    title: 'School settings',
    description: 'Benchmark 1 details (programme web page, careers leader’s contact, policy review and evaluation dates), how the report counts, and the school’s name, term dates and meeting-change cut-off.',
    command: 'school settings',
  },
  answer: (turn) => openSettings(turn),
});

export const SETTINGS_COMMANDS: readonly MessageCommand[] = [schoolSettingsCommand];

export const SETTINGS_CARD_VERBS: readonly CardVerb[] = [
  cardVerb({ verb: SETTINGS_VERBS.open, roles: SETTINGS_ROLES, data: openData, handle: (turn) => openSettings(turn) }),
  cardVerb({ verb: SETTINGS_VERBS.save, roles: SETTINGS_ROLES, data: saveData, handle: (turn, data) => saveSettings(turn, data) }),
  cardVerb({ verb: SCHOOL_CALENDAR_VERBS.open.name, roles: SETTINGS_ROLES, data: SCHOOL_CALENDAR_VERBS.open.data, handle: (turn, data) => openCalendar(turn, data) }),
  cardVerb({ verb: SCHOOL_CALENDAR_VERBS.save.name, roles: SETTINGS_ROLES, data: SCHOOL_CALENDAR_VERBS.save.data, handle: (turn, data) => saveCalendar(turn, data) }),
];
