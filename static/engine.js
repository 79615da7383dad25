/*
 * The engine frame of embed.js: one hidden frame per documentation page, of
 * the playground's origin, that runs the CVQ engine (engine.wasm) in a
 * worker and answers every example of the page that framed it.
 *
 * It takes messages only from its parent window, of one kind:
 *   {type: "cvq-engine:answer", request: "<JSON of a request, or an array of them>"}
 * and answers, to the origin that asked first:
 *   {type: "cvq-engine:ready", css: "<the views' CSS>"}  once the engine runs
 *   {type: "cvq-engine:result", result: "<JSON of a result, or an array of them>"}
 *   {type: "cvq-engine:failed"}  if the engine cannot start
 * The engine only computes: a request carries example lines, a result
 * their answers; nothing else crosses.
 */
(function () {
  "use strict";
  var parentWin = window.parent;
  if (!parentWin || parentWin === window) return;
  var origin = null, readyMsg = null;

  function send(msg) {
    if (origin !== null) parentWin.postMessage(msg, origin === "null" ? "*" : origin);
  }

  function start() {
    var worker = new Worker("engine-worker.js");
    worker.onmessage = function (ev) {
      var d = ev.data;
      if (!d || typeof d !== "object") return;
      if (d.type === "ready") {
        readyMsg = {type: "cvq-engine:ready", css: String(d.css)};
        send(readyMsg); // nothing if no request came yet: then on the first
      } else if (d.type === "result") {
        send({type: "cvq-engine:result", result: String(d.json)});
      } else if (d.type === "failed") {
        send({type: "cvq-engine:failed"});
      }
    };
    worker.onerror = function () { send({type: "cvq-engine:failed"}); };
    return worker;
  }

  window.addEventListener("message", function (ev) {
    if (ev.source !== parentWin) return;
    var d = ev.data;
    if (!d || typeof d !== "object" || d.type !== "cvq-engine:answer" || typeof d.request !== "string") return;
    if (origin === null) {
      origin = ev.origin;
      if (readyMsg) send(readyMsg);
    } else if (ev.origin !== origin) {
      return;
    }
    worker.postMessage(d.request);
  });

  // The engine starts with the frame: the page that framed it asks as soon
  // as the frame has loaded, and waits for ready before asking more.
  var worker = start();
})();
