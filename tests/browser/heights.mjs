// The height of every frame's page at every width a host's column may give it, measured in
// Chromium, for static/embed.js to size each iframe before its page loads (so the host's text does
// not move when it does). Run directly (scripts/measure-heights.sh) it measures the release build
// in dist/ and writes static/embed-heights.json, which the build puts into embed.js;
// embed.test.mjs measures again and fails if that file is out of date.
//
// A page is measured in an iframe on the story's own origin, widened one CSS pixel at a time from
// NARROWEST to WIDEST: its media queries read the iframe's width, as in a host's page. From
// WIDEST on, a frame's column is at its measure (40rem and the frame's margins): no page gets shorter.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NARROWEST = 280;
export const WIDEST = 648;
// Above this height a frame is taller than a phone's screen: when its page loads and tells its exact
// height, the host's text below it is off screen and nothing the reader sees moves. Its heights are
// kept to the nearest tenth, to keep embed.js small.
export const TALL = 1000;

/**
 * The heights of `pages` (addresses relative to the site at `url`) as steps, by the story each
 * page's `#story` names and the page's address in that story's folder: for each page, a flat
 * list [width, height, width, height, …] from NARROWEST up, each pair the height from that width
 * on, as the frame's page reports it (static/boot.js: its root's height, rounded up); above TALL,
 * a new step only where the height changes by more than a tenth.
 */
export async function measure(browser, url, pages) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  try {
    await page.goto(`${url}embed-preview.html`);
    const heights = {};
    for (const path of pages) {
      const { story, own, steps } = await page.evaluate(async ({ src, narrowest, widest, tall }) => {
        const frame = document.createElement('iframe');
        frame.style.border = '0';
        frame.style.height = '100px';
        frame.style.width = `${widest}px`;
        const loaded = new Promise((done) => frame.addEventListener('load', done, { once: true }));
        frame.src = src;
        document.body.append(frame);
        await loaded;
        const root = frame.contentDocument.documentElement;
        const steps = [];
        for (let width = narrowest; width <= widest; width += 1) {
          frame.style.width = `${width}px`;
          const height = Math.ceil(root.getBoundingClientRect().height);
          const last = steps.at(-1);
          const near = last > tall && height > tall && Math.abs(height - last) <= last / 10;
          if (last !== height && !near) steps.push(width, height);
        }
        // The page's address in its story's folder: its own address from its base, the folder.
        const doc = frame.contentDocument;
        const story = doc.getElementById('story').dataset.story;
        const own = doc.location.href.slice(doc.baseURI.length);
        frame.remove();
        return { story, own, steps };
      }, { src: url + path, narrowest: NARROWEST, widest: WIDEST, tall: TALL });
      (heights[story] ??= {})[own] = steps;
    }
    return heights;
  } finally {
    await page.close();
  }
}

/** The height `steps` give at `width`: the last step at or below it, the first below them all
 * (as static/embed.js and src/embed.rs's `height_at` read them). */
export function heightAt(steps, width) {
  let height = steps[1];
  for (let i = 0; i < steps.length; i += 2) if (steps[i] <= width) height = steps[i + 1];
  return height;
}

/** The file the build reads: one page a line, so a change shows as the pages it changes. */
export function file(heights) {
  const stories = Object.entries(heights).map(([story, pages]) => {
    const lines = Object.entries(pages).map(([path, steps]) => `    ${JSON.stringify(path)}: ${JSON.stringify(steps)}`);
    return `  ${JSON.stringify(story)}: {\n${lines.join(',\n')}\n  }`;
  });
  return `{\n${stories.join(',\n')}\n}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { ROOT, framePages, host, launch } = await import('./harness.mjs');
  const server = await host();
  const browser = await launch();
  try {
    const heights = await measure(browser, server.url, await framePages());
    await writeFile(join(ROOT, 'static/embed-heights.json'), file(heights));
    const pages = Object.values(heights).reduce((sum, story) => sum + Object.keys(story).length, 0);
    console.log(`static/embed-heights.json: ${pages} pages from ${NARROWEST} to ${WIDEST} px`);
  } finally {
    await browser.close();
    await server.close();
  }
}
