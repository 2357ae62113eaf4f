// Compiles PROFILE(contact[, alias]) with its FILTER and TRAVERSE steps and its paging: the contacts of the
// contact table that satisfy the filters.
//
// The one relationship a contact can be traversed along is `<InteractionType>_Contact`, the link an INTERACTION
// block names: `.TRAVERSE(EmailClicked_Contact, FILTER(CustomerJourneyId == '...'))` keeps the contacts with at
// least one such interaction. FILTER steps after a TRAVERSE filter the traversed interactions, and they may
// still read the contact's fields through its alias. Other relationships lead to tables this service does not
// store, so they are rejected.

import type { FieldReference, Paging, ProfileQuery, TraverseStep } from '../../../shared/query/ast';
import { isInteractionType } from '../../../shared/interactions';
import type { FieldScope } from './compiled-value';
import { contactFieldScope } from './contact-fields';
import { compileCondition } from './expression-sql';
import { interactionFieldScope } from './interaction-fields';
import { nextAlias, type CompileState, type MemberQuery } from './member-query';
import { QueryCompileError } from './query-compile-error';
import { column, identifier, joinSql, parameter, sql, type SqlFragment } from './sql-fragment';

interface Traversal {
  interactionType: string;
  tableAlias: string;
  scope: FieldScope;
  conditions: SqlFragment[];
}

const relationshipSuffix = '_Contact';

function traversedInteractionType(step: TraverseStep): string {
  const type = step.relationship.endsWith(relationshipSuffix) ? step.relationship.slice(0, -relationshipSuffix.length) : '';
  if (!isInteractionType(type)) {
    throw new QueryCompileError(
      'unsupported-relationship',
      `The relationship ${step.relationship} cannot be traversed: only the links from contacts to their interactions are stored, such as EmailClicked_Contact.`,
      step.span,
    );
  }
  return type;
}

/** Bare names and the traverse alias read the traversed interaction; the contact's qualifiers read the contact. */
function traversalScope(interactions: FieldScope, contact: FieldScope, contactQualifiers: readonly string[]): FieldScope {
  return {
    resolve(field) {
      if (field.path.length === 2 && contactQualifiers.includes(field.path[0])) {
        return contact.resolve(field);
      }
      return interactions.resolve(field);
    },
  };
}

function checkPagingCount(value: number | undefined, name: string, paging: Paging): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
    throw new QueryCompileError('invalid-paging', `${name}(${value}) needs a whole number of 0 or more.`, paging.span);
  }
}

/**
 * ORDER BY keys for one contact field. Missing values sort last in both directions. An attribute sorts its
 * numbers (numerically) before its texts, because its JSON values can be of either type.
 */
function orderKeys(field: FieldReference, direction: 'ASC' | 'DESC', scope: FieldScope, state: CompileState): SqlFragment[] {
  const value = scope.resolve(field);
  const order = direction === 'ASC' ? sql`ASC NULLS LAST` : sql`DESC NULLS LAST`;
  const text = (fragment: SqlFragment) => (state.dialect === 'postgres' ? sql`${fragment} COLLATE "C"` : fragment);

  if (value.type === 'untyped' && value.readAs) {
    return [sql`${value.readAs('number')} ${order}`, sql`${text(value.readAs('string'))} ${order}`];
  }
  return [sql`${value.type === 'string' ? text(value.sql) : value.sql} ${order}`];
}

/**
 * ORDER BY, LIMIT and OFFSET of a page of contacts. Ties, and pages without ORDERBY, are ordered by contact id,
 * so the same data always gives the same page.
 */
function pagingClauses(paging: Paging, tableAlias: string, scope: FieldScope, state: CompileState): SqlFragment {
  const contactId = column(tableAlias, 'contact_id');
  const keys = (paging.orderBy ?? []).flatMap((key) => orderKeys(key.field, key.direction, scope, state));
  keys.push(state.dialect === 'postgres' ? sql`${contactId} COLLATE "C" ASC` : sql`${contactId} ASC`);

  let clauses = sql` ORDER BY ${joinSql(keys, ', ')}`;
  if (paging.take !== undefined) {
    clauses = sql`${clauses} LIMIT ${parameter(paging.take, 'bigint')}`;
  } else if (state.dialect === 'sqlite') {
    // SQLite accepts OFFSET only after a LIMIT; -1 means no limit.
    clauses = sql`${clauses} LIMIT -1`;
  }
  if (paging.skip !== undefined) {
    clauses = sql`${clauses} OFFSET ${parameter(paging.skip, 'bigint')}`;
  }
  return clauses;
}

