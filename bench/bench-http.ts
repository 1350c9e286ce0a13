import http from 'node:http';

// The load generator's HTTP client: node:http with kept-alive sockets, so the bench spends as little
// of the machine as it can on itself (fetch costs noticeably more per request).

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export interface HttpAnswer {
  status: number;
  text: string;
}

/** POSTs JSON and reads the whole answer; rejects on a network error or after `timeoutMs`. */
export function postJson(url: string, body: unknown, timeoutMs = 30_000): Promise<HttpAnswer> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise<HttpAnswer>((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': payload.length }, timeout: timeoutMs },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer from ${url} within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(payload);
  });
}

/** Lets the bench exit promptly: kept-alive sockets would otherwise hold servers open on close. */
export function dropIdleSockets(): void {
  agent.destroy();
}
