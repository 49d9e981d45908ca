"""Hostile and broken input: every class converts or fails cleanly, in bounded time, in every
format, and nothing dangerous leaks into what we write.

Inputs are generated here, not committed. The big ones are marked ``slow``.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import zipfile
from pathlib import Path

import pytest

import convert
from convert.errors import DecruftError
from cliutil import run_cli

FORMATS = ("md", "docx", "epub", "json", "txt")

ARTICLE_P = ("<p>The committee met on Tuesday to discuss the new budget, which includes funding "
             "for schools, roads and the public library, and agreed to publish its report.</p>")


def page(body: str, head: str = "<title>Budget report</title>") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body><article><h1>Budget report</h1>" \
           f"{body}</article></body></html>"


def all_outputs(article: convert.Article) -> dict[str, bytes]:
    return {fmt: convert.render(article, fmt) for fmt in FORMATS}


def visible_text(outputs: dict[str, bytes]) -> str:
    """Text of every output (docx/epub unzipped), for leak checks."""
    parts = []
    for fmt, data in outputs.items():
        if data[:2] == b"PK":
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                for name in zf.namelist():
                    if name.endswith((".xml", ".xhtml", ".html", ".opf", ".ncx", ".rels")):
                        parts.append(zf.read(name).decode("utf-8", "replace"))
        else:
            parts.append(data.decode("utf-8", "replace"))
    return "\n".join(parts)


# --------------------------------------------------------------------------- not a page

@pytest.mark.parametrize("name, data", [
    ("empty.html", b""),
    ("blank.html", b"  \n\t \r\n"),
    ("binary.bin", bytes(range(256)) * 40),
    ("image.png", b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02" * 500),
    ("archive.zip", b"PK\x03\x04" + b"\x00" * 26 + b"junk" * 100),
    ("nav.html", page("").replace("<article><h1>Budget report</h1></article>",
                                  "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
                                  "<div class='cookie'>We use cookies. Accept</div>")),
])
def test_not_a_page_is_one_line_error_and_no_output(tmp_path, name, data):
    src = tmp_path / name
    src.write_bytes(data.encode() if isinstance(data, str) else data)
    target = tmp_path / "out.md"
    out = run_cli("convert", str(src), "-o", str(target))
    assert out.returncode == 1, out.stderr
    lines = out.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"decruft: {src}: "), lines
    assert not target.exists()


def test_directory_input_is_an_error(tmp_path):
    out = run_cli("convert", str(tmp_path), "-t", "txt")
    assert out.returncode == 1 and b"is a directory" in out.stderr


# --------------------------------------------------------------------------- encodings

TEXT = "Zürich’s “new” café — naïve façade: 東京 and Москва."


@pytest.mark.parametrize("label, data", [
    ("utf-8 BOM", codecs.BOM_UTF8 + page(f"<p>{TEXT} {ARTICLE_P}</p>").encode("utf-8")),
    ("utf-16 BOM", page(f"<p>{TEXT}</p>{ARTICLE_P}").encode("utf-16")),
    ("utf-16-le no BOM", page(f"<p>{TEXT}</p>{ARTICLE_P}").encode("utf-16-le")),
    ("utf-16-be no BOM", page(f"<p>{TEXT}</p>{ARTICLE_P}").encode("utf-16-be")),
    ("lying meta", page(f"<p>{TEXT}</p>{ARTICLE_P}",
                        "<meta charset='iso-8859-1'><title>x</title>").encode("utf-8")),
    ("unknown label", page(f"<p>{TEXT}</p>{ARTICLE_P}",
                           "<meta charset='x-klingon'><title>x</title>").encode("utf-8")),
])
def test_encodings_decode_to_the_same_text(label, data):
    article = convert.parse(data, kind="auto")
    assert TEXT in convert.render(article, "txt").decode("utf-8"), label


def test_legacy_cjk_declared_late():
    filler = "<!-- " + "padding " * 1500 + " -->"
    body = "<p>" + "东京的天气今天很好，我们去公园散步，看到了很多美丽的花。" * 6 + "</p>"
    data = (f"<html><head>{filler}<meta charset='gbk'><title>天气</title></head><body><article>"
            f"<h1>天气</h1>{body}{body}</article></body></html>").encode("gbk")
    text = convert.render(convert.parse(data), "txt").decode("utf-8")
    assert "东京的天气今天很好" in text


def test_invalid_and_mixed_utf8_still_converts():
    data = page(ARTICLE_P + "<p>caf\xe9 and café</p>").encode("utf-8").replace(
        b"caf\xc3\xa9 and", b"caf\xe9 and")
    text = convert.render(convert.parse(data), "txt").decode("utf-8")
    assert "committee met on Tuesday" in text


def test_cp1251_text_dump():
    dump = ("Новости\nГлавная\n\nВчера в городе открылась новая библиотека, в которой собрано "
            "более ста тысяч книг, и её первыми посетителями стали школьники.\n\nПо словам "
            "директора, библиотека будет работать каждый день, кроме понедельника, а вход "
            "для всех жителей города останется бесплатным.\n")
    article = convert.parse(dump.encode("cp1251"), kind="auto")
    assert "новая библиотека" in convert.render(article, "txt").decode("utf-8")


# --------------------------------------------------------------------------- characters

def test_control_and_illegal_characters_never_crash_writers():
    nasty = ("NUL\x00 C0\x01\x0b\x1f C1\x80\x9f surrogate &#xD800; &#xDFFF; nonchar &#xFFFE; "
             "&#xFFFF; &#x1FFFF; zw\u200b\u200d bidi\u202e\u2066 end")
    article = convert.parse(page(f"<p>{nasty}</p>{ARTICLE_P}").encode("utf-8"))
    outputs = all_outputs(article)
    for fmt, data in outputs.items():
        assert data, fmt
    text = outputs["txt"].decode("utf-8")
    assert "\x00" not in text and "\x0b" not in text and "end" in text
    json.loads(outputs["json"])


# --------------------------------------------------------------------------- leaks

LEAKY = page(
    "<script>alert('SCRIPT-LEAK')</script><style>.x{content:'STYLE-LEAK'}</style>"
    "<template><p>TEMPLATE-LEAK</p></template><noscript>NOSCRIPT-LEAK</noscript>"
    "<div hidden>HIDDEN-LEAK</div><div style='display:none'>DISPLAYNONE-LEAK</div>"
    "<div aria-hidden='true'>ARIAHIDDEN-LEAK</div>"
    "<iframe src='https://evil.example/'>IFRAME-LEAK</iframe>"
    "<object data='x.swf'>OBJECT-LEAK</object>"
    "<form action='/steal'><input value='FORM-LEAK'><button>FORM-BUTTON-LEAK</button></form>"
    "<p onclick=\"alert('ONCLICK-LEAK')\">Click <a href='javascript:alert(1)'>js link</a>, "
    "<a href='vbscript:msgbox(1)'>vb link</a>, <a href='data:text/html,<script>x</script>'>"
    "data link</a> and <a href='JaVaScRiPt&colon;alert(2)'>mixed case</a>.</p>"
    "<p>Raw <b onmouseover='x()'>markup</b> &lt;script&gt;alert('shown')&lt;/script&gt; stays "
    "text.</p>" + ARTICLE_P)


def test_nothing_dangerous_leaks_into_any_format():
    article = convert.parse(LEAKY.encode("utf-8"), kind="html")
    outputs = all_outputs(article)
    everything = visible_text(outputs)
    for marker in ("SCRIPT-LEAK", "STYLE-LEAK", "TEMPLATE-LEAK", "NOSCRIPT-LEAK", "HIDDEN-LEAK",
                   "DISPLAYNONE-LEAK", "ARIAHIDDEN-LEAK", "IFRAME-LEAK", "OBJECT-LEAK",
                   "FORM-LEAK", "FORM-BUTTON-LEAK", "ONCLICK-LEAK", "onclick", "onmouseover",
                   "javascript:", "vbscript:", "data:text/html", "evil.example"):
        assert marker.lower() not in everything.lower(), marker
    md = outputs["md"].decode("utf-8")
    assert "<script>" not in md  # shown as text, escaped, never live
    assert "committee met on Tuesday" in md


# --------------------------------------------------------------------------- XML attacks

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Laughs</title></head>
<body><article><h1>Laughs</h1><p>&lol4;</p>""" + ARTICLE_P + "</article></body></html>"

