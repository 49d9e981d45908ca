"""A forum page's thread weighed against what the generic cascade found: which of the two
the page keeps (:func:`preferred`), and the opening post the cascade found outside the run of
replies leading the thread (:func:`with_lead`).

The thread (:mod:`.forum`) wins when it holds clearly more words than the cascade's content,
or when it covers nearly all of that content's running text and adds some: a thread is the
page's structure (each post with its author and time), the cascade's run only its text. The
cascade's lines that every post repeats (a name, a "Reply"), its quotations and the posts'
own furniture (signatures, user cards) are no part of what the thread must cover.
"""

from __future__ import annotations

from convert.article import Block, Div, Paragraph, Quote, Text
from convert.extract.ablation import rule
from convert.textutil import block_texts

from selectolax.lexbor import LexborNode

from ..dom import inside
from . import postparts
from .repeats import Group, words
from ...lazyre import lazy

__all__ = ["preferred", "same_posts", "holds", "with_lead", "furniture_shingles"]

COVERING_THREAD = rule("forum_covering_thread", "the thread replaces the cascade's content "
                       "also when it holds nearly all of it and more posts besides")
SHED_FURNITURE = rule("forum_shed_furniture", "when the thread is weighed against the "
                      "cascade's content, the cascade's lines that are the posts' furniture "
                      "(signatures the thread leaves out) are not what it must cover")
EVEN_THREAD = rule("forum_even_thread", "a thread holding nearly all the cascade found "
                   "replaces it also when it is only a little longer (a few words more than "
                   "its running text, not 40, and more than all its words): the posts, each "
                   "with its author and time, are the page's structure")
POST_HEADERS = rule("forum_post_headers", "when the thread is weighed against the cascade's "
                    "content, the cascade's lines that are the posts' headers (the element "
                    "around a post's author outside its message: the name, a score, the time, "
                    "a replies count) are not what it must cover: the thread keeps the name "
                    "and the time of each")
SAME_POSTS = rule("forum_same_posts", "a thread holding nearly all the cascade's running text, "
                  "whose own running text is nearly all in the cascade's content, and no fewer "
                  "words than that running text, replaces it though it adds nothing: both read "
                  "the same posts, and the thread gives each its author and time without the "
                  "user cards and buttons between them")
EVEN_SHED = rule("forum_even_shed", "with forum_even_thread, the thread is weighed against "
                 "the cascade's words without the posts' furniture and headers (their vote "
                 "counts, 'permalink · save · report · reply' bars): a thread holding the "
                 "cascade's posts and one more is longer than them though not than their "
                 "buttons")
LEAD_POST = rule("forum_lead_post", "the opening post the cascade found outside the run of "
                 "replies (a question above its answers, a story above its comments) leads "
                 "the thread")

#: The thread replaces the generic cascade's content only when it holds this many times its
#: words: it found posts the cascade left out (else the cascade's cleaner run stays).
GAIN_FACTOR = 1.3
#: ...or when it holds this share of the cascade's word trigrams and this many words more.
MIN_COVER = 0.9
MIN_EXTRA_WORDS = 40
#: ...with :data:`EVEN_THREAD`, this many words more.
MIN_EVEN_EXTRA_WORDS = 10
#: The cascade's leading blocks missing from the thread lead it when they hold this many words
#: (fewer are a title or a by-line, which the page's metadata already carries).
MIN_LEAD_WORDS = 15
#: ...and a block of the cascade shares at most this share of its word trigrams with the
#: thread (more: the thread holds it, and the lead ends there).
MAX_LEAD_OVERLAP = 0.2


_TOKEN = lazy(r"\w+")


def _shingles(blocks: list[Block]) -> set[tuple[str, ...]]:
    """The word trigrams of the blocks' text (lower-cased)."""
    toks = _TOKEN.findall(" ".join(block_texts(blocks)).lower())
    return {tuple(toks[i:i + 3]) for i in range(len(toks) - 2)}


