"""The site's Content-Security-Policy and HTTP security headers, built from the pages' inline code."""

from __future__ import annotations

from dataclasses import dataclass

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
