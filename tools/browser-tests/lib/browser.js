// Chromium, axe-core and the few helpers every browser test uses.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

/** Debian's Chromium, never a downloaded one; flags that keep it from calling home or needing a GPU or sandbox. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 740 };

/**
 * Runs axe-core on the page as it is and fails on any violation of "serious" or "critical" impact, naming each rule
 * and the elements it found.
 */
export async function axe(page, name) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: AXE });
  }
  const violations = await page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  });
  assert.deepEqual(violations, [], `axe-core on ${name ?? page.url()}:\n  ${violations.join('\n  ')}`);
  // axe-core 4.7+ no longer reports duplicate ids, which break a label's for= and aria references: said here
  const duplicates = await page.evaluate(() => {
    const seen = new Map();
    document.querySelectorAll('[id]').forEach((element) => seen.set(element.id, (seen.get(element.id) ?? 0) + 1));
    return [...seen].filter(([, count]) => count > 1).map(([id, count]) => `#${id} ×${count}`);
  });
  if (duplicates.length > 0) {
    console.warn(`duplicate ids on ${name ?? page.url()}: ${duplicates.join(', ')}`);
  }
}

/** A full-page screenshot in HERALD_SCREENSHOTS (the module's target/screenshots), named for docs/screenshots. */
export async function screenshot(page, name) {
  const folder = process.env.HERALD_SCREENSHOTS;
  if (folder) {
    await mkdir(folder, { recursive: true });
    await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: true });
  }
}

/** Checks a page as every visited page is checked (axe-core), then keeps a screenshot of it if named. */
export async function visited(page, name, { shot } = {}) {
  await axe(page, name);
  if (shot) {
    await screenshot(page, shot);
  }
}

/**
 * Polls until the check returns something truthy, and returns it; fails with the last error or value after the
 * timeout. For what the page cannot wait on by itself (a mailbox, a list filled by another service).
 */
export async function waitFor(check, { timeout = 60_000, interval = 500, what = 'the condition' } = {}) {
  const until = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) {
        return value;
      }
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) {
      throw new Error(`waited ${timeout} ms for ${what}; last: ${last?.stack ?? last}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** No horizontal scrolling of the page itself at this width: wide tables scroll inside their own wrapper. */
export async function fitsTheWidth(page, name) {
  const [scrollWidth, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scrollWidth <= width + 1, `${name} is ${scrollWidth}px wide at a ${width}px viewport`);
}
