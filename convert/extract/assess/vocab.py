"""The vocabulary the page-type signals look for: schema.org types, markup words, URL words.

Kept apart from the code that counts them (as ``patterns.py`` is for the extractor): the model
learns how much each word says, these lists only say which words are worth counting. A word
added here needs the model retrained (``tests/bench/train_assess.py``) before it counts.
"""

from __future__ import annotations

#: schema.org ``@type`` / ``itemtype`` names that tell a kind of page (lower case).
SCHEMA_TYPES = frozenset("""
article newsarticle blogposting report scholarlyarticle opinionnewsarticle analysisnewsarticle
liveblogposting blog reviewnewsarticle review medicalwebpage
product offer aggregateoffer productgroup individualproduct vehicle car productmodel
aggregaterating
discussionforumposting qapage question answer comment socialmediaposting
itemlist collectionpage offercatalog searchresultspage listitem
techarticle apireference softwaresourcecode howto softwareapplication
service localbusiness organization corporation professionalservice faqpage contactpage
aboutpage restaurant store place
event recipe jobposting course person profilepage videoobject website webpage breadcrumblist
""".split())

#: Words counted in ``class`` attribute values (split at ``-``, ``_`` and spaces).
CLASS_WORDS = frozenset("""
product products price prices cart basket checkout sku stock review reviews rating stars offer
variant swatch quantity qty wishlist shipping add buy
comment comments reply replies post posts thread threads forum topic topics avatar user
username member answer answers question questions vote votes quote message messages signature
reaction reactions like likes permalink postbody
docs doc documentation sidebar toc breadcrumb breadcrumbs highlight syntax code api version
edit prev next admonition note warning
card cards grid item items tile tiles listing list result results pagination pager paging page
filter filters facet facets sort count gallery collection catalog teaser excerpt thumbnail
article entry blog byline author share related tag tags category categories date published
hero cta pricing feature features testimonial testimonials contact signup team client clients
service services solution solutions portfolio banner section
job jobs
wp hentry single content entry woocommerce shopify elementor widget
toctree sphinx md docusaurus theme navbar rst language copy bbp phpbb
xenforo bbwrapper discourse vbulletin lia crayons btn button container row col swiper carousel
slider accordion faq icon wrapper hidden mobile nav footer header
""".split())

#: Words of the host name (split at ``.`` and ``-``): ``docs.example.com``, ``shop.…``.
HOST_WORDS = frozenset("""
docs doc developer developers dev help support community forum forums discuss discussion shop
store learn wiki api answers blog blogs news kb
""".split())

#: Words of the URL path (split at ``/``, ``-``, ``_``, ``.``).
URL_WORDS = frozenset("""
forum forums thread threads topic topics t community discussion discussions questions question
answers board boards viewtopic showthread r comments
products product p shop store item items dp catalog buy
category categories collections collection c tag tags search list listing listings jobs
browse archive page
docs doc documentation api reference guide guides manual help support kb wiki learn
tutorial tutorials latest stable en
blog news article articles story stories post posts
services service solutions solution pricing about contact features industries
""".split())

#: Tags whose counts are features.
TAGS = ("a", "p", "li", "ul", "ol", "pre", "code", "table", "tr", "td", "th", "h1", "h2",
        "h3", "h4", "article", "section", "aside", "nav", "form", "input", "button", "select",
        "img", "time", "blockquote", "dl", "figure", "label", "span", "div", "main", "header",
        "footer", "iframe", "svg", "strong")

#: Words of the page's title.
TITLE_WORDS = frozenset("""
forum forums thread topic question questions answer help community discussion reply re
docs documentation guide reference api manual tutorial install installation configuration
shop buy price sale products product category categories collection collections store
blog news services service solutions contact about home results search jobs reviews best
top how what why
""".split())
