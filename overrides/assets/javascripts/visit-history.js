/* Keeps a whole visit to this site to one entry in the browser's Back list, and nothing else.
   Moving to another page of the site, or to a heading on the same page, replaces the current entry
   (location.replace) instead of adding one. So when quick-exit.js replaces that one entry with the
   neutral site, Back goes to whatever came before the site, never to a page of it.
   This is half of the exit's promise, but it runs on every click, so it has its own file: a
   mistake here can never stop the exit itself.
   Left to the browser, as usual: links to other sites, mail and phone links, files such as .ics
   calendar files, links that open a new tab or window (target, or Ctrl, Cmd, Shift, Alt or a middle
   click). The first page of a visit keeps the entry it arrived with, so its Back still goes to the
   page before the site. No page has a form that submits (search runs in the page, and the
   Content-Security-Policy has form-action 'none'), so there is nothing to do for forms.
   Without JavaScript every link is a plain link, and each page adds an entry as usual. */
(function () {
  "use strict";

  // The site's own address: this file is <site>/assets/javascripts/visit-history.js.
  var script = document.currentScript;
  var site = script ? new URL("../../", script.src).href : location.origin + "/";

  // A page of this site: same origin, under the site's address, and not a file to download.
  function isSitePage(url) {
    if (url.href.indexOf(site) !== 0) return false;
    var last = url.pathname.split("/").pop();
    return last === "" || last.indexOf(".") === -1 || /\.html?$/.test(last);
  }

  function go(url) {
    window.location.replace(url.href);
  }

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || typeof link.href !== "string" || link.hasAttribute("download")) return;
    var target = link.getAttribute("target");
    if (target && target !== "_self") return;
    var url = new URL(link.href);
    if (!isSitePage(url)) return;
    event.preventDefault();
    go(url);
  });

  // Material's own shortcuts for the previous and next page (p or comma, n or full stop) would add
  // an entry (it sets location.href), so they replace it too. The same keys, in the same places,
  // as Material: not while typing, not in search, not with Ctrl or Cmd.
  var PAGE_KEYS = { p: "prev", ",": "prev", n: "next", ".": "next" };

  function typing(element) {
    if (!element) return false;
    var tag = element.tagName;
    if (tag === "INPUT") return element.type !== "radio";
    return tag === "TEXTAREA" || tag === "SELECT" || element.isContentEditable;
  }

  window.addEventListener("keydown", function (event) {
    var rel = PAGE_KEYS[event.key];
    if (!rel || event.ctrlKey || event.metaKey || event.isComposing) return;
    var search = document.getElementById("__search");
    if ((search && search.checked) || typing(document.activeElement)) return;
    var link = document.querySelector("link[rel=" + rel + "]");
    if (!link) return;
    var url = new URL(link.href);
    if (!isSitePage(url)) return;
    // Capture phase on window: Material's listener (on window, bubbling) never sees the key.
    event.preventDefault();
    event.stopPropagation();
    go(url);
  }, true);
})();
