import { TeamsInfo, TurnContext } from 'botbuilder';
import type { Person } from '../domain/school';
import type { Services } from '../services';
import { personalChatKey } from '../storage/conversation-store';
import type { RosterLink, TeamsIdentity } from '../storage/identity-store';

/** The roster person behind a Teams user, in their school. */
export interface Sender {
  schoolId: string;
  person: Person;
  identity: TeamsIdentity;
}

export type SenderResolution =
  | { kind: 'known'; sender: Sender }
  | { kind: 'not-on-roster' }
  | { kind: 'other-tenant' };

export function tenantOf(context: TurnContext): string | undefined {
  const channelData = context.activity.channelData as { tenant?: { id?: string } } | undefined;
  return context.activity.conversation?.tenantId ?? channelData?.tenant?.id;
}

/**
 * Maps the Teams user to one roster person: a remembered tenant + AAD object id first, else
 * their sign-in name (UPN) from the Teams roster API, matched to the roster's email.
 */
export async function resolveSender(context: TurnContext, services: Services): Promise<SenderResolution> {
  const tenantId = tenantOf(context) ?? '';
  const allowed = services.config.allowedTenantId;
  if (allowed !== undefined && tenantId.toLowerCase() !== allowed.toLowerCase()) return { kind: 'other-tenant' };

  const aadObjectId = context.activity.from?.aadObjectId;
  if (aadObjectId) {
    const identity = { tenantId, aadObjectId };
    const remembered = await services.identities.find(identity);
    if (remembered) {
      const person = await services.school.getPerson(remembered.schoolId, remembered.personId);
      if (person) {
        await rememberPersonalChat(context, services, identity, remembered);
        return { kind: 'known', sender: { schoolId: remembered.schoolId, person, identity } };
      }
      // Left the roster or changed id: look them up afresh.
      await services.identities.forget(identity);
    }
  }

  const member = await rosterMember(context);
  const signIn = member?.userPrincipalName ?? member?.email;
  const objectId = aadObjectId ?? member?.aadObjectId;
  if (!signIn || !objectId) return { kind: 'not-on-roster' };
  const found = await services.school.findByEmail(signIn);
  if (!found) {
    services.log.info('identity.not_on_roster', { tenantId, aadObjectId: objectId });
    return { kind: 'not-on-roster' };
  }
  const identity = { tenantId, aadObjectId: objectId };
  const link = { schoolId: found.schoolId, personId: found.person.id };
  await services.identities.remember(identity, link);
  await rememberPersonalChat(context, services, identity, link);
  services.log.info('identity.linked', { schoolId: found.schoolId, personId: found.person.id, aadObjectId: objectId });
  return { kind: 'known', sender: { schoolId: found.schoolId, person: found.person, identity } };
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
