"""Atomic writes and safe output names."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from cliutil import run_cli

from convert.outputs import NamePlanner, OutputError, file_stem, input_stem, location_stem, \
    replaced_input, safe_stem, write_atomic


def test_write_atomic_replaces_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out.md"
    target.write_text("old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_symlink_target_is_replaced_not_followed(tmp_path):
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me")
    link = tmp_path / "out.md"
    link.symlink_to(precious)
    write_atomic(link, b"new")
    assert precious.read_text() == "keep me"
    assert not link.is_symlink() and link.read_bytes() == b"new"


def test_no_clobber_refuses_existing(tmp_path):
    target = tmp_path / "out.md"
    target.write_text("old")
    with pytest.raises(OutputError, match="no-clobber"):
        write_atomic(target, b"new", no_clobber=True)
    assert target.read_text() == "old"
    write_atomic(tmp_path / "fresh.md", b"x", no_clobber=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh.md", "out.md"]


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        write_atomic(tmp_path / "nope" / "out.md", b"x")


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder this user cannot write in: mode 0500, or, for root (whom modes do not stop),
    a read-only tmpfs mounted there."""
    import subprocess

    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o500)
        yield folder
        folder.chmod(0o700)
        return
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)],
                          capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"root, and cannot mount a read-only tmpfs: {made.stderr.decode()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def test_unwritable_folder_is_a_clear_error(read_only_folder):
    with pytest.raises(OutputError, match=r"out\.md: cannot write in .*ro: (Permission denied|"
                                          r"Read-only file system)$"):
        write_atomic(read_only_folder / "out.md", b"x")
    assert list(read_only_folder.iterdir()) == []


def test_a_file_where_the_folder_should_be_is_a_clear_error(tmp_path):
    from cliutil import run_cli

    (tmp_path / "out").write_text("a file")
    with pytest.raises(OutputError, match=r"out/a\.md: .*out is not a folder$"):
        write_atomic(tmp_path / "out" / "a.md", b"x")
    proc = run_cli("convert", str(_page(tmp_path)), "-o", str(tmp_path / "out" / "a.md"))
    assert proc.returncode == 1
    assert proc.stderr.decode() == f"decruft: {tmp_path}/out/a.md: {tmp_path}/out is not a folder\n"
    proc = run_cli("convert", str(_page(tmp_path)), "-d", str(tmp_path / "out"))
    assert proc.returncode == 2 and b"cannot create output folder" in proc.stderr
    assert (tmp_path / "out").read_text() == "a file"


def test_failure_during_write_leaves_nothing(tmp_path, monkeypatch):
    def boom(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "out.md", b"x")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("title, expected", [
    ("Hello, World!", "hello-world"),
    ("../../etc/passwd", "etc-passwd"),
    ("/absolute/path", "absolute-path"),
    ("CON", "article-con"),
    ("nul.txt", "article-nul.txt"),
    ("", "article"),
    ("...", "article"),
    ("a\x00b\x1fc\u202ed", "abcd"),
    ("Ünïcödé Straße", "ünïcödé-straße"),
])
def test_safe_stem(title, expected):
    assert safe_stem(title) == expected


def test_safe_stem_is_bounded():
    assert len(safe_stem("x" * 300)) <= 80
    assert len(safe_stem("é" * 1_000_000).encode("utf-8")) <= 200


def test_name_planner_resolves_collisions_deterministically(tmp_path):
    planner = NamePlanner(tmp_path, "md")
    names = [planner.name(s).name for s in ("index", "Index", "index", "other", "Index")]
    # Index and index are one file on macOS and Windows: a clash, numbered in order.
    assert names == ["index.md", "Index-2.md", "index-3.md", "other.md", "Index-4.md"]


def test_name_planner_never_hands_out_an_input(tmp_path):
    (tmp_path / "page.TXT").write_text("x")
    (tmp_path / "other.html").write_text("x")
    planner = NamePlanner(tmp_path, "txt")
    planner.reserve_inputs([str(tmp_path / "page.TXT"), str(tmp_path / "other.html"), None,
                            "https://example.com/page.txt", str(tmp_path / "gone.txt")])
    names = [planner.name(s).name for s in ("page", "other", "gone")]
    assert names == ["page-2.txt", "other.txt", "gone.txt"]


