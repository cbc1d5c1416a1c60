// Preloaded into each Agents Playground we start (node -r; start.sh here, tests/e2e/lib/stack.mjs): the playground
// listens on every interface, which a local how-to or a test run must not do; this makes every server of the
// process listen on the loopback address only.
'use strict';
const net = require('node:net');

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first] = args;
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    // listen(port[, host][, backlog][, callback]): replace or insert the host.
    const rest = args.slice(1);
    if (typeof rest[0] === 'string') rest.shift();
    return listen.call(this, Number(first), '127.0.0.1', ...rest);
  }
  if (first && typeof first === 'object' && !Array.isArray(first) && first.path === undefined && first.handle === undefined && first._handle === undefined) {
    return listen.call(this, { ...first, host: '127.0.0.1' }, ...args.slice(1));
  }
  return listen.apply(this, args);
};
