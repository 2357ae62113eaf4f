// Reasons listed under Insights > Incomplete journeys. A stopped contact leaves the journey; a blocked email is
// not sent and the contact continues. Each reason maps to exactly one interaction type.

export type ReasonTable = 'stopped' | 'blocked';

export const reasonIds = [
  'suppressionSegment',
  'consent',
  'externalConsent',
  'doNotEmail',
  'duplicateAddress',
  'recipientInvalid',
  'senderInvalid',
  'replyToInvalid',
  'blockListedLinks',
  'missingRequiredFields',
  'contactDeleted',
  'contactInactive',
  'insufficientCredits',
] as const;

export type ReasonId = (typeof reasonIds)[number];

export interface Reason {
  id: ReasonId;
  table: ReasonTable;
  interactionType: string;
}

export const reasons: readonly Reason[] = [
  { id: 'suppressionSegment', table: 'stopped', interactionType: 'ActivityContactBlockedSuppression' },
  { id: 'consent', table: 'stopped', interactionType: 'ActivityContactBlockedConsent' },
  { id: 'externalConsent', table: 'stopped', interactionType: 'ActivityContactBlockedExternalConsent' },

  { id: 'doNotEmail', table: 'blocked', interactionType: 'EmailBlockedByUser' },
  { id: 'duplicateAddress', table: 'blocked', interactionType: 'EmailBlockedDuplicateAddress' },
  { id: 'recipientInvalid', table: 'blocked', interactionType: 'InvalidRecipientAddress' },
  { id: 'senderInvalid', table: 'blocked', interactionType: 'InvalidSenderAddress' },
  { id: 'replyToInvalid', table: 'blocked', interactionType: 'InvalidReplyToAddress' },
  { id: 'blockListedLinks', table: 'blocked', interactionType: 'EmailContainsBlacklistedLinks' },
  { id: 'missingRequiredFields', table: 'blocked', interactionType: 'EmailBlockedMissingRelatedData' },
  { id: 'contactDeleted', table: 'blocked', interactionType: 'EmailBlockedMissingContactData' },
  { id: 'contactInactive', table: 'blocked', interactionType: 'EmailBlockedInactiveContact' },
  { id: 'insufficientCredits', table: 'blocked', interactionType: 'OutOfEmailCredits' },
];

export function findReason(id: string): Reason | undefined {
  return reasons.find((reason) => reason.id === id);
}

export function reasonsOf(table: ReasonTable): Reason[] {
  return reasons.filter((reason) => reason.table === table);
}
