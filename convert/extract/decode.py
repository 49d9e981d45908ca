"""Bytes to text: BOM, then a declared charset, then strict UTF-8, then detection.

The order follows the WHATWG encoding-sniffing algorithm. Detection runs on the text with tags
stripped, because a long ASCII ``<head>`` drowns the signal of the body's legacy encoding
(measured: a GB18030 page with a 12 KB head is misdetected on its full bytes, found once tags
are stripped).
"""

from __future__ import annotations

import codecs
import re

from .alphabets import best_single_byte, reading_score
from .lazyre import lazy

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# WHATWG maps several labels to their supersets; decoding with the narrow codec would turn
# bytes like 0x93 into C1 controls instead of curly quotes.
_LABEL_ALIASES = {
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "l1": "cp1252",
    "us-ascii": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252", "iso_8859-1": "cp1252",
    "iso-8859-9": "cp1254", "tis-620": "cp874", "iso-8859-11": "cp874",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
    "windows-31j": "cp932", "euc-kr": "cp949", "ks_c_5601-1987": "cp949",
    "utf8": "utf-8", "unicode": "utf-16-le", "utf-16": "utf-16-le",
    "x-user-defined": "cp1252",
}

_META_CHARSET = lazy(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE)
_XML_DECL = lazy(rb"""^<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.\-]+)""")
_TAGS = lazy(rb"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.IGNORECASE | re.DOTALL)

#: How far into the document a ``<meta charset>`` is looked for. WHATWG says 1024 bytes; real
#: pages put it later (after long comments or inline styles), so look further.
PRESCAN_BYTES = 16384

# How much undeclared legacy text the code-page judgement reads: plenty to tell, and bounded.
_SCORED_BYTES = 16384
# Non-ASCII bytes past which a statistical detector's multi-byte guess (Shift-JIS, Big5...)
# is trusted as it is.
_TRUSTED_BYTES = 400


# Python codecs that are no charset a page can be in: UTF-7 (which WHATWG forbids: it turns
# ASCII such as "+ADw-script+AD4-" into markup, and its base64 runs decode to lone surrogates,
# which failed the page later: UnicodeEncodeError, "plugin 'readers' failed"), the escape
# codecs (``\ud800`` in the text becomes a lone surrogate), and the domain-name ones. A page
# declaring one of them is decoded as if it declared nothing.
_NOT_CHARSETS = frozenset({"utf-7", "unicode-escape", "raw-unicode-escape", "punycode", "idna",
                           "undefined"})


def normalize_label(label: str | None) -> str | None:
    """Map an encoding label to a Python codec name, or ``None`` if Python does not know it
    (or knows it as no charset of a page, see ``_NOT_CHARSETS``)."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = _LABEL_ALIASES.get(name, name)
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    if codec in _NOT_CHARSETS:
        return None
    # A page cannot really be in UTF-16 if its meta tag was readable as ASCII.
    return "utf-8" if codec.startswith("utf-16") or codec.startswith("utf-32") else codec


def unicode_encoding(data: bytes) -> tuple[str, int] | None:
    """The UTF encoding the bytes show by themselves, as ``(codec, length of the BOM)``.

    A byte-order mark names it; without one, UTF-16 is guessed from the zero bytes of
    mostly-ASCII text (one in two bytes is zero, all on the same side). ``None`` otherwise.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    head = data[:4096]
    if len(head) < 4:
        return None
    even_zeros = head[0::2].count(0)
    odd_zeros = head[1::2].count(0)
    half = len(head) // 2
    if odd_zeros > 0.4 * half and even_zeros < 0.05 * half:
        return "utf-16-le", 0
    if even_zeros > 0.4 * half and odd_zeros < 0.05 * half:
        return "utf-16-be", 0
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset the document declares for itself (XML declaration or ``<meta>``)."""
    head = data[:PRESCAN_BYTES]
    m = _XML_DECL.match(head) or _META_CHARSET.search(head)
    return normalize_label(m.group(1).decode("ascii", "replace")) if m else None


def decode(data: bytes, *, markup: bool = False, http_charset: str | None = None) -> tuple[str, str]:
    """Decode page bytes; returns ``(text, encoding)``.

    ``markup`` says the bytes are HTML/XML, so a declared charset is looked for and detection
    ignores tags. ``http_charset`` is the charset of an HTTP ``Content-Type`` header, which
    outranks the page's own declaration (as in browsers) but not a BOM.
    """
    found = unicode_encoding(data)
    if found:
        name, skip = found
        return data[skip:].decode(name, "replace"), name

    candidates: list[str] = []
    for label in (http_charset, declared_charset(data) if markup else None):
        name = normalize_label(label)
        if name and name not in candidates:
            candidates.append(name)
    # Pages that declare a legacy charset but are really UTF-8 are common (templates copied
    # from old sites); valid UTF-8 with non-ASCII bytes is practically never anything else.
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not candidates or not data.isascii():
            return text, "utf-8"
    for name in candidates:
        try:
            return data.decode(name), name
        except (UnicodeDecodeError, LookupError):
            continue
    if candidates:
        # The declared charset is wrong for some bytes only: keep it, replace what is broken.
        if candidates[0] != "utf-8" or _mostly_utf8(data):
            return data.decode(candidates[0], "replace"), candidates[0]
    name = _detect(data, markup)
    return data.decode(name, "replace"), name


def _mostly_utf8(data: bytes) -> bool:
    """True when decoding as UTF-8 replaces hardly anything (a few bad bytes in 1000) and the
    bytes hold more well-formed UTF-8 sequences than broken ones: one stray byte in a short
    text ("na\xefve") is legacy text, not UTF-8 with a typo."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if bad == 0:
        return True
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    return bad < max(3, len(text) // 1000) and good > bad


def _detect(data: bytes, markup: bool) -> str:
    """The encoding of undeclared non-UTF-8 bytes, by statistics on the text (tags removed)."""
    sample = _TAGS.sub(b" ", data[:2_000_000]) if markup else data[:2_000_000]
    if _mostly_utf8(sample):
        return "utf-8"
    # Imported here: charset-normalizer costs ~40 ms to import and most pages never need it.
    from charset_normalizer import from_bytes

    best = from_bytes(sample[:200_000]).best()
    guess = normalize_label(best.encoding) if best is not None else None
    # Single-byte code pages all decode all bytes; which one is right shows in the words.
    if guess is None or _single_byte(guess):
        return best_single_byte(sample[:_SCORED_BYTES], also=guess) or guess or "cp1252"
    if _non_ascii_bytes(sample) >= _TRUSTED_BYTES:
        return guess
    # A short sample is where statistics fail ("Привет" in cp1251 looks like Big5): weigh the
    # multi-byte guess against the code pages, its letters counted per byte they take.
    single = best_single_byte(sample, also=None)
    try:
        guess_score = 2 * reading_score(sample.decode(guess))
    except (UnicodeDecodeError, LookupError):
        return single or guess
    if single is None or guess_score > reading_score(sample.decode(single)):
        return guess
    return single


def _non_ascii_bytes(data: bytes) -> int:
    return len(data) - len(data.decode("latin-1").encode("ascii", "ignore"))


def _single_byte(codec: str) -> bool:
    try:
        return len(codecs.decode(bytes(range(256)), codec, "replace")) == 256
    except LookupError:
        return False