XXE = """<?xml version="1.0"?>
<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY net SYSTEM "http://127.0.0.1:9/x">]>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>XXE</title></head>
<body><article><h1>XXE</h1><p>&xxe; &net;</p>""" + ARTICLE_P + "</article></body></html>"


@pytest.mark.parametrize("doc", [BILLION_LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_xml_entities_are_never_expanded(doc):
    article = convert.parse(doc.encode("utf-8"))
    text = visible_text(all_outputs(article))
    assert "lollollol" not in text and "root:" not in text
    assert "committee met on Tuesday" in text


# --------------------------------------------------------------------------- containers

def test_gzip_input(tmp_path):
    src = tmp_path / "page.html.gz"
    src.write_bytes(gzip.compress(page(ARTICLE_P).encode()))
    out = run_cli("convert", str(src), "-t", "txt")
    assert out.returncode == 0 and b"committee met on Tuesday" in out.stdout


def test_gzip_bomb_is_refused(tmp_path):
    src = tmp_path / "bomb.html.gz"
    src.write_bytes(gzip.compress(b"<p>" + b"a" * (80 * 1024 * 1024)))
    out = run_cli("convert", str(src), "-t", "txt", env={"DECRUFT_MAX_INPUT_BYTES": "8000000"})
    assert out.returncode == 1 and b"input limit" in out.stderr and out.stdout == b""


def test_truncated_gzip_is_refused(tmp_path):
    src = tmp_path / "cut.html.gz"
    src.write_bytes(gzip.compress(page(ARTICLE_P * 50).encode())[:-40])
    out = run_cli("convert", str(src), "-t", "txt")
    assert out.returncode == 1 and b"gzip" in out.stderr


# --------------------------------------------------------------------------- size and shape

def _convert_file(tmp_path: Path, name: str, data: bytes, fmt: str = "txt", timeout=120):
    src = tmp_path / name
    src.write_bytes(data)
    target = tmp_path / f"out.{fmt}"
    out = run_cli("convert", str(src), "-o", str(target), timeout=timeout)
    return out, target


@pytest.mark.slow
@pytest.mark.parametrize("name, make, expect", [
    ("nested.html", lambda: ("<html><body>" + "<div>" * 100_000 + ARTICLE_P +
                             "</div>" * 100_000 + "</body></html>").encode(), "committee"),
    ("paragraphs.html", lambda: page("".join(f"<p>Paragraph number {i} of the report says "
                                             f"something useful about item {i}.</p>"
                                             for i in range(50_000))).encode(), "49999"),
    ("table.html", lambda: page(ARTICLE_P + "<table>" + "".join(
        "<tr>" + "".join(f"<td>c{r}-{c}</td>" for c in range(100)) + "</tr>"
        for r in range(1000)) + "</table>").encode(), "committee"),
    ("attrs.html", lambda: page("<p " + " ".join(f"a{i}='{i}'" for i in range(100_000)) +
                                ">Attributes galore.</p>" + ARTICLE_P).encode(), "committee"),
    ("spans.html", lambda: page(ARTICLE_P + "<table><tr><td colspan='99999999' "
                                "rowspan='99999999'>bomb</td><td>x</td></tr>" * 50 +
                                "</table>").encode(), "committee"),
    ("big.html", lambda: page("".join(ARTICLE_P for _ in range(20 * 1024 * 1024 // 200))
                              ).encode(), "committee"),
    ("oneline.txt", lambda: ("The committee met on Tuesday and talked. " * 130_000).encode(),
     "committee"),
])
@pytest.mark.parametrize("fmt", ["txt", "docx", "epub"])
def test_size_and_shape_bombs_finish(tmp_path, name, make, expect, fmt):
    out, target = _convert_file(tmp_path, name, make(), fmt)
    if out.returncode != 0:  # a clean refusal is acceptable, a crash or hang is not
        lines = out.stderr.decode().strip().splitlines()
        assert out.returncode == 1 and len(lines) == 1 and "Traceback" not in lines[0], lines
        assert not target.exists()
    else:
        assert target.stat().st_size > 0
        if fmt == "txt":
            assert expect in target.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- names

@pytest.mark.parametrize("title", ["../../etc/passwd", "/abs/path", "CON", "a\x01b",
                                   "x" * 300, "", "?" * 5])
def test_title_names_stay_inside_the_folder(tmp_path, title):
    doc = {"schema": "decruft.article", "version": "1.0", "meta": {"title": title},
           "blocks": [{"type": "paragraph", "children": [{"type": "text", "text": "Body."}]}]}
    src = tmp_path / "in.json"
    src.write_text(json.dumps(doc))
    outdir = tmp_path / "out"
    out = run_cli("convert", str(src), "-d", str(outdir), "-t", "txt", "--name-from", "title")
    assert out.returncode == 0, out.stderr
    files = list(outdir.iterdir())
    assert len(files) == 1 and files[0].parent == outdir
    assert 0 < len(files[0].name) <= 100 and "/" not in files[0].name
    assert files[0].name.split(".")[0].lower() not in {"con", "prn", "nul", "aux"}


# --------------------------------------------------------------------------- output paths

@pytest.mark.parametrize("target", ["newdir/", "sub/inner/"])
def test_output_path_ending_in_a_slash_is_not_written_as_a_file(tmp_path, target):
    # pathlib drops the trailing slash: -o newdir/ wrote a file named newdir (replacing one of
    # that name); a folder name given to -o is a usage error, and nothing is written.
    src = tmp_path / "page.html"
    src.write_text(page(ARTICLE_P))
    out = run_cli("convert", str(src), "-o", target, "-t", "md", cwd=tmp_path)
    lines = out.stderr.decode().strip().splitlines()
    assert out.returncode == 2 and len(lines) == 1 and "use -d" in lines[0], lines
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]


def test_output_path_ending_in_a_slash_of_an_existing_folder(tmp_path):
    src = tmp_path / "page.html"
    src.write_text(page(ARTICLE_P))
    (tmp_path / "outdir").mkdir()
    out = run_cli("convert", str(src), "-o", "outdir/", "-t", "md", cwd=tmp_path)
    assert out.returncode == 1 and b"is a directory" in out.stderr
    assert list((tmp_path / "outdir").iterdir()) == []


def test_empty_output_path_is_a_usage_error(tmp_path):
    src = tmp_path / "page.html"
    src.write_text(page(ARTICLE_P))
    out = run_cli("convert", str(src), "-o", "", "-t", "md", cwd=tmp_path)
    assert out.returncode == 2 and b"empty output path" in out.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not os.path.exists("/dev/zero"),
                    reason="needs FIFOs and /dev/zero")
def test_a_batch_survives_each_unreadable_input(tmp_path):
    # One bad input of each kind between two good pages: the good ones convert, each bad one
    # is one line naming it, exit 1. (A FIFO nobody writes blocks on open: --timeout ends it.)
    good = [tmp_path / "a.html", tmp_path / "b.html"]
    for path in good:
        path.write_text(page(ARTICLE_P))
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    (tmp_path / "folder").mkdir()
    bad = [str(tmp_path / "folder"), str(fifo), "/dev/zero", str(tmp_path / "missing.html")]
    if os.geteuid() != 0:  # root reads a file whatever its mode
        locked = tmp_path / "locked.html"
        locked.write_text(page(ARTICLE_P))
        locked.chmod(0)
        bad.append(str(locked))
    outdir = tmp_path / "out"
    out = run_cli("convert", str(good[0]), *bad, str(good[1]), "-d", str(outdir), "-t", "md",
                  "--timeout", "3", env={"DECRUFT_MAX_INPUT_BYTES": "100000"})
    lines = out.stderr.decode().strip().splitlines()
    assert out.returncode == 1, lines
    assert sorted(p.name for p in outdir.iterdir()) == ["a.md", "b.md"]
    assert lines[-1] == f"decruft: 2 converted, {len(bad)} failed", lines
    assert len(lines) == len(bad) + 1 and "Traceback" not in out.stderr.decode()
    for path, line in zip(bad, lines):
        assert line.startswith(f"decruft: {path}: "), (path, line)


# --------------------------------------------------------------------------- property

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

_tags = st.sampled_from(["p", "div", "span", "a", "b", "i", "table", "tr", "td", "ul", "li",
                         "h1", "h2", "pre", "code", "blockquote", "figure", "img", "br",
                         "script", "style", "article", "nav", "sup", "svg", "math"])
_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
_attr = st.sampled_from(["", " class='content'", " href='javascript:x'", " src='data:x'",
                         " colspan='1000000'", " hidden", " lang='xx'"])
_html = st.lists(st.one_of(
    st.builds(lambda t, a, x: f"<{t}{a}>{x}", _tags, _attr, _text),
    st.builds(lambda t: f"</{t}>", _tags), _text), max_size=40).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=2000), _html.map(lambda s: s.encode("utf-8", "replace"))))
def test_any_input_converts_or_fails_cleanly(data):
    try:
        article = convert.parse(data)
    except DecruftError:
        return
    for fmt in FORMATS:
        out = convert.render(article, fmt)
        assert isinstance(out, bytes)
        if fmt == "json":
            assert convert.parse(out, kind="json") == article
        if fmt in ("docx", "epub"):
            with zipfile.ZipFile(io.BytesIO(out)) as zf:
                assert zf.testzip() is None
