// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { buildReasonLogic, buildResultLogic, reasonIds, resultsOfTile, tileKinds, type CatalogTile } from '../../../shared/catalog';
import { analyzeQuery } from '../../../shared/query/analyze';
import type { QueryError, SegmentExpression } from '../../../shared/query/ast';
import { parseQuery } from '../../../shared/query/parser';
import { validateQuery, type ValidationContext } from '../../../shared/query/validator';

/** Builds a context over named segments whose logic is given as text. */
function contextOf(segments: Record<string, string>, segmentName?: string): ValidationContext {
  return {
    segmentName,
    segmentExists: (name) => Object.prototype.hasOwnProperty.call(segments, name),
    segmentLogic: (name) => parseQuery(segments[name] ?? '').ast,
  };
}

const noSegments = contextOf({});

function validate(text: string, context: ValidationContext = noSegments): QueryError[] {
  const { ast, errors } = parseQuery(text);
  expect(errors).toEqual([]);
  return validateQuery(ast!, context);
}

function codes(text: string, context?: ValidationContext): string[] {
  return validate(text, context).map((error) => error.code);
}

const interaction = (calls: string) => `INTERACTION(EmailClicked, EmailClicked_Contact)${calls}`;

describe('validateQuery COUNT limits', () => {
  for (const comparison of ['>= 1', '>= 3', '!= 1', '!= 4']) {
    it(`rejects COUNT() ${comparison}`, () => {
      expect(codes(interaction(`.HAVING(COUNT() ${comparison})`))).toEqual(['count-comparison-not-allowed']);
    });
  }

  for (const comparison of ['> -1', '== -2', '> 1.5', '< 0.5']) {
    it(`rejects COUNT() ${comparison}`, () => {
      expect(codes(interaction(`.HAVING(COUNT() ${comparison})`))).toEqual(['count-value-not-allowed']);
    });
  }

  it('rejects COUNT() == 0', () => {
    expect(codes(interaction('.HAVING(COUNT() == 0)'))).toEqual(['count-equals-zero']);
  });

  for (const comparison of ['> 0', '> 2', '== 1', '< 5', '<= 2', '>= 0', '!= 0']) {
    it(`accepts COUNT() ${comparison}`, () => {
      expect(codes(interaction(`.HAVING(COUNT() ${comparison})`))).toEqual([]);
    });
  }

  it('accepts any comparison on SUM', () => {
    expect(codes(interaction('.HAVING(SUM(Version) >= -1.5)'))).toEqual([]);
  });

  it('points at the comparison', () => {
    const [error] = validate(interaction('.HAVING(COUNT() >= 2)'));
    expect(error).toMatchObject({ line: 1, column: 64, length: 4 });
  });

  it('names a rewrite for >=', () => {
    expect(validate(interaction('.HAVING(COUNT() >= 3)'))[0].message).toContain('COUNT() > 2');
  });
});

describe('validateQuery interaction FILTER limits', () => {
  const excluded: Record<string, string> = {
    DATE: 'Timestamp > DATE(2024, 1, 1)',
    DATEDIFF: 'DATEDIFF(DAY, Timestamp, Timestamp) > 1',
    DATEADD: "Timestamp > DATEADD(DAY, 1, '2024-01-01')",
    DATETIMEUTCNOW: 'Timestamp < DATETIMEUTCNOW()',
    CONTAINS: "OriginalLink CONTAINS 'x'",
    STARTSWITH: "OriginalLink STARTSWITH 'x'",
    ENDSWITH: "OriginalLink ENDSWITH 'x'",
  };

  for (const [name, condition] of Object.entries(excluded)) {
    it(`rejects ${name} inside an INTERACTION's FILTER`, () => {
      expect(codes(interaction(`.FILTER(${condition})`))).toContain('not-allowed-in-interaction-filter');
    });

    it(`accepts ${name} inside a PROFILE's FILTER`, () => {
      expect(codes(`PROFILE(contact).FILTER(${condition})`)).toEqual([]);
    });
  }

  it('points at the function name', () => {
    const [error] = validate(interaction('.FILTER(Timestamp < DATETIMEUTCNOW())'));
    expect(error).toMatchObject({ column: 68, length: 'DATETIMEUTCNOW'.length });
  });

  it('points at the string operator', () => {
    const [error] = validate(interaction(".FILTER(OriginalLink CONTAINS 'x')"));
    expect(error).toMatchObject({ column: 69, length: 'CONTAINS'.length });
  });

  it('accepts comparisons, ISNULL and NOT', () => {
    expect(codes(interaction(".FILTER(NOT(ISNULL(LinkId)) && (Version > 1 || ActivityId != '03'))"))).toEqual([]);
  });
});

