"""WordprocessingML building blocks python-docx lacks: styles it does not ship (Hyperlink, code),
list numbering that restarts per list, and fast element constructors.

The body is built as raw ``w:`` elements appended in one pass (``w:sectPr`` is taken out first
and put back last), instead of through ``Document.add_paragraph``, which searches the body for
``w:sectPr`` on every call and so makes a long article quadratic (python-docx issue #408).
"""

from __future__ import annotations

from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
W_VAL = qn("w:val")

#: Bullet characters by nesting level, and number formats by nesting level.
BULLETS = ("\u2022", "\u25e6", "\u25aa")
NUMBER_FORMATS = ("decimal", "lowerLetter", "lowerRoman")
#: Left indent of list level 0, and the step per level, in twentieths of a point.
INDENT, HANGING = 720, 360
MONOSPACE = "Consolas"


_CLARK: dict[str, str] = {}
_NSMAP = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}


def _clark(name: str) -> str:
    clark = _CLARK.get(name)
    if clark is None:
        clark = _CLARK[name] = qn(name)
    return clark


def el(tag: str, parent: Any = None, **attrs: str) -> Any:
    """A new ``w:`` element (``attrs`` keys are local names in the w: namespace), made inside
    ``parent`` with lxml's ``SubElement`` (faster than python-docx's ``OxmlElement``).

    Elements are created in place in the document: building a detached tree and moving it in
    at the end makes lxml's move quadratic for large tables."""
    if parent is None:
        node = etree.Element(_clark(tag), nsmap=_NSMAP)
    else:
        node = etree.SubElement(parent, _clark(tag))
    for key, value in attrs.items():
        node.set(_clark(f"w:{key}"), value)
    return node


def paragraph(style_id: str | None = None, *, parent: Any = None,
              num: tuple[int, int] | None = None,
              indent: int | None = None, page_break: bool = False, keep_next: bool = False,
              center: bool = False) -> Any:
    """A ``w:p`` with its properties in schema order, made inside ``parent`` if given."""
    p = el("w:p", parent)
    if style_id or num or indent or page_break or keep_next or center:
        ppr = el("w:pPr", p)
        if style_id:
            el("w:pStyle", ppr, val=style_id)
        if keep_next:
            el("w:keepNext", ppr)
        if page_break:
            el("w:pageBreakBefore", ppr)
        if num is not None:
            numpr = el("w:numPr", ppr)
            el("w:ilvl", numpr, val=str(num[1]))
            el("w:numId", numpr, val=str(num[0]))
        if indent:
            el("w:ind", ppr, left=str(indent))
        if center:
            el("w:jc", ppr, val="center")
    return p


def run(parent: Any, text: str, fmt: frozenset[str], char_style: str | None = None) -> None:
    """Append runs for ``text`` (tabs and newlines become ``w:tab``/``w:br``) to ``parent``."""
    r = el("w:r", parent)
    if fmt or char_style:
        rpr = el("w:rPr", r)
        if char_style:
            el("w:rStyle", rpr, val=char_style)
        # Word formats complex-script text (Arabic, Hebrew, Thai, Devanagari...) by the *Cs
        # twins: without w:bCs an Arabic <strong> is not bold. Word writes both, as here.
        if "b" in fmt:
            el("w:b", rpr)
            el("w:bCs", rpr)
        if "i" in fmt:
            el("w:i", rpr)
            el("w:iCs", rpr)
        if "strike" in fmt:
            el("w:strike", rpr)
        if "sup" in fmt or "sub" in fmt:
            el("w:vertAlign", rpr, val="superscript" if "sup" in fmt else "subscript")
    first = True
    for line in text.split("\n"):
        if not first:
            el("w:br", r)
        first = False
        for k, chunk in enumerate(line.split("\t")):
            if k:
                el("w:tab", r)
            if chunk:
                t = el("w:t", r)
                t.text = chunk
                if chunk[0] == " " or chunk[-1] == " ":
                    t.set(XML_SPACE, "preserve")


