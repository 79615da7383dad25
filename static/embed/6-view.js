  // --- drawing a view ---------------------------------------------------------
  //
  // build makes the live view's elements, once per example; draw fills them.
  // The markup is the render command's (app/docs/view.go), element for
  // element, classes and part names too, so that a rendered view is
  // replaced at the same height; only the client lines are buttons here.

  function build(ex) {
    var root = ex.host.shadowRoot;
    if (!root) root = ex.host.attachShadow({mode: "open"});
    style(root);
    var v = {};
    v.box = part(el("div", ex.theme ? "v " + ex.theme : "v"), "view");
    v.box.setAttribute("role", "group");
    v.box.setAttribute("aria-label", "CVQ example " + ex.n);
    v.hd = part(el("div", "hd"), "header");
    v.hd.appendChild(el("span", "", "Server answers"));
    v.pol = v.hd.appendChild(el("span", "pol", ""));
    v.box.appendChild(v.hd);
    v.vd = part(el("span", "vd"), "verdict");
    v.msg = part(el("p", "msg"), "message");
    v.ed = null; // the editor, made when first opened
    v.list = part(el("ol", "tr"), "lines");
    v.list.addEventListener("click", function (e) {
      var b = e.target.closest && e.target.closest("button.c");
      if (!b) return;
      var line = +b.dataset.line;
      ex.sel = ex.explaining && ex.shown === line ? 0 : line;
      ex.explaining = ex.sel > 0;
      request(ex);
    });
    v.box.appendChild(v.list);
    v.more = el("p", "more");
    v.ex = part(el("div", "ex"), "explanation");
    v.sr = el("p", "sr");
    v.sr.setAttribute("role", "status");
    v.box.appendChild(v.sr);
    var ft = part(el("p", "ft"), "footer");
    ft.appendChild(el("span", "sp", "computed in your browser"));
    v.edit = part(el("button", "", "Edit lines"), "button");
    v.edit.type = "button";
    v.edit.addEventListener("click", function () { toggleEdit(ex); });
    ft.appendChild(v.edit);
    v.open = part(el("a", "open", "Open in playground"), "link");
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

  // editor makes the editor of an example's lines.
  function editor(ex, v) {
    v.ed = el("div", "ed");
    var label = el("label", "", "Client lines of example " + ex.n);
    v.area = part(el("textarea"), "editor");
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
    v.open.href = openURL(ex, policy, res);
    if (res.error) {
      showError(ex, String(res.error));
    } else {
      v.msg.remove();
    }
    var rows = Array.isArray(res.rows) ? res.rows : [];
    var frag = document.createDocumentFragment();
    // The row explained is the one whose lines hold the selected line
    // (a selected server or continuation line explains its client line).
    var on = ex.shown = ex.explaining && res.explain ? res.explain.line : 0;
    rows.forEach(function (r) { frag.appendChild(drawRow(r, on)); });
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
    var check = drawVerdict(ex, res, rows);
    if (ex.edited) v.sr.textContent = announcement(rows, check);
    if (!res.error) ex.host.setAttribute("data-cvq-state", "answered");
  }

  function drawRow(r, explained) {
    var li = el("li", r.status === "error" ? "x err" : "x");
    if (r.newConn) li.appendChild(el("span", "cb", "new connection " + r.conn));
    var on = explained === r.line;
    var c = part(el("button", on ? "c on" : "c"), "client");
    c.type = "button";
    c.dataset.line = String(r.line);
    c.setAttribute("aria-expanded", String(on));
    c.appendChild(el("span", "n", String(r.line)));
    c.appendChild(el("span", "p", "C:"));
    c.appendChild(document.createTextNode(" " + r.client));
    li.appendChild(c);
    if (r.check === "differ") {
      li.appendChild(differ(r));
    } else {
      if (r.reply) li.appendChild(server(r.reply));
      if (r.check === "match") li.appendChild(match());
    }
    // A differing line's reason is its note: said once.
    if (r.note && !(r.check === "differ" && r.note === r.reason)) li.appendChild(el("span", "note", r.note));
    if (r.close && r.check !== "differ") li.appendChild(el("span", "cl", "Server disconnects client."));
    if (r.reaction) {
      var cls = {"must upgrade": "must", "upgrade offered": "offered", "up to date": "uptodate"}[r.reaction] || "other";
      li.appendChild(el("span", "re " + cls, "Client: " + r.reaction));
    }
    return li;
  }

  // server is a computed server line.
  function server(reply) {
    var s = part(el("span", "s"), "server");
    s.appendChild(el("span", "p", "S:"));
    s.appendChild(document.createTextNode(" " + reply));
    return s;
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

  function enc(s) {
    try {
      return encodeURIComponent(s).replace(/[!'()*]/g, function (c) {
        return "%" + c.charCodeAt(0).toString(16).toUpperCase();
      });
    } catch (e) { // a lone surrogate
      return enc(s.replace(/[\uD800-\uDFFF]/g, "\uFFFD"));
    }
  }

  // openURL is the playground's link: the example's lines as the
  // playground reads them (the engine writes MediaWiki's forms out).
  function openURL(ex, policy, res) {
    var moved = typeof res.playground === "string" && res.playground;
    var sel = moved ? (+res.playgroundSel || 0) : ex.sel;
    var frag = "policy=" + enc(policy) + "&in=" + enc(moved ? res.playground : ex.input);
    if (sel) frag += "&sel=" + sel;
    if (ex.theme) frag += "&theme=" + enc(ex.theme);
    return new URL("#" + frag, base).href;
  }
