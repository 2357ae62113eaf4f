// Demo journey designer. It mimics the journey record of a marketing app: a Designer tab with tiles and a Data
// panel for the selected tile, and an Insights tab with the Incomplete journeys tables. All text is set with
// textContent, and the page polls the journey API so counts follow new interactions.

const texts = {
  en: {
    customerJourney: 'Customer journey',
    statusReason: 'Status reason',
    startDate: 'Start date',
    recurring: 'Recurring',
    yes: 'Yes',
    no: 'No',
    tabs: { designer: 'Designer', general: 'General', insights: 'Insights', related: 'Related' },
    tileDetails: 'Tile details',
    data: 'Data',
    properties: 'Properties',
    volume: 'Volume',
    volumeKpis: 'Volume KPIs',
    kpis: 'KPIs',
    paths: 'Paths',
    viewDetails: 'View details',
    total: 'Total',
    inProgress: 'In progress',
    processing: 'Processing',
    queued: 'Queued',
    notProcessed: 'Not processed',
    expired: 'Expired',
    inflow: 'Inflow',
    selectTile: 'Select a tile to see its data.',
    overview: 'Overview',
    incompleteJourneys: 'Incomplete journeys',
    reason: 'Reason',
    numberOfContacts: 'Number of contacts',
    contactName: 'Contact name',
    timestamp: 'Timestamp',
    noData: 'No data is available.',
    previous: 'Previous',
    next: 'Next',
    pageOf: '{from}–{to} of {total}',
    overviewText: 'Contacts processed by the first tile: {count}',
    relatedText: 'No related records.',
    name: 'Name',
    kind: 'Kind',
    activityId: 'Activity id',
    emailId: 'Email id',
    journeyId: 'Journey id',
    loadFailed: 'The journey could not be loaded: {message}',
    processingCounter: 'Processing',
    stoppedCounter: 'Stopped',
    inflowCounter: 'Inflow',
    switchJourney: 'Journey',
  },
  de: {
    customerJourney: 'Customer Journey',
    statusReason: 'Statusgrund',
    startDate: 'Startdatum',
    recurring: 'Wiederkehrend',
    yes: 'Ja',
    no: 'Nein',
    tabs: { designer: 'Designer', general: 'Allgemein', insights: 'Einblicke', related: 'Verwandt' },
    tileDetails: 'Kachel-Details',
    data: 'Daten',
    properties: 'Eigenschaften',
    volume: 'Volumen',
    volumeKpis: 'Volumen-KPIs',
    kpis: 'KPIs',
    paths: 'Pfade',
    viewDetails: 'Details anzeigen',
    total: 'Gesamt',
    inProgress: 'In Bearbeitung',
    processing: 'Wird verarbeitet',
    queued: 'In der Warteschlange',
    notProcessed: 'Nicht verarbeitet',
    expired: 'Abgelaufen',
    inflow: 'Zufluss',
    selectTile: 'Wählen Sie eine Kachel aus, um ihre Daten zu sehen.',
    overview: 'Übersicht',
    incompleteJourneys: 'Unvollständige Journeys',
    reason: 'Grund',
    numberOfContacts: 'Anzahl der Kontakte',
    contactName: 'Kontaktname',
    timestamp: 'Zeitstempel',
    noData: 'Es sind keine Daten verfügbar.',
    previous: 'Zurück',
    next: 'Weiter',
    pageOf: '{from}–{to} von {total}',
    overviewText: 'Von der ersten Kachel verarbeitete Kontakte: {count}',
    relatedText: 'Keine verwandten Datensätze.',
    name: 'Name',
    kind: 'Art',
    activityId: 'Aktivitäts-ID',
    emailId: 'E-Mail-ID',
    journeyId: 'Journey-ID',
    loadFailed: 'Die Journey konnte nicht geladen werden: {message}',
    processingCounter: 'Wird verarbeitet',
    stoppedCounter: 'Angehalten',
    inflowCounter: 'Zufluss',
    switchJourney: 'Journey',
  },
};

