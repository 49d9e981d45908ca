"""A form's consent notice and a forum or shop software's fixed messages are furniture
(``form-consent``, ``software-notice``), and a page whose only prose is the
paragraph under its headline keeps it (``text-lone-standfirst``). The notices are the shapes
met on wcxb-dev-extra and wcxb-dev tune pages (a shop's newsletter form, a Q&A site's answer
form, a contact form's reCAPTCHA line, a marketplace's ad slot)."""

from __future__ import annotations

import pytest

from convert.extract.text import parse_text
from convert.extract.text import pipeline
from convert.extract.text.furniture import apply_rules
from convert.textutil import article_text

from .test_furniture import _units
from .test_pipeline import PARA, PARA2

NOTICES = [
    "By providing my email, I am consenting to receive Bombas emails and Email-Based "
    "Advertising. For additional information, please see our Privacy Policy.",
    "By clicking \u201cPost Your Answer\u201d, you agree to our terms of service and "
    "acknowledge you have read our privacy policy.",
    "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
    "You\u2019re seeing this ad based on the product\u2019s relevance to your search query.",
    "By submitting this form, you agree to receive recurring automated promotional and "
    "personalized marketing text messages (e.g. cart reminders) at the cell number used when "
    "signing up. Consent is not a condition of any purchase.",
]

#: Prose that names the same actions without a reader's consent to a form.
HOW_TO = [
    "In Visual Studio, run the application by clicking the play arrow. Your web browser opens "
    "on a localhost URL.",
    "Yes, you can unsubscribe at any time! The cancellation takes effect at the end of the "
    "billing period.",
    "The platform helps teams by providing secure access to shared datasets in real time.",
]


@pytest.mark.parametrize("notice", NOTICES)
def test_a_form_notice_is_dropped(notice):
    units = _units(f"{PARA}\n\n{notice}\n\n{PARA2}\n")
    apply_rules(units)
    assert units[1].keep is False and units[1].reason == "form-consent"
    off = _units(f"{PARA}\n\n{notice}\n\n{PARA2}\n")
    apply_rules(off, skip={"form-consent"})
    assert off[1].reason != "form-consent"


@pytest.mark.parametrize("prose", HOW_TO)
def test_prose_about_clicking_or_unsubscribing_is_kept(prose):
    units = _units(f"{PARA}\n\n{prose}\n\n{PARA2}\n")
    apply_rules(units)
    assert units[1].reason != "form-consent"


def test_the_notice_leaves_the_article():
    text = f"Library plans\n\n{PARA}\n\n{PARA2}\n\n{NOTICES[0]}\n"
    body = article_text(parse_text(text))
    assert PARA2 in body and "consenting" not in body


#: A one-paragraph news post between its headline and a comment form (the shape of a dragnet
#: tune page): the structure step reads the paragraph as a standfirst.
LONE = ("Council Backs New Library\n\nNEWS FLASH\n\n"
        "Council Backs New Library | The council met on Tuesday evening and voted to ask an "
        "architect for a plan for the new library, which will be shown to residents in the "
        "spring before any money is spent on the building work; the mayor said the money would "
        "come from next year's budget and that the old reading room would stay open until then\n\n"
        "By Jane Doe on Aug 9, 2012 at 4:20 pm\n\n"
        "Get email alerts\n\nTop Posts\n")


def test_a_lone_standfirst_is_the_body(monkeypatch):
    body = article_text(parse_text(LONE))
    assert "voted to ask an architect" in body
    monkeypatch.setattr(pipeline, "LONE_STANDFIRST", False)
    # (nor does the thin-page fallback take the lines under the headline instead)
    monkeypatch.setattr(pipeline, "THIN_PAGE", False)
    with pytest.raises(Exception, match="nothing article-like"):
        parse_text(LONE)


