"""Recover the article from a whole-page plain-text dump.

The cascade, in the order :func:`parse_text` runs it:

1. decode and normalise (line breaks, NFC, XML-unsafe characters);
2. guess the language (script, else function-word lists), which picks the function words;
3. segment into units, rejoining sentences a ``get_text`` dump broke at inline links, and
   read a unit that is one phrase printed twice as one copy (:mod:`.lines`);
4. drop furniture by named rules: icon runs, cookie banners, copyright/app-promo lines,
   login-form fields, a form's consent notices, forum and shop software's notices, teasers,
   buttons, widget labels of forum/shop/Q&A software, share/follow
   labels, language switchers, clocks,
   archive months, tag lists, lines printed more than once, cookie notices, slideshows of
   captions and authors' boxes below the article (:mod:`.furniture`, vocabulary in
   :mod:`.rules`);
5. classify what is left by length and function-word density relative to the page's own
   prose, then let short and borderline lines follow their neighbours (as jusText does;
   :mod:`.classify`); runs of feature cards count as lists (:mod:`.cards`);
6. keep the densest run of article text, end it at comments, related links, link boxes or the
   post's navigation (a Q&A page's answers are its content), and drop
   stray prose far from it (:mod:`.region`); a run inside a comment thread gives way to the
   run above the thread, and a run inside the customer reviews to the run above their
   heading; text kept below the footer's copyright line is dropped
   (:func:`.region.drop_after_copyright`), and so is a last paragraph that is the author's
   bio (:func:`_drop_tail_bio`), or the author's name over a bio that opens with it
   (:mod:`.bios`);
   A page that is a list of records (products, jobs, search results: a few short lines each,
   with a label such as "Add to Cart", a price or "20 reviews / 5 average" in every record)
   keeps the records' region instead when it holds several times the text found as prose, or
   joins it to the listing's intro right above it (:mod:`.records`); a run of kept
   paragraphs printed a second time further down (a print copy of the article) keeps its
   first copy (:func:`.region.drop_repeated_blocks`); a forum thread with numbered posts
   keeps every post's body (:mod:`.posts`);
7. read the structure around the body: title, standfirst, dateline, byline, breadcrumb,
   lead-image caption and credit (:mod:`.structure`, :mod:`.meta`); a standfirst that is the
   only prose left is the body (:func:`_lone_standfirst`); a page with no prose to speak of
   keeps what lies under its headline, down to the footer (:func:`_under_headline`);
8. build blocks: paragraphs, level-2 headings, lists, code blocks.

Every dropped line is logged at DEBUG on ``convert.extract`` with the rule that dropped it.
"""

from __future__ import annotations

import logging
import re
from collections import Counter

from convert.article import (Article, CodeBlock, Heading, List, ListItem, Meta, Paragraph, Source,
                       Text)
from convert.errors import InputError
from . import meta as M
from . import rules as R
from convert.extract.ablation import rule
from convert.extract.assess import assess
from convert.extract.assess.text_signals import dump_signals
from convert.extract import record
from ..lazyre import lazy
from convert.extract.decode import decode
from .stopwords import LANGUAGE_SAMPLE, guess_language, stopwords_for, word_counts
from .stopwords import words as word_list
from .bios import drop_named_bio
from .cards import keep_feature_cards
from .classify import classify
from .furniture import apply_rules
from .keypoints import keep_key_points
from .lines import (OPEN_REASONS, RULE_MAX_WORDS, SHORT_WORDS, Line, measure, normalize, segment,
                    stopchars_for, undouble)
from .posts import numbered_posts
from .records import records
from .region import bracketed_label, drop_after_copyright, drop_repeated_blocks, keep_main_run
from .structure import structure

log = logging.getLogger("convert.extract")


#: A page of at most this many lines with no furniture is kept whole.
TINY_PAGE_LINES = 6
#: Below this many words of body, the classifier retries with relaxed thresholds.
MIN_BODY_WORDS = 25


