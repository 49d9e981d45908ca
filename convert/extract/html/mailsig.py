"""Mail archives' furniture: a message's signature and the archive's message navigation.

Mail and news software sets a sender's signature apart by a line of two dashes and a space
("-- ", RFC 3676 section 4.3), and every list archive (Pipermail, HyperKitty, MHonArc) prints
the message body with it: the sender's address, phone and motto under every post, the same
in each. What follows the separator to the end of a short paragraph or of a preformatted
message is that signature, not the message (``mail_signatures``). The archive prints
its navigation above and below each message in fixed words ("Previous message (by thread):
<subject>", "Next by Date:", "Messages sorted by: [ date ] [ thread ]", "More information
about the X mailing list"): those lines are no part of the message either (``mail_nav_lines``).
"""

from __future__ import annotations

import re

from convert.article import Block, CodeBlock, LineBreak, Paragraph
from convert.extract.ablation import rule
from convert.textutil import inline_text
from ..lazyre import lazy
from .blockmap import map_leaves

__all__ = ["without_signatures", "MAIL_SIGNATURES", "MAIL_NAV_LINES"]

MAIL_SIGNATURES = rule("mail_signatures", "a message's signature, the short run of lines after "
                       "the '-- ' separator line mail software puts above it (a list "
                       "archive's message, a post copied from a mailing list), is left out: "
                       "it repeats under every message and is not what the sender wrote")

MAIL_NAV_LINES = rule("mail_nav_lines", "a list archive's navigation line around a message "
                      "('Previous message (by thread): <subject>', 'Next by Date: ...', "
                      "'Messages sorted by: [ date ] [ thread ]', 'More information about the "
                      "X mailing list') leaves the body: the archive's words, not the message")

#: The navigation line of a list archive (Pipermail, MHonArc), matched on the whole line.
_MAIL_NAV = lazy(
    r"(?:previous|prev|next)\s+(?:message|by\s+(?:date|thread))"
    r"(?:\s*\(by\s+(?:date|thread)\))?\s*:.{0,200}|"
    r"messages sorted by\s*:.{0,120}|index(?:\(es\)|es)?\s*:\s*(?:date|thread)\b.{0,40}|"
    r"more information about the\s.{1,100}\smailing list",
    re.IGNORECASE)
#: (a longer line is prose that opens so)
MAIL_NAV_MAX_CHARS = 240

#: A signature has at most this many lines after its separator...
MAX_SIGNATURE_LINES = 6
#: ...of at most this many characters in all (more: the dashes open something else).
MAX_SIGNATURE_CHARS = 400
#: The separator line, stripped (HTML archives often lose its trailing space).
_SEPARATORS = frozenset({"--", "-- "})


def without_signatures(blocks: list[Block]) -> list[Block]:
    """The blocks without the mail signatures in them (see :data:`MAIL_SIGNATURES`): a
    paragraph's lines from a separator line to its end, a preformatted block's lines from a
    separator line to its end (neither when too much follows it: the dashes are then a
    rule or a code comment)."""
    if not MAIL_SIGNATURES and not MAIL_NAV_LINES:
        return blocks
    return map_leaves(blocks, _cut)


def _cut(block: Block) -> Block | None:
    if isinstance(block, Paragraph):
        return _paragraph(block)
    if isinstance(block, CodeBlock):
        return _code(block)
    return block  # (a quoted message's signature is the quoting one's business)


def _paragraph(block: Paragraph) -> Paragraph | None:
    """The paragraph cut at a separator line with a short signature after it; no paragraph
    when it is an archive's navigation line."""
    if MAIL_NAV_LINES:
        text = inline_text(block.children).strip()
        if len(text) <= MAIL_NAV_MAX_CHARS and _MAIL_NAV.fullmatch(text):
            return None
    if not MAIL_SIGNATURES:
        return block
    lines: list[list] = [[]]
    for child in block.children:
        if isinstance(child, LineBreak):
            lines.append([])
        else:
            lines[-1].append(child)
    if len(lines) < 2:
        return block
    for i, line in enumerate(lines[:-1]):
        if inline_text(tuple(line)).strip() not in _SEPARATORS:
            continue
        rest = [inline_text(tuple(x)).strip() for x in lines[i + 1:]]
        rest = [x for x in rest if x]
        if not rest or len(rest) > MAX_SIGNATURE_LINES \
                or sum(len(x) for x in rest) > MAX_SIGNATURE_CHARS:
            return block
        kept: list = []
        for j, part in enumerate(lines[:i]):
            if j:
                kept.append(LineBreak())
            kept.extend(part)
        while kept and isinstance(kept[-1], LineBreak):
            kept.pop()
        return Paragraph(tuple(kept)) if inline_text(tuple(kept)).strip() else None
    return block


def _code(block: CodeBlock) -> CodeBlock | None:
    """A preformatted message cut at a separator line with a short signature after it (only
    a block with no language: code is not cut)."""
    if block.language or not MAIL_SIGNATURES:
        return block
    lines = block.text.split("\n")
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].rstrip("\r") not in _SEPARATORS:
            continue
        rest = [x.strip() for x in lines[i + 1:] if x.strip()]
        if not rest or len(rest) > MAX_SIGNATURE_LINES \
                or sum(len(x) for x in rest) > MAX_SIGNATURE_CHARS:
            return block
        kept = "\n".join(lines[:i]).rstrip()
        # Code a page did not label (SQL's "--" is an empty comment line): statements end in
        # ";" and code has braces and assignments, a signature none of them.
        if kept.endswith(";") or any(c in x for x in rest for c in ";{}=") \
                or any(x.rstrip().endswith(";") for x in kept.split("\n")):
            return block
        return CodeBlock(kept, block.language) if kept.strip() else None
    return block
