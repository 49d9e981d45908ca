"""Lines a template prints around a story that ask the reader for something or tell the page's
state, never the story's own text: an ad slot's label framed by dashes ("- Advertisement -"),
a reading-time stamp ("4 min read"), a
membership, donation, paywall or app pitch ("Become a member", "Support the show",
"Unlimited access for just $1. Subscribe now", "Download the News 4 app"), a podcast's sponsor
read, a teaser line labelled "More:" or "Watch:" over one
link, and a bar of links and nothing else ("Order Reprints | Today's Paper | Subscribe").

Vocabulary and tests only; :mod:`.tidy` drops the blocks, each under its rule's name.
"""

from __future__ import annotations

import re

from convert.article import Emphasis, Image, Link, Strong, Text
from convert.extract.ablation import rule
from convert.textutil import inline_text
from ..lazyre import lazy
from . import patterns as P

__all__ = ["framed_boilerplate", "widget_line", "pitch_line", "post_meta_footer",
           "caps_link_teaser", "teaser_label_link", "link_bar"]

FRAMED_BOILERPLATE = rule("framed_boilerplate", "a boilerplate word framed by dashes or "
                          "brackets ('- Advertisement -', '[ Advertisement ]', an ad slot's "
                          "label) is the same boilerplate line")
WIDGET_LINES = rule("widget_lines", "a reading-time stamp ('4 min read') or a lone sign-up, membership or donation "
                    "button line ('Sign up here', 'Become a member', 'Support the show') is "
                    "the template's, not the story's")
PITCH_LINES = rule("pitch_lines", "a membership, donation, paywall or app pitch ('Enjoying "
                   "this? Become a member ...', 'X is listener-supported ...', 'Unlimited access "
                   "... Subscribe now', 'Download the X app ...') or a show's sponsor "
                   "read leaves the body")
TEASER_LABEL_WORDS = rule("teaser_label_words", "a paragraph that is a short label with its "
                          "colon ('More:', 'Also:', 'Watch:', 'Previously:') and one link is a "
                          "teaser line pointing to another story, as 'Read also:' is")
CAPS_LINK_TEASERS = rule("caps_link_teasers", "a paragraph that is one link set in capitals, "
                         "four words or more ('MAYOR SAYS BRIDGE CLOSURE COULD LAST MONTHS'), is "
                         "a headline of another story set into the body, not the story's text")
#: A capitals teaser has at least this many words, and is a headline's length.
_CAPS_MIN_WORDS = 4
_CAPS_MAX_CHARS = 160
POST_META_FOOTER = rule("post_meta_footer", "a post's meta footer ('Posted in Gardening | "
                        "12 Comments', 'Posted in X | Tagged a, b | Leave a comment') leaves the "
                        "body")
LINK_BARS = rule("link_bars", "a paragraph of three or more links with only separators between "
                 "them ('Order Reprints | Today's Paper | Subscribe') is a bar of the page's "
                 "links, not a sentence")

