"""Fixtures for the sample-plugin tests; the machinery is in :mod:`.helpers`."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import Env, add_sample_modules, make_env


@pytest.fixture
def plugin_env(tmp_path: Path) -> Env:
    """The three sample plugins 'installed' for a subprocess run of decruft."""
    return make_env(tmp_path)


@pytest.fixture
def sample_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the example modules importable in this process, for unit tests."""
    add_sample_modules(monkeypatch)
