// The official Adaptive Cards renderer (npm adaptivecards) in headless Debian Chromium, set up like Microsoft Teams:
// Teams' light look (host-config.json, teams.css) and markdown in TextBlocks and facts (markdown-it, as a host wires
// it through AdaptiveCard.onProcessMarkdown; the renderer itself has none). Used by render.mjs (README pictures) and
// by the rendering tests (test/). Nothing is downloaded: the page is built in memory and every request that is not to
// localhost is aborted.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Teams draws a card in a chat at most about 450 px wide; "msteams": { "width": "Full" } lets it take the
// message column, which we fix at 600 px so the pictures stay readable in a README.
export const WIDTH = { personal: 450, full: 600 };

/** The width Teams gives a card: full width when the card asks for it. */
export const widthOf = (card) => (card?.msteams?.width === 'Full' ? WIDTH.full : WIDTH.personal);

/** Starts Chromium with one page holding the renderer; call close() when done. */
export async function launchRenderer() {
  const hostConfig = JSON.parse(await readFile(path.join(here, '..', 'host-config.json'), 'utf8'));
  const rendererCss = await readFile(require.resolve('adaptivecards/dist/adaptivecards.css'), 'utf8');
  const teamsCss = await readFile(path.join(here, '..', 'teams.css'), 'utf8');

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

  const page = browser.pages()[0] ?? (await browser.newPage());
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.setContent(`<!doctype html><html lang="en-US"><head><meta charset="utf-8"><style>${rendererCss}\n${teamsCss}</style></head>` +
    '<body><div id="frame" class="teams-card"></div></body></html>');
  await page.addScriptTag({ path: require.resolve('markdown-it/dist/markdown-it.min.js') });
  await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
  await page.evaluate(() => {
    // Teams renders a subset of markdown (bold, italic, lists, links) and no raw HTML.
    const markdown = window.markdownit({ html: false, linkify: false, breaks: false });
    window.AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
      result.outputHtml = markdown.render(text);
      result.didProcess = true;
    };
  });

  return {
    page,
    blocked,
    /**
     * Renders a card into #frame at its Teams width. Returns whether it rendered, the renderer's parse and
     * validation messages (and page errors), its height, and what people would see: the text and the HTML.
     */
    async render(card) {
      pageErrors.length = 0;
      const result = await page.evaluate(renderInPage, { card, hostConfig, width: widthOf(card) });
      result.messages.push(...pageErrors.map((m) => `page error: ${m}`));
      return result;
    },
    /** A PNG of the card last rendered. */
    screenshot: (file) => page.locator('#frame').screenshot({ path: file }),
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

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

  return { rendered: true, messages, height, text: frame.innerText, html: frame.innerHTML };
}
