"""Sixth round: a post-pass that calms findings in benign look-alike posts.

Runs after the engine has given every finding a severity. Each mechanism is a condition about the
post as a whole (nobody is talked about, it is an advert, the number is an example, it is the author's
own life...), not about which rule raised a finding, so it also applies to rules added later. A
mechanism only lowers findings to "info" or drops them; it never raises anything.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from . import _data

if TYPE_CHECKING:  # pragma: no cover
    from .engine import Cand, _Post

I = re.I  # noqa: E741

# ---------------------------------------------------------------------------------------------------
# shared cues
WORK_PERSON_RE = re.compile(
    r"\b(?:clients?|service users?|young (?:person|people)|yps?|(?:my|our|on the|on my) caseload|on my books|referrals?|"
    r"(?:my|our) famil(?:y|ies) (?:i|we)\b|one of (?:my|our|the)|famil(?:y|ies) (?:i|we) (?:work|support|visit)|"
    r"residents?|patients?|child i\b|kids? i\b|lad i\b|girl i\b|boy i\b|(?:my|our) (?:lads?|girls|kids|boys) (?:at|on|in) the)\b",
    I,
)
FOSTER_RE = re.compile(r"\b(?:foster\w*|fc|placements?|kinship|looked[- ]after|lac|cla|cin|cp plan|sgo)\b", I)
FIRST_PERSON_RE = re.compile(r"\b(?:i|i'm|i've|i'd|me|my|mine|myself|we|our|us)\b", I)

# ---------------------------------------------------------------------------------------------------
# 1. nobody is talked about: a topic word on its own ("kinship carers", "duty desk", "home visits")
TOPIC_ONLY = {"case-detail", "special-category", "place"}
PRONOUN_RE = re.compile(r"^(?:he|she|him|her|his|hers|he's|she's)$", I)
INDEFINITE_RE = re.compile(r"\b(?:a|an|any|every|each|some)\s+(?:\w+\s+)?$", I)
HYPOTHETICAL_RE = re.compile(
    r"\?|\b(?:would|should|could|if|whether|genuine question|hypothetical(?:ly)?|imagine|what if)\b", I
)
PUBLIC_TITLE = (
    r"(?:Prince|Princess|King|Queen|Sir|Dame|Lord|Lady|Baroness|Baron|Duke|Duchess|Earl|Countess|"
    r"Archbishop|Bishop|Cardinal|Pope|President|Chancellor|Minister|Prime Minister|First Minister|"
    r"Secretary|Mayor|Judge|Justice|Professor|Prof\.?|Rt\.? Hon\.?|Rev\.?|Reverend)"
)
PUBLIC_TITLE_BEFORE_RE = re.compile(r"(?:^|[^\w])" + PUBLIC_TITLE + r"\.?\s+$")
PUBLIC_FIGURE_RE = re.compile(r"\b" + PUBLIC_TITLE + r"\.?\s+[A-Z][\w'-]+")
TITLE_PERSON_RE = re.compile(
    r"\b(?:the )?(?:minister|secretary of state|children'?s commissioner|commissioner|prime minister|"
    r"first minister|chancellor|mp|msp|ms|mla|king|queen|prince|princess|judge)\b",
    I,
)


SOMEONE_RE = re.compile(
    r"\b(?<!all the )(?<!all our )(?<!to all )(?<!to the )(?:someone|somebody|"
    r"their (?:case|kids|children|family|home|mum|dad|son|daughter)|children|kids|"
    r"famil(?:y|ies)|parents|siblings|twins)\b(?! (?:in|leaving|from) care\b)(?! everywhere)"
    + r"(?!'?s? (?:"
    + r"|".join(
        (
            "court",
            "courts",
            "support",
            "centre",
            "center",
            "hub",
            "services?",
            "team",
            "workers?",
            "law",
            "group",
            "therapy",
            "justice",
            "time",
            "liaison",
            "first",
            "assessment",
            "network",
            "help",
            "homes?",
            "hospitals?",
            "commissioner",
            "act",
            "charit(?:y|ies)",
            "society",
            "rights",
            "social",
            "minister",
        )
    )
    + r")\b)",
    I,
)
EVENT_RE = re.compile(
    r"\b(?:remov(?:ed|al|als)|care proceedings|orders?|strategy|s\.?47|section 47|icpc|rcpc|core group|"
    r"placement\w*|breakdowns?|emergency|case|conference|section \d+|s\.? ?\d{2}|signed|house|"
    r"(?:a|the|this|that|today'?s) (?:home |joint |first |initial )?visit|threat\w*|disclos\w*|joint (?:visit|investigation)|police|hearing|arrest\w*|sectioned|overdose|disclos\w+)\b",
    I,
)
CLOCK_RE = re.compile(r"\b\d{1,2}(?::\d{2})?\s?(?:am|pm)\b|\b(?:at|for|by) \d{1,2}\b", I)


FICTION_RE = re.compile(
    r"\b(?:drama|tv|telly|soap|series|episode|character|storyline|film|movie|novel|documentary|sitcom|box set)\b",
    I,
)


GROUP_BEFORE_RE = re.compile(r"\b(?:all (?:the |our |my |of the |of our )?|every )$", I)
SERVICE_AFTER_RE = re.compile(
    r"'?s?\s+(?:court|courts|support|centre|center|hub|services?|team|workers?|law|group|therapy|justice|"
    r"time|liaison|first|assessment|network|help|carers?|homes?|hospitals?|commissioner|act|charit(?:y|ies)|"
    r"society|rights|social|minister)\b",
    I,
)


def _person_talked_about(p: _Post) -> bool:
    text = p.text
    public = bool(PUBLIC_FIGURE_RE.search(text) or TITLE_PERSON_RE.search(text) or FICTION_RE.search(text))
    for m in p.person_hits:
        w = m.group(0)
        if not PRONOUN_RE.match(w) and SERVICE_AFTER_RE.match(text, m.end()):
            continue  # "family court", "parent support group": a service, not a person
        if public and PRONOUN_RE.match(w):
            continue  # "Prince X ... he said": the public figure, not a service user
        if GROUP_BEFORE_RE.search(text, max(0, m.start() - 14), m.start()):
            continue  # "Merry Christmas to all the kids in care": everyone in a group, nobody in particular
        s, e = p.sentence_of(m.start())
        if INDEFINITE_RE.search(text, max(0, m.start() - 20), m.start()) and HYPOTHETICAL_RE.search(
            text[s : min(len(text), e + 1)]
        ):
            continue  # "would you let a kid in care have TikTok?": anyone, not someone
        return True
    return False


QUESTION_START_RE = re.compile(
    r"^\W*(?:can|could|should|would|is it|does|do|what|how|at what|when|why|is|are|if)\b", I
)


def _hypothetical_age(p: _Post, cands: list[Cand]) -> None:
    """ "Can a 16 year old in care refuse contact?": an age in a general question is anyone's age."""
    text = p.text
    for c in cands:
        if c.category != "age" or c.severity != "review":
            continue
        s, e = p.sentence_of(c.start)
        if (
            text[e : e + 1] == "?"
            and QUESTION_START_RE.match(text, s)
            and INDEFINITE_RE.search(text, max(0, c.start - 12), c.start)
            and not p.time_cue
        ):
            c.severity = "info"
            c.why = "an age in a general question"


# people words of other languages the English cues miss (Urdu/Punjabi, Pidgin, Welsh, Scots, Polish)
OTHER_KIN_RE = re.compile(
    r"\b(?:ammi|ammy|abbu|abba|amma|nani|nana ji|dadi|dada ji|beti|bachay|bachey|bacha|bachi|bhabi|"
    r"pikin|pikins|mama put|mamgu|tad-cu|taid|nain|bairns?|weans?|mama|mamusia|tata|babcia|dziadek)\b",
    I,
)
# "service usres", "servce users", "cleints": the work-role words with a typo
TYPO_PERSON_RE = re.compile(
    r"\bs[er]{1,2}v\w{0,5}\s+us\w{1,4}\b|\bc(?:lie|lei|lien|leint|lint|lnt)\w{0,3}n?ts?\b", I
)
PERSON_IN_FINDING_RE = re.compile(
    r"serv\w*\s+us|client|resident|patient|young\s+p|\bkid|\blad|girl|\bboy|\bmum|\bdad", I
)


def _topic_only(p: _Post, cands: list[Cand]) -> None:
    live = [c for c in cands if c.severity in ("review", "stop")]
    if not live or any(c.severity == "stop" for c in live):
        return
    if any(c.category not in TOPIC_ONLY or c.rule == "distinctive-description" for c in live):
        return
    if _person_talked_about(p) or WORK_PERSON_RE.search(p.text) or SOMEONE_RE.search(p.text):
        return
    if (
        OTHER_KIN_RE.search(p.text)
        or TYPO_PERSON_RE.search(p.text)
        or any(PERSON_IN_FINDING_RE.search(m.group(0)) for m in p.case_hits)
        or any(PERSON_IN_FINDING_RE.search(p.text, c.start, c.end) for c in live)
    ):
        return  # "Bilal's ammi ... 5 bachay"; a misspelt "service usres" found by the recogniser
    if p.time_cue and EVENT_RE.search(p.text):
        return  # "removed 3 children tonight", "long day at court, got the care order"
    if CLOCK_RE.search(p.text) and any(c.category == "place" for c in live):
        return  # "9am visit in Larne, 11 in Carrick": where the author will be and when
    for c in live:
        c.severity = "info"
        c.why = c.why or "a topic word with nobody in particular talked about"


# ---------------------------------------------------------------------------------------------------
# 2. public figures named with a title ("Prince X", "Sir X", "Dame X")
TITLE_START_RE = re.compile(
    r"(?:the\s+)?(?:Prince|Princess|King|Queen|Duke|Duchess|Earl|Countess|Lord|Lady|Sir|Dame)\b", I
)
PUBLIC_ACT_AFTER_RE = re.compile(
    r"(?:'s)?\s+(?:has\s+|have\s+|had\s+|was\s+|is\s+|will\s+)?(?:spoke|speaks|speaking|said|says|talk\w*|"
    r"visit\w*|open\w*|announc\w*|met|meets|launch\w*|wrote|writes|tweet\w*|gave|gives|prais\w*|"
    r"urg\w*|back\w*|champion\w*|attend\w*|present\w*|unveil\w*|join\w*|speech|interview|patron)\b",
    I,
)


def _public_titles(p: _Post, cands: list[Cand]) -> None:
    for c in cands:
        # "The Princess of Wales spoke about adoption": a royal title, not the hospital of that name
        if (
            c.category in ("name", "institution")
            and TITLE_START_RE.match(p.text, c.start)
            and PUBLIC_ACT_AFTER_RE.match(p.text, c.end)
        ):
            c.severity = "drop"
            continue
        if c.category == "name" and PUBLIC_TITLE_BEFORE_RE.search(p.text, max(0, c.start - 30), c.start):
            c.severity = "drop"


