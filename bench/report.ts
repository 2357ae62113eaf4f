// Turns figures into console lines and into the Markdown page docs/benchmarks.md.

import { ratioToFloor, type Figure } from './figure';
import type { MachineDescription } from './machine';

export function formatValue(value: number, unit: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : Math.abs(value) >= 1 ? 2 : 3;
  const number = value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return unit === '' ? number : `${number} ${unit}`;
}

function formatRatio(figure: Figure): string {
  const ratio = ratioToFloor(figure);
  return ratio === null ? '-' : `${ratio.toFixed(2)}x`;
}

function verdict(figure: Figure): string {
  if (figure.value === null) {
    return 'not measured';
  }
  return figure.target.met(figure) ? 'met' : 'missed';
}

/** Formats a figure as one console line. */
export function formatFigure(figure: Figure): string {
  const value = figure.value === null ? 'not measured' : formatValue(figure.value, figure.unit);
  const floor = figure.floor ? ` | floor ${formatValue(figure.floor.value, figure.unit)} (${figure.floor.what}) | ${formatRatio(figure)}` : '';
  const note = figure.note ? ` | ${figure.note}` : '';
  return `${figure.group} | ${figure.name}: ${value}${floor} | target ${figure.target.text}: ${verdict(figure)}${note}`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export interface ReportContext {
  machine: MachineDescription;
  startedAt: Date;
  durationSeconds: number;
  quick: boolean;
  /** Paragraphs printed under the table: how each group was measured and why a target is missed. */
  notes: Record<string, string>;
}

/** Renders the benchmarks page: the machine, the date, then one table row per figure, grouped. */
export function renderReport(figures: readonly Figure[], context: ReportContext): string {
  const { machine } = context;
  const lines = [
    '# Benchmarks',
    '',
    'Produced by `npm run bench` (bench/run.ts), which rewrites this page except the analysis at its end. Each figure',
    'is compared with its floor: the same work done the most direct way (bare SQL, COPY, a plain HTTP POST),',
    'measured in the same run on the same machine. The ratio is value / floor.',
    '',
    ...(context.quick ? ['**Smoke run (BENCH_QUICK=1): small sizes, the numbers only show that the benchmarks work.**', ''] : []),
    '## Machine',
    '',
    '| | |',
    '| --- | --- |',
    `| Date | ${context.startedAt.toISOString()} (run took ${Math.round(context.durationSeconds)} s) |`,
    `| CPU | ${cell(machine.cpu)}, ${machine.cores} cores |`,
    `| Memory | ${machine.memory} |`,
    `| OS | ${cell(machine.os)} |`,
    `| Node.js | ${machine.node} |`,
    `| SQLite | ${machine.sqlite} (better-sqlite3) |`,
    `| PostgreSQL | ${cell(machine.postgres)} |`,
    `| Chromium | ${cell(machine.chromium)} |`,
    '',
  ];

  const groups = [...new Set(figures.map((figure) => figure.group))];
  for (const group of groups) {
    lines.push(`## ${group}`, '', '| Figure | Value | Floor | Ratio | Target | Result |', '| --- | ---: | ---: | ---: | --- | --- |');
    for (const figure of figures.filter((candidate) => candidate.group === group)) {
      const value = figure.value === null ? 'not measured' : formatValue(figure.value, figure.unit);
      const floor = figure.floor ? `${formatValue(figure.floor.value, figure.unit)} (${figure.floor.what})` : '-';
      const result = verdict(figure) + (figure.note ? `: ${figure.note}` : '');
      lines.push(`| ${cell(figure.name)} | ${value} | ${cell(floor)} | ${formatRatio(figure)} | ${cell(figure.target.text)} | ${cell(result)} |`);
    }
    lines.push('');
    if (context.notes[group]) {
      lines.push(context.notes[group], '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
