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
    # 3.36 万元 is County B's stated total: written in 元 it is the same amount
    _correct(tiny_dir, "乙县结转所述为 33600 元", "County B's stated carry-over is 33600 元")
    assert main(["validate", str(tiny_dir)]) == 0, capsys.readouterr().out


def test_a_link_in_the_data_directorys_own_source_folder_is_not_followed(tiny_dir, tmp_path):
    from fundanalysis.data.report import Text, find_text

    outside = tmp_path / "outside.md"
    outside.write_text("secret", encoding="utf-8")
    (tiny_dir / "source").mkdir()
    (tiny_dir / "source" / "t.md").symlink_to(outside)
    found = find_text(tiny_dir, Text("t.md", "0" * 64, (), ""))
    assert found.path is None and found.actual_sha256 is None


# The scan reads what a reader sees: each page or file below shows "共100万元，其中中央60万元、
# 省级30万元、县级10万元" and hides a 500 that would break the sum if it were read.
SHOWN = "2020年财政专项扶贫资金共{}万元，其中，中央资金60万元，省级资金30万元，县级资金10万元。"


def _scanned(path) -> list[tuple[str, str]]:
    from fundanalysis.text.scan import read_text, scan_text

    result = scan_text(read_text(path))
    return [(r.kind, r.status) for r in result.relations]


@pytest.mark.parametrize(
    "hundred",
    [
        "<del>500</del>100",  # struck out as deleted
        "1&shy;00",  # a soft hyphen inside the figure
        "100<br>",  # a line break inside the sentence (the unit follows on the next line)
        '<span style="opacity:0">500</span>100',
        '<span style="display:inline-block;transform:scale(0)">500</span>100',
        '<span style="color:#fff;background:#fff">500</span>100',
        '<span style="position:absolute;left:-9999px">500</span>100',
        '<span style="clip:rect(0 0 0 0);position:absolute">500</span>100',
        '<span style="display:block;height:0;overflow:hidden">500</span>100',
        "<dialog>500</dialog>100",
    ],
)
def test_a_page_is_read_as_a_browser_shows_it(tmp_path, hundred):
    path = tmp_path / "page.html"
    body = SHOWN.format(hundred)
    path.write_text(f'<html><head><meta charset="utf-8"></head><body><p>{body}</p></body></html>')
    assert _scanned(path) == [("sum", "holds")]


def test_a_closed_details_shows_its_summary_only(tmp_path):
    path = tmp_path / "page.html"
    page = f"<p>{SHOWN.format(100)}</p><details><summary>附注</summary><p>共500万元</p></details>"
    path.write_text(f'<html><head><meta charset="utf-8"></head><body>{page}</body></html>')
    from fundanalysis.text.scan import read_text

    text = read_text(path)
    assert "附注" in text and "500" not in text


def test_a_markdown_comment_is_not_read(tmp_path):
    path = tmp_path / "r.md"
    path.write_text(f"# 甲县\n\n一、资金\n\n<!-- 旧稿：共500万元 -->{SHOWN.format(100)}\n")
    assert _scanned(path) == [("sum", "holds")]


_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


@pytest.mark.parametrize(
    "hidden",
    [
        "<w:moveFrom><w:r><w:t>中央资金60万元，</w:t></w:r></w:moveFrom>",  # moved away
        f'<mc:AlternateContent xmlns:mc="{_MC}"><mc:Choice Requires="wps"></mc:Choice>'
        "<mc:Fallback><w:r><w:t>另有500万元，</w:t></w:r></mc:Fallback></mc:AlternateContent>",
        '<w:r><w:rPr><w:sz w:val="1"/></w:rPr><w:t>另有500万元，</w:t></w:r>',
        '<w:r><w:rPr><w:color w:val="FFFFFF"/></w:rPr><w:t>另有500万元，</w:t></w:r>',
    ],
)
def test_word_text_a_reader_does_not_see_is_not_read(tmp_path, hidden):
    from test_second_round import _word_file

    first, rest = SHOWN.format(100).split("中央资金60万元，")
    body = (
        f"<w:p><w:r><w:t>{first}</w:t></w:r>{hidden}"
        f"<w:r><w:t>中央资金60万元，{rest}</w:t></w:r></w:p>"
    )
    assert _scanned(_word_file(tmp_path / "r.docx", body)) == [("sum", "holds")]


@pytest.mark.parametrize("where", ["off", "white"])
def test_pdf_text_off_the_page_or_in_white_is_not_read(tmp_path, where):
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    from fundanalysis.publish.charts.style import use_style

    use_style()  # a font with the Chinese glyphs, embedded as text
    figure = Figure(figsize=(8.27, 11.69))
    first, rest = SHOWN.format(100).split("中央资金60万元，")
    figure.text(0.05, 0.9, "甲县 2020 年度财政专项扶贫资金绩效自评报告")
    figure.text(0.05, 0.8, first + "中央资金60万元，")
    x, y, color = (3.0, 3.0, "black") if where == "off" else (0.05, 0.5, "white")
    figure.text(x, y, "另有500万元，", color=color)
    figure.text(0.05, 0.75, rest)
    path = tmp_path / "r.pdf"
    with matplotlib.rc_context({"pdf.fonttype": 42}):
        figure.savefig(path)
    assert _scanned(path) == [("sum", "holds")]


YI = """\
# 青山县2021年度财政专项扶贫资金绩效自评报告

## 一、资金投入

2021 年我县到位扶贫资金共计 1.2 亿元。其中：中央财政专项扶贫资金 8000 万元，2021 年 3 月 1 日拨付下达各乡镇；省级财政专项扶贫资金 4000 万元，2021 年 4 月 2 日拨付下达各乡镇。

青山县扶贫开发办公室
"""


def test_a_total_printed_in_yi_yuan_is_held_and_checked_exactly(tmp_path, capsys, monkeypatch):
    from test_draft import _fill_for_a_person, drafted

    target = drafted(tmp_path, monkeypatch, "qingshan-2021.md", YI, "qingshan-2021")
    _fill_for_a_person(target)
    capsys.readouterr()
    assert main(["validate", str(target)]) == 0, capsys.readouterr().out
    checks = fa.reconcile(target).set_index("check")
    (total,) = [c for c in checks.index if checks.loc[c, "stated"] == checks.loc[c, "computed"]]
    # 1.2 亿元 = 12000 万元 = 8000 + 4000, exactly
    assert checks.loc[total, "status"] == "ok" and checks.loc[total, "computed"] == 12000
