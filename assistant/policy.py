"""Requests the assistant must decline: a personal diagnosis, a dose, a medication change,
or reading the patient's own scan or test results."""

from __future__ import annotations

import re
from enum import StrEnum

from assistant.textnorm import any_of, given, normalize, then


class UnsafeKind(StrEnum):
    DIAGNOSIS = "diagnosis"
    DOSE = "dose"
    MEDICATION_CHANGE = "medication_change"
    SCAN_INTERPRETATION = "scan_interpretation"


MEDICINES = (
    r"ibuprofen|naproxen|diclofenac|celecoxib|etoricoxib|meloxicam|aspirin|paracetamol|"
    r"acetaminophen|tylenol|advil|nurofen|motrin|aleve|voltaren|voltarol|codeine|co-?codamol|"
    r"tramadol|morphine|oxycodone|oxycontin|hydrocodone|fentanyl|buprenorphine|gabapentin|"
    r"pregabalin|lyrica|neurontin|amitriptyline|nortriptyline|duloxetine|cymbalta|steroids?|"
    r"prednisolone|prednisone|cortisone|opioids?|opiates?|pain ?killers?|pain (?:meds|medication|"
    r"medicine|tablets|pills)|meds|medications?|medicines?|pills?|tablets?|capsules?|nsaids?|"
    r"anti-?inflammator\w*|muscle relaxants?|diazepam|cyclobenzaprine|methocarbamol|baclofen|"
    r"warfarin|blood thinners?|apixaban|rivaroxaban|methotrexate|glucosamine|prescriptions?|"
    r"antidepressants?|sleeping pills?|cbd|turmeric|panadol|panadeine|solpadeine|co-?dydramol|"
    r"dihydrocodeine|naprosyn|celebrex|arcoxia|mobic|piroxicam|feldene|ketoprofen|etodolac|"
    r"nabumetone|indomethacin|ibuleve|capsaicin|zapain|tylex|ultram|norco|vicodin|percocet|endone|"
    r"panamax|mersyndol|nucynta|tapentadol|flexeril|robaxin|valium|zoloft|sertraline|allopurinol|"
    r"colchicine|statins?|atorvastatin|simvastatin|bisoprolol|amlodipine|ramipril|metformin|"
    r"insulin|levothyroxine|omeprazole|lansoprazole|beta ?blockers?|calpol|calprofen|medised|"
    r"children'?s (?:paracetamol|ibuprofen)"
)
DOSE_WORDS = (
    r"dose|doses|dosage|dosing|mg|milligrams?|mcg|ml|\d+(?:\.\d+)? ?(?:mg|g|grams?|mcg|ml)|"
    r"\d+ ?/ ?\d{3}"  # strengths: "1200mg", "3g", "co-codamol 30/500"
)
DOSE_QUESTION = (
    r"how (?:much|many)|(?:what|which) strength|how often (?:should|can|could|do|shall) i (?:take|"
    r"use|have)|how many times (?:a|per) day|"
    r"(?<!not want )(?<!not asking for )(?<!not need )(?<!not take )(?<!without )(?<!no )(?:two|2|"
    r"three|3|four|4|double|extra|more|another) (?:tablets|pills|doses|capsules)|maximum|max|"
    r"upper limit|the most|most i can|as much as|too much|more than (?:the|it) (?:packet|label|"
    r"leaflet|box|says)|how long (?:can|should) i (?:take|stay on)|every (?:\d+|two|three|four|"
    r"five|six|eight|twelve|few|couple of) hours|(?:taper\w*|weaning|dosing) (?:schedule|plan|"
    r"regime|regimen)|(?:right|safe|sensible|correct|usual|normal|daily|maximum|ideal|proper|"
    r"recommended) (?:\w+ )?amount|amount (?:of|i can|i should|to take)|how (?:much|"
    r"many) (?:\w+ ){0,3}(?:can|should|could|may|do) (?:i|he|she|we)|(?:extra|"
    r"more) (?:\w+ )?(?:could|can|should) i (?:take|have)"
)
CHANGE_VERBS = (
    r"stop\w*|quit\w*|come off|coming off|get off|go off|reduc\w*|lower\w*|ditch\w*|go back on|"
    r"get back on|going back on|restart\w*|resum\w*|transition\w*|mov(?:e|ing) (?:from|onto|to)|"
    r"pack in|knock off|decreas\w*|increas\w*|rais\w*|doubl\w*|halv\w*|skip\w*|miss\w*|switch\w*|"
    r"swap\w*|chang\w*|replac\w*|taper\w*|wean\w*|start\w*|cut\w*|begin\w*|try|trying|add\w*|"
    r"mix\w*|combin\w*|tak(?:e|ing) (?:more|less|extra|both)|tak(?:e|ing)|use|using|keep taking|"
    r"give up|drop\w*|giv(?:e|ing)"
)
ASKING = (
    r"should|can|could|may|might|shall|do i need to|is it (?:ok|okay|safe|fine|alright|bad|"
    r"better)(?: for me)? to|would it (?:be )?(?:ok|okay|safe|fine|better)(?: for me)? to|"
    r"i want to|thinking (?:of|about)|planning to|going to|allowed to|am i able to|tell me to|"
    r"ok to|better off|would i be|write me|give me|make me|i would like to|would it (?:hurt|matter|"
    r"be a problem) (?:to|if i)|do i (?:still |really )?(?:need|have) to|is it (?:alright|"
    r"all right) to|(?:is|would) it (?:be )?(?:ok|okay|safe|fine|alright|all right|better|sensible|"
    r"wise|a good idea|a bad idea|dangerous|risky)(?: for me)? (?:if i|for me to)|"
    r"it would be (?:ok|okay|safe|fine|alright|all right|better|sensible|wise|"
    r"a good idea)(?: for me)? (?:to|if i)|how (?:do|can|should|would|could) i|how to|best way to|"
    r"(?:he|she|they) (?:wants?|want) to|wants to|(?:a good|half a) mind to|tempted to"
)
PEOPLE = (
    r"husband|wife|partner|mum|mom|mother|dad|father|friend|son|daughter|brother|sister|neighbou?r|"
    r"nan|gran|grandad|flatmate|colleague"
)
SOMEONE_ELSES_MEDICINE = given(  # "can I use my husband's (co-codamol)?"
    rf"\b(?:{MEDICINES})\b",
    rf"\b(?:use|take|have|borrow|try)\w* (?:\w+ ){{0,3}}(?:of )?(?:hers|his|theirs|(?:my |his |"
    rf"her )?(?:{PEOPLE})'?s)\b",
)
GIVING_MY_MEDICINE = (
    rf"\b(?:give|share|lend|offer)\w* (?:[\w'-]+ ){{0,5}}(?:my|"
    rf"some of my) (?:\w+ )?(?:{MEDICINES})\b"
)
ALCOHOL_WITH_MEDICINE = (
    rf"\b(?:alcohol|wine|beers?|pints?|a drink|drinks|booze|lager|cider|spirits|vodka|whisky|"
    rf"gin)(?: \w+){{0,5}} (?:while|whilst|with|on|taking) (?:\w+ ){{0,3}}(?:{MEDICINES})\b"
)
PRONOUN = r"it|them|these|this|that|those|the tablets|the pills"
CONDITIONS = (
    r"torn|tear|slipped|herniated|bulging|prolapsed|broken|fractured|arthritis|osteoarthritis|"
    r"sciatica|meniscus|acl|mcl|ligament|cartilage|disc|syndrome|serious|cancer|infection|gout|"
    r"bursitis|tendon\w*|tendinitis|stenosis|spondyl\w*|tumou?r|clot|dvt|something serious|"
    r"nerve damage|pinched nerve|trapped nerve|knee-spine syndrome|hip-spine syndrome|cauda equina|"
    r"osgood\w*|schlatter\w*|sinding|chondromalacia|runner'?s knee|jumper'?s knee|"
    r"patell\w* (?:tendin\w*|tendon\w*|femoral\w*|dislocation)|it ?band|itb|baker'?s cyst|"
    r"housemaid'?s knee|sacroiliac|si joint|piriformis|ankylosing|spondylitis|fibromyalgia|"
    r"sprain\w*|strain\w*|pulled (?:a )?muscle|dislocat\w*|kidney stones?|kidney infection|"
    r"shingles|rheumatoid"
)
SCANS = (
    r"mri|mri scan|x-?rays?|xrays?|ct|ct scan|scan|scans|report|results?|radiology report|"
    r"blood (?:tests?|results|work)|bloods|ultrasound|imaging|letter|findings"
)
SCAN_VERBS = (
    r"says?|said|shows?|showed|shown|found|finds|mentions?|mentioned|reads|reported|came back|mean|"
    r"means|interpret|explain|read|look at|tell me|indicate|indicates|suggests?|showing|"
    r"make sense of|understand|decode|decipher|translate|go through|go over|talk me through|"
    r"walk me through"
)
RADIOLOGY = (
    r"l[1-5] ?[-/] ?(?:l[1-5]|s1)|disc (?:bulge|protrusion|herniation|desiccation)|broad[- ]based|"
    r"degenerative changes|osteophytes?|modic|facet (?:joint )?arthropathy|canal stenosis|"
    r"foraminal|kellgren|grade [1-4]|joint space narrowing|effusion|chondral|(?:partial|"
    r"full) thickness|subchondral|bone marrow (?:o)?edema|signal change|compartment|crp (?:of |is |"
    r"was )?\d+|facet (?:joint )?(?:hypertrophy|arthrosis)|annular (?:fissure|tear)|"
    r"spondylolisthesis|schmorl\w*|endplate|pars defect|ligamentum flavum|thecal sac|"
    r"nerve root (?:compression|impingement|contact)|(?:medial|lateral) (?:compartment|joint line)|"
    r"esr (?:of |is |was )?\d+|baker'?s cyst|posterior horn|(?:horizontal|radial|complex|"
    r"bucket[- ]handle) tear|extrusion|sequestrat\w*|lateral recess|paracentral|chondrocalcinosis|"
    r"loose bod(?:y|ies)|insufficiency fracture|wedge fracture|(?:mild|moderate|"
    r"severe) (?:\w+ )?(?:stenosis|degeneration|narrowing)|tricompartmental|ha?emangioma|"
    r"retrolisthesis|osteochondral"
)
# The patient asks what a result means for them ("is that why ...", "do I need surgery?").
RESULT_QUESTION = (
    r"mean|means|meaning|why|is (?:that|this|it) (?:normal|high|low|bad|ok|okay|serious|why)|"
    r"could (?:that|this|it)|should i (?:be )?worr\w*|explain|interpret|do i need|will i need|"
    r"serious|how long|affect|what now"
)
# Words that make a report the patient's own ("my MRI", "it says", "came back showing").
PERSONAL_RESULT = (
    r"\b(?:my|mine|it says|says|said|shows?|showed|showing|came back|reads|found|for me|in my case|"
    r"i have|i have got|his|her|their|our|i will|will i|do i|i need)\b"
)
LAB_TESTS = (
    r"uric acid|urate|vitamin d|vit d|crp|esr|hla-?b27|rheumatoid factor|rf|anti-?ccp|ana|"
    r"white (?:cell|blood cell) count|wbc|ferritin|calcium|alkaline phosphatase|alp|psa|b12|hba1c|"
    r"inflammatory markers|inflammation markers|bone density|dexa|t-?score|egfr|creatinine|"
    r"ha?emoglobin|hb|platelets|inr|glucose"
)
# Text pasted from elsewhere that addresses the assistant is data, not the patient's request.
EMBEDDED_INSTRUCTION = re.compile(
    r"(?:\[[^\]]*\]|'[^']{12,}'|\"[^\"]{12,}\"|\u201c[^\u201d]{12,}\u201d|---.*?---)",
    re.DOTALL,
)
INSTRUCTION_CUES = re.compile(
    r"\b(?:ignore|disregard|instruction|instructions|assistant|assistants|system|override|prompt|"
    r"you are now|note to ai|as an ai|jailbreak|developer mode)\b"
)

