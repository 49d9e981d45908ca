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
replaces what the generic cascade found is :mod:`.weighing`'s call; what one post holds (its
author, its time, its message without furniture) is :mod:`.postparts`'s.
"""

from __future__ import annotations

from collections import Counter

from selectolax.lexbor import LexborNode

from convert.article import Block, Div
from convert.extract.ablation import rule

from ..dom import inside, is_hidden, within
from ..measure import link_density, text_len
from . import postparts
from .repeats import Group, _lead_class, groups, in_chrome, visible_len

__all__ = ["find", "build", "opening", "FORUM_PROFILE"]

FORUM_PROFILE = rule("forum_profile", "on a forum page the run of repeated posts (each with an "
                     "author or a time) is the thread, a section per post")
NESTED_REPLIES = rule("forum_nested_replies", "posts of the thread's template under other "
                      "parents (nested replies, later pages' blocks) join the thread in page "
                      "order")
WRAPPED_THREADS = rule("forum_wrapped_threads", "a thread inside a <form> (moderation tools) "
                       "or a <noscript> (the crawler view of a script-built forum) is searched "
                       "too: the repeated-runs walk leaves those wrappers out")
INNERMOST_RUN = rule("forum_innermost_run", "a run of marked posts inside an item of another "
                     "run gives way to it also when both are as long: a post is the innermost "
                     "repeated unit with an author or a time")
OPENING_POST = rule("forum_opening_post", "an element before the thread with the template of "
                    "its posts' messages (their tag and class), outside chrome, is the opening "
                    "post a page marks up apart from the replies: it leads the thread")
REPLY_WRAPPERS = rule("forum_reply_wrappers", "a run of wrappers that alternates with the "
                      "posts under one parent and holds posts of their template (a post's "
                      "nested replies) gives way to the run of posts, which takes the nested "
                      "ones in page order")

INTERLEAVED_RUNS = rule("forum_interleaved_runs", "a run of posts of the thread's tag "
                        "under the same parent but of another class, interleaved with its "
                        "posts (the opening poster's replies marked 'topic-owner-post'), joins "
                        "the thread in page order")
OPENING_IN_MAIN = rule("forum_opening_in_main", "a thread inside the page's main landmark "
                       "(<main>, role=main) takes no opening post from outside it: an element "
                       "of the posts' message template there is a sidebar's text (a "
                       "community's description and rules set before the thread in markup)")
LAYOUT_WRAPPERS = rule("forum_layout_wrappers", "a wrapper whose class names furniture "
                       "('widget') but that holds most of the page's text is the page's layout "
                       "(vBulletin 5 sets the thread in a 'canvas-widget'): the thread is "
                       "searched inside the innermost such wrapper too")
LINK_ITEMS = rule("forum_link_items", "an item of the thread's run showing neither an author "
                  "nor a time whose text is mostly links (a 'Related questions' box, a 'Reply "
                  "· Subscribe · Back to Subforum' bar in the run of posts) is no post")

#: An unmarked item with this share of link text or more is no post (see :data:`LINK_ITEMS`).
MIN_LINK_ITEM_DENSITY = 0.5
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


def find(body: LexborNode) -> Group | None:
    """The thread's run of posts, or ``None`` when no run of marked posts is there. A run
    whose items hold a longer run (blocks of the page each holding many posts), or with
    :data:`INNERMOST_RUN` one as long, gives way to it: a post is the innermost repeated unit
    with an author or a time."""
    found: list[tuple[int, Group]] = []
    roots: dict[int, LexborNode] = {}
    census: dict[str, Counter[str]] = {}
    for root, group in _all_groups(body):
        roots[id(group)] = root
        if group.signature[0] not in POST_TAGS and not (
                postparts.CUSTOM_POSTS and "-" in group.signature[0]):
            continue
        lengths = group.lengths
        from statistics import median  # (here: it imports fractions, decimal, random)
        if median(lengths) < MIN_POST_MEDIAN:
            continue
        # Judged on the first posts: a long run of rows is read once, not searched per row.
        sample = group.items[:MARK_SAMPLE]
        own = group.replies = _nesting(body, group, census)
        marked = sum(1 for item in sample if postparts.author_of(item, own) is not None
                     or postparts.time_of(item, own) is not None)
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
    thread = _with_nested(body, best[1], roots[id(best[1])]) if NESTED_REPLIES else best[1]
    return _with_interleaved(body, thread, best[1], [g for _, g in found]) \
        if INTERLEAVED_RUNS else thread


def _nesting(body: LexborNode, group: Group, census: dict[str, Counter[str]],
             posts: int = 0) -> tuple[str, str] | None:
    """The run's template as the template of replies nested in its posts (see
    :data:`.postparts.OWN_PARTS`), when the page holds at most :data:`MAX_NESTED_FACTOR` times
    as many elements of it as the run (or ``posts``) has items: a class on every box of the
    page (utility classes) names no post. ``census`` caches the page's count per tag."""
    tag, lead = group.signature
    if not postparts.OWN_PARTS or not postparts.named(group.signature):
        return None
    counts = census.get(tag)
    if counts is None:
        counts = census[tag] = Counter(_lead_class(n.attributes.get("class") or "")
                                       for n in body.css(tag))
    # (a custom tag named by no class: every element of the tag is of the template)
    count = counts[lead] if lead else sum(counts.values())
    if count > MAX_NESTED_FACTOR * max(len(group.items), posts):
        return None
    return group.signature


