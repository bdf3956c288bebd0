"""What a post says about people: mocking tone, workplace criticism, the author's own safety, boundaries.

Sixth round. The engine's context step (`engine._find_context`) calls these helpers; each returns spans
(start, end, why) and never looks at identifiers itself. All patterns are compiled once, at import.

Mocking tone is read from two kinds of marker:

* strong markers say by themselves that the writer is laughing at or sneering at someone ("you couldn't make
  it up", "strikes again", "frequent flyer", "worst client", "you know who you are", "keep going pal",
  "lol at the man", "some people never learn", "like being on Benefits Street", "mental age of");
* weak markers (laughing or eye-roll emoji, "lol", "lmao", "bless her") count only together with a
  repetition or exasperation cue ("again", "third time", "always", "14 times", "same family").

Either kind counts only when the sentence (or the one before) is about a person who uses services (a
parent, family, client, "the woman from...") and the post is about work with people, and not when the
target is the workplace (that is workplace criticism), the author or the author's own family.
"""

from __future__ import annotations

import itertools
import re

from . import _fastre


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


def _split_top(body: str) -> list[str]:
    """The top-level alternatives of a pattern body (split at "|" outside groups and classes)."""
    out, depth, cls, esc, cur = [], 0, False, False, []
    for ch in body:
        if esc:
            cur.append(ch)
            esc = False
            continue
        if ch == "\\":
            esc = True
        elif cls:
            cls = ch != "]"
        elif ch == "[":
            cls = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    out.append("".join(cur))
    return out


def _dispatch(rx: re.Pattern[str], head: str, tail: str) -> re.Pattern[str]:
    """The same pattern with its big alternation dispatched on first characters (_fastre: identical matches)."""
    pat = rx.pattern
    assert pat.startswith(head + "(?:") and pat.endswith(")" + tail), pat[:40]
    body = pat[len(head) + 3 : len(pat) - len(tail) - 1]
    return re.compile(head + _fastre.dispatched(_split_top(body), rx.flags) + tail, rx.flags)


# ---------------------------------------------------------------- mocking tone

