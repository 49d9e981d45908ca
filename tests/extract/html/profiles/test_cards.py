"""A listing card's aria-hidden twin link (the mouse twin of its title link, around the
summary) is shown as text; anything else hidden stays hidden."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.article import Article, Heading, Link, List, Meta, Paragraph, Text
from convert.extract.html.builder import Builder
from convert.extract.html.profiles import cards, listing
from convert.textutil import article_text, inline_text


def _text(blocks) -> str:
    return article_text(Article(Meta(), tuple(blocks)))


def _story(i: int) -> str:
    # The shape of a news river card (appleinsider.com/topic/…, wcxb-dev-extra 1310): the
    # summary is a mouse-only twin of the title link.
    return (f"<article class='river-article'><a href='/a/{i}' aria-hidden='true' tabindex='-1'>"
            f"<img src='/i/{i}.jpg' alt=''></a><header><h2><a href='/a/{i}'>Headphones story "
            f"{i} of the week</a></h2><p class='river-desc'><a href='/a/{i}' aria-hidden='true' "
            f"tabindex='-1'>What the headphones of story {i} changed for listeners.</a></p>"
            f"<p class='promo' aria-hidden='true'>Subscribe for more stories like this one</p>"
            f"<p><a href='/x' aria-hidden='true' hidden>Hidden twice over</a></p>"
            f"</header></article>")


def _river(n: int = 6) -> str:
    return ("<html><body><main><section class='news'>" + "".join(_story(i) for i in range(n))
            + "</section></main></body></html>")


def _built(page: str) -> List:
    grid = listing.find(LexborHTMLParser(page).body)
    assert grid is not None
    blocks = listing.build(grid, Builder("https://news.example/"))
    assert len(blocks) == 1 and isinstance(blocks[0], List)
    return blocks[0]


def _links(blocks):
    for b in blocks:
        for child in getattr(b, "children", ()):
            if isinstance(child, Link):
                yield inline_text(child.children)


def test_twin_summary_is_shown_as_text():
    card = _built(_river()).items[0]
    text = _text(card.blocks)
    assert "Headphones story 0 of the week" in text
    assert "What the headphones of story 0 changed for listeners." in text
    # The summary is text, the title the card's one link.
    assert list(_links(card.blocks)) == ["Headphones story 0 of the week"]


def test_other_hidden_content_stays_hidden():
    text = _text(_built(_river()).items[0].blocks)
    assert "Subscribe for more" not in text  # aria-hidden, but no link
    assert "Hidden twice over" not in text   # a twin hidden by other means too


def test_ablated_rule_hides_the_twin(monkeypatch):
    monkeypatch.setattr(cards, "CARD_LINK_TWINS", False)
    text = _text(_built(_river()).items[0].blocks)
    assert "changed for listeners" not in text


def test_rules_are_declared():
    from convert.extract.ablation import RULES
    for name in ("card_link_twins", "listing_region", "listing_twins", "card_not_dialog"):
        assert name in RULES


def _event(i: int, twin: bool) -> str:
    # The shape of an events search card (eventbrite.com, wcxb-dev-extra 2913): the card is
    # laid out twice, for phone and desktop, one of them shown by the stylesheet.
    layout = (f"<h3>Networking night number {i}</h3><p>Tomorrow at {i}:00 PM GMT</p><p>Free</p>")
    return (f"<li><a href='/e/{i}'>Open</a><section class='small'>{layout}</section>"
            + (f"<section class='large'>{layout}<p>Organiser {i}</p></section>" if twin else "")
            + "</li>")


def test_a_card_laid_out_twice_keeps_each_line_once():
    page = "<html><body><main><ul class='events'>" + "".join(
        _event(i, True) for i in range(5)) + "</ul></main></body></html>"
    item = _built(page).items[0]
    text = _text(list(item.blocks))
    assert text.count("Networking night number 0") == 1 and text.count("Free") == 1
    assert "Organiser 0" in text


def _post(i: int) -> str:
    # The shape of a feed card (dev.to's home page, wcxb-dev-extra 3014): a visually hidden
    # link of the whole card, labelled with the title, above the author, the date and the
    # title's heading; the title's name appears again by the card's "read" line.
    title = f"Why I replaced the agent loop number {i}"
    return (f"<div class='crayons-story'><a href='/p/{i}' class='crayons-story__hidden-"
            f"navigation-link'>{title}</a><div class='crayons-story__meta'><p>Jess Lee</p>"
            f"<p>Mar {i + 1}</p></div><h2><a href='/p/{i}'>{title}</a></h2><p>#ai #agents</p>"
            f"</div>")


def _feed() -> str:
    return ("<html><body><main><div class='substories'>" + "".join(_post(i) for i in range(5))
            + "</div></main></body></html>")


def test_a_title_shown_twice_is_shown_once_by_its_heading():
    item = _built(_feed()).items[0]
    assert _text(list(item.blocks)).count("Why I replaced the agent loop number 0") == 1
    assert [type(b).__name__ for b in item.blocks] == ["Paragraph", "Paragraph", "Heading",
                                                       "Paragraph"]


def test_a_repeat_below_the_title_stays():
    # (a product card names the product again by its price, headphones.com, wcxb-dev-extra 2897)
    blocks = [Heading(3, (Text("Sennheiser HD 560S"),)), Paragraph((Text("Sennheiser"),)),
              Paragraph((Text("Sennheiser HD 560S"),)), Paragraph((Text("$279.95"),))]
    assert cards.without_repeats(blocks) == blocks


def test_one_repeated_line_without_a_heading_keeps_the_last():
    blocks = [Paragraph((Text("Headphones story"),)), Paragraph((Text("What changed"),)),
              Paragraph((Text("Headphones story"),))]
    assert cards.without_repeats(blocks) == blocks[1:]


def test_title_twins_ablated(monkeypatch):
    monkeypatch.setattr(cards, "CARD_TITLE_TWINS", False)
    item = _built(_feed()).items[0]
    assert _text(list(item.blocks)).count("Why I replaced the agent loop number 0") == 2


def _job(i: int) -> str:
    # The shape of a product/job card (bhphotovideo.com and headphone-review lists, wcxb-dev
    # 2955 and wcxb-dev-extra 2936): a title link, a summary, a bare review count and rating,
    # a compare checkbox and a link drawn as a button.
    return (f"<div class='tile'><h3><a href='/j/{i}'>Studio headphones model {i}</a></h3>"
            f"<p>Closed-back studio headphones, number {i} of the range.</p>"
            f"<p>{6207 + i}</p><p>4.{i}</p><p>+15</p><p>$1{i}9.95</p>"
            f"<label><input type='checkbox'><span>Add to Compare</span></label>"
            f"<a class='btn btn-success cta' href='/j/{i}/apply'>Apply now</a></div>")


def _jobs() -> str:
    return ("<html><body><main><div class='results'>" + "".join(_job(i) for i in range(6))
            + "</div></main></body></html>")


def test_a_cards_counters_are_left_out():
    text = _text(_built(_jobs()).items[1].blocks)
    assert "Studio headphones model 1" in text and "number 1 of the range" in text
    assert "6208" not in text and "4.1" not in text and "+15" not in text
    assert "$119.95" in text  # a price is no counter


def test_counters_ablated(monkeypatch):
    monkeypatch.setattr(cards, "CARD_COUNTERS", False)
    text = _text(_built(_jobs()).items[1].blocks)
    assert "6208" in text and "4.1" in text


def test_a_cards_controls_are_left_out():
    text = _text(_built(_jobs()).items[1].blocks)
    assert "Add to Compare" not in text and "Apply now" not in text


def test_controls_ablated(monkeypatch):
    monkeypatch.setattr(cards, "CARD_CONTROLS", False)
    # (every card repeats them: the calls-to-action rule would take them out as well)
    monkeypatch.setattr(cards, "CARD_CALLS", False)
    text = _text(_built(_jobs()).items[1].blocks)
    assert "Add to Compare" in text and "Apply now" in text


def test_counter_rules_are_declared():
    from convert.extract.ablation import RULES
    assert "card_counters" in RULES and "card_controls" in RULES


def _sale(i: int) -> str:
    # The shape of a WooCommerce sale card (thebushcompanyusa.com, wcxb-dev 4544): the prices
    # on the screen are aria-hidden, their spoken twins screen-reader text.
    return (f"<li class='product'><a href='/p/{i}'><h2>Camping dining set number {i}</h2></a>"
            f"<p>The canopy dining set for six, canvas and steel.</p><span class='price'>"
            f"<del aria-hidden='true'>${30 + i}.00</del> <span class='screen-reader-text'>"
            f"Original price was: ${30 + i}.00.</span><ins aria-hidden='true'>${20 + i}.00</ins>"
            f"<span class='screen-reader-text'>Current price is: ${20 + i}.00.</span></span></li>")


def _shop() -> str:
    return ("<html><body><main><ul class='products'>" + "".join(_sale(i) for i in range(6))
            + "</ul></main></body></html>")


def test_a_cards_inline_text_hidden_from_screen_readers_stays_hidden():
    # (card_aria_shown, which showed it, was measured a fit and deleted: see cards' docstring)
    text = _text(_built(_shop()).items[1].blocks)
    assert "$21.00" not in text and "Original price was" not in text
    assert "Camping dining set number 1" in text


def test_aria_rule_is_gone():
    from convert.extract.ablation import RULES
    assert "card_aria_shown" not in RULES


def _trail(i: int) -> str:
    # The shape of a trail directory's card (ghorba.org/trails, wcxb-dev 4627, a tune page):
    # a name, its facts, and the same call to action in every card.
    return (f"<div class='trail'><h3><a href='/t/{i}'>Anthills trail number {i}</a></h3>"
            f"<p>Difficulty: Intermediate to advanced</p><p>Length: {i + 3} miles</p>"
            f"<p><a href='https://trailforks.example/{i}'>View Trailforks Map</a></p></div>")


def _trails(n: int = 6) -> str:
    return ("<html><body><main><div class='trails'>" + "".join(_trail(i) for i in range(n))
            + "</div></main></body></html>")


def test_a_call_to_action_every_card_repeats_is_left_out():
    text = _text([_built(_trails())])
    assert "View Trailforks Map" not in text
    assert "Anthills trail number 5" in text and "Length: 8 miles" in text
    # (a line every card repeats that is no call to action stays: the facts' labels)
    assert text.count("Difficulty: Intermediate to advanced") == 6


def test_a_call_to_action_in_few_cards_stays():
    built = [[Paragraph((Text("Anthills trail"),)), Paragraph((Text("View Trailforks Map"),))]] \
        + [[Paragraph((Text(f"Trail {i}"),))] for i in range(5)]
    assert cards.without_calls(built) == built


def test_calls_ablated(monkeypatch):
    monkeypatch.setattr(cards, "CARD_CALLS", False)
    assert "View Trailforks Map" in _text([_built(_trails())])


def _feed_with_newsletter() -> str:
    # The shape of a blog's home feed (github.blog, wcxb-dev 2902, a tune page): the feed's
    # blocks side by side, one of them holding the newsletter sign-up box among its stories.
    story = ("<div class='wp-block-group'><h3><a href='/s/{i}'>How we rebuilt the search "
             "architecture, part {i}</a></h3><p>Here is how we made search faster and more "
             "resilient for every customer, part {i}.</p>{extra}</div>")
    box = ("<section class='newsletter rounded-2' id='newsletter'><div class='newsletter-content'>"
           "<h2>We do newsletters, too</h2><p>Discover tips, technical guides, and best "
           "practices in our biweekly newsletter just for devs.</p></div><form action='/nl'>"
           "<label>Your email address</label><input type='email' name='emailAddress'>"
           "</form></section>")
    return ("<html><body><main><div class='blog-feed'>" + "".join(
        story.format(i=i, extra=box if i == 2 else "") for i in range(6))
        + "</div></main></body></html>")


def test_a_cards_newsletter_box_is_left_out():
    text = _text([_built(_feed_with_newsletter())])
    assert "We do newsletters" not in text and "biweekly newsletter" not in text
    assert "How we rebuilt the search architecture, part 2" in text


def test_card_furniture_ablated(monkeypatch):
    monkeypatch.setattr(cards, "CARD_FURNITURE", False)
    assert "We do newsletters" in _text([_built(_feed_with_newsletter())])


def test_a_newsletter_box_without_its_form_stays():
    # A box named so but asking for no address is not known to be the sign-up box.
    page = _feed_with_newsletter().replace("<label>Your email address</label>", "")
    assert "We do newsletters" in _text([_built(page)])


def _product(i: int) -> str:
    # The shape of a Shopify collection's card (deathwishcoffee.com/collections/coffee,
    # wcxb-dev-extra 0638, a tune page): the whole card is a "subscription-eligible" wrapper
    # around its add-to-cart form, and a "Quick Shop" button every card repeats.
    return (f"<li class='grid__item'><div class='card-wrapper product-card-wrapper "
            f"subscription-eligible'><h3 class='card__heading'><a href='/products/{i}'>Dark "
            f"roast whole bean coffee, fourteen ounce bag number {i}</a></h3>"
            f"<div class='price'>$19.{i}9</div><form "
            f"action='/cart/add'><input type='hidden' name='id'><span>Quick Shop</span>"
            f"</form></div></li>")


def _collection(n: int = 8) -> str:
    return ("<html><body><main><ul class='grid product-grid'>"
            + "".join(_product(i) for i in range(n)) + "</ul></main></body></html>")


def test_a_subscription_eligible_card_is_no_sign_up_box():
    text = _text([_built(_collection())])
    assert "Dark roast whole bean coffee, fourteen ounce bag number 5" in text and "$19.59" in text


def test_quick_shop_every_card_repeats_is_a_call():
    text = _text([_built(_collection())])
    assert "Quick Shop" not in text


def _sized(i: int) -> str:
    # A Shopify card as the profiles read it (deathwishcoffee.com, wcxb-dev-extra 0638, a tune
    # page): its size picker's <select> is a dropped tag, so only the picker's label is left.
    return (f"<li class='grid__item'><h3><a href='/products/{i}'>Medium roast ground coffee, "
            f"fourteen ounce bag number {i}</a></h3><div class='price'>$19.{i}9</div>"
            f"<div class='options'><label for='size-{i}'>Size</label></div></li>")


def test_a_label_whose_field_is_gone_is_left_out():
    page = ("<html><body><main><ul class='grid'>" + "".join(_sized(i) for i in range(8))
            + "</ul></main></body></html>")
    text = _text([_built(page)])
    assert "Size" not in text and "number 7" in text and "$19.79" in text


def _timed_post(i: int) -> str:
    # The shape of dev.to's feed card (wcxb-dev-extra 3014, a tune page): the card's footer
    # holds its reading time on a line of its own.
    return (f"<div class='crayons-story'><h2><a href='/p/{i}'>Rebuilding the agent number {i}"
            f"</a></h2><p>#ai #agents</p><div class='crayons-story__bottom'><p>{i + 3} min "
            f"read</p><p>{i + 3} minutes to go live</p></div></div>")


def _timed_feed() -> str:
    return ("<html><body><main><div class='substories'>" + "".join(
        _timed_post(i) for i in range(8)) + "</div></main></body></html>")


def test_a_cards_reading_time_is_left_out():
    text = _text(list(_built(_timed_feed()).items[1].blocks))
    assert "Rebuilding the agent number 1" in text and "4 minutes to go live" in text
    assert "min read" not in text


def test_read_times_ablated(monkeypatch):
    monkeypatch.setattr(cards, "CARD_READ_TIMES", False)
    assert "4 min read" in _text(list(_built(_timed_feed()).items[1].blocks))


def _rated(i: int) -> str:
    # The shape of a recipe or shop card (allrecipes.com, wcxb-dev-extra 2973; bhphotovideo.com,
    # wcxb-dev 2955; both tune pages): the count of ratings or reviews on a line of its own.
    return (f"<div class='card'><h3><a href='/r/{i}'>Crispy air fryer potatoes number {i}</a>"
            f"</h3><p>Golden potatoes with garlic, ready in twenty minutes.</p>"
            f"<p>{839 + i}  Ratings</p><p>({i + 2}) reviews</p><p>2 comments and a recipe</p>"
            f"</div>")


def _rated_grid() -> str:
    return ("<html><body><main><div class='grid'>" + "".join(_rated(i) for i in range(6))
            + "</div></main></body></html>")


def test_a_cards_tallies_are_left_out():
    text = _text(list(_built(_rated_grid()).items[1].blocks))
    assert "potatoes number 1" in text and "2 comments and a recipe" in text
    assert "840" not in text and "(3) reviews" not in text


def test_tallies_ablated(monkeypatch):
    monkeypatch.setattr(cards, "CARD_TALLIES", False)
    text = _text(list(_built(_rated_grid()).items[1].blocks))
    assert "840 Ratings" in text and "(3) reviews" in text
