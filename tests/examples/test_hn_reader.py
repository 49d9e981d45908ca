"""decruft-hn-reader: claiming inputs, and the article it builds from a Hacker News page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from convert.formats import ReadContext

from .helpers import HN_SAMPLE, Env, make_article, output_json, write_article


def _comments(blocks: list[dict[str, Any]]) -> list[tuple[str, list]]:
    """(first line, replies) of each comment div, recursively."""
    out = []
    for b in blocks:
        if b["type"] == "div" and b["role"] == "comment":
            head = "".join(_text(c) for c in b["blocks"][0]["children"])
            out.append((head.split(" · ")[0], _comments(b["blocks"])))
    return out


def _text(node: dict[str, Any]) -> str:
    return node.get("text") or "".join(_text(c) for c in node.get("children", ()))


def test_auto_claims_the_page_by_content(plugin_env: Env) -> None:
    doc = output_json(plugin_env.run("convert", str(HN_SAMPLE), "-t", "json"))
    meta = doc["meta"]
    assert meta["source"]["kind"] == "hn"
    assert meta["title"] == "Show HN: A tiny tool that turns web pages into clean documents"
    assert meta["authors"] == ["ada_l"]
    assert meta["published"] == "2024-03-05T14:20:11"
    assert meta["site_name"] == "Hacker News"
    assert meta["url"] == "https://news.ycombinator.com/item?id=40000001"
    assert meta["extra"] == {"hn_points": 128, "hn_comments": 5,
                             "hn_story_url": "https://example.org/decruft"}
    assert _comments(doc["blocks"]) == [
        ("bo_m", [("ada_l", [("cy_r", [])])]),
        ("2024-03-05 16:00:00", [("dee", [])]),      # flagged: kept, so its reply stays
    ]


def test_body_text(plugin_env: Env) -> None:
    proc = plugin_env.run("convert", str(HN_SAMPLE), "-t", "txt")
    assert proc.returncode == 0, proc.stderr.decode()
    paragraphs = proc.stdout.decode().split("\n\n")
    assert paragraphs[:2] == [
        "Link: example.org",
        'I got tired of cookie banners and "READ MORE" teasers in my saved articles, so I '
        "wrote a converter that keeps only the article."]
    assert "  decruft convert page.html --debug" in paragraphs          # the <pre> block
    assert "Paywalls: no, it only sees what the page contains." in paragraphs
    assert "2024-03-05 16:00:00 · [flagged]" in paragraphs
    for furniture in ("reply", "upvote", "Guidelines", "add comment", "hide"):
        assert furniture not in paragraphs


def test_from_hn_on_stdin(plugin_env: Env) -> None:
    doc = output_json(plugin_env.run("convert", "-", "--from", "hn", "-t", "json",
                                     input=HN_SAMPLE.read_bytes()))
    assert doc["meta"]["source"] == {"type": "source", "location": None, "kind": "hn",
                                     "encoding": "utf-8"}


def test_from_hn_on_another_page_is_a_one_line_error(plugin_env: Env, tmp_path: Path) -> None:
    page = tmp_path / "other.html"
    page.write_text("<html><body><p>Just a page.</p></body></html>")
    proc = plugin_env.run("convert", str(page), "--from", "hn", "-t", "json")
    assert proc.returncode == 1
    assert proc.stdout == b""
    errors = [line for line in proc.stderr.decode().splitlines() if "warning" not in line]
    assert errors == [f"decruft: {page}: not a Hacker News story page (no story title found)"]


def test_other_input_is_not_claimed(plugin_env: Env, tmp_path: Path) -> None:
    src = write_article(tmp_path / "a.json", make_article())
    doc = output_json(plugin_env.run("convert", str(src), "-f", "json", "-t", "json"))
    assert doc["meta"]["source"]["kind"] == "html"      # read as JSON, untouched


@pytest.mark.parametrize(("location", "data", "claimed"), [
    ("https://news.ycombinator.com/item?id=1", b"<html></html>", True),
    ("https://news.ycombinator.com/news", HN_SAMPLE.read_bytes(), False),
    ("https://example.org/item?id=1", b"<html><p>hi</p></html>", False),
    (None, HN_SAMPLE.read_bytes(), True),
    ("saved/page.html", HN_SAMPLE.read_bytes(), True),
    (None, b'<html><table class="fatitem"></table></html>', False),
    (None, json.dumps({"schema": "decruft.article"}).encode(), False),
])
def test_sniff(sample_modules: None, location: str | None, data: bytes, claimed: bool) -> None:
    from decruft_hn_reader import sniff

    assert sniff(data, ReadContext(location=location)) is claimed


def test_script_links_keep_only_their_text(sample_modules: None) -> None:
    from decruft_hn_reader import parse

    from convert.jsonio import dumps

    data = HN_SAMPLE.read_bytes().replace(b'href="https://example.com/paywall"',
                                          b'href="javascript:alert(1)"')
    out = dumps(parse(data, ReadContext(location="item.html")))
    assert "javascript" not in out and "soft paywalls" in out
