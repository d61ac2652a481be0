"""`python -m llama_cpp.server` with weight repacking turned off, for tests/llama_server.py.

On CPUs with AMX (Sapphire Rapids and later), llama.cpp repacks the weights into an AMX
buffer and crashes in ggml_backend_amx_mul_mat on the first completion (ggml-org/llama.cpp
issue 20824; seen here with SmolLM2-135M: the server died with SIGSEGV). The server has no
option for it, so this sets the model parameter `use_extra_bufts` to false before it starts.
"""

from __future__ import annotations

from typing import Any

import llama_cpp.llama_cpp as llama_api
from llama_cpp.server.__main__ import main

_default_model_params = llama_api.llama_model_default_params


def model_params_without_repacking() -> Any:
    params = _default_model_params()
    params.use_extra_bufts = False
    return params


if __name__ == "__main__":
    llama_api.llama_model_default_params = model_params_without_repacking
    main()
