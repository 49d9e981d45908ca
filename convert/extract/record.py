"""The extractor's decisions, written down as it makes them (for ``decruft inspect``).

Recording is off unless a caller sets a :class:`Recorder` for the current context::

    rec = Recorder()
    with recording(rec):
        article = convert.api.parse(data)
    rec.passes, rec.meta, rec.lines ...

The extractor asks :func:`current` once per step and guards every call with
``if rec is not None``, so with recording off a step costs one context-variable read and the
output is the same byte for byte. Names passed as ``rule`` are the names of
:mod:`convert.extract.ablation` (what ``DECRUFT_ABLATE`` switches off); the few steps that are
not switchable are named after the function that decides.

Elements are identified by their position in a document-order walk of a fresh parse of the
markup the cascade ran on (:attr:`Recorder.html`): every pass parses the same markup, so the
same element has the same index in every pass and in the report's own parse.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Iterator

__all__ = ["Recorder", "current", "recording", "element_index"]

_CURRENT: ContextVar["Recorder | None"] = ContextVar("decruft_recorder", default=None)


def current() -> "Recorder | None":
    """The recorder of this context, or ``None`` (recording off)."""
    return _CURRENT.get()


@contextmanager
def recording(rec: "Recorder") -> Iterator["Recorder"]:
    """Record the extractions run inside the ``with`` block into ``rec``."""
    token = _CURRENT.set(rec)
    try:
        yield rec
    finally:
        _CURRENT.reset(token)


def element_index(root: Any) -> dict[int, int]:
    """Memory id → document-order position of every node a non-text walk of ``root`` meets."""
    return {node.mem_id: i for i, node in enumerate(root.traverse())}


class Recorder:
    """What one extraction decided. Plain data (numbers, strings, lists, dicts) only, so
    :mod:`convert.inspect` can turn it into JSON without knowing the extractor's types."""

    def __init__(self) -> None:
        #: ``html`` or ``text``.
        self.kind: str | None = None
        #: The markup the cascade parsed (after ``<noscript>`` unwrapping), HTML pages only.
        self.html: str | None = None
        #: Visible characters of the page (the cascade's yardstick).
        self.page_chars: int = 0
        #: One dict per cascade pass, in the order they ran.
        self.passes: list[dict[str, Any]] = []
        #: Name of the pass whose winner was used.
        self.chosen: str | None = None
        #: Blocks of the built article dropped or moved after building: dicts with text,
        #: rule and (for moved blocks) the metadata field.
        self.block_drops: list[dict[str, Any]] = []
        #: field → {"value", "rule", "candidates": [{"source", "key", "value"}]}.
        self.meta: dict[str, dict[str, Any]] = {}
        #: Text dumps: one dict per line (text, class, rule, scores).
        self.lines: list[dict[str, Any]] = []
        #: The page type and confidence with the signals behind them
        #: (:func:`convert.extract.assess.explain`).
        self.assessment: dict[str, Any] | None = None
        #: step → seconds.
        self.timings: dict[str, float] = {}
        self.notes: list[str] = []
        self._index: dict[int, int] = {}
        self._pass: dict[str, Any] | None = None
        self._started = 0.0

    # ------------------------------------------------------------------ HTML cascade

    def begin_pass(self, name: str, tree: Any) -> None:
        """A cascade pass starts on ``tree`` (a fresh, untouched parse)."""
        self._index = element_index(tree.root) if tree.root is not None else {}
        self._pass = {"name": name, "drops": {}, "candidates": [], "notes": [],
                      "winner": [], "found": False}
        self.passes.append(self._pass)
        self._started = time.perf_counter()

    def index(self, node: Any) -> int:
        """The document-order index of a node of the current pass (-1 if unknown)."""
        return self._index.get(node.mem_id, -1)

    def drop(self, node: Any, rule: str, **scores: Any) -> None:
        """``node`` (with its subtree) is removed by ``rule`` in the current pass."""
        if self._pass is None:
            return
        at = self.index(node)
        if at >= 0 and at not in self._pass["drops"]:
            self._pass["drops"][at] = {"rule": rule, "scores": scores}

    def candidates(self, ranked: list[Any]) -> None:
        """The ranked candidates of the current pass (``measure.Candidate`` objects)."""
        if self._pass is None:
            return
        self._pass["candidates"] = [
            {"element": self.index(c.node), "tag": c.node.tag, "label": _label(c.node),
             "score": round(c.score, 2), "chars": c.length, "link_density": round(c.density, 3)}
            for c in ranked]

    def winner(self, nodes: list[Any], top: Any, notes: list[str]) -> None:
        """The current pass keeps ``nodes`` (``top`` is the picked candidate)."""
        if self._pass is None:
            return
        self._pass["winner"] = [self.index(n) for n in nodes]
        self._pass["top"] = {"element": self.index(top.node), "tag": top.node.tag,
                             "label": _label(top.node), "score": round(top.score, 2)}
        self._pass["notes"] = list(notes)

    def end_pass(self, **facts: Any) -> None:
        """The current pass is judged: ``facts`` says what was measured and why it was or
        was not accepted."""
        if self._pass is None:
            return
        self._pass.update(facts)
        self._pass["seconds"] = round(time.perf_counter() - self._started, 6)

    # ------------------------------------------------------------------ after building

    def drop_block(self, text: str, rule: str, field: str | None = None) -> None:
        """A built block is dropped by ``rule`` (or moved to the metadata ``field``)."""
        self.block_drops.append({"text": text, "rule": rule, "field": field})

    # ------------------------------------------------------------------ text dumps

    def line(self, index: int, text: str, cls: str, rule: str, **scores: Any) -> None:
        """Line ``index`` of a text dump is classed ``cls`` by ``rule``."""
        self.lines.append({"index": index, "text": text, "class": cls, "rule": rule,
                           "scores": scores})


def _label(node: Any) -> str:
    attrs = node.attributes
    parts = []
    if attrs.get("id"):
        parts.append("#" + attrs["id"])
    if attrs.get("class"):
        parts.append("." + ".".join(attrs["class"].split()))
    return "".join(parts)[:120]
