"""The numbers that decide what the HTML extractor keeps: one table, as Readability.js keeps
its ``DEFAULT_*`` constants.

Grouped by the step that reads them (:mod:`.content`'s cascade, :mod:`.prune`,
:mod:`.scoring`, :mod:`.cleaning`, :mod:`.figures`, :mod:`.tables`, :mod:`.builder`,
:mod:`.pipeline`'s tidying). Shares are fractions (0.5 = half), lengths count visible
characters (whitespace excluded) unless said otherwise. Where a number is Readability's, the
comment says so; the others were set on the dev sets, and changing any of them changes output.
Modules import the names (``from .thresholds import X``): a module global costs the same as a
literal in the hot loops.
"""

from __future__ import annotations

# --------------------------------------------------------------------------- the cascade

#: The strict pass is retried with relaxed rules when it keeps fewer characters than this...
MIN_ARTICLE_CHARS = 250
#: ...or less than this share of the page's visible text...
MIN_ARTICLE_SHARE = 0.3
#: ...counted up to this many characters (a long page's article need not be 30 % of it).
PAGE_CHARS_CAP = 20000
#: A later pass replaces the best so far only when it keeps this many times its characters.
PASS_GAIN_FACTOR = 1.1
#: A relaxed pass that finds another region wins over an earlier pass that fell back to the
#: whole body when its winner scores this many times as much (the strict rules had removed
#: the article's real container).
RELAXED_SCORE_FACTOR = 2.0
#: A later pass's winner scoring under this share of the earlier one's is a weaker region that
#: merely contains the earlier article (a wrapper reached by "holds several strong candidates"
#: once teasers and widgets are back): it does not replace the article.
WEAKER_SCORE_SHARE = 0.5
#: An earlier winner holding under this share of the page's visible text...
SIDE_BLOCK_SHARE = 0.1
#: ...is taken for a side block when a later pass finds another region this many times longer.
SIDE_BLOCK_FACTOR = 3
#: A later pass *extends* the earlier winner when this share of samples of the earlier text
#: reappear in it: :data:`EXTEND_SAMPLES` samples of :data:`EXTEND_SAMPLE_CHARS` characters,
#: taken from texts of at least :data:`EXTEND_MIN_CHARS` (shorter ones always extend).
EXTEND_SHARE = 0.8
EXTEND_SAMPLES = 5
EXTEND_SAMPLE_CHARS = 40
EXTEND_MIN_CHARS = 200
#: How many levels above the winner the page's headline is looked for, and how many words an
#: ``<h1>`` needs to count as that headline (see ``articlemarks.article_like``).
HEADLINE_LEVELS = 3
HEADLINE_MIN_WORDS = 2
#: A strict winner under a heading of this many words making up this share of the
#: ``<title>`` is the page's story: the cascade does not relax however small a share of the
#: page it holds (see ``articlemarks.under_headline``).
STAY_MIN_WORDS = 3
STAY_TITLE_SHARE = 0.5
#: When every pass found fewer than :data:`MIN_ARTICLE_CHARS` (outside an article) on a page
#: of at least this many visible characters, the pruned page is the content...
FALLBACK_MIN_PAGE_CHARS = 500
#: ...when it holds at least this many times what the passes found.
FALLBACK_GAIN = 3
#: ``<noscript>`` markup is parsed as the page only when it holds this many characters of
#: markup and, once parsed, this many characters of text (and more than the visible page).
NOSCRIPT_MIN_MARKUP = 2000
NOSCRIPT_MIN_TEXT = 1000
#: Below those, it is parsed as the page when the page outside it is an empty shell (a
#: script-built forum's short thread): at least this many characters of text...
NOSCRIPT_SHELL_MIN_TEXT = 250
#: ...and this many times the visible page's.
NOSCRIPT_SHELL_FACTOR = 4

# --------------------------------------------------------------------------- pruning