#: Messages of forum, Q&A and shop software (XenForo, Invision, Stack Exchange, a shop's sort
#: menu), as printed on wcxb-dev-extra tune pages.
SOFTWARE = [
    "You are using an out of date browser. It may not display this or other websites correctly.",
    "You must log in or register to reply here.",
    "You need to be a member in order to leave a comment",
    "Sign up for a new account in our community. It's easy!",
    "To learn more, see our tips on writing great answers.",
    "Date modified (newest first)",
    "Price, low to high",
    # a browser notice (wcxb-dev-extra tune pages 4409, 2913, 2841)
    "This browser is no longer supported.",
    "Upgrade to Microsoft Edge to take advantage of the latest features, security updates, and "
    "technical support.",
    "Your version of Internet Explorer is not longer supported. Please upgrade your browser.",
    "Sorry, your browser doesn’t support embedded videos.",
    "Skip to main content Skip to Ask Learn chat experience",
    # a notice to a reader without scripts (synthetic: a live page's, an app's)
    "Please turn on JavaScript. Our Live coverage needs it to work fully.",
    "You need to enable JavaScript to run this app.",
    "JavaScript is disabled in your browser.",
    "Bitte aktivieren Sie JavaScript in Ihrem Browser.",
]


@pytest.mark.parametrize("notice", SOFTWARE)
def test_a_software_notice_is_dropped(notice):
    units = _units(f"{PARA}\n\n{notice}\n\n{PARA2}\n")
    apply_rules(units)
    assert units[1].keep is False and units[1].reason == "software-notice"
    off = _units(f"{PARA}\n\n{notice}\n\n{PARA2}\n")
    apply_rules(off, skip={"software-notice"})
    assert off[1].reason != "software-notice"


def test_prose_about_browsers_is_not_a_notice():
    units = _units(f"{PARA}\n\nWhich browser is best for you? We tested five of them.\n\n{PARA2}\n")
    apply_rules(units)
    assert units[1].reason != "software-notice"


def test_a_how_to_about_javascript_is_not_a_notice():
    line = "Enable JavaScript in Safari by opening the Preferences and ticking the box."
    units = _units(f"{PARA}\n\n{line}\n\n{PARA2}\n")
    apply_rules(units)
    assert units[1].reason != "software-notice"


def test_prose_about_prices_is_not_a_sort_menu():
    units = _units(f"{PARA}\n\nPrices went from low to high within a year.\n\n{PARA2}\n")
    apply_rules(units)
    assert units[1].reason != "software-notice"


#: An article whose last paragraph is its author's bio, with no 'About the author' label (the
#: shape of dragnet tune pages; human golds leave the bio out).
BIOS = [
    "Anthony Ha is a writer at TechCrunch, where he covers media, advertising, and startups.",
    "Cyrus Farivar / Cyrus is the Senior Business Editor at Ars Technica, and is also a radio "
    "producer and author.",
    "I'm Stephen, a content writer at Embarque. I specialize in creating articles that drive "
    "results.",
]


@pytest.mark.parametrize("bio", BIOS)
def test_a_bio_below_the_article_is_dropped(bio, monkeypatch):
    text = f"Library plans\n\n{PARA}\n\n{PARA2}\n\n{bio}\n"
    body = article_text(parse_text(text))
    assert PARA2 in body and bio[:30] not in body
    monkeypatch.setattr(pipeline, "TAIL_BIO", False)
    assert bio[:30] in article_text(parse_text(text))


def test_a_person_introduced_inside_the_article_stays():
    person = "Jane Doe is a reporter at the Gazette, and she asked the council about the plan."
    text = f"Library plans\n\n{PARA}\n\n{person}\n\n{PARA2}\n"
    assert person in article_text(parse_text(text))


#: A web framework's documentation on cookies, in its second half (the shape of a docs page in
#: wcxb-dev-extra's tune split): it uses a consent dialog's words, but not in the site's voice.
COOKIE_DOCS = ("To access cookies you can use the cookies attribute. To set cookies you can use "
               "the set_cookie method of response objects. The cookies attribute of request "
               "objects is a dictionary with all the cookies the client transmits. If you want to "
               "use sessions, do not use the cookies directly but instead use the sessions that add "
               "some security on top of cookies for you, and read about the browser's preferences.")
DIALOG = ("We and our partners use cookies and similar tracking technologies to store and access "
          "information on your device, to measure the audience of our site and to personalise "
          "content and ads. You can accept all cookies, refuse them or set your preferences at any "
          "time, and withdraw your consent from the link at the bottom of every page of our site.")


def _consent_reasons(line: str, skip: frozenset[str] = frozenset()) -> list[str]:
    units = _units(f"{PARA}\n\n{PARA2}\n\n{PARA}\n\n{line}\n\n{PARA2}\n")
    apply_rules(units, skip=skip)
    return [u.reason for u in units]


