"""JavaScript run in the page: when is a Streamlit page 'drawn', and how long does a click take.

A page is drawn when its heading is in the main area, the script run has finished (the app root's
`data-test-script-state` is `notRunning`) and at least the expected number of charts are drawn
(plotly charts with their SVG, pictures loaded). Times are `performance.now()`, so they start at navigation (or at the click) and leave
out Playwright's own overhead.
"""

# Shared predicate. `expected` = charts the page draws once settled (measured on a warm-up load).
# The skeleton check and the MutationObserver's childList also catch lazily loaded widgets.
_DRAWN = """
// A chart is a plotly chart (drawn once it has its SVG) or a picture in the main area (drawn once
// its image has loaded and decoded: icon arrays are SVG pictures).
const BENCH_CHARTS = '[data-testid="stPlotlyChart"], [data-testid="stMain"] [data-testid="stImage"] img';
const benchChartIsDrawn = (c) => c.tagName === 'IMG'
  ? c.complete && c.naturalWidth > 0 : !!c.querySelector('.main-svg');
const benchDrawnCharts = () => [...document.querySelectorAll(BENCH_CHARTS)].filter(benchChartIsDrawn).length;
// The page's words, leaving out chart SVG (plotly redraws its tick labels after a run has ended).
const benchTextOf = (root) => {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, { acceptNode: (node) =>
    node.parentElement && node.parentElement.closest('svg, [data-testid="stPlotlyChart"]')
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT });
  let text = '', node;
  while ((node = walker.nextNode())) text += node.data + '\\n';
  return text;
};
const benchIsDrawn = (expected) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (!document.querySelector('[data-testid="stMain"] h1')) return false;
  // A widget whose code is still loading shows a skeleton in its place.
  if (document.querySelector('[data-testid="stMain"] [data-testid="stSkeleton"]')) return false;
  return benchDrawnCharts() >= expected;
};
"""

# Widgets and charts can render a moment after the run ends (their code loads lazily), so "drawn"
# also waits until the page has stopped changing: the time taken is that of the last change,
# once nothing has changed for QUIET_MS (capped at MAX_SETTLE_MS of continuous change).
QUIET_MS = 300
MAX_SETTLE_MS = 5000
_SETTLE = f"""
const benchSettle = (since, done) => {{
  // Calls done(time of the last DOM change) once the page has been quiet for {QUIET_MS} ms.
  let last = since, timer = null;
  const changed = () => {{
    last = performance.now();
    clearTimeout(timer);
    const wait = performance.now() - since > {MAX_SETTLE_MS} ? 0 : {QUIET_MS};
    timer = setTimeout(quiet, wait);
  }};
  const quiet = () => {{
    observer.disconnect(); document.removeEventListener('load', changed, true); done(last);
  }};
  const observer = new MutationObserver(changed);
  observer.observe(document.documentElement, {{ subtree: true, childList: true, characterData: true }});
  // A picture that finishes loading changes what is seen but not the DOM: count it as a change.
  document.addEventListener('load', changed, true);
  timer = setTimeout(quiet, {QUIET_MS});
}};
"""

# Added with page.add_init_script before navigating; __EXPECTED__ is replaced by the chart count.
VISUAL_INIT = (
    "(() => {"
    + _DRAWN
    + _SETTLE
    + """
  const expected = __EXPECTED__;
  let seen = false;
  const check = () => {
    if (seen || !benchIsDrawn(expected)) return;
    seen = true;
    observer.disconnect();
    document.removeEventListener('load', check, true);
    benchSettle(performance.now(), (at) => { window.__benchVisualAt = at; });
  };
  const observer = new MutationObserver(check);
  // Pictures load without changing the DOM: their load events (captured; they do not bubble) too.
  document.addEventListener('load', check, true);
  observer.observe(document, { subtree: true, childList: true, attributes: true,
                               attributeFilter: ['data-test-script-state', 'class'] });
})();
"""
)

# What a settled page shows, for the warm-up load (chart counts, errors shown by Streamlit).
PAGE_FACTS = (
    "() => {"
    + _DRAWN
    + """
  return {
    charts: document.querySelectorAll(BENCH_CHARTS).length,
    drawn: benchDrawnCharts(),
    heading: (document.querySelector('[data-testid="stMain"] h1') || {}).innerText || null,
    exceptions: document.querySelectorAll('[data-testid="stException"]').length,
    radios: document.querySelectorAll('[data-testid="stMain"] [data-testid="stRadio"]').length,
    checkboxes: document.querySelectorAll('[data-testid="stMain"] [data-testid="stCheckbox"]').length,
    state: (document.querySelector('[data-testid="stApp"]') || {getAttribute: () => null})
      .getAttribute('data-test-script-state'),
  };
}
"""
)