def page_break_run(parent: Any) -> None:
    el("w:br", el("w:r", parent), type="page")


# --------------------------------------------------------------------------- styles

_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_MONO = (f'<w:rFonts w:ascii="{MONOSPACE}" w:hAnsi="{MONOSPACE}" w:cs="{MONOSPACE}" '
         f'w:eastAsia="{MONOSPACE}"/>')
#: Styles the default template lacks, as WordprocessingML (written directly: python-docx's
#: ``add_style`` scans every style on each call).
_EXTRA_STYLES = {
    "Hyperlink": f"""<w:style {_W_NS} w:type="character" w:styleId="Hyperlink">
  <w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/>
  <w:unhideWhenUsed/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>""",
    "Source Code": f"""<w:style {_W_NS} w:type="paragraph" w:customStyle="1" w:styleId="SourceCode">
  <w:name w:val="Source Code"/><w:basedOn w:val="Normal"/><w:qFormat/>
  <w:pPr><w:shd w:val="clear" w:color="auto" w:fill="F4F4F4"/>
  <w:spacing w:before="120" w:after="120" w:line="240" w:lineRule="auto"/><w:ind w:left="240"/>
  </w:pPr><w:rPr>{_MONO}<w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr></w:style>""",
    "Verbatim Char": f"""<w:style {_W_NS} w:type="character" w:customStyle="1"
  w:styleId="VerbatimChar">
  <w:name w:val="Verbatim Char"/><w:basedOn w:val="DefaultParagraphFont"/>
  <w:rPr>{_MONO}</w:rPr></w:style>""",
    "Byline": f"""<w:style {_W_NS} w:type="paragraph" w:customStyle="1" w:styleId="Byline">
  <w:name w:val="Byline"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
  <w:rPr><w:i/><w:color w:val="595959"/></w:rPr></w:style>""",
    "Figure": f"""<w:style {_W_NS} w:type="paragraph" w:customStyle="1" w:styleId="Figure">
  <w:name w:val="Figure"/><w:basedOn w:val="Normal"/><w:next w:val="Caption"/>
  <w:pPr><w:keepNext/><w:spacing w:after="40"/><w:jc w:val="center"/></w:pPr></w:style>""",
}
_USED = ["Normal", "Title", "Subtitle", "Quote", "Caption", "List Bullet", "List Number",
         "List Continue", "Table Grid"] + [f"Heading {n}" for n in range(1, 7)]


