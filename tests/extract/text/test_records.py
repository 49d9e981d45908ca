"""Pages that are lists of records (:mod:`convert.extract.text.records`): labels that differ
only in their numbers, and records right below a listing's intro."""

from __future__ import annotations

from pathlib import Path

from convert.extract.text import parse_text
from convert.textutil import article_text

from .test_pipeline import PARA, PARA2, PARA3

MENU = "Home\nAbout\nRecipes\nStart Here\n"
FOOTER = "About\nBlog\nRecipe Index\nContact\nPrivacy PolicyTerms\n"
INTRO = ("I love a meal with crispiness and crunch, and these air fryer recipes deliver! The air "
         "fryer is a weeknight dinner superstar for me, and it does it all for the family.")
#: Recipe cards (after a recipe blog's listing, pinchofyum.com): the rating line over each
#: title differs in its numbers only.
TITLES = ["Banza Chicken Bowls with Calabrian Chili Sauce", "Ridiculously Good Air Fryer Salmon",
          "Crispy Rice Salad with Cucumbers and Herbs", "Honey Chipotle Chicken Skewers",
          "Crispy Air Fryer Tofu", "Marry Me Chicken", "Yummy Air Fryer Chicken Tenders",
          "Crispy Gochujang Chicken", "Crispy Smashed Potato Salad", "Air Fryer Chicken Thighs",
          "Crispy Buffalo Tofu with Caesar Salad", "Garlic and Black Pepper Beef Skewers"]


def _cards() -> str:
    return "".join(f"{20 + 9 * n} reviews / {4 + (n % 2) * 0.5:g} average\n\n{t}\n\n"
                   for n, t in enumerate(TITLES))


def test_records_labelled_with_their_own_numbers_below_an_intro_join_it():
    dump = f"{MENU}\nAir Fryer Recipes\n\n{INTRO}\n\nTop Rated Air Fryer Recipes\n\n{_cards()}{FOOTER}"
    text = article_text(parse_text(dump))
    assert INTRO in text
    # (the region ends at the last label: the last card's title below it is left out)
    assert all(t in text for t in TITLES[:-1])
    assert "29 reviews / 4.5 average" in text
    assert "Recipe Index" not in text and "Start Here" not in text


def test_a_comment_thread_numbered_below_an_article_stays_out():
    # ("Comment #3 - Posted by: X at <date>" numbers each comment: a thread, not records)
    comment = "Well this is going to be hard, but I am looking forward to it anyway."
    thread = "".join(f"{comment}\nComment #{n} - Posted by: Reader{n} at November 10, 2012 "
                     f"5:{10 + n} PM\n" for n in range(1, 12))
    dump = f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\nComments\n{thread}"
    text = article_text(parse_text(dump))
    assert text.endswith(PARA3) and "looking forward" not in text


def test_a_number_met_here_and_there_is_no_record_label():
    from convert.extract.text.records import _regular

    assert _regular([10, 12, 14, 16, 18, 22, 24])
    assert not _regular([6, 142, 272, 398, 417, 443, 450])


def test_price_lines_under_a_shops_welcome_are_record_labels():
    # (a shop's category grid below its welcome text: each category's price range under it)
    welcome = ("Best Sharpening Stones is committed to providing you with quality sharpening "
               "stones and knife sharpeners at great prices, shipped the same day you order.")
    cats = ["Arkansas Sharpening Stones", "Diamond Sharpening Stones", "Shapton Water Stones",
            "Wicked Edge Knife Sharpener", "KME Knife Sharpeners", "Norton Water Stones",
            "Edge Pro Sharpeners", "Leather Paddle Strops", "Diamond Emulsion Sprays",
            "Micro Lapping Film", "Specialty Knife Sharpeners", "Belgian Sharpening Stones"]
    grid = "".join(f"{c} and Honing Accessories\n${7 + n}.95 - ${100 + 10 * n}.95\n\n" for n, c in enumerate(cats))
    dump = f"Shipping\nGift Certificates\nWelcome to Best Sharpening Stones\n{welcome}\n\n{grid}Contact\n"
    text = article_text(parse_text(dump))
    assert welcome in text and all(c in text for c in cats[1:]) and "$8.95 - $110.95" in text


