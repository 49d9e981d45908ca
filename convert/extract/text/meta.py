"""Metadata from single lines of a plain-text dump: dates, bylines, breadcrumbs, captions.

Each function looks at one line and either returns a value or ``None``; deciding *which* line
is the dateline or the caption is the job of :mod:`convert.extract.text`.
"""

from __future__ import annotations

import re
from collections import Counter

from convert.extract.dates import TEXT_MIN_YEAR, TEXT_MONTHS, is_valid_day
from . import rules as R
from .notices import COPYRIGHT
from .stopwords import STOPWORDS
from .timestamps import DATE_PATTERNS, DATE_WORDS
from ..ablation import rule
from ..lazyre import lazy

_AUTHOR_SPLIT = lazy(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b|、|和)\s*", re.I)
_DIGIT = lazy(r"\d")
_BRAND_TOKEN = lazy(r"\b[A-Z][A-Za-z0-9&]{1,14}\b")
_LETTERS = lazy(r"[^\W\d_]{2,}")
_ARROWS = lazy(r"\s(?:>>|»|›|>|→)\s|>>")
_CREDIT_LABEL = lazy(r"\s(?:Photo|Foto|Credit|Image|Bild|Picture)\s*:\s*(?P<c>.{2,80})$", re.I)
_HERE = lazy(r"^(?:当前位置|您的位置|位置|you are here)\s*[:：]\s*", re.I)
# What ends the names of a byline: a separator, a tab, or the next label set with a full-width
# colon ("编辑：..." (editor); a Latin colon is as often a time, "3:57 PM", or a title).
_TRAILING_JUNK = lazy(r"\s*[|•·,;–—\t-]\s*.*$|\s+\S{1,12}：.*$")
BYLINE_NAME_LIST = rule(
    "text-byline-name-list",
    "a byline that lists three or more people with commas and 'and' ('By Sarah Jones, James "
    "Patel and Ruth Wilson') keeps every name: its comma separates names, not the author from "
    "an agency ('By Jane Doe, Reuters' keeps Jane Doe)")
BYLINE_BRACKET_NOTE = rule(
    "text-byline-bracket-note",
    "a note in brackets after the name ('Par Claire Dubois (Munich, envoyée spéciale)') is "
    "not part of it: the name is read without it, not cut at the note's comma")
DATELINE_TWO_DATES = rule(
    "text-dateline-two-dates",
    "a dateline may give the day of publication and the day of the last change ('Published: "
    "Mar 4, 2024 · Modified: Sep 12, 2024 by Megan Hart', 'Publié le 3 juin 2024 à 10h12, "
    "modifié le 3 juin 2024 à 18h45'): the second date counts as a date, not as other words")
#: A list of names: two or three capitalised words each, commas between them and a
#: conjunction before the last ("Sarah Jones, James Patel and Ruth Wilson").
_NAME = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,2}"
_NAME_LIST = lazy(rf"^{_NAME}(?:, {_NAME})+,? (?:and|und|et|y|e|&) {_NAME}$")
#: Words of a job or a desk, which a list of names does not hold ("Jane Doe, Senior Editor
#: and Columnist").
_JOB_WORDS = lazy(r"\b(?:editor|reporter|writer|correspondent|columnist|contributor|staff|"
                  r"desk|team|news|press|service|agency|producer|photographer|analyst)s?\b", re.I)
#: A note in brackets ("(Munich, envoyée spéciale)", "(Reuters)").
_BRACKET_NOTE = lazy(r"\s*\([^()]{0,60}\)")
#: "Reporter" glued to the name in Chinese bylines ("记者王敬照").
_JOB_PREFIX = lazy(r"^(?:记者|記者)\s*")

