"""Segmentation of a plain-text dump into lines, and the features each line is judged by.

A dump comes in one of three shapes (see ``../shared/corpus/README.md``): innerText-like
(a blank line around paragraphs), WET-like (one block per line, no blank lines) and
``get_text("\\n")``-like (one line per DOM text node, so sentences break at every link). The
segmenter undoes the last one: a line that cannot end a sentence is joined to a next line that
cannot start one. Features are computed once per line and are all cheap (linear in the text).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from convert.extract.ablation import rule
from convert.textutil import clean_text
from . import rules as R
from .stopwords import STOPCHARS, UNSPACED, words
from ..lazyre import lazy

_NEWLINES = lazy(r"\r\n?|[\f\v\x85\u2028\u2029]")
_UNSPACED_CHAR = lazy(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f\u1000-\u109f"
                      r"\u1780-\u17ff\u0e80-\u0eff]")
_LOWER_START = lazy(r"^[\"'“‘(«]?[^\W\d_]")
_TOKEN = lazy(r"\w+")
_ASCII_SPACE = lazy(r"[ \t\n\r\f\v]+")

#: Units shorter than this (in word-equivalents) are "short": judged by their neighbours.
SHORT_WORDS = 8
#: Units at least this long with prose-like density are "good" on their own.
GOOD_WORDS = 18

#: Rules that look at a whole line apply only to lines up to this long; longer lines are prose.
RULE_MAX_WORDS = 45
#: A headline (and the page's ``<title>`` that repeats it) has this many words.
HEADLINE_MIN_WORDS = 2
HEADLINE_MAX_WORDS = 30
#: The page's ``<title>`` printed first is looked for on pages of at least this many lines.
PAGE_TITLE_MIN_LINES = 3
#: A line repeats the page's ``<title>`` when the title holds it and it is at least this share
#: of the title's length ("Headline" in "Headline - Site").
TITLE_ECHO_SHARE = 0.4

#: Longest line the segmenter accepts as one unit; longer ones are cut at sentence ends so
#: that per-line work stays bounded.
MAX_LINE = 20000

#: A dump is ``get_text``-like (a line per DOM text node, sentences broken at every link) when
#: more than this share of its line breaks fall inside a sentence; far fewer do in innerText
#: and WET dumps, where only a hard-wrapped paragraph breaks mid-sentence.
FRAGMENTED_SHARE = 0.04
#: A line is in a script without spaces when more than UNSPACED_SHARE of its first
#: UNSPACED_SAMPLE_CHARS characters are such letters (a few Latin brand names and digits
#: in Chinese text do not make it spaced; the sample bounds the work on long lines).
UNSPACED_SAMPLE_CHARS = 400
UNSPACED_SHARE = 0.3
#: Without spaces, a line of at most UNSPACED_LINK_MAX_CHARS characters (a link's text) is
#: joined to a previous line of at least UNSPACED_JOIN_MIN_CHARS that has clause punctuation
#: (a sentence under way); menu items are shorter lines after short lines.
UNSPACED_LINK_MAX_CHARS = 12
UNSPACED_JOIN_MIN_CHARS = 10
#: In a ``get_text`` dump, a line longer than this many characters that ends on a function
#: word (or a next line this long that opens with one) is a sentence broken at a link; a
#: shorter one may be a menu item ("News and", "Sport for").
FUNCTION_WORD_JOIN_MIN_CHARS = 25
#: A link's text inside a sentence has at most this many words (longer capitalised lines are
#: new sentences).
LINK_TEXT_MAX_WORDS = 6


#: The metadata a furniture rule can recognise in a line (see :attr:`Line.kind`).
MetaKind = Literal["", "date", "byline", "caption", "breadcrumb"]


@dataclass(slots=True)
class Line:
    """One unit of the dump (a line, or several joined lines) and its features."""

    text: str
    #: index of the unit in the document
    index: int
    #: a blank line preceded this unit in the dump
    gap_before: bool
    #: how many physical lines were joined into this unit
    joined: int = 1
    #: table-cell separators (tabs) on the line: a table row when non-zero
    cells: int = 0
    words: int = 0
    #: word-equivalents: words in spaced scripts, characters / 2 in unspaced ones
    weight: float = 0.0
    stop_density: float = 0.0
    clause_punct: int = 0
    ends_sentence: bool = False
    #: how many units of the document have the same normalised text
    repeats: int = 1
    #: the verdict: ``None`` undecided, else ``True`` (article) / ``False`` (furniture)
    keep: bool | None = None
    #: why the verdict was reached (a rule name), for the debug log
    reason: str = ""
    #: the metadata a furniture rule recognised in the line when it dropped it (its rule's
    #: name: a dateline, a byline, a photo caption, a breadcrumb trail); read by the region
    #: step (a comment's date) and the structure step (the article's date, authors, ...)
    kind: MetaKind = ""
    #: the part of the article the structure step made of the line; when set it overrides
    #: ``kind`` (a line taken as the headline is no longer read as a byline)
    role: Literal["", "title", "subtitle"] = ""
    #: written in a script without spaces between words (Chinese, Japanese, Thai, ...): its
    #: weight counts characters, and function characters stand in for function words
    unspaced: bool = False
    #: (unspaced lines) the page's language has a list of function characters
    has_stopchars: bool = False
    #: the line looks like program code: no later furniture rule judges it, and it is kept
    #: inside the article's run as a code block
    code: bool = False
    #: an item of a list that a lead-in line ending in a colon opens ("Deliverables
    #: include:"), marked by the region step (:func:`.region.mark_lead_in_lists`)
    listed: bool = False
    #: a point of a story's summary box ("Key points"), marked by :mod:`.keypoints`: a list item
    point: bool = False
    #: the line's lower-cased words (:func:`.stopwords.words`; spaced scripts only), filled
    #: in by :func:`measure` and counted again for the body's language
    tokens: list = field(default_factory=list)
    #: comparison key (see :func:`norm_key`), filled in by :func:`measure`
    key: str = ""


#: Reasons of lines set aside by the classifier and the region step (length, density, distance
#: from the body) rather than by a furniture rule: a fallback may judge them again.
OPEN_REASONS = ("short", "bad-density", "near-good", "far-from-body")


def drop(u: Line, reason: str) -> None:
    """Mark a unit as furniture, with the name of the rule that decided it."""
    u.keep = False
    u.reason = reason


def echoes_title(u: Line, first: Line, share: float = TITLE_ECHO_SHARE) -> bool:
    """Whether ``u`` repeats most of ``first`` (the page's ``<title>`` that WET and
    ``get_text`` dumps print first): ``first`` holds its text, and it is at least ``share``
    of ``first``'s length."""
    return bool(u.key) and u.key in first.key and len(u.key) >= share * len(first.key)


