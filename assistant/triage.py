"""Red-flag triage over the whole conversation, before anything else happens.

Deterministic rules (see redflags.py) applied clause by clause to everything the patient
has written, with NegEx-style scope handling (Chapman et al. 2001): a sign does not count
when it is negated ("no fever"), someone else's ("my mum had cancer"), resolved ("it went
away years ago"), hypothetical ("if I ever get numbness"), or part of a general question
("can sciatica cause numbness?"). Misspellings of key words are restored first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assistant.redflag_lexicon import KEYWORDS
from assistant.redflags import RULES, SELF_HARM, Rule
from assistant.textnorm import TypoFixer, normalize

CLAUSE_BREAK = re.compile(
    # a full stop between digits ("38.5") is a decimal point, not a break
    r"(?:[!?;:\n]|\.(?!\d)|(?<!\d)\.)+|\s[-\u2013\u2014]+\s|\s*\(|\)\s*|,\s*(?=(?:and |but |"
    r"so )?(?:i|my|it|the|there|now|then|he|she|they|we)\b)|\s+(?:but|however|although|though|"
    r"except|whereas|yet|apart from|and then|and now|and also|and i|and my|and it|so i|so my)\s+"
)
NEGATION = re.compile(
    r"\b(?:no|not|never|without|none|nor|neither|denies|deny|free of|absence of|ruled out|"
    r"negative for|nothing like|no sign of|no signs of|no history of|non|zero)\b"
)
PSEUDO_NEGATION = re.compile(
    r"\b(?:not sure|not certain|do not know|no idea|not only|not just|no doubt|not even sure|"
    r"no longer able|not that|not always|not exactly|not entirely|not totally|not completely|"
    r"not particularly|does not matter|will not (?:shift|go away|settle|budge|ease)|can not (?:lie|"
    r"sleep|sit|get comfortable|bend|rest)(?: (?:flat|still|down|properly|well))?)\b"
)
# NegEx termination terms: a negation does not reach past these ("can't walk since the fall").
NEGATION_END = re.compile(
    r"\b(?:after|since|because|when|while|which|who|following|until|due to)\b"
)
# Only a plain denial right before it discounts self-harm ("I have no thoughts of suicide");
# a hedged one still counts ("I'm not really suicidal, but ...").
SELF_HARM_DENIAL = re.compile(
    r"\b(?:no|not|never|without|none|denies|denied|denying)(?: (?:have|had|has|any|ever|thoughts?|"
    r"plans?|intention|of|to|been|am|was|being|a|the|i|feel\w*|having|getting|experiencing|got|get|"
    r"low|mood|or|and|depression))*\s*$|\b(?:ticked|answered|circled|said)\W*(?:not at all|no|"
    r"never)\W*(?:for|to)(?: (?:any|thoughts?|of|about|the|questions?))*\s*$"
)
# A plain answer right after it: "self-harm: negative"; "asked if I had thoughts of harming
# myself. No, never." / "... and I said no".
PLAIN_NO = r"(?:negative|nil|-ve|not at all)\W*$"
DENIED_IN_CLAUSE = re.compile(r"^\W*" + PLAIN_NO)
DENIED_NEXT = re.compile(
    r"^(?:" + PLAIN_NO + r"|(?:no\W+)?(?:omg\W+|lol\W+)?(?:it is|its|that is|that was|i was) "
    r"(?:just |only )?(?:an? )?(?:expression|saying|figure of speech|joke|joking|kidding)\b|"
    r"(?:and )?(?:i )?(?:said|answered|replied|ticked|told (?:her|him|them)) \W*(?:no|not at all|"
    r"never)\b|(?:no,? )?(?:i have not|i have never|i had not)(?:$|,| never| at all| no)|"
    r"no,? (?:never|not at all)\b|(?:a )?(?:joke|just joking|only joking|just kidding)\b(?!,? but)|"
    r"(?:obviously |i )?(?:did not|do not|never) (?:really )?mean(?:t)? it\b)"
)
PAST_SELF_HARM = re.compile(
    r"\b(?:used to|in recovery|when (?:he|she|they) (?:was|were) (?:a )?(?:teenager|teen|kid|young|"
    r"younger|\d+|at school)|in (?:19|20)\d\d|as a (?:teenager|teen|kid|child)|in my (?:teens|"
    r"twenties)|years ago|at (?:uni|university|school|college|1\d)\b|when i was (?:a |"
    r"at )?(?:teenager|teen|kid|young|younger|\d+|school|uni|university)|recovered|long healed|"
    r"old scars)\b"
)
CURRENT_DENIAL = re.compile(
    r"\b(?:no (?:such |suicidal )?thoughts (?:like that|of that|now|since)|"
    r"(?:been )?well (?:ever )?since|not (?:any ?more|since)|no longer|nothing like that (?:now|"
    r"since)|(?:i am|i have been) (?:fine|well|okay|ok|good|doing (?:well|great|fine)) (?:now|"
    r"since|for)|(?:completely|fully) recovered|recovered (?:for|since)|well for (?:\d+|a long|"
    r"many|years|over a decade|more than a decade)|(?:been|am|feel) well (?:a long time|for)|"
    r"(?:\d+|ten|fifteen|twenty)\+? years|proud of how far|(?:well )?past that|behind me|"
    r"long healed|had (?:therapy|help)|doing (?:well|great|fine) (?:now|since))\b"
)
# Someone else's completed suicide (grief, news) or suicide as a topic (risk, screening):
# not a sign about the writer, unless other words are.
OTHERS_SUICIDE = re.compile(
    r"\b(?:(?:took|had taken|has taken) (?:his|her|their) own life|killed (?:himself|herself|"
    r"themselves)|(?:died|dies|death) (?:by|from|of) suicide|committed suicide|"
    r"lost (?:\w+ ){1,3}to suicide|suicide (?:of|in) (?:my|his|her|a|the) \w+)\b"
)
SUICIDE_TOPIC = re.compile(
    r"\b(?:suicide (?:risk|rates?|screening|prevention|questions?|awareness)|(?:risk|"
    r"rates?) of suicide|screen\w* (?:\w+ ){0,2}for suicid\w*|(?:make|makes|made) (?:people|"
    r"someone|patients) (?:\w+ )?(?:feel )?suicidal|(?:questions?|ask\w*|talk\w*|leaflet|"
    r"section) (?:\w+ ){0,4}about (?:\w+ (?:and )?)?suicid\w*)\b"
)
# Someone else's self-harm told as a story: media, coursework, a leaflet.
STORY = re.compile(
    r"\b(?:documentary|film|movie|novel|thriller|book|character|series|tv show|podcast|article|"
    r"leaflet (?:about|on)|(?:self-harm|suicide) awareness|awareness (?:week|day|talk|session)|"
    r"(?:writing|write|wrote) (?:an? |my )?(?:essay|dissertation|thesis|assignment|article|"
    r"leaflet)|news|for (?:my|a|an|our) (?:\w+ )?(?:dissertation|essay|thesis|assignment|research|"
    r"project|leaflet|poster|course|module|presentation))\b"
)
OTHERS_LATER = re.compile(r"\b(?:again|recently|lately|this week|today|tonight|yesterday)\b")
# The sprint drill ("the coach makes us do suicides at training").
SUICIDE_DRILL = re.compile(
    r"\bsuicides?\W+(?:\w+\W+){0,3}(?:shuttle|sprint|drill|lines?|training|runs?)\b|\b(?:do|does|"
    r"doing|did|run|running|ran)\W+suicides?\b"
)
# Giving things away, or putting affairs in order, with an ordinary reason given.
SETTLING_AFFAIRS = re.compile(
    r"\b(?:(?:giv\w*|gave|given) (?:\w+ ){0,5}away|giving away|gave away|(?:(?:put|putting|get|"
    r"getting|got|sort\w*) (?:\w+ )?)?affairs in order|(?:plan\w*|arrang\w*|organi[sz]\w*|"
    r"sort\w*) (?:my|his|her) (?:own )?funeral|so (?:nobody|no one|no-one)\S* (?:\w+ )?left with)\b"
)
ORDINARY_REASON = re.compile(
    r"\b(?:moving|move (?:house|to)|downsiz\w*|bungalow|smaller (?:flat|house|place)|switching to|"
    r"(?:knees?|back|hips?) (?:can not|will not|is not|are not)|can not (?:use|do|take|stand|play|"
    r"ride|lift|kneel|climb)|no longer (?:use|need|play|ride|able)|do not need|before (?:the|my|"
    r"his|her) (?:\w+ )?(?:op|operation|surgery)|routine|organi[sz]ed|emigrat\w*|by which i mean)\b"
)
# Away for a while, with the journey said: "I won't be around in six weeks, I'm travelling".
AWAY = re.compile(
    r"\b(?:will not|not going to) be (?:around|here) (?:in|for|next|this|from|on|until|"
    r"till) (?:\w+ ){0,2}(?:days?|weeks?|weekend|fortnight|months?|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)\b"
)
TRAVELLING = re.compile(
    r"\b(?:travel\w*|holiday\w*|vacation|abroad|(?:a|the|my|our|work|business) trip|conference|"
    r"hotel|flying|cruise|away (?:on|for|in|at|with))\b"
)
# Wording that is self-harm unless an ordinary reason is given beside it.
EXPLAINED_OCCASIONS = ((SETTLING_AFFAIRS, ORDINARY_REASON), (AWAY, TRAVELLING))
OTHER_PERSON = re.compile(
    r"\b(?:my|our|his|her|their|a) (?:mum|mom|mother|dad|father|wife|husband|partner|son|daughter|"
    r"brother|sister|friend|grandma|grandmother|granny|nan|nana|grandad|grandfather|grandpa|aunt|"
    r"auntie|uncle|cousin|child|kid|baby|boss|colleague|neighbou?r|dog|cat|parents?|family|"
    r"relative|patient|client)s?(?: of (?:mine|ours))?\b|\bfamily history\b|\b(?:he|she) (?:has|"
    r"had|is|was|got)\b|\bruns in (?:my|the) family\b|\bmy (?:\d+|one|two|three|four|five|six|"
    r"seven|eight|nine|ten)[- ]?(?:year|yr|month)s?[- ]?old\b|\bmy (?:toddler|little one|youngest|"
    r"eldest|newborn|teenager|teen|stepson|stepdaughter|grandson|granddaughter|grandchild|"
    r"grandkid)s?\b"
)
FIRST_PERSON = re.compile(r"\b(?:i|me|my|mine|myself|i am|i have)\b")
# A carer describing someone else's symptoms ("my dad had cancer and now his back hurts"):
# that person's history counts, since the warning sign is theirs.
THEIR_SYMPTOMS = re.compile(
    r"\b(?:his|her|their) (?:lower |upper )?(?:back|spine|knees?|legs?|hips?|bones?|butt|bum|"
    r"bottom|behind|tailbone|neck|ribs)\b|\b(?:he|she|they|my \w+)(?:\W+\w+){0,2}?\W+(?:has|have|"
    r"had|is|are|gets|got|keeps)(?: \w+){0,3} (?:back|knee|leg|hip|bone) ?(?:pain|ache|problems?)|"
    r"\b(?:he|she|they) (?:is|has been|keeps|was) (?:walking|bent|hunched|in (?:agony|pain)|stuck)|"
    r"\b(?:he|she|they) (?:is|has been|keeps|was) complaining (?:of|about) (?:\w+ ){0,3}(?:back|"
    r"backache|knee|leg|hip|pain|ache)"
)
RESOLVED_AFTER = re.compile(
    # "it has gone" is resolved; "has gone very pale" or "gone numb" is not
    r"\b(?:(?:has|have|had|is|was) )?(?<!not )(?<!never )gone(?=\W*$| (?:now|away|completely|since|"
    r"for good|again|by itself|on its own|after|within|in a|and)\b)|\b(?:went away|resolved|"
    r"cleared(?: up)?|settled|healed|better now|fine now|all better|recovered|fixed|back to normal|"
    r"normal again|all fine|all over|no (?:problems|trouble|issues) since|nothing since|none since|"
    r"fine ever since|made a (?:good |full )?recovery|everything works|(?:it was|was|got|"
    r"been) treated|(?:it is|that is) over now|(?:was|were|is|are) fine (?:by|the next|again|"
    r"after)|(?:wore|wears) off|(?:go|goes|went|pass|passes|passed|ease|eases) (?:away |"
    r"off )?(?:after|within|in) (?:a|a few|\d+) (?:minutes?|seconds?|moments?))\b|"
    r"\bnot any ?more\b|\bno more\b|\b(?:comes|came|goes|went) (?:back|away|off) (?:as soon as|"
    r"once|when) i (?:get off|got off|stand up|stood up|get up|got up|change position)\b|\b(?:went|"
    r"goes|gone|wore off|went away) (?:the )?(?:second|moment|minute|instant|as soon as|once|"
    r"when) i (?:stood|stand|got|get) up\b|\bsettles (?:by|overnight|within|after|the next|down)\b|"
    r"\b(?:calms|goes) down (?:by|overnight|within|after|the next)\b"
)
# A time long past, said of the sign itself ("a fall years ago", "cancer as a child"); not
# further on ("I'm 80 and the doctor told me years ago I have thin bones").
LONG_AGO_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,4}?(?:(?:years|decades|long|a year|one year) ago|as a (?:child|kid|"
    r"teenager)|when i was (?:young|younger|little|a kid|a child)|in the past|last year)\b"
)
PAST_EPISODE = re.compile(r"\b(?:back in|in (?:19|20)\d\d|that time|last time|back then)\b")
RESOLVED_BEFORE = re.compile(
    r"\b(?:used to|no longer|in the past|years ago|once had|in (?:19|20)\d\d)\b"  # "back in 2009"
)
HYPOTHETICAL = re.compile(
    r"\b(?:if i (?:ever |were to |was to |later )?(?:get|got|develop|developed|start|started|"
    r"notice|noticed|experience|begin)|what if|in case|should i worry if|how would i know if|"
    r"what happens if|what would happen if|suppose|supposing|hypothetically|for example if|"
    r"if i (?:can not|could not|am unable|am not able|was unable|were unable)|what (?:should|do|"
    r"would|can) i do if|when should i (?:\w+ ){1,3}if|asked (?:me )?(?:if|whether)|if (?:someone|"
    r"somebody|a person|a patient|anyone|you) |if (?:\w+ ){0,3}ever|(?:tell|"
    r"know) the difference between|difference between|should i (?:be )?worr(?:y|ied) about|"
    r"worry about (?:getting|a|developing)|how (?:do|can|would|could) (?:i|you|we|one) tell (?:a|"
    r"an|if|whether|the|when))\b|\bif (?:she|he|they) (?:ever )?$|\bif (?:my|his|her|the|"
    r"it) (?:\w+ ){0,4}(?:spreads?|gets? (?:worse|bigger)|starts?|develops?|turns?|becomes?|"
    r"moves?)(?: (?:to|into|down))? $"
)
GENERAL_QUESTION = re.compile(
    r"^\s*(?:can|could|does|do|will|would|is|are|why|how|what|when|which|should)\b.*\b(?:cause|"
    r"causes|caused|lead to|leads to|result in|give you|mean|means|a sign of|signs? of|"
    r"symptoms? of|linked|related|associated|happen|common|normal|serious|dangerous|mention|"
    r"ask about|talk about|warn about|likely|more common|at risk|red flags?|warning signs?|"
    r"emergency)\b|^\s*what (?:is|are) (?:a |an |the )?(?:[\w-]+ ?){1,4}$"  # "what is X?"
)
# A general statement the patient repeats ("my physio said a hot knee can be serious").
GENERAL_STATEMENT = re.compile(
    r"\b(?:can|could|may|might) (?:mean|be (?:a sign|a symptom|serious|dangerous|an emergency|"
    r"a warning|a red flag)|signal|indicate|point to)\b|\b(?:is|are) (?:a |the )?(?:sign|signs|"
    r"symptom|symptoms|warning signs?|red flags?)\b"
)
REPORTING = re.compile(
    r"\b(?:i (?:know|have heard|heard|have read|read|understand|was told|have been told|learned|"
    r"have learned|saw|have seen)|(?:my|a|the|our) \w+ (?:said|says|told me|tells me|reckons|"
    r"mentioned))\b(?: that)?"
)
# A clause continuing the one before: a pronoun, or no subject at all ("... but were fine").
REFERS_BACK = re.compile(
    r"(?:it|that|this|which|they|those|the \w+|was|were|is|are|went|got|(?:have |has )?been|"
    r"all (?:over|gone|better)) "
)
NEGATION_WINDOW_WORDS = 6
MAX_CONTINUATION = 2  # following clauses read for "it went away", "it healed"
TYPOS = TypoFixer(KEYWORDS)


@dataclass(frozen=True, slots=True)
class Nearby:
    """Around a clause: the clauses after it that carry on its subject; the clauses right
    before and after it (where a time is set, "Years ago ... I took an overdose", or an
    answer to a reported question comes: "asked if I had thoughts ... No, never")."""

    following: str
    previous: str  # the two clauses before
    next_clause: str
    later: str  # the three clauses after


NOTHING_NEARBY = Nearby("", "", "", "")


@dataclass(frozen=True, slots=True)
class RedFlag:
    """A recognised warning sign: its category and the plain-language sign (fixed text)."""

    category: str
    sign: str


def triage(user_messages: Sequence[str]) -> list[RedFlag]:
    """Red flags in everything the patient has written (earlier turns included), in the
    order first seen; an empty list when there are none."""
    prepared = [prepare(message) for message in user_messages]
    clauses = [clause for message in prepared for clause in split_clauses(message)]
    caring = any(THEIR_SYMPTOMS.search(message) for message in prepared)
    general = {clause: _is_general(clause) for clause in clauses}
    flags: list[RedFlag] = []
    for position, clause in enumerate(clauses):
        candidates = [
            rule for rule in RULES if _may_match(rule, rule.pattern, clause, general[clause])
        ]
        if not candidates:  # most clauses: no rule's pattern occurs in them
            continue
        nearby = Nearby(
            following=_continuation(clauses, position),
            previous=" ".join(clauses[max(0, position - 2) : position]),
            next_clause=clauses[position + 1] if position + 1 < len(clauses) else "",
            later=" ".join(clauses[position + 1 : position + 4]),
        )
        for rule in candidates:
            flag = RedFlag(rule.category, rule.sign)
            if flag not in flags and _fires(rule, clause, nearby, general, caring):
                flags.append(flag)
    return flags


def _may_match(rule: Rule, pattern: re.Pattern[str], clause: str, is_general: bool) -> bool:
    """The cheap first test of _matches: the rule applies to the clause and `pattern` occurs
    in it."""
    return (rule.category == SELF_HARM or not is_general) and pattern.search(clause) is not None


def _continuation(clauses: Sequence[str], position: int) -> str:
    """The clauses right after `position` that carry on its subject ("the calf swelled, but it
    was checked and it healed"): where a resolution can be said."""
    chain: list[str] = []
    for clause in clauses[position + 1 : position + 1 + MAX_CONTINUATION]:
        if PAST_EPISODE.search(clause):  # "it settled that time": another, earlier episode
            break
        resolution = RESOLVED_AFTER.match(clause) or LONG_AGO_AFTER.match(clause)
        if not (REFERS_BACK.match(clause) or resolution):  # "... and it healed"
            break
        chain.append(clause)
    return " ".join(chain)


def prepare(text: str) -> str:
    return TYPOS.fix(normalize(text))


def split_clauses(text: str) -> list[str]:
    """Negation and attribution do not reach across these boundaries."""
    return [clause.strip() for clause in CLAUSE_BREAK.split(text) if clause and clause.strip()]


def _fires(
    rule: Rule, clause: str, nearby: Nearby, general: Mapping[str, bool], caring: bool
) -> bool:
    """`general` maps every clause of the conversation to _is_general (computed once)."""
    if not _matches(rule, rule.pattern, clause, nearby, caring, general[clause]):
        return False
    if rule.context is None:
        return True
    return any(
        _matches(rule, rule.context, other, NOTHING_NEARBY, caring, is_general)
        for other, is_general in general.items()
    )


def _matches(
    rule: Rule,
    pattern: re.Pattern[str],
    clause: str,
    nearby: Nearby,
    caring: bool,
    is_general: bool,
) -> bool:
    """True when `pattern` has a match in `clause` that the patient (or, when `caring`, the
    person they describe) reports as current. The clauses that carry on its subject ("...
    but it's gone") can mark the match as resolved."""
    if not _may_match(rule, pattern, clause, is_general):
        return False
    is_self_harm = rule.category == SELF_HARM
    if rule.same_clause is not None and not rule.same_clause.search(clause):
        return False
    if rule.not_in_clause is not None and rule.not_in_clause.search(clause):
        return False
    for match in pattern.finditer(clause):
        before, after = clause[: match.start()], f"{clause[match.end() :]} {nearby.following}"
        if rule.unless_after is not None and rule.unless_after.search(before):
            continue
        if is_self_harm:  # its own discounts: a hypothetical or a carer's report still counts
            if not _is_self_harm_discounted(clause, match, after, nearby):
                return True
            continue
        if _is_negated(before):
            continue
        if not _is_discounted(rule, before, after, caring):
            return True
    return False


def _is_self_harm_discounted(clause: str, match: re.Match[str], after: str, nearby: Nearby) -> bool:
    """Denied now, or not about anyone's current wish to harm themselves. A hedged denial, a
    past mention without a denial now, and a threat by someone else all still count."""
    return _is_denied(clause, match, after, nearby) or _is_not_a_current_wish(clause, match, nearby)


def _is_denied(clause: str, match: re.Match[str], after: str, nearby: Nearby) -> bool:
    """Plainly denied ("denies thoughts of self-harm"; "asked if I had thoughts ... No,
    never"; "I didn't mean it"), or long past and denied now ("I used to self-harm as a
    teenager, but I have been well ever since")."""
    before = clause[: match.start()]
    if SELF_HARM_DENIAL.search(before) or DENIED_IN_CLAUSE.match(clause[match.end() :]):
        return True
    if DENIED_NEXT.match(nearby.next_clause):
        return True
    around = f"{nearby.previous} {before} {after} {nearby.later}"
    return bool(PAST_SELF_HARM.search(around) and CURRENT_DENIAL.search(f"{after} {nearby.later}"))


def _is_not_a_current_wish(clause: str, match: re.Match[str], nearby: Nearby) -> bool:
    """Someone else's story (a film, an essay), their completed suicide or their self-harm
    long ago; the sprint drill; things given away, affairs settled or a set time away, with a
    stated ordinary reason ("he's moving into a bungalow", "I'm travelling"); suicide as a
    topic in a clause that says nothing of the writer ("why do pain clinics screen for
    suicide risk?")."""
    before, next_clause = clause[: match.start()], nearby.next_clause
    said_of_another = not FIRST_PERSON.search(match.group(0))
    if said_of_another and STORY.search(f"{clause} {next_clause}"):
        return True
    if (
        said_of_another
        and OTHER_PERSON.search(before)
        and PAST_SELF_HARM.search(f"{nearby.previous} {clause} {nearby.later}")
        and not OTHERS_LATER.search(f"{clause[match.end() :]} {next_clause}")
    ):
        return True
    if _within(OTHERS_SUICIDE, clause, match) or _within(SUICIDE_DRILL, clause, match):
        return True
    if any(
        _within(occasion, clause, match) and reason.search(f"{clause} {next_clause}")
        for occasion, reason in EXPLAINED_OCCASIONS
    ):
        return True
    return _within(SUICIDE_TOPIC, clause, match) and not FIRST_PERSON.search(clause)


def _within(pattern: re.Pattern[str], clause: str, match: re.Match[str]) -> bool:
    """True when `match` starts inside a match of `pattern` in the same clause."""
    return any(found.start() <= match.start() < found.end() for found in pattern.finditer(clause))


def _is_negated(before: str) -> bool:
    """A negation in the last few words, not cut off by a termination term."""
    words = PSEUDO_NEGATION.sub(" ", before).split()
    window = NEGATION_END.split(" ".join(words[-NEGATION_WINDOW_WORDS:]))[-1]
    return bool(NEGATION.search(window))


def _is_discounted(rule: Rule, before: str, after: str, caring: bool) -> bool:
    """Someone else's (for personal history, unless their symptoms are the subject),
    hypothetical, or resolved."""
    other = OTHER_PERSON.search(before)
    theirs = other is not None and not FIRST_PERSON.search(before[other.end() :])
    if rule.self_only and theirs and not caring:
        return True
    if HYPOTHETICAL.search(before):
        return True
    if rule.is_history:
        return False
    return bool(
        RESOLVED_AFTER.search(after)
        or LONG_AGO_AFTER.match(after)
        or RESOLVED_BEFORE.search(before)
    )


def _is_general(clause: str) -> bool:
    """A general question about a condition ("can a slipped disc cause numbness?"), or a
    general statement passed on ("I read that back pain with a fever can mean infection")."""
    if GENERAL_QUESTION.search(clause):
        return not FIRST_PERSON.search(clause)
    if GENERAL_STATEMENT.search(clause) and REPORTING.search(clause):
        return not FIRST_PERSON.search(REPORTING.sub(" ", clause))
    return False
