// Writes a story file for the benchmark: the story of `from` with ten times its prose and the same
// figures, charts and islands, under its own id, so the engine's time on it can be set beside its
// time on the story itself (issue 13: with islands it should barely change). The story's rules
// allow a figure once per section, so a paragraph with a figure in it stays one; the others are
// written as many times over as makes the prose ten times as long.
// Usage: node tenfold.mjs FROM.toml TO.toml
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

const [from, to] = process.argv.slice(2);
const text = await readFile(from, 'utf8');
const PARAGRAPH = /^\[\[(intro|chapters\.blocks)\]\]\ntype = "paragraph"\ntext = "(.*)"\n/gm;
const paragraphs = [...text.matchAll(PARAGRAPH)].map((m) => m[2]);
const hasFigure = (words) => /\d/.test(words);
const length = (list) => list.reduce((sum, words) => sum + [...words].length, 0);
const fixed = length(paragraphs.filter(hasFigure));
const free = length(paragraphs.filter((words) => !hasFigure(words)));
if (free === 0) throw new Error(`${from}: no paragraph without a figure to repeat`);
const times = Math.ceil((10 * (fixed + free) - fixed) / free);
const tenfold = text
  .replace(/^id = "[^"]+"$/m, 'id = "prose-tenfold"')
  // The source text, wherever the new file is written.
  .replace(/^text = "([^"]+\.txt)"$/m, (_, source) => `text = ${JSON.stringify(resolve(dirname(from), source))}`)
  .replace(PARAGRAPH, (block, _, words) => (hasFigure(words) ? block : `${block}\n`.repeat(times)));
const ratio = (fixed + free * times) / (fixed + free);
await writeFile(to, tenfold);
console.log(`${to}: ${paragraphs.length} paragraphs; those without a figure written ${times} times: ${ratio.toFixed(1)} times the prose`);
