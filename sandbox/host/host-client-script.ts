/**
 * The host pages' browser script, served as /sandbox/assets/host.js: the movable-clock controls,
 * the user switcher, the light/dark toggle, and the agent and customer actions (transition,
 * priority, comment, raise a request). Actions call the Jira emulator's real REST endpoints with
 * HTTP Basic auth of the current sandbox user (so permissions apply as in Jira), then wait for the
 * in-process Forge runtime to settle (POST /sandbox/api/settle) and reload the page, so what you see
 * is what the app's handlers computed. Browser code is kept as a string so the Node type-check and
 * lint never see DOM globals.
 */
export const hostClientScript = String.raw`
(function () {
  'use strict';
  var S = window.__sandbox || {};
  var loadedAt = Date.now();

  function simulatedNow() {
    return S.frozen ? S.nowMs : S.nowMs + (Date.now() - loadedAt);
  }

  function setBusy(on) { document.body.classList.toggle('is-busy', on); }

  function flag(type, title, description) {
    var holder = document.querySelector('.sbx-flags');
    if (!holder) { holder = document.createElement('div'); holder.className = 'sbx-flags'; document.body.appendChild(holder); }
    var el = document.createElement('div');
    el.className = 'sbx-flag sbx-flag--' + type;
    el.setAttribute('role', 'alert');
    var t = document.createElement('strong'); t.textContent = title;
    var d = document.createElement('div'); d.textContent = description || '';
    var c = document.createElement('button'); c.type = 'button'; c.className = 'sbx-flag__close'; c.textContent = '×';
    c.setAttribute('aria-label', 'Dismiss');
    c.addEventListener('click', function () { el.remove(); });
    el.appendChild(c); el.appendChild(t); el.appendChild(d);
    holder.appendChild(el);
    setTimeout(function () { el.remove(); }, 10000);
  }

  function sandboxApi(path, body) {
    return fetch('/sandbox/api/' + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body || {}), credentials: 'same-origin' })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          if (!response.ok || json.ok === false) {
            var error = new Error(json.message || ('HTTP ' + response.status));
            error.status = response.status;
            throw error;
          }
          return json.value;
        });
      });
  }

  function jiraErrorText(json, status) {
    if (!json) return 'HTTP ' + status;
    var parts = [];
    (json.errorMessages || []).forEach(function (m) { parts.push(m); });
    Object.keys(json.errors || {}).forEach(function (k) { parts.push(k + ': ' + json.errors[k]); });
    if (json.errorMessage) parts.push(json.errorMessage);
    return parts.length ? parts.join(' ') : 'HTTP ' + status;
  }

  // The emulator's REST API, as the current sandbox user (Basic auth: email + any token).
  function rest(method, path, body) {
    var headers = { accept: 'application/json' };
    if (S.user) headers.authorization = 'Basic ' + btoa(S.user.emailAddress + ':sandbox');
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        return response.text().then(function (text) {
          var json = null;
          try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
          if (!response.ok) throw new Error(jiraErrorText(json, response.status));
          return json;
        });
      });
  }

  function settleThen(next) {
    return sandboxApi('settle').then(next);
  }

  function act(work, after) {
    setBusy(true);
    return Promise.resolve()
      .then(work)
      .then(function (result) { return settleThen(function () { return result; }); })
      .then(function (result) {
        if (after) after(result); else window.location.reload();
      })
      .catch(function (error) {
        setBusy(false);
        flag('error', 'That did not work', error && error.message ? error.message : String(error));
      });
  }

  // ---------- live clock and time-left cells ----------
  var clockEl = document.querySelector('[data-clock-now]');
  var clockFormat = null;
  try {
    var clockLocale = S.user && /^en/i.test(S.user.locale) ? S.user.locale.replace('_', '-') : 'en-GB';
    clockFormat = new Intl.DateTimeFormat(clockLocale, {
      weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
      timeZone: S.user ? S.user.timeZone : 'UTC', timeZoneName: 'short'
    });
  } catch (e) { clockFormat = null; }

  function duration(ms) {
    var minutes = Math.floor(Math.abs(ms) / 60000);
    var d = Math.floor(minutes / 1440), h = Math.floor((minutes % 1440) / 60), m = minutes % 60;
    if (d > 0) return h > 0 ? d + ' d ' + h + ' h' : d + ' d';
    if (h > 0) return m > 0 ? h + ' h ' + m + ' m' : h + ' h';
    return m + ' m';
  }

  function tick() {
    var now = simulatedNow();
    if (clockEl && clockFormat) clockEl.textContent = clockFormat.format(new Date(now));
    document.querySelectorAll('[data-deadline]').forEach(function (el) {
      if (el.hasAttribute('data-final')) return;
      var left = Number(el.getAttribute('data-deadline')) - now;
      el.textContent = left >= 0 ? 'in ' + duration(left) : duration(left) + ' overdue';
      el.classList.toggle('timeleft--late', left < 0);
      el.classList.toggle('timeleft--soon', left >= 0 && left < 4 * 3600000);
    });
  }
  tick();
  setInterval(tick, 1000);

  // ---------- clock controls ----------
  // A forward move runs the app's sweep at every five-minute slot it crosses (a week is 2016 of
  // them): the clock call answers once they have run; meanwhile the sandbox's state says how far
  // it got, shown in a status line.
  function moveClock(body) {
    var status = document.createElement('div');
    status.className = 'sbx-progress';
    status.setAttribute('role', 'status');
    status.setAttribute('data-clock-progress', '');
    status.textContent = 'Moving the clock…';
    document.body.appendChild(status);
    var done = false;
    function poll() {
      if (done) return;
      fetch('/sandbox/api/state', { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (json) {
        if (done) return;
        var scheduled = json && json.value && json.value.runtime ? json.value.runtime.scheduled || [] : [];
        var catching = scheduled.map(function (s) { return s.catchingUp; }).filter(Boolean)[0];
        if (catching) {
          status.textContent = 'Running the five-minute sweep at each slot the clock passed: ' + (catching.done + 1) + ' of ' + catching.slots +
            (clockFormat ? ' (' + clockFormat.format(new Date(catching.at)) + ')' : '');
        }
        setTimeout(poll, 400);
      }).catch(function () { if (!done) setTimeout(poll, 1000); });
    }
    setTimeout(poll, 300);
    return sandboxApi('clock', body).then(function (value) {
      done = true; status.remove(); return value;
    }, function (error) {
      done = true; status.remove(); throw error;
    });
  }
  document.querySelectorAll('[data-clock-advance]').forEach(function (button) {
    button.addEventListener('click', function () {
      act(function () { return moveClock({ action: 'advance', ms: Number(button.getAttribute('data-clock-advance')) }); });
    });
  });
  var setForm = document.querySelector('[data-clock-set]');
  if (setForm) setForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var value = setForm.querySelector('input').value;
    if (!value) return;
    var body = { action: 'set', local: value, timeZone: S.user ? S.user.timeZone : 'UTC' };
    // setting the clock back asks first: the server answers 409 with what it would do
    act(function () {
      return moveClock(body).catch(function (error) {
        if (error.status !== 409) throw error;
        if (!window.confirm(error.message)) return null;
        body.confirmBackwards = true;
        return moveClock(body);
      });
    });
  });
  document.querySelectorAll('[data-clock-toggle]').forEach(function (button) {
    button.addEventListener('click', function () {
      act(function () { return sandboxApi('clock', { action: button.getAttribute('data-clock-toggle') }); });
    });
  });

  // ---------- user switcher and theme ----------
  var userSelect = document.querySelector('[data-user-switch]');
  if (userSelect) userSelect.addEventListener('change', function () {
    setBusy(true);
    sandboxApi('user', { accountId: userSelect.value }).then(function (target) {
      window.location.assign(target && target.redirect ? target.redirect : window.location.href);
    }).catch(function (error) { setBusy(false); flag('error', 'Could not switch user', error.message); });
  });
  var themeButton = document.querySelector('[data-theme-toggle]');
  if (themeButton) themeButton.addEventListener('click', function () {
    var html = document.documentElement;
    var next = html.getAttribute('data-color-mode') === 'dark' ? 'light' : 'dark';
    html.setAttribute('data-color-mode', next);
    themeButton.setAttribute('aria-pressed', String(next === 'dark'));
    document.dispatchEvent(new CustomEvent('sandbox:theme'));
    sandboxApi('theme', { colorMode: next }).catch(function () {});
  });

  // ---------- request view (agent) ----------
  var issueKey = document.body.getAttribute('data-issue-key');
  document.querySelectorAll('[data-transition]').forEach(function (button) {
    button.addEventListener('click', function () {
      act(function () { return rest('POST', '/rest/api/3/issue/' + issueKey + '/transitions', { transition: { id: button.getAttribute('data-transition') } }); });
    });
  });
  var prioritySelect = document.querySelector('[data-priority]');
  if (prioritySelect) prioritySelect.addEventListener('change', function () {
    act(function () { return rest('PUT', '/rest/api/3/issue/' + issueKey, { fields: { priority: { id: prioritySelect.value } } }); });
  });
  var commentForm = document.querySelector('[data-comment-form]');
  if (commentForm) commentForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = commentForm.querySelector('textarea').value.trim();
    if (!text) { flag('warning', 'Nothing to add', 'Type a comment first.'); return; }
    var visibility = commentForm.querySelector('input[name=visibility]:checked');
    var isPublic = !visibility || visibility.value === 'public';
    act(function () { return rest('POST', '/rest/servicedeskapi/request/' + commentForm.getAttribute('data-comment-form') + '/comment', { body: text, public: isPublic }); });
  });

  // ---------- portal (customer) ----------
  var raiseForm = document.querySelector('[data-raise-request]');
  if (raiseForm) raiseForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var data = new FormData(raiseForm);
    var body = {
      serviceDeskId: raiseForm.getAttribute('data-service-desk'),
      requestTypeId: String(data.get('requestTypeId')),
      requestFieldValues: { summary: String(data.get('summary') || '').trim(), description: String(data.get('description') || '').trim() }
    };
    var priority = data.get('priority');
    if (priority) body.requestFieldValues.priority = { id: String(priority) };
    var onBehalfOf = data.get('raiseOnBehalfOf');
    if (onBehalfOf && (!S.user || onBehalfOf !== S.user.accountId)) body.raiseOnBehalfOf = String(onBehalfOf);
    if (!body.requestFieldValues.summary) { flag('warning', 'Summary needed', 'Say in a few words what is wrong.'); return; }
    act(function () { return rest('POST', '/rest/servicedeskapi/request', body); }, function (created) {
      var target = new URL(window.location.href);
      target.searchParams.set('raised', created && created.issueKey ? created.issueKey : '');
      if (onBehalfOf) target.searchParams.set('customer', String(onBehalfOf));
      window.location.assign(target.href);
    });
  });
  var customerPicker = document.querySelector('[data-customer-picker]');
  if (customerPicker) customerPicker.addEventListener('change', function () {
    var target = new URL(window.location.href);
    target.searchParams.set('customer', customerPicker.value);
    target.searchParams.delete('raised');
    window.location.assign(target.href);
  });
  var portalComment = document.querySelector('[data-portal-comment]');
  if (portalComment) portalComment.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = portalComment.querySelector('textarea').value.trim();
    if (!text) return;
    act(function () { return rest('POST', '/rest/servicedeskapi/request/' + portalComment.getAttribute('data-portal-comment') + '/comment', { body: text, public: true }); });
  });
})();
`;
