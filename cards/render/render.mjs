// Renders every Adaptive Card JSON file of a folder to PNG with the official renderer (npm adaptivecards)
// in headless Debian Chromium, looking roughly like Microsoft Teams (light theme, markdown in TextBlocks).
//
//   node render.mjs [--strict] <cards-folder> <png-folder>
//
// Reports the renderer's parse and validation messages for each card; exits 1 if any card fails to render
// (with --strict, also if the renderer had anything to say about a card).
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { launchRenderer, widthOf } from './lib/renderer.mjs';

const strict = process.argv.includes('--strict');
const [cardsFolder, pngFolder, extra] = process.argv.slice(2).filter((a) => a !== '--strict');
if (!cardsFolder || !pngFolder || extra) {
  console.error('Usage: node render.mjs [--strict] <cards-folder> <png-folder>');
  process.exit(2);
}

const files = (await readdir(cardsFolder)).filter((f) => f.endsWith('.json')).sort();
if (files.length === 0) {
  console.error(`No .json cards in ${cardsFolder}`);
  process.exit(1);
}

await mkdir(pngFolder, { recursive: true });
const renderer = await launchRenderer();
let failed = 0;
try {
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

    const width = widthOf(card);
    const result = await renderer.render(card);
    const pageErrors = result.messages.filter((m) => m.startsWith('page error:'));
    if (!result.rendered || pageErrors.length > 0 || (strict && result.messages.length > 0)) {
      console.error(`FAIL ${file} (${width} px)`);
      result.messages.forEach((m) => console.error(`     ${m}`));
      failed++;
      continue;
    }

    await renderer.screenshot(path.join(pngFolder, `${name}.png`));
    console.log(`ok   ${name}.png (${width}x${result.height})${result.messages.length ? ` - ${result.messages.length} message(s):` : ''}`);
    result.messages.forEach((m) => console.log(`     ${m}`));
  }
} finally {
  await renderer.close();
}

if (renderer.blocked.length > 0) {
  console.log(`Blocked ${renderer.blocked.length} request(s) that were not to localhost: ${[...new Set(renderer.blocked)].join(', ')}`);
}

console.log(`${files.length - failed} of ${files.length} cards rendered to ${path.resolve(pngFolder)}`);
process.exit(failed > 0 ? 1 : 0);
