// Position information is not part of a query's meaning: two trees that differ only in spans print the same.

/** Returns a deep copy of a syntax tree without `span` and `...Span` properties, for comparing trees. */
export function withoutSpans<T>(node: T): T {
  if (Array.isArray(node)) {
    return node.map((item) => withoutSpans(item)) as T;
  }
  if (node === null || typeof node !== 'object') {
    return node;
  }
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'span' || key.endsWith('Span') || value === undefined) {
      continue;
    }
    copy[key] = withoutSpans(value);
  }
  return copy as T;
}
