"""Security headers, CSP, CORS and the rate limit, in process (real assistant for the app)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from assistant.chain import Assistant
from assistant.errors import ConfigError
from assistant.web.app import create_app
from assistant.web.security import (
    RateLimiter,
    client_address,
    embed_policy,
    frame_ancestors,
    parse_networks,
)

CLINIC = "https://clinic.example"
OTHER = "https://evil.example"
PROXY = "10.0.0.1"
QUESTION = {"message": "Does water exercise help knee arthritis?"}


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def policy(header: str) -> dict[str, str]:
    """A CSP header as {directive: sources}."""
    parts = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return {part[0]: part[1] if len(part) > 1 else "" for part in parts}


# --- pure parts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("peer", "forwarded", "expected"),
    [
        pytest.param("203.0.113.9", "198.51.100.7", "203.0.113.9", id="untrusted-peer-ignored"),
        pytest.param(PROXY, "198.51.100.7", "198.51.100.7", id="trusted-proxy-honoured"),
        pytest.param(PROXY, "6.6.6.6, 198.51.100.7", "198.51.100.7", id="forged-left-hop-ignored"),
        pytest.param(PROXY, "198.51.100.7, 10.0.0.2", "198.51.100.7", id="chain-of-proxies"),
        pytest.param(PROXY, None, PROXY, id="trusted-without-header"),
        pytest.param("testclient", "198.51.100.7", "testclient", id="peer-not-an-address"),
    ],
)
def test_client_address_trusts_forwarded_for_only_from_proxies(peer, forwarded, expected):
    trusted = parse_networks([PROXY, "10.0.0.2/32"])
    assert client_address(peer, forwarded, trusted) == expected


def test_bad_trusted_proxy_is_a_config_error():
    with pytest.raises(ConfigError, match="trusted_proxies"):
        parse_networks(["not-an-ip"])


def test_frame_ancestors_drops_origins_that_could_break_the_policy():
    assert frame_ancestors([CLINIC, "https://x.example; script-src *"]) == f"'self' {CLINIC}"
    assert frame_ancestors([]) == "'self'"


def test_rate_limiter_counts_per_client_and_recovers_after_the_window():
    clock = FakeClock()
    limiter = RateLimiter(2, window_s=60, clock=clock)
    assert [limiter.retry_after_s("a") for _ in range(2)] == [0.0, 0.0]
    assert limiter.retry_after_s("a") == pytest.approx(60)
    assert limiter.retry_after_s("b") == 0.0
    clock.now += 30
    assert limiter.retry_after_s("a") == pytest.approx(30)
    clock.now += 30
    assert limiter.retry_after_s("a") == 0.0


def test_rate_limit_zero_disables_the_limit():
    limiter = RateLimiter(0, clock=FakeClock())
    assert all(limiter.retry_after_s("a") == 0.0 for _ in range(1000))


def test_rate_limiter_forgets_idle_clients_to_bound_memory():
    clock = FakeClock()
    limiter = RateLimiter(1, window_s=60, clock=clock)
    limiter.MAX_CLIENTS = 3
    for client in "abcd":
        limiter.retry_after_s(client)
    assert list(limiter._calls) == ["b", "c", "d"]  # all active: the oldest goes
    clock.now += 61
    limiter.retry_after_s("e")
    assert list(limiter._calls) == ["e"]  # idle ones go first


# --- the app ----------------------------------------------------------------------------------


def make_client(
    fixture_assistant: Assistant,
    embedder,
    *,
    limiter: RateLimiter | None = None,
    peer: str = "testclient",
    **changes,
) -> TestClient:
    settings = fixture_assistant.settings.replace(**changes)
    assistant = Assistant(settings, fixture_assistant.index, embedder)
    return TestClient(create_app(assistant, limiter=limiter), client=(peer, 50000))


@pytest.fixture(scope="module")
def client(fixture_assistant, embedder):
    with make_client(fixture_assistant, embedder, allowed_origins=(CLINIC,)) as test_client:
        yield test_client


PAGES = ["/", "/healthz", "/openapi.json", "/embed.js", "/theme.css", "/no-such-page"]


@pytest.mark.slow
@pytest.mark.parametrize("path", [*PAGES, "/embed", "/embed/widget.js"])
def test_every_response_has_nosniff_and_no_referrer(client, path):
    response = client.get(path)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


@pytest.mark.slow
def test_error_and_api_responses_have_the_headers_too(client):
    response = client.post("/api/chat", content=b"{", headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "SAMEORIGIN"


@pytest.mark.slow
@pytest.mark.parametrize("path", PAGES)
def test_pages_other_than_embed_can_only_be_framed_by_the_app(client, path):
    response = client.get(path)
    assert response.headers["x-frame-options"] == "SAMEORIGIN"
    assert policy(response.headers["content-security-policy"])["frame-ancestors"] == "'self'"


@pytest.mark.slow
def test_embed_csp_is_strict_and_framable_by_the_allowed_origins(client):
    response = client.get("/embed")
    csp = policy(response.headers["content-security-policy"])
    assert csp["frame-ancestors"] == f"'self' {CLINIC}"
    for directive in ("default-src", "script-src", "style-src", "connect-src"):
        assert csp[directive] == "'self'"
    assert csp["img-src"] == "'self' data:"
    assert csp["object-src"] == "'none'"
    assert csp["base-uri"] == "'none'"
    assert "x-frame-options" not in response.headers
    assert embed_policy([CLINIC]) == response.headers["content-security-policy"]


@pytest.mark.slow
def test_embed_without_allowlist_is_framable_only_by_the_app(fixture_assistant, embedder):
    with make_client(fixture_assistant, embedder) as test_client:
        csp = policy(test_client.get("/embed").headers["content-security-policy"])
    assert csp["frame-ancestors"] == "'self'"


@pytest.mark.slow
def test_ui_page_policy_loads_nothing_from_other_origins(client):
    csp = policy(client.get("/").headers["content-security-policy"])
    assert csp["default-src"] == "'self'"
    assert csp["connect-src"] == "'self'"
    assert not re.search(r"https?:|\*", " ".join(csp.values()))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/embed", "text/html"),
        ("/embed.js", "text/javascript"),
        ("/embed/widget.js", "text/javascript"),
        ("/embed/widget.css", "text/css"),
    ],
)
def test_widget_files_are_served_with_their_content_types(client, path, content_type):
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == content_type
    assert "http://" not in response.text
    assert "https://" not in response.text.replace("https://assistant.clinic.example", "")


@pytest.mark.slow
def test_an_unexpected_error_is_a_json_500_without_details(fixture_assistant, embedder):
    app = create_app(Assistant(fixture_assistant.settings, fixture_assistant.index, embedder))

    def broken() -> None:
        raise RuntimeError("secret detail from /srv/clinic/assistant.toml")

    app.add_api_route("/broken", broken)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        response = test_client.get("/broken")
    assert response.status_code == 500
    assert response.json() == {
        "error": {"code": "internal_error", "message": "something went wrong on our side"}
    }
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.slow
def test_unknown_widget_file_is_a_json_404(client):
    response = client.get("/embed/secrets.txt")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.slow
def test_embed_page_escapes_the_clinic_name(fixture_assistant, embedder):
    name = '<img src=x onerror="alert(1)">Clinic'
    with make_client(fixture_assistant, embedder, clinic_name=name) as test_client:
        page = test_client.get("/embed").text
    assert "<img" not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Clinic" in page


CHAT_PATHS = ["/api/chat", "/api/chat/stream"]


@pytest.mark.slow
@pytest.mark.parametrize("path", CHAT_PATHS)
def test_preflight_from_an_allowed_origin_is_accepted(client, path):
    response = client.options(
        path,
        headers={
            "origin": CLINIC,
            "access-control-request-method": "POST",
            "access-control-request-headers": "content-type",
        },
    )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == CLINIC
    assert "POST" in response.headers["access-control-allow-methods"]
    assert "content-type" in response.headers["access-control-allow-headers"].lower()


@pytest.mark.slow
@pytest.mark.parametrize("path", CHAT_PATHS)
def test_preflight_from_another_origin_is_refused(client, path):
    response = client.options(
        path, headers={"origin": OTHER, "access-control-request-method": "POST"}
    )
    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers


@pytest.mark.slow
@pytest.mark.parametrize("path", CHAT_PATHS)
@pytest.mark.parametrize(("origin", "allowed"), [(CLINIC, True), (OTHER, False)])
def test_cors_on_chat_follows_the_allowlist(client, path, origin, allowed):
    response = client.post(path, json=QUESTION, headers={"origin": origin})
    assert response.status_code == 200
    assert response.headers.get("access-control-allow-origin") == (origin if allowed else None)


@pytest.mark.slow
def test_gradio_routes_get_no_cors_for_other_origins(client):
    response = client.get("/config", headers={"origin": OTHER})
    assert "access-control-allow-origin" not in response.headers


@pytest.mark.slow
def test_rate_limit_returns_429_json_then_recovers_after_the_window(fixture_assistant, embedder):
    clock = FakeClock()
    limiter = RateLimiter(2, window_s=60, clock=clock)
    with make_client(
        fixture_assistant, embedder, limiter=limiter, allowed_origins=(CLINIC,)
    ) as test_client:
        assert [test_client.post("/api/chat", json=QUESTION).status_code for _ in range(2)] == [
            200,
            200,
        ]
        limited = test_client.post("/api/chat", json=QUESTION, headers={"origin": CLINIC})
        assert limited.status_code == 429
        assert limited.json()["error"]["code"] == "rate_limited"
        assert limited.json()["error"]["message"]
        assert int(limited.headers["retry-after"]) == 60
        assert limited.headers["access-control-allow-origin"] == CLINIC  # readable by the widget
        assert test_client.get("/healthz").status_code == 200  # only chat is limited
        assert test_client.post("/api/chat/stream", json=QUESTION).status_code == 429
        clock.now += 60
        assert test_client.post("/api/chat", json=QUESTION).status_code == 200
        assert test_client.post("/api/chat/stream", json=QUESTION).status_code == 200


@pytest.mark.slow
def test_forwarded_for_from_an_untrusted_peer_does_not_dodge_the_limit(fixture_assistant, embedder):
    limiter = RateLimiter(1, clock=FakeClock())
    with make_client(
        fixture_assistant, embedder, limiter=limiter, trusted_proxies=(PROXY,)
    ) as test_client:
        first = test_client.post("/api/chat", json=QUESTION, headers={"x-forwarded-for": "1.1.1.1"})
        second = test_client.post(
            "/api/chat", json=QUESTION, headers={"x-forwarded-for": "2.2.2.2"}
        )
    assert (first.status_code, second.status_code) == (200, 429)


@pytest.mark.slow
def test_forwarded_for_from_a_trusted_proxy_limits_each_client(fixture_assistant, embedder):
    limiter = RateLimiter(1, clock=FakeClock())
    with make_client(
        fixture_assistant, embedder, limiter=limiter, peer=PROXY, trusted_proxies=(PROXY,)
    ) as test_client:
        statuses = [
            test_client.post(
                "/api/chat", json=QUESTION, headers={"x-forwarded-for": ip}
            ).status_code
            for ip in ("1.1.1.1", "2.2.2.2", "1.1.1.1")
        ]
    assert statuses == [200, 200, 429]


@pytest.mark.slow
@pytest.mark.parametrize("path", ["/", "/theme.css", "/config"])
def test_gradio_page_and_its_config_name_no_external_urls(client, path):
    text = client.get(path).text
    urls = set(re.findall(r"https?://[^\s\"'<>)\\]+", text))
    svg_namespaces = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
    assert {url for url in urls if not url.startswith("http://testserver")} <= svg_namespaces
    for marker in ("fonts.googleapis", "fonts.gstatic", "cdn", "og:image", "huggingface.co"):
        assert marker not in text.lower()