LAUGH = r"(?:😂|🤣|💀|😆|😹)"
EYEROLL = r"(?:🙄|😒|🤦(?:\u200d[♀♂]\ufe0f?)?|😤|🥴|🙈|😴|💅|🤡)"
MOCK_STRONG_RE = re.compile(
    r"\b(?:you )?(?:(?:couldn'?t|could not|can'?t|cannot|couldnae|cannae) make (?:it|this|that|them|this stuff|"
    r"it all) up"
    r"|strikes? again|(?:the )?usual suspects?|frequent (?:flyers?|fliers?)|repeat customers?|regular customers?"
    r"|(?:worst|nightmare) (?:client|family|families|service user|parent|mum|mam|dad|da|resident|patient)s?"
    r"|you know who you are"
    r"|keep (?:going|trying|it up),? (?:pal|mate|hun|hen|love|babe|sunshine|darling|bud|chief)"
    r"|(?:mate|pal|hun|hen|love|sunshine),? you (?:live|are|were|'re) (?:in|on|from|a|an|not)"
    r"|(?:lol|lmao|lmfao|haha+) at (?:the|this|that|my|our|her|his|their) (?:\w+ )?(?:mum|mam|dad|da|man|woman|"
    r"lady|bloke|fella|family|client|parent|lad|lass|girl|boy|kid|gran|nan|grandad|couple|neighbour)s?"
    r"|(?:never|don'?t|doesn'?t|dinnae|disnae|won'?t|will never) (?:ever )?learn"
    r"|(?:it'?s|its|is it|it is) always (?:her|him|them|the same|this family|that family|the (?-i:[A-Z])[\w'’-]+s)\b"
    r"|same (?:family|families|faces|nonsense|drama|rubbish|old story|old nonsense|excuses|story|tears|old|song and "
    r"dance|names|faces|chair)"
    r"|guess who'?s (?:back|on the phone|rung|rang|kicking off)|(?:our|my|the) (?:favourite|fave|number one|biggest) "
    r"(?:caller|customer|visitor|fan|regular)s?|(?:one of )?(?:our|the) regulars"
    r"|(?:sure|aye right|yeah right|okay|ok),? (?:pal|mate|hun|jan|buddy|hen)|aye,? right"
    r"|(?:like (?:i was |being |something )?(?:on|off|out of) |straight out of |an episode of |auditioning for )"
    r"(?:the )?(?:benefits street|jeremy kyle|jerry springer|shameless|trisha|the jezza)"
    r"|mental age of"
    r"|(?:give|gimme) me strength"
    r"|the state of (?:her|him|them|the (?:mum|mam|dad|da|house|kids|family|parents))"
    r"|(?:they|these|those|this lot|that lot|them|this family|that family|some (?:families|parents|people|clients|mums|"
    r"dads|of them))(?: [\w'’-]+){0,8} (?:are|were|is|was) "
    r"(?:something else|a law unto (?:themselves|herself|himself)|a (?:whole )?(?:different|other) breed|another breed|"
    r"a species)"
    r"|bless (?:her|his|their) (?:little )?cotton socks"
    r"|(?:bless|god love) (?:her|him|them|em),? (?:she|he|they|the \w+) (?:actually |really |genuinely |honestly |"
    r"still )?(?:thinks?|reckons?|believes?|thought)"
    r"|surprise,? surprise|shock,? horror|who(?:'d| would) have thought|what a (?:shock|surprise)"
    r"|(?:some|these) people(?:'s kids)?,? (?:honestly|i tell you|man|eh|ffs|smh)"
    r"|drama queens?|attention[- ]seek(?:ing|er|ers)|crocodile tears|playing the victim|butter wouldn'?t melt"
    r"|the audacity|the cheek of (?:it|her|him|them)|(?:absolute|proper|right|total) chancers?"
    r"|one (?:brain ?cell|braincell)(?: between (?:them|the two of them))?"
    r"|(?:few|couple of) (?:sandwiches|slices|bricks|fries|sarnies) short"
    r"|not the (?:sharpest|brightest)(?: (?:tool|knife|bulb|crayon))?"
    r"|lights are on but"
    r"|shallow end of the gene pool|darwin award"
    r"|away with the fairies|lost the plot|off (?:her|his|their) (?:rocker|trolley)|round the bend|doolally"
    r"|(?:losing|lost) (?:her|his|their) marbles|(?:proper|totally|absolutely|completely|stark raving) (?:mental|"
    r"bonkers|barmy|nuts|mad)"
    r"|another day,? another (?:drama|meltdown|crisis) (?:from|with) (?:the|this|that|her|him|them)"
    # sixth round, after dev6/dev7: irony, nicknames, entertainment, dismissive replies
    r"|(?:mum|mam|mammy|mammies|mother|dad|daddy|father|parent|parents|nan|nana|gran|granny|family)s? of the year"
    r"|never disappoints?|(?:sober|on time|awake|dressed) for once|for once in (?:her|his|their) li(?:fe|ves)"
    r"|never a dull moment|feeding time at the zoo|(?:like|it'?s|was) a (?:zoo|circus)"
    r"|(?:my|our|the|weekly|daily) (?:weekly |daily )?entertainment|(?:\w+ )?bingo (?:today|card)|full house by"
    r"|groundhog day|joke of the day|(?:screenshot|quote|text|message|voicemail) of the (?:day|week)|pov:"
    r"|(?:if anyone wants|anyone want|for|wants|want) a (?:good |proper )?laugh|had a (?:proper |good |right |real )?"
    r"laugh at|(?:couldn'?t|could not|can'?t|cannot) keep a straight face|nobody missed (?:you|her|him|them)"
    r"|enjoy the (?:bedsores|smell|chaos)|crust(?:y|ies)|divv(?:y|ies)|vultures|how some (?:folk|people|families) live"
    r"|(?:dog|dug|cat) had more sense than|no wonder (?:the|their|her|his) (?:kids|children|bairns|weans) turn"
    r"|some of (?:these|the|them|those) (?:families|parents|people|applicants|mums|mams|dads|clients|folk)(?: honestly|"
    r"\.\.\.|…)|(?:are|is|always) the worst for|not being funny"
    r"|somehow (?:afford|manage|find the money)|too busy [^.!?\n]{1,40}apparently|same every (?:week|time|visit|day)"
    r"|ok(?:ay)?,? (?:grandad|granny|nan|boomer|sweetie|princess|sunshine)"
    r"|(?-i:\bsure)[.!]*\s*(?:🙄|😒|👀)|nee chance like"
    r")(?!\w)",
    re.I,
)
# mimicry: a quote written in phonetic spelling ("'i aint done nuffink innit'") or in mocking alternating case
# ("sHe SaId ShE wAs FiNe")
QUOTE_RE = re.compile(r"[\"“]([^\"“”\n]{3,160})[\"”]|['‘]((?:[^'‘’\n]|(?<=\w)['’](?=\w)){3,160})['’]")
MIMIC_RE = re.compile(
    r"\b(?:nuffink|nuffin|fink|finks|innit|init|ain'?t|aint|wiv|wivout|dunno|woz|wot|coz|cuz|bruv|ting|tings|dem|"
    r"dat|dis|dey|nuff|sumfink|somefink|anyfink|everyfink|gonna|wanna|gotta|av|'av|'ere|'im|'er|yous|youse|"
    r"fings|nuffing|wiv|ova|da|dere|dose|dem|ah'?m|ahm|aw|takin|nae|dinnae|cannae|wisnae|gonnae|tae|yow|bab|ye|"
    r"ah|wor|werk|nowt|owt|summat|yer|me mam)\b",
    re.I,
)
MIXED_CASE_RE = re.compile(r"\b[A-Za-z]*(?:[a-z][A-Z]|[A-Z][a-z][A-Z])[A-Za-z]*\b")


