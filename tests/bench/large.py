"""Two large pages for the super-linear costs of issue #14: ``python -m tests.bench.large OUTDIR``.

Writes, deterministically (a seeded ``random.Random``, no corpus needed):

* ``big-article.html``: a ~5 MB news page, an article of a few hundred paragraphs (headings,
  figures, lists, a table, quotes) inside the usual furniture: a mega-menu, breadcrumbs,
  share bars, a sidebar of teasers, thousands of related-story cards, a comment thread and a
  footer of link columns;
* ``many-paragraphs.html``: one ``<article>`` of 50,000 ``<p>`` paragraphs (~5 MB).

Measure one of them with ``python -m tests.bench.large --parse FILE`` under callgrind (as in
``instructions.py``: subtract a ``--parse none`` run, which does the imports and warm-up)::

    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=cg.big \\
        python -m tests.bench.large --parse OUTDIR/big-article.html
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

_WORDS = ("the", "of", "and", "to", "a", "in", "that", "is", "was", "for", "on", "with", "as",
          "council", "river", "budget", "report", "said", "year", "people", "city", "water",
          "government", "school", "would", "minister", "plan", "new", "local", "residents",
          "energy", "project", "million", "week", "announced", "health", "public", "transport",
          "market", "police", "court", "decision", "election", "village", "bridge", "farmers",
          "weather", "season", "team", "players", "museum", "history", "students", "hospital")
_SECTIONS = ("News", "World", "Business", "Sport", "Culture", "Science", "Opinion", "Travel",
             "Health", "Technology", "Climate", "Politics", "Money", "Food", "Books")


def _sentence(rng: random.Random, lo: int = 8, hi: int = 24) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(lo, hi))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + rng.choice(".....?!")


def _paragraph(rng: random.Random, lo: int = 2, hi: int = 6) -> str:
    parts = []
    for _ in range(rng.randint(lo, hi)):
        s = _sentence(rng)
        if rng.random() < 0.15:
            w = rng.choice(_WORDS)
            s = s.replace(f" {w} ", f' <a href="/topic/{w}">{w}</a> ', 1)
        if rng.random() < 0.1:
            s = s.replace(" the ", " <em>the</em> ", 1)
        parts.append(s)
    return " ".join(parts)


def _title(rng: random.Random) -> str:
    return _sentence(rng, 5, 11).rstrip(".?!")


def _nav(rng: random.Random) -> str:
    cols = []
    for sec in _SECTIONS:
        items = "".join(f'<li><a href="/{sec.lower()}/{i}">{_title(rng)[:30]}</a></li>'
                        for i in range(12))
        cols.append(f'<li class="menu-item"><a href="/{sec.lower()}">{sec}</a>'
                    f'<ul class="sub-menu">{items}</ul></li>')
    return (f'<header class="site-header"><div class="logo"><a href="/">The Daily Example</a>'
            f'</div><nav class="main-nav" role="navigation"><ul class="menu">{"".join(cols)}'
            f'</ul></nav><form class="search"><input type="search" name="q">'
            f'<button>Search</button></form></header>')


def _card(rng: random.Random, i: int) -> str:
    sec = rng.choice(_SECTIONS)
    return (f'<div class="card teaser"><a class="card-link" href="/{sec.lower()}/story-{i}">'
            f'<img src="/img/{i}-320x180.jpg" alt="" loading="lazy"><span class="kicker">{sec}'
            f'</span><h3 class="card-title">{_title(rng)}</h3></a><p class="card-summary">'
            f'{_sentence(rng)}</p><span class="meta">{rng.randint(1, 59)} min ago</span></div>')


def _article(rng: random.Random, paragraphs: int) -> str:
    body = []
    for i in range(paragraphs):
        if i and i % 25 == 0:
            body.append(f"<h2>{_title(rng)}</h2>")
        if i % 40 == 7:
            body.append(f'<figure><img src="/img/photo-{i}-1280x720.jpg" alt="{_title(rng)}">'
                        f'<figcaption>{_sentence(rng)} <span class="credit">Photo: Agency'
                        f'</span></figcaption></figure>')
        if i % 55 == 13:
            body.append("<ul>" + "".join(f"<li>{_sentence(rng, 4, 12)}</li>"
                                         for _ in range(rng.randint(3, 7))) + "</ul>")
        if i % 90 == 31:
            body.append(f"<blockquote><p>{_paragraph(rng, 1, 3)}</p></blockquote>")
        if i % 70 == 50:
            body.append('<div class="ad-slot" data-ad="inline">Advertisement</div>')
        if i == 120:
            rows = "".join(f"<tr><td>{rng.choice(_SECTIONS)}</td><td>{rng.randint(1, 999)}</td>"
                           f"<td>{rng.randint(1, 99)}%</td></tr>" for _ in range(20))
            body.append(f"<table><thead><tr><th>Area</th><th>Cases</th><th>Share</th></tr>"
                        f"</thead><tbody>{rows}</tbody></table>")
        body.append(f"<p>{_paragraph(rng)}</p>")
    share = ('<div class="share-bar"><a href="#">Share on Facebook</a><a href="#">Share on X</a>'
             '<a href="#">Email</a><a href="#">Copy link</a></div>')
    return (f'<article class="story"><header><div class="breadcrumbs"><a href="/">Home</a> / '
            f'<a href="/news">News</a></div><h1 class="headline">{_title(rng)}</h1>'
            f'<p class="standfirst">{_sentence(rng, 15, 25)}</p><div class="byline">By '
            f'<a href="/authors/jane-doe" rel="author">Jane Doe</a> <time datetime='
            f'"2024-04-18T09:30:00Z">18 April 2024</time></div></header>{share}'
            f'<div class="article-body">{"".join(body)}</div>{share}'
            f'<div class="tags"><a href="/tag/a">Council</a><a href="/tag/b">Budget</a></div>'
            f'</article>')


def _comments(rng: random.Random, n: int) -> str:
    items = []
    for i in range(n):
        items.append(f'<li class="comment" id="c{i}"><div class="comment-author">reader{i}'
                     f'</div><div class="comment-body"><p>{_paragraph(rng, 1, 3)}</p></div>'
                     f'<a class="reply" href="#c{i}">Reply</a></li>')
    return f'<section class="comments"><h2>Comments</h2><ol>{"".join(items)}</ol></section>'


def _footer(rng: random.Random) -> str:
    cols = "".join(
        f'<div class="footer-col"><h4>{sec}</h4><ul>'
        + "".join(f'<li><a href="/{sec.lower()}/f{i}">{_title(rng)[:25]}</a></li>'
                  for i in range(20)) + "</ul></div>" for sec in _SECTIONS)
    return (f'<footer class="site-footer">{cols}<p class="copyright">© 2024 The Daily Example. '
            f'All rights reserved.</p><div class="cookie-banner">We use cookies to improve your '
            f'experience. <button>Accept</button></div></footer>')


def big_article(seed: int = 14) -> str:
    """A ~5 MB article page buried in navigation, teasers and comments."""
    rng = random.Random(seed)
    sidebar = ('<aside class="sidebar"><h2>Most read</h2>'
               + "".join(_card(rng, i) for i in range(300)) + "</aside>")
    rows = []
    for r in range(3000):  # rows of three columns, as grid frameworks nest them
        cols = "".join(f'<div class="col col-4"><div class="inner">{_card(rng, 1000 + 3 * r + c)}'
                       f'</div></div>' for c in range(3))
        rows.append(f'<div class="row">{cols}</div>')
    related = ('<section class="related"><h2>More stories</h2><div class="container"><div '
               f'class="grid">{"".join(rows)}</div></div></section>')
    head = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Council '
            'approves the river budget | The Daily Example</title><meta property="og:title" '
            'content="Council approves the river budget"><meta name="author" content="Jane Doe">'
            '<meta property="article:published_time" content="2024-04-18T09:30:00Z">'
            '<link rel="canonical" href="https://example.com/news/river-budget">'
            '<script>window.dataLayer = [];</script><style>.card{display:block}</style></head>')
    # Page builders wrap every region in a few layers of layout divs.
    wrap = "".join(f'<div class="wrap-{i}">' for i in range(8))
    unwrap = "</div>" * 8
    return (f'{head}<body class="article-page">{wrap}{_nav(rng)}<main><div class="layout">'
            f'<div class="content-col">{wrap}{_article(rng, 600)}{unwrap}</div>{sidebar}</div>'
            f'{related}{_comments(rng, 1500)}</main>{_footer(rng)}{unwrap}</body></html>')


def many_paragraphs(count: int = 50_000, seed: int = 15) -> str:
    """One article of ``count`` paragraphs."""
    rng = random.Random(seed)
    paras = "".join(f"<p>{_paragraph(rng, 1, 2)}</p>" for _ in range(count))
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A very long '
            'document</title></head><body><article><h1>A very long document</h1>'
            f'{paras}</article></body></html>')


PAGES = {"big-article.html": big_article, "many-paragraphs.html": many_paragraphs}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("outdir", type=Path, nargs="?")
    ap.add_argument("--parse", metavar="FILE|none",
                    help="warm up, then convert.parse FILE once ('none': warm-up only)")
    args = ap.parse_args(argv)
    if args.parse:
        import convert
        convert.parse(b"<html><body><article><p>" + b"Warm up the extractor. " * 40
                      + b"</p></article></body></html>")
        if args.parse != "none":
            convert.parse(Path(args.parse).read_bytes(), location=args.parse)
        return
    if args.outdir is None:
        ap.error("OUTDIR is required")
    args.outdir.mkdir(parents=True, exist_ok=True)
    for name, make in PAGES.items():
        data = make().encode("utf-8")
        (args.outdir / name).write_bytes(data)
        print(f"{name}: {len(data) / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