def test_bare_numbers_are_no_record_labels():
    from convert.extract.text.lines import measure, segment
    from convert.extract.text.records import _numbered_labels
    from convert.extract.text.stopwords import stopwords_for

    stop = stopwords_for("en")
    answers = ["Yes", "No", "Maybe", "Often", "Rarely", "Never", "Always", "Sometimes", "Seldom"]
    units = segment("".join(f"{a}\n{100 + n}\n" for n, a in enumerate(answers)), stop)
    measure(units, stop, None)
    assert _numbered_labels(units) == {}


#: A blog's list of posts whose cards print each title twice: as the image's link text and
#: as the heading, with the author and the date between (the shape of a tech blog's listing
#: in wcxb-dev-extra's tune split).
POSTS = ["Why You Know What to Do and Still Don't Do It", "Beating JavaScript Performance Limits",
         "Your Life as an RPG and Why It Feels True", "Projects of the Week in Review",
         "Your AI Designer Has Never Disagreed With You", "Building a Faster Image Diff Tool",
         "What I Learned Running a Small Server for Ten Years", "The Quiet Cost of Flaky Tests",
         "How We Cut Our Build Time in Half Without New Hardware", "Notes From a Week Offline"]
ABOUT = ("The site is built for technologists to read, write and publish, and we are an open and "
         "international community of more than forty thousand writers.")


def _twin_cards() -> str:
    return "".join(f"{t}\nJane Writer{n}\nMar 0{n + 1}, 2026 | {n + 2} min read\n{t}\n\n"
                   for n, t in enumerate(POSTS))


def test_cards_with_twin_titles_are_records(monkeypatch):
    from convert.extract.text import records
    dump = f"{MENU}\nLatest Stories\n\n{_twin_cards()}{ABOUT}\n\n{FOOTER}"
    text = article_text(parse_text(dump))
    # (the first card's title is read as the page's headline)
    assert all(text.count(t) == 1 for t in POSTS[1:]) and "Jane Writer3" in text
    assert "Recipe Index" not in text and "Start Here" not in text
    monkeypatch.setattr(records, "TWIN_TITLES", False)
    monkeypatch.setattr(records, "TITLE_RUNS", False)
    # (without the rule the relaxed passes keep the cards too, with both copies of each title
    # and the menu; text-title-run-records reads these Title Case titles as a run of titles
    # too, and is off here)
    off = article_text(parse_text(dump))
    assert off.count(POSTS[1]) == 2 and "Start Here" in off


def test_a_menu_printed_twice_is_not_twin_titles():
    from convert.extract.text.records import _twin_runs
    from .test_furniture import _units
    menu = "Main Dishes\nSheet Pan Dinners\nOne Pot Meals\nFamily Dinners\nQuick and Easy\nSide Dishes\n"
    units = _units(f"{menu}\n{PARA}\n\n{PARA2}\n\n{menu}")
    assert _twin_runs(units) == []


#: A recipe site's category page (wcxb-dev-extra tune page 2974, fixtures/dumps/README.md): a
#: one-line intro, then the recipes' titles one to a line, in Title Case, some not (a title
#: printed twice, "Penne alla Vodka Recipe"), and no label in any record.
CATEGORY = Path(__file__).parents[2] / "fixtures" / "dumps" / "category-titles.txt"
CATEGORY_INTRO = "Our collection of tomato sauce recipes has something for every type of dish"
RECIPES = ["Easy Slow-Cooker Pork Ragù", "Spaghetti and Meatballs", "Penne alla Vodka Recipe",
           "The Best Slow-Cooked Bolognese Sauce Recipe", "Homemade Ketchup",
           "Sicilian-Style Spaghetti Alla Carrettiera (Fresh Tomato and Garlic Sauce)"]


def test_a_run_of_titles_under_a_category_intro_is_the_listing(monkeypatch):
    from convert.extract.text import records
    dump = CATEGORY.read_text(encoding="utf-8")
    text = article_text(parse_text(dump))
    assert text.startswith(CATEGORY_INTRO) and all(t in text for t in RECIPES)
    assert text.count("Easy Slow-Cooker Pork Ragù") == 1  # (printed twice, kept once)
    assert "Grilling Guides" not in text and "Privacy Policy" not in text  # (the menus)
    monkeypatch.setattr(records, "TITLE_RUNS", False)
    # (without the rule the titles are a teaser list, dropped: the intro is all that is left)
    off = article_text(parse_text(dump))
    assert off.startswith(CATEGORY_INTRO) and "Homemade Ketchup" not in off


