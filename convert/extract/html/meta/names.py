"""Author names: raw author strings (declared or visible) cleaned into names.

No "By", no dates, no other roles' credits, no credentials or job titles, no social handles,
no link texts of author boxes, no duplicates. Used by :mod:`convert.extract.html.meta` for the
declared authors and by :mod:`.byline` for the visible byline; the "By ..." wording is
:mod:`convert.extract.bylines`'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from convert.textutil import clean_text, squash
from convert.extract.bylines import BY_PREFIX
from convert.extract.dates import text_date
from .declared import unescape
from convert.extract.ablation import rule
from convert.extract.lazyre import lazy

#: Between authors (the separators kept, so a semicolon can end a job title).
_AUTHOR_SPLIT_KEEP = lazy(r"(\s*(?:,|;|\band\b|\bund\b|\bet\b|\by\b|&|\||·|⋅|•|/)\s*)",
                          re.IGNORECASE)
_AUTHOR_JUNK = lazy(r"\d|@|https?:|www\.|\b(?:updated|published|posted|min read|"
                    r"minutes?|hours?|ago|share|follow|email|twitter|staff|editor|"
                    r"reporter|correspondent|contributor|columnist|photo|am|pm|written|posted|by|author|autor|"
                    r"auteur|admin|administrator|anonymous|unknown|guest|"
                    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
                    re.IGNORECASE)
#: A name longer than this many characters or words is a sentence, a job title or a bio.
AUTHOR_MAX_CHARS = 60
AUTHOR_MAX_WORDS = 6
#: A name shorter than this many characters is initials or a stray token, not a person.
AUTHOR_MIN_CHARS = 3
#: An author split leaving a part shorter than this split inside one name ("Mac & i").
NAME_PART_MIN = 3
#: An all-capitals name longer than this is title-cased ("JANE DOE"); a shorter one is kept
#: as written (initials, "AP").
UPPER_NAME_MIN = 3
#: Link words ("view", "posts") that make a text an author box's link, not a name.
LINK_WORDS_MIN = 2
NOT_A_NAME = rule("not_a_name", "an author-box link text ('View more posts') is no byline")
#: Link texts of author boxes, not names.
_LINK_WORDS = lazy(r"\b(?:view|see|read|more|all|posts|articles|stories|profile|bio)\b",
                   re.IGNORECASE)


OXFORD_COMMA = rule("oxford_comma", "'A, B, and C' (the serial comma) lists three names, as "
                    "'A, B and C' does")
OTHER_AND = rule("other_and", "'and' in Italian and Portuguese ('e'), Dutch ('en'), Swedish "
                 "('och') and Danish or Norwegian ('og') joins two names of two words or more "
                 "each ('Anna Berg e Tom Weller'; 'Artur da Costa e Silva' is one name)")
_OTHER_AND = lazy(r"\s+(?:e|en|och|og)\s+")
PAREN_TAIL = rule("paren_tail", "a bracketed note after a name ('Anna Berg (Reuters)') is no "
                  "part of it")
#: (a capitalised note: a lower-case one is the writer's handle, "(stevenhgm)")
_PAREN_TAIL = lazy(r"\s*\([A-Z][^()]*\)\s*$")


def _other_and(raw: str) -> str:
    """"Anna Berg e Tom Weller" → "Anna Berg and Tom Weller" (each side two words or more)."""
    if not _OTHER_AND.search(raw):
        return raw
    pieces = _OTHER_AND.split(raw)
    if all(len(p.split()) >= 2 for p in pieces):
        return " and ".join(pieces)
    return raw


AGENCIES_CREDIT = rule("agencies_credit", "'and agencies' after a writer's name ('Anna Berg "
                       "and agencies') credits the news agencies' copy used, not a person")
_AGENCIES = lazy(r"(?:(?:news|wire)\s+)?(?:agencies|wires|wire\s+services)", re.IGNORECASE)


CREDITS_LINE = rule("credits_line", "a credits string ('content: Acme, design: Jane Doe') "
                    "names the page's makers, not its authors")
#: A role label inside an author string ("design: ", "code: "); this many make a credits line.
_ROLE_LABEL = lazy(r"(?:^|[,;]\s*)[a-z][\w -]{1,20}:\s", re.IGNORECASE)
CREDIT_LABELS_MIN = 2


OTHER_ROLE_BY = rule("other_role_by", "an editor's, reviewer's or photographer's credit "
                     "after the writer's name ('... Edited by Jane Doe') is no author")
#: Credits of other roles than writing, which follow the writer's name in a byline.
_OTHER_ROLE = lazy(r"[\s,;]+(?:(?:medically|clinically|expert)\s+)?(?:edited|reviewed|"
                   r"fact[- ]?checked|photos?|photographs?|photography|illustrations?|"
                   r"illustrated|translated|produced|designed|video)\s+by\b.*$",
                   re.IGNORECASE)


BY_ON_DATE = rule("by_on_date", "'by Jane Doe on November 9, 2012': the name ends where its "
                  "dateline begins")
_ON = lazy(r"\s+on\s+", re.IGNORECASE)
BY_AT_TIME = rule("by_at_time", "'Posted by David at December 16, 2025 11:15 AM' (Blogger's "
                  "and Movable Type's post footer): the name ends where ' at <date or time>' "
                  "begins")
_AT = lazy(r"\s+at\s+", re.IGNORECASE)
#: A clock time after "at" ("at 11:15 AM", "at 09:28"), Blogger's default footer.
_CLOCK = lazy(r"\d{1,2}[:.]\d{2}\b")
NAME_BEFORE_DATE = rule("name_before_date", "a name followed by a date with no word between "
                        "('By Anna Berg<br>March 5, 2024'): the name ends where the date begins")
_WORD_START = lazy(r"(?<!\S)\S")
_DIGIT = lazy(r"\d")
HANDLE_IN_PARENS = rule("handle_in_parens", "a social handle in brackets after the name "
                        "('Alyson Campbell (@acampfashion)') is dropped, not the name")
_PAREN_HANDLE = lazy(r"\s*\(@[\w.]+\)")
PROFILE_LINK = rule("profile_link", "a link text naming a page ('Google profile', 'Author "
                    "posts') is no name")
#: Words of a link to a page about someone, never part of a name.
_PAGE_WORDS = lazy(r"profile|posts|articles|stories", re.IGNORECASE)


DESK_STAFF = rule("desk_staff", "'<Name> Staff' is a desk's byline ('EcoCult Staff'), as "
                  "'<Name> Team' is")
#: A capitalised name of one to three words followed by "Staff".
_DESK_STAFF = lazy(r"^((?:[Tt]he\s+)?(?:[A-Z][\w.&'-]*\s+){1,3})Staff$")


def _not_a_name(name: str) -> bool:
    """"View more posts", "All articles": no person's (or desk's) name. (A single lower-case
    word is kept: forums sign with handles like "blumo".)"""
    if not NOT_A_NAME:
        return False
    words = name.split()
    if PROFILE_LINK and len(words) > 1 and any(_PAGE_WORDS.fullmatch(w) for w in words):
        return True  # "Google profile", "Author posts": a link to a page about someone
    return len(words) > 1 and sum(
        bool(_LINK_WORDS.fullmatch(w)) for w in words) >= LINK_WORDS_MIN


def clean_authors(values: Iterable[str]) -> list[str]:
    """Names from raw author strings: no "By", no dates, no roles, no URLs, no duplicates."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in values:
        raw = squash(clean_text(unescape(raw)))
        if not raw or raw.startswith(("http:", "https:", "/")):
            continue
        if CREDITS_LINE and len(_ROLE_LABEL.findall(raw)) >= CREDIT_LABELS_MIN:
            continue  # "content: Acme, design: Jane Doe, code: John Roe" credits the page
        raw = BY_PREFIX.sub("", raw)
        segments = re.split(r"\s+(?:[|–—•·⋅]|-\s)\s*|\s+(?:on|am|le|el|il)\s+\d|\s+on behalf of\s",
                            raw, flags=re.IGNORECASE)
        if BY_ON_DATE:
            # "Barry van Wyk on November 9, 2012": the name ends where its dateline begins.
            segments = [before_on_date(seg) for seg in segments]
        if OTHER_ROLE_BY:
            # "Written by Rob Ewaschuk Edited by Betsy Beyer": the writer's name ends where
            # another role's credit begins.
            segments = [_before_other_role(seg) for seg in segments]
        # "Dec. 19, 2025 · Niko Matsakis": a dateline before the name is skipped; after the
        # name, the date or role is dropped.
        raw = next((s for s in segments if s and not text_date(s)), segments[0])
        # "Jane Doe, Ph.D.", "Mayank Gupta, CEO of CaseBasix": a credential or a job title
        # after a comma qualifies the name before it; it is not another author.
        if OTHER_AND:
            raw = _other_and(raw)
        parts = _role_dropped(raw)
        if OXFORD_COMMA:
            # "Anna Berg, Tom Weller, and Ruth Ode": the comma before "and" leaves an empty
            # part between them, no name cut short
            parts = [part for part in parts if part.strip()] or parts
        if any(len(part) < NAME_PART_MIN for part in parts):
            # "Mac & i", "J. & J.": an ampersand inside one name, not between names.
            parts = [raw]
        for name in parts:
            if HANDLE_IN_PARENS:
                # "Alyson Campbell (@acampfashion)": the social handle after the name.
                name = _PAREN_HANDLE.sub("", name)
            if PAREN_TAIL:
                # "Anna Berg (Reuters)", "Anna Berg (Text)": a bracketed note after the name.
                name = _PAREN_TAIL.sub("", name)
            name = BY_PREFIX.sub("", name).strip(" .:-–—()[]\"'")
            # A forum handle may hold digits ("Pippin06"); elsewhere a digit marks a date.
            checked = name if not _HANDLE.fullmatch(name) else re.sub(r"\d", "", name)
            if DESK_STAFF:
                # "EcoCult Staff": a publication's desk, named as "... Team" is.
                checked = _DESK_STAFF.sub(r"\1", checked)
            if AGENCIES_CREDIT and _AGENCIES.fullmatch(name):
                continue  # "Anna Berg and agencies": the wire copy folded in, no one's name
            if not name or len(name) > AUTHOR_MAX_CHARS or len(
                    name.split()) > AUTHOR_MAX_WORDS or _AUTHOR_JUNK.search(
                    checked) or _not_a_name(name):
                continue
            if name.isupper() and len(name) > UPPER_NAME_MIN:
                name = name.title()
            key = name.casefold()
            if key not in seen:
                seen.add(key)
                out.append(name)
    return out


