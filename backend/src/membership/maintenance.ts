// Keeps the stored members of live segments current.
//
// A run reads the interactions stored since the last run (after the interaction cursor, plus those the ingest
// callback reported), finds the live segments whose logic they can affect, and re-checks only the contacts
// concerned. Segments with HAVING windows also re-check the contacts whose interactions left a window since
// their last sweep. A segment is evaluated in full when too many contacts are concerned, when one contact's
// membership depends on others (PROFILE paging), when its periodic evaluation is due (it reads contact fields
// or the clock), and when its last evaluation failed. All changes of a run, the cursor included, commit in one
// transaction.
//
// Runs start right after each ingest batch commits, at the next window exit or periodic evaluation, and on a
// heartbeat. Only one run, or lifecycle action that writes membership, is in progress at a time (see
// maintenance-lock.ts).

import { performance } from 'node:perf_hooks';

import type { DatabaseHandle } from '../db/connect';
import { describeFailure } from '../segments/segment-error';
import { dependsOnInteraction } from './dependencies';
import { interactionsBetween, latestInteractionSeq, readInteractionCursor, writeInteractionCursor, type StoredInteraction } from './interaction-cursor';
import { LiveSegmentCatalog, liveStatuses, type LiveSegment } from './live-segments';
import { withMaintenanceLock } from './maintenance-lock';
import { defaultMaintenanceSettings, type MaintenanceSettings } from './maintenance-settings';
import { needsPeriodicEvaluation } from './next-evaluation';
import { applyPlan, planFullEvaluation, planRecheck, rebuildMembership, type MembershipPlan } from './segment-evaluation';
import { storedMembersAmong } from './member-store';
import { contactsLeavingWindows } from './window-expiry';

export interface MaintenanceLogger {
  debug(object: object, message: string): void;
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface MaintenanceOptions extends Partial<MaintenanceSettings> {
  /** Epoch milliseconds now; tests pass a clock they control. */
  clock?: () => number;
  log?: MaintenanceLogger;
  /**
   * Whether started maintenance schedules runs by timer (window exits, periodic evaluations, heartbeat).
   * Tests with their own clock turn it off and call runOnce.
   */
  timers?: boolean;
}

export interface MaintenanceRun {
  interactions: number;
  segmentsChanged: number;
  contactsChecked: number;
  fullEvaluations: number;
  added: number;
  removed: number;
  failures: number;
  durationMs: number;
}

/** At most this many interactions reported by the ingest callback wait for a run; beyond, the cursor covers them. */
const maxPendingInteractions = 100_000;

const silentLogger: MaintenanceLogger = { debug: () => {}, info: () => {}, error: () => {} };

export class MembershipMaintenance {
  readonly settings: MaintenanceSettings;
  readonly clock: () => number;
  private readonly log: MaintenanceLogger;
  private readonly timers: boolean;
  private readonly catalog = new LiveSegmentCatalog();

  /** Interactions reported by the ingest callback. They also reach the cursor, but on PostgreSQL a transaction can commit a lower seq after the cursor passed it. */
  private pending: StoredInteraction[] = [];
  private started = false;
  private running: Promise<void> | null = null;
  private runAgain = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly handle: DatabaseHandle,
    options: MaintenanceOptions = {},
  ) {
    const { clock, log, timers, ...settings } = options;
    this.settings = { ...defaultMaintenanceSettings, ...settings };
    this.clock = clock ?? Date.now;
    this.log = log ?? silentLogger;
    this.timers = timers ?? true;
  }

  /** Starts scheduling runs and runs once now, to catch up with interactions stored while stopped. */
  start(): void {
    this.started = true;
    this.log.info({ settings: this.settings }, 'membership maintenance started');
    this.requestRun();
  }

