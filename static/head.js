// Reads the page's address before the first paint: an edition (?lang=en|zh), a theme
// (?theme=light|dark|auto), and an older snippet's address (?embed=1, &chapter=<slug> or
// &block=<id>), whose view is now a page of its own. The build writes it inline into the head of
// every page (src/head.rs), so it delays nothing, and names its hash in the site's
// Content-Security-Policy. src/params.rs and src/view.rs read the same addresses by the same
// rules; the browser tests check that they agree.
(function () {
  var root = document.documentElement;
  var query = new URLSearchParams(location.search);
  // static/boot.js reads this: had this script been refused, the engine does its work at once.
  root.setAttribute('data-head', 'ran');

  // ?lang=en (or zh) opens that edition: the same view on a page of its own, which the build
  // lists first in the head, by language tag.
  var asked = query.get('lang');
  var lang = asked === 'en' ? 'en' : asked === 'zh' || asked === 'zh-CN' ? 'zh-CN' : null;
  // (`lang` is one of two tags, never a name an object inherits.)
  var editions = document.getElementById('story-editions');
  var edition = lang && lang !== root.lang && editions && JSON.parse(editions.textContent)[lang];
  if (edition) {
    location.replace(edition + location.search + location.hash);
    return;
  }

  // An older snippet's address on the story's own page: the build lists every view's page by the
  // view's name (src/view.rs, View::name); a part the story lacks has a page that says so. Only
  // the story's own page carries this section (src/head.rs, between the two marks).
  // <page>
  var views = document.getElementById('story-views');
  if (views && query.get('embed') === '1') {
    var pages = JSON.parse(views.textContent);
    var block = query.get('block');
    var chapter = query.get('chapter');
    var name = block ? 'block:' + block : chapter ? 'chapter:' + chapter : 'story';
    var page = Object.prototype.hasOwnProperty.call(pages, name) ? pages[name] : pages.missing;
    location.replace(page + location.search + location.hash);
    return;
  }
  // </page>

  // The colours (src/params.rs, Params::colours): the theme asked for; a frame is light (the build
  // says so) unless the host asks for dark or for the reader's own setting (theme=auto); the
  // story's own page follows the reader.
  var theme = query.get('theme');
  if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
  else if (theme === 'auto') root.removeAttribute('data-theme');
})();