const params = new URLSearchParams(location.search);
const language = params.get('lang') === 'de' ? 'de' : 'en';
const t = texts[language];
const journeyId = decodeURIComponent(location.pathname.split('/').filter(Boolean).at(-1) ?? '');
const refreshMillis = Number(params.get('refresh') ?? 3000);
const contactsPerPage = 50;

const state = {
  tab: params.get('tab') ?? 'designer',
  selectedTile: params.get('tile'),
  journey: null,
  incomplete: null,
  selectedReason: { stopped: null, blocked: null },
  reasonPage: { stopped: 0, blocked: 0 },
  contacts: { stopped: null, blocked: null },
  rendered: '',
};

const numberFormat = new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-US');
const dateFormat = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-US', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

/** Creates an element. Children that are strings become text nodes, never markup. */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2).toLowerCase(), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
  return element;
}

const format = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => String(values[key]));
const percent = (count, base) => (base > 0 ? `${Math.round((count / base) * 1000) / 10}%` : '0%');

async function getJson(path) {
  const separator = path.includes('?') ? '&' : '?';
  const response = await fetch(`${path}${separator}lang=${language}`);
  const body = await response.json();
  if (!response.ok) throw new Error(body.message ?? response.statusText);
  return body;
}

// ---- Designer tab ----

// Tile geometry in pixels; designer.css sizes .tile to match.
const tileWidth = 168;
const tileHeight = 92;
const columnGap = 76;
const rowGap = 28;

/**
 * Places tiles on a grid whose column is the tile's depth. A tile's first child stays on its row. Every further
 * child (an if/then path or split branch) opens a new row below the rows of the earlier children's subtrees, so
 * the lines of one branch never cross another branch's tiles.
 */
function layoutTiles(tiles) {
  const children = new Map();
  const known = new Set(tiles.map((tile) => tile.activityId));
  for (const tile of tiles) {
    const key = tile.parentActivityId && known.has(tile.parentActivityId) ? tile.parentActivityId : '';
    if (!children.has(key)) children.set(key, []);
    children.get(key).push(tile);
  }

  const cells = [];
  let rows = 0;
  let columns = 0;
  const place = (tile, row, column, parent) => {
    cells.push({ tile, row, column, parent });
    columns = Math.max(columns, column + 1);
    (children.get(tile.activityId) ?? []).forEach((child, index) => place(child, index === 0 ? row : rows++, column + 1, tile));
  };
  for (const root of children.get('') ?? []) place(root, rows++, 0, null);
  return { cells, rows, columns };
}

/** Returns the label of the path from `parent` to `child` as the parent's Paths section shows it, or null. */
function pathLabel(parent, child) {
  const ifThenPaths = { yes: 'pathYes', no: 'pathNo' };
  const resultId = parent.kind === 'split' ? `branch:${child.activityId}` : ifThenPaths[child.path];
  return parent.results.find((result) => result.resultId === resultId)?.label ?? null;
}

const svgNamespace = 'http://www.w3.org/2000/svg';

