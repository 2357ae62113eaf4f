// Splits query text into tokens. The lexer never stops early: an invalid character or an unterminated string
// is reported and skipped, so the parser still gets the rest of the text.
//
// Strings are single-quoted, and a quote inside a string is written twice: 'O''Brien' is the text O'Brien.
// A backslash has no special meaning. Strings may span lines.

import type { QueryError } from './ast';
import { maxErrors } from './errors';
import { SourcePositions } from './source-positions';

export type TokenKind = 'identifier' | 'number' | 'string' | 'symbol' | 'end';

export interface Token {
  kind: TokenKind;
  /** The token as written in the source. */
  text: string;
  /** Uppercase text of an identifier, for case-insensitive keyword checks; empty for other kinds. */
  upper: string;
  /** The decoded value of a string literal, or the numeric value of a number. */
  stringValue?: string;
  numberValue?: number;
  /** 0-based offsets; `end` is exclusive. */
  start: number;
  end: number;
}

export interface LexResult {
  tokens: Token[];
  /** For each '(' token, the index of its matching ')' token, or -1 when it is never closed. */
  matchingParen: Int32Array;
  errors: QueryError[];
  positions: SourcePositions;
}

/** Longest symbols first, so that '>=' wins over '>'. */
const twoCharSymbols = new Set(['==', '!=', '>=', '<=', '&&', '||']);
const oneCharSymbols = new Set(['(', ')', ',', '.', '>', '<', '+', '-', '*', '/']);

/** Likely intent behind a character that is not part of the language. */
const characterHints: Record<string, string> = {
  '=': "use '==' to compare",
  '!': "use '!=' to compare or NOT(...) to negate",
  '&': "use '&&' for and",
  '|': "use '||' or OR for or",
  '"': "strings are written in single quotes, like 'text'",
};

const identifierStart = /[\p{L}_]/u;
const identifierPart = /[\p{L}\p{N}_]/u;
const whitespace = /\s/u;

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Returns how many UTF-16 code units the identifier character at `index` takes (2 for a letter outside the
 * Basic Multilingual Plane), or 0 when there is none. `first` selects the rule for the first character.
 */
function identifierCharWidth(text: string, index: number, first: boolean): number {
  const code = text.charCodeAt(index);
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95) {
    return 1;
  }
  if (isAsciiDigit(code)) {
    return first ? 0 : 1;
  }
  if (code <= 127 || Number.isNaN(code)) {
    return 0;
  }
  const codePoint = text.codePointAt(index)!;
  const character = String.fromCodePoint(codePoint);
  const pattern = first ? identifierStart : identifierPart;
  if (!pattern.test(character)) {
    return 0;
  }
  return codePoint > 0xffff ? 2 : 1;
}

function isWhitespace(character: string, code: number): boolean {
  if (code === 32 || code === 9 || code === 10 || code === 13) {
    return true;
  }
  return code > 127 && whitespace.test(character);
}

