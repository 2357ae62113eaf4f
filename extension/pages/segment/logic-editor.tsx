// The logic text in a CodeMirror editor: highlighted, editable or read-only, with the validator's errors
// underlined in place. Tab is left to the browser, so keyboard users can move past the editor.

import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useRef } from 'preact/hooks';

import type { QueryError } from '../../../shared/query/ast';
import { logicDiagnostics } from './logic-diagnostics';
import { queryLanguageSupport } from './query-language';

export interface LogicEditorProps {
  /** The text the editor starts with, and takes again whenever `revision` changes. */
  value: string;
  /**
   * Changes when the page replaces the text (a reload of the record, Discard). Typing never changes it: the
   * editor owns the text while the user types, because a re-render can carry a value older than the document.
   */
  revision: number;
  readOnly: boolean;
  errors: readonly QueryError[];
  onChange(text: string): void;
  /** Id of the element that names the editor. */
  labelledBy: string;
  /** Ids of the elements that describe it, such as the error list. */
  describedBy?: string;
}

const editorTheme = EditorView.theme({
  '&': { border: '1px solid #9ca3af', borderRadius: '2px', background: '#fff' },
  '&.cm-focused': { outline: '2px solid #1d4ed8', outlineOffset: '1px' },
  '.cm-content': { font: '13px/1.5 ui-monospace, "Cascadia Code", Consolas, monospace', minHeight: '4.5em' },
  '.cm-gutters': { background: '#f3f4f6', color: '#4b5563', borderRight: '1px solid #e5e7eb' },
  '&.cm-editor[data-readonly="true"]': { background: '#f9fafb' },
});

function editableExtensions(readOnly: boolean) {
  return [EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)];
}

export function LogicEditor({ value, revision, readOnly, errors, onChange, labelledBy, describedBy }: LogicEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const editable = useRef(new Compartment());
  const latestOnChange = useRef(onChange);
  latestOnChange.current = onChange;

  useEffect(() => {
    const attributes: Record<string, string> = { 'aria-labelledby': labelledBy };
    if (describedBy) {
      attributes['aria-describedby'] = describedBy;
    }

    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
          queryLanguageSupport(),
          lintGutter(),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of(attributes),
          editorTheme,
          editable.current.of(editableExtensions(readOnly)),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) {
              latestOnChange.current(update.state.doc.toString());
            }
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is created once; the effects below carry later changes of the props into it.
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [revision]);

  useEffect(() => {
    const editor = view.current;
    if (editor) {
      editor.dispatch({ effects: editable.current.reconfigure(editableExtensions(readOnly)) });
      editor.dom.dataset.readonly = String(readOnly);
    }
  }, [readOnly]);

  useEffect(() => {
    const editor = view.current;
    if (editor) {
      editor.dispatch(setDiagnostics(editor.state, logicDiagnostics(errors, editor.state.doc)));
    }
  }, [errors]);

  return <div ref={host} class="logic-editor" data-field="logic" />;
}
