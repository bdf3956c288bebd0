"""Post-level senses the span finders do not reach (seventh round, branch ``senses``).

Families of wording that give a post one of the post-level categories - special category, workplace, own
safety, derogatory, boundary - without a word from the lexicon: a parent "inside", "the refuge on ...",
"this company is an actual joke", "the yellow Corsa parked outside the office", "window lickers", "my
personal snap is ...". Each family is a precompiled regular expression behind a cheap check of the post's
words, so a post without an anchor word costs one set intersection.

Pure Python and no import of the engine: ``read`` returns plain tuples ``(category, start, end, rule,
severity, why)`` and the engine turns them into candidates. The gates that need the engine's reading of the
post (is it about a person, is it casework) come in as booleans.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from . import _fastre
from .tone import _split_top


class Sense(NamedTuple):
    category: str
    start: int
    end: int
    rule: str
    severity: str
    why: str


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# ---------------------------------------------------------------- special category
# Criminal record and prison (a parent "inside", "a caution for assault", "a non-mol against him"), domestic
# abuse refuges, disclosures of abuse, health and mental-health services and treatments, sexuality, religious
# festivals and rites. Read only where the engine's special-category gate is open (casework, or a person and
# no general talk).
SPECIAL_ANCHORS = _words(
    "prison jail jail gaol custody nick inside remand licence tag tagged caution conviction convictions record "
    "offender offenders register non-mol nonmol molestation restraining probation sentence sentenced locked "
    "time refuge refuges survivor dv disclosed disclosure stuff things touched nudes pics photos images "
    "depot meds medication antidepressants antidepressant antipsychotics dols self-neglect neglect cmht cpn "
    "camhs mha mho korsakoff's korsakoffs ulcers ulcer diabetic diabetes glue grommets tonsils bronchiolitis "
    "picu hdu itu icu tb tuberculosis hearing ehcp send sen salt speech ms down's downs fluids thickened end "
    "belts crisis suicidal suicide life bi pan communion christening bar bat diwali eid ramadan vaisakhi "
    "hanukkah passover arrived using steaming blootered mortal addict addicts muckamore knockbracken "
    "leverndale gartnavel carstairs broadmoor rampton ashworth maudsley bethlem priory gransha holywell "
    "stobhill dads mums dementia sectioned detained psychiatric mental schizophrenia psychosis maghaberry "
    "magilligan hydebank barlinnie polmont saughton strangeways belmarsh wormwood pentonville styal askham "
    "newton feltham cookham werrington wetherby armley benefits pension money account savings ventilator "
    "intubated support trauma interpreter learningdisability learningdisabilities learningdisabilityweek "
    "supportedliving came lifted nicked sent down banged arrested"
)
SPECIAL_MORE_RE = re.compile(
    r"\b(?:"
    # criminal record and prison
    r"(?:in|back in|out of|released from|just out of|came out of|got out of|died in|sent to|banged up in|"
    r"locked up in) (?:prison|jail|gaol|custody|the nick|the jail)"
    r"|(?:dad|mum|mam|da|daddy|mammy|father|mother|uncle|brother|sister|son|fella|partner|husband|wife|ex|"
    r"boyfriend|grandad|he|she)(?:'s|’s| is| was| has been)(?: still| now| back)? (?:inside|in prison|in jail|"
    r"in custody|on remand|on licence|on a tag|tagged|doing time|locked up|banged up)"
    r"|(?:dad|mum|da|father|mother|uncle|brother|he|she|fella|partner|ex|him|her)(?:,)? (?:\w+ ){0,2}inside\b(?=[,.;!?]| (?:and|again|for|now|since))"
    r"|(?:has|have|got|had|with) (?:a |previous |previous |two |three |several )?(?:cautions?|convictions?|"
    r"(?:criminal )?record) for"
    r"|criminal record|previous convictions|sex offenders?(?:'? register)?|on the register"
    r"|non-?mol(?:estation order)?|restraining order|on probation|served time|(?:prison|custodial) sentence"
    r"|(?:got|was|been|is) sentenced|got (?:the )?jail|got (?:lifted|nicked|sent down|banged up|arrested)|sent down for"
    # domestic abuse and refuges
    r"|(?:a |the |her |their |new )?refuge(?: flat| place| room| space| in| on)?"
    r"|(?:dv|domestic abuse|domestic violence) (?:survivor|victim|strategy|case|refuge|disclosure|incident)"
    r"|survivor (?:i'?m|im|i am) supporting"
    # disclosures of abuse and sexual exploitation
    r"|disclosed (?:to me|at school|abuse|that|today|this|last)"
    r"|did (?:stuff|things|something) to (?:her|him|them)"
    r"|(?:sending|sent|send|sends) (?:pics|photos|pictures|nudes|images) to"
    r"|(?:sent|sending|send|asked for|asking for) (?:her |him |them )?nudes"
    # health, disability and mental-health services and treatment
    r"|(?:his|her|their|the|a|my|ma|mah) depot|depot injection"
    r"|(?:takin|taking|take|takes|took|stopped|stopping|refusing|refused|off|on) (?:ma|my|his|her|their|the) "
    r"(?:meds|medication)"
    r"|antidepressants?|antipsychotics?|anti-?psychotics?"
    r"|self-?neglect|camhs crisis|mha assessment|mental health act assessment"
    r"|mho report|korsakoff'?s|leg ulcers?|diabetic|glue ear|grommets|(?:had )?(?:her|his|their) tonsils out"
    r"|bronchiolitis|picu|tuberculosis|hearing aids?|hearing test|ehcp|send (?:school|unit|support)"
    r"|salt referral|speech and language (?:therapy|therapist|referral)|thickened fluids|(?-i:TB)"
    r"|(?:with|has|got|severe|has got) (?-i:MS)|(?:with|has|got) down'?s"
    r"|(?:end|take|ending|taking) (?:her|his|their) (?:own )?life|taken the belts|belts out|crisis line"
    r"|suicidal|suicide"
    r"|(?:muckamore|knockbracken|leverndale|gartnavel|carstairs|broadmoor|rampton|ashworth|the maudsley|"
    r"bethlem|the priory|gransha|holywell|stobhill)"
    # sexuality and gender
    r"|(?:he'?s|she'?s|they'?re|he is|she is|they are|is|as) (?:bi|pan|bisexual|asexual)(?=[\s,.!?]|$)"
    r"|(?:two|2) (?:dads|mums|mams)"
    r"|came out to (?:me|us|her|his|them)"
    # religion
    r"|(?:first|holy) communion|bar mitzvah|bat mitzvah"
    # migration
    r"|(?:he|she|they|who) (?:arrived|came) (?:\w+ ){0,3}(?:alone |unaccompanied )?from(?= (?-i:[A-Z]))"
    # substance use
    r"|(?:mum|mam|dad|da|she|he|parents|mother|father)(?:'s|’s| is| was| are| were)? (?:still |back )?using"
    r"|(?:absolutely |proper )?(?:steaming|blootered|mortal|paralytic)(?= again|[,.!?]| drunk| at| to|$)"
    r"|drug addict|an addict"
    # prisons known by name: "whose daddy's in Maghaberry"
    r"|(?:in|out of|from|at|visiting|visit to) (?:hmp |hmyoi )?(?:maghaberry|magilligan|hydebank|barlinnie|polmont|"
    r"saughton|strangeways|belmarsh|wormwood scrubs|pentonville|styal|askham grange|low newton|feltham|"
    r"cookham wood|werrington|wetherby|armley)"
    # financial abuse by a relative: "her son's been takin her benefits", "emptying her account"
    r"|(?:takin|taking|takes|took|emptying|emptied|spending|spent|draining) (?:her|his|their) (?:\w+ )?"
    r"(?:benefits|pension|money|account|savings|bank account)"
    # intensive care, trauma, interpreters in any language
    r"|ventilator|intubated|life support|complex trauma|trauma histor(?:y|ies)"
    r"|(?:need|needs|needed|booked|book|with|via|through) (?:a|an) [a-z]+ interpreter"
    r"|#learningdisabilit(?:y|ies)(?:week)?|#supportedliving"
    r")(?!\w)",
    re.I,
)


# ---------------------------------------------------------------- workplace
# Criticism of the employer or colleagues that the sentence-near subject rule misses: the subject is a word of
# its own ("this company", "the Trust", "the uni", "our SW", "the IRO", "the dayshift") and the criticism a
# phrase of its own ("an actual joke", "hide in meetings", "falling apart", "paid late").
WORK_SUBJECT_RE = re.compile(
    r"\b(?:this|the|our|my|their) (?:company|firm|organisation|organization|employer|uni|university|agency|trust|"
    r"hscp|board|la|council|team|service|managers?|management|seniors?|directors?|dcs|iro|pe|pes|tm|sw|"
    r"social worker|social workers|locality|office|department|rota|dayshift|day shift|nightshift|night shift|"
    r"day staff|night staff|duty team|it)\b"
    r"|\b(?:the|our|my|her|his|their|nephew'?s|daughter'?s|son'?s) (?:new )?(?:sw|social worker|iro|pa|"
    r"supervising social worker|fostering social worker|ssw|link worker|team manager)\b"
    r"|\bsocial work department\b|\b(?:nhs|hsc) \w+\b|\b(?-i:[A-Z][a-z]+) (?:council|cs|children'?s services)\b"
    r"|\b(?:one of the|a) (?:seniors?|managers?|colleagues?|workers?|sws?) (?:on|in|from) (?:my|our|the) team\b"
    r"|\b(?:colleagues?|managers?|management|upstairs|leadership|bosses|head office|hr|dcs|las|locums?|"
    r"the (?:la|trust|council|agency|uni))\b"
    r"|\b(?:pe|pes|practice educators?|team leaders?|seniors)\b"
    r"|\b(?:in|on|from) (?:duty|the duty team|admin|intake|the mash|the front door)\b|\bduty line\b"
    r"|\b(?:else'?s|my|our|their|the|this|that) (?:la|council|trust|agency|employer|hscp)\b"
    r"|\b(?:a|one|another) (?:worker|colleague|member of staff|staff member)\b"
    # eighth round (senses2): "someone in my last team", "Northampton uni"
    r"|\b(?:my|our|the) (?:last|old|previous|current|new) (?:team|manager|job|employer|council|trust|la|uni)\b"
    r"|\b(?-i:[A-Z][a-z]+) (?:uni|university|trust|hscp|hb)\b",
    re.I,
)
WORK_CRIT_ANCHORS = _words(
    "joke shambles disgrace farce circus clowns mess useless worst hide hides hiding falling fell fall apart cares "
    "cut cuts cutting slashed halved less paid recruit retain counts cares forcing permanent rude rudest dirt "
    "complaint hadn't hadnt hasn't hasnt haven't havent never cases caseloads caseload sleep-ins row pick player "
    "failing covering wonder wonders sick hired asleep cancelled rung rang naebody nobody no huvnae havnae "
    "pinching penny hot desking hot-desking organise organize sessions job blame blames makes making made "
    "make conduct capability disciplinary all-staff report screenshot screenshots sharing posting putting "
    "screenshotting "
    # eighth round (senses2)
    "hate despise loathe laziest lazy mick michael disorganised disorganized sort exec"
)
WORK_CRIT_RE = re.compile(
    r"\b(?:"
    r"(?:is|are|was|were|'s|’s) (?:an? )?(?:actual |absolute |total |complete |utter |fkn |fucking |such a )?"
    r"(?:joke|shambles|disgrace|farce|circus|clown show|mess)(?! of a day| day)"
    r"|(?:is|are|'s|’s) (?:so |absolutely |actually |literally )?useless"
    r"|(?:ur|you'?re|you are|is|are) the worst(?: one)?"
    r"|hide (?:in|behind) (?:meetings|their (?:office|desks|emails))"
    r"|(?:falling|fell|fall) apart"
    r"|nobody (?:upstairs|at the top|in charge|in management) (?:cares|listens|gives)"
    r"|(?:cut|cuts|slashed|halved) (?:the |our |my )?[\w-]+(?: [\w-]+)? (?:team|service|budget) in half"
    r"|doing more with less"
    r"|(?:been |got |get |getting )?paid late"
    r"|(?:can'?t|cannot|cannae|couldn'?t|unable to) (?:even )?(?:recruit|retain|keep staff)"
    r"|only (?:counts|cares about|care about) (?:beds|targets|numbers|figures|stats)"
    r"|(?:is|are) forcing (?:us|me|staff)"
    r"|no permanent staff"
    r"|(?:so|really|proper|dead) rude to"
    r"|the rudest"
    r"|(?:like|as if i was) dirt"
    r"|(?:put|putting|make|making|made|submit|submitting) (?:in )?a (?:formal )?complaint"
    r"|(?:hadn'?t|hasn'?t|had not|has not|never) (?:even )?(?:read|opened) (?:the|a|my|our|his|her) "
    r"(?:bundle|report|reports|file|notes|assessment)"
    r"|\d+ cases on (?:day one|my first day|the first day)"
    r"|caseloads? (?:are|is|of) (?:\d+|over|at)"
    r"|\d+ sleep-?ins in a row"
    r"|(?:third|fourth|fifth|\d+(?:st|nd|rd|th)) (?:\w+ )?(?:review|visit|meeting|time) in a row"
    r"|hasn'?t done a (?:home )?visit (?:since|in)"
    r"|pick up the (?:bloody |damn )?phone"
    r"|(?:nobody|no one|naebody|no-one) (?:from the team |fae the team )?(?:has |had |huz )?(?:rung|rang|phoned|called) "
    r"(?:me |us )?back"
    r"|(?:huvnae|havnae|haven'?t|hasn'?t|have not|has not) (?:phoned|rung|called) (?:me |us )?back"
    r"|not a team player"
    r"|(?:are|is) failing (?:him|her|them|us|these|our)"
    r"|done covering for"
    r"|(?:and )?(?:they|then) wonder(?:s)? why"
    r"|sick of being"
    r"|the hired help"
    r"|penny[- ]pinching"
    r"|been less so"
    r"|fell asleep (?:in|during) my"
    r"|cancelled (?:the |our |my )?(?:\w+ )?(?:review|visit|meeting|supervision) (?:again|in a row)"
    r"|hot[- ]?desking|organi[sz]e a piss[- ]?up"
    r"|(?:haven'?t|havent|hasn'?t|hasnt|has not|have not) (?:got )?(?:the )?time for (?:supervision|students|us|me)"
    r"|\d+ weeks?,? (?:0|zero|no) (?:sessions|supervisions?)"
    r"|wonders? why (?:we|people|staff|nobody|no one|carers|families|they|i)"
    r"|(?:hadn'?t|hasn'?t|had not|has not|haven'?t) (?:even |actually |literally )?(?:read|opened) (?:a single|any of the|one|the) "
    r"(?:\w+ )?(?:report|reports|bundle|file|page|document|email)"
    r"|just do your (?:job|jobs)|blames? (?:admin|everyone|the team|the carers|us)"
    r"|(?:makes?|making|made) (?:you|us|me|staff) use (?:your|our|my|their) (?:own|personal) (?:phone|mobile|car|laptop)"
    r"|(?:was|is|a) (?:conduct|capability|disciplinary) (?:matter|hearing|issue|investigation)"
    r"|in (?:an|the|today'?s) all[- ]staff"
    r"|(?:should|do) i report (?:her|him|them|it|this)"
    r"|screenshots? (?:of|from) (?:the |a |our |my )?(?:team|work|office|unofficial) (?:whatsapp|gc|group chat|chat)"
    r"|(?:sharing|posting|putting|screenshotting)\b[^.!?\n]{0,60}\b(?:in|on|into) (?:the|our|a) (?:\w+ )?"
    r"(?:team|work|office|unofficial) (?:whatsapp|gc|group chat|chat)"
    # eighth round (senses2): open dislike of the employer, a colleague called lazy, "sort it out"
    r"|i (?:hate|despise|loathe|can'?t stand) (?:this|my|our|the) (?:council|trust|la|employer|organisation|"
    r"organization|management|managers?|board|hscp|uni|university|agency|service|director)"
    r"|(?:the )?(?:laziest|most lazy) (?:person|colleague|manager|worker|sw|social worker|member of staff|people|team)"
    r"|taking the (?:absolute|actual|total|complete|proper) (?:mick|michael|piss|p\*ss)"
    r"|(?:is|are) (?:so |really |absolutely |completely |totally |utterly )?disorgani[sz]ed"
    r"|(?:uni|university|council|trust|management|hscp|la) (?:pls |please )?sort (?:it|yourselves|yersel(?:ves|s)) out"
    r"|nobody at (?:exec|board|director|senior|executive) level"
    r")(?!\w)",
    re.I,
)


# ---------------------------------------------------------------- own safety
OWN_ANCHORS = _words(
    "gps burglars parked parking park corsa fiesta fiat 500 golf polo mini juke yaris clio "
    "qashqai astra micra kia tesla audi bmw merc mercedes vauxhall ford toyota nissan skoda seat renault "
    "peugeot citroen honda mazda volvo suzuki dacia smart jeep tesco asda aldi lidl morrisons sainsbury's "
    "sainsburys greggs costa starbucks spoons wetherspoons mcdonalds maccies nandos premier travelodge hotel ibis "
    "inn m primark b ikea co-op coop spar iceland train bus ferry flight noo staying stayin room balcony floor "
    "leave leaving set start finish pm every always saturday sunday weekend evening second other facebook insta "
    "instagram fb tiktok snap snapchat twitter address face pics photos pictures posts tiny human teacher started "
    "lift lifts streets doors roads houses minutes collection moving threats housewarming mine yours empty "
    "burglar sat sitting sittin waiting silver black white red blue grey gray green yellow orange purple pink "
    "gold bronze navy maroon"
)
CAR_MAKES = (
    r"(?:corsa|fiesta|fiat(?: 500| panda| punto)?|golf|polo|mini|juke|yaris|clio|qashqai|astra|micra|kia|tesla|"
    r"audi(?: a\d)?|bmw|merc(?:edes)?|vauxhall|ford|toyota|nissan|skoda|seat|renault|peugeot|citroen|honda|mazda|"
    r"volvo|suzuki|dacia|smart car|jeep|land rover|range rover|ka|focus|aygo|c1|108|208|swift|picanto|i10|"
    r"sandero|zafira|meriva|insignia|octavia|fabia|leon|ibiza|up!?)"
)
COLOURS = r"(?:silver|black|white|red|blue|grey|gray|green|yellow|orange|purple|pink|gold|bronze|navy|maroon)"
OWN_MORE_RE = re.compile(
    r"(?:"
    # coordinates: "GPS 53.7961 N, 1.5476 W"
    r"\bgps\b[^\n]{0,12}?\d{1,3}\.\d{3,}"
    r"|\b\d{1,2}\.\d{3,}\s?°?\s?[NS]\b,?\s*-?\d{1,3}\.\d{3,}\s?°?\s?[EW]\b"
    # an empty home
    r"|\bhouse(?:'s| is) all yours\b|\b(?:burglars|burglar)\b[^.!?\n]{0,40}\bback in \d+"
    r"|\b(?:house|home|flat)(?:'s| is| will be| stays) empty (?:for|till|until)\b"
    # the author's own car, by make and colour or where it is parked
    r"|\b(?:parked|parking|park|left) (?:the|my|ma|me) (?:" + COLOURS + r" )?" + CAR_MAKES + r"\b"
    r"|\b(?:my|ma|me|our|i drive an?|i'?ll be in an?|look out for an?) "
    + COLOURS
    + r" "
    + CAR_MAKES
    + r"\b(?! (?:outside|parked|following|behind) "
    r"(?:her|his|their))"
    r"|\b(?:the )?" + COLOURS + r" one,? you can'?t miss it\b"
    # where the author is right now
    r"|\b(?:i'?m|im|ah'?m|am|i am|we'?re|currently|sat|sitting|waiting|stood|standing) (?:in|at) (?:the )?(?:big |wee )?"
    r"(?:tesco|asda|aldi|lidl|morrisons|sainsbury'?s|greggs|costa|starbucks|spoons|wetherspoons|mcdonalds|"
    r"maccies|nandos|premier inn|travelodge|m&s|primark|b&q|ikea)\b"
    r"|\b(?:staying|stayin|i'?m|im) (?:at|in) (?:the )?(?:premier inn|travelodge|holiday inn|ibis|hotel)\b"
    r"|\broom \d{2,4}\b(?=[^.!?\n]{0,60}\b(?:anyone|dinner|drink|come|say hi|around))"
    r"|\b(?:till|until) my (?:train|bus|ferry|flight) at\b"
    r"|\bright noo\b"
    r"|\b(?:sat|sitting|sittin|waiting) in (?:the|my) car (?:outside|at|on|in)\b"
    r"|\b(?:lift|lifts) home to (?-i:[A-Z])"
    # home and home area: "view from my balcony on the 9th floor", "I'm in Hillsborough, leave 7.40"
    r"|\b(?:my|our) balcony\b|\bon the \d+(?:st|nd|rd|th) floor\b(?=[^.!?\n]{0,40}\b(?:home|view|flat|my))"
    # routine
    r"|\b(?:leave|leaving|set off|get in|start|finish) (?:at )?\d{1,2}[.:]\d{2} every (?:day|morning|night)\b"
    r"|\b\d{1,2}(?:[.:]\d{2})? ?(?:am|pm) and \d{1,2}(?:[.:]\d{2})? ?(?:am|pm) every day\b"
    r"|\bevery day this week\b|\bas always,? \d"
    r"|\bwhere i do my (?:saturday|sunday|weekend|evening|second|other) job\b"
    # found on social media by someone from work
    r"|\b(?:found|finds|find|has|have|got) my (?:personal )?(?:facebook|fb|insta(?:gram)?|tiktok|snap(?:chat)?|"
    r"twitter|address)\b"
    r"|\b(?:commented|commenting|liked|liking) (?:on )?(?:\d+ |all |some )?(?:of )?my (?:holiday )?(?:pics|photos|"
    r"pictures|posts)\b"
    r"|\bmy face is (?:in|on|all over) (?:it|the|tiktok|facebook)"
    # the author's own child's school or nursery
    r"|\b(?:tiny human|my (?:little|wee) (?:one|man|lady|girl|boy)|my \d{1,2} ?(?:yo|y/o|year old))['’]?s? "
    r"(?:first day|told (?:her|his) teacher|started)"
    r"|\bmy (?:daughter|son|girl|boy|little one|wee one|lad) who (?:started|starts|goes) (?:at|to)\b"
    # the author's own shop, street and move
    r"|\b(?:seen|saw|spotted|bumped into|bumping into|ran into)\b(?:(?!\bfrom\b)[^.!?\n]){0,40}?\bin (?:the )?(?:big |wee )?"
    r"(?:tesco|asda|aldi|lidl|morrisons|sainsbury'?s|co-?op|spar|iceland|greggs|primark)\b"
    r"|\b(?:live|lives|living)\s+(?:\d+|two|three|a few|few)\s+(?:streets|doors|roads|houses|minutes)\s+(?:away\s+)?from\s+"
    r"(?:me|u|you|us|mine|my\b)"
    r"|\b(?:\d+|two|three|a few|few) doors down from (?:me|us|my (?:sister|brother|mum|mam|nan|parents|house|flat))\b"
    r"|\bcollection only from (?-i:[A-Z])"
    r"|\bmoving (?:house )?(?:next|this) (?:mon|tues|wednes|thurs|fri|satur|sun)?(?:day|sat|sun|week|month)\b"
    r"|\b(?:we'?ve|i'?ve|we have|i have) (?:had|been getting|received|been receiving) threats\b"
    r"|\bhousewarming\b|\bfound (?:mine|my (?:home )?address) (?:today|online|on)\b"
    r")",
    re.I,
)
# the author's home area: "I'm in Hillsborough, leave 7.40", "we're in Enniskillen.", "I'm near the Pier"
OWN_AREA_RE = re.compile(
    r"\b(?:i'?m|im|i am|we'?re|we are) (?:based |living |just )?(?:in|near|up near|outside) (?:the )?"
    r"(?-i:[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?=\s*(?:[,.!]|and\b|so\b|$))"
    r"|\bnear the (?-i:[A-Z][a-z]+)\b(?=[^.!?\n]{0,30}(?:i live|where i live|😂))"
    r"|\bi'?m not naming where i live\b",
    re.I,
)
OWN_AREA_ANCHORS = _words("in near outside live")
OWN_AREA_SUBJECTS = _words("i'm im i we're we")
# a third person is the subject: "she's in Antrim" is not the author
OWN_NOT_AUTHOR_RE = re.compile(r"\b(?:he|she|they|his|her)\b[^.!?\n]{0,12}$", re.I)


# ---------------------------------------------------------------- derogatory
DEROG_ANCHORS = _words(
    "window lickers licker blocker blockers bed-blocker bed-blockers tramps tramp brain cells special stink "
    "stinks lanyard bingo dears missed string crusties entertainment finest spell women men ungrateful p*ss piss "
    "english speak breeding breed contagious narcissist state outsmart live "
    # eighth round (senses2): contempt told as a story or a put-down
    "kids dads fathers blokes lads some allowed goldfish gammon gammons love hun hon babe pet sweetheart darling"
)
DEROG_MORE_RE = re.compile(
    r"\b(?:"
    r"window[- ]lickers?|bed[- ]?blockers?|tramps,? (?:the )?lot of (?:them|em)"
    r"|(?:\d|one|two|three) brain cells?"
    r"|(?:the |these |those )?['‘\"“]special['’\"”] ones"
    r"|(?:can'?t|cannot|cannae) (?:even )?speak (?:proper|decent|the) english"
    r"|send (?:them|em) (?:all )?(?:back|home)(?: tbh| tho|\.|!|$)"
    r"|(?:some of )?(?:these|those|the) old dears"
    r"|(?:clients?|service users?|residents?|parents|families|tenants|patients|these people) (?-i:STINK|stink|smell|reek)"
    r"|(?:burn|bin|wash) my (?:lanyard|clothes|uniform) (?:after|afterwards)"
    r"|(?:adult services|social work|duty|safeguarding|care home|ward) bingo"
    r"|nobody missed you"
    r"|(?:couldn'?t|can'?t|cannae) string a sentence"
    r"|the state of (?:the|them|her|him|that) (?:\w+ )?(?:family|parents?|mum|dad|house|lot)"
    r"|(?:my |our )?(?:weekly|daily) entertainment"
    r"|can'?t (?:even )?spell ['‘\"“]?\w+"
    r"|\d+ kids by \d+ (?:different )?(?:women|men|dads|fathers|blokes)"
    r"|ungrateful(?= [a-z]*[.!]?$|\s*$|,| lot| people| sods)"
    r"|taking the (?:p\*ss|p\*\*s|piss|mick|michael)"
    r"|(?:with|have|having|has) learning disabilities shouldn'?t"
    r"|shouldn'?t be (?:allowed to )?(?:breeding|having (?:kids|babies|children))"
    r"|starting to think it'?s contagious"
    r"|think they can outsmart"
    r"|i know where you live too"
    # eighth round (senses2): "some of these parents.", "shouldn't be allowed to own a goldfish", "a proper
    # gammon", "Yeah love, we are." - contempt for the people served told as a story or a put-down
    r"|some of (?:these|those|the) ['‘\"“]?(?:parents|mums|mams|maws|dads|families|clients|service users|"
    r"residents|patients|tenants|people)['’\"”]?(?= on (?:my|our|the) (?:caseload|case ?load|books|patch|ward)|"
    r"\s*(?:[.!…]|🙄|😤|🤦|smh|ffs|honestly|i swear|man|mate|seriously))"
    r"|shouldn'?t be (?:allowed|let) (?:to )?(?:own|have|keep|look after|raise|mind) (?:a |an )?"
    r"(?:goldfish|fish|dog|pet|hamster|cat|plant|houseplant|cactus)"
    r"|(?:a |proper |right |total |absolute |typical |massive )+gammons?(?! steak| joint| and| sandwich| roll| with)"
    r"|(?:yeah|yes|aye|sure|ok|okay) (?:love|hun|hon|babe|pet|sweetheart|darling|darlin|sweetie),? "
    r"(?:we are|you are|it is|course (?:we are|you are|you do|you did|it is)|whatever)(?=\s*[.!]|\s*$)"
    r")(?!\w)",
    re.I,
)


# ---------------------------------------------------------------- boundary
BOUNDARY_ANCHORS = _words(
    "personal snap insta number num mobile keyworker worker prosecco cocktails drinks nandos pint pints dinner "
    "ours round godmother godfather godparent bridesmaid date will mutuals requested request phone texts "
    "grew neighbour messaging flirting matched invited invite add added hinge tinder bumble grindr "
    # eighth round (senses2)
    "mates mate pals pal friends friend linkedin books pub spoons wetherspoons wetherspoon's"
)
FORMER_RE = re.compile(
    r"\b(?:(?:old|former|ex) |ex-)(?:care leavers?|keyworker kids?|key ?work(?:er)? kids?|yps?|young (?:person|people)|"
    r"clients?|service users?|foster (?:son|daughter|lad|girl|kids?|child)|residential kids?|tenants?|patients?)\b"
    r"|\b(?:who|that) i (?:worked with|used to work with|supported|looked after|had on my caseload)\b"
    r"|\bi (?:worked with|supported|used to work with|had on my caseload) (?:\w+ )?(?:years|months|ages) ago\b"
    r"|\bleft care\b|\bcase closed\b|\bnot (?:ur|your) (?:keyworker|key worker|worker|sw|social worker|pa)\b",
    re.I,
)
BOUNDARY_ARRANGE_RE = re.compile(
    r"\b(?:"
    r"my personal (?:num(?:ber)?|no\.?|mobile|phone|snap(?:chat)?|insta(?:gram)?|whatsapp|fb|facebook|tiktok|"
    r"@)(?: is|:) ?(?=@|\+?\d|[\w.]*[._\d][\w.]*\b)"
    r"|(?:text|ring|call|message|whatsapp|snap|dm|phone) (?:me on )?my personal"
    r"|(?:gave|given|giving|give) (?:the|a|my|one of|her|him|them)\b[\w'’ ]{0,40}?my (?:personal )?"
    r"(?:number|num|mobile|snap|insta|phone number)"
    r"|(?:can )?still message me"
    r"|snap me(?![\w'])"
    r"|(?:drop|dropping|bring|take|pop) (?:it|them|\w+) round (?:urs|yours|hers|his|to hers|to his)"
    r"|don'?t snitch"
    r")",
    re.I,
)
SOCIAL_PLAN_RE = re.compile(
    r"\b(?:going|go|went|meeting up|meet up|meeting|off|out) (?:\w+ ){0,2}for (?:a |some )?(?:prosecco|cocktails|drinks|"
    r"nandos|pint|pints|bevvy|bevvies|curry|brunch|dinner|lunch|tea|coffee|catch-?up)\b"
    r"|\bfor (?:a )?nandos\b"
    # eighth round (senses2): a meeting with a former client kept off the record or held in a pub
    r"|\boff the books\b|\b(?:at|in|down) (?:the |a )?(?:pub|spoons|wetherspoons?|wetherspoon'?s)\b",
    re.I,
)
BOUNDARY_DILEMMA_RE = re.compile(
    r"\b(?:"
    r"(?:be|as) (?:a |his |her |their )?(?:godmother|godfather|godparent|bridesmaid|best man)"
    r"|ask(?:ed|ing|s)? me out"
    r"|witness (?:his|her|their) (?:new )?will"
    r"|mutuals on"
    r"|requested me on"
    r"|(?:sent|send|sends) me a (?:fb|facebook|insta|snap|friend|follow|linkedin|connection) request"
    # eighth round (senses2): "asked if I'd be her pal on WhatsApp", "be mates on fb when this is over", "use
    # our personal whatsapp for residents"
    r"|(?:be|being|stay|staying) (?:her |his |their |my )?(?:mates?|pals?|friends?) on (?:fb|facebook|insta(?:gram)?|"
    r"snap(?:chat)?|whatsapp|tiktok|linkedin)"
    r"|(?:use|using|uses) (?:our|my|your|their) (?:own )?personal (?:whatsapps?|phones?|mobiles?|numbers?|fb|"
    r"facebook|snap(?:chat)?|insta(?:gram)?) (?:for|with|to (?:contact|message|text|ring|call)) (?:the )?"
    r"(?:residents|clients|service users|families|young people|yps|kids|tenants|patients|parents|women)"
    r"|friend requested by"
    r"|(?:have|has|got) my (?:personal )?(?:insta|snap|number|fb|facebook|mobile)"
    r"|(?:use|using) (?:your|my|our|their) own phone for"
    r"|need a work phone"
    r"|texts? (?:me|u|you) at \d{1,2} ?(?:am)?"
    r"|messag(?:es|ing) me every (?:night|day)"
    r"|(?:the )?estate i grew up on"
    r"|keeps flirting|flirting with me"
    r"|matched with (?:my |our |a |the |one of )?[\w'’ ]{0,25}?(?:dad|mum|mam|father|mother|parent|client|service user|"
    r"carer)(?= on (?:hinge|tinder|bumble|grindr|plenty of fish|pof|a dating app))"
    r"|invit\w* me (?:for|to)(?= (?:her|his|their) (?:\d+(?:st|nd|rd|th)|birthday|wedding|party|do|christening))"
    r"|add (?:one of )?(?:the |my )?(?:girls|lads|kids|young people|yps?|residents|tenants)(?: from (?:work|the unit|the home))? "
    r"on (?:snap(?:chat)?|insta(?:gram)?|fb|facebook|tiktok|whatsapp)"
    r"|(?:keeps |kept )?asking for my (?:@|snap|insta|number|handle)"
    r"|added me on (?:facebook|fb|insta(?:gram)?|snap(?:chat)?|tiktok|whatsapp) from (?:her|his|their) personal"
    # a former service user in the author's home: labelled a dilemma by the authors, not an arrangement
    r"|round (?:ours |mine )?for (?:sunday )?(?:dinner|tea|lunch)|(?:stay|staying|come) (?:at|round) ours"
    r")",
    re.I,
)
# a post that speaks to someone and hands over a contact: "my personal snap is x.y ... add me"
ADDRESSED_RE = re.compile(r"\b(?:add me|snap me|message me|text me|dm me|if (?:u|you) see this)\b", re.I)
BOUNDARY_PEOPLE_RE = re.compile(
    r"\b(?:yps?|young (?:people|person)|care leavers?|clients?|service users?|patients?|tenants?|residents?|"
    r"famil(?:y|ies)|foster (?:son|daughter|lad|girl|kids?)|keyworker|key worker|visit|case(?:load|s)?|mum|dad|"
    r"unit|the home|girls from work|lads from work|social worker|if (?:u|you) see this"
    # eighth round (senses2): the author's role towards the person ("the woman I'm MHO for")
    r"|(?:i'?m|i am|as) (?:(?:her|his|their|the|an?) )?(?:mho|amhp|advocate|imha|imca|support worker|pa|sw|"
    r"appointee|deputy|guardian|curator)\b(?: for)?|the order ends)\b",
    re.I,
)


# "Can we retire the phrase 'bed blocker'?": a word talked about, not used
MENTION_BEFORE_RE = re.compile(
    r"\b(?:phrase|term|word|words|label|labels|calling (?:people|them|patients|anyone)|called|say|saying|use|using|"
    r"stop|retire|ban)\s*['‘\"“]?$",
    re.I,
)
QUOTES = "'‘’\"“”"


def _mentioned(text: str, a: int, b: int) -> bool:
    before = text[max(0, a - 30) : a]
    quoted = a > 0 and text[a - 1] in QUOTES and b < len(text) and text[b] in QUOTES
    return bool(MENTION_BEFORE_RE.search(before)) or (quoted and "special" not in text[a:b].lower())


def special_more(text: str, low_words: set[str] | frozenset[str]) -> list[tuple[int, int]]:
    """The special-category family's spans (no gate). "need a Tagalog interpreter" points at "interpreter":
    the language's name is not the detail (an author marked it as a word to keep)."""
    if not low_words & SPECIAL_ANCHORS:
        return []
    out = []
    for m in SPECIAL_MORE_RE.finditer(text):
        a, b = m.span()
        if m.group(0).lower().endswith(" interpreter"):
            a = b - len("interpreter")
        out.append((a, b))
    return out


