import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { brotliCompressSync, createGzip, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TYPED_CHARACTERS } from '../../src/bot/typed-message';
import { startInMemoryAzurite, type EmbeddedStorage } from '../../src/storage/embedded-azurite';
import { cardText, person, SCHOOL_ID, schoolWith, TEST_TENANT, TestBot } from '../harness/test-bot';
import { APP_ID, ISSUER, TokenService } from '../support/token-service';

// /api/messages as an attacker finds it: before any token is checked, every request here must be
// refused (4xx) or answered clearly, and afterwards the bot is still up, its memory bounded, its
// temp folder empty, and a teacher's ordinary message still works.

const ROOT = path.resolve(__dirname, '../..');
const teacher = person({
  id: 'T1',
  role: 'teacher',
  givenName: 'Sam',
  familyName: 'Okafor',
  email: 'sam@school.example',
  subjects: ['Mathematics'],
});
const SCHOOL = schoolWith([teacher], { curriculum: [{ subject: 'Mathematics', yearGroups: [7, 8, 9] }] });

interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Sent in chunks with no Content-Length, as a streaming client would. */
  chunked?: boolean;
}

interface RawResponse {
  status: number;
  text: string;
}

function send(baseUrl: string, raw: RawRequest): Promise<RawResponse> {
  const body = typeof raw.body === 'string' ? Buffer.from(raw.body) : raw.body;
  const headers = { ...(body && !raw.chunked ? { 'content-length': String(body.length) } : {}), ...raw.headers };
  return new Promise((resolve, reject) => {
    const outgoing = request(`${baseUrl}${raw.path ?? '/api/messages'}`, { method: raw.method ?? 'POST', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    if (body && raw.chunked) {
      for (let at = 0; at < body.length; at += 64 * 1024) outgoing.write(body.subarray(at, at + 64 * 1024));
      outgoing.end();
    } else outgoing.end(body);
  });
}

const JSON_TYPE = { 'content-type': 'application/json' };

/** A gzip stream that is small on the wire and inflates to `inflatedBytes` of one JSON string. */
async function gzipBomb(inflatedBytes: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => gzip.on('end', resolve));
  gzip.write('{"type":"message","text":"');
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  for (let written = 0; written < inflatedBytes; written += spaces.length) {
    if (!gzip.write(spaces)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end('"}');
  await done;
  return Buffer.concat(chunks);
}

function multipartUpload(bytes: number): { headers: Record<string, string>; body: Buffer } {
  const boundary = '----waypoint-hostile';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.csv"\r\nContent-Type: ` +
        `application/octet-stream\r\n\r\n`,
    ),
    Buffer.alloc(bytes, 0x61),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body };
}

function unsignedToken(header: object, claims: object): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode(header)}.${encode(claims)}.`;
}

interface HostileCase {
  name: string;
  request: () => RawRequest;
  /** The status expected; per mode when the token decides. */
  status: number | { withoutCredentials: number; withCredentials: number };
  /** Checked on the response's text, for answers rather than refusals. */
  answer?: RegExp;
  /** Growth of heap and buffers allowed while it is handled, in MB. */
  boundedMemoryMb?: number;
}

describe.each([
  ['without credentials', false],
  ['with credentials', true],
])('hostile requests to /api/messages, %s', (_mode, withCredentials) => {
  const tokens = new TokenService();
  let bot: TestBot;
  let user: ReturnType<TestBot['userFor']>;
  let tempFolder: string;
  const originalTmp = process.env.TMPDIR;
  let bomb: Buffer;
  let turns = 0;

  /** A valid token on every request (when credentials are on), so a refusal is never the token's doing. */
  const auth = (): Record<string, string> => (withCredentials ? { authorization: tokens.bearerFor(bot.connector.url) } : {});
  const activity = (fields: Record<string, unknown>) => ({ ...bot.baseActivity(user), ...fields });
  const post = (body: unknown, headers: Record<string, string> = {}): RawRequest => ({
    headers: { ...JSON_TYPE, ...auth(), ...headers },
    body: JSON.stringify(body),
  });
  const invoke = (verb: string, data: unknown) =>
    post(
      activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      }),
    );

  const CASES: HostileCase[] = [
    // Encodings: Teams never compresses, so nothing is ever inflated.
    {
      name: 'gzip declared, body not gzip (ended the process before)',
      request: () => ({ headers: { ...JSON_TYPE, 'content-encoding': 'gzip' }, body: 'x' }),
      status: 415,
    },
    {
      name: 'a real gzip of a valid activity',
      request: () => ({
        headers: { ...JSON_TYPE, ...auth(), 'content-encoding': 'gzip' },
        body: gzipSync(JSON.stringify(activity({ type: 'message', text: 'help' }))),
      }),
      status: 415,
    },
    {
      name: 'a gzip bomb (200 MB inflated)',
      request: () => ({ headers: { ...JSON_TYPE, 'content-encoding': 'gzip' }, body: bomb }),
      status: 415,
      boundedMemoryMb: 32,
    },
    {
      name: 'deflate declared, body deflated',
      request: () => ({ headers: { ...JSON_TYPE, 'content-encoding': 'deflate' }, body: deflateSync('{"type":"message"}') }),
      status: 415,
    },
    {
      name: 'deflate declared, body plain',
      request: () => ({ headers: { ...JSON_TYPE, 'content-encoding': 'deflate' }, body: '{"type":"message"}' }),
      status: 415,
    },
    {
      name: 'brotli declared, body brotli',
      request: () => ({ headers: { ...JSON_TYPE, 'content-encoding': 'br' }, body: brotliCompressSync('{"type":"message"}') }),
      status: 415,
    },
    {
      name: 'two encodings stacked',
      request: () => ({ headers: { ...JSON_TYPE, 'content-encoding': 'gzip, identity' }, body: 'x' }),
      status: 415,
    },
    // Content types: JSON only, so no multipart parser and no temp files.
    {
      name: 'no content type',
      request: () => ({ headers: auth(), body: JSON.stringify(activity({ type: 'message', text: 'help' })) }),
      status: 415,
    },
    {
      name: 'text/plain',
      request: () => ({
        headers: { 'content-type': 'text/plain', ...auth() },
        body: JSON.stringify(activity({ type: 'message', text: 'help' })),
      }),
      status: 415,
    },
    {
      name: 'a form post',
      request: () => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'type=message&text=help' }),
      status: 415,
    },
    {
      name: 'JSON in another charset',
      request: () => ({ headers: { 'content-type': 'application/json; charset=latin1' }, body: '{"type":"message"}' }),
      status: 415,
    },
    { name: 'a 5 MB multipart upload', request: () => ({ ...multipartUpload(5 * 1024 * 1024) }), status: 415, boundedMemoryMb: 32 },
    { name: 'a small multipart upload', request: () => ({ ...multipartUpload(1024) }), status: 415 },
    // Size and shape.
    {
      name: 'a 20 MB JSON body',
      request: () => post(activity({ type: 'message', text: 'a'.repeat(20 * 1024 * 1024) })),
      status: 413,
      boundedMemoryMb: 32,
    },
    {
      name: 'a declared 100 MB body (refused unread, connection closed)',
      request: () => ({ headers: { ...JSON_TYPE, 'content-length': String(100 * 1024 * 1024) }, body: '{"type":' }),
      status: 413,
    },
    {
      name: 'a 1 MB body streamed without a length',
      request: () => ({ ...post(activity({ type: 'message', text: 'b'.repeat(1024 * 1024) })), chunked: true }),
      status: 413,
    },
    {
      name: 'arrays nested 100,000 deep',
      request: () => ({ headers: JSON_TYPE, body: '['.repeat(100_000) + ']'.repeat(100_000) }),
      status: 400,
    },
    {
      name: 'an activity nested 1,000 deep in its value',
      request: () => post(activity({ type: 'message', text: 'help', value: JSON.parse('{"a":'.repeat(1000) + '1' + '}'.repeat(1000)) })),
      status: 400,
    },
    {
      name: 'invalid UTF-8 in the text',
      request: () => ({
        headers: { ...JSON_TYPE, ...auth() },
        body: Buffer.concat([Buffer.from('{"type":"message","text":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]),
      }),
      status: 400,
    },
    {
      name: 'a UTF-16 body',
      request: () => ({ headers: JSON_TYPE, body: Buffer.from('\ufeff{"type":"message"}', 'utf16le') }),
      status: 400,
    },
    { name: 'malformed JSON', request: () => ({ headers: JSON_TYPE, body: '{"type": "message", "text": ' }), status: 400 },
    { name: 'an empty body', request: () => ({ headers: JSON_TYPE, body: '' }), status: 400 },
    { name: '{}', request: () => post({}), status: 400 },
    { name: 'null', request: () => post(null), status: 400 },
    { name: 'an array of activities', request: () => post([activity({ type: 'message', text: 'help' })]), status: 400 },
    { name: 'a bare string', request: () => post('message'), status: 400 },
    { name: 'an activity without a type', request: () => post(activity({ text: 'help' })), status: 400 },
    { name: 'an activity whose type is a number', request: () => post(activity({ type: 7, text: 'help' })), status: 400 },
    { name: 'an unknown activity type', request: () => post(activity({ type: 'exploit', text: 'help' })), status: 400 },
    { name: 'a message whose text is an object', request: () => post(activity({ type: 'message', text: { $gt: '' } })), status: 400 },
    // Methods other than POST.
    ...['PUT', 'DELETE', 'PATCH', 'GET'].map((method) => ({
      name: `${method} /api/messages`,
      request: () => ({ ...post(activity({ type: 'message', text: 'help' })), method }),
      status: 405,
    })),
    { name: 'OPTIONS /api/messages', request: () => ({ method: 'OPTIONS' }), status: 405 },
    { name: 'HEAD /api/messages', request: () => ({ method: 'HEAD' }), status: 405 },
    // Tokens: with credentials the token decides. Without, the Bot Framework checks none (that
    // bot listens on loopback only, for the Playground), so a bad one changes nothing.
    {
      name: 'an oversized token (12 KB)',
      request: () => post(activity({ type: 'message', text: 'help' }), { authorization: `Bearer ${'a'.repeat(12_000)}` }),
      status: { withoutCredentials: 200, withCredentials: 401 },
    },
    {
      name: 'headers over 16 KB',
      request: () => post(activity({ type: 'message', text: 'help' }), { authorization: `Bearer ${'a'.repeat(40_000)}` }),
      status: 431,
    },
    {
      name: 'an alg: none token',
      request: () =>
        post(activity({ type: 'message', text: 'help' }), {
          authorization: `Bearer ${unsignedToken(
            { alg: 'none', typ: 'JWT' },
            { iss: ISSUER, aud: APP_ID, exp: Math.floor(Date.now() / 1000) + 600, serviceurl: bot.connector.url },
          )}`,
        }),
      status: { withoutCredentials: 200, withCredentials: 401 },
    },
    // Activities that pass the edge but ask for too much.
    {
      name: 'an invoke nobody handles',
      request: () => post(activity({ type: 'invoke', name: 'composeExtension/query', value: {} })),
      status: 501,
    },
    { name: 'a 100,000-character card verb', request: () => invoke('v'.repeat(100_000), {}), status: 200, answer: /That didn’t work/ },
    {
      name: 'a 200,000-character card value',
      request: () => invoke('link.save', { topic: 't'.repeat(200_000) }),
      status: 200,
      answer: /That didn’t work/,
    },
    {
      name: '"help" and 200,000 spaces',
      request: () => post(activity({ type: 'message', text: `help${' '.repeat(200_000)}` })),
      status: 200,
    },
    {
      name: `a message of ${MAX_TYPED_CHARACTERS + 1} characters`,
      request: () => post(activity({ type: 'message', text: 'Y8 maths: '.padEnd(MAX_TYPED_CHARACTERS + 1, 'x') })),
      status: 200,
    },
  ];

  beforeAll(async () => {
    // Anything a request leaves in the temp folder shows up here.
    tempFolder = mkdtempSync(path.join(tmpdir(), 'waypoint-hostile-'));
    process.env.TMPDIR = tempFolder;
    bomb = await gzipBomb(200 * 1024 * 1024);
    if (withCredentials) await tokens.start();
    bot = await TestBot.start({
      school: SCHOOL,
      env: withCredentials
        ? { BOT_ID: APP_ID, BOT_PASSWORD: 'not-used-offline', BOT_OPENID_METADATA_URL: `${tokens.url}/openid`, BOT_TOKEN_ISSUER: ISSUER }
        : {},
    });
    user = bot.userFor(teacher);
    // With credentials the roster API needs an outbound token this offline test cannot get.
    await bot.waypoint.services.identities.remember(
      { tenantId: TEST_TENANT, aadObjectId: user.aadObjectId },
      { schoolId: SCHOOL_ID, personId: teacher.id, signIn: teacher.email },
    );
  }, 120_000);

  afterAll(async () => {
    await bot?.stop();
    await tokens.stop();
    if (originalTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = originalTmp;
    rmSync(tempFolder, { recursive: true, force: true });
  });

  /** A teacher's one-line link: the turn ran if the link is stored (replies need no outbound token to be checked this way). */
  async function ordinaryTurnWorks(): Promise<void> {
    const id = `after-${++turns}`;
    const response = await send(bot.waypoint.url, post(activity({ id, type: 'message', text: `Y8 maths: ratio ${id} -> nurse` })));
    expect(response.status).toBe(200);
    const links = await bot.waypoint.services.school.collections.links.list(SCHOOL_ID);
    expect(links.some((link) => link.topic === `ratio ${id}`)).toBe(true);
  }

  it.each([
    ['application/json; charset=utf-8', {}],
    ['Application/JSON;charset="UTF-8"', { 'content-encoding': 'identity' }],
  ])('accepts what Teams and the Playground send: %s %o', async (contentType, headers) => {
    const id = `variant-${++turns}`;
    const body = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(JSON.stringify(activity({ id, type: 'message', text: `Y8 maths: ratio ${id} -> nurse` }))),
    ]);
    const response = await send(bot.waypoint.url, { headers: { 'content-type': contentType, ...auth(), ...headers }, body });
    expect(response.status).toBe(200);
    const links = await bot.waypoint.services.school.collections.links.list(SCHOOL_ID);
    expect(links.some((link) => link.topic === `ratio ${id}`)).toBe(true);
  });

  it('shrugs off a sender that hangs up halfway through its body', async () => {
    await new Promise<void>((resolve) => {
      const outgoing = request(`${bot.waypoint.url}/api/messages`, {
        method: 'POST',
        headers: { ...JSON_TYPE, 'content-length': '100000' },
      });
      outgoing.on('error', () => resolve());
      outgoing.write('{"type":"message","text":"', () => setTimeout(() => outgoing.destroy(), 50));
    });
    expect(readdirSync(tempFolder)).toEqual([]);
    expect((await send(bot.waypoint.url, { method: 'GET', path: '/healthz' })).status).toBe(200);
    await ordinaryTurnWorks();
  });

  it('has at least 30 hostile requests', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES.map((hostile) => [hostile.name, hostile] as const))('%s', async (_name, hostile) => {
    const raw = hostile.request();
    if (typeof raw.body === 'string') raw.body = Buffer.from(raw.body);
    // The bot runs in this process: what handling the request adds to the heap and to buffers.
    const memoryInUse = () => process.memoryUsage().heapUsed + process.memoryUsage().external;
    const before = memoryInUse();
    const response = await send(bot.waypoint.url, raw);
    const growthMb = (memoryInUse() - before) / (1024 * 1024);

    const expected =
      typeof hostile.status === 'number' ? hostile.status : hostile.status[withCredentials ? 'withCredentials' : 'withoutCredentials'];
    expect(response.status, response.text.slice(0, 200)).toBe(expected);
    if (hostile.answer) expect(cardText({ body: JSON.parse(response.text) })).toMatch(hostile.answer);
    if (hostile.boundedMemoryMb) expect(growthMb).toBeLessThan(hostile.boundedMemoryMb);
    expect(readdirSync(tempFolder)).toEqual([]);
    expect((await send(bot.waypoint.url, { method: 'GET', path: '/healthz' })).status).toBe(200);
    await ordinaryTurnWorks();
  });
});

describe('the bot as its own process in production mode', () => {
  let storage: EmbeddedStorage;
  let child: ChildProcess | undefined;
  let url = '';

  beforeAll(async () => {
    storage = await startInMemoryAzurite();
    child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        TEAMSFX_ENV: 'none',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'warn',
        BOT_ID: APP_ID,
        BOT_PASSWORD: 'not-used-offline',
        WAYPOINT_TENANT_ID: TEST_TENANT,
        WAYPOINT_STORAGE_CONNECTION_STRING: storage.connectionString,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child!.stdout! }).on('line', (line) => {
        const listening = /listening on (http:\/\/\S+)\/api\/messages/.exec(line);
        if (listening) resolve(listening[1]!);
      });
      child!.once('exit', (code) => reject(new Error(`bot exited early (${code})`)));
    });
  }, 120_000);

  afterAll(async () => {
    child?.kill('SIGKILL');
    await storage?.close();
  });

  it('stays up after mismatched and hostile encodings, refusing each before any token is checked', async () => {
    const statuses: number[] = [];
    for (const [encoding, body] of [
      ['gzip', 'x'],
      ['deflate', 'x'],
      ['br', 'x'],
      ['gzip', await gzipBomb(50 * 1024 * 1024)],
    ] as const) {
      statuses.push((await send(url, { headers: { ...JSON_TYPE, 'content-encoding': encoding }, body })).status);
    }
    expect(statuses).toEqual([415, 415, 415, 415]);
    expect(child!.exitCode).toBeNull();
    expect((await send(url, { method: 'GET', path: '/healthz' })).status).toBe(200);
    // Unsigned, so refused: but refused by a running bot.
    expect((await send(url, { headers: JSON_TYPE, body: '{"type":"message","text":"help"}' })).status).toBe(401);
  });
});