def before_on_date(segment: str) -> str:
    """The segment up to an " on <date>" ("Barry van Wyk on November 9, 2012") or an " at
    <date or time>" ("David at 11:15 AM")."""
    for m in _ON.finditer(segment):
        if m.start() and text_date(segment[m.end():]):
            return segment[:m.start()]
    if BY_AT_TIME:
        # "David at December 16, 2025 11:15 AM", "David at 11:15 AM": the post's time
        # after the name; "Jane Doe at Reuters" keeps its workplace (no date follows).
        for m in _AT.finditer(segment):
            rest = segment[m.end():]
            if m.start() and (_CLOCK.match(rest) or text_date(rest)):
                return segment[:m.start()]
    if NAME_BEFORE_DATE and text_date(segment):
        # "Anna Berg March 5, 2024 10:32 am" (a byline block's lines, "By Anna Berg<br>March
        # 5, 2024"): the name ends where the date begins, the last word from which the text
        # still holds its date; a name is two words or more, capitalised ("Personal finance
        # January 27, 2025", "Lifestyle March 12, 2025" are a section's label over its date).
        starts = [m.start() for m in _WORD_START.finditer(segment)][1:]
        cut = next((k for k in reversed(starts) if text_date(segment[k:])), None)
        name = segment[:cut].rstrip(" ,;:/|·•-") if cut is not None else ""
        words = name.split()
        if len(words) > 1 and words[-1][:1].isupper() and not _DIGIT.search(name) and all(
                w[:1].isupper() for w in words if len(w) > 3):
            return name
    return segment


