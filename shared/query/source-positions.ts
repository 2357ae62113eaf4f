// Converts 0-based offsets into 1-based line and column numbers. A line ends at "\n", "\r\n" or a lone "\r",
// and columns count UTF-16 code units, as editors and the browser's string indices do.

import type { Position, Span } from './ast';

export class SourcePositions {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === 10) {
        this.lineStarts.push(index + 1);
      } else if (code === 13 && text.charCodeAt(index + 1) !== 10) {
        this.lineStarts.push(index + 1);
      }
    }
  }

  positionAt(offset: number): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return { line: low + 1, column: offset - this.lineStarts[low] + 1, offset };
  }

  spanOf(start: number, end: number): Span {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}
