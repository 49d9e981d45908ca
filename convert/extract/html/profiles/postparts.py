"""One forum post's parts: its author, its time and its message, and the message's blocks
without what the forum software adds to it (signatures, reactions, action bars, user cards,
edit notices, a quoted earlier post). :mod:`.forum` finds the thread and builds a section per
post from these.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from convert.article import Block, Div, Paragraph, Text
from convert.extract.ablation import rule
from convert.textutil import block_texts, clean_text, squash

from ..dom import has_child_tag, inside, is_hidden
from . import previews, sifted
from .repeats import _lead_class, visible_len
from ...lazyre import lazy

__all__ = ["author_of", "author_line", "time_of", "message_of", "line_of", "time_line", "relative", "post_blocks",
           "furniture", "stamp", "cited", "Template"]

#: A thread's post template: the tag and leading class its posts share (:mod:`.repeats`).
Template = tuple[str, str]

INNER_MESSAGE = rule("forum_inner_message", "a post's message is the innermost element named as "
                     "a message that still holds nearly all of the outermost one's text")
POST_FURNITURE = rule("forum_post_furniture", "inside a post, elements named for signatures, "
                      "reactions, votes, action buttons and post footers are left out")
POST_QUOTES = rule("forum_post_quotes", "a reply's quotation of an earlier post (an element "
                   "named as a quote) is left out: the quoted post is in the thread already")
TIME_TEXT = rule("forum_time_text", "a post's time is also a short element whose text is a "
                 "time stamp (28/11/2025 at 7:07 pm, Aug 5, 2023, 3 hours ago) when no element "
                 "is named for it")
POST_LINES = rule("forum_post_lines", "inside a post, the lines the forum software adds to "
                  "the message (an edit notice, 'Click to expand...', a reactions line, a user "
                  "card's join date and post count, 'View Public Profile') are left out")
PROSE_MESSAGE = rule("forum_prose_message", "a message element inside the outermost one "
                     "(not in a quotation) replaces it also when the outer one holds no running "
                     "text outside it: what it adds is a post's header, tools and hidden share "
                     "menu (Invision); an opening post is not looked for in a hidden copy or a "
                     "signature, which hold that inner template too")
VISIBLE_TIME = rule("forum_visible_time", "a post's time line is not a hidden <time> (a "
                    "machine stamp beside the one shown, Tapatalk): a shown one, else the "
                    "element named for the time")
CITED_QUOTES = rule("forum_cited_quotes", "a <blockquote> inside a post that opens with the "
                    "citation of the post it quotes (an element named as a citation, 'ann "
                    "said:') is left out like a quote named by its class (Invision's ipsQuote)")
OWN_PARTS = rule("forum_own_parts", "a post's author, time and message are its own: they are "
                 "not looked for inside a reply nested in it (an element of the thread's "
                 "template below the post: a comment tree whose every comment holds its "
                 "replies), and a message built whole leaves those replies out")
LINK_PREVIEWS = rule("forum_link_previews", "inside a post, a link's preview card (an element "
                     "named unfurl, onebox or link-preview: the linked page's title, summary and "
                     "site the forum software fetched, XenForo's bbCodeBlock--unfurl) is left "
                     "out like the post's furniture")
CARD_LINES = rule("forum_card_lines", "inside a post, the lines of a user card and a post "
                  "header the software adds (a post number '#5', 'Original Poster', 'Thread "
                  "Starter', 'Location: SIN') are left out too")
TIME_NOT_AUTHOR = rule("forum_time_not_author", "an element named for the user whose text is "
                       "a time stamp or that is named for the time too (a Q&A post's 'answered "
                       "Mar 3, 2021 at 10:02' in its 'user-action-time' box) is not the post's "
                       "author; and the author line is the profile link's name without the "
                       "user card's counters beside it ('GregD 176 4 bronze badges')")
URL_NOT_AUTHOR = rule("forum_url_not_author", "a link to a profile whose text is a web "
                      "address (a post's link to a video channel, '.../user/name') is not the "
                      "post's author: a name is no URL")
CUSTOM_POSTS = rule("forum_custom_posts", "a custom element (a web component's tag, "
                    "<shreddit-comment>) makes posts too, and its tag alone names the thread's "
                    "template: the nested replies a post of it holds are found by the tag")
RELATIVE_TIMES = rule("forum_relative_times", "a post's time line that only counts back "
                      "from the day the page was fetched ('17 hours ago', 'posted 6 years "
                      "ago', 'Yesterday at 4:25 AM', 'Tuesday at 10:07 AM') is left out of "
                      "its header: it names no day once the page is read later")

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
#: class/id words of a link's preview card inside a post (see :data:`LINK_PREVIEWS`).
_PREVIEW = lazy(r"(?<![a-z])(?:unfurl|onebox|link-?preview|link-?card|url-?preview)(?![a-z])",
                re.IGNORECASE)
#: (an inline link named so, Discourse's inline-onebox, is a link in the sentence: it stays)
_INLINE = frozenset({"a", "span"})
#: The units of an age ("3 hours ago") and the day words a clock time follows ("Yesterday at
#: 4:25"), shared by :data:`_STAMP` and :data:`_RELATIVE`.
_AGE_UNITS = (r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|"
              r"years?|yrs?)")
_DAY_WORDS = r"(?:yesterday|today|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
#: A time stamp as a post's header writes it: a day in digits or words, a clock time, or an
#: age ("3 hours ago"), with at most a few words around it ("Posted", "at", "on").
_STAMP = lazy(
    r"\b(?:[0-3]?\d[/.-][01]?\d[/.-](?:19|20)?\d\d|(?:19|20)\d\d-[01]\d-[0-3]\d|"
    r"\d+\s*" + _AGE_UNITS + r"\s+ago|" + _DAY_WORDS + r"(?:\s+at)?\s+[0-2]?\d:[0-5]\d)\b",
    re.IGNORECASE)
#: A time counted back from the fetch (see :data:`RELATIVE_TIMES`): an age, or a clock time on
#: "yesterday", "today" or a weekday, with at most a verb before it. On the wcxb tune forum
#: pages whose posts show one (4 pages, 4 sites), the gold leaves the line out on all four,
#: two of them from the annotation batch whose golds keep each post's dated time line.
_RELATIVE = lazy(
    r"^(?:(?:posted|updated|edited|submitted|replied|commented)\s+)?(?:"
    r"(?:an?|\d+)\s*" + _AGE_UNITS + r"\s+ago|\d+\s*(?:mo|yr|[ywdhm])\.?\s+ago|"
    + _DAY_WORDS + r"(?:,?\s+at)?\s+[0-2]?\d:[0-5]\d\s*(?:[ap]\.?m\.?)?)$", re.IGNORECASE)
_CLOCK = lazy(r"\b[0-2]?\d:[0-5]\d(?::[0-5]\d)?\s*(?:[ap]\.?m\.?)?", re.IGNORECASE)
_LETTERS = lazy(r"[^\W\d_]+")
#: A link's text that is a web address (see :data:`URL_NOT_AUTHOR`).
_URL_TEXT = lazy(r"(?:https?://|www\.)\S", re.IGNORECASE)

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


def named(template: Template | None) -> bool:
    """Whether the thread's template names its posts: by a class, or with
    :data:`CUSTOM_POSTS` by a custom element's own tag."""
    return template is not None and bool(template[1] or CUSTOM_POSTS and "-" in template[0])


