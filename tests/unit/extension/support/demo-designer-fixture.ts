// Fixture pages that follow the demo designer's DOM contract (docs/host-pages/demo-designer.md): tiles as
// role=button with data-activity-id, data-tile-kind and aria-pressed; a side panel with Volume, KPIs and Paths
// tables of role=row rows; reason contact lists under Insights > Incomplete journeys.

import type { JourneyDetail, TileSummary } from '../../../../shared/api/journeys';
import { catalogLabels, type UiLanguage } from '../../../../shared/catalog';

export const journeyId = 'j-1';
export const journeyName = 'Spring sale';
// happy-dom's default origin is http://localhost:3000, and history.replaceState cannot leave the origin.
export const designerUrl = `http://localhost:3000/designer/journeys/${journeyId}?tab=designer`;

const tile = (activityId: string, kind: string, name: string, parentActivityId: string | null = null, path: string | null = null): TileSummary => ({
  activityId,
  kind,
  name,
  emailId: kind === 'email' ? 'email-1' : null,
  parentActivityId,
  path,
  volume: { inflow: 0, processing: 0, queued: 0, stopped: 0, failed: 0, processed: 0 },
  results: [],
});

export const journeyDetail: JourneyDetail = {
  journeyId,
  name: journeyName,
  status: 'live',
  startDate: '2025-03-01T00:00:00Z',
  recurring: false,
  tiles: [
    tile('01', 'audience', 'New customers'),
    tile('02', 'email', 'Welcome email'),
    tile('03', 'ifThen', 'Opened the welcome email?'),
    tile('04', 'split', 'A/B split'),
    tile('04_0', 'wait', 'Wait a day', '04', 'A'),
    tile('04_1', 'createLead', 'Create lead', '04', 'B'),
  ],
};

/** Row labels the designer shows that are not results of the catalog, so they never get a button. */
export const notOfferedLabels: Record<UiLanguage, Record<'total' | 'inProgress' | 'processing' | 'queued' | 'notProcessed' | 'expired' | 'inflow', string>> = {
  en: { total: 'Total', inProgress: 'In progress', processing: 'Processing', queued: 'Queued', notProcessed: 'Not processed', expired: 'Expired', inflow: 'Inflow' },
  de: { total: 'Gesamt', inProgress: 'In Bearbeitung', processing: 'Wird verarbeitet', queued: 'In der Warteschlange', notProcessed: 'Nicht verarbeitet', expired: 'Abgelaufen', inflow: 'Zufluss' },
};

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function row(label: string, count: number, level = 1): string {
  const levelAttribute = level > 1 ? ` aria-level="${level}"` : '';
  return (
    `<div role="row"${levelAttribute}><span role="rowheader">${escapeHtml(label)}</span>` +
    `<span role="cell">${count}</span><span role="cell">${count % 100}%</span></div>`
  );
}

function table(label: string, rows: string[]): string {
  const header = '<div role="row"><span role="columnheader">Result</span><span role="columnheader">Count</span></div>';
  return `<div role="table" aria-label="${label}">${header}${rows.join('')}</div>`;
}

/** Builds the tables of a tile's Data panel, in the layout the designer uses for its kind. */
function panelTables(kind: string, language: UiLanguage, count: number): string {
  const results = catalogLabels[language].results;
  const other = notOfferedLabels[language];

  if (kind === 'email') {
    const volume = table('Volume', [row(other.inflow, count), row(other.processing, count), row(results.processed, count), row(results.stopped, count)]);
    const kpis = table('KPIs', [
      row(results.delivered, count),
      row(results.uniqueOpens, count, 2),
      row(results.uniqueClicks, count, 2),
      row(results.blocked, count),
      row(results.deliveryFailed, count),
      row(results.softBounces, count, 2),
      row(results.hardBounces, count, 2),
      row(results.blockBounces, count, 2),
    ]);
    return volume + kpis;
  }

  const volume = table('Volume', [
    row(other.total, count),
    row(other.inProgress, count),
    row(other.processing, count, 2),
    row(other.queued, count, 2),
    row(other.notProcessed, count),
    row(results.stopped, count, 2),
    row(other.expired, count, 2),
    row(results.processed, count),
    row(results.failed, count),
  ]);
  if (kind === 'ifThen') {
    return volume + table('Paths', [row(results.pathYes, count), row(results.pathNo, count)]);
  }
  if (kind === 'split') {
    const branch = catalogLabels[language].branch;
    return volume + table('Paths', [row(branch.replace('{name}', 'A'), count), row(branch.replace('{name}', 'B'), count)]);
  }
  return volume;
}

