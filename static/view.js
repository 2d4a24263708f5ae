// Reads the page's address before the first paint, so the prerendered story already shows what the
// address asks for: an edition (?lang=en|zh), a theme (?theme=light|dark) and, in another site's
// iframe, an embed view (?embed=1, &chapter=<slug> or &block=<id>; light unless &theme= says otherwise). It keeps the frame's height
// known to the host page (static/embed.js) from the start, with or without the WebAssembly.
// src/params.rs reads the same address by the same rules for the app; the browser tests check
// that they agree.
(function () {
  var root = document.documentElement;
  var query = new URLSearchParams(location.search);

  // ?lang=en (or zh) opens that edition: a page of its own, which the build lists first in the head.
  var asked = query.get('lang');
  var lang = asked === 'en' ? 'en' : asked === 'zh' || asked === 'zh-CN' ? 'zh-CN' : null;
  if (lang && lang !== root.lang) {
    var edition = document.querySelector('link[rel="alternate"][hreflang="' + lang + '"]');
    if (edition) {
      location.replace(edition.href + location.search + location.hash);
      return;
    }
  }

  // The colours (src/params.rs, Params::colours): the theme asked for; in an embed, light unless
  // the host asks for dark or for the reader's own setting (theme=auto); on the story's own page,
  // the reader's setting.
  var theme = query.get('theme');
  var embedded = query.get('embed') === '1';
  if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
  else if (embedded && theme !== 'auto') root.setAttribute('data-theme', 'light');
  if (!embedded) return;

  // The part to show: a well-formed slug, or '' for the whole story, or null for an unknown name.
  function named(key) {
    var value = query.get(key);
    if (!value) return '';
    return value.length <= 40 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) ? key + ':' + value : null;
  }
  var block = named('block');
  var view = block === '' ? named('chapter') : block;
  root.setAttribute('data-embed', view === '' ? 'story' : view === null ? 'unknown' : view.split(':')[0]);

  var robots = document.createElement('meta');
  robots.name = 'robots';
  robots.content = 'noindex';
  document.head.appendChild(robots);
  // Links leave the frame for a new tab, never replacing the embed inside the host's page.
  var base = document.createElement('base');
  base.target = '_blank';
  document.head.appendChild(base);

  if (view !== '') {
    // Show the named part, its ancestors and the embed credit; hide the rest. When nothing in the
    // page has that name, only the notice that says so shows. The name is checked above, so it
    // cannot break out of the selector. Without :has() or constructable sheets, the whole story
    // shows, which is still the right story.
    var part = '[data-view="' + (view || 'unknown') + '"]';
    // Kept besides: the credit line, the missing-part notice and the note that the interactive
    // features are off (and what holds them), the page's
    // h1 and, for a block, its chapter's heading, so the outline still says whose part this is
    // (the stylesheet hides those headings visually).
    var keep = '.embed-credit,.embed-credit *,:has(> .embed-credit),.view-missing,.view-missing *,:has(> .view-missing),' +
      '.app-note,:has(> .app-note),' +
      'h1,:has(> h1),:has(' + part + ') > h2';
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(
        '#story :not(' + part + ',' + part + ' *,:has(' + part + '),' + keep + '){display:none!important}' +
        '#story:not(:has(' + part + ')) .view-missing{display:block}'
      );
      document.adoptedStyleSheets = document.adoptedStyleSheets.concat(sheet);
    } catch (error) {
      // An old browser: the whole story it is.
    }
  }

  if (window.parent === window) return;
  // The height protocol (README, "Embedding"): version 1.
  var last = -1;
  function report(always) {
    var height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last && !always) return;
    last = height;
    window.parent.postMessage({ type: 'story-embed:height', v: 1, height: height }, '*');
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.source === window.parent && data && data.type === 'story-embed:hello' && data.v === 1) report(true);
  });
  document.addEventListener('DOMContentLoaded', function () {
    if (window.ResizeObserver) new ResizeObserver(function () { report(false); }).observe(root);
    window.addEventListener('resize', function () { report(false); });
    report(false);
  });
})();
