"""Forum threads: every post in order, each a section with its author and time.

A thread repeats one post template side by side: the same element per post, each holding an
author (a profile link, an element named ``author``/``username``/``poster``), a time (a
``<time>`` element or one named ``date``/``time``) and the message. The run of such posts
holding the most text (:mod:`.repeats`) is the thread; every post becomes a
:class:`~convert.article.Div` (role ``post``) of its author line, its time line and the blocks
of its message, so a thread is not cut to its first or longest post. The message is the
innermost element named as one; what a post carries besides it (signatures, reactions,
votes, action links, an author pane, a quoted earlier post) stays out. Replies nested under
their parent post join the run, and an opening post marked up apart from the replies (a
question above its answers) leads it (:func:`.weighing.with_lead`). Whether the thread
replaces what the generic cascade found is :mod:`.weighing`'s call.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from convert.article import Block, Div, Paragraph, Text
from convert.extract.ablation import rule
from convert.textutil import block_texts, clean_text, squash

from ..dom import inside, is_hidden, within
from ..measure import text_len
from . import sifted
from .repeats import Group, _lead_class, groups, in_chrome, visible_len
from ...lazyre import lazy

__all__ = ["find", "build", "opening", "furniture", "FORUM_PROFILE"]

FORUM_PROFILE = rule("forum_profile", "on a forum page the run of repeated posts (each with an "
                     "author or a time) is the thread, a section per post")
INNER_MESSAGE = rule("forum_inner_message", "a post's message is the innermost element named as "
                     "a message that still holds nearly all of the outermost one's text")
POST_FURNITURE = rule("forum_post_furniture", "inside a post, elements named for signatures, "
                      "reactions, votes, action buttons and post footers are left out")
NESTED_REPLIES = rule("forum_nested_replies", "posts of the thread's template under other "
                      "parents (nested replies, later pages' blocks) join the thread in page "
                      "order")
WRAPPED_THREADS = rule("forum_wrapped_threads", "a thread inside a <form> (moderation tools) "
                       "or a <noscript> (the crawler view of a script-built forum) is searched "
                       "too: the repeated-runs walk leaves those wrappers out")
POST_QUOTES = rule("forum_post_quotes", "a reply's quotation of an earlier post (an element "
                   "named as a quote) is left out: the quoted post is in the thread already")
TIME_TEXT = rule("forum_time_text", "a post's time is also a short element whose text is a "
                 "time stamp (28/11/2025 at 7:07 pm, Aug 5, 2023, 3 hours ago) when no element "
                 "is named for it")
POST_LINES = rule("forum_post_lines", "inside a post, the lines the forum software adds to "
                  "the message (an edit notice, 'Click to expand...', a reactions line, a user "
                  "card's join date and post count, 'View Public Profile') are left out")
INNERMOST_RUN = rule("forum_innermost_run", "a run of marked posts inside an item of another "
                     "run gives way to it also when both are as long: a post is the innermost "
                     "repeated unit with an author or a time")
OPENING_POST = rule("forum_opening_post", "an element before the thread with the template of "
                    "its posts' messages (their tag and class), outside chrome, is the opening "
                    "post a page marks up apart from the replies: it leads the thread")
PROSE_MESSAGE = rule("forum_prose_message", "a message element inside the outermost one "
                     "(not in a quotation) replaces it also when the outer one holds no running "
                     "text outside it: what it adds is a post's header, tools and hidden share "
                     "menu (Invision); an opening post is not looked for in a hidden copy or a "
                     "signature, which hold that inner template too")
REPLY_WRAPPERS = rule("forum_reply_wrappers", "a run of wrappers that alternates with the "
                      "posts under one parent and holds posts of their template (a post's "
                      "nested replies) gives way to the run of posts, which takes the nested "
                      "ones in page order")
VISIBLE_TIME = rule("forum_visible_time", "a post's time line is not a hidden <time> (a "
                    "machine stamp beside the one shown, Tapatalk): a shown one, else the "
                    "element named for the time")
CITED_QUOTES = rule("forum_cited_quotes", "a <blockquote> inside a post that opens with the "
                    "citation of the post it quotes (an element named as a citation, 'ann "
                    "said:') is left out like a quote named by its class (Invision's ipsQuote)")
CARD_LINES = rule("forum_card_lines", "inside a post, the lines of a user card and a post "
                  "header the software adds (a post number '#5', 'Original Poster', 'Thread "
                  "Starter', 'Location: SIN') are left out too")

#: Elements that make posts (a run of paragraphs or table cells is no thread).
POST_TAGS = frozenset({"li", "article", "div", "section", "tr", "table"})
#: The template's elements elsewhere join the run only while they are at most this many times
#: its posts (more: the class names a page's every box, not a post).
MAX_NESTED_FACTOR = 4
#: A <form> or <noscript> is searched for a thread when it holds this many visible characters.
MIN_WRAPPER_CHARS = 500
#: A thread has at least this many posts...
MIN_POSTS = 2
#: ...most of them (this share) showing an author or a time...
MIN_MARKED_SHARE = 0.6
#: (judged on its first this many posts)...
MARK_SAMPLE = 8
#: ...and its typical post this many visible characters.
MIN_POST_MEDIAN = 40
#: (the cover is measured on the cascade's lines of at least this many words)
MIN_PROSE_WORDS = 8
#: The message element holds at least this share of its post's text (else the post's
#: markup names no message and the whole post is kept).
MIN_MESSAGE_SHARE = 0.2
#: A message element inside the outermost one replaces it while it holds this share of its
#: text: what the outer one adds beyond it is a signature, reactions or a post footer.
INNER_MESSAGE_SHARE = 0.85

_AUTHOR = lazy(r"(?<![a-z])(?:author|username|user-?name|poster|postauthor|member-?name|"
               r"byline|nick|handle|screen-?name|user)(?![a-z])", re.IGNORECASE)
_TIME = lazy(r"(?<![a-z])(?:date|time|timestamp|posted|post-?date|datetime|relative-?date|"
             r"post-?time|ago)(?![a-z])", re.IGNORECASE)
_MESSAGE = lazy(r"(?<![a-z])(?:message|content|body|post-?text|text(?!-)|cooked|bbwrapper|"
                r"post-?body|post-?content|post-?message|entry|md|usertext|comment-?text|"
                r"answer|question|articlebody|rich-?text)(?![a-z])", re.IGNORECASE)
#: class/id words of what a post carries besides its message (see :data:`POST_FURNITURE`).
_FURNITURE = lazy(r"(?<![a-z])(?:signature|sig|signaturecontainer|reactions?|reaction-?bar|"
                  r"likes?|like-?button|votes?|voting|vote-?widget|actions?|post-?actions|"
                  r"controls|post-?controls|toolbar|buttons?|btn|post-?footer|message-?footer|"
                  r"footer|share|sharing|report|bookmarks?|reply-?button|quote-?button|"
                  r"badges?|user-?stats|userstats|user-?info|userinfo|postbit-?user)(?![a-z])",
                  re.IGNORECASE)
#: A time stamp as a post's header writes it: a day in digits or words, a clock time, or an
#: age ("3 hours ago"), with at most a few words around it ("Posted", "at", "on").
_STAMP = lazy(
    r"\b(?:[0-3]?\d[/.-][01]?\d[/.-](?:19|20)?\d\d|(?:19|20)\d\d-[01]\d-[0-3]\d|"
    r"\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|"
    r"years?|yrs?)\s+ago|(?:yesterday|today|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
    r"(?:\s+at)?\s+[0-2]?\d:[0-5]\d)\b",
    re.IGNORECASE)
_CLOCK = lazy(r"\b[0-2]?\d:[0-5]\d(?::[0-5]\d)?\s*(?:[ap]\.?m\.?)?", re.IGNORECASE)
_LETTERS = lazy(r"[^\W\d_]+")
#: A time stamp element's text is at most this long, with at most this many other words.
STAMP_MAX_CHARS = 40
STAMP_MAX_WORDS = 3
#: class/id words of a quoted earlier post inside a reply (see :data:`POST_QUOTES`).
_QUOTE = lazy(r"(?<![a-z])(?:quote|quotes|bbcodequote|quotecontainer|bbcodeblock-?-?quote|"
              r"blockquote)(?![a-z])", re.IGNORECASE)
_PROFILE_HREF = lazy(r"/(?:members?|users?|u|profile|profiles|member\.php|user)[/?.=]",
                     re.IGNORECASE)


def _words(node: LexborNode) -> str:
    attrs = node.attributes
    return ((attrs.get("class") or "") + " " + (attrs.get("id") or "") + " "
            + (attrs.get("itemprop") or "")).replace("_", "-")


def _author(item: LexborNode) -> LexborNode | None:
    """The post's author name: the innermost element named as the author (a user card named
    ``message-user`` holds the name, a title and a join date), else a profile link."""
    found = None
    for node in item.css("[class], [itemprop]"):
        if node.mem_id == item.mem_id or found is not None and node.mem_id == found.mem_id:
            continue  # (an element matching both selectors comes twice)
        if _AUTHOR.search(_words(node)) and 1 < len(node.text(deep=True).strip()) < 80:
            if found is not None and not inside(node, found):
                break
            found = node
    if found is not None:
        return found
    for a in item.css("a[href]"):
        if _PROFILE_HREF.search(a.attrs.get("href") or "") and 1 < len(a.text().strip()) < 60:
            return a
    return None


def _time(item: LexborNode) -> LexborNode | None:
    node = item.css_first("time")
    if node is not None and VISIBLE_TIME and is_hidden(node):
        node = next((n for n in item.css("time") if not is_hidden(n)), None)
    if node is not None and node.text(deep=True).strip():
        return node
    for node in item.css("[class]"):
        if _TIME.search(_words(node)) and 3 < len(node.text(deep=True).strip()) < 60:
            return node
    if TIME_TEXT:
        for node in item.css("span, div, p, small, a, abbr"):
            if _leaf(node) and _stamp(node.text(deep=True)):
                return node
    return None


_STAMP_TAGS = frozenset({"span", "div", "p", "small", "a", "abbr"})


def _leaf(node: LexborNode) -> bool:
    """Whether no element of the kinds a stamp is looked for in is below ``node``."""
    child = node.child
    while child is not None:
        if child.tag in _STAMP_TAGS:
            return False
        child = child.next
    return True


def _stamp(text: str) -> bool:
    """Whether a short text is a time stamp (see :data:`TIME_TEXT`)."""
    text = text.strip()
    if not 3 < len(text) <= STAMP_MAX_CHARS or not any(c.isdigit() for c in text):
        return False
    m = _STAMP.search(text)
    if m is None:
        from convert.extract.dates import text_date  # a day in words (Aug 5, 2023)
        if text_date(text) is None:
            return False
        rest = text
    else:
        rest = text[:m.start()] + " " + text[m.end():]
    from convert.extract.dates import MONTHS
    rest = _CLOCK.sub(" ", rest)
    others = [w for w in _LETTERS.findall(rest) if w.lower().rstrip(".") not in MONTHS]
    return len(others) <= STAMP_MAX_WORDS


def find(body: LexborNode) -> Group | None:
    """The thread's run of posts, or ``None`` when no run of marked posts is there. A run
    whose items hold a longer run (blocks of the page each holding many posts), or with
    :data:`INNERMOST_RUN` one as long, gives way to it: a post is the innermost repeated unit
    with an author or a time."""
    found: list[tuple[int, Group]] = []
    roots: dict[int, LexborNode] = {}
    for root, group in _all_groups(body):
        roots[id(group)] = root
        if group.signature[0] not in POST_TAGS:
            continue
        lengths = group.lengths
        from statistics import median  # (here: it imports fractions, decimal, random)
        if median(lengths) < MIN_POST_MEDIAN:
            continue
        # Judged on the first posts: a long run of rows is read once, not searched per row.
        sample = group.items[:MARK_SAMPLE]
        marked = sum(1 for item in sample if _author(item) is not None
                     or _time(item) is not None)
        if marked < MIN_MARKED_SHARE * len(sample):
            continue
        group.lengths = lengths
        found.append((sum(lengths), group))
    best: tuple[int, Group] | None = None
    for score, group in found:
        if any(other is not group and _outnumbers(other, group) and _holds(group, other.parent)
               for _, other in found):
            continue
        if REPLY_WRAPPERS and any(other is not group and _wraps(group, other)
                                  for _, other in found):
            continue
        if best is None or score > best[0]:
            best = (score, group)
    if best is None:
        return None
    return _with_nested(body, best[1], roots[id(best[1])]) if NESTED_REPLIES else best[1]


def _wraps(group: Group, posts: Group) -> bool:
    """Whether ``group`` is a run of reply wrappers beside the run ``posts`` (see
    :data:`REPLY_WRAPPERS`): the same parent, and most of its items hold elements of the posts'
    template (tag and leading class)."""
    tag, lead = posts.signature
    if not lead or group.parent.mem_id != posts.parent.mem_id:
        return False
    holding = 0
    for item in group.items:
        if any(_lead_class(n.attributes.get("class") or "") == lead for n in item.css(tag)):
            holding += 1
    return holding >= MIN_MARKED_SHARE * len(group.items)


def _outnumbers(inner: Group, outer: Group) -> bool:
    """Whether a run inside one of ``outer``'s items has the posts to be the thread instead:
    more items, or with :data:`INNERMOST_RUN` as many (a crawler view's two page blocks, the
    title's and the thread's, around a thread of two posts)."""
    n, m = len(inner.items), len(outer.items)
    return n > m or INNERMOST_RUN and n == m


def _all_groups(body: LexborNode) -> list[tuple[LexborNode, Group]]:
    """The page's runs (:func:`.repeats.groups`), and with :data:`WRAPPED_THREADS` the runs
    inside its larger outermost forms and noscripts, each with the element searched."""
    out = [(body, g) for g in groups(body, MIN_POSTS)]
    if not WRAPPED_THREADS:
        return out
    for root in body.css("form, noscript"):
        if _below_tag(root, ("form", "noscript")) or in_chrome(root.parent) \
                or text_len(root) < MIN_WRAPPER_CHARS:
            continue
        out.extend((root, g) for g in _groups_in(root))
    return out


def _below_tag(node: LexborNode, tags: tuple[str, ...]) -> bool:
    up = node.parent
    while up is not None:
        if up.tag in tags:
            return True
        up = up.parent
    return False


def _groups_in(root: LexborNode) -> list[Group]:
    """:func:`.repeats.groups` below a ``root`` the walk leaves out (a form, a noscript): runs
    of same-signature siblings not in chrome up to the root."""
    runs: dict[tuple[int, str, str], list[LexborNode]] = {}
    parents: dict[int, LexborNode] = {}
    for node in root.traverse():
        tag = node.tag
        if tag is None or tag.startswith("-") or tag in _NOT_POSTS or node.mem_id == root.mem_id:
            continue
        parent = node.parent
        if parent is None:
            continue
        cls = node.attrs.get("class") or ""
        key = (parent.mem_id, tag, _lead_class(cls) if cls else "")
        runs.setdefault(key, []).append(node)
        parents[parent.mem_id] = parent
    out: list[Group] = []
    for (pid, tag, cls), items in runs.items():
        if len(items) < MIN_POSTS or tag not in POST_TAGS:
            continue
        parent = parents[pid]
        if in_chrome(parent, stop=root):
            continue
        out.append(Group(parent, items, (tag, cls), [text_len(item) for item in items]))
    return out


#: Elements that are no post even inside a thread's wrapper.
_NOT_POSTS = frozenset({"script", "style", "template", "nav", "footer", "aside", "header",
                        "menu", "form", "noscript"})


def _with_nested(body: LexborNode, group: Group, root: LexborNode) -> Group:
    """The thread's posts with every element of its template elsewhere on the page (replies
    nested in an indented block under their parent post), in page order, outside chrome and
    not inside another post of the run that has no message of its own (it would be built
    twice). A template named by no class is not searched for: it matches too much."""
    tag, lead = group.signature
    if not lead:
        return group
    known = {item.mem_id for item in group.items}
    found: list[LexborNode] = []
    for node in body.css(tag):
        if node.mem_id not in known:
            cls = node.attributes.get("class") or ""
            if not cls or _lead_class(cls) != lead or not within(node, root) \
                    or in_chrome(node, stop=root):
                continue
        found.append(node)
    if len(found) <= len(group.items) or len(found) > MAX_NESTED_FACTOR * len(group.items):
        return group
    ids = {n.mem_id for n in found}
    containers: dict[int, LexborNode] = {}
    for n in found:
        up = n.parent
        while up is not None:
            if up.mem_id in ids:
                containers[up.mem_id] = up
                break
            up = up.parent
    whole = {i for i, n in containers.items()
             if _message(n, [m for m in (_author(n), _time(n)) if m is not None]) is n}
    items = [n for n in found if not _below(n, whole)]
    if len(items) <= len(group.items):
        return group
    return Group(group.parent, items, group.signature, [visible_len(n) for n in items])


def _below(node: LexborNode, ids: set[int]) -> bool:
    """Whether an ancestor of ``node`` is one of the elements ``ids``."""
    up = node.parent
    while up is not None:
        if up.mem_id in ids:
            return True
        up = up.parent
    return False


def _holds(group: Group, node: LexborNode) -> bool:
    """Whether ``node`` is one of the group's items or inside one."""
    return any(item.mem_id == node.mem_id or inside(node, item) for item in group.items)