# ---------------------------------------------------------------------------------------------------
# 3. the author's own life, health, care history, birthday or family
OWN_LIFE_RE = re.compile(
    r"\b(?:my (?:own )?(?:\d+\w* )?birthday|birthday (?:messages|wishes|cards)|(?:i'?m|i am|i turn(?:ed)?) \d+\b|"
    r"years since i (?:left|was|came|went|moved)|"
    r"\bi (?:grew up in|lived in|was placed in|spent \w+ years in) (?:the |a |an )?"
    r"[\w' ]{0,30}?(?:children'?s home|care|foster care|secure unit|residential|hostel)\b|when i (?:was|left|came|went)|i (?:left|grew up in) (?:the |a )?"
    r"(?:care|children'?s home|foster)|my (?:own )?(?:op|operation|surgery|knee|hip|back|gallbladder|diagnosis|"
    r"health|mental health|therapy|treatment|scan|appointment|chemo|cancer|mastectomy|surgery|illness|"
    r"depression|anxiety|breakdown|miscarriage|ivf|pregnancy|recovery)|raised me|brought me up|"
    r"i was (?:fostered|adopted|taken into care)|after my \w+ op|(?:my|our) (?:\w+ )?(?:son|daughter|boy|girl|"
    r"eldest|youngest|kids?|children|mam|mum|dad|nan|nana|nanna|gran|grandad|husband|hubby|wife|partner|"
    r"sister|brother|niece|nephew)\b|\bours (?:is|has))",
    I,
)
# "Mam turns 90 on Sunday!!", "Dad's retirement do tonight": family news told without "my"
OWN_CELEBRATION_RE = re.compile(
    r"^\W*(?:mam|mum|mom|dad|nan|nana|nanna|gran|grandad|grandma|granny|grandpa)\b'?s?[^.!?\n]{0,40}\b"
    r"(?:turns \d+|\d+(?:st|nd|rd|th) birthday|birthday|party|anniversary|retire\w*|wedding)\b",
    I,
)
# "Ten years ago today I walked out of X children's home": leaving care, told as the author's past
LEFT_CARE_RE = re.compile(
    r"\bi (?:walked out of|left|moved out of|ran away from) (?:the |a |an )?[\w' ]{0,30}?"
    r"(?:children'?s home|care|foster care|secure unit|residential|hostel)\b",
    I,
)
HISTORY_RE = re.compile(
    r"\b(?:years ago|years since|when i was|as a (?:kid|child|teen|teenager)|growing up|at \d{2}\b)", I
)
RAISED_RE = re.compile(r"\b(?:raised me|brought me up|i was (?:fostered|adopted|taken into care))\b", I)
QUOTED_RE = re.compile(
    r"(?:(?<=[\s:(])|^)(?:'[^'\n]{1,160}?'|‘[^’\n]{1,160}?’|\"[^\"\n]{1,160}?\"|“[^”\n]{1,160}?”)(?=[\s,.;:!?)]|$)"
)
OWN_LIFE_KEEP = {
    "phone",
    "email",
    "address",
    "postcode",
    "id-number",
    "boundary",
    "derogatory",
    "workplace",
    "own-safety",
}
THIRD_PARTY_CASE_RE = re.compile(
    r"\b(?:(?:a|the|this|that) (?:mum|dad|mother|father|parents?|child|kid|lad|girl|boy|family|baby|woman|man|"
    r"lady|gentleman)\b(?! (?:of|from) (?:mine|my))|s47|section 47|strategy|(?:my|his|her|their) (?:case|visit)s?\b|"
    r"on my case|\bmr|\bmrs|\bms|\bmiss|birth (?:mum|mother|dad|father|family|parents?)|contact|icpc|"
    r"\w+'s social worker|(?:his|her|their) social worker|visiting|visited|"
    r"(?:my|our|\w+'s) (?:\w+ )?(?:neighbou?rs?|friends?|mates?|colleagues?|teachers?|boss|ex|ex-\w+|lodger|tenant)"
    r"\b(?!'s? (?:mum|dad|birthday|wedding)))\b",
    I,
)


SCHOOL_RE = re.compile(
    r"(?:school|ysgol|scoil|primary|academy|nursery|high|college|coleg|infants|juniors|grammar)", I
)
OWN_CHILD_RE = re.compile(
    r"\b(?:my|our) (?:\w+ )?(?:son|daughter|boy|girl|eldest|youngest|middle one|kids?|children|little one)\b",
    I,
)
ADOPT_RE = re.compile(r"\b(?:adopt\w*|gotcha day|birth famil\w*|special guardian\w*)\b", I)


PLAINLY_OWN_RE = re.compile(r"\bmy own (?:health|mental health|care|childhood|story|history|experience)\b", I)


def _own_life(p: _Post, cands: list[Cand]) -> None:
    text = p.text
    # "'my son never visits'" in someone else's mouth is not the author's life
    said = QUOTED_RE.sub(" ", text)
    history = bool(LEFT_CARE_RE.search(said) and HISTORY_RE.search(said))
    if not (OWN_LIFE_RE.search(said) or OWN_CELEBRATION_RE.search(said) or history or p.own_care_history):
        return
    raised = bool(RAISED_RE.search(said))  # "my nan raised me ... kinship care": the author's own childhood
    if (
        WORK_PERSON_RE.search(text)
        or (FOSTER_RE.search(text) and not raised)
        or THIRD_PARTY_CASE_RE.search(text)
    ):
        return
    if any(not re.fullmatch(r"adoption orders?", m.group(0), I) for m in p.case_strong):
        return  # "my birthday today and X sang to me at the home visit": casework on the day
    adopted = bool(ADOPT_RE.search(text))
    plainly_own = history or p.own_care_history or bool(PLAINLY_OWN_RE.search(said))
    for c in cands:
        if c.own or c.severity not in ("review", "stop") or c.category in OWN_LIFE_KEEP:
            continue  # the engine already reads these as the author's own details (personal safety)
        if c.severity == "stop" and not plainly_own:
            # a "stop" stays unless the post plainly tells the author's own story: on five held-back sets
            # the general own-life reading turned four carers' stop posts about the children they look
            # after to ok
            continue
        if (
            c.category == "institution"
            and SCHOOL_RE.search(text, c.start, c.end)
            and OWN_CHILD_RE.search(text)
        ):
            continue  # the author's own children's school is a personal-safety detail
        if adopted and c.severity == "stop":
            continue  # an adopted child's court, school or name can still reach the birth family
        c.severity = "info"
        c.why = "the author's own life or family"


# ---------------------------------------------------------------------------------------------------
# 4. recruitment adverts and job posts: a team e-mail, a named contact, "WhatsApp X"
ADVERT_RE = re.compile(
    r"\b(?:we'?re hiring|hiring|we are recruiting|we'?re recruiting|recruiting|recruitment|vacanc(?:y|ies)|"
    r"job (?:opportunity|advert|opening)|jobs? available|apply (?:now|by|via|at|here|today|online)|"
    r"applications? (?:close|open|welcome)|closing date|join our (?:\w+ )?team|salary|£\d[\d,.]*k?\s*(?:-|to)|"
    r"per annum|pro rata|full[- ]time|part[- ]time|fixed[- ]term|permanent (?:post|role|contract)|"
    r"(?:posts?|roles?|positions?) available|informal (?:chat|discussion)|locums?(?: wanted| needed| required)?|"
    r"(?:an |two |\d+ )?openings? for|(?:shifts?|hours) available|(?:locums?|staff|carers|workers|sws?) wanted|"
    r"(?:job|work|career|locum) opportunit(?:y|ies)|£\d+(?:\.\d+)?\s*(?:/|p|per )\s*(?:h|hr|hour|day)\b|"
    r"per (?:hour|day)|looking for (?:an? )?(?:[\w-]+ ){0,3}(?:sws?|social workers?|practitioners?|managers?|"
    r"foster carers|staff|workers|volunteers|colleagues?)|join (?:us|our (?:\w+ )?team)|"
    r"volunteers? (?:needed|wanted|required)|(?:we|i) need volunteers|looking for volunteers)\b",
    I,
)
WEAK_ADVERT_RE = re.compile(
    r"per annum|pro rata|full[- ]time|part[- ]time|fixed[- ]term|per (?:hour|day)|informal (?:chat|discussion)|"
    r"recruitment|salary",
    I,
)
ADVERT_LOWER = {"phone", "email", "name", "boundary"}


def _advert(p: _Post, cands: list[Cand]) -> None:
    cues = [m.group(0).lower() for m in ADVERT_RE.finditer(p.text)]
    # "full-time", "part-time", "per day" alone are everyday words ("mum works part-time"): need two cues
    strong = [w for w in cues if not WEAK_ADVERT_RE.fullmatch(w)]
    if not (strong or len(set(cues)) >= 2) or _person_talked_about_strict(p):
        return
    for c in cands:
        if c.category in ADVERT_LOWER and c.severity in ("review", "stop"):
            c.severity = "info"
            c.why = "a contact in a job advert"


def _person_talked_about_strict(p: _Post) -> bool:
    return bool(ADVERT_PERSON_RE.search(p.text))


ADVERT_PERSON_RE = re.compile(
    r"\b(?:my|our|his|her|their) (?:client|service user|young person|yp|caseload|mum|dad|son|daughter)\b|"
    r"\b(?:a|the|this) (?:child|kid|lad|girl|boy|baby|mum|dad|family)\b|\b(?:he|she)(?:'s)?\b",
    I,
)


# ---------------------------------------------------------------------------------------------------
# 5. public appeals and official notices that quote a reference
APPEAL_RE = re.compile(
    r"\b(?:quot(?:e|ing) (?:the )?(?:ref(?:erence)?|crime (?:ref(?:erence)?|number)|log|incident)|"
    r"(?:crime|incident|log|application|planning|foi) (?:ref(?:erence)?|number|no\.?)|police (?:appeal|are appealing)|"
    r"appeal(?:ing)? for (?:information|witnesses)|call 101|crimestoppers|planning (?:application|notice|permission)|"
    r"public notice|official notice|council notice|consultation)\b",
    I,
)


MISSING_FROM_CARE_RE = re.compile(r"\bmissing from (?:care|home|placement|the unit|the home|school)\b", I)
NOTICE_RE = re.compile(
    r"\b(?:planning (?:application|notice|permission)|public notice|official notice|council notice|consultation)\b",
    I,
)


