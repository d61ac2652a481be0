"""Response headers (CSP, framing, nosniff), CORS and the per-client rate limit."""

from __future__ import annotations

import ipaddress
import json
import math
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence

from fastapi import FastAPI
from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.errors import ConfigError

Network = ipaddress.IPv4Network | ipaddress.IPv6Network

EMBED_PATH = "/embed"
RATE_LIMITED_PATHS = frozenset({"/api/chat", "/api/chat/stream"})
ORIGIN_PATTERN = re.compile(r"^https?://[A-Za-z0-9.\-\[\]:]+$")  # nothing that could end a CSP
WIDGET_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'"
)
# Gradio's page runs inline bootstrap scripts and gr.HTML templates (new Function), so the UI
# policy allows those, but still loads nothing from another origin.
UI_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
    "connect-src 'self'; media-src 'self' data: blob:; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)
DEFAULT_POLICY = "frame-ancestors 'self'"
COMMON_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


def frame_ancestors(allowed_origins: Iterable[str]) -> str:
    """The CSP frame-ancestors source list: 'self' plus each well-formed allowed origin."""
    origins = [origin for origin in allowed_origins if ORIGIN_PATTERN.match(origin)]
    return " ".join(["'self'", *origins])


def embed_policy(allowed_origins: Iterable[str]) -> str:
    """The widget page's CSP: only its own assets, framable by the clinic origins."""
    return f"{WIDGET_POLICY}; frame-ancestors {frame_ancestors(allowed_origins)}"


def headers_for(path: str, embed_csp: str) -> dict[str, str]:
    """The security headers for a response to `path`."""
    if path == EMBED_PATH or path.startswith(f"{EMBED_PATH}/"):
        return {**COMMON_HEADERS, "Content-Security-Policy": embed_csp}
    policy = UI_POLICY if path == "/" else DEFAULT_POLICY
    return {**COMMON_HEADERS, "Content-Security-Policy": policy, "X-Frame-Options": "SAMEORIGIN"}


class SecurityHeaders:
    """ASGI middleware adding headers_for(path) to every HTTP response."""

    def __init__(self, app: ASGIApp, *, allowed_origins: Sequence[str]) -> None:
        self.app = app
        self.embed_csp = embed_policy(allowed_origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = headers_for(scope["path"], self.embed_csp)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in extra.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


def add_cors(app: FastAPI, allowed_origins: Sequence[str]) -> None:
    """CORS for the clinic origins only (no wildcard, no credentials). Gradio sees that the
    parent app configures Starlette's CORSMiddleware and then adds none of its own."""
    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(allowed_origins),
        allow_methods=["POST"],
        allow_headers=["content-type"],
        expose_headers=["retry-after"],
        max_age=600,
    )


def parse_networks(trusted_proxies: Iterable[str]) -> tuple[Network, ...]:
    """Trusted proxy addresses or networks ("10.0.0.5", "10.0.0.0/8")."""
    try:
        return tuple(ipaddress.ip_network(item, strict=False) for item in trusted_proxies)
    except ValueError as exc:
        raise ConfigError(f"trusted_proxies: {exc}; use addresses or networks") from exc


def _is_trusted(address: str, networks: Sequence[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(peer: str, forwarded_for: str | None, trusted: Sequence[Network]) -> str:
    """The peer, or, when the peer is a trusted proxy, the nearest X-Forwarded-For hop that
    is not itself a trusted proxy (hops added further left can be forged by the client)."""
    if not forwarded_for or not _is_trusted(peer, trusted):
        return peer
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _is_trusted(hop, trusted):
            return hop
    return hops[0] if hops else peer


class RateLimiter:
    """Sliding one-window limit per client, in this process's memory (each worker its own)."""

    MAX_CLIENTS = 50_000

    def __init__(
        self,
        limit: int,
        *,
        window_s: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window_s = window_s
        self.clock = clock
        self._calls: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def retry_after_s(self, client: str) -> float:
        """0 and the call is counted, or the seconds until `client` may call again."""
        if self.limit <= 0:
            return 0.0
        now = self.clock()
        with self._lock:
            calls = self._calls.setdefault(client, deque())
            while calls and calls[0] <= now - self.window_s:
                calls.popleft()
            if len(calls) >= self.limit:
                return calls[0] + self.window_s - now
            calls.append(now)
            self._forget_idle(now)
            return 0.0

    def _forget_idle(self, now: float) -> None:
        """Bound memory: drop clients with no call in the window, then the oldest ones."""
        if len(self._calls) <= self.MAX_CLIENTS:
            return
        idle = [key for key, calls in self._calls.items() if calls[-1] <= now - self.window_s]
        for key in idle:
            del self._calls[key]
        while len(self._calls) > self.MAX_CLIENTS:
            del self._calls[next(iter(self._calls))]


def rate_limited_body(retry_after_s: float) -> tuple[bytes, dict[str, str]]:
    """The 429 JSON body and its headers."""
    seconds = max(1, math.ceil(retry_after_s))
    error = {
        "code": "rate_limited",
        "message": f"too many messages from this address; try again in {seconds} s",
    }
    headers = {"content-type": "application/json", "retry-after": str(seconds)}
    return json.dumps({"error": error}).encode(), headers


class RateLimit:
    """ASGI middleware: chat POSTs beyond the per-client limit get 429 JSON."""

    def __init__(self, app: ASGIApp, *, limiter: RateLimiter, trusted: Sequence[Network]) -> None:
        self.app = app
        self.limiter = limiter
        self.trusted = trusted

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        is_chat = scope["type"] == "http" and scope["method"] == "POST"
        if not is_chat or scope["path"] not in RATE_LIMITED_PATHS:
            await self.app(scope, receive, send)
            return
        wait_s = self.limiter.retry_after_s(self.client_of(scope))
        if wait_s <= 0:
            await self.app(scope, receive, send)
            return
        body, headers = rate_limited_body(wait_s)
        raw_headers = [(k.encode(), v.encode()) for k, v in headers.items()]
        await send({"type": "http.response.start", "status": 429, "headers": raw_headers})
        await send({"type": "http.response.body", "body": body})

    def client_of(self, scope: Scope) -> str:
        peer = scope["client"][0] if scope.get("client") else "unknown"
        return client_address(peer, Headers(scope=scope).get("x-forwarded-for"), self.trusted)


def request_client(peer: str | None, headers: Mapping[str, str], trusted: Sequence[Network]) -> str:
    """client_address for a request seen by the UI (headers as a mapping)."""
    return client_address(peer or "unknown", headers.get("x-forwarded-for"), trusted)