#: The line is only a reading-time stamp or a sign-up / membership /
#: donation button's words.
_WIDGET = lazy(
    r"^\W*(?:"
    # "4 min read", "2 minutes read", "5-minute read", "Reading time: 3 minutes"
    r"\d{1,3}[\s-]*(?:min(?:ute)?s?|mins?)\.?\s+read(?:ing)?(?: time)?|"
    r"(?:estimated )?read(?:ing)? time\s*:?\s*\d{1,3}\s*(?:min(?:ute)?s?)\.?|"
    # (Not "Was this page helpful?": :mod:`.feedback` removes the whole widget.)
    r"sign[ -]?up (?:here|now|today|for free)|subscribe (?:here|today|for free)|"
    r"become a (?:paid |free )?(?:member|subscriber|supporter|patron)(?: today| now)?|"
    r"support (?:the show|us|our (?:work|journalism|podcast|show|newsroom|reporting))"
    r"(?: on patreon| today| now)?|"
    # A share or view counter ("1.2K Shares", "312 views") and a share bar's words.
    r"[\d.,]+\s*[km]?\s+(?:shares?|views?|reads?|claps?)|"
    r"(?:share (?:on|to|via) (?:facebook|twitter|x|linkedin|whatsapp|e-?mail|pinterest|reddit|"
    r"threads|bluesky)\W*)+|"
    # An ad slot's note and a reader's prompts: "Story continues below advertisement",
    # "Read next", "View Bio", an audio player's "3-Minute Listen", "Listen · 3:58".
    r"(?:story|article) continues below(?: (?:this )?(?:advertisement|ad))?|"
    r"read next|view (?:full )?bio|"
    r"\d{1,3}[- ]minute (?:listen|read|watch)|listen\W{0,3}\d{1,2}:\d{2}|"
    # A story's tool bar and an ad slot's labels: "Listen to this article", "Gift Article",
    # "Copy link", "Reprints & Permissions", "Sponsored content", "Continue reading the main
    # story", "Scroll to continue", "Skip Ad", "Save article".
    r"listen to this (?:article|story)(?:\W+\d{1,3} min(?:ute)?s?)?|gift (?:this )?article|"
    r"copy link|link copied|reprints? (?:&|and) permissions|open this photo in gallery|"
    r"(?:sponsored|paid|partner) (?:content|post)|sponsored|advertising|skip ad|"
    r"continue reading (?:the main story|below)|"
    r"(?:story|article) continues (?:after|below) (?:this )?(?:advertisement|ad)|"
    r"(?:advertisement\W+)?scroll (?:down )?to continue(?: reading)?|"
    r"save (?:this )?(?:article|story|for later)|"
    # A comment thread's and a caption's buttons, a relative time stamp. (Not "Click to
    # enlarge": dragnet-R253's gold keeps it under a picture.)
    r"join the conversation|comment on this (?:story|article|post)|"
    r"(?:show|view|hide|load|see) (?:all )?comments(?: \(\d+\))?|"
    r"(?:hide|toggle) caption|enlarge this image|click to expand|"
    r"(?:posted|updated|published) \d{1,2} (?:minutes?|hours?|days?) ago|"
    # (Not a box's heading, "Top Stories", "Trending", "Most Popular": a related-links rule
    # reads it as the label of the list under it, and ends the body there; dropped first, it
    # left the list in the body.)
    # A paywall's notice: "Subscribe to continue reading", "Already a subscriber? Sign in".
    r"subscribe to (?:continue|keep) reading|already a (?:subscriber|member)\W+(?:sign|log) ?in|"
    r"this (?:content|article|story|post) is (?:for|only for|available to|available only to) "
    r"(?:paid )?(?:subscribers|members)(?: only)?|"
    r"create a free account to (?:continue|keep) reading|"
    # A video player's labels ("Now playing", "Duration 2:14"; not "Up next", a heading over
    # the next story that one of two wcxb-dev golds keeps, 0271 and 4452).
    r"now playing|duration:?\s*\d{1,2}:\d{2}(?::\d{2})?"
    r")\W*$", re.IGNORECASE)
#: A widget line is short.
_WIDGET_MAX_CHARS = 60

