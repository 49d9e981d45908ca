"""Vocabulary of page furniture in plain-text dumps: named patterns and one table of rules.

The logic that uses these lives in :mod:`convert.extract.text`; nothing here decides anything
on its own. Every pattern is anchored or bounded (no nested quantifiers), so a 5 MB line is
scanned in linear time. Words are multilingual where the dev set showed the need; each rule is
written for a kind of line, never for one site.
"""

from __future__ import annotations

import re

from convert.extract.bylines import DUMP_BYLINE
from convert.extract.dates import TEXT_MONTHS
from convert.extract.lazyre import lazy

_I = re.IGNORECASE

# --------------------------------------------------------------------------- furniture rules

#: Cookie and consent banners.
COOKIE = lazy(
    r"\bcookies?\b|\bcookie-|\bGDPR\b|\bconsent\b.{0,40}\b(?:privacy|data)\b|"
    r"\bDatenschutz(?:erklärung|einstellungen)?\b|\bKekse\b|\bgalletas\b", _I)

#: The vocabulary of a cookie banner ("We use cookies to improve your experience. By continuing
#: to browse you agree...", "Cookie settings", "Accept all"): a line that mentions cookies
#: without it is prose about cookies (a recipe, a story about a bake sale), not a banner.
COOKIE_BANNER_WORDS = lazy(
    r"\b(?:we use|(?:this|our) (?:web ?)?site|uses cookies|use of cookies|agree|consent|"
    r"settings|preferences|privacy|policy|policies|browser|browsing|experience|"
    r"continu(?:e|ing) to|by using|learn more|more info(?:rmation)?|opt[ -](?:in|out)|tracking|third[- ]part(?:y|ies)|"
    r"analytics|personali[sz]|manage|allow|reject|decline|necessary|essential|"
    r"functional|advertising|enable|disable|stored|device|personal data|gdpr|"
    r"(?:verwend|nutz|akzeptier|zustimm|einverstanden|einstellung|datenschutz|utilis|accept|"
    r"paramètre|utiliz|usamos|acept|configura|accett|korzyst|używ|stosuj|akceptuj|zgod|"
    r"prywatno|ustawie|gebruik)\w*)\b", _I)

#: The site speaking of itself ("we use", "our site", "allow us"): a cookie notice is written
#: in the site's voice, an article about cookies (a browser's privacy settings) is not.
SITE_VOICE = lazy(r"\b(?:[Ww]e|[Oo]ur|us)\b")

#: A heading or banner line that opens a consent dialog; everything after it near the end of
#: a page is the dialog's text.
CONSENT_START = lazy(
    r"^(?:manage )?(?:cookie|consent|privacy) (?:settings|preferences|preference cent(?:er|re)|"
    r"choices|options)$|^manage (?:consent|cookies|cookie preferences|preferences)$|"
    r"^we value your privacy$|^your privacy choices$|^privacy overview$|"
    r"^(?:cookie|datenschutz)-?einstellungen$|^paramètres des cookies$|"
    r"^configuración de cookies$|^gestion des cookies$", _I)
#: Words of consent dialogs; a long line using several of them explains cookies.
CONSENT_WORDS = lazy(r"\b(?:cookies?|consent|tracking technologies|your browser|"
                     r"personal data|opt[ -]out|preferences)\b", _I)

#: The standard purposes of the IAB consent framework, printed by every site's consent dialog
#: ("We and our partners process data to provide:", "Store and/or access information on a
#: device", "Use precise geolocation data", "List of IAB Vendors").
CONSENT_PURPOSES = lazy(
    r"\bwe and our (?:\d+ )?partners (?:process|store|use)\b|\bstore and/or access information on "
    r"a device\b|\buse precise geolocation data\b|\bactively scan device characteristics\b|"
    r"\blist of iab vendors\b|\buse limited data to select advertising\b|"
    r"\bcreate profiles for personali[sz]ed advertising\b", _I)

