/* The header's menu and search buttons, and nothing else. Material opens its menu and search with
   labels, which Tab skips; our buttons click those labels instead. Kept apart from quick-exit.js so
   that a change to the header can never break the exit. Without JavaScript the menu falls back to
   Material's label, and search (which needs JavaScript) is hidden. */
(function () {
  "use strict";

  var FOCUS_ON_OPEN = {
    __drawer: ".md-sidebar--primary .md-nav__list .md-nav__link",
    __search: ".md-search__input"
  };

  // The header's menu and search buttons open Material's panels by clicking its (hidden) labels.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-toggle]");
    if (!button) return;
    var id = button.getAttribute("data-toggle");
    var label = document.querySelector("header label[for='" + id + "']");
    if (label) label.click();
    var open = document.getElementById(id).checked;
    button.setAttribute("aria-expanded", String(open));
    // Move focus into what just opened, so the next Tab stop is inside it, not hidden behind it.
    var target = open && document.querySelector(FOCUS_ON_OPEN[id]);
    if (target) target.focus();
  });

  // Whatever closes a panel (Escape, a tap beside it, Material itself), its button says so.
  ["__drawer", "__search"].forEach(function (id) {
    var toggle = document.getElementById(id);
    var button = document.querySelector("button[data-toggle='" + id + "']");
    if (!toggle || !button) return;
    toggle.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(toggle.checked));
    });
  });

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
})();
