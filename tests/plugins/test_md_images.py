"""Markdown of saved pages: --embed-images inlines a saved page's images as data: URIs
(convert.images), never a file from outside the page's folder, and never fetches without
--fetch-images. (Moved out of test_markdown.py, which holds the writer's own tests.)"""

from __future__ import annotations

import base64

from cliutil import run_cli
from markdown_it import MarkdownIt
from mdcheck import visible
from savedpage import PNG, convert as convert_page, escaping_sources, image_server, png, \
    saved_page

MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])

DATA_PNG = "data:image/png;base64," + base64.b64encode(PNG).decode("ascii")


def _image_srcs(markdown: bytes) -> list[str]:
    _, tags = visible(MD.render(markdown.decode("utf-8")))
    return [attrs["src"] for tag, attrs in tags if tag == "img"]


def test_saved_page_images_embedded_only_with_embed_images(tmp_path):
    page = saved_page(tmp_path, "page_files/pic.png",
                      canonical="https://example.com/a/page.html")
    assert _image_srcs(convert_page(page, "plain.md")) == [
        "https://example.com/a/page_files/pic.png"]
    embedded = convert_page(page, "out.md", "--embed-images")
    assert _image_srcs(embedded) == [DATA_PNG]
    assert f"![picture 1]({DATA_PNG})".encode() in embedded
    assert convert_page(page, "again.md", "--embed-images") == embedded  # deterministic
    none = convert_page(page, "none.md", "--embed-images", "--no-images")
    assert _image_srcs(none) == [] and b"Caption 1" in none
    # Without a canonical URL the relative path stays as it is.
    page = saved_page(tmp_path / "other", "page_files/pic.png")
    assert _image_srcs(convert_page(page, "plain.md")) == ["page_files/pic.png"]


def test_embed_images_in_a_bundle_resolves_each_page_in_its_own_folder(tmp_path):
    one = saved_page(tmp_path / "one", "page_files/pic.png")
    two = saved_page(tmp_path / "two", "page_files/pic.png", name="two")
    (two.parent / "two_files" / "pic.png").write_bytes(png(5, 5, (0, 255, 0)))
    proc = run_cli("convert", str(one), str(two), "-o", str(tmp_path / "both.md"), "-q",
                   "--embed-images")
    assert proc.returncode == 0, proc.stderr.decode()
    srcs = _image_srcs((tmp_path / "both.md").read_bytes())
    assert len(srcs) == 2 and srcs[0] == DATA_PNG and srcs[1].startswith("data:image/png")
    assert srcs[1] != srcs[0]


def test_embed_images_cannot_reach_files_outside_the_page_folder(tmp_path):
    page = saved_page(tmp_path, *escaping_sources(tmp_path))
    out = convert_page(page, "out.md", "--embed-images")
    assert b"data:" not in out
    assert all(not s.startswith(("data:", "file:")) for s in _image_srcs(out))


def test_embed_images_does_not_fetch_for_a_local_page_without_fetch_images(tmp_path):
    with image_server() as (base, requests):
        page = saved_page(tmp_path, f"{base}/remote/photo.png")
        out = convert_page(page, "out.md", "--embed-images")
        assert requests == [] and _image_srcs(out) == [f"{base}/remote/photo.png"]
        out = convert_page(page, "fetched.md", "--embed-images", "--fetch-images")
        assert requests == ["/remote/photo.png"] and _image_srcs(out) == [DATA_PNG]
        out = convert_page(page, "plain.md", "--fetch-images")  # no --embed-images: the URL
        assert len(requests) == 1 and _image_srcs(out) == [f"{base}/remote/photo.png"]
