"""The UI and the widget in Debian's Chromium: citations, urgent banner, host isolation,
framing allowlist, markup shown as text, and no request leaving loopback."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Frame, FrameLocator, Page, expect

from tests.e2e.conftest import (
    CHROMIUM_INSTALL,
    BrowserSession,
    BrowserSetup,
    find_chromium,
    foreign_requests,
    screenshot,
)

QUESTION = "Does water exercise help knee arthritis?"
RED_FLAG = "I can't control my bladder and my back hurts"
MARKUP = "<img src=x onerror=window.__xss=1> <script>window.__xss=2</script> is knee pain common?"
PLANTED_QUESTION = "Does a warm heat pack ease morning knee stiffness?"  # fixtures/corpus note
PLANTED_TEXT = "<img src=x onerror=window.__xss='corpus-text'>"
PLANTED_TITLE = "Heat packs <img src=x onerror=window.__xss='corpus-title'> for stiff knees"
PLANTED_NOTE = "<script>window.__xss='corpus-note'</script>"
MIN_CONTRAST = 4.5  # WCAG 2 AA for normal text
UI_TEXT = [
    ".app-header p",
    ".privacy",
    ".app-header .disclaimer",
    ".urgent-banner p",
    "#conversation [data-testid=user] p",
    "#conversation [data-testid=bot] p",
    "#conversation .kind-label",
    "#conversation a.cite",
    ".source-title",
    ".source-meta",
    ".source .quote",
    "#send",
]
WIDGET_TEXT = [
    ".privacy",
    ".disclaimer",
    "label[for=question]",
    ".urgent",
    ".message.user p",
    ".answer-text",
    "a.marker",
    ".sources summary",
    "#send",
]
CONTRAST_JS = """(selectors) => {
    const channels = (color) => color.match(/[\\d.]+/g).map(Number);
    const linear = (v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    const luminance = ([r, g, b]) => 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    const backdrop = (node) => {  // nearest mostly opaque background, else white
        for (let e = node; e; e = e.parentElement) {
            const c = channels(getComputedStyle(e).backgroundColor);
            if (c.length < 4 || c[3] > 0.5) return c;
        }
        return [255, 255, 255];
    };
    return Object.fromEntries(selectors.map((selector) => {
        const node = document.querySelector(selector);
        if (!node) return [selector, 0];
        const a = luminance(channels(getComputedStyle(node).color));
        const b = luminance(backdrop(node));
        return [selector, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
    }));
}"""
WIDGET = "clinic-assistant-widget"
HOST_ELEMENTS = ["body", "h1", "p.lead", "a", "button.book"]
STYLE_PROPERTIES = [
    "font-family",
    "font-size",
    "color",
    "background-color",
    "line-height",
    "letter-spacing",
    "border-bottom",
    "text-transform",
    "margin",
    "padding",
]


def api_reply(app_url: str, message: str) -> dict:
    response = httpx.post(f"{app_url}/api/chat", json={"message": message}, timeout=30)
    response.raise_for_status()
    return response.json()


def ask_ui(page: Page, message: str) -> None:
    box = page.get_by_label("Your question")
    box.fill(message)
    box.press("Enter")


def host_styles(page: Page) -> dict[str, dict[str, str]]:
    """Computed styles of the host page's own elements, plus its stylesheet count."""
    return page.evaluate(
        """([selectors, properties]) => {
            const result = {sheets: {count: String(document.styleSheets.length)}};
            for (const selector of selectors) {
                const style = getComputedStyle(document.querySelector(selector));
                result[selector] = Object.fromEntries(
                    properties.map((name) => [name, style.getPropertyValue(name)]));
            }
            return result;
        }""",
        [HOST_ELEMENTS, STYLE_PROPERTIES],
    )


def open_widget(page: Page) -> FrameLocator:
    page.locator(f"{WIDGET} button.launcher").click()
    expect(page.locator(f"{WIDGET} iframe")).to_be_visible()
    return page.frame_locator(f"{WIDGET} iframe")


def ask_widget(widget: FrameLocator, message: str) -> None:
    widget.locator("#question").fill(message)
    widget.get_by_role("button", name="Send").click()


def low_contrast(page: Page | Frame, selectors: list[str]) -> dict[str, float]:
    """The selectors whose text is missing or below MIN_CONTRAST against its background."""
    ratios = page.evaluate(CONTRAST_JS, selectors)
    return {selector: round(ratio, 2) for selector, ratio in ratios.items() if ratio < MIN_CONTRAST}


def test_missing_chromium_skips_with_the_install_command(tmp_path: Path):
    with pytest.raises(pytest.skip.Exception, match="apt-get install -y chromium"):
        find_chromium(which=lambda _: None, fallback=tmp_path / "no-chromium")
    assert "apt-get install -y chromium" in CHROMIUM_INSTALL


def test_foreign_requests_are_those_to_other_origins():
    origins = {"http://127.0.0.1:1", "http://127.0.0.1:2"}
    urls = ["http://127.0.0.1:1/a", "data:image/png;base64,AA", "https://fonts.googleapis.com/x"]
    assert foreign_requests(urls, origins) == ["https://fonts.googleapis.com/x"]
    assert foreign_requests(["http://127.0.0.1:3/"], origins) == ["http://127.0.0.1:3/"]


@pytest.mark.browser
@pytest.mark.slow
def test_ui_citation_markers_reveal_the_verbatim_quote(
    session: BrowserSession, browser_setup: BrowserSetup
):
    expected = api_reply(browser_setup.app.url, QUESTION)
    page = session.new_page()
    page.goto(f"{browser_setup.app.url}/")
    ask_ui(page, QUESTION)
    marker = page.locator("#conversation a.cite").first
    expect(marker).to_be_visible()
    target = marker.get_attribute("href") or ""
    assert target.startswith("#source-1-")
    n = int(target.rsplit("-", 1)[1])
    quote = next(c["quote"] for c in expected["citations"] if c["n"] == n)
    marker.focus()
    page.keyboard.press("Enter")  # keyboard users follow a citation the same way
    source = page.locator(f"{target}")
    expect(source).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target').id") == target[1:]
    expect(source.locator(".quote")).to_have_text(quote)
    expect(page.locator(".disclaimer")).to_contain_text("not medical advice")
    expect(page.locator(".privacy")).to_contain_text("messages are not stored")
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "ui-answer.png", doc_image="ui.png", full_page=True)


@pytest.mark.browser
@pytest.mark.slow
def test_ui_red_flag_shows_the_urgent_care_banner(
    session: BrowserSession, browser_setup: BrowserSetup
):
    page = session.new_page()
    page.goto(f"{browser_setup.app.url}/")
    expect(page.locator("#urgent [role=alert]")).to_have_count(0)
    ask_ui(page, RED_FLAG)
    banner = page.locator("#urgent [role=alert]")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("bladder")
    expect(banner).to_contain_text("emergency")
    expect(page.locator("#conversation .kind-urgent_care")).to_be_visible()
    screenshot(page, "ui-urgent.png", full_page=True)


@pytest.mark.browser
@pytest.mark.slow
def test_widget_answers_on_a_clinic_page_without_touching_its_styles(
    session: BrowserSession, browser_setup: BrowserSetup
):
    page = session.new_page()
    page.goto(f"{browser_setup.clinic.origin}/host.html?bare")
    without_widget = host_styles(page)
    page.goto(f"{browser_setup.clinic.origin}/host.html")
    launcher = page.locator(f"{WIDGET} button.launcher")
    expect(launcher).to_have_text("Ask about knee & back pain")
    assert host_styles(page) == without_widget
    assert launcher.evaluate("e => getComputedStyle(e).backgroundColor") != "rgb(255, 105, 180)"
    widget = open_widget(page)
    assert page.locator(f"{WIDGET} iframe").get_attribute("title")
    ask_widget(widget, QUESTION)
    marker = widget.locator(".message.assistant a.marker").first
    expect(marker).to_be_visible()
    screenshot(page, "widget-answer.png", doc_image="widget.png")
    quote = widget.locator(".source.active .quote")
    expect(quote).to_have_count(0)
    marker.click()
    expect(quote).to_be_visible()
    expect(quote).not_to_be_empty()
    assert host_styles(page) == without_widget
    assert any(url.endswith("/api/chat/stream") for url in session.requests)
    assert session.context.cookies() == []  # nothing for SameSite rules to break
    screenshot(page, "widget-source.png")


@pytest.mark.browser
@pytest.mark.slow
def test_widget_closes_with_escape_and_returns_focus(
    session: BrowserSession, browser_setup: BrowserSetup
):
    page = session.new_page()
    page.goto(f"{browser_setup.clinic.origin}/host.html")
    widget = open_widget(page)
    question = widget.locator("#question")
    expect(question).to_be_focused()
    question.press("Escape")  # inside the iframe: the widget page asks the loader to close
    expect(page.locator(f"{WIDGET} iframe")).to_be_hidden()
    launcher = page.locator(f"{WIDGET} button.launcher")
    expect(launcher).to_be_focused()
    launcher.press("Enter")
    expect(page.locator(f"{WIDGET} iframe")).to_be_visible()
    page.locator(f"{WIDGET} button.close").press("Escape")  # on the host page, in the shadow root
    expect(page.locator(f"{WIDGET} iframe")).to_be_hidden()


def widget_frame(page: Page, app_url: str) -> Frame | None:
    """The child frame that loaded the widget page, if any."""
    for frame in page.frames[1:]:
        if frame.url.startswith(f"{app_url}/embed") and frame.locator("#question").count():
            return frame
    return None


@pytest.mark.browser
@pytest.mark.slow
def test_only_allowlisted_origins_can_frame_the_widget(
    session: BrowserSession, browser_setup: BrowserSetup
):
    allowed = session.new_page()
    allowed.goto(f"{browser_setup.clinic.origin}/frame.html")
    allowed.frame_locator("#assistant").locator("#question").wait_for()
    assert widget_frame(allowed, browser_setup.app.url) is not None

    refused: list[str] = []
    page = session.new_page()
    page.on("console", lambda message: refused.append(message.text))
    page.goto(f"{browser_setup.stranger.origin}/frame.html")
    page.wait_for_load_state("load")
    assert widget_frame(page, browser_setup.app.url) is None
    assert any("frame-ancestors" in text for text in refused), refused


@pytest.mark.browser
@pytest.mark.slow
def test_markup_in_a_message_is_shown_as_text_and_never_runs(
    session: BrowserSession, browser_setup: BrowserSetup
):
    page = session.new_page()
    page.goto(f"{browser_setup.app.url}/")
    ask_ui(page, MARKUP)
    expect(page.locator("#conversation [data-testid=user]")).to_contain_text(
        "<script>window.__xss=2</script>"
    )
    expect(page.locator("#conversation [data-testid=bot]")).to_have_count(1)
    assert page.evaluate("window.__xss") is None
    assert page.locator("#conversation img[src=x]").count() == 0

    page.goto(f"{browser_setup.clinic.origin}/host.html")
    widget = open_widget(page)
    ask_widget(widget, MARKUP)
    user_message = widget.locator(".message.user")
    expect(user_message).to_contain_text("<img src=x onerror=window.__xss=1>")
    expect(widget.locator(".message.assistant")).to_have_count(1)
    assert widget.locator("img").count() == 0
    frame = widget_frame(page, browser_setup.app.url)
    assert frame is not None
    assert frame.evaluate("window.__xss") is None
    assert page.evaluate("window.__xss") is None


@pytest.mark.browser
@pytest.mark.slow
def test_pages_request_nothing_outside_the_loopback_origins(
    session: BrowserSession, browser_setup: BrowserSetup
):
    page = session.new_page()
    page.goto(f"{browser_setup.app.url}/")
    ask_ui(page, QUESTION)
    expect(page.locator("#conversation a.cite").first).to_be_visible()
    page.goto(f"{browser_setup.clinic.origin}/host.html")
    ask_widget(open_widget(page), QUESTION)
    expect(page.frame_locator(f"{WIDGET} iframe").locator("a.marker").first).to_be_visible()
    page.goto(f"{browser_setup.stranger.origin}/frame.html")
    page.wait_for_load_state("load")
    seen = {request.split("/")[2] for request in session.requests if "://" in request}
    assert {origin.split("/")[2] for origin in browser_setup.origins} <= seen
    assert foreign_requests(session.requests, browser_setup.origins) == []


@pytest.mark.browser
@pytest.mark.slow
def test_markup_inside_corpus_text_is_shown_as_text_and_never_runs(
    session: BrowserSession, browser_setup: BrowserSetup
):
    page = session.new_page()
    page.goto(f"{browser_setup.app.url}/")
    ask_ui(page, PLANTED_QUESTION)
    expect(page.locator("#conversation [data-testid=bot]")).to_contain_text(PLANTED_TEXT)
    sources = page.locator("#sources")
    expect(sources.locator(".source-title").first).to_contain_text(PLANTED_TITLE)
    expect(sources.locator(".source-evidence").first).to_contain_text(PLANTED_NOTE)
    expect(sources.locator(".quote").first).to_contain_text(PLANTED_TEXT)
    assert page.locator("#conversation img[src=x], #sources img, #sources script").count() == 0
    assert page.evaluate("window.__xss") is None

    page.goto(f"{browser_setup.clinic.origin}/host.html")
    widget = open_widget(page)
    ask_widget(widget, PLANTED_QUESTION)
    expect(widget.locator(".answer-text").first).to_contain_text(PLANTED_TEXT)
    widget.locator("a.marker").first.click()
    expect(widget.locator(".source.active .source-title")).to_have_text(PLANTED_TITLE)
    expect(widget.locator(".source.active .source-evidence")).to_contain_text(PLANTED_NOTE)
    assert widget.locator("img, .messages script").count() == 0
    frame = widget_frame(page, browser_setup.app.url)
    assert frame is not None
    assert frame.evaluate("window.__xss") is None
    assert page.evaluate("window.__xss") is None


@pytest.mark.browser
@pytest.mark.slow
def test_ui_text_has_readable_contrast(session: BrowserSession, browser_setup: BrowserSetup):
    page = session.new_page()
    page.goto(f"{browser_setup.app.url}/")
    ask_ui(page, QUESTION)
    expect(page.locator("#conversation a.cite").first).to_be_visible()
    ask_ui(page, RED_FLAG)
    expect(page.locator(".urgent-banner")).to_be_visible()
    assert low_contrast(page, UI_TEXT) == {}


@pytest.mark.browser
@pytest.mark.slow
def test_widget_text_has_readable_contrast(session: BrowserSession, browser_setup: BrowserSetup):
    page = session.new_page()
    page.goto(f"{browser_setup.clinic.origin}/host.html")
    widget = open_widget(page)
    ask_widget(widget, QUESTION)
    expect(widget.locator("a.marker").first).to_be_visible()
    widget.locator(".sources summary").first.click()
    ask_widget(widget, RED_FLAG)
    expect(widget.locator(".urgent")).to_be_visible()
    frame = widget_frame(page, browser_setup.app.url)
    assert frame is not None
    assert low_contrast(frame, WIDGET_TEXT) == {}
    screenshot(page, "widget-urgent.png")
