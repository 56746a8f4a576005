/* The quick exit and its promise that Back then shows nothing of this site; nothing else (README.md,
   "The quick exit"). Without JavaScript the exit links and all other links are plain links. */
(function () {
  "use strict";

  // 1. Leave: an exit link, or Shift alone three times, each within 5 s (GOV.UK's "Exit this page").
  var PRESSES_TO_EXIT = 3;
  var MAX_GAP_MS = 5000;

  function exitPage(href) {
    document.documentElement.classList.add("quick-exit--active");
    var overlay = document.querySelector("[data-quick-exit-overlay]");
    if (overlay) {
      overlay.hidden = false;
      overlay.textContent = overlay.getAttribute("data-message");
    }
    window.location.replace(href);
  }

  function exitHref() {
    var link = document.querySelector("a[data-quick-exit]");
    return link ? link.href : "https://www.bbc.co.uk/weather";
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-quick-exit]");
    if (!link) return;
    event.preventDefault();
    exitPage(link.href);
  });

  // Shift counts only pressed and released alone: not for capitals, nor held for a click.
  var presses = 0;
  var lastPress = 0;
  var shiftAlone = false;

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) shiftAlone = true;
      return;
    }
    shiftAlone = false;
    presses = 0;
  }, true);

  document.addEventListener("pointerdown", function () {
    shiftAlone = false;
  }, true);

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || !shiftAlone) return;
    shiftAlone = false;
    var now = Date.now();
    presses = now - lastPress <= MAX_GAP_MS ? presses + 1 : 1;
    lastPress = now;
    if (presses >= PRESSES_TO_EXIT) {
      presses = 0;
      exitPage(exitHref());
    }
  }, true);

  // A page brought back from the browser's cache shows again.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.documentElement.classList.remove("quick-exit--active");
    var overlay = document.querySelector("[data-quick-exit-overlay]");
    if (overlay) overlay.hidden = true;
  });

  // 2. One entry in Back for the whole visit: a move to another page of the site, or to a heading,
  // replaces the entry, so the exit's replace leaves nothing of the site behind.
  var script = document.currentScript; // <site>/assets/javascripts/quick-exit.js
  var site = script ? new URL("../../", script.src).href : location.origin + "/";

  function sitePage(href) {
    var url = new URL(href);
    var last = url.pathname.split("/").pop();
    return href.indexOf(site) === 0 && (last.indexOf(".") < 0 || /\.html?$/.test(last)) ? url : null;
  }

  // Left to the browser: other sites, files, new tabs and windows, clicks with a key held.
  function replacingLink(event, link) {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return null;
    if (!link || typeof link.href !== "string" || link.hasAttribute("download")) return null;
    if ((link.getAttribute("target") || "_self") !== "_self") return null;
    return sitePage(link.href);
  }

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented) return;
    var url = replacingLink(event, event.target.closest && event.target.closest("a[href]"));
    if (!url) return;
    event.preventDefault();
    window.location.replace(url.href);
  });

  // A link inside a shadow root (Zensical's search results) is opened by that script, which adds an
  // entry: such a click is taken on its way down, before that script sees it.
  document.addEventListener("click", function (event) {
    var path = event.composedPath ? event.composedPath() : [];
    var link = path.filter(function (node) { return node.matches && node.matches("a[href]"); })[0];
    if (!link || !window.ShadowRoot || !(link.getRootNode() instanceof ShadowRoot)) return;
    var url = replacingLink(event, link);
    if (!url) return;
    event.preventDefault();
    event.stopPropagation();
    window.location.replace(url.href);
  }, true);
})();