def _line(node: LexborNode | None) -> list[Block]:
    if node is None:
        return []
    text = squash(clean_text(node.text(deep=True, separator=" ")))
    return [Paragraph((Text(text),))] if text else []


def _message(item: LexborNode, marks: list[LexborNode]) -> LexborNode:
    """The post's message element: the longest element below the post named as a message
    that holds neither its author nor its time (``marks``), else the post itself; with
    :data:`INNER_MESSAGE`, the innermost such element still holding nearly all its text."""
    named: list[tuple[LexborNode, int]] = []
    best, size = item, 0
    for node in item.css("[class]"):
        if node.mem_id == item.mem_id or not _MESSAGE.search(_words(node)):
            continue
        if any(m.mem_id == node.mem_id or inside(m, node) for m in marks):
            continue
        n = visible_len(node)
        named.append((node, n))
        if n > size:
            best, size = node, n
    if size < MIN_MESSAGE_SHARE * visible_len(item):
        return item
    if INNER_MESSAGE:
        # (document order: an element comes before its descendants, so the last one kept is
        # the innermost)
        outer = best
        for node, n in named:
            if n <= 0 or not inside(node, outer):
                continue
            if n >= INNER_MESSAGE_SHARE * size:
                best = node
            elif PROSE_MESSAGE and n >= MIN_MESSAGE_SHARE * size \
                    and not _left_out(node, outer) and not _prose_outside(outer, node):
                best = node
    return best


