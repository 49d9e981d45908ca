"""The line patterns of the furniture rules (:mod:`.furniture`): what a gallery counter, a
caption twin's cut-short end, a teaser's end, a photo credit, a promo or contact tagline, a
header dateline, a tag line, a blog's post navigation or post footer, a login prompt and a
rights notice look like, and how long each may be. Vocabulary only: the rules that use it,
and their names for ablation, are in :mod:`.furniture`.
"""

from __future__ import annotations

import re

from convert.extract.ablation import rule
from convert.extract.dates import MONTHS
from ..lazyre import lazy

#: "Image 2 of 5", "Photo 3/10", "Slide 1 of 12", "2 of 5" (the line is nothing else).
GALLERY_COUNTER = lazy(
    r"^\W*(?:(?:image|photo|picture|slide|bild|foto|imagen|item)s?\s*:?\s*"
    r"\d{1,3}\s*(?:of|/|von|de|sur|di|z|van)\s*\d{1,3}|"
    r"\d{1,3}\s+(?:of|von|de|sur|di|z|van)\s+\d{1,3})\W*$",
    re.IGNORECASE)

#: The cut-short end of a caption twin: "…", "... more", "…More", "[+] more".
TRUNCATED_END = lazy(r"(?:\.\.\.|…)\s*(?:\(?(?:more|mehr|plus|más|read more|view more|"
                     r"see more|show more|full caption)\)?)?\W*$", re.IGNORECASE)

_AGENCY = (r"getty ?images?|afp|ap(?: photo)?|associated press|reuters|epa|shutterstock|"
           r"istock(?:photo)?|thinkstock|corbis|alamy|dpa|xinhua|bloomberg|pa(?: wire)?|"
           r"wireimage|filmmagic|imago|keystone|anp|tass|sipa|rex features|unsplash|pexels")
#: The end of a paragraph cut short for a teaser or a caption: "… Read more", "... View Full Size".
TEASER_END = lazy(r"(?:\.\.\.|…)\s*(?:\[?\s*(?:read|view|see|show|continue) (?:more|full size|"
                  r"the full (?:story|article|caption)|reading)|weiterlesen|mehr lesen|"
                  r"lire la suite|leer más|leia mais|czytaj (?:dalej|więcej)|continua a leggere)"
                  r"\W*$", re.IGNORECASE)

#: A teaser card's text or a cut caption is short; a longer excerpt ending in "[Read More]" is
#: a quoted passage (a trackback, a pull quote) the page chose to show.
TEASER_MAX_WORDS = 30

#: A photo credit that is the whole line: "Photo: X", "Credit: X", "(Copyright: Getty Images)",
#: "© Jane Doe", "Photograph by X", "X/AFP/Getty Images", "Getty Images".
CREDIT_LINE = lazy(
    r"^\W*(?:(?:(?:photo(?:graph)?|image|picture|foto|bild|illustration)s?\s*"
    r"(?:credits?|courtesy)?|credits?|copyright|courtesy|fotos?)\s*(?::|by\b)"
    r"|©|\(c\)\s)"
    r"|^\W*(?:[^\W\d][\w.'’ -]{0,40}\s*/\s*)*(?:" + _AGENCY + r")(?:\s*/\s*[^\W\d][\w.'’ -]{0,40})*\W*$",
    re.IGNORECASE)
#: A credit line is short.
CREDIT_MAX_CHARS = 90

