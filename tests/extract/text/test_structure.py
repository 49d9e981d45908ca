"""The structure step of the text parser (:mod:`convert.extract.text.structure`): the headline
found across a story's header, and the dump's first line that is a button."""

from __future__ import annotations

from convert.extract.text import furniture, parse_text, structure
from convert.textutil import article_text

#: A German news page's dump: the headline, its standfirst, byline, date, reading time, a share
#: bar and a caption between it and the story (twelve lines), the share bar again below.
GERMAN_NEWS = """Zum Inhalt springen
Startseite
Politik
Wirtschaft
Sport
Kultur
Wirtschaft
Strompreise: Warum die Netzentgelte 2025 erneut steigen
Die Übertragungsnetzbetreiber haben ihre Entgelte für das kommende Jahr veröffentlicht. Für viele Haushalte bedeutet das höhere Rechnungen.
Von Thomas Berger
12.10.2024, 14:30 Uhr
Lesezeit: 3 Min.
Teilen
Auf Facebook teilen
Auf X teilen
Per E-Mail teilen
Link kopieren
Merken
Ein Strommast in Niedersachsen. Foto: Julian Stratenschulte/dpa
Die Stromrechnung vieler Haushalte in Deutschland wird im kommenden Jahr trotz gesunkener Börsenpreise kaum sinken. Grund dafür sind die Netzentgelte, die einen wachsenden Teil des Endkundenpreises ausmachen. Die Netzbetreiber haben am Freitag mitgeteilt, dass ihre Entgelte 2025 im Durchschnitt um rund drei Prozent steigen werden.
Besonders betroffen sind Regionen im Norden und Osten, in denen in den vergangenen Jahren viele Windkraftanlagen gebaut wurden. Dort müssen die Verbraucher bislang die Kosten für den Ausbau der Netze weitgehend allein tragen, und die Netzentgelte steigen dort am stärksten.
Nach Berechnungen eines Vergleichsportals zahlt ein Haushalt mit einem Jahresverbrauch von 4000 Kilowattstunden derzeit durchschnittlich rund 440 Euro pro Jahr allein für die Netznutzung. Das entspricht etwa einem Viertel der gesamten Stromrechnung.
Teilen
Auf Facebook teilen
Auf X teilen
Per E-Mail teilen
Link kopieren
Impressum
Datenschutz
© Beispiel Zeitung GmbH 2024
"""


def test_the_headline_above_a_storys_header_is_the_title():
    article = parse_text(GERMAN_NEWS)
    assert article.meta.title == "Strompreise: Warum die Netzentgelte 2025 erneut steigen"
    assert article.meta.subtitle.startswith("Die Übertragungsnetzbetreiber")


def test_without_the_rule_the_header_sets_the_headline_apart(monkeypatch):
    monkeypatch.setattr(structure, "TITLE_DISTANCE_SKIPS_FURNITURE", False)
    # (the byline right below the headline would find it too)
    monkeypatch.setattr(structure, "TITLE_OVER_META", False)
    article = parse_text(GERMAN_NEWS)
    assert article.meta.title != "Strompreise: Warum die Netzentgelte 2025 erneut steigen"


def test_the_share_bar_and_the_reading_time_stay_out_of_the_story():
    text = article_text(parse_text(GERMAN_NEWS))
    assert "Stromrechnung vieler Haushalte" in text
    for label in ("Teilen", "Link kopieren", "Per E-Mail teilen", "Lesezeit", "Zum Inhalt"):
        assert label not in text


def test_without_the_rule_a_share_bars_line_is_taken_for_the_headline(monkeypatch):
    # (printed twice, the bar's lines score as a headline repeated as alt text)
    monkeypatch.setitem(furniture._ON, "share-bar", False)
    monkeypatch.setattr(structure, "TITLE_REPEAT_NOT_FOOTER", False)
    assert parse_text(GERMAN_NEWS).meta.title in ("Link kopieren", "Per E-Mail teilen",
                                                  "Auf X teilen", "Auf Facebook teilen")


#: A page whose first line is its skip link and whose lines hold no headline.
SKIP_FIRST = """Skip to content
Menu
Search
The committee met on Tuesday to discuss the budget for the coming year, and the members agreed that the library should receive more money for its children's programmes.
They also voted to repair the roof of the town hall before the winter, which the treasurer said would cost less than had been feared at the last meeting.
Most of the evening was spent on the plans for the new park, which will open in the spring if the weather allows the work to go ahead as planned.
"""


def test_a_skip_link_printed_first_is_not_the_title():
    assert parse_text(SKIP_FIRST).meta.title != "Skip to content"


def test_without_the_rule_the_first_line_is_the_title(monkeypatch):
    monkeypatch.setattr(structure, "FIRST_LINE_NOT_BUTTON", False)
    assert parse_text(SKIP_FIRST).meta.title == "Skip to content"


