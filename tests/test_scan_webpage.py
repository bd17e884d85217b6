"""A saved web page is read as its reader sees it: hidden text is left out, nesting costs no
more than size, and the lines of paragraphs and table rows stay apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from fundanalysis.text.scan import read_text, scan_file

SHOWN = "共下达资金500万元，其中：中央资金300万元，省级资金200万元。"


def _page(tmp_path: Path, body: str, head: str = "") -> Path:
    path = tmp_path / "page.html"
    path.write_text(
        f'<html><head><meta charset="utf-8">{head}</head><body><p>{SHOWN}</p>{body}</body></html>',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("body", "head"),
    [
        ('<p style="display:none">另下达资金7777万元。</p>', ""),
        ('<p style="color:red; DISPLAY : none !important">另下达资金7777万元。</p>', ""),
        ('<div style="visibility: hidden"><span>另下达资金7777万元。</span></div>', ""),
        ("<p hidden>另下达资金7777万元。</p>", ""),
        ('<p class="x">另下达资金7777万元。</p>', "<style>.x { display: none }</style>"),
        ('<p id="y">另下达资金7777万元。</p>', "<style>p#y{visibility:hidden}</style>"),
        (
            '<div class="a"><p>另下达资金7777万元。</p></div>',
            "<style>/* c */ body > .a, .b { display:none; }</style>",
        ),
        ("<template><p>另下达资金7777万元。</p></template>", ""),
        ('<p style="font-size:0">另下达资金7777万元。</p>', ""),
        ('<input type="hidden" value="7777万元"><noscript>另下达资金7777万元。</noscript>', ""),
        ("<p>另下达资金<ruby>88<rt>7777</rt><rp>7777</rp></ruby>万元。</p>", ""),  # a gloss
        (
            '<p class="g">另下达资金88万元。</p>',
            '<style>.g::after{content:"7777"; display:none}</style>',
        ),
    ],
)
def test_text_the_page_hides_is_not_scanned(tmp_path, body, head):
    path = _page(tmp_path, body, head)
    text = read_text(path)
    assert "7777" not in text
    assert "500万元" in text


@pytest.mark.parametrize(
    ("body", "head"),
    [
        ('<p style="display:block">另下达资金7777万元。</p>', ""),
        (
            '<p class="x">另下达资金7777万元。</p>',
            "<style>@media print { .x { display:none } }</style>",
        ),
        ('<p class="x">另下达资金7777万元。</p>', "<style>.x:hover { display:none }</style>"),
        ('<p class="x">另下达资金7777万元。</p>', "<style>.other { display:none }</style>"),
        ('<p aria-hidden="true">另下达资金7777万元。</p>', ""),
        (
            '<p class="on">另下达资金7777万元。</p>',
            "<style>p{display:none} p.on{display:block}</style>",
        ),
        (
            '<p class="x" style="display:block">另下达资金7777万元。</p>',
            "<style>.x{display:none}</style>",
        ),
        ("<p>另下达资金7777万元。</p>", '<style media="print">p{display:none}</style>'),
        ("<p>另下达资金7777万元。</p>", "<template><style>p{display:none}</style></template>"),
    ],
)
def test_text_a_reader_sees_is_scanned(tmp_path, body, head):
    assert "7777万元" in read_text(_page(tmp_path, body, head))


@pytest.mark.parametrize(
    ("body", "head", "read"),
    [
        (
            '<p>另下达资金<span class="a"></span>万元。</p>',
            '<style>.a::before{content:"7777"}</style>',
            "另下达资金7777万元。",
        ),
        (
            '<p class="a">另下达资金</p>',
            "<style>p.a:after { content: '7777' '万元。' }</style>",
            "另下达资金7777万元。",
        ),
        (
            '<p>另下达资金<span class="a">77</span>万元。</p>',
            '<style>.a::before{content:"77"}.a::after{content:"77"}</style>',
            "另下达资金777777万元。",
        ),
    ],
)
def test_text_the_style_sheets_show_before_or_after_an_element_is_read(tmp_path, body, head, read):
    assert read in read_text(_page(tmp_path, body, head)).splitlines()


@pytest.mark.parametrize(
    "head",
    [
        '<style>.a::before{content:"7777"} .a::before{content:"8888"}</style>',  # rules disagree
        "<style>.a::before{content:attr(title)}</style>",  # not plain text
        '<style media="print">.a::before{content:"7777"}</style>',
    ],
)
def test_generated_text_that_is_not_certain_is_not_read(tmp_path, head):
    body = '<p>另下达资金<span class="a" title="7777"></span>88万元。</p>'
    assert "另下达资金88万元。" in read_text(_page(tmp_path, body, head)).splitlines()


def test_a_page_nested_fifty_thousand_deep_reads_its_text(tmp_path):
    depth = 50_000
    body = "<div>" * depth + SHOWN + "</div>" * depth
    result = scan_file(_page(tmp_path, body))
    assert [r.status for r in result.relations] == ["holds", "holds"]


def test_rows_and_cells_stay_apart(tmp_path):
    table = "<table><tr><td>中央</td><td>300万元</td></tr><tr><td>省级</td><td>200万元</td></tr></table>"
    lines = read_text(_page(tmp_path, table)).splitlines()
    assert "中央 300万元" in lines and "省级 200万元" in lines


@pytest.mark.parametrize(
    ("body", "head"),
    [
        ('<canvas width="1" height="1">另下达资金7777万元。</canvas>', ""),
        ('<video src="v.mp4">另下达资金7777万元。</video><audio>7777万元</audio>', ""),
        ('<datalist id="d"><option>另下达资金7777万元。</option></datalist>', ""),
        ("<noembed>另下达资金7777万元。</noembed><noframes>7777万元</noframes>", ""),
        ('<div style="content-visibility:hidden">另下达资金7777万元。</div>', ""),
        ('<div style="clip-path:inset(50%)">另下达资金7777万元。</div>', ""),
        ('<div style="clip-path: inset(0 60% 0 40%)">另下达资金7777万元。</div>', ""),
        ('<div style="filter:blur(1px) opacity(0)">另下达资金7777万元。</div>', ""),
        ('<div style="transform:translateX(-99999px)">另下达资金7777万元。</div>', ""),
        ('<div style="transform:translate(-9999px, 0)">另下达资金7777万元。</div>', ""),
        ('<p><span style="color:rgba(0,0,0,0)">另下达资金7777万元。</span></p>', ""),
        ('<p><span style="color:#0000">另下达资金7777万元。</span></p>', ""),
        ('<p><span style="color:#ffffff00">另下达资金7777万元。</span></p>', ""),
        ('<p><span style="color:transparent">另下达资金7777万元。</span></p>', ""),
        ('<p><span style="color:#fff">另下达资金7777万元。</span></p>', ""),
        ('<p><span style="color:#FFFFFF">另下达资金7777万元。</span></p>', ""),
        ('<p><span style="color:white">另下达资金7777万元。</span></p>', ""),
        ('<p><font color="#FFFFFF">另下达资金7777万元。</font></p>', ""),
        ('<p><font color="white"><b>另下达资金7777万元。</b></font></p>', ""),
        ('<p><font color="ffffff">另下达资金7777万元。</font></p>', ""),
        ('<p class="w">另下达资金7777万元。</p>', "<style>.w{color:rgb(255,255,255)}</style>"),
        (
            '<div style="background:#fff"><font color="#ffffff">另下达资金7777万元。</font></div>',
            "",
        ),
    ],
)
def test_text_chromium_does_not_show_is_not_scanned(tmp_path, body, head):
    text = read_text(_page(tmp_path, body, head))
    assert "7777" not in text
    assert "500万元" in text


@pytest.mark.parametrize(
    ("body", "head"),
    [
        (
            '<table><tr><td bgcolor="#003399"><font color="#FFFFFF">另下达资金7777万元。</font>'
            "</td></tr></table>",
            "",
        ),
        (
            '<div style="background-color:#333"><p style="color:#fff">另下达资金7777万元。</p></div>',
            "",
        ),
        (
            '<div class="dark"><span style="color:white">另下达资金7777万元。</span></div>',
            "<style>.dark{background:navy}</style>",
        ),
        (
            '<div style="background:url(bg.png)"><p style="color:#fff">另下达资金7777万元。</p></div>',
            "",
        ),
        ('<p style="color:#fff"><span style="color:#000">另下达资金7777万元。</span></p>', ""),
        (
            '<p style="color:transparent"><span style="color:red">另下达资金7777万元。</span></p>',
            "",
        ),
        ('<p class="w">另下达资金7777万元。</p>', "<style>.w{color:#fff} p{color:#000}</style>"),
        ('<p><span style="color:rgba(0,0,0,0.5)">另下达资金7777万元。</span></p>', ""),
        ('<p><span style="color:#ffe">另下达资金7777万元。</span></p>', ""),
        ('<p><span style="color:ffffff">另下达资金7777万元。</span></p>', ""),  # not a colour
        ('<p><font color="#ffffff00">另下达资金7777万元。</font></p>', ""),  # legacy: yellow
        ('<div style="clip-path:inset(10%)">另下达资金7777万元。</div>', ""),
        ('<div style="clip-path:inset(20px)">另下达资金7777万元。</div>', ""),
        ('<div style="filter:opacity(0.5)">另下达资金7777万元。</div>', ""),
        ('<div style="transform:translateX(-50%)">另下达资金7777万元。</div>', ""),
        (
            '<div style="transform:translateY(-2000px)">另下达资金7777万元。</div>',
            "",
        ),  # a long page
        ("<p>另下达资金7777万元。</p>", "<style>body{background:#222;color:#fff}</style>"),
        (
            '<table background="dark.jpg"><tr><td><font color="white">另下达资金7777万元。</font>'
            "</td></tr></table>",
            "",
        ),
    ],
)
def test_text_chromium_shows_is_scanned(tmp_path, body, head):
    assert "7777万元" in read_text(_page(tmp_path, body, head))


def test_white_body_text_is_read_on_a_dark_body_only(tmp_path):
    path = tmp_path / "page.html"
    for bgcolor, seen in (("", False), (' bgcolor="#000080"', True)):
        path.write_text(
            f'<html><head><meta charset="utf-8"></head><body text="#FFFFFF"{bgcolor}>'
            f'<p>另下达资金7777万元。</p><p style="color:#000">{SHOWN}</p></body></html>',
            encoding="utf-8",
        )
        text = read_text(path)
        assert ("7777万元" in text) == seen and "500万元" in text


@pytest.mark.parametrize(
    "style",
    [
        "-webkit-text-fill-color: transparent",
        "display:inline-block; scale: 0",
        "display:inline-block; scale: 1 0",
        "color: hsl(0, 0%, 100%)",
        "color: hsla(120deg 50% 100% / 1)",
        "color: hwb(0 100% 0%)",
        "opacity: .0",
        "position:absolute; right: 99999px",
        "position:absolute; translate: -99999px",
        "font-size: .0px",
    ],
)
def test_more_ways_of_hiding_text_are_not_scanned(tmp_path, style):
    """The standalone ``scale``/``translate`` properties, a far ``right``, zeros written
    ``.0``, white as hsl()/hwb(), and the text fill colour hide text as their equivalents do."""
    text = read_text(_page(tmp_path, f'<p>另下达资金<span style="{style}">7777万元</span>。</p>'))
    assert "7777" not in text
    assert "500万元" in text


@pytest.mark.parametrize(
    "style",
    [
        *("scale: 1", "translate: 0 -99999px", "right: 10px", "opacity: .5"),
        *("color: hsl(0 0% 90%)", "scale: 0", "translate: -99999px", "right: 99999px"),
    ],
)
def test_what_does_not_hide_for_certain_is_read(tmp_path, style):
    """A span is inline: ``scale`` and ``translate`` do not move it, nor ``right`` unpositioned."""
    text = read_text(_page(tmp_path, f'<p>另下达资金<span style="{style}">7777万元</span>。</p>'))
    assert "7777万元" in text


@pytest.mark.parametrize(
    ("body", "head"),
    [
        ('<p>另下达资金<bdo dir="rtl">7778</bdo>万元。</p>', ""),
        (
            '<p>另下达资金<span dir="rtl" style="unicode-bidi:bidi-override">7778</span>万元。</p>',
            "",
        ),
        (
            '<p>另下达资金<span style="direction: rtl; unicode-bidi: bidi-override">7778</span>万元。</p>',
            "",
        ),
        (
            '<p>另下达资金<i class="r">7778</i>万元。</p>',
            "<style>.r{direction:rtl;unicode-bidi:bidi-override}</style>",
        ),
    ],
)
def test_a_right_to_left_override_is_read_as_shown(tmp_path, body, head):
    """A reader sees ``<bdo dir="rtl">7778</bdo>`` as 8777: so does the scan."""
    text = read_text(_page(tmp_path, body, head))
    assert "另下达资金8777万元" in text and "7778" not in text


def test_right_to_left_without_an_override_keeps_the_digits_in_order(tmp_path):
    text = read_text(_page(tmp_path, '<p>另下达资金<span dir="rtl">7778</span>万元。</p>'))
    assert "另下达资金7778万元" in text


def test_an_override_inside_an_override_is_refused_where_it_holds_a_digit(tmp_path):
    from fundanalysis.text.scan import InputError

    body = '<p>另下达资金<bdo dir="rtl">77<bdo dir="ltr">78</bdo></bdo>万元。</p>'
    with pytest.raises(InputError, match="right-to-left"):
        read_text(_page(tmp_path, body))
    assert "另下达资金7778万元" in read_text(_page(tmp_path, body.replace('"rtl"', '"ltr"')))


@pytest.mark.parametrize("style", ["scale: 0", "translate: -99999px 0"])
def test_a_block_scaled_or_moved_away_by_the_standalone_properties_is_not_scanned(tmp_path, style):
    text = read_text(_page(tmp_path, f'<p style="{style}">另下达资金7777万元。</p>'))
    assert "7777" not in text and "500万元" in text


@pytest.mark.parametrize(
    ("body", "head"),
    [
        ("<div popover>另下达资金7777万元。</div>", ""),
        ('<p>另下达资金<span popover="manual">7777万元</span>。</p>', ""),
        ('<p><span style="--c:#fff;color:var(--c)">另下达资金7777万元。</span></p>', ""),
        ('<p style="--c: white"><span style="color:var(--c)">另下达资金7777万元。</span></p>', ""),
        ('<p><span style="color:var(--none, #ffffff)">另下达资金7777万元。</span></p>', ""),
        ('<p><span style="--o:0;opacity:var(--o)">另下达资金7777万元。</span></p>', ""),
        ('<p style="--a:#fff"><span style="--b:var(--a);color:var(--b)">7777万元</span></p>', ""),
        ('<p class="v"><span style="color:var(--c)">另下达资金7777万元。</span></p>', ""),
        ('<p class="v">另下达资金7777万元。</p>', "<style>.v{--c:#fff} .v{color:var(--c)}</style>"),
    ],
)
def test_a_closed_popover_and_white_through_a_custom_property_are_not_scanned(tmp_path, body, head):
    head = head or "<style>:root{--d:#000} .v{--c:#fff}</style>"
    text = read_text(_page(tmp_path, body, head))
    assert "7777" not in text
    assert "500万元" in text


@pytest.mark.parametrize(
    ("body", "head"),
    [
        ("<dialog popover open>另下达资金7777万元。</dialog>", ""),
        ('<p><span style="--c:#000;color:var(--c)">另下达资金7777万元。</span></p>', ""),
        ('<p><span style="color:var(--c)">另下达资金7777万元。</span></p>', ""),  # not declared
        ('<p><span style="color:var(--c, #fff)">7777万元</span></p>', '<link rel="stylesheet">'),
        ('<p style="--c:#fff"><span style="--c:#333;color:var(--c)">7777万元</span></p>', ""),
        (
            '<p class="v"><span style="color:var(--c)">另下达资金7777万元。</span></p>',
            "<style>.v{--c:#fff} p{--c:#000}</style>",  # the rules disagree
        ),
        (
            '<p><span style="--x:var(--none);color:var(--x);background:var(--x)">7777万元</span></p>',
            "",
        ),
    ],
)
def test_a_custom_property_that_is_not_white_or_not_certain_is_read(tmp_path, body, head):
    assert "7777万元" in read_text(_page(tmp_path, body, head))


def test_a_drop_down_shows_only_its_chosen_option_on_a_line_of_its_own(tmp_path):
    body = (
        "<select><option>另下达资金7777万元</option><option selected>2020年</option></select>"
        "<p>另支出资金60万元。</p>"
        "<select><option>全年</option><option>另下达资金7777万元</option></select>"
    )
    text = read_text(_page(tmp_path, body))
    assert "7777" not in text
    assert "2020年\n\n另支出资金60万元。\n\n全年" in text


def test_a_list_box_shows_every_option_each_on_its_own_line(tmp_path):
    body = '<select size="3"><option>甲县</option><option>乙县</option></select><p>尾句。</p>'
    assert "甲县\n\n乙县\n\n尾句。" in read_text(_page(tmp_path, body))


@pytest.mark.parametrize(
    "control",
    [
        '<select><option label="200万元">7777万元</option></select>',  # the label is shown
        "<select><option hidden>200万元</option><option>7777万元</option></select>",
        "<select><option>7777万元</option><option selected hidden>200万元</option></select>",
        "<select><option disabled>7777万元</option><option>200万元</option></select>",
        "<select><optgroup disabled><option>7777万元</option></optgroup><option>200万元</option>"
        "</select>",
    ],
)
def test_a_drop_down_in_a_sentence_reads_what_its_closed_control_shows(tmp_path, control):
    body = f"<p>另下达资金500万元，其中：中央资金300万元，省级资金{control}。</p>"
    text = read_text(_page(tmp_path, body))
    assert "省级资金200万元。" in text and "7777" not in text
