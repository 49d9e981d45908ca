"""The inspect report as one self-contained HTML file.

Nothing in it loads or runs anything: no script at all (the kept/dropped toggle is radio
buttons and CSS), one inline stylesheet allowed by its hash in a Content-Security-Policy that
forbids everything else (``default-src 'none'``), every page text escaped, and the rendered
article drawn by :class:`convert.html.HTMLRenderer` with links reduced to their text and
images to nothing. So a hostile page's markup, scripts, styles and URLs are only ever text here.
"""

from __future__ import annotations

import base64
import hashlib
import json
from html import escape
from typing import Any

__all__ = ["report_html"]

_CSS = """
:root{--body:#e6f4ea;--figure:#e8f0fe;--metadata:#fef7e0;--dropped:#fce8e6;font:14px/1.45 system-ui,sans-serif;color:#202124}
body{margin:0 auto;max-width:1500px;padding:0 16px 40px}
h1{font-size:20px;margin:16px 0 4px}h2{font-size:17px;margin:22px 0 6px;border-bottom:1px solid #ddd}
.sub{color:#5f6368;margin:0 0 10px;word-break:break-all}
.stats{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}
.stat{border-radius:6px;padding:4px 10px;background:#f1f3f4}
.stat b{font-size:16px}
.v-body{background:var(--body)}.v-figure{background:var(--figure)}
.v-metadata{background:var(--metadata)}.v-dropped{background:var(--dropped)}
.toggle{margin:10px 0;position:sticky;top:0;background:#fff;padding:6px 0;z-index:1}
.toggle label{margin-right:14px;cursor:pointer}
.cols{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:16px}
.page .b{border-left:4px solid #999;margin:3px 0;padding:3px 8px;border-radius:3px;content-visibility:auto;contain-intrinsic-size:auto 44px}
.article article>*{content-visibility:auto;contain-intrinsic-size:auto 60px}
.b.v-body{border-color:#188038}.b.v-figure{border-color:#1a73e8}
.b.v-metadata{border-color:#f9ab00}.b.v-dropped{border-color:#d93025;color:#5f6368}
.b .t{white-space:pre-wrap;word-break:break-word}
.tag{font:11px ui-monospace,monospace;color:#5f6368;margin-right:6px}
.rule{font:11px ui-monospace,monospace;background:#fff;border:1px solid #ccc;border-radius:3px;padding:0 4px;margin-right:6px}
.scores{font:11px ui-monospace,monospace;color:#5f6368}
#only-kept:checked~.cols .page .v-dropped,#only-dropped:checked~.cols .page .v-body,
#only-dropped:checked~.cols .page .v-figure,#only-dropped:checked~.cols .page .v-metadata{display:none}
.article{border:1px solid #ddd;border-radius:6px;padding:4px 18px;font:16px/1.6 Georgia,serif;align-self:start;position:sticky;top:44px;max-height:90vh;overflow:auto}
table{border-collapse:collapse;width:100%;margin:6px 0}
td,th{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top;word-break:break-word}
th{background:#f1f3f4}tr.chosen td{background:var(--body);font-weight:600}
tr.accepted td:first-child{background:var(--body)}
details{margin:4px 0}summary{cursor:pointer}
.muted{color:#5f6368}
"""


def _e(value: Any) -> str:
    """Escaped text (quotes too: the same helper serves attributes)."""
    return escape("" if value is None else str(value), quote=True)


def _scores(scores: dict[str, Any] | None) -> str:
    if not scores:
        return ""
    parts = " · ".join(f"{_e(k)}={_e(v)}" for k, v in scores.items() if v not in (None, ""))
    return f'<span class="scores">{parts}</span>'


def _by(b: dict[str, Any]) -> str:
    by = b.get("by")
    return f'<span class="tag">(with #{_e(by)})</span>' if by is not None and by != b["element"] else ""


def _block(b: dict[str, Any]) -> str:
    field = f" → {_e(b['field'])}" if b.get("field") else ""
    cls = f" [{_e(b['class'])}]" if b.get("class") else ""
    return (f'<div class="b v-{_e(b["verdict"])}"><span class="tag">&lt;{_e(b["tag"])}&gt; '
            f'#{_e(b["element"])}{cls}</span><span class="rule">{_e(b["verdict"])}: '
            f'{_e(b["rule"])}{field}</span>{_by(b)}{_scores(b.get("scores"))}'
            f'<div class="t">{_e(b["text"])}</div></div>')


