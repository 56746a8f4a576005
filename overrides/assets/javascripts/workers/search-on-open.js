/* Material's search, loaded only when someone opens search (README.md, "Search"): a first visit
   downloads neither the theme's search worker nor the search index.
   The theme starts a worker as each page loads, at the address overrides/main.html points here,
   naming the theme's own worker (?worker=...). The search form is not named "search"
   (overrides/partials/search.html), so the theme does not fetch the index itself. When search
   opens, header.js says "open" on the channel below (and again when this says "listening", in case
   search opened before this worker started); then this fetches the index, loads the theme's
   worker into this one, and hands it the index as the theme would have. From then on the theme's
   worker answers the page itself. */
(function () {
  "use strict";

  var params = new URL(self.location.href).searchParams;
  var worker = params.get("worker") || "";
  var suggest = params.get("suggest") === "1";
  // This file is <site>/assets/javascripts/workers/; the index is <site>/search/search_index.json.
  var INDEX = new URL("../../../search/search_index.json", self.location.href).href;
  var CHANNEL = "search-opened";
  var channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(CHANNEL) : null;
  var started = false;

  function start() {
    if (started) return;
    started = true;
    if (channel) channel.close();
    // Only a script beside this one: the name comes from the page's own settings.
    if (!/^[\w.-]+\.js$/.test(worker)) throw new Error("search: the theme's worker must be named as a file in this folder");
    var index = fetch(INDEX, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("search: the index could not be loaded (" + response.status + ")");
      return response.json();
    });
    importScripts(worker); // the theme's worker, which listens for the page's messages from now on
    index.then(function (data) {
      var setup = { config: data.config, docs: data.docs, options: { suggest: suggest } };
      self.dispatchEvent(new MessageEvent("message", { data: { type: 0, data: setup } }));
    });
  }

  if (channel) {
    channel.onmessage = function (event) {
      if (event.data === "open") start();
    };
    // The page may have said "open" before this worker was listening: it answers this with "open" again.
    channel.postMessage("listening");
  } else {
    start(); // a browser without BroadcastChannel (Safari before 15.4): search loads with the page, as before
  }
})();
