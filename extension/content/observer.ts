// The one MutationObserver of the content script. Its callback only queues records, and the queue is read on
// the next animation frame. A page that rebuilds a panel in hundreds of mutations costs one update, and a tab
// in the background costs nothing until it is shown again.

/** Attributes whose changes can select another tile, tab or reason; all others are ignored. */
export const observedAttributes = ['aria-pressed', 'aria-selected', 'data-activity-id', 'hidden'];

export interface PageObserver {
  /** Calls `listener` after each frame with relevant mutations, until `signal` aborts. */
  subscribe(listener: () => void, signal: AbortSignal): void;
  /** Runs the listeners on the next frame even without mutations, e.g. after data arrived. */
  requestUpdate(): void;
  disconnect(): void;
}

export interface PageObserverOptions {
  /** True for the extension's own host elements, whose insertion needs no update. */
  isOwnNode: (node: Node) => boolean;
  requestFrame?: (callback: () => void) => void;
}

export function createPageObserver(root: Node, options: PageObserverOptions): PageObserver {
  const requestFrame = options.requestFrame ?? ((callback) => requestAnimationFrame(() => callback()));
  const listeners = new Set<() => void>();
  const queue: MutationRecord[] = [];
  let frameRequested = false;
  let updateRequested = false;

  // Our own inserted buttons are the only mutations that never need an update; a removed button does, because
  // the page took it away.
  const isRelevant = (record: MutationRecord) =>
    record.type !== 'childList' ||
    record.removedNodes.length > 0 ||
    [...record.addedNodes].some((node) => !options.isOwnNode(node));

  function processFrame(): void {
    frameRequested = false;
    const records = queue.splice(0);
    const relevant = updateRequested || records.some(isRelevant);
    updateRequested = false;
    if (!relevant) {
      return;
    }

    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        console.error('[journey-segments] update failed:', error);
      }
    }
  }

  function scheduleFrame(): void {
    if (!frameRequested) {
      frameRequested = true;
      requestFrame(processFrame);
    }
  }

  const observer = new MutationObserver((records) => {
    queue.push(...records);
    scheduleFrame();
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: observedAttributes });

  return {
    subscribe(listener, signal) {
      if (signal.aborted) {
        return;
      }
      listeners.add(listener);
      signal.addEventListener('abort', () => listeners.delete(listener), { once: true });
    },

    requestUpdate() {
      updateRequested = true;
      scheduleFrame();
    },

    disconnect() {
      observer.disconnect();
      listeners.clear();
      queue.length = 0;
    },
  };
}
