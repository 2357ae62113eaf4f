// Checks unsaved logic while the user types: once the text has been still for a moment, the backend validates it,
// and valid logic is counted, so the user sees errors and the member count before saving.

import { useEffect, useRef, useState } from 'preact/hooks';

import type { QueryError } from '../../../shared/query/ast';
import type { LogicPreview } from '../../lib/messages';
import { sendMessage } from '../../lib/send-message';

/** Quiet time after the last keystroke before the text is checked, in milliseconds. */
export const logicCheckDelayMs = 400;

export interface LogicCheck {
  state: 'idle' | 'checking' | 'checked' | 'failed';
  errors: QueryError[];
  /** The member count of the checked text; null while it is invalid or not counted yet. */
  preview: LogicPreview | null;
  /** The error of validating or counting, in the backend's words. */
  message: string | null;
}

const idle: LogicCheck = { state: 'idle', errors: [], preview: null, message: null };

/** Validates and counts `text` after each pause in typing while `enabled`, and drops replies for older text. */
export function useLogicCheck(text: string, segmentName: string | undefined, enabled: boolean): LogicCheck {
  const [check, setCheck] = useState<LogicCheck>(idle);
  const generation = useRef(0);

  useEffect(() => {
    generation.current++;
    if (!enabled) {
      setCheck(idle);
      return;
    }

    const current = generation.current;
    const isCurrent = () => generation.current === current;
    setCheck((previous) => ({ ...previous, state: 'checking' }));

    const timer = setTimeout(async () => {
      try {
        const validation = await sendMessage({ type: 'logic/validate', logic: text, segmentName });
        if (!isCurrent()) {
          return;
        }
        if (!validation.valid) {
          setCheck({ state: 'checked', errors: validation.errors, preview: null, message: null });
          return;
        }

        setCheck((previous) => ({ ...previous, errors: [] }));
        const preview = await sendMessage({ type: 'logic/preview', logic: text, segmentName });
        if (isCurrent()) {
          setCheck({ state: 'checked', errors: [], preview, message: null });
        }
      } catch (error) {
        if (isCurrent()) {
          setCheck((previous) => ({ ...previous, state: 'failed', preview: null, message: (error as Error).message }));
        }
      }
    }, logicCheckDelayMs);

    return () => clearTimeout(timer);
  }, [text, segmentName, enabled]);

  return check;
}
