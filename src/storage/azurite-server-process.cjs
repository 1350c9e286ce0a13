// Runs Azurite's Table service in a process of its own. It began so because restify 11's HTTP/2
// support patched Node's HTTP parser, and in-process Azurite then silently ignored every $filter;
// restify 12 has no HTTP/2, and a process of its own still keeps Azurite's CPU apart in the bench.
// Usage: node azurite-server-process.cjs memory|<db-file> [port]  (port 0 or absent: any free port)
// Prints {"port":N} once listening; exits when its parent closes stdin or on SIGTERM.
'use strict';
const TableServer = require('azurite/dist/src/table/TableServer').default;
const TableConfiguration = require('azurite/dist/src/table/TableConfiguration').default;

const target = process.argv[2] || 'memory';
const requestedPort = Number(process.argv[3] || 0);
const inMemory = target === 'memory';
const config = new TableConfiguration(
  '127.0.0.1',
  requestedPort,
  undefined,
  inMemory ? 'memory' : target,
  false,
  false,
  undefined,
  undefined,
  false,
  true,
  '',
  '',
  '',
  undefined,
  false,
  inMemory,
);
const server = new TableServer(config);

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  await server.close().catch(() => undefined);
  process.exit(0);
}

server.start().then(
  () => {
    const port = Number(new URL(server.getHttpServerAddress()).port);
    process.stdout.write(`${JSON.stringify({ port })}\n`);
  },
  (error) => {
    process.stderr.write(`Azurite could not start: ${error && error.message}\n`);
    process.exit(1);
  },
);
process.stdin.on('end', shutdown);
process.stdin.resume();
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
