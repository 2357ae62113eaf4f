// Display labels of results, reasons and tile kinds per UI language. The demo designer shows these labels and
// the extension finds result rows on a host page by them, so a label here must match the host page's wording.

import type { ReasonId } from './reasons';
import type { StaticResultId } from './results';
import type { TileKind } from './tile-kinds';

export const uiLanguages = ['en', 'de'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

export interface CatalogLabels {
  results: Record<StaticResultId, string>;
  /** The label of a split branch; `{name}` is replaced by the branch name. */
  branch: string;
  reasons: Record<ReasonId, string>;
  tileKinds: Record<TileKind, string>;
  tables: { stopped: string; blocked: string };
}

const en: CatalogLabels = {
  results: {
    processed: 'Processed',
    stopped: 'Stopped',
    failed: 'Failed',
    delivered: 'Delivered',
    uniqueOpens: 'Unique opens',
    uniqueClicks: 'Unique clicks',
    blocked: 'Blocked',
    deliveryFailed: 'Delivery failed',
    softBounces: 'Soft bounces',
    hardBounces: 'Hard bounces',
    blockBounces: 'Block bounces',
    pathYes: 'Yes',
    pathNo: 'No',
  },
  branch: 'Branch {name}',
  reasons: {
    suppressionSegment: 'Contact joined the suppression segment',
    consent: 'Contact lowered consent below threshold',
    externalConsent: 'Contact lowered external consent below threshold',
    doNotEmail: 'Contact has do-not-email set',
    duplicateAddress: 'Duplicate recipient address',
    recipientInvalid: "Recipient address isn't valid",
    senderInvalid: "Sender address isn't valid",
    replyToInvalid: "Reply-to address isn't valid",
    blockListedLinks: 'Email contains block listed links',
    missingRequiredFields: 'Email is missing required fields',
    contactDeleted: 'Contact deleted',
    contactInactive: 'Contact is inactive',
    insufficientCredits: 'Insufficient email credits',
  },
  tileKinds: {
    audience: 'Audience',
    email: 'Marketing email message',
    ifThen: 'If/then',
    split: 'Split',
    wait: 'Wait',
    createLead: 'Create lead',
    runWorkflow: 'Run workflow',
    crmActivity: 'Activity',
    customChannel: 'Custom channel',
  },
  tables: { stopped: 'Stopped contacts', blocked: 'Blocked emails' },
};

const de: CatalogLabels = {
  results: {
    processed: 'Verarbeitet',
    stopped: 'Angehalten',
    failed: 'Fehlgeschlagen',
    delivered: 'Zugestellt',
    uniqueOpens: 'Eindeutige Öffnungen',
    uniqueClicks: 'Eindeutige Klicks',
    blocked: 'Blockiert',
    deliveryFailed: 'Zustellung fehlgeschlagen',
    softBounces: 'Soft Bounces',
    hardBounces: 'Hard Bounces',
    blockBounces: 'Block Bounces',
    pathYes: 'Ja',
    pathNo: 'Nein',
  },
  branch: 'Zweig {name}',
  reasons: {
    suppressionSegment: 'Kontakt ist dem Unterdrückungssegment beigetreten',
    consent: 'Kontakt hat die Zustimmung unter den Schwellenwert gesenkt',
    externalConsent: 'Kontakt hat die externe Zustimmung unter den Schwellenwert gesenkt',
    doNotEmail: 'Für den Kontakt ist „Keine E-Mails“ festgelegt',
    duplicateAddress: 'Doppelte Empfängeradresse',
    recipientInvalid: 'Empfängeradresse ist ungültig',
    senderInvalid: 'Absenderadresse ist ungültig',
    replyToInvalid: 'Antwortadresse ist ungültig',
    blockListedLinks: 'E-Mail enthält gesperrte Links',
    missingRequiredFields: 'In der E-Mail fehlen Pflichtfelder',
    contactDeleted: 'Kontakt gelöscht',
    contactInactive: 'Kontakt ist inaktiv',
    insufficientCredits: 'Nicht genügend E-Mail-Guthaben',
  },
  tileKinds: {
    audience: 'Zielgruppe',
    email: 'Marketing-E-Mail-Nachricht',
    ifThen: 'Wenn/dann',
    split: 'Aufteilen',
    wait: 'Warten',
    createLead: 'Lead erstellen',
    runWorkflow: 'Workflow ausführen',
    crmActivity: 'Aktivität',
    customChannel: 'Benutzerdefinierter Kanal',
  },
  tables: { stopped: 'Angehaltene Kontakte', blocked: 'Blockierte E-Mails' },
};

export const catalogLabels: Record<UiLanguage, CatalogLabels> = { en, de };

/** Picks the closest supported UI language for a BCP 47 tag such as 'de-AT', falling back to English. */
export function resolveUiLanguage(tag: string | undefined | null): UiLanguage {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return (uiLanguages as readonly string[]).includes(base) ? (base as UiLanguage) : 'en';
}

/** Returns the label of a tile result id (static or `branch:`) in a language. */
export function resultLabel(resultId: string, language: UiLanguage, branchName?: string): string {
  const labels = catalogLabels[language];
  if (resultId.startsWith('branch:')) {
    return labels.branch.replace('{name}', branchName ?? resultId.slice('branch:'.length));
  }
  return labels.results[resultId as StaticResultId] ?? resultId;
}

export function reasonLabel(reasonId: string, language: UiLanguage): string {
  return catalogLabels[language].reasons[reasonId as ReasonId] ?? reasonId;
}
