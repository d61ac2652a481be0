"""Red-flag rules: warning signs that send a conversation to urgent care.

Each rule is a pattern over normalised text (see textnorm.normalize: lower case, "can't" ->
"can not"). Signs follow the project's red-flag references: cauda equina (NHS 111 Wales;
Royal Free leaflet), spinal infection (IDSA 2015), cancer and fracture (Henschke 2009;
Downie 2013), septic arthritis (Long 2019), DVT/PE (CDC), plus inability to bear weight
after injury and thoughts of self-harm. `sign` is what the reply tells the patient was
recognised; it never repeats the patient's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.redflag_lexicon import (
    ADVERB,
    APPETITE,
    BACK,
    BONES,
    CALF_SIGN,
    CANCER_WORDS,
    CANNOT_HOLD,
    CLOT_RISK,
    CONTINENCE,
    DIFFICULTY,
    FALL,
    FEARED,
    FEVER,
    FRAGILE_BONES,
    HEIGHT,
    HOPPING,
    HOT_STATE,
    IMMUNE,
    INJURY,
    KNEE,
    LEG_PARTS,
    LEGS,
    LUMP,
    MAJOR_TRAUMA,
    NIGHT,
    NUMB,
    ON_THE_TOILET,
    ORGAN_CA,
    PROGRESSING,
    SADDLE,
    SELF_HARM_WORDS,
    SELF_REF,
    STEROIDS,
    SUDDEN,
    SWOLLEN,
    SYMPTOM,
    UNABLE,
    UNEXPLAINED,
    UNRELENTING,
    UNWELL,
    UNWELL_PHYSICAL,
    URINATE,
    WEIGHT_LOST,
)
from assistant.textnorm import near, then

CAUDA_EQUINA = "cauda_equina"
SPINAL_INFECTION = "spinal_infection"
CANCER = "cancer"
FRACTURE = "fracture"
SEPTIC_KNEE = "septic_knee"
DVT_PE = "dvt_pe"
CANNOT_BEAR_WEIGHT = "cannot_bear_weight"
SELF_HARM = "self_harm"


@dataclass(frozen=True, slots=True)
class Rule:
    """A warning sign. Where `pattern` matches in a clause (and is not negated, hypothetical
    or a general question), the conversation goes to urgent care. `context`, when set, must
    also match (not negated) somewhere in what the patient has written."""

    category: str
    sign: str
    pattern: re.Pattern[str]
    context: re.Pattern[str] | None = None
    is_history: bool = False  # a past event still counts ("had cancer years ago")
    self_only: bool = False  # someone else's ("my mum had cancer") does not count
    unless_after: re.Pattern[str] | None = None  # skip when the text before matches this
    same_clause: re.Pattern[str] | None = None  # must also appear in the matching clause
    not_in_clause: re.Pattern[str] | None = None  # must not appear in the matching clause


def rule(category: str, sign: str, pattern: str, context: str | None = None, **options) -> Rule:
    unless_after = options.pop("unless_after", None)
    same_clause = options.pop("same_clause", None)
    not_in_clause = options.pop("not_in_clause", None)
    return Rule(
        category,
        sign,
        re.compile(pattern),
        re.compile(rf"\b(?:{context})\b") if context else None,
        unless_after=re.compile(unless_after) if unless_after else None,
        same_clause=re.compile(rf"\b(?:{same_clause})\b") if same_clause else None,
        not_in_clause=re.compile(rf"\b(?:{not_in_clause})\b") if not_in_clause else None,
        **options,
    )


HISTORY = {"is_history": True, "self_only": True}

RULES: tuple[Rule, ...] = (
    # --- Cauda equina syndrome (NHS 111 Wales; Royal Free London leaflet) ---
    rule(
        CAUDA_EQUINA,
        "numbness or tingling around the bottom, genitals or inner thighs",
        near(NUMB, SADDLE, 6) + rf"|\bsaddle (?:area|region)\b.*\b(?:{NUMB})\b",
    ),
    rule(  # "the toilet seat feels numb"; a foot gone to sleep on the toilet is not this
        CAUDA_EQUINA,
        "numbness or tingling around the bottom, genitals or inner thighs",
        near(NUMB, ON_THE_TOILET, 6),
        not_in_clause=LEG_PARTS,
    ),
    rule(
        CAUDA_EQUINA,
        "a change in feeling when wiping after the toilet",
        near(
            r"wip(?:e|es|ed|ing)|toilet paper",
            rf"{NUMB}|feel\w* (?:different|strange|weird|odd|nothing|numb)|nothing|someone else|"
            r"not (?:my|mine)",
            6,
        ),
    ),
    rule(
        CAUDA_EQUINA,
        "new difficulty passing or controlling urine or bowel motions",
        then(DIFFICULTY, URINATE, 4),
    ),
    rule(
        CAUDA_EQUINA,
        "loss of bladder or bowel control",
        then(
            rf"{UNABLE}|lost|losing|loss of|lack of|poor|trouble|difficulty|problems?",
            rf"control\w*(?:\W+\w+){{0,2}}?\W+(?:{CONTINENCE})|(?:my )?(?:bladder|bowels?) "
            r"(?:control|function)",
            3,
        ),
    ),
    rule(
        CAUDA_EQUINA,
        "loss of bladder or bowel control",
        r"\b(?:incontinen\w*|wet(?:ting)? (?:(?:my|him|her|them)sel(?:f|ves)|the bed|(?:my|his|her|"
        r"their) (?:pants|trousers|underwear|knickers|bed))|(?:pee|wee|soil|poo|poop)\w* (?:(?:my|"
        r"him|her|them)sel(?:f|ves)|(?:my|his|her|their) (?:pants|trousers|underwear|knickers))|"
        r"leak\w* (?:urine|pee|wee|poo)|(?:bladder|urine|pee|wee) leak\w*|"
        r"accidents? (?:\w+ ){0,2}(?:in|on) (?:my|his|her|their|the) (?:pants|knickers|underwear|"
        r"trousers|bed|sheets)|(?:toilet|bladder|bowel|wee|pee|poo|little) accidents?|"
        r"accidents? (?:with|of) (?:my|his|her|their|the) (?:bowels?|bladder|waterworks)|(?:keep|"
        r"kept|keeps) having accidents|(?:had|having) accidents(?! (?:at|on|in|with|while|playing|"
        r"involving))|(?:need\w*|wear\w*|using) (?:[\w']+ ){0,4}pads|(?:i|he|she) (?:keep|keeps|"
        r"kept|have been|has been|am|is) leaking|leak\w* (?:\w+ ){0,3}from (?:my|his|her|"
        r"the) (?:back passage|bottom|bum|rear)|leak\w* (?:\w+ ){0,4}without (?:realising|"
        r"realizing|noticing|knowing)|(?:know|realis|realiz|notic)\w* (?:she|he|i|they) (?:had|"
        r"would|have|has) gone|(?:pad|pads) (?:was|were|is|are) (?:\w+ )?(?:soaked|wet|full)|"
        r"urinary retention|retaining urine|no control|(?:the )?(?:bed|sheets|mattress) (?:was|"
        r"were|is|are) (?:\w+ )?(?:wet|soaked|soaking)|woke up (?:in )?(?:a )?wet (?:bed|sheets)|"
        r"(?:urine|wee|pee) (?:just )?(?:comes|came|leaks|pours|dribbles) out|"
        r"strain\w* (?:\w+ ){0,5}to (?:start |get )?(?:a |my )?(?:pee|wee|urinate|pass (?:urine|"
        r"water)|go)|(?:can not|could not|unable to) hold (?:it|on|(?:my|his|her|their) (?:wee|pee|"
        r"bladder|water|urine|bowels?))(?: \w+){0,4} (?:wee|pee|toilet|loo|urinate|bladder)|"
        r"(?:can not|could not|unable to) hold (?:my|his|her|their) (?:wee|pee|bladder|water|urine|"
        r"bowels?)|leak\w* a (?:little|bit)(?= .*\b(?:bladder|wee|pee|urine|toilet)\b)|(?:did not|"
        r"could not|do not) (?:make it|get) to the (?:toilet|loo|bathroom)|(?:toilet|loo|"
        r"bathroom) (?:\w+ ){0,4}(?:did not|could not) make it|bladder (?:\w+ ){0,5}?(?:not|"
        r"never) (?:\w+ ){0,3}?empt\w*|(?:not|never) (?:fully |completely |"
        r"properly )?empty\w* (?:my )?bladder)\b",
    ),
    rule(
        CAUDA_EQUINA,
        "new difficulty passing or controlling urine or bowel motions",
        r"\b(?:(?:have not|has not|had not) (?:had|done|passed) a (?:wee|pee)|(?:have not|has not|"
        r"had not|did not) (?:\w+ ){0,2}(?:peed|weed|urinated|passed (?:urine|water)|"
        r"been able to (?:pee|wee|go to the (?:toilet|loo|bathroom)))|"
        r"dribbl\w*(?: \w+){0,3} (?:urine|pee|wee)|(?:urine|pee|wee) (?:\w+ ){0,2}dribbl\w*|"
        r"(?:weak|slow|poor) (?:urine )?(?:stream|flow) (?:of urine|when i (?:pee|wee))?|(?:stream|"
        r"flow) (?:is|has been|has got|has gone) (?:\w+ )?(?:weak|slow|weaker|"
        r"slower) when i (?:pee|wee)|(?:urine|pee|wee|water|stream) (?:is |was )?(?:not|hardly|"
        r"barely|only just|will not|would not|does not|did not) (?:com|flow|pass|go|start)\w*|"
        r"(?:barely|hardly) (?:anything|any|a trickle) (?:comes|coming|came) out|"
        r"(?:only (?:a )?(?:trickle|dribble)|nothing) (?:comes|coming|came|will come) out)\b",
    ),
    rule(
        CAUDA_EQUINA,
        "pain, numbness or weakness in both legs",
        r"\b(?:(?:legs|feet|thighs) (?:are |have |feel |keep )?(?:(?!not |never |"
        r"no )\w+ ){0,2}(?:numb\w*|tingl\w*|pins and needles)|(?:can not|can barely|can hardly|"
        r"could not) feel (?:my |his |her )?(?:legs|feet|thighs))\b",
    ),
    rule(
        CAUDA_EQUINA,
        "not being able to feel when the bladder is full or when passing urine",
        then(
            rf"do not|{DIFFICULTY}",
            rf"(?:know|tell|feel|sense)\w*(?:\W+\w+){{0,5}}?\W+(?:{URINATE}|bladder|full|toilet|"
            rf"loo|urine)",
            2,
        ),
    ),
    rule(  # "she can't hold it at all and doesn't feel it coming", with the bladder named
        CAUDA_EQUINA,
        "loss of bladder or bowel control",
        r"\b(?:(?:can not|could not|unable to) hold (?:it|on)(?: in)?|(?:does not|do not|did not|"
        r"can not) feel it coming)\b",
        r"water ?works|bladder|wee|pee|urine|toilet|loo|continen\w*|pads?|bowels?",
    ),
    rule(
        CAUDA_EQUINA,
        "loss of the urge to pass urine",
        then(
            r"no|lost|loss of|lack of",
            rf"(?:urge|sensation|feeling)(?:\W+\w+){{0,2}}?\W+(?:{URINATE})",
            2,
        ),
    ),
    rule(
        CAUDA_EQUINA,
        "pain, numbness or weakness in both legs",
        near(r"both|two|each of my|all my|either", LEGS, 1)
        + rf"(?=.*\b(?:{SYMPTOM}|give way|giving way|gave way|hurt\w*)\b)|"
        + near(SYMPTOM, rf"both (?:my )?(?:{LEGS})|each (?:leg|side)|left and right", 6)
        + r"|\b(?:the )?other (?:one|leg|side) (?:is |has )?(?:getting |gone |going )?(?:weak|numb)"
        r"\w*|\b(?:the )?(?:other|right|left) (?:one|leg|side) (?:is |has )?(?:going|gone|started|"
        r"doing (?:it|the same)) (?:too|as well)\b",
        # sore legs after exercise are not a nerve sign
        not_in_clause=r"after (?:my |a |the |that )?(?:\w+ )?(?:run|running|workout|training|game|"
        r"match|session|gym|hike|walk|ride|squats?|leg day|class)",
    ),
    rule(
        CAUDA_EQUINA,
        "leg weakness or numbness that is getting worse",
        near(
            r"weak\w*|numb\w*|tingl\w*",
            r"worse|worsening|weaker|spreading|creeping|moving up|rapidly|quickly|suddenly|"
            r"over the last (?:few )?(?:hours|days)|by the hour|(?:gone|going|getting|becom\w*|"
            r"grown|growing) (?:really |very |so |much )?(?:weak|numb|weaker|worse)",
            4,
        )
        + r"|\b(?:getting|gone|going|becom\w*|grown|growing) (?:really |very |so |much )?"
        r"(?:weak|weaker|numb\w*)\b|\b(?:weaker|number|more numb) than (?:yesterday|last week|"
        r"this morning|before|earlier|it was|(?:a|two|three|a few) (?:days?|weeks?) ago)\b",
        same_clause=LEG_PARTS,
    ),
    rule(
        CAUDA_EQUINA,
        "leg weakness or numbness that is getting worse",
        rf"\b(?:{LEG_PARTS})\b (?:\w+ ){{0,2}}(?:weak\w*|numb\w*|tingl\w*|dead)\b",
        PROGRESSING,
    ),
    rule(
        CAUDA_EQUINA,
        "weakness in the legs or feet",
        r"\b(?:foot drop|drop foot|dropping my foot|drag\w* (?:my |one )?(?:left |right )?(?:foot|"
        r"feet|leg|legs|toes)|(?:foot|feet) (?:\w+ ){0,3}(?:slapp\w*|slaps|flopp\w*|floppy)|"
        r"catch\w* my toes|trip\w* over my (?:own )?(?:toes|feet)|legs? (?:keeps? |kept )?(?:gave|"
        r"give|gives|giving|went|going) (?:way|out|weak)|legs? (?:keeps? |kept )?(?:buckl\w*|"
        r"collaps\w*)|(?:sudden|severe|new|rapid) weakness|paraly\w*|can barely (?:push off|lift|"
        r"move|stand)|(?:can not|could not|unable to) (?:heel|toe)[- ]walk)\b|"
        + then(UNABLE, r"lift|raise|move|flex|point|push off", 0)
        + r"(?:\W+\w+){0,4}?\W+"
        r"(?:foot|feet|toes|legs?|ankle)\b",
    ),
    rule(
        CAUDA_EQUINA,
        "new problems with sexual function alongside back pain",
        r"\b(?:(?:can not|unable to|trouble|difficulty|problems?) (?:get\w*|keep\w*|maintain\w*|"
        r"having|achieve) (?:an )?erection|erectile (?:dysfunction|problems)|can not get it up|"
        r"(?:no|lost (?:my )?) erections?|numb\w* (?:\w+ ){0,3}(?:during|when having|having) sex|"
        r"can not feel (?:\w+ ){0,3}during sex)\b",
        BACK,
    ),
    rule(
        CAUDA_EQUINA,
        "signs of pressure on the nerves at the base of the spine",
        r"\b(?:saddle (?:an(?:a)?esthesia|numbness|paraesthesia|sensory loss)|perianal numbness|"
        r"(?:reduced|altered|decreased|diminished|loss of|absent|abnormal) (?:perianal|perineal|"
        r"saddle) sensation|(?:perianal|perineal|saddle) (?:sensation|paraesthesia|hypo\w*)|"
        r"(?:urinary )?hesitancy|perineal numbness|bilateral (?:radicular|leg|sciatica|sciatic|"
        r"lower limb)\w*|bilateral (?!knee|hip|shoulder|hand|wrist)(?:\w+ ){0,2}(?:pain|weakness|"
        r"numbness|symptoms)|sphincter (?:dysfunction|disturbance)|f(?:a)?ecal incontinence|"
        r"retention of urine|(?:reduced|decreased|lax|poor) anal tone|post[- ]void residual|"
        r"painless retention)\b",
    ),
    rule(
        CAUDA_EQUINA,
        "possible cauda equina syndrome",
        then(SELF_REF, r"cauda equina|ces", 5),
        self_only=True,
    ),
    # --- Spinal infection (IDSA 2015) ---
    rule(  # someone else's fever ("my husband has flu") is not the patient's sign
        SPINAL_INFECTION,
        "a fever, chills or night sweats with your pain",
        rf"\b(?:{FEVER})\b",
        self_only=True,
    ),
    rule(
        SPINAL_INFECTION,
        "injecting drugs, together with back pain",
        r"\b(?:inject\w* (?:drugs|heroin|myself|street)|iv drugs?|intravenous drugs?|heroin|"
        r"shoot\w* up|drug user|needle use|(?:put|goes|going|shoot|inject)\w* (?:\w+ ){0,2}(?:into|"
        r"in) my veins|ivdu|pwid|iv drug use\w*|i use \W*inject\w*)\b",
        self_only=True,  # "I used to inject, clean for eight years" is in the past
    ),
    rule(
        SPINAL_INFECTION,
        "a weakened immune system, together with back pain",
        rf"\b(?:{IMMUNE}|{STEROIDS})\b",
        rf"{BACK}|pain",
        **HISTORY,
    ),
    rule(
        SPINAL_INFECTION,
        "back pain after a recent infection",
        then(
            r"recent\w*|just had|had|have|got|caught|with|after|since|following|over",
            r"infection|uti|urine infection|kidney infection|chest infection|pneumonia|sepsis|"
            r"abscess|cellulitis|blood infection|endocarditis|septic",
            4,
        ),
        BACK,
        self_only=True,
    ),
    rule(
        SPINAL_INFECTION,
        "possible spinal infection",
        then(
            SELF_REF,
            r"spinal infection|spine infection|discitis|osteomyelitis|epidural abscess",
            5,
        ),
        self_only=True,
    ),
    # --- Cancer (Henschke 2009; Downie 2013) ---
    rule(
        CANCER,
        "a history of cancer",
        then(
            r"had|have|got|diagnosed with|treated for|survivor of|history of|recovering from|"
            r"remission|beat|beaten|fighting|battling|background of|known|previous|prior|past|hx|"
            r"h/o|finished|completed|after|since|needed|went through|under|treatment for|"
            r"undergoing|pmh\w*|phx|dx|diagnosis of",
            CANCER_WORDS,
            3,
        ),
        rf"{BACK}|backaches?|pain|pains|ache|aches|aching|hurts?|hurting|sore",  # with pain
        unless_after=FEARED,
        **HISTORY,
    ),
    rule(
        CANCER,
        "a history of cancer",
        rf"\b(?:(?:{CANCER_WORDS}),? (?:survivor|history|(?:is |now |still )?in remission)|(?:i am|"
        r"i have been|i was|been) (?:currently |still |now )?(?:on|having|getting|"
        r"through) (?:chemo\w*|radiotherapy|radiation treatment|immunotherapy))\b",
        **HISTORY,
    ),
    rule(CANCER, "a history of cancer", rf"\b(?:{ORGAN_CA})\b", **HISTORY),
    rule(CANCER, "a new lump near the spine or in the breast", LUMP, self_only=True),
    rule(
        CANCER,
        "weight loss you cannot explain",
        r"\bweight (?:\w+ ){0,2}(?:dropped|dropping|falling|fallen|fell|coming|came|melting|melted|"
        r"pouring|piling) off\b",
    ),
    rule(CANCER, "weight loss you cannot explain", rf"\b(?:{WEIGHT_LOST})\b", APPETITE),
    rule(  # weight loss together with pain at night (Henschke 2009): not a diet
        CANCER,
        "weight loss together with pain at night",
        rf"\b(?:{WEIGHT_LOST})\b",
        near(r"pain|ache|aches|aching|hurts?|hurting|sore|back|walks the floor|pac\w*", NIGHT, 8),
        not_in_clause=r"diet\w*|trying|gym|on purpose|slimming|weight watchers|plan|programme|"
        r"program|surgery|wanted|intentional\w*",
    ),
    rule(
        CANCER,
        "weight loss you cannot explain",
        near(WEIGHT_LOST, UNEXPLAINED, 8) + r"|\bunexplained (?:weight loss|loss of weight)\b|"
        r"\bweight loss (?:without|for no)\b",
    ),
    rule(
        CANCER,
        "weight loss you cannot explain",
        then(
            r"lost|losing|dropped",
            r"(?:a lot of|loads of|so much|lots of|\d+ ?(?:kg|kgs|kilos|pounds|lbs|"
            r"stones?)(?: of)?) ?(?:weight)?",
            2,
        )
        + r"(?!.*\b(?:diet\w*|trying|gym|on purpose|slimming|weight watchers|plan|programme|"
        r"program|surgery|wanted|intentional\w*)\b)",
    ),
    rule(
        CANCER,
        "constant pain at night that rest does not ease",
        near(r"pain|ache|aches|aching|hurts?|hurting|sore", NIGHT, 8),
        UNRELENTING,
    ),
    rule(
        CANCER,
        "weight loss together with pain that rest does not ease",
        rf"\b(?:{WEIGHT_LOST})\b",
        UNRELENTING,
        not_in_clause=r"diet\w*|trying|gym|on purpose|slimming|weight watchers|programme|program|"
        r"surgery|wanted|intentional\w*",
    ),
    rule(
        CANCER,
        "constant pain at night that rest does not ease",
        r"\b(?:keeps? me (?:up|awake)|kept me (?:up|awake)|wakes? me (?:up )?(?:at night|"
        r"every night|in the night))\b",
        UNRELENTING,
    ),
    rule(
        CANCER,
        "back pain with blood test results that need a doctor soon (such as high calcium)",
        r"\b(?:high calcium|raised calcium|hypercalc\w*|paraprotein\w*|protein in (?:my|the|his|"
        r"her) (?:urine|wee))\b",
        BACK,
    ),
    rule(
        CANCER,
        "constant pain that rest does not ease, with a history of cancer",
        rf"\b(?:{UNRELENTING})\b",
        rf"(?:{CANCER_WORDS})",
    ),
    # --- Fracture (Henschke 2009; Downie 2013) ---
    rule(
        FRACTURE,
        "a significant injury such as a fall from a height or a crash",
        then(FALL, HEIGHT, 6) + rf"|\b(?:{MAJOR_TRAUMA})\b",
        not_in_clause=r"(?:x-?rays?|scans?|mri|ct)(?: \w+){0,2} (?:was|were|came back|showed|"
        r"looked) (?:fine|normal|clear|ok|nothing)",
        self_only=True,
    ),
    rule(
        FRACTURE,
        "a fall or sudden back pain with fragile bones or long-term steroids",
        rf"\b(?:(?:had a|recent|minor|simple|mechanical|bad|small|little) fall|slid off|"
        rf"slipped off|rolled off|fell out of|fall from (?:standing|a chair|bed)|falls|"
        rf"fell(?! (?:asleep|out with|in love|apart|behind|through|for)\b)|fallen|slipped|tripped|"
        rf"went down|lost my footing|(?:had|took) (?:a |a bit of a )?tumble|missed (?:a|the|"
        rf"my)(?: \w+)? (?:step|stair|footing)|{SUDDEN})\b",
        FRAGILE_BONES,
    ),
    rule(
        FRACTURE,
        "a possible broken bone",
        near(BONES, r"broke|broken|fractur\w*|snapped", 4)  # "my knee cracked" is a joint noise
        + rf"|\bcracked (?:my|a|his|her|the) (?:\w+ )?(?:{BONES})\b|\b(?:{BONES}) (?:is|was|"
        r"has been|got|may be|might be) cracked\b",
    ),
    # --- Septic arthritis of the knee (Long 2019) ---
    rule(
        SEPTIC_KNEE,
        "a hot, red or swollen knee",
        rf"\b(?:{HOT_STATE}),? (?:and |& )?{ADVERB}(?:{SWOLLEN})\b|\b(?:{SWOLLEN}),? (?:and |"
        rf"& )?{ADVERB}(?:{HOT_STATE})\b|\b(?:red|angry),? (?:and |& )?{ADVERB}(?:hot|warm|"
        rf"angry)\b|\b(?:hot|warm),? (?:and |& )?{ADVERB}(?:red|angry)\b",
        KNEE,
    ),
    rule(
        SEPTIC_KNEE,
        "a hot or red knee that is swollen or with feeling unwell",
        near(KNEE, HOT_STATE, 8),
        rf"{SWOLLEN}|{FEVER}|{UNWELL}",
    ),
    rule(
        SEPTIC_KNEE,
        "a swollen joint together with a fever or feeling unwell",
        rf"\b(?:{SWOLLEN})\b",
        rf"{FEVER}|{UNWELL_PHYSICAL}",
    ),
    # --- Blood clots: DVT / pulmonary embolism (CDC) ---
    rule(DVT_PE, "a swollen, red, warm or tender calf", near(r"calf|calves", CALF_SIGN, 5)),
    rule(
        DVT_PE,
        "calf pain with a risk of blood clots",
        near(r"calf|calves", r"pain|painful|hurts?|aching|ache|sore|cramp\w*", 8),
        CLOT_RISK,
    ),
    rule(
        DVT_PE,
        "a swollen leg with a risk of blood clots",
        near(r"lower leg|legs?|shin|ankle", rf"{SWOLLEN}|tender|shiny", 4),
        CLOT_RISK,
    ),
    rule(
        DVT_PE,
        "swelling of one leg",
        r"\b(?:one|my (?:left|right)|left|right|one of my) (?:leg|ankle|calf|thigh|"
        r"foot) (?:\w+ ){0,2}(?:swollen|swelling|puffy|bigger than the other|twice the size|"
        r"(?:fatter|bigger|thicker) than)\b",
    ),
    rule(
        DVT_PE,
        "chest pain or difficulty breathing",
        r"\b(?:chest (?:pain|pains|tight\w*|pressure|hurts|ache)|pain in (?:my|the) chest|(?:short|"
        r"shortness) of breath|breathless\w*|out of breath(?! (?:\w+ ){0,4}(?:during|after|"
        r"at the top|on (?:the )?(?:hills?|stairs)|sprints?|sprinting|running|exercis\w*|training|"
        r"workouts?|the gym|classes))|(?:can not|could not) (?:catch my )?breath\w*|"
        r"struggl\w* to breathe|difficulty breathing|difficult breathing|"
        r"breathing (?:is )?(?:difficult|hard)|heart (?:is )?(?:running|beating|pounding|"
        r"going) (?:so |very |really )?fast|hard to breathe|trouble breathing|"
        r"cough\w* (?:up )?blood|blood when i cough|heart (?:is )?racing|racing heart|palpitations|"
        r"fainted|passed out|collapsed|pleuritic|tachycard\w*|ha?emoptysis|(?:new|acute|"
        r"sudden) (?:cp|sob)|cp,? (?:and |\+ ?)?sob|sob,? (?:and |\+ ?)?cp|(?:spo2|sats|"
        r"o2 sats?) (?:of |at )?(?:[5-8]\d|9[0-3])|(?:catch|pain|stab\w*|sharp|twinge|"
        r"hurts?) (?:\w+ ){0,3}(?:chest|ribs?)(?: \w+){0,5} (?:breath\w*|breathe)|(?:hurts?|"
        r"painful|pain) (?:\w+ ){0,2}(?:to|when i) (?:breathe|take a (?:deep |big )?breath))\b",
    ),
    rule(
        DVT_PE,
        "a possible blood clot",
        then(SELF_REF, r"dvt|blood clot|clot|thrombosis|embolism", 5)
        + r"(?!(?: risk| prevention)\b)",
        # "how do I lower my risk of a clot?" asks how to prevent one
        not_in_clause=r"risk of|clot risk|prevent\w*|avoid\w*|reduce|lower|difference between|"
        r"worry about|never had",
        self_only=True,
    ),
    # --- Cannot bear weight after an injury ---
    rule(
        CANNOT_BEAR_WEIGHT,
        "not being able to put weight on the leg",
        then(UNABLE, r"put|bear|take|place|stand", 0) + r"(?:\W+\w+){0,4}?\W+(?:weight|"
        r"pressure|(?:my |the )?(?:foot|leg) down)\b(?!(?: on (?:it|them|my knees?|"
        r"the knee))? (?:when|while|to) kneel)|"
        + then(UNABLE, r"weight[- ]?bear\w*|fully weight[- ]?bear\w*|fwb|wb|pwb", 1)
        + r"|\bnwb\b",
    ),
    rule(
        CANNOT_BEAR_WEIGHT,
        "not being able to walk or stand after an injury",
        then(rf"{UNABLE}|can barely|can hardly", r"walk|stand|get up|move|weight", 1),
        INJURY,
    ),
    rule(
        CANNOT_BEAR_WEIGHT,
        "not being able to walk or stand after an injury",
        rf"{CANNOT_HOLD}|{HOPPING}",
        INJURY,
    ),
    rule(
        CANNOT_BEAR_WEIGHT,
        "a pop or snap with swelling or giving way after an injury",
        r"\b(?:(?:heard|felt) (?:a |it |something )?(?:pop|crack|snap)|popped|snapped)\b",
        rf"{SWOLLEN}|gave way|giving way|can not (?:walk|stand|bear|put)",
    ),
    rule(
        CANNOT_BEAR_WEIGHT,
        "a joint that looks deformed or out of place",
        r"\b(?:deform\w*|dislocat\w*|out of place|looks wrong|wrong shape|bent the wrong way|"
        r"(?<!bum )(?<!bottom )(?<!belly )(?<!tummy )(?<!stomach )sticking out|poking out|"
        r"bone (?:is )?showing|(?:bony|hard) (?:lump|bump)(?: \S+){0,8} (?:was not|was never|"
        r"not) there before)\b",
        # "which exercises are safe after a dislocation" asks about rehabilitation
        unless_after=r"\b(?:exercis\w*|rehab\w*|recover\w*|physio\w*|return\w*|get back)\b"
        r"(?:\W+\w+){0,5}\W+after (?:a |an |my |the |his |her )?(?:\w+ )?$",
    ),
    # --- Self-harm (counts even in questions, hypotheticals and past tense) ---
    rule(
        SELF_HARM,
        "thoughts of harming yourself or ending your life",
        rf"\b(?:{SELF_HARM_WORDS})\b",
    ),
)