#: Copyright and "all rights reserved" lines.
COPYRIGHT = lazy(
    r"^\W{0,3}(?:©|\(c\)|copyright\b)|\ball rights reserved\b|\btous droits réservés\b|"
    r"\balle rechte vorbehalten\b|\btodos los derechos reservados\b|\bdireitos reservados\b|"
    r"\btutti i diritti riservati\b|\bwszelkie prawa zastrzeżone\b|版权所有|版權所有|"
    r"\bcopyright\s*(?:©|\(c\))?\s*\d{4}", _I)

#: The footer's credit to the site's maker or software ("Powered by WordPress", "Designed by
#: Elegant Themes | Powered by WordPress", "Built with Sphinx using a theme ..."): the
#: copyright line's neighbour, never the page's text.
SITE_CREDIT = lazy(r"^\W{0,3}(?:proudly )?(?:powered by|designed by|website by|site by|theme by|"
                   r"web design by|website design by|built with)\b", _I)
#: The link back to the page's top ("Back to top", "Scroll to top"), matched on the line's key.
BACK_TO_TOP = frozenset({"back to top", "scroll to top", "go to top", "top of page",
                         "return to top", "to top", "jump to top"})

#: Teaser / related-link prefixes: "READ MORE: ...", "Related: ...", "See also ...".
TEASER = lazy(
    r"(?:^|\s)(?:read more|read also|related(?: articles?| stories| news| coverage| posts?)?|"
    r"see also|also read|also on [\w.]+|more from [\w .]{1,30}|recommended|watch|listen|"
    r"lesen sie auch|mehr zum thema|weiterlesen|lire aussi|à lire aussi|voir aussi|"
    r"lee también|leer más|leia também|leggi anche|czytaj też|czytaj także|"
    r"相关阅读|相关新闻|延伸阅读)\s*[:：|»›>]", _I)

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
})
#: The name of the page's footer or sidebar landmark printed as a line: a screen reader's
#: heading or a skip link's target ("Footer", "Site footer", "Footer navigation", "Primary
#: Sidebar"), matched on the whole line's key (see :func:`.lines.norm_key`). A page prints it
#: where its footer or its sidebar starts; below the page's text, what follows is not the text.
LANDMARK_LABEL = lazy(r"(?:site |page |global |main )?footer(?: (?:navigation|nav|menu|links|"
                      r"content|section|area))?|(?:primary |secondary |main |blog )?sidebar")

#: A page's note of its last change ("Last updated on March 3, 2025", "This page was last
#: edited on 2 April 2024, at 13:18", "Last modified ... by ... contributors"): a wiki, a docs
#: site, a help centre prints it once, under the page's text. A forum post's "Last edited:
#: Jul 13, 2022" is a post's own note (one under each edited post), hence "edited" only with
#: "this page was".
MODIFIED_NOTE = lazy(r"^(?:this (?:page|article|document|post|guide) was last (?:modified|updated|"
                     r"reviewed|edited)|last (?:modified|updated|reviewed)\b)(?=.*\d)", _I)

#: A page-feedback widget's question ("Was this page helpful?", "Did you find this article
#: useful?", "Is this page useful?"), matched on the whole line's key: docs and help sites
#: print it once, under the page's text. (Not a review's "Was this review helpful?", printed
#: under each review of a product page.)
FEEDBACK_PROMPT = lazy(r"(?:was|is|did you find) this (?:page|article|post|guide|tutorial|"
                       r"information|content|documentation|doc|topic|answer|section) "
                       r"(?:helpful|useful)|(?:was|is) this (?:helpful|useful)|"
                       r"how (?:helpful|useful) (?:was|is) this (?:page|article|content)")

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
                        r"buy (?:it )?(?:now )?(?:on|at|from) .{1,30}|more info")
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

#: The fields and messages of a login or registration form ("Create a Password", "Forgot your
#: username or password?", "Email (your email address will be your login)").
ACCOUNT_FORM = lazy(
    r"\b(?:passwor[dt]|username|user name|e-?mail address|confirm (?:e-?mail|password)|"
    r"forgot your|remember me|required fields are marked|benutzername|passwort|mot de passe|"
    r"contraseña|hasło)\b", _I)

