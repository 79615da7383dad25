// Lighthouse's accessibility, best practices and SEO scores are 100 on the
// playground and the embed, in Chromium (Lighthouse speaks only the
// DevTools protocol). Performance is left out: it is a timing, measured by
// ./build.sh bench, never asserted. The three categories kept are checks
// of the page as served, the same on a busy machine as on an idle one.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { baseURL, chromiumPath, engines } from './driver.js';

const categories = ['accessibility', 'best-practices', 'seo'];

describe('lighthouse', { skip: !engines.includes('chromium') && 'chromium is not among CVQ_ENGINES' }, () => {
  let browser, profile, port;
  before(async () => {
    profile = mkdtempSync(join(tmpdir(), 'cvq-lighthouse-'));
    browser = await puppeteer.launch({
      executablePath: chromiumPath(), headless: true, userDataDir: profile,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--remote-debugging-port=0'],
    });
    port = Number(new URL(browser.wsEndpoint()).port);
  });
  after(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  for (const path of ['/', '/embed.html']) {
    test(`${path} scores 100`, async () => {
      const { lhr } = await lighthouse(baseURL + path, {
        port, output: 'json', logLevel: 'error', onlyCategories: categories,
        formFactor: 'desktop', screenEmulation: { disabled: true },
      });
      const scores = Object.fromEntries(categories.map(c => [c, Math.round(lhr.categories[c].score * 100)]));
      const failed = categories.flatMap(c => lhr.categories[c].auditRefs
        .filter(r => r.weight > 0 && lhr.audits[r.id].score !== null && lhr.audits[r.id].score < 1)
        .map(r => `${c}: ${r.id} (${lhr.audits[r.id].title})`));
      assert.deepEqual({ scores, failed }, { scores: { accessibility: 100, 'best-practices': 100, seo: 100 }, failed: [] });
    });
  }
});
