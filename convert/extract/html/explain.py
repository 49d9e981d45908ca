"""Why a cascade pass was accepted or not, in words and numbers (recording only).

:func:`judge_pass` evaluates the same tests :func:`.content.find_content` combines, one by
one, with the helpers it uses, so ``decruft inspect`` can say which clause decided. It runs
only when a recorder is set (:mod:`convert.extract.record`).
"""

from __future__ import annotations

from typing import Any

from . import content as C
from .articlemarks import article_like
from .measure import PASS_NAMES
from .thresholds import (MIN_ARTICLE_CHARS, MIN_ARTICLE_SHARE, PAGE_CHARS_CAP, PASS_GAIN_FACTOR,
                         RELAXED_SCORE_FACTOR)


def judge_pass(new: "C.Content", best: "C.Content | None", page_len: int) -> dict[str, Any]:
    """The facts of one pass against the best earlier one: its measures, whether it replaces
    the earlier winner (and by which clause), whether it ends the cascade, and a reason."""
    facts: dict[str, Any] = {
        "found": True, "chars": new.length, "score": round(new.score, 2),
        "named_boilerplate_chars": new.chrome, "comment_chars": new.comments,
        "core_chars": new.core, "in_named_chrome": new.in_chrome,
    }
    if best is None:
        facts["replaces"] = True
        why = ["first pass with content"]
    else:
        gain = new.length if best.length < MIN_ARTICLE_CHARS else new.core - (
            new.comments if article_like(best.nodes) else 0)
        clauses = {
            "earlier_too_short": best.length < MIN_ARTICLE_CHARS,
            "earlier_in_named_chrome": best.in_chrome,
            "side_block": C._side_block(new, best, page_len),
            "extends_not_weaker": C._extends(new, best) and not C._weaker(new, best),
            "earlier_was_body": best.nodes[0].tag == "body"
            and new.score >= RELAXED_SCORE_FACTOR * best.score,
        }
        enough_gain = gain > best.length * PASS_GAIN_FACTOR
        facts.update(gain=gain, earlier=PASS_NAMES[best.level], earlier_chars=best.length,
                     gain_needed=round(best.length * PASS_GAIN_FACTOR, 1), clauses=clauses)
        facts["replaces"] = enough_gain and any(clauses.values())
        if not enough_gain:
            why = [f"gain {gain} chars is not more than {PASS_GAIN_FACTOR}× the "
                   f"{PASS_NAMES[best.level]} pass's {best.length}"]
        elif facts["replaces"]:
            why = ["replaces the " + PASS_NAMES[best.level] + " pass: "
                   + ", ".join(k for k, v in clauses.items() if v)]
        else:
            why = ["more text, but no clause lets it replace the earlier winner "
                   "(a different region, or weaker)"]
    found = new.length + new.chrome
    need = MIN_ARTICLE_SHARE * min(page_len, PAGE_CHARS_CAP)
    facts["enough"] = (new.length >= MIN_ARTICLE_CHARS and found >= need
                       and not new.in_chrome)
    facts["found_chars"] = found
    facts["needed_chars"] = round(max(need, MIN_ARTICLE_CHARS), 1)
    if facts["enough"]:
        why.append(f"kept {found} of {page_len} visible chars: enough, the cascade stops")
    elif new.in_chrome:
        why.append("its winner sits in a named boilerplate block: relaxing")
    else:
        why.append(f"kept {found} of {page_len} visible chars (needs {MIN_ARTICLE_CHARS} and "
                   f"{MIN_ARTICLE_SHARE:.0%} of the page): relaxing")
    facts["reason"] = "; ".join(why)
    facts["notes"] = list(new.notes)
    return facts


def record_cleaning(rec: Any, doomed: list, candidates: dict) -> None:
    """Record the blocks :func:`.cleaning.clean` removes, each with the rule that chose it
    and the measures Readability's test reads."""
    from .chrome import named_chrome
    from .measure import class_weight, label, link_density, text_len
    for node in doomed:
        length = text_len(node)
        if named_chrome(node):
            rec.drop(node, "chrome_blocks", class_id=label(node), chars=length)
        elif node.tag == "p":
            # (Paragraphs are not cleaned conditionally: only the trailing-link test takes one.)
            rec.drop(node, "trailing_links", chars=length,
                     link_density=round(link_density(node, length), 3))
        else:
            cand = candidates.get(node.mem_id)
            rec.drop(node, "clean_conditionally", chars=length,
                     link_density=round(link_density(node, length), 3),
                     class_weight=class_weight(node),
                     score=round(cand.score, 2) if cand is not None else 0.0,
                     class_id=label(node), paragraphs=len(node.css("p")),
                     images=len(node.css("img")), items=len(node.css("li")))
