// A cheap summary of what a segment's membership depends on, read from its logic with every SEGMENT(name)
// followed. Maintenance uses it to skip segments an ingest batch cannot affect, to decide whether members can
// leave, and to plan window sweeps and periodic full evaluations.

import type { Expression, Having, SegmentExpression, TimeWindow } from '../../../shared/query/ast';
import { isExistenceTest } from '../query/interaction-block';

/** A HAVING window of an INTERACTION block: its interactions leave the window as time passes. */
export interface DependencyWindow {
  interactionType: string;
  window: Pick<TimeWindow, 'unit' | 'amount'>;
}

export interface SegmentDependencies {
  /**
   * The interaction types whose arrival can change membership. Each maps to the journey ids its FILTERs limit
   * it to, or to null when an interaction of any journey (or of none) can matter.
   */
  interactionTypes: Map<string, Set<string> | null>;
  windows: DependencyWindow[];
  /** A new interaction can remove a member (EXCEPT, HAVING upper bounds, SUM, AVG, MIN or MAX tests). */
  canLoseMembers: boolean;
  /** PROFILE operands read contact fields, whose changes maintenance does not observe. */
  readsContacts: boolean;
  /** DATETIMEUTCNOW() makes membership change with time in ways a window sweep cannot bound. */
  readsClock: boolean;
  /** PROFILE paging (SKIP, TAKE) makes one contact's membership depend on the other contacts. */
  dependsOnOtherContacts: boolean;
}

/** Checks whether adding interactions to a block can only keep a contact a member, for a fixed `now`. */
function growsWithInteractions(having: Having | undefined): boolean {
  if (!having || isExistenceTest(having)) {
    return true;
  }
  switch (having.aggregate) {
    case 'COUNT':
      return having.operator === '>' || having.operator === '>=';
    case 'MAX':
      return having.operator === '>' || having.operator === '>=';
    case 'MIN':
      return having.operator === '<' || having.operator === '<=';
    default:
      // A sum can fall, since field values may be negative, and an average can move either way.
      return false;
  }
}

const journeyField = 'CustomerJourneyId';

/**
 * Returns the journey ids an interaction must have to pass `condition`, or null when the condition does not
 * limit the journey. Only `CustomerJourneyId == '...'` joined by && and || is understood; anything else counts
 * as no limit, which costs only extra re-checks.
 */
export function journeysOf(condition: Expression | undefined): Set<string> | null {
  if (!condition || condition.kind !== 'binary') {
    return null;
  }

  if (condition.operator === '==') {
    const [field, value] = condition.left.kind === 'field' ? [condition.left, condition.right] : [condition.right, condition.left];
    const isJourneyField = field.kind === 'field' && field.path.length === 1 && field.path[0] === journeyField;
    return isJourneyField && value.kind === 'string' ? new Set([value.value]) : null;
  }

  if (condition.operator === '&&') {
    const left = journeysOf(condition.left);
    const right = journeysOf(condition.right);
    if (!left || !right) {
      return left ?? right;
    }
    return new Set([...left].filter((journeyId) => right.has(journeyId)));
  }

  if (condition.operator === '||') {
    const left = journeysOf(condition.left);
    const right = journeysOf(condition.right);
    return left && right ? new Set([...left, ...right]) : null;
  }

  return null;
}

function readsClock(condition: Expression | undefined): boolean {
  if (!condition) {
    return false;
  }
  switch (condition.kind) {
    case 'binary':
      return readsClock(condition.left) || readsClock(condition.right);
    case 'not':
      return readsClock(condition.operand);
    case 'call':
      return condition.name === 'DATETIMEUTCNOW' || condition.args.some(readsClock);
    default:
      return false;
  }
}

class DependencyCollector {
  readonly dependencies: SegmentDependencies = {
    interactionTypes: new Map(),
    windows: [],
    canLoseMembers: false,
    readsContacts: false,
    readsClock: false,
    dependsOnOtherContacts: false,
  };

  constructor(private readonly segments: ReadonlyMap<string, SegmentExpression>) {}

  /** `negated`: the operand sits on the right of an odd number of EXCEPTs, so its members are removed. */
  visit(expression: SegmentExpression, negated: boolean, via: ReadonlySet<string>): void {
    const dependencies = this.dependencies;
    switch (expression.kind) {
      case 'set':
        this.visit(expression.left, negated, via);
        this.visit(expression.right, expression.operator === 'EXCEPT' ? !negated : negated, via);
        return;

      case 'segment': {
        const logic = this.segments.get(expression.name);
        // A missing segment or a cycle fails the evaluation itself, so it needs no dependency.
        if (logic && !via.has(expression.name)) {
          this.visit(logic, negated, new Set([...via, expression.name]));
        }
        return;
      }

      case 'interaction':
        this.addType(expression.interactionType, journeysOf(expression.filter));
        if (expression.having?.window) {
          dependencies.windows.push({ interactionType: expression.interactionType, window: expression.having.window });
        }
        if (negated || !growsWithInteractions(expression.having)) {
          dependencies.canLoseMembers = true;
        }
        if (readsClock(expression.filter)) {
          dependencies.readsClock = true;
        }
        return;

      case 'profile':
        dependencies.readsContacts = true;
        for (const step of expression.steps) {
          if (step.kind === 'traverse') {
            this.addType(step.relationship.replace(/_Contact$/, ''), null);
            if (negated) {
              dependencies.canLoseMembers = true;
            }
          }
          if (readsClock(step.kind === 'filter' ? step.condition : step.filter)) {
            dependencies.readsClock = true;
          }
        }
        if (expression.paging?.skip !== undefined || expression.paging?.take !== undefined) {
          dependencies.dependsOnOtherContacts = true;
        }
        return;
    }
  }

  private addType(interactionType: string, journeys: Set<string> | null): void {
    const types = this.dependencies.interactionTypes;
    if (!types.has(interactionType)) {
      types.set(interactionType, journeys);
      return;
    }
    const known = types.get(interactionType);
    types.set(interactionType, known && journeys ? new Set([...known, ...journeys]) : null);
  }
}

/**
 * Summarizes the dependencies of `logic`. `segments` contains the logic of every segment it refers to,
 * directly or not (see resolveSegmentReferences).
 */
export function segmentDependencies(logic: SegmentExpression, segments: ReadonlyMap<string, SegmentExpression>): SegmentDependencies {
  const collector = new DependencyCollector(segments);
  collector.visit(logic, false, new Set());
  return collector.dependencies;
}

/** Checks whether a stored interaction of this type and journey can change the membership. */
export function dependsOnInteraction(dependencies: SegmentDependencies, interactionType: string, journeyId: string | null): boolean {
  if (!dependencies.interactionTypes.has(interactionType)) {
    return false;
  }
  const journeys = dependencies.interactionTypes.get(interactionType);
  return journeys === null || (journeyId !== null && journeys!.has(journeyId));
}
