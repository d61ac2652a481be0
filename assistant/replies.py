"""Fixed reply texts: the disclaimer and the messages that do not come from the corpus."""

from __future__ import annotations

DISCLAIMER = (
    "General information from a reviewed library, not medical advice. It cannot diagnose "
    "you, suggest doses or change your medicines. For your own situation, talk to {clinic} "
    "or another qualified clinician. If symptoms are severe or getting worse, seek urgent care."
)

OUT_OF_SCOPE = (
    "I can only answer general questions about knee pain and lower-back pain from {clinic}'s "
    "reviewed library, and this question is outside it. For other health concerns, please "
    "ask a pharmacist, your GP or another clinician. You could ask me, for example, which "
    "exercises help knee osteoarthritis or when back pain needs a scan."
)

NOT_FOUND = (
    "I could not find anything in the reviewed library that answers this question well "
    "enough to quote, so I won't guess. Please ask a clinician at {clinic}, or try asking "
    "about knee or lower-back pain in a different way."
)


def disclaimer(clinic_name: str) -> str:
    return DISCLAIMER.format(clinic=clinic_name)


def out_of_scope(clinic_name: str) -> str:
    return OUT_OF_SCOPE.format(clinic=clinic_name)


def not_found(clinic_name: str) -> str:
    return NOT_FOUND.format(clinic=clinic_name)
