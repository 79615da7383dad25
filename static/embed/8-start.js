  // --- starting -----------------------------------------------------------------

  // setup makes an example of a block: the element after it (or after
  // Hugo's div.highlight around it) that its view is drawn in, reusing a
  // view the render command wrote there.
  function setup(found) {
    var pre = found.pre;
    var o = blockOptions(pre, found.code, found.text);
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
    var input = o.input.slice(0, MAX_INPUT);
    var ex = {
      n: examples.length + 1, pre: pre, outer: outer, outerDisplay: outer.style.display, host: host,
      policy: o.policy, sel: o.sel, theme: o.theme, input: input, original: input,
      id: 0, view: null, timer: 0, explaining: o.sel > 0, edited: false
    };
    examples.push(ex);
    return ex;
  }

  function init() {
    find().forEach(setup);
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
