"""The JSON envelope: exact round trip, version refusal, schema generated and not stale."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from convert import jsonio
from convert.article import Article, Meta, Paragraph, Text
from convert.errors import InputError, SchemaVersionError

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "docs" / "article.schema.json"


def test_round_trip_is_identical(rich_article):
    text = jsonio.dumps(rich_article)
    assert jsonio.loads(text) == rich_article
    assert jsonio.loads(jsonio.dumps(rich_article, indent=None)) == rich_article


def test_envelope_names_and_versions_itself(rich_article):
    doc = json.loads(jsonio.dumps(rich_article))
    assert doc["schema"] == "decruft.article" and doc["version"] == "1.2"
    assert list(doc) == ["schema", "version", "meta", "blocks"]
    assert doc["blocks"][0] == {"type": "heading", "level": 2,
                                "children": [{"type": "text", "text": "Section"}]}


def test_output_validates_against_schema(rich_article):
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(jsonio.dumps(rich_article)), schema)


def test_schema_file_is_not_stale():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == jsonio.schema_text(), \
        "docs/article.schema.json is stale: run `python -m convert.jsonio`"


def test_newer_major_version_is_refused():
    doc = json.loads(jsonio.dumps(Article(Meta(), ())))
    doc["version"] = "2.0"
    with pytest.raises(SchemaVersionError, match="upgrade decruft"):
        jsonio.loads(json.dumps(doc))


def test_newer_minor_version_ignores_unknown_fields():
    doc = json.loads(jsonio.dumps(Article(Meta(title="t"), (Paragraph((Text("x"),)),))))
    doc["version"] = "1.7"
    doc["meta"]["mood"] = "new field"
    assert jsonio.loads(json.dumps(doc)).meta.title == "t"
    doc["version"] = "1.0"
    with pytest.raises(InputError, match="unknown field 'mood'"):
        jsonio.loads(json.dumps(doc))


@pytest.mark.parametrize("bad, message", [
    (b"not json", "not valid JSON"),
    (b'{"schema": "other"}', "not a decruft article"),
    (b'{"schema": "decruft.article", "version": "1.0", "meta": {}, "blocks": [{"type": "blink"}]}',
     "unexpected node type 'blink'"),
    (b'{"schema": "decruft.article", "version": "1.0", "meta": {}, '
     b'"blocks": [{"type": "paragraph", "children": [{"type": "paragraph", "children": []}]}]}',
     "unexpected node type 'paragraph'"),
    (b'{"schema": "decruft.article", "version": "1.0", "meta": {"title": 3}, "blocks": []}',
     "meta.title: expected a string"),
])
def test_invalid_documents_are_clear_errors(bad, message):
    with pytest.raises(InputError, match=message):
        jsonio.loads(bad)


def test_lone_surrogates_in_a_hand_built_ast_still_round_trip():
    from convert import render

    article = Article(Meta(title="t\ud800"), (Paragraph((Text("a\udfffb é"),)),))
    data = render(article, "json")
    assert data.isascii()
    assert jsonio.loads(data) == article


def test_version_1_0_documents_read_back_without_page_type_or_confidence():
    doc = {"schema": "decruft.article", "version": "1.0", "meta": {"title": "t"},
           "blocks": [{"type": "paragraph", "children": [{"type": "text", "text": "x"}]}]}
    meta = jsonio.loads(json.dumps(doc)).meta
    assert meta.title == "t"
    assert (meta.page_type, meta.page_type_probability, meta.confidence) == (None, None, None)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_numbers_json_does_not_have_are_refused(constant):
    doc = ('{"schema": "decruft.article", "version": "1.0", "meta": {"confidence": %s},'
           ' "blocks": []}' % constant)
    with pytest.raises(InputError, match=f"not valid JSON: {constant} is not a JSON number"):
        jsonio.loads(doc)


def test_non_finite_numbers_are_written_as_null():
    # (a transform plugin's extra values, or an AST built in Python, may hold them)
    article = Article(meta=Meta(confidence=float("nan"), page_type_probability=float("inf"),
                                extra={"a": float("-inf"), "b": 1.5}), blocks=())
    text = jsonio.dumps(article)
    doc = json.loads(text, parse_constant=lambda name: pytest.fail(name))
    meta = doc["meta"]
    assert (meta["confidence"], meta["page_type_probability"]) == (None, None)
    assert meta["extra"] == {"a": None, "b": 1.5}



def _nested(kind: str, depth: int) -> str:
    """A block nested ``depth`` levels, as JSON text (json.dumps itself cannot go so deep)."""
    if kind == "emphasis":
        return ('{"type": "paragraph", "children": [' + '{"type": "emphasis", "children": ['
                * depth + '{"type": "text", "text": "x"}' + "]}" * depth + "]}")
    para = '{"type": "paragraph", "children": [{"type": "text", "text": "x"}]}'
    opening = '{"type": "list", "items": [{"type": "list_item", "blocks": [' + para + ", "
    leaf = '{"type": "list", "items": [{"type": "list_item", "blocks": [' + para + "]}]}"
    return opening * depth + leaf + "]}]}" * depth


@pytest.mark.parametrize("kind, depth", [("list", 200), ("list", 5000), ("emphasis", 300)])
def test_json_nested_too_deeply_is_an_input_error(kind, depth):
    # "plugin 'readers' failed in reader 'json': RecursionError: ..." (a plugin blamed)
    text = jsonio.dumps(Article(meta=Meta(title="T"), blocks=()), indent=None)
    text = text.replace('"blocks":[]', '"blocks":[' + _nested(kind, depth) + "]")
    assert _nested(kind, depth) in text
    with pytest.raises(InputError, match="nested too deeply to read"):
        jsonio.loads(text)


def test_json_nested_as_deep_as_the_extractor_goes_is_read():
    text = jsonio.dumps(Article(meta=Meta(title="T"), blocks=()), indent=None)
    article = jsonio.loads(text.replace('"blocks":[]', '"blocks":[' + _nested("list", 70) + "]"))
    assert article.blocks[0].items


def _big_article(rich_article):
    """The rich article with, after it, a list of 100 items and a table of 100 rows of 100
    cells inside a quote: containers with more children than are written in one run."""
    from convert.article import List, ListItem, Quote, Table, TableCell, TableRow

    cell = lambda t: TableCell((Paragraph((Text(t),)),))  # noqa: E731
    table = Table(head=(TableRow(tuple(cell(f"h{c}") for c in range(100))),),
                  body=tuple(TableRow(tuple(cell(f"{r}é{c}") for c in range(100)))
                             for r in range(100)))
    items = tuple(ListItem((Paragraph((Text(f"item {i}"),)),)) for i in range(100))
    return Article(rich_article.meta, (*rich_article.blocks, List(items),
                                       Quote((table, Paragraph((Text("after"),))))))


@pytest.mark.parametrize("many", [1, 3, 64])
@pytest.mark.parametrize("indent", [None, 0, 2, 4])
def test_dump_bytes_written_a_node_at_a_time_is_dumps(rich_article, monkeypatch, many, indent):
    """dump_bytes writes big containers a child at a time and small nodes a run at a time:
    the bytes of json.dumps of the whole article's data, whatever the run length."""
    article = _big_article(rich_article)
    monkeypatch.setattr(jsonio, "_MANY", many)
    assert jsonio.dump_bytes(article, indent=indent) == jsonio.dumps(
        article, indent=indent).encode("utf-8")


def test_dump_bytes_escapes_a_lone_surrogate_everywhere(rich_article, monkeypatch):
    monkeypatch.setattr(jsonio, "_MANY", 1)
    article = _big_article(rich_article)
    article = Article(article.meta, (*article.blocks, Paragraph((Text("bad \ud800 é"),))))
    data = jsonio.dump_bytes(article, indent=None)
    assert data == jsonio.dumps(article, indent=None, ascii=True).encode("ascii")
    assert jsonio.loads(data) == article
