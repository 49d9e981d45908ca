"""The text-dump pipeline: a whole-page plain-text dump in, :class:`convert.article.Article` out.

:func:`parse_text` (in :mod:`.pipeline`) is the entry point; the cascade it runs is documented
there. No module here imports the HTML pipeline: they share only :mod:`convert.extract`'s
decoding, dates and bylines.
"""

__all__ = ["parse_text"]


def __getattr__(name: str):  # noqa: ANN202
    # (lazily: the HTML pipeline reads the vocabulary of :mod:`.rules`, :mod:`.openers` and
    # :mod:`.runs`, and an HTML page must not pay the import of the whole text-dump parser)
    if name == "parse_text":
        from .pipeline import parse_text
        return parse_text
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
