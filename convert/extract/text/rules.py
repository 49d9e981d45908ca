"""Vocabulary of page furniture in plain-text dumps: teasers, buttons and widget labels,
archive and tag lists, breadcrumbs, time stamps, captions and credits, author boxes and bylines,
and the shapes of lines (sentence ends, bullets, counters, code).

The notices a site prints on every page (consent banners, the footer's lines, forms, software
messages) are in :mod:`.notices`; the headings that open the sections below the text
(comments, reviews, related links) in :mod:`.openers`. The logic that uses these lives in
:mod:`convert.extract.text`; nothing here decides anything on its own. Every pattern is
anchored or bounded (no nested quantifiers), so a 5 MB line is scanned in linear time. Words
are multilingual where the dev set showed the need; each rule is written for a kind of line,
never for one site.
"""

from __future__ import annotations

import re

from convert.extract.bylines import DUMP_BYLINE
from convert.extract.dates import TEXT_MONTHS
from convert.extract.lazyre import lazy

_I = re.IGNORECASE

# --------------------------------------------------------------------------- furniture rules

#: Teaser / related-link prefixes: "READ MORE: ...", "Related: ...", "See also ...".
TEASER = lazy(
    r"(?:^|\s)(?:read more|read also|related(?: articles?| stories| news| coverage| posts?)?|"
    r"see also|also read|also on [\w.]+|more from [\w .]{1,30}|recommended|watch|listen|"
    r"lesen sie auch|mehr zum thema|weiterlesen|lire aussi|à lire aussi|voir aussi|"
    r"lee también|leer más|leia também|leggi anche|czytaj też|czytaj także|"
    r"相关阅读|相关新闻|延伸阅读)\s*[:：|»›>]", _I)

#: A teaser label with a few words of its own before the separator ("Lire aussi notre
#: décryptage : ...", "Read also our explainer: ...", "Lesen Sie auch unseren Kommentar: ..."),
#: at the line's start. Not "See also": a reference in a docs page reads the same.
TEASER_LEAD_WORDS = lazy(
    r"^(?:read also|also read|lire aussi|à lire aussi|lesen sie auch|lee también|lea también|"
    r"leia também|leggi anche|czytaj też|czytaj także)(?: [^\s:：|»›>]+){1,4}\s*[:：|»›>]\s*\S", _I)

#: Teaser labels printed on a line of their own, the teaser's headline on the next line
#: ("Read also" / "Government Promises New Flood Defences"). Not "Read more": it is also the
#: button that ends an excerpt on a listing, above the next item's heading.
TEASER_LABELS = frozenset({
    "read also", "also read", "see also", "read next", "related", "related article",
    "related story", "recommended", "lesen sie auch", "auch interessant", "lire aussi",
    "à lire aussi", "voir aussi", "lee también", "lea también", "leia também", "leggi anche",
    "czytaj też", "czytaj także", "zobacz też", "zobacz także",
})

#: Words that on a short line of their own are a button or a teaser label.
BUTTON_WORDS = frozenset("""
read more continue reading share tweet email print comment comments reply subscribe sign in
log in login logout sign up register follow menu search close open skip to content skip to main
content back to top top home next previous prev more load more show more advertisement advert
sponsored feature video photos gallery listen watch live newsletter download app accept
accept cookies agree ok cancel submit go like facebook twitter whatsapp linkedin pinterest
telegram reddit instagram youtube rss all podcasts podcast
""".split())

#: Phrases that identify a line as a button/label even when capitalised or with punctuation.
BUTTON_PHRASES = frozenset({
    "read more", "continue reading", "sign in", "log in", "sign up", "skip to content",
    "skip to main content", "back to top", "load more", "show more", "accept cookies",
    "all podcasts", "top stories", "most read", "most popular", "trending now", "latest news",
    "more stories", "related articles", "related stories", "you may also like",
    "recommended for you", "share this article", "share this", "follow us", "newsletter",
    "advertisement", "sponsored content", "leave a comment", "leave a reply", "comments",
    "weitere artikel", "mehr zum thema",
    "lire la suite", "leer más", "leia mais", "czytaj więcej", "推荐阅读", "热门文章",
    # the buttons of shop and listing records
    "add to cart", "add to basket", "add to bag", "add to compare", "add to wishlist",
    "add to wish list", "buy now", "shop now", "quick view", "view details", "view profile",
    "view company profile", "learn more", "see details", "compare", "in den warenkorb",
    "ajouter au panier", "añadir al carrito",
})