def of_template(node: LexborNode, template: Template) -> bool:
    """Whether ``node`` is an element of the thread's ``template`` (a custom tag named by
    no class: any element of the tag)."""
    tag, lead = template
    if node.tag != tag:
        return False
    return _lead_class(node.attributes.get("class") or "") == lead if lead else True


def nested(node: LexborNode, item: LexborNode, template: Template | None) -> bool:
    """Whether ``node`` is (inside) a reply nested in the post ``item``: an element of the
    thread's ``template`` between them (see :data:`OWN_PARTS`). A template named by no class
    is no post's own: it is not looked for."""
    if not OWN_PARTS or not named(template):
        return False
    up = node
    while up is not None and up.mem_id != item.mem_id:
        if of_template(up, template):
            return True
        up = up.parent
    return False


def author_of(item: LexborNode, template: Template | None = None) -> LexborNode | None:
    """The post's author name: the innermost element named as the author (a user card named
    ``message-user`` holds the name, a title and a join date), else a profile link; not one
    of a reply nested in the post of the thread's ``template``."""
    found = None
    for node in item.css("[class], [itemprop]"):
        if node.mem_id == item.mem_id or found is not None and node.mem_id == found.mem_id:
            continue  # (an element matching both selectors comes twice)
        if nested(node, item, template):
            continue
        if _AUTHOR.search(_words(node)) and 1 < len(node.text(deep=True).strip()) < 80:
            if TIME_NOT_AUTHOR and _timely(node):
                continue
            if found is not None and not inside(node, found):
                break
            found = node
    if found is not None:
        return found
    for a in item.css("a[href]"):
        if _PROFILE_HREF.search(a.attrs.get("href") or "") and 1 < len(a.text().strip()) < 60 \
                and not nested(a, item, template):
            if URL_NOT_AUTHOR and _URL_TEXT.match(a.text().strip()):
                continue
            return a
    return None


