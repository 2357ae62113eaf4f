// Token administration for admins: create (the reply is the only place the secret appears), list and revoke.

import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';

import type { DatabaseHandle } from '../db/connect';
import { notFound, unprocessable } from '../http-error';
import { parseBody } from '../validation';
import { roles } from './roles';
import { toTokenRecord } from './token-record';
import { createToken, DuplicateTokenNameError, listTokens, revokeToken } from './token-repository';

export const tokenNameMaxLength = 100;

export const tokenName = z
  .string({ error: 'name is missing. Send a name that says who or what uses the token, such as "Anna Berger" or "ingest pipeline".' })
  .trim()
  .min(1, { error: 'name is empty. Send a name that says who or what uses the token.' })
  .max(tokenNameMaxLength, { error: `name is longer than ${tokenNameMaxLength} characters. Send a shorter name.` });

const createRequest = z.object({
  name: tokenName,
  role: z.enum(roles, { error: `role must be one of ${roles.join(', ')}.` }),
});

export const tokenRoutes: FastifyPluginAsync<{ database: DatabaseHandle }> = async (app, { database }) => {
  app.post('/api/tokens', async (request, reply) => {
    const body = parseBody(createRequest, request.body);
    try {
      const { row, token } = await createToken(database, { name: body.name, role: body.role, createdBy: request.principal?.name ?? 'anonymous' });
      request.log.info({ tokenId: row.token_id, role: row.role, createdBy: row.created_by }, 'API token created');
      reply.code(201);
      return { ...toTokenRecord(row), token };
    } catch (error) {
      if (error instanceof DuplicateTokenNameError) {
        throw unprocessable('duplicate-token-name', error.message);
      }
      throw error;
    }
  });

  app.get('/api/tokens', async () => {
    return { tokens: (await listTokens(database)).map(toTokenRecord) };
  });

  app.delete<{ Params: { tokenId: string } }>('/api/tokens/:tokenId', async (request) => {
    const row = await revokeToken(database, request.params.tokenId);
    if (!row) {
      throw notFound('token-not-found', `Token "${request.params.tokenId}" was not found. List the tokens with GET /api/tokens and use a tokenId from there.`);
    }
    request.log.info({ tokenId: row.token_id, revokedBy: request.principal?.name }, 'API token revoked');
    return toTokenRecord(row);
  });
};
