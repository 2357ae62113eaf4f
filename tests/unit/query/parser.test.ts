// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { parseQuery } from '../../../shared/query/parser';
import { field, number, parseConditionText, parseValid, text } from './helpers';

describe('parseQuery operands', () => {
  it('parses PROFILE with an entity', () => {
    expect(parseValid('PROFILE(contact)')).toEqual({ kind: 'profile', entity: 'contact', steps: [] });
  });

  it('parses PROFILE with an alias', () => {
    expect(parseValid('PROFILE(contact, c)')).toEqual({ kind: 'profile', entity: 'contact', alias: 'c', steps: [] });
  });

  it('parses PROFILE FILTER with qualified fields', () => {
    const ast = parseValid("PROFILE(contact, contact_1).FILTER(contact_1.address1_city == 'Berlin')");
    expect(ast).toEqual({
      kind: 'profile',
      entity: 'contact',
      alias: 'contact_1',
      steps: [
        {
          kind: 'filter',
          condition: {
            kind: 'binary',
            operator: '==',
            left: field('contact_1', 'address1_city'),
            right: text('Berlin'),
          },
        },
      ],
    });
  });

  it('parses TRAVERSE with a relationship only', () => {
    const ast = parseValid('PROFILE(contact).TRAVERSE(contact_account)');
    expect(ast).toMatchObject({ steps: [{ kind: 'traverse', relationship: 'contact_account' }] });
  });

  it('parses TRAVERSE with an alias', () => {
    const ast = parseValid('PROFILE(contact).TRAVERSE(contact_account, a)');
    expect(ast).toMatchObject({ steps: [{ kind: 'traverse', relationship: 'contact_account', alias: 'a' }] });
  });

  it('parses TRAVERSE with a FILTER', () => {
    const ast = parseValid("PROFILE(contact).TRAVERSE(contact_account, FILTER(name == 'x'))");
    expect(ast).toMatchObject({
      steps: [{ kind: 'traverse', filter: { kind: 'binary', left: field('name'), right: text('x') } }],
    });
  });

  it('parses TRAVERSE with an alias and a FILTER', () => {
    const ast = parseValid("PROFILE(contact).TRAVERSE(contact_account, a, FILTER(a.name == 'x'))");
    expect(ast).toMatchObject({ steps: [{ kind: 'traverse', alias: 'a', filter: { left: field('a', 'name') } }] });
  });

  it('keeps PROFILE steps in order', () => {
    const ast = parseValid('PROFILE(contact).FILTER(a == 1).TRAVERSE(r).FILTER(b == 2)');
    expect(ast).toMatchObject({ steps: [{ kind: 'filter' }, { kind: 'traverse' }, { kind: 'filter' }] });
  });

  it('parses INTERACTION with a link name', () => {
    expect(parseValid('INTERACTION(EmailClicked, EmailClicked_Contact)')).toEqual({
      kind: 'interaction',
      interactionType: 'EmailClicked',
      linkName: 'EmailClicked_Contact',
    });
  });

  it('parses INTERACTION FILTER and HAVING', () => {
    const ast = parseValid("INTERACTION(EmailClicked, EmailClicked_Contact).FILTER(ActivityId == '03').HAVING(COUNT() > 0)");
    expect(ast).toMatchObject({
      filter: { kind: 'binary', operator: '==', left: field('ActivityId'), right: text('03') },
      having: { aggregate: 'COUNT', operator: '>', value: 0 },
    });
  });

  it('parses SEGMENT with a plain name', () => {
    expect(parseValid('SEGMENT(LaunchClickers)')).toEqual({ kind: 'segment', name: 'LaunchClickers' });
  });

  it('parses SEGMENT with a quoted name', () => {
    expect(parseValid("SEGMENT('Launch clickers')")).toEqual({ kind: 'segment', name: 'Launch clickers' });
  });
});

describe('parseQuery HAVING', () => {
  const having = (call: string) => {
    const ast = parseValid(`INTERACTION(EmailSent, EmailSent_Contact).HAVING(${call})`);
    return ast.kind === 'interaction' ? ast.having : undefined;
  };

  it('parses COUNT without a field', () => {
    expect(having('COUNT() > 3')).toEqual({ aggregate: 'COUNT', operator: '>', value: 3 });
  });

  for (const aggregate of ['SUM', 'AVG', 'MIN', 'MAX'] as const) {
    it(`parses ${aggregate} with a field`, () => {
      expect(having(`${aggregate}(Version) <= 2.5`)).toEqual({
        aggregate,
        field: field('Version'),
        operator: '<=',
        value: 2.5,
      });
    });
  }

  for (const unit of ['UTCDAYS', 'UTCMONTHS', 'UTCYEARS'] as const) {
    it(`parses the ${unit} window`, () => {
      expect(having(`COUNT() > 0, ${unit}(30)`)?.window).toEqual({ unit, amount: 30 });
    });
  }

  for (const operator of ['==', '!=', '>', '>=', '<', '<='] as const) {
    it(`parses the ${operator} comparison`, () => {
      expect(having(`COUNT() ${operator} 1`)?.operator).toBe(operator);
    });
  }

  it('parses a negative number', () => {
    expect(having('COUNT() > -1')?.value).toBe(-1);
  });
});

