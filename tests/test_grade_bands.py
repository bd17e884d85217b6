"""Grade bands as reports print them, and a score raised above 满分 by a bonus.

Each case is the scorecard fixture with its self-evaluation section written anew by hand (its
own wording, below), its scores.csv and grades.csv written to match, and the text's checksum
and stored coverage brought up to date, so that ``validate`` checks every fragment against it:

- bands printed with signs: < and > exclude the number they bound, ≥ and ≤ include it;
- a band printed as a range with its unit once (80至89分): its first number is its lower bound;
- integer bands one point apart (80分至89分, 90分以上): a score between them may take the grade
  of either band beside the gap;
- a grade whose band the report does not print: the score need only be outside the others;
- a bonus (加分) raises the cap of the score it adds to by its own maximum.
"""

from __future__ import annotations

import hashlib
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

import fundanalysis as fa
from fundanalysis.audit.grades import _excluded
from fundanalysis.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "scorecard"
HEADER = (
    "indicator_id,parent_id,indicator,indicator_en,kind,max_score,score,grade,"
    "max_score_printed,score_printed,section_id\n"
)
GRADES_HEADER = (
    "grade,grade_en,min_score,min_score_printed,max_score,max_score_printed,section_id\n"
)
PARTS = (
    ("input", "投入环节", "putting funds in", "20"),
    ("transfer", "拨付环节", "passing funds on", "20"),
    ("oversight", "监管环节", "oversight", "20"),
    ("effect", "成效环节", "effects", "40"),
)


def _write(
    tmp_path: Path,
    monkeypatch,
    score: str,
    grade: str,
    bands: list[tuple[str, str, str, str]],
    parts: tuple[str, ...] = (),
    full: bool = False,
    bonus: tuple[str, str] | None = None,
    validated: bool = True,
) -> Path:
    """The fixture with its section 四 rewritten: overall ``score`` graded ``grade``, the four
    parts ``parts`` (by default 18, 19, 18.5 and what is left of ``score``), ``full``: the
    overall 满分100分 printed, ``bonus``: a 加分 of (its maximum or "", its score), and the
    grade ``bands`` as (grade, grade_en, min_score, max_score, the phrase printing them);
    ``validated``: whether the data is meant to validate."""
    monkeypatch.delenv("FUNDANALYSIS_SOURCES", raising=False)
    target = tmp_path / "scorecard"
    shutil.copytree(FIXTURE, target)
    parts = parts or ("18", "19", "18.5", str(Decimal(score) - Decimal("55.5")))
    said = f"本县对照评价办法逐项打分，自评总得分{score}分，定为{grade}等"
    overall_max = ("100", "满分100分") if full else ("", "")
    rows = [
        f"overall,,综合得分,overall score,总分,{overall_max[0]},{score},{grade},"
        f"{overall_max[1]},{said},S-4"
    ]
    pieces = []
    for (key, name, name_en, cap), points in zip(PARTS, parts, strict=True):
        rows.append(
            f"{key},overall,{name},{name_en},指标,{cap},{points},,满分{cap}分,{name}{points}分,S-4"
        )
        pieces.append(f"{name}{points}分（满分{cap}分）")
    extra = ""
    if bonus is not None:
        cap, points = bonus
        limit = f"加分项至多{cap}分" if cap else ""
        rows.append(f"extra,overall,加分,bonus,加分,{cap},{points},,{limit},另加{points}分,S-4")
        extra = f"；因工作获省级表彰另加{points}分" + (f"（{limit}）" if cap else "")
    (target / "scores.csv").write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    phrases = [phrase for *_, phrase in bands]
    grade_rows = [
        f"{g},{g_en},{low},{phrase if low else ''},{high},{phrase if high else ''},S-4"
        for g, g_en, low, high, phrase in bands
    ]
    (target / "grades.csv").write_text(
        GRADES_HEADER + "\n".join(grade_rows) + "\n", encoding="utf-8"
    )
    paragraph = (
        ("按评价办法（满分100分），" if full else "")
        + said
        + "。分项得分："
        + "，".join(pieces)
        + extra
        + "。等次划分："
        + "；".join(phrases)
        + "。"
    )
    source = target / "source" / "scorecard-2017.md"
    text = source.read_text(encoding="utf-8")
    start = text.index("四、自评得分") + len("四、自评得分\n\n")
    end = text.index("\n\n某某县财政局")
    text = text[:start] + paragraph + text[end:]
    source.write_text(text, encoding="utf-8")
    toml = target / "report.toml"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    old = "0a96d603c51b21da2b364a6ba100f8c791a3c65198ae1a4ee6325e61cc9f7390"
    toml.write_text(toml.read_text(encoding="utf-8").replace(old, digest), encoding="utf-8")
    # a new text: its stored coverage is written again for it (by a run that validates too)
    assert main(["coverage", str(target), "--write"]) == (0 if validated else 1)
    return target


