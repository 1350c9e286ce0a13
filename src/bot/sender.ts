import { TeamsInfo, TurnContext } from 'botbuilder';
import type { Person } from '../domain/school';
import { schoolDateOf } from '../domain/school-time';
import type { Services } from '../services';
import { personalChatKey } from '../storage/conversation-store';
import type { RosterLink, TeamsIdentity } from '../storage/identity-store';
import type { SignInResolution } from '../storage/school-data-store';

/** The roster person behind a Teams user, in their school. */
export interface Sender {
  schoolId: string;
  person: Person;
  identity: TeamsIdentity;
}

export type SenderResolution =
  | { kind: 'known'; sender: Sender }
  | { kind: 'not-on-roster' }
  /** On a school's roster, but as someone who has left. */
  | { kind: 'left' }
  /** On roll in more than one school: the schools must correct it, we cannot choose. */
  | { kind: 'several-schools' }
  | { kind: 'other-tenant' }
  /** Not from Teams: another channel's client chooses `from`, `conversation` and `channelData` itself. */
  | { kind: 'other-channel' };

/** The only channel whose service writes who the sender is; the token binds the channel id, not `from`. */
export const TEAMS_CHANNEL_ID = 'msteams';

export function isFromTeams(context: TurnContext): boolean {
  return context.activity.channelId === TEAMS_CHANNEL_ID;
}

/** The tenant as Teams states it on the conversation; `channelData` is not consulted (a client could choose it elsewhere). */
export function tenantOf(context: TurnContext): string | undefined {
  return context.activity.conversation?.tenantId;
}

/**
 * Maps the Teams user to the person on roll whose email is their sign-in name (UPN) now. The
 * remembered tenant + AAD object id gives the sign-in name without asking the Teams roster API; the
 * roster (as this instance holds it, WAYPOINT_ROSTER_CACHE_SECONDS) decides who that is on every turn.
 */
export async function resolveSender(context: TurnContext, services: Services): Promise<SenderResolution> {
  if (!isFromTeams(context)) return { kind: 'other-channel' };
  const tenantId = tenantOf(context) ?? '';
  const allowed = services.config.allowedTenantId;
  if (allowed !== undefined && tenantId.toLowerCase() !== allowed.toLowerCase()) return { kind: 'other-tenant' };
  const today = schoolDateOf(services.now());

  const aadObjectId = context.activity.from?.aadObjectId;
  let remembered: RosterLink | undefined;
  if (aadObjectId) {
    const identity = { tenantId, aadObjectId };
    remembered = await services.identities.find(identity);
    if (remembered?.signIn !== undefined) {
      const resolution = await services.school.resolveSignIn(remembered.signIn, today);
      // A sign-in name no roster holds any more may itself have changed: ask Teams afresh below.
      if (resolution.kind !== 'unknown') return settle(context, services, identity, remembered.signIn, resolution, remembered);
    }
  }

  if (!aadObjectId) return { kind: 'not-on-roster' };
  const member = await rosterMember(context);
  const signIn = member?.userPrincipalName ?? member?.email;
  if (!member || !signIn) return { kind: 'not-on-roster' };
  // The roster answers for `from.id`: it must be the same user the activity names, or it vouches for someone else.
  if (member.aadObjectId?.toLowerCase() !== aadObjectId.toLowerCase()) {
    services.log.warn('identity.roster_mismatch', { tenantId, aadObjectId });
    return { kind: 'not-on-roster' };
  }
  const identity = { tenantId, aadObjectId };
  return settle(context, services, identity, signIn, await services.school.resolveSignIn(signIn, today), remembered);
}

async function settle(
  context: TurnContext,
  services: Services,
  identity: TeamsIdentity,
  signIn: string,
  resolution: SignInResolution,
  remembered: RosterLink | undefined,
): Promise<SenderResolution> {
  const ids = { tenantId: identity.tenantId, aadObjectId: identity.aadObjectId };
  if (resolution.kind !== 'on-roll') {
    if (remembered) await forgetLink(services, identity, remembered);
    if (resolution.kind === 'several-schools') {
      services.log.warn('identity.on_roll_in_several_schools', { ...ids, schoolIds: resolution.schoolIds.join(',') });
      return { kind: 'several-schools' };
    }
    services.log.info(resolution.kind === 'left' ? 'identity.left' : 'identity.not_on_roster', ids);
    return { kind: resolution.kind === 'left' ? 'left' : 'not-on-roster' };
  }

  const { schoolId, person } = resolution;
  let link: RosterLink;
  if (
    remembered &&
    remembered.schoolId === schoolId &&
    remembered.personId === person.id &&
    remembered.signIn?.toLowerCase() === signIn.toLowerCase()
  ) {
    link = remembered;
  } else {
    if (remembered && (remembered.schoolId !== schoolId || remembered.personId !== person.id))
      await forgetLink(services, identity, remembered);
    link = { schoolId, personId: person.id, signIn };
    await services.identities.remember(identity, link);
    services.log.info('identity.linked', { schoolId, personId: person.id, aadObjectId: identity.aadObjectId });
  }
  await rememberPersonalChat(context, services, identity, link);
  return { kind: 'known', sender: { schoolId, person, identity } };
}

/**
 * Unbinds a Teams user from whom they were matched with: proactive messages for that person must
 * no longer reach this user's chat.
 */
async function forgetLink(services: Services, identity: TeamsIdentity, link: RosterLink): Promise<void> {
  await services.identities.forget(identity);
  if (link.personalConversationId === undefined) return;
  const key = personalChatKey(link.personId);
  const saved = await services.conversations.find(link.schoolId, key);
  if (saved?.conversation?.id === link.personalConversationId) await services.conversations.remove(link.schoolId, key);
}

async function rosterMember(context: TurnContext) {
  try {
    return await TeamsInfo.getMember(context, context.activity.from.id);
  } catch {
    // Outside Teams, or the roster service refused: treat as not found.
    return undefined;
  }
}

/**
 * Keeps the person's personal chat with the bot on record so proactive messages can reach it.
 * The remembered identity carries the conversation id, so this writes only when it changes.
 */
async function rememberPersonalChat(context: TurnContext, services: Services, identity: TeamsIdentity, link: RosterLink): Promise<void> {
  const conversation = context.activity.conversation;
  if (conversation?.conversationType !== 'personal' || conversation.id === link.personalConversationId) return;
  await services.conversations.save(link.schoolId, personalChatKey(link.personId), TurnContext.getConversationReference(context.activity));
  await services.identities.remember(identity, { ...link, personalConversationId: conversation.id });
}
