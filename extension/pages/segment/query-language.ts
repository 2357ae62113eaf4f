// The segment query language for the CodeMirror editor: the stream tokenizer and the colors of its tokens.

import { HighlightStyle, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { tags } from '@lezer/highlight';

import { queryStreamParser } from './query-tokens';

export const queryLanguage = StreamLanguage.define(queryStreamParser);

// Colors keep at least 4.5:1 contrast against the white editor background.
const queryHighlightStyle = HighlightStyle.define([
  { tag: tags.keyword, color: '#1d4ed8', fontWeight: '600' },
  { tag: tags.operatorKeyword, color: '#7c3aed', fontWeight: '600' },
  { tag: tags.function(tags.variableName), color: '#0f766e' },
  { tag: tags.typeName, color: '#b45309' },
  { tag: tags.string, color: '#15803d' },
  { tag: tags.number, color: '#be123c' },
  { tag: [tags.bool, tags.atom], color: '#9d174d' },
  { tag: tags.operator, color: '#374151', fontWeight: '600' },
  { tag: tags.invalid, color: '#b91c1c', textDecoration: 'underline wavy' },
]);

export function queryLanguageSupport(): Extension {
  return [queryLanguage, syntaxHighlighting(queryHighlightStyle)];
}
