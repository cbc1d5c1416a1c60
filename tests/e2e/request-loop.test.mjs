// The request loop in a real Teams-like client: the Microsoft 365 Agents Playground, one per persona, in
// Chromium, against the bot on its embedded default. People type and click; the suite waits for what they
// would see. Run it with run.sh (which builds the bot first).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Persona, choose, fill, press } from './lib/persona.mjs';
import { startStack, suiteDir } from './lib/stack.mjs';

const runDir = path.join(suiteDir, 'artifacts', new Date().toISOString().replace(/[:.]/g, '-'));
const screens = path.join(suiteDir, 'artifacts', 'screens');

const megan = new Persona({ key: 'megan', name: 'Megan Bowen', firstName: 'Megan', config: 'samples/playground/megan.yml' });
const alex = new Persona({ key: 'alex', name: 'Alex Wilber', firstName: 'Alex', config: 'samples/playground/alex.yml' });
const adele = new Persona({ key: 'adele', name: 'Adele Vance', firstName: 'Adele', config: 'samples/playground/adele.yml' });

// What a requester might type to make a card lie: markdown, a link, a date function, a template binding, a mention.
const hostile = '**bold** [click](https://evil.example) {{DATE(2026-01-01T00:00:00Z)}} ${$root.secret} <at>Tomás</at>';

/** What a card shows, as a person reads it: the invisible word joiner that keeps a typed DATE() from expanding left out. */
const shown = async (card) => (await card.innerText()).replaceAll('\u2060', '');

/** The card shows what was typed as those characters, and nothing in it is a link or bold. */
async function assertInert(card, who) {
  const text = await shown(card);
  assert.ok(text.includes(hostile), `${who} does not see the typed characters:\n${text}`);
  assert.doesNotMatch(text, /Jan(uary)? 1, 2026|1\/1\/2026/, `${who} sees the typed DATE() expanded`);
  assert.equal(await card.locator('a').count(), 0, `${who} sees a link`);
  assert.equal(await card.locator('strong, b').count(), 0, `${who} sees bold text`);
}

const laptop = {
  justification: 'My laptop is five years old and too slow for video calls',
  urgency: 'High - work is blocked now',
  costCentre: 'CC-4711',
  location: 'Berlin office',
  keyboard: 'German (QWERTZ)',
};

let stack;

/** A chain of steps: after a failure the rest of the chain is skipped, and the evidence is saved once. */
function chain(name) {
  let broken = null;
  return (title, body) => it(title, async (t) => {
    if (broken) {
      t.skip(`${name}: "${broken}" failed`);
      return;
    }
    try {
      await body();
    } catch (error) {
      broken = title;
      if (stack) {
        const dir = await stack.saveEvidence(title);
        console.error(`Evidence of the failed step "${title}" (screenshots, pages, logs): ${dir}`);
      }
      throw error;
    }
  });
}

/** Megan asks for a laptop in her words, fills the form and submits it; returns the request number. */
async function requestLaptop({ screenshot, justification = laptop.justification } = {}) {
  const form = await megan.seeNew(() => megan.say('I need a new laptop'), 'Request: Standard laptop', 'Submit request');
  await fill(form, 'Why do you need it?', justification);
  await choose(form, 'How urgent is it?', laptop.urgency);
  await fill(form, 'Cost centre', laptop.costCentre);
  await choose(form, 'Delivery location', laptop.location);
  await choose(form, 'Keyboard layout', laptop.keyboard);
  if (screenshot) await megan.screenshot(screens, '1-form-card', form);
  // Earlier requests' confirmations are still in the chat: wait for the one this click brings.
  const confirmation = await megan.seeNew(() => press(form, 'Submit request'), 'Request logged: REQ-');
  const text = await confirmation.innerText();
  const id = text.match(/REQ-\d{6}/)?.[0];
  assert.ok(id, `no request number in the confirmation: ${text}`);
  assert.match(text, /Alex Wilber/);
  return { id, confirmation };
}

