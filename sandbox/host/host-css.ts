/**
 * The host pages' stylesheet, served as /sandbox/assets/host.css. JSM-like: a top navigation bar,
 * a project sidebar, tables and lozenges, built on Atlassian design tokens (var(--ds-…), loaded
 * from tokens.css) so the light/dark toggle themes the host the same way it themes the frames.
 * Kept as a string so the sandbox needs no CSS build step.
 */
export const hostCss = String.raw`
*, *::before, *::after { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body {
  font-family: var(--ds-font-family-body, ui-sans-serif, -apple-system, BlinkMacSystemFont, "Segoe UI", Ubuntu, "Helvetica Neue", sans-serif);
  font-size: 14px; line-height: 20px;
  color: var(--ds-text, #292A2E);
  background: var(--ds-surface, #FFFFFF);
  -webkit-font-smoothing: antialiased;
}
a { color: var(--ds-link, #1868DB); text-decoration: none; }
a:hover { text-decoration: underline; }
h1, h2, h3 { margin: 0; font-weight: 653; color: var(--ds-text, #292A2E); }
h1 { font-size: 24px; line-height: 28px; }
h2 { font-size: 16px; line-height: 20px; }
h3 { font-size: 14px; line-height: 20px; }
.subtle { color: var(--ds-text-subtle, #505258); }
.subtlest { color: var(--ds-text-subtlest, #6B6E76); font-size: 12px; }
.mono { font-family: var(--ds-font-family-code, ui-monospace, Menlo, monospace); font-size: 12px; }

/* ---------- top navigation ---------- */
.topnav {
  position: sticky; top: 0; z-index: 20;
  display: flex; align-items: center; gap: 12px;
  height: 56px; padding: 0 12px 0 16px;
  background: var(--ds-surface, #FFFFFF);
  border-bottom: 1px solid var(--ds-border, #0B120E24);
}
.topnav__brand { display: flex; align-items: center; gap: 8px; font-weight: 653; color: var(--ds-text, #292A2E); white-space: nowrap; }
.topnav__brand:hover { text-decoration: none; }
.topnav__logo {
  display: inline-grid; place-items: center; width: 24px; height: 24px; border-radius: 6px;
  background: var(--ds-background-brand-bold, #1868DB); color: var(--ds-text-inverse, #FFFFFF);
}
.topnav__product { font-size: 14px; }
.topnav__sandbox { font-size: 11px; font-weight: 653; letter-spacing: .04em; text-transform: uppercase;
  color: var(--ds-text-discovery, #803FA5); background: var(--ds-background-discovery, #F8EEFE);
  border-radius: 3px; padding: 0 6px; line-height: 18px; }
.topnav__spacer { flex: 1; }
.topnav__links { display: flex; align-items: center; gap: 2px; margin-left: 8px; }
.topnav__link { padding: 6px 8px; border-radius: 4px; color: var(--ds-text-subtle, #505258); font-weight: 500; white-space: nowrap; }
.topnav__link:hover { background: var(--ds-background-neutral-subtle-hovered, #0515240F); text-decoration: none; }
.topnav__link[aria-current="page"] { color: var(--ds-text-selected, #1868DB); box-shadow: inset 0 -2px 0 var(--ds-border-selected, #1868DB); }
.topnav__group { font-size: 12px; color: var(--ds-text-subtlest, #6B6E76); margin-left: 6px; }

.clockbar {
  display: flex; align-items: center; gap: 4px;
  padding: 3px 4px 3px 10px; border-radius: 8px;
  background: var(--ds-background-neutral, #0515240F);
}
.clockbar__icon { color: var(--ds-icon-subtle, #505258); display: inline-flex; }
.clockbar__now { font-variant-numeric: tabular-nums; font-weight: 500; white-space: nowrap; margin: 0 6px 0 4px; min-width: 16ch; }
.clockbar__state { font-size: 11px; color: var(--ds-text-subtlest, #6B6E76); margin-right: 4px; white-space: nowrap; }
.clockbar form { display: inline-flex; gap: 4px; margin: 0; align-items: center; }
.clockbar input[type=datetime-local] { height: 28px; font: inherit; font-size: 12px; padding: 0 4px;
  border: 1px solid var(--ds-border-input, #8C8F97); border-radius: 4px; background: var(--ds-background-input, #FFFFFF); color: var(--ds-text, #292A2E); }

.userswitch { display: flex; align-items: center; gap: 8px; }
.userswitch select { max-width: 200px; }
.topnav > * { flex-shrink: 0; }

/* ---------- buttons and inputs ---------- */
.btn {
  display: inline-flex; align-items: center; justify-content: center; gap: 6px;
  height: 32px; padding: 0 12px; border-radius: 4px; border: 0; cursor: pointer;
  font: inherit; font-weight: 500; white-space: nowrap;
  background: var(--ds-background-neutral, #0515240F); color: var(--ds-text, #292A2E);
}
.btn:hover { background: var(--ds-background-neutral-hovered, #0B120E24); text-decoration: none; }
.btn:active { background: var(--ds-background-neutral-pressed, #080F214A); }
.btn:focus-visible, select:focus-visible, input:focus-visible, textarea:focus-visible { outline: 2px solid var(--ds-border-focused, #4688EC); outline-offset: 2px; }
.btn--small { height: 28px; padding: 0 8px; font-size: 13px; }
.btn--primary { background: var(--ds-background-brand-bold, #1868DB); color: var(--ds-text-inverse, #FFFFFF); }
.btn--primary:hover { background: var(--ds-background-brand-bold-hovered, #1558BC); }
.btn--subtle { background: transparent; }
.btn--subtle:hover { background: var(--ds-background-neutral-subtle-hovered, #0515240F); }
.btn[disabled] { opacity: .5; cursor: not-allowed; }
select, input[type=text], input[type=email], textarea {
  font: inherit; color: var(--ds-text, #292A2E); background: var(--ds-background-input, #FFFFFF);
  border: 1px solid var(--ds-border-input, #8C8F97); border-radius: 4px;
}
select { height: 32px; padding: 0 8px; }
input[type=text], input[type=email] { height: 36px; padding: 0 8px; width: 100%; }
textarea { width: 100%; min-height: 88px; padding: 8px; resize: vertical; }
label.field { display: block; margin-bottom: 16px; }
label.field > span { display: block; font-size: 12px; font-weight: 653; color: var(--ds-text-subtle, #505258); margin-bottom: 4px; }

/* ---------- frame: sidebar + content ---------- */
.frame { display: grid; grid-template-columns: 240px minmax(0, 1fr); min-height: calc(100vh - 56px); }
.sidebar {
  border-right: 1px solid var(--ds-border, #0B120E24);
  background: var(--ds-surface, #FFFFFF);
  padding: 16px 8px; position: sticky; top: 56px; height: calc(100vh - 56px); overflow: auto;
}
.sidebar__project { display: flex; align-items: center; gap: 10px; padding: 4px 8px 16px; }
.sidebar__project-avatar { width: 32px; height: 32px; border-radius: 6px; display: grid; place-items: center;
  background: var(--ds-background-accent-teal-subtler, #C6EDFB); color: var(--ds-text-accent-teal-bolder, #164555); font-weight: 653; }
.sidebar__project-name { font-weight: 653; line-height: 18px; }
.sidebar__project-type { font-size: 12px; color: var(--ds-text-subtlest, #6B6E76); }
.sidebar__heading { font-size: 11px; font-weight: 653; text-transform: uppercase; letter-spacing: .04em;
  color: var(--ds-text-subtlest, #6B6E76); padding: 12px 8px 4px; }
.sidebar a.navitem { display: flex; align-items: center; gap: 10px; padding: 6px 8px; border-radius: 4px; color: var(--ds-text-subtle, #505258); font-weight: 500; }
.sidebar a.navitem:hover { background: var(--ds-background-neutral-subtle-hovered, #0515240F); text-decoration: none; }
.sidebar a.navitem[aria-current=page] { background: var(--ds-background-selected, #E9F2FE); color: var(--ds-text-selected, #1868DB); }
.sidebar a.navitem .count { margin-left: auto; font-size: 12px; color: var(--ds-text-subtlest, #6B6E76); }
.navicon { width: 16px; height: 16px; flex: none; }
.content { padding: 24px 32px 48px; min-width: 0; background: var(--ds-surface, #FFFFFF); }
.breadcrumbs { font-size: 14px; color: var(--ds-text-subtle, #505258); margin-bottom: 8px; }
.breadcrumbs a { color: var(--ds-text-subtle, #505258); }
.pagehead { display: flex; align-items: flex-start; gap: 16px; margin-bottom: 20px; }
.pagehead__title { flex: 1; min-width: 0; }
.pagehead p { margin: 4px 0 0; }

/* ---------- tabs ---------- */
.tabs { display: flex; gap: 4px; border-bottom: 2px solid var(--ds-border, #0B120E24); margin-bottom: 16px; }
.tabs a { padding: 6px 10px; margin-bottom: -2px; border-bottom: 2px solid transparent; color: var(--ds-text-subtle, #505258); font-weight: 500; }
.tabs a:hover { text-decoration: none; color: var(--ds-text, #292A2E); }
.tabs a[aria-current=page] { color: var(--ds-text-selected, #1868DB); border-bottom-color: var(--ds-border-selected, #1868DB); }
.tabs .count { display: inline-block; min-width: 20px; margin-left: 4px; padding: 0 6px; border-radius: 8px; font-size: 12px; text-align: center;
  background: var(--ds-background-neutral, #0515240F); color: var(--ds-text-subtle, #505258); }

/* ---------- table ---------- */
.tablewrap { overflow-x: auto; }
table.queue { width: 100%; border-collapse: collapse; }
table.queue th { text-align: left; font-size: 12px; font-weight: 653; color: var(--ds-text-subtle, #505258);
  padding: 8px; border-bottom: 2px solid var(--ds-border, #0B120E24); white-space: nowrap; }
table.queue td { padding: 8px; border-bottom: 1px solid var(--ds-border, #0B120E24); vertical-align: middle; }
table.queue tbody tr:hover { background: var(--ds-background-neutral-subtle-hovered, #0515240F); }
table.queue .key { white-space: nowrap; font-weight: 500; }
table.queue .summary { min-width: 220px; max-width: 420px; }
table.queue .customer { min-width: 120px; max-width: 200px; }
table.queue .summary a { color: var(--ds-text, #292A2E); }
table.queue .nowrap { white-space: nowrap; }
table.queue .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
/* narrower screens keep the contract state, deadline and time left in view (issue 11 item 8):
   priority goes first, then service and level (both are on the request view) */
@media (max-width: 1300px) {
  table.queue .col-priority { display: none; }
  table.queue .summary { min-width: 160px; }
}
@media (max-width: 1150px) {
  table.queue .col-service { display: none; }
  table.queue .summary { min-width: 140px; }
  table.queue .customer { min-width: 90px; }
}
.timeleft { font-variant-numeric: tabular-nums; white-space: nowrap; font-weight: 500; }
.timeleft--late { color: var(--ds-text-danger, #AE2E24); }
.timeleft--soon { color: var(--ds-text-warning, #9E4C00); }
.timeleft--done { color: var(--ds-text-subtlest, #6B6E76); font-weight: 400; }
.empty { padding: 48px 16px; text-align: center; color: var(--ds-text-subtle, #505258); }
.empty h2 { margin-bottom: 8px; }

/* ---------- lozenges, avatars, priority ---------- */
.lozenge { display: inline-block; max-width: 200px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: middle;
  padding: 0 4px; border-radius: 3px; font-size: 11px; font-weight: 653; line-height: 16px; text-transform: uppercase; }
.lozenge--default { background: var(--ds-background-neutral, #0515240F); color: var(--ds-text-subtle, #505258); }
.lozenge--inprogress { background: var(--ds-background-information, #E9F2FE); color: var(--ds-text-information, #1558BC); }
.lozenge--moved { background: var(--ds-background-warning, #FFF5DB); color: var(--ds-text-warning, #9E4C00); }
.lozenge--new { background: var(--ds-background-discovery, #F8EEFE); color: var(--ds-text-discovery, #803FA5); }
.lozenge--removed { background: var(--ds-background-danger, #FFECEB); color: var(--ds-text-danger, #AE2E24); }
.lozenge--success { background: var(--ds-background-success, #EFFFD6); color: var(--ds-text-success, #4C6B1F); }
.lozenge--bold.lozenge--removed { background: var(--ds-background-danger-bold, #C9372C); color: var(--ds-text-inverse, #FFFFFF); }
.lozenge--bold.lozenge--success { background: var(--ds-background-success-bold, #5B7F24); color: var(--ds-text-inverse, #FFFFFF); }
.avatar { display: inline-grid; place-items: center; border-radius: 50%; font-weight: 653; color: #FFFFFF; flex: none; }
.avatar--small { width: 24px; height: 24px; font-size: 10px; }
.avatar--medium { width: 32px; height: 32px; font-size: 12px; }
.avatar--hue0 { background: #1868DB; } .avatar--hue1 { background: #22A06B; } .avatar--hue2 { background: #964AC0; } .avatar--hue3 { background: #E06C00; }
.avatar--hue4 { background: #227D9B; } .avatar--hue5 { background: #AE4787; } .avatar--hue6 { background: #5B7F24; } .avatar--hue7 { background: #C9372C; }
.person { display: inline-flex; align-items: center; gap: 8px; white-space: nowrap; }
.priority { display: inline-flex; align-items: center; gap: 6px; white-space: nowrap; }
.priority svg { width: 16px; height: 16px; }
.tag { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 12px; line-height: 20px;
  background: var(--ds-background-neutral, #0515240F); color: var(--ds-text-subtle, #505258); white-space: nowrap; }
.tag--gold { background: var(--ds-background-accent-yellow-subtler, #F5E989); color: var(--ds-text-accent-yellow-bolder, #533F04); }
.tag--silver { background: var(--ds-background-accent-gray-subtler, #DDDEE1); color: var(--ds-text-accent-gray-bolder, #1E1F21); }
.tag--bronze { background: var(--ds-background-accent-orange-subtler, #FCE4A6); color: var(--ds-text-accent-orange-bolder, #693200); }
.tag--bespoke { background: var(--ds-background-accent-purple-subtler, #EED7FC); color: var(--ds-text-accent-purple-bolder, #48245D); }

/* ---------- request view ---------- */
.request { display: grid; grid-template-columns: minmax(0, 1fr) 340px; gap: 32px; align-items: start; }
.request__main { min-width: 0; }
.request__summary { font-size: 24px; line-height: 28px; font-weight: 653; margin: 4px 0 16px; }
.request__section { margin: 24px 0; }
.request__section > h2 { margin-bottom: 8px; }
.description { white-space: pre-wrap; line-height: 22px; }
.apppanel { border: 1px solid var(--ds-border, #0B120E24); border-radius: 8px; overflow: hidden; }
.apppanel__head { display: flex; align-items: center; gap: 8px; padding: 8px 12px; font-weight: 653;
  background: var(--ds-surface-sunken, #F8F8F8); border-bottom: 1px solid var(--ds-border, #0B120E24); }
.apppanel__head .subtlest { margin-left: auto; font-weight: 400; }
.apppanel__body { padding: 8px 12px 12px; }
.apppanel iframe { display: block; width: 100%; border: 0; min-height: 120px; background: transparent; }
.notbuilt { padding: 16px; border-radius: 8px; background: var(--ds-background-warning, #FFF5DB); color: var(--ds-text, #292A2E); }
.notbuilt h2 { margin-bottom: 4px; }
.consent { padding: 16px 20px; border: 1px solid var(--ds-border, #0B120E24); border-radius: 8px; background: var(--ds-surface-raised, #FFFFFF); color: var(--ds-text, #292A2E); }
.consent h2 { margin-bottom: 8px; font-size: 16px; }
.consent ul { margin: 8px 0 12px 20px; }
.consent code { font-family: var(--ds-font-family-code, ui-monospace, Menlo, monospace); font-size: 12px; }
.consent__actions { display: flex; gap: 8px; margin-bottom: 8px; }
.notbuilt code, .callout code { overflow-wrap: anywhere; font-family: var(--ds-font-family-code, ui-monospace, Menlo, monospace); font-size: 12px;
  background: var(--ds-background-neutral, #0515240F); padding: 1px 4px; border-radius: 3px; }
.callout { padding: 16px; border-radius: 8px; background: var(--ds-background-information, #E9F2FE); margin-bottom: 16px; }
.callout--danger { background: var(--ds-background-danger, #FFECEB); }
.details { border: 1px solid var(--ds-border, #0B120E24); border-radius: 8px; }
.details__status { padding: 12px; display: flex; flex-wrap: wrap; gap: 8px; align-items: center; border-bottom: 1px solid var(--ds-border, #0B120E24); }
.details h3 { padding: 12px 12px 0; }
.details dl { margin: 0; padding: 8px 12px 12px; display: grid; grid-template-columns: 120px minmax(0, 1fr); row-gap: 12px; column-gap: 8px; align-items: center; }
.details dt { font-size: 12px; font-weight: 653; color: var(--ds-text-subtle, #505258); }
.details dd { margin: 0; min-width: 0; }
.comments { display: flex; flex-direction: column; gap: 16px; }
.comment { display: grid; grid-template-columns: 32px minmax(0, 1fr); gap: 12px; }
.comment__head { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-bottom: 4px; }
.comment__author { font-weight: 653; }
.comment__body { white-space: pre-wrap; padding: 8px 12px; border-radius: 8px; background: var(--ds-background-neutral-subtle, transparent); border: 1px solid var(--ds-border, #0B120E24); }
.comment--internal .comment__body { background: var(--ds-background-warning, #FFF5DB); border-color: var(--ds-border-warning-subtle, #FBC828); }
.composer { border: 1px solid var(--ds-border, #0B120E24); border-radius: 8px; padding: 12px; margin-bottom: 16px; }
.composer__tabs { display: flex; gap: 4px; margin-bottom: 8px; }
.composer__tabs label { cursor: pointer; padding: 4px 10px; border-radius: 4px; font-weight: 500; color: var(--ds-text-subtle, #505258); }
.composer__tabs input { position: absolute; opacity: 0; pointer-events: none; }
.composer__tabs input:checked + span { color: var(--ds-text-selected, #1868DB); }
.composer__tabs label:has(input:checked) { background: var(--ds-background-selected, #E9F2FE); }
.composer__actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 8px; }

/* ---------- cards (portal, dashboard) ---------- */
.portal-hero { padding: 32px; border-radius: 12px; margin-bottom: 24px;
  /* a fixed brand gradient: the portal banner keeps its colours in both themes, as JSM's does */
  background: linear-gradient(135deg, #1C2B42, #1868DB); color: #FFFFFF; }
.portal-hero h1 { color: #FFFFFF; }
.portal-hero p { margin: 8px 0 0; opacity: .9; }
.portal-grid { display: grid; grid-template-columns: minmax(0, 4fr) minmax(0, 7fr); gap: 24px; align-items: start; }
.card { min-width: 0; border: 1px solid var(--ds-border, #0B120E24); border-radius: 8px; padding: 16px; background: var(--ds-surface-raised, #FFFFFF); box-shadow: var(--ds-shadow-raised, 0 1px 1px #1E1F2140); }
.card > h2 { margin-bottom: 12px; }
.stat-grid { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; margin-bottom: 24px; }
.stat { padding: 16px; border-radius: 8px; border: 1px solid var(--ds-border, #0B120E24); }
.stat__value { font-size: 24px; line-height: 28px; font-weight: 653; font-variant-numeric: tabular-nums; }
.stat__label { font-size: 12px; color: var(--ds-text-subtle, #505258); }

/* ---------- dashboard gadgets ---------- */
.dashboard { display: grid; grid-template-columns: minmax(0, 1fr); gap: 16px; }
.gadget { border: 1px solid var(--ds-border, #0B120E24); border-radius: 8px; background: var(--ds-surface-raised, #FFFFFF); box-shadow: var(--ds-shadow-raised, 0 1px 1px #1E1F2140); min-width: 0; }
.gadget__head { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 8px 12px; border-bottom: 1px solid var(--ds-border, #0B120E24); }
.gadget__title { font-weight: 653; }
.gadget__body { padding: 8px 12px 12px; }
.gadget--editing { outline: 2px solid var(--ds-border-focused, #4688EC); }

/* ---------- issue navigator ---------- */
.jqlform { display: flex; gap: 8px; margin-bottom: 12px; }
.jqlform textarea { flex: 1; min-height: 56px; font-family: var(--ds-font-family-code, ui-monospace, Menlo, monospace); font-size: 12px; padding: 8px;
  border: 1px solid var(--ds-border-input, #8C8F97); border-radius: 4px; background: var(--ds-background-input, #FFFFFF); color: var(--ds-text, #292A2E); }

/* ---------- activity ---------- */
.activity { list-style: none; margin: 0; padding: 0; }
.activity li { display: grid; grid-template-columns: 170px 130px minmax(0, 1fr); gap: 12px; padding: 10px 0; border-bottom: 1px solid var(--ds-border, #0B120E24); }
.activity .body { white-space: pre-wrap; color: var(--ds-text-subtle, #505258); margin-top: 2px; }

/* ---------- busy bar, flags ---------- */
.busybar { position: fixed; top: 0; left: 0; right: 0; height: 3px; z-index: 50; overflow: hidden; display: none; }
.busybar::before { content: ""; position: absolute; inset: 0; width: 40%; background: var(--ds-background-brand-bold, #1868DB); animation: busy 1s ease-in-out infinite; }
body.is-busy .busybar { display: block; }
body.is-busy { cursor: progress; }
@keyframes busy { from { transform: translateX(-100%); } to { transform: translateX(250%); } }
.sbx-progress { position: fixed; left: 50%; top: 64px; transform: translateX(-50%); z-index: 61; max-width: min(560px, calc(100vw - 32px));
  padding: 8px 16px; border-radius: 6px; background: var(--ds-surface-overlay, #FFFFFF); color: var(--ds-text, #292A2E);
  box-shadow: var(--ds-shadow-overlay, 0 8px 12px rgba(30, 31, 33, 0.15)); font-size: 13px; }
.sbx-flags { position: fixed; left: 24px; bottom: 24px; z-index: 60; display: flex; flex-direction: column; gap: 8px; width: 380px; }
.sbx-flag { position: relative; padding: 12px 36px 12px 16px; border-radius: 6px; background: var(--ds-surface-overlay, #FFFFFF);
  box-shadow: var(--ds-shadow-overlay, 0 8px 12px #1E1F2126, 0 0 1px #1E1F214F); border-left: 4px solid var(--ds-border-information, #357DE8); }
.sbx-flag--success { border-left-color: var(--ds-border-success, #6A9A23); }
.sbx-flag--warning { border-left-color: var(--ds-border-warning, #E06C00); }
.sbx-flag--error { border-left-color: var(--ds-border-danger, #E2483D); }
.sbx-flag strong { display: block; margin-bottom: 2px; }
.sbx-flag__close { position: absolute; top: 6px; right: 6px; border: 0; background: transparent; font-size: 18px; cursor: pointer; color: var(--ds-icon-subtle, #505258); }

@media (max-width: 1500px) {
  .topnav__product { display: none; }
}
@media (max-width: 1600px) {
  /* up to 1600 px (1024 and 1440 among them) the bar keeps what a person needs: the pages, the
     clock, theme and user — all of it fits without clipping (issue 11 item 8) */
  .topnav__group, .topnav__link--wide, .topnav__sandbox { display: none; }
  .userswitch select { max-width: 150px; }
  .clockbar__now { min-width: 0; }
}
@media print {
  .topnav, .sidebar, .breadcrumbs, .busybar { display: none !important; }
  .frame { display: block !important; }
}
@media (max-width: 1100px) {
  .request, .portal-grid { grid-template-columns: minmax(0, 1fr); }
  .frame { grid-template-columns: 200px minmax(0, 1fr); }
  .clockbar__state, .clockbar form { display: none; }
}
/* a phone (the customer portal at 360 px, issue 13): no sidebar, the top bar wraps */
@media (max-width: 600px) {
  .frame { grid-template-columns: minmax(0, 1fr); }
  .sidebar { display: none; }
  .topnav { height: auto; flex-wrap: wrap; padding: 8px; }
  .topnav > * { flex-shrink: 1; min-width: 0; }
  .clockbar { flex-wrap: wrap; }
  .content { padding: 16px 12px 32px; }
}
`;
