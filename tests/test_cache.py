"""The on-disk result cache: reused only for the same bytes and code, never a different answer."""

from __future__ import annotations

import importlib
from pathlib import Path

import pandas as pd
import pytest

from fundanalysis.data import tables
from fundanalysis.data.errors import DataError
from fundanalysis.store import cache

# The module, not the function of the same name that the package exports.
reconcile = importlib.import_module("fundanalysis.audit.reconcile")


@pytest.fixture
def cache_root(tmp_path: Path, monkeypatch) -> Path:
    """An empty cache of this test's own; the in-process memories are forgotten around it."""
    root = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(root))
    monkeypatch.setattr(tables, "_CACHE", {})
    monkeypatch.setattr(reconcile, "_RESULTS", {})
    return root


def _forget() -> None:
    """Forget what this process loaded, as a new process would."""
    tables._CACHE.clear()
    reconcile._RESULTS.clear()


def _refuse(*_args, **_kwargs):
    raise AssertionError("computed again although the cache holds the result")


def test_a_new_process_reads_the_stored_tables_and_checks(tiny_dir, cache_root, monkeypatch):
    built = tables.load_report_tables(tiny_dir)
    checks = reconcile.reconcile(tiny_dir)
    assert sorted(p.name.split("-")[1] for p in cache_root.iterdir()) == [
        "checks.pickle",
        "tables.pickle",
    ]
    _forget()
    monkeypatch.setattr(tables, "_build", _refuse)
    monkeypatch.setattr(reconcile, "_checks", _refuse)
    stored = tables.load_report_tables(tiny_dir)
    assert stored.lines == built.lines
    assert stored.info == built.info
    assert stored.tables.keys() == built.tables.keys()
    for name, frame in built.tables.items():
        pd.testing.assert_frame_equal(stored.tables[name], frame)
    pd.testing.assert_frame_equal(reconcile.reconcile(tiny_dir), checks)


def test_the_stored_result_is_what_an_uncached_load_gives(tiny_dir, cache_root, monkeypatch):
    tables.load_report_tables(tiny_dir)
    _forget()
    stored = tables.load_report_tables(tiny_dir)
    _forget()
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    fresh = tables.load_report_tables(tiny_dir)
    for name, frame in fresh.tables.items():
        pd.testing.assert_frame_equal(stored.tables[name], frame)


def test_a_changed_byte_is_loaded_afresh(tiny_dir, cache_root):
    before = tables.load_report_tables(tiny_dir).tables["allocations"]
    assert before.loc[0, "amount_fen"] == 30_000_000
    path = tiny_dir / "allocations.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            ",30,万元,T-1,甲县 30 万元", ",31,万元,T-1,甲县 31 万元"
        ),
        encoding="utf-8",
    )
    _forget()
    assert (
        tables.load_report_tables(tiny_dir).tables["allocations"].loc[0, "amount_fen"] == 31_000_000
    )


def test_a_change_of_code_is_loaded_afresh(tiny_dir, cache_root, monkeypatch):
    tables.load_report_tables(tiny_dir)
    _forget()
    calls = []
    original = tables._build
    monkeypatch.setattr(tables, "_build", lambda d: calls.append(d) or original(d))
    monkeypatch.setattr(cache, "code_digest", lambda: b"another version of the library")
    tables.load_report_tables(tiny_dir)
    assert calls == [tiny_dir.resolve()]


def test_a_directory_with_problems_is_never_stored(tiny_dir, cache_root):
    path = tiny_dir / "budget.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header, first = lines[0], lines[1].split(",")
    first[header.split(",").index("amount")] = "12x"
    path.write_text("\n".join([header, ",".join(first), *lines[2:]]) + "\n", encoding="utf-8")
    for _ in range(2):
        _forget()
        with pytest.raises(DataError, match=r"budget\.csv"):
            tables.load_report_tables(tiny_dir)
    assert not cache_root.exists() or not list(cache_root.iterdir())


def test_a_damaged_cache_file_is_ignored(tiny_dir, cache_root):
    expected = tables.load_report_tables(tiny_dir).tables["allocations"]
    for entry in cache_root.iterdir():
        entry.write_bytes(b"not a pickle")
    _forget()
    pd.testing.assert_frame_equal(
        tables.load_report_tables(tiny_dir).tables["allocations"], expected
    )