#: A hidden or chrome-named element holding at least this share of the body's text is the
#: page's wrapper (misnamed, or hidden until a script reveals it), not chrome.
WRAPPER_SHARE = 0.5
#: A block named as a paywall holding this many characters of paragraph text is the story
#: behind the gate (a "subscribe to continue" box holds a sentence or two).
GATED_PROSE_CHARS = 400

# --------------------------------------------------------------------------- scoring

#: A candidate's starting score by its tag (Readability's ``_initializeNode``, with
#: ``article``/``main`` added).
TAG_WEIGHT = {
    "div": 5, "article": 10, "main": 10, "section": 3, "pre": 3, "td": 3, "blockquote": 3,
    "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3,
    "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5,
}
#: A text block shorter than this does not seed a content score.
MIN_PARAGRAPH_CHARS = 25
#: A paragraph's points: 1, plus one per comma, plus one per this many characters...
CHARS_PER_POINT = 100
#: ...up to this many.
MAX_LENGTH_POINTS = 3
#: How many ancestors receive a paragraph's points (Readability uses 3 up to 5): the parent
#: in full, the grandparent divided by :data:`GRANDPARENT_DIVIDER`, an ancestor at level
#: ``n`` divided by ``n`` × :data:`ANCESTOR_DIVIDER` (Readability's division).
SCORE_ANCESTORS = 5
GRANDPARENT_DIVIDER = 2
ANCESTOR_DIVIDER = 3
#: Class/id weight: plus this for a content word, minus this for a chrome word (Readability).
CLASS_WEIGHT = 25
#: A link to a fragment of the same page counts as this share of a link in the link density
#: (tables of contents and footnote marks are part of the article).
FRAGMENT_LINK_WEIGHT = 0.3
#: Candidates measured (text length and link density) after the raw scoring, best first.
RANKED_CANDIDATES = 12
#: The climb to a better-scoring parent stops at an <article> it went through when that
#: parent holds more than this many times the article's text (rule ``climb_stops_at_article``):
#: a wrapper holding the same text (the article and its own furniture) may still be taken.
ARTICLE_WRAPPER_GAIN = 1.1
#: ...and all of them when the best of those is at least this share links (rule
#: ``rank_past_links``): the ranking was filled by lists of headline links.
LINK_WINNER_DENSITY = 0.5
#: Candidates written to the debug log.
LOGGED_CANDIDATES = 8
#: The runners-up looked at for "several strong candidates under one ancestor"...
STRONG_RUNNERS_UP = 5
#: ...each scoring at least this share of the winner's score (Readability's share)...
STRONG_SHARE = 0.75
#: ...and how many of them an ancestor must hold to take over (Readability's
#: ``MINIMUM_TOPCANDIDATES``).
MIN_SHARED_CANDIDATES = 3
#: An enclosing ``<article>`` scoring at least this share of the winner's score replaces it
#: (Readability's share for "strong" candidates).
ARTICLE_SHARE = 0.75
#: Parts of the winner's class scoring at least this share of its score are parts of the same
#: article (sections of a page builder, posts of a thread).
SAME_CLASS_SHARE = 0.25
#: An ancestor takes over when it holds at least this many such parts besides the winner.
MIN_SAME_CLASS = 2
#: The winner climbs to a better-scoring parent while the parents on the way score at least
#: the winner's score divided by this.
PARENT_SCORE_DIVIDER = 3

# --------------------------------------------------------------------------- siblings, lead

#: A sibling of the winner joins it when its score is at least this share of the winner's...
SIBLING_SHARE = 0.2
#: ...and at least this score.
SIBLING_MIN_SCORE = 10.0
#: A sibling of the winner's class gets this share of the winner's score as a bonus.
SAME_CLASS_BONUS = 0.2
#: An unscored sibling paragraph joins when longer than this with a link density under
#: :data:`PROSE_SIBLING_DENSITY`, or at most this long, link-free and ending a sentence.
PROSE_SIBLING_CHARS = 80
PROSE_SIBLING_DENSITY = 0.25
#: A lead (standfirst) wrapper above the body holds at most this many paragraphs...
LEAD_MAX_PARAGRAPHS = 2
#: ...and between this many characters (one or two sentences, a short summary)...
LEAD_MIN_CHARS = 100
LEAD_MAX_CHARS = 1000
#: ...at least this share of them in its paragraphs, with a link density under this.
LEAD_PROSE_SHARE = 0.6
LEAD_MAX_DENSITY = 0.25

