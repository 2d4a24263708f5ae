// Starts the app once the prerendered story has been painted. The page is whole without the app, so
// the app's download never competes with the first paint, and nothing here is inline: the site
// runs under a Content-Security-Policy that allows no inline script.
const tag = document.querySelector('script[data-wasm]');

// The story stays readable; only the interactive features are off, and a quiet note says so.
function off(error) {
  document.documentElement.classList.add('app-off');
  console.warn('The interactive features could not start:', error);
}

let started = false;
function start() {
  if (started) return;
  started = true;
  if (typeof WebAssembly !== 'object') return off('this browser has no WebAssembly');
  import(tag.dataset.js)
    .then((glue) => glue.default({ module_or_path: tag.dataset.wasm }))
    .catch(off);
}

// After the next frame is painted: requestAnimationFrame runs just before it, the timeout after.
requestAnimationFrame(() => setTimeout(start, 0));
// A frame off the host page's screen paints nothing and gets no animation frames (Chromium pauses
// them in off-screen cross-origin frames), so it starts after a moment instead: the app is then
// ready when the reader scrolls there, and its figures count up as they first come into view.
setTimeout(start, 250);
