// One small interface over three browser engines, so that every flow and
// audit runs unchanged in each: Chromium (puppeteer over CDP), Firefox ESR
// (puppeteer over WebDriver BiDi) and WebKitGTK (selenium-webdriver over
// WebDriver, talking to WebKitWebDriver and its MiniBrowser).
//
// Every document the tests open collects its own problems: console errors,
// uncaught exceptions, rejected promises and Content Security Policy
// violations. In Chromium and Firefox the collector is a preload script, so
// it sees the page from its first byte. Classic WebDriver has no preload
// script (and WebKitWebDriver no BiDi yet): in WebKit it is installed right
// after the load event, before the WebAssembly starts, so it sees what the
// running page does; what the prerendered HTML itself holds is checked by
// the Go tests (no style attribute, no inline script).

import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const engines = (process.env.CVQ_ENGINES || 'chromium,firefox,webkit').split(',').map(s => s.trim()).filter(Boolean);

export const baseURL = (() => {
  const u = process.env.CVQ_BASE_URL;
  if (!u) throw new Error('CVQ_BASE_URL is not set: run the browser tests with ./build.sh test');
  return u.replace(/\/$/, '');
})();

// scrollThrough scrolls the page down a screen, or back to its top from
// its end, and reports whether every pane is drawn: the panes under the
// first screen are drawn as they come near the view, so, polled, it
// scrolls through the page as a reader does.
const scrollThrough = `(() => {
  if (document.querySelector("#wasm-ready:not(.later)")) return true;
  const end = scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
  scrollTo(0, end ? 0 : scrollY + innerHeight);
  return false;
})()`;

// collector is evaluated in every document, before its own scripts where
// the driver allows it. It is idempotent.
const collector = `(() => {
  if (window.__cvq) return;
  const problems = [];
  window.__cvq = { problems };
  const text = v => { try { return v instanceof Error ? v.stack || String(v) : typeof v === 'string' ? v : JSON.stringify(v); } catch { return String(v); } };
  addEventListener('securitypolicyviolation', e => problems.push('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + (e.sourceFile || e.documentURI) + ':' + e.lineNumber + ' ' + (e.sample || '')), true);
  // "ResizeObserver loop completed with undelivered notifications" is the
  // browser noting that it deferred a resize to the next frame (the embed
  // reports its height from a ResizeObserver): a notice, not an error of
  // the page's.
  addEventListener('error', e => { if (e instanceof ErrorEvent && !/^(ResizeObserver loop|Uncaught ResizeObserver loop)/.test(e.message || '')) problems.push('uncaught: ' + e.message + ' at ' + e.filename + ':' + e.lineno); }, true);
  addEventListener('unhandledrejection', e => problems.push('unhandled rejection: ' + text(e.reason)));
  const error = console.error.bind(console);
  console.error = (...args) => { problems.push('console.error: ' + args.map(text).join(' ')); error(...args); };
})()`;

// withTimeout rejects when p has not settled within ms.
function withTimeout(p, ms, what) {
  let timer;
  return Promise.race([p, new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(what + ': no answer in ' + ms + ' ms')), ms); })])
    .finally(() => clearTimeout(timer));
}

// freePort asks the system for a free TCP port (for WebKitWebDriver, whose
// port must be given on its command line).
async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

function which(names) {
  for (const n of names) {
    try { return execFileSync('sh', ['-c', 'command -v ' + n], { encoding: 'utf8' }).trim(); } catch {}
  }
  return '';
}

// chromiumPath is Debian's chromium, or CVQ_CHROMIUM.
export function chromiumPath() {
  return process.env.CVQ_CHROMIUM || which(['chromium', 'chromium-browser', 'google-chrome']);
}

// miniBrowser finds WebKitGTK's MiniBrowser in the webkit2gtk-4.1 library
// directory (it is not on PATH).
function miniBrowser() {
  if (process.env.CVQ_MINIBROWSER) return process.env.CVQ_MINIBROWSER;
  for (const pkg of ['libwebkit2gtk-4.1-0', 'libwebkitgtk-6.0-4']) {
    try {
      const files = execFileSync('dpkg', ['-L', pkg], { encoding: 'utf8' }).split('\n');
      const mb = files.find(f => f.endsWith('/MiniBrowser'));
      if (mb) return mb;
    } catch {}
  }
  throw new Error('MiniBrowser not found: install webkit2gtk-driver');
}

// open starts a browser of the given engine and returns a Session.
export async function open(engine) {
  switch (engine) {
    case 'chromium':
    case 'firefox':
      return PuppeteerSession.start(engine);
    case 'webkit':
      return WebKitSession.start();
  }
  throw new Error('unknown engine ' + engine);
}