# page.evaluate(CLICK_ARM, {kind, href, expected, timeoutMs}) picks the widget to click and marks it
# with data-bench-target; the caller then clicks it with real mouse events (Playwright), and reads
# `await window.__benchClick`. kind: 'auto' (a radio, else a segmented control, else a checkbox, in
# the main area, not in a form), 'checkbox', or 'link' (a sidebar page link to href). The clock
# starts at the pointerdown and stops when the page is drawn again AND the main area's text
# differs from before the click (the result panel updated, or the new page shown). The 'running'
# state is not always rendered (React may batch a short run into one commit), so a change of words
# with the run finished is the signal; chart SVG is left out of the words because plotly redraws
# labels after a run. If a run ends with no visible change, it resolves after a grace period with
# changed=false.
CLICK_ARM = (
    "({ kind, href, expected, timeoutMs }) => {"
    + _DRAWN
    + _SETTLE
    + """
  const main = () => document.querySelector('[data-testid="stMain"]') || document.body;
  const usable = (el) => !el.closest('[data-testid="stForm"]') && el.getClientRects().length > 0;
  document.querySelectorAll('[data-bench-target]').forEach((el) => el.removeAttribute('data-bench-target'));
  let target = null, what = null;
  if (kind === 'link') {
    target = [...document.querySelectorAll('a[data-testid="stPageLink-NavLink"]')]
      .find((a) => new URL(a.href).pathname.replace(/\\/$/, '') === href.replace(/\\/$/, ''));
    what = 'link ' + href;
  }
  if (!target && kind === 'auto') {
    const group = [...main().querySelectorAll('[data-testid="stRadio"]')].filter(usable)[0];
    if (group) {
      const options = [...group.querySelectorAll('[role="radiogroup"] label')];
      target = options.find((o) => !(o.querySelector('input') || {}).checked) || null;
      what = 'radio ' + ((group.querySelector('[data-testid="stWidgetLabel"]') || {}).innerText || '');
    }
  }
  if (!target && kind === 'auto') {
    const group = [...main().querySelectorAll('[data-testid="stButtonGroup"]')].filter(usable)[0];
    if (group) {
      // The answers, not the help icon in the question's label.
      const buttons = [...group.querySelectorAll('button')]
        .filter((b) => !b.closest('[data-testid="stTooltipIcon"]')).slice(0, 2);
      target = buttons.find((b) => !/Active$/.test(b.getAttribute('data-testid') || '')
        && b.getAttribute('aria-checked') !== 'true' && b.getAttribute('aria-pressed') !== 'true') || null;
      const label = group.closest('[data-testid="stElementContainer"]') || group;
      const name = label.querySelector('[data-testid="stWidgetLabel"]');
      what = 'segmented control ' + (name ? name.innerText : '');
    }
  }
  if (!target && (kind === 'auto' || kind === 'checkbox')) {
    const box = [...main().querySelectorAll('[data-testid="stCheckbox"]')].filter(usable)[0];
    if (box) { target = box.querySelector('label') || box; what = 'checkbox ' + (box.innerText || ''); }
  }
  if (!target) {
    const links = document.querySelectorAll('a[data-testid="stPageLink-NavLink"]').length;
    const state = (document.querySelector('[data-testid="stApp"]') || { getAttribute: () => 'no app' })
      .getAttribute('data-test-script-state');
    return { error: 'nothing to click (' + kind + (href ? ' ' + href : '') + '; ' + links +
             ' page links; script ' + state + '; at ' + location.pathname + ')' };
  }
  target.setAttribute('data-bench-target', '1');
  what = what.trim().replace(/\\s+/g, ' ').slice(0, 60);
  const app = document.querySelector('[data-testid="stApp"]');
  const before = benchTextOf(main());
  const headingOf = () => (main().querySelector('h1') || {}).innerText || null;
  const headingBefore = headingOf();
  // A page change is done when the new page's heading is shown at the new address.
  const arrived = () => kind !== 'link' || (
    location.pathname.replace(/\\/$/, '') === href.replace(/\\/$/, '') && headingOf() !== headingBefore);
  window.__benchClick = new Promise((resolve) => {
    let finished = false, sawRun = false, t0 = null, runEndedAt = null, grace = null, timer = null;
    let settling = false;
    const finish = (result) => {
      if (finished) return;
      finished = true; observer.disconnect(); clearTimeout(timer); clearTimeout(grace);
      document.removeEventListener('load', check, true);
      document.removeEventListener('pointerdown', onDown, true);
      resolve({ what, sawRun, ...result });
    };
    const check = () => {
      if (t0 === null || settling) return;
      if (app.getAttribute('data-test-script-state') !== 'notRunning') { sawRun = true; return; }
      if (!benchIsDrawn(expected) || !arrived()) return;
      if (benchTextOf(main()) !== before) {
        observer.disconnect();
        settling = true;
        benchSettle(performance.now(), (at) => finish({ ms: at - t0, changed: true }));
        return;
      }
      if (sawRun && runEndedAt === null) {  // a run ended and changed no words
        runEndedAt = performance.now();
        grace = setTimeout(() => finish({ ms: runEndedAt - t0, changed: false }), 1500);
      }
    };
    const onDown = (event) => {
      if (t0 !== null) return;
      t0 = event.timeStamp;
      timer = setTimeout(() => finish({ timeout: true, ms: performance.now() - t0,
        state: app.getAttribute('data-test-script-state'), at: location.pathname,
        heading: !!main().querySelector('h1'), changed: benchTextOf(main()) !== before }), timeoutMs);
    };
    document.addEventListener('pointerdown', onDown, true);
    const observer = new MutationObserver(check);
    document.addEventListener('load', check, true);  // a picture loaded: see VISUAL_INIT
    observer.observe(app, { subtree: true, childList: true, characterData: true, attributes: true,
                            attributeFilter: ['data-test-script-state'] });
  });
  return { what };
}
"""
)

# page.wait_for_function(LINK_PRESENT, arg=href): the sidebar's page link to href has rendered
# (the sidebar can render after the main area, so a journey waits for it before clicking).
LINK_PRESENT = """(href) => [...document.querySelectorAll('a[data-testid="stPageLink-NavLink"]')]
  .some((a) => new URL(a.href).pathname.replace(/\\/$/, '') === href.replace(/\\/$/, ''))"""