def _before_other_role(segment: str) -> str:
    """The segment up to another role's credit ("Rob Ewaschuk Edited by Betsy Beyer" → "Rob
    Ewaschuk"); a segment that is only that credit ("Medically reviewed by ...") is kept."""
    m = _OTHER_ROLE.search(segment)
    if m is None or _ROLE_MODIFIER.fullmatch(segment[:m.start()].strip()):
        return segment
    return segment[:m.start()]


_ROLE_MODIFIER = lazy(r"(?:medically|clinically|expert)?", re.IGNORECASE)


def _role_dropped(raw: str) -> list[str]:
    """The parts of an author string, without the credentials and job titles after a name.
    A job title runs to the next semicolon: "Nicole Forbes, Master Horticulturalist & Garden
    Educator" is one person, whose title holds an ampersand."""
    pieces = _AUTHOR_SPLIT_KEEP.split(raw)
    parts = pieces[:1]
    in_role = False
    for i in range(1, len(pieces) - 1, 2):
        sep, part = pieces[i], pieces[i + 1]
        if ";" in sep:
            in_role = False
        m = _CREDENTIAL.match(part.strip(" .,"))
        if m and m.group("job"):
            in_role = True
        if not (m or in_role):
            parts.append(part)
    return parts


#: One token of letters and digits, starting with a letter: a forum/user handle.
_HANDLE = lazy(r"[A-Za-z][A-Za-z_.-]*\d[A-Za-z0-9_.-]*")
_CREDENTIAL = lazy(
    r"^(?:(?=(?:[^A-Z]*[A-Z]){2})(?:[A-Z][A-Za-z]?\.?){1,4}|"
    r"(?P<job>(?i:co-?founder|founder|ceo|cto|cfo|coo|vp|president|director|head|manager|master|"
    r"senior|chief|lead|editor-in-chief)\b.*))$")