def norm_key(text: str) -> str:
    """A comparison key: case-folded word characters only."""
    return " ".join(_TOKEN.findall(text.casefold()))


def normalize(text: str) -> str:
    """Unify line breaks (CRLF, CR, form feed, ...) and drop characters XML cannot hold."""
    text = _NEWLINES.sub("\n", text)
    text = unicodedata.normalize("NFC", text)
    return clean_text(text.replace("\t", " \t "))


def _split_long(line: str) -> list[str]:
    if len(line) <= MAX_LINE:
        return [line]
    out: list[str] = []
    start = 0
    while start < len(line):
        end = min(len(line), start + MAX_LINE)
        if end < len(line):
            cut = max(line.rfind(". ", start, end), line.rfind("。", start, end))
            if cut > start + MAX_LINE // 4:
                end = cut + 1
        out.append(line[start:end])
        start = end
    return out


def physical_lines(text: str) -> list[tuple[str, bool, int]]:
    """Non-empty, whitespace-collapsed lines, each with a flag saying a blank line came before
    and the number of table-cell separators (tabs) it had."""
    out: list[tuple[str, bool, int]] = []
    gap = False
    for raw in text.split("\n"):
        # Only ASCII whitespace runs collapse: a no-break space inside a line is the
        # page's own choice (and the seed's gold keeps it); at the ends it is stripped.
        # (after normalize(), spaces and tabs are the only ASCII whitespace left in a line)
        line = _ASCII_SPACE.sub(" ", raw).strip() if "  " in raw or "\t" in raw else raw.strip()
        if not line:
            gap = True
            continue
        tabs = raw.count("\t") if len(raw) < MAX_LINE else 0
        for i, part in enumerate(_split_long(line)):
            out.append((part, gap and i == 0, tabs))
        gap = False
    return out