#: A docs page: "On this page" printed over the table of contents and again beside it.
DOCS_PAGE = """Docs
Guides
On this page
Deploying with containers
The server ships as a container image that holds everything it needs to run, so a host with a container runtime can start it with a single command and no other setup.
Pull the image first, then start it with the port published and the content folder mounted where the server expects to find it.
The image is rebuilt for every release, and the tag names the version, so a deployment can pin the version it was tested with.
On this page
Pulling the image
Starting the server
"""


def test_a_widget_label_printed_twice_is_not_the_headline():
    assert parse_text(DOCS_PAGE).meta.title != "On this page"


def test_without_the_rule_the_widget_label_is_the_headline(monkeypatch):
    monkeypatch.setattr(structure, "TITLE_NOT_WIDGET_LABEL", False)
    monkeypatch.setattr(structure, "TITLE_REPEAT_NOT_FOOTER", False)
    assert parse_text(DOCS_PAGE).meta.title == "On this page"


#: A French news page: the site's name over the page and again in its footer, the headline
#: in sentence case right above its standfirst and byline.
FRENCH_NEWS = """Le Quotidien du Soir
International
Politique
Économie
Inondations en Bavière : des milliers de personnes évacuées après des pluies record
Les autorités allemandes ont déclenché l'alerte maximale dans plusieurs districts du sud du pays, où les cours d'eau ont atteint des niveaux jamais observés.
Par Claire Dubois
Publié le 3 juin 2024
Les sirènes ont retenti toute la nuit dans la petite ville de Reichertshofen. Dimanche matin, l'eau de la Paar, un affluent du Danube, avait envahi les rues du centre et atteint le premier étage de plusieurs maisons.
Selon le ministère de l'intérieur bavarois, plus de 3 000 personnes ont été évacuées depuis samedi dans les districts de Pfaffenhofen, Günzburg et Augsbourg, et une personne est toujours portée disparue.
Le chancelier s'est rendu sur place dimanche après-midi. « C'est un avertissement qu'il ne faut pas négliger », a-t-il déclaré devant la presse, aux côtés du ministre-président de Bavière.
Le Quotidien du Soir
Mentions légales
Politique de confidentialité
"""
HEADLINE = "Inondations en Bavière : des milliers de personnes évacuées après des pluies record"


def test_a_sentence_case_headline_over_the_byline_is_the_title():
    assert parse_text(FRENCH_NEWS).meta.title == HEADLINE


def test_without_repeat_not_footer_the_sites_name_is_the_title(monkeypatch):
    # (printed over the page and in its footer, it scores as a headline repeated)
    monkeypatch.setattr(structure, "TITLE_REPEAT_NOT_FOOTER", False)
    # (the byline right below the headline would find it too)
    monkeypatch.setattr(structure, "TITLE_OVER_META", False)
    assert parse_text(FRENCH_NEWS).meta.title == "Le Quotidien du Soir"


def test_without_headline_above_meta_the_headline_stays_in_the_body(monkeypatch):
    # (no line above the body is a headline: the first line stands for the page's <title>)
    monkeypatch.setattr(structure, "HEADLINE_ABOVE_META", False)
    assert parse_text(FRENCH_NEWS).meta.title != HEADLINE


#: A news page whose byline's names were links the dump left out: "By and", printed twice.
EMPTY_BYLINE = """Local News
Rezoning plan divides a neighbourhood ahead of the council vote
By and
Published Nov 8, 2023
Share
By and
Published Nov 8, 2023
A controversial rezoning proved to be a central issue in a heated council race, as residents argued over the new apartments planned along the boulevard.
The plan allows for hundreds of new apartments to be built, a part of which would be set aside for families with lower incomes, the city's planners said.
Opponents packed the hearings, and the councilmember who had criticised the proposal for months changed her position shortly before the vote.
"""


def test_an_empty_byline_is_not_the_headline():
    assert parse_text(EMPTY_BYLINE).meta.title == \
        "Rezoning plan divides a neighbourhood ahead of the council vote"


def test_without_the_rule_the_empty_byline_is_the_headline(monkeypatch):
    monkeypatch.setattr(structure, "TITLE_NOT_EMPTY_BYLINE", False)
    assert parse_text(EMPTY_BYLINE).meta.title == "By and"


#: A live blog's first entry: a bare clock, the entry's heading, its text.
LIVE_BLOG = """World Daily
LIVE
Storm live: flood warnings in place as heavy rain and high winds hit the coast
Key points
16:42
Rail disruption to continue into Monday
Network Rail says several lines in the north of England will remain closed on Monday morning while engineers inspect the tracks for damage.
Avanti West Coast has told customers not to travel between Preston and Glasgow until the lines reopen.
16:15
Homes evacuated near the river
Emergency services helped residents leave about forty homes after the river burst its banks this afternoon, and crews rescued two people from a car.
"""


