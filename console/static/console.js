// The staff console's only script: live queue updates over server-sent events, and canned replies copied
// into the reply box. Every page works without it (forms post, links navigate); this makes it nicer.
(() => {
  'use strict';

  // Canned replies: picking one copies its text into the reply box, where it can be edited before sending.
  for (const select of document.querySelectorAll('select[data-fills]')) {
    select.addEventListener('change', () => {
      const target = document.getElementById(select.dataset.fills);
      const option = select.selectedOptions[0];
      if (target && option && option.dataset.text) {
        target.value = option.dataset.text;
        target.focus();
      }
    });
  }

  // The queue: when any ticket changes, fetch this same page again and swap in its list.
  const feed = document.getElementById('queue-feed');
  const list = () => document.getElementById('queue-list');
  const status = document.getElementById('queue-status');
  if (!feed || !list() || typeof EventSource === 'undefined') return;

  let timer;
  let lastChange = '';
  async function refresh() {
    const response = await fetch(window.location.href, { credentials: 'same-origin', headers: { accept: 'text/html' } });
    if (response.redirected || !response.ok) {
      if (status) status.textContent = 'The queue could not be updated. Reload the page.';
      return;
    }
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const fresh = page.getElementById('queue-list');
    const current = list();
    if (!fresh || !current) return;
    // Keep keyboard focus on the same ticket link when the list is replaced under it.
    const focused = document.activeElement && current.contains(document.activeElement) ? document.activeElement.getAttribute('href') : null;
    current.replaceWith(document.importNode(fresh, true));
    if (focused) {
      const again = list().querySelector('a[href="' + CSS.escape(focused) + '"]');
      if (again) again.focus();
    }
    if (status) status.textContent = 'Queue updated' + (lastChange ? ': ' + lastChange : '') + '.';
  }

  const source = new EventSource(feed.dataset.events, { withCredentials: true });
  source.addEventListener('ticket', (event) => {
    try {
      const data = JSON.parse(event.data);
      lastChange = data.ticket + ' ' + String(data.change).replace('_', ' ');
    } catch {
      lastChange = '';
    }
    // Several changes in a burst cost one fetch.
    clearTimeout(timer);
    timer = setTimeout(() => void refresh().catch(() => {}), 250);
  });
  document.documentElement.dataset.queueLive = 'connecting';
  source.addEventListener('open', () => {
    document.documentElement.dataset.queueLive = 'on';
  });
})();