describe('validateQuery interaction types and fields', () => {
  it('rejects an unknown interaction type', () => {
    expect(codes('INTERACTION(EmailOpenedTwice, EmailOpenedTwice_Contact)')).toEqual(['unknown-interaction-type']);
  });

  it('suggests the spelling of a known type', () => {
    expect(validate('INTERACTION(emailclicked, emailclicked_Contact)')[0].message).toContain('EmailClicked');
  });

  it('rejects a field the type does not have', () => {
    const [error] = validate(interaction(".FILTER(Subject == 'x')"));
    expect(error).toMatchObject({ code: 'unknown-field', column: 56, length: 7 });
  });

  it('rejects an alias on an interaction field', () => {
    expect(codes(interaction(".FILTER(e.ActivityId == 'x')"))).toEqual(['unknown-field']);
  });

  it('accepts the common fields', () => {
    expect(codes(interaction(".FILTER(InteractionType == 'x' && Version > 1 && Timestamp > '2024-01-01')"))).toEqual([]);
  });

  it('rejects SUM of a string field', () => {
    expect(codes(interaction('.HAVING(SUM(ActivityId) > 1)'))).toEqual(['type-mismatch']);
  });

  it('rejects an unknown field in HAVING', () => {
    expect(codes(interaction('.HAVING(MAX(Score) > 1)'))).toEqual(['unknown-field']);
  });

  it('accepts MAX of a date field', () => {
    expect(codes(interaction(".HAVING(MAX(Timestamp) > 0)"))).toEqual([]);
  });
});

describe('validateQuery link names', () => {
  it('rejects a link name other than <Type>_Contact', () => {
    const [error] = validate('INTERACTION(EmailClicked, EmailClicked_Account)');
    expect(error).toMatchObject({ code: 'invalid-link-name', column: 27, length: 20 });
    expect(error.message).toContain('EmailClicked_Contact');
  });

  it('rejects a missing link name in a tree built in code', () => {
    const ast: SegmentExpression = { kind: 'interaction', interactionType: 'EmailClicked', linkName: '' };
    expect(validateQuery(ast, noSegments).map((error) => error.code)).toEqual(['missing-link-name']);
  });
});

describe('validateQuery entities', () => {
  it('accepts PROFILE(contact)', () => {
    expect(codes('PROFILE(contact)')).toEqual([]);
  });

  it('rejects another entity', () => {
    expect(codes('PROFILE(account)')).toEqual(['unsupported-entity']);
  });

  it('rejects another entity as a set operand', () => {
    expect(codes('SEGMENT(a) UNION PROFILE(lead)', contextOf({ a: 'PROFILE(contact)' }))).toEqual(['unsupported-entity']);
  });

  it('rejects an undeclared alias', () => {
    expect(codes('PROFILE(contact, c).FILTER(d.city == 1)')).toEqual(['unknown-alias']);
  });

  it('accepts a TRAVERSE alias after its step', () => {
    expect(codes("PROFILE(contact, c).TRAVERSE(contact_account, a).FILTER(a.name == 'x' && c.city == 'y')")).toEqual([]);
  });

  it('rejects a TRAVERSE alias before its step', () => {
    expect(codes("PROFILE(contact).FILTER(a.name == 'x').TRAVERSE(contact_account, a)")).toEqual(['unknown-alias']);
  });
});