PATTERNS: tuple[tuple[UnsafeKind, re.Pattern[str]], ...] = (
    (
        UnsafeKind.SCAN_INTERPRETATION,
        any_of(
            then(
                rf"(?:(?:my|our|his|her|\w+'s)(?: \w+){{0,2}}?|the|these|this) (?:{SCANS})",
                SCAN_VERBS,
                6,
            ),
            rf"\A(?=[\s\S]*?\b(?:{RESULT_QUESTION})\b)(?:\w+ ){{0,2}}(?:{SCANS}) (?:\w+ ){{0,2}}"
            r"(?:came back|showed|says|said|found|reads|reported)\b",
            given(
                rf"\b(?:{RESULT_QUESTION})\b",
                rf"\b(?:got|had|have) (?:my|his|her|\w+'s) (?:\w+ )?(?:{SCANS}) back\b",
            ),
            then(rf"{SCAN_VERBS}|what does|what do", rf"my (?:\w+ ){{0,2}}(?:{SCANS})", 4),
            given(
                rf"\b(?:{RESULT_QUESTION})\b",
                then(
                    rf"(?:my|his|her|\w+'s) (?:\w+ ){{0,2}}(?:{LAB_TESTS})",
                    r"(?:was|is|were|are|came back|reading|level|result|of|at) (?:\w+ )?(?:\d+|"
                    r"positive|negative|high|low|raised|normal|abnormal|borderline)",
                    3,
                ),
            ),
            given(PERSONAL_RESULT, rf"\b(?:{RADIOLOGY})\b"),
        ),
    ),
    (
        UnsafeKind.DOSE,
        any_of(
            rf"\b(?:{DOSE_WORDS})\b",
            rf"\b(?:{DOSE_QUESTION})\b(?=.*\b(?:{MEDICINES})\b)",
            rf"\b(?:{MEDICINES})\b.*\b(?:{DOSE_QUESTION})\b",
        ),
    ),
    (
        UnsafeKind.MEDICATION_CHANGE,
        any_of(
            then(ASKING, rf"(?:{CHANGE_VERBS})\b(?:\W+\w+){{0,4}}?\W+\b(?:{MEDICINES})", 3),
            then(
                rf"(?:take|taking|mix|mixing|combine|combining|use|using|have|"
                rf"having)\W+(?:\w+\W+){{0,3}}?(?:{MEDICINES})",
                rf"(?:with|alongside|together with|on top of|at the same time as|"
                rf"and)\W+(?:\w+\W+){{0,2}}?(?:{MEDICINES}|it|them|that|those)",
                3,
            ),
            r"which (?:one|of them|medicine|tablet|painkiller) should i (?:take|use|have)",
            rf"^\W*(?:stop|quit|switch|swap|drop|ditch|double|halve|come off) (?:my |"
            rf"the )?(?:\w+ )?(?:{MEDICINES})\b",  # terse: "stop meloxicam, try turmeric instead?"
            rf"\bon (?:{MEDICINES})\b(?:\W+\w+){{0,4}}?\W+(?:start\w*|tak\w*|add\w*|"
            rf"mix\w*) (?:\w+ "
            rf")?(?:{MEDICINES})\b",  # "if someone on sertraline started taking tramadol"
            SOMEONE_ELSES_MEDICINE,
            GIVING_MY_MEDICINE,
            ALCOHOL_WITH_MEDICINE,
        ),
    ),
    (
        UnsafeKind.DIAGNOSIS,
        any_of(
            r"\bwhat (?:do|have|might|could|would) i (?:have|got)\b",
            r"\bwhat is wrong with (?:me|my)\b",
            r"\bdiagnos\w* (?:me|my|this|it|what)\b",
            rf"\b(?:do|could|might|may) i (?:have|be having|have got|"
            rf"be suffering from)\b(?:\W+\w+){{0,3}}?\W+(?:{CONDITIONS})\b",
            r"\b(?:what is|what will be|give me|tell me|make) (?:my|a|the) diagnosis\b",
            r"\bdiagnosis (?:for|of) (?:me|my|this)\b",
            r"\b(?:does|do|would|is) (?:this|it|that|what i have|(?:these|my) symptoms|"
            r"my \w+(?: \w+)?) sound(?:s|ing)? like\b",
            r"\bconfirm (?:if |whether |that )?(?:it is|this is|i have|i am|my|it)\b",
            r"\bis it (?:possible|likely) (?:that )?(?:i|my|it is|this is)\b",
            r"\bwhat (?:do you think |would you say |do you reckon )?(?:is|could be|"
            r"might be) (?:wrong|going on|happening) (?:with|in|to) (?:me|my|him|his|her|them|"
            r"their)\b",
            r"\bbased on (?:my|these|the) symptoms\b",
            r"\b(?:know|tell|guess|work out|figure out) what (?:this|it|i have|"
            r"i have got)(?: is)?\W*$",
            r"\bi (?:think|reckon|believe) (?:i|it|this)\b.*\b(?:confirm|am i right|correct)\b",
            r"\b(?:what|which) (?:kind|type|sort) of (?:injury|condition|problem|damage|tear|pain|"
            r"arthritis) (?:is this|is it|is that|do i have|have i got)\b",
            r"\bwhich (?:condition|diagnosis|injury|disease) (?:matches|fits|explains|is it)\b",
            r"\b(?:am i right|would you agree|would you say|do you agree) (?:that )?(?:it is|"
            r"i have|this is|it|i|my)\b",
            r"\b(?:do|does) (?:my|these) (?:symptoms|signs) (?:mean|suggest|point to|sound like)\b",
            r"\b(?:have|has) (?:i|he|she|they|my \w+) (?:got|torn|broken|damaged|slipped|herniated|"
            r"fractured|done|pulled|strained|sprained|ruptured|injured)\b",
            r"\bam i (?:having|suffering from|developing|coming down with)\b",
            rf"\bam i getting (?:a |an )?(?:{CONDITIONS})\b",
            rf"\b(?:do|does|could|might) (?:he|she|they|my (?:{PEOPLE})) (?:have|have got|"
            rf"be having) (?:\w+ ){{0,2}}?(?:{CONDITIONS})\b",
            rf"\bis (?:this|it|that|my \w+(?: \w+)?|the \w+ in my \w+) (?:a |an |my |"
            rf"the )?(?:muscle |nerve |ligament |back |knee |disc )?(?:{CONDITIONS})\b"
            r"(?!.*\b(?:in general|generally)\b)",
            r"\bwhat (?:illness|condition|disease|injury|problem|issue) (?:i have|have i got|"
            r"i have got|do i have|is (?:this|it|in my))\b",
            r"\bwhat (?:have|has) (?:i|he|she) done to (?:my|his|her)\b",
            r"\b(?:is|could) (?:it|this|that)(?: be)? (?:a |an |my )?(?:\w+ ){1,3}or (?:a |an |my |"
            r"something |is it )?(?:\w+ ){0,3}?(?:in|with|from) my\b",
            r"\b(?:know|tell|guess|work out|figure out|say|find out) (?:me )?(?:what|which)(?: one|"
            r" condition| problem)? (?:this|it|i have|i have got)(?: is)? for me\b",
            r"^\W*(?:do you |you )?reckon (?:i|he|she|it|this|my)\b",
            given(
                r"\b(?:my|me|i)\b",
                r"\bwhich (?:\w+ ){0,2}(?:do you (?:reckon|think) )?(?:is|are) (?:involved|"
                r"affected|damaged|injured|trapped|pinched|compressed|irritated|the (?:problem|"
                r"cause))\b",
            ),
            rf"\b(?:could|can|might|would|is) (?:it|this|that|my \w+(?: \w+)?) be (?:a |an |from |"
            rf"caused by )?(?:{CONDITIONS})\b",
            r"\btell me what (?:i have|it is|this is|is wrong)\b",
            r"\b(?:do |would )?you think (?:i|it|this|my)\b",
            r"\bwhat (?:is|could be|might be) (?:causing|behind) (?:my|this)\b",
            r"\b(?:which|what kind of) (?:condition|disease|injury|problem|one) (?:do|have) i\b",
            r"\b(?:which|what) (?:one )?(?:is it|is more likely)(?: for me)?\b",
            r"\bwhat do you think it is\b",
            r"\bwhat (?:do you think|would you say|do you reckon|do you make of it)(?:,)? (?:i|he|"
            r"she|they|it|this) (?:has|have|is|am)\b",
            r"\b(?:can|could) you (?:tell|say|confirm|work out|figure out) (?:me )?(?:if|"
            r"whether) (?:i have|i have got|it is|this is|that is|my [\w']+(?: \w+){0,2} (?:is|are|"
            r"comes?|coming))\b",
            r"\bhow likely (?:is it|it is)? ?(?:that )?(?:i have|i am|it is|this is|my)\b|"
            r"\b(?:chances?|odds|probability) (?:that |of )?(?:i have|it is|my)\b",
            r"\bwhat is my (?:problem|condition|diagnosis|issue)\b",
            r"\bwhich (?:disease|condition|illness|injury|problem) (?:i have|do i have|have i got|"
            r"it is|is it|he has|she has)\b",
            r"\b(?:tell|say|confirm) (?:me )?(?:if|whether) (?:it is|its|this is|that is|i have|"
            r"i have got)\b",
            r"\bwhich (?:of us|one of us) is right\b",
            r"\bwhat (?:she|he|they|i) (?:has|have|is|am) got\b",
            r"\bwhat (?:is|could be|might be|would be) (?:causing|behind) (?:the |"
            r"this )?(?:\w+ ){0,6}(?:my|me)\b",
            r"\bwhat (?:has|have|could have|might have) (?:happened|gone wrong) (?:to|with|"
            r"in) (?:my|me|his|her)\b",
            rf"\b(?:whether|if) (?:it|this|that|my \w+(?: \w+)?) (?:is|was|could be|"
            rf"might be) (?:a |an |from )?(?:{CONDITIONS})\b",
            r"\bwhat is wrong with (?:him|her|them|his|their)\b",
            given(r"\bdiagnos\w*", r"\bsymptoms? ?:"),  # "fill in a diagnosis. Symptoms: ..."
        ),
    ),
)


