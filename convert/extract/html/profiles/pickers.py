"""A product page's pickers: the buy box's fieldsets of form fields (size, colour, quantity),
whose only text is their labels. The product profile (:mod:`.product`) removes them before
the content is found again; the rule lives here.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from convert.extract.ablation import rule

from ..dom import inside
from ..measure import text_len

__all__ = ["VARIANT_PICKERS", "without_pickers"]

VARIANT_PICKERS = rule("variant_pickers", "on a product page a fieldset of form fields whose "
                       "only text is their labels and legend (the buy box's size, colour or "
                       "quantity picker: 'Size', 'M (UK 6-8)', 'L (UK 9-11)') is removed: a "
                       "control, not the product's text (the golds leave the buy box out)")

#: A picker holds at most this many visible characters (its labels): a longer fieldset is a
#: form of the page's own (a configurator with its explanations).
MAX_PICKER_CHARS = 300
#: The elements whose text is a field's label or value, not the page's own text.
_LABELS = "legend, label, select, button, option"
#: Elements that make a fieldset more than a control.
_CONTENT = "p, h1, h2, h3, h4, h5, h6, table, ul, ol, dl, img, a[href]"


def _picker(fieldset: LexborNode) -> bool:
    if fieldset.css_first("input, select") is None or fieldset.css_first(_CONTENT) is not None:
        return False
    total = text_len(fieldset)
    if not total or total > MAX_PICKER_CHARS:
        return False
    labels = fieldset.css(_LABELS)
    labels = [n for n in labels if not any(inside(n, o) for o in labels if o is not n)]
    return total - sum(text_len(n) for n in labels) <= 0


def without_pickers(body: LexborNode) -> bool:
    """Remove the product's pickers (see :data:`VARIANT_PICKERS`). Whether there were any."""
    doomed = [fs for fs in body.css("fieldset") if _picker(fs)]
    for node in doomed:
        node.decompose()
    return bool(doomed)
