import { TeamsInfo, type CloudAdapter, type ConversationReference, type TeamsPagedMembersResult, type TurnContext } from 'botbuilder';
import type { Services } from '../../services';

// The digest counts pupils by year group and group: fine for staff, never for a team pupils are in.

const PAGE_SIZE = 500;
/** A team (or chat) bigger than this is not a careers staff team; stop reading and treat it as having pupils. */
const MAX_PAGES = 20;

/** Whether any member of the team is a pupil on the school's roster (by sign-in name). */
export function teamHasPupils(context: TurnContext, services: Services, schoolId: string, teamId: string): Promise<boolean> {
  return anyPupilAmong(services, schoolId, (token) => TeamsInfo.getPagedTeamMembers(context, teamId, PAGE_SIZE, token));
}

/** Whether any member of this conversation (a group chat) is a pupil on the school's roster. */
export function conversationHasPupils(context: TurnContext, services: Services, schoolId: string): Promise<boolean> {
  return anyPupilAmong(services, schoolId, (token) => TeamsInfo.getPagedMembers(context, PAGE_SIZE, token));
}

async function anyPupilAmong(
  services: Services,
  schoolId: string,
  pageOfMembers: (continuationToken: string | undefined) => Promise<TeamsPagedMembersResult>,
): Promise<boolean> {
  const people = await services.school.collections.people.list(schoolId);
  const pupils = new Set(people.filter((person) => person.role === 'pupil').map((person) => person.email.toLowerCase()));
  let continuationToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await pageOfMembers(continuationToken);
    for (const member of result.members ?? []) {
      for (const signIn of [member.userPrincipalName, member.email]) if (signIn && pupils.has(signIn.toLowerCase())) return true;
    }
    continuationToken = result.continuationToken ?? undefined;
    if (!continuationToken) return false;
  }
  return true;
}

/** The same check from a scheduled job, through the channel's stored conversation reference. */
export async function teamHasPupilsFromJob(
  adapter: CloudAdapter,
  appId: string,
  reference: Partial<ConversationReference>,
  services: Services,
  schoolId: string,
  teamId: string,
): Promise<boolean> {
  let answer: boolean | undefined;
  let failure: unknown;
  await adapter.continueConversationAsync(appId, reference, async (context) => {
    try {
      answer = await teamHasPupils(context, services, schoolId, teamId);
    } catch (error) {
      failure = error ?? new Error('team members unavailable');
    }
  });
  if (failure !== undefined || answer === undefined) throw failure ?? new Error('team members unavailable');
  return answer;
}

export const PUPILS_IN_TEAM_MESSAGE =
  'I can’t post the careers digest in this team: some of its members are pupils, and the digest counts pupils by year group and group. ' +
  'Say “post the digest here” in a channel of a team for staff only.';

export const PUPILS_IN_CHAT_MESSAGE =
  'I can’t show the careers gaps here: some of the people who can read this conversation are pupils, and the gaps count pupils by ' +
  'year group and group. Ask me for “gaps” in a personal chat with me, or in a channel of a team for staff only.';
