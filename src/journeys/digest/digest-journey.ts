import { TurnContext, type ConversationReference } from 'botbuilder';
import type { AdaptiveCard } from '@microsoft/teams-ai';
import { conversationKindOf, type Turn } from '../../bot/route';
import { cardAttachment } from '../../cards/adaptive-card';
import { formatUkDate } from '../../domain/calendar';
import { schoolDateOf } from '../../domain/school-time';
import type { Services } from '../../services';
import { buildDigest } from './build-digest';
import { allGapsCard, digestCard } from './digest-card';
import { conversationHasPupils, PUPILS_IN_CHAT_MESSAGE, PUPILS_IN_TEAM_MESSAGE, teamHasPupils } from './team-pupils';
import { PLANNING_ROLES } from '../planning/planning-verbs';
import { describeError } from '../../observability/log';

// The careers leader's weekly digest in chat: choosing its channel (only one pupils cannot read),
// asking for it, what its buttons do, and forgetting a team the bot was removed from.

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function channelOf(turn: Turn): { teamId: string; channelId: string } | undefined {
  if (turn.context.activity.conversation.conversationType !== 'channel') return undefined;
  const channelData = turn.context.activity.channelData as { team?: { id?: string }; channel?: { id?: string } } | undefined;
  const teamId = channelData?.team?.id;
  if (!teamId) return undefined;
  return { teamId, channelId: channelData?.channel?.id ?? turn.context.activity.conversation.id };
}

/** Posts go to the channel itself, not into the thread the command was typed in. */
function channelReference(turn: Turn): Partial<ConversationReference> {
  const reference = TurnContext.getConversationReference(turn.context.activity);
  const conversationId = reference.conversation!.id.split(';')[0]!;
  return { ...reference, conversation: { ...reference.conversation!, id: conversationId }, activityId: undefined };
}

/** “post the digest here”, in a team channel: register it for the weekly digest, unless pupils can read it. */
export async function postDigestHere(turn: Turn): Promise<void> {
  const channel = channelOf(turn);
  if (!channel) {
    await turn.context.sendActivity(
      'Please say “post the digest here” in the team channel where the digest should go (add Waypoint to the team first).',
    );
    return;
  }
  const pupilsFree = await noPupilsCanRead(turn, channel, {
    pupils: PUPILS_IN_TEAM_MESSAGE,
    unchecked: 'I couldn’t check who is in this team, so I haven’t set up the digest here. Please try again in a few minutes.',
  });
  if (!pupilsFree) return;
  await turn.services.digests.register(
    { schoolId: turn.sender.schoolId, ...channel, registeredBy: turn.sender.person.id, registeredAt: turn.occurredAt },
    channelReference(turn),
  );
  await turn.services.audit.record(
    turn.sender.schoolId,
    { actorId: turn.sender.person.id, action: 'digest.register', subject: channel.teamId, at: turn.occurredAt },
    turn.context.activity.id ?? channel.channelId,
  );
  const { settings } = await turn.services.settings.get(turn.sender.schoolId);
  await turn.context.sendActivity(
    `Done: I’ll post the careers digest here every ${WEEKDAYS[settings.digestDay - 1]} ` +
      `at ${String(settings.digestHour).padStart(2, '0')}:00, except in school holidays. ` +
      'Mention me with “gaps” for it now, or “stop the digest” to end it.',
  );
}

/** “stop the digest”: wherever it was posted. */
export async function stopDigest(turn: Turn): Promise<void> {
  const registration = await turn.services.digests.registration(turn.sender.schoolId);
  if (!registration) {
    await turn.context.sendActivity('The digest isn’t being posted anywhere at the moment.');
    return;
  }
  await turn.services.digests.unregister(turn.sender.schoolId);
  await turn.services.audit.record(
    turn.sender.schoolId,
    { actorId: turn.sender.person.id, action: 'digest.unregister', subject: registration.teamId, at: turn.occurredAt },
    turn.context.activity.id ?? registration.teamId,
  );
  await turn.context.sendActivity('The weekly digest is stopped. Say “post the digest here” in a channel to start it again.');
}

/**
 * Whether nobody who reads this shared conversation is a pupil: in a channel, its team's members; in
 * a group chat, the chat's own. When they are, or Teams cannot say, the sender is told why not.
 */
async function noPupilsCanRead(
  turn: Turn,
  channel: { teamId: string } | undefined,
  refusals: { pupils: string; unchecked: string },
): Promise<boolean> {
  const { context, services, sender } = turn;
  let pupilsThere: boolean;
  try {
    pupilsThere = channel
      ? await teamHasPupils(context, services, sender.schoolId, channel.teamId)
      : await conversationHasPupils(context, services, sender.schoolId);
  } catch (error) {
    services.log.warn('digest.team_unchecked', { schoolId: sender.schoolId, ...describeError(error) });
    await context.sendActivity(refusals.unchecked);
    return false;
  }
  if (pupilsThere) await context.sendActivity(refusals.pupils);
  return !pupilsThere;
}

/** “gaps”: the digest as it would be posted today; in a channel or group chat, only where no pupil reads it. */
export async function gapsNow(turn: Turn): Promise<void> {
  if (turn.conversationKind === 'shared') {
    const pupilsFree = await noPupilsCanRead(turn, channelOf(turn), {
      pupils: PUPILS_IN_CHAT_MESSAGE,
      unchecked: 'I couldn’t check who can read this conversation, so I haven’t shown the gaps here. Please try again in a few minutes.',
    });
    if (!pupilsFree) return;
  }
  const today = schoolDateOf(turn.services.now());
  const built = await buildDigest(turn.services, turn.sender.schoolId, today);
  const card = digestCard(built.digest, {
    schoolName: built.schoolName,
    title: `Careers gaps today, ${formatUkDate(today)}`,
    canPlan: mayPlanHere(turn),
  });
  await turn.context.sendActivity({ attachments: [cardAttachment(card)] });
}

/** The digest card's “All gaps”: every gap, as of today. */
export async function allGaps(turn: Turn): Promise<AdaptiveCard> {
  const built = await buildDigest(turn.services, turn.sender.schoolId, schoolDateOf(turn.services.now()));
  return allGapsCard(built.digest, { canPlan: mayPlanHere(turn) });
}

/** Plan buttons only for someone who may plan, and only in their personal chat (see DigestCardOptions). */
function mayPlanHere(turn: Turn): boolean {
  return PLANNING_ROLES.includes(turn.sender.person.role) && conversationKindOf(turn.context) === 'personal';
}

/** The bot was removed from a team: drop its digest registrations there and tell whoever set them up. */
export async function forgetTeam(context: TurnContext, services: Services): Promise<void> {
  const channelData = context.activity.channelData as { team?: { id?: string } } | undefined;
  const botRemoved = (context.activity.membersRemoved ?? []).some((member) => member.id === context.activity.recipient.id);
  const teamId = channelData?.team?.id;
  if (!botRemoved || !teamId) return;
  for (const registration of await services.digests.registrationsInTeam(teamId)) {
    await services.digests.unregister(registration.schoolId);
    await services.outbox.enqueue({
      schoolId: registration.schoolId,
      key: `digest-removed:${teamId}:${registration.registeredAt}`,
      to: { kind: 'person', personId: registration.registeredBy },
      text:
        'Waypoint was removed from the team where it posted the weekly careers digest, so the digest has stopped. Say “post ' +
        'the digest here” in another channel to start it again.',
    });
    services.log.info('digest.team_removed', { schoolId: registration.schoolId });
  }
}