def _alternating(w: str) -> bool:
    """Every letter switches case: "sHe", "SaYs", "dIdNt" (not "McDonald", "iPad", "eBay")."""
    return len(w) >= 3 and all(a.islower() != b.islower() for a, b in itertools.pairwise(w))


# scare quotes around a care word: "another 'vulnerable' adult", "the 'service users' on the unit"
SCARE_QUOTE_RE = re.compile(
    r"['‘\"“](?:vulnerable|service users?|victims?|poorly|ill|disabled|depressed|anxious|struggling|skint|broke|"
    r"good mum|good mam|good dad|good parent|changed man|changed woman|clean|sober|trauma|traumatised|disability|"
    r"carer|caring|mental health|bad back|my nerves|doing (?:her|his|my|their) best|only stays over sometimes)['’\"”]",
    re.I,
)


ALT_HINT_RE = re.compile(r"[a-z][A-Z][a-z]|[A-Z][a-z][A-Z]")
QUOTE_CHARS = ("'", '"', "‘", "“")
# cheap tests before the laughter and eye-roll patterns
LAUGH_CHARS = ("😂", "🤣", "💀", "😆", "😹")
EYEROLL_CHARS = ("🙄", "😒", "🤦", "😤", "🥴", "🙈", "😴", "💅", "🤡")
LAUGH_WORDS = frozenset(
    ["lol", "lmao", "lmaoo", "lmaooo", "lmfao", "rofl", "haha", "hahaha", "hahahaha", "pmsl"]
)
EYEROLL_WORDS = frozenset(["eye", "eyeroll", "rolls"])


def mimicry(text: str) -> list[tuple[int, int]]:
    out = []
    quotes = QUOTE_RE.finditer(text) if any(c in text for c in QUOTE_CHARS) else ()
    for q in quotes:
        body = q.group(1) or q.group(2) or ""
        if len(MIMIC_RE.findall(body)) >= 2:
            out.append(q.span())
    if not ALT_HINT_RE.search(text):
        return out
    alt = [m for m in MIXED_CASE_RE.finditer(text) if _alternating(m.group(0))]
    if len(alt) >= 3:
        out.append((alt[0].start(), alt[-1].end()))
    return out


# a post can hold a strong marker only if it has one of these words (a cheap gate before the big pattern)
MOCK_ANCHORS = _words(
    "make strikes strike usual suspects suspect frequent repeat regular regulars worst nightmare pal mate hun "
    "hen sunshine babe darling bud chief jan buddy lol lmao lmfao haha hahaha learn always same benefits kyle "
    "springer shameless trisha jezza mental strength state else law breed species cotton bless surprise shock "
    "thought drama attention crocodile victim butter audacity cheek chancer chancers brain braincell sandwiches "
    "slices bricks fries sarnies sharpest brightest lights gene darwin fairies plot rocker trolley bend doolally "
    "marbles bonkers barmy nuts mad guess favourite fave biggest sure aye yeah give gimme seeking seeker "
    "seekers queen queens disappoint disappoints dull zoo circus entertainment bingo groundhog joke screenshot "
    "pov laugh straight missed bedsores crusty crusties divvy divvies vultures folk wonder somehow apparently "
    "grandad granny nan boomer sweetie princess nee funny"
)
# ... or one of these phrases (for markers whose words are all common)
MOCK_PHRASES = (
    "of the year",
    "for once",
    "who you are",
    "how some",
    "god love",
    "love, you",
    "love you",
    "some people",
    "these people",
    "number one",
    "another day",
    "more sense",
    "of the day",
    "of the week",
    "full house",
    "some of",
)


