/* Quick exit, after the GOV.UK "Exit this page" pattern.
   Clicking an exit link, or pressing Shift on its own three times (each within 5 seconds of the
   last), hides the page at once and replaces it with a neutral site. location.replace means Back
   does not return here. Without JavaScript the exit links are plain links and still work.
   Also: the header's menu and search buttons, which need a few lines of script to work. */
(function () {
  "use strict";

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

  // Shift counts only when pressed and released with no other key: typing capitals never exits.
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

  // If a browser brings this page back from its cache, show it again.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.documentElement.classList.remove("quick-exit--active");
    var overlay = document.querySelector("[data-quick-exit-overlay]");
    if (overlay) overlay.hidden = true;
  });

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
