// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { buildResultLogic } from '../../../shared/catalog/logic';
import type { Expression, SegmentExpression } from '../../../shared/query/ast';
import { parseQuery } from '../../../shared/query/parser';
import { maxLineLength, printExpression, printQuery } from '../../../shared/query/printer';
import { withoutSpans } from '../../../shared/query/spans';
import { field, number, text } from './helpers';

const journeyId = '7d0c2e6a-1b7f-4f5e-9a57-2f0d1c3b9e10';

/** Parses text and prints it again. */
function reprint(query: string): string {
  const { ast, errors } = parseQuery(query);
  expect(errors).toEqual([]);
  return printQuery(ast!);
}

function reprintCondition(condition: string): string {
  return reprint(`PROFILE(contact).FILTER(${condition})`).replace(/^PROFILE\(contact\)\.FILTER\((.*)\)$/s, '$1');
}

describe('printQuery generated logic', () => {
  it('prints one interaction block with calls on separate lines', () => {
    const logic = buildResultLogic([{ interactionType: 'EmailClicked' }], { journeyId, activityId: '03' });
    expect(printQuery(logic)).toBe(
      [
        'INTERACTION(EmailClicked, EmailClicked_Contact)',
        `  .FILTER(CustomerJourneyId == '${journeyId}' && ActivityId == '03')`,
        '  .HAVING(COUNT() > 0)',
      ].join('\n'),
    );
  });

  it('prints a UNION with the operator on its own line', () => {
    const logic = buildResultLogic([{ interactionType: 'EmailHardBounced' }, { interactionType: 'EmailHardRemoteBounced' }], {
      journeyId,
    });
    expect(printQuery(logic).split('\n')).toEqual([
      'INTERACTION(EmailHardBounced, EmailHardBounced_Contact)',
      `  .FILTER(CustomerJourneyId == '${journeyId}')`,
      '  .HAVING(COUNT() > 0)',
      'UNION',
      'INTERACTION(EmailHardRemoteBounced, EmailHardRemoteBounced_Contact)',
      `  .FILTER(CustomerJourneyId == '${journeyId}')`,
      '  .HAVING(COUNT() > 0)',
    ]);
  });

  it('prints generated logic that parses back to the same tree', () => {
    const logic = buildResultLogic(
      [{ interactionType: 'EmailSent' }, { interactionType: 'EmailClicked', match: { field: 'LinkId', value: "it's" } }],
      { journeyId, activityId: '03' },
    );
    expect(withoutSpans(parseQuery(printQuery(logic)).ast)).toEqual(logic);
  });
});

describe('printQuery layout', () => {
  it('keeps short chains on one line', () => {
    const query = 'INTERACTION(EmailSoftBounced, EmailSoftBounced_Contact).HAVING(COUNT() > 3, UTCDAYS(30))';
    expect(reprint(query)).toBe(query);
  });

  it('breaks chains longer than the line limit', () => {
    const value = 'x'.repeat(maxLineLength);
    expect(reprint(`PROFILE(contact).FILTER(a == '${value}').TAKE(1)`).split('\n')).toEqual([
      'PROFILE(contact)',
      `  .FILTER(a == '${value}')`,
      '  .TAKE(1)',
    ]);
  });

  it('indents a parenthesised group', () => {
    expect(reprint('SEGMENT(a) EXCEPT (SEGMENT(b) UNION SEGMENT(c))').split('\n')).toEqual([
      'SEGMENT(a)',
      'EXCEPT',
      '(',
      '  SEGMENT(b)',
      '  UNION',
      '  SEGMENT(c)',
      ')',
    ]);
  });

  it('drops parentheses around a left operand', () => {
    expect(reprint('(SEGMENT(a) UNION SEGMENT(b)) EXCEPT SEGMENT(c)')).toBe('SEGMENT(a)\nUNION\nSEGMENT(b)\nEXCEPT\nSEGMENT(c)');
  });

  it('measures the line limit including indentation', () => {
    const frame = "PROFILE(contact).FILTER(a == '')";
    const operand = `PROFILE(contact).FILTER(a == '${'x'.repeat(maxLineLength - frame.length)}')`;
    expect(operand).toHaveLength(maxLineLength);
    expect(reprint(operand).split('\n')).toHaveLength(1);
    expect(reprint(`SEGMENT(a) EXCEPT (SEGMENT(b) UNION ${operand})`).split('\n')).toContain('  PROFILE(contact)');
  });

  it('ends without a newline', () => {
    expect(reprint('SEGMENT(a)')).toBe('SEGMENT(a)');
  });

  it('prints paging calls in a fixed order', () => {
    expect(reprint('PROFILE(contact).SELECT(a).TAKE(2).ORDERBY(b).SKIP(1)')).toBe(
      'PROFILE(contact).ORDERBY(b ASC).SKIP(1).TAKE(2).SELECT(a)',
    );
  });

  it('prints TRAVERSE with alias and FILTER', () => {
    const query = "PROFILE(contact, c).TRAVERSE(contact_account, a, FILTER(a.name == 'x'))";
    expect(reprint(query)).toBe(query);
  });
});

