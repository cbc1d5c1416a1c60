// One story's frame, shared by the story files: before it, the stack starts and every persona opens its playground
// (plus any setup of the story's own); after it, the stack stops. `step` is an `it` that skips the rest of the
// story once a step has failed, and saves the evidence (screenshots, logs) of the step that failed.
import { after, before, it } from 'node:test';
import { startStack } from './stack.mjs';

export function story({ name, personas, runDir, options, setup }) {
  let stack;
  before(async () => {
    stack = await startStack(personas, runDir, options);
    try {
      for (const persona of personas) await persona.open();
      await setup?.();
    } catch (error) {
      console.error(`Evidence of the failed setup: ${await stack.saveEvidence(`${name}-setup`)}`);
      throw error;
    }
  });

  after(async () => {
    await stack?.stop();
  });

  let broken = null;
  const step = (title, body) => it(title, async (t) => {
    if (broken) {
      t.skip(`"${broken}" failed`);
      return;
    }
    try {
      await body();
    } catch (error) {
      broken = title;
      console.error(`Evidence of the failed step "${title}": ${await stack.saveEvidence(title)}`);
      throw error;
    }
  });
  return step;
}
