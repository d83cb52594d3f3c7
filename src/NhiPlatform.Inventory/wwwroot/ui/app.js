// NhiPlatform operator page: no build step. The access token lives in this closure only (never in storage or the URL).
(() => {
  'use strict';
  const api = '/api/inventory';
  let token = null;
  let cy = null;
  let events = null;
  let refreshTimer = null;

  const $ = (id) => document.getElementById(id);
  const el = (tag, props = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === 'class') node.className = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children.flat()) node.append(child instanceof Node ? child : document.createTextNode(child ?? ''));
    return node;
  };
  const when = (iso) => iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 16) + 'Z' : 'never';

  async function signIn(event) {
    event.preventDefault();
    const id = $('client-id').value.trim();
    const secret = $('client-secret').value;
    $('signin-error').textContent = '';
    const response = await fetch('/connect/token', {
      method: 'POST',
      headers: {
        'Authorization': 'Basic ' + btoa(encodeURIComponent(id) + ':' + encodeURIComponent(secret)),
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials&scope=nhi.read',
    });
    $('client-secret').value = '';
    if (!response.ok) {
      $('signin-error').textContent = 'Sign-in failed (' + response.status + '). Check the client id and secret, and that the identity may ask nhi.read.';
      return;
    }
    token = (await response.json()).access_token;
    $('signin').hidden = true;
    $('app').hidden = false;
    $('search').hidden = false;
    await refresh();
    openLiveUpdates();
  }

  async function get(path) {
    const response = await fetch(api + path, { headers: { 'Authorization': 'Bearer ' + token } });
    if (response.status === 401) { $('live').textContent = 'signed out'; throw new Error('token expired: sign in again'); }
    return response.ok ? response.json() : { problem: response.status };
  }

  async function post(path, body) {
    const response = await fetch(api + path, {
      method: 'POST', headers: { 'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    return response.ok ? response.json() : { problem: response.status };
  }

  async function refresh() {
    await Promise.all([drawMap(), loadFindings()]);
  }

  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, 250);
  }

  async function openLiveUpdates() {
    if (events) events.close();
    try {
      const ticket = await get('/live/ticket');
      events = new EventSource(ticket.url);
      events.addEventListener('ready', () => { $('live').textContent = 'live'; $('live').classList.add('on'); });
      events.addEventListener('changed', scheduleRefresh);
      events.addEventListener('ended', () => {
        // The identity may no longer read: no reconnecting with a new ticket.
        events.close();
        $('live').textContent = 'ended'; $('live').classList.remove('on');
      });
      events.onerror = () => {
        // A ticket is single-use: reconnect with a new one.
        $('live').textContent = 'reconnecting'; $('live').classList.remove('on');
        events.close();
        setTimeout(openLiveUpdates, 1000);
      };
    } catch (error) {
      $('live').textContent = 'offline';
    }
  }

  async function drawMap() {
    const graph = await get('/map');
    const elements = [
      ...graph.nodes.map((n) => ({ data: { id: n.id, label: n.label, kind: n.kind, owner: n.owner ?? '', dormant: n.dormant ? 1 : 0, status: n.status ?? '' } })),
      ...graph.edges.map((e) => ({ data: {
        id: e.source + '->' + e.target, source: e.source, target: e.target, calls: e.calls, denials: e.denials,
        width: Math.min(14, 1 + Math.log2(1 + e.calls)), label: e.calls + (e.denials ? ' (' + e.denials + ' denied)' : ''),
      } })),
    ];
    if (!cy) {
      cy = cytoscape({ container: $('map'), elements, style: mapStyle(), wheelSensitivity: 0.3, maxZoom: 1.4 });
      cy.on('tap', 'node', (event) => showNode(event.target.data()));
      window.nhiMap = { cy };
    } else {
      cy.json({ elements });
    }
    cy.layout({ name: 'breadthfirst', directed: true, spacingFactor: 1.2, padding: 30, animate: false }).run();
    document.body.dataset.nodes = String(graph.nodes.length);
  }

  function mapStyle() {
    return [
      { selector: 'node', style: { 'label': 'data(label)', 'font-size': 11, 'text-wrap': 'ellipsis', 'text-max-width': '140px', 'text-valign': 'bottom', 'text-margin-y': 4, 'width': 26, 'height': 26 } },
      { selector: 'node[kind = "identity"]', style: { 'background-color': '#2563eb' } },
      { selector: 'node[kind = "service"]', style: { 'background-color': '#0f766e', 'shape': 'round-rectangle', 'width': 34 } },
      { selector: 'node[kind = "unverified"]', style: { 'background-color': '#f59e0b', 'shape': 'diamond', 'border-width': 3, 'border-color': '#b91c1c' } },
      { selector: 'node[kind = "anonymous"]', style: { 'background-color': '#9ca3af', 'shape': 'triangle' } },
      { selector: 'node[dormant = 1]', style: { 'background-color': '#cbd5e1', 'color': '#94a3b8' } },
      { selector: 'node[status = "disabled"], node[status = "deleted"]', style: { 'border-width': 3, 'border-color': '#111827', 'border-style': 'dashed' } },
      { selector: 'edge', style: { 'width': 'data(width)', 'line-color': '#94a3b8', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#94a3b8', 'curve-style': 'bezier', 'label': 'data(label)', 'font-size': 9 } },
      { selector: 'edge[denials > 0]', style: { 'line-color': '#dc2626', 'target-arrow-color': '#dc2626' } },
      { selector: ':selected', style: { 'overlay-opacity': 0.15 } },
    ];
  }

  function panel(...children) {
    $('panel').replaceChildren(...children);
  }

  async function showNode(node) {
    if (node.kind === 'service') {
      const service = node.id.slice('service:'.length);
      showCallers('Who calls ' + (service || '(no route)'), await get('/callers?service=' + encodeURIComponent(service)));
      return;
    }
    const card = await get('/identities/' + encodeURIComponent(node.id));
    if (card.problem) { panel(el('h2', {}, node.label), el('p', { class: 'error' }, 'Not found (' + card.problem + ')')); return; }
    showCard(card);
  }

  function showCard(card) {
    const i = card.identity;
    panel(
      el('h2', {}, card.clientId),
      el('dl', { id: 'identity-card' },
        el('dt', {}, 'Owner'), el('dd', { id: 'identity-owner' }, i ? (i.owner || '— none —') : 'unknown (not in the catalogue)'),
        el('dt', {}, 'Purpose'), el('dd', {}, i?.purpose || '—'),
        el('dt', {}, 'Status'), el('dd', {}, (i?.status ?? 'unknown') + (card.dormant ? ' · dormant' : '')),
        el('dt', {}, 'Tags'), el('dd', {}, i ? Object.entries(i.tags).map(([k, v]) => k + '=' + v).join(', ') || '—' : '—'),
        el('dt', {}, 'Scopes'), el('dd', {}, i?.allowedScopes.join(' ') || '—'),
        el('dt', {}, 'Calls'), el('dd', {}, card.usage ? card.usage.calls + ' (' + card.usage.denials + ' denied), last ' + when(card.usage.lastSeen) : 'none'),
        el('dt', {}, 'Authenticated with'), el('dd', { id: 'identity-auth' }, card.usage?.authenticationMethods?.join(', ') || '—'),
      ),
      el('h3', {}, 'Credentials'),
      table(['credential', 'age', 'rotated', 'last used'], card.credentials.map((c) => [
        (c.credential.kind === 'federated' ? 'federated ' + c.credential.hint + ' (' + c.credential.subject + ')' : c.credential.name)
          + (c.credential.revokedAt ? ' (revoked)' : c.expired ? ' (expired)' : ''),
        c.ageDays == null ? '—' : c.ageDays + ' d', c.daysSinceRotation == null ? '—' : c.daysSinceRotation + ' d ago', when(c.credential.lastUsedAt)])),
      el('h3', {}, 'Routes called'),
      table(['route', 'service', 'calls', 'last seen'], card.routes.map((r) => [r.routeId || '(none)', r.service || '—', r.calls + (r.denials ? ' / ' + r.denials + ' denied' : ''), when(r.lastSeen)])),
      el('h3', {}, 'Findings'),
      el('ul', {}, card.findings.map((f) => el('li', {}, el('span', { class: 'sev ' + f.severity }, f.severity), ' ', f.title, ' (' + f.status + ')'))),
    );
  }

  function showCallers(title, callers) {
    panel(el('h2', {}, title), table(['caller', 'owner', 'route', 'calls', 'last seen'],
      (callers.problem ? [] : callers).map((c) => [c.caller, c.owner ?? (c.callerKind === 'identity' ? '—' : c.callerKind), c.routeId, c.calls + (c.denials ? ' / ' + c.denials + ' denied' : ''), when(c.lastSeen)])));
  }

  function table(header, rows) {
    return el('table', {}, el('thead', {}, el('tr', {}, header.map((h) => el('th', {}, h)))),
      el('tbody', {}, rows.length ? rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, String(c))))) : el('tr', {}, el('td', { colspan: String(header.length) }, 'none'))));
  }

  async function loadFindings() {
    const query = new URLSearchParams();
    if ($('filter-status').value) query.set('status', $('filter-status').value);
    if ($('filter-severity').value) query.set('severity', $('filter-severity').value);
    if ($('filter-client').value.trim()) query.set('client_id', $('filter-client').value.trim());
    const findings = await get('/findings?' + query);
    $('finding-list').replaceChildren(...(findings.problem ? [] : findings).map((f) => el('li', {},
      el('span', { class: 'sev ' + f.severity }, f.severity), ' ', f.title, ' ',
      el('small', { class: 'muted' }, f.status + ' · since ' + when(f.firstDetected) + (f.statusBy ? ' · by ' + f.statusBy + ': ' + f.statusReason : '')), ' ',
      f.status !== 'resolved' ? el('button', { class: 'link', type: 'button', onclick: () => changeStatus(f.id, 'acknowledge') }, 'acknowledge') : '', ' ',
      f.status !== 'resolved' ? el('button', { class: 'link', type: 'button', onclick: () => changeStatus(f.id, 'resolve') }, 'resolve') : '')));
  }

  async function changeStatus(id, action) {
    const reason = prompt('Why? (' + action + ')');
    if (!reason) return;
    const result = await post('/findings/' + id + '/' + action, { reason });
    if (result.problem) alert(action + ' needs an identity with nhi.admin (' + result.problem + ')');
    await loadFindings();
  }

  // A token is decoded here only to find its jti and subject; nothing it claims is trusted.
  function decodeJwt(text) {
    const parts = text.trim().split('.');
    if (parts.length !== 3) return null;
    try {
      return JSON.parse(atob(parts[1].replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(parts[1].length / 4) * 4, '=')));
    } catch { return null; }
  }

  async function search(event) {
    event.preventDefault();
    const text = $('search-input').value.trim();
    if (!text) return;
    const claims = decodeJwt(text);
    if (claims) {
      const byJti = claims.jti ? await get('/tokens/' + encodeURIComponent(claims.jti) + '/owner') : { problem: 404 };
      const clientId = byJti.problem ? (claims.client_id ?? claims.sub) : byJti.clientId;
      const card = clientId ? await get('/identities/' + encodeURIComponent(clientId)) : { problem: 404 };
      panel(el('h2', {}, 'Who owns this token'),
        el('p', {}, byJti.problem ? 'The gateway never saw this token id; from its unverified claims:' : 'Used ' + byJti.calls + ' times, last ' + when(byJti.lastSeen) + ' (verified by the gateway).'),
        el('dl', {}, el('dt', {}, 'Client'), el('dd', {}, clientId ?? '—'), el('dt', {}, 'Owner'), el('dd', {}, card.identity?.owner ?? 'unknown'),
          el('dt', {}, 'Issuer'), el('dd', {}, claims.iss ?? '—'), el('dt', {}, 'Expires'), el('dd', {}, claims.exp ? when(claims.exp * 1000) : '—')));
      return;
    }
    const answer = await get('/search?q=' + encodeURIComponent(text));
    if (answer.problem) { panel(el('h2', {}, 'Search'), el('p', { class: 'error' }, 'Search failed (' + answer.problem + ')')); return; }
    panel(el('h2', {}, 'Search: ' + text),
      el('h3', {}, 'Who calls it'), table(['caller', 'owner', 'route', 'calls', 'last seen'],
        answer.callers.map((c) => [c.caller, c.owner ?? c.callerKind, c.routeId, c.calls, when(c.lastSeen)])),
      el('h3', {}, 'Identities'), el('ul', {}, answer.identities.map((i) => el('li', {},
        el('button', { class: 'link', type: 'button', onclick: () => showNode({ id: i.clientId, kind: 'identity', label: i.clientId }) }, i.clientId), ' — owner ' + (i.owner || 'none')))),
      el('h3', {}, 'Credentials: rotated?'), table(['credential', 'owner', 'last rotated', 'expires'],
        answer.credentials.map((c) => [c.credential.name, c.credential.effectiveOwner ?? 'ownerless',
          c.daysSinceRotation == null ? 'never recorded' : when(c.credential.lastRotatedAt ?? c.credential.createdAt) + ' (' + c.daysSinceRotation + ' d ago)',
          when(c.credential.expiresAt)])));
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('signin-form').addEventListener('submit', (event) => signIn(event).catch((error) => { $('signin-error').textContent = String(error); }));
    $('search').addEventListener('submit', search);
    $('finding-filters').addEventListener('change', loadFindings);
    $('finding-filters').addEventListener('submit', (event) => { event.preventDefault(); loadFindings(); });
  });
})();
