/**
 * The host side of the `@forge/bridge` connection, for host pages that embed Custom UI frames.
 * It answers the calls that bridge-shim.ts relays from each iframe:
 *
 * - `invoke` → POST /sandbox/api/invoke, which runs the real resolver definitions server-side
 * - `getContext` → the context Forge's `view.getContext()` returns (rendered server-side per frame)
 * - `enableTheming` → Atlassian design tokens (light/dark) applied to the frame's <html>
 * - `navigate` / `getUrl` / `reload` / `refresh` → host navigation
 * - `fetchProduct` → the Jira emulator's REST API as the current sandbox user (requestJira)
 * - `showFlag` / `closeFlag` / `changeWindowTitle` / `emit` / `emitReadyEvent` / `createHistory`
 * - `submit` / `close` → a gadget's edit view saves its configuration / leaves (other frames: false)
 *
 * Anything else rejects with a clear message, also logged in the host console. Frames are declared
 * by the page in a JSON block (see renderFrameRegistry). Browser code is kept as a string so the Node
 * type-check and lint never see DOM globals.
 */
import { bridgeMessageTypes } from './bridge-shim';

/** Where the design-token theme CSS is served (see theme.ts). */
export const tokensCssPath = '/sandbox/assets/tokens.css';

/**
 * Returns the host page `<script>` that answers bridge calls from the frames on the page.
 *
 * @example renderBridgeHostScript() // '<script>…</script>'
 */
export function renderBridgeHostScript(): string {
  const config = JSON.stringify({ types: bridgeMessageTypes, tokensCssPath }).replace(/</g, '\\u003c');
  return `<script data-forge-sandbox-host>\n(function (config) {\n${hostBody}\n})(${config});\n</script>`;
}