_SPACE_PAUSE = lazy(r"(?<=[\u3040-\u30ff\u4e00-\u9fff]{8}) +(?=[\u3040-\u30ff\u4e00-\u9fff]{8})")


def _is_unspaced(text: str) -> bool:
    if not _UNSPACED_CHAR.search(text, 0, UNSPACED_SAMPLE_CHARS):
        return False
    n = len(_UNSPACED_CHAR.findall(text[:UNSPACED_SAMPLE_CHARS]))
    return n > UNSPACED_SHARE * min(len(text), UNSPACED_SAMPLE_CHARS)


HANDLES_AND_COMMANDS_APART = rule(
    "text-handles-and-commands-apart",
    "a user's handle alone on its line ('tomasz_b', 'user123' over a forum post) and a command "
    "or a line of code after a lead-in ending in a colon ('Install the package with pip:' / "
    "'pip install fastqueue') start lines of their own, not words of a sentence broken at a "
    "link; nor do they make the dump read as broken at links")
#: A handle: one token of lower-case letters with an underscore or a digit in it.
_HANDLE = lazy(r"^(?=[a-z0-9_.-]*[_\d])(?=[a-z0-9_.-]*[a-z])[a-z0-9_.-]{3,30}$")


DATE_ENDS_LINE = rule(
    "text-date-ends-line",
    "a line ending in a year ('Jun 2024', a post's or a story's date) is not continued by a "
    "next line that opens with a capital ('Is there a backup job ...'): the post starts there, "
    "though its first word is a function word, as a sentence broken at a link would")
_YEAR_END = lazy(r"\b(?:19|20)\d\d$")


POST_NUMBER_ALONE = rule(
    "text-post-number-alone",
    "a forum post's number alone on its line ('#2', over the post's first sentence) opens the "
    "post, it does not start a sentence the dump broke at a link: the post number stays apart "
    "and the thread's posts are found by their numbers")
_POST_NUMBER = lazy(r"^#\d{1,4}$")


def _continues(prev: str, nxt: str, fragmented: bool, stop: frozenset[str]) -> bool:
    """Whether ``nxt`` continues the sentence that ``prev`` left open."""
    if POST_NUMBER_ALONE and _POST_NUMBER.match(prev):
        return False
    if DATE_ENDS_LINE and _YEAR_END.search(prev) and nxt[:1].isupper():
        return False
    if HANDLES_AND_COMMANDS_APART and (_HANDLE.match(nxt) or (
            prev.endswith(":") and R.CODE_LINE_START.match(nxt))):
        return False
    ended = prev.endswith(R.SENTENCE_END_CHARS)
    if ended and not prev.endswith(("”", "'", "’", '"', ")")):
        return False
    if R.CONTINUATION_START.match(nxt):
        return True
    if prev.endswith(R.OPEN_END_CHARS) and not ended:
        return True
    if _is_unspaced(prev) or _is_unspaced(nxt):
        # Without spaces, only a short link text inside a sentence that already has clause
        # punctuation is joined: menus of short items must stay apart.
        return fragmented and not ended and len(nxt) <= UNSPACED_LINK_MAX_CHARS \
            and len(prev) >= UNSPACED_JOIN_MIN_CHARS and bool(R.CLAUSE_PUNCT.search(prev))
    if ended:
        return False
    first = nxt[:1]
    if first.isalpha() and first.islower() and _LOWER_START.match(nxt):
        return True
    if fragmented:
        last = prev.rsplit(" ", 1)[-1].lower()
        # A sentence rarely ends on a function word; the next line is then the text of a
        # link (short), unless it is a whole new sentence.
        if last in stop and len(prev) > FUNCTION_WORD_JOIN_MIN_CHARS \
                and (len(nxt.split()) <= LINK_TEXT_MAX_WORDS or not nxt[:1].isupper()) \
                and not R.BULLET.match(prev):
            return True
        if len(nxt) > FUNCTION_WORD_JOIN_MIN_CHARS and nxt.split(" ", 1)[0].lower() in stop:
            return True
    return False


