// Preloaded into the playground by start.test.mjs (NODE_OPTIONS=--require): records, to the file named by
// OFFLINE_GUARD_LOG, every attempt of the process to reach beyond this machine (refused, so that a failing test sends
// nothing either) and every timer of a minute or more that it sets up (the telemetry SDK's heartbeat and metrics).
'use strict';
// NODE_OPTIONS reaches npm too (start.sh installs first): guard the playground only.
if (!/m365agentsplayground[\\/]cli\.js$/.test(process.argv[1] ?? '')) return;

const fs = require('node:fs');
const net = require('node:net');
const dns = require('node:dns');

const logFile = process.env.OFFLINE_GUARD_LOG;
const record = (entry) => fs.appendFileSync(logFile, `${JSON.stringify({ script: process.argv[1], ...entry })}\n`);
const isLocal = (host) => !host || host === 'localhost' || host === '::1' || /^127\./.test(host);

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
    const options = Array.isArray(args[0]) ? args[0][0] : args[0];
    const host = typeof options === 'object' && options !== null ? options.host : args[1];
    const isPipe = typeof options === 'object' && options !== null && Boolean(options.path); // HTTP passes path: null
    if (!isPipe && !isLocal(host)) {
        record({ connect: `${host}:${options?.port ?? options}` });
        process.nextTick(() => this.destroy(new Error(`offline-guard: no connection to ${host}`)));
        return this;
    }
    return connect.apply(this, args);
};

const lookup = dns.lookup;
dns.lookup = function guardedLookup(hostname, ...rest) {
    if (!isLocal(hostname)) {
        record({ lookup: hostname });
        const callback = rest.at(-1);
        process.nextTick(() => callback(Object.assign(new Error(`offline-guard: no lookup of ${hostname}`), { code: 'ENOTFOUND' })));
        return undefined;
    }
    return lookup.call(this, hostname, ...rest);
};

const setIntervalOriginal = global.setInterval;
global.setInterval = function recordedSetInterval(callback, ms, ...rest) {
    if (ms >= 60_000) record({ every: ms, what: String(callback).slice(0, 120) });
    return setIntervalOriginal.call(this, callback, ms, ...rest);
};
