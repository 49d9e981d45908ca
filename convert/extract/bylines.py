"""Byline wording ("By Jane Doe", "Von Max Muster", "Autor: ..."), shared by both pipelines.

One vocabulary, several patterns: each answers a different question, so each takes the words
that are safe for it.

- :data:`BY_PREFIX` strips the byline word off a declared or visible author string (the
  widest list: the string is already known to name an author);
- :data:`BYLINE_TEXT` finds a visible byline line in an HTML page and captures the name;
- :data:`BYLINE_LABEL` is a label on its own ("Written by"), the name being elsewhere;
- :data:`BYLINE_START` tells the byline paragraph at the top of an HTML article body;
- :data:`DUMP_BYLINE` finds a byline line in a text dump and captures the names (it also
  knows CJK and Cyrillic words, and job words like "reporter", which text dumps print there).

A byline word that is also an ordinary word ("text", "de", "di") is only in the patterns that
see text already known to be about the author.
"""

from __future__ import annotations

import re

from .ablation import rule
from .lazyre import lazy

__all__ = ["BY_PREFIX", "BYLINE_TEXT", "BYLINE_LABEL", "LABEL_WORDS", "BYLINE_START", "DUMP_BYLINE",
           "BY_WORDS", "BY_PHRASES", "FOREIGN_BY_PHRASES"]

#: "By" in the languages of the corpus: English, German, French, Spanish/Portuguese, Dutch,
#: Swedish/Norwegian.
BY_WORDS = ("by", "von", "par", "por", "door", "av")
#: English phrases that open a byline.
BY_PHRASES = ("written by", "posted by", "words by")
#: Phrases of other languages that open a byline.
FOREIGN_BY_PHRASES = ("escrito por", "écrit par", "geschrieben von")


#: "By"/"author" words of scripts without letter case or spaces before the name: Russian,
#: Arabic ("bi-qalam"), Chinese and Japanese ("author", "reporter").
_SCRIPT_BY_WORDS = ("автор", "بقلم", "作者", "记者", "記者")
#: What stands between the byline word and the name: a colon (full-width too: CJK sets no
#: space after it), or spaces with an optional dash ("By - Jane"; "De-Luca" stays a name).
_BY_SEP = r"(?:\s*[:：]\s*|\s*-?\s+)"


def _alt(*words: str) -> str:
    """A regex alternation of literal words (spaces kept as written)."""
    return "|".join(words)


BY_PREFIX = lazy(
    r"^\s*(?:" + _alt("by", "von", "par", "por", "di", "de", "door", "av", "przez",
                      *BY_PHRASES, "story by", "reporting by", "authors?", "autor(?:in)?",
                      "auteur", "text", *FOREIGN_BY_PHRASES, *_SCRIPT_BY_WORDS)
    + r")" + _BY_SEP
    # "Contributors: A, B" is a label; "Contributors to Wikimedia projects" is the name.
    + r"|^\s*contributors?\s*[:：]\s*", re.IGNORECASE)

BYLINE_TEXT = lazy(
    r"^\s*(?:(?:" + _alt(BY_WORDS[0], *BY_PHRASES, *BY_WORDS[1:]) + r")\s*:?|"
    r"(?:authors?|contributors?|autor(?:in|en)?|auteurs?)\s*:)\s+"
    r"(\S.{1,60})$",
    re.IGNORECASE)

#: The labels :data:`BYLINE_LABEL` matches (literal words: case aside, as written).
LABEL_WORDS = ("written by", "author", "authors", "by", "article by", "posted by", "autor",
               "auteur", *FOREIGN_BY_PHRASES)
BYLINE_LABEL = lazy(r"^(?:" + _alt(*LABEL_WORDS) + r")$", re.IGNORECASE)

SCRIPT_BYLINE_START = rule(
    "script_byline_start", "a body line opened by a byline word of another script ('بقلم:', "
    "'Автор:', '作者：') is the byline line, as 'By' opens one")
BYLINE_START = lazy(
    r"^\s*(?:(?:" + _alt(*BY_WORDS, *BY_PHRASES[:2]) + r")\b\s*:?\s+\S"
    # (the byline words of scripts without letter case, CJK setting no space after them: the
    # line is dropped only when it also names the page's author, as an English one is)
    + (r"|(?:" + _alt(*_SCRIPT_BY_WORDS) + r")" + _BY_SEP + r"\S" if SCRIPT_BYLINE_START
       else "") + r")", re.IGNORECASE)

DUMP_BYLINE = lazy(
    r"^(?:" + _alt("by", "von", "par", "por", "di", "door", "av", "af", "przez",
                   *BY_PHRASES, "text", "texto", "autor", "author", "auteur", "autore",
                   "reporter", *_SCRIPT_BY_WORDS)
    + r")" + _BY_SEP + r"(?P<names>[^\d].{1,80})$", re.IGNORECASE)
