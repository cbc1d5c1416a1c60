// Renders every Adaptive Card JSON file of a folder to PNG with the official renderer (npm adaptivecards)
// in headless Debian Chromium, looking roughly like Microsoft Teams (light theme).
//
//   node render.mjs [--strict] <cards-folder> <png-folder>
//
// Reports the renderer's parse and validation messages for each card; exits 1 if any card fails to render
// (with --strict, also if the renderer had anything to say about a card).
// Nothing is downloaded: the page is built in memory and every request that is not to localhost is aborted.
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Teams draws a card in a chat at most about 450 px wide; "msteams": { "width": "Full" } lets it take the
// message column, which we fix at 600 px so the pictures stay readable in a README.
const WIDTH = { personal: 450, full: 600 };

const strict = process.argv.includes('--strict');
const [cardsFolder, pngFolder, extra] = process.argv.slice(2).filter((a) => a !== '--strict');
if (!cardsFolder || !pngFolder || extra) {
  console.error('Usage: node render.mjs [--strict] <cards-folder> <png-folder>');
  process.exit(2);
}

const hostConfig = JSON.parse(await readFile(path.join(here, 'host-config.json'), 'utf8'));
const rendererScript = require.resolve('adaptivecards/dist/adaptivecards.min.js');
const rendererCss = await readFile(require.resolve('adaptivecards/dist/adaptivecards.css'), 'utf8');
const teamsCss = await readFile(path.join(here, 'teams.css'), 'utf8');

const files = (await readdir(cardsFolder)).filter((f) => f.endsWith('.json')).sort();
if (files.length === 0) {
  console.error(`No .json cards in ${cardsFolder}`);
  process.exit(1);
}

await mkdir(pngFolder, { recursive: true });
const profile = await mkdtemp(path.join(tmpdir(), 'card-render-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  // The flags PLATFORM.md settled on for this machine: no sandbox (root, no user namespaces), no GPU, and
  // none of Chromium's own background traffic. Playwright adds --user-data-dir (the fresh profile above).
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
  viewport: { width: WIDTH.full + 64, height: 800 },
  deviceScaleFactor: 1,
});

const blocked = [];
await browser.route('**/*', (route) => {
  const url = new URL(route.request().url());
  if (['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) || ['data:', 'about:', 'blob:'].includes(url.protocol)) {
    return route.continue();
  }
  blocked.push(url.href);
  return route.abort('blockedbyclient');
});

let failed = 0;
try {
  const page = browser.pages()[0] ?? (await browser.newPage());
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${rendererCss}\n${teamsCss}</style></head>` +
    '<body><div id="frame" class="teams-card"></div></body></html>');
  await page.addScriptTag({ path: rendererScript });

  for (const file of files) {
    const name = path.basename(file, '.json');
    let card;
    try {
      card = JSON.parse(await readFile(path.join(cardsFolder, file), 'utf8'));
    } catch (e) {
      console.error(`FAIL ${file}: not JSON: ${e.message}`);
      failed++;
      continue;
    }

    const width = card?.msteams?.width === 'Full' ? WIDTH.full : WIDTH.personal;
    pageErrors.length = 0;
    const result = await page.evaluate(renderInPage, { card, hostConfig, width });
    const messages = [...result.messages, ...pageErrors.map((m) => `page error: ${m}`)];
    if (!result.rendered || pageErrors.length > 0 || (strict && messages.length > 0)) {
      console.error(`FAIL ${file} (${width} px)`);
      messages.forEach((m) => console.error(`     ${m}`));
      failed++;
      continue;
    }

    await page.locator('#frame').screenshot({ path: path.join(pngFolder, `${name}.png`) });
    console.log(`ok   ${name}.png (${width}x${result.height})${messages.length ? ` - ${messages.length} message(s):` : ''}`);
    messages.forEach((m) => console.log(`     ${m}`));
  }
} finally {
  await browser.close();
  await rm(profile, { recursive: true, force: true });
}

if (blocked.length > 0) {
  console.log(`Blocked ${blocked.length} request(s) that were not to localhost: ${[...new Set(blocked)].join(', ')}`);
}

console.log(`${files.length - failed} of ${files.length} cards rendered to ${path.resolve(pngFolder)}`);
process.exit(failed > 0 ? 1 : 0);

// Runs in the page: parses the card with the renderer, reports what it noticed, and renders it into #frame.
function renderInPage({ card, hostConfig, width }) {
  const AC = window.AdaptiveCards;
  const messages = [];
  const describe = (e) => `${AC.ValidationPhase[e.phase]}: ${AC.ValidationEvent[e.event]}: ${e.message}`;

  const frame = document.getElementById('frame');
  frame.replaceChildren();
  frame.style.width = `${width}px`;

  const adaptiveCard = new AC.AdaptiveCard();
  adaptiveCard.hostConfig = new AC.HostConfig(hostConfig);
  const context = new AC.SerializationContext();
  adaptiveCard.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    messages.push(describe(context.getEventAt(i)));
  }

  for (const e of adaptiveCard.validateProperties().validationEvents) {
    messages.push(describe(e));
  }

  const element = adaptiveCard.render();
  if (!element) {
    messages.push('the renderer returned nothing');
    return { rendered: false, messages };
  }

  frame.appendChild(element);
  const height = Math.round(frame.getBoundingClientRect().height);
  if (height < 10) {
    messages.push(`the rendered card is ${height} px high`);
    return { rendered: false, messages };
  }

  return { rendered: true, messages, height };
}
