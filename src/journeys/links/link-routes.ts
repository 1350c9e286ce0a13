import { type CardVerb, type MessageCommand, type Turn, cardCommand, cardVerb } from '../../bot/route';
import { ALL_ROLES } from '../../domain/roles';
import {
  chooseSubject,
  deleteLink,
  departmentCoverage,
  editLinks,
  logLinkFromMessage,
  myCoverage,
  myLinks,
  saveLink,
  startLink,
  startLinkFromMessage,
  undoLinks,
} from './link-journey';
import { LINK_ROLES, LINK_VERBS } from './link-verbs';
import { DEPARTMENT_COVERAGE, LOG_LINK, MY_COVERAGE, MY_LINKS } from './link-examples';

export const logLinkCommand = cardCommand({
  name: 'log link',
  understood: LOG_LINK,
  pattern: /^\s*(log|add|record|new)\s+(a\s+)?(careers?\s+)?link\s*[.!]?\s*$/i,
  roles: LINK_ROLES,
  help: {
    title: 'Log a careers link',
    description:
      'Record how a lesson linked to careers (Benchmark 4) in three taps, or in one line such as “Y9 maths: ratio -> nurse, pharmacist”.',
    command: 'log link',
  },
  answer: (turn) => startLinkFromMessage(turn),
});

export const myLinksCommand = cardCommand({
  name: 'my links',
  understood: MY_LINKS,
  pattern: /^\s*my\s+(careers?\s+)?links\s*[.!?]?\s*$/i,
  roles: LINK_ROLES,
  help: { title: 'My links', description: 'See, edit or delete the careers links you logged this year.', command: 'my links' },
  answer: (turn) => myLinks(turn),
});

export const myCoverageCommand = cardCommand({
  name: 'my coverage',
  understood: MY_COVERAGE,
  pattern: /^\s*my\s+coverage\s*[.!?]?\s*$/i,
  roles: LINK_ROLES,
  help: {
    title: 'My coverage',
    description: 'Which year groups in your subjects still need a careers link this year.',
    command: 'my coverage',
  },
  answer: (turn) => myCoverage(turn),
});

export const departmentCoverageCommand = cardCommand({
  name: 'coverage',
  understood: DEPARTMENT_COVERAGE,
  pattern: /^\s*(department\s+|subject\s+)?coverage\s*[.!?]?\s*$/i,
  roles: LINK_ROLES,
  help: {
    title: 'Department coverage',
    description: 'The subject and year-group grid of careers links this year, with the gaps.',
    command: 'coverage',
  },
  answer: (turn) => departmentCoverage(turn),
});

/** "Y9 maths: ratio and proportion -> nursing, pharmacy": recorded at once when complete. */
export const linkShortcutCommand: MessageCommand = {
  name: 'link shortcut',
  // Loose on purpose: the parser decides; anything it rejects is answered as not understood.
  pattern: /(^\s*(log\s+|add\s+|careers\s+)?(a\s+)?link\b)|:|->|=>|→/i,
  // Everyone reaches it, because a pupil's message with a colon is not a link attempt: it is
  // answered as not understood rather than refused.
  roles: ALL_ROLES,
  handle: logLinkFromMessage,
};

export const LINK_COMMANDS: readonly MessageCommand[] = [logLinkCommand, myLinksCommand, myCoverageCommand, departmentCoverageCommand];
/** Registered after every other command: its pattern is deliberately loose. */
export const LINK_SHORTCUT = linkShortcutCommand;

export const LINK_CARD_VERBS: readonly CardVerb[] = [
  cardVerb({ verb: LINK_VERBS.start, roles: LINK_ROLES, handle: (turn, data) => startLink(turn, data) }),
  cardVerb({ verb: LINK_VERBS.chooseSubject, roles: LINK_ROLES, handle: (turn, data) => chooseSubject(turn, data) }),
  cardVerb({ verb: LINK_VERBS.save, roles: LINK_ROLES, handle: (turn, data) => saveLink(turn, data) }),
  cardVerb({ verb: LINK_VERBS.edit, roles: LINK_ROLES, handle: (turn, data) => editLinks(turn, data) }),
  cardVerb({ verb: LINK_VERBS.undo, roles: LINK_ROLES, handle: (turn, data) => undoLinks(turn, data) }),
  cardVerb({ verb: LINK_VERBS.remove, roles: LINK_ROLES, handle: (turn, data) => deleteLink(turn, data) }),
  cardVerb({ verb: LINK_VERBS.mine, roles: LINK_ROLES, handle: (turn: Turn, data) => myLinks(turn, data.offset) }),
  cardVerb({ verb: LINK_VERBS.coverage, roles: LINK_ROLES, handle: (turn: Turn) => myCoverage(turn) }),
];
