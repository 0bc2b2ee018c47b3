// Makes sure a Chromium is there for the browser suites, without letting any tool download
// its own browser: CHROME_PATH wins, then Debian's /usr/bin/chromium, installed with apt
// when missing and we are root. Prints the path it settled on.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export function chromiumPath() {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

export function ensureChromium() {
  const path = chromiumPath();
  if (existsSync(path)) return path;
  if (process.env.CHROME_PATH) throw new Error(`CHROME_PATH=${path} does not exist`);
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = root ? [] : ['sudo', '-n'];
  console.log("[ensure-chromium] /usr/bin/chromium is missing: installing Debian's chromium with apt-get");
  const run = (args) => {
    const [cmd, ...rest] = [...sudo, ...args];
    const r = spawnSync(cmd, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0)
      throw new Error(`${args.join(' ')} failed (exit ${r.status}); install chromium or set CHROME_PATH`);
  };
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', 'chromium']);
  if (!existsSync(path)) throw new Error('chromium was installed but /usr/bin/chromium is still missing');
  return path;
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
