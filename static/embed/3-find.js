  // --- finding examples ------------------------------------------------------
  //
  // Marked examples are always taken. With detection on, an untagged <pre>
  // in scope is taken when its text is a transcript. The rules are the
  // render and check commands' (app/docs/detect.go), point for point.

  var MARKED = 'pre[data-cvq], pre.language-cvq, pre > code.language-cvq, pre > code[data-lang="cvq"]';
  var MARKED_CODE = 'code.language-cvq, code[data-lang="cvq"]';
  var MAX_DETECT = 65536; // characters of a block the detection reads
  var MAX_LINES = 1000;   // lines of a block it looks at

  // CLIENT is a client line that makes a block a transcript ("C: " or
  // ">>> ", then VER, CVR or CVQ with a TrID of at most 32 bits); QUICK the
  // same anywhere in a block's raw textContent (<br> breaks missing,
  // U+00A0 kept), tried first to pass over other blocks cheaply.
  var CLIENT = /^(?:C:|>>>) (?:VER|CVR|CVQ)[ \t]+([0-9]{1,10})(?:[ \t]|$)/;
  var QUICK = /(?:C:|>>>)[ \u00a0](?:VER|CVR|CVQ)[ \t\u00a0]+[0-9]/;

  // Languages that say "no other language": a block tagged so may hold a
  // transcript (Docusaurus writes an untagged fence as language-text,
  // Sphinx a literal block as highlight-default).
  var PLAIN = {"": true, cvq: true, text: true, txt: true, plain: true, plaintext: true, none: true, nohighlight: true, "default": true};
  var LANG = /^(?:language|lang|highlight)-(.*)$/i;

  // find returns the page's examples, marked or detected, in page order:
  // {pre, code, text} each.
  function find() {
    var found = [], seen = new Set();
    var marked = document.querySelectorAll(MARKED);
    for (var i = 0; i < marked.length; i++) {
      var node = marked[i];
      var pre = node.tagName === "PRE" ? node : node.parentElement;
      if (seen.has(pre)) continue;
      seen.add(pre);
      var code = node.tagName === "CODE" ? node : pre.querySelector(MARKED_CODE);
      found.push({pre: pre, code: code, text: readText(code || pre, MAX_INPUT)});
    }
    var detected = detect(seen);
    if (!detected.length) return found;
    return found.concat(detected).sort(function (a, b) {
      return a.pre.compareDocumentPosition(b.pre) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
  }

  // detect returns the transcripts in the detection's scope (the blocks
  // inside any element the selector matches) that are not in seen.
  function detect(seen) {
    if (page.detect === null) return [];
    var roots = [document];
    if (page.detect) {
      try { roots = document.querySelectorAll(page.detect); } catch (e) { roots = []; }
    }
    var out = [];
    for (var r = 0; r < roots.length; r++) {
      var pres = roots[r].querySelectorAll("pre");
      for (var i = 0; i < pres.length; i++) {
        var pre = pres[i];
        if (seen.has(pre)) continue;
        seen.add(pre);
        var ex = transcript(pre);
        if (ex) out.push(ex);
      }
    }
    return out;
  }

  // transcript returns the example a candidate block holds, or null.
  function transcript(pre) {
    // The cheap test first: most blocks of a page are no transcript.
    if (!QUICK.test(pre.textContent)) return null;
    if (pre.hasAttribute("data-cvq-skip") || pre.closest("[data-cvq-rendered]")) return null;
    var codes = [];
    for (var c = pre.firstElementChild; c; c = c.nextElementSibling) {
      if (c.tagName === "CODE") codes.push(c);
    }
    var tagged = [pre, pre.parentElement, pre.parentElement && pre.parentElement.parentElement].concat(codes);
    if (tagged.some(otherLanguage)) return null;
    var text = readText(pre, MAX_DETECT + 1);
    if (text.length > MAX_DETECT || !clientLine(text)) return null;
    if (commentOptions(hiddenComment(pre), {}).skip) return null;
    return {pre: pre, code: codes.length === 1 ? codes[0] : null, text: text};
  }

  // clientLine reports whether one of the first lines of text is a
  // client line of a transcript.
  function clientLine(text) {
    var lines = text.split("\n", MAX_LINES);
    for (var i = 0; i < lines.length; i++) {
      var m = CLIENT.exec(lines[i]);
      if (m && +m[1] <= 4294967295) return true;
    }
    return false;
  }

  // otherLanguage reports whether an element names a language other than
  // a plain one: a class language-X, lang-X or highlight-X, or data-lang
  // or data-language X.
  function otherLanguage(e) {
    if (!e || e.nodeType !== 1) return false;
    var names = [e.getAttribute("data-lang"), e.getAttribute("data-language")].map(function (x) { return x === null ? x : x.trim(); });
    var cls = e.getAttribute("class");
    if (cls) {
      cls.split(/\s+/).forEach(function (t) {
        var m = LANG.exec(t);
        if (m) names.push(m[1]);
      });
    }
    return names.some(function (x) { return x !== null && !PLAIN[x.toLowerCase()]; });
  }

  // readText is a block's text as a reader sees it, however a highlighter
  // wrote it, up to max characters: <br> is a line break; a line span
  // (Chroma's and Shiki's span.line, Prism's span.token-line, Chroma's
  // classless flex spans) ends its line; line numbers (.ln, .lnt) are left
  // out; U+00A0 is a space; CR LF is LF.
  function readText(node, max) {
    var text;
    if (!node.firstElementChild) {
      text = node.textContent.slice(0, max);
    } else {
      var parts = [], len = 0, pending = false, open = [];
      var walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
        acceptNode: function (n) {
          return n.nodeType === 1 && n.classList && (n.classList.contains("ln") || n.classList.contains("lnt")) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
        }
      });
      var add = function (s) {
        if (!s) return;
        if (pending && s.charAt(0) !== "\n") { parts.push("\n"); len++; }
        pending = false;
        parts.push(s);
        len += s.length;
      };
      for (var n = walker.nextNode(); n && len < max; n = walker.nextNode()) {
        // The line spans that n is not in have ended.
        while (open.length && !open[open.length - 1].contains(n)) {
          open.pop();
          var last = parts.length ? parts[parts.length - 1] : "\n";
          if (last.charAt(last.length - 1) !== "\n") pending = true;
        }
        if (n.nodeType === 3) add(n.data);
        else if (n.tagName === "BR") add("\n");
        else if (lineSpan(n)) open.push(n);
      }
      text = parts.join("").slice(0, max);
    }
    return text.replace(/\u00a0/g, " ").replace(/\r\n/g, "\n");
  }

  function lineSpan(e) {
    if (e.tagName !== "SPAN") return false;
    if (e.classList.contains("line") || e.classList.contains("token-line")) return true;
    return (e.getAttribute("style") || "").toLowerCase().replace(/ /g, "").indexOf("display:flex") >= 0;
  }
