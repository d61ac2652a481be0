"""Turn a follow-up message into a self-contained search query using earlier user turns."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.bm25 import STOPWORDS
from assistant.models import Turn

FOLLOW_UP_START = re.compile(
    r"^\s*(?:and|but|so|also|plus|then|ok(?:ay)?|what about|how about|what if|same for|"
    r"is (?:it|that|this|there)|are (?:they|those|these)|does (?:it|that|this)|"
    r"do (?:they|those|these)|can (?:it|that|this|they)|will (?:it|that|this)|"
    r"should (?:it|that)|how long|how often|why (?:is|does) (?:it|that))\b",
    re.IGNORECASE,
)
REFERRING_WORDS = frozenset(
    "it that this they them those these there one ones same such either both".split()
)
# Body parts and conditions that make a question stand on its own.
ANCHORS = re.compile(
    r"\b(?:knee|knees|back|backs|spine|spinal|lumbar|hip|hips|leg|legs|thigh|hamstrings?|"
    r"discs?|nerves?|sciatica|sciatic|osteoarthritis|arthritis|posture|pelvis|sacro\w*)\b",
    re.IGNORECASE,
)
PRONOUNS = frozenset("it that this they them those these".split())
FILLER = frozenset("thanks thank ok okay yes no please great cool right hmm well".split())
MAX_SHORT_CONTENT_WORDS = 3
MAX_ANCHORED_CONTENT_WORDS = 4  # "how does it affect the spine?" still leans on "it"
MAX_CONTEXT_CHARS = 300


def is_follow_up(message: str) -> bool:
    """True when the message leans on earlier turns ("what about surgery?", "is it safe?")."""
    words = re.findall(r"[a-z']+", message.lower())
    content = [w for w in words if w not in STOPWORDS and w not in FILLER]
    has_anchor = ANCHORS.search(message) is not None
    if FOLLOW_UP_START.match(message):
        return True
    if has_anchor:  # names a body part, so it stands alone unless a short one says "it"
        return len(content) <= MAX_ANCHORED_CONTENT_WORDS and any(w in PRONOUNS for w in words)
    return len(content) <= MAX_SHORT_CONTENT_WORDS or any(w in REFERRING_WORDS for w in words)


def contextualize(message: str, history: Sequence[Turn], *, context_turns: int) -> str:
    """The search query: the message, then the earlier user turns it depends on (most recent
    first, each cut to a few hundred characters so the message itself is never truncated)."""
    if context_turns == 0 or not is_follow_up(message):
        return message
    earlier = [turn.content for turn in history if turn.role == "user"][-context_turns:]
    context: list[str] = []
    for content in reversed(earlier):
        context.append(content[:MAX_CONTEXT_CHARS])
        if not is_follow_up(content):
            break
    return " ".join([message, *context])