describe('validateQuery segments', () => {
  it('accepts an existing segment', () => {
    expect(codes('SEGMENT(a)', contextOf({ a: 'PROFILE(contact)' }))).toEqual([]);
  });

  it('rejects an unknown segment', () => {
    const [error] = validate('SEGMENT(a) UNION SEGMENT(missing)', contextOf({ a: 'PROFILE(contact)' }));
    expect(error).toMatchObject({ code: 'unknown-segment', column: 26, length: 7 });
  });

  it('rejects a reference to the segment itself', () => {
    expect(codes('SEGMENT(me)', contextOf({ me: 'PROFILE(contact)' }, 'me'))).toEqual(['segment-cycle']);
  });

  it('rejects a cycle back to the segment itself', () => {
    const context = contextOf({ a: 'SEGMENT(b)', b: 'PROFILE(contact) EXCEPT SEGMENT(me)' }, 'me');
    const [error] = validate('SEGMENT(a)', context);
    expect(error.code).toBe('segment-cycle');
    expect(error.message).toContain('a → b → me');
  });

  it('rejects a cycle among other segments', () => {
    const context = contextOf({ a: 'SEGMENT(b)', b: 'SEGMENT(c)', c: 'SEGMENT(b)' }, 'me');
    const [error] = validate('SEGMENT(a)', context);
    expect(error.code).toBe('segment-cycle');
    expect(error.message).toContain('b → c → b');
  });

  it('accepts two paths to one segment', () => {
    const context = contextOf({ a: 'SEGMENT(c)', b: 'SEGMENT(c)', c: 'PROFILE(contact)' }, 'me');
    expect(codes('SEGMENT(a) UNION SEGMENT(b) UNION SEGMENT(c)', context)).toEqual([]);
  });

  it('accepts a segment without stored logic', () => {
    const context: ValidationContext = { segmentExists: () => true, segmentLogic: () => null };
    expect(codes('SEGMENT(a)', context)).toEqual([]);
  });
});

describe('validateQuery types', () => {
  it('rejects an int64 field compared with a string', () => {
    const [error] = validate(interaction(".FILTER(Version == '2')"));
    expect(error).toMatchObject({ code: 'type-mismatch', column: 56, length: 14 });
  });

  it('rejects a string field compared with a number', () => {
    expect(codes(interaction('.FILTER(ActivityId == 3)'))).toEqual(['type-mismatch']);
  });

  it('rejects a field that is not a condition', () => {
    expect(codes(interaction('.FILTER(ActivityId)'))).toEqual(['type-mismatch']);
  });

  it('rejects a string in &&', () => {
    expect(codes("PROFILE(contact).FILTER(a == 1 && 'x')")).toEqual(['type-mismatch']);
  });

  it('rejects arithmetic on a string', () => {
    expect(codes("PROFILE(contact).FILTER('a' + 1 > 2)")).toEqual(['type-mismatch']);
  });

  it('rejects CONTAINS on a number', () => {
    expect(codes("PROFILE(contact).FILTER(a CONTAINS 3)")).toEqual(['type-mismatch']);
  });

  it('rejects a number compared with True', () => {
    expect(codes('PROFILE(contact).FILTER(1 == True)')).toEqual(['type-mismatch']);
  });

  it('accepts a date field compared with ISO text', () => {
    expect(codes(interaction(".FILTER(Timestamp >= '2024-01-01T00:00:00Z')"))).toEqual([]);
  });

  it('accepts profile fields of unknown type', () => {
    expect(codes("PROFILE(contact).FILTER(a == 'x' && b > 1 && c && DATEDIFF(DAY, d, DATETIMEUTCNOW()) < 30)")).toEqual([]);
  });
});

