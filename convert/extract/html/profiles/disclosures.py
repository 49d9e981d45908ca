"""Product pages: the disclosures that hold the description, their panels and their titles.

A shop hides its description's second half, its ingredients or its FAQ's answers in panels a
reader opens with a button (the ARIA disclosure pattern: ``aria-expanded`` on the button,
``aria-controls`` naming the panel). The panels are often named for what they do in no way
the class words of :func:`.product.show_collapsed` read ("read_div", "toggle__content"), but
the button says what they are: :func:`show_controlled` shows them. An FAQ written without
ARIA keeps each answer hidden right under its question's heading: :func:`show_headed`.

A shop titles each panel of its product's tabs and accordions ("Description",
"Specifications", "Item details", "Material & care") with the button that opens it: a
``<button aria-expanded>`` inside the panel's ``<h2>``, a heading inside the button, or a tab
(``role="tab"``, ``aria-controls``) in a row of tabs above the panels, or a label the panel
names with ``aria-labelledby``. The cascade drops every
``<button>`` as a form control (:data:`.patterns.DROP_TAGS`), so the panels
:func:`.product.show_collapsed` opens were read without their titles. :func:`with_panel_labels`
keeps each title as a heading where a reader sees it.
"""

from __future__ import annotations

import re
from html import escape

from selectolax.lexbor import LexborHTMLParser, LexborNode

from convert.extract.ablation import rule

from ..dom import hidden_by, inside
from .twins import squeezed
from ...lazyre import lazy

__all__ = ["PANEL_LABELS", "CONTROLLED_PANELS", "HEADED_PANELS", "CONDITIONAL_HIDDEN",
           "DESCRIBED_SHOWN", "hidden_described",
           "LINKED_PANELS", "with_panel_labels", "show_controlled", "show_headed",
           "show_linked", "without_conditions"]

PANEL_LABELS = rule("panel_labels", "on a product page the button that opens a tab or an "
                    "accordion panel titled as the product's own text ('Description', "
                    "'Specifications', 'Item details', 'Material & care') is kept "
                    "as the panel's heading: unwrapped in or around a heading, else a heading "
                    "put at the start of the panel it controls (or that names it with "
                    "aria-labelledby)")

#: A panel's title is a label of at most this many words and characters ("Size & fit",
#: "Technical Specifications"), not a sentence or a whole button bar.
LABEL_MAX_WORDS = 5
LABEL_MAX_CHARS = 40
#: A controlled element is a panel of the page's text when it holds this many characters (a
#: size picker's or a menu's options are short, and are named for what they are, see
#: :data:`_NOT_PANELS`).
PANEL_MIN_CHARS = 40

CONTROLLED_PANELS = rule("controlled_panels", "on a product page a hidden panel that a "
                         "disclosure button opens (the target of an aria-controls on an "
                         "element with aria-expanded: 'Read more', 'View all ingredients') is "
                         "shown, unless it is a menu, a list of options or a dialog")

HEADED_PANELS = rule("headed_panels", "on a product page a hidden block right after a "
                     "heading (an accordion's body under its question or title) is shown")

LINKED_PANELS = rule("linked_panels", "on a product page a hidden panel named by its tab's "
                     "title (aria-labelledby) when that title is the link or button that opens "
                     "it (href='#panel', aria-controls) is shown: a tab set written without "
                     "aria-expanded (Magento's 'More Information' table)")

CONDITIONAL_HIDDEN = rule("conditional_hidden", "on a product page the tab and accordion "
                          "panels are not hidden by a class that hides them only under a "
                          "condition the page's reader is not in: without script "
                          "('no-js-hidden') or in a product card's quick-view popup "
                          "('quick-add-hidden')")

DESCRIBED_SHOWN = rule("described_shown", "on a product page the block marked as the "
                       "product's description, hidden by such a conditional class only "
                       "('product__description rte quick-add-hidden'), joins the content "
                       "found when the content lacks its text: the cascade, which must choose "
                       "its winner with it hidden, dropped it as hidden")

#: A class token hiding an element only without script or in a quick-view popup of the
#: product (a shop theme shows the full page's accordions, and hides them in the popup a
#: product card opens). The reader of the product's own page, with script, sees them; the
#: cascade reads the word "hidden" in the class as chrome.
_CONDITIONAL_HIDDEN = lazy(r"(?:^|\s)(?:no-?js|quick-?(?:add|view|shop|buy))-hidden(?=\s|$)",
                           re.IGNORECASE)
#: class/id words of the panels of tabs and accordions, where the conditions are read. (Not
#: the description's own block, which :mod:`.described` joins to the content however it is
#: hidden: shown to the cascade, it moved the winner up to the buy box around it, wcxb-dev
#: tune 2990 -0.047.)
_PANEL_NAMES = lazy(r"(?<![a-z])(?:accordion|collapsible|tab-?panel|tab-?content)(?![a-z])",
                    re.IGNORECASE)

