"""Vocabulary of the notices a site prints on every page, in plain-text dumps: cookie and
consent banners, the footer's copyright, credit and landmark lines, a page's change note and
feedback prompt, the fields and consent notices of forms, the fixed messages of forum, Q&A and
shop software, app and newsletter nags.

Used by the furniture rules (:mod:`.furniture`, :mod:`.runs`) and the page's end
(:mod:`.region`); nothing here decides anything on its own. Like :mod:`.rules`, every pattern
is anchored or bounded (no nested quantifiers), so a 5 MB line is scanned in linear time.
"""

from __future__ import annotations

import re

from convert.extract.lazyre import lazy

_I = re.IGNORECASE

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

#: The fields and messages of a login or registration form ("Create a Password", "Forgot your
#: username or password?", "Email (your email address will be your login)").
ACCOUNT_FORM = lazy(
    r"\b(?:passwor[dt]|username|user name|e-?mail address|confirm (?:e-?mail|password)|"
    r"forgot your|remember me|required fields are marked|benutzername|passwort|mot de passe|"
    r"contraseña|hasło)\b", _I)

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
    # a notice to a reader without scripts ("Please turn on JavaScript.", "You need to enable
    # JavaScript to run this app.", "JavaScript is disabled in your browser."); a how-to's
    # "Enable JavaScript in Safari's settings" is no plea and stays
    r"\bplease (?:turn on|enable|activate|allow) javascript\b|"
    r"\byou (?:need|have|must) (?:to )?(?:turn on|enable|activate|allow) javascript\b|"
    r"\bjavascript (?:is|seems to be) (?:disabled|turned off|not enabled|required)\b|"
    r"\bbitte aktivieren sie javascript\b|\bveuillez activer (?:le )?javascript\b|"
    r"\bhabilita (?:el )?javascript\b|\bactiva (?:el )?javascript\b|"
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

#: The messages a sign-up form prints for each of its states, all of them in the page's text
#: (hidden, not absent): the thank-you, the confirmation asked for, the notice to a reader
#: already signed up ("Thank you for signing up!", "Check your inbox to confirm your
#: subscription.", "You've been successfully signed up!", "Already have an account? Log in").
#: Each wording is held to the form's own voice, as prose uses the same words: the thank-you
#: ends at the verb ("Thank you for registering your interest, the mayor said" is a quote),
#: success is the reader's ("the firm successfully registered its trademark" is news), the
#: inbox is checked for the form's mail ("check your email and confirm any payment with your
#: bank" is advice), and "already ..." is the form's exclamation or question ("people have
#: already signed up for the trial", "if you already have an account, sign in" are not).
SIGNUP_NOTICE = lazy(
    r"\bthanks?(?: you)?(?: so much)? for (?:joining our\b|(?:subscribing|signing up|registering)"
    r"\b(?!\s+(?:your|his|her|their|the|a|an)\b))|"
    r"(?:\byou(?:['’]ve| have)(?: been)? |^\W*)successfully (?:signed up|subscribed|registered)\b|"
    r"\byou(?:['’]re| are) (?:now )?(?:subscribed|signed up|on the list|already subscribed)\b|"
    r"\bcheck your (?:inbox|e-?mail)\b.{0,80}\b(?:(?:confirm|verify)(?: your| it\b|\s*[.!]|\s*$)|"
    r"confirmation\b|verification\b|welcome e-?mail|subscription)|"
    r"\b(?:confirm|verify) your (?:subscription|sign[- ]?up)\b|\bsent you an e-?mail to confirm\b|"
    r"\byou(?:['’]ve| have) already (?:signed up|subscribed)\b|"
    r"\balready (?:have an account|subscribed|signed up)\s*[!?)]", _I)

#: A site's disclosure of its affiliate links, in the site's voice and at the start of the line
#: ("This post may contain affiliate links.", "As an Amazon Associate I earn from qualifying
#: purchases.", "When you buy through links on our site, we may earn a commission."): the same
#: notice on every post of the site, never the post's text. Prose about affiliate programmes
#: ("Streamers earn a commission when viewers buy ...") is not in that voice.
AFFILIATE_DISCLOSURE = lazy(
    r"^\W{0,3}(?:disclosure\s*:\s*)?(?:"
    r"this (?:post|article|page|website|blog|site|podcast|list|guide|review) (?:may )?"
    r"(?:contains?|uses?|includes?) (?:some )?affiliate links?\b|"
    r"as an (?:amazon )?(?:associate|affiliate)(?: marketer)?,? (?:i|we) earn from qualifying "
    r"purchases\b|"
    r"(?:when|if) you (?:buy|purchase|shop|click)[^.]{0,60}?,? (?:we|i) (?:may )?(?:earn|receive|"
    r"get) (?:a )?(?:small )?(?:affiliate )?commission\b|"
    r"we may earn (?:a )?(?:small )?commission from (?:the )?links on this page\b|"
    r"(?:we|i) (?:also )?(?:may )?(?:use|include) affiliate links in (?:our|my) posts\b)", _I)