# --------------------------------------------------------------------------- enclosing region

#: The winner is "one block of the page" when it holds less than this share of the pruned
#: page's text...
REGION_MAX_SHARE = 0.3
#: ...and an ancestor holding at least this share of it...
REGION_MIN_SHARE = 0.5
#: ...reads as prose (link density at most this)...
REGION_MAX_DENSITY = 0.1
#: ...set in headed sections: at least this many headings (not links) outside the winner,
#: one per this many characters of the ancestor's text at most.
REGION_MIN_HEADINGS = 3
REGION_CHARS_PER_HEADING = 2000

# --------------------------------------------------------------------------- cleaning

#: Upper bound on containers examined by conditional cleaning (keeps deep pages linear).
MAX_CLEANED = 4000
#: ...and on the visible characters they hold together: each container's text is read whole,
#: so a list nested a thousand deep around 100k items costs containers x subtree (minutes).
#: The corpus's most is 0.66 M (wcxb-dev-extra/0548); a hostile page stops being cleaned here.
CLEAN_WORK_CHARS = 16_000_000
#: ...and on the elements below them together, counted where a winner holds more than
#: :data:`CLEAN_SIZED` containers (a list nested 1500 deep around 100k empty items took 25 s;
#: the corpus's most is 60k, dragnet-T55).
CLEAN_WORK_ELEMENTS = 2_000_000
#: Containers in a winner past which its elements are counted (one more walk of the whole
#: winner, spent only where it can pay: with fewer containers the cleaning reads the winner
#: at most this many times over, linear in the page).
CLEAN_SIZED = 200
#: Conditional cleaning keeps an element scoring at least this share of the winner's score
#: (Readability's share for a "strong" candidate).
KEEP_SCORE_SHARE = 0.75
#: Conditional cleaning never removes an element holding more than this share of the winner.
CLEAN_MAX_SHARE = 0.5
#: An id of more words than this reads as a heading's anchor, not a block's name.
MAX_NAME_PARTS = 4
#: When cleaning would take more than this share of a winner's text...
ITEMS_MAX_LOSS = 0.5
#: ...the elements repeated at least this many times side by side (same tag and class: the
#: cards of a product grid, the rows of a listing) are kept.
MIN_REPEATED = 3
#: Trailing one-link paragraphs (pointers to other articles) are dropped when there are at
#: most this many, each shorter than :data:`TRAILING_LINK_CHARS` and at least
#: :data:`TRAILING_LINK_DENSITY` link text.
MAX_TRAILING_LINKS = 2
TRAILING_LINK_CHARS = 150
TRAILING_LINK_DENSITY = 0.9
#: A heading opening the reader comments (``patterns.COMMENTS_HEADING``) ends the article when
#: at least this many characters of the winner come before it (else the thread is the page).
COMMENT_TAIL_MIN_CHARS = 250
#: ...and when the winner holds at most this many such headings (the thread's and its
#: form's; a Q&A page heads the comments of every answer).
MAX_COMMENT_HEADINGS = 2
#: A form holding fewer characters than this once its controls are stripped is a bare
#: signup/search form (a label, a consent line), not a wrapper of content.
FORM_MAX_CHARS = 80
#: Characters of paragraph prose that outweigh a layout-ish class word (see WEAK_NEGATIVE),
#: when the block's link density is under :data:`WEAK_LABEL_DENSITY`.
WEAK_LABEL_PROSE = 200
WEAK_LABEL_DENSITY = 0.3
#: A list scoring below zero only by its tag is still judged by its links when its link
#: density is under this.
SCORED_LIST_DENSITY = 0.5
#: A block with this many commas is prose (Readability).
CONTENT_COMMAS = 10
#: A block with this many characters of paragraph prose is content, whatever its links.
PROSE_INSIDE_CHARS = 100
#: An image wall: several images, fewer paragraphs per image than this, shorter than this.
IMAGE_WALL_PARAGRAPHS = 0.5
IMAGE_WALL_MAX_CHARS = 200
#: A block is form debris when its bare forms outnumber its paragraphs divided by this.
PARAGRAPHS_PER_FORM = 3
#: A block shorter than this, without picture, code, table or heading, is debris (Readability).
DEBRIS_MAX_CHARS = 25
#: ...unless (rule ``debris_labels``) a paragraph of at least this many characters of prose
#: follows it: the short block is that paragraph's label ("Q.", a countdown's "10").
LABELLED_PROSE_CHARS = 80
#: ...or (rule ``text_lines``) this many of its nearest siblings of its tag (looked at up to
#: this many each way) are such paragraphs: the short block is a line of that text.
TEXT_LINE_PARAGRAPHS = 2
TEXT_LINE_WINDOW = 10
#: Readability's link-density test: a block weighing under :data:`CLASS_WEIGHT` goes above
#: this link density when shorter than :data:`WEIGHTED_MAX_CHARS` and above
#: ``LINK_DENSITY_LIMIT - weight / WEIGHT_DENSITY_DIVIDER``; one weighing more, above
#: :data:`LINK_DENSITY_LIMIT`.
LOW_WEIGHT_DENSITY = 0.2
WEIGHTED_MAX_CHARS = 1000
LINK_DENSITY_LIMIT = 0.5
WEIGHT_DENSITY_DIVIDER = 200

