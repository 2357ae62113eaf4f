// Keeps exactly one Save as segment button in every container that should have one. The host page re-renders
// its rows and lists at any time, so each mutation batch reconciles. A container whose button was removed gets
// a new one. A stray copy is removed, because a cloned row carries our host without its shadow root. A button
// whose target changed (same row element, other tile) is replaced. A page that removes or moves a button again
// each time it comes back gets a bounded number of re-insertions, then a pause, so the two never loop.

import { h } from 'preact';

import { Button } from './ui/Button';
import css from './ui/button.css?inline';
import { createShadowHost, removeShadowHost, renderInShadow } from './ui/shadow-host';

export const buttonTagName = 'journey-segments-save';
/** Set on each container that has a button, with the button's key as value. */
export const handledAttribute = 'data-journey-segments-key';

export interface Placement {
  /** Identifies what the button captures; see targetKey. */
  key: string;
  /** The row or list that gets the button; at most one button of this placer lives in it. */
  container: Element;
  /** Puts a new host element into place inside `container`. */
  insert: (host: HTMLElement) => void;
  /** The result or reason label, for the button's accessible name. */
  label: string;
  onActivate: () => void;
}

/** Re-insertions of one button allowed within reinsertionWindowMs before it pauses. */
export const maxReinsertions = 10;
export const reinsertionWindowMs = 5_000;
/** How long a button the page keeps removing stays out before it is tried again. */
export const reinsertionPauseMs = 30_000;

export interface ButtonPlacer {
  reconcile(placements: readonly Placement[]): void;
  /** Moves focus to the button with `key`, if it is on the page. */
  focus(key: string): boolean;
  /** Removes every button of this placer. */
  clear(): void;
}

interface MountedButton {
  key: string;
  container: Element;
  /** The latest placement for this button, so a click uses the names the page shows now. */
  placement: Placement;
}

function focusButton(host: HTMLElement): boolean {
  const button = host.shadowRoot?.querySelector('button');
  if (!button) {
    return false;
  }
  button.focus();
  return true;
}

/** `feature` tags the hosts, so placers of different features never touch each other's buttons. */
export function createButtonPlacer(document: Document, feature: string, now: () => number = Date.now): ButtonPlacer {
  const mounted = new Map<HTMLElement, MountedButton>();
  // Per key: when the page took the button away recently, and until when re-inserting it is paused.
  const reinsertedAt = new Map<string, number[]>();
  const pausedUntil = new Map<string, number>();
  // The key of the button that had focus. When the page re-renders a focused row, focus falls back to the body;
  // the new button for the same key takes it back.
  let focusedKey: string | null = null;

  function remove(host: HTMLElement): void {
    const entry = mounted.get(host);
    mounted.delete(host);
    if (entry && entry.container.getAttribute(handledAttribute) === entry.key) {
      entry.container.removeAttribute(handledAttribute);
    }
    removeShadowHost(host);
  }

  /** True when a button of `key` is still ours but no longer in its container: the page removed or moved it. */
  function wasTakenAway(placement: Placement): boolean {
    for (const [host, entry] of mounted) {
      if (entry.key === placement.key && (!host.isConnected || !placement.container.contains(host))) {
        return true;
      }
    }
    return false;
  }

  /** Counts a re-insertion of `key`; returns false, and pauses the key, once the page has taken it too often. */
  function mayReinsert(key: string): boolean {
    const time = now();
    if ((pausedUntil.get(key) ?? 0) > time) {
      return false;
    }

    const recent = (reinsertedAt.get(key) ?? []).filter((at) => at > time - reinsertionWindowMs);
    recent.push(time);
    reinsertedAt.set(key, recent);
    if (recent.length <= maxReinsertions) {
      return true;
    }

    reinsertedAt.delete(key);
    pausedUntil.set(key, time + reinsertionPauseMs);
    console.warn(
      `[journey-segments] the page removed the Save as segment button ${key} ${recent.length} times within ` +
        `${reinsertionWindowMs / 1000} s; it is added again after ${reinsertionPauseMs / 1000} s.`,
    );
    return false;
  }

  function mount(placement: Placement): HTMLElement {
    const host = createShadowHost(document, buttonTagName, css);
    host.dataset.feature = feature;
    host.dataset.key = placement.key;
    host.addEventListener('focusin', () => {
      focusedKey = placement.key;
    });
    host.addEventListener('focusout', () => {
      // Focus also leaves when the page removes the row; only a host still on the page lost it for real.
      queueMicrotask(() => {
        if (host.isConnected && focusedKey === placement.key) {
          focusedKey = null;
        }
      });
    });

    const onActivate = () => mounted.get(host)?.placement.onActivate();
    renderInShadow(host, h(Button, { label: placement.label, onActivate }));
    placement.insert(host);
    mounted.set(host, { key: placement.key, container: placement.container, placement });
    placement.container.setAttribute(handledAttribute, placement.key);
    return host;
  }

  return {
    reconcile(placements) {
      const placed = new Set<HTMLElement>();

      for (const placement of placements) {
        const existing = [...placement.container.querySelectorAll<HTMLElement>(buttonTagName)].filter(
          (host) => host.dataset.feature === feature,
        );
        let current = existing.find((host) => mounted.get(host)?.key === placement.key && !placed.has(host));
        for (const host of existing) {
          if (host !== current) {
            remove(host);
          }
        }

        if (current) {
          (mounted.get(current) as MountedButton).placement = placement;
        } else if ((pausedUntil.get(placement.key) ?? 0) > now() || (wasTakenAway(placement) && !mayReinsert(placement.key))) {
          continue;
        } else {
          current = mount(placement);
          const active = document.activeElement;
          if (focusedKey === placement.key && (active === null || active === document.body)) {
            focusButton(current);
          }
        }
        placed.add(current);
      }

      for (const host of [...mounted.keys()]) {
        if (!placed.has(host)) {
          remove(host);
        }
      }
    },

    focus(key) {
      for (const [host, entry] of mounted) {
        if (entry.key === key && host.isConnected) {
          return focusButton(host);
        }
      }
      return false;
    },

    clear() {
      for (const host of [...mounted.keys()]) {
        remove(host);
      }
    },
  };
}
