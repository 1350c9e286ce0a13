import { createServer, type Server } from 'node:http';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';

// A stand-in for the Bot Framework's token service: our own signing key, published as OpenID
// metadata on loopback, so tokens can be signed right or wrong and the bot's real validation judged.
export const APP_ID = '6c1f2d7e-1111-4222-8333-944444444444';
export const ISSUER = 'https://api.botframework.test';
const KEY_ID = 'waypoint-test-key';

export class TokenService {
  private server?: Server;
  readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  url = '';

  async start(): Promise<void> {
    const jwk = this.keys.publicKey.export({ format: 'jwk' });
    this.server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/openid')
        res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${this.url}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      else res.end(JSON.stringify({ keys: [{ ...jwk, kid: KEY_ID, use: 'sig', alg: 'RS256', endorsements: ['msteams'] }] }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** `Bearer` and a token the bot accepts for replies to `serviceUrl`. */
  bearerFor(serviceUrl: string): string {
    const now = Math.floor(Date.now() / 1000);
    return `Bearer ${this.token({ iss: ISSUER, aud: APP_ID, nbf: now - 60, exp: now + 600, serviceurl: serviceUrl })}`;
  }

  token(claims: Record<string, unknown>, key: KeyObject = this.keys.privateKey, kid = KEY_ID): string {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const body = `${encode({ alg: 'RS256', typ: 'JWT', kid })}.${encode(claims)}`;
    return `${body}.${sign('RSA-SHA256', Buffer.from(body), key).toString('base64url')}`;
  }
}
