"""convert.entrypoints finds the same entry points as importlib.metadata, in the same order,
with the same shadowing, without importing it."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points as std_entry_points
from pathlib import Path

import pytest

from convert import entrypoints


def _dist(site: Path, folder: str, name: str, version: str, eps: str | None) -> None:
    info = site / folder
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
                                   "Summary: x\n\nbody: not a header\n")
    if eps is not None:
        (info / "entry_points.txt").write_text(eps)


@pytest.fixture(autouse=True)
def standard_finders(monkeypatch):
    """Only the standard distribution finder, as in a plain install (a test run may have
    added others, e.g. a build tool's; with those, entry_points() asks importlib.metadata)."""
    import importlib.metadata
    from importlib.machinery import PathFinder

    if not hasattr(PathFinder, "find_distributions"):
        # The importlib_metadata backport (imported by dask, mkdocs ...) deletes the stdlib
        # PathFinder's hook and answers in its place; without its finder, put the hook back.
        monkeypatch.setattr(PathFinder, "find_distributions", staticmethod(
            importlib.metadata.MetadataPathFinder.find_distributions), raising=False)
    monkeypatch.setattr(sys, "meta_path", [
        f for f in sys.meta_path
        if getattr(f, "find_distributions", None) is None or f is PathFinder])


def test_an_extra_distribution_finder_falls_back_to_importlib_metadata(monkeypatch):
    class Finder:
        @staticmethod
        def find_distributions(*args, **kwargs):
            return iter(())

    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, Finder()])
    with pytest.raises(entrypoints._Unsupported):
        entrypoints._scan("decruft")
    assert _key(entrypoints.entry_points("decruft")) == _key(std_entry_points(group="decruft"))


def _key(eps):
    return [(e.name, e.value, e.group, e.dist.name if e.dist else None,
             e.dist.version if e.dist else None) for e in eps]


@pytest.fixture
def two_sites(tmp_path, monkeypatch):
    first, second = tmp_path / "first", tmp_path / "second"
    _dist(first, "alpha_plugin-1.0.dist-info", "alpha-plugin", "1.0",
          "# comment\n[console_scripts]\nalpha = alpha:main\n\n[decruft]\n"
          "alpha = alpha_mod\n  beta=alpha_mod:obj.attr [extra]  \n")
    _dist(first, "Shadow.Pkg-2.0.dist-info", "Shadow.Pkg", "2.0", "[decruft]\nshadow = new\n")
    _dist(first, "legacy-0.1.egg-info", "legacy", "0.1", "[decruft]\nlegacy = legacy_mod\n")
    _dist(first, "noeps-1.0.dist-info", "noeps", "1.0", None)
    # Shadowed by the first site's Shadow.Pkg (same normalised name): never listed.
    _dist(second, "shadow_pkg-1.0.dist-info", "shadow-pkg", "1.0", "[decruft]\nshadow = old\n")
    _dist(second, "gamma-3.dist-info", "gamma", "3", "[decruft]\ngamma = gamma_mod\n")
    (second / "not-a-dist.txt").write_text("x")
    monkeypatch.syspath_prepend(str(second))
    monkeypatch.syspath_prepend(str(first))
    return first, second


def test_same_entry_points_as_importlib_metadata(two_sites):
    ours = entrypoints._scan("decruft")
    assert _key(ours) == _key(std_entry_points(group="decruft"))
    assert ("shadow", "new", "decruft", "Shadow.Pkg", "2.0") in _key(ours)
    assert "old" not in {e.value for e in ours}
    assert _key(entrypoints._scan("console_scripts")) == _key(
        std_entry_points(group="console_scripts"))


def test_installed_distributions_match_too():
    for group in ("decruft", "console_scripts", "pytest11"):
        assert _key(entrypoints._scan(group)) == _key(std_entry_points(group=group))


def test_load_resolves_module_and_attribute():
    ep = entrypoints.EntryPoint("x", "os.path:join", "g", None)
    import os.path

    assert ep.load() is os.path.join
    assert entrypoints.EntryPoint("m", "json", "g", None).load().__name__ == "json"


def test_zip_on_the_path_falls_back_to_importlib_metadata(tmp_path, monkeypatch):
    import zipfile

    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("zipped-1.0.dist-info/METADATA", "Name: zipped\nVersion: 1.0\n")
        zf.writestr("zipped-1.0.dist-info/entry_points.txt", "[decruft]\nzipped = zipped_mod\n")
    monkeypatch.syspath_prepend(str(archive))
    with pytest.raises(entrypoints._Unsupported):
        entrypoints._scan("decruft")
    found = entrypoints.entry_points("decruft")
    assert ("zipped", "zipped_mod") in {(e.name, e.value) for e in found}


def test_plugin_loading_does_not_import_importlib_metadata():
    code = ("import sys\nfrom convert import plugins\nplugins.formats().get('txt')\n"
            "print('importlib.metadata' in sys.modules, 'email' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.split() == ["False", "False"]
