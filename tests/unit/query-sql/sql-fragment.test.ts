// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { identifier, joinSql, nameLiteral, parameter, renderSql, sql } from '../../../backend/src/query/sql-fragment';

const statement = sql`SELECT ${identifier('contact_id')} FROM t WHERE a = ${parameter('x', 'text')} AND ${joinSql(
  [sql`b > ${parameter(2, 'double')}`, sql`c = ${parameter(true, 'boolean')}`],
  ' OR ',
)}`;

describe('renderSql', () => {
  it('numbers and casts PostgreSQL placeholders', () => {
    expect(renderSql(statement, 'postgres')).toEqual({
      sql: 'SELECT "contact_id" FROM t WHERE a = CAST($1 AS text) AND b > CAST($2 AS double precision) OR c = CAST($3 AS boolean)',
      parameters: ['x', 2, true],
    });
  });

  it('binds SQLite booleans as numbers', () => {
    expect(renderSql(statement, 'sqlite')).toEqual({
      sql: 'SELECT "contact_id" FROM t WHERE a = ? AND b > ? OR c = ?',
      parameters: ['x', 2, 1],
    });
  });
});

describe('names in SQL text', () => {
  it.each(['a"b', "a'b", 'a b', '1a', ''])('rejects %j', (name) => {
    expect(() => identifier(name)).toThrow(/cannot be written into SQL/);
    expect(() => nameLiteral(name)).toThrow(/cannot be written into SQL/);
  });

  it('writes a JSON path', () => {
    expect(renderSql(nameLiteral('BlockedReason', '$.'), 'sqlite').sql).toBe(`'$.BlockedReason'`);
  });
});
