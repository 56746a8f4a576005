/* Quick exit, after the GOV.UK "Exit this page" pattern, and nothing else.
   Clicking an exit link, or pressing Shift on its own three times (each within 5 seconds of the
   last), hides the page at once and replaces it with a neutral site. location.replace means Back
   does not return to this page; visit-history.js makes every move within the site replace the
   entry too, so Back skips the whole visit. That lives in its own file so that a mistake in link
   handling, which runs on every click, can never stop this one. Without JavaScript the exit links
   are plain links and still work. */
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

  // Shift held for a click (to select text or open a link in a new window) does not count either.
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

  // If a browser brings this page back from its cache (after Back from a site it linked to), show it again.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.documentElement.classList.remove("quick-exit--active");
    var overlay = document.querySelector("[data-quick-exit-overlay]");
    if (overlay) overlay.hidden = true;
  });
})();
