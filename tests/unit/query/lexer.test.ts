// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { tokenize } from '../../../shared/query/lexer';
import { SourcePositions } from '../../../shared/query/source-positions';

const texts = (source: string) => tokenize(source).tokens.map((token) => token.text);

describe('tokenize', () => {
  it('prefers two-character symbols', () => {
    expect(texts('a>=b<=c==d!=e&&f||g>h<i')).toEqual(['a', '>=', 'b', '<=', 'c', '==', 'd', '!=', 'e', '&&', 'f', '||', 'g', '>', 'h', '<', 'i', '']);
  });

  it('ends with an end token', () => {
    expect(tokenize('  ').tokens).toEqual([{ kind: 'end', text: '', upper: '', start: 2, end: 2 }]);
  });

  it('decodes a doubled quote', () => {
    expect(tokenize("'it''s'").tokens[0]).toMatchObject({ kind: 'string', stringValue: "it's", start: 0, end: 7 });
  });

  it('decodes an empty string', () => {
    expect(tokenize("''").tokens[0]).toMatchObject({ kind: 'string', stringValue: '' });
  });

  it('keeps line breaks inside a string', () => {
    expect(tokenize("'a\nb'").tokens[0].stringValue).toBe('a\nb');
  });

  it('reports an unterminated string', () => {
    expect(tokenize("x == 'abc").errors).toMatchObject([{ code: 'unterminated-string', line: 1, column: 6 }]);
  });

  it('reads numbers with fraction and exponent', () => {
    expect(tokenize('12 3.5 4e2 5E-1').tokens.map((token) => token.numberValue)).toEqual([12, 3.5, 400, 0.5, undefined]);
  });

  it('leaves a dot without digits out of a number', () => {
    expect(texts('1.x')).toEqual(['1', '.', 'x', '']);
  });

  it('reads non-ASCII letters in identifiers', () => {
    expect(texts('Kündiger_2 𐐀x')).toEqual(['Kündiger_2', '𐐀x', '']);
  });

  it('uppercases identifiers for keyword checks', () => {
    expect(tokenize('union').tokens[0].upper).toBe('UNION');
  });

  it('reports and skips an invalid character', () => {
    const result = tokenize('a # b');
    expect(result.errors).toMatchObject([{ code: 'invalid-character', column: 3, length: 1 }]);
    expect(result.tokens.map((token) => token.text)).toEqual(['a', 'b', '']);
  });

  it('matches parentheses and marks unclosed ones', () => {
    const { matchingParen } = tokenize('(()(');
    expect([...matchingParen]).toEqual([-1, 2, -1, -1, -1]);
  });
});

describe('SourcePositions', () => {
  const positions = new SourcePositions('ab\ncd\r\nef\rgh');

  it('counts the first line from 1', () => {
    expect(positions.positionAt(1)).toEqual({ line: 1, column: 2, offset: 1 });
  });

  it('starts a line after LF', () => {
    expect(positions.positionAt(3)).toEqual({ line: 2, column: 1, offset: 3 });
  });

  it('starts a line after CRLF', () => {
    expect(positions.positionAt(7)).toEqual({ line: 3, column: 1, offset: 7 });
  });

  it('starts a line after a lone CR', () => {
    expect(positions.positionAt(10)).toEqual({ line: 4, column: 1, offset: 10 });
  });
});
