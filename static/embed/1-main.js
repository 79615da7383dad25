/*
 * CVQ playground embed loader. Include it once on a documentation page:
 *
 *   <pre data-cvq data-policy="msnp-wiki">CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS</pre>
 *   <script src="https://your.site/cvq/web/embed.js" defer></script>
 *
 * Every marked example becomes live: <pre data-cvq>, and the Markdown
 * fences that documentation builds write, <pre><code class="language-cvq">
 * (also with data-lang="cvq", inside Hugo's <div class="highlight">).
 *
 * With data-cvq-detect on the script tag (or ?detect in its address, for
 * wikis whose site script loads it with mw.loader.load), the examples are
 * also found as the protocol's documentation writes them: untagged
 * <pre> and <pre><code> blocks holding a transcript, "C:"/"S:" lines with
 * ".. " continuations or ">>>"/"<<<" lines. The attribute's value, if
 * any, is a CSS selector that limits where to look. Other blocks are left
 * exactly as they are.
 *
 * Options: data-policy on the script tag is the page's preset; on a block,
 * data-policy, data-sel and data-theme, a comment right before it
 * (<!-- cvq policy: msn-2003-09 -->), or first lines such as
 * "# policy: msn-2003-09", "# sel: 2", "# theme: dark".
 *
 * One engine answers the whole page: a hidden frame of the playground's
 * origin (web/engine.html), started when the first example nears the
 * viewport, runs engine.wasm in a worker. Each example is drawn after its
 * block as a view in a shadow root (answers, whether the server lines the
 * documentation gives match them, the client's reaction, the explanation
 * of a line on click, its lines editable, "Open in playground"); a view
 * written by `cvq-playground render` is made live in place. The view
 * follows the host's colour scheme and takes its colours and fonts from
 * --cvq-* custom properties; its parts are named for ::part(). Nothing
 * from an example or an answer is ever parsed as HTML. Messages are taken
 * only from the engine frame, from the playground's origin.
 *
 * The element after each example (div.cvq-example) carries
 * data-cvq-state (pending, answered or error) and data-cvq-check (match,
 * differ, or none when the example documents no answer). On the script
 * tag, data-cvq-base overrides the playground's address (by default the
 * folder above this script's).
 *
 * Built by build.sh from static/embed/*.js, in the order of their names,
 * into one function's scope: nothing is left on the host's window.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var MAX_INPUT = 2 << 20; // characters of an example sent to the engine
  var DEBOUNCE = 150;
  var MAX_BATCH = 256 << 10;

  var examples = [];
  var byId = {};
  var nextId = 1;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // part names an element for the host's ::part() rules, as the static
  // view does (app/docs/view.go).
  function part(e, name) {
    e.setAttribute("part", name);
    return e;
  }
