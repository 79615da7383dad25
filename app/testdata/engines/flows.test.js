// What a reader does with the playground, in every engine: the page comes
// alive, a typed line is answered, a link carries the state, an embed
// sizes itself in a documentation page, a broken policy shows its mistake
// at the field, and nothing goes wrong on the way (no console error, no
// uncaught exception, no Content Security Policy violation).

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { baseURL, engines, open } from './driver.js';
import { startHost } from './host.js';

const shots = new URL('../../../build/screenshots/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });

let host;
before(async () => { host = await startHost(baseURL); });
after(async () => { await host?.close(); });

// clean fails when the page or its frames reported a problem.
async function clean(s) {
  assert.deepEqual(await s.problems(), [], `problems in ${s.engine}`);
}

// A probe recording: cases on connections of their own, some failing.
const recording = readFileSync(new URL('../../probe/testdata/replay.txt', import.meta.url), 'utf8');

// drop drops a file on the editor as the browser does on a drop (an
// Event carrying a DataTransfer, which every engine constructs).
const drop = (name, text) => `(() => {
  const dt = new DataTransfer();
  dt.items.add(new File([${JSON.stringify(text)}], ${JSON.stringify(name)}, {type: "text/plain"}));
  const e = document.querySelector("#editor");
  for (const type of ["dragenter", "dragover", "drop"]) {
    const ev = new Event(type, {bubbles: true, cancelable: true});
    Object.defineProperty(ev, "dataTransfer", {value: dt});
    e.dispatchEvent(ev);
  }
  return true;
})()`;

// answers returns the server lines of the transcript.
const answers = `[...document.querySelectorAll("#transcript .sline")].map(e => e.textContent)`;

for (const engine of engines) {
  describe(engine, { concurrency: false }, () => {
    let s;
    before(async () => { s = await open(engine); }, { timeout: 120000 });
    after(async () => { await s?.close(); }, { timeout: 60000 });

    test('the problem collector sees a CSP violation', async () => {
      await s.goto(host.url + '/violates');
      await s.waitFor('the violation after the load', `window.__cvq && window.__cvq.problems.some(p => p.includes("style-src"))`, 10000);
      const p = await s.problems();
      // From the first byte where the driver can see it: the inline script.
      if (engine !== 'webkit') assert.ok(p.some(x => x.includes('script-src')), `the inline script's violation was not seen: ${JSON.stringify(p)}`);
    });

    test('the page becomes live', async () => {
      await s.goto(baseURL + '/');
      // Prerendered, the editor is read-only; the WebAssembly replaces it.
      await s.waitFor('the page is live', `document.querySelector("#wasm-ready") !== null && !document.querySelector("#editor").readOnly`, 60000);
      const lines = await s.run(answers);
      assert.equal(lines.length, 6);
      assert.match(lines[0], /^S: CVQ 1 5\.0\.0537 5\.0\.0537 1\.0\.0863 /);
      await s.screenshot(`${shots}${engine}-page.png`);
      await clean(s);
    });

    test('a click on a pane not drawn yet is carried over to it', async () => {
      // The tools are far below the first screen: until they are needed,
      // the prerendered ones stand in for them.
      await s.goto(baseURL + '/web/icon.svg');
      await s.run('(localStorage.clear(), true)');
      await s.goto(baseURL + '/');
      await s.waitFor('the stand-in of the tools', `document.querySelector("#wasm-ready") !== null && document.querySelector("#later-tools .tools-pane") !== null`, 60000);
      await s.click('#tab-builder');
      await s.waitFor('the builder opened by the click', `!document.querySelector("#later-tools") && document.querySelector("#tab-builder").getAttribute("aria-selected") === "true" && document.querySelector("#panel-builder") !== null`);
      await s.screenshot(`${shots}${engine}-stand-in-click.png`);
      await clean(s);
    });

    test('typing a new line computes its answer', async () => {
      await s.live('/');
      await s.run(`(e => { e.focus(); e.select(); return true })(document.querySelector("#editor"))`);
      await s.type('#editor', 'CVQ 6 spaghetti');
      await s.waitFor('the 731', `document.querySelector("#transcript .sline")?.textContent === "S: 731 6"`);
      assert.equal(await s.run(`document.querySelector("#editor").value`), 'CVQ 6 spaghetti');
      await clean(s);
    });

    test('a share link round-trips', async () => {
      const input = 'VER 1 MSNP8 CVR0\nCVR 2 0x0409 win 4.10 i386 MSNMSGR 5.0.0544 MSMSGS a@b.com';
      await s.live('/#policy=msn-2003-09&in=' + encodeURIComponent(input) + '&sel=2');
      await s.waitFor('the link\'s answer', `${answers}.some(t => t.startsWith("S: CVR 2 6.0.0602 6.0.0602 1.0.0000"))`);
      // An edit moves into the address; the address opened afresh (with
      // an empty local storage) brings back the same state.
      const before = await s.run('location.hash');
      await s.run(`(e => { e.focus(); e.setSelectionRange(e.value.length, e.value.length); return true })(document.querySelector("#editor"))`);
      await s.type('#editor', '\nCVQ 3 0x0c0a winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS');
      await s.waitFor('the answer', `${answers}.length === 2`);
      // The address is written once changes settle, and once the page
      // is first idle: it is read when it has changed and then stayed the
      // same for longer than the pause that writes it (a compact z= link
      // cannot be read for the typed line).
      await s.waitFor('the address follows', `(() => {
        const h = location.hash, w = window.__hashSeen || (window.__hashSeen = {h, t: performance.now()});
        if (w.h !== h) { w.h = h; w.t = performance.now(); return false; }
        return (h.includes("CVQ%203%200x0c0a") || (h.startsWith("#z=") && h !== ${JSON.stringify(before)})) && performance.now() - w.t > 1000;
      })()`);
      const link = await s.run('location.href');
      const want = await s.run(answers);
      await s.live(link.slice(baseURL.length));
      assert.equal(await s.run(`document.querySelector("#editor").value`), input + '\nCVQ 3 0x0c0a winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS');
      assert.equal(await s.run(`document.querySelector("#preset").value`), 'msn-2003-09');
      assert.deepEqual(await s.run(answers), want);
      await clean(s);
    });

    test('an example on a documentation page of another site answers in place', async () => {
      await s.goto(host.url + '/docs');
      await s.waitFor('the example answered', `document.querySelector(".cvq-example")?.dataset.cvqState === "answered"`, 60000);
      const replies = await s.run(`[...document.querySelector(".cvq-example").shadowRoot.querySelectorAll(".x")].map(li => li.querySelector(".s")?.textContent ?? "")`);
      assert.equal(replies.length, 3);
      assert.ok(replies[0].includes('CVQ 1 5.0.0537'), replies[0]);
      assert.ok(replies[2].includes('420 3'), replies[2]);
      // One engine for the page, in one hidden frame; the view takes its
      // content's height (no inner scrollbar).
      assert.equal(await s.run(`document.querySelectorAll("iframe").length`), 1);
      const fit = await s.run(`(v => [v.scrollHeight, v.clientHeight])(document.querySelector(".cvq-example").shadowRoot.querySelector(".v"))`);
      assert.ok(fit[0] <= fit[1] + 1, `the view scrolls inside: ${fit}`);
      await clean(s);
    });

    test('a page written as the wikis write is found, answered and checked', async () => {
      await s.goto(host.url + '/wiki');
      await s.waitFor('every transcript answered', `(() => {
        const e = [...document.querySelectorAll(".cvq-example")];
        const waiting = e.find(x => x.dataset.cvqState !== "answered");
        if (waiting) waiting.scrollIntoView({block: "center"});
        return e.length === 5 && !waiting;
      })()`, 60000);
      // Per block: "-" when nothing was put after it, else its check and policy.
      const blocks = await s.run(`[...document.querySelectorAll("pre")].map(p => {
        const n = p.nextElementSibling;
        if (!n || !n.matches(".cvq-example")) return "-";
        return n.dataset.cvqCheck + " " + n.shadowRoot.querySelector(".pol").textContent.replace("policy ", "");
      })`);
      assert.deepEqual(blocks, ['-', 'match msnp-wiki', 'differ msnp-wiki', 'match msn-2003-09', '-', 'match msn-2006-12', 'none msnp-wiki', '-']);
      // The wrong answer: both lines, and why.
      const differ = await s.run(`(r => [r.querySelector(".cmp .dl").textContent, r.querySelector(".cmp .s").textContent, r.querySelector(".why").textContent])(document.querySelector('[data-cvq-check="differ"]').shadowRoot)`);
      assert.ok(differ[0].startsWith('S: CVQ 5 7.0.0813'), differ[0]);
      assert.equal(differ[1], 'S: 710 5');
      assert.match(differ[2], /0x1111/);
      await clean(s);
    });

    test('the docs page\'s examples answer', async () => {
      await s.goto(baseURL + '/web/embed-demo.html');
      // Examples start as they come into view: each poll brings the first
      // one not answered yet into view.
      await s.waitFor('every example answered', `(() => {
        const e = [...document.querySelectorAll("[data-cvq-state]")];
        const waiting = e.find(x => x.dataset.cvqState !== "answered");
        if (waiting) waiting.scrollIntoView({block: "center"});
        return e.length >= 20 && !waiting;
      })()`, 90000);
      const errors = await s.run(`document.querySelectorAll('[data-cvq-state="error"]').length`);
      assert.equal(errors, 0);
      await clean(s);
    });

    test('a recording dropped on the editor opens, its cases marked, and every era answers its line', async () => {
      await s.live('/');
      await s.run(drop('replay.txt', recording));
      await s.waitFor('the recording opened', `document.querySelector("#file-message")?.textContent.startsWith("Opened replay.txt, recorded against msn-2003-09")`);
      assert.equal(await s.run(`document.querySelector("#editor").value`), recording);
      assert.equal(await s.run(`document.querySelector("#preset").value`), 'msn-2003-09');
      assert.equal(await s.text('#transcript-summary'), '15 client lines, 8 connections, 3 differ from the pasted answers');
      const heads = await s.run(`[...document.querySelectorAll("#transcript .case-head")].map(h => h.textContent)`);
      assert.equal(heads.length, 8);
      assert.equal(heads[1], 'case msn-2003-09/cvr/outdated/2 · FAIL');
      const marked = await s.run(`[...document.querySelectorAll("#transcript .exchange.differs .expect mark")].map(m => m.textContent)`);
      assert.deepEqual(marked, ['5.0.0537', '5.0.0537', '5.0.0537', 'https://revival.example', 'https://revival.example']);
      // The first differing line is selected; no era answers it as the
      // recorded server did; msn-2003-09 is in force.
      await s.waitFor('the eras of that line', `document.querySelector("#eras-verdict")?.textContent === "No preset reproduces the pasted answer."`);
      assert.equal(await s.run(`document.querySelector("#eras .in-force")?.dataset.preset`), 'msn-2003-09');
      assert.equal(await s.run(`document.querySelectorAll("#eras-table tbody tr").length`), 11);
      await s.screenshot(`${shots}${engine}-recording.png`);
      // The user's text comes back on a click.
      await s.click('#restore');
      await s.waitFor('the user\'s text back', `!document.querySelector("#editor").value.includes("probe recording")`);
      await clean(s);
    });

    test('a broken policy shows its error at the field', async () => {
      await s.live('/');
      await s.click('#tab-policy');
      await s.waitFor('the policy editor', `document.querySelector("#policy-json") !== null`);
      await s.run(`(e => { e.value = e.value.replace('"minimum": "6.2.0205"', '"minimum": 6.2'); e.dispatchEvent(new Event("input", {bubbles: true})); return true })(document.querySelector("#policy-json"))`);
      await s.waitFor('the mistake is shown', `document.querySelector("#policy-error") !== null`);
      const msg = await s.text('#policy-error');
      assert.match(msg, /line \d+/);
      assert.match(msg, /minimum/);
      // At the field: the editor is marked invalid, described by the
      // message, and the message sits right under it.
      const at = await s.run(`(() => {
        const f = document.querySelector("#policy-json"), m = document.querySelector("#policy-error");
        const a = f.getBoundingClientRect(), b = m.getBoundingClientRect();
        return { invalid: f.getAttribute("aria-invalid"), describedby: f.getAttribute("aria-describedby"), gap: b.top - a.bottom, left: Math.abs(b.left - a.left) };
      })()`);
      assert.equal(at.invalid, 'true');
      assert.equal(at.describedby, 'policy-error');
      assert.ok(at.gap >= -1 && at.gap < 40 && at.left < 40, `the message is not at the field: ${JSON.stringify(at)}`);
      // The last valid policy stays in force.
      assert.ok((await s.run(answers)).some(t => t.startsWith('S: CVQ 2 7.0.0813 7.0.0813 6.2.0205')));
      await clean(s);
    });
  });
}
