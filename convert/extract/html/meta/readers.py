"""Readers' reviews and comments: blocks whose writer and day are a customer's or a reader's,
never the page's author and publication date.

A product page lists its buyers' reviews ("By Kim R. on March 1, 2025"), a recipe or a
forum thread its readers' comments; each names a person and a day the way a byline and a
dateline do. :func:`reader_block` tells the byline and dateline readers (:mod:`.byline`,
:mod:`.dateline`) and the ``<meta itemprop>`` reader (:mod:`.declared`) to pass them over;
:func:`reader_review_objects` does the same for JSON-LD.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from convert.extract.ablation import rule
from convert.extract.lazyre import lazy

READER_REVIEWS = rule(
    "reader_reviews", "a block of customers' reviews or readers' comments (classed "
    "'product-reviews', 'customer-review', 'review-card', 'testimonial'; a schema.org "
    "Comment or Answer, or one of several Reviews, given as another item's property) names "
    "its writer and day, not the page's author and publication date")
READER_COMMENTS = rule(
    "reader_comments", "a block classed as readers' comments ('comments', 'comment-list') "
    "is a reader's however deep the article's own <article>/<main> holds it (a comment "
    "written as an <article> of its own), and a schema.org Comment or Answer item is a "
    "reader's wherever it stands")
READER_REVIEW_LD = rule(
    "reader_review_ld", "a JSON-LD Review that a Product lists as its own review, or one of "
    "several Reviews a page declares, is a customer's: not the page's article (its author "
    "and date are not the page's)")

#: How far up a byline's or a date's reader block is looked for (a review's footer sits a
#: few levels inside the review, the review inside the list).
READER_DEPTH = 12
#: Class/id words that make a "review" block a customer's one: whose review it is, or the
#: card or item of a list of them.
_REVIEW_COMPANIONS = frozenset({"customer", "customers", "user", "users", "product", "buyer",
                                "buyers", "client", "guest", "member", "card", "item"})
#: Class/id words naming a list of reviews or a testimonial on their own.
_REVIEW_LISTS = frozenset({"reviews", "testimonial", "testimonials"})
_WORD_PARTS = lazy(r"[-_\s]+|(?<=[a-z])(?=[A-Z])")
#: Class/id words naming readers' comments (first or last in a token)...
_COMMENT_WORDS = frozenset({"comment", "comments", "commentlist"})
#: ...unless the token is a page's layout flag or a count or link to them.
_LAYOUT_WORDS = frozenset({"has", "with", "without", "no", "is", "open", "closed", "count",
                           "link", "links", "number", "enabled", "disabled"})
#: Microdata types of a reader's contribution, and the properties that attach one to the
#: page's item (schema.org: ``review``, ``comment``, ``suggestedAnswer``, ``acceptedAnswer``).
_READER_TYPES = lazy(r"/(?:Comment|Answer|Review|UserReview|UserComments)$")
_COMMENT_TYPES = lazy(r"/(?:Comment|Answer|UserComments)$")
_READER_PROPS = frozenset({"review", "reviews", "comment", "comments", "suggestedanswer",
                           "acceptedanswer", "answer"})


def reader_block(node: LexborNode | None) -> bool:
    """Whether ``node`` sits in a customer's review or a reader's comment: a block classed
    as such (:func:`_reader_words`), or a schema.org ``Comment``/``Answer`` item given as
    another item's property, or a ``Review`` item so given beside another one. A block
    holding the page's ``<h1>`` is the article itself (an editor's review), never a
    reader's."""
    if not (READER_REVIEWS or READER_COMMENTS):
        return False
    for _ in range(READER_DEPTH):
        if node is None or node.tag in ("body", "html"):
            return False
        attrs = node.attributes
        if (_reader_words(attrs.get("class")) or _reader_words(attrs.get("id"))
                or _reader_item(node)) and node.css_first("h1") is None:
            return True
        node = node.parent
    return False


def _reader_words(value: str | None) -> bool:
    """Whether a class or id value names readers' reviews or comments: a token with the word
    "reviews" or "testimonial" in it ("product-reviews__list", "testimonials"), "review"
    beside a word saying whose or which part ("customer-review", "review-card",
    "userReview"), or "comment(s)" first or last ("comment", "comments-area", "commentlist",
    not a page's layout flag "has-comments", "comments-open")."""
    if not value or "eview" not in value and "estimonial" not in value and (
            "omment" not in value):
        return False
    for token in value.split():
        words = [p.lower() for p in _WORD_PARTS.split(token) if p]
        parts = set(words)
        if READER_REVIEWS and (parts & _REVIEW_LISTS or "review" in parts and (
                parts & _REVIEW_COMPANIONS)):
            return True
        if READER_COMMENTS and words and (words[0] in _COMMENT_WORDS or words[-1] in (
                _COMMENT_WORDS)) and not parts & _LAYOUT_WORDS:
            return True
    return False


def _reader_item(node: LexborNode) -> bool:
    """A schema.org Comment or Answer item (with ``READER_COMMENTS`` wherever it stands, else
    only as another item's property); a Review given as another item's property only when
    another Review sits beside it (a single one may be the editor's own, marked up as the
    product's review)."""
    attrs = node.attributes
    itemtype, itemprop = attrs.get("itemtype"), attrs.get("itemprop")
    if not itemtype or not _READER_TYPES.search(itemtype.strip()):
        return False
    if READER_COMMENTS and _COMMENT_TYPES.search(itemtype.strip()):
        return True  # (a comment or an answer, a property of the page's item or not)
    if not READER_REVIEWS or not itemprop or not {
            p.lower() for p in itemprop.split()} & _READER_PROPS:
        return False
    if _COMMENT_TYPES.search(itemtype.strip()):
        return True
    parent = node.parent
    return parent is not None and sum(1 for n in parent.css("[itemprop][itemtype]")
                                      if _READER_TYPES.search(
                                          (n.attributes.get("itemtype") or "").strip())) > 1


def reader_review_objects(objects: list[dict], types) -> set[int]:  # noqa: ANN001
    """The ``id()`` of the JSON-LD Review objects that are customers' reviews: one of several
    Reviews, or one listed by a Product's ``review`` (by ``@id``) or reviewing an item the
    page declares on its own (the same ``@id`` or ``name``). ``types``: the
    :func:`.declared.ld_types` function."""
    if not READER_REVIEW_LD:
        return set()
    reviews = [o for o in objects if "review" in types(o)]
    if not reviews:
        return set()
    if len(reviews) > 1:
        return {id(o) for o in reviews}
    listed: set[str] = set()
    declared: set[str] = set()  # (the @id and name of every item the page declares itself)
    for obj in objects:
        if "review" in types(obj):
            continue
        for ref in _as_list(obj.get("review")):
            if isinstance(ref, dict) and isinstance(ref.get("@id"), str):
                listed.add(ref["@id"])
        declared.update(v for v in (obj.get("@id"), obj.get("name")) if isinstance(v, str))
    review = reviews[0]
    reviewed = review.get("itemReviewed")
    keys = {v for v in (reviewed.get("@id"), reviewed.get("name")) if isinstance(v, str)} if (
        isinstance(reviewed, dict)) else set()
    # (listed by the product, or reviewing an item the page declares on its own: the page is
    # the item's, the review an annex of it)
    return {id(review)} if review.get("@id") in listed or keys & declared else set()


def _as_list(value):  # noqa: ANN001, ANN202
    return value if isinstance(value, list) else [value]


__all__ = ["READER_REVIEWS", "READER_REVIEW_LD", "reader_block", "reader_review_objects"]