def read(
    text: str,
    low_words: set[str] | frozenset[str],
    *,
    special_ok: bool,
    about_work: bool,
    workplace_subject: bool,
    people: bool,
) -> list[Sense]:
    """The post-level senses of ``text``. ``special_ok``: the engine's special-category gate is open;
    ``about_work``: the post is about people the author works with; ``workplace_subject``: the lexicon found a
    workplace subject; ``people``: the post is about a person (person cue, casework)."""
    out: list[Sense] = []
    if special_ok:
        for a, b in special_more(text, low_words):
            out.append(Sense("special-category", a, b, "special-category-family", "review", ""))
    if low_words & WORK_CRIT_ANCHORS:
        crit = list(WORK_CRIT_RE.finditer(text))
        if crit and (workplace_subject or WORK_SUBJECT_RE.search(text)):
            for m in crit:
                out.append(
                    Sense(
                        "workplace",
                        m.start(),
                        m.end(),
                        "employer-criticism-family",
                        "review",
                        "criticism of the employer or colleagues in public",
                    )
                )
    own = list(OWN_MORE_RE.finditer(text)) if low_words & OWN_ANCHORS else []
    if low_words & OWN_AREA_ANCHORS and low_words & OWN_AREA_SUBJECTS:
        own += OWN_AREA_RE.finditer(text)
    if own:
        for m in own:
            if OWN_NOT_AUTHOR_RE.search(text, max(0, m.start() - 20), m.start()):
                continue
            out.append(
                Sense(
                    "own-safety",
                    m.start(),
                    m.end(),
                    "own-safety-family",
                    "review",
                    "says where you live, are, park or go: a personal-safety risk",
                )
            )
    if low_words & DEROG_ANCHORS:
        for m in DEROG_MORE_RE.finditer(text):
            if _mentioned(text, m.start(), m.end()):
                continue
            out.append(
                Sense(
                    "derogatory",
                    m.start(),
                    m.end(),
                    "derogatory-family",
                    "stop",
                    "contempt or mockery of people who use services or colleagues",
                )
            )
    if low_words & BOUNDARY_ANCHORS:
        people_here = people or bool(BOUNDARY_PEOPLE_RE.search(text)) or bool(ADDRESSED_RE.search(text))
        former = FORMER_RE.search(text)
        if people_here or former:
            for m in BOUNDARY_ARRANGE_RE.finditer(text):
                out.append(Sense("boundary", m.start(), m.end(), "boundary-arrangement", "stop", ""))
            if former:
                for m in SOCIAL_PLAN_RE.finditer(text):
                    out.append(Sense("boundary", m.start(), m.end(), "former-client-meeting", "stop", ""))
            for m in BOUNDARY_DILEMMA_RE.finditer(text):
                out.append(Sense("boundary", m.start(), m.end(), "boundary-dilemma", "review", ""))
    _ = about_work
    return out


