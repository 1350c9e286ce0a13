/**
 * Spaces sends so no conversation gets more than one message per `perConversationMs` and no
 * tenant more than `perTenantPerSecond`, inside Teams' published bot limits with room to spare.
 */
export class SendRateLimiter {
  private readonly nextFreeByConversation = new Map<string, number>();
  private readonly recentByTenant = new Map<string, number[]>();

  constructor(
    private readonly perConversationMs: number,
    private readonly perTenantPerSecond: number,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** Milliseconds to wait before this send may go; 0 when it may go now (and is counted). */
  reserve(conversationId: string, tenantId: string): number {
    const now = this.clock();
    const conversationWait = Math.max(0, (this.nextFreeByConversation.get(conversationId) ?? 0) - now);
    const recent = (this.recentByTenant.get(tenantId) ?? []).filter((at) => at > now - 1000);
    const tenantWait = recent.length >= this.perTenantPerSecond ? recent[0]! + 1000 - now : 0;
    const wait = Math.max(conversationWait, tenantWait);
    if (wait > 0) return wait;
    this.nextFreeByConversation.set(conversationId, now + this.perConversationMs);
    recent.push(now);
    this.recentByTenant.set(tenantId, recent);
    return 0;
  }
}
