"""``convert.api.parse``: which reader gets the bytes, and the refusal of binary input.

Readers come first: a reader named with ``--from NAME``, or a plugin reader whose sniffer claims
the bytes, reads them as they are, so a plugin can add a binary input format. Only decruft's
own readers (html, text, json) are guarded by the "not a page" refusal.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import convert
from cliutil import run_cli
from convert import plugins
from convert.errors import InputError
from test_plugins import install_plugin, site  # noqa: F401  (site is a fixture)

#: A made-up binary format: a magic number, NUL padding, then NUL-separated UTF-8 fields.
ZINE = b"ZINE\x00\x01\x00\x00" + b"\x00" * 56 + b"Binary issue one\x00" + \
    "Pages read from a binary container by a plugin reader.".encode() + b"\x00" * 16

READER = """
    from convert import DecruftError, hookimpl
    from convert.article import Article, Meta, Paragraph, Source, Text

    MAGIC = b"ZINE\\x00"

    def sniff(data, context):
        return data.startswith(MAGIC)

    def parse(data, context):
        if not data.startswith(MAGIC):
            raise DecruftError("not a zine")
        fields = [f.decode("utf-8") for f in data[8:].split(b"\\x00") if f]
        return Article(Meta(title=fields[0], source=Source(context.location, "zine", "utf-8")),
                       tuple(Paragraph((Text(f),)) for f in fields[1:]))

    @hookimpl
    def register_readers(registry):
        registry.add("zine", parse, sniff=sniff, description="a zine container")
        registry.add("zine-plain", parse, description="the same, never claimed")
