export * from './ast';
export { printQuery, printExpression } from './printer';
export { parseQuery, type ParseResult } from './parser';
export { validateQuery, supportedEntity, type ValidationContext } from './validator';
export { analyzeQuery, type AnalysisResult } from './analyze';
export { withoutSpans } from './spans';
export {
  syntaxErrorCodes,
  validationErrorCodes,
  type QueryErrorCode,
  type SyntaxErrorCode,
  type ValidationErrorCode,
} from './errors';