// Session methods shared by both drivers, built on a few primitives:
// run(js) evaluates an expression in the current frame, awaiting a promise.
class Session {
  // waitFor polls a JavaScript condition until it is true.
  async waitFor(what, js, timeout = 20000) {
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        if (await this.run(js)) return;
      } catch (e) { last = e; }
      if (Date.now() > end) throw new Error(`waiting until ${what} (${js})${last ? ': ' + last.message : ''}`);
      await sleep(100);
    }
  }

  // live loads a page of the site and waits until the WebAssembly has
  // replaced the prerendered page and drawn every pane (#wasm-ready is
  // rendered only then; it has the class later while panes below the
  // first screen still wait to come near the view: the page is scrolled
  // through, a screen at a time, until they are drawn, then back to its
  // top).
  // Each visit is a first one: local storage is cleared from another page
  // of the site, so that the page under test loads once, with its link.
  async live(path, timeout = 60000) {
    await this.goto(baseURL + '/web/icon.svg');
    await this.run('(localStorage.clear(), true)');
    await this.goto(baseURL + path);
    await this.waitFor('the page is live', `document.querySelector("#wasm-ready") !== null`, timeout);
    await this.waitFor('every pane drawn', scrollThrough, timeout);
    await this.run('(scrollTo(0, 0), true)');
  }

  async text(sel) { return this.run(`document.querySelector(${JSON.stringify(sel)})?.textContent ?? null`); }
}

class PuppeteerSession extends Session {
  static async start(engine) {
    const puppeteer = (await import('puppeteer-core')).default;
    const s = new PuppeteerSession();
    s.engine = engine;
    s.profile = mkdtempSync(join(tmpdir(), 'cvq-' + engine + '-'));
    if (engine === 'chromium') {
      s.browser = await puppeteer.launch({
        executablePath: chromiumPath(),
        headless: true,
        userDataDir: s.profile,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync'],
      });
    } else {
      s.browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: process.env.CVQ_FIREFOX || which(['firefox-esr', 'firefox']),
        headless: true,
        userDataDir: s.profile,
        extraPrefsFirefox: { 'dom.reporting.enabled': true },
      });
    }
    s.page = await s.browser.newPage();
    await s.page.setViewport({ width: 1280, height: 900 });
    s.driverProblems = [];
    await s.page.evaluateOnNewDocument(collector);
    // The browser's own request for /favicon.ico, made for documents
    // without an icon link (the SVG the tests clear storage from), is none
    // of the page's business.
    s.page.on('pageerror', e => { if (!/ResizeObserver loop|\/favicon\.ico/.test(e?.message ?? '')) s.driverProblems.push('uncaught: ' + (e?.message ?? e)); });
    s.page.on('console', m => {
      const at = m.location()?.url ?? '';
      if (m.type() === 'error' && !at.endsWith('/favicon.ico') && !m.text().includes('/favicon.ico')) s.driverProblems.push('console error: ' + m.text() + ' ' + at);
    });
    s.frame = s.page.mainFrame();
    return s;
  }

  async goto(url) {
    this.frame = this.page.mainFrame();
    this.driverProblems = [];
    await this.page.goto(url, { waitUntil: 'load' });
  }

  async run(js) {
    return this.frame.evaluate(js);
  }

  // inFrame runs f with the session pointed at the iframe matching sel.
  async inFrame(sel, f) {
    const handle = await this.frame.waitForSelector(sel);
    const frame = await handle.contentFrame();
    const outer = this.frame;
    this.frame = frame;
    try { return await f(); } finally { this.frame = outer; }
  }

  async type(sel, text) {
    await this.frame.focus(sel);
    await this.page.keyboard.type(text, { delay: 20 });
  }

  async press(key) { await this.page.keyboard.press(key === 'Space' ? ' ' : key); }

  // A click scrolls its element into view first; a pane coming into view
  // can be drawn then, replacing the element before the press. The press
  // then goes to the element now in its place, as a reader's would.
  async click(sel) {
    try {
      await this.frame.click(sel);
    } catch (e) {
      if (!/not clickable or not an Element|detached/i.test(e.message)) throw e;
      await this.frame.click(sel);
    }
  }

  async viewport(width, height) { await this.page.setViewport({ width, height }); }

  async screenshot(path) { writeFileSync(path, await this.page.screenshot({ fullPage: true })); }

  // problems returns what the documents of the page collected: the page's
  // and those of its frames, and what the driver itself saw.
  async problems() {
    const out = [...this.driverProblems];
    for (const f of this.page.frames()) {
      try {
        const p = await f.evaluate(`window.__cvq ? window.__cvq.problems : ["no problem collector in " + location.href]`);
        out.push(...p.map(x => x + ' [' + f.url() + ']'));
      } catch {}
    }
    return [...new Set(out)];
  }

  async close() {
    await this.browser.close();
    rmSync(this.profile, { recursive: true, force: true });
  }
}