#: Promotion and contact taglines (the line is short; matched from its start or as a whole).
PROMO_LINE = lazy(
    # "Follow us on Twitter", "Follow Scott Shane on Twitter at @x", "Follow World News on
    # NBCNews.com on Twitter and Facebook", "Like us on Facebook".
    r"^\W*(?:please\s+)?(?:follow|like|find|join|connect with)\s+(?:us|me|@?\w[\w.'’-]*(?:\s+\w[\w.'’-]*){0,5})"
    r"\s+on\s+(?:[\w.]+\s+on\s+)?(?:twitter|x|facebook|instagram|linkedin|pinterest|tiktok|"
    r"youtube|threads|mastodon|bluesky|social media|google\+?)\b|"
    # "Twitter: @name", "Facebook Fan Page: www.facebook.com/x", "Website: www.x.com".
    r"^\W*(?:twitter|x|facebook(?: fan page)?|instagram|youtube(?: videos| channel)?|pinterest|"
    r"linkedin|tiktok|website|blog|e-?mail)\s*:\s*(?:@|https?://|www\.|\S+\.(?:com|org|net)\b)\S*\W*$|"
    # A lone handle.
    r"^\W*@\w{2,30}\W*$|"
    # Newsletter pitches.
    r"^\W*(?:sign[ -]?up|subscribe|register|join)\b.{0,80}\b(?:newsletters?|e-?mail updates|"
    r"inbox|mailing list)\b|"
    r"\b(?:(?:sign[ -]?up|subscribe)(?: now)? (?:to|for) (?:our|the|my) (?:free |daily |weekly )?"
    r"(?:[\w'’-]+ ){0,3}newsletter)\b|"
    # Feed and donation pitches: "Subscribe to the X Blog feed ...", "... donate today!".
    r"^\W*subscribe to (?:the |our |my )?.{0,40}\b(?:rss|feed)\b|\bdonate (?:today|now)\b|"
    r"^\W*(?:(?:want|like) (?:more|what you)|don'?t miss|never miss|get (?:the latest|our)|"
    r"stay (?:up to date|in touch|informed)|if you (?:enjoyed|liked) this)\b.{0,120}"
    r"\b(?:newsletter|subscribe|sign[ -]?up|e-?mail|inbox|follow)\b|"
    # Reporter contact lines: "Write to Jane Doe at jane@x.com", "Contact the reporter at ...".
    r"^\W*(?:write to|e-?mail|contact|reach)\s+(?:the (?:reporter|author|writer|editor)s?|"
    r"(?:him|her|them)|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})\s+(?:at|via|on)\s+\S+@\S+|"
    # The wire's copyright notice.
    r"^\W*(?:copyright|©)\s*(?:©\s*)?(?:\d{4}\s+)?.{0,80}\ball rights reserved\b.{0,20}"
    r"\b(?:this material|may not be)\b|"
    # The question over a post's share and subscribe buttons: "Did you enjoy this article?",
    # "Do you like this post?".
    r"^\W*(?:did|do) you (?:enjoy|like) this (?:article|post|story)\W*$|"
    # A blog's post footer: "This entry was posted on ... and is filed under ...".
    r"^\W*this (?:entry|post) was posted\b.{0,200}\b(?:filed under|categori[sz]ed)\b",
    re.IGNORECASE)
#: Substrings one of which every :data:`PROMO_LINE` match holds (a cheap test first: a few
#: ``in`` tests cost a fifth of one regex scan of the line).
PROMO_HINTS = ("follow", "like", "find", "join", "connect", "@", "www.", "http", ".com", ".org",
                ".net", "newsletter", "inbox", "mailing list", "subscri", "sign", "mail",
                "rights reserved", "filed under", "categori", "donate", "enjoy")
#: A promo line is short (a longer paragraph mentioning a newsletter is prose).
PROMO_MAX_WORDS = 45

