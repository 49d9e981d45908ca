"""decruft-reading-time: the transform itself, and through ``decruft convert --filter``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from convert.article import (Article, CodeBlock, Figure, Image, List, ListItem, Meta, Paragraph,
                             Table, TableCell, TableRow, Text)
from convert.jsonio import json_schema

from .helpers import Env, make_article, output_json, write_article


def test_counts_every_kind_of_body_text(sample_modules: None) -> None:
    from decruft_reading_time import count_words

    cell = TableCell((Paragraph((Text("cell words"),)),))
    article = Article(Meta(title="Title words are not counted"), (
        Paragraph((Text("don't re-count e-mail"),)),             # 3
        List((ListItem((Paragraph((Text("one item"),)),)),)),     # 2
        CodeBlock("x = 1"),                                        # 2
        Table(head=(), body=(TableRow((cell,)),)),                 # 2
        Figure(Image("i.png", alt="alt text is not read"), caption=(Text("a caption"),)),  # 2
    ))
    assert count_words(article) == 11


def test_adds_extra_without_touching_the_rest(sample_modules: None) -> None:
    from decruft_reading_time import WORDS_PER_MINUTE, add_reading_time

    article = make_article(words=["word"] * (WORDS_PER_MINUTE + 1), extra={"keep": "me"})
    out = add_reading_time(article)
    assert out.meta.extra == {"keep": "me", "word_count": WORDS_PER_MINUTE + 1 + 4,
                              "reading_time_minutes": 2}
    assert out.blocks == article.blocks
    assert article.meta.extra == {"keep": "me"}          # the input is not modified
    empty = add_reading_time(Article(Meta(), ()))
    assert empty.meta.extra == {"word_count": 0, "reading_time_minutes": 0}


def test_filter_through_the_cli(plugin_env: Env, tmp_path: Path) -> None:
    src = write_article(tmp_path / "a.json", make_article(words=["w"] * 500))
    doc = output_json(plugin_env.run("convert", str(src), "-f", "json", "-t", "json",
                                     "--filter", "reading-time"))
    assert doc["meta"]["extra"] == {"word_count": 504, "reading_time_minutes": 3}
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(doc, json_schema())


def test_filter_on_stdin_and_in_a_batch(plugin_env: Env, tmp_path: Path) -> None:
    data = write_article(tmp_path / "a.json", make_article()).read_bytes()
    proc = plugin_env.run("convert", "-", "-f", "json", "-t", "jsonl",
                          "--filter", "reading-time", input=data)
    assert json.loads(proc.stdout)["meta"]["extra"]["word_count"] == 9

    inputs = [str(write_article(tmp_path / f"{n}.json", make_article())) for n in "abc"]
    out = tmp_path / "out"
    proc = plugin_env.run("convert", *inputs, "-f", "json", "-t", "json", "-d", str(out),
                          "-j", "2", "--filter", "reading-time", "-q")
    assert proc.returncode == 0, proc.stderr.decode()
    for name in "abc":
        assert json.loads((out / f"{name}.json").read_text())["meta"]["extra"]["word_count"] == 9


def test_plugin_is_listed_with_its_transform(plugin_env: Env) -> None:
    rows = output_json(plugin_env.run("plugins", "--json"))
    row = next(r for r in rows if r["name"] == "reading_time")
    assert row["distribution"] == "decruft-reading-time"
    assert row["version"] == "0.1.0"
    assert row["hooks"] == ["register_transforms"]
    assert row["builtin"] is False