#: A title that reads as the product's own text: its description, details, specifications,
#: features, materials, care, ingredients, dimensions, contents or fit. Not the shop's panels
#: ("Shipping and return policies", "Meet your seller", "Did you know?"), which the golds
#: leave out with the panels under them.
_OWN_TITLE = lazy(r"(?<![a-z])(?:description|details|specifications?|specs|features|"
                  r"overview|materials?|care|ingredients|dimensions|contents|included|"
                  r"fit|composition|technical|characteristics)(?![a-z])", re.IGNORECASE)

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_HEADING_CSS = "h1, h2, h3, h4, h5, h6"
#: What a button opens that is not a panel of text: a menu, a list of options, a dialog.
_NOT_PANELS = frozenset({"listbox", "menu", "dialog", "tooltip", "combobox", "grid", "tree"})


def _in_heading(node: LexborNode) -> bool:
    """Whether the node is inside a heading (three levels up at most: ``h2 > span > button``)."""
    parent = node.parent
    for _ in range(3):
        if parent is None:
            return False
        if parent.tag in _HEADINGS:
            return True
        parent = parent.parent
    return False


def _label(node: LexborNode) -> str | None:
    text = squeezed(node.text(separator=" "))
    if not text or len(text) > LABEL_MAX_CHARS or len(text.split()) > LABEL_MAX_WORDS:
        return None
    if not _OWN_TITLE.search(text):
        return None
    return text


def with_panel_labels(body: LexborNode) -> bool:
    """Keep the titles of the page's tabs and accordion panels as headings: a toggling
    ``<button>`` (``aria-expanded`` or ``aria-controls``) in a heading or holding one is
    unwrapped, so the heading keeps its text; any other toggle (a ``<button>`` or a
    ``role="tab"``) whose ``aria-controls`` names a panel, and any panel whose
    ``aria-labelledby`` names its title, gets that title as an ``<h3>`` at its start (before
    it, for a table or a list) when it is a panel of text (:data:`PANEL_MIN_CHARS`, not a menu
    or list of options) that does not start with it. A toggle opening a popup
    (``aria-haspopup``) is a menu's. Whether anything changed."""
    changed = False
    titled: list[tuple[LexborNode, str]] = []
    for node in body.css("button[aria-expanded], button[aria-controls], [role='tab']"):
        attrs = node.attributes
        if attrs.get("aria-haspopup") not in (None, "false"):
            continue
        label = _label(node)
        if label is None:
            continue
        if node.tag == "button" and (_in_heading(node) or node.css_first(_HEADING_CSS)):
            node.unwrap()
            changed = True
            continue
        target_id = (attrs.get("aria-controls") or "").split()
        if len(target_id) == 1:
            panel = body.css_first(f'[id="{target_id[0]}"]')
            if panel is not None:
                titled.append((panel, label))
    for panel in body.css("div[aria-labelledby], section[aria-labelledby], "
                          "table[aria-labelledby]"):
        label_id = (panel.attributes.get("aria-labelledby") or "").split()
        title = body.css_first(f'[id="{label_id[0]}"]') if len(label_id) == 1 else None
        # (A panel titled by a heading of its own needs no other.)
        label = _label(title) if title is not None and not inside(title, panel) else None
        if label is not None:
            titled.append((panel, label))
    done: set[int] = set()
    for panel, label in titled:
        if panel.mem_id in done or (panel.attributes.get("role") or "").lower() in _NOT_PANELS:
            continue
        done.add(panel.mem_id)
        text = squeezed(panel.text(separator=" "))
        if len(text) < PANEL_MIN_CHARS or text.lower().startswith(label.lower()):
            continue
        heading = LexborHTMLParser(f"<h3>{escape(label)}</h3>").css_first("h3")
        if panel.tag in ("table", "ul", "ol", "dl") or panel.child is None:
            panel.insert_before(heading)
        else:
            panel.child.insert_before(heading)
        changed = True
    return changed


def show_controlled(body: LexborNode) -> bool:
    """Show the hidden panels that a disclosure opens: the element an ``aria-controls`` names
    on an element with ``aria-expanded`` (not one opening a popup, ``aria-haspopup``), when
    it is not a menu, list of options or dialog (:data:`_NOT_PANELS`). Its hiding attributes
    and classes go, as :func:`.product.show_panels` does. Whether there was any."""
    from .product import show_node
    shown = False
    for trigger in body.css("[aria-expanded][aria-controls]"):
        attrs = trigger.attributes
        if attrs.get("aria-haspopup") not in (None, "false"):
            continue
        for target_id in (attrs.get("aria-controls") or "").split():
            panel = body.css_first(f'[id="{target_id}"]')
            if panel is None or panel.tag in ("body", "html", "dialog"):
                continue
            panel_attrs = panel.attributes
            if (panel_attrs.get("role") or "").lower() in _NOT_PANELS:
                continue
            if not hidden_by(panel_attrs):
                continue
            show_node(panel)
            shown = True
    return shown