def test_a_short_menu_is_no_title_run():
    from convert.extract.text.records import _title_runs
    from .test_furniture import _units
    # (menu items are not Title Case headlines: one or two words each)
    menu = "Dinners\nMeals\nBreakfast & Brunch\nLunch\nHealthy\nAppetizers & Snacks\nSalads\nSoups\nBread\n"
    assert _title_runs(_units(f"{menu}\n{PARA}\n")) == []


#: An awards page (the shape of a design magazine's winners page in wcxb-dev-extra's tune
#: split): its intro high on the page, the category menu below it, then hundreds of records
#: of a few short lines each, the same label ("Honoree") in every one.
AWARDS_INTRO = ("The magazine's twentieth annual awards continued its proud tradition of "
                "recognizing standout projects and products from around the world, judged by a "
                "panel of industry leaders who reviewed more than two thousand entries this year "
                "across dozens of categories, from apartments and offices to lighting and textiles. "
                "The winners were celebrated at a gala in New York on a cold night in December.")


def _awards() -> str:
    return "".join(f"Honoree\nProject Number {n} Residence\n"
                   f"Studio {chr(65 + n % 26)}{n} Architects and Interiors\n" for n in range(100))


def test_records_that_dwarf_the_prose_far_above_them_join_it(monkeypatch):
    from convert.extract.text import records
    categories = "".join(f"Category {c}\n" for c in "ABCDEFGHIJ")
    dump = f"{MENU}\nBest of Year Winners\n\n{AWARDS_INTRO}\n\n{categories}\n{_awards()}{FOOTER}"
    text = article_text(parse_text(dump))
    assert AWARDS_INTRO in text and "Project Number 41" in text and "Studio P41 Architects and Interiors" in text
    monkeypatch.setattr(records, "DOMINANT_RECORDS", False)
    # (without the rule records away from the prose are teasers below an article)
    off = article_text(parse_text(dump))
    assert AWARDS_INTRO in off and "Project Number 41" not in off


#: An air-fryer category page (after wcxb-dev-extra tune page 4632, a recipe blog): a
#: two-paragraph intro, then its recipes' titles, several ending in a bracketed note.
AIR_INTRO = ("Quick and healthy air fryer recipes, everything from air fryer breakfast to snacks, "
             "dinners and desserts, all made in one basket in record time.\n\n"
             "We love our air fryer and how it makes everything crispy and delicious in record time, "
             "so these are the recipes we come back to every single week.\n")
AIR_TITLES = ["Sticky Air Fryer Chicken Thighs (Oven Option)",
              "High Protein Cottage Cheese Bagels (with Fiber)",
              "Maple Roasted Honeynut Squash (Air Fryer | Oven)", "Fish Tacos with Mango Salsa",
              "Crispy Air Fryer Sweet Potato Fries", "Healthy Air Fryer Whole Chicken",
              "Easy Air Fryer Salmon Recipe (Frozen or Fresh)",
              "Air Fryer Brussels Sprouts with Hot Honey", "Air Fryer Peaches with Whipped Ricotta",
              "Crispy Air Fryer Chicken Cutlets (Gluten Free)"]
AIR_FOOTER = "Page 1\nPage 2\nNext\nAbout\nContact\n"


def test_a_run_of_titles_below_the_intro_joins_it(monkeypatch):
    from convert.extract.text import records
    dump = "Home\nRecipes\nMeal Plans\n" + AIR_INTRO + "".join(f"{t}\n" for t in AIR_TITLES) + AIR_FOOTER
    text = article_text(parse_text(dump))
    assert all(t in text for t in AIR_TITLES) and "Page 2" not in text
    for name in ("TITLES_BELOW_INTRO", "BRACKETED_TITLES"):
        with monkeypatch.context() as m:
            m.setattr(records, name, False)
            # (without either rule the titles are teasers: the intro alone is kept)
            assert AIR_TITLES[0] not in article_text(parse_text(dump))


def test_titles_under_a_related_label_stay_out():
    # ("Related posts:" in the run: the teasers under an article, not a listing)
    titles = AIR_TITLES[:4] + ["Related posts:"] + AIR_TITLES[4:]
    dump = "Home\nRecipes\nMeal Plans\n" + AIR_INTRO + "".join(f"{t}\n" for t in titles) + AIR_FOOTER
    assert AIR_TITLES[-1] not in article_text(parse_text(dump))