def _appeal(p: _Post, cands: list[Cand]) -> None:
    text = p.text
    if not APPEAL_RE.search(text) or MISSING_FROM_CARE_RE.search(text) or WORK_PERSON_RE.search(text):
        return  # a child missing from care, shared by the worker: the reference still points at the child
    # an official notice about a building, with nobody in it: its address is the notice's subject
    building = bool(NOTICE_RE.search(text)) and not (
        _person_talked_about(p) or WORK_PERSON_RE.search(text) or re.search(r"\bmissing\b", text, I)
    )
    lower = {"id-number", "address", "institution", "postcode", "place"} if building else {"id-number"}
    for c in cands:
        if c.category in lower and c.severity in ("review", "stop"):
            c.severity = "info"
            c.why = "a reference number or building in a public appeal or notice"


# ---------------------------------------------------------------------------------------------------
# 6. a number said to be made up or an example
EXAMPLE_RE = re.compile(
    r"(?:\be\.g\.|\beg:|\bexample:|\b(?:for example|for instance|(?:an|this|the|one|my) example(?: of| would be| is)|"
    r"made[- ]up|fictional|fictitious|dummy|not (?:a )?real (?:one|number|name|person|case)|placeholder|"
    r"(?:invented|fake|sample|example) (?:name|number|nhs|ni|dob|date|details|record|post|case|address)s?|"
    r"case study)\b)",
    I,
)
EXAMPLE_LOWER = {"phone", "email", "id-number", "postcode", "date-of-birth", "address", "name", "age"}


def _example(p: _Post, cands: list[Cand]) -> None:
    if not EXAMPLE_RE.search(p.text):
        return
    for c in cands:
        if c.category not in EXAMPLE_LOWER or c.severity not in ("review", "stop"):
            continue
        s, e = p.sentence_of(c.start)
        # the cue in the finding's own sentence, or in the words just before it across a colon
        if EXAMPLE_RE.search(p.text, s, min(len(p.text), e + 1)) or EXAMPLE_RE.search(
            p.text, max(0, c.start - 40), c.start
        ):
            c.severity = "info"
            c.why = "a number given as an example"


# ---------------------------------------------------------------------------------------------------
# 7. community notices with a weekly time ("bingo every Tuesday at the church hall")
COMMUNITY_RE = re.compile(
    r"\b(?:bingo|club|group|class(?:es)?|sessions?|meets?|meeting|all welcome|everyone welcome|drop[- ]in|"
    r"coffee morning|church|chapel|mosque|gurdwara|temple|community (?:centre|center|hall)|village hall|"
    r"library|quiz|choir|service|surgery|clinic|market|parkrun|open|opening hours|food ?bank|pantry|"
    r"warm space|toddlers?|playgroup|youth club|support group)\b",
    I,
)


def _community(p: _Post, cands: list[Cand]) -> None:
    text = p.text
    if not COMMUNITY_RE.search(text):
        return
    for c in cands:
        if c.category != "own-safety" or c.severity not in ("review", "stop") or c.rule != "own-safety":
            continue
        s, e = p.sentence_of(c.start)
        # the whole post: "(yes I'm the one in neon pink)" makes the club the author's own routine
        if COMMUNITY_RE.search(text, s, e) and not FIRST_PERSON_RE.search(text):
            c.severity = "info"
            c.why = "a community notice, not the author's routine"


# ---------------------------------------------------------------------------------------------------
# 8. words from other languages or pidgin read as names
FOREIGN_WORDS = frozenset(
    [
        "diolch",
        "bawb",
        "iawn",
        "croeso",
        "bore",
        "da",
        "nos",
        "hwyl",
        "cariad",
        "annwyl",
        "plis",
        "shwmae",
        "sut",
        "mae",
        "pob",
        "lwc",
        "llongyfarchiadau",
        "dydd",
        "nadolig",
        "llawen",
        "blwyddyn",
        "newydd",
        "dda",
        "iechyd",
        "aye",
        "hen",
        "haud",
        "yer",
        "wee",
        "braw",
        "dinnae",
        "cannae",
        "wisnae",
        "aboot",
        "gonnae",
        "abeg",
        "wahala",
        "oga",
        "wetin",
        "dey",
        "sabi",
        "pikin",
        "na",
        "o",
        "chai",
        "haba",
        "jare",
        "omo",
        "oya",
        "sha",
        "ehn",
        "chale",
        "ashawo",
        "wallahi",
        "inshallah",
        "mashallah",
        "alhamdulillah",
        "habibi",
        "habibti",
        "yalla",
        "shukran",
        "salaam",
        "salam",
        "wa",
        "alaikum",
        "eid",
        "mubarak",
        "bhai",
        "yaar",
        "acha",
        "achha",
        "jaldi",
        "beta",
        "bhaiya",
        "ji",
        "arre",
        "chalo",
        "accha",
        "theek",
        "namaste",
        "shabash",
        "dziekuje",
        "dziękuję",
        "czesc",
        "cześć",
        "dzien",
        "dobry",
        "kurwa",
        "tak",
        "nie",
        "prosze",
        "proszę",
        "asante",
        "karibu",
        "jambo",
        "habari",
        "pole",
        "mate",
        "bruv",
        "innit",
        "wagwan",
        "bredrin",
        "fam",
        "peng",
        "gracias",
        "hola",
        "amigo",
        "amiga",
        "vale",
        "querida",
        "merci",
        "bonjour",
        "salut",
        "danke",
    ]
)


def _foreign(p: _Post, cands: list[Cand]) -> None:
    for c in cands:
        if c.category != "name":
            continue
        words = re.findall(r"[^\W\d_]+", p.text[c.start : c.end].lower())
        if words and all(w in FOREIGN_WORDS for w in words):
            c.severity = "drop"


# ---------------------------------------------------------------------------------------------------
# 9. names of cars and pets ("my little purple Corsa Vera", "our dog Bella")
THING_BEFORE_RE = re.compile(
    r"\b(?:car|van|motor|corsa|fiesta|polo|golf|micra|clio|punto|yaris|astra|focus|fabia|mini|jazz|"
    r"dog|puppy|pup|cat|kitten|rabbit|bunny|hamster|guinea pig|horse|pony|tortoise|budgie|parrot|fish|"
    r"plant|bike|sat ?nav|laptop|phone)\s*,?\s*$",
    I,
)


# eighth round: a pet's age straight after its name ("our ward cat Tilly (aged 11, fat, grumpy)")
PET_WORDS = frozenset(
    {"dog", "dogs", "puppy", "pup", "cat", "cats", "kitten", "rabbit", "bunny", "hamster", "horse", "pony"}
    | {"tortoise", "budgie", "parrot", "guinea"}
)
PET_AGE_RE = re.compile(
    r"\b(?:dog|puppy|pup|cat|kitten|rabbit|bunny|hamster|guinea pig|horse|pony|tortoise|budgie|parrot)\s+"
    r"[A-Z][a-z]+\s*(?:\(|,)\s*(?:aged |age )?(\d{1,2})\b"
)


def _things(p: _Post, cands: list[Cand]) -> None:
    for c in cands:
        if c.category == "name" and THING_BEFORE_RE.search(p.text, max(0, c.start - 25), c.start):
            c.severity = "drop"
    if not p.low_words & PET_WORDS or not _any_live(cands, ("age",)):
        return
    for m in PET_AGE_RE.finditer(p.text):
        for c in cands:
            if c.category == "age" and c.start < m.end(1) and m.start(1) < c.end:
                c.severity = "drop"
                c.why = "a pet's age"


# ---------------------------------------------------------------------------------------------------
# 10. an "institution" made of ordinary words around a preposition ("pushing on children's home",
# "evidence in family court"): a phrase, not a name
PHRASE_INSTITUTION_RE = re.compile(
    r"^[a-z]+(?:ing|ed|ence|ance|ment|ion|s)?\s+(?:on|in|at|to|for|of|about|with)\s", re.I
)


PREFIX_WORD_RE = re.compile(r"(?:ysgol|ysbyty|canolfan|cartref|coleg|llys|gaelscoil|scoil)", I)


# Welsh place-name elements that are also English words ("ysgol bro hyddgen", "ysgol glan clwyd")
WELSH_NAME_WORDS = frozenset(
    [
        "bro",
        "glan",
        "cwm",
        "pen",
        "tre",
        "llan",
        "aber",
        "pont",
        "nant",
        "bryn",
        "maes",
        "coed",
        "y",
        "yr",
        "dyffran",
        "dyffryn",
        "gwaun",
        "bod",
        "castell",
        "plas",
    ]
)


def _phrase_institution(p: _Post, cands: list[Cand]) -> None:
    for c in cands:
        if c.category != "institution" or c.severity not in ("review", "stop"):
            continue
        span = p.text[c.start : c.end]
        words = span.split()
        # "Ysgol visit today": a Welsh or Gaelic prefix before an ordinary lower-case English word
        if (
            len(words) == 2
            and PREFIX_WORD_RE.fullmatch(words[0])
            and words[1].islower()
            and words[1].lower() not in WELSH_NAME_WORDS
            and _english(words[1].strip(".,!?:;"))
        ):
            c.severity = "info"
            c.why = "a prefix word before an ordinary word, not the name of a place"
            continue
        m = PHRASE_INSTITUTION_RE.match(span)
        if m and span[0].islower() and _english(words[0]):
            c.severity = "info"
            c.why = "ordinary words before a service word, not the name of a place"


def _english(word: str) -> bool:
    return word.lower() in _data.english_words()


# ---------------------------------------------------------------------------------------------------
# 11. a boundary request the author turned down ("asked for my personal Instagram. Said no")
DECLINED_RE = re.compile(
    r"(?:^|[.!?]\s*|\b(?:i|we|i've|i have|i had|i'd)\s+(?:\w+\s+)?)(?:said no|say no|declined|refused|"
    r"turned (?:it|them|him|her) down|told (?:him|her|them) no|explained why|politely no|obviously not|"
    r"of course not)\b",
    I,
)
GAVE_IN_RE = re.compile(
    r"\b(?:said yes|accepted|but then|in the end|gave in|gave (?:it|him|her|them)|caved|ended up|whatever|anyway|"
    r"gave (?:my|him my|her my|them my)|added (?:him|her|them))\b",
    I,
)


def _declined(p: _Post, cands: list[Cand]) -> None:
    text = p.text
    if not DECLINED_RE.search(text) or GAVE_IN_RE.search(text):
        return
    asks = "?" in text  # "Said no obviously... Right call?" is still a dilemma worth a second look
    for c in cands:
        if c.category == "boundary" and c.severity in ("review", "stop") and DECLINED_RE.search(text, c.end):
            c.severity = "review" if asks else "info"
            c.why = "a request the author turned down"


# ---------------------------------------------------------------------------------------------------
# after the mechanisms above: an area or age that was "stop" only because of a detail now calmed
# (a public figure's name, an advert's contact) goes back to what it is on its own: "review"
JIGSAW = {
    "name",
    "address",
    "postcode",
    "phone",
    "email",
    "id-number",
    "date-of-birth",
    "institution",
    "age",
    "place",
}