def test_a_flipped_byte_in_a_cache_file_is_never_read(tiny_dir, cache_root):
    expected = tables.load_report_tables(tiny_dir).tables["allocations"]
    (entry,) = cache_root.glob("*-tables.pickle")
    data = bytearray(entry.read_bytes())
    for at in range(len(data) // 3, len(data) - 60, max(1, len(data) // 12)):
        damaged = data.copy()
        damaged[at] ^= 0x01
        entry.write_bytes(bytes(damaged))
        _forget()
        loaded = tables.load_report_tables(tiny_dir).tables["allocations"]
        pd.testing.assert_frame_equal(loaded, expected)


def test_a_pipe_where_a_table_should_be_is_refused_not_waited_on(tiny_dir, cache_root):
    import os

    (tiny_dir / "budget.csv").unlink()
    os.mkfifo(tiny_dir / "budget.csv")
    with pytest.raises(DataError, match="not a file"):
        tables.load_report_tables(tiny_dir)


def test_nothing_is_stored_once_the_code_changed_under_the_process(
    tiny_dir, cache_root, monkeypatch
):
    monkeypatch.setattr(cache, "_sources", lambda: b"the package as edited after import")
    tables.load_report_tables(tiny_dir)
    assert not cache_root.exists() or not list(cache_root.iterdir())


def test_a_cache_under_the_home_directory_is_found_there(tiny_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv(cache.CACHE_ENV, "~/my cache")
    monkeypatch.setattr(tables, "_CACHE", {})
    tables.load_report_tables(tiny_dir)
    assert len(list((tmp_path / "my cache").iterdir())) == 1


@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_a_cache_file_cut_short_is_ignored(tiny_dir, cache_root, keep):
    expected = tables.load_report_tables(tiny_dir).tables["allocations"]
    for entry in cache_root.iterdir():
        data = entry.read_bytes()
        entry.write_bytes(data[: int(len(data) * keep)])
    _forget()
    pd.testing.assert_frame_equal(
        tables.load_report_tables(tiny_dir).tables["allocations"], expected
    )


@pytest.mark.parametrize("setting", ["off", "0", ""])
def test_the_cache_can_be_turned_off(tiny_dir, tmp_path, monkeypatch, setting):
    monkeypatch.setenv(cache.CACHE_ENV, setting)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(tables, "_CACHE", {})
    tables.load_report_tables(tiny_dir)
    assert cache.cache_dir() is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tiny"]


def test_a_cache_that_cannot_be_written_costs_nothing_but_time(tiny_dir, tmp_path, monkeypatch):
    blocker = tmp_path / "a file, not a directory"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))
    monkeypatch.setattr(tables, "_CACHE", {})
    assert len(tables.load_report_tables(tiny_dir).tables["allocations"]) == 4
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a file, not a directory", "tiny"]


# --- charts -------------------------------------------------------------------------------

DRAWN: list[str] = []


def _allocations_chart(report, lang: str):
    """A small chart of the report's allocations; records that it was drawn."""
    from matplotlib.figure import Figure

    from fundanalysis.publish.present import Chart

    DRAWN.append(lang)
    figure = Figure(figsize=(3, 2))
    allocations = report.tables["allocations"]
    figure.subplots().bar(range(len(allocations)), allocations["amount_fen"])
    return Chart(figure, f"{lang}: {allocations['amount_fen'].sum()}")


@pytest.fixture
def packaged_chart(monkeypatch):
    """``_allocations_chart`` as if it were one of the package's charts (only those are cached)."""
    from fundanalysis.publish import charts
    from fundanalysis.publish.charts import LazyChart, funding

    monkeypatch.setitem(charts.CHARTS, "test_allocations_chart", "funding")
    monkeypatch.setattr(funding, "test_allocations_chart", _allocations_chart, raising=False)
    return LazyChart("test_allocations_chart")


@pytest.fixture
def shown(monkeypatch) -> list[tuple[str, str]]:
    """What show_chart displays, as (language, alt text); the drawing record emptied."""
    from fundanalysis.publish import present

    outputs: list[tuple[str, str]] = []
    monkeypatch.setattr(
        present, "_display", lambda bundle, lang: outputs.append((lang, bundle["text/plain"]))
    )
    DRAWN.clear()
    return outputs


def test_a_chart_is_drawn_once_for_the_same_tables(tiny_dir, cache_root, shown, packaged_chart):
    from fundanalysis.audit.audited import load_report
    from fundanalysis.publish.present import show_chart

    show_chart(packaged_chart, load_report(tiny_dir))
    _forget()
    show_chart(packaged_chart, load_report(tiny_dir))  # as a new kernel would
    assert DRAWN == ["zh", "en"]
    assert shown == [("zh", "zh: 170000000"), ("en", "en: 170000000")] * 2


def test_a_chart_of_changed_tables_is_drawn_again(tiny_dir, cache_root, shown, packaged_chart):
    from fundanalysis.audit.audited import load_report
    from fundanalysis.publish.present import show_chart

    show_chart(packaged_chart, load_report(tiny_dir))
    report = load_report(tiny_dir)
    report.tables["allocations"].loc[0, "amount_fen"] = 1  # changed in memory, not on disk
    show_chart(packaged_chart, report)
    assert DRAWN == ["zh", "en", "zh", "en"]
    assert shown[-1] == ("en", "en: 140000001")


def test_a_chart_under_other_matplotlib_settings_is_drawn_again(
    tiny_dir, cache_root, shown, packaged_chart
):
    import matplotlib as mpl

    from fundanalysis.audit.audited import load_report
    from fundanalysis.publish.present import show_chart

    report = load_report(tiny_dir)
    show_chart(packaged_chart, report)
    with mpl.rc_context({"axes.facecolor": "#eeeeee"}):
        show_chart(packaged_chart, report)
    assert DRAWN == ["zh", "en", "zh", "en"]


