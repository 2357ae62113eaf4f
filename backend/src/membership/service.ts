// Membership maintenance as a service of the Fastify app: it starts when the app is ready, after finishing
// lifecycle actions a previous stop interrupted, and stops before the app closes its database.

import type { FastifyInstance } from 'fastify';

import type { DatabaseHandle } from '../db/connect';
import { recoverInterruptedActions } from '../segments/lifecycle-recovery';
import { MembershipMaintenance, type MaintenanceOptions } from './maintenance';

export function membershipService(app: FastifyInstance, handle: DatabaseHandle, options: MaintenanceOptions = {}): MembershipMaintenance {
  const log = app.log.child({ component: 'membership' });
  const membership = new MembershipMaintenance(handle, { log, ...options });

  app.addHook('onReady', async () => {
    const recovered = await recoverInterruptedActions({ handle, membership });
    if (recovered.length > 0) {
      log.info({ segmentIds: recovered }, 'finished lifecycle actions interrupted by the last stop');
    }
    membership.start();
  });

  // preClose runs before the onClose hooks, one of which may close the database.
  app.addHook('preClose', async () => {
    await membership.stop();
  });

  return membership;
}