_MONTH_WORDS = "|".join(sorted((m for m in MONTHS if not m.isdigit()), key=len, reverse=True))
#: What a dateline holds besides the day: times, weekdays, "Published", "Updated", "Last updated
#: at", zones, separators, "by", and the post's comment count ("Posted on November 9, 2012 at
#: 6:41 AM • 7 Comments": a blog theme's meta line is the dateline).
DATELINE_FILLER = lazy(
    rf"\b(?:{_MONTH_WORDS})\b\.?|\b\d{{1,4}}(?:st|nd|rd|th)?\b|"
    # "2025年11月2日", "2025년 11월 2일": the numbers carry their unit, no word boundary.
    r"\d{1,4}\s*[年月日년월일]|"
    r"\b[ap]\.?m\b\.?|\b(?:et|est|edt|cst|cdt|pst|pdt|gmt|utc|bst|cet|cest|mez|mesz)\b|"
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?|"
    r"\b(?:published|posted|updated|last|modified|on|at|by|and|am|um|uhr|le|el|de|the|"
    r"originally|first|written|date|dated|comments?|responses?|replies)\b|[\W_]+",
    re.IGNORECASE)
LOCAL_DATELINE_WORDS = rule("local_dateline_words", "a dateline's words in French, Spanish, "
                            "Italian, Portuguese and German ('Publié le … à 18h34', 'ore 08:10', "
                            "'Veröffentlicht am') are filler as their English kin are")
#: What DATELINE_FILLER reads in English, in French, Spanish, Italian, Portuguese and German
#: datelines: "published", "updated", "at"/"hours", "by", the weekdays, and French hours
#: ("18h34").
LOCAL_DATELINE_FILLER = lazy(
    r"\b\d{1,2}h\d{2}\b|\b(?:publiée?|mis|à|jour|modifiée?|par|publicado|actualizado|a|las|"
    r"por|pubblicato|aggiornato|ore|alle|il|del|di|atualizado|às|em|veröffentlicht|"
    r"aktualisiert|zuletzt|von|stand|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|"
    r"venerdì|sabato|domenica|segunda|terça|quarta|quinta|sexta|feira|montag|dienstag|"
    r"mittwoch|donnerstag|freitag|samstag|sonntag)\b",
    re.IGNORECASE)


READING_TIME_WORDS = rule(
    "reading_time_words", "a header line giving the reading time beside the day ('7 min read · "
    "Apr 11, 2023', '5 Min. Lesezeit', '3 min de lecture') is a dateline like one that gives "
    "the time of day: dropped when its day is the metadata's")
#: A reading time's words (its number is a dateline's filler already).
_READING_TIME = lazy(r"\b(?:mins?|minutes?)\s+(?:read|reading|lesezeit|de\s+lecture|de\s+lectura|"
                     r"di\s+lettura|leestijd)\b|\b(?:read(?:ing)?\s+time|lesezeit|lesedauer)\b",
                     re.IGNORECASE)


def local_filler(rest: str) -> str:
    """``rest`` (a dateline's word key) without :data:`LOCAL_DATELINE_FILLER`'s words, when
    the rule is on (and without a reading time's, :data:`READING_TIME_WORDS`)."""
    if READING_TIME_WORDS:
        rest = _READING_TIME.sub(" ", rest)
    return LOCAL_DATELINE_FILLER.sub(" ", rest) if LOCAL_DATELINE_WORDS else rest


CLOCK = lazy(r"\b\d{1,2}[:.h]\d{2}\b")
#: A dateline is short.
DATELINE_MAX_CHARS = 120
#: The header lines looked at: the first few blocks of the body.
HEADER_BLOCKS = 6


#: A post's tag or category line: the label, then a short list of short terms.
TAXONOMY_LINE = lazy(
    r"^\W*(?:tags?|tagged(?: as| with| in)?|labels?|filed (?:under|in)|posted in|categor(?:y|ies)|"
    r"topics?|schlagw(?:ö|oe)rter|stichw(?:ö|oe)rter|mots-cl(?:é|e)s|etiquetas)\s*:\s*"
    r"\w[^,|;:.!?]{0,40}(?:\s*[,|;·•]\s*[^,|;:.!?]{1,40}){0,15}\W*$",
    re.IGNORECASE)
#: A tag line is short.
TAXONOMY_MAX_CHARS = 300

