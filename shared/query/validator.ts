// Checks a parsed query against the documented usage limits and the known interaction types and segments.
//
// Choices beyond the documented rules:
// - Entities: the only entity is contact, so PROFILE(...) accepts exactly `contact` and every operand of a set
//   operation yields contacts. Any other entity is an `unsupported-entity` error wherever it appears.
// - Link names: an interaction's only link to a contact is `<Type>_Contact`, so any other link name is an
//   `invalid-link-name` error that names the expected one. An empty link name is `missing-link-name`.
// - Names written in code (not parsed) must still be printable: identifiers, and field names that are not
//   condition keywords such as OR or CONTAINS. Segment names may be any non-empty text, because the printer
//   quotes them.

import type { Having, InteractionQuery, Paging, ProfileQuery, QueryError, SegmentExpression, Span } from './ast';
import { ConditionChecker } from './condition-checker';
import { errorAtSpan, type ValidationErrorCode } from './errors';
import { isIdentifier } from './keywords';
import { findCycle, type SegmentGraph } from './segment-references';
import { fieldDataType, interactionTypes, isInteractionType } from '../interactions';

export interface ValidationContext extends SegmentGraph {
  /** Whether a segment with this name exists. */
  segmentExists(name: string): boolean;
  /** The stored logic of an existing segment, or null when it has none; used to find reference cycles. */
  segmentLogic(name: string): SegmentExpression | null;
  /** The name of the segment whose logic is validated, so that a reference to it is reported as a cycle. */
  segmentName?: string;
}

export const supportedEntity = 'contact';

/**
 * Returns every problem found in the query, in text order; an empty list means it is valid. Errors on nodes
 * built in code, which have no spans, are placed at line 1, column 1.
 */
export function validateQuery(ast: SegmentExpression, context: ValidationContext): QueryError[] {
  const validator = new QueryValidator(context);
  validator.validateSegment(ast);
  return validator.errors.sort((a, b) => a.line - b.line || a.column - b.column);
}

class QueryValidator {
  readonly errors: QueryError[] = [];
  private readonly acyclic = new Set<string>();

  constructor(private readonly context: ValidationContext) {}

  validateSegment(root: SegmentExpression): void {
    // Set operations nest to the left and can be long, so they are walked with a stack instead of recursion.
    const pending: SegmentExpression[] = [root];
    while (pending.length > 0) {
      const node = pending.pop()!;
      switch (node.kind) {
        case 'set':
          pending.push(node.right, node.left);
          break;
        case 'segment':
          this.validateReference(node.name, node.nameSpan ?? node.span);
          break;
        case 'profile':
          this.validateProfile(node);
          break;
        case 'interaction':
          this.validateInteraction(node);
          break;
      }
    }
  }

  private validateReference(name: string, span: Span | undefined): void {
    const { context } = this;
    if (name.length === 0) {
      this.report('invalid-name', 'SEGMENT() needs the name of a segment.', span);
      return;
    }
    if (name === context.segmentName) {
      this.report(
        'segment-cycle',
        `SEGMENT(${name}) refers to this segment itself; a segment cannot contain its own members.`,
        span,
      );
      return;
    }
    if (!context.segmentExists(name)) {
      this.report(
        'unknown-segment',
        `No segment named ${name} exists; check the spelling or create that segment first.`,
        span,
      );
      return;
    }

    const cycle = findCycle(name, context, context.segmentName, this.acyclic);
    if (cycle) {
      const closesOnSelf = cycle[cycle.length - 1] === context.segmentName;
      const route = closesOnSelf ? cycle.join(' → ') : cycle.slice(cycle.indexOf(cycle[cycle.length - 1])).join(' → ');
      const message = closesOnSelf
        ? `SEGMENT(${name}) refers back to this segment through ${route}; remove one of these references.`
        : `SEGMENT(${name}) depends on segments that refer to each other in a cycle (${route}); ` +
          'remove one of these references.';
      this.report('segment-cycle', message, span);
    }
  }

  private validateProfile(query: ProfileQuery): void {
    if (query.entity !== supportedEntity) {
      this.report(
        'unsupported-entity',
        `PROFILE(${query.entity}) is not supported; ` +
          `segments are made of contacts, so write PROFILE(${supportedEntity}).`,
        query.entitySpan ?? query.span,
      );
    }

    const aliases = new Set<string>();
    if (query.alias !== undefined) {
      this.checkName(query.alias, 'alias', query.span);
      aliases.add(query.alias);
    }

    // NOTE: TRAVERSE moves to a related entity. There is no relationship model here, so the validator cannot
    // tell whether the result is still contacts, and the backend compiler has to reject traversals it cannot follow.
    for (const step of query.steps) {
      const checker = new ConditionChecker({ kind: 'profile', aliases: new Set(aliases) }, this.errors);
      if (step.kind === 'filter') {
        checker.checkCondition(step.condition, 'FILTER(...)');
        continue;
      }
      this.checkName(step.relationship, 'relationship', step.span);
      if (step.alias !== undefined) {
        this.checkName(step.alias, 'alias', step.span);
        aliases.add(step.alias);
      }
      if (step.filter !== undefined) {
        new ConditionChecker({ kind: 'profile', aliases: new Set(aliases) }, this.errors).checkCondition(
          step.filter,
          'FILTER(...)',
        );
      }
    }

    this.validatePaging(query.paging, new ConditionChecker({ kind: 'profile', aliases }, this.errors));
  }

