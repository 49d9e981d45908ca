"""Web archives: WARC/WET records become pages, streamed; everything else is skipped and counted.
The archives are built here with warcio."""

from __future__ import annotations

import gzip
import io
import itertools
import json

import pytest

from cliutil import run_cli
from convert.batch import Settings, run
from convert.workers import WINDOW_PER_WORKER
from convert.inputs import Job, archive_jobs

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def page(title: str, extra: str = "") -> str:
    return (f"<!doctype html><html><head><title>{title}</title></head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>"
            f"<p>The body of {title} is a paragraph long enough to be kept as the article "
            f"text by the extractor, with a <a href='more.html'>relative link</a>. {extra}</p>"
            "</article></body></html>")


def _response(w: WARCWriter, url: str, body: bytes, ctype: str, status: str = "200 OK",
              headers: list[tuple[str, str]] | None = None,
              warc_headers: dict[str, str] | None = None) -> None:
    http = StatusAndHeaders(status, [("Content-Type", ctype), *(headers or [])],
                            protocol="HTTP/1.1")
    w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body),
                                        http_headers=http, warc_headers_dict=warc_headers))


def build_warc(path, *, gz: bool = True) -> None:
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "decruft tests"}))
        req = StatusAndHeaders("GET /a.html HTTP/1.1", [("Host", "example.com")],
                               is_http_request=True)
        w.write_record(w.create_warc_record("https://example.com/a.html", "request",
                                            payload=io.BytesIO(b""), http_headers=req))
        _response(w, "https://example.com/a.html", page("Alpha").encode(),
                  "text/html; charset=utf-8")
        _response(w, "https://example.com/logo.png", PNG, "image/png")
        _response(w, "https://example.com/b/", page("Beta", "Café crème.").encode("latin-1"),
                  "text/html; charset=iso-8859-1")
        _response(w, "https://example.com/old", b"", "text/html", status="301 Moved",
                  headers=[("Location", "/a.html")])
        w.write_record(w.create_warc_record("https://example.com/a.html", "metadata",
                                            payload=io.BytesIO(b"fetchTimeMs: 12"),
                                            warc_content_type="application/warc-fields"))
        _response(w, "https://example.com/c/index.html", gzip.compress(page("Gamma").encode()),
                  "application/xhtml+xml", headers=[("Content-Encoding", "gzip")])


def build_wet(path) -> None:
    text = ("Delta headline\n\nHome | News | Sport\n\n"
            "Delta is a plain-text page from a WET file. Its paragraphs are long enough to "
            "be the article body, as the text parser expects of a page dump.\n\n"
            "A second paragraph of Delta keeps going with more ordinary sentences about "
            "nothing in particular, so there is some body to keep.\n")
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "decruft tests"}))
        w.write_record(w.create_warc_record(
            "https://example.com/delta", "conversion", payload=io.BytesIO(text.encode()),
            warc_content_type="text/plain"))


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    build_warc(path)
    return path


def _titles(stdout: bytes) -> list[str]:
    return [json.loads(line)["meta"]["title"] for line in stdout.decode().splitlines()]


def _errors(stderr: bytes) -> list[str]:
    return [line for line in stderr.decode().splitlines() if "warning: plugin" not in line]


def test_reader_yields_pages_and_counts_the_rest(archive):
    from convert.warc import WarcReader

    reader = WarcReader(str(archive))
    records = list(reader)
    assert [r.url for r in records] == ["https://example.com/a.html", "https://example.com/b/",
                                        "https://example.com/c/index.html"]
    assert [r.http_charset for r in records] == ["utf-8", "iso-8859-1", None]
    assert records[1].body == page("Beta", "Café crème.").encode("latin-1")
    assert records[2].body == page("Gamma").encode()  # Content-Encoding undone
    assert dict(reader.skipped) == {"warcinfo record": 1, "request record": 1,
                                    "metadata record": 1, "not HTML (image/png)": 1,
                                    "HTTP status 3xx": 1}
    assert reader.summary().startswith("5 records skipped (")