FRAGMENTS_SKIP_CODE = rule(
    "text-fragmentation-skips-code",
    "the breaks before and after a line of code or a table's row do not count toward a dump's "
    "fragmentation: a docs page's commands and code ('npx fastserve init', '\"port\": 8080') "
    "start in lower case but are no sentence a get_text dump broke at a link")


def fragmentation(lines: list[tuple[str, bool, int]]) -> float:
    """Share of line breaks that fall inside a sentence (high in ``get_text`` dumps)."""
    inside = total = 0
    for (prev, _, ptabs), (nxt, gap, tabs) in zip(lines, lines[1:]):
        if gap:
            continue
        if FRAGMENTS_SKIP_CODE and (tabs or ptabs or _code_like(prev) or _code_like(nxt)):
            continue
        if HANDLES_AND_COMMANDS_APART and (_HANDLE.match(nxt) or (
                prev.endswith(":") and R.CODE_LINE_START.match(nxt))):
            continue
        total += 1
        if not prev.endswith(R.SENTENCE_END_CHARS) and (
                R.CONTINUATION_START.match(nxt) or (nxt[:1].isalpha() and nxt[:1].islower())):
            inside += 1
    return inside / total if total else 0.0


def _code_like(line: str) -> bool:
    """A line that reads as code by its start or end (:data:`rules.CODE_LINE`)."""
    t = line.rstrip()
    return t.endswith(R.CODE_LINE_END_CHARS) or bool(R.CODE_LINE_START.match(t)) or \
        t.startswith(('"', "'", "{", "}", "[", "]", "<"))


DATA_LINES_APART = rule(
    "text-data-lines-apart",
    "the lines of a JSON document or a config file pasted in an article (an API's response, "
    "'\"page_size\": 100,', 'retry_limit = 5') are its own lines: one ending in a comma or an "
    "opening brace is no sentence broken at a link, so they are not joined into one paragraph")
#: A line of structured data: a brace or bracket alone or opening the line, a quoted key before
#: ':' and a JSON value (a definition in prose, '"cors": response was received ...', has
#: words there), or one word without spaces, no capitalised word of prose, before ':' or '='.
_DATA_LINE = lazy(r'^(?:[\[\]{}]|"[\w$@.:/-]{1,40}"\s*:\s*(?:$|["{\[\d-]|true\b|false\b|null\b)|'
                  r'[a-z_][\w.-]{0,40}\s*(?:=|:\s))')


def _data_pair(prev: str, nxt: str) -> bool:
    """Whether ``prev`` (the last physical line) and ``nxt`` are both lines of data."""
    # (a statement's ";" ends a line of a program, whose braces close blocks, not data)
    return not prev.endswith(";") and bool(_DATA_LINE.match(prev)) and bool(_DATA_LINE.match(nxt)) and (
        prev[:1] in '{["}]' or nxt[:1] in '{["}]' or "_" in prev + nxt or "=" in prev + nxt)


def _data_lines(phys: list[tuple[str, bool, int]]) -> list[bool]:
    """Which physical lines are lines of data: each forms a pair of data lines (see
    :func:`_data_pair`) with its neighbour above or below (no blank line between)."""
    out = [False] * len(phys)
    for n in range(1, len(phys)):
        if not phys[n][1] and _data_pair(phys[n - 1][0], phys[n][0]):
            out[n - 1] = out[n] = True
    return out


