// What people type is shown as typed on the cards Teams renders: the official renderer (adaptivecards 3.0.6) in
// headless Chromium, with markdown wired in as a host does, renders the gallery's cards whose every text is markup.
// No link, no bold, no expanded date; the characters as typed. A control shows the same text in a plain TextBlock
// does become a link, bold and a date, so these tests can fail.
//   node --test cards/render/test        (needs the .NET SDK and /usr/bin/chromium)
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { launchRenderer } from '../lib/renderer.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const MARKUP = '**bold** [click](https://evil.example) {{DATE(2026-01-01T00:00:00Z)}} ${$root.secret} <at>Tomás</at>';
const PATH = String.raw`\\fs01\finance\reports`;

let folder;
let renderer;

before(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'card-gallery-'));
  // The cards as the bot binds them: the gallery project, with the sample catalog and organisation.
  await promisify(execFile)('dotnet', ['run', '--project', path.join(root, 'cards', 'ChatRequests.Cards.Gallery'), '--', folder],
    { timeout: 10 * 60_000, maxBuffer: 16 * 1024 * 1024 });
  renderer = await launchRenderer();
}, { timeout: 11 * 60_000 });

after(async () => {
  await renderer?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

async function renderFile(name) {
  return renderCard(JSON.parse(await readFile(path.join(folder, `${name}.json`), 'utf8')));
}

/** Renders a card and reads what a person would see: the text, and the markup elements markdown would have made. */
async function renderCard(card) {
  const result = await renderer.render(card);
  assert.ok(result.rendered, `did not render: ${result.messages.join('; ')}`);
  const found = await renderer.page.evaluate(() => {
    const frame = document.getElementById('frame');
    const count = (selector) => frame.querySelectorAll(selector).length;
    return { links: count('a'), bold: count('strong, b'), italic: count('em, i'), hrefs: [...frame.querySelectorAll('a')].map((a) => a.href) };
  });
  return { ...result, ...found, shown: result.text.replaceAll('\u2060', '') };
}

for (const [name, showsMoments] of [['hostile-approval', true], ['hostile-team', true], ['hostile-notice', false], ['hostile-details', true]]) {
  test(`${name}: what people typed is shown as typed, with no link, no bold and no date made of it`, async () => {
    const card = await renderFile(name);

    assert.deepEqual(card.messages, [], 'the renderer had something to say about the card');
    assert.equal(card.links, 0, `links: ${card.hrefs.join(', ')}`);
    assert.equal(card.bold, 0);
    assert.equal(card.italic, 0);
    assert.ok(card.shown.includes(MARKUP), `the typed text is not shown as typed:\n${card.shown}`);
    assert.doesNotMatch(card.shown, /1\/1\/2026|Jan(uary)? 1, 2026|Dec(ember)? 31, 2025/, 'the typed DATE was expanded');
    // The card's own moments are expanded into the viewer's local time.
    assert.doesNotMatch(card.shown, /\{\{(DATE|TIME)\(2026-03/);
    if (showsMoments) assert.match(card.shown, /Mar \d+, 2026/);
  });
}

test('hostile-approval: the folder path shows as stored, with both backslashes', async () => {
  const card = await renderFile('hostile-approval');

  assert.ok(card.shown.includes(PATH), card.shown);
});

test('request-form-folder: the hint shows exactly what the folder path accepts', async () => {
  const card = await renderFile('request-form-folder');

  assert.ok(card.shown.includes(`for example ${PATH}.`), card.shown);
});

test('control: the same text in a plain TextBlock becomes a link, bold and a date, and loses a backslash', async () => {
  const card = await renderCard({
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text: MARKUP, wrap: true }, { type: 'TextBlock', text: `Like ${PATH}`, wrap: true }],
  });

  assert.equal(card.links, 1);
  assert.deepEqual(card.hrefs, ['https://evil.example/']);
  assert.ok(card.bold >= 1);
  assert.ok(!card.shown.includes('{{DATE('), `the DATE was not expanded: ${card.shown}`);
  assert.ok(!card.shown.includes(PATH) && card.shown.includes(String.raw`\fs01\finance\reports`), card.shown);
});