def _article(report: dict[str, Any]) -> str:
    doc = report.get("article")
    if doc is None:
        return f'<p class="muted">No article: {_e(report.get("error"))}</p>'
    from convert.html import HTMLRenderer, article_html
    from convert.jsonio import from_envelope
    article = from_envelope(doc)
    # Links keep only their text and images are left out: nothing in the report loads.
    renderer = HTMLRenderer(image_src=lambda src: None, link_url=lambda url: None)
    return article_html(article, renderer=renderer)


def _cascade(report: dict[str, Any]) -> str:
    casc = report["cascade"]
    if not casc["passes"]:
        return ""
    rows = []
    for p in casc["passes"]:
        chosen = " chosen" if p["name"] == casc["chosen"] else ""
        top = p.get("top") or {}
        rows.append(
            f'<tr class="{"accepted" if p.get("replaces") else ""}{chosen}"><td>{_e(p["name"])}'
            f'{" ✓" if chosen else ""}</td><td>{_e(p.get("chars"))}</td>'
            f'<td>{_e(p.get("score"))}</td><td>{_e(top.get("tag"))} {_e(top.get("label"))}</td>'
            f'<td>{len(p["dropped"])}</td><td>{_e(p.get("reason"))}</td>'
            f'<td>{_e(p.get("seconds"))}</td></tr>')
    out = [f'<h2>Cascade</h2><p class="sub">{_e(casc["page_chars"])} visible chars; chosen '
           f'pass: <b>{_e(casc["chosen"])}</b></p><table><tr><th>pass</th><th>chars</th>'
           f'<th>score</th><th>winner</th><th>removed</th><th>why</th><th>s</th></tr>'
           + "".join(rows) + "</table>"]
    for p in casc["passes"]:
        cands = "".join(
            f'<tr><td>{_e(c["tag"])} {_e(c["label"])} #{_e(c["element"])}</td>'
            f'<td>{_e(c["score"])}</td><td>{_e(c["chars"])}</td><td>{_e(c["link_density"])}</td></tr>'
            for c in p.get("candidates", ()))
        notes = "".join(f"<li>{_e(n)}</li>" for n in p.get("notes", ()))
        out.append(f'<details><summary>{_e(p["name"])} pass: candidates and notes</summary>'
                   f'<table><tr><th>candidate</th><th>score</th><th>chars</th>'
                   f'<th>link density</th></tr>{cands}</table><ul>{notes}</ul></details>')
    return "".join(out)


def _metadata(report: dict[str, Any]) -> str:
    meta = report.get("metadata") or {}
    if not meta:
        return ""
    out = ["<h2>Metadata</h2>"]
    for field, info in meta.items():
        rows = "".join(
            f'<tr class="{"chosen" if c.get("chosen") else ""}"><td>{_e(c["source"])}</td>'
            f'<td>{_e(c["key"])}</td><td>{_e(c["value"])}</td></tr>'
            for c in info["candidates"]) or '<tr><td colspan="3" class="muted">no candidate</td></tr>'
        won = info.get("chosen_from") or {}
        out.append(
            f'<details{" open" if info.get("value") else ""}><summary><b>{_e(field)}</b>: '
            f'{_e(info.get("value") or "—")} <span class="rule">{_e(info["rule"])}</span>'
            f'<span class="scores">from {_e(won.get("source", "—"))} {_e(won.get("key", ""))}'
            f'</span></summary><p class="sub">{_e(info["order"])}</p><table><tr><th>source</th>'
            f'<th>key</th><th>value</th></tr>{rows}</table></details>')
    return "".join(out)


def _signal_rows(rows: list[dict[str, Any]]) -> str:
    body = "".join(
        f'<tr><td>{_e(r["signal"])}</td><td>{_e(r["value"])}</td><td>{_e(r["weight"])}</td>'
        f'<td>{"+" if r["effect"] > 0 else ""}{_e(r["effect"])}</td></tr>' for r in rows)
    return ('<table><tr><th>signal</th><th>value</th><th>weight</th><th>effect</th></tr>'
            f'{body}</table>') if rows else '<p class="muted">no signal</p>'


