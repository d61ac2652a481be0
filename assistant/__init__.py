"""A grounded knee and lower-back pain assistant that clinics run themselves."""

from assistant.chain import Assistant, build_chain, retriever
from assistant.config import Settings
from assistant.models import Citation, Reply, ReplyKind, Turn

__all__ = [
    "Assistant",
    "Citation",
    "Reply",
    "ReplyKind",
    "Settings",
    "Turn",
    "build_chain",
    "retriever",
]
