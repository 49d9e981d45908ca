"""What a listing shows on a desktop screen: responsive classes read at a desktop width.

A utility-class page (Tailwind, Bootstrap) often builds its grid of cards twice, or shows it
only from a breakpoint up: ``class="hidden md:grid"`` (Tailwind) or ``class="d-none d-lg-block"``
(Bootstrap) is hidden on a phone and shown on a desktop, and ``class="lg:hidden"`` is the
phone's twin, hidden on a desktop. The generic reading (:func:`..dom.is_hidden`) sees the bare
``hidden`` / ``d-none`` and drops the desktop grid — the grid a reader of the page (and the
listing's golds) sees. On a listing page the profile reads such classes as a desktop screen
of :data:`DESKTOP_WIDTH` pixels does (:data:`LISTING_DESKTOP_VIEW`); a class without a
breakpoint keeps its usual reading.
"""

from __future__ import annotations

from functools import lru_cache

from selectolax.lexbor import LexborNode

from convert.extract.ablation import rule

from ..dom import hidden_by
from .... import regexcache

__all__ = ["desktop_hidden", "is_hidden_on_desktop", "LISTING_DESKTOP_VIEW"]

LISTING_DESKTOP_VIEW = rule("listing_desktop_view", "on a listing page a responsive class "
                            "is read at a desktop width: 'hidden md:grid' / 'd-none d-lg-block' "
                            "is shown, 'lg:hidden' / 'd-lg-none' is hidden")

#: The desktop screen the page is read at: breakpoints up to this width apply (Tailwind's
#: sm 640, md 768, lg 1024, xl 1280; Bootstrap's sm 576, md 768, lg 992, xl 1200), the wider
#: ones (2xl, xxl) do not.
DESKTOP_WIDTH = 1280

_TAILWIND = {"sm": 640, "md": 768, "lg": 1024, "xl": 1280, "2xl": 1536}
_BOOTSTRAP = {"sm": 576, "md": 768, "lg": 992, "xl": 1200, "xxl": 1400}

#: Display values that show an element.
_SHOWN = frozenset({"block", "flex", "grid", "inline", "inline-block", "inline-flex",
                    "inline-grid", "table", "table-row", "table-cell", "contents", "flow-root",
                    "list-item"})

_TW = regexcache.compile(r"^(sm|md|lg|xl|2xl):(hidden|" + "|".join(sorted(_SHOWN, key=len,
                                                                  reverse=True)) + r")$")
_BS = regexcache.compile(r"^d-(?:(sm|md|lg|xl|xxl)-)?(none|" + "|".join(sorted(_SHOWN, key=len,
                                                                        reverse=True)) + r")$")


@lru_cache(maxsize=4096)
def _desktop(cls: str) -> bool | None:
    """Whether the class list hides the element at :data:`DESKTOP_WIDTH` (``True``), shows it
    (``False``), or has no breakpoint of its own (``None``: read it as usual)."""
    # (width of the breakpoint, hidden) of every responsive token that applies
    steps: list[tuple[int, bool]] = []
    for token in cls.split():
        m = _TW.match(token)
        if m:
            width, hides = _TAILWIND[m.group(1)], m.group(2) == "hidden"
        else:
            m = _BS.match(token)
            if not m:
                continue
            if m.group(1) is None:  # d-block, d-none: no breakpoint (the usual reading)
                continue
            width, hides = _BOOTSTRAP[m.group(1)], m.group(2) == "none"
        if width <= DESKTOP_WIDTH:
            steps.append((width, hides))
    if not steps:
        return None
    return max(steps)[1]


def desktop_hidden(attrs: dict[str, str | None]) -> bool:
    """:func:`..dom.hidden_by` with the element's responsive classes read at a desktop width
    (see :data:`LISTING_DESKTOP_VIEW`)."""
    cls = attrs.get("class")
    # (a breakpoint is a Tailwind 'md:' prefix or a Bootstrap 'd-' class)
    if cls and LISTING_DESKTOP_VIEW and (":" in cls or "d-" in cls):
        verdict = _desktop(cls)
        if verdict is not None:
            if verdict:
                return True
            # Shown on a desktop: hidden only by what is not its class.
            return hidden_by({k: v for k, v in attrs.items() if k != "class"})
    return hidden_by(attrs)


def is_hidden_on_desktop(node: LexborNode) -> bool:
    """:func:`..dom.is_hidden` read at a desktop width (see :func:`desktop_hidden`)."""
    attrs = node.attributes
    return bool(attrs) and desktop_hidden(attrs)
