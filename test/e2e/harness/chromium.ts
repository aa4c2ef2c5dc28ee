/**
 * Debian's Chromium, driven by playwright-core (which downloads no browser of its own).
 * Flags: ../shared/research/toolchain.md §6 — headless, no sandbox as root, nothing that phones home.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM } from './paths';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--mute-audio',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];

export function assertChromiumInstalled(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium không có tại ${CHROMIUM}: kiểm thử đầu-cuối cần trình duyệt thật. ` +
        `Cài bằng "apt-get install --no-install-recommends chromium fonts-dejavu-core" (npm test tự cài khi chạy với quyền root), ` +
        `hoặc đặt PAR_CHROMIUM=/đường/dẫn/chromium. / Chromium is missing at ${CHROMIUM}: the end-to-end tests need a real browser.`,
    );
  }
}

export async function launchChromium(): Promise<Browser> {
  assertChromiumInstalled();
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}
