// Tile kinds of a journey and the results each one offers as a segment. Section order matters: the demo
// designer renders results in this order and the extension offers a button on each of them.

export const tileKinds = [
  'audience',
  'email',
  'ifThen',
  'split',
  'wait',
  'createLead',
  'runWorkflow',
  'crmActivity',
  'customChannel',
] as const;

export type TileKind = (typeof tileKinds)[number];

export function isTileKind(value: string): value is TileKind {
  return (tileKinds as readonly string[]).includes(value);
}

/** Interaction type behind "Processed" for each tile kind. */
export const processedInteractionType: Record<TileKind, string> = {
  audience: 'PassThroughActivityContactProcessed',
  email: 'EmailSent',
  ifThen: 'TriggerActivityContactProcessed',
  split: 'SplitterActivityContactProcessed',
  wait: 'SchedulerActivityContactProcessed',
  createLead: 'CreateLeadActivityContactProcessed',
  runWorkflow: 'TriggerCrmWorkflowActivityContactProcessed',
  crmActivity: 'CreateCrmActivityContactProcessed',
  customChannel: 'CreateCustomChannelActivityContactProcessed',
};
