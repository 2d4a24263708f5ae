// The page's one script file, a module: it never delays the first paint, and nothing here is inline
// (the head's one inline script is static/head.js). In another site's frame it keeps the frame's
// height known to the host page (static/embed.js), with or without the WebAssembly; and it starts
// the app when the page needs it (below). The page is whole without the app, so the app's
// download never competes with the first paint.
const root = document.documentElement;
const tag = document.querySelector('script[data-wasm]');
// Inside another site's frame (or any frame).
const framed = window.parent !== window;

// The height protocol (README, "Embedding"): version 1. Only a frame's page (the build marks it
// with data-embed) inside a frame tells its height; in the form AMP's amp-iframe reads too (its
// `embed-size` request), for an AMP page that embeds it with the control's AMP code.
if (root.hasAttribute('data-embed') && framed) {
  let last = -1;
  const report = (always) => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last && !always) return;
    last = height;
    window.parent.postMessage({ type: 'story-embed:height', v: 1, height }, '*');
    window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
  };
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (event.source === window.parent && data && data.type === 'story-embed:hello' && data.v === 1) report(true);
  });
  // A module runs once the page is parsed: the content is all there to measure.
  if (window.ResizeObserver) new ResizeObserver(() => report(false)).observe(root);
  window.addEventListener('resize', () => report(false));
  report(false);
}

// The story stays readable; only the interactive features are off, and a quiet note says so.
function off(error) {
  root.classList.add('app-off');
  console.warn('The interactive features could not start:', error);
}

// The chapters the first paint skipped (content-visibility: auto, static/css/chapter.css) are laid
// out while the reader reads, one at a time when the page is idle, rather than all of one at once
// when it scrolls into view: on a slow phone that layout is a long task that stalls the scroll. It
// waits for the engine to be live (or to have given up), so that it never delays an island. A
// frame's page lays out its part from the start (static/css/frame.css).
function layOutOnceLive() {
  const settled = () => root.classList.contains('app-live') || root.classList.contains('app-off');
  if (settled()) return layOut();
  const watch = new MutationObserver(() => {
    if (!settled()) return;
    watch.disconnect();
    layOut();
  });
  watch.observe(root, { attributes: true, attributeFilter: ['class'] });
}

function layOut() {
  const chapters = [...document.querySelectorAll('html:not([data-embed]) .chapter')];
  const idle = window.requestIdleCallback ? (then) => window.requestIdleCallback(then) : (then) => setTimeout(then, 100);
  const next = () => {
    const chapter = chapters.shift();
    if (!chapter) return;
    chapter.classList.add('chapter--laid-out');
    idle(next);
  };
  idle(next);
}

// The reader's place, kept. A chapter the first paint skipped has the estimated height until it
// is laid out; when one above the reader takes its real height, what they read would move by the
// difference (a deep link would leave its chapter). WebKit (Safari, every browser on iOS, WeChat's
// on iOS) has no scroll anchoring to keep the place; Firefox's lets it go at times (2 runs in 10 of
// the engines test, a deep link a screen off). So the page keeps it in every engine: the chapter
// at the reader's line (the screen's upper third, where a reader reads) is noted where it stands
// after each scroll; when a chapter changes height, it is put back there if it moved. Where the
// engine's own anchoring held it, it did not move, and nothing more is done.
function keepPlace() {
  const chapters = [...document.querySelectorAll('html:not([data-embed]) .chapter')];
  if (!window.ResizeObserver || !chapters.length) return;
  let place = null;
  const note = () => {
    const line = window.innerHeight / 3;
    const at = chapters.find((chapter) => {
      const box = chapter.getBoundingClientRect();
      return box.top <= line && box.bottom > line;
    });
    place = at ? { at, top: at.getBoundingClientRect().top } : null;
  };
  window.addEventListener('scroll', note, { passive: true });
  const watch = new ResizeObserver(() => {
    const moved = place ? place.at.getBoundingClientRect().top - place.top : 0;
    if (Math.abs(moved) >= 1) window.scrollBy(0, moved);
    note();
  });
  for (const chapter of chapters) watch.observe(chapter);
  note();
}
keepPlace();

let started = false;
function start() {
  if (started) return;
  started = true;
  layOutOnceLive();
  if (typeof WebAssembly !== 'object') return off('this browser has no WebAssembly');
  import(tag.dataset.js)
    .then((glue) => glue.default({ module_or_path: tag.dataset.wasm }))
    .catch(off);
}

// When the engine starts. Nothing the first screen shows needs it: every figure and chart on the
// screen at first is already final (an entrance runs only for what comes into view later), links
// are links. So on a page of its own the engine loads on the reader's first move (a scroll, a
// touch, a key, a pointer) and never for a reader who only looks: the first view costs the page
// alone. The elements that come into view after that count up and grow as before.
// A reader sent to a chapter (#projects) is mid-story from the start, and the navigator should say
// where: the engine starts at once. So it does should the head's script not have run (a host's
// stale policy refused it): the engine then does that script's work (the edition ?lang= asks for).
if (framed || location.hash.length > 1 || !root.hasAttribute('data-head')) {
  // In another site's frame the host page scrolls, not the frame, so the frame cannot see the
  // reader move: it starts after its first paint. A frame off the host page's screen paints
  // nothing and gets no animation frames (Chromium pauses them in off-screen cross-origin frames),
  // so it starts after a moment instead: the app is then ready when the reader scrolls there.
  requestAnimationFrame(() => setTimeout(start, 0));
  setTimeout(start, 250);
} else {
  const moves = ['scroll', 'wheel', 'touchstart', 'pointerdown', 'pointermove', 'keydown', 'focusin', 'beforeprint'];
  const first = () => {
    for (const type of moves) window.removeEventListener(type, first, true);
    start();
  };
  for (const type of moves) window.addEventListener(type, first, { capture: true, passive: true });
}
