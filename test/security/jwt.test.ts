import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person, SCHOOL_ID, schoolWith, TEST_TENANT, TestBot } from '../harness/test-bot';
import { APP_ID, ISSUER, TokenService } from '../support/token-service';

const teacher = person({
  id: 'T1',
  role: 'teacher',
  givenName: 'Sam',
  familyName: 'Okafor',
  email: 'sam@school.example',
  subjects: ['Mathematics'],
});

describe('Bot Framework authentication with an app id configured', () => {
  const tokens = new TokenService();
  let bot: TestBot;
  const now = () => Math.floor(Date.now() / 1000);
  const validClaims = () => ({ iss: ISSUER, aud: APP_ID, nbf: now() - 60, exp: now() + 600, serviceurl: bot.connector.url });

  beforeAll(async () => {
    await tokens.start();
    bot = await TestBot.start({
      school: schoolWith([teacher], { curriculum: [{ subject: 'Mathematics', yearGroups: [7, 8, 9] }] }),
      env: { BOT_ID: APP_ID, BOT_PASSWORD: 'not-used-offline', BOT_OPENID_METADATA_URL: `${tokens.url}/openid`, BOT_TOKEN_ISSUER: ISSUER },
    });
    // The roster API needs an outbound token this offline test cannot get: link the teacher up front.
    const user = bot.userFor(teacher);
    await bot.waypoint.services.identities.remember(
      { tenantId: TEST_TENANT, aadObjectId: user.aadObjectId },
      { schoolId: SCHOOL_ID, personId: 'T1', signIn: teacher.email },
    );
  });
  afterAll(async () => {
    await bot?.stop();
    await tokens.stop();
  });

  // A teacher's one-line link: when the turn runs, a link is written, so storage shows whether it ran.
  async function sendLink(authorization: string | undefined, id: string) {
    const user = bot.userFor(teacher);
    const activity = { ...bot.baseActivity(user), id, type: 'message', text: `Y8 maths: ratio ${id} -> nurse` };
    const response = await bot.post(activity, authorization ? { authorization } : {});
    const links = await bot.waypoint.services.school.collections.links.list(SCHOOL_ID);
    return { status: response.status, recorded: links.some((link) => link.topic === `ratio ${id}`) };
  }

  it('runs the turn for a correctly signed token', async () => {
    expect(await sendLink(`Bearer ${tokens.token(validClaims())}`, 'valid')).toEqual({ status: 200, recorded: true });
  });

  it.each([
    ['no token at all', () => undefined],
    ['an expired token', () => `Bearer ${tokens.token({ ...validClaims(), nbf: now() - 7200, exp: now() - 3600 })}`],
    ['a token for another bot (wrong audience)', () => `Bearer ${tokens.token({ ...validClaims(), aud: 'someone-else' })}`],
    ['a token from another issuer', () => `Bearer ${tokens.token({ ...validClaims(), iss: 'https://evil.example' })}`],
    [
      'a token signed with another key',
      () => `Bearer ${tokens.token(validClaims(), generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey)}`,
    ],
    ['a token for another service URL', () => `Bearer ${tokens.token({ ...validClaims(), serviceurl: 'https://smba.evil.example/' })}`],
    ['a token with its signature stripped', () => `Bearer ${tokens.token(validClaims()).split('.').slice(0, 2).join('.')}.`],
  ])('refuses %s with 401 and does nothing', async (name, authorization) => {
    const outcome = await sendLink(authorization(), name.replace(/\W+/g, '-'));
    expect(outcome).toEqual({ status: 401, recorded: false });
  });

  it('refuses a correctly signed request from another tenant, politely and without acting', async () => {
    const user = { ...bot.userFor(teacher), tenantId: 'another-tenant' };
    const activity = { ...bot.baseActivity(user), id: 'tenant', type: 'message', text: 'Y8 maths: ratio tenant -> nurse' };
    const response = await bot.post(activity, { authorization: `Bearer ${tokens.token(validClaims())}` });
    expect(response.status).toBe(200);
    const links = await bot.waypoint.services.school.collections.links.list(SCHOOL_ID);
    expect(links.some((link) => link.topic === 'ratio tenant')).toBe(false);
  });
});