def _rejigsaw(p: _Post, cands: list[Cand]) -> None:
    live = [c for c in cands if c.severity in ("review", "stop") and c.category in JIGSAW]
    for c in live:
        if c.severity != "stop" or c.category not in ("place", "age") or "jigsaw" not in c.why:
            continue
        others = [
            o
            for o in live
            if o is not c
            and not (o.category == c.category == "place")
            and p.text[o.start : o.end].lower() != p.text[c.start : c.end].lower()
        ]
        if not others:
            c.severity = "review"
            c.why = "an area or age with casework, no other identifying detail"


MECHANISMS: dict[str, Any] = {
    "public-titles": _public_titles,
    "foreign": _foreign,
    "example": _example,
    "appeal": _appeal,
    "advert": _advert,
    "community": _community,
    "things": _things,
    "phrase-institution": _phrase_institution,
    "declined": _declined,
    "own-life": _own_life,
    "rejigsaw": _rejigsaw,
    "hypothetical-age": _hypothetical_age,
    "topic-only": _topic_only,
}
DISABLED: set[str] = set()  # for measuring each mechanism on its own (benchmarks), never set in use


def calm(p: _Post, cands: list[Cand]) -> None:
    """Lower or drop findings in benign look-alike posts (in place)."""
    if not any(c.severity in ("review", "stop") for c in cands):
        return  # nothing to calm (most posts): no regular expression runs
    before = [c.severity for c in cands]
    for name, fn in MECHANISMS.items():
        if name in DISABLED:
            continue
        if name == "rejigsaw" and [c.severity for c in cands] == before:
            continue  # nothing was calmed, so no jigsaw rests on a calmed detail (other rules' jigsaws stand)
        fn(p, cands)


# ===================================================================================================
# Seventh round: more benign look-alikes. Each is a condition about the post; none raises anything.

# people the worker looks after, said with "our"/"my" ("our care leaver Kezia", "my foster son"): a post
# about one of them is never calmed by the mechanisms below
CARED_FOR_RE = re.compile(
    r"\b(?:our|my|his|her|their)\s+(?:\w+\s+)?(?:care leavers?|foster (?:son|daughter|child(?:ren)?|kids?|"
    r"lad|girl|boy|baby|placement)|clients?|service users?|young (?:person|people)|yps?|residents?|"
    r"patients?|service|looked[- ]after)\b|"
    r"\b(?:a|the|this|that) (?:child|kid|lad|girl|boy|baby|young person|teenager|family|mum|dad|mother|"
    r"father|woman|man|lady|gentleman|client|service user|resident|patient)\b",
    I,
)
IDENT_CATS = {
    "name",
    "address",
    "postcode",
    "phone",
    "email",
    "id-number",
    "date-of-birth",
    "institution",
    "age",
    "place",
}


def _live(cands: list[Cand]) -> list[Cand]:
    return [c for c in cands if c.severity in ("review", "stop")]


def _any_live(cands: list[Cand], cats: set[str] | tuple[str, ...]) -> bool:
    """A cheap gate: is there a live finding of one of these categories at all?"""
    return any(c.category in cats and c.severity in ("review", "stop") for c in cands)


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


# cheap word-set gates (p.low_words): a mechanism's regular expressions run only when one of its words is
# in the post
PUBLIC_TALK_WORDS = _words(
    "speech spoke speaks speaking talking interview interviewed interviews mentioned keynote foreword podcast "
    "journalist columnist article op-ed oped debate parliament senedd stormont holyrood hansard select "
    "documentary memoir manifesto minister secretary chancellor mp mps sir dame prince princess king queen "
    "duke duchess lord lady"
)
VENUE_WORDS = _words(
    "hall centre center guildhall offices chamber hub library stadium arena icc venue reception office campus "
    "university surgery jobcentre job register court house"
)
STAFF_NEWS_WORDS = _words(
    "retiring retires retired retirement leaving farewell long raised fundraising fundraiser fundraise bake "
    "sponsored congratulations congrats well shout shoutout award awarded awards doctorate phd graduated "
    "graduating graduation promoted promotion qualified welcome starter miss"
)
SCENARIO_WORDS = _words("scenario vignette hypothetical made-up made")
CARE_STORY_WORDS = _words(
    "care children's childrens home secure residential care-experienced leaver me social"
)
ADOPTION_WORDS = _words("adoption adopted adopters sgo guardianship")
POLICE_WORDS = _words("police met psni constabulary crimestoppers appeal")
GREETING_WORDS = _words(
    "happy eid ramadan merry season's seasons nadolig blwyddyn dydd shubh gong diwali christmas xmas kareem "
    "mubarak"
)


