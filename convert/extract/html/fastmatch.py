"""Faster, same-answer matching for the case-insensitive word lists of :mod:`.patterns`.

The class/id alternations (``UNLIKELY``, ``NEGATIVE``, ...) are searched hundreds of times a
page, and ``re.IGNORECASE`` makes each search fold every character for every branch tried.
:class:`Folded` wraps such a pattern: ASCII text is lower-cased once and searched with a
case-sensitive twin whose top-level alternation is factored into a trie (``c(?:omment|ookie)``
instead of trying every word at every position). The twin only answers *whether and where*
a match starts; a hit is re-run with the original pattern from there, so callers get the very
match object (span, groups, original case) they got before. Non-ASCII text goes to the
original. :func:`in_words` adds a cache per space-separated word for patterns that cannot
match across a space (class names repeat across elements and pages).

Exactness rests on :func:`foldable`: every character test of the pattern must answer the
same for an ASCII character under ``IGNORECASE`` as for that character lower-cased without it.
"""

from __future__ import annotations

import re
from re import _constants as C  # noqa: N812
from re import _parser

from ...regexcache import compile as _compile
from ..lazyre import LazyPattern, compiled

__all__ = ["Folded", "fold_patterns", "foldable", "in_words"]

#: How much a :class:`Folded` pattern searches with the original pattern before it builds
#: its twins: building them (two parses, two compilations) costs about as much as searching a
#: few thousand characters the slow way, which a one-page run may never do; a long run builds
#: them early on. Each call counts its text's length plus WARMUP_CALL_CHARS (class names are
#: short, the call itself costs too). Results do not depend on it (the twins only find where
#: the original is re-run).
WARMUP_CHARS = 4096
WARMUP_CALL_CHARS = 16


class Folded:
    """An ``IGNORECASE`` pattern with a fast path for ASCII text (see the module doc).
    Attributes other than the matching methods (``pattern``, ``flags``, ...) are the
    original's."""

    __slots__ = ("_re", "_exact", "_scan", "_words", "_word_hits", "_seen", "_needles")

    def __init__(self, rx: re.Pattern[str] | LazyPattern) -> None:
        self._re = rx
        # The twins are built once the pattern was used enough (:meth:`_build`): parsing and
        # compiling them for every pattern at import cost a one-page run more than they save.
        self._scan: re.Pattern[str] | None = None
        self._word_hits: dict[str, bool] = {}
        self._seen = 0
        # Lower-case strings one of which every match holds (:func:`needles`), () for none
        # known: ASCII text holding none of them is answered without a regex.
        self._needles: tuple[str, ...] = ()

    def _build(self, text: str) -> re.Pattern[str]:
        """The pattern to scan ``text`` with: the original until WARMUP_CHARS were searched,
        then the trie twin (or the original again, when the pattern has no fast path)."""
        # A lazy pattern (:mod:`..lazyre`) is compiled now, and the real one answers from here
        # on (no lookup through the lazy wrapper per call).
        rx = self._re = compiled(self._re)
        if self._seen < WARMUP_CHARS:
            self._seen += len(text) + WARMUP_CALL_CHARS
            return rx
        flags = rx.flags & ~re.IGNORECASE
        try:
            tree = _parser.parse(rx.pattern, flags)  # (parsing costs most of a compile: once)
            ok = foldable(tree) and not (
                _compile(rx.pattern, flags).flags & re.IGNORECASE)  # no inline (?i)
        except Exception:  # an unknown construct: the plain pattern answers everything
            ok = False
        if not ok:
            self._exact = self._scan = rx
            self._words = False
            return rx
        self._exact = _compile(rx.pattern, flags)
        self._scan = _trie_twin(rx.pattern, flags) or self._exact
        self._words = _wordwise(tree)
        found = needles(tree)
        # (A pattern anchored at the start fails fast anyway: no scan to save.)
        if found and len(found) <= MAX_NEEDLES and not _anchored(tree):
            # (a needle holding another one adds nothing: the shorter one is found first)
            self._needles = tuple(n for n in sorted(found, key=len)
                                  if not any(m in n for m in found if m != n))
        return self._scan

    def _absent(self, lowered: str) -> bool:
        """Whether the lower-cased ASCII text holds none of the needles (so cannot match)."""
        # (map over the bound __contains__: no Python step per needle)
        return bool(self._needles) and not any(map(lowered.__contains__, self._needles))

    def search(self, text: str, *span: int, **where: int) -> re.Match[str] | None:
        """``re.Pattern.search``, same answer (the fast path for ASCII text)."""
        scan = self._scan or self._build(text)
        if span or where or scan is self._re or not text.isascii():
            # (pos/endpos, non-ASCII text and unfoldable patterns: the original answers)
            return self._re.search(text, *span, **where)
        lowered = text.lower()
        if self._absent(lowered):
            return None
        m = scan.search(lowered)
        # The leftmost match starts at the same place in both (only the branch taken there
        # may differ), so the original needs to look from there on only.
        return None if m is None else self._re.search(text, m.start())

    def match(self, text: str, *span: int, **where: int) -> re.Match[str] | None:
        """``re.Pattern.match``, same answer."""
        scan = self._scan or self._build(text)
        if span or where or scan is self._re or not text.isascii():
            return self._re.match(text, *span, **where)
        return None if scan.match(text.lower()) is None else self._re.match(text)

    def fullmatch(self, text: str, *span: int, **where: int) -> re.Match[str] | None:
        """``re.Pattern.fullmatch``, same answer."""
        # (The trie twin may stop at a shorter word, so whole-string matching uses the
        # plain twin.)
        scan = self._scan or self._build(text)
        if span or where or scan is self._re or not text.isascii():
            return self._re.fullmatch(text, *span, **where)
        return None if self._exact.fullmatch(text.lower()) is None else self._re.fullmatch(text)

    def sub(self, repl, text: str, count: int = 0) -> str:  # noqa: ANN001
        """``re.Pattern.sub``, same answer."""
        scan = self._scan or self._build(text)
        if scan is not self._re and text.isascii():
            lowered = text.lower()
            if self._absent(lowered) or scan.search(lowered) is None:
                return text
        return self._re.sub(repl, text, count)

    def found(self, text: str) -> bool:
        """``bool(self.search(text))``, answered word by word from a cache when the pattern
        cannot match across a space."""
        if self._scan is None and self._build(text) is self._re:
            # (still warming up, or no fast path: the original answers)
            return self._re.search(text) is not None
        if not self._words:
            return self.search(text) is not None
        hits = self._word_hits
        for word in text.split(" "):
            hit = hits.get(word)
            if hit is None:
                if len(hits) > 100_000:
                    hits.clear()
                hit = hits[word] = self.search(word) is not None
            if hit:
                return True
        return False

    def __getattr__(self, name: str):  # noqa: ANN204
        return getattr(self._re, name)

    def __repr__(self) -> str:
        return repr(self._re)


