// Name, description and logic of a segment, editable as far as its status allows, with inline errors and a count
// preview of the unsaved logic. Saving sends only the fields that changed.

import { useEffect, useRef, useState } from 'preact/hooks';

import type { SegmentRecord, SegmentUpdateRequest } from '../../../shared/api/segments';
import { t } from '../../lib/i18n';
import { sendMessage } from '../../lib/send-message';
import { formatCount, formatTime } from '../format';
import { editableFields, editedLogic } from './allowed-actions';
import { LogicEditor } from './logic-editor';
import { useLogicCheck, type LogicCheck } from './use-logic-check';

interface Draft {
  name: string;
  description: string;
  logic: string;
}

function draftOf(segment: SegmentRecord): Draft {
  return { name: segment.name, description: segment.description, logic: editedLogic(segment) };
}

function changesOf(draft: Draft, saved: Draft): SegmentUpdateRequest {
  const changes: SegmentUpdateRequest = {};
  if (draft.name !== saved.name) {
    changes.name = draft.name;
  }
  if (draft.description !== saved.description) {
    changes.description = draft.description;
  }
  if (draft.logic !== saved.logic) {
    changes.logic = draft.logic;
  }
  return changes;
}

function LogicErrors({ check }: { check: LogicCheck }) {
  return (
    <div id="logic-errors" aria-live="polite">
      {check.errors.length > 0 && (
        <ul class="logic-errors">
          {check.errors.map((error, index) => (
            <li key={`${index}-${error.line}-${error.column}`}>{t('logicErrorAt', error.line, error.column, error.message)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function LogicPreviewLine({ check }: { check: LogicCheck }) {
  let text: string;
  if (check.state === 'failed') {
    text = t('logicPreviewFailed', check.message ?? '');
  } else if (check.errors.length > 0) {
    text = t('logicPreviewInvalid');
  } else if (check.preview) {
    text = t('logicPreviewCount', formatCount(check.preview.memberCount), formatTime(check.preview.countedAt));
  } else {
    text = t('logicPreviewChecking');
  }
  return (
    <p class="logic-preview" data-field="preview" role="status" data-state={check.state}>
      {text}
    </p>
  );
}

export interface SegmentFormProps {
  segment: SegmentRecord;
  onSaved(segment: SegmentRecord): void;
  /** Tells the page whether unsaved changes exist, so actions that publish logic wait for a save. */
  onDirtyChange(dirty: boolean): void;
}

export function SegmentForm({ segment, onSaved, onDirtyChange }: SegmentFormProps) {
  const saved = draftOf(segment);
  const [draft, setDraft] = useState<Draft>(saved);
  // Counts the times the form took its text from outside the editor, which the editor then shows.
  const [revision, setRevision] = useState(0);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);

  const editable = editableFields(segment);
  const changes = changesOf(draft, saved);
  const dirty = Object.keys(changes).length > 0;
  const check = useLogicCheck(draft.logic, segment.name, editable.logic);

  const replaceDraft = (next: Draft) => {
    setDraft(next);
    setRevision((current) => current + 1);
  };

  // A record that changed on the backend replaces the form unless the user has unsaved edits. Typing never
  // resets it, and neither does the first render, which already shows this record.
  const shownSegment = useRef(segment);
  useEffect(() => {
    if (shownSegment.current === segment) {
      return;
    }
    shownSegment.current = segment;
    if (!dirty) {
      replaceDraft(draftOf(segment));
    }
  }, [segment]);

  useEffect(() => onDirtyChange(dirty), [dirty]);

  const save = async (event: Event) => {
    event.preventDefault();
    setSaving(true);
    setSaveError(null);
    try {
      const updated = await sendMessage({ type: 'segment/update', segmentId: segment.segmentId, changes });
      replaceDraft(draftOf(updated));
      setSavedAt(updated.updatedAt);
      onSaved(updated);
    } catch (error) {
      setSaveError((error as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const anyEditable = editable.name || editable.description || editable.logic;
  const liveEditing = segment.status === 'liveEditable';

  return (
    <form class="segment-form" onSubmit={save} aria-labelledby="segment-form-title">
      <h2 id="segment-form-title">{t('recordDefinition')}</h2>

      <label for="segment-name">{t('recordName')}</label>
      <input
        id="segment-name"
        value={draft.name}
        readOnly={!editable.name}
        maxLength={200}
        onInput={(event) => setDraft({ ...draft, name: (event.target as HTMLInputElement).value })}
      />

      <label for="segment-description">{t('recordDescription')}</label>
      {editable.description ? (
        <textarea
          id="segment-description"
          rows={2}
          maxLength={2000}
          value={draft.description}
          onInput={(event) => setDraft({ ...draft, description: (event.target as HTMLTextAreaElement).value })}
        />
      ) : (
        <p id="segment-description" class="read-only-text">
          {segment.description || <span class="muted">{t('recordNoDescription')}</span>}
        </p>
      )}

      <p class="field-label" id="logic-label">
        {liveEditing ? t('recordPendingLogic') : t('recordLogic')}
      </p>
      {liveEditing && <p class="help">{t('recordPendingLogicHelp')}</p>}
      {!editable.logic && segment.status === 'live' && <p class="help">{t('recordLogicLiveHelp')}</p>}
      <LogicEditor
        value={draft.logic}
        revision={revision}
        readOnly={!editable.logic}
        errors={editable.logic ? check.errors : []}
        onChange={(logic) => setDraft((current) => ({ ...current, logic }))}
        labelledBy="logic-label"
        describedBy="logic-errors"
      />
      {editable.logic && (
        <>
          <LogicErrors check={check} />
          <LogicPreviewLine check={check} />
        </>
      )}
      {liveEditing && (
        <details class="live-logic">
          <summary>{t('recordLiveLogic')}</summary>
          <pre data-field="live-logic">{segment.logic}</pre>
        </details>
      )}

      {saveError && (
        <p class="error" role="alert" data-field="save-error">
          {saveError}
        </p>
      )}
      {anyEditable && (
        <p class="form-actions">
          <button type="submit" class="primary" disabled={!dirty || saving}>
            {saving ? t('recordSaving') : t('recordSave')}
          </button>
          {dirty && (
            <button type="button" onClick={() => replaceDraft(saved)} disabled={saving}>
              {t('recordDiscard')}
            </button>
          )}
          {!dirty && savedAt && (
            <span class="muted" role="status">
              {t('recordSavedAt', formatTime(savedAt))}
            </span>
          )}
        </p>
      )}
    </form>
  );
}