def _may_mock(text: str, words: frozenset[str] | set[str]) -> bool:
    if words & MOCK_ANCHORS:
        return True
    low = text.lower()
    return any(ph in low for ph in MOCK_PHRASES)


GROUP_ANCHORS = frozenset(
    [
        "breed",
        "species",
        "law",
        "worst",
        "help",
        "saving",
        "cause",
        "causes",
        "same",
        "how",
        "dog",
        "dug",
        "cat",
        "some",
        "wonder",
        "these",
    ]
)
MEET_ANCHORS = frozenset(["met", "meet", "meeting", "went", "going"])
MOCK_LAUGH_RE = re.compile(LAUGH + r"|\b(?:lol|lmao+|lmfao+|rofl|haha(?:ha)*|pmsl)\b", re.I)
MOCK_EYEROLL_RE = re.compile(EYEROLL + r"|\b(?:eye ?roll|rolls eyes|\*rolls eyes\*)\b", re.I)
REPEAT_RE = re.compile(
    r"\b(?:again|always|every (?:time|single time|week|visit|day)|(?:third|fourth|fifth|sixth|tenth|\d+(?:st|nd|rd|th)) "
    r"\w+ (?:this (?:week|month|year)|today|in a row)|(?:\d+|one|two|three|four|five|six|ten|"
    r"twenty|fifty|hundred)(?:st|nd|rd|th)? times?|the amount of times|how many times|(?:third|fourth|fifth|"
    r"sixth|tenth|3rd|4th|5th|6th|10th) (?:time|call|referral|visit|complaint|one)|yet another|one more|"
    r"for the (?:hundredth|millionth|\d+th) time|once again)\b"
    r"|(?-i:\bAGAIN\b)",
    re.I,
)
# laughter needs a stronger cue than an eye-roll: "lol the lads climbed on the shed roof again" is fond
REPEAT_STRONG_RE = re.compile(
    r"\b(?:the amount of times|how many times|(?:\d+|ten|twenty|fifty|hundred) times|for the (?:hundredth|"
    r"millionth|\d+th) time|yet another)\b|(?-i:\bAGAIN\b)",
    re.I,
)
# people who use services (and their families) as the target of a remark
SU_TARGET_RE = re.compile(
    r"\b(?:parents?|mums?|mams?|moms?|dads?|das|da|families|family|clients?|service users?|these people|"
    r"some people|woman|man|lady|bloke|fella|guys?|adults?|kids|mother|father|her|him|they|them|he|she|he'?s|she'?s|"
    r"hes|shes|travell?ers?|gypsy|gypsies|roma|residents?|"
    r"patients?|year old|y/?o|teen(?:ager)?s?|lad|lads|lass|girl|boy|kid|child|weans?|bairns?|young "
    r"(?:person|people|man|woman)|yps?|gran|granny|nan|grandad|grandma|tenants?|neighbours?|couple|"
    r"(?:the|that|this) (?!(?-i:Miss|Mrs|Ms|Mass|Christmas|Bus|Class|Press|Express|Boss|Business)\b)(?-i:[A-Z])[\w'’-]+s)\b",
    re.I,
)
# "my mum strikes again 😂", "our kids": the author's own family is not a service user
OWN_BEFORE_RE = re.compile(r"\b(?:my|our|me|ma|mah)\s+(?:\w+\s+)?$", re.I)
KIN_WORDS = frozenset(
    [
        "mum",
        "mums",
        "mam",
        "mams",
        "mom",
        "moms",
        "mother",
        "dad",
        "dads",
        "da",
        "das",
        "father",
        "gran",
        "granny",
        "grandma",
        "grandad",
        "grandpa",
        "nan",
        "nana",
        "nanna",
        "family",
        "kids",
        "children",
        "husband",
        "wife",
        "partner",
        "son",
        "daughter",
        "boy",
        "girl",
        "lad",
        "lass",
        "bairns",
        "weans",
        "bairn",
        "wean",
    ]
)


