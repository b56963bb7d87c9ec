/**
 * The `@forge/bridge` connection inside a Custom UI iframe. `@forge/bridge` calls
 * `globalThis.__bridge.callBridge(command, payload)`; in Atlassian products the product frame
 * provides it, here this shim does: it is injected as the first script of the bundle's index.html
 * and relays every call over postMessage to the host page (bridge-host-script.ts), which answers.
 *
 * A few commands cannot cross postMessage because their payload or answer holds functions; the shim
 * keeps those inside the frame: `on` (event subscriptions), `createHistory` (a history object whose
 * location the host mirrors). It also reports the content height so the host can size the iframe,
 * the way Forge's auto-resizing iframes do, and applies the Atlassian design-token theme on
 * `enableTheming`.
 *
 * Browser code is kept as a string so the Node type-check and lint never see DOM globals.
 */

/** Message types exchanged between the shim (frame) and the host page. */
export const bridgeMessageTypes = {
  call: 'forge-sandbox:call',
  result: 'forge-sandbox:result',
  resize: 'forge-sandbox:resize',
  theme: 'forge-sandbox:theme',
  event: 'forge-sandbox:event',
  history: 'forge-sandbox:history',
} as const;

/**
 * Returns the `<script>` element (as HTML) that installs `window.__bridge` in a frame.
 *
 * @example renderBridgeShim('frame-1') // '<script>…window.__bridge = { callBridge }…</script>'
 */
export function renderBridgeShim(frameId: string): string {
  // JSON.stringify + escaping "<" keeps the value inert inside the inline script
  const config = JSON.stringify({ frameId, types: bridgeMessageTypes }).replace(/</g, '\\u003c');
  return `<script data-forge-sandbox-shim>\n(function (config) {\n${shimBody}\n})(${config});\n</script>`;
}

