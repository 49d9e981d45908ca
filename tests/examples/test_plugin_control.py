"""A broken plugin cannot take decruft down; plugins can be listed, disabled, blocked and
traced; external filter programs work and fail clearly. Driven through the CLI with the
sample plugins installed beside throwaway ones."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .helpers import Env, make_article, output_json, stderr_lines, write_article

FAULTY = """
from convert import hookimpl

def explode(article):
    if article.meta.title == "bad":
        raise ValueError("cannot count this one")
    return article

@hookimpl
def register_transforms(registry):
    registry.add("explode", explode)
"""

FAULTY_REGISTRATION = """
from convert import hookimpl

@hookimpl
def register_formats(registry):
    raise RuntimeError("registry on fire")
"""


def _json_input(tmp_path: Path, name: str = "a", title: str = "A short article") -> str:
    return str(write_article(tmp_path / f"{name}.json", make_article(title=title)))


def test_import_error_is_a_warning_and_the_rest_work(plugin_env: Env, tmp_path: Path) -> None:
    plugin_env.add_module("broken-plugin", "broken", "import no_such_module_xyz\n", "broken_mod")
    proc = plugin_env.run("convert", _json_input(tmp_path), "-f", "json", "-t", "html",
                          "--filter", "reading-time")
    assert proc.returncode == 0
    assert b"1 min read" in proc.stdout
    assert ("decruft: warning: plugin 'broken' failed to load: ModuleNotFoundError: "
            "No module named 'no_such_module_xyz'") in stderr_lines(proc)
    assert b"Traceback" not in proc.stderr


def test_hook_raising_fails_only_that_page(plugin_env: Env, tmp_path: Path) -> None:
    plugin_env.add_module("faulty-plugin", "faulty", FAULTY, "faulty_mod")
    inputs = [_json_input(tmp_path, "a"), _json_input(tmp_path, "b", title="bad"),
              _json_input(tmp_path, "c")]
    out = tmp_path / "out"
    proc = plugin_env.run("convert", *inputs, "-f", "json", "-t", "html", "-d", str(out),
                          "--filter", "explode", "--filter", "reading-time", "-j", "2")
    assert proc.returncode == 1
    assert sorted(p.name for p in out.iterdir()) == ["a.html", "c.html"]
    assert stderr_lines(proc) == [
        f"decruft: {inputs[1]}: plugin 'faulty' failed in filter 'explode': "
        "ValueError: cannot count this one",
        "decruft: 2 converted, 1 failed",
    ]


def test_hook_raising_on_a_single_input_is_one_line(plugin_env: Env, tmp_path: Path) -> None:
    plugin_env.add_module("faulty-plugin", "faulty", FAULTY, "faulty_mod")
    proc = plugin_env.run("convert", _json_input(tmp_path, title="bad"), "-f", "json",
                          "-t", "json", "--filter", "explode")
    assert proc.returncode == 1 and proc.stdout == b""
    [line] = stderr_lines(proc)
    assert "plugin 'faulty'" in line and "ValueError: cannot count this one" in line


def test_registration_hook_raising_is_a_warning(plugin_env: Env, tmp_path: Path) -> None:
    plugin_env.add_module("faulty-plugin", "faulty", FAULTY_REGISTRATION, "faulty_mod")
    proc = plugin_env.run("convert", _json_input(tmp_path), "-f", "json", "-t", "reader")
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.startswith(b"<!DOCTYPE html>")
    assert ("decruft: warning: plugin 'faulty' failed in register_formats: "
            "RuntimeError: registry on fire") in stderr_lines(proc)


def test_plugins_json_lists_versions_and_hooks(plugin_env: Env) -> None:
    rows = {r["name"]: r for r in output_json(plugin_env.run("plugins", "--json"))}
    expected = {
        "reading_time": ("decruft-reading-time", ["register_transforms"]),
        "reader_view": ("decruft-reader-view", ["register_formats"]),
        "hn_reader": ("decruft-hn-reader", ["register_readers"]),
    }
    for name, (dist, hooks) in expected.items():
        assert rows[name]["distribution"] == dist
        assert rows[name]["version"] == "0.1.0"
        assert rows[name]["hooks"] == hooks
        assert rows[name]["builtin"] is False
    assert rows["json"]["builtin"] is True
    text = plugin_env.run("plugins").stdout.decode()
    assert "decruft-reader-view 0.1.0" in text


def test_formats_lists_the_plugin_format(plugin_env: Env) -> None:
    rows = {r["name"]: r for r in output_json(plugin_env.run("formats", "--json"))}
    assert rows["reader"]["plugin"] == "reader_view"
    assert rows["reader"]["extensions"] == ["html", "htm"]
    assert rows["reader"]["bundle"] is True


def test_no_plugins_keeps_only_the_builtins(plugin_env: Env, tmp_path: Path) -> None:
    env = {"DECRUFT_NO_PLUGINS": "1"}
    rows = output_json(plugin_env.run("plugins", "--json", env=env))
    assert rows and all(r["builtin"] for r in rows)
    assert {"json", "txt"} <= {r["name"] for r in rows}
    proc = plugin_env.run("convert", _json_input(tmp_path), "-f", "json", "-t", "json",
                          "--filter", "reading-time", env=env)
    assert proc.returncode == 1
    assert "unknown filter 'reading-time'" in proc.stderr.decode()
    proc = plugin_env.run("convert", _json_input(tmp_path), "-f", "json", "-t", "json", env=env)
    assert proc.returncode == 0


def test_block_one_plugin_by_name(plugin_env: Env, tmp_path: Path) -> None:
    env = {"DECRUFT_BLOCK_PLUGINS": "reading_time, hn_reader"}
    names = {r["name"] for r in output_json(plugin_env.run("plugins", "--json", env=env))}
    assert "reader_view" in names
    assert not names & {"reading_time", "hn_reader"}
    proc = plugin_env.run("convert", _json_input(tmp_path), "-f", "json", "-t", "reader",
                          env=env)
    assert proc.returncode == 0


def test_trace_hooks_logs_hook_calls(plugin_env: Env, tmp_path: Path) -> None:
    proc = plugin_env.run("convert", _json_input(tmp_path), "-f", "json", "-t", "json",
                          "--filter", "reading-time", env={"DECRUFT_TRACE_HOOKS": "1"})
    assert proc.returncode == 0
    trace = [line for line in proc.stderr.decode().splitlines()
             if line.startswith("decruft: hook:")]
    called = " ".join(trace)
    for hook in ("register_formats", "register_readers", "register_transforms"):
        assert hook in called
    untraced = plugin_env.run("convert", _json_input(tmp_path), "-f", "json", "-t", "json")
    assert b"decruft: hook:" not in untraced.stderr


# --------------------------------------------------------------------------- external filters

ADD_FIELD = """
import json, sys
doc = json.load(sys.stdin)
doc["meta"]["extra"]["filtered_by"] = "python"
doc["meta"]["title"] = doc["meta"]["title"].upper()
json.dump(doc, sys.stdout)
"""


def _program(tmp_path: Path, name: str, source: str) -> str:
    script = tmp_path / name
    script.write_text(source)
    return f"{sys.executable} {script}"


def test_external_filter_program(plugin_env: Env, tmp_path: Path) -> None:
    program = _program(tmp_path, "upper.py", ADD_FIELD)
    doc = output_json(plugin_env.run("convert", _json_input(tmp_path), "-f", "json", "-t",
                                     "json", "--filter", "reading-time", "--filter", program))
    assert doc["meta"]["title"] == "A SHORT ARTICLE"
    assert doc["meta"]["extra"] == {"word_count": 9, "reading_time_minutes": 1,
                                    "filtered_by": "python"}


def test_external_filter_executable_by_path(plugin_env: Env, tmp_path: Path) -> None:
    script = tmp_path / "upper"
    script.write_text(f"#!{sys.executable}\n{ADD_FIELD}")
    script.chmod(0o755)
    doc = output_json(plugin_env.run("convert", _json_input(tmp_path), "-f", "json", "-t",
                                     "json", "--filter", str(script)))
    assert doc["meta"]["extra"]["filtered_by"] == "python"


def test_failing_filter_is_a_clear_error(plugin_env: Env, tmp_path: Path) -> None:
    program = _program(tmp_path, "fail.py",
                       "import sys\nsys.stderr.write('no network here\\n')\nsys.exit(3)\n")
    proc = plugin_env.run("convert", _json_input(tmp_path), "-f", "json", "-t", "json",
                          "--filter", program)
    assert proc.returncode == 1 and proc.stdout == b""
    [line] = stderr_lines(proc)
    assert f"filter '{program}' exited with status 3: no network here" in line


def test_filter_returning_garbage_is_a_clear_error(plugin_env: Env, tmp_path: Path) -> None:
    program = _program(tmp_path, "garbage.py", "print('not json')\n")
    proc = plugin_env.run("convert", _json_input(tmp_path), "-f", "json", "-t", "json",
                          "--filter", program)
    assert proc.returncode == 1
    [line] = stderr_lines(proc)
    assert f"filter '{program}' returned an invalid article" in line


def test_missing_filter_program(plugin_env: Env, tmp_path: Path) -> None:
    proc = plugin_env.run("convert", _json_input(tmp_path), "-f", "json", "-t", "json",
                          "--filter", str(tmp_path / "nope.py"))
    assert proc.returncode == 1
    [line] = stderr_lines(proc)
    assert "nope.py" in line and "not found" in line


def test_failing_filter_in_a_batch_fails_every_page_but_names_it(plugin_env: Env,
                                                               tmp_path: Path) -> None:
    program = _program(tmp_path, "picky.py", """
import json, sys
doc = json.load(sys.stdin)
if doc["meta"]["title"] == "bad":
    sys.exit("refusing a bad title")
json.dump(doc, sys.stdout)
""")
    inputs = [_json_input(tmp_path, "a"), _json_input(tmp_path, "b", title="bad")]
    out = tmp_path / "out"
    proc = plugin_env.run("convert", *inputs, "-f", "json", "-t", "json", "-d", str(out),
                          "--filter", program)
    assert proc.returncode == 1
    assert [p.name for p in out.iterdir()] == ["a.json"]
    assert json.loads((out / "a.json").read_text())["meta"]["title"] == "A short article"
    assert "refusing a bad title" in proc.stderr.decode()