"""


def _install(site_path):
    install_plugin(site_path, "throwaway-zine", {"throwaway_zine": READER},
                   {"zine": "throwaway_zine"})


def test_plugin_sniffer_claims_binary_input(site, tmp_path):
    _install(site)
    src = tmp_path / "issue.zine"
    src.write_bytes(ZINE)
    out = run_cli("convert", str(src), "-t", "md", env={"PYTHONPATH": str(site)})
    assert out.returncode == 0, out.stderr
    assert out.stdout == (b"# Binary issue one\n\n"
                          b"Pages read from a binary container by a plugin reader.\n")
    assert convert.detect_kind(ZINE) == "zine"


def test_reader_named_with_from_reads_binary_input(site):
    _install(site)
    out = run_cli("convert", "-", "-f", "zine-plain", "-t", "json", input=ZINE,
                  env={"PYTHONPATH": str(site)})
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["meta"]["title"] == "Binary issue one"
    article = convert.parse(ZINE, kind="zine-plain")
    assert article.meta.title == "Binary issue one" and article.meta.source.kind == "zine"


def test_binary_input_without_a_reader_for_it_is_refused(tmp_path):
    plugins.reset()
    src = tmp_path / "issue.zine"
    src.write_bytes(ZINE)
    out = run_cli("convert", str(src), "-t", "txt")
    assert out.returncode == 1 and out.stdout == b""
    assert out.stderr.decode() == f"decruft: {src}: not a page: binary data\n"
    with pytest.raises(InputError, match="^not a page: binary data$"):
        convert.parse(ZINE)


def test_builtin_readers_still_refuse_binary_when_a_plugin_reader_exists(site):
    _install(site)
    for kind in ("html", "text", "auto"):
        data = ZINE if kind != "auto" else b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02" * 500
        with pytest.raises(InputError, match="^not a page: "):
            convert.parse(data, kind=kind)
    out = run_cli("convert", "-", "-f", "text", input=ZINE, env={"PYTHONPATH": str(site)})
    assert out.returncode == 1
    assert out.stderr.decode() == "decruft: <stdin>: not a page: binary data\n"


def test_binary_refusal_counts_control_bytes_up_to_one_in_twenty():
    # 8 KB read: up to 409 control bytes (tab, newline, form feed, carriage return and ESC
    # are no controls here) still make a page, one more is binary data.
    from convert.api import _refuse_binary

    page = b"<p>" + b"x" * 8189
    ok = page[:409 * 3].replace(b"x", b"\x01", 409) + page[409 * 3:]
    _refuse_binary(ok)
    _refuse_binary(ok.replace(b"x", b"\t\n\r\x0c\x1b", 50))
    with pytest.raises(InputError, match="^not a page: binary data$"):
        _refuse_binary(ok.replace(b"x", b"\x1f", 1))


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_device_or_pipe_is_read_only_up_to_the_input_limit(monkeypatch, tmp_path):
    # /dev/zero has no size to check first: read whole, it took all the memory there was.
    from convert import api

    monkeypatch.setattr(api, "MAX_INPUT_BYTES", 1000)
    with pytest.raises(InputError, match="larger than the input limit of 1000 bytes"):
        convert.parse(Path("/dev/zero"))
    fifo = tmp_path / "page.html"
    os.mkfifo(fifo)
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the writer end of the pipe
        with open(fifo, "wb") as fh:
            fh.write(b"<html><body><article><h1>Piped</h1><p>" + b"word " * 300 + b"</p>")
        os._exit(0)
    with pytest.raises(InputError, match="larger than the input limit"):
        convert.parse(fifo)
    os.waitpid(pid, 0)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_inspect_of_a_device_is_bounded_too(monkeypatch):
    from convert import api
    from convert.inspect import inspect_page

    monkeypatch.setattr(api, "MAX_INPUT_BYTES", 1000)
    report = inspect_page("/dev/zero")
    assert "larger than the input limit" in report["error"]


_PAGE = b"<html><body><article><h1>Hi</h1><p>" + b"Words of the page. " * 20 + \
    b"</p></article></body></html>"


@pytest.mark.parametrize("source, kind", [
    (None, "NoneType"), (5, "int"), (10**12, "int"), ([60, 112], "list"), ({}, "dict"),
    (3.5, "float")])
def test_parse_refuses_a_source_of_the_wrong_type(source, kind):
    # bytes(5) was five NUL bytes ('empty input'), bytes(10**12) a terabyte allocation
    with pytest.raises(TypeError, match=f"bytes, its text or a path .*not {kind}$"):
        convert.parse(source)


@pytest.mark.parametrize("name", ["location", "base_url", "http_charset"])
def test_parse_refuses_a_non_str_option(name):
    # an int location was an AttributeError; an int base_url blamed the 'readers' plugin
    with pytest.raises(TypeError, match=f"{name} must be a str or None, not int"):
        convert.parse(_PAGE, **{name: 5})


def test_parse_of_text_with_a_lone_surrogate():
    article = convert.parse("<p>" + "Words of the page. " * 20 + "\ud800</p>")
    assert "Words of the page." in convert.render(article, "txt").decode()


def test_a_filter_name_given_as_a_str_is_one_name():
    # filters="abc" was read as the filters 'a', 'b' and 'c'
    with pytest.raises(convert.DecruftError, match="unknown filter 'no-such-filter'"):
        convert.parse(_PAGE, filters="no-such-filter")


@pytest.mark.parametrize("article", [None, 5, "text", _PAGE])
def test_render_refuses_what_is_not_an_article(article):
    # a plugin was blamed: "plugin 'markdown' failed in render of 'md': AttributeError"
    with pytest.raises(TypeError, match="render\\(\\) takes an Article"):
        convert.render(article, "md")
    with pytest.raises(TypeError, match="apply_filters\\(\\) takes an Article"):
        convert.apply_filters(article)


@pytest.mark.parametrize("articles", [None, 5, "abc", [None], ["x"]])
def test_render_bundle_refuses_what_is_not_articles(articles):
    with pytest.raises(TypeError, match="render_bundle\\(\\) takes"):
        convert.render_bundle(articles, "epub")


def test_render_bundle_takes_any_iterable_of_articles():
    article = convert.parse(_PAGE)
    assert convert.render_bundle(iter([article, article]), "epub")[:2] == b"PK"
    assert convert.render_bundle((article,), "md").startswith(b"# Hi")


def test_a_gzip_input_of_several_members_is_read_whole():
    # cat a.gz b.gz: the first member was read and the rest dropped without a word
    import gzip

    from convert.api import _gunzip
    first, second = _PAGE[:60], _PAGE[60:]
    assert _gunzip(gzip.compress(first) + gzip.compress(second)) == _PAGE
    assert _gunzip(gzip.compress(_PAGE) + b"\0\0\0 trailing junk") == _PAGE  # as gunzip
    with pytest.raises(InputError, match="truncated gzip data"):
        _gunzip(gzip.compress(first) + gzip.compress(second)[:-8])
    text = convert.render(convert.parse(gzip.compress(first) + gzip.compress(second)), "txt")
    assert b"Words of the page." in text


def test_a_gzip_bomb_in_a_later_member_is_refused(monkeypatch):
    import gzip

    from convert.api import _gunzip
    monkeypatch.setattr("convert.api.MAX_INPUT_BYTES", 1 << 20)
    with pytest.raises(InputError, match="decompresses to more than the input limit"):
        _gunzip(gzip.compress(_PAGE) + gzip.compress(b"\0" * (2 << 20)))


def test_many_tiny_gzip_members_take_linear_time():
    import gzip
    import time

    from convert.api import _gunzip
    member = gzip.compress(b"<p>ab</p>", mtime=0)
    start = time.monotonic()
    assert _gunzip(member * 100_000) == b"<p>ab</p>" * 100_000
    assert time.monotonic() - start < 5  # quadratic (unused_data copied whole): minutes