def _left_out(node: LexborNode, outer: LexborNode) -> bool:
    """Whether ``node`` is inside a quotation, furniture or a hidden element of the message
    ``outer``: a quoted post's body is named as content too, and a short reply under it has no
    running text outside it, but the quote is not the reply's message."""
    up = node
    while up is not None and up.mem_id != outer.mem_id:
        if up.tag == "blockquote" or furniture(up) or is_hidden(up):
            return True
        up = up.parent
    return False


_SKIP_TEXT = frozenset({"script", "style", "template", "noscript"})
_TOKEN = lazy(r"\w+")


def _prose_outside(outer: LexborNode, inner: LexborNode) -> bool:
    """Whether ``outer`` holds a text of :data:`MIN_PROSE_WORDS` words or more outside
    ``inner`` and outside the furniture and hidden elements a post leaves out anyway (see
    :data:`PROSE_MESSAGE`)."""
    stack = [outer.child]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        stack.append(node.next)
        if node.mem_id == inner.mem_id:
            continue
        tag = node.tag
        if tag == "-text":
            if len(_TOKEN.findall(node.text_content or "")) >= MIN_PROSE_WORDS:
                return True
        elif tag and not tag.startswith("-") and tag not in _SKIP_TEXT \
                and not furniture(node) and not is_hidden(node):
            stack.append(node.child)
    return False


