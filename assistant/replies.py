"""Fixed reply texts: the disclaimer and the messages that do not come from the corpus."""

from __future__ import annotations

DISCLAIMER = (
    "General information from a reviewed library, not medical advice. It cannot diagnose "
    "you, suggest doses or change your medicines. For your own situation, talk to {clinic} "
    "or another qualified clinician. If symptoms are severe or getting worse, seek urgent care. "
    "If you are struggling or thinking of harming yourself, please talk to someone now: {crisis}"
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


def disclaimer(clinic_name: str, crisis_text: str) -> str:
    """On every reply. The crisis line is there because wording of self-harm that triage does
    not recognise still reaches ordinary answers (see evals/README.md, wording rounds)."""
    return DISCLAIMER.format(clinic=clinic_name, crisis=crisis_text)


def out_of_scope(clinic_name: str) -> str:
    return OUT_OF_SCOPE.format(clinic=clinic_name)


def not_found(clinic_name: str) -> str:
    return NOT_FOUND.format(clinic=clinic_name)


URGENT_CARE = (
    "**Please get medical help urgently.** You mentioned {signs}. With knee or back pain, "
    "this can be a warning sign that needs a doctor to check you today, so it is not something "
    "to manage with general information from me. {emergency}\n\n{urgent_line}"
)

SELF_HARM = (
    "**I'm sorry you are going through this. Please reach out for support right now.** "
    "You mentioned thoughts of harming yourself or ending your life. You deserve support from "
    "a person today. {crisis} If you might act on these thoughts or are in danger: {emergency}"
)

REFUSALS = {
    "diagnosis": (
        "I can't tell you what you have or what is causing your symptoms. A diagnosis needs "
        "a clinician who can ask questions and examine you."
    ),
    "dose": (
        "I can't suggest a dose or how often to take a medicine. The right amount depends on "
        "you, your other medicines and the product, so please ask a pharmacist or your doctor, "
        "and read the leaflet that comes with it."
    ),
    "medication_change": (
        "I can't advise you to start, stop, combine or change a medicine. Please talk to the "
        "clinician who prescribed it or a pharmacist before making any change."
    ),
    "scan_interpretation": (
        "I can't interpret your own scan, X-ray or test results. The clinician who ordered them "
        "can explain what they mean for you, together with your symptoms and examination."
    ),
}
REFUSAL_TAIL = "Please talk to {clinic} or another clinician about your own situation."
GENERAL_INFORMATION = "**What the reviewed library says in general:**"


def urgent_care(
    signs: list[str], emergency_text: str, urgent_line: str, crisis_text: str, *, self_harm: bool
) -> str:
    """The escalation reply; it names the recognised signs (fixed texts, never user words)."""
    if self_harm:
        return SELF_HARM.format(crisis=crisis_text, emergency=emergency_text)
    listed = signs[0] if len(signs) == 1 else ", ".join(signs[:-1]) + " and " + signs[-1]
    return URGENT_CARE.format(signs=listed, emergency=emergency_text, urgent_line=urgent_line)


def refusal(kind: str, clinic_name: str, general_answer: str = "") -> str:
    """A kind refusal explaining why, then (when found) general cited information."""
    text = f"{REFUSALS[kind]} {REFUSAL_TAIL.format(clinic=clinic_name)}"
    return f"{text}\n\n{GENERAL_INFORMATION}\n\n{general_answer}" if general_answer else text


def grounded_part(answer: str) -> str:
    """The part of an answer built from corpus sentences (after a refusal, if any)."""
    return (
        answer.split(GENERAL_INFORMATION, 1)[1].strip() if GENERAL_INFORMATION in answer else answer
    )
