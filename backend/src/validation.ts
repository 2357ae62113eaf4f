// Turns zod validation failures into 400 replies whose message names the field and the problem.

import type { z } from 'zod';

import { badRequest } from './http-error';

/** Parses `input` with `schema`, or throws a 400 HttpError listing every problem with its field path. */
export function parseBody<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input ?? {});
  if (result.success) {
    return result.data;
  }

  const problems = result.error.issues.map((issue) => ({
    field: issue.path.join('.') || '(body)',
    message: issue.message,
  }));
  const message = problems.map((problem) => (problem.field === '(body)' ? problem.message : `${problem.field}: ${problem.message}`)).join(' ');
  throw badRequest('invalid-request', message, problems);
}
