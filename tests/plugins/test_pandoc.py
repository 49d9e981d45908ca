"""The ``pandoc`` format: the JSON AST, and pandoc itself (from Debian's packages) as its
consumer: it reads every fixture without a warning and its plain text is decruft's ``txt``.

The comparison normalises only the documented convention differences between pandoc's plain
writer and decruft's ``txt`` (docs/formats.md, "pandoc"):

* images, figures and super/subscripts, brought to txt's conventions inside pandoc by the Lua
  filter ``txt_conventions.lua`` (txt shows no inline image, and with ``-O captions=keep`` a figure as its caption);
* pandoc lays out lists, quotes and code with markers and indentation, txt gives each item's
  text as a paragraph: leading whitespace and list markers are removed on both sides;
* pandoc draws tables as grid tables with a ``: caption`` line under them, txt writes a row
  per line with tab-separated cells and no caption: the grid is read back into that form;
  (``-simple_tables-multiline_tables`` makes every table a grid);
* ``-strikeout``: pandoc's plain writer marks struck-out text with ``~~``;
* an inter-word space is one ``Space`` in pandoc: runs of whitespace count as one space.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import convert
from convert.article import Article, Figure, Image, Meta, Paragraph, Text
from mdcheck import NAMES, load

HERE = Path(__file__).parent
FILTER = HERE / "txt_conventions.lua"
PANDOC = shutil.which("pandoc")
needs_pandoc = pytest.mark.skipif(PANDOC is None, reason="pandoc not installed")


def _api() -> str:
    from convert_plugins.pandoc import installed_api

    return installed_api() or "1.23"


def _pandoc(doc: bytes, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([PANDOC, "-f", "json", *args], input=doc, capture_output=True,
                          timeout=60, check=False)


_MARKER = re.compile(r"^\s*(?:(?:[-*+]|\d+[.)])\s+)*")
_GRID_RULE = re.compile(r"^\s*\+[-=+:]+\+\s*$")


def _grid_rows(lines: list[str]) -> list[str]:
    """The rows of a pandoc grid table as txt writes them: cells joined by tabs. Columns are
    cut at the ``+`` of the rule lines (a cell may hold a ``|``)."""
    rule = lines[0]
    cuts = [i for i, ch in enumerate(rule) if ch == "+"]
    rows, current = [], None
    for line in lines[1:]:
        if _GRID_RULE.match(line):
            if current is not None:
                cells = [" ".join(_MARKER.sub("", c).strip() for c in cell if c.strip())
                         for cell in current]
                rows.append("\t".join(c for c in cells if c))
            current = None
            continue
        parts = [line[a + 1:b] for a, b in zip(cuts, cuts[1:])]
        if current is None:
            current = [[] for _ in parts]
        for cell, part in zip(current, parts):
            cell.append(part)
    return rows


def _normalise_pandoc(text: str) -> list[str]:
    out: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        if _GRID_RULE.match(lines[i]):
            j = i
            while j < len(lines) and lines[j].lstrip().startswith(("+", "|")):
                j += 1
            out.extend(_grid_rows(lines[i:j]))
            i = j
            if i + 1 < len(lines) and lines[i].strip() == "" and lines[i + 1].startswith(": "):
                i += 2  # the table's caption
            continue
        out.append(lines[i])
        i += 1
    return _normalise("\n".join(out))


def _normalise(text: str) -> list[str]:
    return [" ".join(_MARKER.sub("", line).split()) for line in text.splitlines()
            if line.strip()]


ROOT = HERE.parent.parent
#: Extracted pages too, besides the hand-made ASTs: what users will actually pipe to pandoc.
PAGES = [p for p in sorted((ROOT / "tests" / "fixtures" / "html").glob("*.html"))
         if p.name != "chrome_only.html"] + [ROOT / "examples" / "seed-rt-article.txt"]


def _fixture(name: str) -> Article:
    return load(name) if name in NAMES else convert.parse(ROOT / name)


@needs_pandoc
@pytest.mark.parametrize("name", NAMES + [str(p.relative_to(ROOT)) for p in PAGES])
def test_pandoc_reads_fixture_without_warning_and_gives_txt(name: str) -> None:
    article = _fixture(name)
    doc = convert.render(article, "pandoc", extra={"pandoc_api": _api()})
    proc = _pandoc(doc, "-t", "plain-strikeout-simple_tables-multiline_tables", "--wrap=none", "--columns=100000",
                   "--lua-filter", str(FILTER), "--fail-if-warnings")
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stderr == b""
    # pandoc's plain text shows a figure's caption: compare with txt keeping captions.
    expected = convert.render(article, "txt", extra={"captions": "keep"}).decode("utf-8")
    assert _normalise_pandoc(proc.stdout.decode("utf-8")) == _normalise(expected)


@needs_pandoc
def test_pandoc_writes_odt_and_keeps_metadata() -> None:
    doc = convert.render(load("rich"), "pandoc", extra={"pandoc_api": _api()})
    proc = _pandoc(doc, "-t", "markdown", "-s")
    assert proc.returncode == 0, proc.stderr.decode()
    head = proc.stdout.decode().split("\n---\n", 1)[0]
    assert "title: A rich article" in head
    assert "- Ada L" in head and "- Bo M" in head
    assert re.search(r"date: \"?2024-05-01T10:00:00\+02:00", head)
    assert "lang: en" in head
    assert re.search(r"url: \"?https://example.org/news/rich", head)


@needs_pandoc
def test_pandoc_figure_is_a_figure_in_latex() -> None:
    article = Article(Meta(title="F"), (
        Paragraph((Text("before"),)),
        Figure(Image("https://example.org/a.png", alt="alt text"), caption=(Text("The cap"),)),
    ))
    doc = convert.render(article, "pandoc", extra={"pandoc_api": _api()})
    proc = _pandoc(doc, "-t", "latex")
    assert proc.returncode == 0, proc.stderr.decode()
    latex = proc.stdout.decode()
    assert "\\begin{figure}" in latex
    assert "\\caption{The cap}" in latex


def test_api_versions_and_figures() -> None:
    article = Article(Meta(title="T", authors=("A", "B"), language="pt_BR"), (
        Figure(Image("x.png", alt="a"), caption=(Text("cap"),), credit=(Text("cr"),)),))
    new = json.loads(convert.render(article, "pandoc", extra={"pandoc_api": "1.23"}))
    old = json.loads(convert.render(article, "pandoc", extra={"pandoc_api": "1.22"}))
    assert new["pandoc-api-version"][:2] == [1, 23]
    assert old["pandoc-api-version"][:2] == [1, 22]
    fig = new["blocks"][0]
    assert fig["t"] == "Figure"
    assert fig["c"][1][1] == [{"t": "Plain", "c": [
        {"t": "Str", "c": "cap"}, {"t": "Space"}, {"t": "Str", "c": "cr"}]}]
    para = old["blocks"][0]
    assert para["t"] == "Para" and para["c"][0]["t"] == "Image"
    assert para["c"][0]["c"][2] == ["x.png", "fig:"]
    assert new["meta"]["lang"] == {"t": "MetaString", "c": "pt-BR"}
    assert [a["c"] for a in new["meta"]["author"]["c"]] == [[{"t": "Str", "c": "A"}],
                                                           [{"t": "Str", "c": "B"}]]


def test_unknown_api_version_is_a_clear_error() -> None:
    with pytest.raises(convert.DecruftError, match="pandoc_api"):
        convert.render(load("minimal"), "pandoc", extra={"pandoc_api": "9.9"})


def test_in_page_links_are_their_text_and_scripts_stay_marks() -> None:
    from convert.article import Link, Superscript

    article = Article(Meta(title="T"), (Paragraph((
        Text("x"), Superscript((Text("2"),)), Text(" as shown"),
        Superscript((Link((Text("1"),), "#cite_note-1"),)), Text(" and "),
        Link((Text("elsewhere"),), "https://example.org/"))),))
    doc = json.loads(convert.render(article, "pandoc"))
    inlines = doc["blocks"][0]["c"]
    kinds = [i["t"] for i in inlines]
    assert kinds.count("Superscript") == 2 and kinds.count("Link") == 1
    assert inlines[6] == {"t": "Superscript", "c": [{"t": "Str", "c": "1"}]}
    assert inlines[-1]["t"] == "Link" and inlines[-1]["c"][2][0] == "https://example.org/"