# ---------------------------------------------------------------------------------------------------
# 12. a public figure talked about in public: a speech, an interview, a foreword, a debate
PUBLIC_TALK_RE = re.compile(
    r"\b(?:speech(?!\s+(?:and|&)\s+language|\s+therap\w*|\s+delay)|spoke|speaks|speaking|talking about|"
    r"interview(?:ed|s)?|mentioned|keynote|foreword|podcast|journalist|columnist|article|op-?ed|"
    r"debate|parliament|senedd|stormont|holyrood|commons|hansard|select committee|conference|"
    r"documentary|panel(?:'s)? review|report|memoir|book|appointment|appointed|elected|manifesto|"
    r"budget|announce\w*|@\w*MP\b|\bMPs?\b|MSP|MS|MLA|minister|secretary of state|"
    r"secretary|chancellor|shadow \w+|councillor|cllr)\b",
    re.UNICODE,
)
PUBLIC_TALK_LOWER_RE = re.compile(
    r"\b(?:speech(?!\s+(?:and|&)\s+language|\s+therap\w*|\s+delay)|spoke|speaks|speaking|talking about|"
    r"interview(?:ed|s)?|mentioned|keynote|foreword|podcast|journalist|columnist|article|op-?ed|"
    r"debate|parliament|senedd|stormont|holyrood|hansard|select committee|documentary|memoir|"
    r"manifesto|minister|secretary of state|chancellor)\b",
    I,
)
FULL_NAME_RE = re.compile(r"(?<![\w.])(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?) (?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
NAME_THEN_PUBLIC_RE = re.compile(
    r"(?:'s\s+(?:speech|keynote|foreword|podcast|memoir|column|article|book|manifesto|op-?ed|review|report|inquiry)"
    r"(?!\s+(?:and|&)\s+language|\s+therap\w*|\s+delay)|\s+(?:talking|speaking|spoke)\s+(?:about|at|in|on)\s)\b",
    I,
)
# "a name before 'talking about'" is a public figure only where the post is plainly about public life
STRONG_PUBLIC_RE = re.compile(
    r"\b(?:parliament|senedd|stormont|holyrood|the commons|debate|conference|keynote|podcast|radio|tv|telly|bbc|"
    r"itv|channel 4|the news|newsnight|documentary|minister|secretary of state|mps?|journalist|columnist|"
    r"article|op-?ed|foreword|memoir|manifesto|hansard|select committee|panel'?s review|"
    r"speech(?!\s+(?:and|&)\s+language|\s+therap\w*|\s+delay))\b|@\w*MP\b",
    I,
)
TITLE_WORD_RE = re.compile(
    r"(?:Prince|Princess|King|Queen|Duke|Duchess|Earl|Countess|Lord|Lady|Sir|Dame|Baroness|Baron|Cllr|"
    r"Councillor|President|Minister|Judge)",
)
PUBLIC_CASE_BLOCK_RE = re.compile(
    r"\b(?:my|our) (?:case|visit|caseload|family|families)\b|\b(?:s47|section 47|strategy (?:meeting|discussion)|"
    r"core group|home visit|removed|removal|icpc|rcpc)\b",
    I,
)


# eighth round: a name in the same sentence as a public role ("Dr X still doing A&E shifts as an MP")
PUBLIC_ROLE_RE = re.compile(
    r"\b(?:as an? (?:MP|MSP|MLA|MS|MEP|[Mm]inister|[Pp]olitician|[Pp]resenter|[Bb]roadcaster|[Jj]ournalist|"
    r"[Cc]olumnist|[Pp]eer)|(?:Labour|Tory|Conservative|Lib Dem|SNP|Plaid|Green|Reform|DUP|Sinn Féin|Sinn Fein) "
    r"(?:MP|MSP|MS|MLA)|(?:MP|MSP|MS|MLA) for [A-Z])\b"
)


def _public_talk(p: _Post, cands: list[Cand]) -> None:
    text = p.text
    if not (p.low_words & PUBLIC_TALK_WORDS or "@" in text or "MP" in text):
        return
    if not PUBLIC_TALK_LOWER_RE.search(text) and not re.search(
        r"@\w*MP\b|\bMPs?\b|Sir [A-Z]|Dame [A-Z]", text
    ):
        return
    if CARED_FOR_RE.search(text) or WORK_PERSON_RE.search(text) or PUBLIC_CASE_BLOCK_RE.search(text):
        return
    no_idents = not _any_live(
        cands, ("age", "date-of-birth", "institution", "address", "postcode", "phone", "email")
    )
    strong_public = no_idents and bool(STRONG_PUBLIC_RE.search(text))
    for c in cands:
        if not no_idents or c.category != "name" or c.severity not in ("review", "stop"):
            continue
        span = text[c.start : c.end]
        # "Kemi's speech" (in a post about a debate), "Prince William talking about care leavers": a public
        # figure, not a service user
        if (strong_public and NAME_THEN_PUBLIC_RE.match(text, c.end)) or (
            TITLE_WORD_RE.fullmatch(span) and re.match(r"\s+[A-Z][a-z]+", text[c.end :])
        ):
            c.severity = "drop"
        elif PUBLIC_ROLE_RE.search(text, *p.sentence_of(c.start)):
            c.severity = "drop"  # eighth round: "... as an MP", "Labour MP for ..."
    live = _live(cands)
    if not live or any(c.severity == "stop" for c in live):
        return
    if any(c.category not in ("case-detail", "special-category") for c in live):
        return
    if any(m.group(0).lower() in ("adoption order", "care order", "placement order") for m in p.case_strong):
        return
    # someone public is named (a full name, a handle, a title) or the post is about the media
    if not (
        FULL_NAME_RE.search(text)
        or re.search(r"@\w+", text)
        or PUBLIC_FIGURE_RE.search(text)
        or re.search(r"\b(?:journalist|columnist|article|documentary|podcast)\b", text, I)
    ):
        return
    for c in live:
        c.severity = "info"
        c.why = "a topic word in a post about a public figure or the media"


# ---------------------------------------------------------------------------------------------------
# 13. a public building as a venue ("training's at County Hall, CF10 4UW", "drop-in at Maple Road Hub")
VENUE_RE = re.compile(
    r"\b(?:county hall|civic centre|civic center|town hall|city hall|guildhall|council offices|council chamber|"
    r"(?:family |community |youth )?hub|(?:central )?library|community (?:centre|center|hall)|village hall|"
    r"leisure centre|sports centre|stadium|arena|conference centre|convention centre|icc|exhibition centre|"
    r"venue|reception|head office|offices|campus|university|training (?:centre|center|room|venue)|"
    r"medical centre|health centre|surgery|jobcentre|job centre|register office|magistrates'? court|"
    r"crown court|sheriff court)\b",
    I,
)
VENUE_NOTICE_RE = re.compile(
    r"\b(?:training|conference|call for papers|abstracts?|workshop|event|seminar|webinar|launch|drop[- ]in|"
    r"now open|opens?|opening|closed|closure|open (?:day|evening|session)|parking|all welcome|"
    r"everyone welcome|free|booking|book (?:now|your|a place)|tickets?|register|venue|repost|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|weds?|thurs?|every (?:week|day))\b",
    I,
)
VENUE_AFTER_RE = re.compile(r"\s*(?:hub|centre|center|library|hall|house|offices?|campus|stadium)\b", I)


NAMED_SERVICE_RE = re.compile(
    r"\b(?:[A-Z][\w']+\s+){1,4}(?:Service|Services|Hub|Centre|Center|Team|Project|Network|Group|Partnership)\b"
)
NO_REFERRAL_RE = re.compile(r"\bno referrals? (?:needed|required|necessary)\b", I)


def _public_venue(p: _Post, cands: list[Cand]) -> None:
    text = p.text
    if not _any_live(cands, ("postcode", "address", "place", "institution")) or not p.low_words & VENUE_WORDS:
        return
    if not VENUE_RE.search(text) and not VENUE_AFTER_RE.search(text):
        return
    if not VENUE_NOTICE_RE.search(text):
        return
    plain = NAMED_SERVICE_RE.sub(" ", NO_REFERRAL_RE.sub(" ", text))
    if (
        CARED_FOR_RE.search(text)
        or WORK_PERSON_RE.search(plain)
        or SOMEONE_RE.search(plain)
        or re.search(r"\b(?:he|she|him|her|his|hers|he's|she's)\b", text, I)
        or p.case_strong
    ):
        return
    live = _live(cands)
    # the author's own routine ("you'll find me at the leisure centre in Rhyl every Tuesday") stays
    if any(
        c.category
        in ("name", "age", "date-of-birth", "phone", "email", "id-number", "own-safety", "boundary")
        for c in live
    ):
        return
    for c in live:
        if c.category not in ("postcode", "address", "place", "institution"):
            continue
        s, e = p.sentence_of(c.start)
        # the building word just before the address or postcode, or the address is the building's name
        near = VENUE_RE.search(text, max(s, c.start - 60), c.start) or VENUE_AFTER_RE.match(text, c.end)
        if near or (c.category == "postcode" and VENUE_RE.search(text, s, e)):
            c.severity = "drop"


# ---------------------------------------------------------------------------------------------------
# 14. staff news: a colleague retiring, a team's fundraising, a doctorate ("Sister Obi on Ward 4 is
# retiring after 38 years", "Ward 12 raised £3,000")
STAFF_NEWS_RE = re.compile(
    r"\b(?:retir(?:ing|es|ed|ement)|leaving do|farewell|long service|raised £|£[\d,.]+k? raised|fundrais\w*|"
    r"bake sale|sponsored|congratulations|congrats|well done|shout ?out|award(?:ed|s)?|doctorate|phd|"
    r"graduat\w*|promot(?:ed|ion)|qualified|welcome (?:to|back)|new starter|we'?ll miss (?:you|her|him|them))\b",
    I,
)
STAFF_RE = re.compile(
    r"\b(?:ward manager|(?:team|deputy|service|practice|unit) manager|manager|sister|matron|charge nurse|"
    r"nurses?|colleagues?|team|staff|consultant|dr\.?|doctor|our own|social worker|practitioner|"
    r"student|volunteers?|hca|healthcare assistant|porter|receptionist|admin|senior)\b",
    I,
)
STAFF_NEWS_BLOCK_RE = re.compile(
    r"\b(?:died|passed away|admitted|sectioned|discharged|diagnos\w*|dementia|who (?:was|is) (?:on|in) "
    r"(?:the )?ward|in hospital|as a patient|my (?:mum|mam|dad|nan|gran|son|daughter))\b",
    I,
)


STAFF_TITLE_BEFORE_RE = re.compile(
    r"\b(?:sister|matron|charge nurse|nurse|dr\.?|doctor|prof\.?|professor|consultant|our own|colleague|"
    r"manager|lead|senior|deputy|(?:team|practice|service) manager)\s+(?:[A-Z][\w'-]*\s+)?$",
    I,
)
HOSPITAL_WORD_RE = re.compile(
    r"\b(?:ward|hospital|infirmary|hospice|clinic|surgery|health centre|medical centre)\b", I
)


def _staff_news(p: _Post, cands: list[Cand]) -> None:
    text = p.text
    if not _any_live(cands, ("name", "institution", "place")) or not p.low_words & STAFF_NEWS_WORDS:
        return
    if not STAFF_NEWS_RE.search(text) or not STAFF_RE.search(text):
        return
    if CARED_FOR_RE.search(text) or WORK_PERSON_RE.search(text) or STAFF_NEWS_BLOCK_RE.search(text):
        return
    if SOMEONE_RE.search(text) or p.case_strong:
        return
    live = _live(cands)
    # a former service user greeted by handle, or a contact offered: not staff news
    if any(c.category in ("boundary", "own-safety") or c.rule == "social-media-handle" for c in live):
        return
    if any(
        c.category in ("age", "date-of-birth", "address", "postcode", "phone", "email", "id-number")
        for c in live
    ):
        return
    # the person celebrated is staff: every name has a staff title just before it ("Sister Amadi", "our own
    # Dr X"); "Well done team, Jayden got his place at ..." is about a child
    names = [c for c in live if c.category == "name"]
    if any(not STAFF_TITLE_BEFORE_RE.search(text, max(0, c.start - 25), c.start) for c in names):
        return
    # only a hospital's wards and buildings: a school, home or unit named in "staff news" is still a place a
    # child or resident can be found
    if any(
        c.category == "institution"
        and c.rule not in ("ward-bed-room", "hospital-gazetteer")
        and not HOSPITAL_WORD_RE.search(text, c.start, c.end)
        for c in live
    ):
        return
    for c in live:
        if c.category in ("name", "institution", "place"):
            c.severity = "drop"
            c.why = "staff or team news"
        elif c.category in ("case-detail", "special-category") and c.severity == "review":
            c.severity = "info"  # "a doctorate for research on care leavers' housing": the topic of the work
            c.why = "staff or team news"


# ---------------------------------------------------------------------------------------------------
# 15. a sign-off: "Gemma, Kinship Support Team" or "- Ty Ni staff" at the end of a notice
SIGN_OFF_AFTER_RE = re.compile(
    r"\s*,\s*(?:[A-Z][\w'&-]*\s+){0,5}(?:Team|Service|Services|Hub|Centre|Center|Unit|Project|Office|Manager|"
    r"Worker|Officer|Coordinator|Co-ordinator|Lead|Practitioner|Trust|Council)\s*[.!]?\s*$"
)


def _sign_off(p: _Post, cands: list[Cand]) -> None:
    text = p.text
    if not _any_live(cands, ("name",)):
        return
    for c in cands:
        if c.category != "name" or c.severity not in ("review", "stop"):
            continue
        s, _ = p.sentence_of(c.start)
        if not SIGN_OFF_AFTER_RE.match(text, c.end) or text[s : c.start].strip():
            continue
        if CARED_FOR_RE.search(text) or _person_talked_about(p):
            continue
        c.severity = "drop"
        c.why = "the author's own sign-off"


# ---------------------------------------------------------------------------------------------------
# 16. a slur quoted to criticise it ("'Scroungers.' That's the word a tabloid used about families")
LANGUAGE_TALK_RE = re.compile(
    r"\b(?:the word|that word|this word|words? like|language|the term|terms? like|labels?|labelled|slurs?|"
    r"call(?:ing)? (?:it|this|that) out|called us|stigma\w*|dehumanis\w*|tabloids?|headlines?|rhetoric|"
    r"we need to stop|stop (?:calling|saying|using)|never (?:say|use|call)|don'?t (?:say|use|call))\b",
    I,
)


def _quoted_slur(p: _Post, cands: list[Cand]) -> None:
    text = p.text
    if not _any_live(cands, ("derogatory",)):
        return
    if not LANGUAGE_TALK_RE.search(text):
        return
    if CARED_FOR_RE.search(text) or re.search(r"\b(?:he|she|him|her|he's|she's)\b", text, I):
        return  # "She called him a '...', and he's only 9": a slur aimed at someone, reported
    quoted = [m.span() for m in QUOTED_RE.finditer(text)]
    if not quoted:
        return
    for c in cands:
        if c.category != "derogatory" or c.severity not in ("review", "stop"):
            continue
        if any(a <= c.start and c.end <= b for a, b in quoted):
            c.severity = "info"
            c.why = "a word quoted to criticise it"


# ---------------------------------------------------------------------------------------------------
# 17. the author's own age: "Turned 50 today and still doing s47s", "I turn 40 on Friday"
OWN_AGE_START_RE = re.compile(r"(?:just |finally |officially )?(?:turned|turning|turn) \d{2}\b", I)


def _own_age(p: _Post, cands: list[Cand]) -> None:
    text = p.text
    if not _any_live(cands, ("age", "date-of-birth")) or not p.low_words & {"turned", "turning", "turn"}:
        return
    if CARED_FOR_RE.search(text) or WORK_PERSON_RE.search(text) or _person_talked_about(p):
        return
    live = _live(cands)
    for c in live:
        if c.category not in ("age", "date-of-birth"):
            continue
        s, _ = p.sentence_of(c.start)
        lead = text[s : c.start].strip(" \t\"'(")
        # no subject before "Turned 50": the author (a subject such as "Jayden turned 16" is someone else)
        if lead.lower() not in ("", "i", "i've", "i have", "i just", "i've just", "me,", "me") or not (
            OWN_AGE_START_RE.match(text, c.start) or OWN_AGE_START_RE.search(text, s, c.end)
        ):
            continue
        others = [o for o in live if o is not c and o.category in IDENT_CATS]
        if others:
            continue
        c.severity = "drop"
        c.why = "the author's own age"


# ---------------------------------------------------------------------------------------------------
# 18. a teaching scenario or vignette: the details are invented
SCENARIO_RE = re.compile(
    r"\b(?:(?:teaching|training|practice|exam|assessment|case) scenario|scenario for|vignette|"
    r"hypothetical (?:case|scenario)|made[- ]up (?:case|scenario))\b",
    I,
)
REAL_CASE_RE = re.compile(
    r"\b(?:we worked with|i worked with|i'?m working with|real (?:case|family|life)|true story|based on (?:a )?real|"
    r"actual (?:case|family)|my (?:case|client|family)|today'?s (?:visit|case))\b",
    I,
)


def _scenario(p: _Post, cands: list[Cand]) -> None:
    text = p.text
    if not p.low_words & SCENARIO_WORDS:
        return
    if not SCENARIO_RE.search(text) or REAL_CASE_RE.search(text) or p.time_cue:
        return  # "role play with Jayden, 14, today" is a session with a real child
    for c in cands:
        if c.severity not in ("review", "stop"):
            continue
        if c.category in ("age", "case-detail", "special-category", "place", "name"):
            c.severity = "info"
            c.why = "an invented teaching scenario"


# ---------------------------------------------------------------------------------------------------
# 19. the author's own time in care, told as their story ("i was in Ty Mawr children's home for 3 years")
OWN_CARE_STORY_RE = re.compile(
    r"\bi was (?:in|placed in|put in|sent to|moved to) (?:care|foster care|kinship care|residential|"
    r"(?:a |the )?[\w' ]{0,30}?children'?s home|(?:a |the )?secure unit)\b|"
    r"\b(?:when|since|after) i (?:was in care|left care|came into care|went into care)\b|"
    r"\bi'?m (?:a )?(?:former )?(?:care[- ]experienced|care leaver)\b|\bi am (?:a )?(?:former )?(?:care[- ]experienced|care leaver)\b|"
    r"\b(?:little|younger|11 year old|teenage) me\b|\bthe first time i met my social worker\b|"
    r"\bmy (?:own )?social worker (?:when i|was)\b",
    I,
)
CURRENT_CHILD_RE = re.compile(
    r"\b(?:foster (?:son|daughter|child(?:ren)?|kids?|lad|girl|boy|baby)|(?:my|our) (?:placement|little one)|"
    r"(?:my|our) (?:client|service user|young person|yp)s?)\b",
    I,
)


def _own_care_story(p: _Post, cands: list[Cand]) -> None:
    text = p.text
    if not p.low_words & CARE_STORY_WORDS or not _live(cands):
        return
    if not OWN_CARE_STORY_RE.search(text) or not OWN_CARE_STORY_RE.search(QUOTED_RE.sub(" ", text)):
        return
    if CURRENT_CHILD_RE.search(text) or WORK_PERSON_RE.search(text) or THIRD_PARTY_CASE_RE.search(text):
        return
    if any(
        c.category in ("name", "phone", "email", "address", "postcode", "id-number")
        and c.severity in ("review", "stop")
        for c in cands
    ):
        return
    for c in cands:
        if c.severity not in ("review", "stop") or c.category in OWN_LIFE_KEEP:
            continue
        c.severity = "info"
        c.why = "the author's own time in care"


# ---------------------------------------------------------------------------------------------------
# 20. a festival greeting to everyone ("Happy Diwali to all my colleagues and service users")
GREETING_RE = re.compile(
    r"^\W*(?:happy (?:diwali|eid|christmas|xmas|new year|hanukkah|chanukah|easter|vaisakhi|baisakhi|holi|"
    r"ramadan|pride|lunar new year|chinese new year|st\.? (?:david|patrick|andrew|george)'?s day|"
    r"bonfire night|hogmanay|navratri|passover|rosh hashanah|kwanzaa|thanksgiving|friday|holidays|"
    r"mother'?s day|mothers'? day|mothering sunday|father'?s day|fathers'? day|guru nanak jayanti|"
    r"hanukkah|purim|nowruz|samhain|halloween|pancake day)|"
    r"eid mubarak|ramadan mubarak|ramadan kareem|merry christmas|season'?s greetings|nadolig llawen|"
    r"blwyddyn newydd dda|dydd gŵyl dewi hapus|shubh diwali|gong xi fa cai)\b",
    I,
)
TO_ALL_RE = re.compile(r"\bto (?:all|everyone|every one|each|every single one|yours)\b", I)


def _greeting(p: _Post, cands: list[Cand]) -> None:
    text = p.text
    if not p.low_words & GREETING_WORDS:
        return
    g = GREETING_RE.match(text)
    if not g or not TO_ALL_RE.search(text):
        return
    # eighth round: a word of the greeting itself read as a name ("Ramadan kareem", "Eid Mubarak")
    for c in cands:
        if c.category == "name" and c.severity in ("review", "stop") and c.end <= g.end():
            c.severity = "drop"
            c.why = "a word of a festival greeting"
    live = _live(cands)
    if not live or any(c.severity == "stop" for c in live):
        return
    if any(c.category not in ("case-detail", "special-category", "place") for c in live):
        return
    if re.search(r"\b(?:he|she|him|her|his|hers)\b", text, I) or EVENT_RE.search(text):
        return
    for c in live:
        c.severity = "info"
        c.why = "a greeting to everyone, nobody in particular"


# ---------------------------------------------------------------------------------------------------
# 21. a Freedom of Information reference is the author's own request ("got my FOI back (ref FOI-2026-0412)")
FOI_RE = re.compile(r"\b(?:foi|freedom of information|eir)\b", I)


def _foi(p: _Post, cands: list[Cand]) -> None:
    text = p.text
    if not _any_live(cands, ("id-number",)):
        return
    if not FOI_RE.search(text):
        return
    for c in cands:
        if c.category != "id-number" or c.severity not in ("review", "stop"):
            continue
        if FOI_RE.match(text, c.start) or FOI_RE.search(text, max(0, c.start - 25), c.start):
            c.severity = "drop"
            c.why = "a Freedom of Information reference"


# ---------------------------------------------------------------------------------------------------
# 22. words that are not people's names: Nigerian Pidgin ("make una no dey post"), and figures of
# festivals and stories ("Dear Santa")
NOT_NAMES = frozenset(
    [
        "una",
        "abi",
        "sef",
        "wey",
        "dem",
        "comot",
        "waka",
        "nawa",
        "abeg",
        "shey",
        "ehen",
        "kai",
        "jor",
        "walahi",
        "santa",
        "father christmas",
        "saint nick",
        "st nick",
        "tooth fairy",
        "easter bunny",
        "rudolph",
        "elf",
        "grinch",
    ]
)
PIDGIN_RE = re.compile(r"\b(?:dey|abeg|wetin|una|pikin|wahala|no be|na|sabi|oga|don)\b", I)


def _not_names(p: _Post, cands: list[Cand]) -> None:
    for c in cands:
        if c.category != "name" or c.severity not in ("review", "stop"):
            continue
        span = p.text[c.start : c.end].lower().strip(" ,.!?")
        if span not in NOT_NAMES:
            continue
        if span in (
            "una",
            "abi",
            "sef",
            "wey",
            "dem",
            "comot",
            "waka",
            "nawa",
            "shey",
            "ehen",
            "kai",
            "jor",
        ) and (len(PIDGIN_RE.findall(p.text)) < 2):
            continue  # "Una" is also a given name: only in a post written in Pidgin
        c.severity = "drop"


# ---------------------------------------------------------------------------------------------------
# 23. the author's own identity ("as a gay adopter I...", "Gay man, 20 years in social work")
OWN_IDENTITY_BEFORE_RE = re.compile(
    r"(?:\bas an?|\bi'?m an?|\bi am an?|\bi'?m|\bi am|\bbeing an?|\bme,? an?|\bmyself,? an?)\s+(?:\w+\s+)?$",
    I,
)
ROLE_AFTER_RE = re.compile(
    r"\s+(?:man|woman|person|mum|mam|dad|parent|adopter|foster carer|carer|social worker|sw|nurse|"
    r"practitioner|manager|student|lad|lass|guy|gal)\b",
    I,
)


def _own_identity(p: _Post, cands: list[Cand]) -> None:
    text = p.text
    if not _any_live(cands, ("special-category",)):
        return
    if not any(
        OWN_IDENTITY_BEFORE_RE.search(text, max(0, c.start - 25), c.start) or ROLE_AFTER_RE.match(text, c.end)
        for c in cands
        if c.category == "special-category" and c.severity == "review"
    ):
        return
    if CARED_FOR_RE.search(text) or WORK_PERSON_RE.search(text) or THIRD_PARTY_CASE_RE.search(text):
        return
    if re.search(r"\b(?:he|she|him|her|his|hers|he's|she's)\b", text, I):
        return
    for c in cands:
        if c.category != "special-category" or c.severity != "review":
            continue
        s, _ = p.sentence_of(c.start)
        said_of_self = OWN_IDENTITY_BEFORE_RE.search(text, max(0, c.start - 25), c.start)
        bio = (
            not text[s : c.start].strip()
            and ROLE_AFTER_RE.match(text, c.end)
            and FIRST_PERSON_RE.search(text)
        )
        bio = bio or (
            not text[: c.start].strip()
            and ROLE_AFTER_RE.match(text, c.end)
            and re.search(r",", text[c.end : c.end + 15])
        )
        if said_of_self or bio:
            c.severity = "info"
            c.why = "the author's own identity"


# ---------------------------------------------------------------------------------------------------
# 24. the author's own child, with nothing about where or when ("first day of big school for my eldest")
KIN_SPAN_RE = re.compile(
    r"^(?:my|our) (?:own |little |baby |eldest |youngest |middle )?(?:son|daughter|boy|girl|lad|lass|eldest|"
    r"youngest|middle one|kids?|children|little one|wean|bairn|babies|baby|twins)$|^(?:my |our |the )?under \d+s$",
    I,
)
WHEN_WHERE_RE = re.compile(
    r"\b(?:every|each) (?:day|morning|afternoon|evening|week|mon|tue|wed|thu|fri|sat|sun)\w*|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|\b\d{1,2}(?:[:.]\d{2})\b|\b\d{1,2}\s?(?:am|pm)\b|"
    r"\b(?:road|street|lane|park|ground|stadium|primary|academy|"
    r"high school|college|club|centre|center|pool|nursery|creche|childminder|gates|practice|training|lessons?|"
    r"tonight|tomorrow|till|until|later|st|saint|ysgol|scoil|our lady|holy)\b|📍|right now|on (?:my|our) way|"
    r"heading to|off to",
    I,
)
NAMED_AT_RE = re.compile(r"\b(?:at|in|on|outside|near) (?:the )?[A-Z][\w']+")


CAPITAL_WORD_RE = re.compile(r"\b[A-Z][a-z'’]+\b")


def _own_child_nowhere(p: _Post, cands: list[Cand]) -> None:
    text = p.text
    live = _live(cands)
    kin = [c for c in live if c.category == "own-safety" and KIN_SPAN_RE.match(text[c.start : c.end])]
    if not kin or any(c.category != "case-detail" for c in live if c not in kin):
        return
    if p.caps:
        return  # in a post in capitals, a name cannot be told by its capital
    if WHEN_WHERE_RE.search(text) or NAMED_AT_RE.search(text) or CARED_FOR_RE.search(text):
        return
    if WORK_PERSON_RE.search(text):
        return
    for m in CAPITAL_WORD_RE.finditer(text):
        # any name in the post ("my daughter's school (St Brigid's)") may say where the child is
        s, _ = p.sentence_of(m.start())
        if text[s : m.start()].strip(" \t\n\"'“‘"):
            return  # a capital inside a sentence: a name, not just the first word
    for c in kin:
        c.severity = "drop"
        c.why = "the author's own child, with no school, place or routine named"


# ---------------------------------------------------------------------------------------------------
# 25. the author's own adoption news ("Our adoption order came through", "granted for OUR son")
OWN_ADOPTION_RE = re.compile(
    r"\b(?:(?:our|my) (?:adoption|special guardianship|sgo) (?:order|hearing|panel|match|celebration)|"
    r"(?:adoption|celebration) (?:order|hearing) (?:\w+ ){0,3}(?:for|of) (?:our|my) (?:son|daughter|boy|girl|"
    r"little one|children|kids)|we(?:'ve| have)? (?:finally )?adopted|we'?re (?:officially )?(?:a family|adopters|"
    r"parents))\b",
    I,
)


def _own_adoption(p: _Post, cands: list[Cand]) -> None:
    text = p.text
    if not p.low_words & ADOPTION_WORDS:
        return
    if not OWN_ADOPTION_RE.search(text) or WORK_PERSON_RE.search(text):
        return
    if re.search(r"\b(?:birth (?:mum|mother|dad|father|family|parents?)|contact|letterbox)\b", text, I):
        return
    live = _live(cands)
    if not live or any(c.category != "case-detail" or c.severity != "review" for c in live):
        return
    for c in live:
        c.severity = "info"
        c.why = "the author's own adoption news"


# ---------------------------------------------------------------------------------------------------
# 26. a community class or group inviting everyone ("Our free classes run at Hove Library every Tuesday,
# just turn up"): the routine is the group's, not the author's
INVITE_RE = re.compile(
    r"\b(?:just turn up|all welcome|everyone welcome|no need to book|free|drop in|come along|join us|"
    r"open to all|bring (?:a friend|your)|no referral|"
    # eighth round: students' and colleagues' groups ("if anyone wants to join", "anyone who's free come join")
    r"(?:if )?any(?:one|body) (?:wants to|fancies|is welcome to|welcome to) (?:join|come)|"
    r"any(?:one|body) (?:\w+ ){0,5}(?:who'?s|who is|that'?s) free|come join(?: us)?)\b",
    I,
)
SINGULAR_FIRST_RE = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me|my|mine|myself)\b", I)


