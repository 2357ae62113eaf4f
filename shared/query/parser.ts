// Parses segment query text into the syntax tree. Operands are PROFILE(...), INTERACTION(...) and SEGMENT(...)
// with their chained calls, or a parenthesised group; UNION, INTERSECT and EXCEPT join them left to right with
// equal precedence. Keywords are case-insensitive; names (entities, interaction types, fields, segments) keep
// their case.
//
// The parser never throws. On an error it records it, skips to the end of the call it was in (or to the next
// set operator) and goes on, so one pass reports several independent errors. The tree is returned only when
// there were no errors at all.

import type {
  ComparisonOperator,
  Expression,
  Having,
  InteractionQuery,
  Paging,
  ProfileQuery,
  QueryError,
  SegmentExpression,
  SegmentReference,
  SetOperator,
  TimeWindow,
} from './ast';
import { parseCondition, parseFieldReference, parseSignedNumber } from './condition-parser';
import { aggregateFunctions, chainCalls, setOperators, windowUnits } from './keywords';
import { tokenize, type Token } from './lexer';
import { describeToken, ParseAbort, TokenCursor } from './token-cursor';

export interface ParseResult {
  /** The tree, or null when `errors` is not empty. */
  ast: SegmentExpression | null;
  errors: QueryError[];
}

const comparisonSymbols = new Set(['==', '!=', '>', '>=', '<', '<=']);
const operandExpectation = 'PROFILE(...), INTERACTION(...), SEGMENT(...) or a group in parentheses';

/** Parses query text. Never throws: every problem comes back in `errors`, positioned at the offending token. */
export function parseQuery(text: string): ParseResult {
  try {
    const cursor = new TokenCursor(tokenize(text));
    if (cursor.atEnd()) {
      const errors = cursor.errors.length > 0 ? cursor.errors : [emptyQueryError()];
      return { ast: null, errors };
    }

    let ast: SegmentExpression | null = null;
    try {
      ast = parseSetExpression(cursor, false);
    } catch (error) {
      if (!(error instanceof ParseAbort)) {
        throw error;
      }
    }

    if (cursor.errors.length > 0 || ast === null) {
      return { ast: null, errors: cursor.sortedErrors() };
    }
    return { ast, errors: [] };
  } catch (error) {
    // Reaching this is a parser bug; callers still get an error in the usual shape instead of an exception.
    const message =
      `The query could not be parsed because of an internal error (${String(error)}); ` +
      'report the query text to the developers.';
    return { ast: null, errors: [{ code: 'internal-error', message, line: 1, column: 1, length: 1 }] };
  }
}

function emptyQueryError(): QueryError {
  return {
    code: 'empty-query',
    message: `The query is empty; write ${operandExpectation}.`,
    line: 1,
    column: 1,
    length: 1,
  };
}

function parseSetExpression(cursor: TokenCursor, insideParens: boolean): SegmentExpression {
  const first = cursor.peek();
  let left = parseOperandRecovering(cursor, insideParens);
  let links = 0;
  try {
    for (;;) {
      const token = cursor.peek();
      if (token.kind === 'identifier' && setOperators.has(token.upper)) {
        cursor.next();
        cursor.enter();
        links++;
        const right = parseOperandRecovering(cursor, insideParens);
        left = {
          kind: 'set',
          operator: token.upper as SetOperator,
          left,
          right,
          span: cursor.spanOf(first, cursor.previous()),
        };
        continue;
      }

      if (token.kind === 'end' || (insideParens && cursor.isSymbol(')'))) {
        return left;
      }

      if (cursor.isSymbol(')')) {
        cursor.report('unexpected-token', "Found ')' without a matching '('; remove it or add the '('.", token);
      } else {
        cursor.report(
          'unexpected-token',
          `Expected UNION, INTERSECT or EXCEPT between two segment expressions, but found ${describeToken(token)}.`,
          token,
        );
      }
      skipToResumePoint(cursor, insideParens);
    }
  } finally {
    cursor.depth -= links;
  }
}

