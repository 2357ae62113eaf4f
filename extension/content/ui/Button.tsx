import { t } from '../ui-strings';

interface ButtonProps {
  /** The result or reason label, for the accessible name. */
  label: string;
  onActivate: () => void;
}

/** Renders the Save as segment button beside a result row or above a reason contact list. */
export function Button({ label, onActivate }: ButtonProps) {
  return (
    <button type="button" class="save" aria-label={t('saveAsSegmentLabel', label)} onClick={onActivate}>
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path d="M1 2h14v2H1zM4 7h8v2H4zM6.5 12h3v2h-3z" />
      </svg>
      {t('saveAsSegment')}
    </button>
  );
}
