// The demo's HTML pages as scripts/start.mjs serves them, put together from their files on each
// change (one source for each part, nothing copied by hand):
// - a local stylesheet (`<link rel="stylesheet" href="/host.css">`) is inlined as a `<style>`, so
//   the first paint waits for no second request (host.css is small and all of it is above the fold);
// - after the SDK's `<script type="module" src="/sdk/ipr-elements.js">`, a `<link rel="modulepreload">`
//   for every file the page will load before its tags render: the entry's static imports and the
//   on-demand chunks of the `ipr-*` tags in its markup (at low priority: the first paint needs none
//   of them), from the build's `ipr-preload.json`. The browser then asks for all of them at once,
//   instead of one level of imports per round trip.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

const PRELOAD_MANIFEST = 'ipr-preload.json';
const SDK_SCRIPT = /<script type="module" src="([^"]*\/)ipr-elements\.js"><\/script>/;
const STYLESHEET = /<link rel="stylesheet" href="\/([\w./-]+\.css)"\s*\/?>/g;

/** The `ipr-*` tags written in the page's markup (not in its comments or scripts). */
export function tagsInMarkup(html) {
  const markup = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<script\b[\s\S]*?<\/script>/gi, '');
  return new Set([...markup.matchAll(/<(ipr-[a-z0-9-]+)[\s/>]/g)].map((m) => m[1]));
}

/**
 * The SDK files a page with `tags` loads before they render, in the order the manifest gives:
 * `entry` (what the entry needs before it runs) and `chunks` (what the tags' chunks need).
 */
export function sdkFiles(manifest, tags) {
  const entry = manifest.entry.slice(1);
  const chunks = new Set();
  for (const tag of tags) for (const file of manifest.tags[tag] ?? []) if (!entry.includes(file)) chunks.add(file);
  return { entry, chunks: [...chunks] };
}

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const pages = new Map();

/**
 * The page `rel` of `demoDir` as served (a Buffer), or null when it is not an HTML file there.
 * Cached until the page, a stylesheet it inlines or the SDK's manifest changes.
 */
export function demoPage(demoDir, rel, sdkDir) {
  const base = resolve(demoDir);
  const file = resolve(base, rel);
  if (!file.startsWith(base + sep) || !file.endsWith('.html') || !existsSync(file)) return null;
  const manifestFile = join(sdkDir, PRELOAD_MANIFEST);
  const html = readFileSync(file, 'utf8');
  const sheets = [...html.matchAll(STYLESHEET)].map((m) => resolve(base, m[1])).filter((f) => f.startsWith(base + sep));
  const key = [file, manifestFile, ...sheets].map((f) => `${f}:${mtime(f)}`).join('|');
  const cached = pages.get(file);
  if (cached?.key === key) return cached.bytes;

  let out = html.replace(STYLESHEET, (link, path) => {
    const sheet = resolve(base, path);
    return sheet.startsWith(base + sep) && existsSync(sheet)
      ? `<style>\n${readFileSync(sheet, 'utf8').trim()}\n</style>`
      : link;
  });
  const script = SDK_SCRIPT.exec(out);
  if (script && existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const { entry, chunks } = sdkFiles(manifest, tagsInMarkup(html));
    // The chunks at low priority: the page paints without them (its HTML and inlined styles are
    // enough), so they should not compete with what it does need first; they still start at once.
    const links = [
      ...entry.map((f) => `\n  <link rel="modulepreload" href="${script[1]}${f}" />`),
      ...chunks.map((f) => `\n  <link rel="modulepreload" href="${script[1]}${f}" fetchpriority="low" />`),
    ];
    out = out.replace(script[0], `${script[0]}${links.join('')}`);
  }
  const bytes = Buffer.from(out);
  pages.set(file, { key, bytes });
  return bytes;
}
