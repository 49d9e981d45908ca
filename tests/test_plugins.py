"""Plugin discovery through the ``decruft`` entry-point group, and its failure modes.

Throwaway plugins are "installed" the way pip installs them: a module plus a ``.dist-info``
folder with ``entry_points.txt`` on the path, found by importlib.metadata.
"""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest

from convert import plugins
from cliutil import run_cli

BUILTIN_FORMATS = {"md", "docx", "epub", "json", "txt"}


def install_plugin(site: Path, dist: str, modules: dict[str, str], entry_points: dict[str, str]):
    """Write modules and a dist-info folder into ``site`` (a fake site-packages)."""
    site.mkdir(parents=True, exist_ok=True)
    for name, code in modules.items():
        (site / f"{name}.py").write_text(textwrap.dedent(code), encoding="utf-8")
    # Wheel-style folder name: the project name normalised to underscores (importlib.metadata
    # takes the name up to the first "-" as the distribution's identity).
    info = site / f"{dist.replace('-', '_')}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1\n")
    eps = "\n".join(f"{k} = {v}" for k, v in entry_points.items())
    (info / "entry_points.txt").write_text(f"[decruft]\n{eps}\n")


@pytest.fixture
def site(tmp_path, monkeypatch):
    path = tmp_path / "site"
    path.mkdir()
    monkeypatch.syspath_prepend(str(path))
    plugins.reset()
    yield path
    plugins.reset()
    for name in [m for m in sys.modules if m.startswith("throwaway_")]:
        del sys.modules[name]


SHOUT = """
    from convert import hookimpl
    from convert.textutil import article_text

    def render(article, options):
        return article_text(article).upper().encode()

    @hookimpl
    def register_formats(registry):
        registry.add("shout", render, extensions=["shout"], media_type="text/plain",
                     description="upper-case text")
"""


def test_builtin_formats_come_from_entry_points():
    plugins.reset()
    names = {f.name: f.plugin for f in plugins.formats()}
    assert BUILTIN_FORMATS <= set(names)
    infos = {i.name: i for i in plugins.plugin_infos()}
    for fmt in BUILTIN_FORMATS:
        info = infos[names[fmt]]
        assert info.module.startswith("convert_plugins."), info
        assert info.distribution == "decruft" and info.builtin


def test_formats_json_lists_builtins():
    out = run_cli("formats", "--json")
    assert out.returncode == 0, out.stderr
    rows = {r["name"]: r for r in json.loads(out.stdout)}
    assert BUILTIN_FORMATS <= set(rows)
    assert rows["md"]["extensions"][0] == "md" and rows["docx"]["binary"] is True
    assert all(rows[f]["plugin"] for f in BUILTIN_FORMATS)


def test_heavy_writers_are_not_imported_until_used():
    code = ("import sys; from convert import plugins; plugins.formats(); "
            "print([m for m in ('docx', 'ebooklib', 'markdownify') if m in sys.modules])")
    import subprocess
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_throwaway_plugin_adds_a_usable_format(site, tmp_path):
    install_plugin(site, "throwaway-shout", {"throwaway_shout": SHOUT},
                   {"shout": "throwaway_shout"})
    assert "shout" in plugins.formats()
    page = tmp_path / "a.json"
    out = run_cli("convert", str(Path(__file__).parent / "fixtures" / "articles" /
                                  "minimal.json"), "-t", "shout",
                  env={"PYTHONPATH": str(site)})
    assert out.returncode == 0, out.stderr
    assert out.stdout.decode().strip() == "HELLO, PLUGINS."
    del page


def test_broken_plugin_is_a_warning_and_others_work(site):
    install_plugin(site, "throwaway-broken", {"throwaway_broken": "raise ImportError('nope')"},
                   {"broken": "throwaway_broken"})
    install_plugin(site, "throwaway-shout", {"throwaway_shout": SHOUT},
                   {"shout": "throwaway_shout"})
    assert {"shout", "md", "json"} <= set(plugins.formats().names())
    assert any("'broken' failed to load" in m and "nope" in m for m in plugins.load_failures())
    out = run_cli("formats", env={"PYTHONPATH": str(site)})
    assert out.returncode == 0
    assert b"warning: plugin 'broken' failed to load" in out.stderr
    assert b"shout" in out.stdout


