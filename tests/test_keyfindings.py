"""主要发现 / Key findings: sentences built from the data, each with its evidence.

Figures from 巴州 2020 (SE 一、（一）: the five budget years, 2017 printed as 3100 元; SE 四、（五）:
124029.13 万元 of project funds whose printed parts add up to 54029.13) and 满城区 2019 (MC 二、:
52 projects planned, 50 + 1 + 1 + 1 listed), worked out by hand.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import fundanalysis as fa
from fundanalysis.analysis.keyfindings import key_findings
from fundanalysis.data.paths import shipped_reports
from fundanalysis.publish.views.findings import evidence_html, sources_html, summary_html

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"


@pytest.fixture(scope="module")
def bazhou():
    return fa.load_report(shipped_reports()[0])


@pytest.fixture(scope="module")
def mancheng():
    return fa.load_report(shipped_reports()[1])


def test_material_findings_come_first_with_their_amounts_and_what_is_right(bazhou) -> None:
    found = key_findings(bazhou)
    assert [f.finding for f in found] == ["F1", "F3", "F4"]
    assert [f.material for f in found] == [True, True, False]
    first = found[0].sentence
    # 1510 + 3100 元 (0.31 万元) + 3800 + 3850 + 3900 = 13060.31; 16160 - 13060.31 = 3099.69
    assert "所述 16,160 万元" in first and "13,060.31 万元" in first and "3,099.69 万元" in first
    assert "应为 3100 万元" in first
    bonds = found[1].sentence  # 124029.13 - 54029.13 = 70000: the bonds left out
    assert "124,029.13" in bonds and "54,029.13" in bonds and "70000 万元" in bonds
    assert "should read 3100 万元" in found[0].sentence_en


def test_every_finding_has_a_quoted_passage_and_a_source(bazhou, mancheng) -> None:
    for report in (bazhou, mancheng):
        printed = {
            (row.section_id, row.printed)
            for name, table in report.tables.items()
            if {"section_id", "printed"} <= set(table.columns)
            for row in table[["section_id", "printed"]].itertuples()
        }
        printed |= {
            (row.quote_section, row.quote)
            for row in report.tables["findings"].itertuples()
            if isinstance(row.quote, str)
        }
        for finding in key_findings(report):
            assert finding.quotes, finding.finding
            for quote in finding.quotes:  # every quote is a passage the data cites
                assert (quote.section_id, quote.printed) in printed
            assert finding.documents
    f4 = next(f for f in key_findings(bazhou) if f.finding == "F4")
    assert "阿克苏来乡" in f4.quotes[0].printed  # from correction C3's row
    (document,) = key_findings(mancheng)[0].documents
    assert document.address == "http://www.mancheng.gov.cn/show-6022.html"
    se = key_findings(bazhou)[0].documents[0]
    assert (se.address, se.reference, se.issued_on) == (
        "",
        "巴扶办发〔2020〕11号",
        "2020年10月15日",
    )


def test_what_is_right_cites_only_figures_the_data_holds(bazhou, mancheng) -> None:
    """Every number of a finding's ``correct`` clause is printed somewhere in the data, or is
    a figure a check computes: nothing typed in that the report does not support."""
    for report in (bazhou, mancheng):
        known = " ".join(
            " ".join(map(str, table[c]))
            for table in report.tables.values()
            for c in table.columns
            if c in ("printed", "stated", "amount", "quote")
        )
        computed = {str(v) for v in report.checks["computed_as_printed"]}
        for row in report.tables["findings"].itertuples():
            for text in (row.correct, row.correct_en):
                for number in re.findall(r"[0-9]+(?:\.[0-9]+)?", str(text)):
                    assert number in known or number in computed, (row.finding_id, number)


def test_the_page_links_each_finding_to_its_evidence(mancheng) -> None:
    found = key_findings(mancheng)
    summary = summary_html(found, "zh")
    assert summary.index('href="#finding-F1"') < summary.index("其他发现（非重大）")
    block = evidence_html(found[0], "zh")
    assert block.startswith('<section class="fa-evidence" id="finding-F1"')
    assert "「2019年共编制项目52个」" in block
    assert 'href="http://www.mancheng.gov.cn/show-6022.html"' in block
    assert 'href="05-data-audit.html#check-projects_2019_count"' in block
    line = sources_html(list(found[0].documents), "en", "index.html#how-to-cite-mancheng-2019")
    assert "Mancheng District Finance Bureau, 2020-05-14" in line and "how to cite" in line


def test_a_report_with_no_finding_says_so() -> None:
    minimal = fa.load_report(MINIMAL)
    assert key_findings(minimal) == []
    assert "核对未发现问题" in summary_html([], "zh")
    assert "no inconsistency" in summary_html([], "en")


def test_text_from_the_data_is_escaped(bazhou) -> None:
    found = key_findings(bazhou)[0]
    hostile = found.__class__(**{**found.__dict__, "sentence": "<img src=x onerror=alert(1)>"})
    assert "<img" not in summary_html([hostile], "zh")
    assert "<img" not in evidence_html(hostile, "zh")