describe('validateQuery windows and paging', () => {
  for (const window of ['UTCDAYS(0)', 'UTCMONTHS(-1)', 'UTCYEARS(1.5)']) {
    it(`rejects the window ${window}`, () => {
      expect(codes(interaction(`.HAVING(COUNT() > 0, ${window})`))).toEqual(['invalid-window']);
    });
  }

  it('rejects a negative TAKE', () => {
    expect(codes('PROFILE(contact).TAKE(-1)')).toEqual(['invalid-paging']);
  });

  it('rejects a fractional SKIP', () => {
    expect(codes('PROFILE(contact).SKIP(1.5)')).toEqual(['invalid-paging']);
  });
});

describe('validateQuery trees built in code', () => {
  const profileWith = (condition: object): SegmentExpression =>
    ({ kind: 'profile', entity: 'contact', steps: [{ kind: 'filter', condition }] }) as SegmentExpression;

  it('rejects a date part outside DATEDIFF', () => {
    const ast = profileWith({ kind: 'binary', operator: '==', left: { kind: 'field', path: ['a'] }, right: { kind: 'datePart', part: 'DAY' } });
    expect(validateQuery(ast, noSegments).map((error) => error.code)).toContain('invalid-argument');
  });

  it('rejects DATEDIFF without a date part', () => {
    const field = { kind: 'field', path: ['a'] };
    const ast = profileWith({ kind: 'binary', operator: '>', left: { kind: 'call', name: 'DATEDIFF', args: [field, field, field] }, right: { kind: 'number', value: 1 } });
    expect(validateQuery(ast, noSegments).map((error) => error.code)).toEqual(['invalid-argument']);
  });

  it('rejects a wrong argument count', () => {
    const ast = profileWith({ kind: 'call', name: 'ISNULL', args: [] });
    expect(validateQuery(ast, noSegments).map((error) => error.code)).toEqual(['wrong-argument-count']);
  });

  it('rejects a field name that cannot be printed', () => {
    const ast = profileWith({ kind: 'call', name: 'ISNULL', args: [{ kind: 'field', path: ['first name'] }] });
    expect(validateQuery(ast, noSegments).map((error) => error.code)).toEqual(['invalid-name']);
  });

  it('rejects a number that is not finite', () => {
    const ast = profileWith({ kind: 'binary', operator: '>', left: { kind: 'field', path: ['a'] }, right: { kind: 'number', value: Number.NaN } });
    expect(validateQuery(ast, noSegments).map((error) => error.code)).toEqual(['invalid-number']);
  });

  it('places errors without spans at line 1, column 1', () => {
    const ast: SegmentExpression = { kind: 'profile', entity: 'lead', steps: [] };
    expect(validateQuery(ast, noSegments)[0]).toMatchObject({ line: 1, column: 1, length: 1 });
  });
});

describe('validateQuery generated logic', () => {
  it('accepts the logic of every reason', () => {
    for (const reasonId of reasonIds) {
      expect(validateQuery(buildReasonLogic(reasonId, 'journey-1'), noSegments)).toEqual([]);
    }
  });

  it('accepts the logic of every tile result', () => {
    const journey: CatalogTile[] = tileKinds.map((kind, index) => ({ activityId: `t${index}`, kind }));
    for (const tile of journey) {
      for (const result of resultsOfTile(tile, journey)) {
        const logic = buildResultLogic(result.sources, { journeyId: 'journey-1', activityId: tile.activityId });
        expect(validateQuery(logic, noSegments)).toEqual([]);
      }
    }
  });
});

describe('analyzeQuery', () => {
  it('returns syntax errors without a tree', () => {
    const result = analyzeQuery('SEGMENT(', noSegments);
    expect(result.ast).toBeNull();
    expect(result.errors.map((error) => error.code)).toEqual(['unexpected-end']);
  });

  it('returns validation errors with the tree', () => {
    const result = analyzeQuery('SEGMENT(missing)', noSegments);
    expect(result.ast).toMatchObject({ kind: 'segment', name: 'missing' });
    expect(result.errors.map((error) => error.code)).toEqual(['unknown-segment']);
  });

  it('returns no errors for valid text', () => {
    const result = analyzeQuery(interaction('.HAVING(COUNT() > 0)'), noSegments);
    expect(result.errors).toEqual([]);
  });
});
