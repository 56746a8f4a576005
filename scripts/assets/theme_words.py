"""Which words the theme's own script can put on a page, for trimming stylesheets (purge.py).

Material's script (bundle.js) holds the class and attribute names of every feature the theme has:
annotations, code copy buttons, tooltips, version selectors, tags. Counting all of them keeps
about 4 KB (compressed) of styles in every first visit that nothing on this site can use. What the
script actually puts on a page is narrower:
- names in the theme's namespace (md-..., data-md-..., --md-...) for parts of components the page
  already has: it adds md-nav__link--active to the menu, md-search-result__item to search, and
  md-typeset__scrollwrap around a table, each the part of a block (md-nav, md-search-result,
  md-typeset) that is in the page's markup;
- a few names outside the namespace, set where the script adds classes and attributes
  (classList, setAttribute, class: in bundle.js), such as focus-visible on a focused link;
- every custom property (--...) it names: styles of its own making may read the page's (Zensical's
  search dialog reads --color-background);
- for a few features, whole components of its own making (annotations, copy buttons, tooltips,
  the version selector). When the site turns one of those on, every name in the namespace counts.
A page that uses a new component brings its block name in its markup, so its styles come back
with the next build. tests/browser/test_trimmed_styles.py photographs pages in each state a
visitor can put them in, with the trimmed and the full stylesheets, and requires them identical.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

NAMESPACES = ("md-", "data-md-", "--md-")
# Set by Material's script outside its namespace: read from every classList.add/toggle/remove,
# setAttribute and class: "..." in bundle.js (9.8). Kept whether or not a page has them yet.
OUTSIDE_NAMESPACE = frozenset({
    "aria-controls", "aria-describedby", "aria-expanded", "aria-haspopup", "data-clipboard-text",
    "data-focus-visible-added", "data-js-focus-visible", "focus-visible", "hll", "js",
    "js-focus-visible", "mermaid", "no-js", "open", "readonly", "role", "select", "tabbed-button",
    "tabbed-labels--linked", "tabindex", "title",
})
# Features whose components the script builds from nothing, as named in the page's __config.
_SCRIPT_BUILT_FEATURES = ("content.code.", "content.tooltips", "navigation.tooltips")
_CONFIG = re.compile(r"""<script id="__config" type="application/json">(.*?)</script>""", re.DOTALL)
_BLOCK = re.compile(r"__|--")


def block(word: str) -> str:
    """The component a class belongs to: md-nav for md-nav__link--active."""
    return _BLOCK.split(word, 1)[0]


def builds_components(pages: Iterable[str]) -> bool:
    """Whether any page turns on a feature whose components the theme's script makes from nothing."""
    for page in pages:
        for found in _CONFIG.findall(page):
            try:
                config = json.loads(found)
            except ValueError:
                return True  # unreadable: assume the worst, keep everything
            features = config.get("features") or []
            if config.get("version") or config.get("annotate") or any(
                    str(feature).startswith(_SCRIPT_BUILT_FEATURES) for feature in features):
                return True
    return False


def theme_script_words(script_words: set[str], page_words: set[str], all_components: bool) -> set[str]:
    """The words of the theme's scripts that they can put on this site's pages."""
    kept = set(OUTSIDE_NAMESPACE)
    for word in script_words:
        if word.startswith("--"):
            kept.add(word)
        elif word.startswith(NAMESPACES) and (all_components or word.startswith("data-md-") or block(word) in page_words):
            kept.add(word)
    return kept