def test_documentation_about_cookies_does_not_open_a_consent_tail(monkeypatch):
    from convert.extract.text import runs
    assert "consent" not in _consent_reasons(COOKIE_DOCS)
    assert _consent_reasons(DIALOG)[3:] == ["consent", "consent"]
    monkeypatch.setattr(runs, "CONSENT_VOICE", False)
    assert _consent_reasons(COOKIE_DOCS)[3:] == ["consent", "consent"]


#: A sign-up form's messages, one per state of the form (the shapes met on wcxb-dev and
#: wcxb-dev-extra tune pages: a shop's newsletter box, a blog's, a course catalogue's).
SIGNUP_NOTICES = [
    "Thank you for signing up!",
    "Check your inbox for your welcome email. It includes your coupon and ways to set "
    "preferences for the emails you get.",
    "You've been successfully signed up!",
    "Great! We've sent you an email to confirm your subscription.",
    "Looks like you already have an account! Please Log in to subscribe.",
    "You\u2019re on the list!",
    # (the shapes of dragnet-R576 and wcxb-dev 0574, 4204, text dumps)
    "Thank you! Please check your email for confirmation.",
    "You're browsing the Message Boards as a guest. Sign Up for free (or Log In if you already "
    "have an account) to be able to post messages.",
    "You've already signed up for some newsletters, but you haven't confirmed your address.",
]

#: Prose near the same words that is no form's message.
SIGNUP_PROSE = [
    "Thank you for reading this far: the council will publish the plans in the spring.",
    "Members who signed up before the vote were told that the library would stay open.",
    # the same words in news, a quote and a how-to: no form's own voice
    "More than two million people in the region have already signed up for the trial, the "
    "health ministry said on Tuesday.",
    "Those who already subscribed to the old plan will be moved to the new one in March.",
    "If you already have an account, sign in and open the Settings page, then choose Export.",
    "Check your email regularly and confirm any payment request with your bank before you act.",
    "Thank you for registering your interest, the mayor told the crowd, but the hall is full.",
    "The firm successfully registered its trademark in 2019 after a long dispute.",
]


@pytest.mark.parametrize("notice", SIGNUP_NOTICES)
def test_a_signup_forms_message_is_dropped(notice):
    units = _units(f"{PARA}\n\n{notice}\n\n{PARA2}\n")
    apply_rules(units)
    assert units[1].keep is False and units[1].reason == "signup-notice"
    off = _units(f"{PARA}\n\n{notice}\n\n{PARA2}\n")
    apply_rules(off, skip={"signup-notice"})
    assert off[1].reason != "signup-notice"


@pytest.mark.parametrize("prose", SIGNUP_PROSE)
def test_prose_near_a_signup_forms_words_is_kept(prose):
    units = _units(f"{PARA}\n\n{prose}\n\n{PARA2}\n")
    apply_rules(units)
    assert units[1].reason != "signup-notice"


DISCLOSURES = [
    "This post may contain affiliate links. Please read our disclosure policy.",
    "As an Amazon Associate I earn from qualifying purchases.",
    "When you buy through links on our site, we may earn a small commission at no cost to you.",
    "Disclosure: This article contains affiliate links.",
]


@pytest.mark.parametrize("line", DISCLOSURES)
def test_an_affiliate_disclosure_is_dropped(line):
    units = _units(f"{PARA}\n\n{line}\n\n{PARA2}\n")
    apply_rules(units)
    assert units[1].keep is False and units[1].reason == "affiliate-disclosure"
    off = _units(f"{PARA}\n\n{line}\n\n{PARA2}\n")
    apply_rules(off, skip={"affiliate-disclosure"})
    assert off[1].reason != "affiliate-disclosure"


@pytest.mark.parametrize("line", [
    "Affiliate programs: Streamers earn a commission when viewers buy games via affiliate links.",
    "No affiliate links. No paid promotion. I have used every piece of gear in this post.",
])
def test_prose_about_affiliate_links_is_no_disclosure(line):
    units = _units(f"{PARA}\n\n{line}\n\n{PARA2}\n")
    apply_rules(units)
    assert units[1].reason != "affiliate-disclosure"
