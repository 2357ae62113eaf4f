import { afterEach, describe, expect, it, vi } from 'vitest';

import { createPageObserver, type PageObserver } from '../../../extension/content/observer';

let observer: PageObserver | undefined;
let frames: Array<() => void> = [];

function observe(root: Element, listener: () => void): PageObserver {
  observer = createPageObserver(root, {
    isOwnNode: (node) => node.nodeName === 'JOURNEY-SEGMENTS-SAVE',
    requestFrame: (callback) => frames.push(callback),
  });
  observer.subscribe(listener, new AbortController().signal);
  return observer;
}

/** Lets the MutationObserver deliver its records, then runs the pending animation frames. */
async function runFrames(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  const pending = frames;
  frames = [];
  for (const frame of pending) {
    frame();
  }
}

afterEach(() => {
  observer?.disconnect();
  frames = [];
  document.body.innerHTML = '';
});

describe('page observer', () => {
  it('coalesces a burst of mutations into one update', async () => {
    const listener = vi.fn();
    observe(document.body, listener);

    for (let index = 0; index < 200; index++) {
      document.body.append(document.createElement('div'));
    }
    await runFrames();

    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('does no work inside the observer callback', async () => {
    const listener = vi.fn();
    observe(document.body, listener);

    document.body.append(document.createElement('div'));
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(listener).not.toHaveBeenCalled();
    expect(frames).toHaveLength(1);
  });

  it('ignores the insertion of its own buttons', async () => {
    const listener = vi.fn();
    observe(document.body, listener);

    document.body.append(document.createElement('journey-segments-save'));
    await runFrames();

    expect(listener).not.toHaveBeenCalled();
  });

  it('notices when the page removes a button', async () => {
    const button = document.createElement('journey-segments-save');
    document.body.append(button);
    const listener = vi.fn();
    observe(document.body, listener);

    button.remove();
    await runFrames();

    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('watches selection attributes only', async () => {
    const tile = document.createElement('div');
    document.body.append(tile);
    const listener = vi.fn();
    observe(document.body, listener);

    tile.setAttribute('class', 'highlighted');
    tile.setAttribute('style', 'color: red');
    await runFrames();
    expect(listener).not.toHaveBeenCalled();

    tile.setAttribute('aria-pressed', 'true');
    await runFrames();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('runs an update on request', async () => {
    const listener = vi.fn();
    observe(document.body, listener).requestUpdate();

    await runFrames();

    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('stops calling a listener after its signal aborts', async () => {
    const listener = vi.fn();
    const controller = new AbortController();
    observer = createPageObserver(document.body, { isOwnNode: () => false, requestFrame: (callback) => frames.push(callback) });
    observer.subscribe(listener, controller.signal);

    controller.abort();
    document.body.append(document.createElement('div'));
    await runFrames();

    expect(listener).not.toHaveBeenCalled();
  });
});
