// The demo journeys the backend registers on first start.

import type { JourneyDefinition } from '../journeys/repository';

export const demoOrganizationId = '5f1c3c1e-2b7d-4c55-9d0e-0c6a2f8e4b11';

/** A product launch: audience, email, wait, if/then on the click, then an offer and a lead, or a reminder. */
export const launchJourney: JourneyDefinition = {
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

export const demoJourneys: JourneyDefinition[] = [launchJourney];
