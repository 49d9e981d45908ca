"""Pages about a thing rather than articles: an event, a recipe, a question. What their
declarations say of the page's title, author and date, as schema.org words them.

- An ``Event`` (and its kinds, ``MusicEvent``, ``Festival``...) has a ``name``, no
  ``headline``; its ``startDate``/``endDate`` are when it takes place, which the page shows in
  ``<time>`` elements and datelines: a day the page's publication is never read from.
- A ``QAPage`` declares its ``Question`` as its ``mainEntity``: the question's asker, day and
  wording are the page's author, date and title (its answers' are not).

Used by :mod:`.declared` (the JSON-LD object chosen) and :mod:`convert.extract.html.meta`.
"""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser

from convert.extract.ablation import rule
from convert.extract.dates import iso_date

ITEM_NAME_TITLE = rule(
    "item_name_title", "an Event, Recipe or HowTo declares its title as its 'name' (it has "
    "no 'headline'): read as a declared title, as an article's headline is")
EVENT_DAYS = rule(
    "event_days", "the day an Event takes place (its startDate, endDate) is not the page's "
    "publication date: a date the page shows on that day is not read as one")
QUESTION_ENTITY = rule(
    "question_entity", "a QAPage's Question (its mainEntity) gives the page's author, date "
    "(datePublished, else dateCreated) and title: the asker's, not an answerer's")

#: Types whose ``name`` is their title (no ``headline`` declared); an event's kinds all end
#: in "event". (Not a Question's: a FAQ page's first question names no page; a QAPage's is
#: read by :func:`question_fields`.)
_NAMED_TYPES = frozenset({"event", "recipe", "howto"})


def event_type(kind: str) -> bool:
    """Whether a lower-cased schema.org type is an event ("musicevent", "festival")."""
    return kind.endswith("event") or kind == "festival"


def item_title(ld: dict, objects: list[dict], types) -> str | None:  # noqa: ANN001
    """The declared ``name`` of an event, recipe or how-to that declares no ``headline``
    (``ld``: the page's chosen JSON-LD object, ``objects``: all of them, ``types``:
    :func:`.declared.ld_types`). Not when the page declares several of its kind: a venue's
    programme or a list of recipes is named by none of them."""
    kind = _kind(types(ld))
    if not ITEM_NAME_TITLE or ld.get("headline") or kind is None:
        return None
    if sum(1 for obj in objects if _kind(types(obj)) == kind) > 1:
        return None
    name = ld.get("name")
    return name if isinstance(name, str) else None


def _kind(types: list[str]) -> str | None:
    """"event" for any kind of event, the type itself for the other named types."""
    if any(event_type(t) for t in types):
        return "event"
    return next((t for t in types if t in _NAMED_TYPES), None)


def question_fields(best: dict, types: list[str]) -> dict:
    """A ``QAPage`` (``types``: its lower-cased types) with its Question's author, date and
    wording filled in where the page declares none of its own."""
    if not QUESTION_ENTITY or "qapage" not in types:
        return best
    entity = best.get("mainEntity")
    if isinstance(entity, list):
        entity = next((e for e in entity if isinstance(e, dict)), None)
    if not isinstance(entity, dict):
        return best
    merged = dict(best)
    for key, value in (("author", entity.get("author")),
                       ("datePublished", entity.get("datePublished") or entity.get(
                           "dateCreated")),
                       ("headline", entity.get("headline") or entity.get("name"))):
        if value and not merged.get(key):
            merged[key] = value
    return merged


def event_days(tree: LexborHTMLParser, objects: list[dict],
               types) -> frozenset[str]:  # noqa: ANN001
    """The days (``YYYY-MM-DD``) the page's events take place: the ``startDate`` and
    ``endDate`` of its JSON-LD events and of its microdata (``itemprop`` ``startDate`` /
    ``endDate``). ``types``: :func:`.declared.ld_types`."""
    if not EVENT_DAYS:
        return frozenset()
    values: list[Any] = []
    for obj in objects:
        if any(event_type(t) for t in types(obj)):
            values += [obj.get("startDate"), obj.get("endDate")]
    for node in tree.css('[itemprop~="startDate"], [itemprop~="endDate"]'):
        attrs = node.attributes
        values.append(attrs.get("content") or attrs.get("datetime"))
    days = (iso_date(v) for v in values if isinstance(v, str))
    return frozenset(d[:10] for d in days if d)
