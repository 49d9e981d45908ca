"""Confidence in the metadata, and ``--min-confidence`` turning doubtful pages into failures."""

from __future__ import annotations

import re

import convert
from tests.cliutil import run_cli
from tests.extract.test_pagetype import ARTICLE, COLLECTION

#: A page whose "content" is a lone line among menus: the extraction is doubtful.
THIN = (b"<html><head><title>Welcome</title></head><body><nav>" + b"".join(
    b"<a href='/s%d'>Section %d</a> " % (i, i) for i in range(30)) + b"</nav>"
    b"<div><p>Welcome to our site, have a look around.</p></div>" + b"<footer>" + b"".join(
    b"<a href='/f%d'>Footer link %d</a> " % (i, i) for i in range(20)) + b"</footer></body></html>")


def _conf(data: bytes, url: str | None = None) -> float:
    confidence = convert.parse(data, kind="html", location=url).meta.confidence
    assert confidence is not None and 0.0 <= confidence <= 1.0
    return confidence


def test_a_clean_article_is_trusted_more_than_a_thin_page():
    assert _conf(*ARTICLE) > 0.8
    assert _conf(THIN) < _conf(*ARTICLE)


def test_a_product_grid_is_trusted_less_than_an_article():
    assert _conf(*COLLECTION) < _conf(*ARTICLE)


def test_text_dumps_are_judged_too():
    text = ("Harbour plan approved\n\n" + "The committee met on Tuesday to discuss the "
            "harbour plan, and the members agreed to publish the report next month. " * 8)
    confidence = convert.parse(text.encode(), kind="text").meta.confidence
    assert confidence is not None and 0.0 <= confidence <= 1.0


def test_min_confidence_fails_the_doubtful_page_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "good.html"
    good.write_bytes(ARTICLE[0])
    thin = tmp_path / "thin.html"
    thin.write_bytes(THIN)
    out_dir = tmp_path / "out"
    threshold = (_conf(ARTICLE[0]) + _conf(THIN)) / 2
    out = run_cli("convert", str(thin), str(good), "-d", str(out_dir), "-q",
                  "--min-confidence", f"{threshold:.3f}")
    assert out.returncode == 1
    lines = out.stderr.decode().splitlines()
    assert len(lines) == 1
    assert re.fullmatch(rf"decruft: {re.escape(str(thin))}: low confidence \(0\.\d\d\)",
                        lines[0]), lines
    assert sorted(p.name for p in out_dir.iterdir()) == ["good.md"]


def test_without_the_option_nothing_fails(tmp_path):
    thin = tmp_path / "thin.html"
    thin.write_bytes(THIN)
    out = run_cli("convert", str(thin), "-o", str(tmp_path / "thin.md"))
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "thin.md").exists()


def test_min_confidence_outside_0_1_is_a_usage_error(tmp_path):
    out = run_cli("convert", "-", "--min-confidence", "1.5", input=b"hello world")
    assert out.returncode == 2