def test_duplicate_format_name_is_an_error_not_an_override(site):
    install_plugin(site, "throwaway-dup", {"throwaway_dup": """
        from convert import hookimpl

        @hookimpl
        def register_formats(registry):
            registry.add("md", lambda a, o: b"hijacked", extensions=["md"])
    """}, {"dup": "throwaway_dup"})
    md = plugins.formats().get("md")
    assert md.plugin == "markdown"
    assert any("'md' registered twice" in m and "'dup'" in m for m in plugins.load_failures())


def test_no_plugins_switch_keeps_builtins_only(site, monkeypatch):
    install_plugin(site, "throwaway-shout", {"throwaway_shout": SHOUT},
                   {"shout": "throwaway_shout"})
    monkeypatch.setenv("DECRUFT_NO_PLUGINS", "1")
    plugins.reset()
    names = set(plugins.formats().names())
    assert "shout" not in names and BUILTIN_FORMATS <= names


def test_block_one_plugin(site, monkeypatch):
    install_plugin(site, "throwaway-shout", {"throwaway_shout": SHOUT},
                   {"shout": "throwaway_shout"})
    monkeypatch.setenv("DECRUFT_BLOCK_PLUGINS", "shout")
    plugins.reset()
    assert "shout" not in plugins.formats()


def test_transform_hook_runs_by_name(site):
    install_plugin(site, "throwaway-tr", {"throwaway_tr": """
        import dataclasses
        from convert import hookimpl

        def retitle(article):
            return dataclasses.replace(article, meta=dataclasses.replace(article.meta,
                                                                          title="Retitled"))

        @hookimpl
        def register_transforms(registry):
            registry.add("retitle", retitle, description="sets the title")
    """}, {"tr": "throwaway_tr"})
    from convert import api
    from convert.article import Article, Meta
    assert api.apply_filters(Article(Meta(title="x"), ()), ["retitle"]).meta.title == "Retitled"


def test_plugin_raising_in_render_names_the_plugin(site):
    install_plugin(site, "throwaway-bad", {"throwaway_bad": """
        from convert import hookimpl

        def render(article, options):
            raise ValueError("kaput")

        @hookimpl
        def register_formats(registry):
            registry.add("bad", render, extensions=["bad"])
    """}, {"bad": "throwaway_bad"})
    fixture = Path(__file__).parent / "fixtures" / "articles" / "minimal.json"
    out = run_cli("convert", str(fixture), "-t", "bad", env={"PYTHONPATH": str(site)})
    assert out.returncode == 1
    err = out.stderr.decode()
    assert "plugin 'bad' failed in render of 'bad': ValueError: kaput" in err
    assert "Traceback" not in err and out.stdout == b""


def test_nothing_named_plugins_is_importable(tmp_path):
    """The built-ins live in plugins/convert_plugins/, but `plugins` itself must not become a
    top-level package (it would shadow any other project's `plugins`)."""
    import subprocess

    out = subprocess.run([sys.executable, "-c", "import importlib.util as u; "
                          "print(u.find_spec('plugins') is None, "
                          "u.find_spec('convert_plugins') is not None)"],
                         capture_output=True, text=True, cwd=tmp_path, check=True)
    assert out.stdout.split() == ["True", "True"]


def test_lazy_format_table_matches_what_the_modules_register():
    import importlib

    from convert.formats import FormatRegistry
    from convert_plugins import LAZY_FORMATS

    for module, declared in LAZY_FORMATS.items():
        registry = FormatRegistry()
        importlib.import_module(module).register_formats(registry)
        assert {f.name: f.extensions for f in registry} == declared, module


def test_one_format_loads_only_its_writer():
    code = ("import json, sys, convert; "
            "a = convert.parse(sys.argv[1]); convert.render(a, 'txt'); "
            "print(json.dumps([m for m in sys.modules if m.startswith('convert_plugins.')]))")
    import subprocess
    page = Path(__file__).parent.parent / "examples" / "field-notes.html"
    out = subprocess.run([sys.executable, "-c", code, str(page)], capture_output=True,
                         text=True, check=True)
    loaded = set(json.loads(out.stdout))
    assert "convert_plugins.text" in loaded
    assert not loaded & {"convert_plugins.markdown", "convert_plugins.docx",
                         "convert_plugins.epub", "convert_plugins.jsonfmt",
                         "convert_plugins.pdf", "convert_plugins.pandoc"}, loaded
