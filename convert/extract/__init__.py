"""The parsers: raw page bytes in, :class:`convert.article.Article` out.

- :mod:`.decode` turns bytes into text (BOM, declared charset, detection).
- :mod:`.html` extracts the article from an HTML page.
- :mod:`.text` recovers the article from a whole-page plain-text dump.
- :mod:`.sniff` decides which of them an input needs (``--from auto``).
"""
