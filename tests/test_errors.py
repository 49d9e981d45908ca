"""convert.errors: the diagnostic line stays one line and inert on a terminal."""

from __future__ import annotations

import pytest

from convert.errors import printable, report
from cliutil import run_cli


@pytest.mark.parametrize("raw, shown", [
    ("page.html: empty input", "page.html: empty input"),
    ("e\x1b[31mred\x07.html", "e\\x1b[31mred\\x07.html"),
    ("new\nline.html", "new\\nline.html"),
    ("\x1b]52;c;cHduZWQ=\x07x", "\\x1b]52;c;cHduZWQ=\\x07x"),  # OSC 52: write the clipboard
    ("gpj\u202eexe.html", "gpj\\u202eexe.html"),
    ("caf\xe9 \u6771\u4eac", "caf\xe9 \u6771\u4eac"),
])
def test_printable_escapes_controls_only(raw, shown):
    assert printable(raw) == shown


def test_report_is_one_line(capsys):
    report("a\nb\r\x1b[2Jc")
    assert capsys.readouterr().err == "decruft: a\\nb\\r\\x1b[2Jc\n"


def test_a_hostile_file_name_cannot_reach_the_terminal(tmp_path):
    bad = tmp_path / "e\x1b[2Jx\ny.html"
    bad.write_bytes(b"")
    out = run_cli("convert", str(bad), "-t", "md")
    assert out.returncode == 1 and b"\x1b" not in out.stderr
    assert out.stderr.decode().count("\n") == 1 and "e\\x1b[2Jx\\ny.html" in out.stderr.decode()
