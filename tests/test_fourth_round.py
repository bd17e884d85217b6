"""What a fourth adversary round found, each case written here from our own inputs: a source's
address is one web address; a claim's test can fail; sums add like with like and name the
report's figures, not how the library holds them; a clause of what is right holds only amounts
the data has, however it writes them; a data directory's text is its own file."""

from __future__ import annotations

import pandas as pd
import pytest

import fundanalysis as fa
from fundanalysis.cli import main
from fundanalysis.data.errors import DataError


def _problems(directory) -> list[tuple[str, int | None, str | None]]:
    with pytest.raises(DataError) as caught:
        fa.load_report(directory).findings  # noqa: B018 (the findings are checked when built)
    assert "unexpected" not in str(caught.value)
    return [(p.file, p.row, p.column) for p in caught.value.problems]


def _replace(path, old: str, new: str) -> None:
    content = path.read_text(encoding="utf-8")
    assert old in content
    path.write_text(content.replace(old, new), encoding="utf-8")


def _texts(tiny_dir, address: str) -> None:
    with (tiny_dir / "report.toml").open("a", encoding="utf-8") as handle:
        handle.write(
            '\n[[texts]]\nfile = "t.md"\nsha256 = "' + "0" * 64 + '"\ndocuments = []\n'
            f"published_at = {address}\n"
        )


@pytest.mark.parametrize(
    "address",
    [
        '"javascript:alert(document.domain)"',
        '"https://example.org/a\\n\\n```{include} /etc/passwd\\n```"',
        '"https://example.org/a b"',
        '"/etc/passwd"',
        '"ftp://example.org/r.pdf"',
        '"https://"',
    ],
)
def test_a_source_address_is_one_web_address(tiny_dir, address):
    _texts(tiny_dir, address)
    assert ("report.toml", None, "texts[1].published_at") in _problems(tiny_dir)


def test_a_web_address_is_accepted(tiny_dir, capsys):
    _texts(tiny_dir, '"https://www.example.gov.cn/show-1.html?id=2&x=3"')
    assert main(["validate", str(tiny_dir)]) == 0, capsys.readouterr().out


@pytest.mark.parametrize("digit", ["²", "①", "٣"])
def test_a_filter_of_a_digit_that_is_not_ascii_is_named_at_its_cell(tiny_dir, digit):
    _replace(tiny_dir / "totals.csv", "budget_all,budget,,", f"budget_all,budget,year={digit},")
    assert ("totals.csv", 2, "filter") in _problems(tiny_dir)


@pytest.mark.parametrize(
    "test",
    ["increasing:budget.year", "all:carryover[]"],
)
def test_a_claim_test_that_cannot_fail_is_refused(tiny_dir, test):
    original = (
        "increasing:budget" if test.startswith("increasing") else "all:carryover[kind=质量保证金]"
    )
    _replace(tiny_dir / "claims.csv", original, test)
    assert ("claims.csv", 2 if original.startswith("increasing") else 3, "test") in _problems(
        tiny_dir
    )


def test_a_rise_over_a_single_year_is_refused(tiny_dir):
    for name in ("budget.csv",):
        _replace(tiny_dir / name, "2019,100,元,T-1,2019 年 100 元\n", "")
    problems = _problems(tiny_dir)
    assert ("claims.csv", 2, "test") in problems


@pytest.mark.parametrize(
    ("file", "old", "new", "column"),
    [
        (
            "totals.csv",
            "carry_a,carryover,place=甲县,amount,",
            "carry_a,carryover,place=甲县,amount_fen,",
            "measure",
        ),
        ("claims.csv", "all:carryover[kind=质量保证金]", "all:carryover[amount_fen=30100]", "test"),
        (
            "crosschecks.csv",
            "evaluated_funds[],transfers",
            "evaluated_funds[] - projects.project_count[] + projects.project_count[],transfers",
            "right",
        ),
    ],
)
def test_sums_name_figures_and_add_like_with_like(tiny_dir, file, old, new, column):
    _replace(tiny_dir / file, old, new)
    assert column in {c for f, _, c in _problems(tiny_dir) if f == file}


def _correct(tiny_dir, zh: str, en: str) -> None:
    path = tiny_dir / "findings.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    table.loc[table["finding_id"] == "F1", ["correct", "correct_en"]] = [zh, en]
    table.to_csv(path, index=False)


@pytest.mark.parametrize(
    "zh",
    ["乙县结转实为三百万元", "乙县结转实为３００万元", "乙县结转应为 3.33 元"],
)
def test_an_amount_the_data_lacks_is_refused_however_it_is_written(tiny_dir, zh, capsys):
    _correct(tiny_dir, zh, "County B carried over something else")
    assert main(["validate", str(tiny_dir)]) == 1
    out = capsys.readouterr().out
    assert "findings.csv, 第 2 行 (row 2), 列 column 'correct'" in out
    assert "internal error" not in out and "unexpected" not in out


def test_an_amount_the_data_has_is_accepted_in_another_unit(tiny_dir, capsys):
    # 3.34 万元 is County B's stated total: written in 元 it is the same amount
    _correct(tiny_dir, "乙县结转所述为 33400 元", "County B's stated carry-over is 33400 元")
    assert main(["validate", str(tiny_dir)]) == 0, capsys.readouterr().out


def test_a_link_in_the_data_directorys_own_source_folder_is_not_followed(tiny_dir, tmp_path):
    from fundanalysis.data.report import Text, find_text

    outside = tmp_path / "outside.md"
    outside.write_text("secret", encoding="utf-8")
    (tiny_dir / "source").mkdir()
    (tiny_dir / "source" / "t.md").symlink_to(outside)
    found = find_text(tiny_dir, Text("t.md", "0" * 64, (), ""))
    assert found.path is None and found.actual_sha256 is None
