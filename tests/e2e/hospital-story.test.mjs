// A catalog and organisation other than the samples': the bot runs on the hospital's (samples/hospital/), a second
// bot process with its own playgrounds. A nurse asks in her own words for something the catalog does not hold as
// such, picks from "did you mean" and her words reach the team; an agent's question is answered by typing in chat.
// Run it with run.sh (which builds the bot first).
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe } from 'node:test';
import { Persona, choose, fill, openToFill, press } from './lib/persona.mjs';
import { repoRoot, suiteDir } from './lib/stack.mjs';
import { story } from './lib/story.mjs';

const runDir = path.join(suiteDir, 'artifacts', `hospital-${new Date().toISOString().replace(/[:.]/g, '-')}`);
const screens = path.join(suiteDir, 'artifacts', 'screens');

const aoife = new Persona({ key: 'aoife', name: 'Aoife Brennan', firstName: 'Aoife', config: 'samples/playground/aoife.yml' });
const chloe = new Persona({ key: 'chloe', name: 'Chloe Nakamura', firstName: 'Chloe', config: 'samples/playground/chloe.yml' });

// The hospital has a laptop charger but no laptop: the words fit it only partly.
const words = 'I need a new laptop';
const question = 'Which laptop is the charger for?';
const answer = 'the ward Dell Latitude on the nurses station';

describe('ChatRequests on the hospital catalog in the Agents Playground', () => {
  const step = story({
    name: 'hospital',
    personas: [aoife, chloe],
    runDir,
    options: {
      botArgs: [
        `--Catalog:Path=${path.join(repoRoot, 'samples/hospital/catalog.json')}`,
        `--Directory:Path=${path.join(repoRoot, 'samples/hospital/organisation.json')}`,
      ],
    },
    setup: () => chloe.openChannel('End User Devices', 'End User Devices'),
  });

  let requestId;

  step('H1. the welcome offers the hospital catalog; "did you mean" keeps the nurse\'s words on the form she submits', async () => {
    const welcome = aoife.card('Hi Aoife!');
    const text = await welcome.innerText();
    assert.match(text, /Telephony & paging/);
    assert.doesNotMatch(text, /Hardware|Accounts/);

    // A question ("Did you mean Laptop charger?") or a short choice: either way she picks the charger, never a form at once.
    const offered = await aoife.seeNew(() => aoife.say(words), 'Laptop charger', words);
    assert.equal(await offered.getByRole('button', { name: 'Submit request', exact: true }).count(), 0, 'no form before she picks');
    await aoife.screenshot(screens, 'h1-did-you-mean', offered);
    const yes = offered.getByRole('button', { name: 'Yes, Laptop charger', exact: true });
    if (await yes.count() === 1) {
      await yes.click();
    } else {
      await offered.locator('.ac-columnSet').filter({ hasText: 'Laptop charger' }).getByRole('button', { name: 'Choose', exact: true }).first().click();
    }

    const form = await aoife.see('Request: Laptop charger', 'Submit request');
    assert.equal(await form.getByLabel('Why do you need it?').first().inputValue(), words);
    await choose(form, 'Connector', 'USB-C');
    const logged = await aoife.seeNew(() => press(form, 'Submit request'), 'Request logged: REQ-');
    requestId = (await logged.innerText()).match(/REQ-\d{6}/)?.[0];
    assert.ok(requestId, 'a request number');
  });

  step('H2. the team reads her words; the agent takes the request and asks her a question', async () => {
    const card = await chloe.see(requestId, 'Assign to me');
    assert.match(await card.innerText(), new RegExp(words));
    await press(card, 'Assign to me');
    await chloe.see(requestId, 'Chloe Nakamura', 'Ask requester');
    await openToFill(chloe.card(requestId), 'Ask requester', 'Question for Aoife Brennan');
    await fill(chloe.card(requestId), 'Question for Aoife Brennan', question);
    await press(chloe.card(requestId), 'Send question');
    await aoife.see(requestId, question);
  });

  step('H3. she types the answer in chat, is asked whether it is the answer, and it reaches the team on her click', async () => {
    const offer = await aoife.seeNew(() => aoife.say(answer), 'Send this as your answer', requestId);
    assert.match(await offer.innerText(), /Chloe Nakamura's question/);
    await aoife.screenshot(screens, 'h3-answer-in-chat', offer);
    await press(offer, 'Send answer');
    await aoife.see('Answer sent', requestId);
    await chloe.see(`Aoife Brennan answered on ${requestId}`, answer);
  });
});
