// Preload (`node -r ./bind-loopback.cjs ...`) for the Microsoft 365 Agents Playground, which calls
// server.listen(port) and so serves the fake Teams to the whole network. Any listen() without a
// host gets 127.0.0.1 instead; listens that name a host, a pipe or a handle are left alone.
'use strict';

const net = require('node:net');

const LOOPBACK = '127.0.0.1';
const originalListen = net.Server.prototype.listen;

net.Server.prototype.listen = function listenOnLoopbackByDefault(...args) {
  return originalListen.apply(this, withLoopbackHost(args));
};

function withLoopbackHost(args) {
  const [first] = args;
  // listen() or listen(callback): a random port on every interface.
  if (first === undefined || typeof first === 'function') return [0, LOOPBACK, ...args.filter((arg) => arg !== undefined)];
  // listen(port[, host][, backlog][, callback])
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return typeof args[1] === 'string' ? args : [first, LOOPBACK, ...args.slice(1)];
  }
  // listen({ port, host?, ... }[, callback]); options naming a path, fd or handle are not TCP ports.
  if (first !== null && typeof first === 'object' && 'port' in first && first.host === undefined && first.path === undefined) {
    return [{ ...first, host: LOOPBACK }, ...args.slice(1)];
  }
  return args;
}
