// The host page's half of embedding (README, "Embedding"). Paste it once or many times beside
// iframes of this story: it keeps each of them exactly as tall as its content. It listens only to
// frames it can prove are the story's own: the message must come from the contentWindow of an
// iframe on this page whose address is the story's origin and folder, and carry the story's
// origin. It changes nothing but those iframes' heights: it never navigates and writes no markup.
// A frame that asks (version 2) is also told where it sits in this page's viewport as it scrolls.
(function () {
  var me = document.currentScript;
  if (!me || !window.postMessage) return;
  var story = new URL('./', me.src);
  var key = 'storyEmbed:' + story.href;
  if (window[key]) return; // Pasted twice: one listener is enough.
  window[key] = true;

  // A frame of the story's origin whose page is in the story's folder: the story's own pages,
  // whichever edition or view (index.html, en.html, …).
  function ours(frame) {
    try {
      var address = new URL(frame.src, location.href);
      return address.origin === story.origin && address.pathname.indexOf(story.pathname) === 0;
    } catch (error) {
      return false;
    }
  }

  // Each frame's page's height at each width its column may have (tests/browser/heights.mjs
  // measures them; the build writes them here): [width, height, width, height, …], each height
  // from its width on. A frame not told yet is given its page's height at its width at once, so
  // the host's text below does not move when the page loads and tells its own.
  var HEIGHTS = {};
  var told = [];

  function estimate(frame) {
    if (told.indexOf(frame) >= 0 || !ours(frame)) return;
    var page = new URL(frame.src, location.href).pathname.slice(story.pathname.length);
    if (page === '' || page.charAt(page.length - 1) === '/') page += 'index.html';
    var steps = Object.prototype.hasOwnProperty.call(HEIGHTS, page) ? HEIGHTS[page] : null;
    var width = frame.clientWidth;
    if (!steps || !width) return;
    var height = steps[1];
    for (var i = 0; i < steps.length; i += 2) {
      if (steps[i] <= width) height = steps[i + 1];
    }
    frame.style.height = height + 'px';
  }

  function estimateAll() {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) estimate(frames[i]);
  }

  // The frame of ours whose page sent `event`, if any.
  function sender(event) {
    if (event.origin !== story.origin || !event.source) return null;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source && ours(frames[i])) return frames[i];
    }
    return null;
  }

  // Version 2, the scroll relay: a frame whose page has a sequence asks to be followed, and is
  // then told, at most once an animation frame, where its top is in this page's viewport and how
  // tall the viewport is (a frame cannot see this page scroll). Only to the story's origin.
  var following = [];
  var pending = false;
  function tell(frame) {
    if (!frame.isConnected || !frame.contentWindow) return;
    var top = frame.getBoundingClientRect().top + frame.clientTop;
    var message = { type: 'story-embed:viewport', v: 2, top: top, height: window.innerHeight };
    frame.contentWindow.postMessage(message, story.origin);
  }
  function tellAll() {
    pending = false;
    for (var i = 0; i < following.length; i++) tell(following[i]);
  }
  function moved() {
    if (pending || !following.length) return;
    pending = true;
    requestAnimationFrame(tellAll);
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data) return;
    if (data.type === 'story-embed:follow' && data.v === 2) {
      var asking = sender(event);
      if (!asking) return;
      if (following.indexOf(asking) < 0) following.push(asking);
      return tell(asking);
    }
    if (data.type !== 'story-embed:height' || data.v !== 1) return;
    var height = data.height;
    if (typeof height !== 'number' || !(height >= 0 && height <= 100000)) return;
    var frame = sender(event);
    if (!frame) return;
    if (told.indexOf(frame) < 0) told.push(frame);
    frame.style.height = Math.ceil(height) + 'px';
    // A new height moves what follows it on this page: a followed frame below learns where it is.
    moved();
  });
  window.addEventListener('scroll', moved, { passive: true });
  window.addEventListener('resize', moved);
  estimateAll();
  // Frames added after this script ran (a page that builds its article late), and a new width.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', estimateAll);
  window.addEventListener('resize', estimateAll);

  // Frames that loaded before this script ran have already told their height: ask again. The
  // request carries nothing, so any origin may see it: a frame not loaded yet is still about:blank
  // (and will tell its height once it loads).
  var frames = document.getElementsByTagName('iframe');
  for (var i = 0; i < frames.length; i++) {
    if (ours(frames[i]) && frames[i].contentWindow) {
      frames[i].contentWindow.postMessage({ type: 'story-embed:hello', v: 1 }, '*');
    }
  }
})();
