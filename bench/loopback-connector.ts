import { randomUUID } from 'node:crypto';
import { LoopbackTeamsService, type ServiceAnswer, type TeamsUser } from '../testing/loopback-teams-service';

export type BenchUser = TeamsUser;

/**
 * The Teams service the bots reply to, made for load: it answers every reply with `{ id }` and
 * counts it, keeping no bodies. The test harness's FakeTeamsConnector records and injects faults.
 */
export class LoopbackConnector extends LoopbackTeamsService {
  replies = 0;
  /** Replies that apologise ("Sorry, ..."): errors, refusals, "not understood". */
  apologies = 0;

  protected async answerReply(_conversationId: string, _replyToId: string | undefined, body: string): Promise<ServiceAnswer> {
    this.replies++;
    if (/"text"\s*:\s*"Sorry,/.test(body)) this.apologies++;
    return [200, { id: randomUUID() }];
  }
}