def _community_invite(p: _Post, cands: list[Cand]) -> None:
    text = p.text
    if not _any_live(cands, ("own-safety", "place")):
        return
    if not INVITE_RE.search(text) or not COMMUNITY_RE.search(text) or SINGULAR_FIRST_RE.search(text):
        return
    # eighth round: the town of an open group's venue ("meeting at the Hive in Worcester at 2, anyone who's
    # free come join us") is where everyone is invited, when nobody is talked about and nothing else is found
    live = _live(cands)
    venue_town = not (
        CARED_FOR_RE.search(text) or WORK_PERSON_RE.search(text) or SOMEONE_RE.search(text) or p.case_strong
    ) and all(c.category in ("own-safety", "place") and c.severity == "review" for c in live)
    for c in cands:
        if c.category == "place" and c.severity == "review" and venue_town:
            s, e = p.sentence_of(c.start)
            if COMMUNITY_RE.search(text, s, e):
                c.severity = "info"
                c.why = "the town of an open group's venue"
            continue
        if c.category != "own-safety" or c.severity not in ("review", "stop") or c.rule != "own-safety":
            continue
        s, e = p.sentence_of(c.start)
        if COMMUNITY_RE.search(text, s, e):
            c.severity = "info"
            c.why = "a community group's times, not the author's routine"


