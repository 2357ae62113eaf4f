// Maps a label read from the host page to a catalog result or reason. Labels are compared in every UI language
// the catalog has, so a designer shown in German offers the same buttons as one in English.

import { reasons, reasonLabel, resultLabel, uiLanguages, type ReasonId, type TileResult, type UiLanguage } from '../../shared/catalog';
import { normalizeText } from './host-profiles/interpreter';

/** Ignores case, spacing and typographic apostrophes, so "isn’t" on the page matches "isn't" in the catalog. */
const comparable = (text: string) =>
  normalizeText(text)
    .replace(/[\u2018\u2019]/g, "'")
    .toLocaleLowerCase();

export interface ResultMatch {
  result: TileResult;
  /** The language whose label matched. */
  language: UiLanguage;
}

export interface ReasonMatch {
  reasonId: ReasonId;
  language: UiLanguage;
}

/** Finds the result among `results` (those the tile offers) whose label is `label`; null when none is. */
export function matchResult(label: string, results: readonly TileResult[]): ResultMatch | null {
  const wanted = comparable(label);
  for (const language of uiLanguages) {
    for (const result of results) {
      if (comparable(resultLabel(result.id, language, result.branchName)) === wanted) {
        return { result, language };
      }
    }
  }
  return null;
}

export function matchReason(label: string): ReasonMatch | null {
  const wanted = comparable(label);
  for (const language of uiLanguages) {
    for (const reason of reasons) {
      if (comparable(reasonLabel(reason.id, language)) === wanted) {
        return { reasonId: reason.id, language };
      }
    }
  }
  return null;
}
