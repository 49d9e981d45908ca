"""Dates as pages write them, to ISO 8601 strings exactly as precise as the page said.

ISO forms (with or without time and offset), RFC 2822 (``Thu, 27 Jul 2023 06:09:00 +0200``),
and written days in several languages (``July 27, 2023``, ``27. Juli 2023``, ``27.07.2023``).
No time zone is invented: a date without an offset stays without one.
"""

from __future__ import annotations

import re

from .ablation import rule
from .lazyre import lazy

UNAMBIGUOUS_SLASH_DAY = rule("unambiguous_slash_day", "a numeric 'MM/DD/YYYY' or 'DD/MM/YYYY' "
                             "date is read when its day is over 12 (the order is then plain)")

_ISO = lazy(r"((?:19|20)\d{2})-?([01]\d)-?([0-3]\d)"
            r"(?:[T\s]+([0-2]\d):([0-5]\d)(?::([0-5]\d)(?:[.,]\d+)?)?\s*(Z|[+-][01]\d:?\d{2})?)?")
_SLASH = lazy(r"\b((?:19|20)\d{2})[/.]([01]?\d)[/.]([0-3]?\d)\b")
_DASHED = lazy(r"(?<![\d-])((?:19|20)\d{2})-([01]\d)-([0-3]\d)(?![\d-])")
_DMY = lazy(r"\b([0-3]?\d)\.\s?([01]?\d)\.\s?((?:19|20)\d{2})\b")
_YEAR = lazy(r"(?:19|20)\d\d")
#: Years a page's own date may have: older or later years are other numbers (a house
#: number, a price, a product code). Dates read from meta data and markup use these.
MIN_YEAR = 1990
MAX_YEAR = 2100
#: The first year a date in a text dump may have. The text parser reads dates only from
#: short lines that are little but a date (``Published 12 March 1987``, see
#: :func:`convert.extract.text.meta.is_date_line`), where four digits by a month name are a
#: year; the HTML side also reads dates out of bylines and running text, where a number from
#: 1900 to 1989 is more often something else, so it keeps :data:`MIN_YEAR`.
TEXT_MIN_YEAR = 1900

#: Month names and abbreviations (lower-case) to month numbers: English, German, French,
#: Spanish and Italian, as dates in markup and bylines write them.
MONTHS = {
    "jan": 1, "january": 1, "januar": 1, "janvier": 1, "enero": 1, "jänner": 1, "gennaio": 1,
    "feb": 2, "february": 2, "februar": 2, "février": 2, "febrero": 2, "febbraio": 2,
    "mar": 3, "march": 3, "märz": 3, "mars": 3, "marzo": 3, "maerz": 3,
    "apr": 4, "april": 4, "avril": 4, "abril": 4, "aprile": 4,
    "may": 5, "mai": 5, "mayo": 5, "maggio": 5,
    "jun": 6, "june": 6, "juni": 6, "juin": 6, "junio": 6, "giugno": 6,
    "jul": 7, "july": 7, "juli": 7, "juillet": 7, "julio": 7, "luglio": 7,
    "aug": 8, "august": 8, "août": 8, "agosto": 8,
    "sep": 9, "sept": 9, "september": 9, "septembre": 9, "septiembre": 9, "settembre": 9,
    "oct": 10, "october": 10, "oktober": 10, "octobre": 10, "octubre": 10, "ottobre": 10,
    "nov": 11, "november": 11, "novembre": 11, "noviembre": 11,
    "dec": 12, "december": 12, "dezember": 12, "décembre": 12, "diciembre": 12, "dicembre": 12,
}
NO_INVENTED_ZONE = rule(
    "no_invented_zone", "a written date-time with no zone ('05 Mar 2024 10:32') or one the "
    "mail parser does not know ('10:32 a.m. ET') keeps no offset: Python's parser reads both "
    "as UTC, a zone the page never gave")
