"""index.html in headless Chromium: the grid comes first with a legend and one glyph per grade,
the page has a viewport and lays out at phone width, every text colour pair meets WCAG AA
(4.5:1), filters and the chosen case live in the URL fragment (index.html#case=ID), the cells
are reachable by keyboard, and the detail panel is outside the grid's scroll box (so the sticky
rotated headers cannot cover it). Screenshots at desktop and phone sizes are written to
MTLSGRID_SCREENSHOT_DIR (default: the test's temporary folder) for people to look at."""
import os
import pathlib
import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser

import pytest

GRADES = ("pass", "fail", "xfail", "xpass", "skip")
DESKTOP, PHONE = (1280, 900), (390, 844)


def chromium(tmp_path, url, *extra):
    browser = shutil.which("chromium")
    if not browser:
        pytest.fail("chromium is not installed: ci/deps test installs it")
    done = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--hide-scrollbars", f"--user-data-dir={tmp_path / 'profile'}",
         "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000", *extra, url],
        capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    console = [l for l in done.stderr.splitlines() if "CONSOLE" in l or "Uncaught" in l]
    assert not console, console
    return done.stdout


def page_url(matrix_results, fragment=""):
    return (matrix_results["dir"] / "index.html").as_uri() + fragment


class Cells(HTMLParser):
    """The grid's cells and rows as the browser left them."""

    def __init__(self):
        super().__init__()
        self.cells, self.rows, self.in_row_header, self.tabbable = [], [], False, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "td" and "data-case" in a:
            self.cells.append(a)
            if a.get("tabindex") == "0":
                self.tabbable.append(a["data-case"])
        self.in_row_header = tag == "th" and "row" in a.get("class", "").split()

    def handle_data(self, data):
        if self.in_row_header:
            self.rows.append(data)
            self.in_row_header = False


def cells_of(dom):
    parser = Cells()
    parser.feed(dom)
    return parser


def test_grid_first_with_a_legend_and_a_glyph_per_grade(matrix_results, tmp_path):
    dom = chromium(tmp_path, page_url(matrix_results), "--dump-dom")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in dom
    assert dom.index('id="grid"') < dom.index('id="audit"') < dom.index("</body>")
    assert dom.index('id="grid"') < dom.index('id="divergences"')
    legend = re.search(r'<ul id="legend".*?</ul>', dom, re.S).group(0)
    glyphs = dict(re.findall(r'<span class="glyph (\w+)">([^<]+)</span>', legend))
    assert set(glyphs) == set(GRADES) and len(set(glyphs.values())) == len(GRADES)
    parsed = cells_of(dom)
    assert len(parsed.cells) == len(matrix_results["cases"])
    for cell in parsed.cells:
        grade = matrix_results["cases"][cell["data-case"]]["grade"]
        assert cell["class"] == f"cell {grade}"
    # Keyboard: one cell in the tab order (roving tabindex), the rest reachable by arrows.
    assert len(parsed.tabbable) == 1 and all(c.get("tabindex") in ("0", "-1") for c in parsed.cells)
    assert 'role="grid"' in dom
    # The detail panel is not inside the scroll box that the sticky rotated headers live in.
    scroll = re.search(r'<div id="grid-scroll">.*?</table></div>', dom, re.S).group(0)
    assert 'id="detail"' not in scroll and 'id="detail"' in dom


def test_deep_link_opens_the_case(matrix_results, tmp_path):
    xfail = next(r for r in matrix_results["cases"].values() if r["grade"] == "xfail")
    dom = chromium(tmp_path, page_url(matrix_results, f"#case={xfail['case']}"), "--dump-dom")
    detail = re.search(r'<aside id="detail".*?</aside>', dom, re.S).group(0)
    assert xfail["case"] in detail and xfail["divergence"]["id"] in detail
    parsed = cells_of(dom)
    current = [c for c in parsed.cells if "current" in c["class"].split()]
    assert [c["data-case"] for c in current] == [xfail["case"]]
    assert parsed.tabbable == [xfail["case"]]


def test_filters_live_in_the_fragment(matrix_results, tmp_path):
    dom = chromium(tmp_path, page_url(matrix_results, "#q=client-eku&grade=xfail"), "--dump-dom")
    parsed = cells_of(dom)
    expected_rows = sorted({r["scenario"] for r in matrix_results["cases"].values()
                            if r["grade"] == "xfail" and "client-eku" in r["case"]})
    assert sorted(parsed.rows) == expected_rows and parsed.rows
    matching = [c for c in parsed.cells if "other" not in c["class"].split()]
    assert matching and all("client-eku" in c["data-case"] and "xfail" in c["class"]
                            for c in matching)


def relative_luminance(hex_colour):
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_text_contrast_meets_wcag_aa(matrix_results):
    html = (matrix_results["dir"] / "index.html").read_text()
    colours = dict(re.findall(r"--([\w-]+):(#[0-9a-fA-F]{6})", html))
    pairs = [(f"{g}-fg", f"{g}-bg") for g in GRADES]
    pairs += [("text", "page"), ("muted", "page"), ("link", "page"), ("panel-fg", "panel-bg"),
              ("muted", "panel-bg"), ("link", "panel-bg")]
    ratios = {f"{fg} on {bg}": contrast(colours[fg], colours[bg]) for fg, bg in pairs}
    low = {k: round(v, 2) for k, v in ratios.items() if v < 4.5}
    assert not low, f"below WCAG AA 4.5:1: {low}"


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", head[16:24])


@pytest.mark.parametrize("name,size", [("desktop", DESKTOP), ("phone", PHONE)])
def test_screenshots(matrix_results, tmp_path, name, size):
    out = pathlib.Path(os.environ.get("MTLSGRID_SCREENSHOT_DIR") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    shot = out / f"index-{name}.png"
    xfail = next(r for r in matrix_results["cases"].values() if r["grade"] == "xfail")
    chromium(tmp_path, page_url(matrix_results, f"#case={xfail['case']}"),
             f"--window-size={size[0]},{size[1]}", f"--screenshot={shot}")
    assert png_size(shot) == size and shot.stat().st_size > 10000