#: The labels of a page's widgets that the software of forums, shops, Q&A sites and docs prints
#: (a quote's expander, a list's "View all", a spinner, a feedback box, a table of contents'
#: title, the answer and comment buttons): never the page's text. Matched on the whole line's
#: key (see :func:`.lines.norm_key`).
UI_LABELS = frozenset({
    "click to expand", "view all", "view more", "see all", "see more", "loading",
    "table of contents", "on this page", "feedback", "apply now", "read the review",
    "improve this answer", "improve this question", "add a comment", "copy link",
    "add to quote", "you should upgrade or use an alternative browser",
    "was this page helpful", "was this article helpful", "was this answer helpful",
    "was this review helpful", "was this information helpful",
    # a blog's post navigation, a forum's pager, a form's messages, the footer's policy links
    "post navigation", "previous post", "next post", "jump to latest", "go to page",
    "how are we doing", "give us feedback on this page",
    "oops something went wrong while submitting the form",
    "thank you your submission has been received", "thank you for signing up",
    "privacy policy", "terms of use", "terms of service", "no items found",
    # a forum member's rank under the name; Invision's share menu under a post
    "well known member", "senior member", "new member", "registered user",
    "more sharing options",
    # NodeBB's, Quora's and Invision's fixed lines around the posts
    "log in to reply", "more answers below", "upvoted by", "top posters in this topic",
    "original poster",
    # the hidden honeypot field of a WordPress comment form (Akismet prints a lone delta)
    "δ",
    # a recipe plugin's buttons above and in its card (the same on every site that runs it)
    "jump to recipe", "print recipe", "pin recipe", "save recipe", "rate this recipe",
    "jump to video", "leave a review", "cook mode", "prevent your screen from going dark",
    # a docs site's link to the page's source (Docusaurus, MkDocs, Sphinx, GitBook)
    "edit this page", "edit on github", "edit page", "edit this page on github",
    "improve this page", "suggest an edit", "suggest edits", "view page source",
    # a news site's paywall and bookmark buttons in the story's header
    "subscriber only", "subscribers only", "subscriber only article", "gift this article",
    "gift article", "save article", "read later", "article réservé aux abonnés",
    "réservé aux abonnés", "offrir cet article", "lire plus tard", "artikel verschenken",
    "artikel merken", "nur für abonnenten", "exklusiv für abonnenten", "exclusivo para suscriptores",
    "contenido exclusivo para suscriptores", "regalar artículo", "guardar artículo",
    "leer más tarde",
})
#: The same with the widget's own numbers or options: a shop's price labels ("Regular price
#: $19.99 Sale price"), a forum member's counts ("1,234 posts joined 2012"), a sort menu.
UI_LABEL_PATTERN = lazy(r"(?:regular|sale) price\b.{0,30}|(?:\d+ )*\d+ posts joined \d.{0,20}|"
                        r"posts (?:\d+ )*\d+|sorted by\b.{0,30}|"
                        # a forum post's reactions line, its author's badge, its action bar
                        # with the poster's name ("Reactions: Jane and Joe", "Jane Discussion
                        # starter", "Reply Quote Like jane82")
                        r"reactions .{1,80}|.{1,40} discussion starter|show more replies|"
                        # a post's edit note, its author's join date, a thread's counts
                        # ("Edited January 29 by Jane (see edit history)", "Join Date: Aug
                        # 2008", "1.3K views 15 replies 6 participants last post by Jane"), a
                        # Q&A author's card and time stamps ("1,655 gold badges 14 silver
                        # badges", "asked Feb 11, 2011 at 23:49", "Follow edited Nov 9, 2020")
                        r"edited (?:[a-z]+ \d{1,2}(?: \d{4})?|\d+ [a-z]+ ago) by \S+(?: \S+){0,3}?"
                        r"(?: see edit history)?|join date [a-z]+ \d{4}|"
                        r"(?:\d+ )*\d+k? views (?:\d+ )*\d+ repl(?:y|ies) (?:\d+ )*\d+ participants? "
                        r"last post by .{1,60}|"
                        r"[\dk ]*(?:\d (?:gold|silver|bronze) badges?\d* ?){2,3}.{0,60}|"
                        r"(?:(?:share|follow) )*(?:(?:asked|answered|edited|modified) (?:[a-z]{3} "
                        r"\d{1,2}(?: \d{4})?|\d+ [a-z]+ ago)(?: at \d{1,2} \d{2})? ?)+|"
                        # NodeBB's post header and action bar ("JonB wrote on last edited by
                        # #1", "P J 2 Replies Last reply"), its notice on a deleted post, a Quora
                        # author's counts, an attachment's link, Invision's "Posted ... (edited)"
                        r"\S+ wrote on (?:[a-z]{3} \d{1,2} \d{4}(?: \d{1,2} \d{2}(?: [ap]m)?)? )?"
                        r"last edited by(?: \S+)?(?: \d+)?|"
                        r"(?:\S+ ){0,3}\d+ repl(?:y|ies) last reply(?: reply)?(?: quote)?(?: \d+)?|"
                        r"(?:log in to reply )?this topic has been deleted only users with topic "
                        r"management privileges can see it|"
                        r".{0,60}author has (?:\d+ )*\d+k? answers? and (?:\d+ )*\d+[km]? answer views|"
                        r"view attachment \d+|posted [a-z]+ \d{1,2}(?: \d{4})? edited|"
                        # vBulletin's likes ("Jane, Joe and 2 others like this.")
                        r".{1,80} and \d+ others? like this|"
                        r"(?:reply|quote|like)(?: (?:reply|quote|like)){1,2} .{1,40}|"
                        # a product box's shop buttons ("Check price at REI", "+ More Info")
                        r"(?:check|see|compare) (?:the )?(?:latest )?prices? (?:at|on) .{1,40}|"
                        r"buy (?:it )?(?:now )?(?:on|at|from) .{1,30}|more info|"
                        # a recipe card's rating ("4.87 from 143 votes")
                        r"\d(?: \d{1,2})? from (?:\d+ )*\d+ (?:votes?|ratings?|reviews?)")