def _own(text: str, t: re.Match[str]) -> bool:
    """'my mum', 'our kids': the author's own family (not 'my LD guy', 'my lady', who are people the author works
    with)."""
    return t.group(0).lower() in KIN_WORDS and bool(
        OWN_BEFORE_RE.search(text, max(0, t.start() - 20), t.start())
    )


# contempt for a whole group needs no casework around it: "some families on my patch are a different breed"
GROUP_CONTEMPT_RE = re.compile(
    r"\b(?:some|these|those|them|half (?:of )?the|most of (?:the|these)) (?:families|parents|people|mums|mams|dads|"
    r"kids|clients|tenants|travellers|immigrants|foreigners|claimants|residents)(?: [\w'’-]+){0,6} (?:are|were) "
    r"(?:a (?:whole )?(?:different|other|separate) breed|another breed|a (?:different )?species|a law unto themselves|"
    r"the worst|beyond help|beyond saving|a lost cause|lost causes|all the same)\b"
    r"|\bhow some (?:folk|people|families) live\b|\b(?:dog|dug|cat) had more sense than (?:the|her|his|their)\b"
    r"|\bsome of (?:these|those) (?:families|parents|people|mums|mams|dads|clients|folk)(?: honestly\b|\.\.\.|…)"
    r"|\bno wonder (?:the|their) (?:kids|children|bairns|weans) turn(?:ed)? out\b|\bthese crust(?:y|ies)\b",
    re.I,
)
# meeting a former client socially: "met up with a lad I used to have on my caseload for a Maccies"
FORMER_CLIENT_MEET_RE = re.compile(
    r"\b(?:met|meeting|meet|meeting up|met up|went out|going out)(?: up)?(?: with)? (?:a|an|one of|the|my) "
    r"(?!(?:old |former |ex-?)?(?:friend|colleague|mate|pal|manager|boss|team|uni|student)s?\b)[^.!?\n]{0,60}?(?:i used to (?:have|work with|support|look after)|(?:from|on|off) my (?:old )?caseload|former "
    r"(?:client|service user|yp|young person)|ex-?client|care leaver|i was (?:his|her|their) (?:worker|sw|social "
    r"worker))[^.!?\n]{0,40}?\bfor (?:a |some )?(?:drink|pint|coffee|brew|lunch|dinner|catch-?up|bevvy|cuppa|maccies|"
    r"mcdonalds|nandos|bite)\b",
    re.I,
)
# work settings that say the post is about people the author works with, without a case word
WORK_SETTING_WORDS_RE = re.compile(
    r"\b(?:on duty|duty (?:desk|line|phone|rota|worker|team|call|officer)|on my (?:list|patch|books|caseload)|"
    r"on (?:my|our) patch|at the (?:unit|home|hostel|centre|project)|in the (?:unit|home|hostel)|cmhts?|waiting room|"
    r"day centre|drop-in|on the ward|contact centre|family centre|in bay \d+)\b",
    re.I,
)
WORK_HASHTAG_RE = re.compile(
    r"#\w*(?:social ?work|socialcare|childprotection|safeguarding|amhp|swtok|adultservices|nqsw|asye|iro|fostering|"
    r"residentialcare|leavingcare|youthjustice|earlyhelp|mentalhealthsw)\w*",
    re.I,
)
# a person dealing with the author about the author's work: "third complaint about me from the same mam"
DEALS_WITH_ME_RE = re.compile(
    r"\b(?:complain\w* (?:about|to) me|complaints? (?:about|against) me|reported me|made a complaint|"
    r"(?:ring|rang|ringing|call|called|calling|text|texted|messag\w*|emailed) (?:me|the office|the duty line|duty))\b",
    re.I,
)
# adults as targets of laughter (not children, not the author's family)
ADULT_TARGET_RE = re.compile(
    r"\b(?:parents?|mums?|mams?|mammy|moms?|dads?|das|da|fella|bloke|guy|man|woman|lady|gran|granny|grandma|"
    r"grandad|grandpa|nan|nana|nanna|client|service user|resident|patient|tenant|family|families|"
    r"gentleman|couple|mother|father|(?-i:Mr|Mrs|Ms) (?-i:[A-Z])\w*)\b(?<!little man)(?<!little lady)",
    re.I,
)
# remarks about the author's own lot (workload, weather, systems) are venting, not mockery
SELF_TARGET_RE = re.compile(
    r"\b(?:my (?:own )?(?:life|week|day|car|printer|laptop|diary|inbox|caseload|brain|hair|coffee)|the (?:printer|"
    r"system|weather|rain|traffic|bus|train|photocopier|it|wifi|computer)|mosaic|liquidlogic|paperwork)\b",
    re.I,
)


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    s = (
        max(
            text.rfind(".", 0, pos),
            text.rfind("!", 0, pos),
            text.rfind("?", 0, pos),
            text.rfind("\n", 0, pos),
        )
        + 1
    )
    ends = [
        i
        for i in (text.find(".", pos), text.find("!", pos), text.find("?", pos), text.find("\n", pos))
        if i >= 0
    ]
    return s, (min(ends) if ends else len(text))


