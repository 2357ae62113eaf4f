// One benchmark figure: a measured value, the floor it is compared with (the same work done the most direct
// way, measured in the same run), and the target the project sets for it.

/** Whether a larger value is better (throughput) or a smaller one (time, size). */
export type Direction = 'higher' | 'lower';

export interface Target {
  /** The target's text in the report, such as ">= 0.8x floor" or "p95 < 150 ms". */
  text: string;
  /** Checks the target; undefined when nothing was measured. */
  met(figure: Figure): boolean;
}

export interface Figure {
  /** The benchmark group, such as "Ingest throughput". */
  group: string;
  /** The measurement within the group, such as "SQLite, 100,000 interactions". */
  name: string;
  /** null when the figure could not be measured, and then `note` gives the reason. */
  value: number | null;
  unit: string;
  direction: Direction;
  floor?: { value: number; what: string };
  target: Target;
  note?: string;
}

/** value / floor; for throughput a ratio of 0.8 means 80 % of the floor's rate, for times 1.25 means 25 % slower. */
export function ratioToFloor(figure: Figure): number | null {
  if (figure.value === null || !figure.floor || figure.floor.value === 0) {
    return null;
  }
  return figure.value / figure.floor.value;
}

/** Builds a target on the ratio to the floor: at least `limit` for throughput, at most `limit` for times. */
export function ratioTarget(limit: number, direction: Direction): Target {
  return {
    text: direction === 'higher' ? `>= ${limit}x floor` : `<= ${limit}x floor`,
    met: (figure) => {
      const ratio = ratioToFloor(figure);
      return ratio !== null && (direction === 'higher' ? ratio >= limit : ratio <= limit);
    },
  };
}

/** Builds a target on the value itself, such as a time under 1 s, optionally combined with a ratio target. */
export function valueTarget(text: string, check: (value: number) => boolean, alsoRatio?: Target): Target {
  return {
    text: alsoRatio ? `${alsoRatio.text}, ${text}` : text,
    met: (figure) => figure.value !== null && check(figure.value) && (alsoRatio ? alsoRatio.met(figure) : true),
  };
}

/** Builds the figure for something this run did not measure. */
export function notMeasured(group: string, name: string, target: string, reason: string): Figure {
  return { group, name, value: null, unit: '', direction: 'lower', target: { text: target, met: () => false }, note: reason };
}