  /** Stops scheduling runs and waits for the run in progress. */
  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await this.running;
    this.log.info({}, 'membership maintenance stopped');
  }

  /** The ingest callback: remembers the newly stored interactions and starts a run. */
  readonly notifyStored = (interactions: readonly StoredInteraction[]): void => {
    if (this.pending.length + interactions.length <= maxPendingInteractions) {
      for (const { interactionType, customerJourneyId, contactId } of interactions) {
        this.pending.push({ interactionType, customerJourneyId, contactId });
      }
    }
    this.requestRun();
  };

  /** Drops cached resolutions of segment logic; call after changing any segment's name or logic. */
  invalidate(): void {
    this.catalog.invalidate();
  }

  /** Runs `task` while no maintenance run or other membership writer is in progress. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return withMaintenanceLock(this.handle, task);
  }

  /** Runs maintenance once now, after any run in progress, and returns what it did. */
  runOnce(): Promise<MaintenanceRun> {
    return this.exclusive(() => this.run());
  }

  /**
   * Evaluates in full every live segment whose logic refers, directly or through other segments, to one of
   * `names`. Call with the maintenance lock held, after the logic behind those names changed.
   */
  async rebuildReferencing(names: readonly string[], now: number): Promise<string[]> {
    this.invalidate();
    const rebuilt: string[] = [];
    for (const segment of await this.catalog.load(this.handle)) {
      if (!segment.resolved || !names.some((name) => segment.resolved.segments.has(name))) {
        continue;
      }
      try {
        await rebuildMembership(this.handle, segment.row.segment_id, segment.resolved, now, this.settings);
        rebuilt.push(segment.row.segment_id);
      } catch (error) {
        await this.recordFailure(segment, error, now);
      }
    }
    return rebuilt;
  }

  private requestRun(): void {
    if (!this.started) {
      return;
    }
    if (this.running) {
      this.runAgain = true;
      return;
    }
    this.running = this.runUntilIdle().finally(() => {
      this.running = null;
    });
  }

  private async runUntilIdle(): Promise<void> {
    do {
      this.runAgain = false;
      try {
        const summary = await this.runOnce();
        if (summary.segmentsChanged > 0 || summary.failures > 0) {
          this.log.debug({ ...summary }, 'membership maintenance run');
        }
      } catch (error) {
        this.log.error({ err: error }, 'membership maintenance run failed; the next run retries');
      }
    } while (this.runAgain && this.started);
    await this.scheduleNextRun();
  }

  private async scheduleNextRun(): Promise<void> {
    if (!this.timers || !this.started) {
      return;
    }
    if (this.timer) {
      clearTimeout(this.timer);
    }

    let delay = this.settings.heartbeatMs;
    try {
      const row = await this.handle.db
        .selectFrom('segment')
        .select((eb) => eb.fn.min('next_evaluation_at').as('next'))
        .where('status', 'in', liveStatuses)
        .executeTakeFirst();
      if (row?.next !== null && row?.next !== undefined) {
        delay = Math.max(0, Math.min(delay, Number(row.next) - this.clock()));
      }
    } catch (error) {
      this.log.error({ err: error }, 'membership maintenance could not read the next evaluation time; using the heartbeat');
    }

    this.timer = setTimeout(() => {
      this.timer = null;
      this.requestRun();
    }, delay);
    this.timer.unref();
  }

  /** Runs maintenance once; the caller holds the maintenance lock. */
  private async run(): Promise<MaintenanceRun> {
    const now = this.clock();
    const started = performance.now();
    const summary: MaintenanceRun = { interactions: 0, segmentsChanged: 0, contactsChecked: 0, fullEvaluations: 0, added: 0, removed: 0, failures: 0, durationMs: 0 };

    const cursor = await readInteractionCursor(this.handle);
    const latest = await latestInteractionSeq(this.handle);
    const pending = this.pending;
    this.pending = [];

    try {
      const segments = await this.catalog.load(this.handle);
      // Without live segments there is nothing to maintain, and a later go-live evaluates in full.
      const catchUp = segments.length === 0 || latest - cursor > this.settings.catchUpInteractions;
      const interactions = catchUp ? [] : [...pending, ...(await interactionsBetween(this.handle, cursor, latest))];
      summary.interactions = catchUp ? latest - cursor : interactions.length;

      const plans: MembershipPlan[] = [];
      for (const segment of segments) {
        const plan = await this.planSegment(segment, interactions, catchUp, now, summary);
        if (plan) {
          plans.push(plan);
        }
      }

      await this.handle.db.transaction().execute(async (trx) => {
        for (const plan of plans) {
          await applyPlan(trx, plan, now);
        }
        // Every interaction up to the cursor is now applied, so the counts of segments that only new
        // interactions and window exits change are current as of this run.
        const current = segments.filter((segment) => segment.dependencies && !needsPeriodicEvaluation(segment.dependencies) && segment.row.last_error === null);
        for (let start = 0; start < current.length; start += 500) {
          const ids = current.slice(start, start + 500).map((segment) => segment.row.segment_id);
          await trx.updateTable('segment').set({ counted_at: now }).where('segment_id', 'in', ids).where('last_error', 'is', null).execute();
        }
        await writeInteractionCursor(trx, Math.max(cursor, latest), now);
      });

      for (const plan of plans) {
        summary.added += plan.added.length;
        summary.removed += plan.removed.length;
        if (plan.added.length + plan.removed.length > 0) {
          summary.segmentsChanged += 1;
        }
      }
      summary.durationMs = Math.round(performance.now() - started);
      return summary;
    } catch (error) {
      // Nothing was written, so the next run reads the same interactions again.
      this.pending = [...pending, ...this.pending];
      throw error;
    }
  }

  /** Plans one live segment's changes, or records why it cannot be evaluated and returns null. */
  private async planSegment(
    segment: LiveSegment,
    interactions: readonly StoredInteraction[],
    catchUp: boolean,
    now: number,
    summary: MaintenanceRun,
  ): Promise<MembershipPlan | null> {
    const { row } = segment;
    if (segment.error) {
      if (row.last_error === null || Number(row.next_evaluation_at ?? 0) <= now) {
        await this.recordFailure(segment, segment.error, now);
        summary.failures += 1;
      }
      return null;
    }

    try {
      const { dependencies, resolved } = segment;
      const retryDue = row.last_error !== null && Number(row.next_evaluation_at ?? 0) <= now;
      if (row.last_error !== null && !retryDue) {
        return null;
      }

      const batch = new Set<string>();
      for (const interaction of interactions) {
        if (interaction.contactId !== null && dependsOnInteraction(dependencies, interaction.interactionType, interaction.customerJourneyId)) {
          batch.add(interaction.contactId);
        }
      }

      const periodicDue = needsPeriodicEvaluation(dependencies) && Number(row.counted_at ?? 0) + this.settings.fullEvaluationIntervalMs <= now;
      const full =
        catchUp ||
        retryDue ||
        periodicDue ||
        row.swept_at === null ||
        (dependencies.dependsOnOtherContacts && batch.size > 0) ||
        batch.size > this.settings.maxRecheckContacts;
      if (full) {
        summary.fullEvaluations += 1;
        return await planFullEvaluation(this.handle, row.segment_id, resolved, now, this.settings);
      }

      const sweptAt = Number(row.swept_at);
      const leaving = dependencies.windows.length > 0 && now > sweptAt ? await contactsLeavingWindows(this.handle, dependencies.windows, sweptAt, now) : new Set<string>();
      const due = row.next_evaluation_at !== null && Number(row.next_evaluation_at) <= now;
      if (batch.size === 0 && leaving.size === 0 && !due) {
        return null;
      }

      const recheck = new Set(leaving);
      if (dependencies.canLoseMembers) {
        batch.forEach((contactId) => recheck.add(contactId));
      } else if (batch.size > 0) {
        // Monotone logic can only gain members from new interactions, so current members need no re-check.
        const members = await storedMembersAmong(this.handle.db, row.segment_id, [...batch]);
        batch.forEach((contactId) => !members.has(contactId) && recheck.add(contactId));
      }

      if (recheck.size > this.settings.maxRecheckContacts) {
        summary.fullEvaluations += 1;
        return await planFullEvaluation(this.handle, row.segment_id, resolved, now, this.settings);
      }
      summary.contactsChecked += recheck.size;
      return await planRecheck(this.handle, { segmentId: row.segment_id, memberCount: Number(row.member_count ?? 0), resolved }, [...recheck], now, this.settings);
    } catch (error) {
      await this.recordFailure(segment, error, now);
      summary.failures += 1;
      return null;
    }
  }

  private async recordFailure(segment: LiveSegment, error: unknown, now: number): Promise<void> {
    const failure = describeFailure('maintenance', error, now);
    this.log.error({ err: error, segmentId: segment.row.segment_id, code: failure.code }, 'live segment evaluation failed; it is retried later');
    await this.handle.db
      .updateTable('segment')
      .set({ last_error: JSON.stringify(failure), next_evaluation_at: now + this.settings.retryIntervalMs })
      .where('segment_id', '=', segment.row.segment_id)
      .execute();
  }
}
