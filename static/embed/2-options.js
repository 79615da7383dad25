  // --- options --------------------------------------------------------------
  //
  // The page's: on the script tag, or in its address for a site script that
  // cannot set attributes (MediaWiki's mw.loader.load(url)):
  //   data-cvq-detect[="selector"]  or  embed.js?detect[=selector]
  //   data-policy="preset"          or  embed.js?policy=preset
  //   data-cvq-base="url"           the playground (default: the folder above this script's)
  // An example's, weakest first: the page's preset; a comment right before
  // the block, <!-- cvq policy: msn-2003-09; sel: 2; theme: dark -->; data-policy,
  // data-sel and data-theme on the <pre> or its <code>; first lines of the
  // block such as "# policy: msn-2003-09" (as the render command reads them).

  var page = pageOptions(script);

  function pageOptions(s) {
    var src = new URL(s ? s.src : location.href, location.href);
    var q = src.searchParams, d = s ? s.dataset : {};
    var o = {
      base: new URL(d.cvqBase || "../", src),
      policy: d.policy || q.get("policy") || "",
      detect: null // the selector of where to look for transcripts, "" for the whole page
    };
    if (s && s.hasAttribute("data-cvq-detect")) o.detect = d.cvqDetect.trim();
    else if (q.has("detect")) o.detect = q.get("detect").trim();
    return o;
  }

  // hiddenComment is the text of the comment right before a block: the
  // pre's previous node but blank text, or, while there is none (a pre
  // first in Hugo's div.highlight, in Docusaurus' wrappers), its parent's,
  // up to three levels up; null if that node is no comment.
  function hiddenComment(pre) {
    var node = pre;
    for (var up = 0; node && up <= 3; up++) {
      var prev = node.previousSibling;
      while (prev && prev.nodeType === 3 && !prev.data.trim()) prev = prev.previousSibling;
      if (prev) return prev.nodeType === 8 ? prev.data : null;
      node = node.parentElement;
    }
    return null;
  }

  // commentOptions reads "cvq policy: X; sel: N; theme: T" (keys in any
  // case and order; unknown keys ignored); o.skip is set by "cvq skip".
  function commentOptions(text, o) {
    var m = /^cvq(?:\s([\s\S]*))?$/i.exec((text || "").trim().slice(0, 1000));
    if (!m || !m[1]) return o;
    m[1].split(";").forEach(function (kv) {
      var i = kv.indexOf(":");
      if (kv.trim().toLowerCase() === "skip") o.skip = true;
      if (i < 0) return;
      var key = kv.slice(0, i).trim().toLowerCase();
      if (key === "policy" || key === "sel" || key === "theme") setOption(o, key, kv.slice(i + 1).trim());
    });
    return o;
  }

  function setOption(o, key, val) {
    if (key === "sel") {
      if (/^[0-9]{1,6}$/.test(val) && +val > 0) o.sel = +val;
    } else if (val) {
      o[key] = val;
    }
  }

  // attrOptions reads data-policy, data-sel and data-theme, the code's
  // over the pre's.
  function attrOptions(pre, code, o) {
    ["policy", "sel", "theme"].forEach(function (key) {
      var name = "data-" + key;
      var v = (code && code.getAttribute(name)) || pre.getAttribute(name);
      if (v) setOption(o, key, v.trim());
    });
    return o;
  }

  // lineOptions reads "# policy: …", "# sel: …", "# theme: …" lines at the
  // start of text, and leaves the lines after them in o.input.
  function lineOptions(text, o) {
    var lines = text.replace(/^[\r\n]+/, "").split("\n");
    var i = 0;
    for (; i < lines.length; i++) {
      var m = /^#\s*(policy|sel|theme)\s*:(.*)$/i.exec(lines[i].replace(/\r$/, ""));
      if (!m) break;
      var key = m[1].toLowerCase(), val = m[2].trim();
      if (key === "sel") setOption(o, key, val);
      else o[key] = val;
    }
    o.input = lines.slice(i).join("\n");
    return o;
  }

  // blockOptions is an example's options and lines.
  function blockOptions(pre, code, text) {
    var o = {policy: page.policy, sel: 0, theme: ""};
    commentOptions(hiddenComment(pre), o);
    attrOptions(pre, code, o);
    lineOptions(text, o);
    if (o.theme !== "dark" && o.theme !== "light") o.theme = "";
    o.policy = o.policy || "msnp-wiki";
    return o;
  }
