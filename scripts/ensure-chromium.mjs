// Makes sure a Chromium is there for the browser suites, without letting any tool download
// its own browser: CHROME_PATH wins, then Debian's /usr/bin/chromium, installed with apt
// when missing and we are root. Prints the path it settled on. Also makes sure a CJK font is
// there, so zh-CN text in the screenshots of the responsive suite shows characters, not boxes.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export function chromiumPath() {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

/** Runs an apt-get command (through `sudo -n` unless root); the exit status. */
function apt(args) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const [cmd, ...rest] = [...(root ? [] : ['sudo', '-n']), 'apt-get', ...args];
  const r = spawnSync(cmd, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return r.status ?? 1;
}

let aptUpdated = false;
function aptInstall(pkg) {
  if (!aptUpdated && apt(['update', '-qq']) !== 0) return false;
  aptUpdated = true;
  return apt(['install', '-y', '-qq', '--no-install-recommends', pkg]) === 0;
}

export function ensureChromium() {
  const path = chromiumPath();
  ensureCjkFont();
  if (existsSync(path)) return path;
  if (process.env.CHROME_PATH) throw new Error(`CHROME_PATH=${path} does not exist`);
  console.log("[ensure-chromium] /usr/bin/chromium is missing: installing Debian's chromium with apt-get");
  if (!aptInstall('chromium')) throw new Error('apt-get install chromium failed; install chromium or set CHROME_PATH');
  if (!existsSync(path)) throw new Error('chromium was installed but /usr/bin/chromium is still missing');
  return path;
}

/** Whether fontconfig knows a font covering Chinese (`fc-list :lang=zh` prints something). */
export function hasCjkFont() {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '';
}

/**
 * Installs Debian's fonts-wqy-zenhei (about 10 MB; fonts-noto-cjk when that fails) when no CJK
 * font is present; does nothing when one is. Without one, Chromium draws zh-CN text as boxes:
 * only screenshots suffer, so a failed install warns instead of failing the run.
 */
export function ensureCjkFont() {
  if (hasCjkFont()) return true;
  console.log('[ensure-chromium] no CJK font (fc-list :lang=zh is empty): installing fonts-wqy-zenhei with apt-get');
  if ((aptInstall('fonts-wqy-zenhei') || aptInstall('fonts-noto-cjk')) && hasCjkFont()) return true;
  console.warn('[ensure-chromium] could not install a CJK font: zh-CN screenshots will show boxes');
  return false;
}

/** Flags that work for headless Chromium as root on this kind of machine (no network beyond loopback). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-sync',
  '--no-first-run',
  '--mute-audio',
  '--disable-quic',
];

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(ensureChromium());
}