#: A dateline is short: at most DATE_LINE_MAX_WORDS words and DATE_LINE_MAX_CHARS characters,
#: of which at most DATE_LINE_MAX_OTHER words are neither the date nor a date label
#: ("Published", "Updated"); a sentence that mentions a date is longer.
DATE_LINE_MAX_WORDS = 12
DATE_LINE_MAX_CHARS = 90
DATE_LINE_MAX_OTHER = 3
#: A person's name in a byline has at most this many words (longer parts are a job title or
#: a sentence).
AUTHOR_MAX_WORDS = 5
#: A byline has at most this many words ("By Jane Doe and John Roe | Reuters | 3 May 2024").
BYLINE_MAX_WORDS = 14
#: A breadcrumb trail has at most BREADCRUMB_MAX_WORDS words and BREADCRUMB_MAX_CHARS
#: characters; one without a home crumb needs ARROW_TRAIL_MIN arrows and at most
#: ARROW_TRAIL_MAX_WORDS words.
BREADCRUMB_MAX_WORDS = 14
BREADCRUMB_MAX_CHARS = 140
ARROW_TRAIL_MIN = 2
ARROW_TRAIL_MAX_WORDS = 12
#: A photo credit after "©" has at most this many words (an agency and a photographer).
CREDIT_MAX_WORDS = 12
#: A "Photo: ..." credit label ends a caption only after at least this many characters of it.
CAPTION_MIN_CHARS = 10
#: A credit at the end of a "Photo ..." caption is shorter than this many characters.
CREDIT_TAIL_MAX_CHARS = 60
#: A "Photo ..." line of at most this many words is a credit alone, with no caption.
CREDIT_ONLY_MAX_WORDS = 6
#: A brand token names at least BRAND_MIN_LINES distinct furniture lines when written in
#: capitals ("RT", "BBC"), BRAND_MIN_LINES_WORD when it could be an ordinary word.
BRAND_MIN_LINES = 3
BRAND_MIN_LINES_WORD = 4
#: A site name after the headline in ``<title>`` has at most this many words.
SITE_NAME_MAX_WORDS = 5
#: A copyright owner ("Ocean News Ltd") has at most this many words.
OWNER_MAX_WORDS = 4


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ISO 8601, as precise as the text (no invented zone)."""
    if not _DIGIT.search(text):
        return None  # every date pattern has a year in digits
    for rx in DATE_PATTERNS:
        m = rx.search(text)
        if not m:
            continue
        g = m.groupdict()
        try:
            year, day = int(g["y"]), int(g["d"])
            if g.get("mon"):
                month = TEXT_MONTHS.get(g["mon"].lower().rstrip("."))
                if month is None:
                    continue
            else:
                month = int(g["m"])
        except (TypeError, ValueError):
            continue
        if not is_valid_day(year, month, day, min_year=TEXT_MIN_YEAR):
            continue
        out = f"{year:04d}-{month:02d}-{day:02d}"
        if g.get("h") and g.get("mi"):
            hour, minute = int(g["h"]), int(g["mi"])
            ampm = (g.get("ampm") or "").lower().replace(".", "")
            if ampm == "pm" and hour < 12:
                hour += 12
            elif ampm == "am" and hour == 12:
                hour = 0
            if hour < 24 and minute < 60:
                sec = int(g["s"]) if g.get("s") else 0
                out += f"T{hour:02d}:{minute:02d}:{sec:02d}"
        return out
    return None


def is_date_line(text: str, words: int) -> bool:
    """A short line that is essentially a date (possibly with a time and a label)."""
    # (a byline with its dates, "By Jane Doe Published: ... Updated: ...", stays a byline)
    most = 2 if DATELINE_TWO_DATES and not R.BYLINE.match(text) else 1
    if words > most * DATE_LINE_MAX_WORDS or len(text) > most * DATE_LINE_MAX_CHARS \
            or not _DIGIT.search(text):
        return False
    for rx in DATE_PATTERNS:
        m = rx.search(text)
        if m:
            rest = (text[:m.start()] + " " + text[m.end():])
            if DATELINE_TWO_DATES and not R.BYLINE.match(text):
                # (a second date, the change's, and the words of a line within the limits)
                rest = rx.sub(" ", rest, count=1)
                if len(rest.split()) > DATE_LINE_MAX_WORDS or len(rest) > DATE_LINE_MAX_CHARS:
                    return False
            rest = DATE_WORDS.sub(" ", rest)
            leftover = _LETTERS.findall(rest)
            return len(leftover) <= DATE_LINE_MAX_OTHER
    return False


def authors_from_byline(text: str) -> tuple[str, ...]:
    """Author names from a byline line ("By Jane Doe and John Roe | Reuters")."""
    m = R.BYLINE.match(text)
    if not m:
        return ()
    names = m.group("names")
    for rx in DATE_PATTERNS:
        d = rx.search(names)
        if d:
            names = names[:d.start()]
    if BYLINE_BRACKET_NOTE and "(" in names:
        names = _BRACKET_NOTE.sub("", names)
    if BYLINE_NAME_LIST and _NAME_LIST.match(names.strip()) and not _JOB_WORDS.search(names):
        names = names.strip()
    else:
        names = _JOB_PREFIX.sub("", _TRAILING_JUNK.sub("", names).strip(" ,.:;"))
    parts = [p.strip(" ,.") for p in _AUTHOR_SPLIT.split(names)]
    # A name starts with a capital, or with a letter of a script without case (CJK, Arabic).
    out = tuple(p for p in parts if p and len(p.split()) <= AUTHOR_MAX_WORDS
                and p[:1].isalpha() and not p[:1].islower())
    return out


def is_byline(text: str, words: int) -> bool:
    """A short "By ..." line naming one or a few people."""
    if words > BYLINE_MAX_WORDS:
        return False
    return bool(authors_from_byline(text))


def breadcrumb_section(text: str, words: int) -> str | None:
    """The section a breadcrumb line names (its last crumb below the home page), or ``None``."""
    if words > BREADCRUMB_MAX_WORDS or len(text) > BREADCRUMB_MAX_CHARS:
        return None
    glued = R.GLUED_HOME.match(text)
    if glued:
        rest = text[glued.end():].strip()
        crumbs = [c for c in R.CRUMB_SEPARATOR.split(rest) if c.strip()]
        return crumbs[-1].strip() if crumbs else None
    low = text.lower()
    starts_home = low.startswith(R.HOME_WORDS)
    if not starts_home:
        return None
    crumbs = [c.strip() for c in R.CRUMB_SEPARATOR.split(text) if c.strip()]
    separators = len(R.CRUMB_SEPARATOR.findall(text))
    if separators >= 1 and starts_home and len(crumbs) >= 2:
        while len(crumbs) > 2 and crumbs[-1].lower() in R.GENERIC_CRUMBS:
            crumbs.pop()
        section = crumbs[-1]
        section = _HERE.sub("", section)
        return section or None
    return None


def looks_like_breadcrumb(text: str, words: int) -> bool:
    """A short trail of separated crumbs ("Home > World > Europe")."""
    if breadcrumb_section(text, words):
        return True
    if words > ARROW_TRAIL_MAX_WORDS:
        return False
    return len(_ARROWS.findall(text)) >= ARROW_TRAIL_MIN


def split_caption(text: str) -> tuple[str, str] | None:
    """``(caption, credit)`` of a photo caption line, or ``None`` if it is not one."""
    has_prefix = bool(R.CAPTION_PREFIX.match(text))
    copy = text.rfind("©")
    if copy > 0:
        caption, credit = text[:copy].strip(), text[copy + 1:].strip()
        if credit and len(credit.split()) <= CREDIT_MAX_WORDS:
            return caption, credit
    m = _CREDIT_LABEL.search(text) if ":" in text else None
    if m and m.start() > CAPTION_MIN_CHARS:
        return text[:m.start()].strip(), m.group("c").strip()
    if has_prefix:
        tail = R.CREDIT_TAIL.search(text)
        if tail and len(text) - tail.start() < CREDIT_TAIL_MAX_CHARS:
            return text[:tail.start()].strip(), text[tail.start() + 1:].strip()
        if len(text.split()) <= CREDIT_ONLY_MAX_WORDS:
            return "", R.CAPTION_PREFIX.sub("", text).strip()
        return text, ""
    return None


#: Every language's function words (never a brand name).
_FUNCTION_WORDS = frozenset().union(*STOPWORDS.values())


def site_from_furniture(lines: list[str], body_words: set[str]) -> str | None:
    """A brand name: a capitalised token that opens or names several distinct furniture lines.

    Sites label their own furniture ("RT Features", "RT News App", "Read RT Privacy policy");
    a token that recurs across three distinct furniture lines, is not a function word and
    does not occur in the article body is taken to be the site's name.
    """
    common = _FUNCTION_WORDS
    seen: Counter[str] = Counter()
    distinct: list[str] = []
    joined = ""
    for line in lines:
        low = line.lower()
        # (``joined`` holds the distinct lines between NULs: one search for "low in d")
        # (and ``map`` tests "d in low" for every earlier line without a Python frame each)
        if low in joined or any(map(low.__contains__, distinct)):
            continue
        distinct.append(low)
        joined += "\0" + low
        # (in order of appearance: ties in the count then go the same way on every run)
        toks = dict.fromkeys(_BRAND_TOKEN.findall(line))
        for tok in toks:
            if tok.lower() in common or tok.lower() in body_words:
                continue
            seen[tok] += 1
    if not seen:
        return None
    tok, n = seen.most_common(1)[0]
    if n >= BRAND_MIN_LINES and (tok.isupper() or n >= BRAND_MIN_LINES_WORD):
        return tok
    return None


_TITLE_SEPARATORS = lazy(r"\s+(?:[|–—·•:]|-|::|»)\s+")


def site_from_title_line(first_line: str, title: str | None) -> str | None:
    """The site name a ``<title>`` line adds to the headline ("Headline | Site")."""
    if not title or first_line == title or title not in first_line:
        return None
    rest = first_line.replace(title, "\x00", 1)
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(rest) if p.strip() and "\x00" not in p]
    if len(parts) == 1 and 1 <= len(parts[0].split()) <= SITE_NAME_MAX_WORDS:
        return parts[0]
    return None


_COPYRIGHT_OWNER = lazy(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?P<owner>[^\d.,|©]{2,60}?)"
    r"\s*(?:[.,|]|\d{4}|all rights|alle rechte|tous droits|todos los|$)", re.I)


def site_from_copyright(lines: list[str]) -> str | None:
    """The owner a short copyright line names ("© 2024 Ocean News. All rights reserved.")."""
    for line in lines:
        if not COPYRIGHT.search(line):
            continue
        m = _COPYRIGHT_OWNER.search(line)
        if m:
            owner = m.group("owner").strip(" -–")
            if 1 <= len(owner.split()) <= OWNER_MAX_WORDS and owner[:1].isalpha() and not owner[:1].islower():
                return owner
    return None
