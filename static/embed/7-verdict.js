  // --- checking the documented answers -----------------------------------------
  //
  // The engine compares each server line an example documents (S:, <<<,
  // "Server disconnects client.") with the one it computes: a row's check
  // is match, differ, none (nothing documented) or unchecked (a command it
  // does not simulate), with the reason when they differ. A matching line
  // is marked; a differing one shows both lines side by side and why. The
  // example's check goes on the element after it (data-cvq-check) and in
  // the view's header; the live region says it with each updated answer.

  var CHECKS = {match: true, differ: true, none: true};

  function match() {
    var s = part(el("span", "ck"), "match");
    s.appendChild(mark("✓"));
    s.appendChild(document.createTextNode("matches the documentation"));
    return s;
  }

  function mark(sym) {
    var m = el("span", "mk", sym + " ");
    m.setAttribute("aria-hidden", "true");
    return m;
  }

  // differ is a differing row's documented and computed lines, side by
  // side, and the reason.
  function differ(r) {
    var box = part(el("div", "cmp"), "differ");
    var doc = box.appendChild(el("div", "col"));
    doc.appendChild(el("span", "cap", "documented"));
    var lines = Array.isArray(r.doc) ? r.doc : [];
    lines.forEach(function (l) { doc.appendChild(el("span", "dl", serverText(l))); });
    if (!lines.length) doc.appendChild(el("span", "dl none", "no reply"));
    var got = box.appendChild(el("div", "col"));
    got.appendChild(el("span", "cap", "computed"));
    if (r.reply) got.appendChild(server(r.reply));
    if (r.close) got.appendChild(el("span", "dl", "Server disconnects client."));
    if (!r.reply && !r.close) got.appendChild(el("span", "dl none", "no reply"));
    if (r.reason) box.appendChild(el("span", "why", r.reason));
    return box;
  }

  // serverText writes a documented line as the page does: the close as
  // is, a server line after "S: ".
  function serverText(l) {
    return l === "Server disconnects client." ? l : "S: " + l;
  }

  // drawVerdict marks the example's check on its host and in the header,
  // and returns it.
  function drawVerdict(ex, res, rows) {
    var check = CHECKS[res.check] ? res.check : combine(rows);
    ex.host.setAttribute("data-cvq-check", check);
    var v = ex.view, n = 0;
    rows.forEach(function (r) { if (r.check === "differ") n++; });
    v.vd.textContent = "";
    if (check === "none") {
      v.vd.remove();
      return check;
    }
    v.vd.className = check === "differ" ? "vd bad" : "vd ok";
    v.vd.appendChild(mark(check === "differ" ? "✗" : "✓"));
    v.vd.appendChild(document.createTextNode(verdictText(check, n)));
    if (!v.vd.parentNode) v.hd.appendChild(v.vd);
    return check;
  }

  // verdictText is the header's words (app/docs/view.go writes the same).
  function verdictText(check, differing) {
    if (check === "match") return "the documented answers match";
    return differing === 1 ? "1 documented answer differs" : differing + " documented answers differ";
  }

  // combine is the example's check from its rows', for an engine that sent
  // none: differ if any row differs, else match if any matches.
  function combine(rows) {
    var c = "none";
    rows.forEach(function (r) {
      if (r.check === "differ") c = "differ";
      else if (r.check === "match" && c === "none") c = "match";
    });
    return c;
  }

  // announcement is what the live region says once an edit is answered:
  // the first answer and the verdict, in one message.
  function announcement(rows, check) {
    var first = rows.length ? (rows[0].reply ? "S: " + rows[0].reply : (rows[0].note || "no reply")) : "no client lines";
    var s = "Answer updated: " + rows.length + " client line" + (rows.length === 1 ? "" : "s") + ". " + first;
    if (check === "match") s += ". The documented answers match.";
    else if (check === "differ") s += ". The documentation differs: " + verdictText(check, rows.filter(function (r) { return r.check === "differ"; }).length) + ".";
    return s;
  }
