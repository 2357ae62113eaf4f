// Finds a Chromium-based browser for the e2e tests and for `npm start`: CHROME_PATH first, then the usual
// install locations. On Debian as root it can install Debian's chromium package.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** Returns the browser path, or undefined when none is found. */
export function findChromium() {
  if (process.env.CHROME_PATH) {
    if (!existsSync(process.env.CHROME_PATH)) {
      throw new Error(`CHROME_PATH="${process.env.CHROME_PATH}" does not exist. Point it at a Chromium or Chrome binary, or unset it.`);
    }
    return process.env.CHROME_PATH;
  }
  return candidates.find((path) => existsSync(path));
}

const isDebianRoot = () => process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');

/** Returns the browser path, installing Debian's chromium when running as root on Debian; throws with how to install otherwise. */
export function ensureChromium({ log = console.log } = {}) {
  const found = findChromium();
  if (found) {
    return found;
  }
  if (isDebianRoot()) {
    log('No Chromium found: installing Debian\'s chromium package (apt-get install -y chromium)...');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    const installed = findChromium();
    if (installed) {
      return installed;
    }
  }
  throw new Error(
    'No Chromium or Chrome was found. Install one (Debian/Ubuntu: sudo apt-get install chromium; macOS: brew install --cask chromium) or set CHROME_PATH to its binary.',
  );
}
