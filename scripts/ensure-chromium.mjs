// Debian's Chromium drives the e2e suite (no browser downloads here). Install it with apt-get when it is
// missing and we can; otherwise say exactly why, never skip silently.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return { ok: true };
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!hasApt) return { ok: false, reason: `${CHROMIUM_PATH} is missing and apt-get is not available: install Chromium and set CHROMIUM_PATH` };
  const sudo = isRoot ? [] : ['sudo', '-n'];
  console.log('=== installing Debian chromium with apt-get …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(isRoot ? [] : ['apt-get']), 'update'], { stdio: 'inherit', env });
  const install =
    update.status === 0
      ? spawnSync(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(isRoot ? [] : ['apt-get']), 'install', '-y', 'chromium', 'fonts-noto-core'], {
          stdio: 'inherit',
          env,
        })
      : update;
  if (install.status !== 0 || !existsSync(CHROMIUM_PATH)) {
    return {
      ok: false,
      reason: `${CHROMIUM_PATH} is missing and 'apt-get install chromium' failed${isRoot ? '' : ' (not root and sudo -n refused)'}: install it by hand or set CHROMIUM_PATH`,
    };
  }
  return { ok: true };
}
