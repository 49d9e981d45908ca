"""The Dask example on a real LocalCluster (2 worker processes, scheduler on 127.0.0.1): its
outputs equal what ``decruft convert`` writes for the same pages and archives."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from cliutil import run_cli

pytestmark = pytest.mark.slow

distributed = pytest.importorskip("distributed")
pytest.importorskip("dask.bag")
warcio = pytest.importorskip("warcio")

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "dask_convert" / "dask_convert.py"


def _page(i: int) -> str:
    return (f"<!doctype html><html><head><title>Page {i}</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/about'>About</a></nav><article>"
            f"<h1>Page {i}</h1><p>Paragraph one of page {i}, long enough to be the body of an "
            f"article and not a menu or a caption.</p><p>Paragraph two of page {i} goes on "
            f"with more words so that the extractor keeps it.</p></article>"
            "<footer>Copyright 2026 Example</footer></body></html>")


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as lc, Client(lc) as client:
        client.wait_for_workers(2, timeout=60)
        yield lc


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    pages = root / "pages"
    (pages / "sub").mkdir(parents=True)
    for i in range(12):
        folder = pages / "sub" if i % 3 == 0 else pages
        (folder / f"p{i:02d}.html").write_text(_page(i))
    (pages / "sub" / "p01.html").write_text(_page(101))  # same stem as pages/p01.html
    (pages / "broken.html").write_bytes(b"   \n")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    archive = root / "crawl.warc.gz"
    with open(archive, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i in range(6):
            url = f"https://example.com/story/{i}.html"
            w.write_record(w.create_warc_record(
                url, "request", payload=io.BytesIO(b""),
                http_headers=StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True)))
            w.write_record(w.create_warc_record(
                url, "response", payload=io.BytesIO(_page(200 + i).encode()),
                http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                              protocol="HTTP/1.1")))
    return pages, archive


def _example(cluster, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(EXAMPLE), "--scheduler",
                           cluster.scheduler_address, *args],
                          capture_output=True, timeout=300)


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_files_layout_equals_the_cli(cluster, corpus, tmp_path):
    pages, archive = corpus
    cli_dir, dask_dir = tmp_path / "cli", tmp_path / "dask"
    cli = run_cli("convert", "-r", str(pages), "-f", "html", "-t", "json", "-d", str(cli_dir))
    assert cli.returncode == 1 and b"broken.html: empty input" in cli.stderr
    out = _example(cluster, str(pages), "-f", "html", "-t", "json", "-o", str(dask_dir),
                   "--partition-size", "4")
    assert out.returncode == 1, out.stderr
    assert b"broken.html: empty input" in out.stderr
    assert b"13 converted, 1 failed" in out.stderr
    expected = _tree(cli_dir)
    assert len(expected) == 13 and "p01-2.json" in expected
    assert _tree(dask_dir) == expected

    # An archive's pages land in a folder named after it, named as the CLI names them.
    cli_dir, dask_dir = tmp_path / "cli-warc", tmp_path / "dask-warc"
    assert run_cli("convert", str(archive), "-t", "json", "-d", str(cli_dir)).returncode == 0
    out = _example(cluster, str(archive), "-t", "json", "-o", str(dask_dir))
    assert out.returncode == 0, out.stderr
    assert b"6 converted, 0 failed, 6 archive records skipped" in out.stderr
    assert _tree(dask_dir / "crawl") == _tree(cli_dir)


def test_jsonl_partitions_equal_the_cli_stream(cluster, corpus, tmp_path):
    pages, archive = corpus
    cli = run_cli("convert", "-r", str(pages), str(archive), "-f", "html", "-t", "jsonl",
                  "-q")
    out_dir = tmp_path / "parts"
    out = _example(cluster, str(pages), str(archive), "-f", "html", "-t", "jsonl",
                   "--layout", "jsonl", "--partition-size", "5", "-o", str(out_dir))
    assert out.returncode == 1, out.stderr
    parts = sorted(out_dir.glob("part-*.jsonl"))
    assert [p.name for p in parts] == [f"part-{i:05d}.jsonl" for i in range(4)]
    assert b"".join(p.read_bytes() for p in parts) == cli.stdout
    assert not list(out_dir.glob(".*"))  # no temporary file left


def test_library_api_with_a_client(cluster, corpus, tmp_path):
    from distributed import Client

    from convert.dask import convert_on_dask

    pages, archive = corpus
    with Client(cluster.scheduler_address) as client:
        summary = convert_on_dask([str(archive)], tmp_path, fmt="jsonl", layout="jsonl",
                                  client=client)
    assert (summary.converted, summary.failed, summary.skipped) == (6, 0, 6)
    assert summary.outputs == (str(tmp_path / "part-00000.jsonl"),)
    assert len((tmp_path / "part-00000.jsonl").read_text().splitlines()) == 6


def test_an_input_in_the_output_folder_is_never_overwritten(tmp_path):
    # dask's own scheduler (no cluster): the names are planned as the CLI plans them
    from convert.dask import convert_on_dask

    dump = tmp_path / "dump.txt"
    dump.write_text("A title\n\n" + "The committee met on Tuesday to discuss the budget. " * 5)
    before = dump.read_bytes()
    summary = convert_on_dask([str(dump)], tmp_path, fmt="txt")
    assert (summary.converted, summary.failed) == (1, 0)
    assert dump.read_bytes() == before and summary.outputs == (str(tmp_path / "dump-2.txt"),)
