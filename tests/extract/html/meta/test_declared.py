"""convert.extract.html.meta.declared: JSON-LD declarations, read or skipped, never fatal."""

from __future__ import annotations

import convert
from convert.extract.html.meta.declared import _json_loads

_LD = ('<script type="application/ld+json">{"@context": "https://schema.org", '
       '"@type": "NewsArticle", "headline": "Budget report", '
       '"author": {"@type": "Person", "name": "Ann Writer"}}</script>')
_BODY = ("<p>The council met on Tuesday to discuss the new budget for the river bridge, which "
         "includes money for the school and the library, and agreed to publish its report.</p>")


def _page(head: str) -> bytes:
    return (f"<html><head><title>Budget report</title>{head}</head><body><article>"
            f"<h1>Budget report</h1>{_BODY * 3}</article></body></html>").encode()


def test_json_nested_past_the_recursion_limit_is_no_declaration():
    deep = "[" * 100_000 + "]" * 100_000
    assert _json_loads(deep) is None
    assert _json_loads('{"a": ' * 50_000 + "1" + "}" * 50_000) is None
    assert _json_loads('{"@type": "NewsArticle"}') == {"@type": "NewsArticle"}


def test_a_page_with_a_deeply_nested_json_ld_script_still_converts():
    # Found while fuzzing (now tests.bench.fuzz's json-ld mutation): json.loads raised
    # RecursionError and the whole page failed ("plugin 'readers' failed in reader 'html'").
    # The bad script is skipped; a good one beside it is still read.
    bomb = '<script type="application/ld+json">' + "[" * 50_000 + "]" * 50_000 + "</script>"
    article = convert.parse(_page(bomb + _LD), kind="html")
    assert "council met on Tuesday" in convert.render(article, "txt").decode("utf-8")
    assert article.meta.authors == ("Ann Writer",)


def test_an_ordered_json_ld_list_of_authors_is_read_in_order():
    from convert.extract.html.meta.declared import ld_names
    assert ld_names({"@list": [{"@type": "Person", "name": "Ann Writer"},
                               {"@type": "Person", "name": "Bo Lindqvist"}]}) == [
        "Ann Writer", "Bo Lindqvist"]


_EPISODE = ('<script type="application/ld+json">{"@context": "https://schema.org", '
            '"@type": "PodcastEpisode", "name": "Budget report", "datePublished": "2026-09-08", '
            '"author": {"@type": "Person", "name": "Sam Host"}}</script>')


def test_a_podcast_episode_declares_its_author_and_date():
    # A podcast episode's page (show notes, a transcript) declares itself a PodcastEpisode,
    # not an Article: its author and date are the page's (rule episode_types).
    article = convert.parse(_page(_EPISODE), kind="html")
    assert article.meta.authors == ("Sam Host",)
    assert article.meta.published is not None and article.meta.published.startswith("2026-09-08")


def test_episode_types_off_reads_no_episode(monkeypatch):
    import importlib

    import convert.extract.html.meta.declared as declared
    monkeypatch.setenv("DECRUFT_ABLATE", "episode_types")
    from convert.extract import ablation
    monkeypatch.setattr(ablation, "OFF", frozenset({"episode_types"}))
    try:
        importlib.reload(declared)
        assert "podcastepisode" not in declared._ARTICLE_TYPES
    finally:
        monkeypatch.setattr(ablation, "OFF", frozenset())
        importlib.reload(declared)
    assert "podcastepisode" in declared._ARTICLE_TYPES
