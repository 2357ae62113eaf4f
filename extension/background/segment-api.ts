// The segment endpoints the record page and the segment list use: read, edit, lifecycle actions, members,
// explanations and checks of unsaved logic. Every reply is validated before it reaches a page.

import { z } from 'zod';

import { memberExplanationReply, type MemberExplanationReply } from '../../shared/api/member-explanation';
import {
  segmentMemberPage,
  segmentRecord,
  segmentTransition,
  type SegmentMemberPage,
  type SegmentRecord,
  type SegmentStatus,
  type SegmentTransition,
  type SegmentUpdateRequest,
} from '../../shared/api/segments';
import { t } from '../lib/i18n';
import type { LifecycleAction, LifecycleOutcome, LogicPreview, LogicValidation, ReferencingSegment } from '../lib/messages';
import type { BackendRequest } from './backend-client';
import { BackendError } from './backend-error';

export interface SegmentApi {
  list(filter: { journeyId?: string; status?: SegmentStatus }): Promise<SegmentRecord[]>;
  update(segmentId: string, changes: SegmentUpdateRequest): Promise<SegmentRecord>;
  /** Runs a lifecycle action. A stop that live segments depend on comes back as `confirm` unless `confirm` is set. */
  runAction(segmentId: string, action: LifecycleAction, confirm?: boolean): Promise<LifecycleOutcome>;
  transitions(segmentId: string): Promise<SegmentTransition[]>;
  members(segmentId: string, page: { cursor?: string; limit?: number }): Promise<SegmentMemberPage>;
  explain(segmentId: string, contactId: string): Promise<MemberExplanationReply>;
  validateLogic(logic: string, segmentName?: string): Promise<LogicValidation>;
  previewLogic(logic: string, segmentName?: string): Promise<LogicPreview>;
}

const actionPaths: Readonly<Record<LifecycleAction, string>> = {
  goLive: 'go-live',
  stop: 'stop',
  edit: 'edit',
  publish: 'publish',
  cancelEdit: 'cancel-edit',
  rebuild: 'rebuild',
};

const logicValidation = z.object({
  valid: z.boolean(),
  errors: z.array(z.object({ code: z.string(), message: z.string(), line: z.number(), column: z.number(), length: z.number() })),
  canonical: z.string().nullable(),
});

const logicPreview = z.object({ memberCount: z.number(), countedAt: z.string() });

const referencingSegment = z.object({ segmentId: z.string(), name: z.string() });

/** Finds the list of depending segments in the details of a 409 reply to a stop. */
function referencingSegmentsOf(details: unknown): ReferencingSegment[] | null {
  if (typeof details !== 'object' || details === null) {
    return null;
  }
  for (const value of Object.values(details)) {
    const parsed = z.array(referencingSegment).min(1).safeParse(value);
    if (parsed.success) {
      return parsed.data;
    }
  }
  return null;
}

export function createSegmentApi(request: BackendRequest): SegmentApi {
  const segmentPath = (segmentId: string) => `/api/segments/${encodeURIComponent(segmentId)}`;

  /**
   * Sends the request and validates the reply. A 404 without an error code comes from the web framework, not from
   * a segment lookup, so the backend predates the endpoint.
   */
  async function call<T>(schema: z.ZodType<T>, path: string, init: Parameters<BackendRequest>[1]): Promise<T> {
    let reply: Awaited<ReturnType<BackendRequest>>;
    try {
      reply = await request(path, init);
    } catch (error) {
      if (error instanceof BackendError && error.status === 404 && error.code === null) {
        throw new BackendError(t('errorEndpointMissing', `${init.method} ${path.split('?')[0]}`), 'rejected', 404);
      }
      throw error;
    }

    const parsed = schema.safeParse(reply.body);
    if (!parsed.success) {
      throw new BackendError(t('errorBackendInvalidReply', reply.backendUrl), 'failed');
    }
    return parsed.data;
  }

  return {
    async list(filter) {
      const query = new URLSearchParams();
      if (filter.journeyId) {
        query.set('journeyId', filter.journeyId);
      }
      if (filter.status) {
        query.set('status', filter.status);
      }
      const suffix = query.size > 0 ? `?${query}` : '';
      const reply = await call(z.object({ segments: z.array(segmentRecord) }), `/api/segments${suffix}`, { method: 'GET' });
      return reply.segments;
    },

    update(segmentId, changes) {
      return call(segmentRecord, segmentPath(segmentId), { method: 'PATCH', body: changes });
    },

    async runAction(segmentId, action, confirm) {
      const body = action === 'stop' && confirm ? { confirm: true } : {};
      try {
        const segment = await call(segmentRecord, `${segmentPath(segmentId)}/${actionPaths[action]}`, { method: 'POST', body });
        return { state: 'done', segment };
      } catch (error) {
        const referencing = error instanceof BackendError && error.status === 409 && action === 'stop' ? referencingSegmentsOf(error.details) : null;
        if (referencing) {
          return { state: 'confirm', message: (error as Error).message, referencingSegments: referencing };
        }
        throw error;
      }
    },

    async transitions(segmentId) {
      // Accept a bare list as well as { transitions }, whichever the backend sends.
      const schema = z.union([z.array(segmentTransition), z.object({ transitions: z.array(segmentTransition) }).transform((reply) => reply.transitions)]);
      return call(schema, `${segmentPath(segmentId)}/transitions`, { method: 'GET' });
    },

    members(segmentId, page) {
      const query = new URLSearchParams();
      if (page.cursor) {
        query.set('cursor', page.cursor);
      }
      if (page.limit) {
        query.set('limit', String(page.limit));
      }
      const suffix = query.size > 0 ? `?${query}` : '';
      return call(segmentMemberPage, `${segmentPath(segmentId)}/members${suffix}`, { method: 'GET' });
    },

    explain(segmentId, contactId) {
      return call(memberExplanationReply, `${segmentPath(segmentId)}/explanation?contactId=${encodeURIComponent(contactId)}`, { method: 'GET' });
    },

    validateLogic(logic, segmentName) {
      return call(logicValidation, '/api/logic/validate', { method: 'POST', body: { logic, segmentName } });
    },

    previewLogic(logic, segmentName) {
      return call(logicPreview, '/api/logic/preview', { method: 'POST', body: { logic, segmentName } });
    },
  };
}