function parseOperandRecovering(cursor: TokenCursor, insideParens: boolean): SegmentExpression {
  const savedDepth = cursor.depth;
  try {
    return parseOperand(cursor);
  } catch (error) {
    if (!(error instanceof ParseAbort)) {
      throw error;
    }
    cursor.depth = savedDepth;
    skipToResumePoint(cursor, insideParens);
    return { kind: 'segment', name: '' };
  }
}

/** Skips to the next set operator at this nesting level, the ')' that ends the current group, or the end. */
function skipToResumePoint(cursor: TokenCursor, insideParens: boolean): void {
  for (;;) {
    const token = cursor.peek();
    if (token.kind === 'end') {
      return;
    }
    if (token.kind === 'identifier' && setOperators.has(token.upper)) {
      return;
    }
    if (cursor.isSymbol(')') && insideParens) {
      return;
    }
    if (cursor.isSymbol('(') && cursor.skipPastClosingParen(cursor.index)) {
      continue;
    }
    cursor.next();
  }
}

function parseOperand(cursor: TokenCursor): SegmentExpression {
  cursor.enter();
  try {
    const token = cursor.peek();

    if (cursor.isSymbol('(')) {
      return parseGroup(cursor);
    }
    if (token.kind !== 'identifier') {
      return cursor.fail(operandExpectation);
    }

    switch (token.upper) {
      case 'PROFILE':
        return parseProfile(cursor);
      case 'INTERACTION':
        return parseInteraction(cursor);
      case 'SEGMENT':
        return parseSegmentReference(cursor);
      default:
        return cursor.fail(operandExpectation);
    }
  } finally {
    cursor.leave();
  }
}

function parseGroup(cursor: TokenCursor): SegmentExpression {
  const open = cursor.next();
  const inner = parseSetExpression(cursor, true);
  const close = cursor.expectSymbol(')', 'to close the group');
  parseCallChain(cursor, 'a group in parentheses', {});
  return { ...inner, span: cursor.spanOf(open, close) };
}

/** Parses the arguments of a call from after its '(' through its ')'; returns the ')' token. */
type ArgumentParser = (name: Token) => Token;

/**
 * Parses `KEYWORD(arguments)`. When the arguments are invalid, parsing resumes after the call's closing
 * parenthesis; the caller gets null and the error is already recorded.
 */
function parseCall(cursor: TokenCursor, parseArguments: ArgumentParser): Token | null {
  const name = cursor.next();
  const openIndex = cursor.index;
  cursor.expectSymbol('(', `after ${name.upper}`);

  const savedDepth = cursor.depth;
  try {
    return parseArguments(name);
  } catch (error) {
    if (!(error instanceof ParseAbort) || !cursor.skipPastClosingParen(openIndex)) {
      throw error;
    }
    cursor.depth = savedDepth;
    return null;
  }
}

/** Parses `.NAME(...)` calls after an operand; `calls` maps each call this operand accepts to its argument parser. */
function parseCallChain(cursor: TokenCursor, operandName: string, calls: Record<string, ArgumentParser>): void {
  while (cursor.isSymbol('.')) {
    cursor.next();
    const name = cursor.peek();
    if (name.kind !== 'identifier') {
      cursor.fail('a call such as FILTER(...) after the dot');
    }

    const parseArguments = calls[name.upper];
    if (!parseArguments) {
      reportUnavailableCall(cursor, name, operandName, Object.keys(calls));
      const openIndex = cursor.index + 1;
      cursor.next();
      cursor.expectSymbol('(', `after ${name.text}`);
      if (!cursor.skipPastClosingParen(openIndex)) {
        throw new ParseAbort();
      }
      continue;
    }

    parseCall(cursor, parseArguments);
  }
}