  private validateInteraction(query: InteractionQuery): void {
    const type = query.interactionType;
    const typeSpan = query.interactionTypeSpan ?? query.span;

    const knownType = isInteractionType(type);
    if (!knownType) {
      const suggestion = interactionTypes.find((known) => known.toLowerCase() === type.toLowerCase());
      const hint = suggestion
        ? `did you mean ${suggestion}?`
        : 'use an interaction type such as EmailClicked or EmailSent.';
      this.report('unknown-interaction-type', `Unknown interaction type ${type}; ${hint}`, typeSpan);
    }

    const expectedLink = `${type}_Contact`;
    const linkSpan = query.linkNameSpan ?? query.span;
    if (query.linkName.length === 0) {
      this.report(
        'missing-link-name',
        `INTERACTION(${type}) needs a link name; write INTERACTION(${type}, ${expectedLink}).`,
        typeSpan,
      );
    } else if (knownType && query.linkName !== expectedLink) {
      this.report(
        'invalid-link-name',
        `The link name ${query.linkName} is not supported; the only link from ${type} to a contact is ${expectedLink}.`,
        linkSpan,
      );
    }

    const checker = new ConditionChecker({ kind: 'interaction', interactionType: type }, this.errors);
    if (query.filter !== undefined) {
      checker.checkCondition(query.filter, 'FILTER(...)');
    }
    if (query.having !== undefined) {
      this.validateHaving(query.having, type, checker);
    }
    this.validatePaging(query.paging, new ConditionChecker({ kind: 'profile', aliases: new Set() }, this.errors));
  }

  private validateHaving(having: Having, type: string, checker: ConditionChecker): void {
    const comparisonSpan = having.comparisonSpan ?? having.span;
    const { operator, value } = having;

    if (!Number.isFinite(value)) {
      this.report(
        'invalid-number',
        `The number ${value} in HAVING is not finite; use a finite number.`,
        comparisonSpan,
      );
    } else if (having.aggregate === 'COUNT') {
      this.validateCountComparison(operator, value, comparisonSpan);
    }

    if (having.aggregate === 'COUNT') {
      if (having.field !== undefined) {
        this.report('wrong-argument-count', 'COUNT() takes no field; write COUNT().', having.field.span ?? having.span);
      }
    } else if (having.field === undefined) {
      this.report(
        'wrong-argument-count',
        `${having.aggregate}() needs a field, as in ${having.aggregate}(Version).`,
        having.span,
      );
    } else {
      const fieldType = checker.checkField(having.field);
      const numeric = fieldType === 'number' || fieldType === 'unknown';
      const allowed = numeric || ((having.aggregate === 'MIN' || having.aggregate === 'MAX') && fieldType === 'date');
      if (!allowed) {
        const name = having.field.path.join('.');
        this.report(
          'type-mismatch',
          `${having.aggregate}(${name}) needs a number field, ` +
            `but ${name} of ${type} is ${fieldDataType(type, name) ?? fieldType}.`,
          having.field.span ?? having.span,
        );
      }
    }

    const window = having.window;
    if (window && (!Number.isInteger(window.amount) || window.amount <= 0)) {
      this.report(
        'invalid-window',
        `${window.unit}(${window.amount}) needs a whole number greater than 0, such as ${window.unit}(30).`,
        window.span ?? having.span,
      );
    }
  }

  /** Applies the documented usage limits of HAVING(COUNT() ...). */
  private validateCountComparison(operator: Having['operator'], value: number, span: Span | undefined): void {
    if (value < 0 || !Number.isInteger(value)) {
      this.report(
        'count-value-not-allowed',
        `COUNT() cannot be compared with ${value}; use a whole number of 0 or more.`,
        span,
      );
      return;
    }
    if (operator === '==' && value === 0) {
      this.report(
        'count-equals-zero',
        'COUNT() == 0 is not allowed, because contacts without interactions are not found this way; ' +
          'use EXCEPT to exclude the contacts who have them.',
        span,
      );
      return;
    }
    if ((operator === '>=' || operator === '!=') && value > 0) {
      const rewrite = operator === '>=' ? `write COUNT() > ${value - 1} instead` : 'use == or > instead';
      this.report('count-comparison-not-allowed', `COUNT() ${operator} ${value} is not allowed; ${rewrite}.`, span);
    }
  }

  private validatePaging(paging: Paging | undefined, checker: ConditionChecker): void {
    if (!paging) {
      return;
    }
    for (const [name, amount] of [['SKIP', paging.skip], ['TAKE', paging.take]] as const) {
      if (amount !== undefined && (!Number.isInteger(amount) || amount < 0)) {
        this.report('invalid-paging', `${name}(${amount}) needs a whole number of 0 or more.`, paging.span);
      }
    }
    for (const key of paging.orderBy ?? []) {
      checker.checkField(key.field);
    }
    for (const field of paging.select ?? []) {
      checker.checkField(field);
    }
  }

  private checkName(name: string, role: string, span: Span | undefined): void {
    if (!isIdentifier(name)) {
      this.report(
        'invalid-name',
        `The ${role} '${name}' is not a valid name; use letters, digits and underscores.`,
        span,
      );
    }
  }

  private report(code: ValidationErrorCode, message: string, span: Span | undefined): void {
    this.errors.push(errorAtSpan(code, message, span));
  }
}
