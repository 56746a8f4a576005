// Hides upcoming events that have already ended, in case this page was built before they ended.
// The page is right without it as of its build date; this only keeps an older copy honest.
// Loaded (deferred, same origin) by the events page and the home page only.
(function () {
  "use strict";
  var now = Date.now();
  var lists = document.querySelectorAll("[data-events-upcoming]");
  Array.prototype.forEach.call(lists, function (list) {
    var events = list.querySelectorAll("[data-end]");
    var shown = 0;
    Array.prototype.forEach.call(events, function (event) {
      var end = Date.parse(event.getAttribute("data-end"));
      if (!isNaN(end) && end < now) {
        event.hidden = true;
      } else {
        shown += 1;
      }
    });
    var none = list.querySelector("[data-events-none]");
    if (none && shown === 0) {
      none.hidden = false;
    }
    // On the home page the whole section goes: it is shown only while there is an upcoming event.
    var section = list.closest("[data-events-section]");
    if (section && shown === 0) {
      section.hidden = true;
    }
  });
})();
