"""Load the sample plugins the way decruft loads an installed plugin, and run the real CLI.

``pip install -e`` per test session would be slow and needs the network for build
dependencies, so each example gets what an install leaves behind: a ``.dist-info`` folder
holding ``METADATA`` and an ``entry_points.txt`` copied from the example's own
``pyproject.toml``, in a folder put on ``PYTHONPATH`` together with the example's source.
``importlib.metadata`` then finds the entry points exactly as for a wheel install, and
``decruft`` runs in a subprocess, so every test gets a fresh plugin manager.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pytest

from convert.article import (Article, Figure, Heading, Image, Link, Meta, Paragraph, Source,
                             Text)
from convert.jsonio import dumps

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
SAMPLE_PLUGINS = ("decruft-reading-time", "decruft-reader-view", "decruft-hn-reader")
HN_SAMPLE = EXAMPLES / "decruft-hn-reader" / "sample" / "item.html"


def write_dist_info(site: Path, name: str, version: str, entry_points: dict[str, str]) -> None:
    """What installing a distribution leaves for ``importlib.metadata`` to find."""
    info = site / f"{name.replace('-', '_')}-{version}.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
    lines = "".join(f"{key} = {value}\n" for key, value in entry_points.items())
    (info / "entry_points.txt").write_text(f"[decruft]\n{lines}")


def install_example(site: Path, folder: str) -> Path:
    """Register one example from its pyproject.toml; returns its source folder."""
    root = EXAMPLES / folder
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    write_dist_info(site, project["name"], project["version"],
                    project["entry-points"]["decruft"])
    return root


def install_module(site: Path, dist: str, entry: str, source: str, module: str) -> None:
    """A throwaway plugin: one module plus its dist-info, under ``site``."""
    (site / f"{module}.py").write_text(textwrap.dedent(source))
    write_dist_info(site, dist, "0.0.1", {entry: module})


@dataclass
class Env:
    """A plugin environment: folders on PYTHONPATH and extra environment variables."""

    paths: list[Path]
    site: Path
    vars: dict[str, str] = field(default_factory=dict)

    def run(self, *args: str, input: bytes | None = None, cwd: Path | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        """Run ``decruft ARGS`` in a subprocess (``python -m convert`` is the console script)."""
        full = {k: v for k, v in os.environ.items() if not k.startswith("DECRUFT_")}
        full["PYTHONPATH"] = os.pathsep.join(str(p) for p in self.paths)
        full.update(self.vars)
        full.update(env or {})
        return subprocess.run(
            [sys.executable, "-m", "convert", *args],
            input=input if input is not None else b"", capture_output=True, cwd=cwd,
            env=full, timeout=120)

    def add_module(self, dist: str, entry: str, source: str, module: str) -> None:
        install_module(self.site, dist, entry, source, module)


def make_env(tmp_path: Path) -> Env:
    """The three sample plugins 'installed' for a subprocess run of decruft."""
    site = tmp_path / "site"
    site.mkdir()
    sources = [install_example(site, folder) for folder in SAMPLE_PLUGINS]
    return Env(paths=[site, *sources], site=site)


def add_sample_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the example modules importable in this process, for unit tests."""
    for folder in SAMPLE_PLUGINS:
        monkeypatch.syspath_prepend(str(EXAMPLES / folder))


def make_article(title: str = "A short article", words: Iterable[str] = (),
                 **meta: object) -> Article:
    """A small article with a lead figure, a heading and a link."""
    body = " ".join(words) or "One two three four five."
    return Article(
        meta=Meta(title=title, subtitle="The standfirst", authors=("Ada L", "Bo M"),
                  published="2024-05-01T10:00:00+02:00", language="en",
                  site_name="Example Times", section="Science", url="https://example.org/a",
                  lead_image=Figure(Image("https://example.org/lead.jpg", alt="A lead"),
                                    caption=(Text("The lead caption"),),
                                    credit=(Text("Photo: Jo K"),)),
                  source=Source("a.html", "html", "utf-8"), **meta),  # type: ignore[arg-type]
        blocks=(Paragraph((Text(body),)),
                Heading(2, (Text("More"),)),
                Paragraph((Text("See "), Link((Text("the source"),), "https://example.org/s"),
                           Text(".")))),
    )


def write_article(path: Path, article: Article) -> Path:
    path.write_text(dumps(article), encoding="utf-8")
    return path


def output_json(proc: subprocess.CompletedProcess) -> dict:
    assert proc.returncode == 0, proc.stderr.decode()
    return json.loads(proc.stdout)


def stderr_lines(proc: subprocess.CompletedProcess) -> list[str]:
    """stderr without the warnings about built-in formats still being written elsewhere."""
    return [line for line in proc.stderr.decode().splitlines()
            if "convert_plugins." not in line]