def test_an_entrys_heading_under_a_clock_is_not_the_headline():
    assert parse_text(LIVE_BLOG).meta.title != "Rail disruption to continue into Monday"


def test_without_the_rule_the_first_entrys_heading_is_the_headline(monkeypatch):
    monkeypatch.setattr(structure, "TITLE_NOT_AFTER_CLOCK", False)
    assert parse_text(LIVE_BLOG).meta.title == "Rail disruption to continue into Monday"


#: Synthetic, in the style of a newspaper's story (the author's name a link under the
#: headline, no "By"): variants with the name over the date, under it, and with no date.
STORY_HEAD = "Menu\nSearch\nNews\nOpinion\nHow a small town saved its last bookshop\n"
STORY_BODY = (
    "When the owners of the only bookshop in Ashby announced last autumn that they would close "
    "at Christmas, few people in the town expected anything to change. The shop had been losing "
    "money for years.\nBut within days of the announcement, a group of regular customers had set "
    "up a community benefit society, and by the end of January more than 600 residents had "
    "bought shares in the business.\nThe shop reopened on Saturday with a queue out of the door, "
    "and sold more books in its first day than it usually sells in a week.\n© 2024 The Ledger\n")


def test_a_bare_name_under_the_headline_is_the_byline(monkeypatch):
    for head in ("Hannah Whitfield\nTue 12 Mar 2024 06.00 GMT\n",
                 "Tue 12 Mar 2024 06.00 GMT\nHannah Whitfield\n",
                 "Hannah Whitfield\n"):
        art = parse_text(STORY_HEAD + head + STORY_BODY)
        assert art.meta.authors == ("Hannah Whitfield",), head
        assert art.meta.title == "How a small town saved its last bookshop", head
        assert "Hannah" not in article_text(art), head
    monkeypatch.setattr(structure, "BARE_BYLINE", False)
    art = parse_text(STORY_HEAD + "Hannah Whitfield\n" + STORY_BODY)
    assert art.meta.authors == () and "Hannah Whitfield" in article_text(art)


def test_a_section_label_or_a_bio_is_no_bare_byline():
    # A label whose words the story writes in lower case; an author's box opening with the name.
    art = parse_text(STORY_HEAD + "Community Bookshops\n" + STORY_BODY.replace(
        "The shop reopened", "Community bookshops are rare. The shop reopened"))
    assert art.meta.authors == ()
    art = parse_text(STORY_HEAD + "Hannah Whitfield\n" + STORY_BODY.replace(
        "When the owners", "Hannah writes about books. When the owners"))
    assert art.meta.authors == ()


#: Synthetic, in the style of a newsletter platform's post copied with select-all: the
#: publication's name first and again over the post, the headline twice (share box, post), the
#: standfirst, the author's name and the date under the headline.
NEWSLETTER = ("The Slow Reader\nSubscribe\nSign in\nShare this post\nThe Slow Reader\n"
              "Why I stopped reading the news every morning\nCopy link\nFacebook\nEmail\nNotes\n"
              "More\nWhy I stopped reading the news every morning\n"
              "Six months without the morning headlines, and what changed\nClara Moreau\n"
              "Mar 14, 2024\n142\n18\nShare\n"
              "For most of my adult life, the first thing I did after waking up was reach for my "
              "phone and read the news. It felt responsible, like a way of staying informed.\n"
              "Last September I stopped. Not completely, and not for any noble reason: I was "
              "simply tired of starting every day anxious about things I could do nothing about.\n"
              "What surprised me was how little I missed. The important stories still reached me, "
              "through friends, through the radio in the car, through the weekly paper.\n"
              "Thanks for reading The Slow Reader! Subscribe for free to receive new posts.\n"
              "Subscribe\n© 2024 Clara Moreau\n")


def test_the_line_over_the_byline_and_date_is_the_headline(monkeypatch):
    art = parse_text(NEWSLETTER)
    assert art.meta.title == "Why I stopped reading the news every morning"
    assert art.meta.authors == ("Clara Moreau",) and art.meta.published == "2024-03-14"
    monkeypatch.setattr(structure, "TITLE_OVER_META", False)
    assert parse_text(NEWSLETTER).meta.title == "The Slow Reader"


def test_a_dateline_with_the_changes_day_after_gives_both(monkeypatch):
    # (synthetic, in the style of a food blog's post header)
    dump = STORY_HEAD + "By Megan Hart\nPublished: Mar 4, 2024 · Modified: Sep 12, 2024\n" + STORY_BODY
    art = parse_text(dump)
    assert (art.meta.published, art.meta.modified) == ("2024-03-04", "2024-09-12")
    art = parse_text(dump.replace("Published: Mar 4, 2024 · Modified", "Updated"))
    assert (art.meta.published, art.meta.modified) == (None, "2024-09-12")
    monkeypatch.setattr(structure, "DATELINE_FIRST_PUBLISHED", False)
    assert parse_text(dump).meta.published is None