function reportUnavailableCall(cursor: TokenCursor, name: Token, operandName: string, accepted: string[]): void {
  const followers = accepted.map((call) => `.${call}(...)`).join(', ');
  const allowed = accepted.length > 0 ? `it can be followed by ${followers}` : 'it takes no calls';
  if (chainCalls.has(name.upper)) {
    cursor.report('misplaced-call', `.${name.upper}(...) cannot follow ${operandName}; ${allowed}.`, name);
  } else {
    cursor.report('unknown-function', `Unknown call .${name.text}(...) after ${operandName}; ${allowed}.`, name);
  }
}

function parseProfile(cursor: TokenCursor): ProfileQuery {
  const keyword = cursor.peek();
  const query: ProfileQuery = { kind: 'profile', entity: '', steps: [] };

  parseCall(cursor, () => {
    const entity = cursor.expectIdentifier('an entity name such as contact');
    query.entity = entity.text;
    query.entitySpan = cursor.spanOf(entity, entity);
    if (cursor.isSymbol(',')) {
      cursor.next();
      query.alias = cursor.expectIdentifier('an alias after the entity name').text;
    }
    return cursor.expectSymbol(')', 'to close PROFILE(, after the entity and an optional alias');
  });

  const paging = new PagingBuilder(cursor);
  const stepAfterPaging = (name: Token) => {
    if (paging.started) {
      cursor.report('misplaced-call', `.${name.upper}(...) must come before .ORDERBY, .SKIP, .TAKE and .SELECT.`, name);
    }
  };

  parseCallChain(cursor, 'PROFILE(...)', {
    FILTER: (name) => {
      stepAfterPaging(name);
      const condition = parseCondition(cursor);
      const close = cursor.expectSymbol(')', 'to close FILTER(');
      query.steps.push({ kind: 'filter', condition, span: cursor.spanOf(name, close) });
      return close;
    },
    TRAVERSE: (name) => {
      stepAfterPaging(name);
      return parseTraverse(cursor, name, query);
    },
    ...paging.calls(),
  });

  query.paging = paging.result();
  query.span = cursor.spanOf(keyword, cursor.previous());
  return query;
}

function parseTraverse(cursor: TokenCursor, name: Token, query: ProfileQuery): Token {
  const relationship = cursor.expectIdentifier('a relationship name').text;
  let alias: string | undefined;
  let filter: Expression | undefined;

  if (cursor.isSymbol(',')) {
    cursor.next();
    if (isFilterCall(cursor)) {
      filter = parseInnerFilter(cursor);
    } else {
      alias = cursor.expectIdentifier('an alias or FILTER(condition)').text;
      if (cursor.isSymbol(',')) {
        cursor.next();
        if (!isFilterCall(cursor)) {
          cursor.fail('FILTER(condition) after the alias');
        }
        filter = parseInnerFilter(cursor);
      }
    }
  }

  const close = cursor.expectSymbol(')', 'to close TRAVERSE(');
  const step: ProfileQuery['steps'][number] = { kind: 'traverse', relationship, span: cursor.spanOf(name, close) };
  if (alias !== undefined) {
    step.alias = alias;
  }
  if (filter !== undefined) {
    step.filter = filter;
  }
  query.steps.push(step);
  return close;
}

function isFilterCall(cursor: TokenCursor): boolean {
  return cursor.isKeyword('FILTER') && cursor.isSymbol('(', 1);
}

function parseInnerFilter(cursor: TokenCursor): Expression {
  cursor.next();
  cursor.next();
  const condition = parseCondition(cursor);
  cursor.expectSymbol(')', 'to close FILTER(');
  return condition;
}