def _timely(node: LexborNode) -> bool:
    """Whether an element named for the user is the post's time (see
    :data:`TIME_NOT_AUTHOR`): named for the time too, or showing a time stamp."""
    return bool(_TIME.search(_words(node))) or stamp(node.text(deep=True, separator=" "))


#: A user card's counters beside the name: a reputation ("12.3k", "1,234") and badge counts
#: ("3 gold badges", "4 bronze"), nothing else.
_COUNTERS = lazy(r"(?:[\d.,]+[km]?|\s|•|·|(?:gold|silver|bronze)\b|badges?\b|reputation\b|"
                 r"points?\b|karma\b)+", re.IGNORECASE)


def author_line(node: LexborNode | None) -> list[Block]:
    """The post's author line (see :func:`line_of`): with :data:`TIME_NOT_AUTHOR`, the name
    of the profile link in the author's element when all the element shows besides it is a
    user card's counters (see :data:`_COUNTERS`)."""
    if node is not None and TIME_NOT_AUTHOR:
        for a in node.css("a[href]"):
            name = squash(clean_text(a.text(deep=True, separator=" ")))
            if not name or not _PROFILE_HREF.search(a.attrs.get("href") or ""):
                continue
            whole = squash(clean_text(node.text(deep=True, separator=" ")))
            rest = whole.replace(name, " ").strip() if name in whole else None
            if rest and _COUNTERS.fullmatch(rest) and any(c.isdigit() for c in rest):
                return [Paragraph((Text(name),))]
            break
    return line_of(node)


def time_of(item: LexborNode, template: Template | None = None) -> LexborNode | None:
    """The post's time (not one of a reply nested in it, see :func:`author_of`)."""
    times = [n for n in item.css("time") if not nested(n, item, template)]
    node = times[0] if times else None
    if node is not None and VISIBLE_TIME and is_hidden(node):
        node = next((n for n in times if not is_hidden(n)), None)
    if node is not None and node.text(deep=True).strip():
        return node
    for node in item.css("[class]"):
        if _TIME.search(_words(node)) and 3 < len(node.text(deep=True).strip()) < 60 \
                and not nested(node, item, template):
            return node
    if TIME_TEXT:
        for node in item.css("span, div, p, small, a, abbr"):
            if _leaf(node) and stamp(node.text(deep=True)) and not nested(node, item, template):
                return node
    return None


_STAMP_TAGS = frozenset({"span", "div", "p", "small", "a", "abbr"})


def _leaf(node: LexborNode) -> bool:
    """Whether no element of the kinds a stamp is looked for in is below ``node``."""
    return not has_child_tag(node, _STAMP_TAGS)


def stamp(text: str) -> bool:
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


def line_of(node: LexborNode | None) -> list[Block]:
    if node is None:
        return []
    text = squash(clean_text(node.text(deep=True, separator=" ")))
    return [Paragraph((Text(text),))] if text else []


def time_line(node: LexborNode | None) -> list[Block]:
    """The post's time as its header's line, unless it only counts back from the day the page
    was fetched (:data:`RELATIVE_TIMES`): the time still marks the post, only its line goes."""
    if node is not None and RELATIVE_TIMES and relative(node.text(deep=True, separator=" ")):
        return []
    return line_of(node)