# --------------------------------------------------------------------------- figures, tables

#: How many levels above the winner a lead figure is looked for (inside the article element).
FIGURE_SCOPE_LEVELS = 3
#: At most this many lead figures are added above the winner...
MAX_LEAD_FIGURES = 2
#: ...looked for among this many figures of each sibling.
FIGURES_PER_SIBLING = 3
#: A figure with this much link text or more is a teaser card, not the article's.
FIGURE_MAX_DENSITY = 0.5
#: Rows looked at to tell a layout table (one wide column) from a data table.
LAYOUT_PROBE_ROWS = 50
#: A table holding paragraphs or headings and more than this many characters is layout.
LAYOUT_TABLE_CHARS = 1500

# --------------------------------------------------------------------------- building

#: Deeper than this, the AST builder flattens a subtree to its text instead of recursing.
MAX_BUILD_DEPTH = 120
#: An ordered list's ``start`` is clamped to this.
MAX_LIST_START = 10**9
#: An image's declared width/height is clamped to this.
MAX_IMAGE_SIDE = 100000
#: Placeholder words are looked for in this many first characters of an image source, and a
#: ``data:`` ``src`` shorter than this is a placeholder pixel.
PLACEHOLDER_PROBE_CHARS = 200

# --------------------------------------------------------------------------- tidying the body

#: The standfirst and the byline are looked for among this many first body blocks.
SUBTITLE_LOOKAHEAD = 4
#: A byline line is shorter than this.
BYLINE_MAX_CHARS = 150
#: Fewer words outside links than this is site chrome, not an article.
MIN_PROSE_WORDS = 5
#: Boilerplate lines ("Share this") are shorter than this...
BOILERPLATE_MAX_CHARS = 60
#: ..."Read also: ..." teasers shorter than this.
READ_ALSO_MAX_CHARS = 250
#: Blocks longer than this are never taken for a consent notice.
CONSENT_MAX_CHARS = 400
#: A browser or plugin notice is shorter than this (a longer block mentioning one is prose).
NOTICE_MAX_CHARS = 400
#: Blocks shorter than this are compared by their words (case and punctuation aside),
#: longer ones by their text.
WORD_KEY_MAX_CHARS = 400
#: A paragraph repeating the one before is dropped when its key is at most this long...
DUPLICATE_MAX_CHARS = 200
#: ...a list, when its key is longer than this.
LIST_DUPLICATE_MIN_CHARS = 40