def parse_text(data: bytes | str, *, location: str | None = None) -> Article:
    """Parse a plain-text dump of a web page into an :class:`Article`.

    Raises :class:`InputError` when the input is empty or nothing article-like is found.
    """
    if isinstance(data, bytes):
        text, encoding = decode(data)
    else:
        text, encoding = data, None
    rec = record.current()
    if rec is not None:
        rec.kind = "text"
    text = normalize(text)
    if not text.strip():
        raise InputError("empty input: no text to extract")
    lang = guess_language(text)
    stop = stopwords_for(lang)
    units = segment(text, stop)
    undouble(units)
    measure(units, stop, stopchars_for(lang))
    apply_rules(units)
    classify(units, relaxed=False)
    keep_feature_cards(units)
    keep_main_run(units)
    if sum(u.words for u in units if u.keep) < MIN_BODY_WORDS:
        for u in units:
            if u.reason in OPEN_REASONS:
                u.keep, u.reason = None, ""
        classify(units, relaxed=True)
    if sum(u.words for u in units if u.keep) < MIN_BODY_WORDS:
        _first_copies(units)
    if not any(u.keep for u in units):
        _shape_only(units)
    if not any(u.keep for u in units):
        _tiny_page(units)
    records(units)
    numbered_posts(units)
    drop_repeated_blocks(units)
    drop_after_copyright(units)
    drop_named_bio(units)
    if TAIL_BIO:
        _drop_tail_bio(units)
    keep_key_points(units)
    meta = structure(units)
    if LONE_STANDFIRST and not any(u.keep for u in units):
        _lone_standfirst(units, meta)
    if THIN_PAGE and sum(u.weight for u in units if u.keep) < MIN_BODY_WORDS:
        _under_headline(units)
    blocks = _blocks(units)
    if rec is not None:
        _record_lines(rec, units)
    if not blocks:
        raise InputError("nothing article-like found: only menus, links or short lines")
    for u in units:
        if not u.keep:
            log.debug("drop [%s] %.80s", u.reason or "unclassified", u.text)
    body = [u for u in units if u.keep]
    body_text = " ".join(u.text for u in body)
    # The body's words, counted from the lines' own (a word never spans the joining space):
    # the page is not tokenised twice.
    counts = _body_word_counts(body, body_text)
    language = guess_language(body_text, counts) or lang
    furniture = [u.text for u in units if not u.keep and u.words <= RULE_MAX_WORDS]
    # (the counts cover the whole body unless it is longer than the language sample)
    body_words = set(counts) if len(body_text) <= LANGUAGE_SAMPLE else set(word_list(body_text))
    site = M.site_from_furniture(furniture, body_words) \
        or M.site_from_title_line(units[0].text, meta.get("title")) \
        or M.site_from_copyright(furniture)
    verdict = assess("text", dump_signals(units, location), blocks)
    return Article(
        meta=Meta(language=language, site_name=site,
                  source=Source(location=location, kind="text", encoding=encoding),
                  page_type=verdict.page_type,
                  page_type_probability=verdict.page_type_probability,
                  confidence=verdict.confidence, **meta),
        blocks=tuple(blocks))


def _body_word_counts(body: list[Line], body_text: str) -> Counter[str]:
    """``Counter(words(body_text[:LANGUAGE_SAMPLE]))``, from the words :func:`measure` found."""
    if len(body_text) > LANGUAGE_SAMPLE:
        return word_counts(body_text[:LANGUAGE_SAMPLE])
    counts: Counter[str] = Counter()
    for u in body:
        counts.update(u.tokens if not u.unspaced else word_list(u.text))
    return counts


# --------------------------------------------------------------------------- inspect

#: The class of a line dropped by these reasons (the rest of the dropped lines that carry no
#: metadata are ``furniture``); see :func:`_record_lines`.
_DROP_CLASSES = {"teaser": "teaser", "time-stamped-teaser": "teaser", "headline-list": "teaser",
                 "comments": "comments", "related": "related",
                 **{r: "non-body" for r in OPEN_REASONS}}
