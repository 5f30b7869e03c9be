/*
 * Libdesk web chat widget. Plain JavaScript, no framework, no build step: add
 *   <script src="https://your-libdesk/widget.js" defer data-title="Riverside Public Library"></script>
 * to a page. It draws a floating button that opens a chat panel, asks the server for a signed chat
 * session and keeps it in localStorage so the conversation survives reloads (history comes back from
 * the server), and listens on a server-sent event stream for staff answers.
 *
 * Shared public PCs: a chat idle for longer than the server's idle time is over; the widget then clears
 * itself, so the next patron sees an empty chat. "End chat" ends it at once, on the server too.
 * On another site than Libdesk's own, that site's origin must be listed in WIDGET_ORIGINS.
 *
 * Replies from the assistant and from staff may carry Markdown (bold, links, lists): they are rendered with
 * marked and cleaned with DOMPurify, both served in front of this file (widget-script.ts) as
 * `libdeskVendor`. Without them a reply is shown as plain text. The patron's own words are always text.
 */
(function () {
  'use strict';
  if (window.__libdeskChat) return;
  window.__libdeskChat = true;

  var script = document.currentScript;
  var origin = new URL(script && script.src ? script.src : '/widget.js', window.location.href).origin;
  var title = (script && script.getAttribute('data-title')) || 'the library';
  var SESSION_KEY = 'libdesk.chat.session';
  var ACTIVE_KEY = 'libdesk.chat.lastActive';
  var IDLE_KEY = 'libdesk.chat.idleSeconds';
  var OPEN_KEY = 'libdesk.chat.open';
  var GREETING = 'Hi! Ask me about opening hours, finding a book, your account, or a computer or printer that is not working.';

  var STYLE = [
    '.ld-root{--ld-accent:#0b5cad;--ld-ink:#1b1f24;--ld-line:#d0d7de;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ld-ink)}',
    '.ld-root *{box-sizing:border-box}',
    '.ld-sr{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}',
    '.ld-launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;display:flex;align-items:center;gap:8px;min-height:48px;padding:0 20px;border:0;border-radius:24px;background:var(--ld-accent);color:#fff;font:inherit;font-weight:600;box-shadow:0 4px 14px rgba(0,0,0,.25);cursor:pointer}',
    '.ld-launcher:focus-visible,.ld-root button:focus-visible,.ld-root textarea:focus-visible,.ld-log:focus-visible{outline:3px solid #f2a900;outline-offset:2px}',
    '.ld-badge{display:inline-block;min-width:20px;padding:0 6px;border-radius:10px;background:#cf222e;color:#fff;font-size:12px;line-height:20px;text-align:center}',
    '.ld-panel{position:fixed;right:20px;bottom:80px;z-index:2147483001;display:flex;flex-direction:column;width:min(380px,calc(100vw - 40px));height:min(560px,calc(100vh - 110px));background:#fff;border:1px solid var(--ld-line);border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25);overflow:hidden}',
    '.ld-panel[hidden]{display:none}',
    '.ld-head{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:12px 14px;background:var(--ld-accent);color:#fff}',
    '.ld-head h2{margin:0;font-size:16px;flex:1}',
    '.ld-end{min-height:36px;padding:0 10px;border:1px solid rgba(255,255,255,.7);border-radius:6px;background:transparent;color:#fff;font:inherit;font-size:13px;cursor:pointer}',
    '.ld-end[hidden]{display:none}',
    '.ld-close{min-width:44px;min-height:44px;border:0;background:transparent;color:#fff;font-size:24px;line-height:1;cursor:pointer;border-radius:6px}',
    '.ld-log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;background:#f6f8fa}',
    '.ld-msg{max-width:85%;padding:8px 12px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere}',
    '.ld-from-patron{align-self:flex-end;background:var(--ld-accent);color:#fff;border-bottom-right-radius:4px}',
    '.ld-from-assistant,.ld-from-staff{align-self:flex-start;background:#fff;border:1px solid var(--ld-line);border-bottom-left-radius:4px}',
    '.ld-from-staff{border-color:#1a7f37}',
    '.ld-who{display:block;font-size:12px;font-weight:600;color:#1a7f37}',
    '.ld-md{white-space:normal}',
    '.ld-md p,.ld-md ul,.ld-md ol,.ld-md pre,.ld-md blockquote,.ld-md table{margin:0 0 6px}',
    '.ld-md>:last-child{margin-bottom:0}',
    '.ld-md ul,.ld-md ol{padding-left:20px}',
    '.ld-md a{color:var(--ld-accent);text-decoration:underline}',
    '.ld-md code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.92em;background:#f6f8fa;border-radius:4px;padding:0 3px}',
    '.ld-md pre{white-space:pre-wrap;background:#f6f8fa;border-radius:6px;padding:6px 8px}',
    '.ld-md blockquote{border-left:3px solid var(--ld-line);padding-left:8px;color:#57606a}',
    '.ld-md table{border-collapse:collapse}',
    '.ld-md th,.ld-md td{border:1px solid var(--ld-line);padding:2px 6px;text-align:left}',
    '.ld-card{margin-top:8px;padding:8px 10px;border:1px solid var(--ld-line);border-radius:8px;background:#f6f8fa;white-space:normal}',
    '.ld-card strong{display:block}',
    '.ld-card ul{margin:4px 0 0;padding-left:18px}',
    '.ld-card a{color:var(--ld-accent)}',
    '.ld-quick{display:flex;flex-wrap:wrap;gap:6px;align-self:flex-start}',
    '.ld-quick button{min-height:36px;padding:4px 12px;border:1px solid var(--ld-accent);border-radius:18px;background:#fff;color:var(--ld-accent);font:inherit;cursor:pointer}',
    '.ld-typing{align-self:flex-start;color:#57606a;font-style:italic}',
    '.ld-error{margin:0;padding:8px 12px;background:#ffebe9;color:#82071e;border-top:1px solid #cf222e}',
    '.ld-error:empty{display:none}',
    '.ld-form{display:flex;gap:8px;padding:10px;border-top:1px solid var(--ld-line);background:#fff}',
    '.ld-form textarea{flex:1;min-height:44px;max-height:120px;padding:10px;border:1px solid #8c959f;border-radius:8px;font:inherit;resize:none}',
    '.ld-send{min-width:64px;min-height:44px;border:0;border-radius:8px;background:var(--ld-accent);color:#fff;font:inherit;font-weight:600;cursor:pointer}',
    '.ld-send[disabled]{opacity:.6;cursor:default}',
    '@media (max-width:480px){.ld-panel{inset:0;width:100%;height:100%;border-radius:0;border:0}.ld-launcher{right:12px;bottom:12px}}',
  ].join('\n');

  // ---- session -------------------------------------------------------------------------------------

  function randomId(bytes) {
    var data = new Uint8Array(bytes);
    window.crypto.getRandomValues(data);
    return Array.prototype.map.call(data, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function storage(kind) {
    try {
      var store = window[kind];
      var probe = '__libdesk';
      store.setItem(probe, probe);
      store.removeItem(probe);
      return store;
    } catch (e) {
      return null; // private mode or storage blocked: the chat still works for this page view
    }
  }

  var local = storage('localStorage');
  var perTab = storage('sessionStorage');
  var TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/;
  var session = local && TOKEN_PATTERN.test(local.getItem(SESSION_KEY) || '') ? local.getItem(SESSION_KEY) : null;

  function idleMs() {
    var seconds = Number(local && local.getItem(IDLE_KEY));
    return (seconds > 0 ? seconds : 30 * 60) * 1000;
  }

  function lastActive() {
    return Number(local && local.getItem(ACTIVE_KEY)) || 0;
  }

  function markActive() {
    if (local) local.setItem(ACTIVE_KEY, String(Date.now()));
  }

  // A chat left idle (the previous patron at a shared PC walked away) is not restored at all.
  if (session && Date.now() - lastActive() > idleMs()) forgetSession();

  function forgetSession() {
    session = null;
    if (local) {
      local.removeItem(SESSION_KEY);
      local.removeItem(ACTIVE_KEY);
    }
    if (perTab) perTab.removeItem(OPEN_KEY);
  }

  var starting = null;

  /** A session token from the server, asked for on the first message. */
  function ensureSession() {
    if (session) return Promise.resolve(session);
    if (starting) return starting;
    starting = fetch(origin + '/api/v1/chat/sessions', { method: 'POST' })
      .then(function (response) {
        if (!response.ok) return readError(response).then(function (message) { throw new Error(message); });
        return response.json();
      })
      .then(function (body) {
        session = body.session;
        if (local) {
          local.setItem(SESSION_KEY, session);
          local.setItem(IDLE_KEY, String(body.idleSeconds || ''));
        }
        markActive();
        return session;
      })
      .then(
        function (value) { starting = null; return value; },
        function (error) { starting = null; throw error; }
      );
    return starting;
  }

  // ---- elements ------------------------------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === 'text') node.textContent = attrs[key];
      else if (attrs[key] !== false && attrs[key] != null) node.setAttribute(key, attrs[key] === true ? '' : attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  // An inline SVG rather than an emoji: emoji fonts are missing on many kiosks and library PCs.
  function chatIcon() {
    var svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '20');
    svg.setAttribute('height', '20');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('fill', 'currentColor');
    path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z');
    svg.appendChild(path);
    return svg;
  }

  var style = el('style', { text: STYLE });
  var root = el('div', { class: 'ld-root' });
  var badge = el('span', { class: 'ld-badge', hidden: true });
  var launcher = el('button', { type: 'button', class: 'ld-launcher', 'aria-expanded': 'false', 'aria-controls': 'ld-panel' }, [
    chatIcon(),
    el('span', { text: 'Chat with us' }),
    badge,
  ]);
  var closeButton = el('button', { type: 'button', class: 'ld-close', 'aria-label': 'Close chat', text: '×' });
  var endButton = el('button', { type: 'button', class: 'ld-end', text: 'End chat', hidden: true });
  var log = el('div', { class: 'ld-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': 'Conversation', tabindex: '0' });
  var errorBox = el('p', { class: 'ld-error', role: 'alert' });
  var input = el('textarea', { id: 'ld-input', name: 'message', rows: '1', maxlength: '8000', autocomplete: 'off', enterkeyhint: 'send' });
  var sendButton = el('button', { type: 'submit', class: 'ld-send', text: 'Send' });
  var form = el('form', { class: 'ld-form' }, [el('label', { for: 'ld-input', class: 'ld-sr', text: 'Your message' }), input, sendButton]);
  var panel = el('section', { id: 'ld-panel', class: 'ld-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'ld-title', hidden: true }, [
    el('div', { class: 'ld-head' }, [el('h2', { id: 'ld-title', text: 'Ask ' + title }), endButton, closeButton]),
    log,
    errorBox,
    form,
  ]);
  root.appendChild(launcher);
  root.appendChild(panel);

  // ---- rendering -----------------------------------------------------------------------------------

  var WHO = { patron: 'You said', assistant: 'Library assistant', staff: 'Library staff' };
  var quickRow = null;
  var typing = null;
  var unread = 0;

  function safeUrl(url) {
    try {
      var parsed = new URL(url, window.location.href);
      return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function renderCard(card) {
    var box = el('div', { class: 'ld-card' }, [el('strong', { text: card.title })]);
    if (card.lines && card.lines.length) {
      box.appendChild(el('ul', {}, card.lines.map(function (line) { return el('li', { text: line }); })));
    }
    var href = card.url && safeUrl(card.url);
    if (href) box.appendChild(el('a', { href: href, target: '_blank', rel: 'noopener noreferrer', text: 'More about ' + card.title }));
    return box;
  }

  // ---- Markdown in replies ---------------------------------------------------------------------------

  var vendor = typeof libdeskVendor === 'object' && libdeskVendor ? libdeskVendor : {};
  var markdown = null;
  var purifier = null;

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  // Only what Markdown makes, and no images: a picture from elsewhere would tell a third party who is chatting.
  var ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'b', 'i', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'];

  function setUpMarkdown() {
    if (!vendor.marked || typeof vendor.marked.Marked !== 'function' || typeof vendor.DOMPurify !== 'function') return false;
    purifier = vendor.DOMPurify(window);
    if (!purifier.isSupported) return false;
    markdown = new vendor.marked.Marked({ gfm: true, breaks: true, async: false });
    markdown.use({
      renderer: {
        // HTML typed into a reply is shown as the text it is, never parsed as markup.
        html: function (token) { return escapeHtml(token.text); },
        // A heading inside a chat bubble would break the page's outline for screen readers: bold text instead.
        heading: function (token) { return '<p><strong>' + this.parser.parseInline(token.tokens) + '</strong></p>'; },
        image: function (token) { return escapeHtml(token.text || ''); },
      },
    });
    // Every remaining link goes to a web, mail or phone address and opens apart from the host page.
    purifier.addHook('afterSanitizeAttributes', function (node) {
      if (node.nodeName !== 'A') return;
      var href = node.getAttribute('href');
      var safe = href && (/^(mailto|tel):/i.test(href) ? href : safeUrl(href));
      if (!safe) {
        node.removeAttribute('href');
        return;
      }
      node.setAttribute('href', safe);
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    });
    return true;
  }

  var markdownReady = false;
  try {
    markdownReady = setUpMarkdown();
  } catch (e) {
    markdownReady = false; // plain text it is: a reply is never lost to a rendering problem
  }

  /** A reply's text as a node: formatted Markdown when the libraries are there, else the text as it is. */
  function replyBody(text) {
    if (markdownReady) {
      try {
        var fragment = purifier.sanitize(markdown.parse(String(text)), {
          ALLOWED_TAGS: ALLOWED_TAGS,
          ALLOWED_ATTR: ['href', 'title', 'start', 'align'],
          RETURN_DOM_FRAGMENT: true,
        });
        var box = el('div', { class: 'ld-md' });
        box.appendChild(fragment);
        return box;
      } catch (e) { /* fall through to plain text */ }
    }
    return document.createTextNode(text);
  }

  function clearQuickReplies() {
    if (quickRow) quickRow.remove();
    quickRow = null;
  }

  function renderQuickReplies(labels) {
    clearQuickReplies();
    if (!labels || !labels.length) return;
    quickRow = el('div', { class: 'ld-quick', role: 'group', 'aria-label': 'Suggested replies' }, labels.map(function (label) {
      var button = el('button', { type: 'button', text: label });
      button.addEventListener('click', function () { send(label); });
      return button;
    }));
    log.appendChild(quickRow);
  }

  function addMessage(entry, options) {
    var from = WHO[entry.from] ? entry.from : 'assistant';
    var bubble = el('div', { class: 'ld-msg ld-from-' + from, 'data-from': from });
    if (from === 'staff') bubble.appendChild(el('span', { class: 'ld-who', text: WHO.staff }));
    else bubble.appendChild(el('span', { class: 'ld-sr', text: WHO[from] + ': ' }));
    bubble.appendChild(from === 'patron' ? document.createTextNode(entry.text) : replyBody(entry.text));
    (entry.cards || []).forEach(function (card) { bubble.appendChild(renderCard(card)); });
    if (entry.at) bubble.title = new Date(entry.at).toLocaleString();
    clearQuickReplies();
    log.insertBefore(bubble, typing);
    if (from !== 'patron' && (!options || options.quickReplies !== false)) renderQuickReplies(entry.quickReplies);
    log.scrollTop = log.scrollHeight;
    if (from !== 'patron' && panel.hidden && !(options && options.restoring)) {
      unread += 1;
      badge.textContent = String(unread);
      badge.hidden = false;
      badge.setAttribute('aria-label', unread + ' new');
    }
  }

  function setTyping(on) {
    if (on && !typing) {
      typing = el('div', { class: 'ld-typing', text: 'The library assistant is writing…' });
      log.appendChild(typing);
      log.scrollTop = log.scrollHeight;
    } else if (!on && typing) {
      typing.remove();
      typing = null;
    }
  }

  // ---- server --------------------------------------------------------------------------------------

  function readError(response) {
    return response.json().then(
      function (body) { return (body && body.error && body.error.message) || 'Something went wrong.'; },
      function () { return 'Something went wrong (' + response.status + ').'; }
    );
  }

  var sending = false;

  function postToServer(text, messageId) {
    return fetch(origin + '/api/v1/chat/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ session: session, text: text, clientMessageId: messageId }),
    }).then(function (response) {
      if (response.ok) return response.json();
      return response.json().then(
        function (body) { var error = new Error((body && body.error && body.error.message) || 'Something went wrong.'); error.code = body && body.error && body.error.code; throw error; },
        function () { throw new Error('Something went wrong (' + response.status + ').'); }
      );
    });
  }

  function send(text) {
    text = String(text || '').trim();
    if (!text || sending) return;
    sending = true;
    sendButton.disabled = true;
    errorBox.textContent = '';
    addMessage({ from: 'patron', text: text, at: new Date().toISOString() });
    setTyping(true);
    var messageId = randomId(12);
    ensureSession()
      .then(function () {
        openStream();
        endButton.hidden = false;
        return postToServer(text, messageId);
      })
      .catch(function (error) {
        // The chat ended on the server (idle too long, or ended elsewhere): start a new one and send there.
        if (!error || error.code !== 'LD_SESSION_EXPIRED') throw error;
        closeStream();
        forgetSession();
        return ensureSession().then(function () {
          openStream();
          return postToServer(text, messageId);
        });
      })
      .then(function (result) {
        markActive();
        setTyping(false);
        addMessage({ from: 'assistant', text: result.reply.text, quickReplies: result.reply.quickReplies, cards: result.reply.cards });
      })
      .catch(function (error) {
        setTyping(false);
        errorBox.textContent = error && error.message && !/fetch|NetworkError|Load failed/i.test(error.message)
          ? error.message
          : 'We could not reach the library. Check your connection and try again.';
      })
      .then(function () {
        sending = false;
        sendButton.disabled = false;
      });
  }

  var historyLoaded = false;

  function loadHistory() {
    if (historyLoaded || !session) return Promise.resolve();
    historyLoaded = true;
    return fetch(origin + '/api/v1/chat/history?session=' + encodeURIComponent(session))
      .then(function (response) {
        if (response.ok) return response.json();
        // 401: the chat is over (idle, or ended on another tab): start clean, show nothing of it.
        if (response.status === 401) forgetSession();
        return { entries: [] };
      })
      .then(function (body) {
        var entries = body.entries || [];
        entries.forEach(function (entry, index) {
          addMessage(entry, { restoring: true, quickReplies: index === entries.length - 1 });
        });
      })
      .catch(function () { /* a missing history is not worth an error: the chat still works */ });
  }

  var stream = null;

  function closeStream() {
    if (stream) stream.close();
    stream = null;
  }

  function openStream() {
    if (stream || !session || typeof window.EventSource !== 'function') return;
    stream = new EventSource(origin + '/api/v1/chat/stream?session=' + encodeURIComponent(session));
    stream.addEventListener('reply', function (message) {
      try {
        addMessage(JSON.parse(message.data));
      } catch (e) { /* ignore a malformed event */ }
    });
  }

  // ---- open, close, keyboard -----------------------------------------------------------------------

  function setOpen(open, options) {
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    if (perTab) perTab.setItem(OPEN_KEY, open ? '1' : '0');
    if (open) {
      unread = 0;
      badge.hidden = true;
      log.scrollTop = log.scrollHeight;
      if (!options || options.focus !== false) input.focus();
    } else if (!options || options.focus !== false) {
      launcher.focus();
    }
  }

  /** Clears everything of this chat from the page and the browser: the next patron starts fresh. */
  function resetChat() {
    closeStream();
    forgetSession();
    historyLoaded = false;
    clearQuickReplies();
    setTyping(false);
    Array.prototype.slice.call(log.querySelectorAll('.ld-msg')).forEach(function (node) { node.remove(); });
    errorBox.textContent = '';
    input.value = '';
    endButton.hidden = true;
    addMessage({ from: 'assistant', text: GREETING }, { restoring: true });
  }

  function endChat() {
    var ending = session;
    resetChat();
    if (ending) {
      fetch(origin + '/api/v1/chat/sessions/end', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ session: ending }),
      }).catch(function () { /* the session expires on its own anyway */ });
    }
    input.focus();
  }

  // A page left open on a shared PC clears itself once the chat has been idle too long.
  setInterval(function () {
    if (session && Date.now() - lastActive() > idleMs()) resetChat();
  }, 15000);

  endButton.addEventListener('click', endChat);
  launcher.addEventListener('click', function () { setOpen(panel.hidden); });
  closeButton.addEventListener('click', function () { setOpen(false); });
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
    }
  });
  input.addEventListener('keydown', function (event) {
    // Enter sends, Shift+Enter starts a new line; composing (IME) text is left alone.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit', { cancelable: true }));
    }
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim() || sending) return;
    input.value = '';
    send(text);
  });

  function start() {
    document.head.appendChild(style);
    document.body.appendChild(root);
    if (session) {
      endButton.hidden = false;
      loadHistory().then(function () {
        if (!session) endButton.hidden = true;
        if (!log.querySelector('.ld-msg')) addMessage({ from: 'assistant', text: GREETING }, { restoring: true });
        openStream();
      });
    } else {
      addMessage({ from: 'assistant', text: GREETING }, { restoring: true });
    }
    if (perTab && perTab.getItem(OPEN_KEY) === '1') setOpen(true, { focus: false });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