def _prose_shingles(blocks: list[Block]) -> set[tuple[str, ...]]:
    """The word trigrams of the blocks' lines of running text
    (:data:`.postparts.MIN_PROSE_WORDS` words or more): a user card's name and title, a
    tagline or a button is no part of a post."""
    out: set[tuple[str, ...]] = set()
    for text in block_texts(blocks):
        toks = _TOKEN.findall(text.lower())
        if len(toks) >= postparts.MIN_PROSE_WORDS:
            out.update(tuple(toks[i:i + 3]) for i in range(len(toks) - 2))
    return out


def _prose_words(blocks: list[Block]) -> int:
    """Words of the blocks' lines of running text (see :func:`_prose_shingles`)."""
    counts = (len(_TOKEN.findall(text)) for text in block_texts(blocks))
    return sum(c for c in counts if c >= postparts.MIN_PROSE_WORDS)


def with_lead(thread: list[Block], generic: list[Block],
              region: set[tuple[str, ...]] | None = None) -> list[Block]:
    """The thread led by the cascade's leading blocks it does not hold (see :data:`LEAD_POST`):
    the opening post a page marks up apart from its replies. A block counts as held when most
    of its word trigrams are in the thread. With the word trigrams of the main landmark
    around the thread (``region``, see :data:`.forum.OPENING_IN_MAIN`), a leading block
    outside it (a sidebar's text) is no lead."""
    if not LEAD_POST or not generic:
        return thread
    held = _shingles(thread)
    lead: list[Block] = []
    for block in generic:
        own = _shingles([block])
        if own and len(own & held) > MAX_LEAD_OVERLAP * len(own):
            break
        if region is not None and own and len(own & region) < MIN_COVER * len(own):
            continue
        lead.append(block)
    if words(lead) < MIN_LEAD_WORDS:
        return thread
    return [Div(tuple(lead), "post")] + thread


def _unquoted(blocks: list[Block]) -> list[Block]:
    """The blocks without their quotations (inside sections too)."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Quote):
            continue
        if isinstance(block, Div):
            out.append(Div(tuple(_unquoted(list(block.blocks))), block.role))
        else:
            out.append(block)
    return out


#: A cascade's line is a post's furniture when this share of its word trigrams are.
MIN_FURNITURE_SHARE = 0.5


def furniture_shingles(group: Group) -> set[tuple[str, ...]]:
    """The word trigrams of the furniture inside the thread's posts (signatures, user cards,
    action bars; see :data:`SHED_FURNITURE`)."""
    out: set[tuple[str, ...]] = set()
    if not SHED_FURNITURE:
        return out
    for item in group.items:
        for node in item.css("aside, [class], [id]"):
            if node.mem_id != item.mem_id and postparts.furniture(node):
                toks = _TOKEN.findall(node.text(deep=True, separator=" ").lower())
                out.update(tuple(toks[i:i + 3]) for i in range(len(toks) - 2))
        header = _header(item, group.replies) if POST_HEADERS else None
        if header is not None:
            # (joined as the cascade's line joins it: '188 points189 points')
            for text in (header.text(deep=True), header.text(deep=True, separator=" ")):
                toks = _TOKEN.findall(text.lower())
                out.update(tuple(toks[i:i + 3]) for i in range(len(toks) - 2))
    return out


#: A post's header holds at most this many characters (more: the author sits in the post's
#: body, and its text is no header).
MAX_HEADER_CHARS = 200


def _header(item: LexborNode, template: postparts.Template | None) -> LexborNode | None:
    """The post's header (see :data:`POST_HEADERS`): the largest element around its author
    that does not hold its message, when it is short; else ``None`` (a post whose markup
    names no message has no header apart from it)."""
    author = postparts.author_of(item, template)
    if author is None:
        return None
    time = postparts.time_of(item, template)
    message = postparts.message_of(item, [m for m in (author, time) if m is not None],
                                   template)
    if message.mem_id == item.mem_id:
        return None
    header = author
    up = author.parent
    while up is not None and up.mem_id != item.mem_id and not inside(message, up) \
            and up.mem_id != message.mem_id:
        header, up = up, up.parent
    if len(header.text(deep=True).strip()) > MAX_HEADER_CHARS:
        return None
    return header


def _shed(blocks: list[Block], furniture: set[tuple[str, ...]]) -> list[Block]:
    """The blocks' lines as paragraphs without those that are mostly ``furniture``."""
    out: list[Block] = []
    for text in block_texts(blocks):
        own = _shingles([Paragraph((Text(text),))])
        if own and len(own & furniture) >= MIN_FURNITURE_SHARE * len(own):
            continue
        out.append(Paragraph((Text(text),)))
    return out


