"""A grade checked against the report's own bands: a wrong grade is said as what it is (the
grade the bands give and the one given), never as a gap of points, and is always material;
a score on a bound two printed bands share may take either band's grade.

Each case is the scorecard fixture (优 from 90 up, 良 80 to 90, 中 60 to 80, 差 below 60, all
bounds inclusive as printed) with its overall score, the part that makes it up and the grade
given edited by hand.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import fundanalysis as fa
from fundanalysis.analysis import audit
from fundanalysis.analysis.keyfindings import key_findings
from fundanalysis.cli import main
from fundanalysis.publish.views.common import checks_for_reading

FIXTURE = Path(__file__).parent / "fixtures" / "scorecard"
FINDINGS = (
    "finding_id,title,title_en,checks,correction_ids,explanation,explanation_en,correct,"
    "correct_en,quote_section,quote\n"
    "F1,评价等级与得分不符,The grade does not match the score,score_grade_overall,,"
    "按报告所列等级标准评定有误。,Graded against the report's own bands wrongly.,,,,\n"
)


def _scored(tmp_path: Path, score: str, results: str, grade: str, finding: bool) -> Path:
    """The fixture with an overall ``score`` graded ``grade``, its 资金使用成效 part made
    ``results`` so that the parts (18 + 19 + 18.5 + results) still add up to it."""
    target = tmp_path / "scorecard"
    shutil.copytree(FIXTURE, target)
    shutil.rmtree(target / "source")  # the printed fragments are edited; the text is not
    path = target / "scores.csv"
    content = path.read_text(encoding="utf-8")
    for old, new in (
        (
            "92.5,优,,自评综合得分92.5分，评价等级为优",
            f"{score},{grade},,自评综合得分{score}分，评价等级为{grade}",
        ),
        (
            "指标,40,37,,分值40分,资金使用成效37分",
            f"指标,40,{results},,分值40分,资金使用成效{results}分",
        ),
    ):
        assert old in content
        content = content.replace(old, new)
    path.write_text(content, encoding="utf-8")
    if finding:
        (target / "findings.csv").write_text(FINDINGS, encoding="utf-8")
    return target


@pytest.fixture
def misgraded(tmp_path: Path) -> Path:
    """85 points graded 优: the bands give 良 (80 to 90), and the parts add up to 85."""
    return _scored(tmp_path, "85", "29.5", "优", finding=True)


def test_a_wrong_grade_is_a_check_without_figures(misgraded) -> None:
    check = fa.reconcile(misgraded).set_index("check").loc["score_grade_overall"]
    assert (check["kind"], check["status"]) == ("grade", "discrepancy")
    for column in ("stated", "computed", "difference", "stated_as_printed", "computed_as_printed"):
        assert check[column] is None or check[column] != check[column], column
    assert "应评为“良”" in check["note"] and "报告评为“优”" in check["note"]
    assert "earn 'good'" in check["note_en"] and "gives 'excellent'" in check["note_en"]


def test_a_wrong_grade_is_material_and_has_no_gap(misgraded) -> None:
    (finding,) = fa.load_report(misgraded).findings.itertuples()
    assert finding.basis == "grade"
    assert finding.material is True or bool(finding.material) is True
    assert finding.amount is None and finding.of_stated is None and finding.materiality is None


def test_the_key_finding_names_the_grade_earned_and_the_grade_given(misgraded) -> None:
    (found,) = key_findings(fa.load_report(misgraded))
    assert found.material is True
    assert "85 分按报告所列等级标准应评为“良”，报告评为“优”" in found.sentence
    assert "85 points earn 'good' by the report's own grade bands" in found.sentence_en
    assert "the report gives 'excellent'" in found.sentence_en
    (computation,) = found.computation
    for zh in (found.sentence, computation[0]):
        assert "差" not in zh and "项之和" not in zh and "中的" not in zh
    for en in (found.sentence_en, computation[1]):
        assert "gap" not in en and "add up" not in en and "5 of 85" not in en
    assert any(q.printed == "自评综合得分85分，评价等级为优" for q in found.quotes)
    assert any(q.printed == "80分至90分为良" for q in found.quotes)


def test_validate_says_what_the_grade_should_be(misgraded, capsys) -> None:
    assert main(["validate", str(misgraded)]) == 0
    (line,) = [x for x in capsys.readouterr().out.splitlines() if "[F1]" in x]
    assert "85 分按报告所列等级标准应评为“良”，报告评为“优”" in line
    assert "85 points earn 'good'" in line and "a wrong grade is material" in line
    assert "中的" not in line and "5 of 85" not in line and "非重大" not in line


def test_the_pages_show_no_gap_for_a_grade(misgraded) -> None:
    report = fa.load_report(misgraded)
    checks = audit.all_checks(report)
    shown = checks_for_reading(checks[checks["kind"] == "grade"]).iloc[0]
    assert (shown["stated"], shown["computed"], shown["difference"]) == (None, None, None)
    register = audit.findings_register(report).iloc[0]
    assert register["amount_shown"] == "—" and register["material"] == "重大"
    assert audit.score_checks(report)[1]["check"].tolist() == ["score_grade_overall"]


@pytest.mark.parametrize("grade", ["优", "良"])
def test_a_score_on_a_bound_two_bands_share_may_take_either_grade(tmp_path, capsys, grade):
    # 总分90分以上为优 and 80分至90分为良 both include 90: the prose allows either grade
    directory = _scored(tmp_path, "90", "34.5", grade, finding=False)
    assert main(["validate", str(directory)]) == 0, capsys.readouterr().out
    check = fa.reconcile(directory).set_index("check").loc["score_grade_overall"]
    assert check["status"] == "ok"
    assert "共有的界点" in check["note"] and "“优”或“良”" in check["note"]
    assert "'excellent' or 'good'" in check["note_en"]


def test_a_score_on_a_shared_bound_with_neither_grade_fails(tmp_path) -> None:
    directory = _scored(tmp_path, "90", "34.5", "中", finding=False)
    check = fa.reconcile(directory).set_index("check").loc["score_grade_overall"]
    assert check["status"] == "discrepancy"
    assert "可评为“优”或“良”，报告评为“中”" in check["note"]


def test_a_score_inside_one_band_with_another_grade_fails(tmp_path, capsys) -> None:
    directory = _scored(tmp_path, "85", "29.5", "中", finding=False)
    check = fa.reconcile(directory).set_index("check").loc["score_grade_overall"]
    assert check["status"] == "discrepancy"
    assert check["note"] == "85 分按报告所列等级标准应评为“良”，报告评为“中”。"
    assert main(["validate", str(directory)]) == 1
    out = capsys.readouterr().out
    assert "score_grade_overall" in out and "应评为“良”" in out and "stated None" not in out


def test_the_downloads_of_a_wrong_grade_validate(misgraded, tmp_path) -> None:
    """checks.csv with a grade's empty figures, the register with basis grade: both as their
    Table Schemas describe them."""
    import importlib
    import sys
    import zipfile

    frictionless = pytest.importorskip("frictionless")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    try:
        downloads = importlib.import_module("site_sources").downloads
    finally:
        sys.path.pop(0)
    report = fa.load_report(misgraded)
    listed = downloads(report, tmp_path / "out")
    with zipfile.ZipFile(tmp_path / "out" / listed[1][0]) as opened:
        opened.extractall(tmp_path / "unpacked")
    assert frictionless.validate(
        str(tmp_path / "unpacked" / report.info.id / "datapackage.json")
    ).valid


def test_a_check_of_an_indicator_named_as_a_score_does_not_say_score_twice():
    from conftest import FIXTURES

    from fundanalysis.audit.scorecard import scorecard_checks
    from fundanalysis.data.tables import load_tables

    descriptions = [
        row["description"] for row in scorecard_checks(load_tables(FIXTURES / "scorecard"))
    ]
    # the fixture's overall row is named 综合得分
    assert any(d.startswith("综合得分") for d in descriptions)
    assert not any("得分得分" in d for d in descriptions)


def test_the_grade_table_shows_each_band_as_printed():
    from conftest import FIXTURES

    from fundanalysis.analysis.scores import grade_ladder

    ladder = grade_ladder(fa.load_report(FIXTURES / "scorecard")).set_index("grade")
    # whether 90 belongs to 良 is in the words, not in the two numbers 80 and 90
    assert ladder.loc["良", "printed"] == "80分至90分为良"
    assert ladder.loc["优", "printed"] == "总分90分以上为优"
