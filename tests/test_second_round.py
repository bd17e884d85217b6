"""What a second adversary round found, each case written here from our own inputs: a failing
scorecard check is a data problem that a finding can register; names a library measure owns
and ids the site owns are refused; English pages and downloads show what they should."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

import fundanalysis as fa
from fundanalysis.analysis import scores
from fundanalysis.cli import main
from fundanalysis.data.errors import DataError
from fundanalysis.publish import export
from fundanalysis.text.scan import read_text, scan_text

FINDINGS_HEADER = (
    "finding_id,title,title_en,checks,correction_ids,explanation,explanation_en,correct,"
    "correct_en,quote_section,quote\n"
)


@pytest.fixture
def misgraded(scorecard_dir: Path) -> Path:
    """The scorecard fixture with its grade printed as 良 for a score of 92.5 (优 from 90)."""
    shutil.rmtree(scorecard_dir / "source")
    path = scorecard_dir / "scores.csv"
    content = path.read_text(encoding="utf-8")
    old = "92.5,优,,自评综合得分92.5分，评价等级为优"
    assert old in content
    path.write_text(content.replace(old, "92.5,良,,自评综合得分92.5分，评价等级为良"), "utf-8")
    return scorecard_dir


def test_a_failing_scorecard_check_is_a_data_problem_at_its_row(misgraded, capsys):
    assert main(["validate", str(misgraded)]) == 1
    out = capsys.readouterr().out
    assert "scores.csv" in out and "score_grade_overall" in out and "internal error" not in out
    assert "9E+1" not in out  # the band's threshold is written as 90


def test_a_failing_scorecard_check_can_be_registered_as_a_finding(misgraded, capsys):
    (misgraded / "findings.csv").write_text(
        FINDINGS_HEADER + "F1,等级与得分不符,The grade does not match the score,"
        "score_grade_overall,,92.5 分应评为优,92.5 points is 优 (excellent),,,,\n",
        encoding="utf-8",
    )
    assert main(["validate", str(misgraded)]) == 0, capsys.readouterr().out
    assert "F1" in set(fa.load_report(misgraded).findings["finding"])


def test_a_library_measure_under_its_chinese_name_is_refused(tiny_dir):
    with (tiny_dir / "vocabulary.csv").open("a", encoding="utf-8") as handle:
        handle.write("poverty_measure,贫困发生率,poverty incidence,\n")
    (tiny_dir / "poverty.csv").write_text(
        "measure,value,unit,as_of,as_of_printed,section_id,printed\n"
        "贫困发生率,120,户,,,T-1,贫困发生率120户\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        fa.load_report(tiny_dir)
    refused = [(p.file, p.row, p.column) for p in caught.value.problems]
    assert ("poverty.csv", 2, "measure") in refused


@pytest.mark.parametrize("reserved", ["en", "search", "genindex"])
def test_an_id_the_site_itself_uses_is_refused(tiny_dir, reserved, capsys):
    path = tiny_dir / "report.toml"
    content = path.read_text(encoding="utf-8")
    assert 'id = "tiny' in content
    start = content.index('id = "') + 6
    end = content.index('"', start)
    path.write_text(content[:start] + reserved + content[end:], encoding="utf-8")
    assert main(["validate", str(tiny_dir)]) == 1
    assert "report.id" in capsys.readouterr().out


def test_the_scorecard_shows_its_grade_in_english(scorecard_dir):
    table = scores.scorecard(fa.load_report(scorecard_dir)).set_index("kind")
    assert table.loc["总分", "grade"] == "优" and table.loc["总分", "grade_en"] == "excellent"


def test_checks_csv_writes_plain_decimals(scorecard_dir):
    checks = fa.reconcile(scorecard_dir)
    written = export.csv_text(list(checks.columns), checks.values.tolist())
    assert "E+" not in written and "E-" not in written
    assert ",20950," in written or ",20950\r" in written  # 20.95 千米 of road, in 米


def test_a_number_of_sixty_digits_is_not_read_as_a_figure():
    long = "1" * 61
    result = scan_text(
        f"一、资金\n共下达资金{long}万元，其中中央资金1万元、省级资金2万元。\n", "t.md"
    )
    assert all(long not in f.printed for f in result.figures)


def _word_file(path: Path, body: str) -> Path:
    """A minimal .docx whose document body is ``body`` (WordprocessingML), written by hand."""
    namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org'
            '/package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
            '"application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>'
        ),
        "word/document.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{namespace}">'
            f"<w:body>{body}</w:body></w:document>"
        ),
    }
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def _run(text: str, hidden: bool = False) -> str:
    properties = "<w:rPr><w:vanish/></w:rPr>" if hidden else ""
    return f"<w:r>{properties}<w:t>{text}</w:t></w:r>"


SUM = "共下达资金500万元，其中：中央资金300万元，省级资金200万元。"


@pytest.mark.parametrize(
    "wrap",
    [
        lambda r: f"<w:p><w:ins>{r}</w:ins></w:p>",  # a tracked insertion
        lambda r: f"<w:sdt><w:sdtContent><w:p>{r}</w:p></w:sdtContent></w:sdt>",  # a control
        lambda r: f'<w:p><w:fldSimple w:instr="MERGEFIELD x">{r}</w:fldSimple></w:p>',
    ],
)
def test_word_text_inside_insertions_controls_and_fields_is_read(tmp_path, wrap):
    path = _word_file(tmp_path / "r.docx", wrap(_run(SUM)))
    assert "500万元" in read_text(path)


def test_hidden_and_deleted_word_text_is_not_read(tmp_path):
    body = (
        f"<w:p>{_run(SUM)}</w:p><w:p>{_run('另下达资金7777万元。', hidden=True)}</w:p>"
        "<w:p><w:del><w:r><w:delText>另下达资金8888万元。</w:delText></w:r></w:del></w:p>"
    )
    text = read_text(_word_file(tmp_path / "r.docx", body))
    assert "500万元" in text and "7777" not in text and "8888" not in text


# A third round: the drafter and the new columns.

ROOT = Path(__file__).resolve().parents[1]
SCAN_TEXT = ROOT / "tests" / "fixtures" / "scan" / "bracket.md"


def test_draft_refuses_to_follow_a_link_out_of_its_directory(tmp_path, capsys):
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me", encoding="utf-8")
    target = tmp_path / "draft"
    (target / ".draft").mkdir(parents=True)
    (target / "REVIEW.md").symlink_to(outside)
    assert main(["draft", str(SCAN_TEXT), str(target)]) == 2
    assert outside.read_text(encoding="utf-8") == "keep me"
    assert "link" in capsys.readouterr().err
    linked = tmp_path / "linked"
    linked.mkdir()
    (tmp_path / "other").mkdir()
    (linked / ".draft").symlink_to(tmp_path / "other")
    assert main(["draft", str(SCAN_TEXT), str(linked)]) == 2
    assert list((tmp_path / "other").iterdir()) == []


def test_draft_names_a_file_saved_in_gbk_instead_of_failing(tmp_path, capsys):
    target = tmp_path / "draft"
    assert main(["draft", str(SCAN_TEXT), str(target)]) == 0
    (target / "sections.csv").write_bytes("章节".encode("gbk"))
    capsys.readouterr()
    assert main(["draft", str(SCAN_TEXT), str(target)]) == 2
    assert "sections.csv" in capsys.readouterr().err


def test_a_drafted_title_with_a_control_character_is_valid_toml(tmp_path):
    import tomllib

    text = tmp_path / "t.md"
    text.write_text("# 乙县2020年\x7f扶贫资金\n\n一、资金\n\n共 100 万元。\n", encoding="utf-8")
    assert main(["draft", str(text), str(tmp_path / "d")]) == 0
    tomllib.loads((tmp_path / "d" / "report.toml").read_text(encoding="utf-8"))


def test_a_finding_quoting_no_such_section_is_refused_at_its_cell(data_copy):
    path = data_copy / "findings.csv"
    content = path.read_text(encoding="utf-8")
    lines = content.splitlines()
    header = lines[0].split(",")
    assert header[-2:] == ["quote_section", "quote"]
    lines[-1] = lines[-1].rsplit(",", 2)[0] + ",NOPE,阿克苏来乡"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        fa.load_report(data_copy)
    assert ("findings.csv", "quote_section") in {(p.file, p.column) for p in caught.value.problems}


def test_an_incidence_above_a_hundred_percent_is_refused(tiny_dir):
    (tiny_dir / "poverty.csv").write_text(
        "measure,value,unit,as_of,as_of_printed,section_id,printed\n"
        "poverty_incidence,150,%,,,T-1,贫困发生率150%\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        fa.load_report(tiny_dir)
    assert [(p.row, p.column) for p in caught.value.problems] == [(2, "value")]


def test_the_workbook_writes_households_as_a_count(tmp_path):
    import openpyxl
    from conftest import workbook_sheet

    from fundanalysis.data.paths import shipped_reports

    report = fa.load_report(shipped_reports()[0])
    book = openpyxl.load_workbook(export.write_workbook(report, tmp_path / "b.xlsx"))
    sheet, header = workbook_sheet(book, "poverty")
    at = header.index("value") + 1
    formats = {sheet.cell(row=r, column=at).number_format for r in range(3, sheet.max_row + 1)}
    assert formats == {"#,##0"}
