"""The trainer's page in a real browser: Debian's Chromium driven by Selenium and
/usr/bin/chromedriver, against `bijeenkomstwijzer serve` on a free localhost port.

Skipped only when no Chromium or no chromedriver is installed (the reason says which).
Set BIJEENKOMSTWIJZER_SCREENSHOT=docs/trainer-side-by-side.png to keep the side-by-side
screenshot (the README's picture is made this way).
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import pytest
from conftest import ROOT

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = "/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else shutil.which("chromedriver")
WIDTH, HEIGHT = 1280, 720

pytestmark = [
    pytest.mark.skipif(BROWSER is None, reason="no Chromium installed (Debian: apt-get install chromium)"),
    pytest.mark.skipif(DRIVER is None, reason="no chromedriver installed (Debian: apt-get install chromium-driver)"),
]


@pytest.fixture(scope="module")
def server():
    """A real `serve` process on a free port of 127.0.0.1; stopped with Ctrl-C (SIGINT)."""
    proc = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "serve", "--port", "0"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
    line = proc.stdout.readline()
    found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not found:
        proc.kill()
        pytest.fail(f"serve did not say where it listens: {line!r} {proc.stderr.read()!r}")
    yield f"http://127.0.0.1:{found.group(1)}"
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130


@pytest.fixture(scope="module")
def driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = BROWSER
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                f"--window-size={WIDTH},{HEIGHT}"):
        options.add_argument(arg)
    profile = tempfile.mkdtemp(prefix="bw-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(DRIVER), options=options)
    # the page itself is 1280x720, as on a projector (the window has no chrome to subtract)
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False})
    try:
        yield browser
    finally:
        browser.quit()
        shutil.rmtree(profile, ignore_errors=True)


def png_size_and_colours(png: bytes) -> tuple[int, int, int]:
    """Width, height and the number of distinct pixel values of a PNG (8-bit RGB or RGBA)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, depth, colour = struct.unpack(">IIBB", png[16:26])
    data, pos = b"", 8
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        if kind == b"IDAT":
            data += png[pos + 8:pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(data)
    channels = {2: 3, 6: 4}[colour]
    assert depth == 8
    stride = width * channels + 1
    # the first row of each band of rows, unfiltered when its filter byte is 0 (None) or 1 (Sub)
    seen = set()
    for y in range(0, height, 8):
        row = raw[y * stride:(y + 1) * stride]
        kind, pixels = row[0], bytearray(row[1:])
        if kind == 1:
            for i in range(channels, len(pixels)):
                pixels[i] = (pixels[i] + pixels[i - channels]) & 0xFF
        elif kind != 0:
            continue
        seen.update(bytes(pixels[i:i + 3]) for i in range(0, len(pixels), channels))
    return width, height, len(seen)


def test_side_by_side_citation_and_grid_in_a_real_browser(server, driver, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait
    wait = WebDriverWait(driver, 20)

    def ready():
        wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-state") == "ready")

    driver.get(server + "/")
    # load an example (another one first, so loading is really tested) and fix it as the baseline
    wait.until(lambda d: len(Select(d.find_element(By.ID, "example")).options) > 1)
    Select(driver.find_element(By.ID, "example")).select_by_value("statushouders-rustig")
    wait.until(lambda d: d.find_element(By.ID, "f-subject").get_attribute("value") == "status_holder_housing")
    Select(driver.find_element(By.ID, "example")).select_by_value("azc-informatiemarkt")
    wait.until(lambda d: d.find_element(By.ID, "f-expected_visitors").get_attribute("value") == "350")
    ready()
    before = driver.find_element(By.CSS_SELECTOR, "#d-police_visibility").get_attribute("data-value")
    driver.find_element(By.ID, "baseline-btn").click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#changed-fields li.empty"))
    ready()
    assert not driver.find_elements(By.CSS_SELECTOR, "#decisions tr.changed")

    # existing_protest -> demonstration: police visibility changes, highlighted, without a reload
    marker = driver.execute_script("window.__same_page = 1; return window.__same_page;")
    Select(driver.find_element(By.ID, "f-existing_protest")).select_by_value("demonstration")
    row = wait.until(lambda d: d.find_element(By.ID, "d-police_visibility") if "changed" in (
        d.find_element(By.ID, "d-police_visibility").get_attribute("class") or "") else False)
    ready()
    after = row.get_attribute("data-value")
    assert after != before
    cells = row.find_elements(By.TAG_NAME, "td")
    assert cells[0].text != cells[1].text
    assert driver.execute_script("return window.__same_page;") == marker
    assert "changed" in driver.find_element(By.ID, "field-existing_protest").get_attribute("class")
    assert driver.find_elements(By.CSS_SELECTOR, "#added li[data-id]")

    # open the citation of an added item: its rationale and a verbatim quote with source and section
    first = driver.find_element(By.CSS_SELECTOR, "#added li[data-id]")
    first.find_element(By.CSS_SELECTOR, ".head").click()
    citation = wait.until(lambda d: first.find_element(By.CSS_SELECTOR, ".citation"))
    assert re.search(r"“.{20,}”", citation.text) and re.search(r"§ \S+", citation.text)
    assert first.find_elements(By.CSS_SELECTOR, ".rationale")
    driver.execute_script("arguments[0].scrollIntoView({block: 'nearest'})", citation)
    png = driver.get_screenshot_as_png()
    keep = os.environ.get("BIJEENKOMSTWIJZER_SCREENSHOT")
    if keep:
        Path(keep).write_bytes(png)
    width, height, colours = png_size_and_colours(png)
    assert (width, height) == (WIDTH, HEIGHT)
    assert colours > 30, colours  # text, highlight, green and red items: not a blank page

    # HOW for a decision, WHY NOT for a removed item
    row.find_element(By.CSS_SELECTOR, "td.current").click()
    text = wait.until(lambda d: d.find_element(By.ID, "explain-text").text)
    assert "regel" in text
    driver.find_element(By.ID, "panel-close").click()
    removed = driver.find_elements(By.CSS_SELECTOR, "#removed li[data-id]")
    if removed:
        removed[0].find_element(By.CSS_SELECTOR, ".head").click()
        removed[0].find_element(By.CSS_SELECTOR, "button.whynot").click()
        wait.until(lambda d: "Waarom niet" in d.find_element(By.ID, "explain-text").text)
    driver.find_element(By.ID, "panel-close").click()

    # a two-field grid, one colour per level
    driver.find_element(By.CSS_SELECTOR, "#tabs [data-tab=grid]").click()
    Select(driver.find_element(By.ID, "grid-x")).select_by_value("existing_protest")
    Select(driver.find_element(By.ID, "grid-y")).select_by_value("trust_in_government")
    Select(driver.find_element(By.ID, "grid-decision")).select_by_value("police_visibility")
    driver.find_element(By.ID, "grid-draw").click()
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#grid-table td")) == 5 * 3)
    cells = driver.find_elements(By.CSS_SELECTOR, "#grid-table td")
    by_value: dict[str, set[str]] = {}
    for cell in cells:
        by_value.setdefault(cell.get_attribute("data-value"), set()).add(cell.value_of_css_property("background-color"))
    assert len(by_value) >= 2 and all(len(c) == 1 for c in by_value.values())  # one colour per level
    assert len({next(iter(c)) for c in by_value.values()}) == len(by_value)     # and a different one each
    assert len(driver.find_elements(By.CSS_SELECTOR, "#grid-table td.current")) == 1
    grid = driver.get_screenshot_as_png()
    assert png_size_and_colours(grid)[:2] == (WIDTH, HEIGHT)

    # English: same decisions, English words
    Select(driver.find_element(By.ID, "lang")).select_by_value("en")
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "#tabs [data-tab=compare]").text == "Compare")
    ready()
    assert driver.find_element(By.ID, "d-police_visibility").get_attribute("data-value") == after

    # invalid input: the server's one line, the field marked; an uploaded file replaces the form
    field = driver.find_element(By.ID, "f-expected_visitors")
    field.clear()
    field.send_keys("200000")
    error = wait.until(lambda d: d.find_element(By.ID, "error") if d.find_element(By.ID, "error").is_displayed() else False)
    assert "request.json: expected_visitors:" in error.text
    assert "invalid" in driver.find_element(By.ID, "field-expected_visitors").get_attribute("class")
    upload = tmp_path / "mijn-situatie.yaml"
    upload.write_text((ROOT / "examples" / "azc-demonstratie.yaml").read_text(encoding="utf-8")
                      .replace("name: ", "name: <img src=x onerror=alert(1)> "), encoding="utf-8")
    driver.find_element(By.ID, "upload").send_keys(str(upload))
    wait.until(lambda d: d.find_element(By.ID, "f-existing_protest").get_attribute("value") == "demonstration")
    ready()
    assert not driver.find_element(By.ID, "error").is_displayed()
    assert driver.find_element(By.ID, "f-name").get_attribute("value").startswith("<img src=x")
    assert not driver.find_elements(By.CSS_SELECTOR, "img")  # the name stays text

    # print: the form and the buttons stay off paper, every tab is printed
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not driver.find_element(By.ID, "form").is_displayed()
        assert not driver.find_element(By.ID, "baseline-btn").is_displayed()
        assert driver.find_element(By.ID, "tab-plan").is_displayed() and driver.find_element(By.ID, "tab-grid").is_displayed()
        assert driver.find_element(By.ID, "decisions").is_displayed()
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    # nothing was refused by the Content-Security-Policy, no script error
    problems = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"
                and "status of 422" not in e["message"]]  # the invalid input above
    assert not problems, problems


def test_docs_page_renders_the_api_without_network(server, driver):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    driver.get(server + "/docs")
    WebDriverWait(driver, 20).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".op")) >= 9)
    text = driver.find_element(By.ID, "docs").text
    assert "/api/advise" in text and "/api/sweep" in text
    assert not [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
