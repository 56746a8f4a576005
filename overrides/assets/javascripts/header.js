/* The header's menu and search buttons (Material's own are labels, which Tab skips); apart from
   quick-exit.js, so a header change cannot break the exit. */
(function () {
  "use strict";

  var FOCUS_ON_OPEN = {
    __drawer: ".md-sidebar--primary .md-nav__list .md-nav__link",
    __search: ".md-search__input"
  };

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-toggle]");
    if (!button) return;
    var id = button.getAttribute("data-toggle");
    var label = document.querySelector("header label[for='" + id + "']");
    if (label) label.click();
    var open = document.getElementById(id).checked;
    button.setAttribute("aria-expanded", String(open));
    // Focus moves into what opened.
    var target = open && document.querySelector(FOCUS_ON_OPEN[id]);
    if (target) target.focus();
  });

  // However a panel closes, its button says so.
  ["__drawer", "__search"].forEach(function (id) {
    var toggle = document.getElementById(id);
    var button = document.querySelector("button[data-toggle='" + id + "']");
    if (!toggle || !button) return;
    toggle.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(toggle.checked));
    });
  });

  // Search loads when it first opens, however it opens: workers/search-on-open.js waits for "open".
  // The page may say so before its worker is listening (search opened at once on a slow phone): a
  // worker that starts listening says "listening", and is told again.
  var searchToggle = document.getElementById("__search");
  var searchChannel = searchToggle && typeof BroadcastChannel === "function" ? new BroadcastChannel("search-opened") : null;
  var searchIsOpen = false;
  function searchOpened() {
    if (!searchToggle.checked) return;
    searchToggle.removeEventListener("change", searchOpened);
    searchIsOpen = true;
    searchChannel.postMessage("open");
  }
  if (searchChannel) {
    searchChannel.onmessage = function (event) {
      if (event.data === "listening" && searchIsOpen) searchChannel.postMessage("open");
    };
    searchToggle.addEventListener("change", searchOpened);
    searchOpened(); // open already, before this script ran
  }

  // Escape closes the menu and puts focus back on its button.
  document.addEventListener("keydown", function (event) {
    var drawer = document.getElementById("__drawer");
    if (event.key !== "Escape" || !drawer || !drawer.checked) return;
    drawer.checked = false;
    var menu = document.querySelector("button[data-toggle='__drawer']");
    if (menu) {
      menu.setAttribute("aria-expanded", "false");
      menu.focus();
    }
  });

  // The theme's single-key shortcuts (s, f or / to search; p, n, comma and full stop for the
  // previous or next page) cannot be turned off in its settings, and WCAG 2.1.4 says they must be:
  // speech input can trigger them by accident. Stopped here, before the theme's listener on window.
  // Keys typed into a field, keys with Ctrl, Cmd or Alt, and Shift alone (the exit) still pass.
  document.addEventListener("keydown", function (event) {
    if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    var search = document.getElementById("__search");
    var typing = event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
    if (typing || (search && search.checked)) return;
    event.stopPropagation();
  });
})();