export interface DesignerOptions {
  selected?: string | null;
  language?: UiLanguage;
  /** Changes the counts, as the designer's refresh does. */
  count?: number;
}

export function tilesHtml(selected: string | null): string {
  return journeyDetail.tiles
    .map(
      (candidate) =>
        `<div role="button" tabindex="0" data-activity-id="${candidate.activityId}" data-tile-kind="${candidate.kind}" ` +
        `aria-pressed="${candidate.activityId === selected}" aria-label="${escapeHtml(candidate.name)}">${escapeHtml(candidate.name)}</div>`,
    )
    .join('');
}

export function panelHtml({ selected = '02', language = 'en', count = 10 }: DesignerOptions = {}): string {
  const selectedTile = journeyDetail.tiles.find((candidate) => candidate.activityId === selected);
  if (!selectedTile) {
    return '';
  }
  return (
    `<h2>${escapeHtml(selectedTile.name)}</h2>` +
    '<div role="tablist"><button role="tab" aria-selected="true">Data</button><button role="tab" aria-selected="false">Properties</button></div>' +
    `<div role="tabpanel" aria-label="Data">${panelTables(selectedTile.kind, language, count)}</div>`
  );
}

export function designerHtml(options: DesignerOptions = {}): string {
  const selected = options.selected === undefined ? '02' : options.selected;
  const panel = selected ? `<aside aria-label="Tile details" id="panel">${panelHtml({ ...options, selected })}</aside>` : '';
  return (
    `<header><h1 data-journey-name>${journeyName}</h1>` +
    '<div role="tablist"><button role="tab" aria-selected="true">Designer</button><button role="tab" aria-selected="false">General</button>' +
    '<button role="tab" aria-selected="false">Insights</button><button role="tab" aria-selected="false">Related</button></div></header>' +
    `<main><div id="tiles">${tilesHtml(selected)}</div>${panel}</main>`
  );
}

export interface ReasonListOptions {
  /** The heading of the selected reason's contact list. */
  heading: string;
  contacts?: Array<{ name: string; timestamp: string }>;
}

export function reasonListHtml({ heading, contacts = [] }: ReasonListOptions): string {
  const body =
    contacts.length === 0
      ? '<p>No data is available.</p>'
      : '<div role="table" aria-label="Contacts"><div role="row"><span role="columnheader">Contact name</span><span role="columnheader">Timestamp</span></div>' +
        contacts.map((contact) => `<div role="row"><span role="cell">${escapeHtml(contact.name)}</span><span role="cell">${contact.timestamp}</span></div>`).join('') +
        '</div>';
  return `<section role="region" data-reason-list aria-label="${escapeHtml(heading)}"><h4>${escapeHtml(heading)}</h4>${body}</section>`;
}

export function incompleteJourneysHtml(stopped: ReasonListOptions, blocked: ReasonListOptions): string {
  const grid = (rows: string[]) =>
    `<div role="grid">${rows.map((label, index) => `<div role="row" aria-selected="${index === 0}"><span role="gridcell">${escapeHtml(label)}</span><span role="gridcell">3</span></div>`).join('')}</div>`;
  return (
    `<header><h1 data-journey-name>${journeyName}</h1></header><main>` +
    `<section aria-label="Stopped contacts">${grid([stopped.heading])}${reasonListHtml(stopped)}</section>` +
    `<section aria-label="Blocked emails">${grid([blocked.heading])}${reasonListHtml(blocked)}</section></main>`
  );
}
