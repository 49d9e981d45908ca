"""Render the example pages in every format and take a picture of the first page of each.

    python docs/screenshots/make.py          # every format
    python docs/screenshots/make.py pdf      # only decruft's own PDFs (no LibreOffice)

Needs LibreOffice (``soffice``) and poppler's ``pdftoppm`` (Debian packages
``libreoffice-writer-nogui`` and ``poppler-utils``). Markdown is shown as markdown-it renders
it, EPUB as its chapter XHTML with the book's stylesheet, DOCX as LibreOffice opens it, all
turned into a PDF by LibreOffice and the first page into a PNG next to this script. The
``pdf`` format is decruft's own PDF (WeasyPrint, ``decruft[pdf]``), pictured as it is.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import convert

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parents[1] / "examples"
PAGES = {"field-notes": EXAMPLES / "field-notes.html", "seed": EXAMPLES / "seed-rt-article.txt"}


def to_pdf(src: Path, out: Path) -> Path:
    # HTML goes through Writer's HTML import: the default (Writer/Web) export drops headings.
    infilter = ["--infilter=HTML (StarWriter)"] if src.suffix == ".html" else []
    subprocess.run(["soffice", "--headless", *infilter, "--convert-to", "pdf", "--outdir",
                    str(out), str(src)], check=True, capture_output=True, timeout=180)
    return out / (src.stem + ".pdf")


def to_png(pdf: Path, target: Path) -> None:
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(target.with_suffix(""))], check=True, timeout=120)


def pdf_shots() -> None:
    """The first page of each example as decruft's ``-t pdf`` writes it."""
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in PAGES.items():
            pdf = Path(tmp) / f"{name}.pdf"
            pdf.write_bytes(convert.render(convert.parse(path), "pdf"))
            target = HERE / f"{name}-pdf.png"
            to_png(pdf, target)
            print(f"wrote {target.relative_to(HERE.parents[1])}")


def main() -> int:
    if sys.argv[1:] == ["pdf"]:
        if not shutil.which("pdftoppm"):
            print("needs pdftoppm", file=sys.stderr)
            return 1
        pdf_shots()
        return 0
    if not (shutil.which("soffice") and shutil.which("pdftoppm")):
        print("needs soffice and pdftoppm", file=sys.stderr)
        return 1
    from markdown_it import MarkdownIt

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name, path in PAGES.items():
            article = convert.parse(path)
            # Markdown as a Markdown viewer shows it.
            md = convert.render(article, "md").decode("utf-8")
            html = MarkdownIt("commonmark").enable("table").render(md)
            md_html = work / f"{name}-md.html"
            md_html.write_text(f"<html><head><meta charset='utf-8'></head><body "
                               f"style='font-family:sans-serif;max-width:40em'>{html}</body>"
                               f"</html>", encoding="utf-8")
            # DOCX as Word/LibreOffice opens it.
            docx = work / f"{name}-docx.docx"
            docx.write_bytes(convert.render(article, "docx"))
            # EPUB: the chapter with the book's own stylesheet, as a reading system lays it out.
            epub_dir = work / f"{name}-epub"
            with zipfile.ZipFile(io.BytesIO(convert.render(article, "epub"))) as zf:
                zf.extractall(epub_dir)
            chapters = sorted(p for p in epub_dir.rglob("*.xhtml") if "nav" not in p.name)
            chapter = chapters[0]
            epub_html = chapter.with_name(f"{name}-epub.html")
            epub_html.write_bytes(chapter.read_bytes())
            for src, label in ((md_html, "md"), (docx, "docx"), (epub_html, "epub")):
                pdf = to_pdf(src, work)
                target = HERE / f"{name}-{label}.png"
                to_png(pdf, target)
                print(f"wrote {target.relative_to(HERE.parents[1])}")
    pdf_shots()
    return 0


if __name__ == "__main__":
    sys.exit(main())