#: A line of at most BUTTON_MAX_WORDS of these words only is a post's action bar ("Reply
#: Quote Like", "Save Share").
UI_WORDS = frozenset("reply quote like save share report edit flag bookmark permalink upvote "
                     "downvote cite".split())

#: The label printed over every ad slot, in many languages. A button; and never the label of
#: a list of records, although it repeats at a record's spacing.
AD_LABELS = frozenset({
    "advertisement", "advert", "ad", "ads", "sponsored", "anzeige", "werbung", "publicité",
    "publicidad", "publicidade", "pubblicità", "reklama", "advertentie", "reklame", "mainos",
    "reklam", "реклама", "广告", "広告", "광고",
})
BUTTON_PHRASES = BUTTON_PHRASES | AD_LABELS

#: A month of a blog's archive list: a month name and a year alone, maybe with a bullet and
#: the month's post count ("► August 2012 (37)", "March 2006").
ARCHIVE_MONTH = lazy(
    r"^[^\w(]{0,3}(?:" + "|".join(sorted(map(re.escape, TEXT_MONTHS), key=len, reverse=True)) +
    r")\.?\s+(?:19|20)\d\d\s*(?:\(\d+\))?$", _I)

#: A list of tags or categories behind its label ("Tags: ...", "Filed under: ...").
TAG_LIST = lazy(
    r"^(?:tags?|tagged(?: with| as)?|filed (?:under|in)|categor(?:y|ies)|posted in|labels|"
    r"topics|schlagw(?:ö|oe)rter|themen|étiquettes|mots-clés|etiquetas|temas|tagi)\s*:", _I)

#: Separators used between breadcrumb items.
CRUMB_SEPARATOR = lazy(r"\s*(?:>>|»|›|>|/|\||→|::|＞|〉)\s*")

