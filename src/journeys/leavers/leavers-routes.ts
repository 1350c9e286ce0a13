import { cardCommand, type MessageCommand } from '../../bot/route';
import { recentLeavers } from '../../domain/leavers';
import { schoolDateOf } from '../../domain/school-time';
import { leaversCard } from './leavers-card';
import { leaversData } from './leavers-store';
import { REPORT_ROLES } from '../report/report-verbs';
import { LEAVERS } from './leavers-examples';

// Leavers are named with their destinations: the staff who see pupil-level report lists only.
export const leaversCommand: MessageCommand = cardCommand({
  name: 'leavers',
  understood: LEAVERS,
  pattern: /^\s*(?:(?:this year'?s|this year’s|recent|show|the)\s+)*leavers\s*[.!?]?\s*$/i,
  roles: REPORT_ROLES,
  help: {
    title: 'Leavers',
    description: 'Pupils who left in the last 12 months, with their intended and actual destinations.',
    command: 'leavers',
  },
  answer: async (turn) => {
    const today = schoolDateOf(turn.services.now());
    return leaversCard(recentLeavers(await leaversData(turn.services, turn.sender.schoolId), today), today);
  },
});
