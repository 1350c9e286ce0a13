import { cardCommand, cardVerb, type CardVerb, type MessageCommand } from '../../bot/route';
import {
  cancelPlan,
  confirmCancel,
  editPlan,
  listPlans,
  movePlan,
  PLAN_ACTIVITY_PATTERN,
  PLANNED_ACTIVITIES_PATTERN,
  savePlan,
  saveMove,
  startPlan,
  startPlanFromMessage,
} from './planning-journey';
import { PLANNING_ROLES, PLANNING_VERBS } from './planning-verbs';
import { PLANNED_ACTIVITIES, PLAN_AN_ACTIVITY } from './planning-examples';

// Planning ahead: its commands and card verbs; what each does is in planning-journey.ts.

export const plannedActivitiesCommand = cardCommand({
  name: 'planned activities',
  understood: PLANNED_ACTIVITIES,
  pattern: PLANNED_ACTIVITIES_PATTERN,
  roles: PLANNING_ROLES,
  help: {
    title: 'Planned activities',
    description: 'Plan activities ahead (who they are for and when), and edit, move or cancel them; the report counts them as planned.',
    command: 'planned activities',
  },
  answer: listPlans,
});

export const planActivityCommand: MessageCommand = {
  name: 'plan an activity',
  understood: PLAN_AN_ACTIVITY,
  pattern: PLAN_ACTIVITY_PATTERN,
  roles: PLANNING_ROLES,
  handle: startPlanFromMessage,
};

export const PLANNING_COMMANDS: readonly MessageCommand[] = [plannedActivitiesCommand, planActivityCommand];

export const PLANNING_CARD_VERBS: readonly CardVerb[] = [
  cardVerb({ verb: PLANNING_VERBS.list, roles: PLANNING_ROLES, handle: (turn) => listPlans(turn) }),
  cardVerb({ verb: PLANNING_VERBS.start, roles: PLANNING_ROLES, handle: (turn, data) => startPlan(turn, data) }),
  cardVerb({ verb: PLANNING_VERBS.save, roles: PLANNING_ROLES, handle: (turn, data) => savePlan(turn, data) }),
  cardVerb({ verb: PLANNING_VERBS.edit, roles: PLANNING_ROLES, handle: (turn, data) => editPlan(turn, data) }),
  cardVerb({ verb: PLANNING_VERBS.move, roles: PLANNING_ROLES, handle: (turn, data) => movePlan(turn, data) }),
  cardVerb({ verb: PLANNING_VERBS.saveMove, roles: PLANNING_ROLES, handle: (turn, data) => saveMove(turn, data) }),
  cardVerb({ verb: PLANNING_VERBS.cancel, roles: PLANNING_ROLES, handle: (turn, data) => cancelPlan(turn, data) }),
  cardVerb({ verb: PLANNING_VERBS.confirmCancel, roles: PLANNING_ROLES, handle: (turn, data) => confirmCancel(turn, data) }),
];