def test_an_output_that_is_an_input_is_found_by_path_or_link(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("x")
    (tmp_path / "elsewhere").mkdir()
    link = tmp_path / "elsewhere" / "saved.html"
    link.symlink_to(page)
    other = tmp_path / "other.html"
    other.write_text("x")
    inputs = [None, str(other), str(tmp_path / "gone.html"), str(link)]
    # (the output is the page: reached through the link, or named as the page itself)
    assert replaced_input(page, inputs) == str(link)
    assert replaced_input(tmp_path / "elsewhere" / ".." / "page.html", [str(page)]) == str(page)
    # (an output that is none of them, or another file than the ones listed)
    assert replaced_input(tmp_path / "out.html", inputs) is None
    assert replaced_input(tmp_path / "other.html", [str(page), str(link)]) is None


def test_name_planner_reserves_a_linked_inputs_target(tmp_path):
    # (a link named like a page, elsewhere, to a dump in the output folder: the name
    # without the output's extension is the link's, the target's has it)
    (tmp_path / "dump.txt").write_text("x")
    (tmp_path / "elsewhere").mkdir()
    link = tmp_path / "elsewhere" / "saved.html"
    link.symlink_to(tmp_path / "dump.txt")
    planner = NamePlanner(tmp_path, "txt")
    planner.reserve_inputs([str(link)])
    assert [planner.name(s).name for s in ("dump", "saved")] == ["dump-2.txt", "saved.txt"]


@pytest.mark.parametrize("stem", [
    "Report ABC", "Report_ABC (final) [v2]", "ÜBER straße", "résumé", "日本語 ページ",
    "a.b.c", ".hidden", "  spaced  ", "CON", "x'y\"z", "100%", "#tag", "\udcff-raw-byte",
])
def test_file_stem_keeps_the_stem_exactly(stem):
    assert file_stem(stem, windows=False) == stem


@pytest.mark.parametrize("stem, expected", [
    ("a/b", "a_b"),
    ("a\\b", "a_b"),
    ("a\x00b\x1fc\x7fd\x85e", "a_b_c_d_e"),
    ("evil\u202egpj.exe", "evil_gpj.exe"),
    ("..", "article"),
    ("", "article"),
    ("/", "_"),
])
def test_file_stem_replaces_only_what_a_file_system_cannot_hold(stem, expected):
    assert file_stem(stem, windows=False) == expected


@pytest.mark.parametrize("stem, expected", [
    ("CON", "_CON"), ("nul.tar", "_nul.tar"), ("com1", "_com1"), ("a:b?c*", "a_b_c_"),
    ("trailing. ", "trailing"), ("Report ABC", "Report ABC"),
])
def test_file_stem_on_windows(stem, expected):
    assert file_stem(stem, windows=True) == expected


def test_file_stem_is_bounded_in_bytes():
    for stem in ("x" * 1000, "é" * 1000, "日" * 1000, "😀" * 1000):
        out = file_stem(stem, windows=False)
        assert len(out.encode("utf-8")) <= 200 and stem.startswith(out) and len(out) > 40


def test_location_stem():
    assert location_stem("in/Report ABC.html") == "Report ABC"
    assert location_stem("in/Report ABC.html.gz") == "Report ABC"
    assert location_stem("https://example.com/News/Story.html?x=1") == "example.com-News-Story"
    assert location_stem(None) == "stdin"


def test_output_names_keep_the_input_stem(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    names = ["Report ABC.html", "Ünïcödé Straße (2).html", "x'y&z.htm", "CON.html",
             "UPPER.HTML", "sub/Report ABC.html"]
    for name in names:
        (src / name).parent.mkdir(exist_ok=True)
        (src / name).write_text("<title>T</title><p>Some article text here.</p>",
                                encoding="utf-8")
    outdir = tmp_path / "out"
    out = run_cli("convert", *(str(src / n) for n in names), "-d", str(outdir), "-t", "md",
                  "-q")
    assert out.returncode == 0, out.stderr
    assert sorted(p.name for p in outdir.iterdir()) == sorted([
        "Report ABC.md", "Ünïcödé Straße (2).md", "x'y&z.md", "CON.md", "UPPER.md",
        "Report ABC-2.md"])


def test_input_stem():
    assert input_stem("a/b/page.html.gz") == "page"
    assert input_stem("page.txt") == "page"


def test_atomic_stream_appears_only_on_commit(tmp_path):
    from convert.outputs import AtomicStream

    target = tmp_path / "all.jsonl"
    stream = AtomicStream(target)
    stream.write(b"one\n")
    stream.write(b"two\n")
    assert not target.exists()
    stream.commit()
    assert target.read_bytes() == b"one\ntwo\n"
    assert [p.name for p in tmp_path.iterdir()] == ["all.jsonl"]


def test_atomic_stream_abort_leaves_nothing(tmp_path):
    from convert.outputs import AtomicStream

    target = tmp_path / "all.jsonl"
    target.write_bytes(b"previous")
    stream = AtomicStream(target)
    stream.write(b"partial")
    stream.abort()
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["all.jsonl"]


def test_atomic_stream_onto_a_folder_is_a_one_line_error(tmp_path):
    from cliutil import run_cli
    from convert.outputs import AtomicStream

    folder = tmp_path / "all.jsonl"
    folder.mkdir()
    with pytest.raises(OutputError, match=r"all\.jsonl: is a directory$"):
        AtomicStream(folder)
    page = tmp_path / "a.html"
    page.write_text("<html><body><article><h1>T</h1><p>" + "A sentence of words. " * 20 +
                    "</p></article></body></html>")
    out = run_cli("convert", str(page), str(page), "-o", str(folder), "-q")
    assert out.returncode == 1
    assert out.stderr.decode() == f"decruft: {folder}: is a directory\n"
    assert list(folder.iterdir()) == [] and sorted(p.name for p in tmp_path.iterdir()) == [
        "a.html", "all.jsonl"]



# ------------------------------------------------------------------ targets that are not files

def _page(tmp_path):
    page = tmp_path / "a.html"
    page.write_text("<html><body><article><h1>T</h1><p>" + "A sentence of words. " * 20 +
                    "</p></article></body></html>")
    return page


def test_dev_null_is_written_in_place_not_replaced(tmp_path):
    from cliutil import run_cli

    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    write_atomic(Path(os.devnull), b"x")
    write_atomic(Path(os.devnull), b"x", no_clobber=True)  # a device holds no file to clobber
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    out = run_cli("convert", str(_page(tmp_path)), "-o", os.devnull)
    assert (out.returncode, out.stdout, out.stderr) == (0, b"", b"")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_fifo_is_written_in_place(tmp_path):
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write_atomic(fifo, b"through the pipe")
    reader.join(10)
    assert got == [b"through the pipe"]
    assert fifo.is_fifo() and [p.name for p in tmp_path.iterdir()] == ["pipe"]


@pytest.mark.skipif(not os.path.exists("/dev/full") or
                    not stat.S_ISCHR(os.stat("/dev/full").st_mode), reason="no /dev/full")
def test_full_device_is_a_one_line_error(tmp_path):
    from cliutil import run_cli

    with pytest.raises(OutputError, match=r"^/dev/full: No space left on device$"):
        write_atomic(Path("/dev/full"), b"x" * 100_000)
    page = _page(tmp_path)
    for args in (["-t", "md"], ["-t", "jsonl", str(page)]):
        out = run_cli("convert", str(page), "-o", "/dev/full", *args)
        assert out.returncode == 1 and out.stdout == b""
        assert out.stderr.decode().splitlines()[0] == "decruft: /dev/full: No space left on device"
        assert "Traceback" not in out.stderr.decode()


def test_a_failed_stream_keeps_failing_cleanly(tmp_path, monkeypatch):
    from convert.outputs import AtomicStream

    stream = AtomicStream(tmp_path / "all.jsonl")

    def full(data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(stream._fh, "write", full, raising=False)
    with pytest.raises(OutputError, match="all.jsonl: No space left on device"):
        stream.write(b"line\n")
    with pytest.raises(OutputError, match="all.jsonl: No space left on device"):
        stream.write(b"next\n")  # not "write to closed file"
    with pytest.raises(OutputError):
        stream.commit()
    assert list(tmp_path.iterdir()) == []


def test_atomic_stream_no_clobber_commit_loses_a_race_cleanly(tmp_path):
    """With -n the name is checked when the stream opens and again, atomically, when it
    commits: a file that appeared in between is kept, and the temporary file goes."""
    from convert.outputs import AtomicStream

    target = tmp_path / "all.jsonl"
    stream = AtomicStream(target, no_clobber=True)
    stream.write(b"mine\n")
    target.write_bytes(b"someone else's\n")
    with pytest.raises(OutputError, match=r"all\.jsonl: exists \(not overwritten because of "
                                          r"--no-clobber\)"):
        stream.commit()
    assert target.read_bytes() == b"someone else's\n"
    assert [p.name for p in tmp_path.iterdir()] == ["all.jsonl"]
    fresh = AtomicStream(tmp_path / "new.jsonl", no_clobber=True)
    fresh.write(b"mine\n")
    fresh.commit()
    assert (tmp_path / "new.jsonl").read_bytes() == b"mine\n"
    assert oct((tmp_path / "new.jsonl").stat().st_mode & 0o777) == oct(0o666 & ~_umask())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.jsonl", "new.jsonl"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.mark.parametrize("step", ["fsync", "replace", "link"])
def test_atomic_stream_commit_failure_removes_the_temporary_file(tmp_path, monkeypatch, step):
    from convert.outputs import AtomicStream

    target = tmp_path / "all.jsonl"
    target.write_bytes(b"previous\n")
    if step == "link":
        target.unlink()

    def broken(*args):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, step, broken)
    stream = AtomicStream(target, no_clobber=step == "link")
    stream.write(b"new\n")
    with pytest.raises(OutputError, match=r"^.*all\.jsonl: Input/output error$"):
        stream.commit()
    monkeypatch.undo()
    assert [p.name for p in tmp_path.iterdir()] == ([] if step == "link" else ["all.jsonl"])
    if step != "link":
        assert target.read_bytes() == b"previous\n"