const hostBody = String.raw`
  'use strict';
  var T = config.types;
  var registry = {};
  var registryElement = document.getElementById('forge-frames');
  if (registryElement) registry = JSON.parse(registryElement.textContent || '{}');
  var sandbox = window.__sandbox || {};

  function frameElement(frameId) {
    return document.querySelector('iframe[data-forge-frame="' + frameId + '"]');
  }

  function themeAttrs() {
    var html = document.documentElement;
    return { 'data-theme': html.getAttribute('data-theme'), 'data-color-mode': html.getAttribute('data-color-mode') };
  }

  function themeState() {
    var mode = document.documentElement.getAttribute('data-color-mode') || 'light';
    return { colorMode: mode, dark: 'dark', light: 'light', spacing: 'spacing', typography: 'typography', shape: 'shape' };
  }

  function authHeader() {
    var user = sandbox.user;
    return user ? 'Basic ' + btoa(user.emailAddress + ':sandbox') : null;
  }

  function postJson(url, body) {
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' })
      .then(function (response) {
        return response.json().then(function (json) {
          if (!response.ok || !json.ok) {
            var failure = new Error((json && json.message) || ('HTTP ' + response.status + ' from ' + url));
            if (json && json.consent) failure.consent = json.consent;
            throw failure;
          }
          return json.value;
        });
      });
  }

  // Forge's answer to NeedsAuthenticationError: instead of the app, Jira shows its consent screen
  // ("Allow access") with the scopes the app asks for; once the user allows, the app loads again.
  function showConsent(frame, consent) {
    var element = frameElement(frame.frameId);
    if (!element || element.getAttribute('data-consent-shown') === 'true') return;
    element.setAttribute('data-consent-shown', 'true');
    element.style.display = 'none';
    var box = document.createElement('section');
    box.className = 'consent';
    box.setAttribute('data-testid', 'consent-prompt');
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', 'Allow access');
    var title = document.createElement('h2');
    title.textContent = consent.appName + ' needs your permission';
    var text = document.createElement('p');
    text.textContent = 'Before you use ' + consent.appName + ' for the first time, allow it to act on your behalf. It will be able to use these permissions, limited to what you can do yourself:';
    var list = document.createElement('ul');
    (consent.scopes || []).forEach(function (scope) {
      var item = document.createElement('li');
      var code = document.createElement('code');
      code.textContent = scope;
      item.appendChild(code);
      list.appendChild(item);
    });
    var actions = document.createElement('div');
    actions.className = 'consent__actions';
    var allow = document.createElement('button');
    allow.type = 'button';
    allow.className = 'btn btn--primary';
    allow.setAttribute('data-testid', 'consent-allow');
    allow.textContent = 'Allow access';
    allow.addEventListener('click', function () {
      allow.disabled = true;
      postJson('/sandbox/api/consent', { allow: true }).then(function () { window.location.reload(); }, function (error) {
        allow.disabled = false;
        showFlag({ title: 'Could not allow access', description: error.message, type: 'error' });
      });
    });
    var note = document.createElement('p');
    note.className = 'subtlest';
    note.textContent = 'Forge shows this once per user, and again when the app asks for new permissions.';
    actions.appendChild(allow);
    box.appendChild(title);
    box.appendChild(text);
    box.appendChild(list);
    box.appendChild(actions);
    box.appendChild(note);
    element.parentNode.insertBefore(box, element);
  }

  function moduleUrl(moduleKey) {
    var pages = sandbox.modulePages || {};
    return pages[moduleKey] || null;
  }

  // router.navigate / router.open / router.getUrl: a URL, or a NavigationLocation with a target
  function resolveLocation(frame, location) {
    if (location && typeof location.url === 'string') return new URL(location.url, window.location.origin).href;
    var target = location && location.target;
    var path = null;
    switch (target) {
      case 'issue': path = location.issueKey ? '/browse/' + encodeURIComponent(location.issueKey) : null; break;
      case 'module': path = moduleUrl(location.moduleKey || frame.context.moduleKey); break;
      case 'dashboard': path = '/dashboard'; break;
      case 'projectSettingsDetails': path = '/'; break;
      case 'userProfile': path = '/'; break;
      default: path = null;
    }
    if (path === null) throw new Error('The sandbox cannot navigate to ' + JSON.stringify(location) + '.');
    return new URL(path, window.location.origin).href;
  }

  var flagsElement = null;
  function showFlag(options) {
    if (!flagsElement) {
      flagsElement = document.createElement('div');
      flagsElement.className = 'sbx-flags';
      document.body.appendChild(flagsElement);
    }
    var flag = document.createElement('div');
    flag.className = 'sbx-flag sbx-flag--' + (options.type || 'info');
    flag.setAttribute('role', 'status');
    flag.setAttribute('data-flag-id', String(options.id));
    var title = document.createElement('strong');
    title.textContent = options.title || '';
    var description = document.createElement('div');
    description.textContent = options.description || '';
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'sbx-flag__close';
    close.setAttribute('aria-label', 'Dismiss');
    close.textContent = '×';
    close.addEventListener('click', function () { flag.remove(); });
    flag.appendChild(close);
    flag.appendChild(title);
    flag.appendChild(description);
    flagsElement.appendChild(flag);
    if (options.isAutoDismiss) setTimeout(function () { flag.remove(); }, 8000);
  }

  function broadcast(message) {
    Object.keys(registry).forEach(function (frameId) {
      var element = frameElement(frameId);
      if (element && element.contentWindow) element.contentWindow.postMessage(message, window.location.origin);
    });
  }

  var handlers = {
    invoke: function (frame, payload) {
      return postJson('/sandbox/api/invoke', { frame: frame.descriptor, functionKey: payload.functionKey, payload: payload.payload || {} })
        .then(function (value) { return payload.metadata ? { body: value, metadata: {} } : value; }, function (error) {
          if (error.consent) showConsent(frame, error.consent);
          throw error;
        });
    },
    getContext: function (frame) {
      return Object.assign({}, frame.context, { theme: themeState() });
    },
    enableTheming: function (frame) {
      frame.themed = true;
      return { attrs: themeAttrs(), cssHref: config.tokensCssPath };
    },
    navigate: function (frame, payload) {
      var url = resolveLocation(frame, payload);
      if (payload.type === 'new-tab') window.open(url, '_blank', 'noopener');
      else window.location.assign(url);
    },
    getUrl: function (frame, payload) { return resolveLocation(frame, payload); },
    reload: function () { window.location.reload(); },
    refresh: function () { window.location.reload(); return true; },
    showFlag: function (frame, payload) { showFlag(payload || {}); },
    closeFlag: function (frame, payload) {
      var id = payload && payload.id;
      document.querySelectorAll('.sbx-flag').forEach(function (el) { if (el.getAttribute('data-flag-id') === String(id)) el.remove(); });
    },
    changeWindowTitle: function (frame, title) { document.title = String(title); },
    emitReadyEvent: function () { return undefined; },
    emit: function (frame, payload) { broadcast({ type: T.event, event: payload.event, payload: payload.payload, isPublic: false }); },
    emitPublic: function (frame, payload) { broadcast({ type: T.event, event: payload.event, payload: payload.payload, isPublic: true }); },
    createHistory: function () {
      var hash = window.location.hash.replace(/^#/, '') || '/';
      var url = new URL(hash, 'http://frame');
      return { location: { pathname: url.pathname, search: url.search, hash: url.hash, state: null, key: 'default' } };
    },
    getFrameId: function (frame) { return frame.frameId; },
    fetchProduct: function (frame, payload) {
      if (payload.product !== 'jira') throw new Error('The sandbox only emulates Jira; requestProduct("' + payload.product + '") is not available.');
      var init = payload.fetchRequestInit || {};
      var headers = new Headers(init.headers || []);
      var auth = authHeader();
      if (auth) headers.set('authorization', auth);
      return fetch(payload.restPath, { method: init.method || 'GET', headers: headers, body: init.body == null ? undefined : init.body })
        .then(function (response) {
          return response.text().then(function (text) {
            var out = {};
            response.headers.forEach(function (value, name) { out[name] = value; });
            return { body: text, headers: out, status: response.status, statusText: response.statusText, isAttachment: false };
          });
        });
    },
    // Only modals and gadget editors can be submitted or closed; other frames cannot (Forge answers
    // false, which @forge/bridge turns into "this resource's view is not submittable"). A gadget's
    // edit view hands Jira its configuration, which Jira keeps for that gadget and shows the view
    // again (manifest reference "Jira dashboard gadget"; bridge reference "view.submit").
    submit: function (frame, payload) {
      var d = frame.descriptor || {};
      if (d.entryPoint !== 'edit' || !d.gadgetId) return false;
      return postJson('/sandbox/api/gadget-configuration', { gadgetId: d.gadgetId, configuration: payload || {} })
        .then(function () { window.location.assign('/dashboard'); return true; });
    },
    close: function (frame) {
      var d = frame.descriptor || {};
      if (d.entryPoint !== 'edit' || !d.gadgetId) return false;
      window.location.assign('/dashboard');
      return true;
    },
    open: function () { return false; },
    onClose: function () { return false; }
  };

  window.addEventListener('message', function (event) {
    if (event.origin !== window.location.origin) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || typeof data.frameId !== 'string') return;
    var frame = registry[data.frameId];
    var element = frameElement(data.frameId);
    if (!frame || !element || event.source !== element.contentWindow) return;
    frame.frameId = data.frameId;
    if (data.type === T.resize) {
      if (frame.autoResize) element.style.height = Math.max(frame.minHeight || 0, data.height) + 'px';
      return;
    }
    if (data.type === T.history) {
      var loc = data.location || {};
      window.history.replaceState(null, '', '#' + (loc.pathname || '/') + (loc.search || '') + (loc.hash || ''));
      return;
    }
    if (data.type !== T.call) return;
    var reply = function (ok, valueOrMessage) {
      var message = ok ? { type: T.result, id: data.id, ok: true, value: valueOrMessage } : { type: T.result, id: data.id, ok: false, message: valueOrMessage };
      event.source.postMessage(message, window.location.origin);
    };
    var handler = handlers[data.command];
    if (!handler) {
      var text = 'The Contract Clock sandbox does not support the bridge command "' + data.command + '".';
      console.error('[forge bridge] ' + text, data.payload);
      reply(false, text);
      return;
    }
    Promise.resolve()
      .then(function () { return handler(frame, data.payload); })
      .then(function (value) { reply(true, value); })
      .catch(function (error) {
        var text = (error && error.message) || String(error);
        console.error('[forge bridge] ' + data.command + ' failed: ' + text);
        reply(false, text);
      });
  });

  // The host's light/dark toggle re-themes every frame that enabled theming.
  document.addEventListener('sandbox:theme', function () {
    Object.keys(registry).forEach(function (frameId) {
      var frame = registry[frameId];
      var element = frameElement(frameId);
      if (frame.themed && element && element.contentWindow) {
        element.contentWindow.postMessage({ type: T.theme, attrs: themeAttrs() }, window.location.origin);
      }
    });
  });
`;
