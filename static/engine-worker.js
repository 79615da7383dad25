/*
 * The worker of the engine frame (engine.js): runs engine.wasm, the CVQ
 * engine without the playground's page, and answers each request (a JSON
 * string: one request or an array of them) with a result (a JSON string:
 * one result or the array of them). Requests that arrive while the
 * engine starts wait for it.
 */
importScripts("wasm_exec.js");
(function () {
  "use strict";
  var answer = null, waiting = [];

  // The engine calls this once it runs, with its answer function and the
  // views' CSS; the name is removed at once.
  self.cvqEngineStart = function (fn, css) {
    delete self.cvqEngineStart;
    answer = fn;
    self.postMessage({type: "ready", css: String(css)});
    waiting.forEach(handle);
    waiting = null;
  };

  function handle(req) {
    var json;
    try { json = answer(req); } catch (e) { json = JSON.stringify({id: 0, error: "the engine failed", rows: []}); }
    self.postMessage({type: "result", json: json});
  }

  self.onmessage = function (ev) {
    if (typeof ev.data !== "string") return;
    if (answer) handle(ev.data);
    else waiting.push(ev.data);
  };

  var go = new Go();
  function run(result) { go.run(result.instance); }
  function failed() { self.postMessage({type: "failed"}); }
  var req = fetch("engine.wasm");
  (WebAssembly.instantiateStreaming
    ? WebAssembly.instantiateStreaming(req, go.importObject).catch(function () {
        return fetch("engine.wasm").then(function (r) { return r.arrayBuffer(); })
          .then(function (b) { return WebAssembly.instantiate(b, go.importObject); });
      })
    : req.then(function (r) { return r.arrayBuffer(); }).then(function (b) { return WebAssembly.instantiate(b, go.importObject); })
  ).then(run, failed);
})();