function svg(tag, attributes, text) {
  const element = document.createElementNS(svgNamespace, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Draws a line from each tile to the next: straight on a row, an elbow down to a path or branch on a later row. */
function connectors(layout, width, height) {
  const lines = svg('svg', { class: 'connectors', width, height, 'aria-hidden': 'true' });
  const x = (column) => column * (tileWidth + columnGap);
  const middle = (row) => row * (tileHeight + rowGap) + tileHeight / 2;
  const byId = new Map(layout.cells.map((cell) => [cell.tile.activityId, cell]));

  for (const cell of layout.cells) {
    if (!cell.parent) continue;
    const from = byId.get(cell.parent.activityId);
    const startX = x(from.column) + tileWidth;
    const bendX = startX + 16;
    const endX = x(cell.column);
    const path = from.row === cell.row ? `M${startX},${middle(cell.row)} H${endX}` : `M${startX},${middle(from.row)} H${bendX} V${middle(cell.row)} H${endX}`;
    lines.append(svg('path', { d: path }));

    const label = pathLabel(cell.parent, cell.tile);
    if (label) lines.append(svg('text', { x: endX - 6, y: middle(cell.row) - 6, 'text-anchor': 'end' }, label));
  }
  return lines;
}

function tileCounters(tile) {
  return h(
    'div',
    { class: 'tile-counters' },
    h('span', { title: t.inflowCounter, 'aria-label': `${t.inflowCounter} ${tile.volume.inflow}` }, `→ ${numberFormat.format(tile.volume.inflow)}`),
    h('span', { title: t.processingCounter, 'aria-label': `${t.processingCounter} ${tile.volume.processing}` }, `⟳ ${numberFormat.format(tile.volume.processing)}`),
    h('span', { title: t.stoppedCounter, 'aria-label': `${t.stoppedCounter} ${tile.volume.stopped}` }, `⊘ ${numberFormat.format(tile.volume.stopped)}`),
  );
}

function renderTile(tile) {
  const selected = tile.activityId === state.selectedTile;
  const select = () => {
    state.selectedTile = tile.activityId;
    updateUrl();
    render(true);
  };
  return h(
    'div',
    {
      class: `tile tile-${tile.kind}${selected ? ' tile-selected' : ''}`,
      role: 'button',
      tabindex: 0,
      'aria-pressed': selected ? 'true' : 'false',
      'aria-label': tile.name,
      'data-activity-id': tile.activityId,
      'data-tile-kind': tile.kind,
      onclick: select,
      onkeydown: (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          select();
        }
      },
    },
    tileCounters(tile),
    h('div', { class: 'tile-kind' }, tile.kindLabel),
    h('div', { class: 'tile-name' }, tile.name),
  );
}

function row(label, count, share, level = 1) {
  return h(
    'div',
    { role: 'row', class: `result-row level-${level}`, 'aria-level': level > 1 ? level : null },
    h('span', { role: 'rowheader' }, label),
    h('span', { role: 'cell', class: 'count' }, numberFormat.format(count)),
    h('span', { role: 'cell', class: 'share' }, h('span', { class: 'share-value' }, share)),
  );
}

function table(label, title, rows, extra = null) {
  return h('section', { 'aria-label': label, class: 'panel-section' }, h('h3', {}, title, extra), h('div', { role: 'table', 'aria-label': label }, rows));
}

function resultRows(tile, section) {
  const processed = tile.volume.processed;
  return tile.results
    .filter((result) => result.section === section)
    .map((result) => row(result.label, result.count, percent(result.count, section === 'paths' ? tile.volume.inflow : processed), result.indent + 1));
}

function renderDataPanel(tile) {
  const volume = tile.volume;
  const total = volume.inflow + volume.queued;
  const result = (id) => tile.results.find((candidate) => candidate.resultId === id);
  const sections = [];

  if (tile.kind === 'email') {
    const rows = [row(t.inflow, volume.inflow, percent(volume.inflow, volume.inflow)), row(t.processing, volume.processing, percent(volume.processing, volume.inflow))];
    for (const id of ['stopped', 'failed']) {
      if (result(id).count > 0) rows.push(row(result(id).label, result(id).count, percent(result(id).count, volume.inflow)));
    }
    rows.push(row(result('processed').label, volume.processed, percent(volume.processed, volume.inflow)));
    sections.push(table('Volume', t.volume, rows));
    sections.push(table('KPIs', t.kpis, resultRows(tile, 'kpis'), h('a', { href: `#email-${tile.emailId ?? ''}`, class: 'view-details' }, t.viewDetails)));
  } else {
    const rows = [
      row(t.total, total, percent(total, total)),
      row(t.inProgress, volume.processing + volume.queued, percent(volume.processing + volume.queued, total)),
      row(t.processing, volume.processing, percent(volume.processing, total), 2),
      row(t.queued, volume.queued, percent(volume.queued, total), 2),
      row(t.notProcessed, volume.stopped, percent(volume.stopped, total)),
      row(result('stopped').label, volume.stopped, percent(volume.stopped, total), 2),
      row(t.expired, 0, '0%', 2),
    ];
    if (result('failed').count > 0) rows.push(row(result('failed').label, volume.failed, percent(volume.failed, total)));
    rows.push(row(result('processed').label, volume.processed, percent(volume.processed, total)));
    sections.push(h('div', { class: 'donut', style: `--share:${total > 0 ? Math.round((volume.processed / total) * 100) : 0}` }, h('span', {}, numberFormat.format(total))));
    sections.push(table('Volume', t.volumeKpis, rows));
  }

  if (tile.results.some((candidate) => candidate.section === 'paths')) {
    sections.push(table('Paths', t.paths, resultRows(tile, 'paths')));
  }

  return h(
    'aside',
    { 'aria-label': 'Tile details', class: 'side-panel' },
    h('h2', {}, tile.name),
    h('div', { role: 'tablist', 'aria-label': 'Tile details tabs', class: 'panel-tabs' }, h('button', { role: 'tab', 'aria-selected': 'true' }, t.data), h('button', { role: 'tab', 'aria-selected': 'false' }, t.properties)),
    h('div', { role: 'tabpanel', 'aria-label': 'Data', class: 'data-panel' }, sections),
  );
}

function renderDesigner() {
  const journey = state.journey;
  const layout = layoutTiles(journey.tiles);
  const width = layout.columns * (tileWidth + columnGap) - columnGap;
  const height = layout.rows * (tileHeight + rowGap) - rowGap;
  const canvas = h(
    'div',
    { class: 'canvas' },
    h(
      'div',
      { class: 'tile-tree', style: `width:${width}px;height:${height}px` },
      connectors(layout, width, height),
      layout.cells.map(({ tile, row, column }) => {
        const element = renderTile(tile);
        element.style.left = `${column * (tileWidth + columnGap)}px`;
        element.style.top = `${row * (tileHeight + rowGap)}px`;
        return element;
      }),
    ),
  );
  const selected = journey.tiles.find((tile) => tile.activityId === state.selectedTile);
  return h(
    'div',
    { role: 'tabpanel', 'aria-label': t.tabs.designer, class: 'designer' },
    canvas,
    selected ? renderDataPanel(selected) : h('aside', { 'aria-label': 'Tile details', class: 'side-panel empty' }, h('p', {}, t.selectTile)),
  );
}

// ---- Insights tab ----

function reasonTable(kind, title) {
  const rows = state.incomplete[kind];
  const selectedId = state.selectedReason[kind] ?? rows[0]?.reasonId;
  const selected = rows.find((reason) => reason.reasonId === selectedId);
  const contactsPage = state.contacts[kind];

  const grid = h(
    'div',
    { role: 'grid', 'aria-label': title, class: 'reason-grid' },
    h('div', { role: 'row', class: 'grid-header' }, h('span', { role: 'columnheader' }, t.reason), h('span', { role: 'columnheader' }, t.numberOfContacts)),
    rows.map((reason) => {
      const choose = () => {
        state.selectedReason[kind] = reason.reasonId;
        state.reasonPage[kind] = 0;
        state.contacts[kind] = null;
        refreshContacts(kind).then(() => render(true));
      };
      return h(
        'div',
        {
          role: 'row',
          tabindex: 0,
          'aria-selected': reason.reasonId === selectedId ? 'true' : 'false',
          class: 'reason-row',
          onclick: choose,
          onkeydown: (event) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              choose();
            }
          },
        },
        h('span', { role: 'gridcell' }, reason.label),
        h('span', { role: 'gridcell', class: 'count' }, numberFormat.format(reason.count)),
      );
    }),
  );

  let list = h('p', { class: 'no-data' }, t.noData);
  if (contactsPage && contactsPage.total > 0) {
    const from = contactsPage.offset + 1;
    const to = contactsPage.offset + contactsPage.contacts.length;
    const turn = (delta) => {
      state.reasonPage[kind] += delta;
      refreshContacts(kind).then(() => render(true));
    };
    list = h(
      'div',
      {},
      h(
        'div',
        { role: 'table', 'aria-label': 'Contacts', class: 'contacts' },
        h('div', { role: 'row', class: 'grid-header' }, h('span', { role: 'columnheader' }, t.contactName), h('span', { role: 'columnheader' }, t.timestamp)),
        contactsPage.contacts.map((contact) =>
          h('div', { role: 'row' }, h('span', { role: 'cell' }, contact.name), h('span', { role: 'cell' }, dateFormat.format(new Date(contact.timestamp)))),
        ),
      ),
      h(
        'div',
        { class: 'pager' },
        h('button', { type: 'button', disabled: contactsPage.offset === 0, onclick: () => turn(-1) }, t.previous),
        h('span', {}, format(t.pageOf, { from: numberFormat.format(from), to: numberFormat.format(to), total: numberFormat.format(contactsPage.total) })),
        h('button', { type: 'button', disabled: to >= contactsPage.total, onclick: () => turn(1) }, t.next),
      ),
    );
  }

  return h(
    'section',
    { 'aria-label': title, class: 'reason-card' },
    h('div', { class: 'card' }, h('h3', {}, title), grid),
    selected
      ? h('section', { role: 'region', 'aria-label': selected.label, 'data-reason-list': '', class: 'card reason-list' }, h('header', {}, h('h4', {}, selected.label)), list)
      : null,
  );
}

