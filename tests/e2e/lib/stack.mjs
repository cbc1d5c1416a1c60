// The system under test and its client, each a child process of the suite: the bot (built beforehand by
// run.sh), one Agents Playground per persona, and Debian Chromium. Everything listens on 127.0.0.1 and is
// stopped by its PID, also when a step fails.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const suiteDir = path.resolve(here, '..');
export const repoRoot = path.resolve(suiteDir, '../..');
const botDll = path.join(repoRoot, 'bot/ChatRequests.Bot/bin/Release/net10.0/ChatRequests.Bot.dll');
const playgroundCli = path.join(suiteDir, 'node_modules/@microsoft/m365agentsplayground/cli.js');
const loopback = path.join(repoRoot, 'samples/playground/loopback.cjs');
// The environment the README's playground how-to uses too: no browser of its own, no telemetry (with --dt).
const playgroundEnvironment = readEnvironmentFile(path.join(repoRoot, 'samples/playground/playground.env'));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const startTimeoutMs = 60_000;

/**
 * Starts bot, playgrounds and browser; returns the stack, already stopped again if any part failed to start.
 * botArgs: more command-line configuration for the bot (another catalog and organisation, for example).
 */
export async function startStack(personas, runDir, { botArgs = [] } = {}) {
  const stack = new Stack(runDir);
  try {
    await stack.start(personas, botArgs);
    return stack;
  } catch (error) {
    console.error(`Evidence of the failed start (logs): ${await stack.saveEvidence('start')}`);
    await stack.stop();
    throw error;
  }
}

class Stack {
  children = [];
  pages = new Map();
  browser = null;

  constructor(runDir) {
    this.runDir = runDir;
    fs.mkdirSync(runDir, { recursive: true });
    // The suite's after hook stops everything; these cover an interrupted run (Ctrl-C, a killed runner).
    const killNow = () => {
      for (const child of this.processes()) if (isRunning(child)) killPid(child.pid, 'SIGKILL');
    };
    process.once('exit', killNow);
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.once(signal, () => {
        killNow();
        process.exit(130);
      });
    }
  }

  async start(personas, botArgs) {
    if (!fs.existsSync(botDll)) throw new Error(`${botDll} is missing: build the bot first (tests/e2e/run.sh does).`);
    const botPort = await freePort();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatrequests-e2e-'));
    this.dataDir = dataDir;
    this.botUrl = `http://127.0.0.1:${botPort}`;
    this.spawn('bot', 'dotnet', [
      botDll, `--Urls=${this.botUrl}`, `--Storage:SqlitePath=${path.join(dataDir, 'r.db')}`,
      // The sentence encoder off: it would start reading by meaning seconds into a story (ADR 0044; the .NET tests run it).
      '--Fulfilment:PollInterval=00:00:00.200', '--Intake:Encoder:Enabled=false', ...botArgs,
    ], { cwd: repoRoot, env: { ASPNETCORE_ENVIRONMENT: 'Development' } }); // no MicrosoftAppId: inbound auth is off, allowed in Development only
    await waitForHttp(`${this.botUrl}/`, 'the bot', this.children[0]);

    for (const persona of personas) {
      persona.port = await freePort();
      persona.url = `http://127.0.0.1:${persona.port}`;
      persona.logFile = path.join(this.runDir, `playground-${persona.key}.log`);
      const child = this.spawn(`playground-${persona.key}`, process.execPath, [
        '-r', loopback, playgroundCli,
        '-e', `${this.botUrl}/api/messages`, '-c', 'msteams', '-p', String(persona.port), '--dt',
      ], {
        cwd: suiteDir,
        env: {
          ...playgroundEnvironment,
          M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(repoRoot, persona.config),
          M365_AGENTS_PLAYGROUND_LOGFILE: persona.logFile,
        },
      });
      persona.child = child;
    }
    await Promise.all(personas.map((p) => waitForHttp(`${p.url}/`, `the playground of ${p.name}`, p.child)));

    // A browser server, so that the suite knows Chromium's PID. Playwright starts it with a fresh
    // --user-data-dir of its own (it refuses one passed in args) and deletes it on close.
    this.browserServer = await chromium.launchServer({
      executablePath: chromiumPath,
      headless: true,
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync',
      ],
    });
    this.browser = await chromium.connect(this.browserServer.wsEndpoint());
    for (const persona of personas) {
      const context = await this.browser.newContext({ viewport: { width: 1280, height: 1000 } });
      // The playground UI asks a CDN for fonts and animations: nothing may leave the machine.
      await context.route('**/*', (route) => {
        const { hostname } = new URL(route.request().url());
        return hostname === '127.0.0.1' || hostname === 'localhost' ? route.continue() : route.abort();
      });
      const page = await context.newPage();
      this.pages.set(persona.key, page);
      persona.page = page;
    }
  }

  /** Every process the suite started (bot, playgrounds, Chromium), as Node child processes. */
  processes() {
    const browserProcess = this.browserServer?.process();
    return browserProcess ? [...this.children, browserProcess] : [...this.children];
  }

  spawn(name, command, args, { cwd, env = {} }) {
    const out = fs.openSync(path.join(this.runDir, `${name}.out.log`), 'a');
    const child = spawn(command, args, {
      cwd, env: { ...process.env, DOTNET_NOLOGO: '1', ...env }, stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    child.name = name;
    child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    this.children.push(child);
    return child;
  }

  /** A screenshot of every persona page and the playground logs, into the run folder. */
  async saveEvidence(label) {
    const dir = path.join(this.runDir, `failure-${label.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
    fs.mkdirSync(dir, { recursive: true });
    for (const [key, page] of this.pages) {
      await page.screenshot({ path: path.join(dir, `${key}.png`), fullPage: true }).catch(() => {});
      await fs.promises.writeFile(path.join(dir, `${key}.html`), await page.content().catch(() => '')).catch(() => {});
    }
    for (const file of fs.readdirSync(this.runDir)) {
      if (file.endsWith('.log')) fs.copyFileSync(path.join(this.runDir, file), path.join(dir, file));
    }
    return dir;
  }

  async stop() {
    if (this.browser) await Promise.race([this.browser.close().catch(() => {}), delay(5_000)]);
    if (this.browserServer) await Promise.race([this.browserServer.close().catch(() => {}), delay(5_000)]);
    const browserProcess = this.browserServer?.process();
    if (browserProcess && isRunning(browserProcess)) killPid(browserProcess.pid, 'SIGKILL');
    await Promise.all(this.children.map(async (child) => {
      if (!isRunning(child)) return;
      killPid(child.pid, 'SIGTERM');
      const stopped = await Promise.race([child.exited, delay(5_000).then(() => null)]);
      if (!stopped && isRunning(child)) killPid(child.pid, 'SIGKILL');
    }));
    if (this.dataDir) fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

// Only a child that Node has not reaped yet: its PID is still ours, never another process's.
function isRunning(child) {
  return child.exitCode === null && child.signalCode === null;
}

function killPid(pid, signal) {
  try {
    process.kill(pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, what, child) {
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode} before answering ${url}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await delay(200);
  }
  throw new Error(`${what} did not answer 200 at ${url} within ${startTimeoutMs / 1000} s`);
}

/** NAME=value lines, taken as written; # starts a comment line. */
function readEnvironmentFile(file) {
  return Object.fromEntries(fs.readFileSync(file, 'utf8').split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}
