"""Forum pages as whole pages (r-forum14): an old-Reddit-style thread whose sidebar precedes it
in markup (rule forum_opening_in_main), the thread holding the cascade's posts and one more
against a cascade full of vote counts and buttons (forum_even_shed), and an article whose
comments are a longer thread keeping the article. Synthetic pages, in the style of those
engines. (A Lemmy-style thread typed an article, whose cascade finds only the opening post, is
read as that post: forum_untyped_growth, which took the thread, cost a fifth of the CPU of
every news page with a signed comment list and was removed.)"""

from __future__ import annotations

import convert
from convert.article import Div, Paragraph, Text
from convert.extract.html import profiles
from convert.extract.html.profiles import forum, weighing
from convert.textutil import block_texts

_POSTS = [
    ("marguerite_k", "My sourdough starter stopped rising after I moved it to the fridge for a "
     "week. It smells sharp and a grey liquid sits on top. Is it dead or can it be revived?"),
    ("bakerpete", "That grey liquid is hooch, alcohol made by hungry yeast. Pour it off, "
     "discard half, and feed it twice a day at room temperature for three days."),
    ("ottoline", "Same thing happened to mine last winter. Switching to whole rye flour for "
     "two feedings woke it right up; rye carries more wild yeast than white flour."),
    ("marguerite_k", "Update: after three days of feedings it doubled in six hours again. "
     "Thank you both, the rye trick made the difference and the loaf was lovely."),
]


def _sections(html: str) -> list[list[str]]:
    article = convert.parse(html.encode(), kind="html")
    return [list(block_texts(b.blocks)) for b in article.blocks if isinstance(b, Div)
            and b.role == "post"]


def _reddit_page() -> str:
    # synthetic, in the style of old Reddit: the sidebar (a community's description, set in
    # the posts' message template) comes first in markup, then the main region; every
    # comment's header shows its score and age, a bar of buttons under it.
    def thing(i: int, kind: str, author: str, text: str) -> str:
        return (f"<div class='thing {kind}' id='t1_{i}'><div class='entry'><p class='tagline'>"
                f"<a href='/user/{author}' class='author'>{author}</a> <span class='score'>"
                f"{10 + i} points</span> <time datetime='2024-03-03'>9 months ago</time></p>"
                f"<form class='usertext'><div class='usertext-body'><div class='md'><p>{text}"
                f"</p></div></div></form><ul class='flat-list buttons'><li><a href='/p/{i}'>"
                f"permalink</a></li><li>save</li><li>report</li><li>reply</li></ul></div>"
                f"<div class='child'></div></div>")
    side = ("<div class='side'><div class='titlebox'><div class='usertext-body'><div class='md'>"
            "<p>A community for bakers of all kinds. Post your loaves, ask questions, share "
            "recipes and photos with everyone here.</p></div></div></div></div>")
    op = thing(0, "link", *_POSTS[0])
    comments = "".join(thing(i, "comment", *p) for i, p in enumerate(_POSTS[1:], 1))
    return (f"<html><head><title>Starter stopped rising</title></head><body>{side}"
            f"<div class='content' role='main'><div class='sitetable'>{op}</div>"
            f"<div class='commentarea'><div class='sitetable nestedlisting'>{comments}</div>"
            f"</div></div></body></html>")


def test_a_sidebar_before_the_thread_is_no_opening_post(monkeypatch):
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("forum", 0.9, {}))
    sections = _sections(_reddit_page())
    assert [s[0] for s in sections] == [a for a, _ in _POSTS]
    assert not any("community for bakers" in line for s in sections for line in s)
    assert not any("points" in line or line == "permalink" for s in sections for line in s)


def test_rules_off_take_the_sidebar_or_the_cascade(monkeypatch):
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("forum", 0.9, {}))
    monkeypatch.setattr(forum, "OPENING_IN_MAIN", False)
    lines = [line for s in _sections(_reddit_page()) for line in s]
    assert any("community for bakers" in line for line in lines)


def test_a_thread_of_the_cascades_posts_and_one_more_beats_their_buttons(monkeypatch):
    # The cascade found the three comments, each with its header ("bakerpete 11 points 9
    # months ago") and its bar of buttons; the thread holds them and the opening post.
    def para(text: str) -> Paragraph:
        return Paragraph((Text(text),))
    furniture_lines = [f"{a} {10 + i} points 9 months ago permalink embed save report reply "
                       f"give award share" for i, (a, _) in enumerate(_POSTS)]
    generic = [para(x) for i, (_, t) in enumerate(_POSTS[1:], 1)
               for x in (furniture_lines[i], t)]
    thread = [Div((para(a), para(t)), "post") for a, t in _POSTS]
    shingles = weighing._shingles([para(x) for x in furniture_lines])
    assert weighing.preferred(thread, generic, shingles)
    monkeypatch.setattr(weighing, "EVEN_SHED", False)
    assert not weighing.preferred(thread, generic, shingles)