function parseInteraction(cursor: TokenCursor): InteractionQuery {
  const keyword = cursor.peek();
  const query: InteractionQuery = { kind: 'interaction', interactionType: '', linkName: '' };

  parseCall(cursor, () => {
    const type = cursor.expectIdentifier('an interaction type such as EmailClicked');
    query.interactionType = type.text;
    query.interactionTypeSpan = cursor.spanOf(type, type);

    if (cursor.isSymbol(')')) {
      cursor.report(
        'missing-link-name',
        `INTERACTION(${type.text}) needs a link name to the contact; ` +
          `write INTERACTION(${type.text}, ${type.text}_Contact).`,
        cursor.peek(),
      );
      return cursor.next();
    }

    cursor.expectSymbol(',', 'and a link name after the interaction type');
    const link = cursor.expectIdentifier(`a link name such as ${type.text}_Contact`);
    query.linkName = link.text;
    query.linkNameSpan = cursor.spanOf(link, link);
    return cursor.expectSymbol(')', 'to close INTERACTION(, after the type and the link name');
  });

  const paging = new PagingBuilder(cursor);
  let filterName: Token | undefined;
  let havingName: Token | undefined;

  parseCallChain(cursor, 'INTERACTION(...)', {
    FILTER: (name) => {
      if (filterName) {
        cursor.report('duplicate-call', 'INTERACTION(...) takes one .FILTER(...); join the conditions with &&.', name);
      } else if (havingName) {
        cursor.report('misplaced-call', '.FILTER(...) must come before .HAVING(...).', name);
      } else if (paging.started) {
        cursor.report('misplaced-call', '.FILTER(...) must come before .ORDERBY, .SKIP, .TAKE and .SELECT.', name);
      }
      filterName = name;
      query.filter = parseCondition(cursor);
      return cursor.expectSymbol(')', 'to close FILTER(');
    },
    HAVING: (name) => {
      if (havingName) {
        cursor.report('duplicate-call', 'INTERACTION(...) takes one .HAVING(...).', name);
      } else if (paging.started) {
        cursor.report('misplaced-call', '.HAVING(...) must come before .ORDERBY, .SKIP, .TAKE and .SELECT.', name);
      }
      havingName = name;
      const { having, close } = parseHaving(cursor, name);
      query.having = having;
      return close;
    },
    ...paging.calls(),
  });

  query.paging = paging.result();
  query.span = cursor.spanOf(keyword, cursor.previous());
  return query;
}

function parseHaving(cursor: TokenCursor, name: Token): { having: Having; close: Token } {
  const aggregate = cursor.expectIdentifier('an aggregate: COUNT(), SUM(field), AVG(field), MIN(field) or MAX(field)');
  if (!aggregateFunctions.has(aggregate.upper)) {
    cursor.report(
      'unknown-function',
      `Unknown aggregate '${aggregate.text}'; HAVING takes COUNT(), SUM(field), AVG(field), MIN(field) or MAX(field).`,
      aggregate,
    );
    throw new ParseAbort();
  }
  cursor.expectSymbol('(', `after ${aggregate.upper}`);

  const having: Having = { aggregate: aggregate.upper as Having['aggregate'], operator: '>', value: 0 };
  if (aggregate.upper === 'COUNT') {
    if (!cursor.isSymbol(')')) {
      cursor.report('wrong-argument-count', 'COUNT() takes no field; write COUNT().', cursor.peek());
      throw new ParseAbort();
    }
  } else {
    having.field = parseFieldReference(cursor);
  }
  cursor.expectSymbol(')', `to close ${aggregate.upper}(`);

  const operator = cursor.peek();
  if (operator.kind !== 'symbol' || !comparisonSymbols.has(operator.text)) {
    cursor.fail(`a comparison (==, !=, >, >=, <, <=) after ${aggregate.upper}(...)`);
  }
  cursor.next();
  having.operator = operator.text as ComparisonOperator;
  const value = parseSignedNumber(cursor, `a number after ${operator.text}`);
  having.value = value.value;
  having.comparisonSpan = cursor.spanOf(operator, cursor.previous());

  if (cursor.isSymbol(',')) {
    cursor.next();
    having.window = parseWindow(cursor);
  }

  const close = cursor.expectSymbol(')', 'to close HAVING(, after the comparison and an optional window');
  having.span = cursor.spanOf(name, close);
  return { having, close };
}

