// Maps a label read from the host page to a catalog result or reason. Labels are compared in every UI language
// the catalog has, so a designer shown in German offers the same buttons as one in English, and with the label
// aliases of the host profile, for hosts that word a result differently (e.g. "Exit" for Stopped).

import {
  reasons,
  reasonLabel,
  resultLabel,
  uiLanguages,
  type ReasonId,
  type TileResult,
  type UiLanguage,
} from '../../shared/catalog';
import { normalizeText } from './host-profiles/interpreter';
import type { HostProfile, LanguageLabels } from './host-profiles/schema';

export type ProfileLabels = HostProfile['labels'];

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

/** Returns the catalog label in `language` followed by the host's aliases in that language. */
function labelsIn(language: UiLanguage, catalogLabel: string, aliases: LanguageLabels | undefined): string[] {
  return [catalogLabel, ...(aliases?.[language] ?? [])];
}

/** Finds the result among `results` (those the tile offers) whose label is `label`; null when none is. */
export function matchResult(
  label: string,
  results: readonly TileResult[],
  profileLabels?: ProfileLabels,
): ResultMatch | null {
  const wanted = comparable(label);
  for (const language of uiLanguages) {
    for (const result of results) {
      const aliases = profileLabels?.results?.[result.id as keyof NonNullable<ProfileLabels>['results']];
      const candidates = labelsIn(language, resultLabel(result.id, language, result.branchName), aliases);
      if (candidates.some((candidate) => comparable(candidate) === wanted)) {
        return { result, language };
      }
    }
  }
  return null;
}

/** Finds the catalog reason whose label is `label`; null when none is. */
export function matchReason(label: string, profileLabels?: ProfileLabels): ReasonMatch | null {
  const wanted = comparable(label);
  for (const language of uiLanguages) {
    for (const reason of reasons) {
      const candidates = labelsIn(language, reasonLabel(reason.id, language), profileLabels?.reasons?.[reason.id]);
      if (candidates.some((candidate) => comparable(candidate) === wanted)) {
        return { reasonId: reason.id, language };
      }
    }
  }
  return null;
}