def preferred(thread: list[Block], generic: list[Block],
              furniture: set[tuple[str, ...]] | None = None) -> bool:
    """Whether the thread's blocks should replace the generic cascade's (see
    :data:`GAIN_FACTOR`), or with :data:`COVERING_THREAD` whether the thread holds nearly all
    the cascade found and more; the cascade's lines that are mostly ``furniture`` (see
    :func:`furniture_shingles`) need no covering."""
    n = words(thread)
    g = words(generic)
    if n >= GAIN_FACTOR * g:
        return True
    # (the cascade's quotations are no part of what the thread must cover: it leaves them
    # out, see postparts.POST_QUOTES)
    own_blocks = _unquoted(generic) if postparts.POST_QUOTES else generic
    if furniture:
        own_blocks = _shed(own_blocks, furniture)
    # (with EVEN_THREAD: a few words more than the cascade's prose, and more than all of it)
    bar = words(own_blocks) if EVEN_SHED and furniture else g
    extra = MIN_EVEN_EXTRA_WORDS if EVEN_THREAD and n > bar else MIN_EXTRA_WORDS
    if not COVERING_THREAD:
        return False
    prose = _prose_words(own_blocks)
    longer = n > prose + extra
    if not longer and not (SAME_POSTS and n >= prose):
        return False
    own = _prose_shingles(own_blocks)
    if not own or len(own & _shingles(thread)) < MIN_COVER * len(own):
        return False
    if longer:
        return True
    # (SAME_POSTS: the thread's running text is the cascade's too, not another region's)
    return _within(thread, generic)


def _within(thread: list[Block], generic: list[Block]) -> bool:
    """Whether nearly all the thread's running text (:data:`MIN_COVER` of its word trigrams)
    is in the cascade's blocks."""
    mine = _prose_shingles(thread)
    return bool(mine) and len(mine & _shingles(generic)) >= MIN_COVER * len(mine)


def same_posts(thread: list[Block], generic: list[Block],
               furniture: set[tuple[str, ...]] | None = None) -> bool:
    """Whether the thread and the cascade's content read the same posts: the thread holds
    nearly all the cascade's running text (without its quotations and the posts'
    ``furniture``) and no fewer words, nearly all its own running text is in the cascade's,
    and it holds no more words than the cascade's content."""
    n = words(thread)
    if n > words(generic):
        return False
    own_blocks = _unquoted(generic) if postparts.POST_QUOTES else generic
    if furniture:
        own_blocks = _shed(own_blocks, furniture)
    if n < _prose_words(own_blocks):
        return False
    own = _prose_shingles(own_blocks)
    return bool(own) and len(own & _shingles(thread)) >= MIN_COVER * len(own) \
        and _within(thread, generic)


def holds(thread: list[Block], generic: list[Block]) -> bool:
    """Whether the thread holds nearly all the cascade's running text (:data:`MIN_COVER` of
    its word trigrams)."""
    own = _prose_shingles(generic)
    return bool(own) and len(own & _shingles(thread)) >= MIN_COVER * len(own)
