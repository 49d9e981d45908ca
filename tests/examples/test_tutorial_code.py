"""The tests the plugin tutorial shows (``examples/decruft-reading-time/tests``) pass."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from .helpers import EXAMPLES


def test_the_tutorial_plugin_tests_pass(sample_modules: None, tmp_path: Path) -> None:
    path = EXAMPLES / "decruft-reading-time" / "tests" / "test_plugin.py"
    spec = importlib.util.spec_from_file_location("reading_time_plugin_tests", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.test_transform()
    module.test_through_the_cli(tmp_path)
