/*
 * CVQ playground embed loader. Include it once on a documentation page:
 *
 *   <pre data-cvq data-policy="msnp-wiki">CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS</pre>
 *   <script src="https://your.site/cvq/web/embed.js" defer></script>
 *
 * Every example becomes live: <pre data-cvq>, and the Markdown fences that
 * documentation builds write, <pre><code class="language-cvq"> (also with
 * data-lang="cvq", inside Hugo's <div class="highlight">). Options come
 * from data-policy, data-sel and data-theme, or from first lines such as
 * "# policy: msn-2003-09", "# sel: 2", "# theme: dark".
 *
 * One engine answers the whole page: a hidden frame of the playground's
 * origin (web/engine.html), started when the first example nears the
 * viewport, runs engine.wasm in a worker. Each example is drawn after its
 * block as a view in a shadow root (answers, the client's reaction, the
 * explanation of a line on click, its lines editable, "Open in
 * playground"); a view written by `cvq-playground render` is made live in
 * place. Nothing from an example or an answer is ever parsed as HTML.
 * Messages are taken only from the engine frame, from the playground's
 * origin. The element after each example (div.cvq-example) carries
 * data-cvq-state: pending, answered (computed here) or error.
 * On the script tag, data-cvq-base overrides the playground's address (by
 * default the folder above this script's).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = new URL((script && script.dataset.cvqBase) || "../", script ? script.src : location.href);
  var MAX_INPUT = 2 << 20; // characters of an example sent to the engine
  var DEBOUNCE = 150;
  var MAX_BATCH = 256 << 10;

  var examples = [];
  var byId = {};
  var nextId = 1;
  var frame = null, ready = false, failed = false, sheet = null, css = "";
  var queue = [];    // examples waiting for the engine to start
  var batch = null;  // examples asking in this task: one message for them all

  function enc(s) {
    try {
      return encodeURIComponent(s).replace(/[!'()*]/g, function (c) {
        return "%" + c.charCodeAt(0).toString(16).toUpperCase();
      });
    } catch (e) { // a lone surrogate
      return enc(s.replace(/[\uD800-\uDFFF]/g, "\uFFFD"));
    }
  }

  function openURL(ex, policy) {
    var frag = "policy=" + enc(policy) + "&in=" + enc(ex.input);
    if (ex.sel) frag += "&sel=" + ex.sel;
    if (ex.theme) frag += "&theme=" + enc(ex.theme);
    return new URL("#" + frag, base).href;
  }

  // options reads "# policy: …", "# sel: …", "# theme: …" lines at the
  // start of text over the attributes' values (as the render command does).
  function options(text, o) {
    var lines = text.replace(/^[\r\n]+/, "").split("\n");
    var i = 0;
    for (; i < lines.length; i++) {
      var m = /^#\s*(policy|sel|theme)\s*:(.*)$/i.exec(lines[i].replace(/\r$/, ""));
      if (!m) break;
      var key = m[1].toLowerCase(), val = m[2].trim();
      if (key === "sel") { if (/^[0-9]+$/.test(val) && +val > 0) o.sel = +val; }
      else o[key] = val;
    }
    if (o.theme !== "dark" && o.theme !== "light") o.theme = "";
    o.input = lines.slice(i).join("\n");
    return o;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // --- the engine frame -------------------------------------------------

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
      var res;
      try { res = JSON.parse(d.result); } catch (e) { return; }
      (Array.isArray(res) ? res : [res]).forEach(function (r) {
        if (!r || typeof r !== "object") return;
        var ex = byId[r.id];
        if (!ex || ex.id !== r.id) return; // an answer to text since edited
        draw(ex, r);
      });
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

  // --- views --------------------------------------------------------------

  // build makes the live view's elements, once per example; draw fills them.
  // The markup is the render command's (app/docs/view.go), element for
  // element, so a rendered view is replaced at the same height.
  function build(ex) {
    var root = ex.host.shadowRoot;
    if (!root) root = ex.host.attachShadow({mode: "open"});
    style(root);
    var v = {};
    v.box = el("div", ex.theme === "dark" ? "v dark" : "v");
    v.box.setAttribute("role", "group");
    v.box.setAttribute("aria-label", "CVQ example " + ex.n);
    var hd = el("div", "hd");
    hd.appendChild(el("span", "", "Server answers"));
    v.pol = hd.appendChild(el("span", "pol", ""));
    v.box.appendChild(hd);
    v.msg = el("p", "msg");
    v.ed = null; // the editor, made when first opened
    v.list = el("ol", "tr");
    v.list.addEventListener("click", function (e) {
      var b = e.target.closest && e.target.closest("button.c");
      if (!b) return;
      var line = +b.dataset.line;
      ex.sel = ex.explaining && ex.sel === line ? 0 : line;
      ex.explaining = ex.sel > 0;
      request(ex);
    });
    v.box.appendChild(v.list);
    v.more = el("p", "more");
    v.ex = el("div", "ex");
    v.sr = el("p", "sr");
    v.sr.setAttribute("role", "status");
    v.box.appendChild(v.sr);
    var ft = el("p", "ft");
    ft.appendChild(el("span", "sp", "computed in your browser"));
    v.edit = el("button", "", "Edit lines");
    v.edit.type = "button";
    v.edit.addEventListener("click", function () { toggleEdit(ex); });
    ft.appendChild(v.edit);
    v.open = el("a", "open", "Open in playground");
    v.open.target = "_blank";
    v.open.rel = "noopener";
    ft.appendChild(v.open);
    v.box.appendChild(ft);
    // A rendered view gives way to the live one, which has its shape.
    var old = root.querySelectorAll(".v");
    for (var i = 0; i < old.length; i++) old[i].remove();
    root.appendChild(v.box);
    return v;
  }

  // style gives a shadow root the views' CSS: one constructed sheet, parsed
  // once and adopted by every root (a strict host CSP allows it too); a
  // <style> element where constructed sheets are missing. A rendered view
  // keeps the <style> it came with.
  var constructed = "adoptedStyleSheets" in Document.prototype && "replaceSync" in CSSStyleSheet.prototype;
  function style(root) {
    if (root.querySelector("style")) return;
    if (constructed && !sheet) {
      try { sheet = new CSSStyleSheet(); sheet.replaceSync(css); } catch (e) { constructed = false; }
    }
    if (constructed) root.adoptedStyleSheets = [sheet];
    else root.insertBefore(el("style", "", css), root.firstChild);
  }

  // editor makes the editor of an example's lines.
  function editor(ex, v) {
    v.ed = el("div", "ed");
    var label = el("label", "", "Client lines of example " + ex.n);
    v.area = el("textarea");
    v.area.spellcheck = false;
    v.area.setAttribute("autocomplete", "off");
    label.appendChild(v.area);
    v.ed.appendChild(label);
    v.area.addEventListener("input", function () {
      clearTimeout(ex.timer);
      ex.timer = setTimeout(function () {
        ex.input = v.area.value.slice(0, MAX_INPUT);
        ex.edited = true;
        request(ex);
      }, DEBOUNCE);
    });
  }

  function toggleEdit(ex) {
    var v = ex.view;
    if (!v.ed) editor(ex, v);
    if (!v.ed.parentNode) {
      v.area.value = ex.input;
      v.area.rows = Math.min(12, Math.max(2, ex.input.split("\n").length + 1));
      v.box.insertBefore(v.ed, v.box.children[1]);
      ex.outer.style.display = "none";
      v.edit.textContent = "Restore lines";
      v.area.focus();
    } else {
      v.ed.remove();
      ex.outer.style.display = ex.outerDisplay;
      v.edit.textContent = "Edit lines";
      if (ex.input !== ex.original) {
        ex.input = ex.original;
        ex.edited = true;
        request(ex);
      }
    }
  }

  function showError(ex, msg) {
    ex.host.setAttribute("data-cvq-state", "error");
    if (!ex.view) ex.view = build(ex);
    ex.view.msg.textContent = msg;
    if (!ex.view.msg.parentNode) ex.view.box.insertBefore(ex.view.msg, ex.view.list);
  }

  function draw(ex, res) {
    if (!ex.view) ex.view = build(ex);
    var v = ex.view;
    var policy = typeof res.policy === "string" ? res.policy : ex.policy;
    v.pol.textContent = "policy " + policy;
    v.open.href = openURL(ex, policy);
    if (res.error) {
      showError(ex, String(res.error));
    } else {
      v.msg.remove();
    }
    var rows = Array.isArray(res.rows) ? res.rows : [];
    var frag = document.createDocumentFragment();
    rows.forEach(function (r) { frag.appendChild(drawRow(ex, r)); });
    v.list.textContent = "";
    v.list.appendChild(frag);
    if (res.more > 0) {
      v.more.textContent = res.more === 1 ? "1 more client line not shown" : res.more + " more client lines not shown";
      v.box.insertBefore(v.more, v.list.nextSibling);
    } else {
      v.more.remove();
    }
    if (ex.explaining && res.explain) {
      drawExplain(v.ex, res.explain);
      v.box.insertBefore(v.ex, v.sr);
    } else {
      v.ex.remove();
    }
    if (ex.edited) {
      var first = rows.length ? (rows[0].reply ? "S: " + rows[0].reply : (rows[0].note || "no reply")) : "no client lines";
      v.sr.textContent = "Answer updated: " + rows.length + " client line" + (rows.length === 1 ? "" : "s") + ". " + first;
    }
    if (!res.error) ex.host.setAttribute("data-cvq-state", "answered");
  }

  function drawRow(ex, r) {
    var li = el("li", r.status === "error" ? "x err" : "x");
    if (r.newConn) li.appendChild(el("span", "cb", "new connection " + r.conn));
    var on = !!(ex.explaining && ex.sel === r.line);
    var c = el("button", on ? "c on" : "c");
    c.type = "button";
    c.dataset.line = String(r.line);
    c.setAttribute("aria-expanded", String(on));
    c.appendChild(el("span", "n", String(r.line)));
    c.appendChild(el("span", "p", "C:"));
    c.appendChild(document.createTextNode(" " + r.client));
    li.appendChild(c);
    if (r.reply) {
      var s = el("span", "s");
      s.appendChild(el("span", "p", "S:"));
      s.appendChild(document.createTextNode(" " + r.reply));
      li.appendChild(s);
    }
    if (r.note) li.appendChild(el("span", "note", r.note));
    (Array.isArray(r.expect) ? r.expect : []).forEach(function (e) { li.appendChild(el("span", "exp", e)); });
    if (r.close) li.appendChild(el("span", "cl", "Server disconnects client."));
    if (r.reaction) {
      var cls = {"must upgrade": "must", "upgrade offered": "offered", "up to date": "uptodate"}[r.reaction] || "other";
      li.appendChild(el("span", "re " + cls, "Client: " + r.reaction));
    }
    return li;
  }

  function drawExplain(box, x) {
    box.textContent = "";
    box.appendChild(el("p", "exh", "Line " + x.line + " explained"));
    var fields = Array.isArray(x.fields) ? x.fields : [];
    if (fields.length) {
      var t = el("table");
      var body = t.appendChild(el("tbody"));
      var head = body.appendChild(el("tr"));
      ["field", "raw", "value", "status"].forEach(function (h) {
        var th = head.appendChild(el("th", "", h));
        th.scope = "col";
      });
      fields.forEach(function (f) {
        var tr = body.appendChild(el("tr"));
        var th = tr.appendChild(el("th", "", f.name));
        th.scope = "row";
        tr.appendChild(el("td")).appendChild(el("code", "", f.raw));
        tr.appendChild(el("td", "", f.value + (f.note ? " — " + f.note : "")));
        tr.appendChild(el("td", "st-" + String(f.status).replace(/\s+/g, "-"), f.check || f.status));
      });
      box.appendChild(t);
    }
    var steps = Array.isArray(x.steps) ? x.steps : [];
    if (steps.length) {
      var ol = el("ol");
      steps.forEach(function (s) { ol.appendChild(el("li", "st-" + String(s.status).replace(/\s+/g, "-"), s.name + ": " + s.detail)); });
      box.appendChild(el("p", "exh", "Checks, in order"));
      box.appendChild(ol);
    }
    if (x.outcome) box.appendChild(el("p", "", x.outcome));
    if (x.reaction) box.appendChild(el("p", "", x.reaction));
  }

  // --- examples -----------------------------------------------------------

  function setup(pre, code) {
    var src = code || pre;
    var attr = function (name) { return src.getAttribute(name) || pre.getAttribute(name) || ""; };
    var o = options(src.textContent, {policy: attr("data-policy"), sel: /^[0-9]+$/.test(attr("data-sel")) ? +attr("data-sel") : 0, theme: attr("data-theme")});
    var outer = pre.parentElement && pre.parentElement.matches("div.highlight") ? pre.parentElement : pre;
    var host = outer.nextElementSibling;
    if (!host || !host.matches("div.cvq-example[data-cvq-rendered]")) {
      host = el("div", "cvq-example");
      outer.parentNode.insertBefore(host, outer.nextSibling);
    } else if (!host.shadowRoot) {
      // A browser without declarative shadow roots left the template as is.
      var tpl = host.querySelector("template");
      if (tpl) tpl.remove();
    }
    host.setAttribute("data-cvq-state", "pending");
    var ex = {
      n: examples.length + 1, pre: pre, outer: outer, outerDisplay: outer.style.display, host: host,
      policy: o.policy || "msnp-wiki", sel: o.sel, theme: o.theme,
      input: o.input.slice(0, MAX_INPUT), original: o.input.slice(0, MAX_INPUT),
      id: 0, view: null, timer: 0, explaining: false, edited: false
    };
    ex.explaining = ex.sel > 0;
    examples.push(ex);
    return ex;
  }

  function init() {
    var seen = [];
    var found = document.querySelectorAll('pre[data-cvq], pre.language-cvq, pre > code.language-cvq, pre > code[data-lang="cvq"]');
    for (var i = 0; i < found.length; i++) {
      var node = found[i];
      var pre = node.tagName === "PRE" ? node : node.parentElement;
      if (seen.indexOf(pre) >= 0) continue;
      seen.push(pre);
      setup(pre, node.tagName === "CODE" ? node : pre.querySelector("code.language-cvq, code[data-lang=\"cvq\"]"));
    }
    if (!examples.length) return;
    if (!("IntersectionObserver" in window)) {
      examples.forEach(request);
      return;
    }
    // The engine starts when the first example comes within a screen of
    // the viewport; each example asks for its answer as it does.
    var io = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (!e.isIntersecting) return;
        io.unobserve(e.target);
        var ex = observed.get(e.target);
        if (ex && !ex.id) request(ex);
      });
    }, {rootMargin: "100% 0px"});
    examples.forEach(function (ex) {
      observed.set(ex.outer, ex);
      io.observe(ex.outer);
    });
  }

  // observed maps the observed elements to their examples without adding
  // properties to the host page's elements.
  var observed = new WeakMap();

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
