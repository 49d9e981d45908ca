"""decruft-reading-time: add a word count and a reading time to an article's metadata.

An AST transform, the decruft equivalent of a pandoc filter::

    decruft convert page.html -t json --filter reading-time

adds ``word_count`` and ``reading_time_minutes`` to ``meta.extra``. The tutorial in
``docs/plugin-tutorial.md`` builds this file step by step.
"""

from __future__ import annotations

# --8<-- [start:imports]
import dataclasses
import math
import re
from typing import Any, Iterator

from convert import PLUGIN_API_VERSION, Article, hookimpl
from convert.formats import TransformRegistry
# --8<-- [end:imports]

# --8<-- [start:version]
# A new major plugin API may change the AST or the registries: refuse to load rather than
# produce wrong numbers. decruft reports an ImportError as a warning and keeps working.
if PLUGIN_API_VERSION.split(".")[0] != "1":
    raise ImportError(f"decruft-reading-time needs plugin API 1.x, not {PLUGIN_API_VERSION}")
# --8<-- [end:version]

# --8<-- [start:count]
#: Adult silent reading speed for non-fiction, in words per minute (Brysbaert 2019: ~238).
WORDS_PER_MINUTE = 238

# A word: letters or digits, allowing inner hyphens and apostrophes ("don't", "e-mail").
_WORD = re.compile(r"\w+(?:[-'\u2019]\w+)*")


def texts(node: Any) -> Iterator[str]:
    """Every piece of text under an AST node, in document order.

    The AST is made of frozen dataclasses; text lives in fields named ``text`` (``Text``,
    ``Code``, ``CodeBlock``) and everything else is a node or a tuple of nodes, so a generic
    walk over the dataclass fields reaches all of it: paragraphs, list items, table cells,
    figure captions.
    """
    for f in dataclasses.fields(node):
        value = getattr(node, f.name)
        if f.name == "text" and isinstance(value, str):
            yield value
        elif isinstance(value, tuple):
            for child in value:
                if dataclasses.is_dataclass(child):
                    yield from texts(child)
        elif dataclasses.is_dataclass(value):
            yield from texts(value)


def count_words(article: Article) -> int:
    """Words in the article body (the title and other metadata are not counted)."""
    return sum(len(_WORD.findall(text)) for block in article.blocks for text in texts(block))
# --8<-- [end:count]


# --8<-- [start:transform]
def add_reading_time(article: Article) -> Article:
    """Return a copy of ``article`` with ``word_count`` and ``reading_time_minutes`` in
    ``meta.extra``. The AST is immutable: build new objects with ``dataclasses.replace``."""
    words = count_words(article)
    minutes = math.ceil(words / WORDS_PER_MINUTE)
    extra = {**article.meta.extra, "word_count": words, "reading_time_minutes": minutes}
    meta = dataclasses.replace(article.meta, extra=extra)
    return dataclasses.replace(article, meta=meta)
# --8<-- [end:transform]


# --8<-- [start:hook]
@hookimpl
def register_transforms(registry: TransformRegistry) -> None:
    registry.add("reading-time", add_reading_time,
                 description="add word_count and reading_time_minutes to the metadata")
# --8<-- [end:hook]
