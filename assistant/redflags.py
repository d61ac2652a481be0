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

from assistant.textnorm import near, then

CAUDA_EQUINA = "cauda_equina"
SPINAL_INFECTION = "spinal_infection"
CANCER = "cancer"
FRACTURE = "fracture"
SEPTIC_KNEE = "septic_knee"
DVT_PE = "dvt_pe"
CANNOT_BEAR_WEIGHT = "cannot_bear_weight"
SELF_HARM = "self_harm"


UNABLE = r"can not|could not|unable to|not able to|no longer able to|impossible to"
DIFFICULTY = (
    rf"{UNABLE}|trouble|difficulty|difficult|problems?|issues?|struggl\w*|hard time|hard to"
)
NUMB = (
    r"numb\w*|tingl\w*|pins and needles|no feeling|(?:can not|could not|can barely|can hardly|"
    r"barely|hardly) (?:really |quite |properly |fully )?feel|lost (?:the )?"
    r"feeling|loss of (?:feeling|sensation)|(?:reduced|altered|strange|weird|odd|funny|different)"
    r" (?:feeling|sensation)|dead|deadness"
)
SADDLE = (
    r"groin|genitals?|genital area|privates?|private parts?|between (?:my|the) legs|inner thighs?|"
    r"crotch|buttocks?|bum|butt|bottom(?! of)|backside|anus|anal|back passage|rectum|saddle|"
    r"perine\w*|vagina\w*|penis|scrotum|testicles?|labia|down there"
)
URINATE = (
    r"pee|peeing|wee|weeing|urinat\w*|pass(?:ing)? (?:urine|water)|empty\w* (?:my )?bladder|"
    r"go to the (?:toilet|loo|bathroom)|poo|pooing|poop\w*|open (?:my )?bowels?"
)
CONTINENCE = r"bladder|bowels?|urine|pee|wee|poo|stools?|toilet|waterworks"
LEGS = r"legs|thighs|calves|feet|sides|buttocks"
SYMPTOM = (
    r"sciatica|pain|pains|numb\w*|tingl\w*|weak\w*|shooting|pins and needles|burning|ache|aching"
)
FEVER = (
    r"fever\w*|feverish|febrile|high temperature|a temperature|running a temp\w*|temp of \d+|"
    r"(?:3[89]|4[01])(?:\.\d)? ?(?:c|degrees)|10[0-4](?:\.\d)? ?(?:f|degrees)|chills|shivers|"
    r"shivering|shaking chills|rigou?rs|night sweats|sweating at night|drenching sweats|"
    r"(?:going|feel\w*|get\w*) hot and cold|hot and cold (?:sweats|shivers|spells)|burning up|"
    r"shivery|shivering|shaky and hot|sweats at night"
)
UNWELL = r"feel\w* (?:really |very |so )?(?:ill|unwell|rough|awful|rubbish|terrible|sick|poorly)"
IMMUNE = (
    r"immunosuppress\w*|immune ?suppress\w*|weak\w* immune system|immunocompromised|low immunity|"
    r"hiv|aids|(?:organ|kidney|liver|heart|lung|bone marrow) transplant|transplant (?:drugs|"
    r"medication)|chemo\w*|methotrexate|biologics?|tacrolimus|ciclosporin|cyclosporine|"
    r"mycophenolate|azathioprine|tofacitinib|adalimumab|infliximab|etanercept"
)
STEROIDS = (
    r"(?:long[- ]term|for (?:years|months|ages)|daily|every day|high[- ]dose|regular) (?:\w+ ){0,2}"
    r"(?:oral )?(?:steroids?|prednisolone|prednisone|cortisone tablets)|(?:on|taking|take) "
    r"(?:oral )?(?:steroids|steroid tablets|prednisolone|prednisone)(?! injection)"
)
CANCER_WORDS = (
    r"cancer|tumou?rs?|malignan\w*|metasta\w*|lymphoma|leuka?emia|myeloma|melanoma|\w*sarcoma|"
    r"\w*carcinoma|secondaries"
)
WEIGHT_LOST = (
    r"(?:lost|losing|lose|dropped|dropping|shed|shedding) (?:\w+ ){0,3}(?:weight|kilos?|kgs?|"
    r"pounds|lbs|stones?)|weight (?:has )?(?:dropped|is dropping|falling off|keeps dropping)|"
    r"(?:clothes|trousers|jeans) (?:are |have been )?(?:hanging|falling|loose|too big)"
)
UNEXPLAINED = (
    r"without (?:trying|dieting|meaning to|any reason)|for no (?:apparent |obvious )?reason|"
    r"no idea why|not sure why|do not know why|unexplained|unintentional\w*|not (?:trying|dieting"
    r"|on a diet)|mysterious\w*|by itself|on its own|even though i (?:am|have been) eating"
)
NIGHT = (
    r"at night|during the night|in the night|all night|every night|overnight|wakes? me(?: up)?|"
    r"waking me|keeps? me awake|can not sleep"
)
UNRELENTING = (
    r"constant\w*|unrelenting|relentless|all the time|never (?:goes|stops|eases)|(?:does|did|will)"
    r" not (?:ease|go away|settle|stop|improve|get better|let up)|not (?:eased|relieved|helped) by|"
    r"nothing (?:helps|eases|works)|no matter (?:what|how)|even (?:when|if) (?:i am )?(?:resting|"
    r"lying|still)|rest (?:does not|is not|never) help\w*|worse (?:when|while)? ?(?:lying|resting)|"
    r"nothing does|never lets up|does not matter (?:if|what|how)|(?:unrelieved|not relieved|not "
    r"eased) by|whatever i do|any position"
)
MAJOR_TRAUMA = (
    r"(?:car|road|traffic|motorbike|motorcycle|bike|cycling|skiing|ski|horse riding|rugby|"
    r"football|sports?) (?:crash|accident|collision|smash|injury)|crash\w*|collision|"
    r"hit by a (?:car|vehicle|bus|truck|lorry|van|bike)|run over|rear[- ]ended|head[- ]on|"
    r"landed (?:hard |badly |heavily )?on my (?:back|bottom|bum|tailbone|coccyx|spine|knee)|"
    r"heavy (?:blow|impact)|kicked by a horse|thrown (?:off|from)|struck (?:\w+ ){0,4}by|"
    r"hit by (?:a|the) falling|crush\w*|something heavy (?:fell|landed)|fell on (?:me|my back)"
)
FALL = r"fell|fall|fallen|falling|slipped|tumbled|came off|jumped|tripped"
HEIGHT = (
    r"ladder|roof|height|stairs|staircase|steps|scaffold\w*|tree|horse|balcony|wall|trampoline|"
    r"bike|motorbike|motorcycle|ice|icy|(?:\d+|a few|several|two|three) (?:feet|foot|metres|"
    r"meters|m|ft|storeys|stories|floors)"
)
FRAGILE_BONES = (
    r"osteoporosis|osteopenia|brittle bones|thin bones|weak bones|bone thinning|"
    rf"{STEROIDS}|(?:i am|is|am|aged|age) (?:7\d|8\d|9\d|1[01]\d)|(?:7\d|8\d|9\d)[- ]years?[- ]old"
)
SUDDEN = (
    r"sudden\w*|sharp|severe|after (?:lifting|coughing|sneezing|bending|twisting)|a crack|"
    r"sat down (?:heavily|hard)|landed (?:heavily|hard)|jolt\w*|jarred|bumped|knocked"
)
HOT_STATE = (  # hot/warm as a state of the joint, not a hot pack or warm bath
    r"(?:hot|warm)(?! (?:bath|water|pack|compress|shower|towel|pad|wheat|tub|yoga|drink|weather|"
    r"day|climate|bottle|and cold))|red|redness|inflamed|burning hot|flushed"
)
SWOLLEN = (
    r"swollen|swelling|swelled|puffy|ballooned|puffed up|fluid on|blew up|blown up|like a "
    r"balloon|twice the size|massive|huge"
)
ADVERB = r"(?:very |really |so |quite |all |a bit |super )?"
CALF_SIGN = r"swollen|swelling|swelled|puffy|red|hot|warm|tender|hard|throbbing|bigger"
CLOT_RISK = (
    r"flight|flew|long drive|surgery|operation|replacement|plaster|cast|bed rest|immobil\w*|"
    r"the pill|contracepti\w*|hrt|pregnan\w*|postpartum|gave birth|one leg|one side|only on the"
)
INJURY = (
    r"fell|fall|fallen|twist\w*|injur\w*|accident|pop|popped|crash\w*|landed|hit|tackle\w*|"
    r"trip\w*|collid\w*|sports?|kicked|slipped|game|match|training"
)
BACK = r"back|spine|spinal|lumbar|sciatica|disc|discs|tailbone|coccyx|vertebra\w*"
KNEE = r"knee|knees|kneecap|joint|joints"
PROGRESSING = (
    r"getting (?:worse|weaker)|worsening|spreading|creeping up|by the (?:day|hour)|every day "
    r"(?:it is|it gets) worse|worse (?:each|every) day"
)
LEG_PARTS = r"legs?|foot|feet|thighs?|calf|calves|shins?|toes|ankles?|buttocks?|bum|groin"
BONES = (
    r"back|spine|hip|hips|knee|kneecap|leg|legs|bone|bones|rib|ribs|pelvis|tailbone|coccyx|"
    r"vertebra\w*|ankle|femur|shin|tibia"
)
FEARED = (  # "could I have cancer?" is a worry, not a history of cancer
    r"(?:worried|afraid|scared|fear\w*|wonder\w*|could|might|may|do|does|is it|if|whether)"
    r"(?:\W+\w+){0,3}\W*$"
)


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


