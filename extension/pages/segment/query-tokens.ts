// Highlighting tokens of the segment query language, as a CodeMirror stream parser: it reads one line at a time
// and only classifies words and symbols. The backend's validator finds the errors, so this tokenizer never
// rejects text; it marks a character outside the language as invalid and moves on.

import type { StreamParser, StringStream } from '@codemirror/language';

import { isInteractionType } from '../../../shared/interactions';
import {
  aggregateFunctions,
  chainCalls,
  conditionReservedWords,
  datePartSet,
  isFunctionName,
  setOperators,
  windowUnits,
} from '../../../shared/query/keywords';

/** Carried from line to line, because a string literal may span lines. */
export interface QueryTokenState {
  inString: boolean;
}

/** The words that start a segment operand, and the sort directions of ORDERBY. */
const operandKeywords = new Set(['PROFILE', 'INTERACTION', 'SEGMENT', 'ASC', 'DESC']);
const booleanWords = new Set(['TRUE', 'FALSE']);

const identifier = /^[\p{L}_][\p{L}\p{N}_]*/u;
const number = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const operator = /^(?:==|!=|>=|<=|&&|\|\||[<>+\-*/])/;

/** Returns the highlighting tag name of an identifier; keywords match in any letter case, as the parser reads them. */
export function identifierStyle(word: string): string {
  const upper = word.toUpperCase();
  if (operandKeywords.has(upper) || chainCalls.has(upper)) {
    return 'keyword';
  }
  if (setOperators.has(upper) || conditionReservedWords.has(upper)) {
    return booleanWords.has(upper) ? 'bool' : 'operatorKeyword';
  }
  if (aggregateFunctions.has(upper) || windowUnits.has(upper) || isFunctionName(upper)) {
    return 'variableName.function';
  }
  if (isInteractionType(word)) {
    return 'typeName';
  }
  // Date parts are also valid field names, so only their conventional uppercase spelling is highlighted.
  if (datePartSet.has(word)) {
    return 'atom';
  }
  return 'variableName';
}

/** Reads the rest of a string literal; a doubled quote is an escaped quote. Returns whether the string closed. */
function readString(stream: StringStream): boolean {
  while (!stream.eol()) {
    if (stream.next() === "'") {
      if (stream.peek() === "'") {
        stream.next();
      } else {
        return true;
      }
    }
  }
  return false;
}

export const queryStreamParser: StreamParser<QueryTokenState> = {
  name: 'segment-query',

  startState: () => ({ inString: false }),

  copyState: (state) => ({ ...state }),

  token(stream, state) {
    if (state.inString) {
      state.inString = !readString(stream);
      return 'string';
    }
    if (stream.eatSpace()) {
      return null;
    }

    if (stream.eat("'")) {
      state.inString = !readString(stream);
      return 'string';
    }
    if (stream.match(number)) {
      return 'number';
    }
    const word = stream.match(identifier);
    if (word && typeof word === 'object') {
      return identifierStyle(word[0]);
    }
    if (stream.match(operator)) {
      return 'operator';
    }
    if (stream.eat(/[(),.]/)) {
      return 'punctuation';
    }

    stream.next();
    return 'invalid';
  },

  languageData: {
    closeBrackets: { brackets: ['(', "'"] },
  },
};