function renderInsights() {
  return h(
    'div',
    { role: 'tabpanel', 'aria-label': t.tabs.insights, class: 'insights' },
    h('nav', { class: 'insights-menu' }, h('a', { href: '#overview' }, t.overview), h('a', { href: '#incomplete', 'aria-current': 'page' }, t.incompleteJourneys)),
    h('div', { class: 'incomplete' }, reasonTable('stopped', state.incompleteTitles.stopped), reasonTable('blocked', state.incompleteTitles.blocked)),
  );
}

// ---- Other tabs ----

function renderGeneral() {
  const journey = state.journey;
  const fact = (label, value) => h('div', {}, h('dt', {}, label), h('dd', {}, value));
  return h(
    'div',
    { role: 'tabpanel', 'aria-label': t.tabs.general, class: 'general' },
    h('dl', {}, fact(t.name, journey.name), fact(t.journeyId, journey.journeyId), fact(t.statusReason, journey.status), fact(t.startDate, dateFormat.format(new Date(journey.startDate)))),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', {}, t.activityId), h('th', {}, t.name), h('th', {}, t.kind), h('th', {}, t.emailId))),
      h('tbody', {}, journey.tiles.map((tile) => h('tr', {}, h('td', {}, tile.activityId), h('td', {}, tile.name), h('td', {}, tile.kindLabel), h('td', {}, tile.emailId ?? '')))),
    ),
  );
}