#: Pitches: matched from the line's start (most) or as a phrase only pitches use.
_PITCH = lazy(
    # "Enjoying these deep dives? Become a member to ...", "Liked this post? Subscribe ..."
    r"^\W*(?:enjoy(?:ing|ed)?|lik(?:e|ed|ing)|lov(?:e|ed|ing)) (?:this|these|what you|the "
    r"(?:show|podcast|episode|newsletter|blog))\b.{0,100}"
    r"\b(?:subscri|member|newsletter|inbox|sign[ -]?up|donat|support|rating|review|share)|"
    # "Thanks for reading X! Subscribe for free ...", "... please share it with a friend".
    r"^\W*thanks? (?:you )?(?:so much )?for reading\b.{0,120}\b(?:subscri|share|support|"
    r"newsletter|sign[ -]?up|follow|member)|"
    r"^\W*(?:please )?(?:leave|give) us a (?:rating|review|5-star)|"
    r"^\W*support (?:local |independent |public |nonprofit |non-profit )?(?:journalism|news|"
    r"reporting|radio)\b|"
    # "CLICK HERE TO GET THE X APP", "Click here to sign up for our newsletter".
    # (not any "Click here to get ...": a post's own download offer, "Click here to get your
    # free PDF!", is kept by its gold, wcxb-dev-extra 4588)
    r"^\W*click here to (?:(?:get|download) (?:the|our) (?:free )?(?:[\w'’.&-]+ ){0,3}apps?\b|"
    r"sign up|subscribe)\b|"
    r"\bconsider becoming a (?:paid |free )?(?:member|subscriber|supporter|patron|contributor)\b|"
    r"\b(?:e-?mail|contact|reach) (?:this|the) (?:reporter|author|writer|journalist)\b|"
    r"^\W*subscribe to (?:our|my|the) (?:youtube|podcast|channel)\b|"
    r"^\W*(?:please )?read our (?:community guidelines|comment(?:ing)? policy)\b|"
    r"^\W*send us your (?:news )?tips?\b|"
    # A newsroom's tip line: "Have a news tip? Email us at ...".
    r"^\W*(?:have|got) a (?:news |story )?(?:tip|story idea)\b.{0,100}\b(?:e-?mail|call|"
    r"contact|send|text|@)|"
    # A republishing box: "Republish this article", "... Republish our articles for free".
    r"^\W*republish (?:this|our) (?:articles?|stor(?:y|ies))\b|"
    r"\brepublish (?:this|our) (?:articles?|stor(?:y|ies)) for free\b|"
    r"^\W*become a (?:paid |free )?(?:member|subscriber|supporter|patron)\b|"
    # "Main Street Podcast is listener-supported.", "We are a reader-funded news organisation."
    r"^\W*[\w'’ .-]{0,60}\b(?:is|are) (?:a |an )?(?:(?:independent|nonprofit|non-profit),? )?"
    r"(?:listener|reader|viewer|member|audience)[- ](?:supported|funded)\b|"
    r"^\W*(?:please )?consider (?:a donation|donating|supporting (?:us|our|the|this)|making a "
    r"(?:donation|contribution))\b|"
    # "Unlimited access to the Daily Journal for just $1. Subscribe now"
    r"^\W*(?:get |enjoy )?(?:unlimited|full|digital|premium) (?:digital )?access\b.{0,100}\bsubscri|"
    # "Download the News 4 app for breaking news and weather alerts"
    r"^\W*download (?:the|our) (?:free )?(?:[\w'’.&-]+ ){0,3}apps?\b|"
    # A podcast's or a video's sponsor read.
    r"^\W*this (?:episode|podcast|show|video) is (?:brought to you|sponsored|presented) by\b",
    re.IGNORECASE)
#: A pitch is short (a longer paragraph about memberships is prose).
_PITCH_MAX_WORDS = 45

#: A WordPress theme's post meta footer: "Posted in Gardening | 12 Comments", "Posted in News |
#: Tagged a, b | Leave a comment".
_POST_META = lazy(
    r"^\W*posted in\s+[^.!?|]{1,80}\|.{0,160}\b(?:\d+ comments?|leave a (?:comment|reply)|"
    r"no comments|comments? (?:off|closed)|tagged)\b[^.!?]{0,160}$", re.IGNORECASE)
_POST_META_MAX_CHARS = 300

#: A teaser's label (with its colon) before one link: "More:", "ALSO:", "Watch:".
_TEASER_LABEL = lazy(
    r"\W*(?:more|also|watch|listen|previously|don'?t miss|latest|trending|top stories|"
    r"more coverage|more stories|more news|recommended|go deeper)\s*[:：]\s*", re.IGNORECASE)