# ---------------------------------------------------------------- speed
def _dispatch(rx: re.Pattern[str], head: str, tail: str) -> re.Pattern[str]:
    """The same pattern with its top-level alternation dispatched on first characters (_fastre: identical
    matches, fewer alternatives tried at each position)."""
    pat = rx.pattern
    assert pat.startswith(head + "(?:") and pat.endswith(")" + tail), pat[:40]
    body = pat[len(head) + 3 : len(pat) - len(tail) - 1]
    return re.compile(head + _fastre.dispatched(_split_top(body), rx.flags) + tail, rx.flags)


SLOW = {
    "SPECIAL_MORE_RE": SPECIAL_MORE_RE,
    "WORK_CRIT_RE": WORK_CRIT_RE,
    "DEROG_MORE_RE": DEROG_MORE_RE,
    "BOUNDARY_ARRANGE_RE": BOUNDARY_ARRANGE_RE,
    "BOUNDARY_DILEMMA_RE": BOUNDARY_DILEMMA_RE,
    "OWN_MORE_RE": OWN_MORE_RE,
    "WORK_SUBJECT_RE": WORK_SUBJECT_RE,
    "OWN_AREA_RE": OWN_AREA_RE,
    "FORMER_RE": FORMER_RE,
    "BOUNDARY_PEOPLE_RE": BOUNDARY_PEOPLE_RE,
}
SPECIAL_MORE_RE = _dispatch(SPECIAL_MORE_RE, r"\b", r"(?!\w)")
WORK_CRIT_RE = _dispatch(WORK_CRIT_RE, r"\b", r"(?!\w)")
DEROG_MORE_RE = _dispatch(DEROG_MORE_RE, r"\b", r"(?!\w)")
BOUNDARY_ARRANGE_RE = _dispatch(BOUNDARY_ARRANGE_RE, r"\b", "")
BOUNDARY_DILEMMA_RE = _dispatch(BOUNDARY_DILEMMA_RE, r"\b", "")
OWN_MORE_RE = _dispatch(OWN_MORE_RE, "", "")
WORK_SUBJECT_RE = _dispatch(re.compile("(?:" + WORK_SUBJECT_RE.pattern + ")", WORK_SUBJECT_RE.flags), "", "")
OWN_AREA_RE = _dispatch(re.compile("(?:" + OWN_AREA_RE.pattern + ")", OWN_AREA_RE.flags), "", "")
FORMER_RE = _dispatch(re.compile("(?:" + FORMER_RE.pattern + ")", FORMER_RE.flags), "", "")
BOUNDARY_PEOPLE_RE = _dispatch(BOUNDARY_PEOPLE_RE, r"\b", r"\b")