def test_cli_jsonl_one_line_per_page_in_order(archive):
    out = run_cli("convert", str(archive), "-t", "jsonl")
    assert out.returncode == 0, out.stderr
    assert _titles(out.stdout) == ["Alpha", "Beta", "Gamma"]
    docs = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert docs[0]["meta"]["source"]["location"] == "https://example.com/a.html"
    assert "https://example.com/more.html" in json.dumps(docs[0]["blocks"])
    assert "Café crème." in json.dumps(docs[1]["blocks"], ensure_ascii=False)
    errors = _errors(out.stderr)
    assert any("crawl.warc.gz: 5 records skipped" in e and "request record: 1" in e
               for e in errors), errors
    assert errors[-1] == "decruft: 3 converted, 0 failed"


def test_cli_parallel_gives_the_same_lines(archive):
    one = run_cli("convert", str(archive), "-t", "jsonl", "-q")
    two = run_cli("convert", str(archive), "-t", "jsonl", "-q", "-j", "2")
    assert two.returncode == 0 and two.stdout == one.stdout


def test_cli_output_dir_names_from_record_urls(archive, tmp_path):
    out_dir = tmp_path / "out"
    out = run_cli("convert", str(archive), "-t", "json", "-d", str(out_dir), "-q")
    assert out.returncode == 0, out.stderr
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "example.com-a.json", "example.com-b.json", "example.com-c-index.json"]


def test_uncompressed_warc_and_wet(tmp_path):
    plain = tmp_path / "plain.warc"
    build_warc(plain, gz=False)
    out = run_cli("convert", str(plain), "-t", "jsonl", "-q")
    assert out.returncode == 0 and _titles(out.stdout) == ["Alpha", "Beta", "Gamma"]
    wet = tmp_path / "crawl.warc.wet.gz"
    build_wet(wet)
    out = run_cli("convert", str(wet), "-t", "jsonl", "-q")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["meta"]["source"]["kind"] == "text"
    assert doc["meta"]["source"]["location"] == "https://example.com/delta"
    assert "plain-text page from a WET file" in out.stdout.decode()


def test_archive_mixed_with_pages_and_a_broken_archive(archive, tmp_path):
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(b"this is not a web archive at all\n" * 10)
    single = tmp_path / "single.html"
    single.write_text(page("Solo"))
    out = run_cli("convert", str(single), str(archive), str(broken), "-f", "html",
                  "-t", "jsonl")
    assert out.returncode == 1
    assert _titles(out.stdout) == ["Solo", "Alpha", "Beta", "Gamma"]
    errors = _errors(out.stderr)
    assert any(e.startswith(f"decruft: {broken}: ") for e in errors), errors
    assert errors[-1] == "decruft: 4 converted, 1 failed"


def test_jobs_are_consumed_lazily():
    """A huge archive is never read ahead of the workers by more than a bounded window."""
    consumed = itertools.count()
    html = page("Lazy").encode()

    def jobs():
        for i in itertools.count():
            next(consumed)
            yield Job(f"https://example.com/{i}", html, kind="html")

    settings = Settings(fmt="json")
    results = run(jobs(), settings, workers=2)
    first = [next(results) for _ in range(3)]
    assert all(r.ok for r in first), first
    window = 2 * WINDOW_PER_WORKER
    assert next(consumed) <= window + 4
    results.close()


def test_archive_jobs_report_the_reader(archive):
    done = []
    jobs = list(archive_jobs(str(archive), on_done=done.append))
    assert [j.location for j in jobs][0] == "https://example.com/a.html"
    assert all(j.origin == str(archive) and j.data for j in jobs)
    assert done and done[0].pages == 3


def test_recursive_walk_picks_up_archives(archive):
    out = run_cli("convert", "-r", str(archive.parent), "-t", "jsonl", "-q")
    assert out.returncode == 0, out.stderr
    assert _titles(out.stdout) == ["Alpha", "Beta", "Gamma"]


_RESPONSE = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><article><p>"
             + b"Words of the page. " * 20 + b"</p></article></body></html>")


def _raw_record(headers: bytes, payload: bytes = _RESPONSE) -> bytes:
    return b"WARC/1.0\r\nWARC-Type: response\r\n" + headers + b"\r\n" + payload + b"\r\n\r\n"


def _batch(tmp_path, archive_path):
    """``decruft convert before.html ARCHIVE after.html -d out``: (result, stderr, out names)."""
    before, after = tmp_path / "before.html", tmp_path / "after.html"
    before.write_text(page("Before"))
    after.write_text(page("After"))
    out_dir = tmp_path / "out"
    out = run_cli("convert", str(before), str(archive_path), str(after), "-t", "md",
                  "-d", str(out_dir))
    err = out.stderr.decode()
    assert "Traceback" not in err, err
    names = sorted(p.name for p in out_dir.iterdir()) if out_dir.exists() else []
    return out, err, names


