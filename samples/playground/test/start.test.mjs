// The README's playground how-to, bash samples/playground/start.sh <persona>, in a copy of this folder as a fresh clone
// has it: it installs the pinned playground, which then answers and talks to the bot, attempts no telemetry (nothing
// leaves the machine, nothing is scheduled to) and writes nothing into the repository. Run: node --test samples/playground/test
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(here, '..', '..', '..');
const BASH = spawnSync('bash', ['-c', 'printf %s "$BASH"'], { encoding: 'utf8' }).stdout;
const START_TIMEOUT_MS = 180_000; // the first start installs the playground

let tempDir;
before(() => { tempDir = mkdtempSync(path.join(os.tmpdir(), 'chatrequests-playground-test-')); });
after(() => rmSync(tempDir, { recursive: true, force: true }));

/** samples/playground (without node_modules) and tools/prepare-npm.sh, as in a fresh clone. */
function freshClone() {
    const clone = path.join(tempDir, 'clone');
    cpSync(path.join(REPO, 'samples', 'playground'), path.join(clone, 'samples', 'playground'), {
        recursive: true,
        filter: (source) => path.basename(source) !== 'node_modules',
    });
    mkdirSync(path.join(clone, 'tools'));
    cpSync(path.join(REPO, 'tools', 'prepare-npm.sh'), path.join(clone, 'tools', 'prepare-npm.sh'));
    return clone;
}

/** Every file under the folder, relative to it, leaving out installed packages. */
function filesUnder(folder) {
    return readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(folder, path.join(entry.parentPath ?? entry.path, entry.name)))
        .filter((file) => !file.split(path.sep).includes('node_modules'))
        .sort();
}

/** A stand-in for the bot's POST /api/messages that keeps what it is sent. */
async function startBot() {
    const activities = [];
    const server = http.createServer((request, response) => {
        let body = '';
        request.on('data', (chunk) => { body += chunk; });
        request.on('end', () => {
            if (request.method === 'POST' && request.url === '/api/messages') activities.push(JSON.parse(body));
            response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { server, activities, endpoint: `http://127.0.0.1:${server.address().port}/api/messages` };
}

async function freePort() {
    const server = http.createServer();
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address();
    await new Promise((resolve) => server.close(resolve));
    return port;
}

async function waitFor(condition, what, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (await condition().catch(() => false)) return;
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`${what} within ${timeoutMs / 1000} s`);
}

const get = async (url) => (await fetch(url)).json();

describe('bash samples/playground/start.sh megan, in a fresh clone', () => {
    let clone, bot, port, playground, stdout = '', stderr = '', filesBefore, guardLog, tmp;

    before(async () => {
        clone = freshClone();
        filesBefore = filesUnder(clone);
        bot = await startBot();
        port = await freePort();
        tmp = path.join(tempDir, 'tmp');
        mkdirSync(tmp);
        guardLog = path.join(tempDir, 'offline-guard.log');
        playground = spawn(BASH, ['samples/playground/start.sh', 'megan', String(port), bot.endpoint], {
            cwd: clone,
            env: {
                ...process.env,
                TMPDIR: tmp,
                NODE_OPTIONS: `--require ${path.join(here, 'offline-guard.cjs')}`,
                OFFLINE_GUARD_LOG: guardLog,
            },
        });
        playground.stdout.on('data', (chunk) => { stdout += chunk; });
        playground.stderr.on('data', (chunk) => { stderr += chunk; });
        playground.exited = new Promise((resolve) => playground.once('exit', resolve));
        await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/`)).ok, `the playground did not answer:\n${stdout}${stderr}`, START_TIMEOUT_MS);
    });

    after(async () => {
        if (playground.exitCode === null) {
            playground.kill('SIGTERM');
            await playground.exited;
        }
        await new Promise((resolve) => bot.server.close(resolve));
    });

    test('installs the pinned playground once, saying so in one line, and prints its address, PID and log', () => {
        assert.equal(stderr, 'Installing the npm packages pinned in samples/playground/package-lock.json (once)...\n');
        const log = path.join(tmp, 'chatrequests-playground', 'megan.log');
        assert.ok(stdout.startsWith(`Agents Playground for megan: http://localhost:${port} (PID ${playground.pid}, log ${log})\n`), stdout);
    });

    test('passes what Megan types to the bot, from her personal chat, as her', async () => {
        const config = await get(`http://127.0.0.1:${port}/_internal/v1/config`);
        const chat = config.config.personalChat.id;
        const activity = await get(`http://127.0.0.1:${port}/_internal/v1/customActivities/template?conversationId=${chat}`);

        const sent = await fetch(`http://127.0.0.1:${port}/_internal/v1/customActivities`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ ...activity, type: 'message', text: 'I need a new laptop' }),
        });

        assert.equal(sent.status, 200);
        await waitFor(async () => bot.activities.some((a) => a.text === 'I need a new laptop'), 'the bot heard nothing', 10_000);
        const heard = bot.activities.find((a) => a.text === 'I need a new laptop');
        assert.equal(heard.from.aadObjectId, '00000000-0000-0000-0000-0000000000a1');
        assert.equal(heard.conversation.conversationType, 'personal');
    });

    test('listens on 127.0.0.1 only, not on the machine\'s other addresses', async (t) => {
        const others = Object.values(os.networkInterfaces()).flat().filter((a) => a && !a.internal && a.family === 'IPv4');
        if (others.length === 0) {
            t.skip('this machine has no address besides the loopback one');
            return;
        }
        for (const { address } of others) {
            await assert.rejects(fetch(`http://${address}:${port}/`, { signal: AbortSignal.timeout(5_000) }),
                `the playground answered on ${address}`);
        }
    });

    test('attempts no telemetry: nothing beyond this machine, nothing scheduled, no usage event logged', async () => {
        await new Promise((resolve) => setTimeout(resolve, 2_000)); // what the SDK does at start is immediate

        const attempts = existsSync(guardLog) ? readFileSync(guardLog, 'utf8').trim().split('\n').filter(Boolean) : [];
        assert.deepEqual(attempts, []);
        const log = readFileSync(path.join(tmp, 'chatrequests-playground', 'megan.log'), 'utf8');
        assert.match(log, /Listening on/);
        assert.doesNotMatch(log, /Telemetry:/);
    });

    test('writes nothing into the repository besides its installed packages, and stops by its PID', async () => {
        process.kill(playground.pid, 'SIGTERM');
        await playground.exited;

        assert.deepEqual(filesUnder(clone), filesBefore);
        assert.ok(existsSync(path.join(clone, 'samples', 'playground', 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js')));
    });
});

test('start.sh without a known persona says which there are, exit code 2', () => {
    const result = spawnSync(BASH, [path.join(REPO, 'samples', 'playground', 'start.sh'), 'bob'], { encoding: 'utf8' });

    assert.equal(result.status, 2);
    assert.match(result.stderr, /megan \(employee\), alex \(her manager\) or adele \(Hardware Service\)/);
});
