// Turns the validator's errors (1-based line and column, length in UTF-16 code units) into editor diagnostics.

import type { Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';

import type { QueryError } from '../../../shared/query/ast';

/**
 * Returns one error diagnostic per query error. Positions beyond the document, left over from text that has
 * changed since it was validated, are clamped to its end, so the editor never receives an invalid range.
 */
export function logicDiagnostics(errors: readonly QueryError[], doc: Text): Diagnostic[] {
  return errors.map((error) => {
    const lineNumber = Math.min(Math.max(1, error.line), doc.lines);
    const line = doc.line(lineNumber);
    const from = Math.min(line.from + Math.max(0, error.column - 1), doc.length);
    const to = Math.min(from + Math.max(1, error.length), doc.length);
    return { from, to, severity: 'error', message: error.message, source: error.code };
  });
}