def test_an_article_with_comments_keeps_the_article(monkeypatch):
    # A short story whose comments are a longer thread: the comments do not hold the story,
    # so the story stays the body.
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("article", 0.9, {}))
    story = ("<article><h1>Reviving a starter</h1><div class='entry-content'><p>Every baker "
             "meets a sluggish starter sooner or later. Cold storage slows the yeast, and a "
             "three-day routine of feedings brings almost any starter back.</p></div></article>")
    comments = "".join(
        f"<li class='comment'><article class='comment-body'><b class='fn'><a href='/u/{a}'>{a}"
        f"</a></b><time datetime='2024-03-0{i}'>March {i}, 2024</time><div "
        f"class='comment-content'><p>{t}</p></div></article></li>"
        for i, (a, t) in enumerate(_POSTS, 1))
    html = (f"<html><body><main>{story}<ol class='comment-list'>{comments}</ol></main>"
            f"</body></html>")
    assert _sections(html) == []
    md = convert.render(convert.parse(html.encode(), kind="html"), "md").decode()
    assert "sluggish starter" in md


def _shreddit_page() -> str:
    # synthetic, in the style of new Reddit: each comment a <shreddit-comment> web component
    # (no class), a reply nested inside its parent, an age ("9mo ago") for its time.
    def comment(i: int, author: str, text: str, inner: str = "") -> str:
        return (f"<shreddit-comment author='{author}' thingid='t1_{i}'><div slot='commentMeta'>"
                f"<a href='/user/{author}/'>{author}</a> <time datetime='2024-03-0{i}'>9mo ago"
                f"</time></div><div slot='comment'><div class='md text-14'><p>{text}</p></div>"
                f"</div><shreddit-comment-action-row><button>Reply</button>"
                f"</shreddit-comment-action-row>{inner}</shreddit-comment>")
    tree = comment(1, *_POSTS[1], inner=comment(3, *_POSTS[3])) + comment(2, *_POSTS[2])
    return ("<html><head><title>Starter stopped rising : r/Breadit</title></head><body><main>"
            f"<shreddit-post><h1>Starter stopped rising</h1><div class='md'><p>{_POSTS[0][1]}"
            f"</p></div></shreddit-post><shreddit-comment-tree>{tree}</shreddit-comment-tree>"
            "</main></body></html>")


def test_web_component_comments_are_posts_with_their_replies_apart(monkeypatch):
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("forum", 0.9, {}))
    sections = _sections(_shreddit_page())
    # the opening post, then each comment once, its own text only, the reply after its
    # parent; no age line
    assert sections[0] == [_POSTS[0][1]]
    assert sections[1:] == [[a, t] for a, t in (_POSTS[1], _POSTS[3], _POSTS[2])]
    from convert.extract.html.profiles import postparts
    monkeypatch.setattr(postparts, "CUSTOM_POSTS", False)
    assert _sections(_shreddit_page()) == []


def _widget_page() -> str:
    # synthetic, in the style of vBulletin 5: the thread inside a 'canvas-widget' holding
    # most of the page, a user card (rank, join date, posts) and a signature per post.
    def post(i: int, author: str, text: str) -> str:
        return (f"<li class='b-post js-post'><div class='b-userinfo' itemprop='author'><div "
                f"class='author'><a href='/member/{i}-{author}'>{author}</a></div><div "
                f"class='b-userinfo__rank'>Junior Member</div><ul><li>Join Date: Jan 2018</li>"
                f"<li>Posts: 12{i}</li></ul></div><div class='b-post__body'><time "
                f"datetime='2024-03-0{i}'>03-0{i}-2024, 10:4{i} AM</time><div "
                f"class='b-post__content js-post__content-text'>{text}</div><div "
                f"class='b-post__signature'>Baking since 1998</div></div></li>")
    posts = "".join(post(i, *p) for i, p in enumerate(_POSTS, 1))
    return ("<html><body><div id='header'><a href='/'>Forums</a></div><div "
            "class='canvas-widget conversation-content-widget'><div class='widget-content tab "
            "widget-tabs-panel'>"
            f"<ul class='conversation-list'>{posts}</ul></div></div><div class='canvas-widget "
            "similar-threads-widget'><h1>Similar Topics</h1><ul><li><a href='/t/1'>Rye</a></li>"
            "</ul></div></body></html>")


def test_a_thread_in_a_widget_holding_the_page(monkeypatch):
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("forum", 0.9, {}))
    sections = _sections(_widget_page())
    assert [s[0] for s in sections] == [a for a, _ in _POSTS]
    assert [s[-1] for s in sections] == [t for _, t in _POSTS]
    monkeypatch.setattr(forum, "LAYOUT_WRAPPERS", False)
    assert _sections(_widget_page()) == []