// ---- Page ----

function renderTabs() {
  const tabs = document.querySelector('[role="tablist"][aria-label="Journey"]');
  tabs.replaceChildren(
    ...Object.entries(t.tabs).map(([id, label]) =>
      h(
        'button',
        {
          role: 'tab',
          'aria-selected': state.tab === id ? 'true' : 'false',
          onclick: () => {
            state.tab = id;
            updateUrl();
            refresh().then(() => render(true));
          },
        },
        label,
      ),
    ),
  );
}

function updateUrl() {
  const url = new URL(location.href);
  url.searchParams.set('tab', state.tab);
  if (state.selectedTile) url.searchParams.set('tile', state.selectedTile);
  history.replaceState(null, '', url);
}

/** Rebuilds the tab content when the data changed or `force` is set, as the real designer re-renders. */
function render(force = false) {
  const journey = state.journey;
  const fingerprint = JSON.stringify([state.tab, state.selectedTile, journey, state.incomplete, state.contacts, state.selectedReason]);
  if (!force && fingerprint === state.rendered) return;
  state.rendered = fingerprint;

  document.title = journey.name;
  document.querySelector('[data-journey-name]').textContent = journey.name;
  document.querySelector('[data-journey-status]').textContent = journey.status;
  document.querySelector('[data-journey-start]').textContent = dateFormat.format(new Date(journey.startDate));
  document.querySelector('[data-journey-recurring]').textContent = journey.recurring ? t.yes : t.no;
  renderTabs();

  // Replacing the tab content drops focus, so a focused tile gets it back after the re-render.
  const focusedTile = document.activeElement?.closest?.('[data-activity-id]')?.dataset.activityId;
  const content = document.getElementById('tab-content');
  if (state.tab === 'insights' && state.incomplete) content.replaceChildren(renderInsights());
  else if (state.tab === 'general') content.replaceChildren(renderGeneral());
  else if (state.tab === 'related') content.replaceChildren(h('div', { role: 'tabpanel', 'aria-label': t.tabs.related }, h('p', {}, t.relatedText)));
  else {
    // A wide journey scrolls inside the canvas; keep the user's place when the canvas is rebuilt.
    const scrolled = content.querySelector('.canvas');
    const position = scrolled ? { left: scrolled.scrollLeft, top: scrolled.scrollTop } : null;
    content.replaceChildren(renderDesigner());
    if (position) content.querySelector('.canvas').scrollTo(position);
    if (focusedTile) content.querySelector(`[data-activity-id="${CSS.escape(focusedTile)}"]`)?.focus();
  }
}

