// A server command for screenshots written for review (never compared): the browser sends a
// name and the box to capture, the launcher's puppeteer page takes it and writes a PNG to
// `outDir` (git-ignored test-results/). It also makes sure a CJK font is installed before the
// browser starts, so zh-CN text shows characters rather than boxes.
import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ensureCjkFont } from '../../../../scripts/ensure-chromium.mjs';

const NAME = /^[a-z0-9][a-z0-9.-]{0,120}$/;

function isClip(v) {
  return (
    v != null &&
    typeof v === 'object' &&
    ['x', 'y', 'width', 'height'].every((k) => typeof v[k] === 'number' && Number.isFinite(v[k]) && v[k] >= 0)
  );
}

export function screenshotPlugin(outDir) {
  return {
    name: 'ipr-save-screenshot',
    serverStart() {
      ensureCjkFont();
    },
    async executeCommand({ command, payload, session }) {
      if (command !== 'save-screenshot') return undefined;
      const { name, clip } = payload ?? {};
      if (typeof name !== 'string' || !NAME.test(name)) throw new Error(`save-screenshot: bad name ${name}`);
      if (clip !== undefined && !isClip(clip)) throw new Error('save-screenshot: clip is { x, y, width, height }');
      if (session.browser.type !== 'puppeteer') throw new Error(`save-screenshot: no page for ${session.browser.type}`);
      const page = session.browser.getPage(session.id);
      await mkdir(outDir, { recursive: true });
      const path = join(outDir, `${name}.png`);
      // captureBeyondViewport: an element taller than the window is captured whole.
      await page.screenshot({ path, clip, captureBeyondViewport: true });
      return { path: relative(process.cwd(), path) };
    },
  };
}