describe('parseQuery set operations', () => {
  it('parses UNION', () => {
    expect(parseValid('SEGMENT(a) UNION SEGMENT(b)')).toEqual({
      kind: 'set',
      operator: 'UNION',
      left: { kind: 'segment', name: 'a' },
      right: { kind: 'segment', name: 'b' },
    });
  });

  it('parses INTERSECT', () => {
    expect(parseValid('SEGMENT(a) INTERSECT SEGMENT(b)')).toMatchObject({ operator: 'INTERSECT' });
  });

  it('parses EXCEPT', () => {
    expect(parseValid('SEGMENT(a) EXCEPT SEGMENT(b)')).toMatchObject({ operator: 'EXCEPT' });
  });

  it('associates set operators to the left', () => {
    expect(parseValid('SEGMENT(a) UNION SEGMENT(b) EXCEPT SEGMENT(c)')).toMatchObject({
      operator: 'EXCEPT',
      left: { operator: 'UNION', left: { name: 'a' }, right: { name: 'b' } },
      right: { name: 'c' },
    });
  });

  it('groups with parentheses', () => {
    expect(parseValid('SEGMENT(a) EXCEPT (SEGMENT(b) UNION SEGMENT(c))')).toMatchObject({
      operator: 'EXCEPT',
      left: { name: 'a' },
      right: { operator: 'UNION', left: { name: 'b' }, right: { name: 'c' } },
    });
  });

  it('accepts INTERACTION blocks as operands', () => {
    const ast = parseValid('INTERACTION(EmailSent, EmailSent_Contact) UNION PROFILE(contact)');
    expect(ast).toMatchObject({ left: { kind: 'interaction' }, right: { kind: 'profile' } });
  });
});

describe('parseQuery paging', () => {
  it('parses ORDERBY with directions', () => {
    const ast = parseValid('PROFILE(contact).ORDERBY(lastname, firstname DESC, city ASC)');
    expect(ast).toMatchObject({
      paging: {
        orderBy: [
          { field: field('lastname'), direction: 'ASC' },
          { field: field('firstname'), direction: 'DESC' },
          { field: field('city'), direction: 'ASC' },
        ],
      },
    });
  });

  it('parses SKIP and TAKE', () => {
    const ast = parseValid('PROFILE(contact).SKIP(10).TAKE(5)');
    expect(ast).toMatchObject({ kind: 'profile', paging: { skip: 10, take: 5 } });
  });

  it('parses SELECT', () => {
    const ast = parseValid('PROFILE(contact, c).SELECT(c.fullname, c.emailaddress1)');
    expect(ast).toMatchObject({ paging: { select: [field('c', 'fullname'), field('c', 'emailaddress1')] } });
  });

  it('accepts paging calls in any order', () => {
    const ast = parseValid('INTERACTION(EmailSent, EmailSent_Contact).TAKE(5).SKIP(1)');
    expect(ast).toMatchObject({ kind: 'interaction', paging: { skip: 1, take: 5 } });
  });
});

