// CSV as RFC 4180 writes it: comma-separated, CRLF line ends, and a field quoted with double quotes (inner
// quotes doubled) when it contains a comma, a quote, a CR or an LF, or starts or ends with a space.

export function csvField(value: string | null): string {
  if (value === null) {
    return '';
  }
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRow(values: readonly (string | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
