// What a person does in the Agents Playground web UI, and what they wait to see. Every wait is on something
// visible (a card with given words, a button), never on time passing.
import fs from 'node:fs';
import path from 'node:path';

/** How long a person waits for the bot before the step fails (cards arrive in well under a second here). */
export const patienceMs = 20_000;

// Only top-level cards: an Action.ShowCard renders its card inside the message's card.
const messageCard = '.ac-adaptiveCard:not(.ac-adaptiveCard .ac-adaptiveCard)';
const composeBox = '[role="textbox"][data-lexical-editor="true"]';

export class Persona {
  constructor({ key, name, firstName, config }) {
    Object.assign(this, { key, name, firstName, config });
  }

  /** Opens the playground: it installs the app for this person, and the bot welcomes them in their chat. */
  async open() {
    this.page.setDefaultTimeout(patienceMs);
    await this.page.goto(this.url);
    await this.page.getByRole('treeitem', { name: 'Personal Chat' }).waitFor();
    await this.card(`Hi ${this.firstName}!`).waitFor();
  }

  /** Opens a team channel from the left rail; the bot greets the team the first time. */
  async openChannel(team, channel) {
    await this.page.getByRole('treeitem', { name: `${team} - ${channel}`, exact: true }).click();
    await this.page.getByText("Hello team! I'm ChatRequests.").first().waitFor();
  }

  /**
   * Types into the chat's compose box, sends with Enter and waits until the message shows in the conversation.
   * When a bot message arrives while typing, the playground can redraw the compose box and drop what was typed;
   * a person would type it again, and so does this (once, and it says so).
   */
  async say(text) {
    const shown = this.page.getByText(text, { exact: true });
    const before = await shown.count();
    for (let attempt = 1; ; attempt++) {
      const box = this.page.locator(composeBox).last();
      await box.click();
      await box.pressSequentially(text);
      await box.press('Enter');
      try {
        await shown.nth(before).waitFor({ timeout: attempt === 1 ? 5_000 : patienceMs });
        return;
      } catch (error) {
        if (attempt > 1) throw error;
        console.error(`${this.name}: "${text}" did not show after Enter; typing it again`);
        await this.page.locator(composeBox).last().fill('');
      }
    }
  }

  /** The latest message card showing every one of the words. */
  card(...words) {
    let cards = this.page.locator(messageCard);
    for (const word of words) cards = cards.filter({ hasText: word });
    return cards.last();
  }

  /** Waits until a card with all the words shows, and returns it. */
  async see(...words) {
    const card = this.card(...words);
    await card.waitFor();
    return card;
  }

  /**
   * Does something, then waits for a card with all the words that was not there before (an answer), and
   * returns it. Use it when an earlier card may already show the same words.
   */
  async seeNew(action, ...words) {
    let cards = this.page.locator(messageCard);
    for (const word of words) cards = cards.filter({ hasText: word });
    const before = await cards.count();
    await action();
    const card = cards.nth(before);
    await card.waitFor();
    return card;
  }

  /** Waits until the page shows the words anywhere (plain text messages). */
  async seeText(text) {
    await this.page.getByText(text).last().waitFor();
  }

  /** The conversation as the person sees it (without the playground's log panel), with the card in view. */
  async screenshot(dir, name, card) {
    fs.mkdirSync(dir, { recursive: true });
    // A card that fits is shown whole with what led to it above; a taller one from its top.
    if (card) await card.evaluate((el) => el.scrollIntoView({ block: el.getBoundingClientRect().height < window.innerHeight - 200 ? 'end' : 'start' }));
    const file = path.join(dir, `${name}.png`);
    await this.page.screenshot({ path: file, clip: { x: 0, y: 0, width: 950, height: this.page.viewportSize().height } });
    return file;
  }
}

/** Fills a text input of a card, found by its label. */
export async function fill(card, label, value) {
  await card.getByLabel(label).first().fill(value);
}

/** Picks a value in a compact choice set (a combobox in the playground). */
export async function choose(card, label, option) {
  const combobox = card.getByRole('combobox', { name: label });
  await combobox.click();
  await card.page().getByRole('option', { name: option, exact: true }).click();
}

/** Clicks a card's button by its title. */
export async function press(card, title) {
  await card.getByRole('button', { name: title, exact: true }).last().click();
}

/**
 * Presses a card's show-card button until the input it opens is there: a card update that lands just after the click
 * (the team card is posted again after an agent's click, ADR 0012) renders the card anew with its show-card closed.
 */
export async function openToFill(card, title, label, tries = 3) {
  for (let attempt = 1; ; attempt++) {
    await press(card, title);
    try {
      await card.getByLabel(label).first().waitFor({ timeout: 5000 });
      return;
    } catch (error) {
      if (attempt >= tries) throw error;
    }
  }
}
