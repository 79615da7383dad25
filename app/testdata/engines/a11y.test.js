// Every reader: axe-core finds no WCAG 2.2 AA or best-practice violation in
// any view of the site, every control is reached and used with the keyboard
// alone and shows where the focus is, and the computed answer is announced
// politely once typing pauses.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { engines, open } from './driver.js';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const shots = new URL('../../../build/screenshots/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

// audit runs axe in the current document (frames are audited as pages of
// their own) and returns its violations, one line each.
async function audit(s) {
  assert.deepEqual(await s.problems(), [], 'problems before the audit');
  if (!(await s.run('typeof window.axe === "object"'))) await s.run(`(() => { ${axeSource}; return true })()`);
  const violations = await s.run(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(tags)} }, iframes: false, resultTypes: ['violations'] })
    .then(r => r.violations.map(v => v.id + ' (' + v.impact + ') ×' + v.nodes.length + ': ' + v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').split('\\n').slice(1, 2).join('')).join(' | ')))`);
  return violations;
}

async function openTool(s, id) {
  await s.click('#tab-' + id);
  await s.waitFor(`the ${id} panel`, `document.querySelector("#panel-${id}") !== null && document.querySelector("#tab-${id}").getAttribute("aria-selected") === "true"`);
}

// The views, each reached as a reader reaches it.
const views = {
  'page, light theme': async s => {
    await s.live('/');
    await s.waitFor('the light theme', `getComputedStyle(document.body).backgroundColor === "rgb(247, 248, 250)"`);
  },
  'page, dark theme': async s => {
    await s.live('/');
    await s.click('#theme');
    await s.waitFor('the dark theme', `document.documentElement.dataset.theme === "dark" && getComputedStyle(document.body).backgroundColor !== "rgb(247, 248, 250)"`);
  },
  'page, dark theme, a refused line explained': async s => {
    await s.live('/#theme=dark&sel=5&in=' + encodeURIComponent('CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\nCVQ 5 0x1111 winnt 5.1 MSNMSGR 6.0.0602 MSMSGS example@hotmail.com'));
    await s.click('#transcript .exchange:nth-child(2) .line-button');
    await s.waitFor('line 2 explained', `document.querySelector("#explanation .hint").textContent.startsWith("line 2 ")`);
  },
  'page with a recording, every era compared, dark': async s => {
    const rec = readFileSync(new URL('../../probe/testdata/replay.txt', import.meta.url), 'utf8');
    await s.live('/#theme=dark&policy=msn-2003-09&sel=15&in=' + encodeURIComponent(rec));
    await s.waitFor('every era of the differing line', `document.querySelector("#eras-verdict") !== null && document.querySelectorAll("#transcript .case-head").length > 0`);
  },
  'page at phone width': async s => {
    await s.viewport(390, 844);
    await s.live('/');
  },
  'policy editor': async s => { await s.live('/'); await openTool(s, 'policy'); },
  'line builder': async s => { await s.live('/'); await openTool(s, 'builder'); },
  'example gallery': async s => { await s.live('/'); await openTool(s, 'builder'); await openTool(s, 'examples'); },
  'help': async s => {
    await s.live('/');
    await s.click('#help-button');
    await s.waitFor('the help', `document.querySelector("#help") !== null`);
  },
  'embed': async s => {
    await s.live('/embed.html#policy=msn-2007-06&in=' + encodeURIComponent('VER 1 MSNP13 CVR0\nCVR 2 0x0c0a winnt 5.1 i386 MSNMSGR 8.0.0792 msmsgs user@hotmail.com') + '&sel=2');
  },
  'embed, explanation open, dark': async s => {
    await s.live('/embed.html#theme=dark&in=' + encodeURIComponent('CVQ 5 0x1111 winnt 5.1 MSNMSGR 6.0.0602 MSMSGS example@hotmail.com'));
    await s.click('.embed-explain summary');
    await s.waitFor('the explanation', `document.querySelector(".embed-explain").open`);
  },
  'demo documentation page': async s => {
    await s.live('/');
    await s.goto(s.base + '/web/embed-demo.html');
  },
};

for (const engine of engines) {
  describe(engine + ': axe', { concurrency: false }, () => {
    let s;
    before(async () => { s = await open(engine); s.base = (await import('./driver.js')).baseURL; }, { timeout: 120000 });
    after(async () => { await s?.close(); }, { timeout: 60000 });
    for (const [name, reach] of Object.entries(views)) {
      test(name, async () => {
        await s.viewport(1280, 900);
        await reach(s);
        assert.deepEqual(await audit(s), [], `axe violations in "${name}" (${engine})`);
      });
    }
  });

  describe(engine + ': keyboard and screen reader', { concurrency: false }, () => {
    let s;
    before(async () => { s = await open(engine); }, { timeout: 120000 });
    after(async () => { await s?.close(); }, { timeout: 60000 });

    // In a browser of its own: tabbing past the last control takes the
    // focus out of the page, where Firefox keeps it for later pages.
    test('every control is reached with Tab and shows its focus', async () => {
      const s = await open(engine);
      try {
        await s.live('/');
        // The controls on the page now; one that shows up later (a notice)
        // may come after the focus has passed its place.
        await s.run(`(document.querySelectorAll('a[href], button, select, textarea, input, summary, [tabindex]').forEach(e => e.dataset.kbExpected = "1"), document.activeElement?.blur(), window.scrollTo(0, 0), true)`);
        const seen = [];
        for (let i = 0; i < 200; i++) {
          await s.press('Tab');
          const at = await s.run(`(() => {
            const e = document.activeElement;
            if (!e || e === document.body) return null;
            e.dataset.kbReached = "1";
            const cs = getComputedStyle(e);
            const ring = (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== "none";
            return { id: e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className ? "." + String(e.className).split(" ")[0] : ""), ring, visible: e.matches(":focus-visible") };
          })()`);
          if (!at) { if (seen.length) break; continue; }
          if (seen.length && at.id === seen[0].id && i > 2) break;
          seen.push(at);
          if (at.id === 'button#copy-response.btn') await s.screenshot(`${shots}${engine}-focus-light.png`);
        }
        assert.ok(seen.length > 10, `Tab reached only ${seen.length} elements`);
        const noRing = seen.filter(x => !x.ring || !x.visible).map(x => x.id);
        assert.deepEqual(noRing, [], 'focused without a visible focus ring');
        const missed = await s.run(`[...document.querySelectorAll('a[href], button, select, textarea, input, summary, [tabindex]:not([tabindex="-1"])')]
          .filter(e => e.dataset.kbExpected && !e.disabled && e.getClientRects().length > 0 && !e.closest("[hidden], [inert]") && e.tabIndex >= 0 && !e.dataset.kbReached)
          .map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + "." + e.className + " " + JSON.stringify(e.textContent.slice(0, 40)))`);
        assert.deepEqual(missed, [], 'controls that Tab never reaches');
      } finally { await s.close(); }
    });

    test('the page is used with the keyboard alone', async () => {
      await s.live('/');
      // A line of the transcript: Enter explains it.
      await s.run(`(document.querySelectorAll("#transcript .line-button")[2].focus(), true)`);
      await s.press('Enter');
      await s.waitFor('line 3 explained', `document.querySelector("#explanation .hint").textContent.startsWith("line 3 ")`);
      // The tools' tabs: the arrows move the focus and select.
      await s.run(`(document.querySelector("#tab-examples").focus(), true)`);
      await s.press('ArrowRight');
      await s.waitFor('the builder tab', `document.activeElement?.id === "tab-builder" && document.querySelector("#tab-builder").getAttribute("aria-selected") === "true"`);
      // The builder inserts a line.
      await s.run(`(document.querySelector("#builder-insert").focus(), true)`);
      const before = await s.run(`document.querySelectorAll("#transcript .exchange").length`);
      await s.press('Enter');
      await s.waitFor('the built line is in', `document.querySelectorAll("#transcript .exchange").length === ${before + 1}`);
      // The theme button, with Space.
      await s.run(`(document.querySelector("#theme").focus(), true)`);
      await s.press('Space');
      await s.waitFor('the dark theme', `document.documentElement.dataset.theme === "dark"`);
      // Help opens with the focus in it and closes with Escape, the focus
      // back on its button.
      await s.run(`(document.querySelector("#help-button").focus(), true)`);
      await s.press('Enter');
      await s.waitFor('the help, focused', `document.activeElement?.id === "help-close"`);
      await s.press('Escape');
      await s.waitFor('the help closed', `document.querySelector("#help") === null && document.activeElement?.id === "help-button"`);
      await s.screenshot(`${shots}${engine}-focus-dark.png`);
      assert.deepEqual(await s.problems(), []);
    });

    test('the answer is announced once typing pauses', async () => {
      await s.live('/');
      const region = await s.run(`(() => { const r = document.querySelector("#announce"); return r && [r.getAttribute("role"), r.getAttribute("aria-live") || "polite"] })()`);
      assert.deepEqual(region, ['status', 'polite'], 'a polite live region');
      // Note when each key reaches the editor and when the region speaks.
      await s.run(`(() => {
        window.__typed = []; window.__said = [];
        const e = document.querySelector("#editor");
        e.addEventListener("input", () => window.__typed.push(performance.now()));
        new MutationObserver(() => window.__said.push([performance.now(), document.querySelector("#announce").textContent]))
          .observe(document.querySelector("#announce"), { childList: true, subtree: true, characterData: true });
        e.focus(); e.select(); return true;
      })()`);
      const line = 'CVQ 6 spaghetti';
      await s.type('#editor', line);
      await s.waitFor('the answer announced', `document.querySelector("#announce").textContent.includes("731 6")`);
      await new Promise(r => setTimeout(r, 800));
      const { typed, said } = await s.run('({ typed: window.__typed, said: window.__said.filter(([, t]) => t.trim() !== "") })');
      assert.equal(typed.length, line.length);
      // The region speaks only after a pause in typing (the page waits
      // 300 ms after the last change), never right after a keystroke.
      for (const [at, text] of said) {
        const last = Math.max(...typed.filter(k => k <= at));
        assert.ok(at - last >= 250, `announced ${Math.round(at - last)} ms after a keystroke: ${text}`);
      }
      assert.match(said.at(-1)[1], /^Line 1: .*731 6/);
    });
  });
}
