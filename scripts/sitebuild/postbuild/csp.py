"""The Content-Security-Policy and referrer policy in every page, and the _headers file for hosts that read it.

Each page gets a <meta> policy right after <meta charset>: default-src 'self', and scripts only from
this site or, inline, by the hash of a script written in the theme's templates (overrides/ and the
theme's own). A page that brings a script of its own, an inline event handler, a style attribute or
a javascript: link fails the build: the policy would block it, and it has no place on this site.

_headers: real HTTP headers for hosts that read it (Netlify, Cloudflare Pages); GitHub Pages ignores
it, and the <meta> tags still apply. Files named after a hash of their content may be kept a year.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import dataclass
from pathlib import Path

from sitebuild.postbuild.html import Page

# Material's stylesheet draws its icons as data: SVG images (CSS mask-image), which img-src governs.
# Search runs in a same-origin worker that fetches a same-origin index: default-src 'self' covers
# worker-src and connect-src. The search form is only ever handled by script, and form-action
# 'none' stops it submitting as a plain form, which would put the search terms into the URL.
_FIXED_DIRECTIVES = (
    ("default-src", ("'self'",)),
    ("img-src", ("'self'", "data:")),
    ("object-src", ("'none'",)),
    ("base-uri", ("'none'",)),
    ("form-action", ("'none'",)),
)

# Only real HTTP headers can carry these; browsers ignore them in a <meta> policy.
_HEADER_ONLY_DIRECTIVES = (("frame-ancestors", ("'none'",)),)

# Features no page uses, switched off so nothing embedded could ask for them.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"


@dataclass(frozen=True)
class Policy:
    """A policy that allows our own files plus exactly these inline scripts and styles."""

    script_hashes: tuple[str, ...] = ()
    style_hashes: tuple[str, ...] = ()

    def for_meta(self) -> str:
        """The policy for a page's <meta http-equiv> tag."""
        return _join(self._directives())

    def for_header(self) -> str:
        """The policy for an HTTP header, which may also forbid framing."""
        return _join(self._directives() + _HEADER_ONLY_DIRECTIVES)

    def _directives(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        scripts = ("script-src", ("'self'", *self.script_hashes))
        styles = ("style-src", ("'self'", *self.style_hashes))
        default, *rest = _FIXED_DIRECTIVES
        return (default, scripts, styles, *rest)


def union(policies: list[Policy]) -> Policy:
    """One policy allowing every inline script and style that any of the pages needs."""
    scripts = sorted({h for policy in policies for h in policy.script_hashes})
    styles = sorted({h for policy in policies for h in policy.style_hashes})
    return Policy(tuple(scripts), tuple(styles))


def _join(directives) -> str:
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives)


REFERRER_POLICY = "no-referrer"
HEADERS_FILE = "_headers"
# A year, the longest browsers honour; immutable: not even checked again on reload.
IMMUTABLE = "public, max-age=31536000, immutable"
# Script types a browser runs; any other type (JSON, JSON-LD) is data and needs no hash.
_RUNNABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def digest(text: str) -> str:
    """The policy's hash source for a script or style text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def theme_scripts(dirs: list[Path]) -> set[str]:
    """The hash of every inline script written in the theme's templates as plain text (no template code in it)."""
    return {digest(body) for folder in dirs for template in sorted(Path(folder).rglob("*.html"))
            for body in _INLINE_SCRIPT.findall(template.read_text(encoding="utf-8"))
            if "{{" not in body and "{%" not in body}


def page_policy(page: Page, allowed_scripts: set[str]) -> tuple[Policy, list[str]]:
    """The page's policy (its inline scripts and styles by hash), and what in it the policy would block."""
    problems = []
    scripts = [digest(tag.text) for tag in page.find("script")
               if "src" not in tag.attributes and tag.get("type").lower() in _RUNNABLE_TYPES]
    if any(script not in allowed_scripts for script in scripts):
        problems.append("a page must not carry a script of its own: an inline <script> that is not one of the "
                        "theme's is never allowed by the policy; take it out of the page")
    if not page.find("meta") or not any(tag.get("charset").lower() == "utf-8" for tag in page.find("meta")):
        problems.append('a page must declare <meta charset="utf-8">, so the policy can follow it')
    for tag in page.tags:
        for name in tag.attributes:
            if name.startswith("on"):
                problems.append(f"inline event handlers ({name}=) are blocked by the policy: use a script file")
            elif name == "style":
                problems.append("style attributes are blocked by the policy: use a class and the stylesheet")
            elif name in ("href", "src", "action") and tag.get(name).strip().lower().startswith("javascript:"):
                problems.append("javascript: links are blocked by the policy: use a script file")
    styles = [digest(tag.text) for tag in page.find("style")]
    return Policy(tuple(dict.fromkeys(scripts)), tuple(dict.fromkeys(styles))), list(dict.fromkeys(problems))


def secure(page: Page, policy: Policy) -> None:
    """Asks for the policy and referrer tags right after <meta charset>, each on its own line."""
    charset = next(tag for tag in page.find("meta") if tag.get("charset").lower() == "utf-8")
    line_start = page.text.rfind("\n", 0, charset.start) + 1
    indent = page.text[line_start:charset.start] if not page.text[line_start:charset.start].strip() else ""
    page.insert(charset.end, f'\n{indent}<meta http-equiv="Content-Security-Policy" '
                             f'content="{html.escape(policy.for_meta(), quote=False)}">'
                             f'\n{indent}<meta name="referrer" content="{REFERRER_POLICY}">')


def headers(policy: Policy, hashed_files: list[str]) -> str:
    """The text of _headers: one rule for every path on the site, then one for each file named after its content's hash."""
    lines = ["# Written after each build (scripts/sitebuild/postbuild/csp.py); edit that, not this file.", "/*",
             f"  Content-Security-Policy: {policy.for_header()}", f"  Referrer-Policy: {REFERRER_POLICY}",
             "  X-Content-Type-Options: nosniff", f"  Permissions-Policy: {PERMISSIONS_POLICY}"]
    if hashed_files:
        lines.append("# Named after a hash of their content, so they never change: browsers may keep them a year.")
    for path in hashed_files:
        lines += [f"/{path}", f"  Cache-Control: {IMMUTABLE}"]
    return "\n".join(lines) + "\n"
