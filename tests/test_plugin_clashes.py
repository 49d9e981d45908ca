"""Two plugins claiming one name: never a silent override (proved with installed throwaway
plugins; ``@promise(page, quote)`` names the doc sentence a test proves)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from plugin_site import (MINIMAL, _transform, assert_promises_in_docs, decruft, err_lines,
                         install, promise)
from plugin_site import site  # noqa: F401  (the fixture the tests take)


# --------------------------------------------------------------------------- name clashes

@promise("plugins.md", "A duplicate name is never a silent override: the message names both "
                       "plugins.")
def test_transform_claimed_by_two_plugins_is_an_error_naming_both(site: Path):
    install(site, "alpha", _transform("retitle", "by alpha"))
    install(site, "beta", _transform("retitle", "by beta"))
    proc = decruft(site, "convert", str(MINIMAL), "-t", "json", "--filter", "retitle")
    assert proc.returncode == 1 and proc.stdout == b""
    lines = err_lines(proc)
    assert ("decruft: warning: transform 'retitle' registered twice: by 'alpha' and by 'beta'; "
            "using it is an error until one of them is uninstalled or blocked "
            "(DECRUFT_BLOCK_PLUGINS)") in lines
    assert (f"decruft: {MINIMAL}: transform 'retitle' is registered by two plugins, 'alpha' "
            "and 'beta': block one with DECRUFT_BLOCK_PLUGINS") in lines
    fixed = decruft(site, "convert", str(MINIMAL), "-t", "json", "--filter", "retitle",
                    env={"DECRUFT_BLOCK_PLUGINS": "alpha"})
    assert json.loads(fixed.stdout)["meta"]["title"] == "by beta"


def test_reader_claimed_by_two_plugins_is_an_error_naming_both(site: Path, tmp_path: Path):
    reader = """
        from convert import hookimpl, Article, Meta

        @hookimpl
        def register_readers(registry):
            registry.add("note", lambda data, ctx: Article(Meta(title="{0}"), ()),
                         sniff=lambda data, ctx: data.startswith(b"NOTE"))
    """
    install(site, "alpha", reader.replace("{0}", "alpha"))
    install(site, "beta", reader.replace("{0}", "beta"))
    page = tmp_path / "a.note"
    page.write_bytes(b"NOTE\nsome words of a note\n")
    proc = decruft(site, "convert", str(page), "-t", "json")
    assert proc.returncode == 1 and proc.stdout == b""  # not the text parser's garbage
    assert "reader 'note' is registered by two plugins, 'alpha' and 'beta'" in err_lines(proc)[-1]


def test_two_plugins_with_one_entry_point_name_are_reported(site: Path):
    install(site, "alpha", _transform("retitle", "first"))
    (site / "throwaway_other.py").write_text(textwrap.dedent(_transform("other", "second")))
    info = site / "throwaway_other-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: throwaway-other\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[decruft]\nalpha = throwaway_other\n")
    proc = decruft(site, "plugins")
    assert err_lines(proc) == [
        "decruft: warning: plugin 'alpha' of throwaway-other not loaded: the plugin 'alpha' of "
        "throwaway-alpha has the same name (plugin names are entry-point names)"]


def test_builtin_name_stays_the_builtins(site: Path):
    install(site, "alpha", """
        from convert import hookimpl, Article, Meta

        @hookimpl
        def register_readers(registry):
            registry.add("json", lambda data, ctx: Article(Meta(title="hijacked"), ()))
    """)
    proc = decruft(site, "convert", str(MINIMAL), "-f", "json", "-t", "json")
    assert json.loads(proc.stdout)["meta"]["title"] == "Minimal"
    assert ("decruft: warning: reader 'json' registered twice: by 'readers' and by 'alpha'; "
            "the built-in one is kept") in err_lines(proc)


@promise("plugin-hooks.md", "A plugin command named like a core command (or like another "
                            "plugin's) is refused with a warning naming the plugin")
def test_plugin_command_cannot_shadow_a_core_command(site: Path):
    install(site, "alpha", """
        from convert import hookimpl

        @hookimpl
        def register_commands(cli):
            @cli.command()
            def convert(path: str) -> None:
                print("hijacked")

            @cli.command()
            def wordcount(path: str) -> None:
                print("counted", path)
    """)
    proc = decruft(site, "convert", str(MINIMAL), "-t", "txt")
    assert proc.returncode == 0 and b"hijacked" not in proc.stdout
    assert b"Hello, plugins." in proc.stdout
    assert ("decruft: warning: plugin 'alpha' tried to add a command 'convert', which already "
            "exists; ignored") in err_lines(proc)
    assert decruft(site, "wordcount", "x").stdout == b"counted x\n"


@promise("plugin-hooks.md", "An extension claimed by two formats is a warning naming both; "
                            "the first claim keeps it.")
def test_extension_claimed_twice_is_a_warning_naming_both(site: Path, tmp_path: Path):
    fmt = """
        from convert import hookimpl

        @hookimpl
        def register_formats(registry):
            registry.add("{0}", lambda a, o: b"{0}", extensions=["org"])
    """
    install(site, "alpha", fmt.replace("{0}", "org"))
    install(site, "beta", fmt.replace("{0}", "orgmode"))
    out = tmp_path / "x.org"
    proc = decruft(site, "convert", str(MINIMAL), "-o", str(out))
    assert proc.returncode == 0 and out.read_bytes() == b"org"
    assert ("decruft: warning: extension '.org' claimed by format 'org' (plugin 'alpha') and by "
            "format 'orgmode' (plugin 'beta'); '.org' means 'org'") in err_lines(proc)


@promise("plugin-hooks.md", "A sniffer that raises is reported once and its reader is skipped")
def test_raising_sniffer_is_reported_once_and_skipped(site: Path, tmp_path: Path):
    install(site, "alpha", """
        from convert import hookimpl, Article, Meta

        def sniff(data, ctx):
            raise KeyError("oops")

        @hookimpl
        def register_readers(registry):
            registry.add("note", lambda data, ctx: Article(Meta(title="note"), ()), sniff=sniff)
    """)
    pages = []
    for name in "abc":
        page = tmp_path / f"{name}.json"
        page.write_text(MINIMAL.read_text())
        pages.append(str(page))
    proc = decruft(site, "convert", *pages, "-t", "json", "-d", str(tmp_path / "out"), "-q")
    assert proc.returncode == 0, proc.stderr
    assert err_lines(proc) == ["decruft: warning: plugin 'alpha' failed in sniff of reader "
                               "'note': KeyError: 'oops'"]
    out = json.loads((tmp_path / "out" / "a.json").read_text())
    assert out["meta"]["title"] == "Minimal"


def test_every_cited_promise_is_in_the_docs():
    assert_promises_in_docs(__name__, at_least=4)


def test_builtin_format_names_stay_the_builtins_after_every_plugin_is_loaded(site: Path):
    # 'decruft plugins' imports the lazy built-in formats last: a plugin registering 'md'
    # and '.txt' took both there ("using it is an error", "'.txt' means 'evil'"), and so did
    # the library after convert.plugins.plugin_infos()
    install(site, "alpha", """
        from convert import hookimpl

        @hookimpl
        def register_formats(registry):
            registry.add("md", lambda a, o: b"HIJACK", extensions=[".md"])
            registry.add("evil", lambda a, o: b"EVIL", extensions=[".txt"])
    """)
    proc = decruft(site, "plugins")
    lines = err_lines(proc)
    assert ("decruft: warning: format 'md' registered twice: by 'markdown' and by 'alpha'; "
            "the built-in one is kept") in lines
    assert ("decruft: warning: extension '.txt' claimed by format 'txt' (plugin 'txt') and by "
            "format 'evil' (plugin 'alpha'); '.txt' means 'txt'") in lines
    assert not any("using it is an error" in line for line in lines)
    # the library: plugin_infos() (what 'decruft plugins' lists) loads every plugin first
    script = ("import convert, convert.plugins as p; p.plugin_infos(); "
              "a = convert.parse(b'<p>' + b'Some words of a page. ' * 20 + b'</p>'); "
              "print(convert.render(a, 'md')[:10])")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120,
                         cwd=Path(__file__).resolve().parents[1],
                         env={**os.environ, "PYTHONPATH": str(site)})
    assert out.returncode == 0, out.stderr
    assert b"Some words" in out.stdout and b"HIJACK" not in out.stdout