#: The class of a dropped line whose furniture rule read metadata in it (:attr:`Line.kind`).
_KIND_CLASSES = {"date": "dateline", "byline": "byline", "caption": "caption",
                 "breadcrumb": "breadcrumb"}


def _record_lines(rec: "record.Recorder", units: list[Line]) -> None:
    """Tell the recorder every line's class and the rule that decided it (``decruft
    inspect``). A dropped line's rule is its :attr:`Line.reason`, the name of the furniture
    rule or step that dropped it last; a kept line is the body's (``body``, or the fallback
    that kept it when no line passed the classifier) and its class is the block it became."""
    runs = _list_runs(units)
    for i, u in enumerate(units):
        if u.keep:
            cls = ("code" if u.code else "list" if i in runs or u.point or (
                R.BULLET.match(u.text) and not u.text[:1].isdigit()) else
                "heading" if _is_heading(units, i) else "article")
            rule = "body"
        else:
            cls = ("title" if u.role == "title" else "standfirst" if u.role == "subtitle" else
                   _KIND_CLASSES.get(u.kind) or _DROP_CLASSES.get(u.reason, "furniture"))
            # (the headline may have been dropped first as a repeat: the structure step
            # that made it the title decided its fate)
            rule = "title" if u.role == "title" else u.reason or "unclassified"
        rec.line(u.index, u.text, cls, rule, words=u.words, weight=round(u.weight, 2),
                 stop_density=round(u.stop_density, 3), repeats=u.repeats)


# --------------------------------------------------------------------------- fallbacks

def _first_copies(units: list[Line]) -> None:
    """Last resort for pages printed twice (a desktop and a mobile layout in one dump): when
    dropping every repeated line leaves no body, the first copy of each is judged again."""
    seen: set[str] = set()
    for u in units:
        if u.reason in OPEN_REASONS or (
                u.reason == "repeated" and u.key not in seen):
            u.keep, u.reason = None, ""
        seen.add(u.key)
    classify(units, relaxed=True)
    keep_main_run(units)


TAIL_BIO = rule(
    "text-tail-bio",
    "an author's bio printed as the last paragraph of the body, with no 'About the author' "
    "label ('Anthony Ha is a writer at TechCrunch, where he covers ...', 'I'm Stephen, a "
    "content writer at ...') is the author's box, not the article")
#: ... when at least this many kept lines of at least ABOVE_BIO_WORDS words precede it, and
#: it has at most TAIL_BIO_MAX_WORDS words.
ABOVE_BIO_LINES = 2
ABOVE_BIO_WORDS = 18
TAIL_BIO_MAX_WORDS = 120


def _drop_tail_bio(units: list[Line]) -> None:
    """Drop the body's last kept line when it is an author's bio below an article."""
    kept = [u for u in units if u.keep]
    if not kept or len([u for u in kept[:-1] if u.words >= ABOVE_BIO_WORDS]) < ABOVE_BIO_LINES:
        return
    last = kept[-1]
    if last.words <= TAIL_BIO_MAX_WORDS and R.TAIL_BIO.match(last.text):
        last.keep, last.reason = False, "author-bio"


LONE_STANDFIRST = rule(
    "text-lone-standfirst",
    "a page whose only prose is the paragraph under the headline (a short story, a blog "
    "post of one paragraph) keeps it as the body rather than coming out empty")


def _lone_standfirst(units: list[Line], meta: dict) -> None:
    """The structure step read the first paragraph under the headline as a standfirst, set
    apart from the body; when no body is left, that paragraph was the article itself."""
    for u in units:
        if u.role == "subtitle":
            u.keep, u.reason, u.role = True, "", ""
            meta.pop("subtitle", None)
            return


THIN_PAGE = rule(
    "text-thin-page",
    "a page with no prose to speak of (a shop's category page: its subcategories, offers and "
    "filters under the headline) keeps what lies between its headline and the footer's first "
    "form or copyright line, rather than the one sentence it found, often the newsletter pitch")