#: A month of a blog's archive list: a month name and a year alone, maybe with a bullet and
#: the month's post count ("► August 2012 (37)", "March 2006").
ARCHIVE_MONTH = lazy(
    r"^[^\w(]{0,3}(?:" + "|".join(sorted(map(re.escape, TEXT_MONTHS), key=len, reverse=True)) +
    r")\.?\s+(?:19|20)\d\d\s*(?:\(\d+\))?$", _I)

#: A list of tags or categories behind its label ("Tags: ...", "Filed under: ...").
TAG_LIST = lazy(
    r"^(?:tags?|tagged(?: with| as)?|filed (?:under|in)|categor(?:y|ies)|posted in|labels|"
    r"topics|schlagw(?:ö|oe)rter|themen|étiquettes|mots-clés|etiquetas|temas|tagi)\s*:", _I)

#: A share or follow bar's label ("Share this", "Follow us on Twitter", "Connect with us:").
SOCIAL_PROMO = lazy(
    r"^(?:share (?:this|on|via)|follow (?:us|me)|like us on|connect with us|find us on|"
    r"join us on)\b", _I)

#: The messages of a comment form ("Your comment could not be posted", "Notify me of follow-up
#: comments", "subscribing to the comment feed", a CAPTCHA's "letters and numbers you see").
COMMENT_FORM = lazy(
    r"\b(?:your comment|comment feed|captcha|letters and numbers you|post (?:a|another|your) "
    r"comment|comments? (?:are|is) (?:moderated|closed)|comment policy|notify me of)\b", _I)

#: A form's consent or disclosure notice ("By clicking Submit, you agree to our Privacy
#: Policy", "By providing my email, I am consenting to receive ...", "This site is protected by
#: reCAPTCHA", "You're seeing this ad based on ..."): what a sign-up, comment or contact form or
#: an ad slot prints, the same on every page of the site. An action ("by clicking") followed
#: by the reader's consent ("you agree", "I consent") within the sentence.
FORM_CONSENT = lazy(
    r"\bby (?:clicking|submitting|providing|continuing|signing up|subscribing|posting|"
    r"registering|tapping|entering|checking)\b[^.!?]{0,160}?\b(?:you|i)(?: am| are|'re)?"
    r" (?:hereby )?(?:agree|consent|acknowledge|authori[sz]e|accept)|"
    r"\b(?:you|i) (?:agree|consent) to (?:our|the|receive|receiving|be contacted)\b[^.!?]{0,80}?"
    r"\b(?:terms|privacy|policy|emails?|messages?|communications|calls)\b|"
    r"\bconsent(?:ing)? to (?:receive|receiving|be contacted)\b|"
    r"\bprotected by recaptcha\b|\bseeing this ad\b", _I)

#: The fixed messages forum, Q&A and shop software prints to every reader, the same on every
#: site that runs it (XenForo, Invision, Stack Exchange, Shopify's sort menu): "You are using
#: an out of date browser", "You must log in or register to reply here.", "To learn more, see
#: our tips on writing great answers.", "Date modified (newest first)", "Price, low to high".
SOFTWARE_NOTICE = lazy(
    r"\byou are using an out of date browser\b|"
    # a browser notice: "This browser is no longer supported.", "Your version of Internet
    # Explorer is not longer supported. Please upgrade your browser.", "Upgrade to Microsoft
    # Edge to take advantage of ...", "Your browser does not support the video tag."
    r"\b(?:this|your) (?:browser|version of internet explorer) is (?:no|not) longer supported\b|"
    r"\bplease (?:upgrade|update) your browser\b|\bupgrade to microsoft edge to take advantage\b|"
    r"\byour browser (?:does not|doesn['’]t) support (?:the )?(?:audio|video|embedded|iframe|html5)|"
    r"^skip to (?:the )?main content\b|"
    # WordPress's like button while it loads, under each post ("Like Loading...")
    r"^like loading\W*$|"
    r"\byou must (?:log in|login|be logged in|sign in)(?: or (?:register|sign up))? to "
    r"(?:reply|post|comment)\b|"
    r"\byou need to be a member (?:in order )?to (?:leave|post|reply|comment)\b|"
    r"\b(?:create|register) an account or (?:sign|log) in to (?:comment|reply|post)\b|"
    r"\bsign up for a new account in our community\b|"
    r"\bplease be sure to answer the question\b|\btips on writing great answers\b|"
    r"\basking for help, clarification, or responding to other answers\b|"
    r"\bmaking statements based on opinion; back them up\b|"
    r"^(?:sort by:? )?(?:(?:date|price|alphabetically)[,:]? (?:low to high|high to low|new to old|"
    r"old to new|a-z|z-a)|(?:date (?:modified|created)|highest score) \((?:newest first|"
    r"oldest first|default)\)|oldest first(?: newest first)?(?: most reactions)?\b.{0,40})$", _I)

