// A fixture page that follows the real-time analytics demo's DOM contract (docs/host-pages/realtime-analytics.md):
// one article per tile with data-activity-id and data-tile-kind, a table of Inflow, Processing, Processed and
// Exit rows (th scope=row, then the count in a td), and one table of exit reasons for the journey.

import { journeyId, journeyName } from './demo-designer-fixture';

export const analyticsUrl = `http://localhost:3000/analytics/journeys/${journeyId}`;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const row = (label: string, count: number) =>
  `<tr><th scope="row">${escapeHtml(label)}</th><td>${count}</td></tr>`;

export interface AnalyticsTile {
  activityId: string;
  kind: string;
  name: string;
  /** Row labels in order; the counts are made up. */
  rows?: string[];
}

export function analyticsHtml(
  tiles: AnalyticsTile[],
  exitReasons: string[] = ['Contact lowered consent below threshold'],
  headings = { tiles: 'Tile performance', metric: 'Metric', exitReasons: 'Exit reasons', reason: 'Reason' },
): string {
  const cards = tiles
    .map((tile) => {
      const rows = (tile.rows ?? ['Inflow', 'Processing', 'Processed', 'Exit']).map((label, index) => row(label, index * 7));
      return (
        `<li><article data-activity-id="${tile.activityId}" data-tile-kind="${tile.kind}" aria-labelledby="tile-${tile.activityId}">` +
        `<p>${tile.kind}</p><h3 id="tile-${tile.activityId}">${escapeHtml(tile.name)}</h3>` +
        `<table><thead><tr><th scope="col">${headings.metric}</th><th scope="col">#</th></tr></thead>` +
        `<tbody>${rows.join('')}</tbody></table></article></li>`
      );
    })
    .join('');
  const reasons = exitReasons.map((label, index) => row(label, index + 3)).join('');

  return (
    `<header><h1 data-journey-name>${journeyName}</h1></header><main>` +
    `<section aria-labelledby="tiles-title"><h2 id="tiles-title">${headings.tiles}</h2><ol>${cards}</ol></section>` +
    `<section aria-labelledby="exit-title"><h2 id="exit-title">${headings.exitReasons}</h2>` +
    `<table><thead><tr><th scope="col">${headings.reason}</th><th scope="col">#</th></tr></thead><tbody>${reasons}</tbody></table>` +
    `</section></main>`
  );
}