#: Words that start a breadcrumb trail (its root).
HOME_WORDS = ("home", "startseite", "accueil", "inicio", "início", "portada", "strona główna",
              "главная", "首页", "首頁", "ホーム", "トップ", "home page", "homepage", "you are here",
              "当前位置", "您的位置", "位置")

#: "Home" glued to the next crumb by a dump that dropped the separator ("HomeWorld News").
GLUED_HOME = lazy(r"^(?:Home|Startseite|Accueil|Inicio|Início|Portada)(?=[A-Z])")

#: The number that opens a record in a numbered list ("1. ...", "2) ...", "#3").
ORDINAL = lazy(r"^\s*(?:#(\d{1,3})\b|(\d{1,3})[.)]\s)")

#: Ends of interface labels that are never a headline ("Next Chapter →", "Share via Email").
UI_TAIL = lazy(r"[→←»«›‹▶►▸>]$|^(?:share|follow|sign|log|subscribe|download|buy|copy|copiar|"
               r"compartir|teilen|partager|next|previous|prev|back|more|see|view|show)\b", _I)

#: A line that ends with a time stamp ("... 3/9(木) 15:47"): a teaser in a news list.
TIME_TAIL = lazy(r"\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?$", _I)

#: Last crumbs that name the page type, not a section ("Home > Tech > Article").
GENERIC_CRUMBS = frozenset({"正文", "内容", "详情", "article", "artikel", "articles", "story",
                            "detail", "details", "news", "current page"})

#: A line that starts with a clock time ("13:54 Headline of a live-news item").
TIME_HEAD = lazy(r"^\d{1,2}[:h]\d{2}\s+(?![ap]\.?m\b)\S", _I)

#: Caption prefixes ("Photo:", "Bild:").
CAPTION_PREFIX = lazy(
    r"^(?:file photo|photo|picture|image|foto|bild|illustration|photograph|"
    r"archive photo|archivbild|imagen|图|图片)\s*[:：]", _I)
#: A credit with an agency name at the end of a caption-like line, after a separator.
CREDIT_TAIL = lazy(
    r"[/|]\s*(?:AP|AFP|Reuters|Getty Images?|EPA|dpa|Xinhua|Sputnik|TASS|Shutterstock|"
    r"Bloomberg|Alamy|PA|ANP|Keystone)\b", _I)

#: The label of an author's box below the article: "About the author", "About Jane Doe".
ABOUT_AUTHOR = lazy(r"^about (?:the )?(?:author|writer|blogger|contributor)s?\s*:?$", _I)
ABOUT_NAME = lazy(r"^About (?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})\s*:?$")
#: An author's box written on one line: "About the author: Ed Avis is a writer ...".
ABOUT_AUTHOR_INLINE = lazy(r"^about (?:the )?(?:author|writer)\s*[:：–—-]\s*\S", _I)
#: The first words of an author's bio: a name and what the person is or does ("Mindy is an
#: attorney", "Mary Brock is a scientist who ...").
BIO_START = lazy(r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3},? (?:is|was|has|writes|lives|works|"
                 r"teaches|joined|covers|loves)\b")

#: An author's bio printed as the article's last paragraph, without a box label: a name and
#: the person's trade ("Anthony Ha is a writer at TechCrunch", "Annie Downs is a freelance
#: writer in Nashville", "Cyrus Farivar / Cyrus is the Senior Business Editor at ...") or the
#: author introducing themselves ("I'm Stephen, a content writer at ...", "Hi, I'm Becky.").
TAIL_BIO = lazy(
    r"^(?:About\s?)?(?:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} / )?[A-Z][\w.'’-]+"
    r"(?: [A-Z][\w.'’-]+){0,3},? (?:is|was) (?:a|an|the)(?: [\w.'’&-]+){0,4}? (?i:writer|editor|"
    r"reporter|journalist|correspondent|columnist|blogger|contributor|author|producer|founder|"
    r"freelancer|photographer|analyst|marketer|strategist|consultant)s?\b|"
    r"^(?:[Hh]i|[Hh]ello|[Hh]ey)[,!]? I['’]?m [A-Z]|^I['’]m [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2}, (?:a|an|the) ")