def _page_record(url: str, title: str) -> bytes:
    body = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page(title).encode())
    return _raw_record(b"WARC-Target-URI: " + url.encode() + b"\r\nContent-Length: %d\r\n"
                       % len(body), body)


@pytest.mark.parametrize("content", [
    # only a warcinfo record
    b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\nabcd\r\n\r\n",
    # a response without WARC-Target-URI (warcio raised AttributeError): skipped, no page
    _raw_record(b"Content-Length: %d\r\n" % len(_RESPONSE)),
], ids=["warcinfo-only", "no-target-uri"])
def test_an_archive_without_pages_fails_and_says_so(content, tmp_path):
    # exit 0 with nothing written passed an archive of no pages for a successful run
    bad = tmp_path / "crawl.warc"
    bad.write_bytes(content)
    out, err, names = _batch(tmp_path, bad)
    assert out.returncode == 1, err
    assert f"decruft: {bad}: no pages in the archive" in err
    assert "2 converted, 1 failed" in err and names == ["after.md", "before.md"]


def test_a_huge_junk_header_line_is_refused_fast(tmp_path):
    # one 20 MB line: warcio joined it 16 KiB at a time (38 s), then found no page (rc 0)
    import time

    bad = tmp_path / "junk.warc"
    bad.write_bytes(b"WARC/1.0" + b"x" * 20_000_000)
    start = time.monotonic()
    out, err, names = _batch(tmp_path, bad)
    assert out.returncode == 1, err
    assert f"decruft: {bad}: record 1 (byte 0): a header line longer than" in err
    assert "2 converted, 1 failed" in err and names == ["after.md", "before.md"]
    assert time.monotonic() - start < 15


@pytest.mark.parametrize("length", [b"99000000000", b"99999999999999999999"],
                         ids=["99GB", "20-digits"])
def test_a_content_length_past_the_end_fails_after_the_pages_before_it(length, tmp_path):
    # the record swallowed every record after it and the run exited 0 (20 digits: a
    # traceback inside warcio, OverflowError)
    first = _page_record("http://e.com/first", "First")
    huge = _raw_record(b"WARC-Target-URI: http://e.com/huge\r\nContent-Length: " + length
                       + b"\r\n")
    bad = tmp_path / "crawl.warc"
    bad.write_bytes(first + huge + _page_record("http://e.com/lost", "Lost"))
    out, err, names = _batch(tmp_path, bad)
    assert out.returncode == 1, err
    assert (f"decruft: {bad}: the archive ends inside record 2 (byte {len(first)}): its "
            f"Content-Length is {int(length)} bytes") in err, err
    assert "3 converted, 1 failed" in err
    assert names == ["after.md", "before.md", "e.com-first.md"]


@pytest.mark.parametrize("content", [
    b"WARC/1.0\r\nWARC-Type: response\r\n\r\n",
    b"WARC/1.0\r\nfoo bar baz\r\n\r\n",
    b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://e.com/\r\n"
    b"Content-Length: x\r\n\r\nHTTP/1.1 200 OK\r\n\r\n",
    b"WARC/1.0\r\nWARC-Type: request\r\nWARC-Target-URI: http://e.com/\r\n"
    b"Content-Length: -5\r\n\r\n",
])
def test_a_header_only_junk_archive_is_reported_in_words(content, tmp_path):
    # 'broken WARC data (AttributeError)' told the user nothing
    import re

    bad = tmp_path / "junk.warc"
    bad.write_bytes(content)
    out, err, names = _batch(tmp_path, bad)
    assert out.returncode == 1, err
    line = next(e for e in err.splitlines() if e.startswith(f"decruft: {bad}: "))
    assert not re.search(r"[A-Z][a-z]+(Error|Exception)\b", err), err
    assert "no pages in the archive" in line or "record 1" in line, line
    assert names == ["after.md", "before.md"]


