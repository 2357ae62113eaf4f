// The demo journeys the backend registers on first start. Together they use every tile kind, so the demo
// designer shows every result the catalog offers.

import type { JourneyDefinition } from '../journeys/repository';
import type { SimulationOdds } from './odds';

export const demoOrganizationId = '5f1c3c1e-2b7d-4c55-9d0e-0c6a2f8e4b11';

/** A demo journey, with the simulator's odds where they differ from the defaults. */
export interface DemoJourney extends JourneyDefinition {
  odds?: Partial<SimulationOdds>;
}

/** A product launch: audience, email, wait, if/then on the click, then an offer and a lead, or a reminder. */
export const launchJourney: DemoJourney = {
  journeyId: '7d0c2e6a-1b7f-4f5e-9a57-2f0d1c3b9e10',
  name: 'Spring product launch',
  status: 'Live',
  startDate: Date.UTC(2026, 10, 2, 9, 0, 0),
  recurring: false,
  tiles: [
    { activityId: '01', kind: 'audience', name: 'Launch audience' },
    { activityId: '02', kind: 'email', name: 'Launch announcement', emailId: 'a3d1e0b2-5c4f-4e8a-8b9d-1f2e3d4c5b6a', parentActivityId: '01' },
    { activityId: '03', kind: 'wait', name: 'Wait 2 days', parentActivityId: '02' },
    { activityId: '04', kind: 'ifThen', name: 'Clicked the announcement?', parentActivityId: '03' },
    { activityId: '04_0', kind: 'email', name: 'Early-bird offer', emailId: 'b4e2f1c3-6d5a-4f9b-9cae-2a3f4e5d6c7b', parentActivityId: '04', path: 'yes' },
    { activityId: '04_0_1', kind: 'createLead', name: 'Create sales lead', parentActivityId: '04_0' },
    { activityId: '04_1', kind: 'email', name: 'Launch reminder', emailId: 'c5f3a2d4-7e6b-4a0c-8dbf-3b4a5f6e7d8c', parentActivityId: '04', path: 'no' },
  ],
};

/**
 * A webinar follow-up that tests three channels: a random split sends contacts to an email with an if/then on
 * the click, to an email followed by a workflow, or to a custom channel (SMS) followed by a task. Each branch
 * sees a third of the contacts, so stops and failures are more frequent here than in the launch journey.
 * With the launch journey's odds, the Failed rows of the deeper tiles would stay empty for a few thousand contacts.
 */
export const webinarJourney: DemoJourney = {
  journeyId: '3b8f6d2c-9a41-4e07-b5c3-6e1f0a7d2c48',
  name: 'Webinar follow-up',
  status: 'Live',
  startDate: Date.UTC(2026, 10, 9, 9, 0, 0),
  recurring: true,
  odds: { stop: 0.03, genericStop: 0.004, failed: 0.012 },
  tiles: [
    { activityId: '01', kind: 'audience', name: 'Webinar attendees' },
    { activityId: '02', kind: 'email', name: 'Thank you for attending', emailId: 'd6a4b3e5-8f7c-4b1d-9e0a-4c5b6a7f8e9d', parentActivityId: '01' },
    { activityId: '03', kind: 'wait', name: 'Wait 2 days', parentActivityId: '02' },
    { activityId: '04', kind: 'split', name: 'Follow-up channel test', parentActivityId: '03' },
    { activityId: '04_0', kind: 'email', name: 'Recording and slides', emailId: 'e7b5c4f6-9a8d-4c2e-8f1b-5d6c7b8a9f0e', parentActivityId: '04', path: 'A' },
    { activityId: '04_0_1', kind: 'ifThen', name: 'Clicked a follow-up?', parentActivityId: '04_0' },
    { activityId: '04_0_1_0', kind: 'createLead', name: 'Create webinar lead', parentActivityId: '04_0_1', path: 'yes' },
    { activityId: '04_0_1_1', kind: 'crmActivity', name: 'Schedule a call', parentActivityId: '04_0_1', path: 'no' },
    { activityId: '04_1', kind: 'email', name: 'Product deep dive', emailId: 'f8c6d5a7-0b9e-4d3f-9a2c-6e7d8c9b0a1f', parentActivityId: '04', path: 'B' },
    { activityId: '04_1_1', kind: 'runWorkflow', name: 'Score webinar interest', parentActivityId: '04_1' },
    { activityId: '04_2', kind: 'customChannel', name: 'SMS with the recording', parentActivityId: '04', path: 'C' },
    { activityId: '04_2_1', kind: 'crmActivity', name: 'Follow-up task', parentActivityId: '04_2' },
  ],
};

export const demoJourneys: DemoJourney[] = [launchJourney, webinarJourney];
