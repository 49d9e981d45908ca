"""Named extraction rules, and switching them off by name (rule ablation).

Every rule or threshold test of the extractor that the benchmark should be able to judge is
declared once, where it lives, with :func:`rule`::

    TWIN_CAPTIONS = rule("twin_captions", "a gallery's truncated '…more' caption twin is dropped")
    ...
    if TWIN_CAPTIONS and ...:

:func:`rule` returns whether the rule is on in this process, so a switched-on rule costs one
module-constant test and nothing more. The environment variable ``DECRUFT_ABLATE`` (comma-
separated rule names, read once at import) switches rules off; unknown names are ignored. The
benchmark (``python -m tests.bench.run --ablate NAME`` / ``--ablation-report all``, see
``tests/bench/ablation.py``) sets it for decruft's worker only, and reads :data:`RULES` to know
every rule there is. The same names are the ones ``--debug`` logs and ``decruft inspect`` shows.
"""

from __future__ import annotations

import os

__all__ = ["rule", "OFF", "RULES"]

#: Rule names switched off in this process (``DECRUFT_ABLATE``).
OFF: frozenset[str] = frozenset(
    name.strip() for name in os.environ.get("DECRUFT_ABLATE", "").split(",") if name.strip())

#: name → one-line reason, in declaration order; filled as the extractor's modules import.
_DECLARED: dict[str, str] = {}


def rule(name: str, doc: str) -> bool:
    """Declare the rule ``name`` (why it exists: ``doc``); return whether it is on."""
    if name in _DECLARED and _DECLARED[name] != doc:
        raise ValueError(f"extraction rule {name!r} declared twice")
    _DECLARED[name] = doc
    return name not in OFF


def __getattr__(attr: str):
    # RULES is complete only once both pipelines and every profile are imported (the text
    # package and the profiles import their modules lazily, when a page needs them); import
    # them on first use so that a caller never sees half the list.
    if attr == "RULES":
        from importlib import import_module
        import_module(f"{__package__}.text.pipeline")
        import_module(f"{__package__}.html.profiles").load_all()
        return dict(_DECLARED)
    raise AttributeError(attr)