def relative(text: str) -> bool:
    """Whether a post's time text counts back from the fetch ('3 hours ago', 'Yesterday at
    4:25 AM'; see :data:`RELATIVE_TIMES`)."""
    return _RELATIVE.match(squash(clean_text(text))) is not None


def message_of(item: LexborNode, marks: list[LexborNode],
               template: Template | None = None) -> LexborNode:
    """The post's message element: the longest element below the post named as a message
    that holds neither its author nor its time (``marks``), else the post itself; with
    :data:`INNER_MESSAGE`, the innermost such element still holding nearly all its text. With
    the thread's ``template``, not one of a reply nested in the post, whose text is not the
    post's own either (see :data:`OWN_PARTS`)."""
    named: list[tuple[LexborNode, int]] = []
    best, size = item, 0
    for node in item.css("[class]"):
        if node.mem_id == item.mem_id or not _MESSAGE.search(_words(node)):
            continue
        if any(m.mem_id == node.mem_id or inside(m, node) for m in marks) \
                or nested(node, item, template):
            continue
        n = visible_len(node)
        named.append((node, n))
        if n > size:
            best, size = node, n
    if size < MIN_MESSAGE_SHARE * _own_len(item, template):
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


def _own_len(item: LexborNode, template: Template | None) -> int:
    """The visible length of a post without the replies nested in it (see :func:`nested`)."""
    n = visible_len(item)
    if not OWN_PARTS or not named(template):
        return n
    for reply in _replies(item, template):
        n -= visible_len(reply)
    return max(n, 0)


def _replies(item: LexborNode, template: Template) -> list[LexborNode]:
    """The outermost elements of the thread's ``template`` inside the post ``item``."""
    tag, lead = template
    out: list[LexborNode] = []
    for node in item.css(tag):
        if node.mem_id == item.mem_id or out and inside(node, out[-1]):
            continue
        if of_template(node, template):
            out.append(node)
    return out


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
        return CITED_QUOTES and node.tag == "blockquote" and cited(node)
    return bool(_FURNITURE.search(words)) or POST_QUOTES and bool(_QUOTE.search(words)) \
        or CITED_QUOTES and node.tag == "blockquote" and cited(node) \
        or LINK_PREVIEWS and node.tag not in _INLINE and bool(_PREVIEW.search(words))


def post_blocks(node: LexborNode, builder,  # noqa: ANN001
                template: Template | None = None) -> list[Block]:
    """The blocks of a post's message ``node`` without the furniture inside it (see
    :data:`POST_FURNITURE`): an element holding some is built child by child; and without
    the lines the software adds (:data:`POST_LINES`). With the thread's ``template``, the
    replies nested in it stay out too (they are posts of their own, see :data:`OWN_PARTS`);
    a collapsed preview of the message in front of it goes (:mod:`.previews`)."""
    blocks = previews.without_preview(_sifted_blocks(node, builder, template))
    return _without_post_lines(blocks) if POST_LINES else blocks


def _sifted_blocks(node: LexborNode, builder,  # noqa: ANN001
                   template: Template | None = None) -> list[Block]:
    replies = {r.mem_id for r in _replies(node, template)} \
        if OWN_PARTS and named(template) else set()

    def left_out(child: LexborNode) -> bool:
        return child.mem_id in replies or POST_FURNITURE and furniture(child)

    if not POST_FURNITURE and not replies:
        return builder.blocks_of(node, 0)
    held = sifted.holders(node, "aside, [class], [id]", left_out, root_marked=True)
    if node.mem_id not in held:
        return builder.blocks_of(node, 0)
    return sifted.blocks_without(node, builder, held,
                                 lambda child: sifted.LEAVE if left_out(child) else None)


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


#: The header a quotation of an earlier post opens with ("ann said:", "On 10/29/2025 at
#: 2:07 PM, bob said:", "carl wrote:", "dave posted...").
_CITATION = lazy(r"\b(?:said|wrote|posted)\s*(?::|\.\.\.|…)\s*$", re.IGNORECASE)
_CITE_CLASS = lazy(r"(?<![a-z])cit(?:e|ation)(?![a-z])", re.IGNORECASE)
#: (a longer first line is the quoted text itself)
CITATION_MAX_CHARS = 120


def cited(node: LexborNode) -> bool:
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