#: ... no prose: fewer than MIN_BODY_WORDS words kept after every fallback; at most
#: THIN_PAGE_LINES lines below the headline are taken.
THIN_PAGE_LINES = 150
#: Furniture that ends the page's content: the footer's forms, copyright, app and cookie lines.
_FOOTER_REASONS = frozenset({"copyright", "account-form", "app-promo", "cookie", "consent",
                             "cookie-notice", "comment-form"})


def _under_headline(units: list[Line]) -> None:
    """Keep the lines between the headline and the footer (see :data:`THIN_PAGE`): those that
    no rule named as furniture."""
    heads = [u.index for u in units if u.role == "title"]
    if not heads:
        return
    taken: list[Line] = []
    for u in units[heads[-1] + 1:heads[-1] + 1 + THIN_PAGE_LINES]:
        if u.reason in _FOOTER_REASONS:
            break
        if not u.keep and u.reason in (*OPEN_REASONS, "repeated") and u.words:
            taken.append(u)
    # (a menu under a one-word "headline" is no page: what is taken must be at least as long
    # as the body the classifier failed to find)
    if sum(u.words for u in taken) < MIN_BODY_WORDS:
        return
    for u in taken:
        u.keep, u.reason = True, ""


def _shape_only(units: list[Line]) -> None:
    """Last resort for text in no listed language (or very short pages): keep sentence-shaped
    lines that no rule dropped."""
    for u in units:
        if u.reason in (*OPEN_REASONS, "") and \
                u.weight >= SHORT_WORDS // 2 and (u.ends_sentence or u.clause_punct >= 1):
            u.keep, u.reason = True, ""


def _tiny_page(units: list[Line]) -> None:
    """A page of a few lines on which no furniture rule fired is all content (a stub, a test
    page); a few lines of which some are furniture (a menu, a cookie line) are not."""
    if len(units) <= TINY_PAGE_LINES and all(u.reason in OPEN_REASONS for u in units):
        for u in units:
            u.keep, u.reason = True, ""


# --------------------------------------------------------------------------- blocks

#: A subheading has at most HEADING_MAX_WORDS words and HEADING_MAX_CLAUSE_PUNCT clause
#: marks, and does not end a sentence unless it is a question of at most
#: QUESTION_HEADING_MAX_WORDS words ("What happens next?"); longer lines are prose.
HEADING_MAX_WORDS = 14
HEADING_MAX_CLAUSE_PUNCT = 1
QUESTION_HEADING_MAX_WORDS = 8
#: A line ending in a colon with more than this many words is the lead-in of a list
#: ("Here is what to pack:"), not a subheading ("Method:").
LIST_LEAD_IN_MIN_WORDS = 3


HEADING_OVER_LABEL = rule(
    "text-heading-over-label",
    "a subheading followed by a link's label in brackets ('Geography' / '[edit]' / its "
    "paragraph, a wiki's edit link) is still a subheading: the label is not the text it heads")


def _is_heading(units: list[Line], i: int) -> bool:
    u = units[i]
    if _section_name(u):
        return True
    # (a short question is a subheading too: "What happens next?")
    if u.words > HEADING_MAX_WORDS or (u.ends_sentence and not (
            u.text.endswith("?") and u.words <= QUESTION_HEADING_MAX_WORDS)) \
            or u.clause_punct > HEADING_MAX_CLAUSE_PUNCT:
        return False
    if u.text.endswith((":", "：")) and u.words > LIST_LEAD_IN_MIN_WORDS:
        return False  # the lead-in of a list
    nxt = units[i + 1] if i + 1 < len(units) else None
    if HEADING_OVER_LABEL and nxt is not None and bracketed_label(nxt) \
            and i + 2 < len(units) and units[i + 2].keep:
        nxt = units[i + 2]  # (a wiki's "[edit]" link beside the heading)
    return nxt is not None and bool(nxt.keep) and nxt.words > u.words