def assessment_summary(report: dict[str, Any]) -> str:
    """One line: the page type, its probability and the confidence ("" when not judged)."""
    a = report.get("assessment")
    if not a:
        return ""
    parts = []
    if a.get("page_type"):
        by = f", by {a['type_rule']['rule']}" if a.get("type_rule") else ""
        parts.append(f"page type {a['page_type']} ({a['page_type_probability']:.2f}{by})")
    if a.get("confidence") is not None:
        parts.append(f"confidence {a['confidence']:.2f}")
    return ", ".join(parts)


def _assessment(report: dict[str, Any]) -> str:
    a = report.get("assessment")
    if not a:
        return ""
    probs = " · ".join(f"{_e(k)} {v:.2f}" for k, v in a["type_probabilities"].items())
    rule = a.get("type_rule")
    ruled = (f'<p>typed by the rule <b>{_e(rule["rule"])}</b>, not the model, from '
             f'{_e(", ".join(rule["signals"]))}</p>') if rule else ""
    return (f'<h2>Page type and confidence</h2><p class="sub">{_e(assessment_summary(report))}'
            f'</p><p class="scores">{probs}</p>{ruled}'
            '<p class="muted">effect = weight × (value − the mean of the training pages): what '
            'a signal added to the score, positive for, negative against.</p>'
            f'<details open><summary>signals behind the page type '
            f'(<b>{_e(a["page_type"])}</b>)</summary>{_signal_rows(a["type_signals"])}</details>'
            f'<details open><summary>signals behind the confidence '
            f'(<b>{_e(a["confidence"])}</b>)</summary>'
            f'{_signal_rows(a["confidence_signals"])}</details>')


def report_html(report: dict[str, Any]) -> str:
    """The report's data (:func:`convert.inspect.report.build`) as one HTML document."""
    css = _CSS.strip()
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    csp = (f"default-src 'none'; style-src 'sha256-{digest}'; img-src 'none'; "
           "script-src 'none'; base-uri 'none'; form-action 'none'")
    counts = report["counts"]
    stats = "".join(
        f'<span class="stat v-{v}">{v}: <b>{counts[v]}</b> blocks, {counts[v + "_chars"]} chars'
        f'</span>' for v in ("body", "figure", "metadata", "dropped"))
    timing = report["timings"]
    passes = ", ".join(f"{_e(k)} {v * 1000:.1f} ms" for k, v in timing["passes"].items())
    rules = " · ".join(f"{_e(k)} {_e(v)}" for k, v in counts["by_rule"].items())
    inp = report["input"]
    error = f'<p class="stat v-dropped">{_e(report["error"])}</p>' if report.get("error") else ""
    error += "".join(f'<p class="stat">{_e(n)}</p>' for n in report.get("notes", ()))
    blocks = "".join(_block(b) for b in report["blocks"])
    raw = json.dumps({k: report[k] for k in ("format", "version", "decruft")})
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_e(csp)}">'
        '<meta name="referrer" content="no-referrer">'
        f'<meta name="generator" content="{_e(raw)}">'
        f'<title>decruft inspect: {_e(inp["location"] or "page")}</title>'
        f'<style>{css}</style></head><body>'
        f'<h1>decruft inspect</h1><p class="sub">{_e(inp["location"] or "standard input")} · '
        f'{_e(inp["kind"])} · {_e(inp["bytes"])} bytes · extracted in '
        f'{timing["extract_seconds"] * 1000:.1f} ms ({passes}) · decruft {_e(report["decruft"])}</p>'
        f'{error}<div class="stats">{stats}{_summary_stat(report)}</div>'
        f'<p class="scores">{rules}</p>'
        '<input type="radio" name="show" id="show-all" checked><label for="show-all">all blocks</label> '
        '<input type="radio" name="show" id="only-kept"><label for="only-kept">only kept</label> '
        '<input type="radio" name="show" id="only-dropped"><label for="only-dropped">only dropped</label>'
        '<div class="cols"><section class="page"><h2>Page, in document order</h2>'
        f'{blocks or "<p class=muted>no text blocks recorded</p>"}</section>'
        f'<section class="article"><h2>Article</h2>{_article(report)}</section></div>'
        f'{_assessment(report)}{_cascade(report)}{_metadata(report)}</body></html>\n')


def _summary_stat(report: dict[str, Any]) -> str:
    line = assessment_summary(report)
    return f'<span class="stat">{_e(line)}</span>' if line else ""