def in_words(rx: re.Pattern[str] | Folded, text: str) -> bool:
    """Whether ``rx`` matches anywhere in ``text`` (a class/id label), through the word cache
    when ``rx`` has one."""
    if isinstance(rx, Folded):
        return rx.found(text)
    return rx.search(text) is not None


def fold_patterns(names: dict) -> None:
    """Wrap every ``IGNORECASE`` str pattern among ``names`` (a module's globals), compiled or
    lazy (:mod:`..lazyre`, left uncompiled); whether it can take the fast path is decided on
    its first use (see :meth:`Folded._build`)."""
    for name, value in list(names.items()):
        if isinstance(value, LazyPattern):
            # (the flags it was given: an inline ``(?i)`` alone is not seen without compiling,
            # and such a pattern is left unwrapped, as the fast path would refuse it anyway)
            flags = value.flags_given
        elif isinstance(value, re.Pattern):
            flags = value.flags
        else:
            continue
        if isinstance(value.pattern, str) and flags & re.IGNORECASE:
            names[name] = Folded(value)


# ----------------------------------------------------------------------------- exactness

# Characters other than ASCII letters that IGNORECASE matches with an ASCII letter
# (dotted/dotless i, long s, Kelvin sign): a pattern holding them is left alone.
_ASCII_FOLDING = frozenset((0x130, 0x131, 0x17F, 0x212A))


def _char_ok(code: int) -> bool:
    return not (65 <= code <= 90) and code not in _ASCII_FOLDING


def _range_ok(lo: int, hi: int) -> bool:
    """A range whose every upper-case ASCII letter has its lower-case one in it too."""
    return all(lo <= c + 32 <= hi for c in range(max(lo, 65), min(hi, 90) + 1)) and not any(
        lo <= c <= hi for c in _ASCII_FOLDING)


def foldable(tree) -> bool:  # noqa: ANN001
    """Whether every character test of a parsed pattern gives the same answer on an ASCII
    character under ``IGNORECASE`` as on that character lower-cased without it."""
    for op, av in tree:
        if op in (C.LITERAL, C.NOT_LITERAL):
            if not _char_ok(av):
                return False
        elif op is C.IN:
            for item_op, item in av:
                if item_op not in (C.LITERAL, C.RANGE, C.NEGATE, C.CATEGORY):
                    return False
                if item_op is C.LITERAL and not _char_ok(item) or (
                        item_op is C.RANGE and not _range_ok(*item)):
                    return False
        elif op is C.BRANCH:
            if not all(foldable(branch) for branch in av[1]):
                return False
        elif op is C.SUBPATTERN:
            if av[2] & re.IGNORECASE or not foldable(av[3]):  # (?-i:...) turns case back on
                return False
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            if not foldable(av[2]):
                return False
        elif op in (C.ASSERT, C.ASSERT_NOT):
            if not foldable(av[1]):
                return False
        elif op is C.ATOMIC_GROUP:
            if not foldable(av):
                return False
        elif op is C.GROUPREF_EXISTS:
            if not foldable(av[1]) or av[2] is not None and not foldable(av[2]):
                return False
        elif op not in (C.AT, C.ANY, C.CATEGORY, C.GROUPREF):
            return False
    return True


