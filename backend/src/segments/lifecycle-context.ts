// The dependencies of the lifecycle actions: the database, and the membership maintenance whose lock they hold
// while they write membership and whose clock dates their changes.

import type { DatabaseHandle } from '../db/connect';
import type { MembershipMaintenance } from '../membership/maintenance';

export interface LifecycleContext {
  handle: DatabaseHandle;
  membership: MembershipMaintenance;
}