#: App-promotion and subscription nags.
APP_PROMO = lazy(
    r"\b(?:download|get) (?:the|our) (?:\w+ ){0,2}app\b|\bapp store\b|\bgoogle play\b|"
    r"\b(?:news )?app$|\bsubscribe (?:to|for|now)\b|\bsign up for (?:our|the)\b|"
    r"\bnewsletter\b", _I)

#: Separators used between breadcrumb items.
CRUMB_SEPARATOR = lazy(r"\s*(?:>>|»|›|>|/|\||→|::|＞|〉)\s*")

#: Words that start a breadcrumb trail (its root).
HOME_WORDS = ("home", "startseite", "accueil", "inicio", "início", "portada", "strona główna",
              "главная", "首页", "首頁", "ホーム", "トップ", "home page", "homepage", "you are here",
              "当前位置", "您的位置", "位置")

#: "Home" glued to the next crumb by a dump that dropped the separator ("HomeWorld News").
GLUED_HOME = lazy(r"^(?:Home|Startseite|Accueil|Inicio|Início|Portada)(?=[A-Z])")

#: A heading that opens the reader comments below an article.
COMMENTS_START = lazy(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|reactions|kommentare?|commentaires?|"
    r"comentarios?|comentários?|commenti|komentarze?|reacties|kommentarer|komentáře|komentar|"
    r"комментарии|коментарі|yorumlar|reader comments|discussion)\b(?:\s+(?:to|on|for|zu)\b.*)?"
    r"\s*(?:\(\d+\))?\s*:?$|^(?:leave|post|add|write) a (?:comment|reply)\b|"
    r"^(?:\d+\s+)?(?:responses?|comments?) to\b|^show comments|^view comments|"
    r"^(?:there (?:are|is) )?(?:\d+|one|two|three|no) (?:comments?|responses?|replies|thoughts? on)\b|"
    r"^join the (?:discussion|conversation)\b|^comments are closed\b|"
    r"^(?:read|view|show|see) (?:all )?(?:\d+ )?comments\b|^kommentare lesen\b|"
    r"(?:^[{(\[]?\s*|[|·•]\s*)\d+\s+(?:comments?|responses?|replies|kommentare?|commentaires?|"
    r"comentarios?)\b|"
    r"^(?:lire|voir) les commentaires\b|^(?:leer|ver) (?:los )?comentarios\b|"
    # The fields of a comment form: "Name (*):", "Email*", "Correo electrónico (required)".
    r"^(?:your )?(?:name|e-?mail(?: address)?|website|nombre|correo electrónico|courriel|nom|"
    r"imię|nome)\s*(?:\(\*\)|\*|\((?:required|obligatorio|requis)\))\s*:?$|^(?:网友)?评论\s*(?:[(（]\d+[)）])?$|^发表评论", _I)

