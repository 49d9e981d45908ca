"""YAML front matter for the ``md`` format: the article's metadata as a ``---`` block.

Written by PyYAML's safe dumper (imported on first use: front matter is opt-in), with dates
as YAML timestamps so static-site generators read them as dates.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from convert import Article
from convert.textutil import clean_text


def _yaml_date(value: str | None) -> Any:
    if not value:
        return None
    value = clean_text(value).strip()
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return value


@functools.lru_cache(maxsize=None)
def _dumper() -> type:
    """``yaml.SafeDumper`` writing datetimes as ISO 8601 with a ``T`` (PyYAML's default puts a
    space there, which some front-matter readers do not take as a timestamp)."""
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    Dumper.add_representer(dt.datetime, lambda d, v: d.represent_scalar(
        "tag:yaml.org,2002:timestamp", v.isoformat()))
    return Dumper


def front_matter(article: Article) -> str:
    """YAML front matter (``---`` ... ``---``) of the metadata, produced by ``yaml.safe_dump``."""
    import yaml

    m = article.meta

    def s(v: str | None) -> str | None:
        v = clean_text(v or "").strip()
        return v or None

    data: dict[str, Any] = {
        "title": s(m.title), "subtitle": s(m.subtitle),
        "authors": [a for a in (s(x) for x in m.authors) if a] or None,
        "date": _yaml_date(m.published), "modified": _yaml_date(m.modified),
        "url": s(m.url), "site": s(m.site_name), "lang": s(m.language),
        "section": s(m.section), "tags": [t for t in (s(x) for x in m.tags) if t] or None,
        "description": s(m.description),
        "page_type": m.page_type, "confidence": m.confidence,
        "price": m.price, "currency": m.price_currency, "availability": m.availability,
    }
    data = {k: v for k, v in data.items() if v is not None}
    if not data:
        return ""
    body = yaml.dump(data, Dumper=_dumper(), sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=1_000_000)
    return f"---\n{body}---\n\n"
