import { type CardVerb, type MessageCommand, cardCommand, cardVerb } from '../../bot/route';
import { openSettings, saveSettings } from './settings-journey';
import { SETTINGS_VERBS } from './settings-verbs';
import { SETTINGS_ROLES } from './settings-verbs';

export const schoolSettingsCommand = cardCommand({
  name: 'school settings',
  pattern: /^\s*(school\s+|careers\s+)?settings\s*[.!?]?\s*$/i,
  roles: SETTINGS_ROLES,
  help: {
    title: 'School settings',
    description: 'Benchmark 1 details (programme web page, careers leader’s contact, policy review and evaluation dates) and how the report counts.',
    command: 'school settings',
  },
  answer: (turn) => openSettings(turn),
});

export const SETTINGS_COMMANDS: readonly MessageCommand[] = [schoolSettingsCommand];

export const SETTINGS_CARD_VERBS: readonly CardVerb[] = [
  cardVerb({ verb: SETTINGS_VERBS.open, roles: SETTINGS_ROLES, handle: (turn) => openSettings(turn) }),
  cardVerb({ verb: SETTINGS_VERBS.save, roles: SETTINGS_ROLES, handle: (turn, data) => saveSettings(turn, data) }),
];