describe('printQuery spelling', () => {
  it('prints keywords in uppercase', () => {
    expect(reprint('segment(a) union profile(contact).filter(isnull(b) && c contains \'x\')')).toBe(
      "SEGMENT(a)\nUNION\nPROFILE(contact).FILTER(ISNULL(b) && c CONTAINS 'x')",
    );
  });

  it('prints OR as ||', () => {
    expect(reprintCondition('a == 1 OR b == 2')).toBe('a == 1 || b == 2');
  });

  it('normalises spacing', () => {
    expect(reprintCondition('a==1&&(b)>=-2')).toBe('a == 1 && b >= -2');
  });

  it('doubles a quote inside a string', () => {
    expect(printExpression(text("O'Brien"))).toBe("'O''Brien'");
  });

  it('prints True and False', () => {
    expect(reprintCondition('a == TRUE || b == false')).toBe('a == True || b == False');
  });

  it('prints date parts in uppercase', () => {
    expect(reprintCondition('DateDiff(day, a, datetimeutcnow()) > 1')).toBe('DATEDIFF(DAY, a, DATETIMEUTCNOW()) > 1');
  });

  it('prints numbers in their shortest form', () => {
    expect([1.5, 1e21, 1e-7, -3, -0].map((value) => printExpression(number(value)))).toEqual([
      '1.5',
      '1e+21',
      '1e-7',
      '-3',
      '-0',
    ]);
  });

  it('quotes segment names that are not identifiers', () => {
    expect(printQuery({ kind: 'segment', name: "Launch clickers (Q3) it's" })).toBe("SEGMENT('Launch clickers (Q3) it''s')");
  });

  it('keeps plain segment names bare', () => {
    expect(printQuery({ kind: 'segment', name: 'Kündiger_2024' })).toBe('SEGMENT(Kündiger_2024)');
  });
});

describe('printExpression parentheses', () => {
  const binary = (operator: string, left: Expression, right: Expression) =>
    ({ kind: 'binary', operator, left, right }) as Expression;

  it('adds parentheses for a looser left operand', () => {
    expect(printExpression(binary('&&', binary('||', field('a'), field('b')), field('c')))).toBe('(a || b) && c');
  });

  it('adds parentheses for an equal right operand', () => {
    expect(printExpression(binary('-', field('a'), binary('-', field('b'), field('c'))))).toBe('a - (b - c)');
  });

  it('omits parentheses for an equal left operand', () => {
    expect(printExpression(binary('-', binary('-', field('a'), field('b')), field('c')))).toBe('a - b - c');
  });

  it('omits parentheses for a tighter operand', () => {
    expect(printExpression(binary('+', field('a'), binary('*', field('b'), field('c'))))).toBe('a + b * c');
  });

  it('prints a negative number after minus', () => {
    expect(printExpression(binary('-', field('a'), number(-1)))).toBe('a - -1');
  });
});

describe('printQuery round trip', () => {
  const queries: string[] = [
    "PROFILE(contact, contact_1).FILTER(contact_1.address1_city == 'Berlin' && ISNOTNULL(contact_1.emailaddress1))",
    'SEGMENT(LaunchClickers) EXCEPT SEGMENT(LaunchRegistrations)',
    'SEGMENT(a) UNION (SEGMENT(b) INTERSECT (SEGMENT(c) EXCEPT SEGMENT(d)))',
    'INTERACTION(EmailSent, EmailSent_Contact).HAVING(AVG(Version) < 2.5, UTCYEARS(1)).ORDERBY(a DESC).SKIP(0).TAKE(10)',
    'PROFILE(contact).FILTER(NOT(a + b * (c - d) / 2 >= DATEDIFF(MONTH, DATE(2024, 1, 1), DATETIMEUTCNOW())))',
  ];

  for (const query of queries) {
    it(`keeps the tree of ${query.slice(0, 40)}`, () => {
      const first = parseQuery(query).ast as SegmentExpression;
      expect(withoutSpans(parseQuery(printQuery(first)).ast)).toEqual(withoutSpans(first));
    });
  }

  it('prints its own output unchanged', () => {
    for (const query of queries) {
      const once = reprint(query);
      expect(reprint(once)).toBe(once);
    }
  });
});
