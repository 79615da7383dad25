/*
 * CVQ playground embed loader. Include it on a documentation page:
 *
 *   <pre data-cvq data-policy="msnp-wiki">CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS</pre>
 *   <script src="https://your.site/cvq/web/embed.js" defer></script>
 *
 * Each <pre data-cvq> becomes an iframe of the playground's /embed page, loaded
 * when it scrolls into view (or when its button is clicked). The <pre> stays in
 * the page, hidden once the frame is shown, so readers without scripts see the
 * lines. The frame reports its height with postMessage
 * {type: "cvq-playground:height", height: N}; this script only accepts it from
 * the frame it made, from the playground's origin, and clamps it.
 * Optional attributes: data-policy (a preset name), data-theme (light|dark),
 * data-sel (the line to explain); on the script tag, data-cvq-base overrides
 * the playground's address (by default the folder above this script's).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = new URL((script && script.dataset.cvqBase) || "../", script ? script.src : location.href);
  var MIN = 80, MAX = 4000;

  function enc(s) {
    return encodeURIComponent(s).replace(/[!'()*]/g, function (c) {
      return "%" + c.charCodeAt(0).toString(16).toUpperCase();
    });
  }

  function embedURL(pre) {
    var lines = pre.textContent.replace(/^\n+/, "");
    var frag = "policy=" + enc(pre.dataset.policy || "msnp-wiki") + "&in=" + enc(lines);
    if (pre.dataset.sel) frag += "&sel=" + enc(pre.dataset.sel);
    if (pre.dataset.theme) frag += "&theme=" + enc(pre.dataset.theme);
    return new URL("embed.html#" + frag, base).href;
  }

  var frames = [];
  window.addEventListener("message", function (ev) {
    var d = ev.data;
    if (!d || typeof d !== "object" || d.type !== "cvq-playground:height") return;
    if (ev.origin !== base.origin) return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === ev.source) {
        var h = Number(d.height);
        if (!isFinite(h)) return;
        frames[i].style.height = Math.round(Math.min(MAX, Math.max(MIN, h))) + "px";
        return;
      }
    }
  });

  function load(pre, holder) {
    if (holder.dataset.loaded) return;
    holder.dataset.loaded = "1";
    var frame = document.createElement("iframe");
    frame.src = embedURL(pre);
    frame.title = "CVQ playground: " + pre.textContent.trim().split("\n")[0];
    frame.loading = "lazy";
    frame.setAttribute("scrolling", "no");
    frame.style.cssText = "width:100%;height:" + Math.max(MIN, pre.offsetHeight + 120) + "px;border:1px solid #d9dee7;border-radius:8px;display:block";
    frames.push(frame);
    frame.addEventListener("load", function () { pre.hidden = true; });
    holder.textContent = "";
    holder.appendChild(frame);
  }

  function setup(pre) {
    var holder = document.createElement("div");
    holder.className = "cvq-embed";
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = "Run in the CVQ playground";
    button.addEventListener("click", function () { load(pre, holder); });
    holder.appendChild(button);
    pre.parentNode.insertBefore(holder, pre.nextSibling);
    if ("IntersectionObserver" in window) {
      var io = new IntersectionObserver(function (entries) {
        entries.forEach(function (e) {
          if (e.isIntersecting) { io.disconnect(); load(pre, holder); }
        });
      }, { rootMargin: "200px" });
      io.observe(pre);
    }
  }

  function init() {
    var pres = document.querySelectorAll("pre[data-cvq]");
    for (var i = 0; i < pres.length; i++) setup(pres[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
