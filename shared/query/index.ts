export * from './ast';
export { printQuery, printExpression } from './printer';
export { parseQuery, type ParseResult } from './parser';
export { validateQuery, supportedEntity, type ValidationContext } from './validator';
export { analyzeQuery, type AnalysisResult } from './analyze';
export { withoutSpans } from './spans';
export type { QueryErrorCode, SyntaxErrorCode, ValidationErrorCode } from './errors';
