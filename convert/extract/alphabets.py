"""Which single-byte code page undeclared legacy bytes are in, judged by the words they make.

Statistical detectors need a few hundred bytes of letters to tell code pages apart; a short
Western text (``the café served “crème brûlée” for €5`` in cp1252) is as likely to them to be
Central European, and comes out as ``crčme brűlée``. Every single-byte code page decodes every
byte, so the question is which decoding reads as a language: its non-ASCII letters should all
belong to one language's alphabet, sit inside words in ordinary case patterns, and not be
controls or stray symbols. :func:`best_single_byte` scores each candidate decoding that way.
"""

from __future__ import annotations

import unicodedata

#: The code pages tried for undeclared bytes that are not UTF-8, in order of preference when
#: two read equally well: cp1252 first, the most common legacy encoding of Latin-script text.
CANDIDATES = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257", "mac_roman", "koi8_r")

# The non-ASCII lower-case letters of each language written in a Latin script. English keeps
# the accents of the loanwords it writes with them (café, naïve, façade, über, piñata).
_LATIN = {
    "en": "àâäçéèêëîïñôöûüœæ",
    "fr": "àâæçéèêëîïôœùûüÿ",
    "de": "äöüß",
    "es": "áéíñóúü",
    "it": "àèéìíîòóùú",
    "pt": "áâãàçéêíóôõú",
    "nl": "éëïóöü",
    "ca": "àçèéíïòóúü·",
    "da": "æøåé",
    "sv": "åäöé",
    "fi": "äöåšž",
    "is": "áðéíóúýþæö",
    "et": "äõöüšž",
    "cs": "áčďéěíňóřšťúůýž",
    "sk": "áäčďéíĺľňóôŕšťúýž",
    "pl": "ąćęłńóśźż",
    "hu": "áéíóöőúüű",
    "ro": "ăâîșşțţ",
    "hr": "čćđšž",
    "sl": "čšž",
    "sq": "çë",
    "tr": "çğıöşüâî",
    "lt": "ąčęėįšųūž",
    "lv": "āčēģīķļņšūž",
}

# Scripts whose letters all belong to their languages: any letter of the script is expected.
_SCRIPTS = ("GREEK", "CYRILLIC", "HEBREW", "ARABIC", "THAI", "CJK", "HANGUL")
# Japanese mixes these inside one word: one script as far as word breaks go.
_SAME_SCRIPT = {"HIRAGANA": "CJK", "KATAKANA": "CJK"}

#: A head start for cp1252 over the other code pages: short Latin-script text with no
#: accented letters ("He said “hello”", "€5") says nothing, and cp1252 is then the likeliest.
CP1252_PRIOR = 2

# Punctuation and symbols legacy code pages were made to carry; anything else non-ASCII that
# is not a letter (¹ ¾ » inside a word, box drawing, C1 controls) is a sign of a wrong guess.
_EXPECTED_SYMBOLS = frozenset("“”‘’„‚«»‹›–—…•·€£¥¢©®™°§¶±×÷¡¿\u00a0\u00ad"
                              "，。、・「」『』（）！？：；〜\u3000")

# Weights: a letter of the language is evidence for; a foreign letter, a stray symbol, a
# break inside a word against, and a control most of all (text does not hold them).
_FOREIGN, _STRAY, _CONTROL, _BREAK = 2, 2, 5, 3


def best_single_byte(data: bytes, also: str | None = None) -> str | None:
    """The candidate code page whose decoding of ``data`` reads best, or ``None`` if the bytes
    are ASCII (nothing to choose). ``also`` is another code page to weigh (a statistical
    detector's guess); it wins ties against all but cp1252.
    """
    if data.isascii():
        return None
    order = list(CANDIDATES)
    if also and also not in order:
        order.insert(1, also)
    best, best_score = None, float("-inf")
    for name in order:
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        score = reading_score(text) + (CP1252_PRIOR if name == "cp1252" else 0)
        if score > best_score:
            best, best_score = name, score
    return best


def reading_score(text: str) -> float:
    """How well ``text`` reads as one language: letters of its best language count one each,
    foreign letters, stray symbols, controls and case breaks inside words count against."""
    stray = controls = breaks = 0
    letters: dict[str, int] = {}
    prev, prev_script = "", ""
    for ch in text:
        if ch.isascii():
            if ch.isalpha() and prev_script not in ("", "LATIN"):
                breaks += 1
            prev, prev_script = ch, "LATIN" if ch.isalpha() else ""
            continue
        script = ""
        if ch.isalpha():
            letters[ch] = letters.get(ch, 0) + 1
            script = unicodedata.name(ch, "?").split(" ", 1)[0]
            script = _SAME_SCRIPT.get(script, script)
            # A wrong code page shows inside words: a script change ("cafй") or an upper-case
            # letter after a lower-case one ("cafŽ", "яЪЕШЬ"); real words do neither.
            if prev_script and script != prev_script:
                breaks += 1
            elif ch.isupper() and prev.islower():
                breaks += 1
        elif unicodedata.category(ch)[0] == "M":  # a combining mark (Thai vowels): neutral
            continue
        elif unicodedata.category(ch) in ("Cc", "Co", "Cn"):
            controls += 1
        elif ch not in _EXPECTED_SYMBOLS:
            stray += 1
        prev, prev_script = ch, script
    penalty = _STRAY * stray + _CONTROL * controls + _BREAK * breaks
    if not letters:
        return -penalty
    return max(_language_score(letters, alphabet) for alphabet in _ALPHABETS) - penalty


def _language_score(letters: dict[str, int], alphabet: frozenset[str] | str) -> float:
    good = bad = 0
    for ch, n in letters.items():
        if _in_alphabet(ch, alphabet):
            good += n
        else:
            bad += n
    return good - _FOREIGN * bad


def _in_alphabet(ch: str, alphabet: frozenset[str] | str) -> bool:
    if isinstance(alphabet, str):  # a script: any letter of it
        script = unicodedata.name(ch, "").split(" ", 1)[0]
        return _SAME_SCRIPT.get(script, script) == alphabet
    if ch == "İ":  # lowers to i + a combining dot; it belongs where dotless ı does
        return "ı" in alphabet
    return ch.lower() in alphabet


_ALPHABETS: tuple[frozenset[str] | str, ...] = (
    *(frozenset(v) for v in _LATIN.values()), *_SCRIPTS)
