"""Round five of an adversary's findings, each reproduced by hand: links in a data directory,
figures the draft placed as the poor population, a funding source's empty level, the downloads'
descriptor, and a scanned rate shown as a sum."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from fundanalysis.cli import main

ROOT = Path(__file__).resolve().parents[1]
SECRET = "SECRET_TOKEN=abc123"


def _outside(tmp_path: Path, name: str, header: str) -> Path:
    """A CSV outside the data directory whose cells a message must never show."""
    target = tmp_path / "outside" / name
    target.parent.mkdir(exist_ok=True)
    target.write_text(f"{header}\n{SECRET},1,人,,,T-1,1人\n", encoding="utf-8")
    return target


@pytest.mark.parametrize("name", ["poverty.csv", "supervision.csv", "coverage.csv", "report.toml"])
def test_a_data_file_that_is_a_link_is_refused_at_its_name_unread(tiny_dir, tmp_path, capsys, name):
    import fundanalysis as fa

    header = (tiny_dir / "poverty.csv").read_text(encoding="utf-8").splitlines()[0]
    target = _outside(tmp_path, name, header)
    (tiny_dir / name).unlink(missing_ok=True)
    (tiny_dir / name).symlink_to(target)
    assert main(["validate", str(tiny_dir)]) == 1
    out = capsys.readouterr().out
    assert f"{name}: 是符号链接" in out and "symbolic link" in out
    assert SECRET not in out
    with pytest.raises(fa.DataError) as refused:
        fa.load_report(tiny_dir)
    assert all(SECRET not in str(p) for p in refused.value.problems)


def test_a_link_to_a_file_of_the_same_directory_is_refused_too(tiny_dir, capsys):
    (tiny_dir / "spare.csv").write_bytes((tiny_dir / "supervision.csv").read_bytes())
    (tiny_dir / "supervision.csv").unlink()
    (tiny_dir / "supervision.csv").symlink_to(tiny_dir / "spare.csv")
    assert main(["validate", str(tiny_dir)]) == 1
    assert "supervision.csv: 是符号链接" in capsys.readouterr().out


def test_the_site_never_publishes_a_linked_table_as_printed(tiny_dir, tmp_path):
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        site_sources = importlib.import_module("site_sources")
    finally:
        sys.path.pop(0)
    assert site_sources._as_printed(tiny_dir / "poverty.csv")[0][0] == "measure"
    header = (tiny_dir / "poverty.csv").read_text(encoding="utf-8").splitlines()[0]
    (tiny_dir / "poverty.csv").unlink()
    (tiny_dir / "poverty.csv").symlink_to(_outside(tmp_path, "poverty.csv", header))
    with pytest.raises(site_sources.BuildError, match="symbolic link") as refused:
        site_sources._as_printed(tiny_dir / "poverty.csv")
    assert SECRET not in str(refused.value)


POVERTY_TEXT = (
    "# 某县2020年财政专项扶贫资金绩效自评报告\n\n某县财政局\n\n一、基本情况\n\n"
    "2020年初我县建档立卡贫困人口1200户4500人,其中未脱贫300户1000人。\n\n二、项目情况\n\n"
    "2020年共开展职业技能培训800人,带动贫困户务工就业650户,为贫困户发放小额信贷320户。\n"
    "全年带动贫困户210户增收。2020年底贫困户共有150户。2020年底贫困人口共有90户。\n"
    "2020年底非贫困户800户。截至2020年底，剩余贫困人口20户55人。\n"
)


def test_only_the_poor_population_itself_is_drafted_as_registered_poor() -> None:
    import csv
    import io

    from fundanalysis.text.draft import draft_text

    draft = draft_text(POVERTY_TEXT, "t.md")
    rows = list(csv.DictReader(io.StringIO(draft.files["poverty.csv"])))
    placed = [(r["measure"], r["value"], r["as_of"]) for r in rows]
    assert placed == [
        ("registered_poor_households", "1200", "2020-01-01"),
        ("registered_poor_people", "4500", "2020-01-01"),
        ("poor_households_remaining", "300", "2020-01-01"),
        ("poor_people_remaining", "1000", "2020-01-01"),
        ("registered_poor_households", "150", "2020-12-31"),
        ("poor_households_remaining", "20", "2020-12-31"),
        ("poor_people_remaining", "55", "2020-12-31"),
    ]
    review = draft.files["REVIEW.md"]
    for figure in ("800人", "650户", "320户", "210户", "800户"):
        assert figure in review  # unplaced, for a person
    # 90户 would take the key of 150户 (registered_poor_households, 2020-12-31): a person's call
    assert "90户" in review and "already" in review


def test_a_funding_source_without_a_level_is_named_in_the_vocabulary(tiny_dir, capsys) -> None:
    import fundanalysis as fa

    path = tiny_dir / "vocabulary.csv"
    text = path.read_text(encoding="utf-8")
    old = "funding_source,中央扶贫发展资金,Central development funds,中央\n"
    path.write_text(text.replace(old, old.removesuffix("中央\n") + "\n"), encoding="utf-8")
    with pytest.raises(fa.DataError) as refused:
        fa.load_report(tiny_dir)
    places = [(p.file, p.row, p.column) for p in refused.value.problems]
    assert places == [("vocabulary.csv", 10, "parent")]
    assert "中央扶贫发展资金" in refused.value.problems[0].message


def test_the_downloads_descriptor_describes_every_csv_they_ship(tiny_dir, tmp_path) -> None:
    import json

    import fundanalysis as fa

    sys.path.insert(0, str(ROOT / "tools"))
    try:
        site_sources = importlib.import_module("site_sources")
    finally:
        sys.path.pop(0)
    out = tmp_path / "out"
    site_sources.downloads(fa.load_report(tiny_dir), out)
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    described = {r["path"]: r for r in descriptor["resources"]}
    assert {p.name for p in out.glob("*.csv")} == set(described)
    for path in ("checks.csv", "findings-register.csv"):
        fields = described[path]["schema"]["fields"]
        assert [f["name"] for f in fields] == (out / path).read_text(
            encoding="utf-8-sig"
        ).splitlines()[0].split(",")
        assert all(f["description"] for f in fields)
    kinds = {f["name"]: f["type"] for f in described["checks.csv"]["schema"]["fields"]}
    assert kinds["stated"] == "number" and kinds["parts"] == "integer"
    amount = next(f for f in described["budget.csv"]["schema"]["fields"] if f["name"] == "amount")
    assert "10 decimals for 亿元" in amount["description"]


def test_a_scanned_rate_is_shown_as_a_quotient_not_a_sum() -> None:
    from fundanalysis.audit.scanned import checked_scan

    table = checked_scan(ROOT / "data" / "mancheng-2019").set_index("relation")
    assert table.loc["r7", "kind"] == "rate"
    assert table.loc["r7", "parts"] == "920.14万元 ÷ 955万元"  # was "920.14万元 + 955万元"
    assert table.loc["r6", "parts"] == "792.94万元 + 7.2万元 + 20万元 + 100万元"


def test_review_shows_each_possible_relation_with_its_own_operator() -> None:
    from types import SimpleNamespace

    from fundanalysis.text.draft.drafting import _possible

    def figure(printed: str, start: int) -> SimpleNamespace:
        return SimpleNamespace(printed=printed, start=start)

    text = "支出率96.4%。中央资金60万元。"
    rate = SimpleNamespace(
        kind="rate",
        status="rounding",
        total=figure("96.4%", 3),
        parts=[figure("920.14万元", 0), figure("955万元", 0)],
    )
    part = SimpleNamespace(
        kind="part", status="holds", total=figure("100万元", 9), parts=[figure("60万元", 9)]
    )
    lines = [line for _, line in _possible(SimpleNamespace(text=text, possible=[rate, part]))]
    assert lines[0].endswith("96.4% = 920.14万元 ÷ 955万元")
    assert lines[1].endswith("60万元 ≤ 100万元")
