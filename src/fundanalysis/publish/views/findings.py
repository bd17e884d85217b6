"""主要发现 / Key findings at the top of the overview, and the evidence block each one links to.

The sentences and their evidence are built by :mod:`fundanalysis.analysis.keyfindings` from
the data; this lays them out: a list of material findings, then the others, each linking to
its block (``id="finding-F1"``) with the quoted passages, their sections, the computation, the
corrections and the source document (a link to its published address where the data knows it,
else its number, issuer and date).
"""

from __future__ import annotations

from markupsafe import Markup

from fundanalysis.analysis.keyfindings import Document, KeyFinding, key_findings
from fundanalysis.audit.audited import AuditedReport
from fundanalysis.publish.pagetext import sentence_html
from fundanalysis.publish.present import languages, show_html

_WORDS = {
    "none": ("核对未发现问题。", "Checking found no inconsistency."),
    "no_material": ("没有重大发现。", "No finding is material."),
    "others": ("其他发现（非重大）：", "Other findings (immaterial):"),
    "not_computable": ("重要性无法计算的发现：", "Findings whose materiality cannot be computed:"),
    "computation": ("计算", "computation"),
    "corrections": ("更正", "corrections"),
    "source": ("出处", "source"),
    "checks": ("相关核对", "checks"),
    "no_address": (
        "本站未收录网址的，可凭文号、发文机关与日期向发布机关索取",
        "where no address is known here, ask the issuer for it by its number, issuer and date",
    ),
}


def _w(key: str, lang: str) -> str:
    return _WORDS[key][0 if lang == "zh" else 1]


def _item(finding: KeyFinding, lang: str, page: str) -> Markup:
    text = finding.sentence if lang == "zh" else finding.sentence_en
    return Markup('<li><a class="fa-finding-link" href="{}#{}">{}</a> {}</li>').format(
        page, finding.anchor, finding.finding, text
    )


def summary_html(found: list[KeyFinding], lang: str, page: str = "") -> str:
    """The list of findings: material first, then the others, each linking to its evidence
    (on ``page``, the overview's address from where the list is shown; "" on the overview)."""
    if not found:
        return sentence_html(_w("none", lang))
    material = [f for f in found if f.material is True]
    parts = [
        Markup('<ul class="fa-key-findings">{}</ul>').format(
            Markup("").join(_item(f, lang, page) for f in material)
        )
        if material
        else Markup(sentence_html(_w("no_material", lang)))
    ]
    for key, kind in (("others", False), ("not_computable", None)):
        rest = [f for f in found if f.material is kind]
        if rest:
            parts.append(
                Markup('<p class="fa-sentence">{}</p><ul class="fa-other-findings">{}</ul>').format(
                    _w(key, lang), Markup("").join(_item(f, lang, page) for f in rest)
                )
            )
    return str(
        Markup('<div class="fa-findings" lang="{}">{}</div>').format(
            "zh-CN" if lang == "zh" else "en", Markup("").join(parts)
        )
    )


def _document(document: Document, lang: str) -> Markup:
    zh = lang == "zh"
    title = document.title if zh else document.title_en
    issuer = document.issuer if zh else document.issuer_en
    issued = document.issued_on if zh else document.issued_on_en
    facts = [f"《{title}》" if zh else title, issuer, document.reference, issued]
    shown = ("，" if zh else ", ").join(f for f in facts if f)
    if document.address:
        return Markup('{}{}<a class="fa-source-link" href="{}">{}</a>').format(
            shown, "：" if zh else ": ", document.address, document.address
        )
    return Markup("{}").format(shown)


def _documents(documents: list[Document] | tuple[Document, ...], lang: str) -> Markup:
    """The documents, one after the other; where some address is unknown, a word on how to
    get them, said once."""
    zh = lang == "zh"
    line = Markup("。" if zh else "; ").join(_document(d, lang) for d in documents)
    if any(not d.address for d in documents):
        line += Markup("（{}）" if zh else " ({})").format(_w("no_address", lang))
    return line


def sources_html(documents: list[Document], lang: str, cite: str = "") -> str:
    """The line that names a report's source documents, linked where their address is known,
    and (``cite``: its address) the overview's 如何引用 block."""
    zh = lang == "zh"
    line = _documents(documents, lang)
    if cite:
        line += Markup('{}<a href="{}">{}</a>{}').format(
            "（" if zh else " (", cite, "如何引用" if zh else "how to cite", "）" if zh else ")"
        )
    return str(
        Markup('<p class="fa-sources" lang="{}">{}{}{}</p>').format(
            "zh-CN" if zh else "en", "原文出处" if zh else "Source", "：" if zh else ": ", line
        )
    )


def evidence_html(finding: KeyFinding, lang: str) -> str:
    """The evidence block of one finding, anchored ``finding-<id>``."""
    zh = lang == "zh"
    rows = [
        Markup('<p class="fa-evidence-title"><strong>{} {}</strong></p>').format(
            finding.finding, finding.sentence if zh else finding.sentence_en
        )
    ]
    for quote in finding.quotes:
        rows.append(
            Markup(
                '<blockquote class="fa-quote"><p lang="zh-CN">「{}」</p>'
                '<p class="fa-quote-section" lang="{}">{} · {}</p></blockquote>'
            ).format(
                quote.printed,
                "zh-CN" if zh else "en",
                f"《{quote.document}》" if zh else quote.document_en,
                quote.section if zh else quote.section_en,
            )
        )
    for key, lines in (("computation", finding.computation), ("corrections", finding.corrections)):
        if lines:
            rows.append(
                Markup(
                    '<p class="fa-evidence-part">{}：</p><ul>{}</ul>'
                    if zh
                    else '<p class="fa-evidence-part">{}:</p><ul>{}</ul>'
                ).format(
                    _w(key, lang),
                    Markup("").join(Markup("<li>{}</li>").format(z if zh else e) for z, e in lines),
                )
            )
    if finding.checks:
        links = Markup("、" if zh else ", ").join(
            Markup('<a href="05-data-audit.html#check-{}">{}</a>').format(c, z if zh else e)
            for c, z, e in finding.checks
        )
        rows.append(Markup("<p>{}{}{}</p>").format(_w("checks", lang), "：" if zh else ": ", links))
    rows.append(
        Markup('<p class="fa-evidence-source">{}{}{}</p>').format(
            _w("source", lang),
            "：" if zh else ": ",
            _documents(finding.documents, lang),
        )
    )
    return str(
        Markup('<section class="fa-evidence" id="{}" lang="{}">{}</section>').format(
            finding.anchor, "zh-CN" if zh else "en", Markup("").join(rows)
        )
    )


def key_findings_summary(report: AuditedReport) -> None:
    """主要发现: one sentence per finding, material first, each linking to its evidence."""
    found = key_findings(report)
    for lang in languages():
        show_html(summary_html(found, lang), lang)


def finding_evidence(report: AuditedReport) -> None:
    """The evidence block of every finding, in the order of the list above."""
    found = key_findings(report)
    for lang in languages():
        if not found:
            show_html(sentence_html(_w("none", lang)), lang)
        for finding in found:
            show_html(evidence_html(finding, lang), lang)
