// A delegated approval in the Agents Playground: Alex Wilber hands his approvals to Diego Siciliani in chat, Megan's
// next request (a monitor: her manager approves it) reaches Diego "on behalf of Alex Wilber", Diego approves, and
// Megan's notice names both. The bot runs on the samples. Run it with run.sh (which builds the bot first).
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe } from 'node:test';
import { Persona, choose, press } from './lib/persona.mjs';
import { suiteDir } from './lib/stack.mjs';
import { story } from './lib/story.mjs';

const runDir = path.join(suiteDir, 'artifacts', `delegated-${new Date().toISOString().replace(/[:.]/g, '-')}`);
const screens = path.join(suiteDir, 'artifacts', 'screens');

const megan = new Persona({ key: 'megan', name: 'Megan Bowen', firstName: 'Megan', config: 'samples/playground/megan.yml' });
const alex = new Persona({ key: 'alex', name: 'Alex Wilber', firstName: 'Alex', config: 'samples/playground/alex.yml' });
const diego = new Persona({ key: 'diego', name: 'Diego Siciliani', firstName: 'Diego', config: 'tests/e2e/delegation/diego.yml' });

// A last day a month from today, so that the story does not age.
const lastDay = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);

describe('A delegated approval in the Agents Playground', () => {
  const step = story({ name: 'delegated', personas: [megan, alex, diego], runDir });

  let requestId;

  step('D1. the approver delegates his approvals in chat, and the bot says to whom and until when', async () => {
    const answer = await alex.seeNew(() => alex.say(`delegate approvals to Diego Siciliani until ${lastDay}`), 'Delegation on');
    assert.match(await answer.innerText(), /approvals for you go to Diego Siciliani, who decides on your behalf/);
  });

  step('D2. a new request of his report reaches the delegate, on behalf of the approver, and not the approver', async () => {
    const form = await megan.seeNew(() => megan.say('I need a 27 inch monitor for the Berlin office'), 'Request: Monitor', 'Submit request');
    await choose(form, 'Size', '27 inch');
    await choose(form, 'Delivery location', 'Berlin office');
    const logged = await megan.seeNew(() => press(form, 'Submit request'), 'Request logged: REQ-');
    requestId = (await logged.innerText()).match(/REQ-\d{6}/)?.[0];
    assert.ok(requestId, 'a request number');

    const card = await diego.see(`Approval needed: ${requestId}`, 'on behalf of Alex Wilber');
    await diego.screenshot(screens, 'd2-delegate-card', card);
    assert.equal(await alex.card(`Approval needed: ${requestId}`).count(), 0, 'the approver who delegated gets no card');
  });

  step('D3. the delegate approves, and the requester\'s notice names both', async () => {
    await press(diego.card(`Approval needed: ${requestId}`), 'Approve');
    await diego.see(requestId, 'Approved by you');
    const notice = await megan.see(requestId, 'Diego Siciliani on behalf of Alex Wilber');
    await megan.screenshot(screens, 'd3-requester-told', notice);
  });
});