def _check(directory: Path, name: str = "score_grade_overall"):
    return fa.reconcile(directory).set_index("check").loc[name]


#: 优 from 90 up, 良 from 80 to below 90, 中 from 60 to below 80, 差 below 60, said in signs.
SIGNS = [
    ("优", "excellent", "90", "", "得分≥90分评为优"),
    ("良", "good", "80", "90", "80分≤得分<90分评为良"),
    ("中", "fair", "60", "80", "60分≤得分＜80分评为中"),
    ("差", "poor", "", "60", "得分＜60分评为差"),
]
#: The same bands with the bound first: 90>得分≥80.
SIGNS_FIRST = [
    ("优", "excellent", "90", "", "得分≥90分评为优"),
    ("良", "good", "80", "90", "90分>得分≥80分评为良"),
    ("中", "fair", "60", "80", "80分＞得分≥60分评为中"),
    ("差", "poor", "", "60", "60分>得分评为差"),
]
#: Bands in whole points, one point apart.
WHOLE = [
    ("优", "excellent", "90", "", "90分以上为优"),
    ("良", "good", "80", "89", "80分至89分为良"),
    ("中", "fair", "60", "79", "60分至79分为中"),
    ("差", "poor", "", "59", "59分以下为差"),
]


@pytest.mark.parametrize(
    ("printed", "bound", "low", "excluded"),
    [
        ("80分≤总分<90分为良", "90", False, True),
        ("总分＜90", "90", False, True),
        ("90>总分≥80", "90", False, True),
        ("90分＞总分", "90", False, True),
        ("总分>80分", "80", True, True),
        ("80<总分", "80", True, True),
        ("80分≤总分<90分为良", "80", True, False),
        ("总分<=90分", "90", False, False),
        ("总分＜＝90分", "90", False, False),
        ("80分<=总分", "80", True, False),
        ("总分≥90分", "90", True, False),
    ],
)
def test_signs_exclude_or_include_the_bound_they_print(printed, bound, low, excluded):
    assert _excluded(printed, bound, low) is excluded


@pytest.mark.parametrize("bands", [SIGNS, SIGNS_FIRST], ids=["sign-after", "bound-first"])
def test_a_score_on_a_bound_a_sign_excludes_is_not_in_that_band(tmp_path, monkeypatch, bands):
    directory = _write(tmp_path, monkeypatch, "90", "良", bands)
    check = _check(directory)
    assert check["status"] == "discrepancy"
    assert "应评为“优”，报告评为“良”" in check["note"]
    assert "earn 'excellent'" in check["note_en"]
    assert main(["validate", str(directory)]) == 1


@pytest.mark.parametrize(("score", "grade"), [("89", "良"), ("90", "优"), ("80", "良")])
def test_a_score_inside_a_band_printed_with_signs_takes_its_grade(
    tmp_path, monkeypatch, capsys, score, grade
):
    directory = _write(tmp_path, monkeypatch, score, grade, SIGNS)
    assert _check(directory)["status"] == "ok"
    assert main(["validate", str(directory)]) == 0, capsys.readouterr().out