def furniture(node: LexborNode) -> bool:
    if node.tag == "aside":  # (a post's aside is its author pane)
        return True
    words = _words(node)
    if not words.strip():
        return CITED_QUOTES and node.tag == "blockquote" and _cited(node)
    return bool(_FURNITURE.search(words)) or POST_QUOTES and bool(_QUOTE.search(words)) \
        or CITED_QUOTES and node.tag == "blockquote" and _cited(node)


def _post_blocks(node: LexborNode, builder) -> list[Block]:  # noqa: ANN001
    """The blocks of a post's message ``node`` without the furniture inside it (see
    :data:`POST_FURNITURE`): an element holding some is built child by child; and without
    the lines the software adds (:data:`POST_LINES`)."""
    blocks = _sifted_blocks(node, builder)
    return _without_post_lines(blocks) if POST_LINES else blocks


def _sifted_blocks(node: LexborNode, builder) -> list[Block]:  # noqa: ANN001
    if not POST_FURNITURE:
        return builder.blocks_of(node, 0)
    held = sifted.holders(node, "aside, [class], [id]", furniture, root_marked=True)
    if node.mem_id not in held:
        return builder.blocks_of(node, 0)
    return sifted.blocks_without(node, builder, held,
                                 lambda child: sifted.LEAVE if furniture(child) else None)