def show_headed(body: LexborNode) -> bool:
    """Show the hidden blocks that come right after a heading of their own: an accordion
    item written as ``<h3>question</h3><div style="display: none">answer</div>``, the
    heading being the button. The heading is short (:data:`LABEL_MAX_CHARS` twice: a
    question) and the block holds text (:data:`PANEL_MIN_CHARS`). Whether there was any."""
    from .product import show_node
    shown = False
    for heading in body.css("h2, h3, h4, h5, h6"):
        panel = heading.next
        while panel is not None and (panel.tag is None or panel.tag[0] == "-"):
            panel = panel.next
        if panel is None or panel.tag not in ("div", "section", "p", "ul", "dl", "table"):
            continue
        attrs = panel.attributes
        if not hidden_by(attrs) or (attrs.get("role") or "").lower() in _NOT_PANELS:
            continue
        title = squeezed(heading.text(separator=" "))
        if not title or len(title) > 2 * LABEL_MAX_CHARS:
            continue
        if len(squeezed(panel.text(separator=" "))) < PANEL_MIN_CHARS:
            continue
        show_node(panel)
        shown = True
    return shown


def without_conditions(body: LexborNode) -> bool:
    """Take the conditional hiding class tokens (:data:`_CONDITIONAL_HIDDEN`) off the
    elements named as panels of tabs or accordions (:data:`_PANEL_NAMES`): a shop theme's
    ``product__accordion accordion quick-add-hidden`` ("Materials", "Care", "Dimensions") is
    on the product's page, not hidden. Whether there was any."""
    changed = False
    for node in body.css('[class*="-hidden"]'):
        cls = node.attributes.get("class") or ""
        if not _CONDITIONAL_HIDDEN.search(cls):
            continue
        words = (cls + " " + (node.attributes.get("id") or "")).replace("_", "-")
        if not _PANEL_NAMES.search(words):
            continue
        node.attrs["class"] = " ".join(_CONDITIONAL_HIDDEN.sub(" ", cls).split())
        changed = True
    return changed


def hidden_described(html: str, described) -> list[LexborNode]:  # noqa: ANN001
    """The product's described blocks (``described``: :func:`.described.described`) of a
    fresh parse of ``html`` that a conditional hiding class hides (:data:`_CONDITIONAL_HIDDEN`,
    on the block or an ancestor), with those class tokens taken off (see
    :data:`DESCRIBED_SHOWN`: the cascade, run with them hidden, dropped them)."""
    tree = LexborHTMLParser(html)
    if tree.body is None:
        return []
    out = []
    for node in described(tree.body):
        hidden = []
        up = node
        while up is not None and up.tag not in ("body", "html"):
            cls = up.attributes.get("class") or ""
            if "-hidden" in cls and _CONDITIONAL_HIDDEN.search(cls):
                hidden.append(up)
            up = up.parent
        if not hidden:
            continue
        for el in hidden + node.css('[class*="-hidden"]'):
            cls = el.attributes.get("class") or ""
            if _CONDITIONAL_HIDDEN.search(cls):
                el.attrs["class"] = " ".join(_CONDITIONAL_HIDDEN.sub(" ", cls).split())
        out.append(node)
    return out


def show_linked(body: LexborNode) -> bool:
    """Show the hidden panels that name their tab's title (``aria-labelledby``) when that
    title opens them: it is, holds or sits in a link to the panel's fragment (``href="#id"``)
    or an element whose ``aria-controls`` names it. The two references make the panel a tab's
    (a menu's popup is opened by its button but does not name it as its label); not a menu,
    list of options or dialog. Whether there was any."""
    from .product import show_node
    shown = False
    for panel in body.css("[aria-labelledby][id]"):
        attrs = panel.attributes
        if not hidden_by(attrs) or panel.tag in ("body", "html", "dialog") or (
                attrs.get("role") or "").lower() in _NOT_PANELS:
            continue
        label_id = (attrs.get("aria-labelledby") or "").split()
        title = body.css_first(f'[id="{label_id[0]}"]') if len(label_id) == 1 else None
        if title is None or inside(title, panel):
            continue
        if _opens(title, attrs.get("id") or "") and len(
                squeezed(panel.text(separator=" "))) >= PANEL_MIN_CHARS:
            show_node(panel)
            shown = True
    return shown


def _opens(title: LexborNode, panel_id: str) -> bool:
    """Whether ``title`` opens the panel ``panel_id``: it, an element inside it or one of its
    two nearest ancestors links to ``#panel_id`` or names it in ``aria-controls``."""
    near = [title, *title.css("a[href], [aria-controls]")]
    parent = title.parent
    for _ in range(2):
        if parent is None:
            break
        near.append(parent)
        parent = parent.parent
    for node in near:
        attrs = node.attributes
        if attrs.get("href") == f"#{panel_id}" or panel_id in (
                attrs.get("aria-controls") or "").split():
            return True
    return False
