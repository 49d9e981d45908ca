"""Vocabulary of the sections below an article's text in plain-text dumps: the headings that
open reader comments, customer reviews, a question's answers and related-links boxes, and the
marks printed inside them (a comment's reply button and "says:", a review's helpfulness
votes, a blog's post navigation).

Used where the article's run ends (:mod:`.endings`, :mod:`.region`) and by the record and
comment rules (:mod:`.records`, :mod:`.structure`); nothing here decides anything on its own.
Like :mod:`.rules`, every pattern is anchored or bounded (no nested quantifiers), so a 5 MB
line is scanned in linear time.
"""

from __future__ import annotations

import re

from convert.extract.lazyre import lazy

_I = re.IGNORECASE

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