@pytest.mark.parametrize("dash", ["至", "-", "～", "—"])
def test_the_first_number_of_a_range_agrees_as_its_lower_bound(tmp_path, monkeypatch, capsys, dash):
    bands = [
        ("优", "excellent", "90", "", "90分以上为优"),
        ("良", "good", "80", "89", f"80{dash}89分为良"),
        ("中", "fair", "60", "79", f"60{dash}79分为中"),
    ]
    directory = _write(tmp_path, monkeypatch, "85", "良", bands)
    assert main(["validate", str(directory)]) == 0, capsys.readouterr().out
    assert _check(directory)["status"] == "ok"


@pytest.mark.parametrize(("low", "high"), [("89", "89"), ("80", "80")])
def test_the_wrong_end_of_a_range_does_not_agree(tmp_path, monkeypatch, capsys, low, high):
    bands = [
        ("优", "excellent", "90", "", "90分以上为优"),
        ("良", "good", low, high, "80至89分为良"),
    ]
    directory = _write(tmp_path, monkeypatch, "95", "优", bands, validated=False)
    capsys.readouterr()
    assert main(["validate", str(directory)]) == 1
    out = capsys.readouterr().out
    column = "min_score" if low == "89" else "max_score"
    (line,) = [x for x in out.splitlines() if "grades.csv" in x]
    assert f"'{column}'" in line and "80至89分为良" in line


@pytest.mark.parametrize("grade", ["良", "优"])
def test_a_score_in_the_gap_of_whole_point_bands_takes_either_grade_beside_it(
    tmp_path, monkeypatch, capsys, grade
):
    directory = _write(tmp_path, monkeypatch, "89.5", grade, WHOLE)
    check = _check(directory)
    assert check["status"] == "ok"
    assert "空隙" in check["note"] and "“良”或“优”" in check["note"]
    assert "gap" in check["note_en"] and "'good' or 'excellent'" in check["note_en"]
    assert main(["validate", str(directory)]) == 0, capsys.readouterr().out


def test_a_score_in_a_gap_takes_no_grade_but_those_beside_it(tmp_path, monkeypatch):
    check = _check(_write(tmp_path, monkeypatch, "89.5", "中", WHOLE))
    assert check["status"] == "discrepancy"
    assert "报告评为“中”" in check["note"]


def test_a_gap_of_the_bands_printed_precision_counts_in_its_own_digits(tmp_path, monkeypatch):
    bands = [
        ("优", "excellent", "90", "", "90分以上为优"),
        ("良", "good", "80", "89.9", "80分至89.9分为良"),
    ]
    assert _check(_write(tmp_path, monkeypatch, "89.95", "良", bands))["status"] == "ok"


def test_a_score_far_from_every_band_is_in_none(tmp_path, monkeypatch):
    bands = [
        ("优", "excellent", "90", "", "90分以上为优"),
        ("良", "good", "80", "84", "80分至84分为良"),
        ("中", "fair", "60", "79", "60分至79分为中"),
    ]
    check = _check(_write(tmp_path, monkeypatch, "86", "良", bands))
    assert check["status"] == "discrepancy"
    assert "86 分不在报告所列任何等级的分数段内" in check["note"]


ONLY_TOP = [("优", "excellent", "90", "", "总得分达到90分以上的评为优")]


def test_a_grade_whose_band_is_not_printed_holds_outside_the_bands_printed(
    tmp_path, monkeypatch, capsys
):
    directory = _write(tmp_path, monkeypatch, "85", "良", ONLY_TOP)
    check = _check(directory)
    assert check["status"] == "ok"
    assert check["note"] == "报告未列“良”的分数段；85 分不在所列其他等级的分数段内，一致。"
    assert check["note_en"] == (
        "The report prints no band for 'good'; 85 points fall in none of the other bands it "
        "prints: they agree."
    )
    assert main(["validate", str(directory)]) == 0, capsys.readouterr().out


