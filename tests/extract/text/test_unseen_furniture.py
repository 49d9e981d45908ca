"""Furniture rules added for pages the parser was never tuned on (issue #13): one synthetic
dump per rule, with the rule switched off (``skip``) to show the line is its doing."""

from __future__ import annotations

from convert.extract.text import parse_text
from convert.extract.text.furniture import apply_rules
from convert.textutil import article_text

from .test_furniture import _units
from .test_pipeline import PARA, PARA2, PARA3

#: A consent dialog's paragraph, longer than the lines the 'cookie' rule judges (shape of the
#: shop and news pages of wcxb-dev-extra's tune split).
NOTICE = ("With our cookies we would like to offer you the best shopping experience possible "
          "with everything that goes with it. This includes, for example, suitable offers, "
          "personalised ads and remembering your preferences. If this is okay with you, simply "
          "agree to the use of cookies for preferences, statistics and marketing by clicking on "
          "the button below, or manage your settings at any time.")
#: Prose about cookies, as long, that is not in the site's voice.
ABOUT_COOKIES = ("Nearly every website that has a like button is asking the browser to send "
                 "data to an advertising network, and the cookies it stores let that network "
                 "follow a reader from one site to the next. Some advertisers claim that people "
                 "can opt out of targeted advertising, but the opt-out itself is kept in a "
                 "cookie, and clearing the browser's storage quietly turns the tracking back on.")


def test_a_long_cookie_notice_is_dropped():
    units = _units(f"{NOTICE}\n\n{PARA}\n\n{PARA2}\n")
    assert units[0].words > 45
    apply_rules(units)
    assert units[0].keep is False and units[0].reason == "cookie"
    off = _units(f"{NOTICE}\n\n{PARA}\n\n{PARA2}\n")
    apply_rules(off, skip={"cookie-notice"})
    assert off[0].keep is None


def test_a_long_paragraph_about_cookies_is_prose():
    # (first on the page: the 'consent' rule judges such lines in the page's second half)
    units = _units(f"{ABOUT_COOKIES}\n\n{PARA}\n\n{PARA2}\n")
    apply_rules(units)
    assert units[0].keep is None


def test_the_notice_does_not_win_over_the_article():
    text = f"{NOTICE}\n\nMenu\nShop\nHelp\n\nNew library\n\n{PARA}\n\n{PARA2}\n\n{PARA3}\n"
    body = article_text(parse_text(text))
    assert "cookies" not in body and PARA in body
