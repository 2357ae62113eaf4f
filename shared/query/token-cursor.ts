// The parser's view of the token list: reading, expecting, error reporting and recovery. A parse step that
// cannot go on records an error and throws ParseAbort. A caller higher up catches it and skips to a point where
// parsing can resume, such as the closing parenthesis of a call or the next set operator. Parsing then carries
// on, so one mistake does not hide the next.

import type { QueryError, Span } from './ast';
import { maxErrors, type SyntaxErrorCode } from './errors';
import type { LexResult, Token } from './lexer';

/** Thrown inside the parser only; parseQuery catches every instance. */
export class ParseAbort {}

/**
 * Deepest nesting the parser accepts, counting parentheses, calls and each operator of a chain. It keeps deep
 * input from exhausting the stack in the parser, the printer and the validator, which all recurse over the tree.
 */
export const maxNestingDepth = 500;

export class TokenCursor {
  index = 0;
  depth = 0;
  readonly errors: QueryError[];
  private readonly tokens: Token[];
  private readonly matchingParen: Int32Array;
  private readonly lex: LexResult;
  /** Positions that already have an error: unwinding nested calls would otherwise repeat one cause per level. */
  private readonly reportedAt = new Set<string>();

  constructor(lex: LexResult) {
    this.lex = lex;
    this.tokens = lex.tokens;
    this.matchingParen = lex.matchingParen;
    this.errors = [...lex.errors];
    for (const error of lex.errors) {
      this.reportedAt.add(`${error.line}:${error.column}`);
    }
  }

  peek(ahead = 0): Token {
    const index = Math.min(this.index + ahead, this.tokens.length - 1);
    return this.tokens[index];
  }

  next(): Token {
    const token = this.tokens[this.index];
    if (this.index < this.tokens.length - 1) {
      this.index++;
    }
    return token;
  }

  atEnd(): boolean {
    return this.tokens[this.index].kind === 'end';
  }

  isSymbol(text: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'symbol' && token.text === text;
  }

  isKeyword(upper: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'identifier' && token.upper === upper;
  }

  /** Consumes the symbol, or reports what was found instead and aborts. */
  expectSymbol(text: string, context: string): Token {
    if (this.isSymbol(text)) {
      return this.next();
    }
    return this.fail(`'${text}' ${context}`);
  }

  expectIdentifier(expected: string): Token {
    if (this.peek().kind === 'identifier') {
      return this.next();
    }
    return this.fail(expected);
  }

  /** Reports the current token as unexpected, naming what was expected, and aborts. */
  fail(expected: string): never {
    const token = this.peek();
    if (token.kind === 'end') {
      this.report('unexpected-end', `Expected ${expected}, but the query ends here.`, token);
    } else {
      this.report('unexpected-token', `Expected ${expected}, but found ${describeToken(token)}.`, token);
    }
    throw new ParseAbort();
  }

  report(code: SyntaxErrorCode, message: string, from: Token, to: Token = from): void {
    if (this.errors.length >= maxErrors) {
      return;
    }
    const position = this.lex.positions.positionAt(from.start);
    const key = `${position.line}:${position.column}`;
    if (this.reportedAt.has(key)) {
      return;
    }
    this.reportedAt.add(key);
    const length = Math.max(1, to.end - from.start);
    this.errors.push({ code, message, line: position.line, column: position.column, length });
  }

  spanOf(from: Token, to: Token): Span {
    return this.lex.positions.spanOf(from.start, to.end);
  }

  /** Returns the errors sorted by position, because lexer errors would otherwise come first. */
  sortedErrors(): QueryError[] {
    return [...this.errors].sort((a, b) => a.line - b.line || a.column - b.column);
  }

  /** Returns the token consumed last. */
  previous(): Token {
    return this.tokens[Math.max(0, this.index - 1)];
  }

  /** Index of the ')' closing the '(' at `openIndex`, or -1 when it is never closed. */
  closingParenOf(openIndex: number): number {
    return this.matchingParen[openIndex] ?? -1;
  }

  /** Moves past the ')' that closes the '(' at `openIndex`; returns false when that parenthesis is never closed. */
  skipPastClosingParen(openIndex: number): boolean {
    const close = this.closingParenOf(openIndex);
    if (close < 0 || close < this.index - 1) {
      return false;
    }
    this.index = close + 1;
    return true;
  }

  /** Enters one level of nesting; reports and aborts when the input nests deeper than the parser allows. */
  enter(): void {
    this.depth++;
    if (this.depth > maxNestingDepth) {
      this.report(
        'too-deep',
        `The query nests deeper than ${maxNestingDepth} levels; split it into segments.`,
        this.peek(),
      );
      throw new ParseAbort();
    }
  }

  leave(): void {
    this.depth--;
  }
}

/** Names a token in an error message, such as `')'`, `'FILTER'` or `the string 'abc'`. */
export function describeToken(token: Token): string {
  const shown = token.text.length > 40 ? `${token.text.slice(0, 37)}...` : token.text;
  switch (token.kind) {
    case 'end':
      return 'the end of the query';
    case 'string':
      return `the string ${shown}`;
    case 'number':
      return `the number ${shown}`;
    default:
      return `'${shown}'`;
  }
}