def ensure_styles(document: Any, language: str | None) -> dict[str, str]:
    """Create the styles the default template lacks and return ``name -> style id`` for every
    style the writer uses."""
    root = document.styles.element
    ids: dict[str, str] = {}
    for style in root.iterchildren(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is not None:
            ids.setdefault(name.get(W_VAL), style.get(qn("w:styleId")))
    for name, xml in _EXTRA_STYLES.items():
        if name not in ids:
            node = parse_xml(xml)
            root.append(node)
            ids[name] = node.get(qn("w:styleId"))
    # Built-in names are lower case in the XML ("heading 1"), capitalised in Word's UI.
    lowered = {k.lower(): v for k, v in ids.items()}
    if language:
        _set_language(document, language)
    return {**{n: lowered[n.lower()] for n in _USED}, **{n: ids[n] for n in _EXTRA_STYLES}}


def _set_language(document: Any, language: str) -> None:
    """The document-default run language, so spell checking uses the article's language."""
    root = document.styles.element
    defaults = root.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = el("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = el("w:rPr", rpr_default)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = el("w:lang", rpr)
    lang.set(W_VAL, language)
    from convert.textutil import language_direction

    if language_direction(language) == "rtl":  # the language of right-to-left ("complex") runs
        lang.set(qn("w:bidi"), language)


# --------------------------------------------------------------------------- numbering

class Numbering:
    """Numbering definitions: one abstract bullet list and one abstract numbered list, and a
    ``w:num`` instance per AST list, each with start overrides so every list restarts (at its
    own ``start``) instead of continuing the previous one."""

    def __init__(self, document: Any) -> None:
        self.root = document.part.numbering_part.element
        existing = [int(x) for x in self.root.xpath(
            "./w:num/@w:numId | ./w:abstractNum/@w:abstractNumId")]
        base = max(existing, default=0) + 1
        self.bullet_abstract, self.number_abstract = base, base + 1
        self.next_num = base + 100
        first_num = self.root.find(qn("w:num"))
        for abstract_id, ordered in ((self.bullet_abstract, False), (self.number_abstract, True)):
            node = self._abstract(abstract_id, ordered)
            if first_num is not None:
                first_num.addprevious(node)
            else:
                self.root.append(node)

    def _abstract(self, abstract_id: int, ordered: bool) -> Any:
        node = el("w:abstractNum", abstractNumId=str(abstract_id))
        el("w:multiLevelType", node, val="hybridMultilevel")
        for level in range(9):
            lvl = el("w:lvl", node, ilvl=str(level))
            el("w:start", lvl, val="1")
            if ordered:
                el("w:numFmt", lvl, val=NUMBER_FORMATS[level % 3])
                el("w:lvlText", lvl, val=f"%{level + 1}.")
            else:
                el("w:numFmt", lvl, val="bullet")
                el("w:lvlText", lvl, val=BULLETS[level % 3])
            el("w:lvlJc", lvl, val="left")
            ppr = el("w:pPr", lvl)
            el("w:ind", ppr, left=str(INDENT * (level + 1)), hanging=str(HANGING))
        return node

    def new_list(self, ordered: bool, level: int, start: int) -> int:
        """A fresh ``w:num`` for one list; returns its numId."""
        num_id = self.next_num
        self.next_num += 1
        num = el("w:num", self.root, numId=str(num_id))
        el("w:abstractNumId", num, val=str(self.number_abstract if ordered
                                           else self.bullet_abstract))
        for lv in range(9):
            override = el("w:lvlOverride", num, ilvl=str(lv))
            el("w:startOverride", override, val=str(start if lv == level else 1))
        return num_id


# --------------------------------------------------------------------------- direction

#: ``w:pPr`` children that come after ``w:bidi`` in the schema's order.
_AFTER_BIDI = frozenset(qn(f"w:{t}") for t in (
    "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
    "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap",
    "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"))


def mark_direction(elements: Any, direction: str, skip_styles: frozenset[str] = frozenset(),
                   ) -> None:
    """Give the right-to-left paragraphs among ``elements`` (and inside their tables)
    ``w:bidi``, and right-to-left tables ``w:bidiVisual`` (columns from the right).

    A paragraph is right to left when most of its letters are (Arabic, Hebrew...), or, having
    no letters, when the article is (``direction``). Paragraphs of ``skip_styles`` (code)
    stay left to right. Without ``w:bidi`` Word lays an Arabic paragraph out left to right:
    aligned left, its final full stop at the wrong end."""
    from convert.textutil import has_rtl, text_direction

    p_tag, tbl_tag, t_tag = qn("w:p"), qn("w:tbl"), qn("w:t")
    ppr_tag, style_tag = qn("w:pPr"), qn("w:pStyle")
    for top in elements:
        for node in top.iter(p_tag, tbl_tag):
            text = "".join(t.text or "" for t in node.iter(t_tag))
            if direction == "ltr" and not has_rtl(text):
                continue
            if (text_direction(text) or direction) != "rtl":
                continue
            if node.tag == tbl_tag:
                pr = node.find(qn("w:tblPr"))
                if pr is not None:
                    style = pr.find(qn("w:tblStyle"))
                    pr.insert(0 if style is None else 1, el("w:bidiVisual"))
                continue
            ppr = node.find(ppr_tag)
            if ppr is None:
                ppr = el("w:pPr")
                node.insert(0, ppr)
            style = ppr.find(style_tag)
            if style is not None and style.get(W_VAL) in skip_styles:
                continue
            at = next((i for i, c in enumerate(ppr) if c.tag in _AFTER_BIDI), len(ppr))
            ppr.insert(at, el("w:bidi"))
