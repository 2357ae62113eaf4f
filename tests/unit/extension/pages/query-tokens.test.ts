// @vitest-environment node

import { StringStream } from '@codemirror/language';
import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';

import { logicDiagnostics } from '../../../../extension/pages/segment/logic-diagnostics';
import { queryStreamParser, type QueryTokenState } from '../../../../extension/pages/segment/query-tokens';

/** Tokenizes lines as CodeMirror does, carrying the state across lines; returns [text, style] per token. */
function tokens(...lines: string[]): Array<[string, string | null]> {
  const state: QueryTokenState = queryStreamParser.startState!(2);
  const result: Array<[string, string | null]> = [];
  for (const line of lines) {
    const stream = new StringStream(line, 4, 2);
    while (!stream.eol()) {
      stream.start = stream.pos;
      const style = queryStreamParser.token(stream, state);
      expect(stream.pos, `the tokenizer did not advance in ${JSON.stringify(line)}`).toBeGreaterThan(stream.start);
      if (style !== null) {
        result.push([line.slice(stream.start, stream.pos), style]);
      }
    }
  }
  return result;
}

const styleOf = (line: string, text: string) => tokens(line).find(([token]) => token === text)?.[1];

describe('query tokenizer', () => {
  it('marks operand keywords and chain calls as keywords', () => {
    const line = 'INTERACTION(EmailClicked, EmailClicked_Contact).FILTER(x == 1).HAVING(COUNT() > 0)';

    expect(styleOf(line, 'INTERACTION')).toBe('keyword');
    expect(styleOf(line, 'FILTER')).toBe('keyword');
    expect(styleOf(line, 'HAVING')).toBe('keyword');
  });

  it('matches keywords in any letter case', () => {
    expect(styleOf('profile(contact)', 'profile')).toBe('keyword');
    expect(styleOf('SEGMENT(a) union SEGMENT(b)', 'union')).toBe('operatorKeyword');
  });

  it('marks set operators and word operators', () => {
    for (const word of ['UNION', 'INTERSECT', 'EXCEPT', 'OR', 'NOT', 'CONTAINS', 'STARTSWITH', 'ENDSWITH']) {
      expect(styleOf(`a ${word} b`, word), word).toBe('operatorKeyword');
    }
  });

  it('marks aggregates, windows and condition functions as functions', () => {
    for (const word of ['COUNT', 'SUM', 'UTCDAYS', 'ISNOTNULL', 'DATETIMEUTCNOW', 'DATEDIFF']) {
      expect(styleOf(`${word}(x)`, word), word).toBe('variableName.function');
    }
  });

  it('marks interaction types but not fields', () => {
    const line = 'INTERACTION(EmailSoftBounced, EmailSoftBounced_Contact).FILTER(ActivityId == 2)';

    expect(styleOf(line, 'EmailSoftBounced')).toBe('typeName');
    expect(styleOf(line, 'EmailSoftBounced_Contact')).toBe('variableName');
    expect(styleOf(line, 'ActivityId')).toBe('variableName');
  });

  it('reads numbers with fraction and exponent', () => {
    expect(tokens('2.5e3 42')).toEqual([
      ['2.5e3', 'number'],
      ['42', 'number'],
    ]);
  });

  it('reads two-character operators as one token', () => {
    expect(tokens('a>=1&&b!=2').filter(([, style]) => style === 'operator')).toEqual([
      ['>=', 'operator'],
      ['&&', 'operator'],
      ['!=', 'operator'],
    ]);
  });

  it('keeps a doubled quote inside a string', () => {
    expect(tokens("City == 'O''Brien'")).toContainEqual(["'O''Brien'", 'string']);
  });

  it('continues a string on the next line', () => {
    const result = tokens("Name == 'first", "second' && x", 'y');

    expect(result).toContainEqual(["'first", 'string']);
    expect(result).toContainEqual(["second'", 'string']);
    expect(result).toContainEqual(['x', 'variableName']);
  });

  it('marks booleans and uppercase date parts', () => {
    expect(styleOf('x == True', 'True')).toBe('bool');
    expect(styleOf('DATEADD(DAY, 1, d)', 'DAY')).toBe('atom');
    expect(styleOf('Day == 1', 'Day')).toBe('variableName');
  });

  it('marks characters outside the language as invalid', () => {
    expect(tokens('a = "b"').filter(([, style]) => style === 'invalid').map(([text]) => text)).toEqual(['=', '"', '"']);
  });

  it('reads non-ASCII identifiers', () => {
    expect(tokens('Straße_2 == 1')[0]).toEqual(['Straße_2', 'variableName']);
  });
});

describe('logic diagnostics', () => {
  const doc = Text.of(['INTERACTION(EmailClicked, EmailClicked_Contact)', '  .HAVING(COUNT() >= 1)']);

  it('place an error at its line and column', () => {
    const [diagnostic] = logicDiagnostics([{ code: 'count-comparison', message: 'Use > 0', line: 2, column: 19, length: 2 }], doc);

    expect(doc.sliceString(diagnostic.from, diagnostic.to)).toBe('>=');
    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.message).toBe('Use > 0');
  });

  it('clamp positions beyond the text', () => {
    const [diagnostic] = logicDiagnostics([{ code: 'unexpected-end', message: 'ends here', line: 9, column: 80, length: 3 }], doc);

    expect(diagnostic.from).toBeLessThanOrEqual(doc.length);
    expect(diagnostic.to).toBe(doc.length);
  });
});