def segment(text: str, stop: frozenset[str]) -> list[Line]:
    """Split a dump into units, rejoining sentences that the dump broke at inline links."""
    phys = physical_lines(text)
    fragmented = fragmentation(phys) > FRAGMENTED_SHARE
    units: list[Line] = []
    data = _data_lines(phys) if DATA_LINES_APART else None
    for n, (line, gap, tabs) in enumerate(phys):
        if data is not None and (data[n] or (n and data[n - 1] and line[:1].isupper())):
            # (a line of data is a unit of its own, and so is a sentence after the data)
            units.append(Line(text=line, index=len(units), gap_before=gap, cells=tabs,
                              code=data[n]))
            continue
        if units and not gap and not tabs and not units[-1].cells and len(units[-1].text) < MAX_LINE \
                and _continues(units[-1].text, line, fragmented, stop):
            prev = units[-1]
            sep = "" if (R.CONTINUATION_START.match(line) or
                         (_is_unspaced(prev.text[-5:]) and _is_unspaced(line[:5]))) else " "
            prev.text = prev.text + sep + line
            prev.joined += 1
            continue
        units.append(Line(text=line, index=len(units), gap_before=gap, cells=tabs))
    for i, u in enumerate(units):
        u.index = i
    return units


UNDOUBLE = rule(
    "text-undouble",
    "a line that is one phrase printed twice ('Who we are Who we are', 'Talk to an "
    "ExpertTalk to an Expert', 'EUR 20.99EUR 20.99') is a link's or a button's text with its "
    "accessible label read out beside it: the page shows it once, so the line is judged as "
    "one copy (a menu item then repeats its menu's other copies, a heading reads as a heading)")
#: A phrase printed twice with a space between has at least this many words (a one-word name
#: doubled for real keeps its space: "Talk Talk"); printed twice with nothing between, it has
#: at least UNDOUBLE_GLUED_CHARS characters ("EventbriteEventbrite"; a short word doubled may
#: be a word: "couscous").
UNDOUBLE_MIN_WORDS = 2
UNDOUBLE_GLUED_CHARS = 5


def doubled_half(text: str) -> str | None:
    """The phrase ``text`` prints twice (with one space or nothing between), else ``None``."""
    n = len(text)
    half = n // 2
    if n % 2:
        if text[half] == " " and text[:half] == text[half + 1:] \
                and len(text[:half].split()) >= UNDOUBLE_MIN_WORDS:
            return text[:half]
    elif half >= UNDOUBLE_GLUED_CHARS and text[:half] == text[half:] \
            and not text[half - 1].isspace():
        return text[:half]
    return None


def undouble(units: list[Line]) -> None:
    """Print each doubled line once (see :data:`UNDOUBLE`)."""
    if not UNDOUBLE:
        return
    for u in units:
        if len(u.text) >= 2 * UNDOUBLE_GLUED_CHARS:
            half = doubled_half(u.text)
            if half is not None:
                u.text = half


def measure(units: list[Line], stop: frozenset[str], stopchars: frozenset[str] | None) -> None:
    """Fill in the features of every unit."""
    for u in units:
        u.key = norm_key(u.text)
    counts = Counter(u.key for u in units)
    for u in units:
        t = u.text
        if _is_unspaced(t):
            chars = len(_UNSPACED_CHAR.findall(t))
            ws = words(_UNSPACED_CHAR.sub(" ", t))
            u.words = len(ws) + chars // 2
            u.weight = chars / 2 + len(ws)
            u.has_stopchars = bool(stopchars)
            if stopchars:
                u.stop_density = sum(1 for c in t if c in stopchars) / max(1, chars)
            else:
                u.stop_density = 0.0
            u.unspaced = True
        else:
            ws = words(t)
            u.tokens = ws
            u.words = len(ws)
            u.weight = float(len(ws))
            u.stop_density = (sum(map(stop.__contains__, ws)) / len(ws)) if ws else 0.0
        u.clause_punct = len(R.CLAUSE_PUNCT.findall(t))
        if u.unspaced and " " in t:
            # Text written without spaces that has them between long runs of characters
            # uses them as punctuation (a careless habit, common in Traditional Chinese).
            u.clause_punct += len(_SPACE_PAUSE.findall(t))
        u.ends_sentence = t.endswith(R.SENTENCE_END_CHARS)
        u.repeats = counts[u.key] if u.key else 1


def stopchars_for(lang: str | None) -> frozenset[str] | None:
    """Function characters for an unspaced language, if there is a list."""
    if lang in UNSPACED:
        return STOPCHARS.get(lang or "")
    return None
