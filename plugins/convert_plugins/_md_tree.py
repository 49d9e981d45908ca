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
from html import unescape
from typing import Any

from bs4 import BeautifulSoup, NavigableString, Tag

from convert import regexcache

_TOKEN = regexcache.compile(r'<(/?)([a-zA-Z][^\s/>]*)((?:\s+[^\s=/>]+="[^"]*")*)\s*(/?)>|([^<]+)')
_ATTR = regexcache.compile(r'([^\s=/>]+)="([^"]*)"')
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
    prototypes: dict[str, tuple[dict[str, Any], tuple[str, ...]]] = {}
    new = object.__new__
    new_string = str.__new__
    stack: list[Any] = [root]
    keep_space = 0  # open tags that preserve whitespace (pre, textarea)
    last: Any = None  # the most recent node in document order (bs4 leaves the root out)
    parent: Any = root
    for closing, name, attrs, void, text in _TOKEN.findall(html):
        if closing:
            if len(stack) > 1:
                stack.pop()
                if parent.name in preserve:
                    keep_space -= 1
                parent = stack[-1]
            continue
        if text:
            if not keep_space and not text.strip(_ASCII_SPACES):
                text = "\n" if "\n" in text else " "
            elif "&" in text:
                text = unescape(text)
            # NavigableString(text) without its setup(): every link it sets is set below
            # (``hidden`` is a class attribute, False).
            node: Any = new_string(NavigableString, text)
            node.next_element = None
            node.next_sibling = None
        elif attrs:
            node = _Tag(root, builder, name, attrs={k: unescape(v) for k, v in _ATTR.findall(attrs)})
        else:
            # A copy of the tag's prototype: its next_element and next_sibling are None.
            proto = prototypes.get(name)
            if proto is None:
                proto = prototypes[name] = _prototype(name)
            state, own = proto
            node = new(_Tag)
            fresh = vars(node)
            fresh.update(state)
            for key in own:
                fresh[key] = type(state[key])()
        siblings = parent.contents
        node.parent = parent
        node.previous_element = last
        if last is not None:
            last.next_element = node
        if siblings:
            prev = siblings[-1]
            node.previous_sibling = prev
            prev.next_sibling = node
        else:
            node.previous_sibling = None
        siblings.append(node)
        last = node
        if not text and not void and not node.can_be_empty_element:
            stack.append(node)
            parent = node
            if name in preserve:
                keep_space += 1
    return root