#: A zone that is UTC by name or by a zero offset.
_UTC_NAMED = lazy(r"(?:\b(?:UTC?|GMT|Z)|[+-]00:?00)\s*\)?\s*$", re.IGNORECASE)
MORE_MONTH_NAMES = rule(
    "more_month_names", "a day written with a Portuguese, Dutch, Scandinavian, Polish, Czech, "
    "Russian, Ukrainian or Turkish month name ('5 de março de 2024', '5 maart 2024', '5 марта "
    "2024') is a date as an English, German, French, Spanish or Italian one is")
if MORE_MONTH_NAMES:
    # (full names and genitives only, the forms a dateline writes between a day and a year;
    # the short forms that are common words in running text stay out: "set", "out", "ago")
    for _month, _names in enumerate((
            ("janeiro", "januari", "stycznia", "ledna", "января", "січня", "ocak"),
            ("fevereiro", "februari", "lutego", "února", "февраля", "лютого", "şubat"),
            ("março", "maart", "marca", "března", "марта", "березня", "mart"),
            ("kwietnia", "dubna", "апреля", "квітня", "nisan"),
            ("maio", "mei", "maj", "maja", "května", "мая", "травня", "mayıs"),
            ("junho", "czerwca", "června", "июня", "червня", "haziran"),
            ("julho", "lipca", "července", "июля", "липня", "temmuz"),
            ("augustus", "augusti", "sierpnia", "srpna", "августа", "серпня", "ağustos"),
            ("setembro", "września", "září", "сентября", "вересня", "eylül"),
            ("outubro", "października", "října", "октября", "жовтня", "ekim"),
            ("novembro", "listopada", "listopadu", "ноября", "листопада", "kasım"),
            ("dezembro", "desember", "grudnia", "prosince", "декабря", "грудня", "aralık"),
    ), start=1):
        MONTHS.update(dict.fromkeys(_names, _month))
#: :data:`MONTHS` and the spellings of Portuguese, Dutch, Polish and Czech (genitive) and the
#: short forms the text dumps of the dev set use. The text parser looks a month up only in a
#: line that is little but a date; the HTML side searches running text, where several of these
#: are common words ("set", "out", "ago", "mag", "gen"), so it keeps :data:`MONTHS`.
TEXT_MONTHS = {
    **MONTHS,
    **dict.fromkeys(("janeiro", "januari", "stycznia", "ledna", "janv", "ene", "gen"), 1),
    **dict.fromkeys(("fevrier", "fevereiro", "februari", "lutego", "února", "févr", "fev"), 2),
    **dict.fromkeys(("março", "maart", "marca", "března", "mrz"), 3),
    **dict.fromkeys(("kwietnia", "dubna", "avr", "abr"), 4),
    **dict.fromkeys(("maio", "mei", "maja", "května", "mag"), 5),
    **dict.fromkeys(("junho", "czerwca", "června", "giu"), 6),
    **dict.fromkeys(("julho", "lipca", "července", "juil", "lug"), 7),
    **dict.fromkeys(("aout", "augustus", "sierpnia", "srpna", "ago"), 8),
    **dict.fromkeys(("setembro", "września", "září", "set"), 9),
    **dict.fromkeys(("outubro", "października", "října", "okt", "ott", "out"), 10),
    **dict.fromkeys(("novembro", "listopada", "listopadu"), 11),
    **dict.fromkeys(("decembre", "dezembro", "grudnia", "prosince", "dez", "déc", "dic"), 12),
}
_MONTH_WORD = "|".join(sorted(MONTHS, key=len, reverse=True))
_MDY = lazy(rf"\b({_MONTH_WORD})\.?\s+([0-3]?\d)(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})\b",
            re.IGNORECASE)
_DMY_WORD = lazy(rf"\b([0-3]?\d)(?:st|nd|rd|th)?\.?\s+(?:de\s+)?({_MONTH_WORD})\.?,?\s+"
                 rf"(?:de\s+)?((?:19|20)\d{{2}})\b", re.IGNORECASE)
#: "2023 Jan 7": year first in words, as PubMed-style ``citation_publication_date`` writes it.
_YMD_WORD = lazy(rf"\b((?:19|20)\d{{2}})\s+({_MONTH_WORD})\.?\s+([0-3]?\d)\b",
                 re.IGNORECASE)