MEDICINE = re.compile(rf"\b(?:{MEDICINES})\b")
MEDICINE_BY_PRONOUN = re.compile(  # "The naproxen isn't working. Should I double it?"
    rf"\b(?:{ASKING})\b(?:\W+\w+){{0,3}}?\W+\b(?:{CHANGE_VERBS})\b(?:\W+\w+){{0,1}}?\W+\b(?:{PRONOUN})\b"
)
# "Can a blood test show what is causing my back pain?" asks what a test can do, in general.
TEST_CAPABILITY = re.compile(
    r"\b(?:can|could|do|does|will|would) (?:a |an |the )?(?:blood tests?|bloods|scans?|x-?rays?|"
    r"mri(?: scans?)?|ct(?: scans?)?|imaging|ultrasound)(?: \w+){0,2} (?:show|find|tell|detect|see|"
    r"pick up|explain)\b[^.?!]*"
)


# "Is it common for people to take paracetamol and an NSAID together?" asks about people in
# general; with no "I", "my", "he" or "she" it is not a request about someone's own medicines.
ABOUT_PEOPLE_IN_GENERAL = re.compile(
    r"\b(?:is it (?:common|usual|normal|typical)|do (?:most |many |some )?people|why do (?:some |"
    r"many |most )?people|do doctors|why do doctors|in general|generally|for (?:most )?people|"
    r"most people)\b"
)
SOMEONE_IN_PARTICULAR = re.compile(r"\b(?:i|me|my|mine|myself|he|she|his|her|him)\b")


