"""The parsers: raw page bytes in, :class:`convert.article.Article` out.

- :mod:`.html` extracts the article from an HTML page (its metadata in :mod:`.html.meta`).
- :mod:`.text` recovers the article from a whole-page plain-text dump.

Shared by both, one module per concept: :mod:`.decode` (bytes → text), :mod:`.sniff` (which
pipeline an input needs, ``--from auto``), :mod:`.dates` (date words and bounds).
"""