describe('parseQuery conditions', () => {
  for (const operator of ['==', '!=', '>', '>=', '<', '<='] as const) {
    it(`parses the ${operator} comparison`, () => {
      expect(parseConditionText(`a ${operator} 1`)).toEqual({ kind: 'binary', operator, left: field('a'), right: number(1) });
    });
  }

  for (const operator of ['CONTAINS', 'STARTSWITH', 'ENDSWITH'] as const) {
    it(`parses ${operator}`, () => {
      expect(parseConditionText(`a ${operator.toLowerCase()} 'x'`)).toEqual({
        kind: 'binary',
        operator,
        left: field('a'),
        right: text('x'),
      });
    });
  }

  for (const operator of ['+', '-', '*', '/'] as const) {
    it(`parses the ${operator} operator`, () => {
      expect(parseConditionText(`a ${operator} 2 > 1`)).toMatchObject({ left: { operator, left: field('a'), right: number(2) } });
    });
  }

  it('parses && and ||', () => {
    expect(parseConditionText('a == 1 && b == 2 || c == 3')).toMatchObject({
      operator: '||',
      left: { operator: '&&' },
      right: { operator: '==' },
    });
  });

  it('reads OR as ||', () => {
    expect(parseConditionText('a == 1 or b == 2')).toMatchObject({ operator: '||' });
  });

  it('binds && tighter than ||', () => {
    expect(parseConditionText('a || b && c')).toMatchObject({ operator: '||', right: { operator: '&&' } });
  });

  it('binds * tighter than +', () => {
    expect(parseConditionText('a + b * c == 1')).toMatchObject({ left: { operator: '+', right: { operator: '*' } } });
  });

  it('associates arithmetic to the left', () => {
    expect(parseConditionText('a - b - c == 1')).toMatchObject({ left: { operator: '-', left: { operator: '-' } } });
  });

  it('groups conditions with parentheses', () => {
    expect(parseConditionText('(a || b) && c')).toMatchObject({ operator: '&&', left: { operator: '||' } });
  });

  it('parses NOT', () => {
    expect(parseConditionText('NOT(a == 1)')).toEqual({
      kind: 'not',
      operand: { kind: 'binary', operator: '==', left: field('a'), right: number(1) },
    });
  });

  it('parses ISNULL', () => {
    expect(parseConditionText('ISNULL(a)')).toEqual({ kind: 'call', name: 'ISNULL', args: [field('a')] });
  });

  it('parses ISNOTNULL', () => {
    expect(parseConditionText('isnotnull(a)')).toEqual({ kind: 'call', name: 'ISNOTNULL', args: [field('a')] });
  });

  it('parses True and False', () => {
    expect(parseConditionText('a == True || b == false')).toMatchObject({
      left: { right: { kind: 'boolean', value: true } },
      right: { right: { kind: 'boolean', value: false } },
    });
  });

  it('parses decimal and exponent numbers', () => {
    expect(parseConditionText('a == 1.25e3')).toMatchObject({ right: number(1250) });
  });

  it('parses a negative number', () => {
    expect(parseConditionText('a > -2.5')).toMatchObject({ right: number(-2.5) });
  });

  it('reads a doubled quote as one quote', () => {
    expect(parseConditionText("a == 'O''Brien'")).toMatchObject({ right: text("O'Brien") });
  });

  it('keeps a backslash in a string', () => {
    expect(parseConditionText("a == 'C:\\temp'")).toMatchObject({ right: text('C:\\temp') });
  });

  it('parses DATETIMEUTCNOW', () => {
    expect(parseConditionText('a < DATETIMEUTCNOW()')).toMatchObject({ right: { kind: 'call', name: 'DATETIMEUTCNOW', args: [] } });
  });

  it('parses DATE with three arguments', () => {
    expect(parseConditionText('a < DATE(2024, 1, 31)')).toMatchObject({
      right: { kind: 'call', name: 'DATE', args: [number(2024), number(1), number(31)] },
    });
  });

  it('parses DATE with seven arguments', () => {
    const condition = parseConditionText('a < DATE(2024, 1, 31, 12, 30, 15, 500)');
    expect(condition).toMatchObject({ right: { kind: 'call', name: 'DATE' } });
    expect(condition).toHaveProperty('right.args.length', 7);
  });

  it('parses DATEDIFF with a date part', () => {
    expect(parseConditionText('DATEDIFF(day, a, DATETIMEUTCNOW()) > 30')).toMatchObject({
      left: { kind: 'call', name: 'DATEDIFF', args: [{ kind: 'datePart', part: 'DAY' }, field('a'), { name: 'DATETIMEUTCNOW' }] },
    });
  });

  for (const part of ['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND'] as const) {
    it(`parses DATEADD with ${part}`, () => {
      expect(parseConditionText(`a > DATEADD(${part}, -1, DATETIMEUTCNOW())`)).toMatchObject({
        right: { name: 'DATEADD', args: [{ kind: 'datePart', part }, number(-1), { name: 'DATETIMEUTCNOW' }] },
      });
    });
  }

  it('reads a date part name outside DATEDIFF as a field', () => {
    expect(parseConditionText('day == 1')).toMatchObject({ left: field('day') });
  });
});

describe('parseQuery keywords', () => {
  it('matches keywords in any case', () => {
    const lower = parseValid("interaction(EmailSent, EmailSent_Contact).filter(a == 'x').having(count() > 0, utcdays(7)) union segment(s)");
    const upper = parseValid("INTERACTION(EmailSent, EmailSent_Contact).FILTER(a == 'x').HAVING(COUNT() > 0, UTCDAYS(7)) UNION SEGMENT(s)");
    expect(lower).toEqual(upper);
  });

  it('keeps the case of names', () => {
    expect(parseValid('SEGMENT(launchClickers)')).toEqual({ kind: 'segment', name: 'launchClickers' });
  });

  it('accepts line breaks and tabs between tokens', () => {
    expect(parseValid('SEGMENT(a)\r\n\tUNION\n  SEGMENT(b)')).toMatchObject({ operator: 'UNION' });
  });
});

describe('parseQuery spans', () => {
  it('records 1-based positions of nodes', () => {
    const ast = parseQuery('SEGMENT(a)\nUNION\n  SEGMENT(b)').ast;
    expect(ast).toMatchObject({ right: { span: { start: { line: 3, column: 3, offset: 19 } } } });
  });
});
