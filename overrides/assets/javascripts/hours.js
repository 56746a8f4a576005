/* Says "Open now" or "Closed now, opens 10am Monday" beside a helpline's hours. The hours come from
   data/facts.yml (each place's data-hours: "always", or [day, opens, closes] in minutes, 0 is
   Monday); the time is London's, worked out here whatever the phone's own time zone, and nothing is
   asked of any server. Without JavaScript the place stays hidden and the hours in words stand alone.
   Loaded only by pages that show hours (main.html). */
(function () {
  "use strict";
  var places = document.querySelectorAll("[data-hours]");
  if (!places.length || !window.Intl || !Intl.DateTimeFormat.prototype.formatToParts) return;
  var DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
  var now = {};
  new Intl.DateTimeFormat("en-GB", {timeZone: "Europe/London", weekday: "long", hour: "numeric",
                                    minute: "numeric", hourCycle: "h23"})
    .formatToParts(new Date()).forEach(function (part) { now[part.type] = part.value; });
  var today = DAYS.indexOf(now.weekday);
  var minute = (Number(now.hour) % 24) * 60 + Number(now.minute);

  function clock(minutes) {  // 600 -> 10am, 990 -> 4:30pm, the GOV.UK way
    if (minutes === 720) return "midday";
    if (minutes === 0) return "midnight";
    var hour = Math.floor(minutes / 60), rest = minutes % 60;
    return (hour % 12 || 12) + (rest ? ":" + (rest < 10 ? "0" : "") + rest : "") + (hour < 12 ? "am" : "pm");
  }

  function status(hours) {
    if (hours === "always") return "Open now";
    if (hours.some(function (open) { return open[0] === today && minute >= open[1] && minute < open[2]; })) {
      return "Open now";
    }
    for (var ahead = 0; ahead < 8; ahead++) {
      var day = (today + ahead) % 7;
      var next = hours.filter(function (open) { return open[0] === day && (ahead > 0 || open[1] > minute); })
        .sort(function (a, b) { return a[1] - b[1]; })[0];
      if (next) {
        return "Closed now, opens " + clock(next[1]) + " " + (ahead === 0 ? "today" : ahead === 1 ? "tomorrow" : DAYS[day]);
      }
    }
    return null;
  }

  if (today < 0 || isNaN(minute)) return;
  Array.prototype.forEach.call(places, function (place) {
    var text = null;
    try { text = status(JSON.parse(place.getAttribute("data-hours"))); } catch (error) { return; }
    if (!text) return;
    place.textContent = text;
    place.hidden = false;
  });
})();
