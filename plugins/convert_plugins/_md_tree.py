"""The ``md`` writer's input tree: :mod:`convert.html`'s XHTML as the BeautifulSoup tree that
markdownify walks, built without bs4's HTML parser.

The XHTML is decruft's own (see :mod:`convert.html`): tags and lower-case attribute names, every
attribute value double-quoted and escaped, text escaped, no comments, scripts or doctypes. For
that language one regular expression is a complete tokenizer, and the tree is linked the way
bs4's ``BeautifulSoup.object_was_parsed`` links a parsed one (parent, siblings, document order),
whitespace-only strings collapsed as ``BeautifulSoup.endData`` collapses them. The result is the
tree ``BeautifulSoup(html, "html.parser")`` gives, at about a fifth of the cost; the Markdown
tests and the corpus comparison check that the output is the same.

A tag without attributes (most of them) is a copy of a prototype made once per tag name by
bs4's own constructor, with fresh copies of the containers bs4 gives each tag (found by
comparing two prototypes), which costs a fifth of constructing it. Tags are :class:`_Tag`, whose :meth:`_Tag.find_parent` answers the by-name lookup markdownify
makes for every element (``node.find_parent('pre')``) with a walk up the parents instead of
bs4's general matcher.
"""

from __future__ import annotations

import functools
import re
from html import unescape
from typing import Any

from bs4 import BeautifulSoup, NavigableString, Tag

_TOKEN = re.compile(r'<(/?)([a-zA-Z][^\s/>]*)((?:\s+[^\s=/>]+="[^"]*")*)\s*(/?)>|([^<]+)')
_ATTR = re.compile(r'([^\s=/>]+)="([^"]*)"')
#: What ``BeautifulSoup.endData`` takes for whitespace (a string of only these collapses).
_ASCII_SPACES = "\x20\x0a\x09\x0c\x0d"


class _Tag(Tag):
    """A bs4 tag with a fast ``find_parent(name)``."""

    def find_parent(self, name: Any = None, attrs: Any = {}, **kwargs: Any) -> Any:  # noqa: B006
        if isinstance(name, str) and not attrs and not kwargs:
            node = self.parent
            while node is not None:
                if node.name == name:
                    return node
                node = node.parent
            return None
        return super().find_parent(name, attrs, **kwargs)


@functools.lru_cache(maxsize=None)
def _prototype(name: str) -> tuple[dict[str, Any], tuple[str, ...]]:
    """A fresh tag's ``__dict__`` and which of its values are per-tag containers."""
    builder = _builder()
    root = BeautifulSoup("", builder=builder)
    one, two = vars(_Tag(root, builder, name)), vars(_Tag(root, builder, name))
    own = tuple(k for k, v in one.items()
                if isinstance(v, (list, dict, set)) and v is not two[k])
    return one, own


def _tag(root: Any, builder: Any, name: str, attrs: dict[str, str] | None) -> Any:
    if attrs:
        return _Tag(root, builder, name, attrs=attrs)
    state, own = _prototype(name)
    tag = object.__new__(_Tag)
    fresh = vars(tag)
    fresh.update(state)
    for key in own:
        fresh[key] = type(state[key])()
    return tag


@functools.lru_cache(maxsize=1)
def _builder() -> Any:
    # The html.parser builder bs4 would use: its attribute rules (``class`` as a list) and
    # whitespace-preserving tags are what the tree must have.
    return BeautifulSoup("", "html.parser").builder


def soup(html: str) -> BeautifulSoup:
    """``BeautifulSoup(html, "html.parser")`` for XHTML written by :mod:`convert.html`."""
    builder = _builder()
    root = BeautifulSoup("", builder=builder)
    preserve = builder.preserve_whitespace_tags
    stack: list[Any] = [root]
    keep_space = 0  # open tags that preserve whitespace (pre, textarea)
    last: Any = None  # the most recent node in document order (bs4 leaves the root out)
    for m in _TOKEN.finditer(html):
        closing, name, attrs, void, text = m.groups()
        parent = stack[-1]
        if closing:
            if len(stack) > 1:
                stack.pop()
                if parent.name in preserve:
                    keep_space -= 1
            continue
        if text is not None:
            if not keep_space and not text.strip(_ASCII_SPACES):
                text = "\n" if "\n" in text else " "
            elif "&" in text:
                text = unescape(text)
            # NavigableString(text) without its setup(): every link it sets is set below.
            node: Any = str.__new__(NavigableString, text)
            node.hidden = False
        else:
            values = {k: unescape(v) for k, v in _ATTR.findall(attrs)} if attrs else None
            node = _tag(root, builder, name, values)
        siblings = parent.contents
        prev = siblings[-1] if siblings else None
        node.parent = parent
        node.previous_element = last
        if last is not None:
            last.next_element = node
        node.next_element = None
        node.previous_sibling = prev
        node.next_sibling = None
        if prev is not None:
            prev.next_sibling = node
        siblings.append(node)
        last = node
        if text is None and not void and not node.can_be_empty_element:
            stack.append(node)
            if name in preserve:
                keep_space += 1
    return root