def test_a_chart_with_checks_changed_in_memory_is_drawn_again(
    tiny_dir, cache_root, shown, packaged_chart
):
    from fundanalysis.audit.audited import load_report
    from fundanalysis.publish.present import show_chart

    report = load_report(tiny_dir)
    show_chart(packaged_chart, report)
    report.checks["status"] = "ok"  # the report's own copy of its checks, edited
    show_chart(packaged_chart, report)
    assert DRAWN == ["zh", "en", "zh", "en"]


def test_charts_of_the_users_own_functions_are_drawn_every_time(tiny_dir, cache_root, shown):
    import functools

    from fundanalysis.audit.audited import load_report
    from fundanalysis.publish.present import show_chart

    report = load_report(tiny_dir)
    for make in (_allocations_chart, _allocations_chart, functools.partial(_allocations_chart)):
        show_chart(make, report)
    assert DRAWN == ["zh", "en"] * 3
    assert not list(cache_root.glob("*chart*"))


def test_a_table_changed_in_memory_does_not_change_the_next_load(tiny_dir, cache_root):
    from fundanalysis.audit.audited import load_report
    from fundanalysis.data.loaders import load_all, load_table

    first = load_table("allocations", tiny_dir)
    first.loc[first.index[0], "amount_fen"] = 1
    first["place"] = "改过"
    report = load_report(tiny_dir)
    in_report = report.tables["allocations"]
    in_report.loc[0, "amount_fen"] = 2
    every = load_all(tiny_dir)
    in_all = every["allocations"]
    in_all.loc[0, "amount_fen"] = 3
    assert (in_report.loc[0, "amount_fen"], in_all.loc[0, "amount_fen"]) == (2, 3)
    again = load_table("allocations", tiny_dir)
    assert again.loc[0, "amount_fen"] == 30_000_000
    assert again.loc[0, "place"] == "甲县"


def test_frames_that_pandas_hashes_alike_are_told_apart() -> None:
    from fundanalysis.publish.chartkeys import _frame_digest

    numbers = pd.DataFrame({"x": pd.Series([1, 2], dtype=object)})
    texts = pd.DataFrame({"x": pd.Series(["1", 2], dtype=object)})
    assert _frame_digest(numbers) != _frame_digest(texts)
    ordered = pd.DataFrame({"x": pd.Categorical(["a", "b"], ordered=True)})
    unordered = pd.DataFrame({"x": pd.Categorical(["a", "b"], ordered=False)})
    assert _frame_digest(ordered) != _frame_digest(unordered)
    assert _frame_digest(numbers) == _frame_digest(numbers.copy())


def test_a_pandas_option_that_changes_a_load_changes_the_digest(tiny_dir):
    before = cache.content_digest(tiny_dir, tables.INPUT_FILES)
    with pd.option_context("mode.string_storage", "python"):
        assert cache.content_digest(tiny_dir, tables.INPUT_FILES) != before
    assert cache.content_digest(tiny_dir, tables.INPUT_FILES) == before


def test_a_file_changed_during_the_load_is_not_stored(tiny_dir, cache_root, monkeypatch):
    """Even when the change keeps the file's size and time, as `touch -d` can."""
    import os

    path = tiny_dir / "budget.csv"
    original = path.read_bytes()
    build = tables._build

    def build_while_edited(directory):
        stamp = path.stat()
        path.write_bytes(original.replace(b"120,", b"130,").replace(b"120 ", b"130 "))
        os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
        return build(directory)

    monkeypatch.setattr(tables, "_build", build_while_edited)
    tables.load_report_tables(tiny_dir)
    assert not cache_root.exists() or not list(cache_root.iterdir())


def test_a_font_registered_or_not_changes_the_chart_key(tiny_dir, cache_root, packaged_chart):
    from matplotlib import font_manager

    from fundanalysis.audit.audited import load_report
    from fundanalysis.publish.chartkeys import chart_key

    report = load_report(tiny_dir)
    before = chart_key(packaged_chart, (report,), {})
    extra = font_manager.findfont("DejaVu Sans")
    font_manager.fontManager.addfont(extra)
    try:
        assert chart_key(packaged_chart, (report,), {}) != before
    finally:
        font_manager.fontManager.ttflist.pop()
    assert chart_key(packaged_chart, (report,), {}) == before


def test_a_charts_key_does_not_depend_on_what_ran_before(tiny_dir, cache_root, packaged_chart):
    """Two notebooks draw the same chart, one after computing the report's checks: same key."""
    from fundanalysis.audit.audited import load_report
    from fundanalysis.publish.chartkeys import chart_key

    fresh = chart_key(packaged_chart, (load_report(tiny_dir),), {})
    used = load_report(tiny_dir)
    used.checks  # noqa: B018 - a view computes them before the chart
    used.findings  # noqa: B018
    assert chart_key(packaged_chart, (used,), {}) == fresh