#: A run of at least ITEM_RUN kept lines of at most ITEM_WORDS words that are not sentences
#: is a list whose bullets innerText dropped (ingredients, features, things to pack).
ITEM_RUN = 3
ITEM_WORDS = 10
#: A first line of at most this many words over longer items heads the list ("Ingredients"),
#: and a last one before a numbered list heads that ("Method").
LIST_HEAD_MAX_WORDS = 3


RECIPE_HEADINGS = rule(
    "text-recipe-headings",
    "a recipe card's section names ('Ingredients', 'Instructions', 'Method', 'Zutaten', "
    "'Préparation') head the lists under them: they are headings, not an item of the list "
    "of ingredients they stand among")
#: The section names of a recipe card (a plugin prints them alone on their line).
_RECIPE_HEADING = lazy(
    r"^(?:ingredients|instructions|directions|method|equipment|preparation|steps|"
    r"zutaten|zubereitung|anleitung|ingrédients|préparation|ingredientes|preparación|"
    r"elaboración|modo de preparo|ingredienti|preparazione|procedimento)\s*:?$", re.I)


def _section_name(u: Line) -> bool:
    return RECIPE_HEADINGS and u.words <= 3 and bool(_RECIPE_HEADING.match(u.text))


def _item_line(u: Line) -> bool:
    return (not _section_name(u) and u.words <= ITEM_WORDS and not u.ends_sentence and not u.cells and not (u.unspaced or u.code)
            and not R.BULLET.match(u.text))


def _list_runs(units: list[Line]) -> set[int]:
    """Indices of kept lines that are list items without a bullet (innerText prints an
    item's text alone on its line)."""
    kept = [u for u in units if u.keep]
    out: set[int] = set()
    i = 0
    while i < len(kept):
        j = i
        # (items follow each other without a blank line, which would open a new block)
        while j < len(kept) and _item_line(kept[j]) and (j == i or (
                kept[j].index == kept[j - 1].index + 1 and not kept[j].gap_before)):
            j += 1
        run = kept[i:j]
        # A short first line over longer ones, not after a lead-in ("...in your bag:"), heads
        # the list ("Ingredients"); a last line before a numbered list heads that ("Method").
        if len(run) >= 2 and run[0].words <= LIST_HEAD_MAX_WORDS and run[0].words < run[1].words and not (
                i > 0 and (kept[i - 1].text.endswith((":", "：")) or _section_name(kept[i - 1]))):
            run = run[1:]
        if run and j < len(kept) and R.ORDINAL.match(kept[j].text) and run[-1].words <= LIST_HEAD_MAX_WORDS:
            run = run[:-1]
        if len(run) >= ITEM_RUN:
            out.update(u.index for u in run)
        i = max(j, i + 1)
    return out


def _blocks(units: list[Line]) -> list:
    """Step 8: kept lines become paragraphs, level-2 headings, lists and code blocks."""
    blocks: list = []
    items: list[str] = []
    code: list[str] = []
    runs = _list_runs(units)

    def flush() -> None:
        """Close the open list or code block."""
        if items:
            blocks.append(List(items=tuple(
                ListItem(blocks=(Paragraph(children=(Text(t),)),)) for t in items)))
            items.clear()
        if code:
            blocks.append(CodeBlock(text="\n".join(code)))
            code.clear()

    for i, u in enumerate(units):
        if not u.keep:
            continue
        if u.code:
            if items:
                flush()
            code.append(u.text)
            continue
        if i in runs or u.point:
            if code:
                flush()
            mark = R.BULLET.match(u.text) if u.point and not u.text[:1].isdigit() else None
            items.append(u.text[mark.end():] if mark else u.text)
            continue
        bullet = R.BULLET.match(u.text)
        if bullet and not u.text[:1].isdigit():
            if code:
                flush()
            items.append(u.text[bullet.end():])
            continue
        flush()
        if _is_heading(units, i):
            blocks.append(Heading(level=2, children=(Text(u.text),)))
        else:
            blocks.append(Paragraph(children=(Text(u.text),)))
    flush()
    return blocks