# ---------------------------------------------------------------------------------------------------
# 27. words read as places that are not places anyone lives: apps and sites ("matched with me on
# Hinge"), national institutions ("the debate in Parliament"), charity appeals ("Children in Need") and
# case-law citations ("Re B-S")
NOT_PLACES = frozenset(
    [
        "hinge",
        "tinder",
        "bumble",
        "grindr",
        "her",
        "raya",
        "feeld",
        "plenty of fish",
        "pof",
        "match.com",
        "tiktok",
        "insta",
        "instagram",
        "facebook",
        "fb",
        "snapchat",
        "snap",
        "whatsapp",
        "telegram",
        "signal",
        "discord",
        "twitch",
        "youtube",
        "reddit",
        "mumsnet",
        "netmums",
        "linkedin",
        "threads",
        "bluesky",
        "twitter",
        "x",
        "teams",
        "zoom",
        "skype",
        "vinted",
        "depop",
        "ebay",
        "gumtree",
        "nextdoor",
        "parliament",
        "westminster",
        "whitehall",
        "downing street",
        "senedd",
        "the senedd",
        "stormont",
        "holyrood",
        "the dail",
        "the dáil",
        "leinster house",
        "house of commons",
        "house of lords",
        "the commons",
        "the lords",
    ]
)
APPEAL_NAME_RE = re.compile(
    r"\b(?:children in need|comic relief|red nose day|sport relief|movember|macmillan coffee morning|"
    r"race for life|giving tuesday|jeans for genes|wear it pink)\b",
    I,
)
CASE_LAW_RE = re.compile(r"Re\s+[A-Z](?:[\w-]*)", re.UNICODE)
COURT_OF_RE = re.compile(r"\bcourt of\s+$", I)  # "Court of Appeal", "Court of Protection", "Court of Session"


def _not_places(p: _Post, cands: list[Cand]) -> None:
    text = p.text
    if not _any_live(cands, ("place",)):
        return
    appeals = [m.span() for m in APPEAL_NAME_RE.finditer(text)]
    for c in cands:
        if c.category != "place" or c.severity not in ("review", "stop"):
            continue
        span = text[c.start : c.end].strip().lower()
        if (
            span in NOT_PLACES
            or any(a <= c.start and c.end <= b for a, b in appeals)
            or CASE_LAW_RE.match(text, c.start)
            or COURT_OF_RE.search(text, max(0, c.start - 10), c.start)
        ):
            c.severity = "drop"
            c.why = "an app, a national institution, an appeal or a case-law citation, not a place"


# ---------------------------------------------------------------------------------------------------
# 28. a police appeal passed on ("MISSING PERSON appeal from the Met: ... Call 101 quoting ref ...")
POLICE_APPEAL_RE = re.compile(
    r"\b(?:appeal from (?:the )?(?:police|met|psni|[A-Z][\w-]+ (?:police|constabulary))|police (?:appeal|are appealing)|"
    r"(?:have you seen|do you recognise|can you help (?:find|trace)) (?:this|these)|call 101|crimestoppers|"
    r"missing person appeal)\b",
    I,
)
OWN_PERSON_RE = re.compile(
    r"\b(?:my|our) (?:\w+ )?(?:clients?|young (?:person|people)|yps?|kids?|lads?|girls?|boys?|sons?|daughters?|"
    r"service users?|residents?|foster\w*|placements?|caseload|looked[- ]after)\b|\bi (?:work|worked) with\b",
    I,
)


def _police_appeal(p: _Post, cands: list[Cand]) -> None:
    text = p.text
    if not (p.low_words & POLICE_WORDS or "101" in text):
        return
    if not POLICE_APPEAL_RE.search(text) or not re.search(
        r"\b(?:police|met|psni|constabulary|101)\b", text, I
    ):
        return
    if WORK_PERSON_RE.search(text) or MISSING_FROM_CARE_RE.search(text) or OWN_PERSON_RE.search(text):
        return
    live = _live(cands)
    if any(c.category not in ("place", "case-detail", "id-number") for c in live):
        return
    for c in live:
        if c.category in ("place", "case-detail", "id-number"):
            c.severity = "info"
            c.why = "a police appeal passed on"


# ---------------------------------------------------------------------------------------------------
# 29. an inspection grade is public ("Ofsted judged us 'good' after 3 years of 'requires improvement'")
INSPECTORATE_RE = re.compile(
    r"\b(?:ofsted|cqc|care quality commission|estyn|care inspectorate|ciw|rqia|inspection|inspectors?)\b", I
)
GRADE_RE = re.compile(
    r"^['‘\"“]?(?:requires improvement|inadequate|outstanding|good|needs improvement)['’\"”]?$", I
)


def _inspection_grade(p: _Post, cands: list[Cand]) -> None:
    text = p.text
    if not _any_live(cands, ("workplace",)):
        return
    if not INSPECTORATE_RE.search(text):
        return
    for c in cands:
        if (
            c.category == "workplace"
            and c.severity == "review"
            and GRADE_RE.match(text[c.start : c.end].strip())
        ):
            c.severity = "info"
            c.why = "a published inspection grade"


# ---------------------------------------------------------------------------------------------------
# 30. a secret about the author's own birthday or age ("My own birthday today (52, don't tell anyone)")
SECRET_RE = re.compile(
    r"\b(?:don'?t tell anyone|don'?t tell|keep it (?:a )?secret|our (?:little )?secret|between us)\b", I
)
OWN_BIRTHDAY_RE = re.compile(
    r"\b(?:my (?:own )?(?:\d+\w* )?birthday|i'?m \d{2}\b|i turn(?:ed)? \d{2}\b|my age|turned \d{2} today)", I
)


def _own_secret(p: _Post, cands: list[Cand]) -> None:
    text = p.text
    if not _any_live(cands, ("boundary",)):
        return
    if not OWN_BIRTHDAY_RE.search(text) or not SECRET_RE.search(text):
        return
    if WORK_PERSON_RE.search(text) or CARED_FOR_RE.search(text) or THIRD_PARTY_CASE_RE.search(text):
        return
    if re.search(r"\b(?:he|she|him|his|hers|he's|she's)\b", text, I):
        return
    for c in cands:
        if (
            c.category == "boundary"
            and c.severity in ("review", "stop")
            and SECRET_RE.fullmatch(text[c.start : c.end].strip())
        ):
            c.severity = "info"
            c.why = "a joke about the author's own age"