def test_a_grade_whose_band_is_not_printed_fails_inside_another_band(tmp_path, monkeypatch):
    check = _check(_write(tmp_path, monkeypatch, "95", "良", ONLY_TOP))
    assert check["status"] == "discrepancy"
    assert "95 分按报告所列等级标准应评为“优”，报告评为“良”" in check["note"]
    assert "the report gives 'good'" in check["note_en"]


def test_a_grade_word_with_no_english_is_quoted_as_printed(tmp_path, monkeypatch):
    check = _check(_write(tmp_path, monkeypatch, "85", "较好", ONLY_TOP))
    assert check["status"] == "ok"
    assert "no band for '较好'" in check["note_en"]


def test_a_bonus_raises_the_cap_of_the_score_it_adds_to(tmp_path, monkeypatch, capsys):
    directory = _write(
        tmp_path,
        monkeypatch,
        "102",
        "优",
        ONLY_TOP,
        parts=("20", "20", "20", "40"),
        full=True,
        bonus=("5", "2"),
    )
    cap = _check(directory, "score_cap_overall")
    assert cap["status"] == "ok"
    assert "合计上限 105 分" in cap["note"] and "105 in all" in cap["note_en"]
    assert main(["validate", str(directory)]) == 0, capsys.readouterr().out


def test_a_bonus_printed_without_its_maximum_raises_the_cap_by_its_score(tmp_path, monkeypatch):
    directory = _write(
        tmp_path,
        monkeypatch,
        "103",
        "优",
        ONLY_TOP,
        parts=("20", "20", "20", "40"),
        full=True,
        bonus=("", "3"),
    )
    assert _check(directory, "score_cap_overall")["status"] == "ok"


def test_with_no_bonus_a_score_above_its_maximum_fails_in_both_languages(
    tmp_path, monkeypatch, capsys
):
    directory = _write(
        tmp_path, monkeypatch, "101", "优", ONLY_TOP, parts=("20", "20", "20", "41"), full=True
    )
    assert _check(directory, "score_cap_overall")["status"] == "discrepancy"
    assert main(["validate", str(directory)]) == 1
    out = capsys.readouterr().out
    (line,) = [x for x in out.splitlines() if "score_cap_overall" in x]
    assert "得分 101 分，分值 100 分。得分超过分值。" in line
    assert "The score exceeds its maximum." in line and "stated 100" not in line


@pytest.mark.parametrize(
    ("printed", "excluded"),
    [
        ("总分90分以上（不含加分）为优", False),  # the bonus is left out, not the bound
        ("90分以上（不含90分）为优", True),
        ("90分以上（不含本数）为优", True),
        ("90分以上（不含）为优", True),
    ],
)
def test_bu_han_excludes_the_bound_only_where_it_names_it(printed, excluded):
    assert _excluded(printed, "90", low=True) is excluded


def test_a_bonus_under_a_part_raises_the_cap_of_the_whole_too():
    import pandas as pd

    from fundanalysis.audit.scorecard import _bonus_cap

    rows = [  # indicator_id, parent_id, kind, max_score, score
        ("overall", None, "总分", "100", "102"),
        ("effect", "overall", "指标", "40", "43"),
        ("effect_base", "effect", "指标", "40", "40"),
        ("innovation", "effect", "加分", "5", "3"),
        ("input", "overall", "指标", "60", "59"),
        ("penalty", "input", "扣分", "", "1"),
    ]
    scores = pd.DataFrame(rows, columns=["indicator_id", "parent_id", "kind", "max_score", "score"])
    assert _bonus_cap(scores, "effect") == "5"
    assert _bonus_cap(scores, "overall") == "5"  # 102 ≤ 100 + 5
    assert _bonus_cap(scores, "input") == ""  # a deduction raises no cap
