"""The plugin's own tests: the transform as a function, and the plugin through the CLI."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

from convert.article import Article, Meta, Paragraph, Text
from convert.jsonio import dumps

from decruft_reading_time import add_reading_time

PLUGIN_SOURCE = Path(__file__).parent.parent   # the folder holding decruft_reading_time.py


def test_transform() -> None:
    article = Article(Meta(extra={"kept": True}), (Paragraph((Text("one two three"),)),))
    out = add_reading_time(article)
    assert out.meta.extra == {"kept": True, "word_count": 3, "reading_time_minutes": 1}
    assert dataclasses.replace(out, meta=article.meta) == article


def test_through_the_cli(tmp_path: Path) -> None:
    info = tmp_path / "decruft_reading_time-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: decruft-reading-time\n"
                                   "Version: 0.1.0\n")
    (info / "entry_points.txt").write_text("[decruft]\nreading_time = decruft_reading_time\n")
    page = tmp_path / "a.json"
    page.write_text(dumps(Article(Meta(), (Paragraph((Text("one two three"),)),))))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(PLUGIN_SOURCE)])}
    proc = subprocess.run([sys.executable, "-m", "convert", "convert", str(page), "-t", "json",
                           "--filter", "reading-time"], capture_output=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["meta"]["extra"]["word_count"] == 3
