"""The text-dump pipeline: a whole-page plain-text dump in, :class:`convert.article.Article` out.

:func:`parse_text` (in :mod:`.pipeline`) is the entry point; the cascade it runs is documented
there. No module here imports the HTML pipeline: they share only :mod:`convert.extract`'s
decoding, dates and bylines.
"""

from .pipeline import parse_text

__all__ = ["parse_text"]