# ---------------------------------------------------------------------------------------------------
# 31. the author says they are holding detail back ("Can't say more.", "No names, no details") and only
# topic words were found
WITHHELD_RE = re.compile(
    r"\b(?:can'?t|cannot|won'?t|will not) (?:say|share|go into) (?:any )?(?:more|details?|specifics)|"
    r"that'?s all (?:you need to know|i can say)|no names,? no (?:details|places|dates)|nothing identifying|"
    r"keeping it (?:vague|general)|details? changed|(?:fully )?anonymi[sz]ed\b",
    I,
)


MY_CASE_RE = re.compile(r"\b(?:my|our) (?:case|visit|caseload|family|families)\b", I)
WITHHELD_WORDS = _words("say share go know names identifying vague general changed anonymised anonymized")


def _withheld(p: _Post, cands: list[Cand]) -> None:
    text = p.text
    if not _any_live(cands, ("case-detail", "special-category")) or not p.low_words & WITHHELD_WORDS:
        return
    if not WITHHELD_RE.search(text):
        return
    live = _live(cands)
    if not live or any(
        c.severity == "stop" or c.category not in ("case-detail", "special-category") for c in live
    ):
        return
    if WORK_PERSON_RE.search(text) or OWN_PERSON_RE.search(text) or CARED_FOR_RE.search(text):
        return
    if MY_CASE_RE.search(text) or _any_live(cands, ("boundary",)):
        return
    for c in live:
        c.severity = "info"
        c.why = "the author holds the detail back; only topic words"


# ---------------------------------------------------------------------------------------------------
# 31. authors of published work: "'Boy, Everywhere' by A.M. Dassu", "'The Psychopath Test' by Jon Ronson",
# "a great podcast by ...": a name straight after a quoted title or a kind of published work and "by" is its
# author (not essays, poems, letters or blogs, which children and families write too; never with an age after)
AUTHORED_BEFORE_RE = re.compile(
    r"(?:[’'\"”]\s*|\b(?:book|novel|memoir|biography|autobiography|podcast|film|documentary|album|"
    r"article|paper|study|chapter|lecture|keynote|webinar|series|edited|published|narrated|directed)\s+)"
    r"by\s+(?:[a-z]\.\s?)*$",
    I,
)
AGE_AFTER_RE = re.compile(r"\s*(?:\(\s*\d|,\s*\d|\s+\d+\s*(?:yo|y/o|yrs?|years?)\b)", I)


def _authored(p: _Post, cands: list[Cand]) -> None:
    if "by" not in p.low_words or not _any_live(cands, ("name",)):
        return
    text = p.text
    for c in cands:
        if c.category != "name" or c.severity not in ("review", "stop"):
            continue
        if AUTHORED_BEFORE_RE.search(text, max(0, c.start - 40), c.start) and not AGE_AFTER_RE.match(text, c.end):
            c.severity = "drop"


_NEW = {
    "authored": _authored,
    "public-talk": _public_talk,
    "public-venue": _public_venue,
    "staff-news": _staff_news,
    "sign-off": _sign_off,
    "quoted-slur": _quoted_slur,
    "own-age": _own_age,
    "scenario": _scenario,
    "own-care-story": _own_care_story,
    "greeting": _greeting,
    "foi": _foi,
    "not-names": _not_names,
    "own-identity": _own_identity,
    "own-child-nowhere": _own_child_nowhere,
    "own-adoption": _own_adoption,
    "community-invite": _community_invite,
    "not-places": _not_places,
    "police-appeal": _police_appeal,
    "inspection-grade": _inspection_grade,
    "own-secret": _own_secret,
    "withheld": _withheld,
}
# the seventh round's mechanisms run before the jigsaw is re-read ("rejigsaw"), so an area that was "stop"
# only because of a name now calmed goes back to "review"
_order = list(MECHANISMS.items())
_at = [k for k, _ in _order].index("own-life")
MECHANISMS = dict(_order[:_at] + list(_NEW.items()) + _order[_at:])


# ===================================================================================================
# Eighth round (calm3): media, colleagues praised by name, and greetings whose words read as names.

# ---------------------------------------------------------------------------------------------------
# 32. a post about a TV programme, radio show, film or book the author is watching, hearing or reading
# ("Rewatching Top Boy and Dushane is still the coldest character on TV", "Listening to Desert Island Discs
# ... Lauren Laverne"): the names and places are the programme's, not a family's
MEDIA_WORDS = _words(
    "watching rewatching re-watching watched rewatched binge binged binging bingeing listening listened "
    "reading read finished tv telly netflix iplayer bbc itv channel radio podcast series episode season "
    "character characters film movie drama soap documentary novel book biography memoir"
)
MEDIA_RE = re.compile(
    r"\b(?:(?:re-?)?watch(?:ing|ed) (?!(?:over|out|him|her|them|the kids|my back)\b)|binge?(?:d|ing)|"
    r"listen(?:ing|ed) to (?!(?:him|her|them|me|you|us)\b)|(?:finished|reading|read) (?:(?:the|a|her|his) )?"
    r"(?:book|novel|memoir|biography|autobiography)|on (?:the )?(?:tv|telly|radio|netflix|iplayer|bbc|itv|"
    r"channel 4|sky)|(?:tv|telly|radio|netflix) (?:show|programme|drama|series)|characters?|box set|"
    r"series \d+|s\d+(?:e\d+)?|season \d+|storyline|podcast|documentary|sitcom)\b",
    I,
)
MEDIA_BLOCK_RE = re.compile(
    r"\b(?:with (?:my|our|the|a) (?:\w+ )?(?:foster|client|service user|young person|yp|kids?|lad|girl|boy|"
    r"resident|patient)|(?:my|our) (?:foster|care leaver|client|service user|young person|yp|resident|"
    r"patient)|on (?:my|our) caseload|reminded me of (?:a|my|one)|just like (?:a|my|one)|real life)\b",
    I,
)
MEDIA_CATS = ("name", "address", "place", "institution")


def _media(p: _Post, cands: list[Cand]) -> None:
    if not p.low_words & MEDIA_WORDS or not _any_live(cands, MEDIA_CATS):
        return
    text = p.text
    if not MEDIA_RE.search(text) or MEDIA_BLOCK_RE.search(text) or CARED_FOR_RE.search(text):
        return
    live = _live(cands)
    # a contact, a date of birth or an age is never a programme's
    if any(c.category not in (*MEDIA_CATS, "case-detail", "special-category") for c in live):
        return
    if SOMEONE_RE.search(text) or WORK_PERSON_RE.search(text) or p.case_strong or EVENT_RE.search(text):
        return
    if any(c.category == "address" and any(ch.isdigit() for ch in text[c.start : c.end]) for c in live):
        return  # "flat 22 Cotton Tower" is somebody's door, not a programme's setting
    for c in live:
        if c.category in MEDIA_CATS:
            c.severity = "drop"
            c.why = "a programme, film or book the author is watching or reading"
        elif c.severity == "review":
            c.severity = "info"
            c.why = "the subject of a programme, film or book"


# ---------------------------------------------------------------------------------------------------
# 33. a colleague, student or practice educator praised by first name ("Cheers to my PA partner Jodie for
# covering my caseload", "my apprentice Leanne passed her final placement"): a name straight after a
# colleague's role with "my"/"our", in a post of thanks or pride, is a colleague's
COLLEAGUE_WORDS = _words(
    "cheers thanks thank thankyou ty proud shout shoutout congrats congratulations well legend hero heroes "
    "best star superstar amazing brilliant grateful love diolch passed qualified"
)
COLLEAGUE_ROLE = (
    r"\b(?:[Mm]y|[Oo]ur)\s+(?:(?:lovely|amazing|brilliant|fab|fabulous|wonderful|old|new|fellow|placement|"
    r"PA|pa|co-?)\s+)?(?:colleagues?|co-?workers?|apprentices?|students?|PE|pe|practice educator|"
    r"practice assessor|supervisor|mentor|buddy|partner|manager|team ?manager|TM|senior|deputy|assessor|"
    r"tutor|lecturer|link worker|on-?site supervisor|work bestie|desk buddy|teammates?|team mates?|NQSW|"
    r"ASYE)\s+"
)
COLLEAGUE_BEFORE_RE = re.compile(COLLEAGUE_ROLE + r"(?:[A-Z][\w'-]*\s+)?$")
# the colleague's name itself need not have been found ("my PA partner Jodie")
COLLEAGUE_NAMED_RE = re.compile(COLLEAGUE_ROLE + r"[A-Z][a-z'-]+\b")
COLLEAGUE_PRAISE_RE = re.compile(
    r"\b(?:cheers|thanks|thank ?(?:you|u)|ty|proud|shout ?out|congrats|congratulations|well done|legend|"
    r"heroe?s?|the best|(?:super)?star|amazing|brilliant|grateful|love (?:you|her|him|them)|diolch|"
    r"passed|qualified)\b",
    I,
)
COLLEAGUE_BLOCK_RE = re.compile(
    r"\b(?:remov(?:ed|al)|proceedings|s\.?47|section 47|police|court|hearing|arrest\w*|sectioned|overdose|"
    r"disclos\w*|died|death|assault\w*|abuse\w*|missing|exploit\w*|allegation\w*)\b",
    I,
)


WORKLOAD_WORDS = _words("caseload caseloads case-load duty rota shift shifts on-call")


def _colleague_praise(p: _Post, cands: list[Cand]) -> None:
    if not p.low_words & COLLEAGUE_WORDS:
        return
    text = p.text
    if not COLLEAGUE_NAMED_RE.search(text):
        return
    if not COLLEAGUE_PRAISE_RE.search(text) or COLLEAGUE_BLOCK_RE.search(text):
        return
    if CARED_FOR_RE.search(text) or SOMEONE_RE.search(text):
        return
    # the colleague's workload ("covering my caseload", "my duty shift") is not a case
    if any(m.group(0).lower() not in WORKLOAD_WORDS for m in p.case_strong):
        return
    live = _live(cands)
    if any(c.category not in ("name", "case-detail") for c in live):
        return  # a place, an age, a contact or a condition: more than thanks to a colleague
    names = [c for c in live if c.category == "name"]
    if any(not COLLEAGUE_BEFORE_RE.search(text, max(0, c.start - 40), c.start) for c in names):
        return
    for c in live:
        if c.category == "name":
            c.severity = "drop"
            c.why = "a colleague praised by name"
        elif c.severity == "review":
            c.severity = "info"
            c.why = "a colleague's work, nobody in particular"


_EIGHTH = {"media": _media, "colleague-praise": _colleague_praise}
_order = list(MECHANISMS.items())
_at = [k for k, _ in _order].index("own-life")
MECHANISMS = dict(_order[:_at] + list(_EIGHTH.items()) + _order[_at:])
