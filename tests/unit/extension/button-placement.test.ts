// The button placer against a page that takes its buttons away: it puts them back, but only a bounded number of
// times before it pauses, and it removes a button the page moved elsewhere.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => import('./support/browser-mock'));

import {
  buttonTagName,
  createButtonPlacer,
  maxReinsertions,
  reinsertionPauseMs,
  reinsertionWindowMs,
  type ButtonPlacer,
  type Placement,
} from '../../../extension/content/button-placement';

let clock = 0;
let row: HTMLElement;
let placer: ButtonPlacer;

const placement = (): Placement => ({
  key: 'result:02:processed',
  container: row,
  insert: (host) => row.append(host),
  label: 'Processed',
  onActivate: () => {},
});

const buttonsInRow = () => row.querySelectorAll(buttonTagName).length;

beforeEach(() => {
  clock = 1_000_000;
  document.body.innerHTML = '<div role="row"><span role="rowheader">Processed</span></div>';
  row = document.querySelector('[role="row"]') as HTMLElement;
  placer = createButtonPlacer(document, 'test', () => clock);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  placer.clear();
  vi.restoreAllMocks();
});

describe('button placer', () => {
  it('puts back a removed button', () => {
    placer.reconcile([placement()]);
    row.querySelector(buttonTagName)!.remove();
    placer.reconcile([placement()]);
    expect(buttonsInRow()).toBe(1);
  });

  it('removes a button the page moved', () => {
    placer.reconcile([placement()]);
    document.body.append(row.querySelector(buttonTagName)!);
    placer.reconcile([placement()]);
    expect(buttonsInRow()).toBe(1);
    expect(document.querySelectorAll(buttonTagName)).toHaveLength(1);
  });

  it('stops re-inserting after the limit', () => {
    placer.reconcile([placement()]);
    let insertions = 0;
    for (let round = 0; round < 3 * maxReinsertions; round++) {
      row.querySelector(buttonTagName)?.remove();
      clock += 10;
      placer.reconcile([placement()]);
      insertions += buttonsInRow();
    }
    expect(insertions).toBe(maxReinsertions);
    expect(buttonsInRow()).toBe(0);
    expect(console.warn).toHaveBeenCalledTimes(1);
  });

  it('tries again after the pause', () => {
    placer.reconcile([placement()]);
    for (let round = 0; round <= maxReinsertions; round++) {
      row.querySelector(buttonTagName)?.remove();
      placer.reconcile([placement()]);
    }
    expect(buttonsInRow()).toBe(0);

    clock += reinsertionPauseMs + 1;
    placer.reconcile([placement()]);
    expect(buttonsInRow()).toBe(1);
  });

  it('allows slow re-renders without limit', () => {
    placer.reconcile([placement()]);
    for (let round = 0; round < 3 * maxReinsertions; round++) {
      row.querySelector(buttonTagName)!.remove();
      clock += reinsertionWindowMs;
      placer.reconcile([placement()]);
      expect(buttonsInRow()).toBe(1);
    }
  });
});
