// Fills the segment name pattern (an option an administrator may set by policy) for the flyout's prefilled name.
// Placeholders: {result} (the result label, or the reason label for a reason), {tile}, {journey}, {reason} and
// {date} (the local date as YYYY-MM-DD). Other text in braces stays as it is.

export const defaultSegmentNamePattern = '{result} - {tile} - {journey}';

export interface NameValues {
  result: string;
  tile: string;
  journey: string;
  reason: string;
  date: string;
}

type Piece = { kind: 'text'; text: string } | { kind: 'value'; text: string };

const placeholder = /\{(result|tile|journey|reason|date)\}/g;

/** Text made of separators only, such as " - " or ", ", which an empty value would otherwise leave doubled. */
const separatorOnly = /^[\s\-–—|:,;/·•]*$/;

/** Returns the local date as YYYY-MM-DD. */
export function localDate(now: Date): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

function split(pattern: string, values: NameValues): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of pattern.matchAll(placeholder)) {
    pieces.push({ kind: 'text', text: pattern.slice(last, match.index) });
    pieces.push({ kind: 'value', text: values[match[1] as keyof NameValues] });
    last = (match.index ?? 0) + match[0].length;
  }
  pieces.push({ kind: 'text', text: pattern.slice(last) });
  return pieces;
}

/**
 * Fills `pattern` with `values`. An empty value takes one of the separators around it along, so the default
 * pattern "{result} - {tile} - {journey}" reads "<reason> - <journey>" for a reason, which has no tile.
 */
export function fillNamePattern(pattern: string, values: NameValues): string {
  const kept: Piece[] = [];
  for (const piece of split(pattern, values)) {
    if (piece.kind === 'value' && piece.text === '') {
      continue;
    }
    const previous = kept[kept.length - 1];
    if (piece.kind === 'text' && previous?.kind === 'text') {
      // Two texts meet where an empty value was; keep one separator between the values around it.
      if (separatorOnly.test(previous.text) && separatorOnly.test(piece.text)) {
        continue;
      }
      previous.text += piece.text;
      continue;
    }
    kept.push({ ...piece });
  }

  // Separators at the start or end stand next to nothing.
  const first = kept[0];
  if (first?.kind === 'text' && separatorOnly.test(first.text)) {
    kept.shift();
  }
  const final = kept[kept.length - 1];
  if (final?.kind === 'text' && separatorOnly.test(final.text)) {
    kept.pop();
  }
  return kept.map((piece) => piece.text).join('');
}
