"""Plain-text helpers shared by parsers and writers: XML-safe cleaning and text of nodes."""

from __future__ import annotations

from typing import Iterable, Iterator

from .article import Article, Block, Inline
from . import regexcache

# Characters no text should carry: those XML 1.0 cannot hold (C0 controls but tab/LF/CR, lone
# surrogates, U+FFFE/U+FFFF), which crash lxml-based writers (python-docx, EPUB), and the
# invisible controls it tolerates but nothing displays: DEL, the C1 controls (U+0080-U+009F,
# mostly bytes of a wrongly decoded page) and U+FEFF (a byte-order mark left inside text by
# concatenated files). Format characters with a job are kept: zero-width space (U+200B, the
# word boundary of Thai, Khmer, Lao and Burmese), (non-)joiners, bidirectional marks, soft
# hyphen.
_NOT_TEXT = regexcache.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Drop control characters (and what XML 1.0 cannot represent); keep everything else as is.

    Parsers call it before they build nodes, so no writer sees a control: NUL, DEL, C1 controls
    and stray byte-order marks are gone, tab, line feed and carriage return stay.
    """
    # Every such character is non-printable, and most texts are all printable: one C scan
    # instead of a substitution.
    if text.isprintable():
        return text
    return _NOT_TEXT.sub("", text)


def squash(text: str) -> str:
    """Collapse runs of whitespace to one space and strip the ends."""
    # str.split() breaks on exactly the characters regex ``\s`` matches (both use
    # Py_UNICODE_ISSPACE), and is 5-10x faster than a substitution.
    # A text squashed already (its words one space apart, none at its ends, no other
    # whitespace: every whitespace character but the space is unprintable) is returned as it
    # is, without a list of its words: a long page's paragraphs are mostly one line each.
    if "  " not in text and text.isprintable() and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


# Unicode's superscript and subscript forms of the characters that have one in the
# "Superscripts and Subscripts" block (and Latin-1's ¹²³): digits, signs, parentheses. The
# same set pandoc's plain writers use. Letters are left out on purpose: the few modifier
# letters (ᵃ, ⁿ, ₐ) are phonetic symbols, not formatting, and "1ˢᵗ" would no longer be found
# by a search for "1st".
_SUPERSCRIPT = str.maketrans("0123456789+-\u2212=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾")
_SUBSCRIPT = str.maketrans("0123456789+-\u2212=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎")
_SCRIPT_FORMS = frozenset("0123456789+-\u2212=()")


def script_form(text: str, node_type: str) -> str | None:
    """``text`` in Unicode superscript (``node_type`` ``superscript``) or subscript forms
    (``x²``, ``H₂O``, ``SO₄²⁻``) when every character but spaces at its ends has one; else
    ``None`` (the caller writes it plain or marks it another way)."""
    inner = text.strip()
    if not inner or not _SCRIPT_FORMS.issuperset(inner):
        return None
    return text.translate(_SUPERSCRIPT if node_type == "superscript" else _SUBSCRIPT)


def inline_text(children: Iterable[Inline], *, line_break: str = "\n",
                scripts: bool = False) -> str:
    """The visible text of a run of inlines (images count as nothing).

    With ``scripts``, a superscript or subscript whose every character has a Unicode
    superscript or subscript form is written in those (``x²``, ``H₂O``): the ``txt`` format's
    way to keep the difference between x² and x2 in plain text. Others stay plain.

    Iterative, so arbitrarily deep inline nesting cannot exhaust Python's recursion limit.
    """
    if type(children) is tuple and len(children) == 1:
        # (most paragraphs are one text: asked for thousands of times on a long page)
        t = children[0].type
        if t == "text" or t == "code":
            return children[0].text  # type: ignore[union-attr]
    out: list[str] = []
    stack: list[Iterator[Inline]] = [iter(children)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            continue
        t = node.type
        if t == "text" or t == "code":
            out.append(node.text)  # type: ignore[union-attr]
        elif t == "line_break":
            out.append(line_break)
        elif scripts and (t == "superscript" or t == "subscript"):
            # (one level: the text of nested scripts inside is taken plain)
            inner = inline_text(node.children, line_break=line_break)  # type: ignore[union-attr]
            out.append(script_form(inner, t) or inner)
        elif t != "image":
            stack.append(iter(node.children))  # type: ignore[union-attr]
    return "".join(out)


def block_texts(blocks: Iterable[Block], *, captions: bool = True,
                grid: bool = False, scripts: bool = False) -> Iterator[str]:
    """Yield the text of each leaf block (paragraph, heading, list item line, cell, ...) in order.

    ``captions=False`` leaves out figures' captions and credits (the ``txt`` format's default:
    a caption is not running text). ``grid=True`` writes each table row as one line whose
    cells keep their columns (see :func:`_grid_rows`), as the ``txt`` format shows tables.
    ``scripts=True`` writes superscripts and subscripts in Unicode forms where they all have
    one (see :func:`inline_text`)."""
    for block in blocks:
        t = block.type
        if t in ("paragraph", "heading"):
            text = inline_text(block.children, scripts=scripts)  # type: ignore[union-attr]
            if text.strip():
                yield text
        elif t == "code_block":
            if block.text.strip():  # type: ignore[union-attr]
                yield block.text  # type: ignore[union-attr]
        elif t == "list":
            for item in block.items:  # type: ignore[union-attr]
                yield from block_texts(item.blocks, captions=captions, grid=grid,
                                       scripts=scripts)
        elif t in ("quote", "div"):
            yield from block_texts(block.blocks, captions=captions,  # type: ignore[union-attr]
                                   grid=grid, scripts=scripts)
        elif t == "table" and grid:
            yield from _grid_rows(block, captions, scripts)
        elif t == "table":
            for row in (*block.head, *block.body):  # type: ignore[union-attr]
                cells = [" ".join(block_texts(c.blocks, captions=captions, scripts=scripts))
                         for c in row.cells]
                line = "\t".join(cells)
                if line.strip():
                    yield line
        elif t == "figure" and captions:
            text = " ".join(s for s in (
                inline_text(block.caption, scripts=scripts),  # type: ignore[union-attr]
                inline_text(block.credit, scripts=scripts)) if s)  # type: ignore[union-attr]
            if text.strip():
                yield text


#: A line break or tab inside a table cell's text, with the spaces around it.
_CELL_BREAK = regexcache.compile(r" *[\t\n\r][\t\n\r ]*")


def _grid_rows(table: Block, captions: bool, scripts: bool = False) -> Iterator[str]:
    """A table's rows, one line each, cells tab-separated and in their columns: a cell
    spanning columns is followed by empty cells, and a column that a cell above spans into
    gets an empty cell, so that every value stays under its header (what a spreadsheet
    pasted the text into shows). A line break, list or paragraph inside a cell becomes a
    space: a newline there would split the row."""
    from .safety import MAX_SPAN

    def span(n: object) -> int:
        try:
            return max(1, min(MAX_SPAN, int(n)))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return 1

    below: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
    for row in (*table.head, *table.body):  # type: ignore[union-attr]
        cells: list[str] = []

        def skip_covered() -> None:
            while below.get(len(cells), 0) > 0:
                below[len(cells)] -= 1
                cells.append("")

        for cell in row.cells:
            skip_covered()
            text = _CELL_BREAK.sub(" ", " ".join(block_texts(cell.blocks, captions=captions,
                                                             grid=True, scripts=scripts)))
            cols, rows = span(cell.colspan), span(cell.rowspan)
            for k in range(cols):
                if rows > 1:
                    below[len(cells)] = rows - 1
                cells.append("" if k else text)
        while any(v > 0 for c, v in below.items() if c >= len(cells)):
            if below.get(len(cells), 0) > 0:
                skip_covered()
            else:
                cells.append("")
        line = "\t".join(cells)
        if line.strip():
            yield line


def article_text(article: Article, *, captions: bool = True, grid: bool = False,
                 scripts: bool = False) -> str:
    """The article body as plain text: one block per paragraph, blank lines between
    (figures' captions and credits too unless ``captions=False``; tables as aligned rows with
    ``grid=True``; superscripts and subscripts in Unicode forms with ``scripts=True``, as
    the ``txt`` format writes them: the default, plain, is the text the benchmarks score)."""
    return "\n\n".join(block_texts(article.blocks, captions=captions, grid=grid,
                                   scripts=scripts))


# --------------------------------------------------------------------------- direction

#: Languages written right to left (ISO 639 codes) when no script subtag says otherwise.
_RTL_LANGUAGES = frozenset({"ar", "arc", "azb", "ckb", "dv", "fa", "glk", "he", "iw", "ji",
                            "lrc", "mzn", "nqo", "pnb", "prs", "ps", "sd", "syr", "ug", "ur",
                            "yi"})
#: ISO 15924 scripts written right to left.
_RTL_SCRIPTS = frozenset({"adlm", "arab", "hebr", "mand", "nkoo", "rohg", "samr", "syrc",
                          "thaa"})


def language_direction(tag: str | None) -> str | None:
    """``rtl`` or ``ltr`` for a BCP 47 tag (its script subtag first, then its language), or
    ``None`` without a tag."""
    parts = (tag or "").strip().replace("_", "-").lower().split("-")
    if not parts[0]:
        return None
    script = next((p for p in parts[1:] if len(p) == 4 and p.isalpha()), None)
    if script is not None:
        return "rtl" if script in _RTL_SCRIPTS else "ltr"
    return "rtl" if parts[0] in _RTL_LANGUAGES else "ltr"


#: The blocks of strongly right-to-left scripts (and their presentation forms).
_RTL_CHAR = regexcache.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds a letter of a right-to-left script (a quick test, in C)."""
    return _RTL_CHAR.search(text) is not None


def text_direction(text: str, *, limit: int = 4000) -> str | None:
    """The direction most of ``text``'s letters are written in: ``rtl`` when it has more
    strongly right-to-left characters (Hebrew, Arabic, Syriac, Thaana...) than left-to-right
    ones, ``ltr`` when fewer, ``None`` when it has no letters (digits, punctuation) or as many
    of each. The first ``limit`` letters decide.

    Unicode's own rule for a paragraph is its *first* strong character; the majority is used
    because extracted text loses the page's ``dir`` attributes, and an Arabic paragraph that
    opens with a Latin brand name is still an Arabic paragraph."""
    from unicodedata import bidirectional

    rtl = ltr = 0
    for ch in text:
        if ch < "\u0590":  # Latin, Greek, Cyrillic, Armenian...: letters are strong LTR
            if ch.isalpha():
                ltr += 1
            else:
                continue
        else:
            kind = bidirectional(ch)
            if kind == "L":
                ltr += 1
            elif kind in ("R", "AL"):
                rtl += 1
            else:
                continue
        if rtl + ltr >= limit:
            break
    return "rtl" if rtl > ltr else "ltr" if ltr > rtl else None