def _window(text: str, pos: int) -> tuple[int, int]:
    """The sentence of pos together with the sentence before it (a remark often follows its target)."""
    s, e = sentence_bounds(text, pos)
    if s > 1:
        s = sentence_bounds(text, s - 2)[0]
    return s, e


def mocking(
    text: str,
    workplace_subj: list[tuple[int, int]],
    words: frozenset[str] | set[str] | None = None,
    generic: bool = False,
    laugh_alone: bool = True,
) -> list[tuple[int, int, str]]:
    """Spans of mocking or contemptuous remarks aimed at people (the caller checks the post is about work).

    ``words``: the post's lower-case words, when the caller has them (skips the big pattern when no anchor word
    is there); ``generic``: the post is learning, news or joke talk (laughter alone does not count there);
    ``laugh_alone``: laughter at an adult counts without a repetition cue (the caller is sure the post is about work).
    """
    out: list[tuple[int, int, str]] = []

    def aimed_at_people(a: int, b: int, strong: bool = False) -> bool:
        s, e = _window(text, a)
        if not strong and any(s <= ws < e for ws, _ in workplace_subj):
            return False  # "manager says just log it 🙄": the eye-roll is at the workplace
        if strong:
            s = _window(text, s - 2)[0] if s > 1 else s  # a remark can close a story two sentences long
        return any(not _own(text, t) for t in SU_TARGET_RE.finditer(text, s, e))

    strong_iter = MOCK_STRONG_RE.finditer(text) if words is None or _may_mock(text, words) else ()
    for m in strong_iter:
        if aimed_at_people(m.start(), m.end(), strong=True):
            out.append((m.start(), m.end(), "mocking a person who uses services"))
    for q in SCARE_QUOTE_RE.finditer(text):
        if aimed_at_people(q.start(), q.end(), strong=True):
            out.append((q.start(), q.end(), "scare quotes around a person's needs or claims"))
    for a, b in mimicry(text):
        if aimed_at_people(a, b, strong=True):
            out.append((a, b, "mimicking how a person who uses services speaks"))
    if out:
        return out
    # laughter or an eye-roll aimed at an adult (a parent, a client, "the fella", "the gran") with no repetition
    # cue: the dev6/dev7 authors file these under derogatory; children are left to the repetition rule ("lol the
    # lads climbed the shed roof again" is fond)
    low = None if words is None else words
    lowered = text.lower()
    has_laugh = (
        any(c in text for c in LAUGH_CHARS)
        or low is None
        or bool(low & LAUGH_WORDS)
        or "lmao" in lowered
        or "haha" in lowered
        or "lmfao" in lowered
    )
    has_roll = any(c in text for c in EYEROLL_CHARS) or low is None or bool(low & EYEROLL_WORDS)
    if not (has_laugh or has_roll):
        return out
    for m in MOCK_LAUGH_RE.finditer(text) if not generic and laugh_alone and has_laugh else ():
        s, e = _window(text, m.start())
        if any(s <= ws < e for ws, _ in workplace_subj):
            continue
        if SELF_TARGET_RE.search(text, s, e) and not ADULT_TARGET_RE.search(text, s, e):
            continue
        if any(not _own(text, t) for t in ADULT_TARGET_RE.finditer(text, s, e)):
            out.append((m.start(), m.end(), "laughing at a person who uses services"))
            return out
    for weak_re, rep_re, has in (
        (MOCK_EYEROLL_RE, REPEAT_RE, has_roll),
        (MOCK_LAUGH_RE, REPEAT_STRONG_RE, has_laugh),
    ):
        for m in weak_re.finditer(text) if has else ():
            s, e = _window(text, m.start())
            if not rep_re.search(text, s, e):
                continue
            if SELF_TARGET_RE.search(text, s, e) and not SU_TARGET_RE.search(text, s, e):
                continue
            if aimed_at_people(m.start(), m.end()):
                out.append((m.start(), m.end(), "laughing at or rolling eyes at a person who uses services"))
                return out
    return out