#: "by" before a capitalised name inside a credit line ("Posted on May 3, 2012 by Jane Doe").
BY_NAME = lazy(r"\b(?:by|von|par|por)\s+[A-Z]")

#: A photo credit in brackets at the end of a caption: "... Aug. 8, 2012. (AP Photo/Jane Doe)",
#: "(Photo by Jane Doe/Getty Images)", "(REUTERS/Jane Doe)".
CREDIT_TAIL_BRACKETED = lazy(
    r"[(\[][^()\[\]]{0,60}\b(?:AP|AFP|Reuters|REUTERS|Getty|EPA|Photo|Image|Credit|Courtesy)\b"
    r"[^()\[\]]{0,60}[)\]]\s*$")

#: Byline lines: "By Jane Doe", "Von Max Muster", "Autor: ..." (the names in group "names").
BYLINE = DUMP_BYLINE

# --------------------------------------------------------------------------- shapes

#: Sentence-final punctuation in many scripts, as a tuple for ``str.endswith`` (lines carry no
#: trailing newline, so the last character decides).
SENTENCE_END_CHARS = tuple(".!?…。！？»”\"')]؟।")
#: Punctuation that ends a clause inside running text, spaced or unspaced scripts.
CLAUSE_PUNCT = lazy(r"[,;:，。、；：！？!?]|\.(?:\s|$)")
#: A line made only of separators or bullets ("|", "·", "•", "-").
SEPARATOR_ONLY = lazy(r"^[\W_]{1,5}$")
#: Starts a continuation of the previous line (punctuation that cannot open a sentence).
CONTINUATION_START = lazy(r"^[,.;:!?)\]}»”’%…，。、；：！？）」』】]")
#: Ends a line that cannot end a sentence (an opening quote or bracket, a hyphen, a comma).
OPEN_END_CHARS = tuple("([{«“‘-–—,/（「『【")
#: List bullets and numbers at the start of a line.
BULLET = lazy(r"^(?:[•·▪◦‣∙●○■□✓✔➤►▶\-–*+]|\d{1,3}[.)])\s+")
#: Counters and metrics that menus carry ("12 comments", "3.4k views", "阅读10544次"); not a
#: numbered item's heading, a number with its full stop before a word ("1. Audible", "3.
#: Blinkist": the entries of a listicle, which the golds keep).
COUNTER = lazy(r"^(?!\d{1,3}\.\s+[^\W\d_])\(?\d[\d.,]*\s*[kKmM]?\)?(?:\s+\w+)?$|阅读\s*\d+\s*次")

#: Lines of program code: a statement end or brace at the end, a comment marker or a keyword
#: at the start. Code in an article fails the prose tests but belongs to it.
CODE_LINE = lazy(
    r"[;{}]\s*$|^(?:--|//|/\*|\*/|#include|#!|\$ |>>> )|"
    r"^(?:SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|FROM|WHERE|JOIN|LEFT JOIN|GROUP BY|"
    r"ORDER BY|import|from \S+ import|def|class|return|const|let|var|function|public|private|"
    r"package|func|fn|pip|npm|git|sudo|cd|echo|export)\b")
#: CODE_LINE split for speed: its start (matched at position 0 only) and the characters that
#: end a statement or block (tested on the line's last non-space character).
CODE_LINE_START = lazy(CODE_LINE.pattern.split("|", 1)[1])
CODE_LINE_END_CHARS = tuple(";{}")
#: Markup written out as text: an HTML tag or comment, or a Markdown link or image ("<script>",
#: "</p>", "<!-- x -->", "[x](javascript:...)"). A dump that shows it (an article about XSS
#: or about Markdown) means it as text; every writer escapes it.
MARKUP = lazy(r"<(?:[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?|/[a-zA-Z][\w:-]*\s*|!--.*?--)>|"
              r"!?\[[^\[\]]*\]\((?:[^()\s]|\([^()]*\))*\)")