#: A line forum software adds to a post (see :data:`POST_LINES`), matched on the whole line.
_POST_LINE = lazy(
    r"(?:last )?edited\b.{0,80}?\bby\b[^.!?]{0,60}|.{0,80}\(see edit history\)|"
    r"(?:click to )?expand\W{0,3}|reactions?\s*:.{0,200}|not open for further replies\.?|"
    r"join(?:ed)? date\s*:.{0,30}|posts\s*:\s*[\d.,]+|view public profile|"
    r"find (?:all |more )?posts by .{1,40}|post options",
    re.IGNORECASE)
#: (a longer line is the poster's own text)
POST_LINE_MAX_CHARS = 160
#: A user card's or post header's line (see :data:`CARD_LINES`), matched on the whole line.
_CARD_LINE = lazy(
    r"#\s?\d{1,6}|(?:original poster|thread starter|topic starter|discussion starter)|"
    r"location\s*:.{0,40}",
    re.IGNORECASE)


def _without_post_lines(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            text = " ".join(block_texts([block]))
            if len(text) <= POST_LINE_MAX_CHARS and (
                    _POST_LINE.fullmatch(text.strip())
                    or CARD_LINES and _CARD_LINE.fullmatch(text.strip())):
                continue
        elif isinstance(block, Div):
            inner = _without_post_lines(list(block.blocks))
            if not inner:
                continue
            block = Div(tuple(inner), block.role)
        out.append(block)
    return out


def build(group: Group, builder) -> list[Block]:  # noqa: ANN001
    """A ``post`` section per post: author line, time line, message blocks."""
    out: list[Block] = []
    for item in group.items:
        author, time = _author(item), _time(item)
        message = _message(item, [m for m in (author, time) if m is not None])
        body = _post_blocks(message, builder)
        if not body:
            continue
        head: list[Block] = []
        if message is not item:
            head = _line(author) + _line(time)
        out.append(Div(tuple(head + body), "post"))
    return out


#: The posts' messages have one template (tag and class) when this share of them do.
MIN_TEMPLATE_SHARE = 0.6
#: At most this many elements before the thread are its opening posts (more: the template
#: names some other run of blocks, not a post held apart).
MAX_OPENING_POSTS = 2


def opening(body: LexborNode, group: Group, builder) -> list[Block]:  # noqa: ANN001
    """The opening post of the thread marked up apart from its replies (see
    :data:`OPENING_POST`): a ``post`` section per element before the thread's first post
    with the template of the posts' messages, or nothing."""
    if not OPENING_POST:
        return []
    templates: dict[tuple[str, str], int] = {}
    for item in group.items[:MARK_SAMPLE]:
        marks = [m for m in (_author(item), _time(item)) if m is not None]
        message = _message(item, marks)
        cls = message.attributes.get("class") or ""
        if message is not item and cls.strip():
            key = (message.tag, _lead_class(cls))
            templates[key] = templates.get(key, 0) + 1
    if not templates:
        return []
    (tag, lead), n = max(templates.items(), key=lambda kv: kv[1])
    if not lead or n < MIN_TEMPLATE_SHARE * min(len(group.items), MARK_SAMPLE):
        return []
    first = group.items[0]
    found: list[LexborNode] = []
    # (document order: the elements before the thread's first post come first)
    for node in body.css(tag):
        if node.mem_id == first.mem_id or inside(node, first):
            break
        if inside(first, node):  # (the thread's wrappers)
            continue
        cls = node.attributes.get("class") or ""
        if not cls.strip() or _lead_class(cls) != lead or in_chrome(node) \
                or found and inside(node, found[-1]):
            continue
        if PROSE_MESSAGE and _set_apart(node):
            continue
        found.append(node)
    if not found or len(found) > MAX_OPENING_POSTS:
        return []
    out: list[Block] = []
    for node in found:
        blocks = _post_blocks(node, builder)
        if blocks:
            out.append(Div(tuple(blocks), "post"))
    return out


def _set_apart(node: LexborNode) -> bool:
    """Whether an element is inside a hidden one (a page's hidden copy of the opening post) or
    inside a post's furniture (its signature holds the message template too)."""
    up = node.parent
    while up is not None and up.tag not in ("body", "html"):
        if is_hidden(up) or furniture(up):
            return True
        up = up.parent
    return False


#: The header a quotation of an earlier post opens with ("ann said:", "On 10/29/2025 at
#: 2:07 PM, bob said:", "carl wrote:", "dave posted...").
_CITATION = lazy(r"\b(?:said|wrote|posted)\s*(?::|\.\.\.|…)\s*$", re.IGNORECASE)
_CITE_CLASS = lazy(r"(?<![a-z])cit(?:e|ation)(?![a-z])", re.IGNORECASE)
#: (a longer first line is the quoted text itself)
CITATION_MAX_CHARS = 120


def _cited(node: LexborNode) -> bool:
    """Whether a blockquote opens with the citation of the post it quotes (see
    :data:`CITED_QUOTES`): a first element named as a citation or a <cite>, or a first line
    ending in 'said:' / 'wrote:'."""
    child = node.child
    while child is not None and (child.tag == "-text" and not (child.text_content or "").strip()
                                 or child.tag is None or child.tag.startswith("-")
                                 and child.tag != "-text"):
        child = child.next
    if child is None:
        return False
    if child.tag == "cite" or child.tag != "-text" and _CITE_CLASS.search(
            (child.attributes.get("class") or "").replace("_", "-")):
        return True
    text = child.text(deep=True).strip() if child.tag != "-text" else \
        (child.text_content or "").strip()
    return len(text) <= CITATION_MAX_CHARS and bool(_CITATION.search(text))
