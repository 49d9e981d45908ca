"""The plugin API keeps the promises its docs make, proved with installed throwaway plugins:
filters, silent mistakes, tracebacks, returned values and API additions (name clashes are
:mod:`test_plugin_clashes`'s). ``@promise(page, quote)`` names the doc sentence a test proves.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from convert.article import Article, Meta, Paragraph, Text
from convert.jsonio import dumps
from plugin_site import (MINIMAL, _transform, assert_promises_in_docs, decruft, err_lines,
                         install, promise)
from plugin_site import site  # noqa: F401  (the fixture the tests take)


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
    assert_promises_in_docs(__name__, at_least=11)


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
