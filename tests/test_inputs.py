"""The input planner: command-line operands become jobs, in order, on real files and streams."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from cliutil import run_cli
from convert import inputs
from convert.batch import Settings, convert_one
from convert.errors import DecruftError, UsageError
from convert.inputs import Job, expand_inputs, plan

MINIMAL = Path(__file__).parent / "fixtures" / "articles" / "minimal.json"


@pytest.fixture
def tree(tmp_path):
    """A folder of pages: nested, with hidden entries and files of other kinds."""
    root = tmp_path / "site"
    for rel in ("b.html", "a.txt", "notes.pdf", "z/page.htm", "z/deep/old.html.gz",
                ".hidden.html", ".git/config.html", "m/crawl.warc.gz", "m/README"):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    return root


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def _locations(work) -> list[str | None]:
    return [job.location for job in work.jobs]


def test_recursive_folder_gives_its_pages_sorted_without_hidden_ones(tree):
    work = plan([str(tree)], recursive=True)
    assert [os.path.relpath(loc, tree) for loc in _locations(work)] == [
        "a.txt", "b.html", "m/crawl.warc.gz", "z/deep/old.html.gz", "z/page.htm"]
    assert work.has_archives


def test_recursive_folder_leaves_out_what_is_not_a_file(tmp_path):
    (tmp_path / "page.html").write_text("<p>x</p>")
    os.mkfifo(tmp_path / "stuck.html")  # opening it would wait for a writer for ever
    (tmp_path / "dir.html").mkdir()
    assert list(expand_inputs([str(tmp_path)], recursive=True)) == [str(tmp_path / "page.html")]


def test_folder_without_recursive_stays_one_failing_job(tree):
    work = plan([str(tree)])
    assert work.jobs == [Job(str(tree))]
    assert convert_one(work.jobs[0], Settings()).error == "is a directory"


def test_operands_keep_their_order_and_extensions_can_be_chosen(tree):
    work = plan([str(tree / "b.html"), str(tree / "z"), str(tree / "a.txt")], recursive=True,
                extensions=(".htm",))
    assert [Path(loc).name for loc in _locations(work)] == ["b.html", "page.htm", "a.txt"]


def test_files_from_lines_come_before_the_operands(tmp_path):
    listing = tmp_path / "list.txt"
    listing.write_bytes(b"one.html\r\n\n  \ntwo words.html\n")
    work = plan(["three.html"], files_from=str(listing))
    assert _locations(work) == ["one.html", "two words.html", "three.html"]


def test_files_from_nul_separated_keeps_newlines_in_names(tmp_path):
    listing = tmp_path / "list0"
    listing.write_bytes(b"odd\nname.html\0plain.html\0\0")
    assert _locations(plan([], files_from=str(listing), null=True)) == [
        "odd\nname.html", "plain.html"]


def test_files_from_on_stdin(monkeypatch):
    _stdin(monkeypatch, b"a.html\0b.html\0")
    work = plan([], files_from="-", null=True, stdin=True)
    assert _locations(work) == ["a.html", "b.html"]


def test_unreadable_list_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match=r"^.*missing\.txt: No such file or directory$"):
        plan([], files_from=str(tmp_path / "missing.txt"))


def test_empty_list_gives_no_jobs(tmp_path):
    listing = tmp_path / "empty.txt"
    listing.write_bytes(b"\n\n")
    assert plan([], files_from=str(listing), stdin=True).jobs == []


def test_stdin_is_read_for_dash_and_for_no_operand(monkeypatch):
    _stdin(monkeypatch, b"<p>page</p>")
    assert plan([], stdin=True).jobs == [Job(None, b"<p>page</p>")]
    _stdin(monkeypatch, b"text")
    work = plan(["a.html", "-"], stdin=True)
    assert work.jobs == [Job("a.html"), Job(None, b"text")]
    assert work.jobs[1].label == "<stdin>"


def test_a_folder_without_pages_is_no_jobs_not_stdin(monkeypatch, tmp_path):
    _stdin(monkeypatch, b"the next line of someone else's loop")
    assert plan([str(tmp_path)], recursive=True, stdin=True).jobs == []


def test_stdin_twice_is_a_usage_error(monkeypatch):
    _stdin(monkeypatch, b"a.html\n")
    with pytest.raises(UsageError, match=r"^standard input \('-'\) can be read only once$"):
        plan(["-", "-"], stdin=True)
    with pytest.raises(UsageError, match="^standard input cannot be both --files-from"):
        plan(["-"], files_from="-", stdin=True)


def test_stdin_from_a_terminal_is_a_usage_error(monkeypatch):
    main, secondary = os.openpty()
    try:
        with os.fdopen(secondary, "rb", closefd=False) as tty:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(tty))
            with pytest.raises(UsageError, match="standard input is a terminal"):
                plan([], stdin=True)
    finally:
        os.close(main)
        os.close(secondary)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_list_file_is_read_only_up_to_the_limit(monkeypatch):
    monkeypatch.setattr(inputs, "MAX_STDIN_BYTES", 10)
    with pytest.raises(UsageError, match=r"^/dev/zero: larger than 10 bytes$"):
        plan([], files_from="/dev/zero", stdin=True)


def test_stdin_over_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(inputs, "MAX_STDIN_BYTES", 10)
    _stdin(monkeypatch, b"x" * 11)
    with pytest.raises(DecruftError, match=r"^<stdin>: larger than 10 bytes$"):
        plan(["-"], stdin=True)


def test_without_stdin_dash_is_a_name_and_nothing_is_no_jobs():
    assert plan([]).jobs == []
    assert plan(["-"]).jobs == [Job("-")]


def test_urls_are_jobs_fetched_later_never_archives():
    work = plan(["https://example.com/a.warc.gz", "http://example.com/"])
    assert _locations(work) == ["https://example.com/a.warc.gz", "http://example.com/"]
    assert all(job.data is None and not job.is_archive for job in work.jobs)
    assert not work.has_archives


def test_archive_pages_are_read_lazily_and_the_reader_reported(tmp_path):
    pytest.importorskip("warcio")
    from test_warc import build_warc

    archive = tmp_path / "crawl.warc.gz"
    build_warc(archive)
    page = tmp_path / "page.html"
    work = plan([str(page), str(archive)])
    assert len(work.jobs) == 2 and work.has_archives
    pages = work.pages()
    assert next(pages) == Job(str(page))
    first = next(pages)
    assert (first.location, first.origin, first.kind) == (
        "https://example.com/a.html", str(archive), "html")
    assert work.readers == []  # the archive is not read to the end yet
    rest = list(pages)
    assert [j.location for j in rest] == ["https://example.com/b/",
                                          "https://example.com/c/index.html"]
    assert [r.pages for r in work.readers] == [3]


def test_unreadable_archive_is_one_failed_job(tmp_path):
    pytest.importorskip("warcio")
    fake = tmp_path / "fake.warc"
    fake.write_text("not an archive at all\n")
    jobs = list(plan([str(fake)]).pages())
    assert len(jobs) == 1 and jobs[0].location == str(fake)
    assert jobs[0].error == "not a WARC file (it does not start with a WARC/1.x record)"


def test_missing_files_are_one_line_errors_and_the_rest_converts(tmp_path):
    good = tmp_path / "good.json"
    good.write_bytes(MINIMAL.read_bytes())
    listing = tmp_path / "list.txt"
    listing.write_text(f"{tmp_path / 'gone.html'}\n{good}\n")
    out = run_cli("convert", "--files-from", str(listing), str(tmp_path / "nope.json"),
                  "-d", str(tmp_path / "out"), "-t", "txt")
    assert out.returncode == 1
    assert out.stderr.decode().splitlines() == [
        f"decruft: {tmp_path / 'gone.html'}: No such file or directory",
        f"decruft: {tmp_path / 'nope.json'}: No such file or directory",
        "decruft: 1 converted, 2 failed"]
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["good.txt"]
