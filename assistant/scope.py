"""Is a question inside the corpus? Topic words first, then the calibrated similarity score.

Near-domain questions (another body part or condition, e.g. shoulder pain or migraine) are
caught by topic words, because their wording is close to the corpus ("pain", "exercise").
Far questions (recipes, tax) are caught by a low best dense similarity. The threshold is
calibrated on the dev set (see evals/README.md, "Calibrating the scope threshold").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.textnorm import normalize

ON_TOPIC = re.compile(
    r"\b(?:knees?|kneecaps?|patella\w*|menisc\w*|acl|back|backs|backache|spine|spinal|lumbar|"
    r"sciatica|sciatic|hips?|legs?|thighs?|hamstrings?|quads?|quadriceps|calf|calves|discs?|"
    r"vertebra\w*|pelvis|pelvic|buttocks?|glute\w*|tailbone|coccyx|sacro\w*|osteoarthritis|"
    r"arthritis|posture|lordosis|slouch\w*|nsaids?|ibuprofen|naproxen|painkillers?|"
    r"physio\w*|knee-spine|hip-spine)\b"
)
OFF_TOPIC = re.compile(
    r"\b(?:shoulders?|rotator cuff|frozen shoulder|neck|cervical|whiplash|elbows?|tennis elbow|"
    r"golfer'?s elbow|wrists?|hands?|fingers?|thumbs?|knuckles?|carpal tunnel|ankles?|foot|feet|"
    r"toes?|heels?|plantar|bunions?|achilles|jaw|tmj|teeth|tooth|dental|gums?|head|headaches?|"
    r"migraines?|eyes?|ears?|skin|rash|eczema|psoriasis|acne|stomach|abdomen|abdominal|bowel "
    r"cancer|heart|lungs?|asthma|diabetes|blood pressure|cholesterol|covid|flu|colds?|"
    r"period pain|menstrua\w*|fibromyalgia|lupus|gout|rheumatoid|chest|ribs?|throat|sinus\w*|"
    r"kidneys?|liver|thyroid|anxiety|depression|insomnia|sleep apnoea|vaccines?|pregnan\w*|"
    r"ibs|reflux|hernia)\b"
)

# Conditions and subjects the corpus does not cover even when a knee, hip or back is named
# ("psoriasis on my knees", "my dog's back leg"): these decide before the topic words.
OTHER_CONDITION = re.compile(
    r"\b(?:rheumatoid|psoria\w*|restless legs?|shin splints?|bursitis|gout|lupus|"
    r"fibromyalgia|(?:my|our|his|her|their) (?:dog|cat|puppy|kitten|horse|pony|pet)s?|vets?|"
    r"veterinar\w*)\b"
)


@dataclass(frozen=True, slots=True)
class ScopeDecision:
    """Whether to answer, and why not (for logs and the eval)."""

    in_scope: bool
    reason: str  # "in_scope" | "other_topic" | "low_similarity"
    similarity: float


def about_other_topic(question: str) -> bool:
    """True when the question names a condition or body part the corpus does not cover."""
    text = normalize(question)
    return bool(OTHER_CONDITION.search(text)) or (
        bool(OFF_TOPIC.search(text)) and not ON_TOPIC.search(text)
    )


def judge_scope(question: str, best_similarity: float, *, threshold: float) -> ScopeDecision:
    """Out of scope when the question is about a condition the corpus does not cover, about
    another body part and not knees or backs, or when nothing in the corpus is similar enough."""
    if about_other_topic(question):
        return ScopeDecision(False, "other_topic", best_similarity)
    if best_similarity < threshold:
        return ScopeDecision(False, "low_similarity", best_similarity)
    return ScopeDecision(True, "in_scope", best_similarity)
