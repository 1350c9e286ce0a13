import { type CardVerb, type MessageCommand, cardCommand, cardVerb } from '../../bot/route';
import { showGaps, showPupils, showReport } from './report-journey';
import { REPORT_ROLES, REPORT_VERBS } from './report-verbs';
import { messageDetails } from '../../domain/message-details';
import { REPORT_PATTERN, reportScopeOf } from '../../domain/report-scope';
import { REPORT } from './report-examples';

export const reportCommand = cardCommand({
  name: 'report',
  understood: REPORT,
  pattern: REPORT_PATTERN,
  roles: REPORT_ROLES,
  help: {
    title: 'Benchmark report',
    description: 'Every benchmark by year group, with the top gaps; tap a row for the pupils who haven’t met it yet.',
    command: 'report',
  },
  // Typed as the command or in other words ("how is year 11 doing on guidance meetings?"): the scope is what the words name.
  answer: (turn) => {
    const text = turn.context.activity.text ?? '';
    return showReport(turn, reportScopeOf(text, messageDetails(text, { now: turn.services.now() })));
  },
});

export const REPORT_COMMANDS: readonly MessageCommand[] = [reportCommand];

export const REPORT_CARD_VERBS: readonly CardVerb[] = [
  cardVerb({ verb: REPORT_VERBS.show, roles: REPORT_ROLES, handle: (turn, data) => showReport(turn, data) }),
  cardVerb({ verb: REPORT_VERBS.gaps, roles: REPORT_ROLES, handle: (turn, data) => showGaps(turn, data) }),
  cardVerb({ verb: REPORT_VERBS.pupils, roles: REPORT_ROLES, handle: (turn, data) => showPupils(turn, data) }),
];
