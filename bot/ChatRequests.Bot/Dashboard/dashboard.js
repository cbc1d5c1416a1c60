// The dashboard page. Everything shown is set with textContent: item names, team names and reasons are what people
// typed. Inside Teams the page signs in with the tab's SSO token; outside it (Development) the server reads ?as=.
(function () {
  'use strict';
  const query = new URLSearchParams(location.search);
  const form = document.getElementById('filters');
  const FILTERS = ['period', 'team', 'category'];
  for (const name of FILTERS) { if (query.get(name)) form.elements[name].value = query.get(name); }

  // Teams hosts a tab in a frame; a page that is not framed is outside Teams and has no token to ask for.
  const inTeams = window.parent !== window && !!window.microsoftTeams;
  let initialised = null;

  function withTimeout(promise, ms, reason) {
    return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(reason)), ms))]);
  }

  /** { token } inside Teams, {} outside, { error } when Teams would not give a token. */
  async function signIn() {
    if (!inTeams) return {};
    const teams = window.microsoftTeams;
    try {
      initialised ??= withTimeout(teams.app.initialize(), 10000, 'Teams did not answer').then(() => teams.app.notifySuccess());
      await initialised;
      return { token: await teams.authentication.getAuthToken() };
    } catch (e) {
      initialised = null;
      return { error: (e && e.message) || String(e) };
    }
  }

  function el(tag, value, cls) { const e = document.createElement(tag); e.textContent = value; if (cls) e.className = cls; return e; }
  function percent(share) { return share && share.of > 0 ? Math.round(100 * share.count / share.of) + '%' : '–'; }
  function duration(d) { return d && d.p50 ? d.p50 : '–'; }
  function hours(h) { return h < 48 ? h.toFixed(1) + ' h' : (h / 24).toFixed(1) + ' d'; }
  function rows(id, items, cells) {
    const body = document.querySelector('#' + id + ' tbody');
    body.replaceChildren(...items.map(item => { const tr = document.createElement('tr'); tr.append(...cells(item).map(v => el('td', v))); return tr; }));
    const count = document.getElementById(id + '-count');
    if (count) count.textContent = items.length ? '(' + items.length + ')' : '';
  }
  function options(id, values) { document.getElementById(id).replaceChildren(...values.map(v => { const o = document.createElement('option'); o.value = v; return o; })); }

  function tiles(r) {
    const items = [['Logged', r.logged], ['Fulfilled', r.fulfilled], ['Backlog', r.backlog], ['SLA met', percent(r.slaMet)],
      ['First-time fulfilment', percent(r.firstTimeFulfilment)], ['Automated', percent(r.automated)], ['Abandoned forms', percent(r.abandoned)],
      ['Cycle time (p50)', duration(r.cycleTime)], ['Satisfaction', r.csatAverage == null ? '–' : r.csatAverage.toFixed(1) + ' / 5']];
    document.getElementById('tiles').replaceChildren(...items.map(([label, value]) => {
      const tile = el('div', '', 'tile'); tile.append(el('div', String(value), 'value'), el('div', label, 'label')); return tile;
    }));
  }

  function charts(list) {
    document.getElementById('charts').replaceChildren(...list.map(c => {
      const img = document.createElement('img'); img.src = 'data:image/png;base64,' + c.png; img.alt = c.description; return img;
    }));
  }

  function showReport(body) {
    document.getElementById('covers').textContent = body ? '— ' + body.covers + ', ' + body.report.scope.period.label : '';
    const r = body ? body.report : null;
    if (r) tiles(r); else document.getElementById('tiles').replaceChildren();
    charts(body ? body.charts : []);
    rows('categories', r ? r.byCategory : [], c => [c.category, String(c.logged), duration(c.approvalWait), duration(c.fulfilment)]);
    if (r) options('category-names', r.byCategory.map(c => c.category));
  }

  function showLive(status, body) {
    const board = status === 200 ? body : null;
    document.getElementById('live-message').textContent = board ? (board.teams.length ? 'Open now in ' + board.teams.join(', ') + '.' : 'No team of yours by that name.') : body.text;
    rows('queue', board ? board.queue : [], q => [q.id, q.item, q.why, q.team, q.state, q.assignee || 'nobody yet', hours(q.ageHours)]);
    const now = board ? Date.parse(board.now) : 0;
    rows('breaches', board ? board.breaches : [], q => [q.id, q.item, q.team, q.state, q.assignee || 'nobody yet', hours((now - Date.parse(q.dueAt)) / 3600000)]);
    rows('parked', board ? board.parked : [], p => [p.requestId, p.item, p.team, p.event, String(p.attempts), new Date(p.parkedAt).toLocaleString(), p.reason || '']);
    document.getElementById('parked-message').textContent = board && !board.parkedShown ? 'Parked events are shown to the lead of the team that owns the request.' : '';
    if (board && !form.elements.team.value) options('team-names', board.teams);
  }

  async function load() {
    const message = document.getElementById('message');
    const sso = await signIn();
    if (sso.error) {
      message.textContent = 'Teams single sign-on failed (' + sso.error + '). Reload the tab; if it keeps failing, your Teams admin should check the app\'s sign-in set-up.';
      showReport(null); showLive(0, { text: '' });
      return;
    }
    const params = new URLSearchParams();
    for (const name of FILTERS) { const v = form.elements[name].value.trim(); if (v) params.set(name, v); }
    if (!inTeams && query.get('as')) params.set('as', query.get('as'));
    const headers = sso.token ? { Authorization: 'Bearer ' + sso.token } : {};
    const [report, live] = await Promise.all(['report', 'live'].map(async api => {
      const response = await fetch('/dashboard/api/' + api + '?' + params, { headers });
      return { status: response.status, body: await response.json() };
    }));
    message.textContent = report.status === 200 ? '' : report.body.title + ': ' + report.body.text;
    showReport(report.status === 200 ? report.body : null);
    showLive(live.status, live.body);
    document.body.dataset.loaded = 'true';
  }

  form.addEventListener('submit', e => { e.preventDefault(); load(); });
  load();
})();