class WebKitSession extends Session {
  // start launches WebKitWebDriver and a MiniBrowser session; a session
  // that does not come up within 45 s (a MiniBrowser that died on a busy
  // machine) is given up and tried once more, so that nothing hangs.
  static async start() {
    let last;
    for (let attempt = 0; attempt < 2; attempt++) {
      const s = new WebKitSession();
      try {
        await withTimeout(s.launch(), 45000, 'starting a WebKit session');
        return s;
      } catch (e) {
        last = e;
        s.proc?.kill('SIGKILL');
      }
    }
    throw last;
  }

  async launch() {
    const { Builder, Capabilities, Key, By } = await import('selenium-webdriver');
    this.engine = 'webkit';
    this.Key = Key;
    this.By = By;
    const port = await freePort();
    const driver = process.env.CVQ_WEBKITDRIVER || which(['WebKitWebDriver']);
    this.proc = spawn(driver, ['--port=' + port], { stdio: ['ignore', 'ignore', 'ignore'] });
    const url = `http://127.0.0.1:${port}`;
    const end = Date.now() + 20000;
    while (Date.now() < end) {
      try { const r = await fetch(url + '/status'); if (r.ok) break; } catch {}
      await sleep(100);
    }
    const caps = new Capabilities();
    caps.set('browserName', 'MiniBrowser');
    caps.set('webkitgtk:browserOptions', { binary: miniBrowser(), args: ['--automation'] });
    this.driver = await new Builder().usingServer(url).withCapabilities(caps).build();
    await this.driver.manage().setTimeouts({ script: 60000, pageLoad: 60000 });
    await this.driver.manage().window().setRect({ width: 1280, height: 900 }).catch(() => {});
  }

  async goto(url) {
    await this.driver.switchTo().defaultContent();
    await this.driver.get(url);
    await this.driver.executeScript(collector);
  }

  async run(js) {
    return this.driver.executeScript(`return (${js})`);
  }

  async inFrame(sel, f) {
    const el = await this.driver.findElement(this.By.css(sel));
    await this.driver.switchTo().frame(el);
    await this.driver.executeScript(collector);
    try { return await f(); } finally { await this.driver.switchTo().parentFrame(); }
  }

  async type(sel, text) {
    const el = await this.driver.findElement(this.By.css(sel));
    await this.driver.executeScript('arguments[0].focus()', el);
    for (const ch of text) { await el.sendKeys(ch === '\n' ? this.Key.ENTER : ch); }
  }

  async press(key) {
    const k = { Tab: this.Key.TAB, Enter: this.Key.ENTER, Escape: this.Key.ESCAPE, ArrowRight: this.Key.ARROW_RIGHT, ArrowLeft: this.Key.ARROW_LEFT, ArrowDown: this.Key.ARROW_DOWN, ArrowUp: this.Key.ARROW_UP, Space: ' ', End: this.Key.END }[key] ?? key;
    await this.driver.actions().sendKeys(k).perform();
  }

  // As in PuppeteerSession: an element replaced as it was scrolled into
  // view is found again.
  async click(sel) {
    try {
      await (await this.driver.findElement(this.By.css(sel))).click();
    } catch (e) {
      if (e.name !== 'StaleElementReferenceError') throw e;
      await (await this.driver.findElement(this.By.css(sel))).click();
    }
  }

  async viewport(width, height) {
    await this.driver.manage().window().setRect({ width, height });
  }

  async screenshot(path) { writeFileSync(path, Buffer.from(await this.driver.takeScreenshot(), 'base64')); }

  async problems() {
    const out = [];
    const collect = async where => {
      // A frame that loaded after the last look gets its collector now:
      // it sees from here on (frames not loaded yet are about:blank).
      const p = await this.driver.executeScript(`if (location.href === "about:blank") return []; if (!window.__cvq) { ${collector}; return [] } return window.__cvq.problems`);
      out.push(...p.map(x => x + ' [' + where + ']'));
    };
    await this.driver.switchTo().defaultContent();
    await collect('page');
    const frames = await this.driver.findElements(this.By.css('iframe'));
    for (let i = 0; i < frames.length; i++) {
      try {
        await this.driver.switchTo().frame(frames[i]);
        await collect('frame ' + i);
      } catch {} finally { await this.driver.switchTo().defaultContent(); }
    }
    return out;
  }

  async close() {
    try { await withTimeout(this.driver.quit(), 20000, 'closing the WebKit session'); } catch {} finally { this.proc.kill('SIGKILL'); }
  }
}
