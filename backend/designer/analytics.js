// Demo of a real-time journey analytics page: one card per tile with Inflow, Processing, Processed and Exit, and
// the journey's exit reasons. It reads the same journey API as the demo designer, sets all text with
// textContent, rebuilds its content on every refresh as such pages do, and carries no Save-as-segment buttons.

const texts = {
  en: {
    journeyAnalytics: 'Journey analytics',
    tilePerformance: 'Tile performance',
    metric: 'Metric',
    contacts: 'Contacts',
    inflow: 'Inflow',
    processing: 'Processing',
    exit: 'Exit',
    exitReasons: 'Exit reasons',
    reason: 'Reason',
    noExits: 'No contact has exited this journey.',
    updated: 'Updated {time}',
    loadFailed: 'The journey could not be loaded: {message}',
  },
  de: {
    journeyAnalytics: 'Journey-Analyse',
    tilePerformance: 'Leistung der Kacheln',
    metric: 'Kennzahl',
    contacts: 'Kontakte',
    inflow: 'Zufluss',
    processing: 'Wird verarbeitet',
    exit: 'Ausstieg',
    exitReasons: 'Ausstiegsgründe',
    reason: 'Grund',
    noExits: 'Kein Kontakt hat diese Journey verlassen.',
    updated: 'Aktualisiert {time}',
    loadFailed: 'Die Journey konnte nicht geladen werden: {message}',
  },
};

const params = new URLSearchParams(location.search);
const language = params.get('lang') === 'de' ? 'de' : 'en';
const t = texts[language];
const journeyId = decodeURIComponent(location.pathname.split('/').filter(Boolean).at(-1) ?? '');
const refreshMillis = Number(params.get('refresh') ?? 3000);

const numberFormat = new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-US');
const timeFormat = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-US', { timeStyle: 'medium' });
const format = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => String(values[key]));

/** Creates an element. Children that are strings become text nodes, never markup. */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) element.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
  return element;
}

async function getJson(path) {
  const response = await fetch(`${path}?lang=${language}`);
  const body = await response.json();
  if (!response.ok) throw new Error(body.message ?? response.statusText);
  return body;
}

const metricRow = (label, count) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, numberFormat.format(count)));

function table(firstColumn, rows) {
  return h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, firstColumn), h('th', { scope: 'col' }, t.contacts))), h('tbody', {}, rows));
}

/** Builds one tile card. Processed and Exit show the tile's processed and stopped results, so their counts equal the members of those segments. */
function tileCard(tile, kindLabels) {
  const result = (id) => tile.results.find((candidate) => candidate.resultId === id);
  const headingId = `tile-${tile.activityId}`;
  return h(
    'li',
    {},
    h(
      'article',
      { class: 'tile-card', 'data-activity-id': tile.activityId, 'data-tile-kind': tile.kind, 'aria-labelledby': headingId },
      h('p', { class: 'kind' }, kindLabels[tile.kind] ?? tile.kind),
      h('h3', { id: headingId }, tile.name),
      table(t.metric, [
        metricRow(t.inflow, tile.volume.inflow),
        metricRow(t.processing, tile.volume.processing),
        metricRow(result('processed')?.label ?? 'Processed', result('processed')?.count ?? 0),
        metricRow(t.exit, result('stopped')?.count ?? 0),
      ]),
    ),
  );
}

/** Builds the exit reasons section: the stopped-contacts reasons of the journey with at least one contact. */
function exitReasons(incomplete) {
  const reasons = incomplete.stopped.filter((reason) => reason.count > 0);
  const content = reasons.length === 0 ? h('p', { class: 'no-data' }, t.noExits) : table(t.reason, reasons.map((reason) => metricRow(reason.label, reason.count)));
  return h('section', { class: 'exit-reasons', 'aria-labelledby': 'exit-reasons-title' }, h('h2', { id: 'exit-reasons-title' }, t.exitReasons), content);
}

let rendered = '';
let kindLabels = null;

async function refresh() {
  kindLabels ??= (await getJson('/api/catalog/labels')).tileKinds;
  const journey = await getJson(`/api/journeys/${encodeURIComponent(journeyId)}`);
  const incomplete = await getJson(`/api/journeys/${encodeURIComponent(journeyId)}/incomplete`);

  const fingerprint = JSON.stringify([journey, incomplete]);
  if (fingerprint === rendered) return;
  rendered = fingerprint;

  document.title = `${journey.name} - ${t.journeyAnalytics}`;
  document.querySelector('[data-journey-name]').textContent = journey.name;
  document.querySelector('[data-updated]').textContent = format(t.updated, { time: timeFormat.format(new Date()) });
  document.getElementById('analytics').replaceChildren(
    h(
      'section',
      { 'aria-labelledby': 'tiles-title' },
      h('h2', { id: 'tiles-title' }, t.tilePerformance),
      h('ol', { class: 'tile-cards' }, journey.tiles.map((tile) => tileCard(tile, kindLabels))),
    ),
    exitReasons(incomplete),
  );
}

async function start() {
  document.documentElement.lang = language;
  document.querySelectorAll('[data-text]').forEach((element) => (element.textContent = t[element.dataset.text]));
  try {
    await refresh();
  } catch (error) {
    document.getElementById('analytics').replaceChildren(h('p', { role: 'alert' }, format(t.loadFailed, { message: error.message })));
    return;
  }
  setInterval(() => refresh().catch((error) => console.warn('Journey refresh failed:', error.message)), refreshMillis);
}

start();
