import { useEffect, useRef, useState } from 'preact/hooks';

import { t } from '../ui-strings';
import type { FieldErrors } from '../capture-validation';

interface FlyoutProps {
  /** Description of the saved result, e.g. `Unique clicks at tile "Welcome" of journey "Spring sale"`. */
  source: string;
  initialName: string;
  validate: (name: string, description: string) => FieldErrors;
  /** Saves the segment; resolves to a message to show, or to null once the flyout may close. */
  onSave: (name: string, description: string) => Promise<string | null>;
  onClose: () => void;
}

const focusableSelector = 'button, input, textarea, select, [href], [tabindex]:not([tabindex="-1"])';

/**
 * Renders the quick-create flyout, a modal dialog at the right edge of the page. Focus starts in Name, and Tab
 * and Shift+Tab cycle inside the dialog. Esc closes it, also after a click on the page moved focus away.
 */
export function Flyout({ source, initialName, validate, onSave, onClose }: FlyoutProps) {
  const [name, setName] = useState(initialName);
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const dialog = useRef<HTMLDivElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const descriptionInput = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    nameInput.current?.focus();
  }, []);

  useEffect(() => {
    const element = dialog.current;
    if (!element) {
      return;
    }
    const root = element.getRootNode() as ShadowRoot | Document;
    const document = element.ownerDocument;

    // A capture-phase listener on the document receives every key, also while focus is on the page. It stops
    // the event, so the page's own Esc and Tab handlers do not act while the dialog is open.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        onClose();
        return;
      }
      if (event.key !== 'Tab') {
        return;
      }

      const items = [...element.querySelectorAll<HTMLElement>(focusableSelector)].filter(
        (item) => !(item as HTMLButtonElement).disabled,
      );
      if (items.length === 0) {
        return;
      }
      const active = root.activeElement as HTMLElement | null;
      const first = items[0];
      const last = items[items.length - 1];
      const inside = active !== null && items.includes(active);

      if (event.shiftKey && (!inside || active === first)) {
        event.preventDefault();
        event.stopPropagation();
        last.focus();
      } else if (!event.shiftKey && (!inside || active === last)) {
        event.preventDefault();
        event.stopPropagation();
        first.focus();
      }
    };

    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [onClose]);

  async function submit(event: Event) {
    event.preventDefault();
    if (saving) {
      return;
    }

    // Read the fields themselves: a Save right after typing can come before the re-render that updates state.
    const currentName = nameInput.current?.value ?? name;
    const currentDescription = descriptionInput.current?.value ?? description;
    const found = validate(currentName, currentDescription);
    setErrors(found);
    setFormError(null);
    if (found.name) {
      nameInput.current?.focus();
      return;
    }
    if (found.description) {
      descriptionInput.current?.focus();
      return;
    }

    setSaving(true);
    const message = await onSave(currentName.trim(), currentDescription);
    if (message !== null) {
      setFormError(message);
      setSaving(false);
    }
  }

  return (
    <>
      <div class="backdrop" onMouseDown={(event) => event.preventDefault()} />
      <div class="flyout" role="dialog" aria-modal="true" aria-labelledby="flyout-title" ref={dialog}>
        <header>
          <h2 id="flyout-title">{t('flyoutTitle')}</h2>
          <button type="button" class="close" aria-label={t('flyoutClose')} onClick={onClose}>
            ✕
          </button>
        </header>
        <form onSubmit={submit} noValidate>
          <p class="source">{source}</p>
          {formError !== null && (
            <p class="form-error" role="alert">
              {formError}
            </p>
          )}

          <label for="segment-name">
            {t('flyoutNameLabel')} <span class="required" aria-label={t('flyoutRequired')}>*</span>
          </label>
          <input
            id="segment-name"
            ref={nameInput}
            type="text"
            autocomplete="off"
            aria-required="true"
            aria-invalid={errors.name ? 'true' : 'false'}
            aria-describedby={errors.name ? 'segment-name-error' : undefined}
            value={name}
            onInput={(event) => setName(event.currentTarget.value)}
          />
          {errors.name && (
            <p id="segment-name-error" class="field-error" role="alert">
              {errors.name}
            </p>
          )}

          <label for="segment-description">{t('flyoutDescriptionLabel')}</label>
          <textarea
            id="segment-description"
            ref={descriptionInput}
            rows={4}
            aria-invalid={errors.description ? 'true' : 'false'}
            aria-describedby={errors.description ? 'segment-description-error' : undefined}
            value={description}
            onInput={(event) => setDescription(event.currentTarget.value)}
          />
          {errors.description && (
            <p id="segment-description-error" class="field-error" role="alert">
              {errors.description}
            </p>
          )}

          <footer>
            <button type="submit" class="primary" disabled={saving}>
              {saving ? t('flyoutSaving') : t('flyoutSave')}
            </button>
            <button type="button" onClick={onClose}>
              {t('flyoutCancel')}
            </button>
          </footer>
        </form>
      </div>
    </>
  );
}