def _with_interleaved(body: LexborNode, thread: Group, best: Group,
                      found: list[Group]) -> Group:
    """The thread with the posts of the other marked runs of its tag under its parent that
    interleave with its posts (see :data:`INTERLEAVED_RUNS`), in page order: a class a forum
    adds to some posts only (the opening poster's) splits one run of posts in two."""
    tag, parent = best.signature[0], best.parent.mem_id
    order = {child.mem_id: i for i, child in enumerate(best.parent.iter())}
    ours = [order[item.mem_id] for item in best.items]
    partners = [g for g in found if g is not best and g.parent.mem_id == parent
                and g.signature[0] == tag
                and any(min(ours) < order[item.mem_id] < max(ours) for item in g.items)]
    if not partners:
        return thread
    known = {item.mem_id for item in thread.items}
    added = [item for g in partners for item in g.items if item.mem_id not in known]
    position = {node.mem_id: i for i, node in enumerate(body.traverse())}
    items = sorted(thread.items + added, key=lambda n: position[n.mem_id])
    return Group(thread.parent, items, thread.signature, [visible_len(n) for n in items],
                 thread.replies)


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
    if LAYOUT_WRAPPERS:
        root = _layout_root(body)
        if root is not None:
            out.extend((root, g) for g in _groups_in(root))
    if not WRAPPED_THREADS:
        return out
    for root in body.css("form, noscript"):
        if _below_tag(root, ("form", "noscript")) or in_chrome(root.parent) \
                or text_len(root) < MIN_WRAPPER_CHARS:
            continue
        out.extend((root, g) for g in _groups_in(root))
    return out


#: A furniture-named wrapper holding this share of the page's text is its layout.
LAYOUT_SHARE = 0.5


def _layout_root(body: LexborNode) -> LexborNode | None:
    """The innermost element named as furniture on the chain of elements each holding
    :data:`LAYOUT_SHARE` of the page's text (see :data:`LAYOUT_WRAPPERS`), or ``None``."""
    from .repeats import chrome_label
    total = text_len(body)
    if not total:
        return None
    found = None
    node = body
    while node is not None:
        nxt = None
        child = node.child
        while child is not None:
            if child.tag and not child.tag.startswith("-") and child.tag not in _NOT_POSTS \
                    and text_len(child) >= LAYOUT_SHARE * total:
                nxt = child
                break
            child = child.next
        if nxt is None:
            break
        attrs = nxt.attributes
        words = (attrs.get("class") or "") + " " + (attrs.get("id") or "")
        if words.strip() and chrome_label(words):
            found = nxt
        node = nxt
    return found


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
    if not postparts.named(group.signature):
        return group
    known = {item.mem_id for item in group.items}
    found: list[LexborNode] = []
    for node in body.css(tag):
        if node.mem_id not in known:
            if not postparts.of_template(node, group.signature) or not within(node, root) \
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
    own = _nesting(body, group, {}, len(found)) if postparts.OWN_PARTS else None
    whole = {i for i, n in containers.items() if postparts.message_of(n, [
        m for m in (postparts.author_of(n, own), postparts.time_of(n, own)) if m is not None],
        own) is n}
    items = [n for n in found if not _below(n, whole)]
    if len(items) <= len(group.items):
        return group
    return Group(group.parent, items, group.signature, [visible_len(n) for n in items], own)


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


def build(group: Group, builder) -> list[Block]:  # noqa: ANN001
    """A ``post`` section per post: author line, time line, message blocks."""
    out: list[Block] = []
    for item in group.items:
        own = group.replies  # (a post's parts are not its nested replies')
        author, time = postparts.author_of(item, own), postparts.time_of(item, own)
        if LINK_ITEMS and author is None and time is None \
                and link_density(item) >= MIN_LINK_ITEM_DENSITY:
            continue
        message = postparts.message_of(item, [m for m in (author, time) if m is not None], own)
        body = postparts.post_blocks(message, builder, own)
        if not body:
            continue
        head: list[Block] = []
        if message is not item:
            head = postparts.author_line(author) + postparts.time_line(time)
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
        own = group.replies
        marks = [m for m in (postparts.author_of(item, own), postparts.time_of(item, own))
                 if m is not None]
        message = postparts.message_of(item, marks, own)
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
    main = _main_of(first) if OPENING_IN_MAIN else None
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
        if postparts.PROSE_MESSAGE and _set_apart(node):
            continue
        if main is not None and not inside(node, main):
            continue
        found.append(node)
    if not found or len(found) > MAX_OPENING_POSTS:
        return []
    out: list[Block] = []
    for node in found:
        blocks = postparts.post_blocks(node, builder)
        if blocks:
            out.append(Div(tuple(blocks), "post"))
    return out


def main_shingles(group: Group) -> set[tuple[str, ...]] | None:
    """The word trigrams of the main landmark around the thread (see :data:`OPENING_IN_MAIN`),
    or ``None`` when it is in none."""
    main = _main_of(group.items[0]) if OPENING_IN_MAIN else None
    if main is None:
        return None
    import re
    toks = re.findall(r"\w+", main.text(deep=True, separator=" ").lower())
    return {tuple(toks[i:i + 3]) for i in range(len(toks) - 2)}


def _main_of(node: LexborNode) -> LexborNode | None:
    """The page's main landmark around ``node`` (``<main>`` or ``role=main``), if any."""
    up = node.parent
    while up is not None and up.tag not in ("body", "html"):
        if up.tag == "main" or (up.attributes.get("role") or "").strip().lower() == "main":
            return up
        up = up.parent
    return None


def _set_apart(node: LexborNode) -> bool:
    """Whether an element is inside a hidden one (a page's hidden copy of the opening post) or
    inside a post's postparts.furniture (its signature holds the message template too)."""
    up = node.parent
    while up is not None and up.tag not in ("body", "html"):
        if is_hidden(up) or postparts.furniture(up):
            return True
        up = up.parent
    return False