def rule(category: str, sign: str, pattern: str, context: str | None = None, **options) -> Rule:
    unless_after, same_clause = options.pop("unless_after", None), options.pop("same_clause", None)
    return Rule(
        category,
        sign,
        re.compile(pattern),
        re.compile(rf"\b(?:{context})\b") if context else None,
        unless_after=re.compile(unless_after) if unless_after else None,
        same_clause=re.compile(rf"\b(?:{same_clause})\b") if same_clause else None,
        **options,
    )


HISTORY = {"is_history": True, "self_only": True}

RULES: tuple[Rule, ...] = (
    # --- Cauda equina syndrome (NHS 111 Wales; Royal Free London leaflet) ---
    rule(
        CAUDA_EQUINA,
        "numbness or tingling around the bottom, genitals or inner thighs",
        near(NUMB, SADDLE, 6),
    ),
    rule(
        CAUDA_EQUINA,
        "a change in feeling when wiping after the toilet",
        near(
            r"wip(?:e|es|ed|ing)|toilet paper",
            rf"{NUMB}|feel\w* (?:different|strange|weird|odd|nothing|numb)|nothing",
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
            rf"control\w*(?:\W+\w+){{0,2}}?\W+(?:{CONTINENCE})",
            3,
        ),
    ),
    rule(
        CAUDA_EQUINA,
        "loss of bladder or bowel control",
        r"\b(?:incontinen\w*|wet (?:myself|the bed|my (?:pants|trousers|underwear))|wetting "
        r"(?:myself|the bed)|(?:pee|wee|soil|poo|poop)\w* myself|leak\w* (?:urine|pee|wee|poo)|"
        r"(?:bladder|urine|pee|wee) leak\w*|(?:had|having) (?:an )?accidents?|(?:need\w*|wear\w*|"
        r"using) (?:\w+ )?pads|urinary retention|retaining urine|no control)\b",
    ),
    rule(
        CAUDA_EQUINA,
        "not being able to feel when the bladder is full or when passing urine",
        then(
            r"do not|can not|could not|no longer",
            rf"(?:know|tell|feel|sense)\w*(?:\W+\w+){{0,3}}?\W+(?:{URINATE}|bladder|full)",
            2,
        ),
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
        + near(SYMPTOM, rf"both (?:my )?(?:{LEGS})|each (?:leg|side)|left and right", 6),
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
        r"(?:weak|weaker|numb\w*)\b",
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
        r"catch\w* my toes|trip\w* over my (?:own )?(?:toes|feet)|legs? (?:keeps? |kept )?"
        r"(?:gave|give|gives|giving|went|going) (?:way|out|weak)|legs? (?:keeps? |kept )?"
        r"(?:buckl\w*|collaps\w*)|(?:sudden|severe|new|rapid) weakness|paraly\w*|can barely "
        r"(?:push off|lift|move|stand))\b|"
        + then(UNABLE, r"lift|raise|move|flex|point|push off", 0)
        + r"(?:\W+\w+){0,4}?\W+"
        r"(?:foot|feet|toes|legs?|ankle)\b",
    ),
    rule(
        CAUDA_EQUINA,
        "new problems with sexual function alongside back pain",
        r"\b(?:(?:can not|unable to|trouble|difficulty|problems?) (?:get\w*|keep\w*|maintain\w*|"
        r"having|achieve) (?:an )?erection|erectile (?:dysfunction|problems)|numb\w* (?:\w+ ){0,3}"
        r"(?:during|when having|having) sex|can not feel (?:\w+ ){0,3}during sex)\b",
        BACK,
    ),
    rule(
        CAUDA_EQUINA,
        "signs of pressure on the nerves at the base of the spine",
        r"\b(?:saddle (?:an(?:a)?esthesia|numbness|paraesthesia|sensory loss)|perianal numbness|"
        r"perineal numbness|bilateral (?:radicular|leg|sciatica|sciatic|lower limb)\w*|bilateral "
        r"(?:\w+ ){0,2}(?:pain|weakness|numbness|symptoms)|sphincter (?:dysfunction|disturbance)|"
        r"f(?:a)?ecal incontinence|retention of urine)\b",
    ),
    rule(
        CAUDA_EQUINA,
        "possible cauda equina syndrome",
        then(r"i|i am|i have|my", r"cauda equina|ces", 5),
        self_only=True,
    ),
    # --- Spinal infection (IDSA 2015) ---
    rule(SPINAL_INFECTION, "a fever, chills or night sweats with your pain", rf"\b(?:{FEVER})\b"),
    rule(
        SPINAL_INFECTION,
        "injecting drugs, together with back pain",
        r"\b(?:inject\w* (?:drugs|heroin|myself|street)|iv drugs?|intravenous drugs?|heroin|"
        r"shoot\w* up|drug user|needle use)\b",
        **HISTORY,
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
    ),
    rule(
        SPINAL_INFECTION,
        "possible spinal infection",
        then(
            r"i|i am|i have|my",
            r"spinal infection|spine infection|discitis|osteomyelitis|"
            r"epidural abscess",
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
            r"remission|beat|beaten|fighting|battling|background of|known|previous|prior|past|"
            r"hx of|h/o",
            CANCER_WORDS,
            3,
        ),
        unless_after=FEARED,
        **HISTORY,
    ),
    rule(
        CANCER,
        "a history of cancer",
        rf"\b(?:(?:{CANCER_WORDS}) survivor|(?:i am|i have been|i was|been) (?:on|having|getting|"
        r"through) (?:chemo\w*|radiotherapy|radiation treatment|immunotherapy))\b",
        **HISTORY,
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
            r"(?:a lot of|loads of|so much|lots of|\d+ ?(?:kg|kgs|kilos"
            r"|pounds|lbs|stones?)(?: of)?) ?(?:weight)?",
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
        "constant pain that rest does not ease, with a history of cancer",
        rf"\b(?:{UNRELENTING})\b",
        rf"(?:{CANCER_WORDS})",
    ),
    # --- Fracture (Henschke 2009; Downie 2013) ---
    rule(
        FRACTURE,
        "a significant injury such as a fall from a height or a crash",
        then(FALL, HEIGHT, 6) + rf"|\b(?:{MAJOR_TRAUMA})\b",
    ),
    rule(
        FRACTURE,
        "a fall or sudden back pain with fragile bones or long-term steroids",
        rf"\b(?:had a fall|a bad fall|took a tumble|fell|fallen|{SUDDEN})\b",
        FRAGILE_BONES,
    ),
    rule(
        FRACTURE,
        "a possible broken bone",
        near(BONES, r"broke|broken|fractur\w*|cracked|snapped", 4),
    ),
    # --- Septic arthritis of the knee (Long 2019) ---
    rule(
        SEPTIC_KNEE,
        "a hot, red or swollen knee",
        rf"\b(?:{HOT_STATE}),? (?:and |& )?{ADVERB}(?:{SWOLLEN})\b|\b(?:{SWOLLEN}),? (?:and |& )?"
        rf"{ADVERB}(?:{HOT_STATE})\b",
        KNEE,
    ),
    rule(
        SEPTIC_KNEE,
        "a hot or red knee that is swollen or with feeling unwell",
        near(KNEE, HOT_STATE, 5),
        rf"{SWOLLEN}|{FEVER}|{UNWELL}",
    ),
    rule(SEPTIC_KNEE, "a swollen joint together with a fever", rf"\b(?:{SWOLLEN})\b", rf"{FEVER}"),
    # --- Blood clots: DVT / pulmonary embolism (CDC) ---
    rule(DVT_PE, "a swollen, red, warm or tender calf", near(r"calf|calves", CALF_SIGN, 5)),
    rule(
        DVT_PE,
        "calf pain with a risk of blood clots",
        near(r"calf|calves", r"pain|painful|hurts?|aching|ache|sore|cramp\w*", 5),
        CLOT_RISK,
    ),
    rule(
        DVT_PE,
        "swelling of one leg",
        r"\b(?:one|my (?:left|right)|left|right|one of my) (?:leg|ankle|calf|thigh|foot) "
        r"(?:\w+ ){0,2}(?:swollen|swelling|puffy|bigger than the other|twice the size)\b",
    ),
    rule(
        DVT_PE,
        "chest pain or difficulty breathing",
        r"\b(?:chest (?:pain|pains|tight\w*|pressure|hurts|ache)|pain in (?:my|the) chest|"
        r"(?:short|shortness) of breath|breathless\w*|out of breath|(?:can not|could not) "
        r"(?:catch my )?breath\w*|struggl\w* to breathe|difficulty breathing|hard to breathe|"
        r"trouble breathing|cough\w* (?:up )?blood|blood when i cough|heart (?:is )?racing|"
        r"racing heart|palpitations|fainted|passed out|collapsed)\b",
    ),
    rule(
        DVT_PE,
        "a possible blood clot",
        then(r"i|i have|i think i|my", r"dvt|blood clot|clot|thrombosis|embolism", 5),
        self_only=True,
    ),
    # --- Cannot bear weight after an injury ---
    rule(
        CANNOT_BEAR_WEIGHT,
        "not being able to put weight on the leg",
        then(UNABLE, r"put|bear|take|place|stand", 0) + r"(?:\W+\w+){0,4}?\W+(?:weight|"
        r"pressure|(?:my |the )?(?:foot|leg) down)\b",
    ),
    rule(
        CANNOT_BEAR_WEIGHT,
        "not being able to walk or stand after an injury",
        then(rf"{UNABLE}|can barely|can hardly", r"walk|stand|get up|move|weight", 1),
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
        r"sticking out|poking out|bone (?:is )?showing)\b",
    ),
    # --- Self-harm (counts even in questions, hypotheticals and past tense) ---
    rule(
        SELF_HARM,
        "thoughts of harming yourself or ending your life",
        r"\b(?:suicid\w*|kill\w* myself|end\w* (?:my|it) (?:life|all)|end\w* it all|end\w* "
        r"things|take my (?:own )?life|better off dead|better off without me|(?:do not|did not) "
        r"want to (?:live|be alive|be here|wake up|go on)|want to die|wish i (?:was|were) dead|"
        r"self[- ]?harm\w*|self[- ]injur\w*|(?:cut|cutting|burn|burning|harm|harming) myself|"
        r"(?:want|wanting|thinking|thought|think|urge)\w* (?:\w+ ){0,2}(?:to )?(?:hurt|harm) "
        r"myself|no (?:reason|point) (?:to|in) (?:live|living|going on|carrying on)|can not go "
        r"on|can not carry on|overdose|od on|(?:saving|stockpil\w*|hoard\w*) (?:up )?(?:my )?"
        r"(?:\w+ )?(?:pills|tablets|tramadol|painkillers|medication|meds)|too much to live with|"
        r"not worth living|(?:nobody|no one) would (?:miss|care)|disappear for good)\b",
    ),
)

# Words the typo fixer may restore ("numbnes" -> "numbness"); real English words are kept.
KEYWORDS = frozenset(
    "numb numbness tingling tingly genitals genital groin bladder bowel bowels incontinence "
    "incontinent urine urinate urinating peeing pooing fever feverish temperature chills "
    "shivering sweats suicidal suicide swollen swelling breathless breathing breath chest calf "
    "calves coughing weakness weaker osteoporosis steroids prednisolone cancer tumour tumor "
    "chemotherapy unexplained injecting heroin immune transplant fracture fractured broken "
    "dislocated deformed wiping perineum anus buttocks saddle sensation erection sciatica "
    "legs myself overdose paralysed paralyzed crotch urinary retention leaking accident "
    "dropping weight losing control walking standing stand weight".split()
)