#: What stands between two links of a bar: a bar's separator mark, alone or with spaces
#: (commas and bare spaces join the names of a list, an author line, a paper's links).
_BAR_SEPARATOR = lazy(r"\s*[|·•/–—]\s*")
#: A bar has at least this many links and is short.
_BAR_MIN_LINKS = 3
_BAR_MAX_CHARS = 120


def framed_boilerplate(text: str) -> bool:
    """Whether ``text`` is a boilerplate line (:data:`.patterns.BOILERPLATE_TEXT`) framed by
    punctuation: "- Advertisement -", "[ Advertisement ]"."""
    if not FRAMED_BOILERPLATE or not text or text[0].isalnum():
        return False
    inner = text.lstrip(" \t-–—_*·•[(<>~=|")
    return bool(inner) and inner != text and bool(P.BOILERPLATE_TEXT.match(inner))


def widget_line(text: str) -> bool:
    """Whether ``text`` is only a reading-time stamp or a button's pitch."""
    return WIDGET_LINES and 0 < len(text) <= _WIDGET_MAX_CHARS and bool(_WIDGET.match(text))


def pitch_line(text: str) -> bool:
    """Whether ``text`` is a membership, donation, paywall or app pitch or a sponsor read."""
    return PITCH_LINES and 0 < len(text) <= _PITCH_MAX_WORDS * 12 and \
        len(text.split()) <= _PITCH_MAX_WORDS and bool(_PITCH.search(text))


def post_meta_footer(text: str) -> bool:
    """Whether ``text`` is a post's "Posted in X | N Comments" footer."""
    return POST_META_FOOTER and len(text) <= _POST_META_MAX_CHARS and "|" in text and \
        bool(_POST_META.match(text))


def caps_link_teaser(children: tuple, text: str) -> bool:
    """Whether the inlines are one link (maybe in bold or italics) whose text is in capitals,
    a headline's length."""
    if not CAPS_LINK_TEASERS or len(text) > _CAPS_MAX_CHARS or not text.isupper() \
            or len(text.split()) < _CAPS_MIN_WORDS:
        return False
    parts = [c for c in children if not (isinstance(c, Text) and not c.text.strip())]
    while len(parts) == 1 and isinstance(parts[0], (Strong, Emphasis)):
        parts = [c for c in parts[0].children if not (isinstance(c, Text) and not c.text.strip())]
    return len(parts) == 1 and isinstance(parts[0], Link)


def teaser_label_link(children: tuple) -> bool:
    """Whether the inlines are a teaser label with its colon ("More:") and one link."""
    if not TEASER_LABEL_WORDS:
        return False
    parts = [c for c in children if not (isinstance(c, Text) and not c.text.strip())]
    if len(parts) < 2 or not isinstance(parts[-1], Link) \
            or any(isinstance(c, (Link, Image)) for c in parts[:-1]):
        return False
    label = inline_text(parts[:-1]).strip()
    return len(label) < 30 and _TEASER_LABEL.fullmatch(label) is not None


def link_bar(children: tuple, text: str) -> bool:
    """Whether the inlines are three or more links with only separators between them."""
    if not LINK_BARS or len(text) > _BAR_MAX_CHARS:
        return False
    parts = [c for c in children if not (isinstance(c, Text) and not c.text.strip())]
    links = 0
    for i, c in enumerate(parts):
        if isinstance(c, Link) and i % 2 == 0:
            if not inline_text(c.children).strip():
                return False
            links += 1
        elif not (isinstance(c, Text) and i % 2 == 1 and _BAR_SEPARATOR.fullmatch(c.text)):
            return False  # links alternate with separators, and nothing else stands there
    return links >= _BAR_MIN_LINKS and len(parts) % 2 == 1