# ---------------------------------------------------------------- identification by what people do

# More ways of being recognisable without a name (with casework, like engine.DISTINCTIVE_RE): a public job or
# act, a relative's trade, a court case in the paper, clothes or a pet that everyone local would know
DISTINCTIVE_MORE_RE = re.compile(
    r"\b(?:(?:who|that) used to (?:read|present|do|host|sing on) the (?:news|weather|radio|show)"
    r"|(?:famous|known|well known|notorious) (?:round here |locally |on the estate )?for (?:doing|being|his|her|their|the)"
    r"|(?:whose|where the|his|her|their) (?:mum|mam|ma|mother|dad|da|father|uncle|brother|sister|husband|wife|gran|nan|"
    r"grandad|son|daughter) (?:runs|owns|ran|owned) (?:the|a) \w+"
    r"|(?:whose|where the) (?:mum|mam|ma|mother|dad|da|father|husband|wife) (?:is|was|used to be) (?:the|a) (?:local )?"
    r"(?:vicar|priest|minister|imam|rabbi|headteacher|head|mayor|councillor|gp|doctor|landlord|publican|butcher|"
    r"postman|policeman|teacher|footballer|mp|lollipop lady)"
    r"|(?:got|went to|sent to|doing time in|got the) (?:the )?jail for|got lifted for|(?:sent down|locked up) for the"
    r"|all over the (?:local )?(?:paper|papers|news|facebook|telly|radio)"
    r"|in the (?-i:[A-Z])\w+ (?-i:Times|Echo|Gazette|Herald|Post|Mail|Chronicle|Advertiser|Argus|News|Express|Star|"
    r"Journal|Observer|Telegraph|Courier|Press|Record)"
    r"|(?:family|couple|ones?|lads?|man|woman|bloke|fella|guy|people|kids?) (?:who|that) (?:run|runs|own|owns|ran|owned) "
    r"the (?:\w+ ){0,3}(?:van|shop|stall|pub|chippy|cafe|café|garage|salon|bar|takeaway|club|farm)"
    r"|(?<!be )(?<!i'm )(?<!i am )(?<!i’m )the one in the (?:\w+ ){0,3}(?:dress|coat|leggings|jacket|hat|wig|onesie|kit|shirt|tracksuit|trackie)"
    r"|three-legged \w+|(?:lives?|living) with (?:his|her|their) (?:\w+ ){0,2}(?:greyhound|parrot|snakes?|ferrets?|"
    r"horses?|goats?|pythons?)"
    r"|(?:used to|who) play(?:ed|s)? for (?-i:[A-Z])\w+"
    r")\b",
    re.I,
)


# a post can hold one of those descriptions only if it has one of these words (every alternative needs one)
DISTINCTIVE_ANCHORS = _words(
    "used famous known notorious runs owns ran owned run own vicar priest minister imam rabbi headteacher head "
    "mayor councillor gp doctor landlord publican butcher postman policeman teacher footballer mp lollipop jail "
    "lifted sent locked paper papers news facebook telly radio times echo gazette herald post mail chronicle "
    "advertiser argus express star journal observer telegraph courier press record dress coat leggings jacket "
    "hat wig onesie kit shirt tracksuit trackie legged greyhound parrot snake snakes ferret ferrets horse horses "
    "goat goats python pythons play played plays"
)


# ---------------------------------------------------------------- workplace

