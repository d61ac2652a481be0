"""Lexicons for the red-flag rules: how patients word each warning sign (lay words,
British and American variants, morphology). Patterns are regex alternations over normalised
text (textnorm.normalize); redflags.py combines them into rules."""

UNABLE = (
    r"can not|could not|unable to|not able to|no longer able to|impossible to|(?:have|"
    r"has) not been able to|not been able to|can not seem to"
)
DIFFICULTY = (
    rf"{UNABLE}|trouble|difficulty|difficult|problems?|issues?|struggl\w*|hard time|hard to"
)
NUMB = (
    r"numb\w*|tingl\w*|pins and needles|no feeling|(?:can not|could not|can barely|can hardly|"
    r"barely|hardly) (?:really |quite |properly |fully )?feel|lost (?:the |all |my )?(?:feeling|"
    r"sensation)|no sensation|loss of (?:feeling|sensation)|(?:reduced|altered|strange|weird|odd|"
    r"funny|different) (?:feeling|sensation)|not feeling (?:any |much )?(?:sensation|feeling)|"
    r"(?:feel|feels|feeling) nothing|like (?:it is )?(?:sleeping|asleep)|dead|deadness|(?:gone|"
    r"going|went|fallen|fell) (?:to sleep|asleep)|an(?:a)?esthet\w*|novocaine|lidocaine|"
    r"like (?:\w+ ){0,4}(?:a local|(?:at|from|after) (?:the )?dentist)"
)
SADDLE = (
    r"groin|genitals?|genital area|privates?|private parts?|between (?:my|the) legs|inner thighs?|"
    r"crotch|buttocks?|bum|butt|bottom(?! of)|backside|anus|anal|back passage|rectum|saddle|"
    r"perine\w*|vagina\w*|penis|scrotum|testicles?|labia|down there|down below|(?:my|the) bits|"
    r"private (?:area|region)|nether regions|lady parts|willy|balls|sit bones|undercarriage|"
    r"perianal|perineal|inside of (?:my |his |her |both |the )?thighs?|(?:round|around) (?:me|my|"
    r"his|her) date|sitting area|seat area|(?:round|around) the seat|where (?:i|you|he|she) sits?"
)
ON_THE_TOILET = r"toilet seat|(?:sit|sits|sitting|sat) on the (?:toilet|loo)"
URINATE = (
    r"pee|peeing|wee|weeing|urinat\w*|pass(?:ing)? (?:urine|water)|empty\w* (?:my )?bladder|"
    r"go to the (?:toilet|loo|bathroom)|poo|pooing|poop\w*|open (?:my )?bowels?|need to go|"
    r"need (?:the|a) (?:toilet|loo|bathroom)|micturition|micturat\w*|void\w*|"
    r"initiat\w* (?:micturition|urination|a stream)"
)
CONTINENCE = r"bladder|bowels?|urine|pee|wee|poo|stools?|toilet|water ?works"
LEGS = r"legs|thighs|calves|feet|sides|buttocks"
SYMPTOM = (
    r"sciatica|pain|pains|numb\w*|tingl\w*|weak\w*|shooting|pins and needles|burning|ache|aching"
)
FEVER = (
    r"fever(?!\w* pitch)\w*|feverish|febrile|high temperature|a temperature|running a temp\w*|"
    r"temp of \d+|(?:temperatures?|temps?)(?: \w+){0,4} (?:3[89]|4[01]|10[0-4])|(?:3[89]|"
    r"4[01])(?:\.\d)? ?(?:temp|temperature|fever)|"
    # "39 degrees" is a temperature; "SLR at 40 degrees" or "bend to 40 degrees" is an angle
    r"(?<!\bat )(?<!\bto )(?<!\bby )(?<!\bpast )(?:(?:3[89]|4[01])(?:\.\d)? ?(?:c|degrees)|"
    r"10[0-4](?:\.\d)? ?(?:f|degrees))|chills|shivers|shivering|shaking chills|rigou?rs|"
    r"night sweats|sweating at night|drenching sweats|(?:going|feel\w*|get\w*) hot and cold|"
    r"hot and cold (?:sweats|shivers|spells)|burning up|shivery|shivering|shaky and hot|"
    r"sweats at night|sweating buckets|drenched in sweat|(?:boiling|burning)(?: up)? (?:then|"
    r"and) (?:freezing|cold|shivering)|hot then (?:freezing|cold)|pyrexi\w*|t (?:3[89]|"
    r"4[01])(?:\.\d)?|(?:woke|waking|wake) up (?:soaked|drenched|soaking|wet through)|"
    r"hot and shivery"
)
UNWELL_PHYSICAL = (
    r"feel\w* (?:really |very |so |generally |quite )?(?:ill|unwell|poorly|feverish|shivery|"
    r"grotty)|flu[- ]?(?:like|ish|y)|like i have (?:the )?flu|under the weather|"
    r"not (?:feeling )?well"
)
UNWELL = (
    r"feel\w* (?:really |very |so |generally |quite )?(?:ill|unwell|rough|awful|rubbish|terrible|"
    r"sick|poorly|grotty|dreadful|lousy|off)|flu[- ]?(?:like|ish|y)|like i have (?:the )?flu|"
    r"under the weather|not (?:feeling )?(?:myself|right|well)|feeling off|"
    r"(?:have )?got (?:the )?flu"
)
IMMUNE = (
    r"immunosuppress\w*|immune ?suppress\w*|weak\w* immune system|immunocompromised|low immunity|"
    r"hiv|aids|(?:organ|kidney|liver|heart|lung|bone marrow) transplant|transplant (?:drugs|"
    r"medication)|chemo\w*|methotrexate|biologics?|tacrolimus|ciclosporin|cyclosporine|"
    r"mycophenolate|azathioprine|tofacitinib|adalimumab|infliximab|etanercept"
)
STEROIDS = (
    r"(?:long[- ]term|for (?:years|months|ages)|\d+ ?(?:yrs|years|months)|daily|every day|"
    r"high[- ]dose|regular) (?:\w+ ){0,2}(?:oral )?(?:steroids?|prednisolone|prednisone|pred|"
    r"cortisone tablets)|(?:on|taking|take|taken|took|had) (?:oral )?(?:steroids|steroid tablets|"
    r"prednisolone|prednisone|pred)(?! injection)"
)
ORGANS = (
    r"breast|prostate|lung|bowel|colon|colorectal|rectal|kidney|renal|thyroid|ovarian|cervical|"
    r"pancreatic|stomach|gastric|skin|bladder|oesophageal|esophageal|liver|uterine|testicular"
)
ORGAN_CA = rf"(?:{ORGANS}) ca|ca (?:of (?:the )?)?(?:{ORGANS})"  # clinical shorthand: "breast Ca"
CANCER_WORDS = (
    r"cancer(?! scare| check| screening| test)|tumou?rs?|malignan\w*|metasta\w*|lymphoma|"
    r"leuka?emia|myeloma|melanoma|\w*sarcoma|\w*carcinoma|secondaries|chemo\w*|radiotherapy|"
    r"radiation (?:therapy|treatment)|mastectomy|lumpectomy|oncolog\w*|tamoxifen|letrozole|"
    r"anastrozole|the big c|" + ORGAN_CA
)
WEIGHT_LOST = (
    r"(?:lost|losing|lose|dropped|dropping|shed|shedding) (?:\w+ ){0,3}(?:\d+ ?)?(?:weight|kilos?|"
    r"kgs?|pounds|lbs|stones?|st)|weight (?:has |is |keeps )?(?:dropped|dropping|falling|fallen|"
    r"fell)(?: off)?|(?:gone|dropped|went) down (?:\w+ ){0,2}(?:dress |clothes |trouser |"
    r"jeans? )?sizes?|(?:clothes|trousers|jeans) (?:are |have been )?(?:hanging|falling|loose|"
    r"too big)|shrink\w* out of (?:my |his |her )?(?:clothes|trousers|jeans|dresses)"
)
UNEXPLAINED = (
    r"without (?:trying|dieting|meaning to|(?:a |any )?reason)|for no (?:apparent |"
    r"obvious )?reason|no idea why|not sure why|do not know why|unexplained|unintentional\w*|"
    r"not (?:trying|dieting|on a diet)|mysterious\w*|by itself|on its own|even though i (?:am|"
    r"have been) eating"
)
NIGHT = (
    r"at night|during the night|in the night|all night|every night|overnight|wakes? me(?: up)?|"
    r"waking me|keeps? me awake|can not sleep|night ?time|nights?|through the night|\d ?am|in bed"
)
UNRELENTING = (
    r"constant\w*|unrelenting|relentless|all the time|never (?:goes|stops|eases)|(?:does|did|"
    r"will) not (?:ease|go away|settle|stop|improve|get better|let up)|not (?:eased|relieved|"
    r"helped) by|nothing (?:helps|eases|works|touches)|no matter (?:what|how)|even (?:when|"
    r"if) (?:i am )?(?:resting|lying|still)|rest (?:does not|is not|never) help\w*|worse (?:when|"
    r"while)? ?(?:lying|resting)|nothing does|never lets up|does not matter (?:if|what|how)|"
    r"(?:unrelieved|not relieved|not eased) by|whatever i do|any position|can not get comfortable|"
    r"nothing (?:shifts|budges|touches|settles) it|no position|even (?:after|with) rest|(?:makes?|"
    r"made|making) (?:no|little|not any|not much) difference|nothing (?:\w+ ){0,3}(?:makes?|"
    r"made) (?:a |any )?difference|(?:does not|do not|did not) make (?:a |any |much )?difference|"
    r"(?:lying down|resting|rest|moving|changing position) (?:does not|did not|do not|will not|"
    r"can not) (?:help|ease|relieve|settle|change)"
)
MAJOR_TRAUMA = (
    r"(?<!total )(?<!complete )(?<!absolute )(?<!bit of a )"  # "work was a total car crash"
    r"(?:car|road|traffic|motorbike|motorcycle|bike|cycling|skiing|ski|horse riding|rugby|football|"
    r"sports?) (?:crash|accident|collision|smash|injury)|(?:was|were|been|had|in) (?:a |"
    r"an )?(?:\w+ )?crash|crashed (?:my|his|her|their|the|a|into|on|off)|collision|hit by a (?:car|"
    r"vehicle|bus|truck|lorry|van|bike)|(?:got|been|was|were|get|getting) run over|run over by|"
    r"ran over (?:me|my|him|her)|rear[- ]ended|head[- ]on|landed (?:hard |badly |heavily |"
    r"flat )?on my (?:back|tailbone|coccyx|spine)|landed (?:hard|badly|heavily|"
    r"flat) on my (?:bottom|bum|knee)|over the handlebars|heavy (?:blow|impact)|kicked by a horse|"
    r"thrown (?:off|from)|struck (?:\w+ ){0,4}by|hit by (?:a|the) falling|crush\w*|"
    r"something heavy (?:fell|landed)|fell on (?:me|my back)|rta|rtc|road traffic|car accident|"
    r"pile[- ]?up|knocked (?:off|down|over) (?:\w+ ){0,3}by a|knocked off (?:my|a|the) (?:bike|"
    r"motorbike|scooter|horse)|(?:car|van|lorry|truck|bus) (?:\w+ ){0,2}(?:went|drove|ran|smashed|"
    r"ploughed|plowed) into|spear tackle\w*|driven into the (?:ground|floor|turf)|(?:big|heavy|"
    r"hard|huge|massive) (?:tackle|hit|collision|impact)|div\w* (?:\w+ ){0,3}(?:shallow|hit (?:the|"
    r"his|her|my) (?:head )?(?:on the )?bottom)|landed on top of (?:me|him|her|them)|(?:got|was|"
    r"were|been) (?:flattened|crushed|squashed)|airbags?|\d+ ?(?:mph|km/h|kph)|(?:smash\w*|"
    r"slamm\w*|crash\w*|thrown|flung|hurled) (?:\w+ ){0,2}into (?:the|a) (?:post|goalpost|wall|"
    r"tree|fence|barrier|boards|ground)|clatter\w*|full pelt|(?:pallet|shelf|shelving|box|boxes|"
    r"crate|beam|tree|branch|load|ladder|wardrobe|car|machine|weights?|barbell|"
    r"furniture)\w* (?:fell|fall|falls|dropped|landed|came down) on (?:me|my|him|her|his|top of)|"
    r"(?:went|drove|ran|crashed|smashed|ploughed|plowed) into the back of (?:me|my|us|him|her|"
    r"them)|(?:car|van|vehicle|bike|motorbike) (?:\w+ ){0,2}(?:written off|totall?ed)|(?:fell|"
    r"came down) (?:really )?(?:hard|heavily|badly) (?:on|onto) (?:my )?(?:back|bottom|bum|"
    r"tailbone|coccyx|spine)"
)
FALL = (
    r"fell|fall|fallen|falling|slipped|tumbled|came off|came a cropper|jumped|tripped|(?:took|"
    r"had) (?:a |a bit of a )?tumble|went flying|went down|lost my footing|missed (?:a|the|"
    r"my)(?: \w+)? (?:step|stair|footing|kerb|curb)"
)
HEIGHT = (
    r"ladder|roof|height|stairs|staircase|steps|scaffold\w*|tree|horse|balcony|wall|trampoline|"
    r"bike|motorbike|motorcycle|(?:\d+|a few|several|two|three) (?:feet|foot|metres|meters|m|ft|"
    r"storeys|stories|floors)"
)
FRAGILE_BONES = (
    r"osteoporo\w*|osteopeni\w*|(?:brittle|thin|weak|soft|fragile|old) bones|bone thinning|"
    r"alendron\w*|bisphosphonates?|risedronate|ibandron\w*|zoledron\w*|denosumab|prolia|fosamax|"
    rf"{STEROIDS}|(?:i am|is|am|aged|age|of) (?:7\d|8\d|9\d|1[01]\d)|(?:7\d|8\d|"
    rf"9\d)[- ]years?[- ]old|"
    r"(?:7\d|8\d|9\d) ?(?:yo|y/o|yrs?|year old|years)|'s (?:7\d|8\d|9\d)\b|bones (?:are|"
    r"were) (?:thin|brittle|weak|soft|fragile)|(?:7\d|8\d|9\d) ?[mf]|(?:late |early |mid[- ])?(?:7|"
    r"8|9)0'?s|(?:seventy|eighty|ninety)(?:[- ]\w+)?|seventies|eighties|nineties|pensioner|oap|"
    r"elderly|frail|octogenarian|nonagenarian|(?:shrunk|shrinking|lost) (?:\w+ ){0,3}(?:inch\w*|cm|"
    r"height)|(?:new|growing) (?:\w+ )?(?:hump|hunch|stoop)"
)
SUDDEN = (
    r"sudden\w*|sharp(?! as)|severe|after (?:lifting|coughing|sneezing|bending|twisting)|a crack|"
    r"(?:cough\w*|sneez\w*) fit|(?:he|she|they|i) (?:coughed|sneezed|lifted|lift)|(?:very |"
    r"really )?strong pain|lifting (?:a|the|some) |(?:felt|heard) something (?:go|give|snap|crack|"
    r"pop)|like a (?:belt|band|rope|girdle)|sat down (?:heavily|hard|heavy)|landed (?:heavily|"
    r"hard)|jolt\w*|jarred|bumped|knocked|after (?:a |an )?(?:cough|sneeze|lift|bend|twist)|"
    r"when i (?:coughed|sneezed|bent|lifted|twisted)|(?:suddenly|out of nowhere) (?:started|began|"
    r"went)|(?:heard|felt) (?:a )?(?:crack|snap)|excruciating|agony|worst pain|(?:went|"
    r"gone) down (?:on|onto)|stumbl\w*|(?:terrible|awful|sharp|sudden|bad|nasty) catch|"
    r"catch in (?:my|his|her|their) back|land\w* (?:hard|heavily|badly)|topple\w*|went over|"
    r"(?:fell|falls|fall|went) backwards|miss(?:ed)? (?:a|the|my)(?: \w+)? (?:step|stair|kerb|"
    r"curb)|trip\w*"
)
HOT_STATE = (  # hot/warm as a state of the joint, not a hot pack or warm bath
    r"(?:hot|warm)(?! (?:bath|water|pack|compress|shower|towel|pad|wheat|tub|yoga|drink|weather|"
    r"day|climate|bottle|and cold))|red|redness|erythema\w*|inflamed|burning hot|flushed|angry|"
    r"hot to (?:the )?touch|warm to (?:the )?touch"
)
SWOLLEN = (
    r"swollen|swelling|swelled|puffy|ballooned|puffed up|fluid on|blew up|blown up|like a balloon|"
    r"balloon\w*|twice the size|massive|huge|double the size|effusion"
)
ADVERB = r"(?:very |really |so |quite |all |a bit |super )?"
CALF_SIGN = (
    rf"{SWOLLEN}|red|hot|warm|tender|hard|throbbing|bigger|shiny|(?:is|are|gone|got|became|looks?) "
    r"(?:\w+ )?(?:fat|thick|big)|(?:hurts?|sore|painful|tender) (?:when i touch|to (?:the )?touch)"
)
CLOT_RISK = (
    r"flight|flew|long drive|surgery|operation|replacement|plaster|cast|bed rest|laid up|"
    r"in bed for|bed-?bound|bedridden|immobil\w*|the pill|contracepti\w*|hrt|pregnan\w*|postpartum|"
    r"gave birth|one (?:leg|side)(?! or the other)|only on the"
)
INJURY = (
    r"fell|fall|fallen|twist\w*|injur\w*|accident|pop|popped|crash\w*|landed|hit|tackle\w*|trip\w*|"
    r"collid\w*|sports?|kicked|slipped|game|match|training|falling|tumble|went over|"
    r"landed awkwardly|gave way|giving way|buckled|collapsed|hurt|skiing|knocked|stairs|football|"
    r"rugby|netball|basketball|tackled|mishap|went sideways|twang|clunk|snap\w*|crack\w*|came off|"
    r"fell off|thrown off|awkward\w*|jump\w*|rolled|dancing|skateboard\w*|soccer|pivot\w*|"
    r"went down|stumbl\w*"
)
BACK = r"back|spine|spinal|lumbar|sciatica|disc|discs|tailbone|coccyx|vertebra\w*"
KNEE = r"knee|knees|kneecap|joint|joints"
PROGRESSING = (
    r"getting (?:worse|weaker)|worsening|spreading|creeping up|by the (?:day|hour)|"
    r"every day (?:it is|it gets) worse|worse (?:each|every) day"
)
LEG_PARTS = r"legs?|foot|feet|thighs?|calf|calves|shins?|toes|ankles?|buttocks?|bum|groin"
BONES = (
    r"back|spine|hip|hips|knee|kneecap|leg|legs|bone|bones|rib|ribs|pelvis|tailbone|coccyx|"
    r"vertebra\w*|ankle|femur|shin|tibia"
)
FEARED = (  # "could I have cancer?" is a worry, not a history of cancer
    r"(?:worried|afraid|scared|fear\w*|wonder\w*|could|might|may|do|does|is it|if|"
    r"whether)(?:\W+\w+){0,3}\W*$"
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
    r"\b(?:collaps\w*|gives? way|giving way|gave way|buckl\w*|goes|went) (?:\w+ ){0,2}(?:under me|"
    r"(?:when|if|as soon as|every time|whenever) i (?:try to |put weight|stand|walk|step)\w*)"
)
HOPPING = (
    r"\b(?:(?:have|had|having) to hop|hopp\w* (?:around|everywhere|about)|(?:am|now|still|"
    r"currently) on crutches|(?:using|need\w*) crutches|can not (?:walk|move|"
    r"stand) without (?:crutches|help|support|a stick|holding on)|(?:can not|could not|unable to|"
    r"not able to) (?:(?:take|make) (?:a|one|a single) step|weight[- ]?bear|bear weight|(?:walk|"
    r"stand|step) on (?:it|my|his|her|their|the|that))\b(?! (?:for (?:long|very|more|too)|far|"
    r"very far|much)\b)|(?:will not|would not|refus\w* to) (?:walk|stand|put (?:any )?weight|"
    r"bear (?:any )?weight)\b(?! (?:for (?:long|very|more|too)|far|very far|much)\b)|"
    r"non[- ]weight[- ]bearing|(?:can not|could not|unable to) (?:\w+ ){1,3}(?:or|nor|and) (?:walk|"
    r"stand|step|put weight|bear weight)|(?:have|had|having) to crawl|crawl\w* (?:to|around|"
    r"everywhere|about)|(?:can not|could not|unable to) (?:\w+ ){0,5}without (?:crawl\w*|hopping))"
)
# Indirect wording: wishes to die, methods, goodbyes, acts of self-harm, no way out.
MORE_SELF_HARM = (
    r"(?:want|wanna|wish|wishing|long|longing|pray\w*)\w* (?:\w+ ){0,2}(?:to )?(?:die|be dead)\b|"
    r"(?:do not|would not|will not|did not) (?:really )?(?:care|mind) if i (?:die|died|were dead|"
    r"was dead|do not wake up|did not wake up|never woke up|never wake up|was not here|"
    r"were not here|was gone|were gone)|(?:go|went|going) to sleep and (?:not|never) (?:wake|"
    r"woke) up|(?:step\w*|jump\w*|throw\w* myself|walk\w*|lie|lying) (?:out )?in front of (?:a|"
    r"the) (?:bus|train|car|lorry|truck|traffic)|driv\w* (?:(?:my|his|her|their|the) car )?(?:into|"
    r"off) (?:a|the) (?:wall|tree|bridge|cliff|river)|hang\w* (?:myself|himself|herself|"
    r"themselves)|(?:how many|enough) (?:of (?:my|his|her|their|the) )?(?:pills|tablets|"
    r"paracetamol|tramadol|painkillers|meds) (?:\w+ ){0,3}(?:would|to|it would|it|does it) (?:take|"
    r"takes|kill|be fatal|be enough)|(?:took|taken|take|taking|swallowed) (?:\w+ ){0,4}(?:tablets|"
    r"pills|painkillers|meds|medication) (?:\w+ ){0,2}on purpose|giving away (?:my|"
    r"all my) (?:things|stuff|possessions|belongings)|saying goodbye to (?:everyone|people|"
    r"my family|my kids)|(?:in case|for when|after) i (?:am|was) (?:not around|gone|dead|"
    r"no longer here)|no (?:way out|future for me)|can not see (?:a|any) future|do not see (?:a|"
    r"any) future for me|(?:hurt\w*|injur\w*) myself (?:on purpose|deliberately|to cope|to feel)|"
    r"(?:scratch\w*|cut\w*|burn\w*) (?:my (?:arms?|legs?|wrists?|skin|"
    r"thighs?))(?: \w+){0,3} (?:until|till|to) (?:it |they )?(?:bleed|bled|hurt)|(?:happier|easier|"
    r"better) (?:for (?:everyone|them) )?without me|(?:rather|sooner) (?:not (?:be alive|be here|"
    r"exist|live)|die(?! than (?:have|having|go|going|do|doing|take|taking|get|getting|see|seeing|"
    r"wear|use|eat)))|(?:end\w*|take|taking|took) (?:my|his|her|their) own life|(?:think|thinking|"
    r"thought)\w* (?:\w+ ){0,2}about (?:death|dying|being dead|not being here|not existing)|"
    r"(?:might|may|going to|could|will|scared i will|afraid i will) do something (?:stupid|drastic|"
    r"silly)|(?:put|putting|get|getting|got|sort\w*) (?:\w+ )?affairs in order|made (?:my|his|her|"
    r"their) peace|(?:giv\w*|gave) (?:all |most )?(?:of )?(?:my|his|her|their) (?:\w+ )?(?:things|"
    r"stuff|possessions|belongings|tools|clothes|books|collection|jewell?ery|money|savings|gear|"
    r"kit) away|(?:giv\w*|gave) away (?:all |most )?(?:of )?(?:my|his|her|"
    r"their) (?:\w+ )?(?:things|stuff|possessions|belongings|tools|clothes|books|collection|pets?|"
    r"dog|cat|money|savings|jewell?ery|gear|kit|guitar|bike|car|watch|ring|records|games|computer)|"
    r"(?:will not|not going to) be (?:around|here) (?:much |for )?(?:longer|long|after|by|next)|"
    r"(?:will not|would not|will no longer|not) be a (?:burden|bother|nuisance|problem|trouble|"
    r"worry) (?:to \w+ )?(?:after|any ?more|(?:for )?much longer|any longer|for long|once)|"
    r"better (?:to|if i) (?:die|be dead|were dead|was dead)|(?:thought|planned|worked out|decided|"
    r"know) (?:about )?(?:how|when|where) (?:i will|i would|i am going to|i could|to) do it|"
    r"(?:swallow\w*|take|taking|down\w*) the lot|(?:written|writing|wrote|"
    r"left) (?:\w+ )?(?:letters?|notes?) (?:to|for) (?:my |the |all |both (?:my )?)?(?:kids|"
    r"children|family|wife|husband|partner|son|daughter|loved ones|parents|everyone|everybody|"
    r"grandkids|daughters|sons)|(?:would be|be) (?:glad|happy|relieved|fine|okay|ok) if i (?:die|"
    r"died|did not wake up|do not wake up|never woke up|never wake up|was not here|were not here|"
    r"was gone|were gone|was dead|were dead)|(?:active|passive) si|si with (?:a )?(?:plan|intent)|"
    r"suicidal ideation|dsh|better off without (?:him|her|them)|(?:rope|noose|belt|ligature|cord|"
    r"cable)\w* (?:round|around) (?:my|his|her|their) neck|(?:the |a )?rope (?:bought|ready|hid\w*|"
    r"tied)|turn\w* (?:it|the gun|a gun) on (?:myself|himself|herself)|(?:looking|staring|"
    r"peering) down (?:at|from|into|over) (?:the )?(?:\w+ )?(?:water|river|drop|tracks|road|"
    r"traffic|street|ground|balcony|bridge|edge)|(?:edge|bridge|ledge|track|tracks|platform|cliff|"
    r"roof)\w*(?: \w+){0,6} (?:work|working|get|getting) up the (?:nerve|courage)|step\w* (?:off|"
    r"out) (?:\w+ ){0,3}when (?:the )?(?:express|train|lorry|bus)|step\w* off (?:the )?(?:platform|"
    r"edge|ledge|bridge|roof)|(?:coming|come|going|go|get\w*) in front of (?:a |the )?(?:train|bus|"
    r"lorry|truck|car)|(?:meaning|intending|planning) not to (?:come|go) (?:home|back)|(?:count\w*|"
    r"line\w*|lay\w*|laid) (?:out|up) (?:my|his|her|the|all) (?:\w+ )?(?:tablets|pills|meds)|"
    r"see if there (?:were|was|are|is) enough|(?:lord|god) (?:takes|take|would take|will take) me|"
    r"death wish|have a plan and (?:i have )?(?:picked|chosen|set) (?:a|the) (?:date|day)|(?:ready|"
    r"want\w*) to check out(?! of (?:the )?(?:hospital|hotel|shop|library|ward))|so (?:she|he|i|"
    r"they) can (?:go and )?(?:be with|join) |(?:stop|stopping|quit\w*) (?:taking )?(?:my|his|"
    r"her) (?:insulin|heart tablets|heart pills|blood thinners|dialysis)|let (?:the \w+|it|cancer|"
    r"diabetes) take me|(?:would|does|will) it take to (?:not wake up|die|kill|end it|never wake)|"
    r"(?:cut\w*|slash\w*|scratch\w*) (?:\w+ ){0,3}(?:my|his|her) (?:fore)?(?:arms?|wrists?|thighs?|"
    r"legs?|skin|stomach) with (?:a |the )?(?:razor|blade|knife|compass|glass|lighter|scissors)|"
    r"(?:cuts|burns|scratches|marks|scars) (?:up|on|along|across) (?:his|her|their|"
    r"my) (?:fore)?arms?|(?:to|on) (?:myself|himself|herself) with a (?:lighter|blade|razor|knife)|"
    r"(?:will not|shall not) be needing (?:any of )?(?:it|them|this|that)|"
    r"thanks for everything,? (?:look after yourself|goodbye|take care)|better if i (?:am|was|"
    r"were) not (?:existing|here|alive|around)|(?:finish|finishing) (?:my|his|her) life|"
    r"want (?:to )?(?:die|dead|be dead)|(?:cut\w*|burn\w*|slash\w*|scratch\w*) (?:my|his|her|"
    r"their) (?:fore)?(?:arms?|wrists?|thighs?|legs?|skin|stomach)(?! (?:on|shaving|by accident|"
    r"accidentally|while|in the|at work))|(?:do not|can not) see the point any ?more|let (?:it all|"
    r"everything) (?:stop|end)|stopped (?:taking )?(?:my|his|her) (?:insulin|heart tablets|"
    r"heart pills|blood thinners|dialysis)|(?:not|no) want\w* (?:to|tae) (?:be here|be alive)|"
    r"(?:think\w*|thought) (?:about|aboot|of) (?:the )?(?:bridge|cliff|railway line|train tracks|"
    r"rope|gun|rifle|overdose)(?!s| exercise| pose| position| hold)|(?:garage|"
    r"car) with the (?:car )?engine running|hose\w* (?:to|from|on) the exhaust|better (?:i|that i|"
    r"if i|to) (?:die|am dead|be dead|was dead|were dead)|(?:think\w*|thought|research\w*|"
    r"look\w* up) (?:about )?how (?:to|i could|i would|i might|i will) (?:do it|end it|die|kill)|"
    r"how (?:much|many) (?:\w+ ){0,4}(?:would|will|to|it takes to) (?:be fatal|be lethal|kill)|"
    r"(?:fatal|lethal) (?:dose|amount)|(?:got|get|getting|taken|took) (?:the |my |his |"
    r"her )?(?:rifle|gun|shotgun|pistol) out|(?:this|that) (?:weekend|week|"
    r"night) is when i (?:stop|end it|go)|goodbye,? sorry for everything|"
    r"sorry for everything,? goodbye|(?:texted|messaged|wrote|sent) (?:\w+ ){0,4}goodbye|"
    r"do(?:ing)? it properly|(?:make|put) an end (?:of|to) (?:it|myself|things|my life)|"
    r"walk\w* into the (?:sea|river|lake|ocean|water)|(?:a|such a) burden (?:to|"
    r"on) (?:\w+ ){0,3}(?:house|household|kids|wife|husband)|(?:bang\w*|hit\w*|punch\w*) (?:my|his|"
    r"her) head (?:against|on|off) (?:the |a )?wall|until (?:it|they|i) bleeds?|(?:pills|"
    r"tablets) (?:lined up|counted out|ready)|jump\w* (?:off|from|out of|in front of) (?:a|the|his|"
    r"her|my) (?:\w+ )?(?:bridge|train|building|cliff|roof|terrace|balcony|window|car park|tower)|"
    r"(?:fresh|new) (?:cuts|burns|scratches|wounds)|(?:burns?|cuts?) from a (?:lighter|blade|razor|"
    r"knife|cigarette)|(?:found|noticed|seen|saw|spotted) (?:\w+ ){0,2}(?:cuts|scars|burns|"
    r"scratches|marks) on (?:his|her|their|my) (?:arms?|wrists?|thighs?|legs?|stomach|skin)|"
    r"(?:cut\w*|burn\w*|harm\w*) (?:himself|herself|themselves)|(?:bash\w*|hit\w*|punch\w*|bang\w*|"
    r"cut\w*|burn\w*|injur\w*) (?:\w+ ){0,5}on purpose|deliberately (?:hurt|hit|bash|bang|cut|burn|"
    r"injur)\w*|join\w* (?:\w+ ){1,2}(?:soon|in heaven|up there|on the other side)|(?:quietly|"
    r"secretly|deliberately) stopped (?:taking )?(?:his|her|their|my) (?:\w+ )?(?:tablets|pills|"
    r"medication|meds|insulin)|(?:think\w*|thought|look\w*|search\w*) (?:\w+ ){0,2}(?:ways?|"
    r"a way) out\b(?! of (?:the |this )?pain)|(?:looking|look|stare|staring|"
    r"eyeing) at (?:the )?(?:\w+ )?(?:bridge|railway|train tracks|tracks|cliff|motorway|rooftop|"
    r"edge)(?: \w+){0,6} differently|(?:rest of (?:my|his|her|their) life|(?:my|his|"
    r"her) life (?:now|from now on))(?: \w+){0,6} (?:do not|does not) (?:really )?want (?:it|"
    r"to live it|any of it)|(?:sav\w*|stor\w*) up (?:a lot of |lots of )?(?:my|his|her|"
    r"their) (?:\w+ )?(?:pills|tablets|meds|medication|painkillers|co-?codamol|codeine|tramadol|"
    r"pregabalin|gabapentin|morphine|oxy\w*)|deliberate self|phq-?9 item 9|(?:opioid|paracetamol|"
    r"intentional|deliberate|tablet) od"
)
SELF_HARM_WORDS = (
    r"suicid\w*|kill\w* (?:myself|himself|herself|themselves)|end\w* (?:my|it|his|her|"
    r"their) (?:life|all)|end\w* it all|end\w* things|end\w* everything|might as well be dead|"
    r"(?:had|have) enough of (?:living|life|being alive)|(?:take|taking|took) my (?:own )?life|"
    r"better off dead|better off without me|(?:do not|did not|"
    r"does not) (?:really )?want to (?:live(?! (?:on|off|in|near|at|abroad|there|alone|by))|"
    r"be alive|be here|wake up|(?:go|carry) on(?=$| like| any| living| with life| in this|"
    r" this way)|exist|be around)|wish i (?:was|were) dead|self[- ]?harm\w*|self[- ]injur\w*|"
    r"(?:cut|cutting|burn|burning|harm|harming) myself|(?:want|wanting|thinking|thought|think|urge|"
    r"tempted|feel\w* like)\w* (?:\w+ ){0,2}(?:to |of )?(?:hurt|harm)\w* myself|no (?:reason|"
    r"point) (?:to |in |of )?(?:live|living|life|going on|carrying on|being here|being alive|"
    r"it all|anything)|can not go on|can not carry on|overdos\w*|od on|(?:saving|stockpil\w*|"
    r"hoard\w*) (?:up )?(?:(?:my|his|her|their|approx\w*|about|around|"
    r"over) )?(?:\w+ ){0,2}(?:pills|tablets|tramadol|painkillers|medication|meds|pregabalin|"
    r"gabapentin|co-?codamol|codeine|paracetamol|morphine|oxy\w*|opioids?|sleeping)|"
    r"too much to live with|not worth (?:living|it any ?more|being alive)|(?:nobody|"
    r"no one) would (?:miss|care|notice)|disappear (?:for good|forever)|(?:what is|see) (?:the|"
    r"any) point (?:in |of )?(?:living|life|going on|carrying on|being here|being alive|anything|"
    r"it all)|(?:do not|can not) see (?:the|any) point (?:in |of )?(?:living|life|going on|"
    r"carrying on|being here|anything|it all)|(?:everyone|everybody|they|family|kids|children|wife|"
    r"husband|partner|people) (?:\w+ ){0,2}(?:be|are) better off(?: without me| if i (?:was|were|"
    r"am) (?:not|gone|dead))?|better off if i (?:was|were|am) (?:not (?:here|around|alive)|gone|"
    r"dead)|(?:rather|sooner) be dead|wish i (?:was|were) (?:not|never) (?:alive|born|here|around)|"
    r"wish i (?:could|would) (?:just )?(?:go to sleep and )?(?:not|never) wake up|(?:not|"
    r"never) (?:to )?wake up again|tired of (?:living|life|being alive)|(?:giving|give|"
    r"gave) up on (?:life|living)|(?:think|thought|thinking|plan|planning|want|feel\w* like|"
    r"wanting)\w* (?:\w+ ){0,2}(?:about |of )?(?:ending|end) (?:it\b(?! (?:with|for|early|there|"
    r"here|off))|my life|things|everything)|(?:take|taking|swallow\w*) (?:all|the whole|a whole|"
    r"every one of) (?:of )?(?:\w+ ){0,2}(?:pills|tablets|packet|box|bottle|meds|medication)|"
    r"(?:take|taking|took|swallow\w*) (?:all|the whole|a whole|every one of) (?:of )?(?:my |"
    r"the )?(?:[\w-]+ ){1,2}?(?:at once|in one go)|jump\w* (?:off|in front of) (?:a|the) (?:bridge|"
    r"train|building|cliff|roof)|(?:goodbye|suicide) (?:letters?|notes?)|want (?:it|"
    r"everything) (?:all )?to (?:end|be over)|dark thoughts|(?:life|living) is not worth|(?:wish|"
    r"want) (?:i could|to) (?:just )?disappear|no will to live|(?:is there|there is) (?:any|"
    r"no) point (?:in |of |to )?(?:living|life|going on|carrying on|being here)(?! with| doing)|"
    r"(?:not sure|do not know if|do not know whether) (?:if )?i (?:still )?want to (?:be alive|"
    r"live|be here|go on)|(?:not|never) (?:be|being) (?:here|alive|around) any ?more|"
    r"thoughts? (?:of|about) (?:not being here|dying|death|ending it)|(?:done|"
    r"finished) with (?:life|living|it all|everything)|not want to be alive|kms|unalive\w*|"
    r"hate (?:my )?(?:life|being alive)|(?:a|such a) burden (?:to|on) (?:everyone|everybody|"
    r"my family|them|people)|(?:can not|do not) see (?:a|any) way out|ways to (?:die|kill myself|"
    r"end it)|(?:want|wish) (?:it all|everything) to (?:end|stop|be over)|wish (?:it|"
    r"everything) would (?:all )?end|sleep (?:forever|and never wake)|(?:hope|hoping|wish|wishing|"
    r"pray)\w* (?:\w+ ){0,3}(?:not|never) (?:to )?wake up(?! (?:at|every|in the night|so early|"
    r"with|because|from|in pain))|(?:going to|gonna|urge to) (?:hurt|harm|cut) myself|"
    r"" + MORE_SELF_HARM
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
