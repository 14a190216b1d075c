import { describe, expect, it } from 'vitest';
import { SHOW_AFTER_MS, createProgress } from '../../compiler/build/progress.js';

function terminal(isTTY: boolean) {
  const writes: string[] = [];
  return { stream: { isTTY, write: (text: string) => writes.push(text) }, writes };
}

describe('build progress line', () => {
  it('stays silent for a quick build, shows the phase once the build takes longer, and clears it at the end', () => {
    let clock = 0;
    const { stream, writes } = terminal(true);
    const progress = createProgress(stream, () => clock);
    progress.step('checking the stack');
    clock = SHOW_AFTER_MS - 1;
    progress.step('emitting types');
    expect(writes).toEqual([]);
    clock = SHOW_AFTER_MS + 50;
    progress.step('emitting graphql');
    progress.done();
    expect(writes).toEqual(['\r\x1b[2Kobjectstack build: emitting graphql…', '\r\x1b[2K']);

    // The next build (watch mode) starts its own clock.
    writes.length = 0;
    progress.step('checking the stack');
    clock += 10;
    progress.step('writing');
    progress.done();
    expect(writes).toEqual([]);
  });

  it('never writes when the output is not a terminal', () => {
    let clock = 0;
    const { stream, writes } = terminal(false);
    const progress = createProgress(stream, () => clock);
    progress.step('checking the stack');
    clock = 10 * SHOW_AFTER_MS;
    progress.step('writing');
    progress.done();
    expect(writes).toEqual([]);
  });
});
