  // --- the engine frame ------------------------------------------------------
  //
  // One hidden frame of the playground's origin answers every example; it
  // is asked in batches (a JSON array of requests), and only its messages,
  // from that origin, are read.

  var base = page.base;
  var frame = null, ready = false, failed = false, css = "";
  var queue = [];    // examples waiting for the engine to start
  var batch = null;  // examples asking in this task: one message for them all

  function startEngine() {
    if (frame) return;
    frame = document.createElement("iframe");
    frame.src = new URL("web/engine.html", base).href;
    frame.title = "CVQ engine";
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    frame.style.cssText = "display:none";
    (document.body || document.documentElement).appendChild(frame);
    frame.addEventListener("load", function () {
      // The first message tells the frame who asks; the rest wait for ready.
      var first = queue;
      queue = [];
      post(first);
    });
    setTimeout(function () {
      if (!ready) fail();
    }, 30000);
  }

  // post asks for the answers of exs in as few messages as fit (a JSON
  // array of requests, about 256K characters of lines each at most).
  function post(exs) {
    var reqs = [], size = 0;
    exs.forEach(function (ex) {
      if (reqs.length && size + ex.input.length > MAX_BATCH) {
        send(reqs);
        reqs = [];
        size = 0;
      }
      reqs.push({id: ex.id, policy: ex.policy, in: ex.input, sel: ex.sel});
      size += ex.input.length;
    });
    if (reqs.length) send(reqs);
  }

  function send(reqs) {
    frame.contentWindow.postMessage({type: "cvq-engine:answer", request: JSON.stringify(reqs)}, base.origin);
  }

  function fail() {
    failed = true;
    examples.forEach(function (ex) {
      if (ex.host.getAttribute("data-cvq-state") !== "answered") showError(ex, "The CVQ engine did not start.");
    });
    themes(examples);
  }

  window.addEventListener("message", function (ev) {
    if (!frame || ev.source !== frame.contentWindow || ev.origin !== base.origin) return;
    var d = ev.data;
    if (!d || typeof d !== "object") return;
    if (d.type === "cvq-engine:ready" && typeof d.css === "string" && !ready) {
      ready = true;
      css = d.css;
      var q = queue;
      queue = [];
      post(q);
    } else if (d.type === "cvq-engine:result" && typeof d.result === "string") {
      var res, drawn = [];
      try { res = JSON.parse(d.result); } catch (e) { return; }
      (Array.isArray(res) ? res : [res]).forEach(function (r) {
        if (!r || typeof r !== "object") return;
        var ex = byId[r.id];
        if (!ex || ex.id !== r.id) return; // an answer to text since edited
        draw(ex, r);
        drawn.push(ex);
      });
      themes(drawn);
    } else if (d.type === "cvq-engine:failed" && !failed) {
      fail();
    }
  });

  function request(ex) {
    delete byId[ex.id];
    ex.id = nextId++;
    byId[ex.id] = ex;
    if (failed) return;
    startEngine();
    if (!ready) {
      if (queue.indexOf(ex) < 0) queue.push(ex);
    } else if (!batch) {
      // The examples that come into view together ask in one message.
      batch = [ex];
      Promise.resolve().then(function () {
        var b = batch;
        batch = null;
        post(b);
      });
    } else if (batch.indexOf(ex) < 0) {
      batch.push(ex);
    }
  }