describe('ChatRequests in the Microsoft 365 Agents Playground', () => {
  before(async () => {
    stack = await startStack([megan, alex, adele], runDir);
    // Opening each playground installs the app for that person: that is how the bot learns their chats.
    try {
      for (const persona of [megan, alex, adele]) await persona.open();
      await adele.openChannel('Hardware Service', 'Hardware Service');
    } catch (error) {
      const dir = await stack.saveEvidence('setup');
      console.error(`Evidence of the failed setup: ${dir}`);
      throw error;
    }
  });

  after(async () => {
    await stack?.stop();
  });

  const step = chain('the laptop request');
  let requestId;

  step('1. the employee asks in her own words, fills the form and gets a request number', async () => {
    const { id, confirmation } = await requestLaptop({ screenshot: true });
    requestId = id;
    assert.equal(requestId, 'REQ-000001');
    assert.match(await confirmation.innerText(), /P2|P3/);
    await megan.screenshot(screens, '2-confirmation', confirmation);
  });

  step('2. the manager gets the approval card, comments and approves; the card shows the decision', async () => {
    const approval = await alex.see(requestId, 'Approve', 'Reject');
    assert.match(await approval.innerText(), /1,450\.00/);
    await fill(approval, 'Comment', 'Go ahead, the old one goes back to IT');
    await alex.screenshot(screens, '3-approval-card', approval);
    await press(approval, 'Approve');
    const decided = await alex.see(requestId, 'Approved by you');
    assert.equal(await decided.getByRole('button', { name: 'Approve', exact: true }).count(), 0);
    await alex.screenshot(screens, '4-approval-decided', decided);
  });

  step('3. the employee is told; the agent works the request from the channel card, which updates in place', async () => {
    await megan.see(requestId, 'approved', 'Go ahead, the old one goes back to IT');

    const channelCard = await adele.see(requestId, 'Assign to me');
    await adele.screenshot(screens, '5-channel-card', channelCard);
    await press(channelCard, 'Assign to me');
    await adele.see(requestId, 'Adele Vance', 'Set status');
    await megan.see(requestId, 'Adele Vance');

    await press(adele.card(requestId), 'Set status');
    await choose(adele.card(requestId), 'Status', 'Awaiting parts');
    await fill(adele.card(requestId), 'Note for the requester', 'Ordered, arrives Tuesday');
    await press(adele.card(requestId), 'Update status');
    await adele.see(requestId, 'Awaiting parts', 'Note: Ordered, arrives Tuesday');
    await megan.see(requestId, 'Ordered, arrives Tuesday');

    await press(adele.card(requestId), 'Resolve');
    await fill(adele.card(requestId), 'Resolution notes', 'Laptop handed over at the Berlin desk');
    await press(adele.card(requestId), 'Resolve');
    const fulfilled = await adele.see(requestId, 'Fulfilled', 'Resolved by Adele Vance');
    assert.equal(await adele.page.locator('.ac-adaptiveCard').filter({ hasText: requestId }).count(), 1,
      'the channel shows one card for the request, updated in place');
    await adele.screenshot(screens, '6-channel-card-fulfilled', fulfilled);
  });

  step('4. the employee confirms with a rating and sees the request closed in "my requests"', async () => {
    const fulfilled = await megan.see(requestId, 'handed over at the Berlin desk', "Yes, it's fixed");
    await press(fulfilled, "Yes, it's fixed");
    await megan.card(requestId, 'How did we do?').getByRole('radio', { name: /^★★★★★ 5/ }).check();
    await press(megan.card(requestId, 'How did we do?'), 'Confirm and close');
    await megan.see(requestId, 'closed', 'Thanks for confirming');

    const list = await megan.seeNew(() => megan.say('my requests'), 'Your requests', requestId, 'Closed');
    assert.doesNotMatch(await list.innerText(), /REQ-000002/);
    await megan.screenshot(screens, '7-my-requests', list);
    await adele.see(requestId, 'Closed', 'Rating', '★★★★★');
  });

  const reject = chain('the rejected request');
  let rejectedId;

  reject('5. a second request is rejected with a comment, and the employee is told why', async () => {
    ({ id: rejectedId } = await requestLaptop());
    await alex.see(rejectedId, 'asks for', 'Approve', 'Reject');
    // The manager also lists what waits for him: a second card with buttons for the same request.
    await alex.say('approvals');
    await alex.see(rejectedId, 'Comment, sent with the Approve or Reject you press next', 'Approve');

    const approval = () => alex.card(rejectedId, 'asks for');
    await press(approval(), 'Reject');
    await alex.see(rejectedId, 'asks for', 'reason');
    await fill(approval(), 'Comment', 'You got one in March');
    await press(approval(), 'Reject');
    await alex.see(rejectedId, 'asks for', 'Rejected by you', 'You got one in March');
    await megan.see(rejectedId, 'rejected', 'You got one in March');
  });

  reject('6. a click on the other card of the decided request is told who decided it, and changes nothing', async () => {
    const list = alex.card(rejectedId, 'Comment, sent with the Approve or Reject you press next');
    await press(list, 'Approve');
    await alex.seeText('Already rejected by Alex Wilber');
    await alex.screenshot(screens, '8-already-decided', alex.card('Already rejected by Alex Wilber'));
    const details = await megan.seeNew(() => megan.say(rejectedId), rejectedId, 'Rejected');
    assert.match(await details.innerText(), /You got one in March/);
  });

  const safety = chain('what people type and refused clicks');

  safety('7. what the employee typed reaches the manager and the team as those characters: no link, no bold, no date', async () => {
    const { id } = await requestLaptop({ justification: hostile });
    const approval = await alex.see(id, 'Approve', 'Reject');
    await assertInert(approval, 'the manager');
    await alex.screenshot(screens, '9-typed-text-inert', approval);
    await press(approval, 'Approve');
    await assertInert(await adele.see(id, 'Assign to me'), 'the team');
  });

  safety('8. a click on a stale button of a closed request answers beside the card and keeps it', async () => {
    const logged = megan.card(`Request logged: ${requestId}`);
    const cardsBefore = await megan.page.locator('.ac-adaptiveCard').count();
    await press(logged, 'Cancel request');
    const refusal = `${requestId}: This request is closed, so it cannot be cancelled now.`;
    await megan.seeText(refusal);
    assert.match(await logged.innerText(), new RegExp(`Request logged: ${requestId}`), 'the card that was clicked is kept');
    assert.equal(await megan.page.locator('.ac-adaptiveCard').count(), cardsBefore, 'no card was replaced or added');
    // The answer shows under the card it belongs to: keep both in the picture.
    await megan.screenshot(screens, '10-refused-click-kept', megan.page.getByText(refusal).last());
  });
});
