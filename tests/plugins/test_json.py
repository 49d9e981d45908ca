"""The json format: compact by default, indented on a terminal or with -O indent=N."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys

import pytest
from cliutil import run_cli

import convert
from convert.errors import FormatError
from convert.formats import RenderOptions

PAGE = ("<html><head><title>Table page</title></head><body><article><h1>Table page</h1>"
        "<p>A paragraph long enough to be the article, with a table below it.</p><table>"
        + "".join(f"<tr><td>r{i}a</td><td>r{i}b</td></tr>" for i in range(50))
        + "</table></article></body></html>").encode("utf-8")


@pytest.fixture(scope="module")
def article():
    return convert.parse(PAGE, kind="html")


def test_json_is_compact_by_default(article):
    out = convert.render(article, "json")
    assert out.count(b"\n") == 1 and out.endswith(b"\n") and b'": ' not in out
    assert out == convert.render(article, "jsonl")
    assert convert.parse(out, kind="json") == article


@pytest.mark.parametrize("asked, indent", [("2", 2), (4, 4), ("0", 0), ("none", None)])
def test_indent_option(article, asked, indent):
    out = convert.render(article, "json", RenderOptions(extra={"indent": asked}))
    expected = json.dumps(json.loads(out), ensure_ascii=False, indent=indent,
                          separators=(",", ":") if indent is None else None)
    assert out.decode("utf-8") == expected + "\n"


def test_terminal_gets_indented_json(article):
    out = convert.render(article, "json", RenderOptions(terminal=True))
    assert out.startswith(b'{\n  "schema": "decruft.article",\n')
    compact = RenderOptions(terminal=True, extra={"indent": "none"})
    assert convert.render(article, "json", compact).count(b"\n") == 1


def test_bad_indent_is_a_clear_error(article):
    with pytest.raises(FormatError, match="indent must be"):
        convert.render(article, "json", RenderOptions(extra={"indent": "wide"}))


def test_cli_writes_compact_json_to_a_pipe_and_a_file(tmp_path):
    src = tmp_path / "page.html"
    src.write_bytes(PAGE)
    piped = run_cli("convert", str(src), "-t", "json")
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.count(b"\n") == 1
    out = tmp_path / "page.json"
    assert run_cli("convert", str(src), "-o", str(out)).returncode == 0
    assert out.read_bytes() == piped.stdout
    pretty = run_cli("convert", str(src), "-t", "json", "-O", "indent=2")
    assert pretty.stdout.startswith(b'{\n  "schema"')
    assert json.loads(pretty.stdout) == json.loads(piped.stdout)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_cli_indents_json_on_a_terminal(tmp_path):
    src = tmp_path / "page.html"
    src.write_bytes(PAGE)
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "convert", "convert", str(src), "-t", "json"],
                            stdout=follower, stderr=subprocess.PIPE, env=os.environ.copy())
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert proc.wait(timeout=60) == 0, proc.stderr.read() if proc.stderr else b""
    os.close(leader)
    shown = b"".join(chunks).replace(b"\r\n", b"\n")
    assert shown.startswith(b'{\n  "schema": "decruft.article",\n')