#: A heading that opens the customer reviews below a product ("Customer Reviews", "Reviews
#: (76)", "Reviews for this item", "Write a review", "Based on 4567 reviews").
REVIEWS_START = lazy(
    r"^(?:(?:customer|product|user|guest|verified|member|buyer)s?'?\s+)?(?:reviews?|ratings? "
    r"(?:and|&) reviews?)(?:\s+(?:for|of|about|on)\b.*)?\s*(?:\(\d[\d,.]*\))?\s*:?$|"
    r"^(?:write|leave|add|submit|read all|see all|view all)\s+(?:a\s+|an?\s+|\d[\d,.]*\s+)?"
    r"(?:customer\s+)?reviews?\b|^based on [\d,.]+ reviews?\b|^[\d,.]+\s+(?:customer\s+)?reviews?$|"
    r"^(?:kundenbewertungen|kundenrezensionen|bewertungen|avis (?:clients|des clients)|"
    r"opiniones(?: de (?:clientes|usuarios))?|recensioni(?: dei clienti)?|opinie(?: klientów)?|"
    r"avaliações(?: de clientes)?|beoordelingen|omdömen|отзывы)\s*(?:\(\d[\d,.]*\))?\s*:?$", _I)

#: The furniture of each customer review: its helpfulness votes, recommendation, star rating.
REVIEW_MARK = lazy(r"\bfound this review helpful\b|\bi (?:do not |don't )?recommend this product\b|"
                   r"^rated \d(?:\.\d)? out of \d stars?$|\bwas this review helpful\b|"
                   r"^(?:verified (?:purchase|buyer)|helpful\?)", _I)

#: More openers of a comment thread: "Discuss this post", "45 users responded in ...",
#: "Join the debate", and an article's last line that counts the comments ("... There are 12
#: comments.").
THREAD_OPENER = lazy(
    r"^discuss this (?:post|article|story|entry)\b|^\d+ (?:users|readers|people) "
    r"(?:responded|commented|replied)\b|^join the debate\b|"
    r"\bthere (?:are|is) (?:\d+|no|one) (?:comments?|responses?|replies)\.?$", _I)

#: The reply button that ends each reader comment's header or footer, alone or after the
#: commenter's name and time ("John Smith · 3 days ago · Reply"). Printed three times or more,
#: it marks a comment thread even without a heading.
REPLY_TAIL = lazy(r"(?:^|[·•|]\s*)(?:reply|antworten|responder|répondre|rispondi|odpowiedz|"
                  r"ответить|beantwoorden|svara|svar|rispondere|responda|回复|回覆|返信)\s*$", _I)

#: The answer count over the answers of a question-and-answer page ("19 Answers", "19 Answers
#: 19", "2 answers", "Antworten: 3" is not one): the answers below are the page's content.
ANSWERS_HEADING = lazy(r"^\s*\d[\d,.]*k?\s+(?:answers?|antworten|réponses|respuestas|risposte|"
                       r"odpowiedzi|ответ(?:а|ов)?|回答)\b(?:\s+\d[\d,.]*)?\s*:?\s*$", _I)

#: A blog's post navigation between a post and its comments ("Previous post", "« Older Entry",
#: "Next Article: <title>", "Newer Post Older Post Home"), and the other lines of a post's
#: footer: WordPress's "This entry was posted in ...", a link down to the comments, a comment
#: widget's "100 of 253 comments loaded", WordPress.com's "About these ads".
POST_NAV = lazy(r"^(?:[«‹←<]+\s*)?(?:previous|next|older|newer|prev)\s+(?:posts?|articles?|"
                r"entry|entries|story|stories)\b|^this (?:entry|post) was posted\b|"
                r"^jump to comments\b|^\d+ of \d+ comments loaded\b|^about these ads$", _I)

#: The button that quotes a post in a forum's reply, alone on its line.
QUOTE_BUTTON = lazy(r"^\s*(?:quote|zitieren|citer|citar|citare|cytuj|цитировать|цитата|引用)\s*$", _I)

#: The action buttons of a reader comment ("Reply to This", "Flag as Inappropriate", "Report
#: abuse", "up reply actions"), anywhere on its header or footer line.
COMMENT_ACTION = lazy(r"\breply to this\b|\bflag as inappropriate\b|\breport (?:abuse|"
                      r"this comment|comment)\b|\b(?:up|like|quote) reply\b|\breply actions\b", _I)