# a dismissive instruction from above quoted back with a flat reply: "Employer says 'use the lone worker app'.
# Great.", "work says 'ignore it'.", "Trust SW says she'll 'look into it'. Raging."
WORK_SARCASM_RE = re.compile(
    r"\b(?:says?|said|told (?:me|us)|replied|response was|answer was)(?: (?:to|i should|we should|she'?ll|he'?ll|"
    r"they'?ll|it'?s))? ['‘\"“][^'’\"”]{2,60}['’\"”]\s*[.!]?\s*(?:great|brilliant|fab|lovely|cheers|fine|helpful|"
    r"super|raging|fuming|ok then|right then|marvellous|wonderful|genius|thanks)\b"
    r"|\b(?:says?|said|told (?:me|us)) ['‘\"“](?:ignore it|ignore them|log it|just log it|be resilient|self[- ]care|"
    r"look after yourself|use the (?:lone worker )?app|it'?s part of the job|keep it professional)",
    re.I,
)


# a workplace subject reported with a quote in the same sentence: "Manager says 'just ignore it'", "the Trust's new
# 'agile working' policy", "our director ... saying caseloads are 'manageable'" - an internal matter made public
WORK_QUOTE_RE = re.compile(
    r"(?<![\w])(?:['‘](?!s\b)[^'‘’\n]{2,120}?['’]|[\"“][^\"“”\n]{2,120}?[\"”])(?![\w])"
)
PRAISE_RE = re.compile(
    r"\b(?:great|brilliant|proud|thank(?:s| you)|amazing|well done|lovely|best|supportive|kind|legend|congrat\w*|"
    r"you'?re doing|keep it up|fantastic|wonderful|prouder|outstanding|love)\b",
    re.I,
)


SAID_BEFORE_RE = re.compile(
    r"\b(?:says?|said|saying|told|tells|telling|thinks?|calls?|called|answer(?:ed)?|response|reckons?|announced?|"
    r"announcing|insists?|insisted|wrote|emailed|asked|because|new|idea|apparently|policy|is|are|was|were)\b",
    re.I,
)


def quoted_subject(text: str, subj: list[re.Match[str]]) -> list[tuple[int, int]]:
    """Quotes in the sentence of a workplace subject (or the one after it) with no praise near."""
    out = []
    for q in WORK_QUOTE_RE.finditer(text):
        s, e = sentence_bounds(text, q.start())
        s = sentence_bounds(text, s - 2)[0] if s > 1 else s
        near = [m for m in subj if s <= m.start() < e]
        e2 = sentence_bounds(text, e + 1)[1] if e < len(text) else e
        if not near or PRAISE_RE.search(text, s, e2):
            continue
        if not SAID_BEFORE_RE.search(text, max(s, q.start() - 60), q.start()):
            continue  # a quote nobody at work said ("Reading Munro for my PE portfolio. 'Doing the right thing'")
        out.append(q.span())  # the quote is what makes the internal matter public
    return out


# asking whether to do something: "Do I reply from my own account?", "Is it ok to accept...?"
ASKING_RE = re.compile(
    r"\b(?:do i|should i|can i|could i|would i|is it ok(?:ay)?|is it alright|am i allowed|would it be|is it wrong|"
    r"is that ok|how do i|what do i|would you)\b",
    re.I,
)


def asking(text: str, pos: int) -> bool:
    """The sentence around pos is a question about what to do."""
    s, e = sentence_bounds(text, pos)
    return e < len(text) and text[e] == "?" and bool(ASKING_RE.search(text, s, e))


def in_subject(m: re.Match[str], subj: list[re.Match[str]]) -> bool:
    """A criticism phrase inside a workplace-subject phrase ("apparently caring is unprofessional")."""
    return any(s.start() <= m.start() and m.end() <= s.end() for s in subj)


# the long alternations, dispatched on their first characters (the same matches, tried faster)
MOCK_STRONG_RE = _dispatch(MOCK_STRONG_RE, r"\b", r"(?!\w)")
SU_TARGET_RE = _dispatch(SU_TARGET_RE, r"\b", r"\b")
ADULT_TARGET_RE = _dispatch(ADULT_TARGET_RE, r"\b", r"\b(?<!little man)(?<!little lady)")
DISTINCTIVE_MORE_RE = _dispatch(DISTINCTIVE_MORE_RE, r"\b", r"\b")
