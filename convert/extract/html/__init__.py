"""The HTML pipeline: a web page in, :class:`convert.article.Article` out.

:func:`parse_html` (in :mod:`.pipeline`) is the entry point. The modules, in the order a page
meets them: :mod:`.guard` (caps on nesting and attributes), :mod:`.meta` (the page's declared
and visible metadata), :mod:`.prune` → :mod:`.scoring` → :mod:`.cleaning` (the content cascade,
driven by :mod:`.content`), :mod:`.builder` (winning nodes → AST blocks, with :mod:`.inlines`,
:mod:`.tables`, :mod:`.urls`; :mod:`.figures` adds the figures beside the winner).
Vocabulary lives in :mod:`.patterns`, the numbers that decide in :mod:`.thresholds`.
"""

from .pipeline import parse_html

__all__ = ["parse_html"]