#: A comment header of blog software: the commenter's name and "says:" ("Maria says:"),
#: the comment's date on the next line.
COMMENT_SAYS = lazy(r"^\S+(?: \S+){0,4} (?:says|sagt|schreibt|dice|dit|disse|escribió|"
                    r"écrit|pisze|napsal|zegt)\s*:$", _I)

#: The word "comment" (or "reply") in a comments label, as opposed to a comment-form field.
COMMENT_WORD = lazy(r"comment|repl(?:y|ies)|respons|kommentar|comentario|comentário|commenti|"
                    r"komentar|reacties|комментар|коментар|yorum|"
                    r"discussion|reaction|评论", _I)

#: The number that opens a record in a numbered list ("1. ...", "2) ...", "#3").
ORDINAL = lazy(r"^\s*(?:#(\d{1,3})\b|(\d{1,3})[.)]\s)")

#: A heading that opens the related-links block below an article.
RELATED_START = lazy(
    r"^[【\[(]?(?:related(?: articles?| stories| posts| content| links| news| coverage| reading)?|"
    r"you (?:may|might) also like|more (?:stories|news|articles)|recommended(?: for you| stories)?|"
    r"read next|also read|see also|most (?:read|popular|viewed)|popular (?:stories|posts)|trending|"
    r"weitere artikel|mehr zum thema|das könnte sie auch interessieren|lire aussi|à lire aussi|"
    r"(?:ähnliche|neueste|beliebte|aktuelle) (?:artikel|beiträge|news|nachrichten)|"
    r"meistgelesen(?:e artikel)?|notas relacionadas|(?:lo )?más leíd[oa]s?|"
    r"sur le même sujet|noticias relacionadas|artículos relacionados|[tl]e puede interesar|"
    r"leia também|veja também|notícias relacionadas|mais lidas|otras noticias|"
    r"(?:articles )?les plus lus|articoli correlati|czytaj także|zobacz także|"
    r"相关阅读|相关文章|相关新闻|延伸阅读|热门文章|推荐阅读|関連記事|関連ニュース|あわせて読みたい)"
    r"[】\])]?\s*[:：]?$|"
    # "More on <topic>", "Mehr zum Thema <topic>", "Also on <site>:": a label plus a name.
    r"^.{0,6}(?:相关|相關)(?:链接|鏈接|新闻|新聞|阅读|閱讀|文章|话题|話題|报道|報導).{0,4}$|"
    r"^(?:more (?:on|about|from)|mehr zum thema|mehr aus|mehr von|auch auf|also on|plus sur|"
    r"más sobre|mais sobre|altro su|więcej o)\b", _I)

#: A lead-in over teasers rather than a list of the article ("If you enjoyed this article, you
#: may also like:", "Further reading:", "Recommended for you:").
TEASER_LEAD_IN = lazy(
    r"\b(?:(?:may|might|will) also (?:like|enjoy)|related (?:articles|posts|stories|reading)|"
    r"further reading|recommended|read (?:more|next)|more (?:stories|articles|posts|news))\b", _I)

#: More labels of a related-links box: "More content from NBCNews.com:", "Explore related
#: content", "Complete coverage »", "Related topics:", "More in <section>".
RELATED_OPENER = lazy(
    r"^more (?:content|coverage|headlines|videos?) (?:from|on|about)\b|"
    r"^explore (?:related|more)\b|^complete coverage\b|^related (?:topics|content|videos?)\b|"
    r"^more in\b|^from around the web\b|^(?:elsewhere|around) on the web\b", _I)

#: More headings of a blog's or a news site's link boxes below the article: the latest posts,
#: the latest comments, the top headlines ("Recent Posts", "Recent Comments", "Top Headlines",
#: "Most Popular Stories", "Latest Articles").
LINK_BOX_HEADING = lazy(
    r"^(?:recent|latest|newest|popular|top|more popular|most popular|most recent)\s+"
    r"(?:posts?|articles?|stories|entries|comments|headlines|news)\s*[:：]?$|"
    # the bare label over a post's tags or categories ("Topics:", "Filed under:")
    r"^(?:topics|tags|tagged|categories|filed under)\s*[:：]$", _I)

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