#: A blog's previous/next navigation line: "« Older post | Main | Newer post »" (Movable
#: Type, TypePad), "Main | Newer post »", "← Previous: Title", "Next post: Title →". Guillemets
#: alone are no sign (French quotes open with «): the line must say "Main"/"Home" between
#: bars, or "previous"/"next" right after or before its arrow.
POST_NAV_LINE = lazy(
    r"^\W{0,2}[«‹←]\s*\S.{0,200}\|\s*(?:main|home)\s*(?:\||$)|"
    r"^\W{0,2}(?:main|home)\s*\|\s*\S.{0,200}[»›→]\W*$|"
    r"^\W{0,2}[«‹←]\s*(?:previous|prev|older|newer|next)\b|"
    r"^\W{0,2}(?:previous|prev|older|newer|next)(?: (?:post|entry|article|story))?\s*:.{1,200}[»›→]\W*$",
    re.IGNORECASE)
#: The post footer a blog theme prints under every post (WordPress' Kubrick and Twenty*
#: themes, and their many copies): "This entry was posted on <day> and is filed under <cats>.
#: You can follow any responses to this entry through the RSS 2.0 feed ...", "This entry was
#: posted in <cat>. Bookmark the permalink.", "This was written by <name>. Posted on <day>.
#: Filed under <cat>. Bookmark the permalink." Its category list makes it too long for a promo
#: line; it opens with the theme's own words and holds one of its fixed phrases.
POST_FOOTER_LINE = lazy(
    r"^\W*this (?:entry|post|article) was posted\b.{0,600}?\b(?:filed under|"
    r"categori[sz]ed|bookmark the permalink|tagged|responses to this entry)\b|"
    r"^\W*this was written by\b.{0,200}?\bposted\b.{0,400}?\b(?:filed under|bookmark the "
    r"permalink)\b",
    re.IGNORECASE)
#: Longer than this, a paragraph opening so is prose.
POST_FOOTER_MAX_WORDS = 120

#: A prompt to log in, under a post's comment form: "You must be logged in to post a comment.",
#: "Already registered with X? Log in!", "Something to say? Choose one of these options to log
#: in.", "Please log in to leave a comment".
LOGIN_PROMPT = lazy(
    r"^\W*(?:you must be logged in to (?:post|leave|write|add) a (?:comment|reply|review)|"
    r"(?:please )?(?:log ?in|sign ?in|register) to (?:post|leave|write|add) (?:a )?(?:comment|"
    r"reply|review)|already (?:registered|a member|have an account)\b.{0,60}\b(?:log ?in|"
    r"sign ?in)|something to say\?.{0,60}\blog ?in)\b",
    re.IGNORECASE)
#: A login prompt is short.
LOGIN_PROMPT_MAX_WORDS = 20

#: A navigation line is short (two titles and the bars).
POST_NAV_MAX_CHARS = 300


def may_be_post_nav(text: str) -> bool:
    """Whether ``text`` holds one of the characters every :data:`POST_NAV_LINE` match holds
    (a bar, a guillemet, an arrow: no case, so IGNORECASE matches them alone). A few ``in``
    tests rule out most lines for a fraction of the regex call (for an ASCII line, one
    test stands for the six others: none of them is ASCII)."""
    if "|" in text:
        return True
    return not text.isascii() and ("«" in text or "»" in text or "‹" in text or "›" in text
                                   or "←" in text or "→" in text)

#: A site's copyright notice: "© 1999-2012 Site, Inc. All Rights Reserved. Terms of Use".
RIGHTS_LINE = lazy(r"\b(?:all rights reserved|alle rechte vorbehalten|tous droits r[ée]serv[ée]s|"
                   r"todos los derechos reservados|tutti i diritti riservati)\b", re.IGNORECASE)
#: A copyright notice that opens the line: "© 2011-2026 Games Kft. All trademarks ...",
#: "Copyright © 2010 The Barn Swallow.", "© Kamps Consulting Ltd. This article is licenced ...".
COPYRIGHT_OPENING = lazy(r"^\W{0,3}(?:copyright\s*(?:©|\(c\)|\d{4})|©|\(c\)\s*\d{4})",
                         re.IGNORECASE)