def _wordwise(tree) -> bool:  # noqa: ANN001
    """Whether a match can never include a space nor look past one, so that a text matches
    exactly when one of its space-separated words does: no test accepts a space, and the
    only anchors are word boundaries (a space and the ends of a string both read as
    non-word characters)."""
    for op, av in tree:
        if op is C.LITERAL:
            if av == 32:
                return False
        elif op is C.IN:
            for item_op, item in av:
                if item_op is C.LITERAL and item == 32 or item_op is C.RANGE and (
                        item[0] <= 32 <= item[1]):
                    return False
                if item_op is C.CATEGORY and item not in (C.CATEGORY_DIGIT, C.CATEGORY_WORD):
                    return False
                if item_op not in (C.LITERAL, C.RANGE, C.CATEGORY):  # NEGATE and the rest
                    return False
        elif op is C.BRANCH:
            if not all(_wordwise(branch) for branch in av[1]):
                return False
        elif op is C.SUBPATTERN:
            if not _wordwise(av[3]):
                return False
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            if not _wordwise(av[2]):
                return False
        elif op is C.AT:
            if av not in (C.AT_BOUNDARY, C.AT_NON_BOUNDARY):
                return False
        elif op is C.CATEGORY:
            if av not in (C.CATEGORY_DIGIT, C.CATEGORY_WORD):
                return False
        else:  # NOT_LITERAL, ANY, lookarounds, back references: could reach a space
            return False
    return True


# ----------------------------------------------------------------------------- needles

#: A pattern whose every match is known to hold one of at most this many strings is first
#: tested with ``in`` (a fast substring scan each): with more, the tests cost about what the
#: regex scan does on a class name or a line. (Not in :meth:`Folded.found`, whose word cache
#: answers class names faster.)
MAX_NEEDLES = 16


def _anchored(tree) -> bool:  # noqa: ANN001
    """Whether a parsed pattern can only match at the start of the text (``^...``)."""
    return bool(tree) and tree[0][0] is C.AT and tree[0][1] in (C.AT_BEGINNING,
                                                                 C.AT_BEGINNING_STRING)


def needles(tree) -> set[str] | None:  # noqa: ANN001
    """Strings one of which every match of a parsed (foldable) pattern holds, or ``None``
    when none is known: the longest run of ASCII literals of a sequence, or of a required
    part of it (a group, a repeat of at least one, an alternation whose every branch has
    needles, which then holds the union). Zero-width and other tests end a run."""
    best: set[str] | None = None
    run: list[str] = []

    def take(found: set[str] | None) -> None:
        nonlocal best
        if found and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found

    def end_run() -> None:
        if run:
            take({"".join(run)})
            run.clear()

    for op, av in tree:
        if op is C.LITERAL and av < 128:
            run.append(chr(av))
            continue
        end_run()
        if op is C.SUBPATTERN:
            take(needles(av[3]))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            if av[0] >= 1:
                take(needles(av[2]))
        elif op is C.BRANCH:
            union: set[str] = set()
            for branch in av[1]:
                found = needles(branch)
                if not found:
                    union = set()
                    break
                union |= found
            take(union or None)
    end_run()
    return best


# ----------------------------------------------------------------------------- trie twin

_PLAIN = _compile(r"[a-z0-9_-]")
_QUANTIFIERS = frozenset("?*+{")


def _split_top(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (outside groups and character classes)."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    class_start = -1  # index of the "[" of the character class being read, -1 outside
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            current.append(pattern[i:i + 2])
            i += 2
            continue
        if class_start >= 0:
            # A "]" right after "[" or "[^" is a literal member, not the end.
            first = class_start + (2 if pattern[class_start + 1:class_start + 2] == "^" else 1)
            if c == "]" and i > first:
                class_start = -1
        elif c == "[":
            class_start = i
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            i += 1
            continue
        current.append(c)
        i += 1
    parts.append("".join(current))
    return parts


def _trie(branches: list[str]) -> str:
    """Alternatives sharing a plain first character grouped under it, recursively. A match
    *starts* at the same places as with the flat alternation; once one alternative is a
    prefix of the others, the others are dropped (they cannot add a start)."""
    groups: dict[str, list[str]] = {}
    rest: list[str] = []
    for branch in branches:
        if branch and _PLAIN.match(branch[0]) and branch[1:2] not in _QUANTIFIERS:
            groups.setdefault(branch[0], []).append(branch[1:])
        else:
            rest.append(branch)
    out = []
    for first, tails in groups.items():
        head = re.escape(first)
        if "" in tails:
            out.append(head)
        elif len(tails) == 1:
            out.append(head + tails[0])
        else:
            out.append(head + "(?:" + _trie(tails) + ")")
    return "|".join(out + rest)


def _trie_twin(pattern: str, flags: int) -> re.Pattern[str] | None:
    """The trie form of a top-level alternation, or ``None`` where it does not apply
    (groups, whose numbers the regrouping would change; verbose patterns; one branch)."""
    if flags & re.VERBOSE or _compile(pattern, flags).groups:
        return None
    branches = _split_top(pattern)
    if len(branches) < 2:
        return None
    try:
        return _compile(_trie(branches), flags)
    except re.error:
        return None
