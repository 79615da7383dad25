  // --- theming --------------------------------------------------------------
  //
  // A view's CSS (app/docs/view.css, sent by the engine frame) takes its
  // colours and fonts from --cvq-* custom properties, which the host's
  // rules reach through the shadow root, and names its parts for ::part().
  // Unless an example gives a theme, its view takes the host's colour
  // scheme: the color-scheme where it stands (light, dark, or both, then
  // the reader's prefers-color-scheme), and on a page that declares none,
  // the darkness of the background it stands on (docs themes that switch
  // with a class). It follows the host when that changes.

  var sheet = null;
  var constructed = "adoptedStyleSheets" in Document.prototype && "replaceSync" in CSSStyleSheet.prototype;
  var prefersDark = window.matchMedia ? matchMedia("(prefers-color-scheme: dark)") : null;
  var watching = false;

  // style gives a shadow root the views' CSS: one constructed sheet, parsed
  // once and adopted by every root (a strict host CSP allows it too); a
  // <style> element where constructed sheets are missing. A rendered view
  // keeps the <style> it came with.
  function style(root) {
    if (root.querySelector("style")) return;
    if (constructed && !sheet) {
      try { sheet = new CSSStyleSheet(); sheet.replaceSync(css); } catch (e) { constructed = false; }
    }
    if (constructed) root.adoptedStyleSheets = [sheet];
    else root.insertBefore(el("style", "", css), root.firstChild);
  }

  // scheme is "dark" or "light" for a view at host with no theme given.
  function scheme(host) {
    var cs = getComputedStyle(host).colorScheme || "normal";
    var dark = /\bdark\b/.test(cs), light = /\blight\b/.test(cs);
    if (dark !== light) return dark ? "dark" : "light";
    if (dark) return prefersDark && prefersDark.matches ? "dark" : "light";
    for (var e = host.parentElement; e; e = e.parentElement) {
      var c = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?/.exec(getComputedStyle(e).backgroundColor);
      if (!c) continue;
      var alpha = c[4] === undefined ? 1 : (/%$/.test(c[4]) ? parseFloat(c[4]) / 100 : +c[4]);
      if (alpha < 0.5) continue;
      return 0.2126 * c[1] + 0.7152 * c[2] + 0.0722 * c[3] < 100 ? "dark" : "light";
    }
    return "light";
  }

  // themes sets the scheme of the views of exs that give no theme: all
  // reads first, then the writes, so that the page's style is computed
  // once.
  function themes(exs) {
    var todo = exs.filter(function (ex) { return ex.view && !ex.theme; });
    var schemes = todo.map(function (ex) { return scheme(ex.host); });
    todo.forEach(function (ex, i) { setScheme(ex.view.box, schemes[i]); });
    if (todo.length) watch();
  }

  function setScheme(box, s) {
    box.classList.toggle("dark", s === "dark");
    box.classList.toggle("light", s === "light");
  }

  // watch follows the host's scheme: the reader's preference, and the
  // attributes of <html> and <body> that docs themes switch (class,
  // data-theme, style). Once per page, only once a view follows it.
  function watch() {
    if (watching) return;
    watching = true;
    var pending = false;
    var again = function () {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () {
        pending = false;
        themes(examples);
      });
    };
    if (prefersDark && prefersDark.addEventListener) prefersDark.addEventListener("change", again);
    if (window.MutationObserver) {
      var mo = new MutationObserver(again);
      mo.observe(document.documentElement, {attributes: true});
      if (document.body) mo.observe(document.body, {attributes: true});
    }
  }
