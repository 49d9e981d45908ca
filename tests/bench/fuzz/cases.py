"""What the fuzzer runs: the seed pages (built-in, and tune pages of the corpus), a case (one
seed page and one mutation, with the seed of its random generator) and the plan of a run.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from .mutations import MUTATIONS

_PARA = ("<p>The council met on Tuesday to discuss the new budget for the river bridge, which "
         "includes money for the school, the museum and the public library, and agreed to "
         "publish its report before the end of the season.</p>")
BUILTIN = {
    "builtin-article": ("html", (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Budget report</title>"
        "<meta name='author' content='Ann Writer'></head><body><nav><a href='/'>Home</a> "
        "<a href='/news'>News</a></nav><article><h1>Budget report</h1><p class='byline'>By Ann "
        "Writer</p>" + _PARA * 3 + "<h2>Details</h2><p>See <a href='/details'>the details</a> "
        "and <a href='https://example.org/x'>the source</a>.</p>" + _PARA * 2 +
        "</article><footer>Copyright 2026</footer></body></html>").encode()),
    "builtin-rich": ("html", (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Rich page</title></head><body>"
        "<main><article><h1>Rich page</h1>" + _PARA + "<figure><img src='/a.png' alt='A chart'>"
        "<figcaption>The chart</figcaption></figure><ul><li>One item of the list</li><li>Two "
        "<a href='/two'>link</a></li></ul><table><tr><th>Year</th><th>Money</th></tr><tr><td>"
        "2025</td><td>100</td></tr></table><pre><code>print('hello')\n</code></pre><blockquote>"
        "<p>A quoted sentence that is long enough to be kept in the article body.</p>"
        "</blockquote>" + _PARA * 2 + "</article></main></body></html>").encode()),
    "builtin-dump": ("text", (
        "Home | News | Sport | Contact\n\nBudget report\n\nBy Ann Writer, 3 March 2026\n\n" +
        "The council met on Tuesday to discuss the new budget for the river bridge, which "
        "includes money for the school, the museum and the public library.\n\n" * 4 +
        "Share this: Facebook Twitter\nCopyright 2026\n").encode()),
}


@dataclass(frozen=True)
class Seed:
    name: str
    kind: str  # "html" or "text"
    path: str | None  # None: built-in

    def data(self) -> bytes:
        if self.path is None:
            return BUILTIN[self.name][1]
        return Path(self.path).read_bytes()


def seeds(corpus: Path | None, per_set: int, rng: random.Random) -> list[Seed]:
    """The built-in pages, and ``per_set`` tune pages (with their dumps) of each corpus set."""
    out = [Seed(name, kind, None) for name, (kind, _) in BUILTIN.items()]
    if corpus is None:
        return out
    from tests.bench.split import load_check

    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        check = load_check(folder.name) or set()
        ids = sorted({p.stem for p in folder.iterdir() if p.suffix in (".html", ".txt")}
                     - check)
        for page_id in rng.sample(ids, min(per_set, len(ids))):
            for suffix, kind in ((".html", "html"), (".txt", "text")):
                path = folder / f"{page_id}{suffix}"
                if path.exists() and path.stat().st_size < 2_000_000:
                    out.append(Seed(f"{folder.name}/{page_id}{suffix}", kind, str(path)))
    return out


# The slow shapes (megabytes each) are drawn less often than the cheap ones.
_WEIGHT = {"json-ld": 0.5, "giant-attr": 0.3, "entities": 0.5, "one-line": 0.2, "deep-inline": 0.5}


@dataclass(frozen=True)
class Case:
    index: int
    seed: Seed
    mutation: str
    rng_seed: int

    def data(self) -> bytes:
        fn = MUTATIONS[self.mutation][0]
        return fn(random.Random(self.rng_seed), self.seed.data(), self.seed.kind)


def plan(seed: int, count: int, corpus: Path | None, per_set: int,
         only: list[str] | None = None) -> list[Case]:
    rng = random.Random(seed)
    pages = seeds(corpus, per_set, rng)
    names = [n for n in MUTATIONS if not only or n in only]
    pages = [p for p in pages if any(p.kind in MUTATIONS[n][1] for n in names)]
    cases = []
    for i in range(count):
        page = rng.choice(pages)
        usable = [n for n in names if page.kind in MUTATIONS[n][1]]
        mutation = rng.choices(usable, [_WEIGHT.get(n, 1.0) for n in usable])[0]
        cases.append(Case(i, page, mutation, rng.getrandbits(64)))
    return cases
