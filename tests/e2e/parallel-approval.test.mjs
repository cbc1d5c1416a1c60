// Parallel approval stages in the Agents Playground: two Finance approvers, each in their own playground, decide a
// stage that needs them all (the requester hears only after the second) and one that any of them decides (a rejection
// by one stops the other's card asking). The bot runs on samples/organisation.json with a small catalog of this suite's
// own (tests/e2e/parallel/catalog.json). Run it with run.sh (which builds the bot first).
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe } from 'node:test';
import { Persona, fill, press } from './lib/persona.mjs';
import { repoRoot, suiteDir } from './lib/stack.mjs';
import { story } from './lib/story.mjs';

const runDir = path.join(suiteDir, 'artifacts', `parallel-${new Date().toISOString().replace(/[:.]/g, '-')}`);
const screens = path.join(suiteDir, 'artifacts', 'screens');

const megan = new Persona({ key: 'megan', name: 'Megan Bowen', firstName: 'Megan', config: 'samples/playground/megan.yml' });
const isaiah = new Persona({ key: 'isaiah', name: 'Isaiah Langer', firstName: 'Isaiah', config: 'tests/e2e/parallel/isaiah.yml' });
const joni = new Persona({ key: 'joni', name: 'Joni Sherman', firstName: 'Joni', config: 'tests/e2e/parallel/joni.yml' });

/** Megan asks in her words and submits the form of <item>; a "did you mean" on the way is answered with the item. */
async function request(words, item) {
  const answer = await megan.seeNew(() => megan.say(words), item);
  if (await answer.getByRole('button', { name: 'Submit request', exact: true }).count() === 0) {
    const yes = answer.getByRole('button', { name: `Yes, ${item}`, exact: true });
    if (await yes.count() === 1) {
      await yes.click();
    } else {
      await answer.locator('.ac-columnSet').filter({ hasText: item }).getByRole('button', { name: 'Choose', exact: true }).first().click();
    }
  }

  const form = await megan.see(`Request: ${item}`, 'Submit request');
  const logged = await megan.seeNew(() => press(form, 'Submit request'), 'Request logged: REQ-');
  const requestId = (await logged.innerText()).match(/REQ-\d{6}/)?.[0];
  assert.ok(requestId, 'a request number');
  return requestId;
}

describe('Parallel approval stages in the Agents Playground', () => {
  const step = story({
    name: 'parallel',
    personas: [megan, isaiah, joni],
    runDir,
    options: { botArgs: [`--Catalog:Path=${path.join(repoRoot, 'tests/e2e/parallel/catalog.json')}`] },
  });

  let allId;

  step('P1. a stage that needs all of Finance: both approvers get the card, each naming the other', async () => {
    allId = await request('I need the budget planning tool for our Q2 forecast', 'Budget planning tool');
    const isaiahCard = await isaiah.see(`Approval needed: ${allId}`, 'Approve');
    const joniCard = await joni.see(`Approval needed: ${allId}`, 'Approve');
    assert.match(await isaiahCard.innerText(), /All of 2 must approve: you and Joni Sherman/);
    assert.match(await joniCard.innerText(), /All of 2 must approve: Isaiah Langer and you/);
  });

  step('P2. the first approval counts, the other\'s card says so, and the requester is not told yet', async () => {
    await press(isaiah.card(`Approval needed: ${allId}`), 'Approve');
    await isaiah.see(allId, 'Approved by you');
    const joniCard = await joni.see(`Approval needed: ${allId}`, 'approved so far: Isaiah Langer');
    await joni.screenshot(screens, 'p2-all-one-of-two', joniCard);
    // The card update and a notice would come from the same event: once the card moved, a notice would have been sent.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(await megan.card(allId, 'approved your request').count(), 0, 'no notice before the second approval');
  });

  step('P3. the second approval decides the stage, and then the requester is told', async () => {
    await press(joni.card(`Approval needed: ${allId}`), 'Approve');
    await joni.see(`Approved: ${allId}`, 'Approved by all: Isaiah Langer and you');
    const notice = await megan.see(allId, 'Joni Sherman approved your request');
    await megan.screenshot(screens, 'p3-requester-told', notice);
  });

  step('P4. a stage any of Finance decides: one rejects, and the other\'s card stops asking', async () => {
    const anyId = await request('I need a corporate expense card for conference travel', 'Corporate expense card');
    const isaiahCard = await isaiah.see(`Approval needed: ${anyId}`, 'Reject');
    await joni.see(`Approval needed: ${anyId}`, 'Approve');
    assert.match(await isaiahCard.innerText(), /Any one of 2 decides/);
    await fill(isaiahCard, 'Comment (required to reject)', 'Travel is booked through the travel desk this year.');
    await press(isaiahCard, 'Reject');
    await isaiah.see(anyId, 'Rejected by you');

    const joniCard = await joni.see(anyId, 'Rejected by Isaiah Langer');
    assert.equal(await joniCard.getByRole('button', { name: 'Approve', exact: true }).count(), 0, 'the other card no longer asks');
    await joni.screenshot(screens, 'p4-any-decided-by-someone-else', joniCard);
    await megan.see(anyId, 'Travel is booked through the travel desk this year.');
  });
});
