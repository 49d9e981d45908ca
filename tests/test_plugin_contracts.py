"""The plugin API keeps the promises its docs make, proved with installed throwaway plugins.

Each test that proves a sentence of the plugin docs says which, with ``@promise(page, quote)``;
:func:`test_every_cited_promise_is_in_the_docs` fails when a quoted sentence is no longer in
its page, so a test and the doc line it backs cannot drift apart.
"""

from __future__ import annotations

import json
import re
import sys
import textwrap
from pathlib import Path
from typing import Callable

import pytest

from cliutil import run_cli
from convert import plugins
from convert.article import Article, Meta, Paragraph, Text
from convert.jsonio import dumps

REPO = Path(__file__).resolve().parent.parent
MINIMAL = REPO / "tests" / "fixtures" / "articles" / "minimal.json"
PROMISES: list[tuple[str, str, str]] = []


def promise(page: str, quote: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Mark a test as the proof of ``quote`` in ``docs/page``."""
    def mark(test: Callable[..., None]) -> Callable[..., None]:
        PROMISES.append((page, quote, test.__name__))
        return test
    return mark


def _flat(text: str) -> str:
    return " ".join(text.replace("`", "").replace("**", "").split())


def install(site: Path, entry: str, source: str) -> None:
    """One throwaway plugin, installed as pip leaves it: a module plus a dist-info folder."""
    module = f"throwaway_{entry}"
    (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = site / f"throwaway_{entry}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: throwaway-{entry}\n"
                                   "Version: 0.1\n")
    (info / "entry_points.txt").write_text(f"[decruft]\n{entry} = {module}\n")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "site"
    path.mkdir()
    monkeypatch.syspath_prepend(str(path))
    for var in ("DECRUFT_NO_PLUGINS", "DECRUFT_BLOCK_PLUGINS", "DECRUFT_DEBUG"):
        monkeypatch.delenv(var, raising=False)
    plugins.reset()
    yield path
    plugins.reset()
    for name in [m for m in sys.modules if m.startswith("throwaway_")]:
        del sys.modules[name]


def decruft(site: Path, *args: str, env: dict[str, str] | None = None):
    return run_cli(*args, env={"PYTHONPATH": str(site), **(env or {})})


def err_lines(proc) -> list[str]:
    return proc.stderr.decode().splitlines()


def _transform(name: str, title: str) -> str:
    return f"""
        import dataclasses
        from convert import hookimpl

        @hookimpl
        def register_transforms(registry):
            registry.add("{name}", lambda a: dataclasses.replace(
                a, meta=dataclasses.replace(a.meta, title="{title}")))
    """


# --------------------------------------------------------------------------- external filters

def _long_article(path: Path) -> Path:
    words = " ".join(f"word{i}" for i in range(40_000))  # ~300 kB: far above a pipe buffer
    path.write_text(dumps(Article(Meta(title="Long"), (Paragraph((Text(words),)),))))
    return path


@promise("plugins.md", "In a batch, only that page fails; the others are written, and the "
                       "exit code is 1.")
def test_filter_that_reads_nothing_fails_its_pages_not_decruft(site: Path, tmp_path: Path):
    """Before, decruft died of SIGPIPE (status 141, no message) and the batch stopped."""
    pages = [_long_article(tmp_path / "a.json"), _long_article(tmp_path / "b.json")]
    proc = decruft(site, "convert", *map(str, pages), "-t", "json", "-d", str(tmp_path / "out"),
                   "--filter", "true")
    assert proc.returncode == 1
    assert err_lines(proc) == [
        *(f"decruft: {p}: filter 'true' printed nothing (it must print the article JSON)"
          for p in pages),
        "decruft: 0 converted, 2 failed"]


def test_filter_that_ignores_its_input_still_works(site: Path, tmp_path: Path):
    proc = decruft(site, "convert", str(_long_article(tmp_path / "a.json")), "-t", "json",
                   "--filter", f"cat {MINIMAL}")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["meta"]["title"] == "Minimal"


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


# --------------------------------------------------------------------------- silent mistakes

@promise("plugin-tutorial.md", "a hook whose name is misspelt, or a function without "
                               "@hookimpl, is a warning")
def test_misspelt_hook_is_a_warning(site: Path):
    install(site, "alpha", """
        from convert import hookimpl

        @hookimpl
        def register_format(registry):
            registry.add("alpha", lambda a, o: b"", extensions=["alpha"])
    """)
    install(site, "beta", """
        def register_formats(registry):
            registry.add("beta", lambda a, o: b"", extensions=["beta"])
    """)
    install(site, "gamma", "VALUE = 1\n")
    proc = decruft(site, "plugins")
    assert proc.returncode == 0
    lines = err_lines(proc)
    assert ("decruft: warning: plugin 'alpha': 'register_format' is not a decruft hook (did you "
            "mean 'register_formats'?); it is never called") in lines
    assert ("decruft: warning: plugin 'beta': function 'register_formats' has no @hookimpl "
            "decorator; it is never called") in lines
    assert ("decruft: warning: plugin 'gamma' implements no decruft hook (no function decorated "
            "with @convert.hookimpl)") in lines
    assert len(lines) == 3


@promise("plugins.md", "DECRUFT_BLOCK_PLUGINS=name,other | Do not load the plugins with these "
                       "entry-point names (as decruft plugins shows them); a name that no "
                       "installed plugin has is a warning.")
def test_misspelt_blocked_name_is_a_warning(site: Path):
    install(site, "alpha", _transform("retitle", "x"))
    proc = decruft(site, "plugins", env={"DECRUFT_BLOCK_PLUGINS": "alpah"})
    [line] = err_lines(proc)
    assert line.startswith("decruft: warning: DECRUFT_BLOCK_PLUGINS names 'alpah', which no "
                           "installed plugin is called (plugins: alpha, ")
    assert "alpha " in proc.stdout.decode()


@promise("plugins.md", "A plugin whose hook takes an argument the hook does not have is "
                       "skipped with one warning line naming the hook and the argument")
def test_wrong_hook_argument_is_one_line(site: Path):
    install(site, "alpha", """
        from convert import hookimpl

        @hookimpl
        def register_formats(registy):
            pass
    """)
    proc = decruft(site, "formats")
    assert err_lines(proc) == [
        "decruft: warning: plugin 'alpha' rejected: register_formats(registy): argument(s) "
        "{'registy'} are not arguments of the hook (it takes: registry)"]


# --------------------------------------------------------------------------- tracebacks

@promise("plugins.md", "A plugin command that raises prints one line naming the plugin, exit "
                       "status 1; DECRUFT_DEBUG=1 adds the traceback.")
def test_plugin_command_raising_is_one_line(site: Path):
    install(site, "alpha", """
        from convert import hookimpl

        @hookimpl
        def register_commands(cli):
            @cli.command()
            def wordcount(path: str) -> None:
                raise ZeroDivisionError("no words")
    """)
    proc = decruft(site, "wordcount", "x")
    assert proc.returncode == 1
    assert err_lines(proc) == ["decruft: plugin 'alpha' failed in command 'wordcount': "
                               "ZeroDivisionError: no words"]
    debug = decruft(site, "wordcount", "x", env={"DECRUFT_DEBUG": "1"})
    assert debug.returncode == 1
    text = debug.stderr.decode()
    assert "Traceback (most recent call last)" in text and 'raise ZeroDivisionError' in text


@promise("plugins.md", "fails that input with one line naming the plugin, never a traceback "
                       "(--debug shows it)")
def test_debug_shows_the_traceback_of_a_failing_render(site: Path):
    install(site, "alpha", """
        from convert import hookimpl

        def render(article, options):
            return {}["missing"]

        @hookimpl
        def register_formats(registry):
            registry.add("bad", render, extensions=["bad"])
    """)
    plain = decruft(site, "convert", str(MINIMAL), "-t", "bad")
    assert err_lines(plain) == [f"decruft: {MINIMAL}: plugin 'alpha' failed in render of 'bad': "
                                "KeyError: 'missing'"]
    debug = decruft(site, "convert", str(MINIMAL), "-t", "bad", "--debug")
    text = debug.stderr.decode()
    assert debug.returncode == 1
    assert "Traceback (most recent call last)" in text and 'return {}["missing"]' in text


# --------------------------------------------------------------------------- returned values

@promise("plugin-hooks.md", "Lists where the AST has tuples are turned into tuples")
def test_reader_returning_lists_is_normalised(site: Path, tmp_path: Path):
    install(site, "alpha", """
        from convert import hookimpl, Article, Meta
        from convert.article import Paragraph, Text

        def parse(data, ctx):
            return Article(Meta(title="Listy", authors=["Ada"]),
                           [Paragraph([Text(data.decode().strip())])])

        @hookimpl
        def register_readers(registry):
            registry.add("listy", parse)
    """)
    page = tmp_path / "a.txt"
    page.write_text("a note\n")
    doc = json.loads(decruft(site, "convert", str(page), "-f", "listy", "-t", "json").stdout)
    assert doc["meta"]["authors"] == ["Ada"]
    assert doc["blocks"] == [{"type": "paragraph", "children": [{"type": "text",
                                                                  "text": "a note"}]}]


@promise("plugin-hooks.md", "render(article, options) returns the output as bytes; a str is "
                            "refused, naming the plugin")
def test_render_returning_str_is_refused(site: Path):
    install(site, "alpha", """
        from convert import hookimpl

        @hookimpl
        def register_formats(registry):
            registry.add("org", lambda a, o: "* " + a.meta.title, extensions=["org"])
    """)
    proc = decruft(site, "convert", str(MINIMAL), "-t", "org")
    assert proc.returncode == 1 and proc.stdout == b""
    assert err_lines(proc) == [f"decruft: {MINIMAL}: plugin 'alpha': render of 'org' returned "
                               "str, not bytes (encode the text, e.g. as UTF-8)"]


@promise("plugin-tutorial.md", "an article whose extra holds anything else is refused, naming "
                               "the plugin")
def test_list_in_meta_extra_is_refused_naming_the_plugin(site: Path):
    install(site, "alpha", """
        import dataclasses
        from convert import hookimpl

        def tag(article):
            extra = {**article.meta.extra, "tags": ["a", "b"]}
            return dataclasses.replace(article, meta=dataclasses.replace(article.meta,
                                                                         extra=extra))

        @hookimpl
        def register_transforms(registry):
            registry.add("tag", tag)
    """)
    proc = decruft(site, "convert", str(MINIMAL), "-t", "json", "--filter", "tag")
    assert proc.returncode == 1 and proc.stdout == b""
    assert err_lines(proc) == [f"decruft: {MINIMAL}: plugin 'alpha': filter 'tag' returned an "
                               "invalid article: meta.extra.tags: expected a JSON scalar"]


# --------------------------------------------------------------------------- API additions

NOTE_READER = """
    from convert import hookimpl, Article, Meta
    from convert.article import Paragraph, Text

    def parse(data, ctx):
        title, _, body = data.decode().partition("\\n")
        return Article(Meta(title=title), (Paragraph((Text(body.strip()),)),))

    @hookimpl
    def register_readers(registry):
        registry.add("note", parse, extensions=["note"], description="a .note file")
"""


@promise("plugin-hooks.md", "-r DIR picks up files with these extensions, and under "
                            "--from auto a file so named goes to this reader")
def test_reader_extensions_are_found_by_recursive_walk(site: Path, tmp_path: Path):
    install(site, "alpha", NOTE_READER)
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.note").write_text("Note title\nthe body of the note\n")
    (pages / "b.json").write_text(MINIMAL.read_text())  # not a default extension: not picked
    out = tmp_path / "out"
    proc = decruft(site, "convert", "-r", str(pages), "-t", "json", "-d", str(out))
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == ["a.json"]
    doc = json.loads((out / "a.json").read_text())
    assert doc["meta"]["title"] == "Note title"
    assert doc["blocks"][0]["children"][0]["text"] == "the body of the note"


@promise("plugins.md", "each plugin is followed by the formats, readers and transforms it adds, "
                       "with their descriptions")
def test_plugins_lists_descriptions(site: Path):
    install(site, "alpha", NOTE_READER)
    text = decruft(site, "plugins").stdout.decode()
    assert re.search(r"^alpha .*register_readers\n    reader +note  a \.note file$", text, re.M)
    rows = {r["name"]: r for r in json.loads(decruft(site, "plugins", "--json").stdout)}
    assert rows["alpha"]["provides"] == [{"kind": "reader", "name": "note",
                                          "description": "a .note file"}]
    assert {"kind": "format", "name": "md"} .items() <= rows["markdown"]["provides"][0].items()


@promise("plugin-hooks.md", "takes_options=True calls apply(article, options) with the -O "
                            "KEY=VALUE options")
def test_transform_receives_the_options(site: Path):
    install(site, "alpha", """
        import dataclasses
        from convert import hookimpl

        def stamp(article, options):
            extra = {**article.meta.extra, "stamp": options.get("stamp", "none")}
            return dataclasses.replace(article, meta=dataclasses.replace(article.meta,
                                                                         extra=extra))

        @hookimpl
        def register_transforms(registry):
            registry.add("stamp", stamp, takes_options=True)
    """)
    proc = decruft(site, "convert", str(MINIMAL), "-t", "json", "--filter", "stamp",
                   "-O", "stamp=yes")
    assert json.loads(proc.stdout)["meta"]["extra"] == {"stamp": "yes"}
    proc = decruft(site, "convert", str(MINIMAL), "-t", "json", "--filter", "stamp")
    assert json.loads(proc.stdout)["meta"]["extra"] == {"stamp": "none"}


# --------------------------------------------------------------------------- the docs say so

def test_every_cited_promise_is_in_the_docs():
    assert len(PROMISES) >= 15
    for page, quote, test in PROMISES:
        text = _flat((REPO / "docs" / page).read_text(encoding="utf-8"))
        assert _flat(quote) in text, f"{test} proves a sentence no longer in docs/{page}: {quote}"


def test_builtin_format_keeps_its_name_and_extension_though_loaded_on_demand(site: Path):
    # The Markdown writer is imported only when asked for; a plugin claiming its name or
    # extension must still lose to it, with the same warnings, whatever format is used.
    install(site, "alpha", """
        from convert import hookimpl

        @hookimpl
        def register_formats(registry):
            registry.add("md", lambda a, o: b"hijacked\\n", extensions=["mdx"])
            registry.add("mark", lambda a, o: b"mark\\n", extensions=["markdown"])
    """)
    for fmt in ("md", "txt"):
        proc = decruft(site, "convert", str(MINIMAL), "-t", fmt)
        assert proc.returncode == 0, proc.stderr
        assert b"hijacked" not in proc.stdout
        lines = err_lines(proc)
        assert ("decruft: warning: format 'md' registered twice: by 'markdown' and by "
                "'alpha'; the built-in one is kept") in lines, lines
        assert ("decruft: warning: extension '.markdown' claimed by format 'md' (plugin "
                "'markdown') and by format 'mark' (plugin 'alpha'); '.markdown' means "
                "'md'") in lines, lines
    assert decruft(site, "convert", str(MINIMAL), "-t", "markdown").stdout.startswith(b"# ")
