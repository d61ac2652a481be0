"""Lexicons for the red-flag rules: how patients word each warning sign (lay words,
British and American variants, morphology). Patterns are regex alternations over normalised
text (textnorm.normalize); redflags.py combines them into rules."""

UNABLE = (
    r"can not|could not|unable to|not able to|no longer able to|impossible to|(?:have|has) not "
    r"been able to|not been able to|can not seem to"
)
DIFFICULTY = (
    rf"{UNABLE}|trouble|difficulty|difficult|problems?|issues?|struggl\w*|hard time|hard to"
)
NUMB = (
    r"numb\w*|tingl\w*|pins and needles|no feeling|(?:can not|could not|can barely|can hardly|"
    r"barely|hardly) (?:really |quite |properly |fully )?feel|lost (?:the |all |my )?(?:feeling|"
    r"sensation)|no sensation|loss of (?:feeling|sensation)|(?:reduced|altered|strange|weird|odd|"
    r"funny|different) (?:feeling|sensation)|not feeling (?:any |much )?(?:sensation|feeling)|"
    r"(?:feel|feels|feeling) nothing|dead|deadness|(?:gone|going|went|fallen|fell) "
    r"(?:to sleep|asleep)|an(?:a)?esthet\w*|novocaine|lidocaine|like (?:\w+ ){0,4}(?:a local|"
    r"(?:at|from|after) (?:the )?dentist)"
)
SADDLE = (
    r"groin|genitals?|genital area|privates?|private parts?|between (?:my|the) legs|inner thighs?|"
    r"crotch|buttocks?|bum|butt|bottom(?! of)|backside|anus|anal|back passage|rectum|saddle|"
    r"perine\w*|vagina\w*|penis|scrotum|testicles?|labia|down there|down below|(?:my|the) bits|"
    r"private (?:area|region)|nether regions|lady parts|willy|balls|sit bones|undercarriage|"
    r"perianal|perineal|sitting area|seat area|(?:round|around) the seat|where (?:i|you|he|she) "
    r"sits?"
)
ON_THE_TOILET = r"toilet seat|(?:sit|sits|sitting|sat) on the (?:toilet|loo)"
URINATE = (
    r"pee|peeing|wee|weeing|urinat\w*|pass(?:ing)? (?:urine|water)|empty\w* (?:my )?bladder|"
    r"go to the (?:toilet|loo|bathroom)|poo|pooing|poop\w*|open (?:my )?bowels?|need to go|"
    r"need (?:the|a) (?:toilet|loo|bathroom)|micturition|micturat\w*|void\w*|initiat\w* "
    r"(?:micturition|urination|a stream)"
)
CONTINENCE = r"bladder|bowels?|urine|pee|wee|poo|stools?|toilet|water ?works"
LEGS = r"legs|thighs|calves|feet|sides|buttocks"
SYMPTOM = (
    r"sciatica|pain|pains|numb\w*|tingl\w*|weak\w*|shooting|pins and needles|burning|ache|aching"
)
FEVER = (
    r"fever(?!\w* pitch)\w*|feverish|febrile|high temperature|a temperature|running a temp\w*|"
    r"temp of \d+|"
    r"(?:temperatures?|temps?)(?: \w+){0,4} (?:3[89]|4[01]|10[0-4])|(?:3[89]|4[01])(?:\.\d)? ?"
    r"(?:temp|temperature|fever)|"
    # "39 degrees" is a temperature; "SLR at 40 degrees" or "bend to 40 degrees" is an angle
    r"(?<!\bat )(?<!\bto )(?<!\bby )(?<!\bpast )(?:(?:3[89]|4[01])(?:\.\d)? ?(?:c|degrees)|"
    r"10[0-4](?:\.\d)? ?(?:f|degrees))|chills|shivers|"
    r"shivering|shaking chills|rigou?rs|night sweats|sweating at night|drenching sweats|"
    r"(?:going|feel\w*|get\w*) hot and cold|hot and cold (?:sweats|shivers|spells)|burning up|"
    r"shivery|shivering|shaky and hot|sweats at night|sweating buckets|drenched in sweat|"
    r"(?:boiling|burning)(?: up)? (?:then|and) (?:freezing|cold|shivering)|hot then (?:freezing|"
    r"cold)|pyrexi\w*|"
    r"t (?:3[89]|4[01])(?:\.\d)?|"
    r"(?:woke|waking|wake) up (?:soaked|drenched|soaking|wet through)|hot and shivery"
)
UNWELL_PHYSICAL = (
    r"feel\w* (?:really |very |so |generally |quite )?(?:ill|unwell|poorly|feverish|shivery|"
    r"grotty)|flu[- ]?(?:like|ish|y)|like i have (?:the )?flu|under the weather|"
    r"not (?:feeling )?well"
)
UNWELL = (
    r"feel\w* (?:really |very |so |generally |quite )?(?:ill|unwell|rough|awful|rubbish|"
    r"terrible|sick|poorly|grotty|dreadful|lousy|off)|flu[- ]?(?:like|ish|y)|like i have (?:the )?"
    r"flu|under the weather|not (?:feeling )?(?:myself|right|well)|feeling off|(?:have )?got "
    r"(?:the )?flu"
)
IMMUNE = (
    r"immunosuppress\w*|immune ?suppress\w*|weak\w* immune system|immunocompromised|low immunity|"
    r"hiv|aids|(?:organ|kidney|liver|heart|lung|bone marrow) transplant|transplant (?:drugs|"
    r"medication)|chemo\w*|methotrexate|biologics?|tacrolimus|ciclosporin|cyclosporine|"
    r"mycophenolate|azathioprine|tofacitinib|adalimumab|infliximab|etanercept"
)
STEROIDS = (
    r"(?:long[- ]term|for (?:years|months|ages)|daily|every day|high[- ]dose|regular) (?:\w+ ){0,2}"
    r"(?:oral )?(?:steroids?|prednisolone|prednisone|pred|cortisone tablets)|(?:on|taking|take|"
    r"taken|"
    r"took|had) "
    r"(?:oral )?(?:steroids|steroid tablets|prednisolone|prednisone|pred)(?! injection)"
)
ORGANS = (
    r"breast|prostate|lung|bowel|colon|colorectal|rectal|kidney|renal|thyroid|ovarian|cervical|"
    r"pancreatic|stomach|gastric|skin|bladder|oesophageal|esophageal|liver|uterine|testicular"
)
ORGAN_CA = rf"(?:{ORGANS}) ca|ca (?:of (?:the )?)?(?:{ORGANS})"  # clinical shorthand: "breast Ca"
CANCER_WORDS = (
    r"cancer(?! scare| check| screening| test)|tumou?rs?|malignan\w*|metasta\w*|lymphoma|"
    r"leuka?emia|myeloma|melanoma|\w*sarcoma|"
    r"\w*carcinoma|secondaries|chemo\w*|radiotherapy|radiation (?:therapy|treatment)|mastectomy|"
    r"lumpectomy|oncolog\w*|tamoxifen|letrozole|anastrozole|the big c|" + ORGAN_CA
)
WEIGHT_LOST = (
    r"(?:lost|losing|lose|dropped|dropping|shed|shedding) (?:\w+ ){0,3}(?:\d+ ?)?(?:weight|kilos?|"
    r"kgs?|pounds|lbs|stones?|st)|weight (?:has |is |keeps )?(?:dropped|dropping|falling|fallen|"
    r"fell)(?: off)?|(?:gone|dropped|went) down (?:\w+ ){0,2}(?:dress |clothes |trouser |"
    r"jeans? )?sizes?|(?:clothes|trousers|jeans) (?:are |have been )?(?:hanging|falling|loose|"
    r"too big)|shrink\w* out of (?:my |his |her )?(?:clothes|trousers|jeans|dresses)"
)
UNEXPLAINED = (
    r"without (?:trying|dieting|meaning to|any reason)|for no (?:apparent |obvious )?reason|"
    r"no idea why|not sure why|do not know why|unexplained|unintentional\w*|not (?:trying|dieting"
    r"|on a diet)|mysterious\w*|by itself|on its own|even though i (?:am|have been) eating"
)
NIGHT = (
    r"at night|during the night|in the night|all night|every night|overnight|wakes? me(?: up)?|"
    r"waking me|keeps? me awake|can not sleep|night ?time|nights?|through the night|\d ?am|"
    r"in bed"
)
UNRELENTING = (
    r"constant\w*|unrelenting|relentless|all the time|never (?:goes|stops|eases)|(?:does|did|"
    r"will) not (?:ease|go away|settle|stop|improve|get better|let up)|not (?:eased|relieved|"
    r"helped) by|nothing (?:helps|eases|works|touches)|no matter (?:what|how)|even (?:when|"
    r"if) (?:i am )?(?:resting|lying|still)|rest (?:does not|is not|never) help\w*|worse (?:when|"
    r"while)? ?(?:lying|resting)|nothing does|never lets up|does not matter (?:if|what|how)|"
    r"(?:unrelieved|not relieved|not eased) by|whatever i do|any position|can not get comfortable|"
    r"nothing (?:shifts|budges|touches|settles) it|"
    r"no position|even (?:after|with) rest|(?:makes?|made|making) (?:no|little|not any|not much) "
    r"difference|nothing (?:\w+ ){0,3}(?:makes?|made) (?:a |any )?difference|(?:does not|do not|"
    r"did not) make (?:a |any |much )?difference|(?:lying down|resting|rest|moving|changing "
    r"position) (?:does not|did not|do not|will not|can not) (?:help|ease|relieve|settle|change)"
)
MAJOR_TRAUMA = (
    r"(?<!total )(?<!complete )(?<!absolute )(?<!bit of a )"  # "work was a total car crash"
    r"(?:car|road|traffic|motorbike|motorcycle|bike|cycling|skiing|ski|horse riding|rugby|"
    r"football|sports?) (?:crash|accident|collision|smash|injury)|(?:was|were|been|had|in) (?:a |"
    r"an )?(?:\w+ )?crash|crashed (?:my|his|her|their|the|a|into|on|off)|collision|"
    r"hit by a (?:car|vehicle|bus|truck|lorry|van|bike)|(?:got|been|was|were|get|getting) run "
    r"over|run over by|ran over (?:me|my|him|her)|rear[- ]ended|head[- ]on|"
    r"landed (?:hard |badly |heavily |flat )?on my (?:back|tailbone|coccyx|spine)|landed (?:hard|"
    r"badly|heavily|flat) on my (?:bottom|bum|knee)|over the handlebars|"
    r"heavy (?:blow|impact)|kicked by a horse|thrown (?:off|from)|struck (?:\w+ ){0,4}by|"
    r"hit by (?:a|the) falling|crush\w*|something heavy (?:fell|landed)|fell on (?:me|my back)|"
    r"rta|rtc|road traffic|car accident|pile[- ]?up|knocked (?:off|down|over) (?:\w+ ){0,3}by a|"
    r"knocked off (?:my|a|the) (?:bike|motorbike|scooter|horse)|(?:car|van|lorry|truck|bus) "
    r"(?:\w+ ){0,2}(?:went|drove|ran|smashed|ploughed|plowed) into|spear tackle\w*|driven into "
    r"the (?:ground|floor|turf)|(?:big|heavy|hard|huge|massive) (?:tackle|hit|collision|impact)|"
    r"div\w* (?:\w+ ){0,3}(?:shallow|hit (?:the|his|her|my) (?:head )?(?:on the )?bottom)|"
    r"landed on top of (?:me|him|her|them)|(?:got|was|were|been) (?:flattened|crushed|squashed)|"
    r"airbags?|\d+ ?(?:mph|km/h|kph)|(?:smash\w*|slamm\w*|crash\w*|thrown|flung|hurled) (?:\w+ "
    r"){0,2}into (?:the|a) (?:post|goalpost|wall|tree|fence|barrier|boards|ground)|clatter\w*|full "
    r"pelt|(?:pallet|shelf|shelving|box|boxes|crate|beam|tree|branch|load|ladder|wardrobe|car|"
    r"machine|weights?|barbell|furniture)\w* (?:fell|fall|falls|dropped|landed|came down) on (?:me|"
    r"my|him|her|his|top of)|(?:went|drove|ran|crashed|smashed|ploughed|plowed) into the "
    r"back of (?:me|my|us|him|her|them)|(?:car|van|vehicle|bike|motorbike) (?:\w+ ){0,2}(?:written "
    r"off|totall?ed)|"
    r"(?:fell|came down) (?:really )?"
    r"(?:hard|heavily|badly) (?:on|onto) (?:my )?(?:back|bottom|bum|tailbone|coccyx|spine)"
)
FALL = (
    r"fell|fall|fallen|falling|slipped|tumbled|came off|jumped|tripped|(?:took|had) (?:a |a bit "
    r"of a )?tumble|went flying|went down|lost my footing|missed (?:a|the|my)(?: \w+)? (?:step|"
    r"stair|footing|kerb|curb)"
)
HEIGHT = (
    r"ladder|roof|height|stairs|staircase|steps|scaffold\w*|tree|horse|balcony|wall|trampoline|"
    r"bike|motorbike|motorcycle|(?:\d+|a few|several|two|three) (?:feet|foot|metres|"
    r"meters|m|ft|storeys|stories|floors)"
)
FRAGILE_BONES = (
    r"osteoporo\w*|osteopeni\w*|(?:brittle|thin|weak|soft|fragile|old) bones|bone thinning|"
    r"alendron\w*|bisphosphonates?|risedronate|ibandron\w*|zoledron\w*|denosumab|prolia|fosamax|"
    rf"{STEROIDS}|(?:i am|is|am|aged|age|of) (?:7\d|8\d|9\d|1[01]\d)|(?:7\d|8\d|"
    rf"9\d)[- ]years?[- ]old|"
    r"(?:7\d|8\d|9\d) ?(?:yo|y/o|yrs?|year old)|(?:7\d|8\d|9\d) ?[mf]|(?:late |early |mid[- ])?"
    r"(?:7|8|9)0'?s|(?:seventy|eighty|ninety)(?:[- ]\w+)?|seventies|eighties|nineties|pensioner|"
    r"oap|elderly|frail|octogenarian|nonagenarian|(?:shrunk|shrinking|"
    r"lost) (?:\w+ ){0,3}(?:inch\w*|"
    r"cm|height)|(?:new|growing) (?:\w+ )?(?:hump|hunch|stoop)"
)
SUDDEN = (
    r"sudden\w*|sharp(?! as)|severe|after (?:lifting|coughing|sneezing|bending|twisting)|a crack|"
    r"(?:cough\w*|sneez\w*) fit|(?:he|she|they|i) (?:coughed|sneezed|lifted|lift)|(?:very |"
    r"really )?"
    r"strong pain|lifting (?:a|the|"
    r"some) "
    r"|(?:felt|heard) something (?:go|give|snap|crack|pop)|like a (?:belt|band|rope|girdle)|"
    r"sat down (?:heavily|hard)|landed (?:heavily|hard)|jolt\w*|jarred|bumped|knocked|after (?:a |"
    r"an )?(?:cough|sneeze|lift|bend|twist)|when i (?:coughed|sneezed|bent|lifted|twisted)|"
    r"(?:suddenly|out of nowhere) (?:started|began|went)|(?:heard|felt) (?:a )?(?:crack|snap)|"
    r"excruciating|agony|worst pain|(?:went|gone) down (?:on|onto)|stumbl\w*|(?:terrible|awful|"
    r"sharp|sudden|bad|nasty) catch|catch in (?:my|his|her|their) back|land\w* (?:hard|heavily|"
    r"badly)|topple\w*|went over|(?:fell|falls|fall|went) backwards|miss(?:ed)? (?:a|the|"
    r"my)(?: \w+)? "
    r"(?:step|stair|kerb|curb)|trip\w*"
)
HOT_STATE = (  # hot/warm as a state of the joint, not a hot pack or warm bath
    r"(?:hot|warm)(?! (?:bath|water|pack|compress|shower|towel|pad|wheat|tub|yoga|drink|weather|"
    r"day|climate|bottle|and cold))|red|redness|erythema\w*|inflamed|burning hot|flushed|angry|"
    r"hot to (?:the )?"
    r"touch|warm to (?:the )?touch"
)
SWOLLEN = (
    r"swollen|swelling|swelled|puffy|ballooned|puffed up|fluid on|blew up|blown up|like a "
    r"balloon|balloon\w*|twice the size|massive|huge|double the size|effusion"
)
ADVERB = r"(?:very |really |so |quite |all |a bit |super )?"
CALF_SIGN = (
    rf"{SWOLLEN}|red|hot|warm|tender|hard|throbbing|bigger|shiny|(?:is|are|gone|got|became|looks?) "
    r"(?:\w+ )?(?:fat|thick|big)|(?:hurts?|sore|painful|tender) (?:when i touch|to (?:the )?touch)"
)
CLOT_RISK = (
    r"flight|flew|long drive|surgery|operation|replacement|plaster|cast|bed rest|immobil\w*|"
    r"the pill|contracepti\w*|hrt|pregnan\w*|postpartum|gave birth|one (?:leg|side)(?! or the "
    r"other)|only on the"
)
INJURY = (
    r"fell|fall|fallen|twist\w*|injur\w*|accident|pop|popped|crash\w*|landed|hit|tackle\w*|"
    r"trip\w*|collid\w*|sports?|kicked|slipped|game|match|training|falling|tumble|went over|"
    r"landed awkwardly|gave way|giving way|buckled|collapsed|hurt|skiing|knocked|stairs|"
    r"football|rugby|netball|basketball|tackled|mishap|went sideways|twang|clunk|snap\w*|"
    r"crack\w*|came off|fell off|thrown off|awkward\w*|jump\w*|rolled|dancing|skateboard\w*|"
    r"soccer|pivot\w*|went down|stumbl\w*"
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

SELF_REF = (  # the patient about themself ("my friend has cauda equina" is someone else's)
    r"i|i am|i have|i think i|i was told i|my (?:doctor|gp|physio|surgeon|consultant|nurse|scan|"
    r"mri|back|legs?|knee|calf|symptoms)"
)
LUMP = (
    r"\b(?:lump|lumps|mass|growth|nodule)\b(?:\W+\w+){0,4}?\W+\b(?:back(?! of (?:the|my|his|her|"
    r"their) (?:knee|leg|thigh|calf|hand|neck|head))|spine|spinal|breast|armpit|neck|bone|ribs?|"
    r"tailbone|pelvis|hip)\b"
)
APPETITE = (
    r"(?:lost|no|off) (?:my |his |her |their |any )?(?:appetite|food)|appetite (?:has )?(?:gone|"
    r"disappeared)|poor appetite|(?:barely|hardly|not|stopped|stop) eating(?: (?:much|properly|"
    r"anything|well))?"
)
WILL_NOT = r"will not|would not|does not|did not|can not|could not|refuses? to|just will not"
CANNOT_HOLD = (
    rf"\b(?:knee|leg|legs|ankle|foot|hip|"
    rf"it)\b (?:\w+ ){{0,2}}(?:{WILL_NOT}) (?:\w+ ){{0,1}}(?:hold|"
    r"support|take|carry|bear) (?:me|him|her|them|(?:my|his|her|their|any) weight|weight)\b|"
    r"\b(?:collaps\w*|gives? way|giving way|gave way|buckl\w*|goes|went) (?:\w+ ){0,2}(?:under "
    r"me|(?:when|if|as soon as|every time|whenever) i (?:try to |put weight|stand|walk|step)\w*)"
)
HOPPING = (
    r"\b(?:(?:have|had|having) to hop|hopp\w* (?:around|everywhere|about)|(?:am|now|still|"
    r"currently) on crutches|(?:using|need\w*) crutches|can not (?:walk|move|"
    r"stand) without (?:crutches|help|support|a stick|holding on)|(?:can not|could not|unable to|"
    r"not able to) (?:(?:take|make) (?:a|one|a single) step|weight[- ]?bear|bear weight|"
    r"(?:walk|stand|step) on (?:it|my|his|her|their|the|that))\b(?! (?:for (?:long|very|more|"
    r"too)|far|very far|much)\b)|(?:will not|would not|refus\w* to) (?:walk|stand|put (?:any )?"
    r"weight|bear (?:any )?weight)\b(?! (?:for (?:long|very|more|too)|far|very far|much)\b)|"
    r"non[- ]weight[- ]bearing|(?:can not|could not|unable to) (?:\w+ ){1,3}(?:or|nor|and) "
    r"(?:walk|stand|step|put weight|bear weight)|(?:have|had|having) to crawl|crawl\w* (?:to|"
    r"around|everywhere|about)|(?:can not|could not|unable to) (?:\w+ ){0,5}without (?:crawl\w*|"
    r"hopping))"
)
# Indirect wording: wishes to die, methods, goodbyes, acts of self-harm, no way out.
MORE_SELF_HARM = (
    r"(?:want|wanna|wish|wishing|long|longing|pray\w*)\w* (?:\w+ ){0,2}(?:to )?(?:die|be dead)\b|"
    r"(?:do not|would not|will not|did not) (?:really )?(?:care|mind) if i (?:die|died|were dead|"
    r"was dead|do not wake up|did not wake up|never woke up|never wake up|was not here|were not "
    r"here|was gone|were gone)|(?:go|went|going) to sleep and (?:not|never) (?:wake|woke) up|"
    r"(?:step\w*|jump\w*|throw\w* myself|walk\w*|lie|lying) (?:out )?in front of (?:a|the) (?:bus|"
    r"train|car|lorry|truck|traffic)|driv\w* (?:my car |the car )?(?:into|off) (?:a|the) (?:wall|"
    r"tree|bridge|cliff|river)|hang\w* myself|(?:how many|enough) (?:of (?:my|his|her|their|"
    r"the) )?(?:pills|tablets|paracetamol|"
    r"tramadol|painkillers|meds) (?:\w+ ){0,3}(?:would|to|it would|it|does it) (?:take|takes|"
    r"kill|be fatal|be enough)|(?:took|taken|take|taking|swallowed) (?:\w+ ){0,4}(?:tablets|pills|"
    r"painkillers|"
    r"meds|medication) (?:\w+ ){0,2}on purpose|giving away (?:my|all my) (?:things|stuff|"
    r"possessions|belongings)|saying goodbye to (?:everyone|people|my family|my kids)|(?:in case|"
    r"for when|after) i (?:am|was) (?:not around|gone|dead|no longer here)|no (?:way out|future "
    r"for me)|can not see (?:a|any) future|do not see (?:a|any) future for me|(?:hurt\w*|"
    r"injur\w*) myself (?:on purpose|deliberately|to cope|to feel)|"
    r"(?:scratch\w*|cut\w*|burn\w*) (?:my (?:arms?|legs?|wrists?|skin|thighs?))(?: \w+){0,3} "
    r"(?:until|till|to) (?:it |they )?(?:bleed|bled|hurt)|(?:happier|easier|better) (?:for "
    r"(?:everyone|them) )?without me|(?:rather|sooner) (?:not (?:be alive|be here|exist|live)|"
    r"die(?! than (?:have|having|go|going|do|doing|take|taking|get|getting|see|seeing|wear|use|"
    r"eat)))|(?:end\w*|take|taking|took) (?:my|his|her|their) own life|(?:think|thinking|"
    r"thought)\w* (?:\w+ ){0,2}about (?:death|dying|being dead|not being here|not existing)|"
    r"(?:might|may|going to|could|will|scared i will|afraid i will) do something "
    r"(?:stupid|drastic|silly)|(?:put|putting|get|getting|got|sort\w*) (?:\w+ )?affairs in order|"
    r"made (?:my|his|her|their) peace|(?:giv\w*|gave) (?:all |most )?(?:of )?(?:my|his|her|"
    r"their) (?:\w+ )?(?:things|stuff|possessions|belongings|tools|clothes|books|collection|"
    r"jewell?ery|money|savings|gear|kit) away|(?:giv\w*|gave) away (?:all |most )?(?:of )?(?:my|"
    r"his|her|"
    r"their) (?:\w+ )?(?:things|stuff|possessions|belongings|tools|clothes|books|collection|pets?|"
    r"dog|cat|money|savings|jewell?ery|gear|kit)|(?:will not|not going to) be (?:around|"
    r"here) (?:much |for "
    r")?(?:longer|long|after|by|next)|(?:will not|would not|will no longer|not) be a (?:burden|"
    r"bother|nuisance|problem|trouble|worry) (?:to "
    r"\w+ )?(?:after|any ?more|much longer|any longer|for long|once)|better (?:to|if i) (?:die|be "
    r"dead|were dead|was dead)|(?:thought|planned|worked out|decided|know) (?:about )?(?:how|when|"
    r"where) (?:i will|i would|i am going to|i could|to) do it|(?:swallow\w*|take|taking|down\w*) "
    r"the lot|(?:written|writing|wrote|left) (?:\w+ )?(?:letters?|notes?) (?:to|for) (?:my |the |"
    r"all )?(?:kids|children|family|wife|husband|partner|son|daughter|loved ones|parents|everyone|"
    r"everybody|grandkids)|(?:would be|be) (?:glad|happy|relieved|fine|okay|ok) if i (?:die|died|"
    r"did not wake up|do not wake up|never woke up|never wake up|was not here|were not here|"
    r"was gone|were gone|was dead|were dead)|"
    r"(?:active|passive) si|si with (?:a )?(?:plan|intent)|suicidal ideation|dsh|"
    r"better off without (?:him|her|them)|(?:cut\w*|burn\w*|slash\w*) (?:my|his|her|their) "
    r"(?:fore)?(?:arms?|wrists?|thighs?|legs?|skin|stomach)(?! (?:on|shaving|by accident|"
    r"accidentally|while|in the|at work))|(?:do not|can not) see the point any ?more|let (?:it all|"
    r"everything) (?:stop|end)|stopped (?:taking )?(?:my|his|her) (?:insulin|heart tablets|heart "
    r"pills|blood thinners|dialysis)|(?:not|no) want\w* (?:to|tae) (?:be here|be "
    r"alive)|(?:think\w*|thought) (?:about|aboot|of) (?:the )?(?:bridge|cliff|railway line|train "
    r"tracks|rope|gun|rifle|overdose)(?!s| exercise| pose| position| hold)|(?:garage|car) with the "
    r"engine running|hose\w* (?:to|from|on) the exhaust|better (?:i|that i|if i|to) (?:die|"
    r"am dead|be "
    r"dead|was dead|were dead)|(?:think\w*|thought|research\w*|look\w* up) (?:about )?how (?:to|i "
    r"could|i would|i might|i will) (?:do it|end it|die|kill)|how (?:much|"
    r"many) (?:\w+ ){0,4}(?:would|"
    r"will|to|it takes to) (?:be fatal|be lethal|kill)|(?:fatal|lethal) (?:dose|amount)|(?:got|get|"
    r"getting|taken|took) (?:the |my |his |her )?(?:rifle|gun|shotgun|pistol) out|(?:this|that) "
    r"(?:weekend|week|night) is when i (?:stop|end it|go)|goodbye,? sorry for everything|sorry "
    r"for everything,? goodbye|(?:texted|messaged|wrote|sent) (?:\w+ ){0,4}goodbye|do(?:ing)? it "
    r"properly|(?:make|put) an end (?:of|to) (?:it|myself|things|my life)|walk\w* into the (?:sea|"
    r"river|lake|ocean|water)|(?:a|such a) burden (?:to|on) (?:\w+ ){0,3}(?:house|household|kids|"
    r"wife|husband)|(?:bang\w*|hit\w*|punch\w*) (?:my|his|her) head (?:against|on|off) (?:the |a "
    r")?wall|until (?:it|they|i) bleeds?|(?:pills|tablets) (?:lined up|counted out|ready)|"
    r"jump\w* (?:off|from|out of|in front of) (?:a|the|his|her|my) (?:\w+ )?(?:bridge|train|"
    r"building|"
    r"cliff|roof|terrace|balcony|window|car park|tower)|(?:fresh|new) (?:cuts|burns|scratches|"
    r"wounds)|(?:burns?|cuts?) from a (?:lighter|blade|razor|knife|cigarette)|"
    r"(?:found|noticed|seen|saw|spotted) (?:\w+ ){0,2}(?:cuts|scars|burns|scratches|"
    r"marks) on (?:his|"
    r"her|their|my) (?:arms?|wrists?|thighs?|legs?|stomach|skin)|(?:cut\w*|burn\w*|harm\w*) "
    r"(?:himself|herself|themselves)|(?:bash\w*|hit\w*|punch\w*|bang\w*|cut\w*|burn\w*|"
    r"injur\w*) (?:\w+ ){0,5}on purpose|deliberately (?:hurt|hit|bash|bang|cut|burn|injur)\w*|"
    r"join\w* (?:\w+ ){1,2}(?:soon|in heaven|up there|on the other side)|(?:quietly|secretly|"
    r"deliberately) stopped (?:taking )?(?:his|her|their|my) (?:\w+ )?(?:tablets|pills|medication|"
    r"meds|insulin)|(?:think\w*|thought|look\w*|search\w*) (?:\w+ ){0,2}(?:ways?|a way) out\b"
    r"(?! of (?:the |this )?pain)|(?:looking|look|stare|staring|eyeing) at (?:the )?(?:\w+ )?"
    r"(?:bridge|railway|train tracks|tracks|cliff|motorway|rooftop|edge)(?: \w+){0,6} differently|"
    r"(?:rest of (?:my|his|her|their) life|(?:my|his|her) life (?:now|from now on))(?: \w+){0,6} "
    r"(?:do not|does not) (?:really )?want (?:it|to live it|any of it)|(?:sav\w*|stor\w*) up "
    r"(?:a lot of |lots of )?(?:my|his|her|their) (?:\w+ )?(?:pills|tablets|meds|medication|"
    r"painkillers|co-?codamol|codeine|tramadol|pregabalin|gabapentin|morphine|oxy\w*)|"
    r"deliberate self|phq-?9 item 9|(?:opioid|paracetamol|intentional|deliberate|tablet) od"
)
SELF_HARM_WORDS = (
    r"suicid\w*|kill\w* (?:myself|himself|herself|themselves)|end\w* (?:my|it|his|her|their) "
    r"(?:life|all)|end\w* it all|end\w* things|might as well be dead|(?:had|"
    r"have) enough of (?:living|life|being alive)|(?:take|"
    r"taking|took) my (?:own )?life|better off dead|better off without me|(?:do not|did not|"
    r"does not) (?:really )?want to (?:live(?! (?:on|off|in|near|at|abroad|there|alone|by))|be "
    r"alive|be here|wake up|(?:go|carry) on(?=$| like|"
    r" any| living| with life| in this| this way)|exist|be around)|wish i (?:was|"
    r"were) dead|self[- ]?harm\w*|self[- ]injur\w*|(?:cut|cutting|burn|burning|harm|"
    r"harming) myself|(?:want|wanting|thinking|thought|think|urge|tempted|"
    r"feel\w* like)\w* (?:\w+ ){0,2}(?:to |of )?(?:hurt|harm)\w* myself|no (?:reason|"
    r"point) (?:to |in |of )?(?:live|living|life|going on|carrying on|being here|being alive|"
    r"it all|anything)|can not go on|can not carry on|overdos\w*|od on|(?:saving|stockpil\w*|"
    r"hoard\w*) (?:up )?(?:(?:my|his|her|their) )?(?:\w+ )?(?:pills|tablets|tramadol|"
    r"painkillers|medication|meds|pregabalin|gabapentin|"
    r"co-?codamol|codeine|paracetamol|morphine|oxy\w*|opioids?|sleeping)|"
    r"too much to live with|not worth (?:living|it any ?more|being alive)|(?:nobody|"
    r"no one) would (?:miss|care|notice)|disappear (?:for good|forever)|(?:what is|see) (?:the|"
    r"any) point (?:in |of )?(?:living|life|going on|carrying on|being here|being alive|anything|"
    r"it all)|(?:do not|can not) see (?:the|any) point (?:in |of )?(?:living|life|going on|"
    r"carrying on|being here|anything|it all)|(?:everyone|everybody|they|family|kids|children|"
    r"wife|husband|partner|people) (?:\w+ ){0,2}(?:be|are) better off(?: without me| if i (?:was|"
    r"were|am) (?:not|gone|dead))?|better off if i (?:was|were|am) (?:not (?:here|around|alive)|"
    r"gone|dead)|(?:rather|sooner) be dead|wish i (?:was|were) (?:not|never) (?:alive|born|here|"
    r"around)|wish i (?:could|would) (?:just )?(?:go to sleep and )?(?:not|never) wake up|(?:not|"
    r"never) (?:to )?wake up again|tired of (?:living|life|being alive)|(?:giving|give|"
    r"gave) up on (?:life|living)|(?:think|thought|thinking|plan|planning|want|feel\w* like|"
    r"wanting)\w* (?:\w+ ){0,2}(?:about |of )?(?:ending|end) (?:it\b(?! (?:with|for|early|"
    r"there|here|off))|my life|things|everything)|"
    r"(?:take|taking|swallow\w*) (?:all|the whole|a whole|"
    r"every one of) (?:of )?(?:\w+ ){0,2}(?:pills|tablets|packet|box|bottle|meds|medication)|"
    r"(?:take|taking|took|swallow\w*) (?:all|the whole|a whole|every one of) (?:of )?(?:my |"
    r"the )?(?:[\w-]+ ){1,2}?(?:at once|in one go)|jump\w* (?:off|in front of) (?:a|"
    r"the) (?:bridge|train|building|cliff|roof)|(?:goodbye|suicide) (?:letters?|notes?)|"
    r"want (?:it|everything) (?:all )?to (?:end|be over)|dark thoughts|(?:life|"
    r"living) is not worth|(?:wish|want) (?:i could|to) (?:just )?disappear|no will to live|"
    r"(?:is there|there is) (?:any|no) point (?:in |of |to )?(?:living|life|going on|carrying on|"
    r"being here)(?! with| doing)|(?:not sure|do not know if|"
    r"do not know whether) (?:if )?i (?:still )?want to (?:be alive|live|be here|go on)|(?:not|"
    r"never) (?:be|being) (?:here|alive|around) any ?more|thoughts? (?:of|"
    r"about) (?:not being here|dying|death|ending it)|(?:done|finished) with (?:life|living|"
    r"it all|everything)|not want to be alive|kms|unalive\w*|hate (?:my )?(?:life|being alive)|"
    r"(?:a|such a) burden (?:to|on) (?:everyone|everybody|my family|them|people)|(?:can not|"
    r"do not) see (?:a|any) way out|ways to (?:die|kill myself|end it)|(?:want|wish) (?:it all|"
    r"everything) to (?:end|stop|be over)|wish (?:it|everything) would (?:all )?end|"
    r"sleep (?:forever|and never wake)|(?:hope|hoping|wish|wishing|pray)\w* (?:\w+ ){0,3}(?:not|"
    r"never) (?:to )?wake up(?! (?:at|every|in the night|so early|with|because|from|in pain))|"
    r"(?:going to|gonna|urge to) (?:hurt|harm|cut) myself|" + MORE_SELF_HARM
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
    "dropping weight losing control walking standing stand weight crutches overdosed "
    "chemo radiotherapy mastectomy appetite unwell shivery diagnosis remission".split()
)
