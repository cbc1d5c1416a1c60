// The dashboard tab's page in Debian Chromium, straight from the bot host (the Agents Playground does not host tabs):
// in Development the page names its viewer with ?as=; a team lead sees the figures, anyone else the refusal only.
// Writes docs/dashboard.png. Run: node --test dashboard.test.mjs (after building the bot, as run.sh does).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { chromium } from 'playwright-core';
import { repoRoot } from './lib/stack.mjs';

const lead = '00000000-0000-0000-0000-0000000000d2'; // Grady Archie, lead of Hardware Service
const member = '00000000-0000-0000-0000-0000000000a1'; // Megan Bowen
const botDll = ['Release', 'Debug'].map((c) => path.join(repoRoot, `bot/ChatRequests.Bot/bin/${c}/net10.0/ChatRequests.Bot.dll`)).find(fs.existsSync);

let bot, browser, botUrl;

before(async () => {
  assert.ok(botDll, 'build the bot first');
  const port = await new Promise((resolve) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); }); });
  botUrl = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatrequests-dashboard-'));
  bot = spawn('dotnet', [botDll, `--Urls=${botUrl}`, `--Storage:SqlitePath=${path.join(dataDir, 'r.db')}`],
    { cwd: repoRoot, env: { ...process.env, ASPNETCORE_ENVIRONMENT: 'Development' }, stdio: 'ignore' });
  for (let i = 0; ; i++) {
    try { if ((await fetch(`${botUrl}/`)).ok) break; } catch { /* not up yet */ }
    assert.ok(i < 120, 'the bot did not start');
    await new Promise((r) => setTimeout(r, 500));
  }
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
});

after(async () => {
  await browser?.close();
  bot?.kill();
});

it('shows a team lead their team\'s figures, with no request to anywhere else', async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  const elsewhere = [];
  page.on('request', (r) => { if (!r.url().startsWith(botUrl)) elsewhere.push(r.url()); });
  await page.goto(`${botUrl}/dashboard?as=${lead}&period=last%2030%20days`);
  await page.locator('#tiles .tile').first().waitFor();
  assert.match(await page.locator('#covers').innerText(), /Hardware Service, last 30 days/);
  assert.equal(await page.locator('#tiles .tile').count(), 9);
  assert.equal(await page.locator('#message').innerText(), '');
  assert.deepEqual(elsewhere, []);
  await page.screenshot({ path: path.join(repoRoot, 'docs/dashboard.png'), fullPage: true });
});

it('refuses anyone else with the report\'s words and no figures', async () => {
  const page = await browser.newPage();
  await page.goto(`${botUrl}/dashboard?as=${member}`);
  await page.locator('#message').filter({ hasText: 'Reports are for' }).waitFor();
  assert.equal(await page.locator('#tiles .tile').count(), 0);
  assert.equal(await page.locator('#covers').innerText(), '');
});