const shimBody = String.raw`
  'use strict';
  var T = config.types;
  var pending = new Map();
  var nextId = 1;
  var subscriptions = new Map(); // event name -> Set of callbacks
  var histories = [];
  var themeState = null;

  function post(message) {
    message.frameId = config.frameId;
    window.parent.postMessage(message, window.location.origin);
  }

  function ask(command, payload) {
    return new Promise(function (resolve, reject) {
      var id = nextId++;
      pending.set(id, { resolve: resolve, reject: reject, command: command });
      try {
        post({ type: T.call, id: id, command: command, payload: payload });
      } catch (error) {
        pending.delete(id);
        reject(new Error('Bridge command "' + command + '": the payload cannot be sent to the host (' + (error && error.message) + ').'));
      }
    });
  }

  function applyTheme(theme) {
    themeState = theme;
    var html = document.documentElement;
    Object.keys(theme.attrs).forEach(function (name) { html.setAttribute(name, theme.attrs[name]); });
    if (!document.querySelector('link[data-forge-sandbox-tokens]')) {
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = theme.cssHref;
      link.setAttribute('data-forge-sandbox-tokens', '');
      document.head.appendChild(link);
      return new Promise(function (resolve) {
        link.addEventListener('load', function () { resolve(undefined); });
        link.addEventListener('error', function () { resolve(undefined); });
      });
    }
    return Promise.resolve(undefined);
  }

  function createHistory() {
    return ask('createHistory', {}).then(function (initial) {
      var listeners = new Set();
      var entries = [initial.location];
      var index = 0;
      function parse(to, state) {
        var path = typeof to === 'string' ? to : (to.pathname || '/') + (to.search || '') + (to.hash || '');
        var url = new URL(path, 'http://frame' + entries[index].pathname);
        return { pathname: url.pathname, search: url.search, hash: url.hash, state: state === undefined ? null : state, key: Math.random().toString(36).slice(2, 10) };
      }
      function notify(action) {
        history.location = entries[index];
        history.action = action;
        post({ type: T.history, location: entries[index] });
        listeners.forEach(function (listener) { listener(entries[index], action); });
      }
      var history = {
        action: 'POP',
        location: entries[0],
        get length() { return entries.length; },
        push: function (to, state) { entries = entries.slice(0, index + 1); entries.push(parse(to, state)); index = entries.length - 1; notify('PUSH'); },
        replace: function (to, state) { entries[index] = parse(to, state); notify('REPLACE'); },
        go: function (delta) { var next = Math.max(0, Math.min(entries.length - 1, index + delta)); if (next !== index) { index = next; notify('POP'); } },
        back: function () { history.go(-1); },
        forward: function () { history.go(1); },
        listen: function (listener) { listeners.add(listener); return function () { listeners.delete(listener); }; },
        block: function () { return function () {}; },
        createHref: function (to) { return typeof to === 'string' ? to : (to.pathname || '') + (to.search || '') + (to.hash || ''); }
      };
      histories.push(history);
      return history;
    });
  }

  function callBridge(command, payload) {
    switch (command) {
      case 'on':
      case 'onPublic': {
        var name = payload && payload.event;
        var callback = payload && payload.callback;
        if (typeof name !== 'string' || typeof callback !== 'function') {
          return Promise.reject(new Error('Bridge command "' + command + '" needs an event name and a callback.'));
        }
        var key = (command === 'onPublic' ? 'public:' : '') + name;
        if (!subscriptions.has(key)) subscriptions.set(key, new Set());
        subscriptions.get(key).add(callback);
        return Promise.resolve({ unsubscribe: function () { subscriptions.get(key).delete(callback); } });
      }
      case 'createHistory':
        return createHistory();
      case 'enableTheming':
        return ask('enableTheming', {}).then(applyTheme);
      default:
        return ask(command, payload);
    }
  }

  window.__bridge = { callBridge: callBridge };

  window.addEventListener('message', function (event) {
    if (event.source !== window.parent || event.origin !== window.location.origin) return;
    var data = event.data;
    if (!data || typeof data !== 'object') return;
    if (data.type === T.result) {
      var entry = pending.get(data.id);
      if (!entry) return;
      pending.delete(data.id);
      if (data.ok) entry.resolve(data.value);
      else entry.reject(new Error(data.message));
    } else if (data.type === T.theme && themeState) {
      themeState = Object.assign({}, themeState, { attrs: data.attrs });
      void applyTheme(themeState);
    } else if (data.type === T.event) {
      var key = (data.isPublic ? 'public:' : '') + data.event;
      (subscriptions.get(key) || new Set()).forEach(function (callback) {
        try { callback(data.payload); } catch (error) { console.error(error); }
      });
    }
  });

  // Forge sizes Custom UI iframes to their content; report our height whenever it changes. The
  // content height is the bottom of the lowest element (html/body may be styled to fill the frame,
  // so their own heights never shrink).
  var lastHeight = -1;
  var scheduled = false;
  function contentHeight() {
    var body = document.body;
    if (!body) return 0;
    var bottom = 0;
    for (var i = 0; i < body.children.length; i++) {
      var child = body.children[i];
      if (child.tagName === 'SCRIPT' || child.tagName === 'STYLE') continue;
      var rect = child.getBoundingClientRect();
      var margin = parseFloat(getComputedStyle(child).marginBottom) || 0;
      if (rect.height > 0 || rect.width > 0) bottom = Math.max(bottom, rect.bottom + margin + window.scrollY);
    }
    var style = getComputedStyle(body);
    return Math.ceil(bottom + (parseFloat(style.paddingBottom) || 0) + (parseFloat(style.marginBottom) || 0));
  }
  function reportHeight() {
    scheduled = false;
    var height = contentHeight();
    if (height > 0 && height !== lastHeight) {
      lastHeight = height;
      post({ type: T.resize, height: height });
    }
  }
  function scheduleReport() {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(reportHeight);
  }
  function watchSize() {
    if (typeof ResizeObserver === 'function') {
      var observer = new ResizeObserver(scheduleReport);
      observer.observe(document.documentElement);
      var observeChildren = function () {
        for (var i = 0; i < document.body.children.length; i++) observer.observe(document.body.children[i]);
      };
      observeChildren();
      new MutationObserver(function () { observeChildren(); scheduleReport(); }).observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    }
    scheduleReport();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watchSize);
  else watchSize();
  window.addEventListener('load', scheduleReport);
`;