/** Tokenizes query text. The last token is always an `end` token at the end of the text. */
export function tokenize(text: string): LexResult {
  const positions = new SourcePositions(text);
  const tokens: Token[] = [];
  const errors: QueryError[] = [];

  const report = (code: string, message: string, start: number, length: number) => {
    if (errors.length >= maxErrors) {
      return;
    }
    const position = positions.positionAt(start);
    errors.push({ code, message, line: position.line, column: position.column, length: Math.max(1, length) });
  };

  let index = 0;
  while (index < text.length) {
    const character = text[index];
    const code = text.charCodeAt(index);

    if (isWhitespace(character, code)) {
      index++;
      continue;
    }

    const start = index;

    const startWidth = identifierCharWidth(text, index, true);
    if (startWidth > 0) {
      index += startWidth;
      let width = identifierCharWidth(text, index, false);
      while (width > 0) {
        index += width;
        width = identifierCharWidth(text, index, false);
      }
      const word = text.slice(start, index);
      tokens.push({ kind: 'identifier', text: word, upper: word.toUpperCase(), start, end: index });
      continue;
    }

    if (isAsciiDigit(code)) {
      index = scanNumber(text, index);
      const literal = text.slice(start, index);
      const value = Number(literal);
      if (!Number.isFinite(value)) {
        report('invalid-number', `The number ${literal} is too large; use a smaller number.`, start, index - start);
      }
      tokens.push({ kind: 'number', text: literal, upper: '', numberValue: value, start, end: index });
      continue;
    }

    if (code === 39) {
      index = scanString(text, index, tokens, report);
      continue;
    }

    const pair = text.slice(index, index + 2);
    if (twoCharSymbols.has(pair)) {
      tokens.push({ kind: 'symbol', text: pair, upper: '', start, end: index + 2 });
      index += 2;
      continue;
    }
    if (oneCharSymbols.has(character)) {
      tokens.push({ kind: 'symbol', text: character, upper: '', start, end: index + 1 });
      index++;
      continue;
    }

    // A lone surrogate half or an astral character spans two code units; report it as one character.
    const width = code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
    const shown = text.slice(index, index + width);
    const hint = characterHints[shown];
    report(
      'invalid-character',
      `The character '${shown}' is not part of the query language${hint ? `; ${hint}` : ''}.`,
      start,
      width,
    );
    index += width;
  }

  tokens.push({ kind: 'end', text: '', upper: '', start: text.length, end: text.length });

  return { tokens, matchingParen: matchParentheses(tokens), errors, positions };
}

/** Scans digits, an optional fraction and an optional exponent; returns the offset after the number. */
function scanNumber(text: string, start: number): number {
  let index = start;
  while (isAsciiDigit(text.charCodeAt(index))) {
    index++;
  }
  if (text.charCodeAt(index) === 46 && isAsciiDigit(text.charCodeAt(index + 1))) {
    index += 2;
    while (isAsciiDigit(text.charCodeAt(index))) {
      index++;
    }
  }
  const exponent = text.charCodeAt(index);
  if (exponent === 69 || exponent === 101) {
    let digits = index + 1;
    const sign = text.charCodeAt(digits);
    if (sign === 43 || sign === 45) {
      digits++;
    }
    if (isAsciiDigit(text.charCodeAt(digits))) {
      index = digits;
      while (isAsciiDigit(text.charCodeAt(index))) {
        index++;
      }
    }
  }
  return index;
}

/** Scans a single-quoted string starting at its opening quote and pushes its token; returns the offset after it. */
function scanString(
  text: string,
  start: number,
  tokens: Token[],
  report: (code: string, message: string, start: number, length: number) => void,
): number {
  let value = '';
  let chunkStart = start + 1;
  let index = start + 1;

  while (index < text.length) {
    if (text.charCodeAt(index) !== 39) {
      index++;
      continue;
    }
    value += text.slice(chunkStart, index);
    if (text.charCodeAt(index + 1) === 39) {
      value += "'";
      index += 2;
      chunkStart = index;
      continue;
    }
    index++;
    tokens.push({ kind: 'string', text: text.slice(start, index), upper: '', stringValue: value, start, end: index });
    return index;
  }

  report(
    'unterminated-string',
    "The string starting here has no closing quote; end it with ' (write '' for a quote inside the string).",
    start,
    1,
  );
  value += text.slice(chunkStart);
  tokens.push({ kind: 'string', text: text.slice(start), upper: '', stringValue: value, start, end: text.length });
  return text.length;
}

function matchParentheses(tokens: Token[]): Int32Array {
  const matches = new Int32Array(tokens.length).fill(-1);
  const open: number[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.kind !== 'symbol') {
      continue;
    }
    if (token.text === '(') {
      open.push(index);
    } else if (token.text === ')' && open.length > 0) {
      matches[open.pop()!] = index;
    }
  }
  return matches;
}
