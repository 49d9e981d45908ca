"""Vocabulary of dates and times in plain-text dumps: the date shapes the metadata reads
(:mod:`.meta`), the words that make a short line a date line, and the bare clocks and
relative time stamps the furniture rules drop (:mod:`.furniture`). Like :mod:`.rules`, only
patterns: nothing here decides anything on its own."""

from __future__ import annotations

import re

from convert.extract.lazyre import lazy

_I = re.IGNORECASE

_MONTH = r"(?P<mon>[^\W\d_]{3,12})\.?"
_TIME = r"(?:[,\s]+(?:at\s+|um\s+|à\s+|a las\s+|-\s*)?(?P<h>\d{1,2})[:.h](?P<mi>\d{2})(?::(?P<s>\d{2}))?" \
        r"\s*(?P<ampm>[ap]\.?m\.?)?)?"

#: Date shapes; each yields named groups y, mon or m, d and optionally a time.
DATE_PATTERNS = (
    lazy(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T\s](?P<h>\d{1,2}):(?P<mi>\d{2})"
         r"(?::(?P<s>\d{2}))?)?"),
    lazy(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
         r"(?:\s*(?P<h>\d{1,2})[:：](?P<mi>\d{2}))?"),
    lazy(r"(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})(?:\s+(?P<h>\d{1,2}):(?P<mi>\d{2}))?"),
    lazy(r"\b(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})" + _TIME),
    lazy(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?" + _MONTH +
         r"(?:\s+de)?,?\s+(?P<y>\d{4})" + _TIME, _I),
    lazy(r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})" + _TIME, _I),
)

#: Words that make a short line a date line ("Published", "Updated", weekdays).
DATE_WORDS = lazy(
    r"\b(?:published|updated|posted|last modified|modified|veröffentlicht|aktualisiert|"
    r"publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|opublikowano|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
    r"am|pm|gmt|utc|cet|cest|est|edt|pst|pdt|bst|uhr|h)\b|发布时间|发布|更新|時間|日期", _I)
MODIFIED_WORDS = lazy(r"\b(?:updated|last modified|modified|aktualisiert|mis à jour|"
                      r"actualizado|aggiornato)\b|更新", _I)

#: A relative time stamp ("3 hours ago", "hace una hora", "vor 5 Minuten", "2小时前").
RELATIVE_TIME = lazy(
    r"^(?:updated |posted )?(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|"
    r"months?|years?)\s+ago$|^(?:hace|vor|il y a|há|temu)\s+(?:\d+|una?|un|einer?|einem)\s+\w+$|"
    r"^\d+\s*(?:分钟|小时|天|秒)前$", _I)

#: A bare clock or media duration ("0:00", "28:9", "12:30 PM").
CLOCK = lazy(r"^\d{1,2}:\d{1,2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?$", _I)
