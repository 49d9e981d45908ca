"""The text-dump parser on small hand-made dumps: one test per signal it relies on."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from convert.extract.text import parse_text
from convert.textutil import article_text

DUMPS = Path(__file__).resolve().parents[2] / "fixtures" / "dumps"

PARA = ("The council met on Tuesday evening to discuss the new library, and most of the members "
        "agreed that the old building was too small for the number of visitors it now has.")
PARA2 = ("After a long debate they voted to ask an architect for a plan, which will be shown to "
         "the public in the spring so that everyone can say what they think of it.")
PARA3 = ("The mayor said that the money for the work would come from the budget for next year "
         "and that no other project would have to wait because of it.")


def parse(name: str):
    return parse_text((DUMPS / name).read_bytes(), location=name)


def paragraphs(article) -> list[str]:
    return article_text(article).split("\n\n")


# --------------------------------------------------------------------------- innerText dump

@pytest.fixture(scope="module")
def news():
    return parse("innertext-news.txt")


def test_news_metadata(news):
    m = news.meta
    assert m.title == "Divers map a forest of kelp that survived the heatwave"
    assert m.subtitle == "Researchers say the cold-water refuge could help other reefs recover"
    assert m.published == "2024-03-14T09:30:00"
    assert m.section == "Oceans"
    assert m.language == "en"
    assert m.site_name == "Ocean News Network"
    assert m.source.kind == "text" and m.source.location == "innertext-news.txt"


def test_news_caption_and_credit_become_the_lead_image(news):
    fig = news.meta.lead_image
    assert fig is not None and fig.image is None
    assert fig.caption[0].text == "Photo: A diver swims above the kelp canopy near the northern cape."
    assert fig.credit[0].text == "Ocean Lab / Mira Holt"


def test_news_body_is_the_five_paragraphs_in_order(news):
    paras = paragraphs(news)
    assert len(paras) == 5
    assert paras[0].startswith("A team of marine biologists")
    assert paras[2].startswith("Over three weeks")
    assert paras[4].startswith("The team now wants")


@pytest.mark.parametrize("furniture", [
    "icon", "READ MORE", "Top stories", "FEATURE", "Why the tide", "Deutsch", "All rights",
    "cookies", "Home /", "Photo:", "© Ocean", "Researchers say",
])
def test_news_furniture_is_dropped(news, furniture):
    assert furniture not in article_text(news)


# --------------------------------------------------------------------------- get_text dump

@pytest.fixture(scope="module")
def blog():
    return parse("gettext-blog.txt")


def test_gettext_sentences_broken_at_links_are_rejoined(blog):
    first = paragraphs(blog)[0]
    assert first == ("Every morning I open a notebook and write down what I want to do that day, "
                     "even though my phone could remind me of every task.")
    assert "Several studies have found" in article_text(blog)


def test_gettext_title_byline_and_site_from_the_title_line(blog):
    assert blog.meta.title == "Why I still write my notes by hand"
    assert blog.meta.authors == ("Jonas Weber",)
    assert blog.meta.site_name == "Paper Trails"


def test_subheading_and_list_are_structured(blog):
    kinds = [b.type for b in blog.blocks]
    assert kinds == ["paragraph", "paragraph", "heading", "paragraph", "paragraph", "list",
                     "paragraph"]
    heading = blog.blocks[2]
    assert heading.level == 2 and heading.children[0].text == "What the research says"
    items = [i.blocks[0].children[0].text for i in blog.blocks[5].items]
    assert items == ["writing is slower, so you choose what matters",
                     "the page has no notifications to pull you away",
                     "you can draw arrows and boxes anywhere you like"]


def test_comments_after_the_article_are_dropped(blog):
    text = article_text(blog)
    assert "I tried this for a month" not in text
    assert "Nice post" not in text and "Recent posts" not in text
    assert text.endswith("the best tool I have found.")


# --------------------------------------------------------------------------- other languages

def test_german_wet_dump():
    art = parse("wet-de.txt")
    assert art.meta.language == "de"
    assert art.meta.title == "Stadt plant neue Radwege entlang des Flusses"
    assert art.meta.published == "2023-05-12T14:15:00"
    assert art.meta.site_name == "Lokalnachrichten"
    paras = paragraphs(art)
    assert len(paras) == 4 and paras[-1].startswith("Kritik kommt")
    assert "Lesen Sie auch" not in article_text(art)
    assert "Impressum" not in article_text(art)


def test_chinese_dump_without_spaces():
    art = parse("zh-news.txt")
    assert art.meta.language == "zh"
    assert art.meta.title == "研究人员开发出新型电池材料"
    assert art.meta.section == "科技"
    assert art.meta.published == "2023-11-05T10:20:00"
    paras = paragraphs(art)
    assert len(paras) == 3 and paras[0].startswith("研究人员近日")
    assert "版权所有" not in article_text(art) and "相关新闻" not in article_text(art)


# --------------------------------------------------------------------------- single signals

def test_repeated_teaser_block_is_dropped_but_article_kept():
    teasers = "More news\nA bridge opens downtown\nThe harbour gets a new crane\n"
    dump = f"{teasers}\n{PARA}\n\n{PARA2}\n\n{PARA3}\n\n{teasers}"
    text = article_text(parse_text(dump))
    assert "bridge" not in text and "crane" not in text
    assert text.count("The council met") == 1


def test_date_formats_become_published():
    for line, iso in [("Published: July 4, 2021 at 3:05 pm", "2021-07-04T15:05:00"),
                      ("2022-01-30", "2022-01-30"),
                      ("Updated 5. März 2020, 08:15", None),
                      ("27 Jul, 2023 06:09", "2023-07-27T06:09:00"),
                      ("2019年3月8日", "2019-03-08")]:
        art = parse_text(f"Headline about the council\n{line}\n\n{PARA}\n\n{PARA2}\n")
        if iso is None:
            assert art.meta.modified == "2020-03-05T08:15:00"
        else:
            assert art.meta.published == iso, line
        assert line not in article_text(art)


def test_glued_breadcrumb_gives_the_section():
    art = parse_text(f"HomeSport\n\nLocal team wins the cup at last\n\n{PARA}\n\n{PARA2}\n")
    assert art.meta.section == "Sport"
    assert "HomeSport" not in article_text(art)


def test_file_photo_caption_with_agency_credit():
    dump = (f"A headline for the test page\n"
            f"FILE PHOTO: The old library on a winter morning. © Town Archive\n\n"
            f"{PARA}\n\n{PARA2}\n")
    fig = parse_text(dump).meta.lead_image
    assert fig.caption[0].text == "FILE PHOTO: The old library on a winter morning."
    assert fig.credit[0].text == "Town Archive"


def test_language_switcher_and_share_buttons_are_dropped():
    dump = (f"English Español Français Deutsch Italiano\nShare\nTweet\nEmail\n\n{PARA}\n\n"
            f"{PARA2}\n\n{PARA3}\n")
    text = article_text(parse_text(dump))
    assert "Español" not in text and "Tweet" not in text
    assert text.startswith("The council met")


def test_dropped_lines_are_logged_with_their_rule(caplog):
    with caplog.at_level(logging.DEBUG, logger="convert.extract"):
        parse("innertext-news.txt")
    messages = [r.getMessage() for r in caplog.records]
    assert any(m.startswith("drop [button]") and "Top stories" in m for m in messages)
    assert any(m.startswith("drop [cookie]") and "Accept cookies" in m for m in messages)
    assert any(m.startswith("drop [teaser]") for m in messages)


def test_tiny_page_without_furniture_is_kept_whole():
    art = parse_text("Test Case 1\n\nTest Case 2\n")
    assert article_text(art) == "Test Case 1\n\nTest Case 2"


def test_text_in_no_listed_language_is_judged_by_shape():
    lorem = ("Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor "
             "incididunt ut labore et dolore magna aliqua.")
    dump = f"Menu\nLogin\n\n{lorem}\n\n{lorem.replace('Lorem', 'Ut enim')}\n\n{lorem.replace('Lorem', 'Duis')}\n"
    text = article_text(parse_text(dump))
    assert text.count("ipsum dolor") == 3 and "Login" not in text


def test_related_heading_and_teaser_headlines_end_the_article():
    dump = (f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\nRelated articles\n\n"
            "The Mayor Opens A New Park Near The River\nCity Council Approves The Budget For Schools\n"
            "Local Bakery Wins National Bread Award Again\n")
    text = article_text(parse_text(dump))
    assert text.endswith(PARA3)
    assert "Bakery" not in text and "Related" not in text


def test_title_case_teaser_list_is_dropped_even_without_a_heading():
    dump = (f"{PARA}\n\n{PARA2}\n\n"
            "The Mayor Opens A New Park Near The River\nCity Council Approves The Budget For Schools\n"
            "Local Bakery Wins National Bread Award Again\n\n{PARA3}\n")
    text = article_text(parse_text(dump))
    assert "Bakery" not in text and "Mayor Opens" not in text


def test_live_news_items_with_clock_times_are_dropped():
    dump = (f"{PARA}\n\n{PARA2}\n\n13:54 Storm closes the northern ferry line for the day\n"
            "13:40 Ministers meet to discuss the price of energy again\n\n{PARA3}\n")
    text = article_text(parse_text(dump))
    assert "ferry" not in text and "Ministers" not in text


def test_consent_dialog_at_the_end_is_dropped():
    dialog = ("When you visit any website, it may store or retrieve information on your browser, "
              "mostly in the form of cookies. This information might be about you, your "
              "preferences or your device and is used to make the site work as you expect it to. "
              "You can choose not to allow some types of cookies and change your consent at any time.")
    dump = f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\nManage Consent Preferences\n\n{dialog}\n\n{dialog}\n"
    text = article_text(parse_text(dump))
    assert "cookies" not in text and text.endswith(PARA3)


def test_reader_comments_after_a_count_heading_are_dropped():
    comment = ("I completely agree with everything that was said here, and I think the council "
               "should have done this years ago when the building first became too small.")
    dump = f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\n12 Comments\n\nAnna\n\n{comment}\n"
    text = article_text(parse_text(dump))
    assert "completely agree" not in text and text.endswith(PARA3)


def test_japanese_menu_items_are_not_glued_to_the_headline():
    dump = ("国際ニュース：ニュースサイト\n政治・経済\n社会\n戦争・紛争\n環境・科学\n"
            "【6月18日】北部の町で16日夜、大雨による洪水が起き、多くの家が水につかった。"
            "地元の当局者が17日に明らかにした。\n"
            "当局によると、住民は近くの学校に避難しており、けが人は出ていないという。"
            "川の水位は18日朝から少しずつ下がっている。\n")
    text = article_text(parse_text(dump))
    assert text.startswith("【6月18日】") and "政治・経済" not in text


def test_code_lines_inside_an_article_become_a_code_block():
    dump = (f"{PARA}\n\nTo see the plan, run the following query in the console of the database:\n"
            "SELECT name, COUNT(id) FROM orders\nWHERE created_at > '2024-01-01';\n\n"
            f"{PARA2}\n\n{PARA3}\n")
    blocks = parse_text(dump).blocks
    code = [b for b in blocks if b.type == "code_block"]
    assert len(code) == 1
    assert code[0].text == "SELECT name, COUNT(id) FROM orders\nWHERE created_at > '2024-01-01';"
    assert blocks[-1].type == "paragraph" and blocks[-1].children[0].text == PARA3


def test_a_comment_form_ends_the_article():
    comment = ("I completely agree with everything that was said here, and I think the council "
               "should have done this years ago when the building first became too small.")
    dump = f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\nLeave your opinion\nName (*):\nEmail*\n\n{comment}\n"
    text = article_text(parse_text(dump))
    assert "completely agree" not in text and text.endswith(PARA3)


def test_a_comments_label_on_every_post_does_not_end_the_page():
    # A Q&A page: "Add a comment" under the question and under each answer labels the posts;
    # it is not the heading of a comment thread below an article.
    dump = f"{PARA}\n\nAdd a comment\n\n{PARA2}\n\nAdd a comment\n\n{PARA3}\n\nAdd a comment\n"
    text = article_text(parse_text(dump))
    assert PARA2 in text and text.endswith(PARA3)


def test_a_share_bar_made_from_one_template_is_dropped():
    bar = "\n".join(f"Click to share on {s} (Opens in new window)"
                    for s in ("Facebook", "Twitter", "Telegram", "WhatsApp", "Reddit"))
    dump = f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\n{bar}\n"
    text = article_text(parse_text(dump))
    assert "Click to share" not in text and text.endswith(PARA3)


@pytest.mark.parametrize("heading", ["There are 13 comments", "3 thoughts on “Council votes”",
                                     "Join the discussion"])
def test_more_comment_headings_end_the_article(heading):
    comment = ("I completely agree with everything that was said here, and I think the council "
               "should have done this years ago when the building first became too small.")
    dump = f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\n{heading}\n\nAnna\n\n{comment}\n"
    text = article_text(parse_text(dump))
    assert "completely agree" not in text and text.endswith(PARA3)


def test_a_page_printed_twice_keeps_one_copy():
    # Desktop and mobile layouts in one dump: every line occurs twice.
    part = ("Marketing made to meet your business goals.\nUniversal Appeal\n"
            "Increasing attendance and awareness of a world-class space museum in a small town.\n"
            "The Picture of Health\n"
            "A collaborative approach brought leadership into the creative process for a clinic.\n")
    text = article_text(parse_text("Work\nAgency\nBlog\n" + part + part + "Contact\n"))
    assert text.count("collaborative approach") == 1 and "world-class space museum" in text


def test_a_list_of_records_is_the_content_of_a_page_without_prose():
    menu = "Home\nCameras\nLenses\nDeals\nMy Cart\nSign in\n"
    records = "".join(
        f"Add to Compare\nCanon EOS R{n} Mirrorless Camera with Lens\nKey Features\n"
        f"{20 + n}MP APS-C CMOS Sensor and Dual Pixel autofocus\n4K {n}0p video with crop\n"
        f"${n}99.00\nAdd to Cart\n" for n in range(1, 9))
    text = article_text(parse_text(menu + records + "About Us\nCareers\nHelp\n"))
    assert "Canon EOS R2 Mirrorless" in text and "Canon EOS R8 Mirrorless" in text
    assert "Careers" not in text and "Sign in" not in text and "Add to Cart" not in text


def test_a_lede_of_names_and_numbers_next_to_the_body_is_kept():
    lede = ("Jane Doe, 54, Robert Roe, 61, Anna Smith, 47, and Peter Pan, 39, of Springfield, "
            "Ohio, won $1.2 million on 12 March 2024 at Columbus.")
    dump = f"Menu\nNews\nSport\n{lede}\n{PARA}\n\n{PARA2}\n\n{PARA3}\n"
    text = article_text(parse_text(dump))
    assert text.startswith(lede) and text.endswith(PARA3)



def test_a_kept_headline_weighs_less_in_the_main_run_than_a_sentence():
    from convert.extract.text.lines import Line
    from convert.extract.text.region import _run_score

    def line(text, ends):
        return Line(text=text, index=0, gap_before=False, words=12, weight=12.0,
                    ends_sentence=ends, keep=True)

    headline = line("Why the mayor of the city wants to close the old bridge for good", False)
    sentence = line("The mayor of the city wants to close the old bridge for good now.", True)
    assert 0 < _run_score(headline) < _run_score(sentence)


def test_a_comments_heading_with_a_count_in_brackets_ends_the_article():
    comment = ("I completely agree with everything that was said here, and I think the council "
               "should have done this years ago when the building first became too small.")
    teaser = ("The mayor also said that the city will look at other buildings in the old town "
              "over the next few months, and that a report is due in the spring of next year.")
    dump = (f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\nComments (10580)\nSign in to post a comment.\n"
            f"{comment}\n{teaser}\n{PARA2[::-1]}\n")
    text = article_text(parse_text(dump))
    assert "completely agree" not in text and text.endswith(PARA3)


@pytest.mark.parametrize("heading", ["Comentários", "Комментарии (12)", "Reacties", "Kommentarer"])
def test_comment_headings_in_other_languages_end_the_article(heading):
    comment = ("I completely agree with everything that was said here, and I think the council "
               "should have done this years ago when the building first became too small.")
    dump = f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\n{heading}\n\nAnna\n\n{comment}\n"
    text = article_text(parse_text(dump))
    assert "completely agree" not in text and text.endswith(PARA3)


def test_records_numbered_in_order_are_the_content_of_a_listing():
    jobs = "".join(f"{n}. Company{n} (YC W2{n % 10}) is hiring engineers for its team\n{n} days ago\n"
                   for n in range(1, 13))
    dump = "new | past | comments | ask | show | jobs | submit\nThese are jobs at startups.\n" + jobs
    text = article_text(parse_text(dump + "Guidelines | FAQ | Lists | API | Security | Legal\n"))
    assert "2. Company2" in text and "12. Company12" in text and "Guidelines" not in text


def test_bulleted_items_alike_are_a_list_not_a_template():
    items = "\n".join(f"+ Added /{c} command" for c in ("clone", "fill", "title", "trigger"))
    dump = f"{PARA}\n\n{items}\n\n{PARA2}\n\n{PARA3}\n"
    text = article_text(parse_text(dump))
    assert "Added /fill command" in text


def test_unspaced_lines_are_never_a_template():
    from convert.extract.text.runs import drop_templated_runs
    from convert.extract.text.lines import measure, segment

    units = segment("きょうの世界昔話\nモンゴルの十二支話\nきょうの日本民話\n仕事の取替えっこ\n", frozenset())
    measure(units, frozenset(), None)
    drop_templated_runs(units)
    assert all(u.reason != "templated" for u in units)


def test_chinese_with_spaces_for_punctuation_is_prose():
    # Careless Traditional Chinese: spaces between long runs of characters instead of commas.
    para = ("今天我們一家人開車到海邊去玩 天氣非常晴朗又舒服 孩子們在沙灘上面堆沙堡玩得很開心 "
            "傍晚的時候我們在附近的小餐廳吃了新鮮的海鮮料理 大家都覺得非常滿意")
    para2 = ("回家的路上遇到了一點塞車的情況 不過孩子們在車上唱歌聊天一點也不無聊 "
             "下次放假的時候我們還想再來這個美麗的地方走走 順便拜訪住在附近的老朋友們")
    dump = f"首頁\n旅遊\n美食\n生活\n{para}\n{para2}\n關於我們\n聯絡我們\n"
    text = article_text(parse_text(dump))  # (the first paragraph may become the standfirst)
    assert para2 in text and "聯絡我們" not in text


def test_a_related_label_on_every_section_does_not_end_the_article():
    dump = (f"{PARA}\n\nRelated\n\n{PARA2}\n\nRelated\n\n{PARA3}\n\nRelated\n\n"
            f"{PARA2[::-1]}\n")
    text = article_text(parse_text(dump))
    assert PARA3 in text


def test_a_one_word_subheading_inside_the_article_is_kept():
    dump = f"Menu\nNews\n\n{PARA}\n\nBackground\n\n{PARA2}\n\n{PARA3}\n\nContact\nImprint\n"
    text = article_text(parse_text(dump))
    assert "\nBackground\n" in text and "Imprint" not in text


def test_a_menu_of_one_word_lines_inside_the_run_stays_dropped():
    # The main run spans a menu between two stretches of prose: its one-word items are not
    # subheadings of the article (a lone one-word line is, see the test above).
    menu = "\n".join(("Presse", "Suche", "Debatte", "Artikel", "Corona"))
    dump = f"{PARA}\n\nBackground\n\n{PARA2}\nAdvertisement\n{menu}\n{PARA3}\n\n{PARA[::-1]}\n"
    text = article_text(parse_text(dump))
    assert "\nBackground\n" in text and PARA3 in text and "Debatte" not in text


@pytest.mark.parametrize("label", ["Ähnliche Beiträge", "Meistgelesen", "Veja também",
                                   "Articles les plus lus", "Notas relacionadas"])
def test_a_related_label_inside_the_article_is_dropped(label):
    dump = f"{PARA}\n\nAdvertisement\n\n{label}\n\n{PARA2}\n\n{PARA3}\n"
    text = article_text(parse_text(dump))
    assert PARA2 in text and label not in text


def test_the_site_name_from_furniture_is_the_first_of_tied_brands():
    # Two tokens label four furniture lines each, first on the same line: the one printed
    # first wins, on every run (it used to depend on a set's order, i.e. the hash seed).
    from convert.extract.text.meta import site_from_furniture

    rest = ["Acme Sport", "Zeta Deals", "Acme Weather", "Zeta Outlet", "Acme Jobs", "Zeta Gifts"]
    assert site_from_furniture(["Acme Zeta Portal"] + rest, set()) == "Acme"
    assert site_from_furniture(["Zeta Acme Portal"] + rest, set()) == "Zeta"


@pytest.mark.parametrize("text", [
    "It's the end, (really) — isn’t it? 3rd place_x: İstanbul’s İSTANBUL ΟΔΟΣ.ΚΑΙ",
    f"{PARA}\n{PARA2}\nwell-known e-mail: x@y.z, café/bar; naïve",
    "ΟΔΟΣ.ΚΑΙ ΤΗΣ ΠΟΛΗΣ",
])
def test_word_counts_by_token_are_the_counts_of_the_words(text):
    # The speed-ups count words per whitespace token and per line: the same counts as
    # words() over the whole text.
    from collections import Counter

    from convert.extract.text.stopwords import word_counts, words
    from convert.extract.text.pipeline import _body_word_counts
    from convert.extract.text.lines import measure, segment

    assert word_counts(text) == Counter(words(text))
    units = segment(text + "\n東京の天気は晴れです。\n", frozenset())
    measure(units, frozenset(), None)
    body_text = " ".join(u.text for u in units)
    assert _body_word_counts(units, body_text) == Counter(words(body_text))


#: Synthetic, in the style of a food blog's recipe card copied with select-all: the card's
#: section names alone on their line, among the ingredients' and the steps' lines.
RECIPE = (f"Easy Lemon Ricotta Pancakes\n{PARA}\n{PARA2}\nEasy Lemon Ricotta Pancakes\n"
          "Servings 4 people\nIngredients\n1 cup all-purpose flour\n2 tablespoons sugar\n"
          "2 teaspoons baking powder\n1 cup ricotta cheese\n2 large eggs\nInstructions\n"
          "In a large bowl, whisk together the flour, the sugar and the baking powder.\n"
          "Whisk the ricotta and the eggs in another bowl, then stir them into the flour.\n"
          f"{PARA3}\n")


def test_a_recipe_cards_section_names_are_headings(monkeypatch):
    from convert.article import Heading, List
    from convert.extract.text import pipeline
    blocks = parse_text(RECIPE).blocks
    heads = [b.children[0].text for b in blocks if isinstance(b, Heading)]
    assert "Ingredients" in heads and "Instructions" in heads
    items = [i.blocks[0].children[0].text for b in blocks if isinstance(b, List) for i in b.items]
    assert "1 cup all-purpose flour" in items and "Ingredients" not in items
    monkeypatch.setattr(pipeline, "RECIPE_HEADINGS", False)
    blocks = parse_text(RECIPE).blocks
    assert "Ingredients" not in [b.children[0].text for b in blocks if isinstance(b, Heading)]