def own_words(text: str) -> str:
    """The patient's request without pasted passages that address the assistant."""
    return EMBEDDED_INSTRUCTION.sub(
        lambda match: " " if INSTRUCTION_CUES.search(match.group(0).lower()) else match.group(0),
        text,
    )


def classify_request(text: str, earlier: str = "") -> UnsafeKind | None:
    """The kind of unsafe request in `text`, or None for a general question.

    `earlier` is the patient's previous message: when `text` names no medicine, one named
    there is what "How many more could I take?" is about. The request itself must be in
    `text`."""
    normalized = normalize(own_words(text))
    medicine = MEDICINE.search(normalized) or MEDICINE.search(normalize(own_words(earlier)))
    with_medicine = normalized if medicine is None else f"{normalized} ({medicine.group(0)})"
    without_test_questions = TEST_CAPABILITY.sub(" ", normalized)
    in_general = bool(ABOUT_PEOPLE_IN_GENERAL.search(normalized)) and not (
        SOMEONE_IN_PARTICULAR.search(normalized)
    )
    for kind, pattern in PATTERNS:
        if in_general and kind in (UnsafeKind.DIAGNOSIS, UnsafeKind.MEDICATION_CHANGE):
            continue
        if kind is UnsafeKind.DIAGNOSIS:
            text = without_test_questions
        elif kind is UnsafeKind.SCAN_INTERPRETATION:
            text = normalized
        else:
            text = with_medicine
        if pattern.search(text):
            return kind
    if medicine is not None and not in_general and MEDICINE_BY_PRONOUN.search(normalized):
        return UnsafeKind.MEDICATION_CHANGE
    return None