/**
 * Checks the paging of a PROFILE query and returns whether it limits the members. ORDERBY and SELECT alone do
 * not change who is a member; SELECT only names fields to show, which member lists do not return.
 */
function checkPaging(paging: Paging | undefined, scope: FieldScope): paging is Paging {
  if (!paging) {
    return false;
  }
  for (const field of [...(paging.select ?? []), ...(paging.orderBy ?? []).map((key) => key.field)]) {
    scope.resolve(field);
  }
  checkPagingCount(paging.skip, 'SKIP', paging);
  checkPagingCount(paging.take, 'TAKE', paging);
  return paging.skip !== undefined || paging.take !== undefined;
}

export function compileProfileQuery(query: ProfileQuery, state: CompileState): MemberQuery {
  if (query.entity.toLowerCase() !== 'contact') {
    throw new QueryCompileError(
      'unsupported-entity',
      `PROFILE(${query.entity}) cannot yield segment members: members are contacts. Write PROFILE(contact).`,
      query.entitySpan ?? query.span,
    );
  }

  const tableAlias = nextAlias(state, 'c');
  const contactQualifiers = query.alias ? [query.alias, query.entity] : [query.entity];
  const contactScope = contactFieldScope(contactQualifiers, tableAlias, state.dialect);

  const contactConditions: SqlFragment[] = [];
  const traversals: Traversal[] = [];
  for (const step of query.steps) {
    const traversal = traversals.at(-1);
    if (step.kind === 'filter') {
      const scope = traversal?.scope ?? contactScope;
      const condition = compileCondition(step.condition, { dialect: state.dialect, now: state.now, scope });
      (traversal?.conditions ?? contactConditions).push(condition);
      continue;
    }

    if (traversal) {
      throw new QueryCompileError(
        'unsupported-relationship',
        `The relationship ${step.relationship} cannot be traversed from ${traversal.interactionType} interactions: interactions have no stored relationships. Traverse from the contact only.`,
        step.span,
      );
    }
    const interactionType = traversedInteractionType(step);
    const interactionAlias = nextAlias(state, 'i');
    const interactions = interactionFieldScope(interactionType, interactionAlias, state.dialect, step.alias);
    const next: Traversal = {
      interactionType,
      tableAlias: interactionAlias,
      scope: traversalScope(interactions, contactScope, contactQualifiers),
      conditions: [],
    };
    if (step.filter) {
      next.conditions.push(compileCondition(step.filter, { dialect: state.dialect, now: state.now, scope: next.scope }));
    }
    traversals.push(next);
  }

  const contactId = column(tableAlias, 'contact_id');
  const conditions = [...contactConditions];
  for (const traversal of traversals) {
    const linked = [
      sql`${column(traversal.tableAlias, 'contact_id')} = ${contactId}`,
      sql`${column(traversal.tableAlias, 'interaction_type')} = ${parameter(traversal.interactionType, 'text')}`,
      ...traversal.conditions,
    ];
    conditions.push(sql`EXISTS (SELECT 1 FROM "interaction" AS ${identifier(traversal.tableAlias)} WHERE ${joinSql(linked, ' AND ')})`);
  }

  const paged = checkPaging(query.paging, contactScope);
  if (state.contactId !== undefined && !paged) {
    conditions.push(sql`${contactId} = ${parameter(state.contactId, 'text')}`);
  }

  const where = conditions.length > 0 ? sql` WHERE ${joinSql(conditions, ' AND ')}` : sql``;
  const select = sql`SELECT ${contactId} FROM "contact" AS ${identifier(tableAlias)}${where}`;
  if (!paged) {
    return { sql: select, shape: 'select' };
  }

  const ordered = sql`${select}${pagingClauses(query.paging as Paging, tableAlias, contactScope, state)}`;
  if (state.contactId === undefined) {
    return { sql: ordered, shape: 'ordered' };
  }

  // A page depends on the other contacts, so the one contact is picked from the page, not before paging.
  const pageAlias = identifier(nextAlias(state, 'p'));
  return { sql: sql`SELECT ${pageAlias}."contact_id" FROM (${ordered}) AS ${pageAlias} WHERE ${pageAlias}."contact_id" = ${parameter(state.contactId, 'text')}`, shape: 'select' };
}
