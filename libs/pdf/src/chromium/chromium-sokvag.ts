import { accessSync, constants } from 'node:fs';
import { StartupError } from '@app/core';

const VANLIGA_SOKVAGAR = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

function isRunnable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** CHROMIUM_PATH when set, else the first Chromium or Chrome on the usual Linux paths. */
export function findChromium(konfigurerad: string | undefined): string {
  if (konfigurerad) {
    if (!isRunnable(konfigurerad))
      throw new StartupError(`CHROMIUM_PATH is "${konfigurerad}", which is not an executable file.`);
    return konfigurerad;
  }
  const hittad = VANLIGA_SOKVAGAR.find(isRunnable);
  if (!hittad) {
    throw new StartupError(
      `No Chromium found (looked in ${VANLIGA_SOKVAGAR.join(', ')}): install it with "apt-get install chromium" or set CHROMIUM_PATH.`,
    );
  }
  return hittad;
}