def test_a_corrupt_gzip_member_keeps_the_pages_before_it(tmp_path):
    # each record its own gzip member: a read of 16 KiB decoded on into the corrupt member
    # and failed the archive before the pages ahead of it were yielded (0 converted)
    path = tmp_path / "crawl.warc.gz"
    ends = []
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i, name in enumerate(("Alpha", "Beta", "Gamma")):
            # a fixed record id and date: with warcio's random ones the compressed bytes, so
            # the place of the damage in the deflate stream, changed from run to run
            fixed = {"WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-00000000000{i}>",
                     "WARC-Date": "2026-01-02T03:04:05Z"}
            _response(w, f"https://example.com/{name.lower()}", page(name).encode(),
                      "text/html", warc_headers=fixed)
            ends.append(fh.tell())
    data = bytearray(path.read_bytes())
    middle = (ends[1] + ends[2]) // 2  # inside Gamma's deflate data
    data[middle:middle + 16] = bytes(16)
    path.write_bytes(bytes(data))
    out, err, names = _batch(tmp_path, path)
    assert out.returncode == 1, err
    assert f"decruft: {path}: broken gzip data in or just after record 3 (byte " in err, err
    assert names == ["after.md", "before.md", "example.com-alpha.md", "example.com-beta.md"]


def test_warcio_repairs_do_not_reach_the_terminal_raw(tmp_path):
    # warcio logged the URL it repaired through Python's last-resort handler: ESC and all
    url = b"http://e.com/a b\x1b]52;c;cHduZWQ=\x07"
    path = tmp_path / "esc.warc"
    path.write_bytes(_raw_record(b"WARC-Target-URI: " + url + b"\r\nContent-Length: %d\r\n"
                                 % len(_RESPONSE)))
    out = run_cli("convert", str(path), "-t", "md", "-d", str(tmp_path / "out"))
    assert out.returncode == 0, out.stderr
    assert b"\x1b" not in out.stderr and b"Replacing spaces" not in out.stderr


def test_an_archive_gzipped_whole_is_read(tmp_path):
    # 'gzip -c crawl.warc > crawl.warc.gz': warcio refused it after the first record
    # ("non-chunked gzip file detected"), so one page converted and the archive failed
    plain = tmp_path / "crawl.warc"
    build_warc(plain, gz=False)
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(plain.read_bytes()))
    out = run_cli("convert", str(whole), "-t", "jsonl")
    assert out.returncode == 0, out.stderr
    assert _titles(out.stdout) == ["Alpha", "Beta", "Gamma"]


def test_an_archive_cut_short_converts_the_whole_records_only(tmp_path):
    # the last record's page was cut in the middle and converted as if it were whole
    plain = tmp_path / "crawl.warc"
    build_warc(plain, gz=False)
    data = plain.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[:data.index(b"Beta</h1>") + 60])
    out = run_cli("convert", str(cut), "-t", "jsonl")
    assert out.returncode == 1, out.stderr  # rc 0 passed the lost records for none
    assert _titles(out.stdout) == ["Alpha"]
    fifth = data.index(b"WARC/1.0", data.index(b"image/png"))  # Beta's record
    assert (f"{cut}: the archive ends inside record 5 (byte {fifth}): its Content-Length "
            "is ") in out.stderr.decode()
    # gzipped whole and cut: the pages before the cut, then one line
    cut_gz = tmp_path / "cut.warc.gz"
    cut_gz.write_bytes(gzip.compress(data)[:-60])
    out = run_cli("convert", str(cut_gz), "-t", "jsonl")
    err = out.stderr.decode()
    assert out.returncode == 1 and "Traceback" not in err, err
    assert f"{cut_gz}: broken gzip data in or just after record " in err and "truncated" in err


def test_a_misplaced_content_length_is_counted_not_dumped_on_stderr(tmp_path):
    # warcio wrote 'WARNING: Record not followed by newline...', 'Offset: N' and
    # 'Remainder: b...' (the archive's bytes) for each such record
    plain = tmp_path / "crawl.warc"
    build_warc(plain, gz=False)
    data = plain.read_bytes()
    at = data.index(b"Content-Length: ", data.index(b"https://example.com/a.html\r\n"
                                                    b"WARC-Date"))
    end = data.index(b"\r\n", at)
    length = int(data[at + 16:end])
    bad = tmp_path / "bad.warc"
    bad.write_bytes(data[:at] + b"Content-Length: %d" % (length - 5) + data[end:])
    out = run_cli("convert", str(bad), "-t", "jsonl")
    err = out.stderr.decode()
    assert "WARNING" not in err and "Remainder" not in err and "Offset" not in err, err
    assert "1 record not ending where its Content-Length said" in err
