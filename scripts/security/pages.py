"""One built HTML page: what inline code it runs, what the policy would block, and the secured text."""

from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import dataclass

from security.policy import Policy

_CHARSET = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
# Only the tags we write are removed again, so running twice gives the same page.
_OUR_META = re.compile(
    r"""[ \t]*<meta http-equiv="Content-Security-Policy" content="[^"]*">\n"""
    r"""[ \t]*<meta name="referrer" content="[^"]*">\n"""
)
_TAG = re.compile(r"<[a-zA-Z][^>]*>")
_EVENT_HANDLER = re.compile(r"""\s(on[a-z]+)\s*=""", re.IGNORECASE)
_STYLE_ATTRIBUTE = re.compile(r"""\sstyle\s*=""", re.IGNORECASE)
_JAVASCRIPT_URL = re.compile(r"""\s(?:href|src|action)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)

# Script types a browser runs; any other type (JSON, JSON-LD) is data and needs no hash.
_RUNNABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}

REFERRER_POLICY = "no-referrer"


@dataclass(frozen=True)
class Page:
    """A page's own inline scripts and styles, and anything in it the policy would block."""

    policy: Policy
    problems: tuple[str, ...]


def read_page(text: str) -> Page:
    """Finds the inline code a page runs and the markup a strict policy would block."""
    text = _without_our_meta(text)
    scripts = [body for attrs, body in _SCRIPT.findall(text) if _is_runnable(attrs)]
    styles = _STYLE.findall(text)
    problems = []
    if not _CHARSET.search(text):
        problems.append('a page must declare <meta charset="utf-8">, so the policy can follow it')
    markup = _SCRIPT.sub("", text)
    for tag in _TAG.findall(markup):
        for handler in _EVENT_HANDLER.findall(tag):
            problems.append(f"inline event handlers ({handler}=) are blocked by the policy: use a script file")
        if _STYLE_ATTRIBUTE.search(tag):
            problems.append("style attributes are blocked by the policy: use a class and the stylesheet")
        if _JAVASCRIPT_URL.search(tag):
            problems.append("javascript: links are blocked by the policy: use a script file")
    policy = Policy(_hashes(scripts), _hashes(styles))
    return Page(policy, tuple(dict.fromkeys(problems)))


def secure_page(text: str, policy: Policy) -> str:
    """The page with our policy and referrer tags right after <meta charset>."""
    text = _without_our_meta(text)
    charset = _CHARSET.search(text)
    indent = _indent_before(text, charset.start())
    tags = (
        f'\n{indent}<meta http-equiv="Content-Security-Policy" content="{html.escape(policy.for_meta(), quote=False)}">'
        f'\n{indent}<meta name="referrer" content="{REFERRER_POLICY}">'
    )
    # Put our tags on their own lines, so _OUR_META can find and replace them next time.
    end = charset.end()
    rest = text[end:]
    if not rest.startswith("\n"):
        rest = "\n" + indent + rest.lstrip(" \t")
    return text[:end] + tags + rest


def _without_our_meta(text: str) -> str:
    # The search is slow on a long page (it may start at any space), so only when the tags are there.
    return _OUR_META.sub("", text) if '<meta http-equiv="Content-Security-Policy"' in text else text


def _is_runnable(attributes: str) -> bool:
    if _SRC.search(attributes):
        return False
    kind = _TYPE.search(attributes)
    return (kind.group(1).lower() if kind else "") in _RUNNABLE_TYPES


def script_hashes(bodies: list[str]) -> tuple[str, ...]:
    """The policy's hash source for each script text, in order, without repeats."""
    return _hashes(bodies)


def style_hashes(bodies: list[str]) -> tuple[str, ...]:
    """The policy's hash source for each style text, in order, without repeats."""
    return _hashes(bodies)


def _hashes(bodies: list[str]) -> tuple[str, ...]:
    unique = dict.fromkeys(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"
        for body in bodies
    )
    return tuple(unique)


def _indent_before(text: str, position: int) -> str:
    line_start = text.rfind("\n", 0, position) + 1
    prefix = text[line_start:position]
    return prefix if prefix.strip() == "" else ""