#: ...with this many words at least (a lone "© Jane Doe" is a photo credit).
COPYRIGHT_MIN_WORDS = 5
#: ...unless the year goes on as a sentence, two lower-case words after it ("© 2020 was the
#: year the label won its case", a statute's "(c) 2019 amendments apply to ..."): a notice names
#: its holder there ("© 2020 Harbour News Ltd.", "© 2025 chessbazaar. The Online Chess Store",
#: "© 2020 by the author", "© 2020 the authors", "© 2020 all rights reserved").
COPYRIGHT_YEAR_IN_PROSE = lazy(r"^\W{0,3}(?:(?i:copyright)\s*)?(?:(?:©|\([cC]\))\s*)?\d{4}"
                               r"(?:\s*[-–]\s*\d{2,4})?,?\s+(?!by\b|the\b|all\b)[a-z]+\s+[a-z]")
#: A copyright notice is short (a paragraph of prose may mention the phrase).
RIGHTS_MAX_CHARS = 250


def copyright_notice(text: str) -> bool:
    """Whether ``text`` opens with a copyright notice and is more than a photo credit."""
    head = text[:16].lower()  # (the pattern is case-blind: "COPYRIGHT 2020 ACME INC.")
    return ("©" in head or "opyright" in head[:12] or "(c)" in head[:8]) and \
        bool(COPYRIGHT_OPENING.match(text)) and len(text.split()) >= COPYRIGHT_MIN_WORDS and \
        not COPYRIGHT_YEAR_IN_PROSE.match(text)


def may_be_rights(text: str) -> bool:
    """Whether ``text`` may hold a :data:`RIGHTS_LINE` phrase: every one holds "serv" or
    "rechte", and a case-blind match of those letters is a run that case-folds to them (the
    pattern's IGNORECASE matches a letter's capital and, for "s", the long s "ſ", which
    ``casefold`` folds to "s"; ``lower`` would not). Most lines hold neither."""
    folded = text.casefold()
    return "serv" in folded or "rechte" in folded

_TOOL = (r"print(?: this)?(?: article| story| page| post)?|e-?mail(?: this)?(?: article| story| post|"
         r" to a friend)?|share(?: this)?|tweet|reprints?(?: (?:&|and) permissions)?|"
         r"(?:increase |decrease |larger |smaller |change )?(?:text|font)(?: size)?|permalink|"
         r"trackbacks?(?: pings)?|(?:\d+ )?comments?(?: \(\d+\))?|(?:view|read) all(?: the)? "
         r"comments|see all posts|prev(?:ious)?|next|back to top|enlarge(?: this)? (?:photo|"
         r"image|picture)|pin it|bookmark|digg(?: this)?|reddit|a\s*[+-]?|"
         # ("[edit]", not a command's "--edit" option)
         r"(?<!-)edit(?: source| this page| on github)?")
#: A line made only of an article's tool labels ("Print", "Email", "Text Size", "Reprints",
#: "Comments (0)", "digg this | reddit", "Permalink"): the toolbar around a story, set as a
#: list or a line of the body (rule ``tool_labels``).
TOOL_LABELS = lazy(rf"^\W*(?:{_TOOL})(?:\s*[|·•/,:]?\s*(?:{_TOOL}))*\W*$", re.IGNORECASE)
#: ...and such a line is short.
TOOL_MAX_CHARS = 60
#: A line of navigation words only ("Next", "Prev", "A"): a tool label beside the others in a
#: toolbar's list, but alone a tutorial's own "Next" step (Readability's mozilla-1 keeps them).
TOOL_NAV_ONLY = lazy(r"^\W*(?:(?:prev(?:ious)?|next|a)\W*)+$", re.IGNORECASE)
