// The analyst page: searches the caller's customers through GET /tenants as the user types.
// Customer data is only ever written with textContent: no markup is built from data.
'use strict';

(() => {
  const PAGE_SIZE = 25;
  const HEALTH_TEXT = {
    ok: 'Access OK',
    expiring: 'Expiring',
    expired: 'Expired',
    'no-role': 'No role',
    none: 'No GDAP',
    unknown: 'Unknown',
  };
  const TYPING_PAUSE_MS = 150;

  const form = document.getElementById('search');
  const input = document.getElementById('q');
  const status = document.getElementById('status');
  const results = document.getElementById('results');
  const suggestions = document.getElementById('suggestions');
  const pager = document.getElementById('pager');
  const prev = document.getElementById('prev');
  const next = document.getElementById('next');
  const pageInfo = document.getElementById('page-info');
  const portals = Array.from(document.getElementById('portals').content.querySelectorAll('a.portal'))
    .map((a) => ({ portal: a.dataset.portal, label: a.textContent, needs: (a.dataset.needs || '').split(' ').filter(Boolean) }));
  // What a link needs that a customer may lack; the SharePoint name comes from the initial domain unless set.
  const NEEDED = {
    initialDomain: { has: (c) => c.initialDomain, text: 'the customer’s initial (onmicrosoft.com) domain' },
    defaultDomain: { has: (c) => c.defaultDomain, text: 'the customer’s default domain' },
    sharepointName: { has: (c) => c.sharepointName || c.initialDomain, text: 'the customer’s initial (onmicrosoft.com) domain' },
  };
  function missing(customer, p) {
    return p.needs.filter((field) => NEEDED[field] && !NEEDED[field].has(customer)).map((field) => NEEDED[field].text);
  }

  let current = { q: null, page: 0, items: [], total: 0 };
  let latest = null;
  let typingTimer = null;

  function portalHref(tenantId, portal) {
    return '/tenants/' + encodeURIComponent(tenantId) + '/portal?portal=' + encodeURIComponent(portal);
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (response.status === 401) {
      // The session ended: a navigation signs in again and comes back here.
      window.location.reload();
      throw new Error('signed out');
    }
    const body = await response.json().catch(() => ({}));
    return { status: response.status, body };
  }

  // One request per (query, page); the newest request is the one that renders.
  function search(q, page) {
    const key = JSON.stringify([q, page]);
    if (latest && latest.key === key) {
      return latest.promise;
    }
    const params = new URLSearchParams({ q, page: String(page), size: String(PAGE_SIZE) });
    const promise = getJson('/tenants?' + params).then(async (answer) => {
      if (latest && latest.key === key) {
        await render(q, page, answer);
      }
      return current;
    });
    latest = { key, promise };
    return promise;
  }

  // Resolves once the list, and for an empty list the resolver's answer, is on the page.
  async function render(q, page, answer) {
    clear(results);
    suggestions.hidden = true;
    if (answer.status !== 200) {
      current = { q, page, items: [], total: 0 };
      say(answer.body.detail || 'The search failed (' + answer.status + ').');
      pager.hidden = true;
      return;
    }
    const items = answer.body.items || [];
    current = { q, page, items, total: answer.body.total };
    // The search stays in the address, so Back from a portal returns to it.
    window.history.replaceState(null, '', q === '' ? '/' : '/?' + new URLSearchParams({ q }));
    items.forEach((customer) => results.appendChild(row(customer)));
    renderPager();
    if (items.length > 0) {
      const first = page * PAGE_SIZE + 1;
      say(current.total === 1 ? '1 customer' : 'Customers ' + first + '–' + (first + items.length - 1)
        + ' of ' + current.total.toLocaleString('en'));
    } else if (q === '') {
      say('This MSSP has no customers yet.');
    } else {
      say('No customer matches “' + q + '”.');
      await suggest(q);
    }
  }

  function renderPager() {
    const pages = Math.ceil(current.total / PAGE_SIZE);
    pager.hidden = pages <= 1;
    prev.disabled = current.page === 0;
    next.disabled = current.page >= pages - 1;
    pageInfo.textContent = 'Page ' + (current.page + 1) + ' of ' + pages;
  }

  // Nothing in the list: ask the resolver, which knows looser names and similar customers.
  async function suggest(q) {
    const asked = latest;
    const answer = await getJson('/tenants/' + encodeURIComponent(q));
    if (asked !== latest) {
      return;
    }
    if (answer.status === 200) {
      current.items = [answer.body];
      current.total = 1;
      results.appendChild(row(answer.body));
      say('No customer name contains “' + q + '”, but it names this customer:');
      return;
    }
    const names = answer.status === 409
      ? (answer.body.candidates || []).map((c) => c.displayName)
      : (answer.body.suggestions || []);
    if (names.length === 0) {
      return;
    }
    const list = suggestions.querySelector('ul');
    clear(list);
    names.forEach((name) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = name;
      button.addEventListener('click', () => {
        input.value = name;
        input.focus();
        search(name, 0);
      });
      item.appendChild(button);
      list.appendChild(item);
    });
    suggestions.hidden = false;
  }

  function row(customer) {
    const item = document.createElement('li');
    item.className = 'customer';

    const who = element('div', 'who');
    who.appendChild(element('span', 'name', customer.displayName));
    who.appendChild(element('span', 'domain', customer.defaultDomain || customer.initialDomain || '—'));
    item.appendChild(who);

    const tenant = element('div', 'tenant');
    const tid = element('code', 'tid', customer.tenantId);
    tenant.appendChild(tid);
    const copy = element('button', 'copy', 'Copy');
    copy.type = 'button';
    copy.setAttribute('aria-label', 'Copy the tenant id of ' + customer.displayName);
    copy.addEventListener('click', () => copyText(tid, copy));
    tenant.appendChild(copy);
    item.appendChild(tenant);

    const links = element('div', 'portals');
    // Why a portal is unavailable is visible text beside the buttons (for touch and keyboard users
    // too, not a hover tooltip), and each unavailable button is described by it for screen readers.
    const unavailable = portals.filter((p) => missing(customer, p).length > 0);
    const why = 'unavailable-' + customer.tenantId;
    portals.forEach((p) => {
      // Each button sits with its link health (text, not colour alone), which also describes it.
      // An unavailable button gets none: the note about its missing domain is what matters there.
      const cell = element('span', 'portal-cell');
      const health = unavailable.includes(p) ? null : healthBadge(customer, p);
      if (unavailable.includes(p)) {
        const off = element('span', 'portal disabled', p.label);
        off.setAttribute('role', 'link');
        off.setAttribute('aria-disabled', 'true');
        off.setAttribute('aria-describedby', why);
        cell.appendChild(off);
      } else {
        const link = element('a', 'portal', p.label);
        link.href = portalHref(customer.tenantId, p.portal);
        link.dataset.portal = p.portal;
        link.setAttribute('aria-label', p.label + ' portal of ' + customer.displayName);
        if (health) {
          link.setAttribute('aria-describedby', health.id);
        }
        cell.appendChild(link);
      }
      if (health) {
        cell.appendChild(health);
      }
      links.appendChild(cell);
    });
    item.appendChild(links);
    if (unavailable.length > 0) {
      // One sentence per missing value, naming the portals that need it.
      const byNeed = new Map();
      unavailable.forEach((p) => missing(customer, p).forEach((text) => {
        if (!byNeed.has(text)) byNeed.set(text, []);
        if (!byNeed.get(text).includes(p.label)) byNeed.get(text).push(p.label);
      }));
      const sentences = Array.from(byNeed.entries()).map(([text, labels]) => {
        const names = labels.length === 1 ? labels[0]
          : labels.slice(0, -1).join(', ') + ' and ' + labels[labels.length - 1];
        return names + (labels.length === 1 ? ' needs ' : ' need ') + text + ', which is not known.';
      });
      const note = element('p', 'unavailable', sentences.join(' '));
      note.id = why;
      item.appendChild(note);
      item.classList.add('has-unavailable');
    }
    return item;
  }

  // Without clipboard access (no permission, or not https), the id is selected for Ctrl+C instead.
  async function copyText(source, button) {
    try {
      await navigator.clipboard.writeText(source.textContent);
      button.textContent = 'Copied';
    } catch (e) {
      const range = document.createRange();
      range.selectNodeContents(source);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
      button.textContent = 'Press Ctrl+C';
    }
    setTimeout(() => { button.textContent = 'Copy'; }, 2000);
  }

  function element(tag, className, text) {
    const e = document.createElement(tag);
    e.className = className;
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function say(text) {
    status.textContent = text;
  }

  input.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => search(input.value.trim(), 0), TYPING_PAUSE_MS);
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      input.value = '';
      search('', 0);
    } else if (event.key === 'ArrowDown') {
      moveToRow(results.firstElementChild, event);
    }
  });

  // Up and down move between the customers' first portal links; up from the first row returns to the search.
  results.addEventListener('keydown', (event) => {
    const item = event.target.closest('li.customer');
    if (event.key === 'ArrowDown') {
      moveToRow(item && item.nextElementSibling, event);
    } else if (event.key === 'ArrowUp') {
      if (item && !item.previousElementSibling) {
        event.preventDefault();
        input.focus();
      } else {
        moveToRow(item && item.previousElementSibling, event);
      }
    }
  });

  function moveToRow(item, event) {
    const link = item && item.querySelector('a.portal');
    if (link) {
      event.preventDefault();
      link.focus();
    }
  }

  // The server's name key (io.tenantportal.tenant.NameKey.exact): NFKC, case folded, white space
  // collapsed. The page needs it only to tell whether the first hit is exactly what was typed.
  function nameKey(text) {
    const folded = text.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
    return folded.replace(/[\s\p{Z}]+/gu, ' ').trim();
  }

  // The list puts the customer the search names exactly (tenant id, display name, alias or domain)
  // first. Comparing here instead of asking GET /tenants/{name} keeps Enter to one request and
  // never lets a looser match, or a Graph lookup, decide.
  function namedExactly(customer, q) {
    const key = nameKey(q);
    const names = [customer.tenantId, customer.displayName, customer.defaultDomain, customer.initialDomain]
      .concat(customer.domains || [], customer.aliases || []);
    return names.some((name) => name && nameKey(name) === key);
  }

  // Enter, once the list for what is typed now is in: the customer named exactly, else the only
  // hit, opens its Defender portal. Several hits and none exact: nothing is guessed.
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    const q = input.value.trim();
    await search(q, 0);
    if (current.q !== q || current.page !== 0 || current.items.length === 0) {
      return;
    }
    const first = current.items[0];
    if (current.total === 1 || (q !== '' && namedExactly(first, q))) {
      window.location.assign(portalHref(first.tenantId, 'defender'));
    } else {
      say(current.total.toLocaleString('en') + ' customers match; choose one with ↓');
    }
  });

  // Paging starts reading at the top of the new page: the list is scrolled into view and the first
  // customer's first portal takes the focus (↓ and ↑ go on from there).
  async function turnTo(page) {
    const q = current.q;
    await search(q, page);
    if (current.q !== q || current.page !== page) {
      return;
    }
    status.scrollIntoView({ block: 'start' });
    const link = results.querySelector('a.portal');
    if (link) {
      link.focus({ preventScroll: true });
    }
  }

  prev.addEventListener('click', () => turnTo(current.page - 1));
  next.addEventListener('click', () => turnTo(current.page + 1));

  // An import changed the customers: show the list as it is now.
  document.addEventListener('customers-changed', () => {
    latest = null;
    search(current.q === null ? '' : current.q, 0);
  });

  input.value = new URLSearchParams(window.location.search).get('q') || '';
  search(input.value.trim(), 0);
  // The link health of one portal of a customer (README "Link health"): a short visible verdict,
  // its meaning as a tooltip. Nothing when the answer carries no health.
  function healthBadge(customer, p) {
    const health = customer.health && customer.health[p.portal];
    if (!health || !HEALTH_TEXT[health.verdict]) {
      return null;
    }
    const text = health.verdict === 'expiring' && health.endsAt
      ? 'Expires ' + health.endsAt.slice(0, 10)
      : HEALTH_TEXT[health.verdict];
    const badge = element('span', 'health health-' + health.verdict, text);
    badge.id = 'health-' + p.portal + '-' + customer.tenantId;
    badge.dataset.verdict = health.verdict;
    badge.title = health.detail || '';
    return badge;
  }
})();