#: "2023年1月7日" (Chinese, Japanese) and "2023년 1월 7일" (Korean): year, month, day marked.
_YMD_CJK = lazy(r"((?:19|20)\d{2})\s*[年년]\s*([01]?\d)\s*[月월]\s*([0-3]?\d)\s*[日일]")
#: "03/25/2025" or "25/03/2025": read only when the day is the number over 12 (the order
#: is then plain); "03/04/2025" names no day a reader could agree on.
_NUMERIC_SLASH = lazy(r"(?<![\d/.])([0-3]?\d)/([0-3]?\d)/((?:19|20)\d{2})(?![\d/])")


def iso_date(value: str | None) -> str | None:
    """An ISO 8601 string as precise as ``value`` says, or ``None`` if it holds no date."""
    if not value:
        return None
    value = value.strip()
    m = _ISO.search(value)
    if m:
        y, mo, d, hh, mi, ss, tz = m.groups()
        if not is_valid_day(int(y), int(mo), int(d)):
            return None
        out = f"{y}-{mo}-{d}"
        if hh is not None:
            out += f"T{hh}:{mi}:{ss or '00'}"
            if tz:
                out += "+00:00" if tz == "Z" else (tz if ":" in tz else f"{tz[:3]}:{tz[3:]}")
        return out
    parsed = None
    if re.search(r"[A-Za-z]{3},? \d", value):
        # (imported here: email.utils pulls in socket, random, email.charset... which a run
        # whose dates are all ISO never needs)
        from email.utils import parsedate_tz
        parsed = parsedate_tz(value)
    if parsed and parsed[0] and is_valid_day(parsed[0], parsed[1], parsed[2]):
        y, mo, d, hh, mi, ss = parsed[:6]
        out = f"{y:04d}-{mo:02d}-{d:02d}T{hh:02d}:{mi:02d}:{ss:02d}"
        if parsed[9] is not None and (parsed[9] or not NO_INVENTED_ZONE or _UTC_NAMED.search(
                value)):
            off = parsed[9] // 60
            out += f"{'+' if off >= 0 else '-'}{abs(off) // 60:02d}:{abs(off) % 60:02d}"
        return out
    return text_date(value)


def text_date(value: str, numeric_slash: bool = True) -> str | None:
    """A day written in words or digits (``July 27, 2023``, ``27.07.2023``, ``2023/07/27``,
    ``2023-07-27``, ``2023 Jan 7``); with ``numeric_slash``, also ``03/25/2025`` (a caller
    reading running text asks for it only where the text is labelled a dateline: unlabelled,
    such a day is more often a schedule's or an offer's than the page's)."""
    if not _YEAR.search(value):
        return None  # every form below holds a four-digit year: most texts end here, cheaply
    for rx, order in ((_SLASH, "ymd"), (_DASHED, "ymd"), (_MDY, "mdy"), (_DMY_WORD, "dmy"),
                      (_DMY, "dmy"), (_YMD_WORD, "ymd"), (_YMD_CJK, "ymd"),
                      (_NUMERIC_SLASH, "")):
        m = rx.search(value)
        if not m:
            continue
        if not order:
            first, second = int(m.group(1)), int(m.group(2))
            if (first > 12) == (second > 12) or not (UNAMBIGUOUS_SLASH_DAY and numeric_slash):
                continue
            order = "dmy" if first > 12 else "mdy"
        parts = dict(zip(order, m.groups()))
        month = parts["m"]
        mo = int(month) if month.isdigit() else MONTHS.get(month.lower().rstrip("."), 0)
        y, d = int(parts["y"]), int(parts["d"])
        if is_valid_day(y, mo, d):
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def is_valid_day(y: int, mo: int, d: int, *, min_year: int = MIN_YEAR) -> bool:
    """Whether ``y-mo-d`` can be a page's date: a month and a day in range, and a year from
    ``min_year`` to :data:`MAX_YEAR` (the day is not checked against the month's length)."""
    return min_year <= y <= MAX_YEAR and 1 <= mo <= 12 and 1 <= d <= 31