async function refreshContacts(kind) {
  const reasons = state.incomplete?.[kind] ?? [];
  const reasonId = state.selectedReason[kind] ?? reasons[0]?.reasonId;
  if (!reasonId) return;
  state.contacts[kind] = await getJson(
    `/api/journeys/${encodeURIComponent(journeyId)}/reasons/${encodeURIComponent(reasonId)}/contacts?offset=${state.reasonPage[kind] * contactsPerPage}&limit=${contactsPerPage}`,
  );
}

async function refresh() {
  const journey = await getJson(`/api/journeys/${encodeURIComponent(journeyId)}`);
  const kindLabels = await kindLabelsOf(journey);
  journey.tiles.forEach((tile) => (tile.kindLabel = kindLabels[tile.kind] ?? tile.kind));
  state.journey = journey;
  if (state.tab === 'insights') {
    state.incomplete = await getJson(`/api/journeys/${encodeURIComponent(journeyId)}/incomplete`);
    await Promise.all([refreshContacts('stopped'), refreshContacts('blocked')]);
  }
}

let catalogLabels = null;
async function kindLabelsOf() {
  catalogLabels ??= await getJson('/api/catalog/labels');
  state.incompleteTitles = catalogLabels.tables;
  return catalogLabels.tileKinds;
}

/** Fills the journey picker in the header; choosing a journey opens its designer in the same tab. */
async function renderJourneySwitcher() {
  const { journeys } = await getJson('/api/journeys');
  const picker = document.querySelector('[data-journey-switcher]');
  picker.setAttribute('aria-label', t.switchJourney);
  picker.replaceChildren(...journeys.map((journey) => h('option', { value: journey.journeyId, selected: journey.journeyId === journeyId }, journey.name)));
  picker.addEventListener('change', () => {
    location.href = `/designer/journeys/${encodeURIComponent(picker.value)}?lang=${language}`;
  });
}

async function start() {
  document.documentElement.lang = language;
  renderJourneySwitcher().catch((error) => console.warn('Journey list failed to load:', error.message));
  document.querySelectorAll('[data-text]').forEach((element) => (element.textContent = t[element.dataset.text]));
  try {
    await refresh();
    render(true);
  } catch (error) {
    document.getElementById('tab-content').replaceChildren(h('p', { role: 'alert' }, format(t.loadFailed, { message: error.message })));
    return;
  }
  setInterval(() => {
    refresh()
      .then(() => render())
      .catch((error) => console.warn('Journey refresh failed:', error.message));
  }, refreshMillis);
}

start();
