"""The command line: formats, modes, exit codes, stdin/stdout, errors as one line."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from cliutil import run_cli

FIX = Path(__file__).parent / "fixtures"
MINIMAL = FIX / "articles" / "minimal.json"


@pytest.fixture
def pages(tmp_path):
    """Two JSON articles and one broken input."""
    a = tmp_path / "a.json"
    a.write_bytes(MINIMAL.read_bytes())
    b = tmp_path / "b.json"
    b.write_text(MINIMAL.read_text().replace("Minimal", "Second").replace("Hello", "Bye"))
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "decruft.article", "version": "9.0", "meta": {}, "blocks": []}')
    return a, b, bad


def test_version_and_help():
    out = run_cli("--version")
    assert out.returncode == 0 and out.stdout.startswith(b"decruft ")
    out = run_cli("convert", "--help")
    assert out.returncode == 0 and b"--output-dir" in out.stdout


def test_json_to_txt_on_stdout(pages):
    out = run_cli("convert", str(pages[0]), "-t", "txt")
    assert (out.returncode, out.stdout, out.stderr) == (0, b"Hello, plugins.\n", b"")


def test_stdin_dash_and_no_input(pages):
    data = pages[0].read_bytes()
    for args in (["convert", "-", "-t", "txt"], ["convert", "-t", "txt"]):
        out = run_cli(*args, input=data)
        assert out.returncode == 0 and out.stdout == b"Hello, plugins.\n", out.stderr


def test_output_extension_picks_format(pages, tmp_path):
    target = tmp_path / "out.jsonl"
    out = run_cli("convert", str(pages[0]), "-o", str(target))
    assert out.returncode == 0, out.stderr
    line = target.read_text().strip()
    assert "\n" not in line and json.loads(line)["meta"]["title"] == "Minimal"


def test_unknown_extension_is_usage_error(pages, tmp_path):
    out = run_cli("convert", str(pages[0]), "-o", str(tmp_path / "out.xyz"))
    assert out.returncode == 2 and b"-t FORMAT" in out.stderr
    assert not (tmp_path / "out.xyz").exists()


@pytest.mark.parametrize("args", [
    ["convert", "x", "-t", "nope"],
    ["convert", "x", "-o", "a.md", "-d", "out"],
    ["convert", "--jobs", "0", "x"],
    ["convert", "--no-such-option"],
    ["frobnicate"],
])
def test_usage_errors_exit_2(args, tmp_path):
    out = run_cli(*args, cwd=tmp_path)
    assert out.returncode == 2, (args, out.stderr)
    assert out.stdout == b"" and b"Traceback" not in out.stderr


def test_failure_is_one_line_naming_the_input(pages, tmp_path):
    missing = tmp_path / "missing.html"
    out = run_cli("convert", str(missing), "-t", "txt")
    assert out.returncode == 1 and out.stdout == b""
    lines = out.stderr.decode().strip().splitlines()
    assert lines == [f"decruft: {missing}: No such file or directory"]
    out = run_cli("convert", str(pages[2]), "-t", "txt")
    assert out.returncode == 1
    assert "9.0 is not readable" in out.stderr.decode() and "Traceback" not in out.stderr.decode()


def test_failed_input_leaves_no_output_file(pages, tmp_path):
    target = tmp_path / "out.md"
    out = run_cli("convert", str(pages[2]), "-o", str(target))
    assert out.returncode == 1 and not target.exists()


def test_output_dir_keeps_going_after_a_failure(pages, tmp_path):
    a, b, bad = pages
    outdir = tmp_path / "out"
    out = run_cli("convert", str(a), str(bad), str(b), "-d", str(outdir), "-t", "txt")
    assert out.returncode == 1
    assert sorted(p.name for p in outdir.iterdir()) == ["a.txt", "b.txt"]
    err = out.stderr.decode()
    assert f"decruft: {bad}: " in err and "2 converted, 1 failed" in err


def test_fail_fast_stops(pages, tmp_path):
    a, b, bad = pages
    outdir = tmp_path / "out"
    out = run_cli("convert", str(bad), str(a), "-d", str(outdir), "-t", "txt", "--fail-fast")
    assert out.returncode == 1 and list(outdir.iterdir()) == []


def test_fail_fast_does_not_commit_a_partial_stream(pages, tmp_path):
    a, b, bad = pages
    target = tmp_path / "out" / "all.jsonl"
    target.parent.mkdir()
    out = run_cli("convert", str(a), str(bad), str(b), "-o", str(target), "--fail-fast")
    assert out.returncode == 1
    assert list(target.parent.iterdir()) == []
    assert out.stderr.decode().splitlines()[-2:] == [
        f"decruft: {target}: not written (--fail-fast stopped the run)",
        "decruft: 1 converted, 1 failed"]
    # Without --fail-fast the pages that converted are kept.
    out = run_cli("convert", str(a), str(bad), str(b), "-o", str(target))
    assert out.returncode == 1 and len(target.read_text().splitlines()) == 2


def test_jsonl_streams_in_input_order(pages):
    a, b, _ = pages
    out = run_cli("convert", str(b), str(a), str(b), "-t", "jsonl", "-j", "2")
    assert out.returncode == 0, out.stderr
    titles = [json.loads(line)["meta"]["title"] for line in out.stdout.splitlines()]
    assert titles == ["Second", "Minimal", "Second"]


def test_never_overwrites_an_input(pages):
    out = run_cli("convert", str(pages[0]), "-o", str(pages[0]), "-t", "json")
    assert out.returncode == 2 and b"is also an input" in out.stderr
    assert pages[0].read_bytes() == MINIMAL.read_bytes()


def test_output_folder_never_overwrites_an_input(pages, tmp_path):
    # -t json -d (the inputs' own folder): a.json's output would be a.json itself, and with
    # -j 2 b.json's could replace b.json before it is read. Inputs keep their names.
    a, b, _ = pages
    link = tmp_path / "sub" / "c.json"
    link.parent.mkdir()
    link.symlink_to(b)  # its target b.json is reserved too
    out = run_cli("convert", str(a), str(b), str(link), "-t", "json", "-d", str(tmp_path),
                  "-j", "2")
    assert out.returncode == 0, out.stderr
    assert a.read_bytes() == MINIMAL.read_bytes() and b.is_file() and not b.is_symlink()
    assert "Second" in b.read_text() and link.is_symlink()
    assert {p.name for p in tmp_path.glob("*-2.json")} == {"a-2.json", "b-2.json"}
    dump = tmp_path / "dump.txt"
    dump.write_text("A title\n\n" + "The committee met on Tuesday to discuss the budget. " * 5)
    before = dump.read_bytes()
    out = run_cli("convert", "-r", str(tmp_path), "-t", "txt", "-d", str(tmp_path), "-q")
    assert out.returncode == 0, out.stderr
    assert dump.read_bytes() == before and (tmp_path / "dump-2.txt").is_file()


def test_a_folder_without_pages_reads_no_stdin(tmp_path):
    out = run_cli("convert", "-r", str(tmp_path), "-t", "txt", input=b"not for decruft")
    assert out.returncode == 2 and out.stdout == b""
    assert out.stderr == b"decruft: no input files (no pages found in the folders given)\n"


def test_no_clobber(pages, tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("mine")
    out = run_cli("convert", str(pages[0]), "-o", str(target), "-n")
    assert out.returncode == 1 and target.read_text() == "mine"
    out = run_cli("convert", str(pages[0]), "-o", str(target))
    assert out.returncode == 0 and target.read_text() == "Hello, plugins.\n"


def test_files_from_nul_separated(pages, tmp_path):
    a, b, _ = pages
    listing = f"{a}\0{b}\0".encode()
    outdir = tmp_path / "out"
    out = run_cli("convert", "--files-from", "-", "-0", "-d", str(outdir), "-t", "txt", "-q",
                  input=listing)
    assert out.returncode == 0, out.stderr
    assert sorted(p.name for p in outdir.iterdir()) == ["a.txt", "b.txt"]
    assert out.stderr == b""


def test_name_from_title(pages, tmp_path):
    outdir = tmp_path / "out"
    out = run_cli("convert", str(pages[0]), str(pages[1]), "-d", str(outdir), "-t", "md",
                  "--name-from", "title")
    assert out.returncode == 0, out.stderr
    assert sorted(p.name for p in outdir.iterdir()) == ["minimal.md", "second.md"]


def test_binary_format_to_pipe_is_allowed(pages):
    out = run_cli("convert", str(pages[0]), "-t", "epub")
    assert out.returncode == 0, out.stderr
    assert out.stdout[:2] == b"PK"


def test_external_filter(pages, tmp_path):
    script = tmp_path / "upper.py"
    script.write_text(
        "import json, sys\n"
        "doc = json.load(sys.stdin)\n"
        "doc['meta']['title'] = doc['meta']['title'].upper()\n"
        "json.dump(doc, sys.stdout)\n")
    import sys
    out = run_cli("convert", str(pages[0]), "-t", "json", "--filter", f"{sys.executable} {script}")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["meta"]["title"] == "MINIMAL"
    bad = tmp_path / "bad.py"
    bad.write_text("import sys\nsys.stdout.write('garbage')\n")
    out = run_cli("convert", str(pages[0]), "-t", "json", "--filter", f"{sys.executable} {bad}")
    assert out.returncode == 1 and f"filter '{sys.executable} {bad}' returned an invalid" in \
        out.stderr.decode()


def test_jsonl_file_streams_every_good_input(pages, tmp_path):
    a, b, bad = pages
    target = tmp_path / "all.jsonl"
    out = run_cli("convert", str(a), str(bad), str(b), "-o", str(target))
    assert out.returncode == 1 and "2 converted, 1 failed" in out.stderr.decode()
    titles = [json.loads(line)["meta"]["title"] for line in target.read_text().splitlines()]
    assert titles == ["Minimal", "Second"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["a.json", "b.json", "bad.json", "all.jsonl"])


def test_bundle_into_one_epub(pages, tmp_path):
    import io
    import zipfile

    target = tmp_path / "digest.epub"
    out = run_cli("convert", str(pages[0]), str(pages[1]), "-o", str(target), "--title", "Digest")
    assert out.returncode == 0, out.stderr
    with zipfile.ZipFile(io.BytesIO(target.read_bytes())) as zf:
        opf = next(zf.read(n).decode() for n in zf.namelist() if n.endswith(".opf"))
    assert "<dc:title>Digest</dc:title>" in opf or ">Digest<" in opf


_FULL = os.path.exists("/dev/full") and stat.S_ISCHR(os.stat("/dev/full").st_mode)


def _run_with_stdout(args: list[str], stdout) -> subprocess.CompletedProcess:
    """Run decruft with standard output on ``stdout`` (a file, or None for closed)."""
    close = stdout is None
    return subprocess.run([sys.executable, "-m", "convert", *args], stderr=subprocess.PIPE,
                          stdout=subprocess.DEVNULL if close else stdout, timeout=120,
                          preexec_fn=(lambda: os.close(1)) if close else None)


@pytest.mark.parametrize("where", [
    pytest.param("full", marks=pytest.mark.skipif(not _FULL, reason="no /dev/full")), "closed"])
@pytest.mark.parametrize("args", [
    ["convert", "{a}", "-t", "md"], ["convert", "{a}", "{b}", "-t", "jsonl"],
    ["convert", "{a}", "{b}", "-t", "epub"], ["schema"], ["formats"], ["--version"]])
def test_stdout_that_cannot_be_written_is_one_line(pages, where, args):
    args = [arg.format(a=pages[0], b=pages[1]) for arg in args]
    if where == "full":
        with open("/dev/full", "wb") as full:
            out = _run_with_stdout(args, full)
    else:
        out = _run_with_stdout(args, None)
    reason = "No space left on device" if where == "full" else "Bad file descriptor"
    lines = out.stderr.decode().splitlines()
    assert out.returncode == 1 and lines[0] == f"decruft: <stdout>: {reason}", lines
    assert "Traceback" not in out.stderr.decode() and "Exception" not in out.stderr.decode()
