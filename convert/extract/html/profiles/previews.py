"""A post's collapsed preview: the opening lines a Q&A page shows of a long answer (cut at a
fixed height, mid-sentence or with '…') in front of the whole answer, which the page holds in the same post
for its "(more)" link. Both copies are in the markup; a reader sees the answer once.
"""

from __future__ import annotations

from convert.article import Block
from convert.extract.ablation import rule
from convert.textutil import block_texts

from ...lazyre import lazy

__all__ = ["without_preview", "POST_PREVIEWS"]

POST_PREVIEWS = rule("forum_post_previews", "a post opening with a run of blocks that the same "
                     "post then repeats in full (the last one may be cut short: a "
                     "collapsed preview of a long answer) keeps the full copy only")

#: A preview holds at least this many words (fewer: a greeting repeated, not a preview).
MIN_PREVIEW_WORDS = 8
_TOKEN = lazy(r"\w+")
_CUT = lazy(r"\s*(?:…|\.\.\.|\(more\))\s*$")


def _key(block: Block) -> str:
    return " ".join(" ".join(block_texts([block])).split()).lower()


def _same(preview: str, full: str, last: bool) -> bool:
    """Whether a preview's line is the full one, or (its ``last`` line) cut from it."""
    if preview == full:
        return True
    if not last:
        return False
    cut = _CUT.sub("", preview)  # (cut with '…', or at the box's height mid-sentence)
    return bool(cut) and full.startswith(cut)


def without_preview(blocks: list[Block]) -> list[Block]:
    """The post's blocks without the collapsed preview they open with (see
    :data:`POST_PREVIEWS`): blocks ``[0, m)`` that blocks ``[m, 2m)`` repeat, the last of
    them maybe cut short (the start of its full line)."""
    if not POST_PREVIEWS or len(blocks) < 2:
        return blocks
    keys = [_key(b) for b in blocks]
    if not keys[0]:
        return blocks
    for m in range(1, len(blocks) // 2 + 1):
        if not all(_same(keys[i], keys[m + i], i == m - 1) for i in range(m)):
            continue
        if sum(len(_TOKEN.findall(k)) for k in keys[:m]) < MIN_PREVIEW_WORDS:
            return blocks
        return blocks[m:]
    return blocks