function parseWindow(cursor: TokenCursor): TimeWindow {
  const unit = cursor.expectIdentifier('a window: UTCDAYS(n), UTCMONTHS(n) or UTCYEARS(n)');
  if (!windowUnits.has(unit.upper)) {
    cursor.report(
      'unknown-function',
      `Unknown window '${unit.text}'; write UTCDAYS(n), UTCMONTHS(n) or UTCYEARS(n).`,
      unit,
    );
    throw new ParseAbort();
  }
  cursor.expectSymbol('(', `after ${unit.upper}`);
  const amount = parseSignedNumber(cursor, `a number in ${unit.upper}(`);
  const close = cursor.expectSymbol(')', `to close ${unit.upper}(`);
  return { unit: unit.upper as TimeWindow['unit'], amount: amount.value, span: cursor.spanOf(unit, close) };
}

function parseSegmentReference(cursor: TokenCursor): SegmentReference {
  const keyword = cursor.peek();
  const reference: SegmentReference = { kind: 'segment', name: '' };

  parseCall(cursor, () => {
    const name = cursor.peek();
    if (name.kind === 'identifier') {
      reference.name = name.text;
    } else if (name.kind === 'string') {
      reference.name = name.stringValue ?? '';
    } else {
      cursor.fail("a segment name, such as SEGMENT(LaunchClickers) or SEGMENT('Launch clickers')");
    }
    cursor.next();
    reference.nameSpan = cursor.spanOf(name, name);
    return cursor.expectSymbol(')', 'to close SEGMENT(, after the segment name');
  });

  parseCallChain(cursor, 'SEGMENT(...)', {});
  reference.span = cursor.spanOf(keyword, cursor.previous());
  return reference;
}

/** Collects .ORDERBY, .SKIP, .TAKE and .SELECT, which may come in any order but only once each. */
class PagingBuilder {
  started = false;
  private readonly paging: Paging = {};
  private first: Token | undefined;
  private last: Token | undefined;
  private readonly seen = new Set<string>();

  constructor(private readonly cursor: TokenCursor) {}

  calls(): Record<string, ArgumentParser> {
    const cursor = this.cursor;
    return {
      ORDERBY: (name) =>
        this.track(name, () => {
          const orderBy: NonNullable<Paging['orderBy']> = [];
          do {
            if (orderBy.length > 0) {
              cursor.next();
            }
            const field = parseFieldReference(cursor);
            let direction: 'ASC' | 'DESC' = 'ASC';
            if (cursor.isKeyword('ASC') || cursor.isKeyword('DESC')) {
              direction = cursor.next().upper as 'ASC' | 'DESC';
            }
            orderBy.push({ field, direction });
          } while (cursor.isSymbol(','));
          this.paging.orderBy = orderBy;
          return cursor.expectSymbol(')', 'or , to continue ORDERBY(, after a field and an optional ASC or DESC');
        }),
      SKIP: (name) =>
        this.track(name, () => {
          this.paging.skip = parseSignedNumber(cursor, 'the number of members to skip').value;
          return cursor.expectSymbol(')', 'to close SKIP(');
        }),
      TAKE: (name) =>
        this.track(name, () => {
          this.paging.take = parseSignedNumber(cursor, 'the number of members to take').value;
          return cursor.expectSymbol(')', 'to close TAKE(');
        }),
      SELECT: (name) =>
        this.track(name, () => {
          const select = [parseFieldReference(cursor)];
          while (cursor.isSymbol(',')) {
            cursor.next();
            select.push(parseFieldReference(cursor));
          }
          this.paging.select = select;
          return cursor.expectSymbol(')', 'or , to continue SELECT(');
        }),
    };
  }

  private track(name: Token, parseArguments: () => Token): Token {
    if (this.seen.has(name.upper)) {
      this.cursor.report('duplicate-call', `.${name.upper}(...) may appear only once.`, name);
    }
    this.seen.add(name.upper);
    this.started = true;
    this.first ??= name;
    const close = parseArguments();
    this.last = close;
    return close;
  }

  result(): Paging | undefined {
    if (!this.first || !this.last) {
      return undefined;
    }
    return { ...this.paging, span: this.cursor.spanOf(this.first, this.last) };
  }
}