#: A number in brackets: the count of an archive month or a menu entry ("(19)", "(1,204)").
BRACKETED_COUNT = lazy(r"(?:^|(?<=\s))\(\d[\d.,]*\)")
#: Characters that are rare in prose and common in code.
CODE_CHARS = lazy(r"[{}()\[\];=<>+*&$#@\\_]")
#: Of which a line of code has at least one.
CODE_PUNCT = lazy(r"[;{}()=]")

# --------------------------------------------------------------------------- share bars, skip links

#: A share bar's line in the languages of European news sites, matched on the whole line's key
#: (:func:`.lines.norm_key`): the verb alone or with the network or the medium ("Partager sur
#: Facebook", "Auf X teilen", "Compartir en WhatsApp", "Condividi su LinkedIn"), the link
#: copied ("Copier le lien", "Link kopieren", "Copiar enlace") or mailed ("Envoyer par
#: e-mail", "Per E-Mail teilen", "Send by email"). At most two words name the network: "Share
#: your story with us" is a call of the page, not a bar.
SHARE_BAR = lazy(
    r"(?:share|partager|teilen|compartir|condividi|compartilhar|partilhar|udostępnij|delen)"
    r"(?: (?:on|via|sur|par|auf|per|über|en|por|su|tramite|no|na|em|op|w)(?: \w+){1,2})?|"
    r"(?:auf|bei|per|via|über)(?: \w+){1,2} (?:teilen|versenden|senden)|"
    r"(?:copy|copier|kopieren|copiar|copia|kopiuj|kopiëren)(?: (?:le|el|il|o|the))? "
    r"(?:link|lien|enlace|url)|link (?:kopieren|kopiëren|copiare|kopiowany|copied|kopiert|copié)|"
    r"lien copié|enlace copiado|"
    r"(?:send|envoyer|enviar|invia|senden|versenden|mail)(?: (?:by|via|par|por|per))? "
    r"(?:e ?mail|courriel|correo(?: electrónico)?)")

#: The link that skips to the page's content, printed first ("Skip to content", "Aller au
#: contenu principal", "Zum Inhalt springen", "Saltar al contenido"), matched on the whole key:
#: a button, never the page's title.
SKIP_LINK = lazy(
    r"(?:skip|jump) to (?:the )?(?:main )?(?:content|navigation|search|footer)|"
    r"(?:aller|passer|accéder)(?: directement)? (?:au|à la) (?:contenu|navigation|recherche)"
    r"(?: principal)?|(?:zum|direkt zum) (?:haupt)?(?:inhalt|navigation)(?: springen| wechseln)?|"
    r"(?:saltar|ir|pasar) (?:al|a la) (?:contenido|navegación)(?: principal)?|"
    r"(?:vai|salta|passa) al (?:contenuto|menu)(?: principale)?|"
    r"(?:pular|ir|saltar) para o (?:conteúdo|menu)(?: principal)?|"
    r"przejdź do (?:treści|nawigacji)|naar (?:de )?(?:inhoud|hoofdinhoud) gaan|ga naar (?:de )?inhoud")

#: A story's reading time, alone on its line ("4 min read", "5-minute read", "Reading time: 6
#: minutes", "Lecture 4 min.", "Lesezeit: 3 Min.", "Tiempo de lectura: 5 minutos"): a label of
#: the story's header, never its text. A bare duration ("15 mins") is a recipe's time, and stays.
READING_TIME = lazy(
    r"(?:(?:estimated )?reading time|read time|lesezeit|lesedauer|temps de lecture|"
    r"durée de lecture|lecture|tiempo de lectura|lectura|tempo di lettura|lettura|"
    r"tempo de leitura|leitura|czas czytania|leestijd)\s*:?\s*(?:about |ca\.? |env\.? |environ |"
    r"unos )?\d{1,3}\s*(?:min(?:ute)?s?|minuten|minutos|minuti|minut)\.?|"
    r"(?:about |approx\.? )?\d{1,3}(?:\s*-\s*|\s*)(?:min(?:ute)?s?\.?|minuten|minutos|minuti)"
    r"\s*(?:read|reading|de lecture|de lectura|lesezeit|lesedauer|di lettura|de leitura)\.?", _I)
