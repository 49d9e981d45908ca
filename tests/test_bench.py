"""Smoke test of the extraction benchmark on a two-page corpus made here (the shared corpus
is not needed; the scorer is: ``../shared/bench/score.py`` or ``$DECRUFT_SCORE_PY``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bench import run

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def test_benchmark_prints_one_table_with_metadata(tmp_path):
    if not run.SCORE_PY.exists():
        pytest.skip(f"scorer not found: {run.SCORE_PY}")
    for name in ("meta_jsonld", "structure"):
        html = (FIXTURES / f"{name}.html").read_text(encoding="utf-8")
        (tmp_path / f"{name}.html").write_text(html, encoding="utf-8")
        (tmp_path / f"{name}.json").write_text(json.dumps(
            {"id": name, "gold_text": "a gold text that the page does not hold",
             "title": "No such title"}), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "tests.bench.run", str(tmp_path),
                           "--peers", "none"], capture_output=True, text=True, timeout=120,
                          cwd=run.REPO)
    assert proc.returncode == 0, proc.stderr
    rows = [line for line in proc.stdout.splitlines() if line.startswith(f"| {tmp_path.name}")]
    assert len(rows) == 1 and "| decruft " in rows[0]
    cells = [c.strip() for c in rows[0].strip("|").split("|")]
    assert cells[2] == "2"                      # pages
    assert float(cells[6]) < 0.5                # F1 against a gold the pages do not hold
    assert cells[10] == "0.000"                 # title exact: "No such title" is never right
