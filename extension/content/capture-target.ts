// The capture target of a Save as segment button: a result of one tile, or an incomplete-journey reason. It
// carries the names read from the page, so the flyout can prefill a segment name without reading the page again.

import type { CaptureRequest } from '../../shared/api/segments';
import { segmentNameMaxLength } from '../../shared/api/segment-limits';
import { reasonLabel, resultLabel, type UiLanguage } from '../../shared/catalog';
import { defaultSegmentNamePattern, fillNamePattern, localDate } from './segment-name-pattern';

export type CaptureTarget =
  | {
      kind: 'result';
      journeyId: string;
      journeyName: string;
      activityId: string;
      tileName: string;
      resultId: string;
      /** For a split branch: the branch name in its label. */
      branchName?: string;
      /** The language the page labels the result in. */
      language: UiLanguage;
    }
  | {
      kind: 'reason';
      journeyId: string;
      journeyName: string;
      reasonId: string;
      language: UiLanguage;
    };

/** Returns the key of the target on a page; the button placer keeps one button per key and container. */
export function targetKey(target: CaptureTarget): string {
  return target.kind === 'result' ? `result:${target.activityId}:${target.resultId}` : `reason:${target.reasonId}`;
}

/** Returns the result or reason label of the target in `language`. */
export function targetLabel(target: CaptureTarget, language: UiLanguage = target.language): string {
  return target.kind === 'result'
    ? resultLabel(target.resultId, language, target.branchName)
    : reasonLabel(target.reasonId, language);
}

/**
 * Builds the suggested segment name from the name pattern (by default "<result> - <tile> - <journey>", which reads
 * "<reason> - <journey>" for a reason). Cut to the maximum name length, because long tile and journey names must
 * not block a save.
 */
export function prefillName(
  target: CaptureTarget,
  language: UiLanguage,
  pattern: string = defaultSegmentNamePattern,
  now: Date = new Date(),
): string {
  const label = targetLabel(target, language);
  const name = fillNamePattern(pattern, {
    result: label,
    reason: target.kind === 'reason' ? label : '',
    tile: target.kind === 'result' ? target.tileName : '',
    journey: target.journeyName,
    date: localDate(now),
  });
  return name.slice(0, segmentNameMaxLength).trim();
}

export function toCaptureRequest(target: CaptureTarget, name: string, description: string): CaptureRequest {
  const common = { journeyId: target.journeyId, name, description };
  return target.kind === 'result'
    ? { ...common, activityId: target.activityId, resultId: target.resultId }
    : { ...common, reasonId: target.reasonId };
}
