"""A scan's result for a person (by section, Chinese and English) and for programs (JSON).

What is shown comes from untrusted text: control characters and bidirectional overrides are
replaced before anything reaches a terminal, so a report cannot move the cursor, recolour the
screen or reorder what it shows. JSON is escaped by the json module itself.
"""

from __future__ import annotations

import json
import re
from typing import Any

from fundanalysis.text.scan.context import Relation
from fundanalysis.text.scan.figures import UNREAD, Figure
from fundanalysis.text.scan.scanner import ScanResult

_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_STATUS = {"holds": "✓ 成立 holds", "rounding": "≈ 四舍五入 rounding", "fails": "✗ 不符 fails"}
_KIND = {
    "sum": "合计 sum",
    "difference": "差额 difference",
    "rate": "比率 rate",
    "part": "部分 part",
}


def safe(text: str) -> str:
    """Text fit for a terminal: one line, no control characters or direction overrides."""
    return _UNSAFE.sub("?", " ".join(text.split()))


def _figure(figure: Figure) -> str:
    return safe(figure.printed)


def parts_side(kind: str, parts: list[str]) -> str:
    """The parts of a relation with its kind's own operator: a rate is its numerator ÷ its
    denominator, a part stands alone (it is at most its total), a sum or a difference (a whole
    that is its parts, a later figure that is the earlier and the change) adds them."""
    if kind == "rate":
        return f"{parts[0]} ÷ {parts[1]}"
    shown = parts[0] if parts else ""
    for part in parts[1:]:  # a deduction (扣3分) is printed with its sign: "… − 3分"
        shown += f" − {part[1:]}" if part.startswith("−") else f" + {part}"
    return shown


def formula(kind: str, total: str, parts: list[str]) -> str:
    """The relation as one line: 96.4% = 920.14万元 ÷ 955万元, 60万元 ≤ 100万元, 100 = 60 + 40."""
    if kind == "part":
        return f"{parts[0]} ≤ {total}"
    return f"{total} = {parts_side(kind, parts)}"


def _relation_line(relation: Relation) -> str:
    shown = formula(relation.kind, _figure(relation.total), [_figure(p) for p in relation.parts])
    gap = "" if relation.status == "holds" else f"  差 gap {relation.gap:f}"
    return f"  {relation.id} {_KIND[relation.kind]:<15} {_STATUS[relation.status]}  {shown}{gap}"


def text_report(result: ScanResult) -> str:
    """The readable report: relations by section, then findings, then possible relations."""
    counts = {s: sum(r.status == s for r in result.relations) for s in _STATUS}
    lines = [
        f"== {safe(result.name)} ==",
        f"数字 figures {len(result.figures)} · 关系 relations {len(result.relations)} "
        f"(成立 holds {counts['holds']}, 四舍五入 rounding {counts['rounding']}, "
        f"不符 fails {counts['fails']}) · 待定 possible {len(result.possible)} · "
        f"发现 findings {len(result.findings)}",
    ]
    section = None
    for relation in result.relations:
        if relation.total.section != section:
            section = relation.total.section
            lines.append(f"§ {safe(section) or '（正文 body）'}")
        lines.append(_relation_line(relation))
    if result.findings:
        lines.append("发现 / Findings")
    for finding in result.findings:
        flag = "重大 material" if finding.material else "非重大 immaterial"
        lines += [
            f"  {finding.id} [{flag}] ({', '.join(finding.relations)}) {safe(finding.title)}",
            f"     {safe(finding.title_en)}",
            f"     {safe(finding.explanation)}",
            f"     {safe(finding.explanation_en)}",
        ]
    if result.possible:
        lines.append(
            "待定（未核实，非发现） / Possible relations (uncertain grouping, not findings)"
        )
        lines += [_relation_line(relation) for relation in result.possible]
    unread = [n for n in result.numbers if n.kind in UNREAD]
    if unread:
        lines.append("未读作数据 / Numbers not read as figures")
        lines += [f"  「{safe(n.printed)}」 {UNREAD[n.kind]}" for n in unread]
    return "\n".join(lines) + "\n"


def as_json(result: ScanResult) -> dict[str, Any]:
    """The result as the issue's JSON object: figures, relations and findings."""
    return {
        "figures": [
            {
                "id": f.id,
                "value": f.value_text,
                "unit": f.unit.printed,
                "start": f.start,
                "end": f.end,
                "printed": f.printed,
                "section": f.section,
            }
            for f in result.figures
        ],
        "relations": [
            {
                "id": r.id,
                "kind": r.kind,
                "total": r.total.id,
                "parts": [p.id for p in r.parts],
                "status": r.status,
                "gap": format(r.gap, "f"),
            }
            for r in result.relations
        ],
        "findings": [
            {
                "id": f.id,
                "relations": list(f.relations),
                "material": f.material,
                "title": f.title,
                "title_en": f.title_en,
                "explanation": f.explanation,
                "explanation_en": f.explanation_en,
            }
            for f in result.findings
        ],
    }


def json_line(result: ScanResult) -> str:
    """One line of JSON (non-ASCII kept readable; control characters escaped by json)."""
    return json.dumps(as_json(result), ensure_ascii=False, separators=(",", ":")) + "\n"
