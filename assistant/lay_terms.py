"""Patients' words -> the corpus's words, added to the search query ("cortisone shot" ->
"steroid injection"), so lay wording finds the passages written in clinical terms.

The table maps everyday phrases to the terms the reference notes use; it widens the query,
it never replaces what the patient wrote.
"""

from __future__ import annotations

import re

LAY_TERMS: tuple[tuple[str, str], ...] = (
    (r"cortisone|(?:steroid |knee |back )?(?:shots?|jabs?)", "steroid injection"),
    (r"x ?rays?|xrays?", "x-ray imaging"),
    (r"bloods|blood ?work", "blood tests"),
    (r"hamm(?:y|ies|ys)|hammies", "hamstrings"),
    (r"bad back|sore back|achy back|back ache|backache", "low back pain"),
    (r"bad knees?|sore knees?|dodgy knees?|achy knees?", "knee pain"),
    (r"wear and tear|wear-and-tear|worn (?:out )?(?:knees?|joints?)", "osteoarthritis"),
    (r"slipped discs?|bulging discs?", "herniated disc protrusion"),
    (r"pinched nerves?|trapped nerves?", "nerve root sciatica"),
    (r"bow ?legs?|bow-legged|bowlegged|legs? curve outwards?", "bow legs varus alignment"),
    (r"knock ?knees?|knock-kneed", "knock knees valgus alignment"),
    (r"new knee(?: joint)?|knee replacement|replac\w* (?:my |the )?knee", "total knee replacement"),
    (r"operations?", "surgery"),
    (r"anti-?inflammator\w*|ibuprofen|naproxen|diclofenac", "NSAIDs"),
    (r"(?:swimming|pool|aqua\w*|water aerobics)", "water exercise"),
    (r"(?:losing|lose|lost) weight|diet\w*|slimming", "weight loss"),
    (r"(?:slouch\w*|hunch\w*|sitting up straight|stand up straight)", "posture"),
    (r"safe|dangerous|risky|side effects?", "risks harms"),
    (r"how long|when will|go away|get better", "usually improves recovery"),
)
PATTERNS = tuple((re.compile(rf"\b(?:{lay})\b", re.IGNORECASE), terms) for lay, terms in LAY_TERMS)


def expand(query: str) -> str:
    """The query followed by the corpus terms for any lay phrase it contains."""
    additions = [terms for pattern, terms in PATTERNS if pattern.search(query)]
    additions = [terms for terms in dict.fromkeys(additions) if terms.lower() not in query.lower()]
    return f"{query} {' '.join(additions)}" if additions else query
