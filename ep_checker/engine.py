"""The rules engine of the before-you-post checker.

One call of :func:`check` runs every recogniser over the text (precompiled regular expressions, word
lists loaded once), then decides each finding's severity from the context of the whole post and the
post-level risk from the findings. See docs/checker.md for the rules and the risk logic.

Nothing here writes the text anywhere: no files, no logging.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from . import _data, _fastre
from . import learned as _learned
from . import senses as _senses
from . import tagger as _tagger
from . import tone as _tone
from .calm import calm as _calm
from .errors import CheckerError
from .model import SEVERITY_ORDER, CheckResult, Finding
from .spans import find_more_spans as _find_more_spans

MAX_CHARS = 100_000

IDENTIFIERS = {
    "name",
    "address",
    "postcode",
    "phone",
    "email",
    "date-of-birth",
    "id-number",
    "institution",
    "age",
    "place",
}
HARD = {"phone", "email", "date-of-birth", "id-number", "address", "postcode"}
REDACT_LABEL = {
    "name": "[name]",
    "address": "[address]",
    "postcode": "[postcode]",
    "phone": "[phone]",
    "email": "[email]",
    "date-of-birth": "[date of birth]",
    "id-number": "[number]",
    "institution": "[school/service]",
    "age": "[age]",
    "place": "[area]",
}
# priority inside the identifier layer when spans overlap (higher wins)
PRIORITY = {
    "email": 9,
    "id-number": 8,
    "phone": 8,
    "postcode": 7,
    "date-of-birth": 7,
    "institution": 6,
    "address": 5,
    "age": 4,
    "name": 3,
    "place": 2,
}

WORD = r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]+(?:['’-][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ]+)*"
WORD_RE = re.compile(WORD)
CAP = r"(?:[A-Z][a-zà-ÿ]+(?:['’-][A-Za-zà-ÿ]+)*|[A-Z]{2,}|St\.?)"

POSTCODE_AREAS = [
    "AB",
    "AL",
    "B",
    "BA",
    "BB",
    "BD",
    "BH",
    "BL",
    "BN",
    "BR",
    "BS",
    "BT",
    "CA",
    "CB",
    "CF",
    "CH",
    "CM",
    "CO",
    "CR",
    "CT",
    "CV",
    "CW",
    "DA",
    "DD",
    "DE",
    "DG",
    "DH",
    "DL",
    "DN",
    "DT",
    "DY",
    "E",
    "EC",
    "EH",
    "EN",
    "EX",
    "FK",
    "FY",
    "G",
    "GL",
    "GU",
    "GY",
    "HA",
    "HD",
    "HG",
    "HP",
    "HR",
    "HS",
    "HU",
    "HX",
    "IG",
    "IM",
    "IP",
    "IV",
    "JE",
    "KA",
    "KT",
    "KW",
    "KY",
    "L",
    "LA",
    "LD",
    "LE",
    "LL",
    "LN",
    "LS",
    "LU",
    "M",
    "ME",
    "MK",
    "ML",
    "N",
    "NE",
    "NG",
    "NN",
    "NP",
    "NR",
    "NW",
    "OL",
    "OX",
    "PA",
    "PE",
    "PH",
    "PL",
    "PO",
    "PR",
    "RG",
    "RH",
    "RM",
    "S",
    "SA",
    "SE",
    "SG",
    "SK",
    "SL",
    "SM",
    "SN",
    "SO",
    "SP",
    "SR",
    "SS",
    "ST",
    "SW",
    "SY",
    "TA",
    "TD",
    "TF",
    "TN",
    "TQ",
    "TR",
    "TS",
    "TW",
    "UB",
    "W",
    "WA",
    "WC",
    "WD",
    "WF",
    "WN",
    "WR",
    "WS",
    "WV",
    "YO",
    "ZE",
]
_AREA = "(?:" + "|".join(sorted(POSTCODE_AREAS, key=len, reverse=True)) + ")"

STOP_CAPS = {
    # capitalised words that are not names/places when they follow "in/from/the" etc.
    "the",
    "a",
    "an",
    "my",
    "our",
    "his",
    "her",
    "their",
    "your",
    "this",
    "that",
    "these",
    "those",
    "and",
    "or",
    "but",
    "so",
    "if",
    "when",
    "i",
    "i'm",
    "im",
    "we",
    "he",
    "she",
    "they",
    "it",
    "you",
    "me",
    "us",
    "is",
    "was",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "today",
    "tomorrow",
    "yesterday",
    "tonight",
    "christmas",
    "xmas",
    "easter",
    "england",
    "scotland",
    "wales",
    "ireland",
    "britain",
    "uk",
    "europe",
    "court",
    "care",
    "social",
    "foster",
    "fostering",
    "adoption",
    "birth",
    "family",
    "children",
    "child",
    "kids",
    "school",
    "home",
    "council",
    "team",
    "office",
    "nhs",
    "gp",
    "police",
    "ofsted",
    "dwp",
    "hmrc",
    "cafcass",
    "basw",
    "swe",
    "edt",
    "mash",
    "cin",
    "cp",
    "lac",
    "cla",
    "asye",
    "nqsw",
    "pip",
    "fc",
    "sw",
    "uasc",
    "amhp",
    "cse",
    "dols",
    "mca",
    "hr",
    "la",
    "ld",
    "no",
    "not",
    "all",
    "every",
    "some",
    "any",
    "one",
    "two",
    "three",
    "four",
    "five",
    "new",
    "old",
    "little",
    "big",
    "good",
    "great",
    "happy",
    "lovely",
    "best",
    "first",
    "last",
    "next",
    "same",
    "other",
    "another",
    "just",
    "still",
    "again",
    "also",
    "very",
    "too",
    "what",
    "why",
    "how",
    "who",
    "where",
    "which",
    "thanks",
    "thank",
    "love",
    "lol",
    "omg",
    "please",
    "hi",
    "hiya",
    "hello",
    "dear",
    "mum",
    "dad",
    "nan",
    "gran",
    "baby",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "year",
    "years",
    "week",
    "weeks",
    "day",
    "days",
    "month",
    "months",
    "morning",
    "afternoon",
    "evening",
    "night",
    "weekend",
    "local",
    "national",
    "primary",
    "secondary",
    "high",
    "academy",
    "ward",
    "hospital",
    "unit",
    "road",
    "street",
    "lane",
    "avenue",
    "estate",
    "centre",
    "house",
    "hall",
    "general",
    "professionals",
    "online",
    "safety",
    "helpline",
    "community",
    "live",
    "life",
    "work",
    "job",
    "practice",
    "children's",
    "services",
    "service",
    "adult",
    "adults",
    "mental",
    "health",
    "act",
    "capacity",
    "review",
    "plan",
    "order",
    "hearing",
    "judge",
    "placement",
    "contact",
    "visit",
    "report",
    "research",
    "fostercarer",
    "socialwork",
    "tesco",
    "asda",
    "aldi",
    "lidl",
    "costa",
    "starbucks",
    "greggs",
    "pret",
    "mcdonalds",
    "instagram",
    "insta",
    "facebook",
    "fb",
    "twitter",
    "tiktok",
    "snapchat",
    "snap",
    "whatsapp",
    "linkedin",
    "youtube",
    "google",
    "netflix",
    "zoom",
    "teams",
    "covid",
    "brexit",
    "god",
    "jesus",
    "allah",
    "english",
    "british",
    "welsh",
    "scottish",
    "irish",
    "polish",
    "ive",
    "id",
    "dont",
    "cant",
    "wont",
    "yes",
    "yeah",
    "ok",
    "okay",
    "anyone",
    "someone",
    "everyone",
    "nobody",
    "nothing",
    "something",
    "everything",
}

KINSHIP_BEFORE = {
    "little",
    "baby",
    "mum",
    "dad",
    "mam",
    "mummy",
    "daddy",
    "nan",
    "nana",
    "nanna",
    "gran",
    "granny",
    "grandma",
    "grandad",
    "grandpa",
    "auntie",
    "aunty",
    "uncle",
    "cousin",
    "client",
    "lad",
    "girl",
    "boy",
    "son",
    "daughter",
    "brother",
    "sister",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "hun",
    "hiya",
    "hi",
    "dear",
    "visited",
    "met",
    "told",
    "placed",
    "young",
    "poor",
    "sweet",
    "gorgeous",
    "wee",
    "bless",
    "for",
    "with",
    "named",
    "called",
    "user",
    "toddler",
    "twin",
    "twins",
    "teenager",
    "resident",
    "patient",
    "gentleman",
    "lady",
    "carer",
    "placement",
}
AMB_PREV_IN_CASE = {
    "with",
    "to",
    "for",
    "and",
    "of",
    "about",
    "see",
    "saw",
    "sees",
    "visited",
    "met",
    "told",
    "tell",
    "asked",
    "helped",
    "help",
    "support",
    "supporting",
    "took",
    "take",
    "collected",
    "from",
    "seeing",
    "visiting",
}
AMB_NEXT_IN_CASE = re.compile(
    r"['’]?s?\s+(?:told|said|says|asked|is|was|has|had|got|went|came|cried|loves|wants|keeps|started|moved|"
    r"turned|stood|ran|refused|disclosed|finally|and (?:her|his))\b"
)
DOUBLE_NAME_ENDS = {
    "mae",
    "mai",
    "may",
    "leigh",
    "lee",
    "rose",
    "jay",
    "ann",
    "anne",
    "louise",
    "marie",
    "jane",
    "james",
    "ray",
    "lou",
    "belle",
    "grace",
    "jo",
    "joe",
    "jack",
}
OWN_FAMILY_BEFORE = {
    "my",
    "our",
    "nephew",
    "niece",
    "husband",
    "hubby",
    "wife",
    "partner",
    "bestie",
    "friend",
    "mate",
}
OWN_FAMILY_RE = re.compile(
    r"\b(?:my|our)\s+(?:(?:gorgeous|beautiful|lovely|amazing|little|wonderful|baby|eldest|youngest|big)\s+)*"
    r"(?:nephew|niece|son|daughter|husband|hubby|wife|partner|bestie|best friend|friend|mate|mum|dad|nan|gran|"
    r"mam|mom|mother|father|nana|nanna|grandad|grandma|granny|grandpa|auntie|aunty|uncle|in-laws|"
    r"(?:father|mother|brother|sister)-in-law|step-?dad|step-?mum|"
    r"sister|brother|cousin|grandson|granddaughter|godson|goddaughter|boyfriend|girlfriend|fianc[eé]e?|"
    r"colleague|manager|team|kids|boys|girls|children)\b",
    re.I,
)
SIGNOFF_RE = re.compile(
    r"(?:(?:best wishes|kind regards|regards|thanks|thank you|cheers|love|many thanks|warmly|from)[,!.]?\s*"
    r"|[-–—~]\s*)(" + WORD + r")(?:\s+" + WORD + r")?\s*(?:x+|[\W_]*)\s*$",
    re.I,
)
TITLE_RE = re.compile(
    r"\b(Mr|Mrs|Ms|Miss|Mx|Dr|Nana|Grandad|Uncle|Auntie|Aunty)\.?\s+(?:and\s+(?:Mrs|Mr|Ms)\.?\s+)?("
    + WORD
    + r")",
    re.I,
)
# surnames that are mostly adjectives before a family word in lower case ("the young mam", "the little boy")
ADJECTIVE_SURNAMES = frozenset(
    [
        "young",
        "old",
        "white",
        "black",
        "brown",
        "green",
        "grey",
        "gray",
        "little",
        "long",
        "short",
        "strong",
        "rich",
        "poor",
        "good",
        "sharp",
        "bright",
        "small",
        "wise",
        "sweet",
        "new",
        "best",
        "fair",
        "hardy",
        "kind",
        "lean",
        "moody",
        "noble",
        "proud",
        "quick",
        "wild",
        "large",
        "big",
    ]
)
FAMILY_SURNAME_RE = re.compile(
    r"\b(?:the|for|with|of)\s+("
    + WORD
    + r")\s+(family|families|kids|children|twins|boys|girls|brothers|sisters|"
    r"siblings|household|lot|clan|case|baby|babies|boy|girl|lad|lads|lass|weans?|bairns?|youngsters|mob|crew|"
    r"grandad|grandma|granny|nan|nana|mam|mum|dad)\b",
    re.I,
)
POSSESSIVE_NAME_RE = re.compile(
    r"\b([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?)['’]s\s+(?:\w+\s+)?(?:adoption|placement|contact|review|hearing|mum|dad|nan|"
    r"gran|foster|school|social worker|case|plan|pathway|asylum|care|carers|assessment|sgo|special guardianship|"
    r"family|birth|key ?worker|support worker|pa|section|referral)\b"
)
POSSESSIVE_STRONG_RE = re.compile(
    r"['’]s\s+(?:\w+\s+)?(?:adoption|placement|contact|review|hearing|foster|social worker|case|plan|pathway|"
    r"asylum|sgo|special guardianship|assessment|referral|section|key ?worker|support worker|birth)\b"
)
NAME_AGE_RE = re.compile(
    r"\b([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,}(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?)\s\((?:aged?\s)?\d{1,3}\)"
)
TOLD_NAME_RE = re.compile(
    r"\b([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,}(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?)\s+(?:told|asked|showed|texted|rang|messaged|called) (?:me|us)\b"
    r"|\b([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,}(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?)\s+(?:rings|rang|phones|phoned|calls|called)\s+"
    r"(?:the (?:duty(?: line| desk| team)?|office|team|front desk|switchboard)|duty)\b"
)
# Context cues that make any word a name, whatever its casing and whether or not it is in the lists:
# "a lad called rhodri", "a child named Lacey-Mae", "zakariyya's mum", "her son Jakub", "Aleksander is 6".
PERSON_NOUNS = (
    r"(?:lad|girl|boy|child|kid|baby|toddler|teenager|teen|young person|young man|young woman|woman|man|lady|"
    r"gentleman|resident|client|service user|patient|mum|dad|mother|father|son|daughter|brother|sister|"
    r"partner|boyfriend|girlfriend|grandson|granddaughter|nephew|niece|cousin|uncle|aunt|auntie|twin|"
    r"care leaver|foster child|young carer|one)"
)
CALLED_WORDS = r"(?:called|named|nicknamed|known as|whose name is)"
CALLED_RE = re.compile(r"\b" + PERSON_NOUNS + r"(?:\s*,)?\s+" + CALLED_WORDS + r"\s+(" + WORD + r")", re.I)
KIN_POSSESSIVE_RE = re.compile(
    r"(?<![\w'’])(" + WORD + r")['’]s\s+(?:(?:birth|foster|kinship|step|new|real)\s?-?)?(?:mum|mam|mom|dad|"
    r"mother|father|parents|nan|nana|nanna|gran|granny|grandma|grandad|auntie|aunty|uncle|carers?|"
    r"social worker|key ?worker|support worker|placement|adoption|care plan|school|teacher|sister|brother)\b",
    re.I,
)
KIN_NAME_RE = re.compile(
    r"\b(?:her|his|their|the|a|my client'?s|client'?s|mum'?s|dad'?s)\s+(?:(?:little|baby|eldest|youngest|"
    r"older|younger|new|teenage)\s+)?(?:son|daughter|baby|boy|girl|brother|sister|partner|boyfriend|"
    r"girlfriend|grandson|granddaughter|nephew|niece|twin|cousin|stepdad|stepson|stepdaughter)\s*,?\s+("
    + CAP
    + r")"
)
CAP_IS_AGE_RE = re.compile(
    r"\b(" + CAP + r")\s+((?:is|was|turns|turned|just turned)\s+(?:only\s+|now\s+|just\s+)?\d{1,2})\b"
    r"(?!\s*(?:%|pm|am|:|\.\d|minutes|mins|hours|days|weeks|months|years|miles|times))"
)
# common words that come before "'s" + a family or case word without being a name
ENGLISH_POSSESSORS = frozenset(
    [
        "everybody's",
        "nobody's",
        "people",
        "children",
        "kids",
        "women",
        "men",
        "today",
        "tomorrow",
        "yesterday",
        "week",
        "year",
        "month",
        "mother's",
        "father's",
        "valentine's",
        "world's",
    ]
)
# words that are not names even before "'s mum" or after "called"
NOT_NAME = frozenset(
    [
        "one",
        "everyone",
        "someone",
        "anyone",
        "nobody",
        "somebody",
        "anybody",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "baby",
        "child",
        "kid",
        "boy",
        "girl",
        "lad",
        "son",
        "daughter",
        "brother",
        "sister",
        "cousin",
        "nephew",
        "niece",
        "husband",
        "wife",
        "partner",
        "friend",
        "mate",
        "client",
        "user",
        "person",
        "woman",
        "man",
        "lady",
        "gentleman",
        "family",
        "teacher",
        "worker",
        "carer",
        "neighbour",
        "mum",
        "dad",
        "mam",
        "nan",
        "gran",
        "grandad",
        "granny",
        "grandma",
        "uncle",
        "auntie",
        "aunt",
        "aunty",
        "mother",
        "father",
        "other",
        "eldest",
        "youngest",
        "twin",
        "sibling",
        "resident",
        "patient",
        "god",
        "mothers",
        "fathers",
        "back",
        "in",
        "off",
        "out",
        "up",
        "me",
        "us",
        "him",
        "her",
        "them",
        "it",
        "that",
        "this",
        "the",
        "a",
        "an",
        "my",
        "our",
        "your",
        "his",
        "their",
        "its",
        "after",
        "because",
        "for",
        "by",
        "police",
        "school",
        "council",
        "office",
        "court",
        "social",
        "support",
        "key",
        "young",
        "little",
        "poor",
        "who",
        "whose",
        "what",
        "which",
        "team",
        "manager",
        "boss",
    ]
)
ANIMALS = (
    r"(?:dog|dogs|puppy|pup|cat|cats|kitten|pony|horse|rabbit|bunny|hamster|guinea pig|budgie|parrot|tortoise|"
    r"fish|goldfish|chicken|hen|lamb|goat|donkey|alpaca|ferret|snake|lizard|gecko)"
)
ANIMAL_NAME_RE = re.compile(
    r"\b(" + WORD + r")\s*,?\s+(?:(?:our|my|the|a|his|her|their)\s+)(?:[\w-]+\s+){0,2}" + ANIMALS + r"\b"
    r"|\b" + ANIMALS + r"\s*,?\s+(?:(?:called|named)\s+)?(" + WORD + r")",
    re.I,
)
# the author's car by its pet name: "RIP to my little purple Corsa Vera"
CAR_NAME_RE = re.compile(
    r"\b(?:my|our)\s+(?:[\w-]+\s+){0,3}?(?:car|van|motor|corsa|fiesta|focus|golf|polo|clio|micra|mini|beetle|"
    r"picanto|yaris|jazz|panda|500|astra|juke|qashqai|kuga|camper(?:van)?)\s*,?\s+(?:(?:called|named)\s+)?("
    + WORD
    + r")",
    re.I,
)
# the author's own children without a kinship word: "our eldest (16!!)", "my youngest"
OWN_CHILD_BARE_RE = re.compile(r"\b(?:my|our)\s+(?:eldest|youngest|oldest|middle one|first ?born)\b", re.I)
# a colleague, not someone the author works with: "Ffion from our leaving care team", "my manager Sue"
COLLEAGUE_AFTER_RE = re.compile(
    r"\s+(?:from|in|on|at)\s+(?:our|my)\s+(?:[\w'’-]+\s+){0,3}(?:team|office|service|department|unit staff)\b"
    r"|\s*\((?:[\w'’-]+\s+){0,3}(?:manager|lead|leader|director|co-?ordinator|officer|adviser|advisor|"
    r"recruiter|practitioner|head of [\w ]+)\)",
    re.I,
)
PLACE_WORD_AFTER_RE = re.compile(
    r"\s+(?:Park|Road|Street|Hall|House|Centre|Center|Square|Gardens|Lane|Avenue|Bridge|Station|Stadium|Arena|"
    r"Leisure|Library|Hospital|Surgery|Primary|Academy|School|College|Court|Way)\b"
)
FICTION_BEFORE_RE = re.compile(
    r"\b(?:character|characters|played by|actor|actress|drama|soap|sitcom|novel|film|series)\s+(?:called\s+|named\s+)?$",
    re.I,
)
COLLEAGUE_BEFORE_RE = re.compile(
    r"\b(?:my|our)\s+(?:new\s+|old\s+|lovely\s+|amazing\s+)?(?:colleague|manager|team ?leader|practice educator|pe|"
    r"supervisor|boss|director|senior|principal social worker|psw|mentor|tutor|lecturer|co-?worker|work wife|"
    r"work husband|deputy)\s*,?\s*$",
    re.I,
)
# handles of organisations and public office-holders: an acronym or an organisation word in the handle
ORG_HANDLE_RE = re.compile(
    r"^(?i:cllr|councillor|mp|msp|mla|dr|prof|sir|dame|lord|baroness)(?=[A-Z_]|$)|[A-Z]{3,}|"
    r"(?i:nhs|council|gov|police|official|news|trust|cymru|england|scotland|wales|uk|charity|foundation|"
    r"fostering|adoption|socialwork|services|team|hq|org|ltd|group|network|mp$)",
)
HANDLE_RE = re.compile(r"(?<![\w.@])@[A-Za-z0-9_]{2,30}\b")
EMAIL_RE = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")
ORG_EMAIL_LOCAL = re.compile(
    r"^(?:info|enquiries|enquiry|contact|hello|admin|office|recruitment|fostering|adoption|team|help|support|"
    r"referrals?|duty|mash|frontdoor|press|media|jobs|careers|training|events|membership|customerservices)$",
    re.I,
)
PHONE_RE = re.compile(
    r"(?<![\d+])(?:"
    r"(?:\+44\s?\(?0?\)?\s?|0)7\d{3}[\s-]?\d{3}[\s-]?\d{3}"  # mobile
    r"|(?:\+44\s?\(?0?\)?\s?|0)(?:1\d{2,4}|2\d|3\d{2}|8\d{2}|9\d{2})[\s-]?\d{3,4}[\s-]?\d{3,4}"  # fixed, 03, 08
    r"|\(0\d{3,4}\)\s?\d{3,4}\s?\d{3,4}"
    r"|116\s?\d{3}"
    r")(?!\d)"
)
PERSONAL_PHONE_RE = re.compile(
    r"\b(?:mobile|mob|personal|his|her|dad'?s|mum'?s|nan'?s|grandad'?s|gran'?s|their|number is|text me|ring me|"
    r"call me|me on|my number)\b",
    re.I,
)
BUSINESS_ADDRESS_RE = re.compile(
    r"\b(?:business|industrial|trading|retail|enterprise|science|technology|office) (?:park|estate|centre|center)\b|"
    r"\bunit \d+\b|\bsuite \d+\b",
    re.I,
)
ORG_POST_RE = re.compile(
    r"\b(?:we'?re (?:hiring|recruiting)|hiring|recruiting|vacanc(?:y|ies)|informal chat|apply|helpline|"
    r"find out more|get in touch|information evening|bookings?|enquir(?:y|ies)|launching|see (?:our )?website|"
    r"our (?:new )?(?:number|office|service|address|team) (?:is|stays|will be|has moved|is moving)|"
    r"(?:we|our (?:service|office|team)) (?:are|is|'re) moving|"
    r"my (?:own |new |independent )?(?:practice|business|company|consultancy))\b",
    re.I,
)
NHS_RE = re.compile(r"(?<![\d])(\d{3})[\s-]?(\d{3})[\s-]?(\d{4})(?![\d])")
NHS_CONTEXT_RE = re.compile(r"\bnhs\b|\bhealth (?:service )?number\b|\bchi\b", re.I)
NINO_RE = re.compile(
    r"\b(?!BG|GB|NK|KN|NT|TN|ZZ|bg|gb|nk|kn|nt|tn|zz)[A-CEGHJ-PR-TW-Za-ceghj-pr-tw-z][A-CEGHJ-NPR-TW-Za-ceghj-npr-tw-z]"
    r"\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-Da-d]\b"
)
COURT_REF_RE = re.compile(r"\b[A-Z]{2}\d{2}[A-Z]\d{4,6}\b")
CASE_REF_RE = re.compile(
    r"\b(?:case|client|child|person|mosaic|lcs|liquidlogic|eclipse|carefirst|ref(?:erence)?|id|court|claim|"
    r"file|local authority)\s*(?:no\.?|number|num|ref(?:erence)?|id|#)?\s*[:#]?\s*"
    r"((?=[A-Z0-9/-]*\d)[A-Z0-9][A-Z0-9/-]{4,15})\b",
    re.I,
)
POSTCODE_AREA_SET = frozenset(POSTCODE_AREAS)
POSTCODE_FULL_RE = re.compile(r"\b([A-Za-z]{1,2}\d[A-Za-z\d]?\s?\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})\b")
POSTCODE_PART_RE = re.compile(r"\b([A-Z]{1,2}\d{1,2}[A-Z]?)\b(?!\s?\d[A-Z]{2})")


def _area_ok(code: str) -> bool:
    m = re.match(r"[A-Za-z]+", code)
    return m is not None and m.group(0).upper() in POSTCODE_AREA_SET


POSTCODE_PART_CONTEXT = re.compile(r"(?:\b(?:in|from|around|near|postcode|post code|area|off|of)\s+)$", re.I)
DATE_RE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(?:19|20)\d{2}"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2})"
)
ORD_WORDS = (
    r"(?:(?:twenty|thirty)[- ])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|"
    r"twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth"
)
YEAR_WORDS = (
    r"(?:nineteen|twenty)[- ](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ]\w+)?|"
    r"oh[- ]\w+|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|"
    r"two thousand(?: and)?(?: \w+)?"
)
MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
DATE_WORDS_RE = (
    r"(?:the\s+)?(?:"
    + ORD_WORDS
    + r"|\d{1,2}(?:st|nd|rd|th))\s+(?:of\s+)?"
    + MONTHS
    + r"(?:,?\s+(?:(?:19|20)\d{2}|"
    + YEAR_WORDS
    + r"))?"
)
DOB_RE = re.compile(
    r"\b(?:d\.?o\.?b\.?|date of birth|born(?: on)?|birthday(?: is)?|b\.)\s*[:\-]?\s*(?:is\s+)?(?:the\s+)?("
    + DATE_RE
    + r"|"
    + DATE_WORDS_RE
    + r")",
    re.I,
)
NUMWORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)"
)
AGE_PATTERNS = [
    # 14yo, 14 y/o, 9 year old, 9-year-old, 15 yr old, nine year old, 6 months old
    re.compile(
        r"\b(?:\d{1,3}|" + NUMWORD + r")\s?-?\s?(?:yo|y/o|y\.o\.|yrs?\s?-?old|years?\s?-?old|yr\s?-?old|"
        r"-year-old|week(?:s)?\s?-?old|month(?:s)?\s?-?old|day(?:s)?\s?-?old)\b(?!\s*s\b)(?!s)",
        re.I,
    ),
    # aged 7, age 7
    re.compile(
        r"\baged?\s+(?:just\s+|only\s+)?(?:\d{1,3}|"
        + NUMWORD
        + r")\b(?!\s*(?:-|–|to|and|or|&|\+)\s*\d)(?!\s*(?:-|–)\d)"
        r"(?!\s*(?:\+|plus|(?:and|or|&)\s+(?:over|under|above|below|older|younger|up)))",
        re.I,
    ),
    # mum is 19, she's 15, who is 12, turns 18
    re.compile(
        r"\b(?:mum|dad|mam|mother|father|nan|gran|he|she|sister|brother|son|daughter|baby|child|lad|girl|boy|"
        r"who|twins|they|kid|partner|boyfriend|girlfriend)\s*(?:is|was|'s|’s|are|were|turns|turned|just turned)\s+"
        r"(?:only\s+|just\s+|now\s+)?(?:\d{1,2}|"
        + NUMWORD
        + r")\b(?!\s*(?:%|pm|am|:|\.\d|weeks pregnant|minutes|mins|hours))",
        re.I,
    ),
    # 90th birthday, happy 18th
    re.compile(r"\b(?:happy\s+)?\d{1,3}(?:st|nd|rd|th)\b(?=\s*(?:birthday|bday|b-day|to|🎂|!)|\s*$)", re.I),
]
NAME_IS_AGE_RE = re.compile(
    r"\b("
    + WORD
    + r")\s+((?:is|was|turns|turned|just turned)\s+(?:only\s+)?\d{1,2})\b(?!\s*(?:%|pm|am|:|\.\d|minutes|mins|hours))"
)
PAREN_AGE_RE = re.compile(
    r"\((?:(?:nearly|almost|just|only|aged?|now)\s+)?(\d{1,3})(?:\s*(?:,|and|&|/)\s*\d{1,2})*\s*(?:\)|,|yo\)|yrs?\)|(?:months?|mths?|weeks?|wks?)(?: old)?\))"
)
NOW_AGE_RE = re.compile(
    r"\b(?:is|'s|’s|was) (now \d{1,2})\b(?!\s*(?:%|pm|am|:|\.\d|minutes|mins|hours|days|weeks|months|years|"
    r"miles|times|people|children|kids|staff|cases))",
    re.I,
)
BIRTHDAY_DATE_RE = re.compile(
    r"\b(turn(?:s|ed)\s+(?:\d{1,2}|" + "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
    + r")\s+(?:on|last|this)\s+(?:the\s+)?"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|turn(?:s|ed)\s+\d{1,2}\s+on\s+the\s+\d{1,2}(?:st|nd|rd|th))\b",
    re.I,
)
# a child or adult described in the sentence: an age near it is that person's age
PERSON_NOUN_RE = re.compile(
    r"\b(?:boy|girl|lad|lass|laddie|lassie|baby|child|kid|kids|twins|son|daughter|youngest|eldest|oldest|ours|"
    r"little one|wee one|little man|little fella|toddler|teen|teenager|young person|young man|young woman|he|she|"
    r"hes|shes|him|her|mum|dad|mam|man|woman|lady|gent|gentleman|bairn|wean|leaver|carer|nan|gran|brother|"
    r"sister|fella|bloke|grandson|granddaughter|pupil)\b",
    re.I,
)
NUM_OR_WORD = r"(?:\d{1,3}|" + NUMWORD + r")"
AGE_UNITS_AFTER = (
    r"(?!\s*(?:%|pm|am|:|\.\d|weeks pregnant|minutes|mins|hours|hrs|miles|times|points|degrees|pages|pounds|"
    r"quid|out of|of (?:the|them|us)|cases|visits|calls|days in a row))"
)
# "hes only 12", "she's six now", "theyre 8"
PRONOUN_AGE_RE = re.compile(
    r"\b(?:hes|shes|theyre|they're|they’re|he's|she's|he’s|she’s|he is|she is|they are)\s+"
    r"(?:only\s+|just\s+|now\s+|nearly\s+|almost\s+|about\s+)?" + NUM_OR_WORD + r"\b" + AGE_UNITS_AFTER,
    re.I,
)
# "<someone> is 7 and ...", "the twins on beech drive are 8 now", "ours is 10": needs a person in the sentence
GENERIC_IS_AGE_RE = re.compile(
    r"\b([\w'’]+)\s+(?:is|are|was|were)\s+((?:now|only|just|nearly|almost|about)\s+)?(" + NUM_OR_WORD + r")\b"
    r"(?=\s*(?:now\b|today\b|already\b|going on\b|next\b|this\b|and\b|but\b|so\b|with\b|,|\.|!|;|$|"
    r"[\U0001F300-\U0001FAFF]))",
    re.I,
)
GENERIC_SUBJECT_STOP = frozenset(
    [
        "caseload",
        "score",
        "total",
        "number",
        "count",
        "ratio",
        "rate",
        "time",
        "it",
        "that",
        "this",
        "there",
        "what",
        "which",
        "answer",
        "temperature",
        "sum",
        "team",
        "list",
        "queue",
        "wait",
        "price",
        "cost",
        "fee",
        "result",
        "figure",
        "average",
        "mark",
        "grade",
        "level",
        "rating",
        "size",
        "day",
        "week",
        "year",
        "month",
        "page",
        "room",
        "ward",
        "bed",
        "flat",
        "house",
        "bus",
        "train",
        "platform",
        "question",
        "step",
        "chapter",
        "stage",
        "phase",
        "tier",
        "band",
        "hour",
        "minute",
        "target",
        "budget",
        "limit",
        "deadline",
        "amount",
        "percentage",
        "share",
        "tally",
        "balance",
        "age",
        "max",
        "min",
        "maximum",
        "minimum",
        "one",
        "two",
        "three",
        "half",
        "total",
    ]
)
# "turned 10 last week", "turns 18 in may"
TURNED_AGE_RE = re.compile(r"\b(turn(?:s|ed)\s+" + NUM_OR_WORD + r")\b" + AGE_UNITS_AFTER, re.I)
# "turned 9 yesterday", "turned five today": the day of the birthday
TURNED_DAY_RE = re.compile(r"\b(turn(?:s|ed)\s+" + NUM_OR_WORD + r"\s+(?:today|yesterday|tomorrow))\b", re.I)
# "from rowan court, 14, missing", "my care leaver, 19, just got", ", about 10,"
APPOSITIVE_AGE_RE = re.compile(
    r"(?<=[A-Za-z])\s*,\s*((?:about|aged|nearly|almost|only|just)\s+)?(" + NUM_OR_WORD + r")"
    r"(?=\s*(?:,(?!\s*\d)|\.|!|\s+(?:and|now|next|who|with|came|has|had|is|was|just|missing|lives|living)\b))",
    re.I,
)
# "teen mum ... just 16,", "baby 3 weeks", "92 next month", "(ages 4, 7 and 9)", "year 9"
JUST_AGE_RE = re.compile(
    r"\b(?:just|only|barely)\s+(" + NUM_OR_WORD + r")\b(?=\s*(?:,|\.|!|$|and\b|years?\b|yrs?\b))", re.I
)
BABY_AGE_RE = re.compile(
    r"\b(?:baby|newborn|little one|wee one|twins)\s+(?:is\s+|was\s+|now\s+)?(\d{1,2}\s+(?:weeks?|months?|days?|"
    r"wks?|mths?))\b",
    re.I,
)
NEXT_AGE_RE = re.compile(
    r"\b("
    + NUM_OR_WORD
    + r"\s+(?:next\s+(?:month|week|year|birthday)|in\s+(?:january|february|march|april|june|july|august|"
    r"september|october|november|december)))\b(?!\s+\d)",
    re.I,
)
AGES_LIST_RE = re.compile(r"\bages\s+\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2})+\b", re.I)
SCHOOL_YEAR_RE = re.compile(
    r"\b((?:year|yr)\s+(?:[1-9]|1[0-3]))\b(?!\s*(?:of|students?|sw|social|uni|university|placement|degree|"
    r"apprentices?|nqsws?|asye|plan|review|report|group|groups|\d|-|–|to|and))",
    re.I,
)
OWN_SUBJECT_BEFORE = re.compile(r"(?:\bi|\bi've|\bi have|\bwe)\s+(?:just\s+|only\s+)?$", re.I)
AGE_GROUP_BEFORE = re.compile(
    r"(?:children|young people|people|kids|those|pupils|students|teenagers|adults|girls|boys|women|men|"
    r"carers|anyone|everyone|of|between|under|over|all)\s+(?:in care\s+)?$",
    re.I,
)
WORK_PERSON_AFTER_AGE_RE = re.compile(
    r"\s+(?:care leaver|client|service user|young person|yp|resident|patient|case|caseload|looked after|lac|cla|"
    r"uasc|foster (?:child|son|daughter|placement)|on my caseload|i work with|i support)\b",
    re.I,
)
OWN_AGE_BEFORE = re.compile(r"(?:\bi'?m|\bi am|\bmy|\bturning|\bwe're|\bour)\s+(?:\w+\s+)?$", re.I)

SCHOOL_WORDS = (
    r"(?:Primary(?:\s+School)?|Junior(?:\s+School)?|Juniors|Infants?(?:\s+School)?|Academy|High School|High|"
    r"Grammar(?:\s+School)?|College|Secondary(?:\s+School)?|Free School|School|Nursery|Pre-?school|"
    r"Sixth Form|PRU|Pupil Referral Unit)"
)
INST_SUFFIX = (
    r"(?:" + SCHOOL_WORDS + r"|Children'?s Home|Childrens Home|Care Home|Nursing Home|Residential Home|"
    r"Family Court|Magistrates'?\s?Court|Crown Court|County Court|Youth Court|Civil Justice Centre|"
    r"Combined Court|Family Hearing Centre|Justice Centre|Hospital|Infirmary|Hospice|Medical Centre|"
    r"Health Centre|Surgery|Medical Practice|Family Centre|Children'?s Centre|Contact Centre|Day Centre|"
    r"Youth Centre|Refuge|Hostel|Foyer|Secure Unit|Unit|Respite Centre|Resource Centre)"
)
INST_QUALIFIERS = (
    r"(?:(?:C of E|CofE|CE|RC|Catholic|Church of England|Methodist|Community|Junior|Infant|Primary)\s+)*"
)
INSTITUTION_RE = re.compile(
    r"\b((?:(?:St\.?|Saint)\s+)?(?:"
    + CAP
    + r"\s+){0,3}?"
    + CAP
    + r"\s+"
    + INST_QUALIFIERS
    + r"(?i:"
    + INST_SUFFIX
    + r"))\b"
)
INSTITUTION_LOWER_RE = re.compile(
    r"\b((?:st\.?\s+)?[a-z][a-z'’]+(?:\s+[a-z][a-z'’]+)?)\s+(primary|academy|infants|juniors|nursery|"
    r"children'?s home|care home|family court|magistrates court|crown court|(?:high|grammar|girls'?|boys'?|"
    r"secondary|junior|infant|primary) school|family centre|contact centre|children'?s centre|day centre|"
    r"nursing home|residential home|medical centre|health centre|surgery)\b"
)
LOWER_INST_STOP = {
    "the",
    "a",
    "an",
    "at",
    "in",
    "to",
    "from",
    "my",
    "our",
    "his",
    "her",
    "their",
    "local",
    "new",
    "catholic",
    "his new",
    "her new",
    "of",
    "for",
    "with",
    "and",
    "at the",
    "the local",
    "a local",
    "to the",
    "in the",
    "going",
    "started",
    "starts",
    "start",
    "year",
    "at a",
    "secondary",
    "into",
    "on",
    "any",
    "other",
    "same",
    "residential",
    "private",
    "council",
    "nhs",
    "big",
    "small",
    "village",
    "free",
    "special",
    "good",
    "great",
    "outstanding",
    "every",
    "each",
    "this",
    "that",
    "one",
    "two",
    "childs",
    "kids",
    "child's",
    "a new",
    "family",
    "your",
    "own",
    "youth",
    "a secure",
    "secure",
    "the family",
    "is",
    "was",
    "be",
    "go",
    "goes",
}
WELSH_SCHOOL_TYPES = frozenset(["feithrin", "gynradd", "uwchradd", "arbennig", "sul", "haf", "gymraeg"])
INSTITUTION_PREFIX_RE = re.compile(
    r"\b((?i:ysgol|ysbyty|canolfan|cartref|coleg|llys ynadon|llys|gaelscoil|bunscoil|scoil|col[aá]iste|"
    r"hmp(?:\s*(?:&|and)\s*yoi)?|hmyoi|hmp/yoi)\s+(?:(?i:y|yr|gymraeg|gynradd|uwchradd|na|an)\s+)?"
    r"(?:" + CAP + r"|[a-z]{3,})(?:\s+(?:" + CAP + r"|(?:y|yr|[a-z]{3,})(?=\s|$|[,.!?])))?)"
)
# A school named without its suffix word, recognised from the verb before it: "goes to allerton grange",
# "excluded from Park View". The name must not be a common destination ("goes to the gym", "to bed").
SCHOOL_VERB_RE = re.compile(
    r"\b(?:goes to|go to|attends|attending|pupil at|pupils at|excluded from|expelled from|exclusion from|"
    r"started at|starts at|starting at|moved schools? to|in year \d{1,2} at|year \d{1,2} at)\s+"
    r"((?:st\.?\s+)?[A-Za-z][a-z'’]+\s+[A-Za-z][a-z'’]+)\b",
    re.I,
)
NOT_SCHOOL_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "my",
        "our",
        "his",
        "her",
        "their",
        "this",
        "that",
        "school",
        "college",
        "uni",
        "university",
        "nursery",
        "work",
        "church",
        "mosque",
        "bed",
        "sleep",
        "hospital",
        "court",
        "gym",
        "town",
        "footy",
        "football",
        "cubs",
        "scouts",
        "brownies",
        "swimming",
        "dance",
        "the",
        "shops",
        "see",
        "visit",
        "stay",
        "live",
        "be",
        "get",
        "have",
        "play",
        "watch",
        "meet",
        "pick",
        "collect",
        "contact",
        "every",
        "each",
        "some",
        "any",
        "all",
        "and",
        "or",
        "with",
        "for",
        "in",
        "on",
        "at",
        "to",
        "from",
        "by",
        "of",
        "last",
        "next",
        "first",
        "same",
        "new",
        "old",
        "local",
        "big",
        "little",
        "after",
        "before",
        "home",
        "mum",
        "dad",
        "nan",
        "gran",
        "breakfast",
        "club",
        "morning",
        "afternoon",
        "evening",
        "night",
        "today",
        "tomorrow",
        "tonight",
    ]
)
INSTITUTION_PREFIX_END = frozenset(
    [
        "for",
        "on",
        "in",
        "at",
        "is",
        "was",
        "the",
        "and",
        "to",
        "with",
        "parents",
        "today",
        "tomorrow",
        "tonight",
        "this",
        "that",
        "after",
        "before",
        "said",
        "says",
        "have",
        "has",
        "had",
        "won",
    ]
)
LOWER_HOME_RE = re.compile(
    r"\b(?:the|at|to|from|in|into)\s+([a-z][a-z'’-]{3,})\s+(?:unit|house|lodge|manor|ward|centre|home|court)\b"
)
VENUE_AFTER_RE = re.compile(
    r"\s+(?:hall|sports hall|main hall|car park|playing fields?|canteen|gym|theatre|auditorium|lecture theatre)\b",
    re.I,
)
COURT_TYPES = frozenset(
    [
        "sheriff",
        "crown",
        "county",
        "family",
        "magistrates",
        "magistrates'",
        "youth",
        "high",
        "supreme",
        "district",
        "coroner's",
        "coroners",
        "appeal",
        "civil",
        "criminal",
        "juvenile",
        "tribunal",
    ]
)
HOUSE_LIKE_RE = re.compile(
    r"\b(" + CAP + r"(?:\s+" + CAP + r"){0,2}\s+(?:House|Lodge|Court|Manor|Grange|View|Gardens|Mews|Hall|"
    r"Wing|(?-i:house|lodge|manor|grange)))\b"
)
WARD_RE = re.compile(
    r"\b((?:ward|bay)\s+(?:\d{1,3}[A-Za-z]?|(?-i:[A-Z][a-z]+|[A-Z](?![\w'’])))|(?:bed|bedspace|cubicle)\s+\d{1,3}|"
    r"(?:room|rm|side\s+room)\s+\d{1,3}|courtroom\s+\d{1,2}|court\s+\d{1,2})\b",
    re.I,
)
STREET_SUFFIX = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Cres|Court|Ct|Place|Pl|Grove|Gardens|"
    r"Gdns|Terrace|Walk|Rise|Mews|Square|Sq|Hill|Parade|Row|Green|Vale|Croft|Fold|Gate|Mount|Wynd|Brow|Chase|Brae)"
)
ADDRESS_NUM_RE = re.compile(
    r"\b((?:(?:Flat|Apartment|Apt|Unit)\s+\d+[A-Za-z]?,?\s+)?\d{1,4}[A-Za-z]?,?\s+(?:"
    + WORD
    + r"\s+){0,2}?"
    + WORD
    + r"\s+"
    + STREET_SUFFIX
    + r")\b",
    re.I,
)
STREET_CAP_RE = re.compile(
    r"\b((?:" + CAP + r"\s+){0,2}" + CAP + r"\s+" + STREET_SUFFIX + r")\b(?!\s+(?:Primary|Academy|School))"
)
STREET_LOWER_RE = re.compile(
    r"\b(?:on|off|in|near|at|down|up|along|from|of|by|to|round|opposite|past|top o'|end o')\s+"
    r"((?:[a-z]+\s+){0,2}?[a-z]{3,}\s+(road|rd|street|st|avenue|ave|lane|close|drive|crescent|cres|grove|terrace|"
    r"gardens|court|view|rise|walk|place|way|brae|wynd|mews))\b(?!['’]s\b)(?!\.\w)"
    r"(?!\s+(?:primary|academy|school|high|station|tube|stadium|studios|album|hotel|church|surgery|station))",
    re.I,
)
# words that make "<word> <suffix>" an ordinary phrase rather than a street ("on the way", "in family court")
STREET_WORD_STOP = frozenset(
    [
        "every",
        "some",
        "any",
        "each",
        "what",
        "which",
        "another",
        "other",
        "same",
        "own",
        "no",
        "very",
        "too",
        "make",
        "give",
        "lead",
        "pave",
        "find",
        "clear",
        "show",
        "half",
        "either",
        "whatever",
        "right",
        "wrong",
        "better",
        "best",
        "good",
        "bad",
        "hard",
        "easy",
        "only",
        "one",
        "first",
        "second",
        "third",
        "last",
        "next",
        "safe",
        "happy",
        "meeting",
        "work",
        "working",
        "hiding",
        "resting",
        "birth",
        "dark",
        "quiet",
        "special",
        "nice",
        "lovely",
        "great",
        "warm",
        "busy",
        "full",
        "plain",
        "public",
        "sea",
        "eye",
        "wider",
        "different",
        "short",
        "sponsored",
        "charity",
        "quick",
        "brisk",
        "little",
        "dog",
        "morning",
        "evening",
        "night",
        "bit",
        "nature",
        "country",
        "coastal",
        "beach",
        "mile",
        "hour",
        "minute",
        "sharp",
        "steep",
        "huge",
        "massive",
        "gradual",
        "steady",
        "small",
        "significant",
        "slight",
        "worrying",
        "up",
        "so",
        "really",
        "quite",
        "come",
        "came",
        "draw",
        "drew",
        "getting",
        "test",
        "disk",
        "flash",
        "sex",
        "recruitment",
        "fundraising",
        "donation",
        "school",
        "scenic",
        "food",
        "toy",
        "book",
        "memory",
        "bus",
        "cycle",
        "fast",
        "slow",
        "middle",
        "outside",
        "inside",
        "overtaking",
        "bike",
        "swim",
        "swimming",
        "ring",
        "main",
        "open",
        "slip",
        "dirt",
        "back",
        "toll",
        "rocky",
        "bumpy",
        "rough",
        "home",
        "civvy",
        "botanic",
        "botanical",
        "kew",
        "community",
        "allotment",
        "roof",
        "sun",
        "family",
        "crown",
        "county",
        "youth",
        "magistrates",
        "high",
        "supreme",
        "appeal",
        "appeals",
        "district",
        "coroners",
        "tennis",
        "netball",
        "basketball",
        "squash",
        "royal",
        "federal",
        "civil",
        "criminal",
        "juvenile",
        "possible",
        "positive",
        "negative",
        "meaningful",
        "proper",
        "healthy",
        "similar",
        "two",
        "three",
        "under",
        "big",
        "milky",
        "fair",
        "this",
        "that",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "its",
        "whole",
        "real",
        "new",
        "all",
        "how",
        "time",
        "world",
        "life",
        "care",
        "service",
        "services",
        "front",
        "into",
        "onto",
    ]
)
WELSH_STREET_NAME_RE = re.compile(
    r"\b((?:Heol|Ffordd|Stryd|Rhodfa|Cilgant|Lôn)\s+(?:(?:y|yr|'r)\s+)?[A-Za-zÀ-ÿŵŷ]{3,})", re.I
)
WELSH_STREET_RE = re.compile(
    r"\b(\d{1,4}[A-Za-z]?,?\s+(?:Heol|Ffordd|Lôn|Lon|Stryd|Rhodfa|Cilgant|Maes|Clos|Stad|Ystad)\s+(?:(?:y|yr|'r)\s+)?"
    + WORD
    + r")",
    re.I,
)
RESIDENCE_BEFORE = re.compile(
    r"\b(?:lives?|living|lived|stays?|staying|moved|moving|house|flat|home|address|woman|man|lady|family|"
    r"mum|dad|lad|girl|boy|kids|couple|bloke|fella|gentleman)\s+(?:is\s+)?(?:on|in|at|off|to)"
    r"\s+(?:the\s+)?$",
    re.I,
)
# a household placed by a landmark: "the family above the chip shop on Tudor Road"
LANDMARK_HOME_BEFORE = re.compile(
    r"\b(?:family|families|woman|man|lady|mum|dad|mam|couple|bloke|lad|girl|boy|kids|ones?|flats?|house)\s+"
    r"(?:\w+\s+)?(?:above|below|behind|next to|opposite|over|in) the [\w'’ ]{2,20} (?:on|in|off)\s+$",
    re.I,
)
LIVES_AT_BEFORE = re.compile(r"\b(?:lives?|living|lived|moved|stays?|staying)\s+(?:at|on|in|to)\s+$", re.I)
FLAT_RE = re.compile(r"\b((?:flat|apartment|block)\s+\d+[A-Za-z]?)\b", re.I)
ESTATE_RE = re.compile(
    r"\b(?:the\s+)?((?:" + WORD + r"\s+){0,2}?" + WORD + r"\s+(?:estate|flats))\b(?!\s+agents?)", re.I
)
ESTATE_STOP = {
    "housing",
    "council",
    "an",
    "a",
    "the",
    "real",
    "our",
    "my",
    "industrial",
    "country",
    "same",
    "whole",
    "this",
    "that",
    "local",
    "rough",
    "big",
    "new",
    "trading",
    "business",
    "retail",
    "his",
    "her",
    "their",
    "property",
    "private",
    "social",
    "every",
    "one",
    "on",
    "student",
    "luxury",
    "modern",
    "rented",
    "empty",
    "those",
    "these",
    "some",
    "two",
    "three",
    "of",
    "tower",
    "posh",
    "nice",
}
LOWER_PLACE_RE = re.compile(
    r"\b(?:in|from|near|around|moved to|move to|moving to|lives in|living in|based in|over in|up in|down in)\s+"
    r"([a-z]{4,}(?:-[a-z]+)*)\b"
)
WELSH_PLACE_START_RE = re.compile(
    r"(?:llan|aber|pont|cwm|tre|bryn|caer|pen|blaen|ystrad|glyn|nant|rhos)[a-z]{3,}"
)
PLACE_TRIGGER_RE = re.compile(
    r"\b(?:in|from|fae|frae|near|around|off|of|on|lives in|living in|moved to|based in|round)\s+((?:"
    + CAP
    + r")(?:\s+"
    + CAP
    + r")?)"
)
CAR_WORDS_RE = re.compile(
    r"\b(?:car|cars|van|reg|plate|motor|corsa|fiesta|focus|golf|polo|clio|qashqai|audi|bmw|merc|mercedes|mini|"
    r"juke|yaris|astra|micra|kia|tesla|civic|punto|fabia|octavia|mondeo|zafira|insignia|kuga|transit|berlingo|"
    r"caddy|sportage|tucson|leaf|prius|auris|picanto|i10|i20|i30|208|308|2008|c1|aygo|jazz|swift|range rover|"
    r"land rover|volvo|skoda|seat|vauxhall|ford|toyota|nissan|honda|peugeot|citroen|renault|hyundai|fiat)\b",
    re.I,
)
PLATE_RE = re.compile(
    r"\b([A-Z]{2}\d{2}\s?[A-Z]{3})\b|\b(?:reg(?:istration)?|plate)\s+(?:ending|number|no\.?)?\s*([A-Z0-9]{2,4}(?:\s?[A-Z0-9]{3})?)\b"
)
# the author works where children live: "our girls" are the residents, not the author's daughters
WORK_SETTING_RE = re.compile(
    r"\b(?:i|we) work (?:\w+ )?(?:in|at) (?:a|the|our) (?:children'?s home|residential|unit|secure unit|care home)|"
    r"\bresidential (?:worker|support worker|staff|shift|home|unit)|\bnight shift at the (?:home|unit)",
    re.I,
)
WORK_PEOPLE_AFTER = re.compile(
    r"\s*(?:,\s*)?(?:on (?:the|my|our) (?:caseload|books|list)|at (?:the|our|my) (?:home|unit|project|centre|service)|"
    r"(?:i|we) (?:work|support|look after)|in (?:the|our) (?:home|unit|care)|"
    r"at (?:the )?(?:[A-Z][\w'’-]+\s+){1,3}(?:unit|home|house|lodge|project|centre|school))",
    re.I,
)
RESIDENTIAL_RE = re.compile(r"\bresi(?:dential)?\b|\byoung (?:person|people)\b|\bshift\b|\bstaff\b", re.I)
SENT_SPLIT_RE = re.compile(r"(?<=[.!?\n])\s+|\s+(?=[\U0001F300-\U0001FAFF])|\s[-–—]\s")
TIME_CUE_RE = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|this morning|this afternoon|last night|at midnight|midnight|"
    r"\d{1,2}(?::\d{2})?\s?(?:am|pm)|on (?:a )?(?:mon|tues|wednes|thurs|fri|satur|sun)day|long day|this week|"
    r"last week|all day|all morning|all afternoon|got the)\b",
    re.I,
)


def _phrases(key: str) -> re.Pattern[str]:
    items = _data.lexicon()[key]
    items = sorted((str(i) for i in items), key=len, reverse=True)
    # the same matches as (?:item1|item2|...), tried faster (see _fastre.py)
    return re.compile(r"(?<![\w])" + _fastre.dispatched(items, re.I) + r"(?![\w])", re.I)


@functools.cache
def _lex() -> dict[str, re.Pattern[str]]:
    lex = _data.lexicon()
    out = {k: _phrases(k) for k in lex if k not in ("helpline_numbers", "hospitals")}
    return out


@functools.cache
def _multi_word_places() -> tuple[str, ...]:
    return tuple(pl for pl in _data.places() if " " in pl)


@functools.cache
def _hospitals() -> tuple[str, ...]:
    return tuple(str(h).lower() for h in _data.lexicon()["hospitals"])


ALNUM_RUN_RE = re.compile(r"[^\W_]+")  # a run of letters and digits (the characters str.isalnum accepts)


@functools.cache
def _with_first_run(names: tuple[str, ...]) -> tuple[tuple[str, str | None], ...]:
    """(name, the run of letters and digits it starts with, or None) for a gazetteer looked up with
    ``str.find`` and whole-word ends (see _find_institutions): such a name can be in a post only when its first
    run is one of the post's runs (``_Post.alnum_runs``), a quick test before the search."""
    return tuple((n, m.group(0) if (m := ALNUM_RUN_RE.match(n)) else None) for n in names)


@functools.cache
def _helpline_numbers() -> frozenset[str]:
    return frozenset(str(n) for n in _data.lexicon()["helpline_numbers"])


@functools.cache
def _public_figure_words() -> frozenset[str]:
    words = set()
    for f in _data.public_figures():
        words.update(WORD_RE.findall(f))
    return frozenset(w for w in words if w not in ("dame", "sir", "lord", "baby", "the"))


@functools.lru_cache(maxsize=4096)
def _figures_re(figs: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in figs) + r")(?:['’]s)?\b", re.I)


def _public_figure_spans(p: _Post) -> list[tuple[int, int]]:
    """Where the post names a public figure (worked out once per post).

    The list has grown to a few hundred names, and one case-insensitive alternation of all of them cost
    about 0.2 ms a post, three times over. A figure can match only where its lower-cased name is in the
    lower-cased post, so only those are searched for, in the list's order (longest first): the same
    matches. A post with a character that case-insensitive matching reads as an ASCII letter is searched
    with the whole list.
    """
    spans = p.__dict__.get("figure_spans")
    if spans is None:
        if not p.low_words & _public_figure_words():
            spans = []
        else:
            figs = _data.public_figures()
            if p.case_plain:
                figs = tuple(f for f in figs if f in p.low)
            spans = [m.span() for m in _figures_re(figs).finditer(p.text)] if figs else []
        p.__dict__["figure_spans"] = spans
    return spans


# titles before a public figure's first name ("Prince William", "Dr Hilary Cass")
FIGURE_TITLES = frozenset(
    [
        "dr", "dr.", "sir", "dame", "lord", "lady", "baroness", "professor", "prof", "prof.",
        "prince", "princess", "king", "queen", "duke", "duchess",
    ]
)


def nhs_valid(number: str) -> bool:
    """True when a 10-digit NHS number passes the modulus-11 check."""
    digits = [int(c) for c in number if c.isdigit()]
    if len(digits) != 10:
        return False
    total = sum(d * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == digits[9]


@dataclass
class Cand:
    category: str
    start: int
    end: int
    rule: str
    severity: str = ""  # decided later unless fixed
    why: str = ""
    own: bool = False
    strength: int = 1
    meta: dict = field(default_factory=dict)


FOSTERING_RE = re.compile(r"\b(?:fc|foster\w*|placement|kinship|adopt\w*)\b", re.I)
FOSTERING_SAID_RE = re.compile(r"(?<![#\w])(?:fc|foster\w*|placement|kinship|adopt\w*)\b", re.I)


_required_words = functools.cache(_fastre.required_words)  # per pattern, read once


class _Post:
    """Context of one post, computed once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.has_digit = any(map(str.isdigit, text))
        n_letters = sum(map(str.isalpha, text))
        upper = sum(map(str.isupper, text))
        self.caps = n_letters >= 8 and upper / max(1, n_letters) > 0.75
        self.lower_only = n_letters >= 8 and upper == 0
        lex = _lex()
        self.lex = lex
        # a case word in the name of a team or service ("Ffion from our leaving care team") is no case
        self.low = text.lower()
        # the lower-cased post's words, found once (the gazetteer look-ups and the word-set gates use them)
        self.low_tokens = list(WORD_RE.finditer(self.low))
        self.low_words = {m.group(0) for m in self.low_tokens}
        self.alnum_runs = set(ALNUM_RUN_RE.findall(self.low))  # for the gazetteers' quick test
        # case-insensitive matching reads no character of the post as an ASCII one unless it is one
        self.case_plain = text.isascii() or _fastre.CASE_ODDITIES.isdisjoint(text)
        # the post's words, found once for the name finders
        self.tokens = list(WORD_RE.finditer(text))
        self.case_hits = [
            m
            for m in lex["case_terms"].finditer(text)
            if not (
                TEAM_NAME_AFTER_RE.match(text, m.end())
                and TEAM_MEMBER_BEFORE_RE.search(text, max(0, m.start() - 25), m.start())
            )
        ]
        # long words not in the English list, found once for both typo checks below
        long_unknown = _long_unknown_words(text)
        self.case_hits += _misspelt_words(text, TYPO_CASE_WORDS, long_unknown)
        self.casework = bool(self.case_hits) or bool(lex["special_terms"].search(text))
        self.case_strong = [m for m in lex["case_strong"].finditer(text)]
        self.person_hits = [m for m in lex["person_cues"].finditer(text)]
        self.generic_hits = [m for m in lex["generic_context"].finditer(text)]
        self.generic_hits += _misspelt_words(text, TYPO_GENERIC_WORDS, long_unknown)
        # "my lad on the caseload" / "my girls at the home" are people the author works with
        self.own_children = [
            m for m in lex["own_children"].finditer(text) if not WORK_PEOPLE_AFTER.match(text, m.end())
        ]
        self.fostering = bool(FOSTERING_RE.search(text))
        # fostering said in the post itself, not only in a hashtag: "#fostercarer" says who the author is,
        # not that "Happy retirement Gwen!" is about a child in care
        self.fostering_said = bool(FOSTERING_SAID_RE.search(text))
        # own family mentions do not count as a third person unless the author fosters
        own_family_hits = list(OWN_FAMILY_RE.finditer(text))
        own_spans = [m.span() for m in own_family_hits] if not self.fostering else []
        self.person_hits = [
            m
            for m in self.person_hits
            if not any(a <= m.start() < b for a, b in own_spans) and self._specific_person(m)
        ]
        self.generic_hits = [m for m in self.generic_hits if not self._quoted_title(m)]
        # a person word inside a generic phrase ("Dad Jokes Corner"), a public case ("Baby P") or a service
        # name ("child protection", "children's services") is no particular person
        if self.person_hits:
            not_person = [m.span() for m in self.generic_hits]
            not_person += _public_figure_spans(self)
            self.person_hits = [
                m
                for m in self.person_hits
                if not any(a <= m.start() < b for a, b in not_person)
                and not PERSON_COMPOUND_AFTER_RE.match(text, m.end())
            ]
        # in learning talk an indefinite person ("never put a service user's initials in your log") is anyone
        if self.generic_hits and self.person_hits:
            self.person_hits = [
                m
                for m in self.person_hits
                if not INDEFINITE_BEFORE_RE.search(text, max(0, m.start() - 8), m.start())
            ]
        # the author's own time in care: "my old PA, the one who helped me when I left care"
        self.own_care_history = bool(OWN_CARE_HISTORY_RE.search(text))
        # a time cue makes case words specific only in their own sentence ("long day" in a chatty opening
        # line says nothing about the court statement two sentences later)
        case_sents = {self.sentence_of(m.start()) for m in self.case_hits}
        self.time_cue = any(
            self.sentence_of(m.start()) in case_sents or not case_sents
            for m in _gated(TIME_CUE_RE, text, self.may_match(TIME_CUE_RE))
        )
        # "our kids at the unit", "my lads on the caseload" are the people the author works with
        work_setting = self.may_match(WORK_SETTING_RE) and bool(WORK_SETTING_RE.search(text))
        self.own_family = any(
            not (
                re.search(r"(?:kids|boys|girls|children)$", m.group(0), re.I)
                and (WORK_PEOPLE_AFTER.match(text, m.end()) or work_setting)
            )
            for m in own_family_hits
        )

    def may_match(self, rx: re.Pattern[str]) -> bool:
        """False only when ``rx`` cannot match the post (a quick test before a scan): every match of ``rx``
        holds one of the strings _fastre.required_words reads from the pattern itself, and none of them is in
        the lower-cased post (a post with a character that case-insensitive matching reads as an ASCII letter,
        such as "ſ" for "s", is always scanned)."""
        words = _required_words(rx)
        return words is None or not self.case_plain or any(w in self.low for w in words)

    def _specific_person(self, m: re.Match[str]) -> bool:
        w = m.group(0).lower()
        if w in ("kids", "children", "parents", "families", "siblings", "neighbours", "neighbors"):
            before = self.text[max(0, m.start() - 12) : m.start()].lower()
            # "these Traveller families", "the Roma kids": a capitalised group word between
            before2 = self.text[max(0, m.start() - 30) : m.start()]
            return bool(
                re.search(
                    r"(?:\bthe|\bher|\bhis|\btheir|\bthese|\bboth|\d|\btwo|\bthree|\bfour|\bfive)\s+$", before
                )
                or re.search(r"(?i:\bthe|\bthese|\bthose|\bboth)\s+[A-Z][a-z]+\s+$", before2)
            )
        return True

    def _quoted_title(self, m: re.Match[str]) -> bool:
        return False

    def sentence_of(self, pos: int) -> tuple[int, int]:
        t = self.text
        s = max(t.rfind(".", 0, pos), t.rfind("!", 0, pos), t.rfind("?", 0, pos), t.rfind("\n", 0, pos)) + 1
        ends = [
            i for i in (t.find(".", pos), t.find("!", pos), t.find("?", pos), t.find("\n", pos)) if i >= 0
        ]
        e = min(ends) if ends else len(t)
        return s, e


def _is_sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'(“‘":
        i -= 1
    if i < 0:
        return True
    c = text[i]
    return c in ".!?\n:" or (not c.isascii() and not c.isalpha())


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"(" + WORD + r")[^\w]*$", text[max(0, start - 40) : start])
    return m.group(1).lower() if m else ""


def _next_text(text: str, end: int, n: int = 25) -> str:
    return text[end : end + n]


# ---------------------------------------------------------------- recognisers


def _find_hard(p: _Post, out: list[Cand]) -> None:
    text = p.text
    for m in DOB_RE.finditer(text):  # also dates written in words: "born on the fourteenth of march"
        out.append(Cand("date-of-birth", m.start(1), m.end(1), "date-of-birth"))
    if not p.has_digit:
        if "@" in text:
            _find_emails(p, out)
        return
    _find_emails(p, out)
    _find_numbers(p, out)


def _find_emails(p: _Post, out: list[Cand]) -> None:
    text = p.text
    if "@" not in text:
        return
    for m in EMAIL_RE.finditer(text):
        local = m.group(0).split("@", 1)[0]
        if ORG_EMAIL_LOCAL.match(local):
            continue
        before = text[max(0, m.start() - 30) : m.start()].lower()
        own = bool(re.search(r"\b(?:email me|e-mail me|my email|me at|contact me)\b", before))
        out.append(Cand("email", m.start(), m.end(), "email", own=own))


def _find_numbers(p: _Post, out: list[Cand]) -> None:
    text = p.text
    lex = p.lex
    org_post: bool | None = None  # whether the whole post reads as an organisation's (searched once, lazily)
    for m in PHONE_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        if digits.startswith("44"):
            digits = "0" + digits[2:]
        if digits in _helpline_numbers():
            continue
        if digits.startswith(("08", "03", "116", "09")):
            continue  # freephone/national-rate numbers belong to organisations
        before = text[max(0, m.start() - 70) : m.start()]
        after = text[m.end() : m.end() + 30]
        personal = PERSONAL_PHONE_RE.search(before)
        if not personal and (
            lex["org_phone_context"].search(before)
            or lex["helpline_names"].search(before)
            or lex["org_phone_context"].search(after)
            or (org_post if org_post is not None else (org_post := bool(ORG_POST_RE.search(text))))
        ):
            continue
        own = bool(
            re.search(r"\b(?:ring me|call me|text me|my (?:number|mobile|phone)|me on)\b", before, re.I)
        )
        out.append(Cand("phone", m.start(), m.end(), "uk-phone", own=own))
    for m in NHS_RE.finditer(text):
        num = m.group(0)
        if text[m.start() : m.start() + 1] == "0" and re.fullmatch(r"0\d{3}[\s-]?\d{3}[\s-]?\d{3,4}", num):
            continue  # a phone number
        valid = nhs_valid(num)
        ctx = NHS_CONTEXT_RE.search(text[max(0, m.start() - 30) : m.start()])
        if valid or ctx:
            out.append(
                Cand(
                    "id-number",
                    m.start(),
                    m.end(),
                    "nhs-number" if valid else "nhs-number-context",
                    why="passes the NHS modulus-11 check" if valid else "10 digits after 'NHS'",
                )
            )
    for m in NINO_RE.finditer(text):
        out.append(Cand("id-number", m.start(), m.end(), "ni-number"))
    for m in COURT_REF_RE.finditer(text):
        out.append(Cand("id-number", m.start(), m.end(), "court-case-number"))
    for m in CASE_REF_RE.finditer(text):
        val = m.group(1)
        if re.fullmatch(r"\d{1,3}", val) or re.fullmatch(r"(?:19|20)\d{2}", val):
            continue
        out.append(Cand("id-number", m.start(1), m.end(1), "case-reference"))
    for m in POSTCODE_FULL_RE.finditer(text):
        if not _area_ok(m.group(1)):
            continue
        out.append(Cand("postcode", m.start(1), m.end(1), "postcode-full"))
    for m in POSTCODE_PART_RE.finditer(text):
        if not _area_ok(m.group(1)):
            continue
        area = re.match(r"[A-Z]+", m.group(1)).group(0)  # type: ignore[union-attr]
        before = text[max(0, m.start() - 25) : m.start()]
        after = text[m.end() : m.end() + 15].lower()
        if re.match(r"\s*(?:motorway|toll|junction|road|bus|train|\d)", after):
            continue
        if len(area) == 1 and not POSTCODE_PART_CONTEXT.search(before):
            continue
        if not POSTCODE_PART_CONTEXT.search(before) and not re.match(
            r"\s*(?:area|postcode|,|\.|$|\s)", after
        ):
            continue
        out.append(Cand("postcode", m.start(1), m.end(1), "postcode-partial"))


def _find_ages(p: _Post, out: list[Cand]) -> None:
    text = p.text
    for rx in AGE_PATTERNS:
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            seg = m.group(0)
            if seg.lower().startswith("happy "):
                s += 6
            before = text[max(0, s - 30) : s]
            after = text[e : e + 20]
            # "16 and 17 year olds", "aged 10-15", "children aged 11 to 15" are groups, not a person
            if re.match(r"\s*s\b", after) or re.search(r"\d\s*(?:-|–|to|and|&|or)\s*$", before):
                continue
            if re.match(r"\s*(?:-|–|to|and|or|&)\s*\d", after) and "aged" in seg.lower():
                continue
            if AGE_GROUP_BEFORE.search(before) and re.match(r"aged?\b", seg, re.I):
                continue
            if (
                re.match(r"\d", seg)
                and OWN_AGE_BEFORE.search(before)
                and not p.fostering
                and not WORK_PERSON_AFTER_AGE_RE.match(text, e)
            ):
                continue  # "my 14yo", but not "my 16yo care leaver" (someone the author works with)
            if re.match(r"\d{1,3}(?:st|nd|rd|th)", text[s:e], re.I) and re.search(r"\bmy\s+$", before, re.I):
                continue  # "my 40th"
            out.append(Cand("age", s, e, "age"))
    for m in _gated(NOW_AGE_RE, text, p.may_match(NOW_AGE_RE)):
        out.append(Cand("age", m.start(1), m.end(1), "age-now"))
    _find_ages_in_context(p, out)
    for m in _gated(BIRTHDAY_DATE_RE, text, p.may_match(BIRTHDAY_DATE_RE)):
        if p.own_family and not p.fostering:
            continue  # "my son turned 18 on Friday": the author's own family
        out.append(
            Cand(
                "date-of-birth",
                m.start(1),
                m.end(1),
                "birthday-date",
                why="an age with the day of the birthday gives the date of birth",
            )
        )
    for m in NAME_IS_AGE_RE.finditer(text):
        w = m.group(1).lower().split("-")[0]
        if w in _data.first_names() or (w in _data.ambiguous_names() and m.group(1)[:1].isupper()):
            out.append(Cand("age", m.start(2), m.end(2), "name-is-age"))
    if p.own_family and not p.fostering and not p.case_strong:
        for c in out:
            if c.category == "age":
                c.own = True
    for m in PAREN_AGE_RE.finditer(text):
        prev = _prev_word(text, m.start())
        before = text[max(0, m.start() - 2) : m.start()]
        if not prev or re.search(r"\d\s*$", before):
            continue
        val = int(m.group(1))
        prev_raw = re.search(r"(" + WORD + r")[^\w]*$", text[max(0, m.start() - 40) : m.start()])
        prev_cap = bool(
            prev_raw and prev_raw.group(1)[:1].isupper() and prev_raw.group(1).lower() not in STOP_CAPS
        )
        if val > 19 and prev not in KINSHIP_BEFORE and not prev_cap:
            continue
        end = m.end() - (1 if text[m.end() - 1] == "," else 0)
        out.append(Cand("age", m.start(), end, "age-in-brackets"))


def _person_before(text: str, pos: int, span: int = 80) -> bool:
    """A person noun earlier in the same sentence (within `span` characters)."""
    seg = text[max(0, pos - span) : pos]
    cut = max(seg.rfind(". "), seg.rfind("! "), seg.rfind("? "), seg.rfind("\n"))
    return bool(PERSON_NOUN_RE.search(seg[cut + 1 :] if cut >= 0 else seg))


def _find_ages_in_context(p: _Post, out: list[Cand]) -> None:
    """Ages written the way people talk: "hes 6 now", "she turned 9", ", 14,", "the kids are 3 and 6"."""
    text = p.text

    def add(s: int, e: int, rule: str) -> None:
        if OWN_SUBJECT_BEFORE.search(text[max(0, s - 12) : s]):
            return  # "i turned 40", "we are 3 ..."
        out.append(Cand("age", s, e, rule))

    for m in PRONOUN_AGE_RE.finditer(text):
        add(m.start(), m.end(), "age-pronoun")
    for m in GENERIC_IS_AGE_RE.finditer(text):
        subj = m.group(1).lower().strip("'’")
        if subj in GENERIC_SUBJECT_STOP or subj.isdigit() or not _person_before(text, m.start(3)):
            continue
        if re.match(r"\d{3}", m.group(3)):
            continue
        add(m.start(2) if m.group(2) else m.start(3), m.end(3), "age-is")
        # "the kids are 3 and 6": the second age too
        m2 = re.match(r"\s*(?:and|&)\s*(" + NUM_OR_WORD + r")\b", text[m.end(3) :], re.I)
        if m2:
            add(m.end(3) + m2.start(1), m.end(3) + m2.end(1), "age-is")
    for m in TURNED_AGE_RE.finditer(text):
        add(m.start(1), m.end(1), "age-turned")
    for m in APPOSITIVE_AGE_RE.finditer(text):
        n = m.group(2)
        if n.isdigit() and int(n) > 110:
            continue
        if not _person_before(text, m.start(), 60):
            continue
        add(m.start(1) if m.group(1) else m.start(2), m.end(2), "age-appositive")
    for rx, rule in ((JUST_AGE_RE, "age-just"), (NEXT_AGE_RE, "age-next"), (BABY_AGE_RE, "age-baby")):
        for m in rx.finditer(text):
            if rx is JUST_AGE_RE and not _person_before(text, m.start(), 40):
                continue
            if rx is NEXT_AGE_RE and not _person_before(text, m.start(), 60):
                continue
            add(m.start(1), m.end(1), rule)
    for m in _gated(AGES_LIST_RE, text, p.may_match(AGES_LIST_RE)):
        if AGE_GROUP_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            continue
        add(m.start(), m.end(), "ages-list")
    for m in SCHOOL_YEAR_RE.finditer(text):
        if _person_before(text, m.start(), 60) and not re.search(
            r"\b(?:i'?m|i am|my)\s+$", text[: m.start()], re.I
        ):
            add(m.start(1), m.end(1), "school-year")
    if p.fostering or p.case_hits:
        for m in TURNED_DAY_RE.finditer(text):
            if p.own_family and not p.fostering:
                continue
            if OWN_SUBJECT_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
                continue
            out.append(
                Cand(
                    "date-of-birth",
                    m.start(1),
                    m.end(1),
                    "birthday-date",
                    why="an age with the day of the birthday gives the date of birth",
                )
            )


def _find_institutions(p: _Post, out: list[Cand]) -> None:
    text = p.text
    venues = p.lex["venues"]
    for m in INSTITUTION_RE.finditer(text):
        s, e = m.start(1), m.end(1)
        span = text[s:e]
        words = span.split()
        # trim leading sentence words such as "At", "The", "Sports day at"
        while words and words[0].lower() in STOP_CAPS and words[0] not in ("St", "St.", "Saint"):
            s = text.index(words[1], s + len(words[0])) if len(words) > 1 else e
            words = words[1:]
        if len(words) < 2 or venues.search(text[s:e]):
            continue
        first = words[0].lower().strip("'’")
        if first in ("secure", "residential", "local", "a", "the") and len(words) == 2:
            continue
        out.append(Cand("institution", s, e, "institution-name"))
    if True:  # lower-case and ALL CAPS school names
        src = p.low if p.caps else text
        for m in INSTITUTION_LOWER_RE.finditer(src):
            s, e = m.start(1), m.end(2)
            parts = m.group(1).split()
            # drop leading stop words ("the", "at the", "his new"); a name must be left before the suffix
            while parts and parts[0].lower().strip("'’") in LOWER_INST_STOP | STOP_CAPS:
                s = src.index(parts[1], s + len(parts[0])) if len(parts) > 1 else m.start(2)
                parts = parts[1:]
            if not parts or any(w.lower() in ("the", "a", "an", "my", "our") for w in parts):
                continue
            out.append(Cand("institution", s, e, "institution-name-lower"))
    for m in INSTITUTION_PREFIX_RE.finditer(text):
        span = m.group(1)
        words = span.split()
        while len(words) > 2 and words[-1].lower() in INSTITUTION_PREFIX_END:
            words = words[:-1]
        if words[-1].lower() in INSTITUTION_PREFIX_END:
            continue
        if len(words) == 2 and words[1].lower() in WELSH_SCHOOL_TYPES:
            continue  # "Ysgol Feithrin" is a nursery school, any nursery school: a kind, not a name
        e1 = m.start(1) + len(" ".join(words))
        if p.generic_hits and VENUE_AFTER_RE.match(text, e1):
            continue  # "training in the Ysgol Glan Clwyd hall": the building as a venue
        out.append(Cand("institution", m.start(1), e1, "institution-prefix"))
    for m in _gated(SCHOOL_VERB_RE, text, p.may_match(SCHOOL_VERB_RE)):
        words = m.group(1).split()
        if any(w.lower().strip("'’") in NOT_SCHOOL_WORDS or w.lower() in STOP_CAPS for w in words):
            continue
        if len(words) == 2 and words[1].lower() in WELSH_SCHOOL_TYPES:
            continue  # "started at Ysgol Feithrin": a kind of school
        if any(w.lower() in _data.places() or w.lower() in _data.first_names() for w in words):
            continue
        out.append(Cand("institution", m.start(1), m.end(1), "school-after-verb"))
    low = p.low
    for name, run in _with_first_run(_hospitals()):
        if run is not None and run not in p.alnum_runs:
            continue  # the quick test: the name cannot be in the post
        i = low.find(name)
        while i >= 0:
            j = i + len(name)
            if (i == 0 or not low[i - 1].isalnum()) and (j == len(low) or not low[j].isalnum()):
                out.append(Cand("institution", i, j, "hospital-gazetteer"))
            i = low.find(name, j)
    # "the glenmore unit", "at brynawel house": a home or unit in lower case whose name is no ordinary word
    for m in _gated(LOWER_HOME_RE, text, p.may_match(LOWER_HOME_RE)):
        k = m.group(1).removesuffix("'s").removesuffix("’s")
        if k not in _data.english_words() and k not in STOP_CAPS and k not in LOWER_INST_STOP:
            out.append(Cand("institution", m.start(1), m.end(), "institution-name-lower"))
    for m in HOUSE_LIKE_RE.finditer(text):
        words = m.group(1).split()
        if words[0].lower() in STOP_CAPS or p.lex["venues"].search(m.group(1)):
            continue
        if len(words) == 2 and words[0].lower() in COURT_TYPES and words[1].lower() == "court":
            continue  # "the Sheriff Court", "Crown Court": a kind of court, not a named one
        out.append(Cand("institution", m.start(1), m.end(1), "named-home", strength=0))
    for m in WARD_RE.finditer(text):
        out.append(Cand("institution", m.start(1), m.end(1), "ward-bed-room", strength=0))


def _find_addresses(p: _Post, out: list[Cand]) -> None:
    text = p.text
    for m in ADDRESS_NUM_RE.finditer(text):
        span = m.group(1)
        if re.match(
            r"\d{1,4}\s+(?:years?|days?|weeks?|months?|kids|children|mins?|minutes|hours?)\b", span, re.I
        ):
            continue
        out.append(Cand("address", m.start(1), m.end(1), "street-address"))
    for m in STREET_CAP_RE.finditer(text):
        words = m.group(1).split()
        while words and words[0].lower() in STOP_CAPS:
            words = words[1:]
        if len(words) < 2:
            continue
        s = m.end(1) - len(" ".join(words))
        if re.fullmatch(r"(?:St|Dr)\.?", words[-1]) and len(words) < 3:
            continue  # "St Mary's" handled elsewhere; "Dr Smith" is a title
        if words[-1] == "Court" and words[-2].lower() in COURT_TYPES:
            continue  # "the Sheriff Court", "Crown Court": a kind of court, not a street
        strength = (
            1
            if RESIDENCE_BEFORE.search(text[max(0, s - 30) : s])
            or LANDMARK_HOME_BEFORE.search(text[max(0, s - 60) : s])
            else 0
        )
        out.append(Cand("address", s, m.end(1), "street-name", strength=strength))
    for m in STREET_LOWER_RE.finditer(text):
        words = [w.lower() for w in m.group(1).split()[:-1]]
        if any(w in STOP_CAPS or w in ESTATE_STOP or w in STREET_WORD_STOP for w in words):
            continue
        if words[-1] == "long" and m.group(2).lower() not in ("lane", "street", "st", "close", "crescent"):
            continue  # "a long way/walk/drive"; Long Lane is a street
        strength = 1 if RESIDENCE_BEFORE.search(text[max(0, m.start(1) - 30) : m.start(1)]) else 0
        out.append(Cand("address", m.start(1), m.end(1), "street-name-lower", strength=strength))
    for m in WELSH_STREET_RE.finditer(text):
        out.append(Cand("address", m.start(1), m.end(1), "street-address-welsh"))
    for m in WELSH_STREET_NAME_RE.finditer(text):
        out.append(Cand("address", m.start(1), m.end(1), "street-name-welsh"))
    for m in re.finditer(
        r"\b(?:at|lives at|from|to)\s+(number\s+\d{1,4}[a-z]?|no\.?\s?\d{1,4})\b", text, re.I
    ):
        out.append(Cand("address", m.start(1), m.end(1), "house-number"))
    for m in _gated(FLAT_RE, text, p.may_match(FLAT_RE)):
        if re.match(r"(?:flat|block)\s+\d", m.group(1), re.I):
            out.append(Cand("address", m.start(1), m.end(1), "flat-number"))
    for m in ESTATE_RE.finditer(text) if ("estate" in p.low or "flats" in p.low) else ():
        words = m.group(1).split()
        # keep the trailing run of name words: "girl from the flats" names no estate
        i = len(words) - 1
        while i > 0 and words[i - 1].lower() not in ESTATE_STOP and words[i - 1].lower() not in STOP_CAPS:
            i -= 1
        words = words[i:]
        if len(words) < 2:
            continue
        s = m.end(1) - len(" ".join(words))
        out.append(Cand("address", s, m.end(1), "estate"))
    # streets famous for something else are not addresses, unless someone lives there ("lives at 4 Baker Street")
    famous = p.lex["famous_streets"]
    if famous.search(text):
        spans = [m.span() for m in famous.finditer(text)]
        out[:] = [
            c
            for c in out
            if not (
                c.category == "address"
                and any(a < c.end and c.start < b for a, b in spans)
                and not LIVES_AT_BEFORE.search(text[max(0, c.start - 25) : c.start])
            )
        ]


def _find_places(p: _Post, out: list[Cand]) -> None:
    n0 = len(out)
    _find_places_raw(p, out)
    text = p.text
    # a place inside the name of an event or award ("the Cardiff Half", "Duke of Edinburgh", "ICC Birmingham")
    # or the area a campaign or service covers ("if you live in Conwy or Denbighshire", "across South Wales")
    # points at no one
    for c in out[n0:]:
        if c.rule == "place-after-preposition" and HOUSE_ON_BEFORE_RE.search(
            text, max(0, c.start - 30), c.start
        ):
            # "the house on Fforestfach where we removed the kids": where someone lives
            c.category, c.rule, c.strength = "address", "home-on-place", 1
    out[n0:] = [
        c
        for c in out[n0:]
        if not (
            EVENT_AFTER_PLACE_RE.match(text, c.end)
            or EVENT_BEFORE_PLACE_RE.search(text, max(0, c.start - 20), c.start)
            or AUDIENCE_BEFORE_PLACE_RE.search(text, max(0, c.start - 60), c.start)
        )
    ]


HOUSE_ON_BEFORE_RE = re.compile(
    r"\b(?:the|their|her|his|a|that) (?:house|home|flat|caravan|bungalow|maisonette|farm)\s+(?:on|off)\s+(?:the\s+)?$",
    re.I,
)
EVENT_AFTER_PLACE_RE = re.compile(
    r"\s+(?:half|marathon|10k|5k|parkrun|pride|mela|festival|carnival|show|games|half marathon|fringe)\b",
    re.I,
)
EVENT_BEFORE_PLACE_RE = re.compile(r"(?:\bduke of|\bICC|\bNEC|\bthe great|\bbattle of)\s+$", re.I)
AUDIENCE_BEFORE_PLACE_RE = re.compile(
    r"(?i:\bif you(?:'re| are)?\s+(?:live|living|based|work|working)\s+(?:in|near|around|across)|\bacross|"
    r"\banywhere in|\bthroughout|\bcovering|\ball over)"
    r"\s+(?i:(?:north|south|east|west|mid|the)\s+)?(?:[A-Z][\w'’-]*\s*(?:,|or|and|&)\s+)*$",
)


def _find_places_raw(p: _Post, out: list[Cand]) -> None:
    text = p.text
    low = p.low
    places = _data.places()
    for m in p.low_tokens:
        w = m.group(0)
        if w == "reading" and re.match(
            r"\s+(?:about|the|through|up|this|that|my|your|a|an|list|group|week)\b", low[m.end() :]
        ):
            continue  # "Reading about the reforms"
        if w in places and not (len(w) <= 4 and not text[m.start()].isupper()):
            # two-word places
            out.append(Cand("place", m.start(), m.end(), "place-gazetteer"))
    for two, run in _with_first_run(_multi_word_places()):
        if run is not None and run not in p.alnum_runs:
            continue  # the quick test: the place cannot be in the post
        i = low.find(two)
        while i >= 0:
            if (i == 0 or not low[i - 1].isalnum()) and (
                i + len(two) == len(low) or not low[i + len(two)].isalnum()
            ):
                out.append(Cand("place", i, i + len(two), "place-gazetteer"))
            i = low.find(two, i + 1)
    for m in PLACE_TRIGGER_RE.finditer(text):
        words = m.group(1).split()
        w0 = words[0].lower()
        if (
            re.sub(r"['’]s?$", "", w0) in STOP_CAPS
            or (w0.endswith("s") and w0[:-1] in STOP_CAPS)
            or p.caps
            or w0 in _data.first_names()
            or w0 in _data.ambiguous_names()
        ):
            continue
        if len(words) > 1 and words[1].lower() in STOP_CAPS:
            words = words[:1]
        e = m.start(1) + len(" ".join(words))
        out.append(Cand("place", m.start(1), e, "place-after-preposition", strength=0))
    # towns on no list, written in lower case: a word that is not English, shaped like an English or Welsh
    # place name (-ton, -ley, -field, -bury, llan-, aber-...), after in/from/near/moved to
    if p.casework or p.fostering:
        for m in LOWER_PLACE_RE.finditer(text):
            w = m.group(1)
            if not (PLACE_SHAPED_RE.search(w) or WELSH_PLACE_START_RE.match(w)) or not _unknown_word(w, p):
                continue
            out.append(Cand("place", m.start(1), m.end(1), "place-shaped-word", strength=0))


# ---------------------------------------------------------------- sixth round: pointing at the detail
# Identifying details that the finders above miss because they are written the way people talk: an age
# straight after a person ("Kai, 14, last seen", "Grandad, 71, caring for"), a home placed by a local
# landmark ("the flats behind the Spar", "lives up by the reservoir"), homes and schools known by a short
# name ("The Laurels", "fae St Ninian's", "the court at Laganside", "born at the Princess Royal"), a
# parent named through a child ("sholto's mam has reported me"), initials ("drove J to", "R. finally said").

# people an age can follow as an aside: "Grandad, 71,", "the resident, 88,"
AGE_HOLDER_WORDS = (
    r"(?:lad|lass|girl|boy|man|woman|lady|gent|gentleman|bloke|fella|mum|mam|mom|dad|da|grandad|grandpa|"
    r"grandma|granny|gran|nan|nana|nain|taid|grandmother|grandfather|resident|patient|client|son|daughter|"
    r"brother|sister|baby|child|kid|teen|teenager|toddler|carer|care leaver|service user|young person|yp|"
    r"wean|bairn|husband|wife|partner|boyfriend|girlfriend|uncle|aunt|auntie|aunty|cousin|nephew|niece|"
    r"neighbour|widow|widower|veteran|pensioner)"
)
# the last word of each of those, with the forms people add ("mammy", "grannie"): checked before an aside
AGE_HOLDER_LAST = frozenset(
    [w.split()[-1] for w in AGE_HOLDER_WORDS.strip("(?:)").split("|")]
    + ["mammy", "mummy", "daddy", "grannie", "nannie", "y/o", "yo"]
)
AGE_AFTER_HOLDER_RE = re.compile(
    r"(?<=[A-Za-z])\s*,\s*((?:aged?\s+|about\s+|nearly\s+|almost\s+|only\s+|just\s+)?"
    + NUM_OR_WORD
    + r")\s*(?=,(?!\s*\d)|\)|;|\.|!|\s+[-–—]\s|\s+(?!(?:years?|yrs?|months?|weeks?|days?|hours?|hrs|mins?|minutes|"
    r"miles|times|pounds|quid|people|of|o'?clock|am|pm|kids|children|visits|calls|cases|percent)\b)[a-z])",
    re.I,
)
# after a name: ", 14," / " - 101 in September" / "(ninety-six, war veteran"
AGE_AFTER_NAME_RE = re.compile(
    r"(?:\s*,\s*|\s+[-–—]\s+)((?:aged?\s+|about\s+|nearly\s+|almost\s+|only\s+|just\s+)?(?:\d{1,3}|"
    + NUMWORD
    + r"))\b(?!\s*(?:%|am\b|pm\b|:|\.\d|st\b|nd\b|rd\b|th\b|mins?\b|minutes|hours?|miles|times|quid|pounds|"
    r"p\b|calls|visits|people|kids|children|cases|x\b|/|-\s*\d))"
    r"(?=\s*(?:,(?!\s*\d)|\)|\.|!|;|$)|\s+(?:in (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|next|"
    r"this|last|and|who|with|now|but|has|had|is|was|lives|living|years?|yrs|going on)\b)",
    re.I,
)
PAREN_WORD_AGE_RE = re.compile(r"\((" + NUMWORD + r")\s*(?:,|\))", re.I)
# "aged 14, now 19": a second age after a first one
NOW_AFTER_AGE_RE = re.compile(
    r"[,;]?\s*(?:and\s+)?(now\s+" + NUM_OR_WORD + r")\b(?=\s*(?:,|\.|!|\)|and\b|$))", re.I
)

LANDMARKS = (
    r"(?:chippy|chippie|chip shop|fish bar|spar|londis|co-?op|costcutter|nisa|one stop|premier|tesco(?: express|"
    r" extra)?|asda|aldi|lidl|greggs|launderette|laundrette|bookies|betting shop|pub|offy|off[- ]licence|"
    r"corner shop|paper shop|newsagents?|takeaway|kebab shop|chinese|pizza place|garage|petrol station|church|"
    r"chapel|mosque|gurdwara|temple|park|rec|playing fields?|reservoir|canal|viaduct|railway|station|"
    r"bus station|bus stop|library|post office|community centre|leisure centre|health centre|doctors|surgery|"
    r"chemist|pharmacy|vets?|barbers?|hairdressers?|nail bar|tattoo (?:parlour|shop)|car wash|scrapyard|tip|"
    r"retail park|roundabout|level crossing|war memorial|clock tower|market|shops|precinct|police station|"
    r"fire station|football ground|stadium|working men'?s club|social club|legion|bingo|arcade|bakery|"
    r"butchers?|cafe|café|caff|Maccies|McDonalds|KFC|car park|lock-?ups|garages|allotments?|cemetery|"
    r"crem(?:atorium)?|quarry|pit|slag heap|lido|pier|prom|promenade|beach|harbour|docks|marina|bandstand|"
    r"mill|factory|warehouse|pylons?|phone box|post box)"
)
DWELLINGS = (
    r"(?:flats?|house|houses|home|caravan|static|maisonette|bungalow|bedsit|cottage|farm|terrace|block)"
)
HOUSEHOLDS = (
    r"(?:family|families|fam|woman|man|lady|mum|mam|dad|couple|bloke|fella|lad|lass|girl|boy|kids|household|"
    r"granny|nan|grandad|gentleman|gent|widow|old boy|old girl|twins|brothers|sisters)"
)
LANDMARK_PREP = (
    r"(?:above|below|under|behind|opposite|next to|next door to|across from|over the road from|over from|"
    r"beside|by|near|round the back of|round the corner from|at the back of|on top of|over)"
)
LANDMARK_HOME_RE = re.compile(
    r"\b(?P<desc>"
    + LANDMARK_PREP
    + r"\s+(?:the|that|a)\s+(?:(?:old|new|little|big|[A-Z][\w'’]+)\s+)?"
    + LANDMARKS
    + r")\b",
    re.I,
)
# the words before the landmark that make it a home: "the family", "lives up", "the house with the boarded windows"
LANDMARK_CUE_BEFORE_RE = re.compile(
    r"\b(?:(?P<own>my|our|we|i)\s+)?(?:(?:lives?|living|lived|stays?|staying|moved|dosses|sleeps?|sleeping)"
    r"(?:\s+(?:up|down|over|round|right|just))?"
    r"|" + HOUSEHOLDS + r"(?:\s+(?:who\s+lives?|living|that\s+lives?|from))?"
    r"|(?:\w+\s+){0,2}?" + DWELLINGS + r"(?:\s+with\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+)?)\s+$",
    re.I,
)
# homes named after trees and the like: "The Laurels", "The Willows" (care homes, children's homes)
TREE_HOME_RE = re.compile(
    r"\b[Tt]he\s+((?:Laurels|Willows|Beeches|Limes|Elms|Hollies|Cedars|Firs|Pines|Poplars|Maples|Larches|Rowans|"
    r"Oaks|Birches|Chestnuts|Sycamores|Hawthorns|Heathers|Lindens|Acorns|Orchards|Meadows|Gables|Cloisters|"
    r"Paddocks|Briars|Brambles|Junipers|Magnolias|Evergreens|Laburnums|Myrtles|Hazels|Alders|Aspens|Yews|"
    r"Spinney|Beeches|Lilacs|Conifers|Pastures|Uplands|Fieldings|Towers|Terraces|Hollies))\b"
)
CARE_SETTING_RE = re.compile(
    r"\b(?:home|homes|resident|residents|residential|care|carers?|unit|dementia|nursing|staff|shift|placement|"
    r"key ?work(?:er|ing)|hostel|supported living|day centre|respite|sleep-?in|"
    r"visit|visits|school|nursery|pupils?|ward|patients?|manager)\b",
    re.I,
)
# "fae St Ninian's", "excluded from St Illtyd's", "the school gates at St Joseph's"
SAINT_AFTER_RE = re.compile(
    r"\b(?:at|from|fae|frae|to|into|outside|gates of|goes to|go to|went to|started|starts)\s+"
    r"((?:St\.?|Saint)\s+[A-Z][a-z]+(?:['’]s?)?)(?!\s+(?:[A-Z]|(?i:church|cathedral|park|street|st|road|rd|"
    r"lane|avenue|station|centre|day|primary|high|school|academy|college|hospital|court)\b))"
)
# "the court at Laganside", "the unit at Nant-y-Coed", "the home in Rhos"
INSTITUTION_AT_RE = re.compile(
    r"\b(?:court|courts|hospital|unit|prison|school|school gates|nursery|hospice|home|care home|children'?s home|"
    r"centre|tribunal|refuge|hostel)\s+(?:up |down |over )?(?:at|in)\s+((?:"
    + CAP
    + r")(?:\s+(?:"
    + CAP
    + r"))?)",
)
# where someone is staying: "in a caravan at Trecco Bay", "the bedsit in Splott"
DWELLING_AT_RE = re.compile(
    r"\b(?:caravan|static|tent|bedsit|b&b|b and b|hotel room|squat|(?i:flat|house|bungalow|maisonette|hostel))\s+"
    r"(?:up |down |over )?(?i:at|in|on)\s+"
    r"((?:" + CAP + r")(?:\s+(?:" + CAP + r"))?)",
)
# "the lad I'm keyworker for at Woodlands": a care setting named like a house ("Woodlands", "Oakdene")
SETTING_AT_RE = re.compile(
    r"\b([A-Z][a-z]{3,}(?:lands|fields?|wood|woods|side|view|bank|acres|lea|mead|"
    r"dene|croft|holme|brook|hurst|leigh|combe|haven|garth|dale|ridge|moor|mount|park))\b(?!\s+(?:[A-Z]|(?i:road|rd|"
    r"street|st|lane|avenue|close|drive|way|estate|park|primary|academy|school|college|hospital|house|lodge|court|"
    r"centre)\b))"
)
# an area named with "the": "from the Holylands", "off the Shankill"
THE_AREA_RE = re.compile(
    r"\b(?:from|in|on|off|round|near|fae|frae)\s+the\s+([A-Z][a-z]{3,}(?:s|lands|side|field|fields)?)(?![\w'’-])"
    r"(?=\s*(?:[,.!?;:)(]|$)|\s+(?:and|who|with|where|today|yesterday|last|this|is|was|has|had|again|area|way|knows|"
    r"know)\b)"
)

# a social-media profile address with a name in it: "facebook.com/liam.stokoe.9"
PROFILE_URL_RE = re.compile(
    r"\b(?:www\.)?(?:facebook|fb|instagram|tiktok|twitter|x|snapchat|linkedin)\.com/(?:in/|@)?([A-Za-z0-9._-]{3,60})",
    re.I,
)
# "born at the Princess Royal", "admitted to the Royal Free", "discharged from Heartlands"
HOSPITAL_EVENT_RE = re.compile(
    r"\b(?:born|delivered|admitted|discharged|transferred|died|passed away|blue-?lighted|rushed|taken)\s+"
    r"(?:\w+\s+)?(?:at|to|from|into)\s+(the\s+)?((?:" + CAP + r")(?:\s+(?:" + CAP + r")){0,2})"
)
# "Doris at Meadowbank": a named resident or pupil at a place with no ordinary name
NAME_AT_RE = re.compile(r"\s+at\s+(" + CAP + r"(?:\s+" + CAP + r")?)")
# a parent or relative named through someone: "sholto's mam has reported me", "Rhiannon's dad"
RELATIVE_AFTER = (
    r"['’]s\s+(?:(?:birth|real|step|new|old|own)\s?-?)?(?:mum|mam|mom|mammy|mummy|dad|da|daddy|father|mother|"
    r"parents|nan|nana|nain|gran|granny|grandma|grandad|taid|auntie|aunty|uncle|stepdad|stepmum|fella|"
    r"boyfriend|girlfriend|partner|ex|ammi|ammu|amma|abbu|abba|nani|dadi|khala|chacha|mamu|baba|mama|tata)\b"
)
RELATIVE_POSSESSIVE_RE = re.compile(r"(?<![\w'’@#])(" + WORD + r")(?=" + RELATIVE_AFTER + r")", re.I)
WORK_DEALING_RE = re.compile(
    r"\b(?:reported me|complain(?:ed|t|ts)? (?:about|to) me|my (?:manager|tm|team manager|senior|supervisor)|"
    r"the office|duty line|not allowed|isn'?t allowed|no contact|supervised|new address|settled in|"
    r"told you about|on my list|my list|case|placement|visit|visits|contact|on (?:the )?file|case file|"
    r"(?:message|call|text|voicemail|phone call) from)\b",
    re.I,
)
# initials that stand for a person: "drove J to", "R. finally said", "baby M.", "(J.W., DOB ...)"
INITIAL_SLOT_BEFORE_RE = re.compile(
    r"(?:\b(?:drove|took|visited|saw|seen|met|collected|picked up|dropped|told|asked|helped|supported|"
    r"placed|moved|baby|little|wee|young|with)\s+)$",
    re.I,
)
INITIAL_TOKEN_RE = re.compile(r"(?<![\w.'’])([A-HJ-Z])(\.)?(?=['’]s\b|(?![\w'’]))(?!\.\w)")
INITIAL_SUBJECT_AFTER_RE = re.compile(
    r"(?:['’]s\s+(?:mum|dad|mam|nan|foster|first|birth|social worker|placement|school)"
    r"|\s+(?:finally|said|says|told|asked|cried|disclosed|absconded|refused|turned up|ran away|came home|went missing|"
    r"has (?:got|been|moved|started|settled)|is (?:doing|settling|back|home|in care)|was (?:seen|found|arrested|excluded)|"
    r"got (?:excluded|arrested|his|her)|in (?i:year|yr) \d|\(\d))\b"
)
INITIAL_A_AFTER_RE = re.compile(
    r"\s+(?:today|tonight|yesterday|again|this (?:morning|afternoon|week))\b|\s*[,.!]"
)
DOTTED_INITIALS_RE = re.compile(r"(?<![\w.])([A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?)(?![\w])")
DOTTED_STOP = frozenset(
    "U.K. U.S. N.I. G.P. A.M. P.M. P.S. E.G. I.E. N.B. S.W. D.O.B. R.I.P. A.K.A. B.A. M.A. B.S. P.E. T.V.".split()  # noqa: SIM905
)
# a name spoken to: "I'm sorry, Jabu.", "rest easy Dorrie x"
VOCATIVE_RE = re.compile(
    r"\b(?:sorry|rest easy|rest well|sleep tight|fly high|miss you|love you|rip|goodbye|bye|night night|"
    r"proud of you)\s*,?\s+(" + WORD + r")\s*(?:[.!❤💔🙏x]|$)",
    re.I,
)
# a name as an aside after a person word: "one of our kinship carers, Dot, is being taken to court"
APPOSITIVE_NAME_RE = re.compile(
    r"\b(?:carers?|kinship carers?|foster carers?|residents?|clients?|patients?|service users?|young (?:person|people)|"
    r"lads?|lasses?|girls?|boys?|mums?|mams?|dads?|kids?|families|yp|care leavers?|tenants?|neighbours?|grans?|"
    r"nans?|grandads?)\s*,\s*([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s*,"
)
END_VOCATIVE_RE = re.compile(r",\s+([A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)\s*[.!?]*\s*(?:[^\w\s]\s*)*$")
CONTACT_NAME_RE = re.compile(
    r"\b(?:ring|call|text|phone|contact|ask for|speak to|message|whatsapp)\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+"
    r"(?:on|at)\s+(?:\+44|0)\d",
    re.I,
)
IF_YOU_READ_RE = re.compile(
    r"\b("
    + WORD
    + r"),?\s+if\s+(?:you|ye|u|youse)(?:['’]re|\s+(?:are|r|is))?\s+(?:ever\s+)?(?:read|reading|see|seeing|sees)\s+"
    r"this\b",
    re.I,
)
MET_UP_RE = re.compile(
    r"\b(?:met up with|meet up with|catch(?:ing)? up with|caught up with|bumped into|ran into|had a pint with|"
    r"coffee with|brew with)\s+(" + WORD + r")",
    re.I,
)
# a message quoted from someone who names themselves: "'hiya its preryn from ward 5 can u bring my fags'"
SELF_INTRO_RE = re.compile(
    r"\b(?:hiya|hi|hello|hey|alright|morning),?\s+(?:it'?s|its|it’s|this is|im|i'm|i’m)\s+(" + WORD + r")"
    r"(?=\s+(?:from|here|again|off|on|at|in|,)|\s*[,.!])",
    re.I,
)

# a double-barrelled surname in casework: "the Okonkwo-Bailey final hearing", "for the Price-Jandu kids"
DOUBLE_SURNAME_RE = re.compile(r"(?<![\w'’-])([A-Z][a-z]{2,}(?:-[A-Z][a-z]{2,})+)(?![\w'’-])")
# a town on no list after "home to / back to": "got Nain home to Blaenau"
HOME_TO_PLACE_RE = re.compile(r"\b(?:home|back|moved|moving|move|moves)\s+(?:back\s+)?to\s+(" + CAP + r")")
WELSH_SCOTS_PLACE_RE = re.compile(
    r"(?:llan|aber|pont|cwm|tre|bryn|caer|pen|blaen|ystrad|glyn|nant|rhos|dun|inver|kil|auchen|strath|bally|"
    r"carrick|drum|glen)[a-z]{2,}"
)
# "Year 10, football mad, goes to ...": a school year as an aside at the start of a sentence
SCHOOL_YEAR_ASIDE_RE = re.compile(r"(?:^|[.!?]\s+)((?:Year|Yr|year|yr)\s+(?:[1-9]|1[0-3]))(?=\s*,)")
# Scottish primary and secondary years and the first school year: "she's in P6", "an S3 pupil", "starts reception"
SCOTS_YEAR_RE = re.compile(
    r"\b(?:in|into|a|an|now|just|starts?|started|starting|going into|moved up to|(?:he|she)['’]?s)\s+"
    r"((?-i:[PS][1-7])|reception(?= in| next| this| class| in september| after)|blwyddyn\s+\d{1,2})\b(?!\s*\d)",
    re.I,
)
# named wards: "six weeks on Dyfi ward", "Rainbow Ward"; kinds of ward are not names
WARD_NAME_RE = re.compile(r"\b([A-Z][a-z]{2,}(?:\s+[A-Z][a-z]+)?)\s+(?:[Ww]ard)\b")
WARD_KINDS = frozenset(
    """labour maternity children's childrens general psychiatric acute surgical medical elderly stroke cardiac cancer
    day emergency assessment isolation private mixed female male postnatal antenatal neonatal intensive paediatric
    mental dementia rehab rehabilitation respiratory covid orthopaedic geriatric renal the a an my our his her
    their this that same old new liberal labour conservative council electoral""".split()  # noqa: SIM905
)
# homes and units named with a residential word: "Moor Lane Residential", "Oak House Respite"
RESIDENTIAL_NAME_RE = re.compile(
    r"\b((?:"
    + CAP
    + r"\s+){1,3}(?:Residential|Respite|Short Breaks))\b(?!\s+(?i:care|home|social|worker|workers|sector|staff|team))"
)

# ages as people give them roughly: "in her late 80s", "a lad of 15", "born in 2009"
DECADE_AGE_RE = re.compile(
    r"\b(?:in|into)\s+(?:his|her|their)\s+((?:early|mid|late|mid-)?\s?(?:\d0s|\d0's|teens|twenties|thirties|"
    r"forties|fifties|sixties|seventies|eighties|nineties))\b",
    re.I,
)
PERSON_OF_AGE_RE = re.compile(
    r"\b(?:toddler|boy|girl|lad|lass|laddie|lassie|child|kid|baby|man|woman|lady|gent|gentleman|bloke|fella|"
    r"wean|bairn)\s+of\s+((?:\d{1,3}|" + NUMWORD + r")(?:\s+(?:months|weeks|years))?)\b"
    r"(?!\s*(?:%|:|\.\d|of\b|or\b|to\b|-|–|others|people|them|us|the\b))",
    re.I,
)
BORN_YEAR_RE = re.compile(r"\b(born\s+in\s+(?:19[2-9]\d|20[0-2]\d))\b", re.I)
# a GP surgery named after its doctor, a hospital known by a short name, a house number
DOCTOR_SURGERY_RE = re.compile(r"\b(Dr\.?\s+[A-Z][\w'’-]+['’]s?\s+(?:surgery|practice|clinic))\b", re.I)
SHORT_HOSPITAL_RE = re.compile(
    r"\b(?:at|in|to|from|into|on a ward at|on the \w+ ward at)\s+(the\s+(?:Royal\s+(?:Vic|Victoria|Infirmary|Free|"
    r"London|Marsden|Brompton|Surrey|Sussex|Berkshire|Devon|Cornwall|Derby|Stoke|Bolton|Oldham|Preston|Blackburn|"
    r"Albert|Alexandra|Gwent|Glamorgan|Hallamshire|Liverpool|Bournemouth|United|Hampshire|Lancaster|Shrewsbury|"
    r"Wolverhampton|Bolton|Cornwall|Oldham|Hospital|Infirmary)|Princess\s+Royal|Queen\s+Elizabeth|QE|QEH|QMC|"
    r"Queen['’]?s|Royal|Infirmary|General|Jenny\s+Lind|Alder\s+Hey|Evelina|Sick\s+Kids))(?![\w'’])"
)
HOUSE_NUMBER_RE = re.compile(r"\b((?:house|hse|flat|door)\s+(?:no\.?|number)\s*\d{1,4}[a-z]?)\b", re.I)

JOB_TITLE_AFTER_RE = re.compile(
    r"\s*[,|-]\s*(?:[\w'’-]+\s+){0,3}(?:manager|lead|leader|director|co-?ordinator|officer|adviser|advisor|"
    r"practitioner|social worker|sw|head of [\w ]+|supervisor|recruiter|chair|trustee|ceo)\b",
    re.I,
)

# ", 87, on her own" / ", 9, whose da": an age between commas with a person earlier in the sentence
COMMA_AGE_RE = re.compile(
    r"(?<=[A-Za-z])\s*,\s*((?:aged?\s+|about\s+|nearly\s+|almost\s+|only\s+|just\s+)?(?:\d{1,3}|"
    + NUMWORD
    + r"))\s*"
    r"(?=,\s*[A-Za-z]|\s+(?:on|in|at|from|no|lives|living|whose|convinced|still|never|been|but|and|who|with)\b)",
    re.I,
)
# a sentence that opens with an age: "94, lives alone", "17, Albanian, been in Swansea", "95 and still the
# biggest flirt", "Nearly 3 and still no words"
SENTENCE_AGE_RE = re.compile(
    r"(?:^|[.!?:]\s+|\n\s*|\s[-–—]\s|[\U0001F300-\U0001FAFF]\s*)((?:(?i:nearly|almost|only|just|now|aged?)\s+)?(?:\d{1,3}|(?i:"
    + NUMWORD
    + r")))"
    r"(?:\s*,\s*(?=[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,3}\s*,|(?i:lives|living|no|from|convinced|been|never|still|"
    r"going|starting|off)\b)|\s+and\s+(?!(?i:a half|a bit|\d))(?=[a-z])"
    r"|\s*\((?i:apparently|allegedly|supposedly|nearly|almost|ish|we think|they say)\))",
)
# "mammy's 17", "wean's 3 weeks": a person word with the contracted "is"
HOLDER_IS_AGE_RE = re.compile(
    r"(?<=[A-Za-z])['’]s\s+((?:only\s+|just\s+|now\s+|nearly\s+)?(?:\d{1,3}|" + NUMWORD + r")"
    r"(?:\s+(?:weeks?|months?|days?)(?:\s+old)?)?)\b"
    r"(?!\s*(?:%|pm|am|:|\.\d|minutes|mins|hours|hrs|miles|times|quid|pounds|o'?clock|of\b))",
    re.I,
)
# an age at a life event: "adopted at 2", "came out as gay at 81", "came into care at 15"
EVENT_AGE_RE = re.compile(
    r"\b(?:adopted|placed|removed|came into care|taken into care|came to us|came to me|fostered|excluded|"
    r"diagnosed|pregnant|a mum|a mam|a dad|a parent|came out(?: as \w+)?|arrived(?: in the uk)?|left home|"
    r"left care|left school|married|widowed|kicked out|homeless)\s+at\s+((?:\d{1,2}|" + NUMWORD + r"))\b"
    r"(?!\s*(?:am|pm|:|\.\d|o'?clock|%|mph))",
    re.I,
)
WELSH_AGE_RE = re.compile(r"\b(\d{1,3}\s+(?:mlwydd\s+oed|blwydd\s+oed|oed))\b", re.I)

# the author as the patient: "Day 3 on ward 9 at Morriston after my gallbladder op"
OWN_PATIENT_RE = re.compile(
    r"\b(?:my|our)\s+(?:\w+\s+)?(?:op|operation|surgery|scan|appointment|stay|treatment|labour|c-?section|"
    r"birth|admission|procedure|recovery|bed)\b|\bi(?:'m| am| was)\s+(?:in|on|at)\s+(?:the\s+)?(?:ward|hospital)\b",
    re.I,
)
# a birthday of the author's own relative named by kinship alone: "Mam turns 90 on Sunday!!"
BARE_KIN_START_RE = re.compile(
    r"(?:^|[.!?]\s+)(?:mam|mum|mom|dad|da|nan|nana|nanna|gran|granny|grandad|grandma|grandpa|taid|nain)"
    r"(?:['’]s)?\s*(?:turns\s+|turned\s+|is\s+)?$",
    re.I,
)

# a post in Title Case ("Placed With His Two Dads In Hexham"): places after capitalised prepositions
TITLE_PLACE_RE = re.compile(r"\b(?:In|From|Near|To)\s+([A-Z][a-z]{3,}(?:-[A-Z][a-z]+)*)\b")
# "NUMBER 42 YOU KNOW WHO YOU ARE" in a post that names the street or estate
BARE_NUMBER_RE = re.compile(
    r"\b((?:number|no\.?)\s*\d{1,3}[a-z]?)\b(?!\s*(?:%|of\b|on the list|in the queue|one))", re.I
)
# settings in lower case after the people in them: "the kids at oakdene"
LOWER_SETTING_RE = re.compile(
    r"\b(?:kids|lads|girls|boys|residents|young people|yp|staff|weans|bairns)\s+(?:at|in|from)\s+([a-z]{4,}(?:lands|"
    r"fields?|wood|side|view|bank|acres|lea|mead|dene|croft|holme|brook|hurst|leigh|combe|haven|garth|dale|ridge|"
    r"moor|mount|park|house|lodge))\b"
)
# the same with a capitalised name: "our LAC review for the twins at Bryn Offa"
CAP_SETTING_RE = re.compile(
    r"\b(?:kids|lads|girls|boys|residents|young people|yp|weans|bairns|twins|children)\s+(?:at|in|from)\s+"
    r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)
# a family by its surname opening a sentence: "Kowalski boy excluded again"
SURNAME_START_RE = re.compile(
    r"(?:^|[.!?]\s+|\n)([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?:boy|girl|kids|family|twins|lad|lass|children|brothers|"
    r"sisters|household|baby|clan|lot)\b"
)
# initials with an age in brackets: "JJ (15)", "K (7)"; not the shorthands for people the author writes about
INITIALS_AGE_RE = re.compile(r"\b([A-Z]{1,2})\s\((?:aged?\s)?\d{1,2}\)")
INITIALS_AGE_STOP = frozenset(
    [
        "YP",
        "SW",
        "UK",
        "LA",
        "CP",
        "PA",
        "GP",
        "DD",
        "DS",
        "DH",
        "OH",
        "DP",
        "SO",
        "MH",
        "LD",
        "UC",
        "IRO",
        "I",
        "A",
    ]
)
# "his 18th at the club on the Kingsway": a birthday by its number
HIS_NTH_RE = re.compile(
    r"\b(?:his|her|their)\s+(\d{1,3}(?:st|nd|rd|th))\b(?=\s+(?:party|do\b|bash|birthday (?:party|do)|"
    r"(?:at|in)\s+(?:the\s+)?(?:(?-i:[A-Z])|club|pub|hall|social|legion|working|rugby|football|cricket|golf)))",
    re.I,
)

BABY_INITIAL_RE = re.compile(r"\b(?:[Bb]aby|[Ll]ittle|[Ww]ee|[Ll]il)\s+([A-Z])(?:\.|(?=['’]s\b)|(?![\w'’]))")
VOCATIVE_INITIAL_RE = re.compile(
    r"\b(?:proud of you|love you|miss you|well done|thinking of you)\s+([A-HJ-Z])(?=\s*(?:x+\b|[.!❤💙💜🥰]|$))"
)
TOWN_AFTER_RE = re.compile(r"\s+(?:in|on|off)\s+(" + CAP + r")")
COMMA_CAP_COMMA_RE = re.compile(r",\s*[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s*,")
AT_NUMBER_RE = re.compile(r"\bat\s+(?:\d|(?:" + NUMWORD + r")\b)", re.I)
NUMWORD_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
    ]
)
OWN_CHILD_GATE_WORDS = frozenset(["eldest", "youngest", "oldest", "middle", "firstborn", "first"])
OWN_PATIENT_GATE_WORDS = frozenset(
    [
        "op",
        "operation",
        "surgery",
        "scan",
        "appointment",
        "stay",
        "treatment",
        "labour",
        "c-section",
        "csection",
        "birth",
        "admission",
        "procedure",
        "recovery",
        "bed",
        "ward",
        "hospital",
    ]
)
CARE_SETTING_WORDS = frozenset(
    [
        "home",
        "homes",
        "resident",
        "residents",
        "residential",
        "care",
        "carer",
        "carers",
        "unit",
        "dementia",
        "nursing",
        "staff",
        "shift",
        "placement",
        "keyworker",
        "keyworking",
        "hostel",
        "respite",
        "visit",
        "visits",
        "school",
        "nursery",
        "pupil",
        "pupils",
        "ward",
        "patient",
        "patients",
        "manager",
    ]
)
THE_CAP_PRESENT_RE = re.compile(r"\bthe [A-Z]")
NUMWORD_PRESENT_RE = re.compile(r"\b(?:" + NUMWORD + r")\b", re.I)
SCOTS_YEAR_PRESENT_RE = re.compile(r"\b(?:[PS][1-7]\b|(?i:reception|blwyddyn))")
SHORT_HOSPITAL_PRESENT_RE = re.compile(
    r"\b(?:Royal|Princess|Queen|QE|QEH|QMC|General|Infirmary|Jenny|Alder|Evelina|Sick)\b"
)
GATE_VEHICLE_WORDS = frozenset(
    [
        "car",
        "van",
        "motor",
        "corsa",
        "fiesta",
        "focus",
        "golf",
        "polo",
        "clio",
        "micra",
        "mini",
        "beetle",
        "picanto",
        "yaris",
        "jazz",
        "panda",
        "500",
        "astra",
        "juke",
        "qashqai",
        "kuga",
        "camper",
        "campervan",
    ]
)
GATE_ANIMAL_WORDS = frozenset(
    [
        "dog",
        "dogs",
        "puppy",
        "pup",
        "cat",
        "cats",
        "kitten",
        "pony",
        "horse",
        "rabbit",
        "bunny",
        "hamster",
        "pig",
        "budgie",
        "parrot",
        "tortoise",
        "fish",
        "goldfish",
        "chicken",
        "hen",
        "lamb",
        "goat",
        "donkey",
        "alpaca",
        "ferret",
        "snake",
        "lizard",
        "gecko",
    ]
)
GATE_HOUSE_WORDS = frozenset(["house", "hse", "flat", "door"])
GATE_INSTITUTION_WORDS = frozenset(
    [
        "court",
        "courts",
        "hospital",
        "unit",
        "prison",
        "school",
        "gates",
        "nursery",
        "hospice",
        "home",
        "centre",
        "tribunal",
        "refuge",
        "hostel",
    ]
)
GATE_DWELLING_WORDS = frozenset(
    [
        "caravan",
        "static",
        "tent",
        "bedsit",
        "b",
        "hotel",
        "squat",
        "flat",
        "house",
        "bungalow",
        "maisonette",
        "hostel",
    ]
)
GATE_HOSPITAL_EVENT_WORDS = frozenset(
    [
        "born",
        "delivered",
        "admitted",
        "discharged",
        "transferred",
        "died",
        "passed",
        "blue-lighted",
        "bluelighted",
        "rushed",
        "taken",
    ]
)
GATE_HOME_TO_WORDS = frozenset(["home", "back", "moved", "moving", "move", "moves"])
GATE_LOWER_SETTING_WORDS = frozenset(
    ["kids", "lads", "girls", "boys", "residents", "young", "yp", "staff", "weans", "bairns"]
)
GATE_DECADE_WORDS = frozenset(
    ["teens", "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
)
GATE_VOCATIVE_WORDS = frozenset(
    ["sorry", "rest", "sleep", "fly", "miss", "love", "rip", "goodbye", "bye", "night", "proud"]
)
GATE_MET_UP_WORDS = frozenset(
    ["met", "meet", "catch", "catching", "caught", "bumped", "ran", "pint", "coffee", "brew"]
)
GATE_CONTACT_WORDS = frozenset(
    ["ring", "call", "text", "phone", "contact", "ask", "speak", "message", "whatsapp"]
)
TREE_HOME_WORDS = frozenset(w.lower() for w in re.findall(r"[A-Z][a-z]+", TREE_HOME_RE.pattern))
LANDMARK_WORDS = frozenset(
    [
        "chippy",
        "chippie",
        "chip",
        "fish",
        "spar",
        "londis",
        "co-op",
        "coop",
        "costcutter",
        "nisa",
        "stop",
        "premier",
        "tesco",
        "asda",
        "aldi",
        "lidl",
        "greggs",
        "launderette",
        "laundrette",
        "bookies",
        "betting",
        "pub",
        "offy",
        "off-licence",
        "licence",
        "corner",
        "paper",
        "newsagent",
        "newsagents",
        "takeaway",
        "kebab",
        "chinese",
        "pizza",
        "garage",
        "petrol",
        "church",
        "chapel",
        "mosque",
        "gurdwara",
        "temple",
        "park",
        "rec",
        "playing",
        "field",
        "fields",
        "reservoir",
        "canal",
        "viaduct",
        "railway",
        "station",
        "bus",
        "library",
        "post",
        "community",
        "leisure",
        "health",
        "doctors",
        "surgery",
        "chemist",
        "pharmacy",
        "vet",
        "vets",
        "barber",
        "barbers",
        "hairdresser",
        "hairdressers",
        "nail",
        "tattoo",
        "car",
        "wash",
        "scrapyard",
        "tip",
        "retail",
        "roundabout",
        "level",
        "war",
        "clock",
        "market",
        "shops",
        "precinct",
        "police",
        "fire",
        "football",
        "stadium",
        "working",
        "social",
        "legion",
        "bingo",
        "arcade",
        "bakery",
        "butcher",
        "butchers",
        "cafe",
        "café",
        "caff",
        "maccies",
        "mcdonalds",
        "kfc",
        "lock-ups",
        "lockups",
        "garages",
        "allotment",
        "allotments",
        "cemetery",
        "crem",
        "crematorium",
        "quarry",
        "pit",
        "slag",
        "lido",
        "pier",
        "prom",
        "promenade",
        "beach",
        "harbour",
        "docks",
        "marina",
        "bandstand",
        "mill",
        "factory",
        "warehouse",
        "pylon",
        "pylons",
        "phone",
        "box",
    ]
)


_NO_MATCHES: tuple[re.Match[str], ...] = ()


def _gated(rx: re.Pattern[str], text: str, ok: bool) -> Iterable[re.Match[str]]:
    """``rx.finditer(text)`` when a cheap test says the pattern can match at all, else nothing."""
    return rx.finditer(text) if ok else _NO_MATCHES


def _find_details(p: _Post, out: list[Cand]) -> None:
    """Identifying details next to what the other finders found (runs after them, so it can use names)."""
    text = p.text
    lw = p.low_words
    # cheap tests first: most regular expressions below can only match when one of a few words is in the post
    nums = p.has_digit or bool(lw & NUMWORD_WORDS) or ("-" in text and bool(NUMWORD_PRESENT_RE.search(text)))
    care_setting = bool(lw & CARE_SETTING_WORDS) or (
        bool(lw & {"key", "supported", "day", "sleep", "sleep-in"}) and bool(CARE_SETTING_RE.search(text))
    )
    taken = [(c.start, c.end) for c in out if c.category in IDENTIFIERS]

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    # public figures and published cases ("Read Baby P.") are never flagged
    quiet = (
        list(_public_figure_spans(p))
    )

    so = p.__dict__["signoff"] if "signoff" in p.__dict__ else SIGNOFF_RE.search(text)
    if so and not (text[so.start()] in "-–—~" and so.start() and text[so.start() - 1].isalpha()):
        quiet.append((so.start(1), so.end()))  # a sign-off, not the hyphen inside "Jaxon-Lee"
    if lw & GATE_VEHICLE_WORDS:
        quiet += [m.span(1) for m in CAR_NAME_RE.finditer(text)]
    if lw & GATE_ANIMAL_WORDS:
        quiet += [m.span(1 if m.group(1) else 2) for m in ANIMAL_NAME_RE.finditer(text)]
    # a post about the author's own children ("our eldest got his results ... proud of you Osian")
    own_kids = (
        bool(p.own_family or (lw & OWN_CHILD_GATE_WORDS and OWN_CHILD_BARE_RE.search(text)))
        and not p.fostering
        and not p.case_strong
    )

    def add(c: Cand) -> None:
        if (
            own_kids
            and c.category in ("name", "age")
            and c.rule in ("name-in-slot", "age-aside", "age-after-name")
        ):
            c.own = True
        if c.category == "name" and (
            COLLEAGUE_AFTER_RE.match(text, c.end)
            or JOB_TITLE_AFTER_RE.match(text, c.end)
            or COLLEAGUE_BEFORE_RE.search(text[max(0, c.start - 40) : c.start])
        ):
            return  # a colleague or the author signing off ("Siân Morgan-Rees, Fostering Team Manager")
        if c.own and not p.fostering and not p.casework:
            return  # the author's own family outside work: not worth even a note
        if free(c.start, c.end) and not any(a < c.end and c.start < b for a, b in quiet):
            out.append(c)
            taken.append((c.start, c.end))

    own_fam = p.own_family and not p.fostering and not p.case_strong
    # --- ages as asides
    for m in _gated(AGE_AFTER_HOLDER_RE, text, nums and "," in text):
        if _prev_word(text, m.start()) not in AGE_HOLDER_LAST:
            continue
        n = re.search(r"\d+", m.group(1))
        if n and int(n.group(0)) > 110:
            continue
        own = bool(
            re.search(r"\b(?:my|our)\s+(?:\w+\s+)?[\w/]+\s*$", text[max(0, m.start() - 25) : m.start()], re.I)
        )
        add(Cand("age", m.start(1), m.end(1), "age-after-person", own=(own and not p.fostering) or own_fam))
    names = [c for c in out if c.category == "name" and c.rule != "social-media-handle"]
    for c in names:
        am = AGE_AFTER_NAME_RE.match(text, c.end)
        if am:
            n = re.search(r"\d+", am.group(1))
            if n and (int(n.group(0)) > 110 or int(n.group(0)) == 0):
                continue
            own = (
                c.own
                or own_fam
                or bool(re.search(r"\b(?:my|our)\s+(?:\w+\s+)?$", text[max(0, c.start - 15) : c.start], re.I))
            )
            add(Cand("age", am.start(1), am.end(1), "age-after-name", own=own))
    for m in _gated(PAREN_WORD_AGE_RE, text, "(" in text and nums):
        if _person_before(text, m.start(), 60):
            add(Cand("age", m.start(1), m.end(1), "age-in-brackets", own=own_fam))
    for rx, rule, ok in (
        (DECADE_AGE_RE, "age-decade", "0s" in text or bool(lw & GATE_DECADE_WORDS)),
        (PERSON_OF_AGE_RE, "age-of", nums and "of" in lw),
        (BORN_YEAR_RE, "born-in-year", p.has_digit and "born" in lw),
    ):
        for m in _gated(rx, text, ok):
            own = bool(
                re.search(r"\b(?:my|our|i'?m|i am|i was)\b", text[max(0, m.start() - 25) : m.start()], re.I)
            )
            if re.match(
                r"\b(?:i|we)\b", text[max(0, m.start() - 30) : m.start()].split(".")[-1].strip(), re.I
            ):
                own = True
            add(Cand("age", m.start(1), m.end(1), rule, own=(own and not p.fostering) or own_fam))
    for m in _gated(COMMA_AGE_RE, text, nums and "," in text):
        n = re.search(r"\d+", m.group(1))
        if (n and not 0 < int(n.group(0)) <= 110) or not _person_before(text, m.start(), 60):
            continue
        if re.search(r"\d\s*$", text[max(0, m.start() - 3) : m.start()]):
            continue
        add(Cand("age", m.start(1), m.end(1), "age-appositive", own=own_fam))
    for rx, ok in (
        (HOLDER_IS_AGE_RE, nums and ("'s" in text or "’s" in text)),
        (EVENT_AGE_RE, nums and "at" in lw and bool(AT_NUMBER_RE.search(text))),
        (WELSH_AGE_RE, "oed" in lw),
    ):
        for m in _gated(rx, text, ok):
            if rx is HOLDER_IS_AGE_RE and _prev_word(text, m.start()).rstrip("'’") not in AGE_HOLDER_LAST:
                continue
            own = bool(
                re.search(r"\b(?:my|our)\s+(?:\w+\s+)?$", text[max(0, m.start() - 15) : m.start()], re.I)
            )
            add(Cand("age", m.start(1), m.end(1), "age-aside", own=(own and not p.fostering) or own_fam))
    ages = [c for c in out if c.category == "age"]
    for c in ages:
        nm = NOW_AFTER_AGE_RE.match(text, c.end)
        if nm:
            add(Cand("age", nm.start(1), nm.end(1), "age-now", own=c.own))
    for m in _gated(HOUSE_NUMBER_RE, text, p.has_digit and bool(lw & GATE_HOUSE_WORDS)):
        add(Cand("address", m.start(1), m.end(1), "house-number"))
    # --- homes placed by a landmark
    for m in _gated(LANDMARK_HOME_RE, text, bool(lw & LANDMARK_WORDS)):
        cue = LANDMARK_CUE_BEFORE_RE.search(text, max(0, m.start() - 80), m.start())
        if not cue:
            continue
        own = bool(cue.group("own")) or bool(
            re.search(r"\b(?:my|our|i|we)\s+(?:\w+\s+)?$", text[max(0, cue.start() - 12) : cue.start()], re.I)
        )
        c = Cand("address", m.start("desc"), m.end("desc"), "landmark-home", own=own, strength=0)
        c.why = "a home placed by a local landmark: people who live nearby will know who is meant"
        # "the tiny flat above the launderette in Mumbles": the town goes with it
        tm = TOWN_AFTER_RE.match(text[c.end : c.end + 40])
        if tm and tm.group(1).lower() not in STOP_CAPS and free(c.end, c.end + tm.end(1)):
            c.end += tm.end(1)
        add(c)
    # --- homes and schools by a short name: in casework, or next to someone's name, age or room
    people = any(c.category in ("name", "age") and not c.own for c in out) or any(
        c.rule == "ward-bed-room" for c in out
    )
    if p.casework or p.fostering or people:
        if care_setting and lw & TREE_HOME_WORDS:
            for m in TREE_HOME_RE.finditer(text):
                add(Cand("institution", m.start(), m.end(1), "named-home", strength=0))
        for rx, ok in (
            (DOCTOR_SURGERY_RE, "Dr" in text),
            (SHORT_HOSPITAL_RE, bool(SHORT_HOSPITAL_PRESENT_RE.search(text))),
        ):
            for m in _gated(rx, text, ok):
                add(Cand("institution", m.start(1), m.end(1), "hospital-named"))
        for m in _gated(SAINT_AFTER_RE, text, "St" in text or "Saint" in text):
            w = m.group(1)
            if (
                w.lower().replace(".", "") in _data.places()
                or re.sub(r"['’]s?$", "", w).lower() in _data.places()
            ):
                continue
            add(Cand("institution", m.start(1), m.end(1), "saint-name", strength=0))
        for m in _gated(INSTITUTION_AT_RE, text, bool(lw & GATE_INSTITUTION_WORDS)):
            w = m.group(1)
            w0 = w.split()[0].lower()
            if w0 in STOP_CAPS or re.sub(r"['’]s$", "", w0) in STOP_CAPS:
                continue
            cat = "place" if w0 in _data.places() else "institution"
            add(Cand(cat, m.start(1), m.end(1), "institution-located", strength=0))
        for m in _gated(DWELLING_AT_RE, text, bool(lw & GATE_DWELLING_WORDS)):
            w0 = m.group(1).split()[0].lower()
            if w0 not in STOP_CAPS:
                add(Cand("place", m.start(1), m.end(1), "place-after-preposition", strength=0))
        if care_setting:
            for m in SETTING_AT_RE.finditer(text):
                k = m.group(1).lower()
                if text[max(0, m.start() - 5) : m.start()].lower().rstrip() not in (
                    "at",
                    "from",
                    "in",
                ) and not (
                    text[max(0, m.start() - 5) : m.start()].lower().endswith((" at ", " in ", "from "))
                ):
                    continue  # only after at / from / in
                if (
                    k in STOP_CAPS
                    or k in _data.places()
                    or k in _data.first_names()
                    or _is_sentence_start(text, m.start(1))
                ):
                    continue
                add(Cand("institution", m.start(1), m.end(1), "setting-named", strength=0))
        for m in _gated(THE_AREA_RE, text, bool(THE_CAP_PRESENT_RE.search(text))):
            w = m.group(1)
            k = w.lower()
            eng = _data.english_words()
            if (
                k in STOP_CAPS
                or k.rstrip("s") in STOP_CAPS
                or k in _data.first_names()
                or not (k in _data.places() or k not in eng)  # "the Holylands": a compound is fine
            ):
                continue
            add(Cand("place", m.start(1), m.end(1), "place-after-preposition", strength=0))
        for m in _gated(HOSPITAL_EVENT_RE, text, bool(lw & GATE_HOSPITAL_EVENT_WORDS)):
            w = m.group(2)
            w0 = w.split()[0].lower()
            if w0 in STOP_CAPS and w0 not in (
                "royal",
                "general",
                "princess",
                "queen",
                "king",
                "queens",
                "kings",
            ):
                continue
            if w0 in _data.places() and not m.group(1):
                add(Cand("place", m.start(2), m.end(2), "place-after-preposition", strength=0))
                continue
            add(Cand("institution", m.start(1) if m.group(1) else m.start(2), m.end(2), "hospital-named"))
        if care_setting:
            for c in names:
                nm = NAME_AT_RE.match(text, c.end)
                if not nm:
                    continue
                w = nm.group(1)
                w0 = w.split()[0].lower()
                if w0 in STOP_CAPS or w0 in _data.first_names() or w0 in _data.english_words():
                    continue
                cat = "place" if w0 in _data.places() else "institution"
                add(Cand(cat, nm.start(1), nm.end(1), "setting-after-name", strength=0))
    # --- people named through a relative, when the post is about dealing with them
    if (
        ("'s" in text or "’s" in text)
        and RELATIVE_POSSESSIVE_RE.search(text)
        and (WORK_DEALING_RE.search(text) or DEALING_WITH_AUTHOR_RE.search(text))
        and not PRIVATE_LIFE_PEOPLE_RE.search(text)
    ):
        firsts, amb = _data.first_names(), _data.ambiguous_names()
        for m in RELATIVE_POSSESSIVE_RE.finditer(text):
            w = m.group(1)
            k = w.lower()
            if k in ENGLISH_POSSESSORS or k in STOP_CAPS or k in NOT_NAME or k in _data.places():
                continue
            if re.search(r"\b(?:my|our|your)\s+(?:\w+\s+)?$", text[max(0, m.start() - 20) : m.start()], re.I):
                continue  # "my friend Sarah's mum", "our Jack's dad"
            if not (k in firsts or (k in amb and w[:1].isupper()) or _unknown_word(w, p, typo_check=False)):
                continue
            for c in out:
                if c.category == "name" and c.start <= m.start() < c.end:
                    c.rule, c.strength = "name-possessive-case", 2
                    c.meta["strong"] = True
                    break
            else:
                add(
                    Cand(
                        "name",
                        m.start(1),
                        m.end(1),
                        "name-possessive-case",
                        strength=2,
                        meta={"strong": True},
                    )
                )
    for m in _gated(PROFILE_URL_RE, text, ".com/" in p.low):
        if not ORG_HANDLE_RE.search(m.group(1)):
            add(Cand("name", m.start(), m.end(1), "social-media-handle", strength=2))
    # --- initials: "Baby M", "little J" stand for a child in any post
    for m in _gated(BABY_INITIAL_RE, text, bool(lw & {"baby", "little", "wee", "lil"})):
        add(Cand("name", m.start(), m.end(1), "name-initial", strength=2))
    # --- initials: in casework, or next to a hard identifier ("the father (T.W., DOB ...)")
    if p.casework or p.fostering or any(c.category in HARD for c in out):
        for m in INITIAL_TOKEN_RE.finditer(text):
            s = m.start(1)
            before = text[max(0, s - 25) : s]
            slot = INITIAL_SLOT_BEFORE_RE.search(before)
            if m.group(1) == "A" and not (slot and INITIAL_A_AFTER_RE.match(text, m.end())):
                continue  # "A" is mostly the article or a grade: only "with A today", "drove A to"
            if not slot and not INITIAL_SUBJECT_AFTER_RE.match(text, m.end()):
                continue
            add(Cand("name", s, m.end(1), "name-initial", strength=2))
        for m in _gated(DOTTED_INITIALS_RE, text, "." in text):
            if m.group(1).replace(" ", "").upper() in DOTTED_STOP:
                continue
            add(Cand("name", m.start(1), m.end(1), "name-initial", strength=2))
    # --- second batch: double-barrelled surnames, towns after "home to", school years, wards, residential units
    if p.casework or p.fostering:
        eng, places = _data.english_words(), _data.places()
        for m in _gated(DOUBLE_SURNAME_RE, text, "-" in text):
            parts = [x.lower() for x in m.group(1).split("-")]
            if any(x in STOP_CAPS or x in places for x in parts) or m.group(1).lower() in places:
                continue
            if sum(x in eng and x not in _data.first_names() for x in parts) > (len(parts) - 1):
                continue  # "Follow-Up", "Non-Verbal"; one ordinary part is fine ("Oyelaran-Pike")
            if parts[0] in eng and parts[0] not in _data.first_names() and parts[0] not in _data.surnames():
                continue  # "Anglo-Saxon", "Self-Care"
            add(Cand("name", m.start(1), m.end(1), "double-surname", strength=2))
        for m in _gated(HOME_TO_PLACE_RE, text, bool(lw & GATE_HOME_TO_WORDS)):
            w = m.group(1)
            k = w.lower()
            if k in STOP_CAPS or k in _data.first_names() or k in _data.ambiguous_names():
                continue
            if k in places or (
                _unknown_word(w, p, typo_check=False)
                and (PLACE_SHAPED_RE.search(k) or WELSH_SCOTS_PLACE_RE.match(k))
            ):
                add(Cand("place", m.start(1), m.end(1), "place-after-preposition", strength=0))
        if THIRD_PERSON_RE.search(text):
            for m in _gated(SCHOOL_YEAR_ASIDE_RE, text, bool(lw & {"year", "yr"})):
                add(Cand("age", m.start(1), m.end(1), "school-year"))
        for m in _gated(SCOTS_YEAR_RE, text, bool(SCOTS_YEAR_PRESENT_RE.search(text))):
            if re.search(r"\b(?:my|our)\s+(?:\w+\s+){0,3}$", text[max(0, m.start() - 25) : m.start()], re.I):
                continue
            if _person_before(text, m.start(1), 60) or m.group(0)[:1].lower() in ("h", "s"):
                add(Cand("age", m.start(1), m.end(1), "school-year"))
        for m in _gated(WARD_NAME_RE, text, "ward" in lw):
            words = m.group(1).split()
            if (
                words[0].lower() in WARD_KINDS
                or words[0].lower() in STOP_CAPS
                or _is_sentence_start(text, m.start(1))
            ):
                continue
            add(Cand("institution", m.start(1), m.end(), "ward-name", strength=0))
        for m in _gated(RESIDENTIAL_NAME_RE, text, bool(lw & {"residential", "respite", "breaks"})):
            words = m.group(1).split()
            while words and words[0].lower() in STOP_CAPS:
                words = words[1:]
            if len(words) < 2:
                continue
            c = Cand("institution", m.end(1) - len(" ".join(words)), m.end(1), "named-home", strength=0)
            # a first name inside the home's name ("Bryn Glas Residential") is part of the name
            inside = [x for x in out if x.category == "name" and c.start <= x.start and x.end <= c.end]
            for x in inside:
                out.remove(x)
                taken.remove((x.start, x.end))
            add(c)
    for m in _gated(VOCATIVE_INITIAL_RE, text, bool(lw & {"you", "done"})):
        add(Cand("name", m.start(1), m.end(1), "name-initial", strength=2))
    # --- names in other slots
    for rx, ok in (
        (VOCATIVE_RE, bool(lw & GATE_VOCATIVE_WORDS)),
        (MET_UP_RE, bool(lw & GATE_MET_UP_WORDS)),
        (END_VOCATIVE_RE, "," in text),
        (CONTACT_NAME_RE, p.has_digit and bool(lw & GATE_CONTACT_WORDS)),
        (IF_YOU_READ_RE, "if" in lw),
        (SELF_INTRO_RE, bool(lw & {"hiya", "hi", "hello", "hey", "alright", "morning"})),
        (APPOSITIVE_NAME_RE, "," in text and bool(COMMA_CAP_COMMA_RE.search(text))),
    ):
        for m in _gated(rx, text, ok):
            w = m.group(1)
            k = w.lower().removesuffix("'s").removesuffix("’s")
            if not _cue_word_ok(w):
                continue
            cap = w[:1].isupper() and not w.isupper()
            if not (
                k in _data.first_names()
                or (cap and (_unknown_word(w, p, typo_check=False) or k in _data.ambiguous_names()))
                or (
                    cap and rx in (IF_YOU_READ_RE, APPOSITIVE_NAME_RE)
                )  # "Tam if ye read this", "carers, Dot,"
                or (
                    rx in (IF_YOU_READ_RE, MET_UP_RE, SELF_INTRO_RE)
                    and _unknown_word(w, p, typo_check=False)
                    and k not in _data.places()
                )  # "runden if you're reading this", "bumped into dothet", "hiya its preryn from ward 5"
            ):
                continue
            add(Cand("name", m.start(1), m.start(1) + len(k), "name-in-slot", strength=2))
    # --- the author's own hospital stay and own relatives' birthdays are not third parties
    own_patient = bool(lw & OWN_PATIENT_GATE_WORDS)
    for c in list(out):
        if c.category in ("institution", "place", "age", "date-of-birth") and not c.own:
            ss, se = p.sentence_of(c.start)
            if c.category in ("institution", "place") and own_patient and OWN_PATIENT_RE.search(text, ss, se):
                c.own = True
            if c.category in ("age", "date-of-birth") and BARE_KIN_START_RE.search(
                text[max(0, c.start - 24) : c.start]
            ):
                if p.casework:
                    c.own = True
                else:
                    out.remove(
                        c
                    )  # "Mam turns 90 on Sunday!!", "Mum (74) and dad": family news, not even a note
    # --- title-case posts, bare house numbers, settings in lower case, birthdays by number
    head = text.split(None, 8)[:8]
    words = WORD_RE.findall(text) if sum(w[:1].isupper() for w in head) >= 6 else []
    if len(words) >= 6 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words) and not p.caps:
        for m in TITLE_PLACE_RE.finditer(text):
            k = m.group(1).lower()
            if (k in _data.places() or _unknown_word(m.group(1), p, typo_check=False)) and k not in STOP_CAPS:
                add(Cand("place", m.start(1), m.end(1), "place-after-preposition", strength=0))
    if any(c.category == "address" and not c.own for c in out):
        for m in BARE_NUMBER_RE.finditer(text):
            add(Cand("address", m.start(1), m.end(1), "house-number"))
    if (p.casework or p.fostering or care_setting) and lw & GATE_LOWER_SETTING_WORDS:
        for m in LOWER_SETTING_RE.finditer(text):
            if _unknown_word(m.group(1), p, typo_check=False) or m.group(1) not in _data.english_words():
                add(Cand("institution", m.start(1), m.end(1), "setting-named", strength=0))
    if (p.casework or p.fostering or care_setting) and lw & {
        "kids",
        "lads",
        "girls",
        "boys",
        "residents",
        "young",
        "yp",
        "weans",
        "bairns",
        "twins",
        "children",
    }:
        for m in CAP_SETTING_RE.finditer(text):
            w0 = m.group(1).split()[0].lower()
            if w0 in STOP_CAPS or re.sub(r"['’]s$", "", w0) in STOP_CAPS:
                continue
            cat = "place" if m.group(1).lower() in _data.places() or w0 in _data.places() else "institution"
            add(
                Cand(
                    cat,
                    m.start(1),
                    m.end(1),
                    "setting-named" if cat == "institution" else "place-after-preposition",
                    strength=0,
                )
            )
    if p.casework or p.fostering:
        for m in SURNAME_START_RE.finditer(text):
            k = m.group(1).lower()
            if (
                k in STOP_CAPS
                or k in _data.places()
                or (k in _data.english_words() and k not in _data.surnames())
            ):
                continue
            add(Cand("name", m.start(1), m.end(1), "family-surname", strength=2))
    if "(" in text:
        for m in INITIALS_AGE_RE.finditer(text):
            if m.group(1) not in INITIALS_AGE_STOP:
                add(Cand("name", m.start(1), m.end(1), "name-initial", strength=2))
    for m in _gated(HIS_NTH_RE, text, p.has_digit and bool(lw & {"his", "her", "their"})):
        add(Cand("age", m.start(1), m.end(1), "age", own=own_fam))
    # --- a sentence that opens with an age, once every name is known ("T has a bed now. 19, no GP")
    if p.casework or p.fostering or any(c.category == "name" and not c.own for c in out):
        for m in _gated(SENTENCE_AGE_RE, text, nums):
            n = re.search(r"\d+", m.group(1))
            if n and not 0 < int(n.group(0)) <= 110:
                continue
            add(Cand("age", m.start(1), m.end(1), "age-aside", own=own_fam))


# ---- people described by something only they have: a car, a pet, clothes, a rare condition, an event,
# being the only one of their kind somewhere, a relative's business. With casework (or an age) this
# identifies a person as surely as a name; the finder of the fourth round (DISTINCTIVE_RE) covers fame,
# features and a few acts, these cover the rest.
DESC_PERSON = (
    r"(?:boy|girl|lad|lass|laddie|lassie|kid|child|teenager|teen|baby|toddler|man|woman|lady|bloke|fella|guy|"
    r"gent|gentleman|mum|mam|dad|da|mother|father|family|fam|couple|grandad|nan|granny|wean|one|ones|yp|"
    r"y/?o|yo|client|resident|tenant|neighbour|brothers|sisters|twins)"
)
DESC_COLOURS = (
    r"(?:pink|hot pink|purple|lilac|gold|golden|orange|lime(?: green)?|yellow|bright \w+|neon \w+|red|blue|green|"
    r"black|white|silver|grey|gray|camo|leopard print|tartan|rainbow|matte black|baby blue)"
)
DESC_VEHICLES = (
    r"(?:range rover|evoque|bmw|beemer|merc|mercedes|audi|corsa|fiesta|golf|polo|clio|qashqai|transit|mini|"
    r"beetle|jeep|hummer|motorbike|moped|scooter|mobility scooter|quad(?: bike)?|tractor|ice cream van|limo|"
    r"camper(?:van)?|tesla|porsche|lambo|ferrari|jag|jaguar|kuga|juke|micra|astra|zafira|sierra|escort|"
    r"landie|land rover|defender|pick-?up|hearse|horse and cart|sulky|cart)"
)
DESC_PETS = (
    r"(?:cats|dogs|snakes?|python|boa|parrots?|ferrets?|rats|horses|ponies|goats|chickens|hens|pigeons|"
    r"tortoises?|pit ?bulls?|xl bull(?:ies|y)|huskies|rottweilers?|staffies|alsatians|ducks|rabbits|"
    r"tarantulas?|lizards?|iguana|monkey|pig|pigs|peacocks?|owls?)"
)
DESC_CLOTHES = (
    r"(?:leggings|onesie|tracksuit|trackie|dressing gown|pyjamas|pjs|costume|wig|cowboy hat|sombrero|tutu|"
    r"fur coat|wedding dress|kilt|cape|mask|balaclava|crocs|wellies|slippers|football kit|\w+ kit|\w+ shirt|dress|"
    r"ballgown|gown|suit|tux|tuxedo|hoodie|puffer|jacket|coat|trainers|nightie)"
)
DESC_ACTS = (
    r"(?:stabbed|attacked|robbed|burgled|smashed|vandalised|vandalized|graffitied|flashed|punched|headbutted|"
    r"kidnapped|abducted|ran off with|ran away with|drove (?:into|through|off)|jumped (?:off|from)|fell (?:off|from)|"
    r"got (?:arrested|evicted|sent down|banned|stuck)|was (?:arrested|evicted|sent down|jailed|found|banned)|"
    r"went missing|set off|blew up|burnt down|burned down|dug up|flooded|hijacked|poisoned|shot|rammed|"
    r"chained (?:himself|herself)|barricaded (?:himself|herself)|threw (?:a|the) \w+|swallowed (?:a|the) \w+|"
    r"plays the (?:bagpipes|drums|trumpet|accordion|violin|fiddle|guitar|banjo|harmonica|tuba|piano|organ|"
    r"saxophone|sax|ukulele|spoons)|was an extra|(?:was|were|used to be) (?:on|in) (?:a |the )?(?:\w+ )?(?:film|tv|"
    r"telly|soap|show|programme|panto|band|news))"
)
DESCRIPTION_RE = re.compile(
    r"\b(?:the|that|this|a|an|our|my|his|her|their|yer|yon|these)\s+(?:\w+\s+){0,2}?"
    + DESC_PERSON
    + r"(?:\s*\([^()]{1,20}\))?"  # "a girl (15) whose mum ..."
    # where they are, between: "the family on the new build estate in NE63 with the horses"
    + r"(?:\s+(?:on|in|from|at|off|up|down)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?[\w'’-]+)?"
    + r"\s+(?:"
    # a car: "the mum with the pink Range Rover", "the dad who drives the gold Merc"
    r"(?:with|in|who drives|that drives|wi)\s+(?:the|a|an|that|his|her|their)\s+(?:\w+\s+)?"
    + DESC_COLOURS
    + r"\s+"
    + DESC_VEHICLES
    # pets: "the fam with the 11 cats", "the man with the python"
    + r"|(?:with|and|wi)\s+(?:the|all the|a|an|\d+|"
    + NUMWORD
    + r")\s+(?:\w+\s+)?"
    + DESC_PETS
    # aids and gear: "the one with the red ear defenders"
    + r"|with\s+(?:the|a|an|his|her|their)\s+(?:\w+\s+)?(?:ear defenders|helmet|ear muffs|eye patch|"
    r"walking stick|zimmer|mobility scooter|guide dog|hearing dog|oxygen tank|feeding tube|neck brace|leg brace)"
    # clothes: "the one in the pink leggings", "the lad in the Spiderman onesie"
    + r"|(?:in|wearing|wi)\s+(?:the|a|an|that|his|her)\s+(?:\w+\s+){0,2}?"
    + DESC_CLOTHES
    # acts: "the man who stabbed", "the family that got evicted"
    + r"|(?:who|that)\s+(?:\w+\s+)?"
    + DESC_ACTS
    # a business or a public role: "the family who run the ice cream van", "the bloke who used to read the news"
    + r"|(?:who|that)\s+(?:runs?|ran|owns?|owned|used to (?:run|own|read|present|play|sing|drive|be on|work on))\s+"
    r"(?:the|a|an|that)\s+(?:\w+\s+){0,2}?(?:van|shop|bar|pub|cafe|café|chippy|stall|salon|garage|takeaway|"
    r"business|farm|news|weather|show|bus|taxi|club|band|team)"
    # a relative's business: "the girl whose mum runs the nail bar"
    + r"|whose\s+(?:mum|mam|dad|da|mother|father|brother|sister|nan|gran|uncle|auntie|aunty|husband|wife|son|"
    r"daughter|grandad|family)\s+(?:runs|owns|manages|works (?:at|in)|teaches (?:at|in)|cleans (?:at|in)|used to run|"
    r"has|had|is|was)\s+(?:the|a|an|that|my|our)\s+(?:old\s+)?(?:\w+\s+){0,2}?(?:shop|bar|nail bar|salon|pub|chippy|chip shop|cafe|café|garage|"
    r"takeaway|business|restaurant|farm|butchers|bakery|barbers|gym|taxi firm|scrapyard|market stall|stall|"
    r"kebab shop|launderette|corner shop|newsagents|club|church|mosque|school|surgery)"
    # a rare condition: "the boy with progeria", "the girl with the rare syndrome"
    + r"|with\s+(?:the|a|that|this)?\s*(?:really |very |super )?rare\s+(?:\w+\s+)?(?:condition|syndrome|disease|"
    r"disorder|illness|cancer|form of \w+)"
    r")\b"
    # being the only one somewhere: "the only Welsh speaker on the unit", "the only 11yo in Glasgow who"
    r"|\b(?:the\s+)?only\s+(?:\w+\s+){0,3}?(?:speaker|family|kid|child|boy|girl|lad|lass|one|man|woman|"
    r"resident|patient|pupil|\d{1,2}\s?yo|\d{1,2} year old|wheelchair user|twins)\s+(?:in|on|at)\s+"
    r"(?:(?:the|her|his|their)\s+)?(?:primary\s+|secondary\s+|high\s+)?"
    r"(?:(?-i:[A-Z])[\w'’-]+|unit|ward|estate|village|street|road|close|school|class|year|home|block|town)\b",
    re.I,
)
# someone else's distinctive car without a person word next to it: "Mum turned up to contact in the lime green
# Corsa", "Daughter turned up in a white Range Rover" (not in a sentence about the author)
VEHICLE_ARRIVAL_RE = re.compile(
    r"\b(?:turned up|turns up|turning up|arrived|arrives|pulled up|pulls up|rolled up|rocked up|drives|drove|"
    r"driving)\s+(?:\w+\s+){0,3}?(?:in|to|round)\s+(?:the|a|an|her|his|their)\s+(?:\w+\s+)?"
    + DESC_COLOURS
    + r"\s+"
    + DESC_VEHICLES
    + r"\b",
    re.I,
)
# details only one person or household has, without a person word next to them
DETAIL_RE = re.compile(
    r"\bone of (?:only |perhaps |about |just |maybe |around )?\d{1,4} (?:people|children|kids|families|cases|"
    r"patients) (?:in|across) (?:the )?(?:uk|country|world|wales|scotland|england|britain|ireland)"
    r"|\b(?:mum|mam|dad|da|mother|father|husband|wife|grandad|nan|son|daughter|uncle|aunt|auntie) is the "
    r"(?:local|village|town|school's|parish) \w+"
    r"|\b(?:lad|girl|boy|kid|man|woman|lady|family|one|bloke|fella) from the (?:\w+ ){0,2}?(?:crash|fire|stabbing|"
    r"accident|shooting|murder|robbery|riot|flood|floods|explosion|attack|siege|chase|break-?in)"
    r"|\b(?:drowned|died|killed|injured|lost everything) in the (?:\d{4} )?(?:floods?|fire|crash|attack|bombing|"
    r"shooting|explosion|storm)"
    r"|\b(?:village|hamlet|island|town|community|estate) of (?:about |only |just |around )?\d{2,4} "
    r"(?:people|residents|souls|houses|homes)"
    r"|\bfor an? (?:tiktok|tik tok|snapchat|youtube|insta(?:gram)?) (?:dare|challenge|video|trend|prank)"
    r"|\btattooed on (?:his|her|their) (?:face|neck|hands?|arms?|head|forehead|knuckles)"
    r"|\b(?:three|one|two)-(?:legged|eyed|armed|eared) (?:\w+ )?(?:dog|cat|greyhound|horse|pony|whippet|lurcher|"
    r"staffy|parrot)"
    r"|\b(?:pet|pets) (?:is|are|was|were) (?:a|an) (?!dog\b|cat\b|hamster\b|rabbit\b|fish\b)\w+"
    r"|\bwith (?:the|a) (?:\w+ ){0,3}?(?:in|on|outside) the (?:front |back )?(?:window|windows|garden|drive|"
    r"driveway|door|roof|porch)"
    r"|\bused to be the (?:local |village |town |school )?(?:[\w-]+ ){0,2}?(?:coxswain|vicar|priest|mayor|"
    r"headteacher|head|lollipop lady|lollipop man|postman|butcher|landlord|landlady|dj|footballer|champion|"
    r"captain|manager|councillor|mp|doctor|gp|nurse|teacher|policeman|copper)"
    r"|\b(?:plays?|played) (?:for|in) the (?:under-?\d{1,2}s|u\d{1,2}s|first team|county team|\w+ team|\w+ band|"
    r"\w+ choir)"
    r"|\b\d{1,2}\s?(?:yo|y/o|year old),\s+(?:\w+\s+)?(?:curls|hair|dreads|dreadlocks|braids|cornrows|mohawk|"
    r"mullet|afro|freckles)",
    re.I,
)
# arriving somewhere in a vehicle or outfit nobody else has: "arriving in the tractor", "turned up in a wedding dress"
ARRIVAL_RE = re.compile(
    r"\b(?:turned up|turns up|turning up|arrived|arrives|arriving|pulled up|pulls up|rolled up|rocked up)\s+"
    r"(?:\w+\s+){0,3}?in\s+(?:the|a|an|her|his|their)\s+(?:(?:\w+\s+){0,2}?"
    + DESC_CLOTHES
    + r"|tractor|limo|limousine|horse and cart|ice cream van|hearse|quad bike|fire engine|tank|monster truck)\b",
    re.I,
)
FIRST_PERSON_RE = re.compile(r"\b(?:i|i'm|im|i've|me|my|we|our|us)\b", re.I)
_GATE_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "on",
        "in",
        "at",
        "to",
        "off",
        "up",
        "into",
        "from",
        "through",
        "with",
        "himself",
        "herself",
        "was",
        "were",
        "got",
        "be",
        "is",
        "used",
        "i",
        "s",
        "d",
        "k",
        "who",
        "that",
        "his",
        "her",
        "their",
    ]
)
DESCRIPTION_GATE_WORDS = (
    frozenset(w for w in re.findall(r"[a-z]+", DESC_VEHICLES + DESC_PETS + DESC_CLOTHES) if len(w) > 2)
    | frozenset(
        [
            "stabbed",
            "attacked",
            "robbed",
            "burgled",
            "smashed",
            "vandalised",
            "vandalized",
            "graffitied",
            "flashed",
            "punched",
            "headbutted",
            "kidnapped",
            "abducted",
            "arrested",
            "evicted",
            "jailed",
            "banned",
            "stuck",
            "missing",
            "hijacked",
            "poisoned",
            "rammed",
            "chained",
            "barricaded",
            "swallowed",
            "bagpipes",
            "drums",
            "trumpet",
            "accordion",
            "violin",
            "fiddle",
            "guitar",
            "banjo",
            "harmonica",
            "tuba",
            "piano",
            "organ",
            "saxophone",
            "sax",
            "ukulele",
            "spoons",
            "extra",
            "film",
            "tv",
            "telly",
            "soap",
            "panto",
            "flooded",
            "burnt",
            "burned",
            "blew",
            "dug",
            "shot",
            "threw",
            "fell",
            "jumped",
            "drove",
            "ran",
            "whose",
            "rare",
            "only",
            "defenders",
            "helmet",
            "muffs",
            "patch",
            "zimmer",
            "scooter",
            "oxygen",
            "feeding",
            "brace",
            "van",
            "shop",
            "bar",
            "pub",
            "cafe",
            "café",
            "chippy",
            "stall",
            "salon",
            "garage",
            "takeaway",
            "business",
            "farm",
            "weather",
            "taxi",
            "news",
            "band",
            "team",
            "club",
            "show",
        ]
    )
) - _GATE_STOP
ARRIVAL_GATE_WORDS = frozenset(
    [
        "turned",
        "turns",
        "turning",
        "arrived",
        "arrives",
        "arriving",
        "pulled",
        "pulls",
        "rolled",
        "rocked",
        "drives",
        "drove",
        "driving",
    ]
)
DETAIL_GATE_WORDS = frozenset(
    [
        "uk",
        "country",
        "world",
        "wales",
        "scotland",
        "england",
        "britain",
        "ireland",
        "local",
        "village",
        "parish",
        "crash",
        "fire",
        "stabbing",
        "accident",
        "shooting",
        "murder",
        "robbery",
        "riot",
        "flood",
        "floods",
        "explosion",
        "attack",
        "siege",
        "chase",
        "break-in",
        "drowned",
        "died",
        "killed",
        "injured",
        "storm",
        "bombing",
        "hamlet",
        "island",
        "town",
        "community",
        "estate",
        "tiktok",
        "snapchat",
        "youtube",
        "insta",
        "instagram",
        "tattooed",
        "pet",
        "pets",
        "window",
        "windows",
        "garden",
        "drive",
        "driveway",
        "door",
        "roof",
        "porch",
        "used",
        "plays",
        "played",
        "curls",
        "hair",
        "dreads",
        "dreadlocks",
        "braids",
        "cornrows",
        "mohawk",
        "mullet",
        "afro",
        "freckles",
    ]
)
DESC_OWN_BEFORE_RE = re.compile(r"\b(?:i'?m|i am|i'?ll be|i was|me,?)\s+(?:\w+\s+){0,2}$", re.I)


def _find_descriptions(p: _Post, out: list[Cand]) -> None:
    """Distinctive descriptions (car, pet, clothes, act, condition, uniqueness), with casework or an age."""
    text = p.text
    if p.own_family and not p.fostering and not p.case_strong:
        return
    ages = any(c.category == "age" and not c.own for c in out)
    if not (p.casework or ages):
        return
    lw = p.low_words
    arrival = bool(lw & ARRIVAL_GATE_WORDS)
    detail = bool(lw & DETAIL_GATE_WORDS) or any(x in text for x in ("-legged", "-eyed", "-armed", "-eared"))
    for m in [
        *_gated(VEHICLE_ARRIVAL_RE, text, arrival),
        *_gated(ARRIVAL_RE, text, arrival),
        *_gated(DETAIL_RE, text, detail),
    ]:
        ss = p.sentence_of(m.start())[0]
        if FIRST_PERSON_RE.search(text, ss, m.start()) and not re.match(r"one of|with ", m.group(0), re.I):
            continue  # "I drove to the visit in my blue Corsa"
        out.append(
            Cand(
                "case-detail",
                m.start(),
                m.end(),
                "distinctive-description",
                severity="stop",
                why="a car, an outfit or a detail that only this person or household has identifies them",
            )
        )
    for m in _gated(DESCRIPTION_RE, text, bool(lw & DESCRIPTION_GATE_WORDS)):
        g0 = m.group(0).lower()
        if re.match(r"(?:my|our)\b", g0) and (
            not p.fostering or re.match(r"\w+\s+(?:\w+\s+)?(?:family|fam|couple|mum|mam|dad|da)\b", g0)
        ):
            continue  # the author's own family or pets ("our family with the 3 cats" even when fostering)
        if DESC_OWN_BEFORE_RE.search(text, max(0, m.start() - 20), m.start()):
            continue  # "I'll be the one in the red coat": the author
        out.append(
            Cand(
                "case-detail",
                m.start(),
                m.end(),
                "distinctive-description",
                severity="stop",
                why="a car, pet, outfit, act or rare detail that only this person has identifies them",
            )
        )


def _find_names(p: _Post, out: list[Cand]) -> None:
    text = p.text
    firsts = _data.first_names()
    amb = _data.ambiguous_names()
    sur = _data.surnames()
    # spans of public figures and sign-offs: never flagged
    quiet: list[tuple[int, int]] = []
    low_words = p.low_words
    for a, b in _public_figure_spans(p):
        quiet.append((a, b))
        # "Stephen Fry talked about bipolar ... Thank you Stephen": the figure's own first name, alone later
        # in the same post, is the same public person
        figure = text[a:b]
        first = next((w for w in figure.split() if w.lower() not in FIGURE_TITLES), "")
        if first and first != figure and first[0].isupper():
            quiet += [
                (b + x.start(), b + x.end()) for x in re.finditer(r"\b" + re.escape(first) + r"\b", text[b:])
            ]
    so = p.__dict__["signoff"] = SIGNOFF_RE.search(text)  # kept for _find_details
    if so and not (text[so.start()] in "-–—~" and so.start() and text[so.start() - 1].isalpha()):
        quiet.append((so.start(1), so.end()))  # a sign-off, not the hyphen inside "Jaxon-Lee"
    # names straight after a public-figure or professional title ("Dame X Y", "Professor X", "Dr X")
    for m in re.finditer(
        r"\b(?:Dame|Sir|Lord|Baroness|Professor|Prof\.?|Dr\.?)\s+((?:" + CAP + r"\s*){1,3})", text
    ):
        quiet.append(m.span())

    # pets and therapy animals: "Meet Dolly, our newest therapy dog", "our cat Mittens", "Biscuit the pony"
    for m in _gated(ANIMAL_NAME_RE, text, p.may_match(ANIMAL_NAME_RE)):
        g = 1 if m.group(1) else 2
        quiet.append(m.span(g))
    if low_words & GATE_VEHICLE_WORDS:
        for m in CAR_NAME_RE.finditer(text):
            quiet.append(m.span(1))

    def is_quiet(s: int, e: int) -> bool:
        return any(a <= s < b or a < e <= b for a, b in quiet)

    tokens = p.tokens
    any_first = _data.any_first_names()
    for idx, m in enumerate(tokens):
        tok = m.group(0)
        if tok[-2:] in ("'s", "’s"):
            tok = tok[:-2]
        key = tok.lower()
        if key not in any_first and ("-" not in key or key.split("-", 1)[0] not in any_first):
            continue  # most words: no first name, whole or before a hyphen (the quick test first)
        s, e = m.start(), m.start() + len(tok)
        parts = key.split("-")
        double = (
            len(parts) > 1
            and (parts[0] in firsts or parts[0] in amb)
            and (parts[1] in firsts or parts[1] in DOUBLE_NAME_ENDS)
        )
        # hyphenated double names: Amelia-Rose, ellie-mae
        if (
            key not in firsts
            and key not in amb
            and not double
            and not (len(parts) > 1 and parts[0] in firsts)
        ):
            continue
        if is_quiet(s, e):
            continue
        prev = tokens[idx - 1].group(0).lower() if idx else ""
        nxt_txt = _next_text(text, e, 20)
        capitalised = tok[:1].isupper() and (not tok.isupper() or len(tok) == 1 or p.caps)
        person_ctx = (
            prev in KINSHIP_BEFORE
            or (p.fostering and prev in ("our", "my"))
            or re.match(
                r"\s*(?:\(\d|,?\s*aged?\s+\d|is\s+\d|['’]s\s+(?:mum|dad|nan|gran|foster|school|placement|"
                r"sister|brother|case|plan|review|contact|pathway|hearing|adoption)|\s+and\s+(?:his|her)\b)",
                nxt_txt,
                re.I,
            )
            is not None
        )
        if key in ("may", "june", "april", "august", "sue", "bill", "pat", "joy") and not (
            prev in KINSHIP_BEFORE or re.match(r"\s*(?:\(\d|,?\s*aged?\s+\d|['’]s\s)", nxt_txt)
        ):
            continue  # month names and everyday words need a kinship word or an age next to them
        if (key in amb or (key not in firsts and key.split("-")[0] in amb)) and not double:
            if p.caps:
                if not person_ctx:
                    continue
            elif not capitalised or _is_sentence_start(text, s):
                if not capitalised or not (person_ctx or (p.casework and AMB_NEXT_IN_CASE.match(text, e))):
                    continue
            elif not person_ctx:
                # capitalised mid-sentence: needs a surname after it or casework around it
                nm = re.match(r"\s+(" + CAP + r")", text[e : e + 25])
                if not (nm and nm.group(1).lower() in sur) and not (
                    p.casework and (prev in AMB_PREV_IN_CASE or AMB_NEXT_IN_CASE.match(text, e))
                ):
                    continue
        else:
            # unambiguous first name; lower-case form needs the post not to be a word salad of names
            if not tok[:1].isupper() and not p.lower_only and not person_ctx and not p.case_hits:
                continue
        # extend with a surname: "Tyler Brooks", "gareth llewellyn"
        end = e
        nm = re.match(r"\s+(" + WORD + r")", text[e : e + 30])
        if nm:
            w = nm.group(1)
            wkey = w.lower()[:-2] if w.endswith(("'s", "’s")) else w.lower()
            w_end = e + nm.end(1) - (2 if w.endswith(("'s", "’s")) else 0)
            if (
                w[:1].isupper()
                and wkey not in STOP_CAPS
                and not p.caps
                and wkey not in _data.first_names_not_surnames()
                and not re.match(STREET_SUFFIX + r"\b|" + SCHOOL_WORDS, w)
            ) or wkey in sur:
                end = w_end
        own = (prev in OWN_FAMILY_BEFORE and not (p.fostering and prev in ("our", "my"))) or bool(
            re.search(r"\b(?:my|our)\s+(?:\w+\s+){0,2}$", text[max(0, s - 30) : s], re.I)
            and OWN_FAMILY_RE.search(text[max(0, s - 40) : s])
        )
        out.append(
            Cand(
                "name",
                s,
                end,
                "first-name" if not person_ctx else "first-name-in-context",
                own=own,
                strength=2 if person_ctx else 1,
            )
        )
    for m in TITLE_RE.finditer(text):
        w = m.group(2)
        if is_quiet(m.start(2), m.end(2)) or m.group(1).lower() == "dr":
            continue
        lower_title = m.group(1).islower()
        if not (
            w[:1].isupper()
            or w.lower() in sur
            or w.lower() in firsts
            or (lower_title and p.casework and len(w) >= 3 and w.lower() not in NOT_NAME)
            or (
                (p.casework or DEALING_WITH_AUTHOR_RE.search(text)) and _unknown_word(w, p, typo_check=False)
            )  # "Mrs femis", "Nana fexyn", "mrs adeyemi-clarke's son picked up the phone"
        ):
            continue
        if w.lower() in STOP_CAPS and w.lower() not in sur:
            continue
        e = m.end(2) - (2 if w.endswith(("'s", "’s")) else 0)
        out.append(Cand("name", m.start(), e, "title-and-surname", strength=2))
    for m in FAMILY_SURNAME_RE.finditer(text):
        w = m.group(1)
        wl = w.lower()
        if wl in STOP_CAPS or wl in ESTATE_STOP or is_quiet(m.start(1), m.end(1)):
            continue
        if not (w[:1].isupper() or wl in sur or (p.casework and _unknown_word(w, p, typo_check=False))):
            continue
        if (
            not w[:1].isupper()
            and wl in _data.english_words()
            and (wl not in sur or wl in ADJECTIVE_SURNAMES)
        ):
            continue  # "the young mam", "the white family": an ordinary word in lower case is no surname
        if p.caps and wl not in sur and not (p.casework and _unknown_word(w, p, typo_check=False)):
            continue
        if wl in _data.places():
            continue
        out.append(
            Cand(
                "name",
                m.start(1),
                m.end(1),
                "family-surname",
                strength=2,
                meta={"strong": m.group(2).lower() == "case"},  # "the Trelawny case" is casework itself
            )
        )
    if p.casework:
        for m in PLURAL_SURNAME_RE.finditer(text):
            w = m.group(1)
            wl = w.lower().replace("’", "'")
            prefixed = bool(re.match(r"(?:o'|ma?c)[a-z]{3,}", wl))
            unknown_cap = w[:1].isupper() and not p.caps and _unknown_word(w, p, typo_check=False)
            if not (wl in sur or prefixed or unknown_cap) or is_quiet(m.start(1), m.end(1)):
                continue
            if wl in _data.english_words() and not prefixed and not w[:1].isupper():
                continue  # "the greens", "the browns" in lower case are colours
            if wl in STOP_CAPS or wl in _data.places():
                continue
            out.append(Cand("name", m.start(1), m.end(), "family-surname", strength=2))
    for m in POSSESSIVE_NAME_RE.finditer(text):
        w = m.group(1)
        if w.lower() in STOP_CAPS or w.lower() in _data.places() or is_quiet(m.start(1), m.end(1)):
            continue
        strong = bool(POSSESSIVE_STRONG_RE.match(text, m.end(1)))
        out.append(
            Cand("name", m.start(1), m.end(1), "name-possessive-case", strength=2, meta={"strong": strong})
        )
    for m in NAME_AGE_RE.finditer(text):
        w = m.group(1)
        if w.lower() in STOP_CAPS or w.lower() in _data.places() or is_quiet(m.start(1), m.end(1)):
            continue
        out.append(Cand("name", m.start(1), m.end(1), "name-with-age", strength=2))
    if p.casework:
        for m in TOLD_NAME_RE.finditer(text):
            g = 1 if m.group(1) else 2
            w = m.group(g)
            if w.lower() in STOP_CAPS or w.lower() in _data.places() or is_quiet(m.start(g), m.end(g)):
                continue
            out.append(Cand("name", m.start(g), m.end(g), "name-told-me", strength=2))
    for m in HANDLE_RE.finditer(text):
        if ORG_HANDLE_RE.search(m.group(0)[1:]):
            continue  # @NHSEngland, @CardiffCouncil, @CllrHughes: organisations and office-holders
        out.append(Cand("name", m.start(), m.end(), "social-media-handle", strength=2))
    _find_cued_names(p, out, is_quiet)
    _find_unknown_names(p, out, is_quiet)
    # possessives typed without the apostrophe: "jaydens placement", "Fatimas mum", "Emekas mum"
    for m in BARE_POSSESSIVE_RE.finditer(text):
        w = m.group(1)
        base = w[:-1].lower()
        if is_quiet(m.start(1), m.end(1)) or base in STOP_CAPS or base in NOT_NAME:
            continue
        if base in firsts or (base in amb and w[:1].isupper()) or _unknown_word(w[:-1], p):
            if w.lower() in _data.english_words() and base not in firsts:
                continue  # "parents contact", "others mum"
            out.append(Cand("name", m.start(1), m.end(1) - 1, "name-possessive-kin", strength=2))
    # an age written straight after a name, with the punctuation gone: "Tyrese 14 was arrested"
    for c in list(out):
        if c.category == "name" and c.rule != "social-media-handle":
            am = BARE_NAME_AGE_RE.match(text, c.end)
            if am:
                out.append(Cand("age", am.start(1), am.end(1), "name-with-age"))
    for c in out:
        if c.category != "name" or c.own or c.rule == "social-media-handle":
            continue
        if COLLEAGUE_AFTER_RE.match(text, c.end) or COLLEAGUE_BEFORE_RE.search(
            text[max(0, c.start - 40) : c.start]
        ):
            c.own = True  # a colleague of the author, not a person the author works with
    if (
        low_words & OWN_CHILD_GATE_WORDS
        and OWN_CHILD_BARE_RE.search(text)
        and not p.fostering
        and not p.case_strong
    ):
        for c in out:
            if c.category == "name" and c.rule == "first-name":
                c.own = True  # "our eldest got his results ... So proud of you Osian"
    # "Vernon Park", "Grace Road": a first name at the start of a place's name; "the character Maggie": fiction
    out[:] = [
        c
        for c in out
        if not (
            c.category == "name"
            and (
                PLACE_WORD_AFTER_RE.match(text, c.end)
                or PLACE_WORD_AFTER_RE.search(text, c.start, c.end)
                or FICTION_BEFORE_RE.search(text, max(0, c.start - 30), c.start)
            )
        )
    ]


INDEFINITE_BEFORE_RE = re.compile(r"\b(?:a|an|any|every|each|no)\s+$", re.I)
PERSON_COMPOUND_AFTER_RE = re.compile(
    r"(?:['’]s)?\s+(?:protection|in need|services|social care|safeguarding)\b", re.I
)
OWN_CARE_HISTORY_RE = re.compile(
    r"\b(?:when i (?:was in|left|came into|went into) care|i (?:grew up|was|lived) in (?:foster )?care|"
    r"i left care|(?:i'?m|i am|as) (?:a )?care[- ]experienced|as a care leaver myself|"
    r"i was a care leaver|my own (?:social worker|pa|foster carers?))\b",
    re.I,
)


def _cue_word_ok(w: str) -> bool:
    k = w.lower()
    k = k[:-2] if k.endswith(("'s", "’s")) else k
    return len(k) >= 2 and k not in NOT_NAME and k not in STOP_CAPS and k not in _data.places()


NAME_CUE_RE = re.compile(
    r"\b(?:(?:chose|picked|gave (?:her|him|them)(?:self|selves)?|took|uses?|using) the name|(?:her|his|their|['’]s) "
    r"(?:new |real |chosen |first |full )?name (?:is|was|'s)|we (?:call|called) (?:her|him|them)|(?:she|he) (?:goes|went) by|"
    r"nicknamed|known as)\s+(?:(?:literally|actually|really|just|like|genuinely|honestly)\s+)?['\"‘“]?("
    + WORD
    + r")",
    re.I,
)
INITIAL_RE = re.compile(
    r"\b(?:(?:Mr|Mrs|Ms|Miss|Mx|baby|little|young|wee)\.?\s+([A-Z])(?![\w'’.])|([A-Z])\s+\((?:the|a|an|my|our)\s+"
    r"(?:\w+\s+){0,2}" + PERSON_NOUNS + r"\b)"
)


def _find_cued_names(p: _Post, out: list[Cand], is_quiet: Callable[[int, int], bool]) -> None:
    """Names found by the words around them, in any casing, whether or not they are in the lists."""
    text = p.text
    for m in NAME_CUE_RE.finditer(text):
        w = m.group(1)
        if not _cue_word_ok(w) or is_quiet(m.start(1), m.end(1)):
            continue
        e = m.end(1) - (2 if w.endswith(("'s", "’s")) else 0)
        out.append(Cand("name", m.start(1), e, "name-called", strength=2))
    # initials stand for a name: "Ms A in room 12", "remember S (the wee boy who ...)"; "mr p" in lower case
    if p.lower_only:
        for m in re.finditer(r"\b(?:mr|mrs|ms|miss|mx)\.?\s+([a-z])(?![\w'’])", text):
            out.append(Cand("name", m.start(), m.end(1), "name-initial", strength=2))
    for m in INITIAL_RE.finditer(text):
        g = 1 if m.group(1) else 2
        if m.group(g) in ("I", "A") and g == 2:
            continue
        s0 = m.start() if g == 1 else m.start(2)
        out.append(Cand("name", s0, m.end(g), "name-initial", strength=2))
    for m in _gated(CALLED_RE, text, p.may_match(CALLED_RE)):
        w = m.group(1)
        if not _cue_word_ok(w) or is_quiet(m.start(1), m.end(1)):
            continue
        if not (w[:1].isupper() or p.casework or p.fostering):
            continue
        e = m.end(1) - (2 if w.endswith(("'s", "’s")) else 0)
        nm = re.match(r"\s+(" + WORD + r")", text[e : e + 30])
        if nm and (nm.group(1)[:1].isupper() == w[:1].isupper()) and _cue_word_ok(nm.group(1)):
            e += nm.end(1)
        out.append(Cand("name", m.start(1), e, "name-called", strength=2))
    if p.casework or p.fostering:
        for m in KIN_POSSESSIVE_RE.finditer(text):
            w = m.group(1)
            if not _cue_word_ok(w) or is_quiet(m.start(1), m.end(1)) or (w.isupper() and not p.caps):
                continue
            if w.lower() in ENGLISH_POSSESSORS:
                continue
            out.append(Cand("name", m.start(1), m.end(1), "name-possessive-kin", strength=2))
        for m in KIN_NAME_RE.finditer(text):
            w = m.group(1)
            if not _cue_word_ok(w) or is_quiet(m.start(1), m.end(1)) or (w.isupper() and len(w) > 1):
                continue
            out.append(Cand("name", m.start(1), m.end(1), "name-after-kinship", strength=2))
        for m in CAP_IS_AGE_RE.finditer(text):
            w = m.group(1)
            if (
                not _cue_word_ok(w)
                or is_quiet(m.start(1), m.end(1))
                or _is_sentence_start(text, m.start(1))
                or w.isupper()
            ):
                continue
            out.append(Cand("name", m.start(1), m.end(1), "name-is-age", strength=2))
            out.append(Cand("age", m.start(2), m.end(2), "name-is-age"))


# ---- names that are on no list: a word that is not ordinary English, in a slot where a person's name goes.
# Lists cannot hold every name ("Keendis", "zakariyya"), but the words around a name are few: "little X",
# "visited X", "proud of X", "X's mum", "X (7)", "X, 15,", "X and her brother", "X got his results".
UNKNOWN_BEFORE_RE = re.compile(
    r"(?:\b(?:little|lil|baby|wee|young|poor|sweet|bless|dear|hi|hiya|visited|visiting|visit (?:to|with)|"
    r"met|saw|seeing|see|sees|seen|spotted|"
    r"(?:visit|session|time|contact|afternoon|morning|day|evening|meeting|chat|catch-?up|walk|work|working|sat|"
    r"stayed|placed|lives|living|home|out|went|go|playing|played|spent|keyworking|direct work) with|"
    r"(?:out|group|conference|review|meeting|plan|hearing|assessment|panel|praying|crossed|worried|sad|happy|"
    r"gutted|rooting|cheering|pray) for|"
    r"(?:worried|thinking|talking|concerns?|concerned|upset|angry|heard|forget|spoke|speaking|called|rang|"
    r"asked|news|care|cares|cry|cried|sorry) about|"
    r"proud of|thinking of|think of|worried for|shout ?out to|well done to|congrats to|congratulations to|"
    r"taking|take|takes|drove|driving|drive|bring|bringing|brought|picking up|picked up|dropping off|dropped off|"
    r"collecting|settling|settled|placing|"
    r"(?:happy|birthday|bday|\d+(?:st|nd|rd|th)) to|told|tell|asked|ask|helped|supporting|support|took|"
    r"collected|placed|believe|called|named|nicknamed|known as|"
    r"(?:resident|client|service user|young person|lad|girl|boy|baby|child|patient) (?:is|was)|"
    r"service user|client|care leaver|young person|yp|resident|patient|"
    r"foster (?:son|daughter|child|baby)|(?:grand)?son|(?:grand)?daughter|brother|sister|nephew|niece|"
    r"boyfriend|girlfriend|partner|lad|girl|boy|mum|dad|nan|gran|cousin|twin)"
    r")\s+$",
    re.I,
)
UNKNOWN_AFTER_RE = re.compile(
    r"(?:['’]s\s+(?:(?:new|little|baby|birth|foster|real|step|big|older|younger|first|last|latest)\s+)?"
    r"(?:mum|mam|mom|dad|mother|father|parents|nan|nana|gran|granny|grandma|grandad|auntie|aunty|uncle|carers?|"
    r"ammi|ammu|abbu|nani|dadi|khala|chacha|mamu|"
    r"social worker|key ?worker|support worker|placement|adoption|plan|review|hearing|contact|case|file|"
    r"school|nursery|teacher|sister|brother|siblings|kids|children|son|daughter|boyfriend|girlfriend|"
    r"partner|birthday|bedroom|room|behaviour|results|exams?|gcses?|assessment|referral|pathway|life|first|initials|"
    r"baby|twins|family|house|flat|care package|package|meds|medication|diagnosis|appointment|needs|carer)\b"
    r"|\s*\((?:aged?\s*)?\d{1,2}\b"
    r"|\s*,\s*(?:aged?\s*)?\d{1,2}\s*(?:,|\.|\)|$|and\b|is\b|was\b|has\b|who\b)"
    r"|\s+aged?\s+\d"
    r"|\s+(?:is|was|turns|turned|just turned)\s+(?:only\s+|now\s+|just\s+)?\d{1,2}\b(?!\s*(?:%|pm|am|:|\.\d))"
    r"|\s+(?:and|&)\s+(?:her|his|their|the)\s+(?:(?:little|baby|big|older|younger|new|twin)\s+)?"
    r"(?:brothers?|sisters?|baby|babies|twins|kids|children|mum|dad|boyfriend|girlfriend|partner|son|"
    r"daughter|siblings|nan|gran|fella|bf|gf)\b"
    r"|\s+from\s+the\s+\w+\s+family\b"
    r"|\s*,\s*(?:the|a|my|our)\s+(?:\w+\s+){0,2}" + PERSON_NOUNS + r"\b"
    r"|(?:\s+\w+)?\s+(?:off|on|from)\s+(?:my|our|her|his|the)\s+caseload\b"
    r")",
    re.I,
)
# "X got his results", "X has been missing": a subject; a town can be one too, so not for place-shaped words
UNKNOWN_SUBJECT_RE = re.compile(
    r"(?:,?\s+(?:[a-z]{3,}ed|kicked off|(?:reading|playing|crying|smiling|laughing|talking|asking|telling|"
    r"saying|screaming|shouting|sleeping|eating|settling|struggling|doing|going|getting|coming|running|"
    r"thriving|living|staying)\b|(?:in|at|from)\s+(?:the\s+)?\w+)"
    r"|,?\s+(?:has|had|is|was|got|gets|said|says|told|tells|rang|asked|asks|keeps|kept|turned up|didnt|didn['’]t|"
    r"did|doesnt|doesn['’]t|went|goes|came|comes|cried|moved|wants|wanted|needs|needed|loves|loved|started|"
    r"refused|disclosed|ran|absconded|stood|passed|finally|still|never|always|won['’]?t|can['’]?t|cant|"
    r"couldn['’]?t|couldnt|who|hasnt|hasn['’]t|isnt|isn['’]t|wasnt|wasn['’]t|will|would)\b"
    r")",
    re.I,
)
POSSESSED_WORDS = (
    r"(?:(?:new|little|baby|birth|foster|real|step|big|older|younger|first|last|latest)\s+)?"
    r"(?:mum|mam|mom|dad|mother|father|parents|nan|nana|gran|granny|grandma|grandad|auntie|aunty|uncle|carers?|"
    r"ammi|ammu|abbu|nani|dadi|khala|chacha|mamu|"
    r"foster carers?|social worker|key ?worker|support worker|placement|adoption|plan|review|hearing|contact|case|"
    r"file|school|nursery|teacher|sister|brother|siblings|kids|children|son|daughter|boyfriend|girlfriend|partner|"
    r"asylum|special guardianship|sgo|care package|package|meds|medication|diagnosis|appointment|initials|bday|"
    r"birthday|party|results|gcses|first day|prom)\b"
)
BARE_POSSESSIVE_RE = re.compile(r"\b(" + WORD + r"s)\s+" + POSSESSED_WORDS, re.I)
BARE_NAME_AGE_RE = re.compile(
    r"\s+(\d{1,2})\b(?!\s*(?:%|am|pm|:|\.\d|st\b|nd\b|rd\b|th\b|years?|yrs|months?|weeks?|days?|hours?|mins?|"
    r"minutes|times|miles|calls|visits|people|kids|children|cases|x\b|-|/|'))(?=\s+[a-z]|\s*$|\s+[^\w\s])"
)
UNKNOWN_IS_AGE_RE = re.compile(
    r"\s+((?:is|was|turns|turned|just turned)\s+(?:only\s+|now\s+|just\s+)?\d{1,2})\b"
    r"(?!\s*(?:%|pm|am|:|\.\d|minutes|mins|hours|days|weeks|months|years|miles|times))"
)
PLACE_SHAPED_RE = re.compile(
    r"(?:ton|ford|ley|bury|borough|brough|by|field|ham|wick|wich|worth|pool|mouth|chester|caster|cester|"
    r"stead|stow|well|thorpe|dale|hurst|combe|bridge|port|gate|minster|holme|mere|burn|shaw|shire|don|"
    r"caster|ness|ey|land|ington|ick)$"
)
THIRD_PERSON_RE = re.compile(r"\b(?:he|she|his|her|him|hes|shes|he['’]s|she['’]s|himself|herself)\b", re.I)
PLACE_SLOT_RE = re.compile(r"\b(?:for|with|to|see|sees|seen|saw|visited|visiting|about)\s+$", re.I)
DETERMINER_BEFORE_RE = re.compile(
    r"\b(?:the|a|an|this|that|these|those|your|his|her|their|its|some)\s+$", re.I
)


def _unknown_word(w: str, p: _Post, typo_check: bool = True) -> bool:
    """A word no list and no dictionary knows (so possibly a name): not ordinary English, not a place."""
    k = w.lower()
    k = k[:-2] if k.endswith(("'s", "’s")) else k
    if len(k) < 3 or not k.replace("-", "").replace("'", "").replace("’", "").isalpha():
        return False
    if w.isupper() and not p.caps:
        return False  # an acronym
    eng = _data.english_words()
    first = k.split("-")[0]
    if k in eng or first in eng or k.replace("'", "").replace("’", "") in eng:
        return False
    if k in STOP_CAPS or k in NOT_NAME or k in _data.places() or k in _public_figure_words():
        return False
    if k in ENGLISH_POSSESSORS or (k.rstrip("s") in eng and k.endswith("s") and len(k) > 4):
        return False  # plurals and verb forms the dictionary spells differently
    if len(k) > MAX_WORD_LEN:
        return True  # far longer than any dictionary word (and checked no further: the tests below are quadratic)
    if len(k) >= 7 and any(k[:i] in eng and k[i:] in eng for i in range(3, len(k) - 2)):
        return False  # a compound of two ordinary words ("headteacher", "childminder")
    # a typo of an ordinary word ("tomorow", "becuase") is not a name either
    return not (typo_check and not w[:1].isupper() and len(k) >= 8 and _near_english(k, eng))


# Longer than any word in the English list (its longest is under 30 letters). Tokens longer than this skip
# the one-slip and compound tests, whose cost grows with the square of the length: one 100,000-letter
# "word" took about a minute before this limit.
MAX_WORD_LEN = 40


def _near_english(k: str, eng: frozenset[str]) -> bool:
    """True when one letter dropped, swapped or doubled makes `k` an ordinary word."""
    if len(k) > MAX_WORD_LEN:
        return False
    for i in range(len(k)):
        if k[:i] + k[i + 1 :] in eng:
            return True
        if i + 1 < len(k) and k[:i] + k[i + 1] + k[i] + k[i + 2 :] in eng:
            return True
    for i in range(len(k) + 1):
        for c in "abcdefghijklmnopqrstuvwxyz":
            if k[:i] + c + k[i:] in eng:
                return True
    return False


# Casework words as people mistype them ("palcement", "caseeload", "home vist"): a word that is not English
# and one slip (a letter dropped, doubled, swapped or changed) away from one of these is read as that word.
TYPO_CASE_WORDS = frozenset(
    """placement placements caseload referral referrals removed removal hearing proceedings adoption adopted
    visit visits visited visiting disclosed disclosure reunification excluded exclusion sectioned respite
    arrested absconded assessment assessments missing custody remanded discharge""".split()  # noqa: SIM905
)


def _within_one(a: str, b: str) -> bool:
    """True when a and b differ by one dropped, added, changed or swapped letter (Damerau distance <= 1)."""
    la, lb = len(a), len(b)
    if abs(la - lb) > 1 or a == b:
        return a == b
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1 :] == b[i + 1 :] or (
            i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
        )
    return a[i + 1 :] == b[i:] if la > lb else a[i:] == b[i + 1 :]


LONG_WORD_RE = re.compile(r"[A-Za-z]{5,}")
TYPO_GENERIC_WORDS = frozenset(
    """report reports training webinar lecture lectures research conference statistics recruiting recruitment
    petition consultation podcast article documentary seminar workshop module essay dissertation""".split()  # noqa: SIM905
)


@functools.cache
def _by_length(words: frozenset[str]) -> dict[int, tuple[str, ...]]:
    """``words`` grouped by their length."""
    out: dict[int, list[str]] = {}
    for w in words:
        out.setdefault(len(w), []).append(w)
    return {n: tuple(ws) for n, ws in out.items()}


@functools.lru_cache(maxsize=32768)
def _one_slip_from(k: str, words: frozenset[str]) -> bool:
    """Whether ``k`` is one slip away from one of ``words`` (cached: the same words recur across posts).
    Only words at most one letter longer or shorter can be, so only those are compared."""
    by_length = _by_length(words)
    n = len(k)
    return any(_within_one(k, w) for size in (n - 1, n, n + 1) for w in by_length.get(size, ()))


def _long_unknown_words(text: str) -> list[tuple[str, str]]:
    """(word, lower-cased word) for the words of 5+ letters that are not in the English list."""
    eng = _data.english_words()
    out = []
    for m in LONG_WORD_RE.finditer(text):
        word = m.group(0)
        k = word.lower()
        if k not in eng:
            out.append((word, k))
    return out


def _misspelt_words(
    text: str, words: frozenset[str], long_unknown: list[tuple[str, str]] | None = None
) -> list[re.Match[str]]:
    found: list[str] = []
    for word, k in _long_unknown_words(text) if long_unknown is None else long_unknown:
        if k in words:
            continue
        if _one_slip_from(k, words):
            found.append(re.escape(word))
    if not found:
        return []
    return list(re.finditer(r"\b(?:" + "|".join(found) + r")\b", text))


def _find_unknown_names(p: _Post, out: list[Cand], is_quiet: Callable[[int, int], bool]) -> None:
    text = p.text
    eng, firsts, amb = _data.english_words(), _data.first_names(), _data.ambiguous_names()
    tokens = p.tokens
    for idx, m in enumerate(tokens):
        w = m.group(0)
        k0 = w.lower().removesuffix("'s").removesuffix("’s")
        listed = k0 in firsts or k0 in amb
        if k0 in eng and not listed:
            continue  # most words: ordinary English and no name (the quick test first)
        s, e = m.start(), m.end()
        if s and text[s - 1] in "#@/.":
            continue  # hashtags, handles, web addresses
        if not (_unknown_word(w, p) or (listed and k0 not in STOP_CAPS and k0 not in NOT_NAME)) or is_quiet(
            s, e
        ):
            continue
        if w.endswith(("'s", "’s")):
            e -= 2
        before = text[max(0, s - 40) : s]
        slot_before = UNKNOWN_BEFORE_RE.search(before) or (
            p.fostering and re.search(r"\bour\s+$", before, re.I)
        )
        if slot_before and PLACE_SLOT_RE.search(before) and PLACE_SHAPED_RE.search(w.lower()):
            slot_before = None  # "moved to Wetherby", "visited Brandon": a town is as likely
        if not slot_before and not (
            (
                UNKNOWN_AFTER_RE.match(text, e)
                or (
                    UNKNOWN_SUBJECT_RE.match(text, e)
                    and not PLACE_SHAPED_RE.search(w.lower())
                    and THIRD_PERSON_RE.search(text)  # a brand or an app can be a subject too
                )
            )
            and not DETERMINER_BEFORE_RE.search(before)
        ):
            continue
        # a second unknown word in the same casing next to it is the surname ("Zeeo Taynda")
        if idx + 1 < len(tokens):
            n = tokens[idx + 1]
            gap = text[e : n.start()]
            same_case = n.group(0)[:1].isupper() == w[:1].isupper()
            if gap.strip() == "" and len(gap) <= 2 and same_case and _unknown_word(n.group(0), p):
                e = n.end() - (2 if n.group(0).endswith(("'s", "’s")) else 0)
        if idx > 0:
            b = tokens[idx - 1]
            gap = text[b.end() : s]
            same_case = b.group(0)[:1].isupper() == w[:1].isupper()
            joined = gap.strip() == "" and len(gap) <= 2 and same_case
            if joined and _unknown_word(b.group(0), p) and not is_quiet(b.start(), b.end()):
                s = b.start()
        out.append(Cand("name", s, e, "name-unknown-word", strength=2))
        am = UNKNOWN_IS_AGE_RE.match(text, e)
        if am:
            out.append(Cand("age", am.start(1), am.end(1), "name-is-age"))
        # "Vixel and Sois": a second unknown word joined to a name is a name too
        cm = re.match(r"\s+(?:and|&)\s+(" + WORD + r")", text[e : e + 40])
        if cm and cm.group(1)[:1].isupper() == w[:1].isupper() and _unknown_word(cm.group(1), p):
            c2 = e + cm.start(1)
            out.append(
                Cand(
                    "name",
                    c2,
                    c2 + len(cm.group(1).removesuffix("'s").removesuffix("’s")),
                    "name-unknown-word",
                    strength=2,
                )
            )


# "the o'hagans", "the Kowalczyks", "the McLeishes": a family by its surname in the plural
PLURAL_SURNAME_RE = re.compile(r"\bthe\s+((?:[Oo]['’]|[Mm]a?c)?[A-Za-z]{2,}?)(?:es|s)\b(?!['’])")
# Someone recognisable without a name or an age: a distinctive feature, being in the news, being known locally,
# a famous relative. With casework this identifies a person as surely as a name does.
FEATURES = (
    r"(?:tattoos?|face tattoo|scars?|birthmark|cleft (?:lip|palate)|ankle tag|tag|wheelchair|crutches|limp|"
    r"eye ?patch|hearing aids?|prosthetic(?: \w+)?|(?:red|ginger|pink|blue|green|purple|bleached|orange) hair|"
    r"mohawk|piercings?|missing teeth|dog bite|stammer|stutter|walking frame|guide dog)"
)
DISTINCTIVE_RE = re.compile(
    r"\b(?:(?:was|were|been|is|are|got|ended up|all over|featured) (?:in|on) the (?:local )?(?:news|papers?|echo|"
    r"gazette|chronicle|herald|telly|tv|radio|front page)"
    r"|(?:in|on) the (?:local )?(?:news|papers?|echo|telly) for"
    r"|you'?d (?:all )?(?:know|clock|recognise|recognize|spot) (?:him|her|them|who)"
    r"|(?:everyone|everybody|the whole (?:town|village|estate|street|school|valley|block|close|road|class|"
    r"area|community|ward)) knows (?:him|her|them|who)"
    r"|whose (?:husband|wife|dad|mum|mother|father|son|daughter|brother|sister|partner|grandad|nan) (?:was|is|used "
    r"to be) (?:the|a) (?:local )?(?:vicar|priest|minister|imam|rabbi|headteacher|head|mayor|councillor|gp|doctor|"
    r"landlord|publican|butcher|postman|policeman|teacher|footballer|mp)"
    r"|well[- ]known (?:in|round|around|on|at|to|locally)"
    r"|if i (?:said|told you) (?:who|his name|her name|the name)"
    r"|(?:boy|girl|lad|lass|kid|child|family|woman|man|mum|dad) (?:at|on|in|from) our (?:school|road|street|estate|"
    r"close|avenue|village|cul-de-sac)"
    r"|lives? in the \w+ (?:behind|next to|opposite|above|beside|round the back of) the (?-i:[A-Z])[\w'-]+"
    r"|(?:boy|girl|lad|lass|man|woman|lady|bloke|fella|guy|gentleman|gent|one) who (?:does|did|runs|ran|plays|"
    r"played|sings|sang|sells|sold|busks|busked|drives|owns|organises|organizes|hosts|dresses up as) (?:the |a |an )?"
    r"[\w' -]{1,30}? (?:at|in|outside|on|for|down) (?:the )?(?-i:[A-Z])[\w'-]+"
    r"|(?:boy|girl|lad|lass|kid|man|woman|lady|bloke|fella|one|teenager) who (?:climbed (?:onto|up)|set fire to|"
    r"torched|crashed|stole|broke into|went viral|streaked|ran onto|got stuck)"
    r"|(?:one|lad|kid|girl|boy|man|woman) (?:from|in|off) the viral (?:tiktok|video|clip|post)"
    r"|on the front (?:page )?of the (?:local )?(?:echo|paper|gazette|chronicle|herald|news|mail|post|star)"
    r"|(?:the |a |an )?(?:\w+ ){0,2}(?:boy|girl|lad|lass|man|woman|lady|bloke|fella|kid|child|baby|mum|dad|one|"
    r"ones|teenager|gentleman|gent),? (?:(?:from|in|on|at) (?:the )?(?:[\w'-]+ ){1,3})?(?:with|wi|who has|who's got|that has) "
    r"(?:the |a |an |his |her )?"
    r"(?:\w+ )?"
    + FEATURES
    + r"|has (?:the |a )?(?:\w+ )?"
    + FEATURES
    + r" on (?:his|her|their) (?:face|neck|arm|hand|head)"
    r"|the (?:cousin|brother|sister|son|daughter|niece|nephew|grandson|granddaughter|mum|dad|wife|husband) of "
    r"(?:that|the) (?:\w+ ){0,3}(?:girl|boy|lad|man|woman|footballer|singer|star|celebrity|influencer|mp|"
    r"councillor|player|contestant|guy|bloke))\b",
    re.I,
)

DESCRIPTIVE_INSTITUTION_RULES = (
    "institution-name",
    "institution-name-lower",
    "school-after-verb",
    "institution-prefix",
    "named-home",  # "he's 83, lives alone on the top floor of Hartcliffe House"
)


# irony aimed at the workplace: "Leadership 👏", "Mine is 31. Just saying.", "Asking for a friend",
# "cool cool cool", "Thanks Lou. Really appreciated.", "how our manager gets away with it"
PRAISE_CLAP_RE = re.compile(
    r"\b(?:congrat\w*|well done|outstanding|deserved|proud|thank you|thanks to|brilliant|amazing)\b[^🙃🙄]*👏",
    re.I,
)
SARCASM_RE = re.compile(
    r"👏|\bjust saying\b|\basking for a friend\b|\bcool,? cool\b|"
    r"\bthanks? (?:for nothing|a bunch|so much for that)\b|\bgets? away with (?:it|this|that)\b|"
    r"\bsorry not sorry\b|\bnobody(?:'s| has| had)? (?:told|tells|bothered)\b|\bsigned off (?:again|sick)\b|"
    r"\bgone off with stress\b|\bwe(?:'re| are) ['‘\"“](?:thriving|lucky|fine|a family)|\blucky to have (?:jobs|a job)\b",
    re.I,
)


THIRD_PARTY_CAR_RE = re.compile(
    r"\b(?:it'?s|it is|that'?s|belongs to|driven by|drives|driving)\s+(?:the|his|her|their|a)\s+"
    r"(?:dad|mum|father|mother|ex|partner|boyfriend|girlfriend|perpetrator|uncle|brother|family|client)|"
    r"\b(?:the|his|her|their)\s+(?:dad|mum|father|mother|ex|partner|boyfriend|perpetrator)['’]s\s+(?:car|van)\b|"
    r"\b(?:it'?s|it is|that'?s|belongs to)\s+my\s+(?:client|service user|young person)['’]?s\s+(?:ex|partner|dad|mum|"
    r"boyfriend|girlfriend|husband|wife|brother|uncle)",
    re.I,
)
# people of the author's private life: "Mrs Jones next door rang me", "my landlord Mr Singh called me"
PRIVATE_LIFE_PEOPLE_RE = re.compile(
    r"\b(?:next door|neighbou?rs?|landlord|landlady|dentist|my gp|my doctor|vet|plumber|builder|my friend|"
    r"my mate|teacher|head ?teacher|form tutor|my kids'?|my son'?s|my daughter'?s)\b",
    re.I,
)
DEALING_WITH_AUTHOR_RE = re.compile(
    r"\b(?:ring(?:s|ing)?|rang|call(?:s|ed|ing)|phon(?:es|ed|ing)|text(?:s|ed|ing)|email(?:s|ed|ing)|"
    r"messag(?:es|ed|ing)|shout(?:s|ed|ing) at|complain(?:s|ed|ing) to|swore at|threaten(?:s|ed|ing))\s+me\b|"
    r"\bpicked up the phone\b|\banswered the (?:phone|door)\b|\bopened the door\b|\bvoicemail\b|"
    r"\bon the phone (?:to me |at me )?(?:threaten|shout|scream|swear|ranting|kicking off)|\breported me\b",
    re.I,
)


TEAM_MEMBER_BEFORE_RE = re.compile(
    r"\b(?:from|in|of|at|join(?:ed|ing|s)?|to|with) (?:our|the|my|their|a) (?:new |local )?$", re.I
)
TEAM_NAME_AFTER_RE = re.compile(r"\s+(?:team|teams|service|services|hub|department|dept)\b", re.I)
THIRD_PERSON_SUBJECT_BEFORE = re.compile(
    r"\b(?:who|he|she|they)(?:'s|’s| has| have| had| is)?\s+(?:just\s+)?$", re.I
)
PUBLIC_EVENT_RE = re.compile(
    r"\b(?:conference|speaking at|keynote|our stand|the \w+ stand|stall|exhibition|expo|summit|book launch|"
    r"rally|petition|protest|picket|demo|march for|marching|"
    r"panel(?:list)?|workshop at)\b",
    re.I,
)


SU_TARGET_OLD_RE = re.compile(
    r"\b(?:parents?|mums?|dads?|families|family|clients?|service users?|these people|some people|woman|"
    r"man|kids|mother|father|her|him|they|them|travellers|residents|year old|y/?o|teen(?:ager)?s?|lad|lass|"
    r"girl|boy|kid|child|young (?:person|man|woman)|yp)\b",
    re.I,
)


# where the author's own child can be found: school, clubs, lessons (sixth round: more activities; "team leader"
# and "our team" are the author's work, not the child's team)
OWN_CHILD_ACTIVITY_RE = re.compile(
    r"school|academy|primary|nursery|footy|football|practice|club|swimming|starts|drop|pick|match|"
    r"(?<!our )(?<!my )(?<!the )team(?! leader| manager| meeting)|under \d+s|juniors|training|class|"
    r"\b(?:gates|lessons?|ballet|dance|rugby|cubs|brownies|scouts|gymnastics|sports day|parents'? evening|"
    r"first day|uniform|term)\b|\b(?:nativity|school play|assembly|graduation|concert|show) at (?:the )?(?-i:[A-Z])",
    re.I,
)
# "the lollipop lady at my daughter's old school": a past school says nothing about where the child is now
OWN_CHILD_PAST_RE = re.compile(
    r"\b(?:old|former|previous|last) (?:school|nursery|primary|club|team)\b|\bused to go\b", re.I
)


HUN_RE = re.compile(r"\bhun\b|\bx{1,3}\b|@")
DILEMMA_PEOPLE_RE = re.compile(
    r"service user|client|famil|young person|(?<!my )(?<!our )\b\d+[- ]?(?:year[- ]old|yo)\b|(?<!my )\bteenager|"
    r"(?<!my )\bchild\b|(?<!my )\bkid\b",
    re.I,
)


# eighth round (senses2): a death - a young person's age and their death on a caseload are reported in the
# local news and identify them
DEATH_RE = re.compile(
    r"\b(?:died|passed away|passed on|was killed|got killed|killed|murdered|stabbed to death|got done in|"
    r"took (?:her|his|their) own life|funeral|inquest|rip|rest in peace|remembering)\b",
    re.I,
)
# eighth round (senses2): a car registration said to belong to someone else is not the author's own detail
OTHERS_CAR_BEFORE_RE = re.compile(
    r"\b(?:your|ur|yer|his|her|their|the (?:man|guy|bloke|fella|lad|dad|perpetrator|perp|ex)(?:'s|’s)?)\s+(?:car\s+)?$",
    re.I,
)


def _find_context(p: _Post, out: list[Cand]) -> dict[str, bool]:
    cands = list(out)
    """Case detail, special category, derogatory, workplace, own safety, boundary."""
    text = p.text
    lex = p.lex
    flags = {"case": False, "own": False, "boundary_stop": False}
    person = bool(p.person_hits)
    generic = len(p.generic_hits)
    strong = bool(p.case_strong)
    ident = [
        c
        for c in cands
        if c.category in IDENTIFIERS
        and not c.own
        and (c.category != "name" or c.strength >= 1)
        and c.strength >= 1
    ]
    evidence = len(p.person_hits) + len(ident)
    specific = (person or ident or p.time_cue) and (
        generic == 0 or (strong and evidence > 0) or evidence > generic
    )
    names = [c for c in cands if c.category == "name" and not c.own]
    if (
        p.fostering
        and not generic
        and names
        and (
            p.fostering_said
            or any(re.search(r"\bour\s+$", text[max(0, c.start - 5) : c.start], re.I) for c in names)
        )
    ):
        specific = True
        flags["case"] = True
    if p.own_family and not p.fostering and not strong:
        specific = False  # the author's own family: visiting my nan in her care home is not casework
    if ORG_POST_RE.search(text) and not person and not strong and not names:
        specific = False  # an advert for the author's own service: "offering Form F assessments across Wales"
    if p.own_care_history and not strong:
        specific = False  # the author's own worker from their time in care ("my old PA ... when I left care")
    # a titled person who deals with the author ("Mr X ringing me about his bins", "Mrs X's son picked up the
    # phone") is someone the author works with: social workers' posts about named members of the public are
    # about their work
    if (
        any(c.rule in ("title-and-surname", "family-surname") and not c.own for c in cands)
        and DEALING_WITH_AUTHOR_RE.search(text)
        and not p.own_family
        and not PRIVATE_LIFE_PEOPLE_RE.search(text)
    ):
        specific = True
        flags["case"] = True
    # a titled initial with a room, bed or ward number ("Ms A in room 12") is a resident or patient: casework
    if any(c.rule == "name-initial" and not c.own for c in cands) and any(
        c.rule == "ward-bed-room" for c in cands
    ):
        specific = True
        flags["case"] = True
    if any(c.rule in ("name-possessive-case", "family-surname") and c.meta.get("strong") for c in cands):
        specific = True
        if not p.case_hits:
            flags["case"] = True
    if p.case_hits and specific:
        flags["case"] = True
        for m in p.case_hits:
            out.append(Cand("case-detail", m.start(), m.end(), "case-vocabulary", severity="review"))
    person_like = person or any(c.category in ("name", "age") for c in ident)
    if flags["case"] or (person_like and generic == 0):
        for m in lex["special_terms"].finditer(text):
            out.append(Cand("special-category", m.start(), m.end(), "special-category", severity="review"))
    for m in lex["derogatory_strong"].finditer(text):
        low = m.group(0).lower()
        if low == "animals" and not re.search(r"\b(?:like|are|bunch of|absolute)\s+animals", text, re.I):
            continue
        out.append(Cand("derogatory", m.start(), m.end(), "derogatory-lexicon", severity="stop"))
    if p.casework or flags["case"]:
        more = _tone.DISTINCTIVE_MORE_RE.finditer(text) if p.low_words & _tone.DISTINCTIVE_ANCHORS else ()
        for m in [*DISTINCTIVE_RE.finditer(text), *more]:
            out.append(
                Cand(
                    "case-detail",
                    m.start(),
                    m.end(),
                    "distinctive-description",
                    severity="stop",
                    why="a distinctive feature or local fame identifies a person without a name",
                )
            )
            flags["case"] = True
    subj = list(lex["workplace_subjects"].finditer(text))
    su_target = SU_TARGET_OLD_RE
    # mocking tone without a listed word (sixth round, tone.py): about people the author works with
    about_work = (
        p.casework
        or p.fostering_said
        or flags["case"]
        or bool(p.case_strong)
        or any(c.category == "name" and not c.own for c in cands)
        or bool(_tone.WORK_HASHTAG_RE.search(text))
        or (person and bool(DEALING_WITH_AUTHOR_RE.search(text) or _tone.DEALS_WITH_ME_RE.search(text)))
        or bool(_tone.WORK_SETTING_WORDS_RE.search(text))
    )
    # a third person's age says the post is about someone, but not that it is about work: strong markers only
    aged = any(c.category == "age" and not c.own for c in cands) and person
    # laughter alone needs the post's own words to be about work (a hashtag such as #fostercarer says who the
    # author is, not what the laugh is at) and not about the author's own family
    laugh_work = (
        about_work
        and not (p.own_family and not p.case_hits)
        and bool(
            p.casework
            or p.fostering_said
            or flags["case"]
            or p.case_strong
            or any(c.category == "name" and not c.own for c in cands)
            or _tone.WORK_SETTING_WORDS_RE.search(text)
            or (person and (DEALING_WITH_AUTHOR_RE.search(text) or _tone.DEALS_WITH_ME_RE.search(text)))
        )
    )
    if about_work or aged:
        for a, b, why in _tone.mocking(
            text, [sm.span() for sm in subj], p.low_words, bool(p.generic_hits), laugh_alone=laugh_work
        ):
            out.append(Cand("derogatory", a, b, "mocking-tone", severity="stop", why=why))
    for m in _tone.GROUP_CONTEMPT_RE.finditer(text) if p.low_words & _tone.GROUP_ANCHORS else ():
        out.append(Cand("derogatory", m.start(), m.end(), "group-contempt", severity="stop"))
    for m in lex["insults"].finditer(text):
        ss, se = p.sentence_of(m.start())
        sentence = text[ss:se]
        ps = p.sentence_of(max(0, ss - 2))[0] if ss > 1 else ss
        near_subj = [sm for sm in subj if ps <= sm.start() < se]
        if near_subj:
            a = min(near_subj[0].start(), m.start())
            b = max(near_subj[0].end(), m.end())
            if b - a > 120:
                a, b = m.start(), m.end()
            out.append(Cand("workplace", a, b, "employer-criticism", severity="review"))
        elif (
            su_target.search(sentence)
            and flags["case"]
            and m.group(0).lower()
            not in (
                "lost my",
                "sick of",
                "chaos",
                "chaotic",
                "rubbish",
                "a waste of time",
            )
        ):
            out.append(Cand("derogatory", m.start(), m.end(), "demeaning-service-users", severity="stop"))
    # criticism without an insult word near a workplace subject (sixth round): "my practice educator hasn't
    # read a single thing", "the Trust knows it", "management don't care", "it's not worked for a month"
    if subj:
        work_crit = [m for m in lex["workplace_criticism"].finditer(text) if not _tone.in_subject(m, subj)]
        for m in work_crit:
            ss, se = p.sentence_of(m.start())
            ps = p.sentence_of(max(0, ss - 2))[0] if ss > 1 else ss
            ps = p.sentence_of(max(0, ps - 2))[0] if ps > 1 else ps
            ps = p.sentence_of(max(0, ps - 2))[0] if ps > 1 else ps
            near_subj = [sm for sm in subj if ps <= sm.start() < se]
            if near_subj:
                # the criticism itself is the span: the subject can be a word the author may keep ("the Trust")
                out.append(Cand("workplace", m.start(), m.end(), "employer-criticism", severity="review"))
    for a, b in _tone.quoted_subject(text, subj) if subj else ():
        out.append(Cand("workplace", a, b, "employer-quoted", severity="review"))
    if subj and (
        re.search(r"🙃|🙄|\blove it here\b", text, re.I)
        or (SARCASM_RE.search(text) and not PRAISE_CLAP_RE.search(text))
        or _tone.WORK_SARCASM_RE.search(text)
    ):
        for sm in subj:
            out.append(Cand("workplace", sm.start(), sm.end(), "employer-sarcasm", severity="review"))
    own_hits: list[re.Match[str]] = []
    for key in ("own_live_location", "own_home", "own_routine", "own_car"):
        for m in lex[key].finditer(text):
            if (
                key == "own_home"
                and re.match(r"our home\b", m.group(0), re.I)
                and RESIDENTIAL_RE.search(text)
            ):
                continue  # residential workers: "our home" is the children's home, not the author's
            if (
                key == "own_live_location"
                and PUBLIC_EVENT_RE.search(text)
                and not m.group(0).startswith("📍")
            ):
                continue  # "come and say hi at the ethics stand": a public professional event, not a location
            if key == "own_home" and THIRD_PERSON_SUBJECT_BEFORE.search(
                text, max(0, m.start() - 20), m.start()
            ):
                continue  # "Mr X, who has just moved into supported living": someone else's move
            if key == "own_routine":
                ss, se = p.sentence_of(m.start())
                sent = text[ss:se]
                if not re.search(r"\b(?:i|i'm|im|me|my|we|our|us)\b", sent, re.I) and PERSON_NOUN_RE.search(
                    sent
                ):
                    continue  # "he eats cereal for tea every night" is about someone else
            if (
                key == "own_car"
                and m.group(0).lower().startswith("reg")
                and not re.search(r"\bcar\b|\bcorsa|\bfiesta|\baudi|\bgolf\b|\bbmw|\breg\b", text, re.I)
            ):
                continue
            if key == "own_car" and OTHERS_CAR_BEFORE_RE.search(text, max(0, m.start() - 24), m.start()):
                continue  # eighth round: "police have your reg", "his number plate" - someone else's car
            own_hits.append(m)
    for m in re.finditer("📍", text):
        own_hits.append(m)
    for m in p.own_children:
        ss, se = p.sentence_of(m.start())
        if OWN_CHILD_ACTIVITY_RE.search(text, ss, se) and not OWN_CHILD_PAST_RE.search(text, ss, se):
            own_hits.append(m)
    for m in PLATE_RE.finditer(text):
        g = 1 if m.group(1) else 2
        if CAR_WORDS_RE.search(text):
            ss, se = p.sentence_of(m.start())
            if p.case_hits and THIRD_PARTY_CAR_RE.search(text[ss:se]):
                # someone else's car in a post about a case: "a silver Astra NX16 PLK ... it's the dad from my case"
                out.append(
                    Cand(
                        "id-number",
                        m.start(g),
                        m.end(g),
                        "vehicle-registration",
                        severity="stop",
                        why="the registration of a car belonging to someone in a case",
                    )
                )
                continue
            own_hits.append(m)
            out.append(Cand("own-safety", m.start(g), m.end(g), "vehicle-registration", severity="review"))
    for m in own_hits:
        if m.group(0).strip() in ("", "📍") and m.group(0) != "📍":
            continue
        out.append(Cand("own-safety", m.start(), m.end(), "own-safety", severity="review"))
        flags["own"] = True
    if any(c.category == "own-safety" for c in out):
        flags["own"] = True
    for m in _tone.FORMER_CLIENT_MEET_RE.finditer(text) if p.low_words & _tone.MEET_ANCHORS else ():
        out.append(Cand("boundary", m.start(), m.end(), "former-client-meeting", severity="stop"))
        flags["boundary_stop"] = True
    arrangement_ok = bool(person or p.case_hits or flags["case"]) or (
        p.may_match(HUN_RE) and bool(HUN_RE.search(text))
    )
    for m in lex["boundary_arrangement"].finditer(text) if arrangement_ok else ():
        if _tone.asking(text, m.start()):
            # "Do I reply from my own account?": asking whether to is a dilemma, not an arrangement (sixth round)
            out.append(Cand("boundary", m.start(), m.end(), "boundary-dilemma", severity="review"))
            continue
        out.append(Cand("boundary", m.start(), m.end(), "boundary-arrangement", severity="stop"))
        flags["boundary_stop"] = True
    dilemma_ok = bool(person or p.case_hits) or bool(DILEMMA_PEOPLE_RE.search(text))
    for m in lex["boundary_dilemma"].finditer(text) if dilemma_ok else ():
        out.append(Cand("boundary", m.start(), m.end(), "boundary-dilemma", severity="review"))
    _read_senses(p, out, flags, person_like, subj, about_work)
    if any(c.category == "derogatory" for c in out) and (person or p.case_hits):
        flags["case"] = True
    if flags["boundary_stop"] or any(c.category == "boundary" for c in out):
        flags["case"] = flags["case"] or bool(p.case_hits) or person
    # descriptive identification: someone's age together with their street, estate or school, about a
    # person or an event, identifies them without a name ("the little lad on elm road, he's 6 now")
    if not flags["case"] and not (p.own_family and not p.fostering):
        ages = [c for c in cands if c.category == "age" and not c.own]
        spots = [
            c
            for c in cands
            if not c.own
            and (
                (c.category == "address" and c.rule != "house-number")
                or (c.category == "institution" and c.rule in DESCRIPTIVE_INSTITUTION_RULES)
            )
        ]
        if ages and spots and (person or p.time_cue or PERSON_NOUN_RE.search(text)):
            flags["case"] = True
            for c in ages + spots:
                c.why = (
                    c.why
                    or "an age together with a street, estate or school identifies a person without a name"
                )
    return flags


def _special_beside_person(p: _Post, out: list[Cand]) -> None:
    """A health, faith, ethnicity or record detail in the same sentence as a particular person's age or name
    ("a 7 yr old with Down's syndrome", "Mr P, 84, ... following his stroke") is special category even in a post
    full of general talk (an article, an assignment, a request for a service): seventh round."""
    anchors = [
        c.start
        for c in out
        if not c.own
        and c.strength >= 1
        and (
            c.category == "age" or (c.category == "name" and c.rule in ("title-and-surname", "name-initial"))
        )
    ]
    if not anchors:
        return
    text = p.text
    hits = [m.span() for m in p.lex["special_terms"].finditer(text)] + _senses.special_more(text, p.low_words)
    for start, end in hits:
        a, e = p.sentence_of(start)
        if any(a <= x < e for x in anchors):
            out.append(
                Cand(
                    "special-category",
                    start,
                    end,
                    "special-category-person",
                    severity="review",
                    why="a health, faith, ethnicity or record detail about a particular person",
                )
            )


def _read_senses(
    p: _Post,
    out: list[Cand],
    flags: dict[str, bool],
    person_like: bool,
    subj: list[re.Match[str]],
    about_work: bool,
) -> None:
    """Seventh round (senses.py): post-level families of wording for special category, workplace, own safety,
    derogatory and boundary that the lexicon does not reach."""
    special_ok = flags["case"] or (person_like and not p.generic_hits)
    if not special_ok:
        _special_beside_person(p, out)
    people = bool(p.case_hits or flags["case"])
    for s in _senses.read(
        p.text,
        p.low_words,
        special_ok=special_ok,
        about_work=about_work,
        workplace_subject=bool(subj),
        people=people,
    ):
        if s.category == "own-safety":
            # the author's own-safety sentence lowers the identifiers in it (_severity): not where it also names
            # or ages someone else, nor, for carers, where the area is also the child's placement
            a, e = p.sentence_of(s.start)
            work = flags["case"] or p.case_hits or p.fostering or any(c.category == "boundary" for c in out)
            if work and any(
                a <= c.start < e
                and not c.own
                and (
                    c.category in ("name", "age")
                    or (p.fostering and c.category in ("place", "address", "postcode", "institution"))
                )
                for c in out
            ):
                continue
            flags["own"] = True
        elif s.category == "boundary" and s.severity == "stop":
            flags["boundary_stop"] = True
        severity, why = s.severity, s.why
        if s.category == "special-category" and "refuge" in p.text[s.start : s.end].lower():
            # where a refuge is must stay secret: a refuge with its street, area or building is a stop
            a, e = p.sentence_of(s.start)
            if any(
                a <= c.start < e
                and not c.own
                and c.category in ("place", "address", "postcode", "institution")
                for c in out
            ):
                severity, why = "stop", "a refuge's location puts the people in it at risk"
        out.append(Cand(s.category, s.start, s.end, s.rule, severity=severity, why=why))


# ---------------------------------------------------------------- resolution


def _overlaps(a: Cand, b: Cand) -> bool:
    return a.start < b.end and b.start < a.end


def _resolve(cands: list[Cand]) -> list[Cand]:
    ident = [c for c in cands if c.category in IDENTIFIERS]
    ctx = [c for c in cands if c.category not in IDENTIFIERS]
    ident.sort(key=lambda c: (-PRIORITY[c.category], -(c.end - c.start), c.start))
    kept: list[Cand] = []
    # kept spans never overlap, so sorted by start their ends are sorted too: only the last kept span that
    # starts before c ends can overlap c (a linear scan of all kept spans was quadratic on long texts)
    starts: list[int] = []
    ends: list[int] = []
    for c in ident:
        i = bisect.bisect_left(starts, c.end)
        if i and ends[i - 1] > c.start:
            # a longer same-category span may absorb it
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        kept.append(c)
    # context layer: drop exact duplicates / contained spans of the same category
    ctx.sort(key=lambda c: (-(c.end - c.start), c.start))
    kept_ctx: list[Cand] = []
    for c in ctx:
        if any(k.category == c.category and k.start <= c.start and c.end <= k.end for k in kept_ctx):
            continue
        if (
            c.category in ("case-detail", "special-category")
            and c.rule != "distinctive-description"
            and any(_overlaps(c, k) for k in kept)
        ):
            continue
        if any(_overlaps(c, k) and k.category in ("derogatory", "boundary") for k in kept_ctx):
            continue
        kept_ctx.append(c)
    return kept + kept_ctx


def _severity(p: _Post, cands: list[Cand], flags: dict[str, bool]) -> None:
    cats = {c.category for c in cands}
    case = flags["case"] or "case-detail" in cats or "special-category" in cats or "boundary" in cats
    text = p.text
    own_sentences: list[tuple[int, int]] = []
    for c in cands:
        if c.category == "own-safety":
            own_sentences.append(p.sentence_of(c.start))
    for m in p.own_children:
        own_sentences.append(p.sentence_of(m.start()))

    def in_own(c: Cand) -> bool:
        return any(a <= c.start < b for a, b in own_sentences)

    third_party_ident = {
        c.category
        for c in cands
        if c.category in IDENTIFIERS and not c.own and not in_own(c) and c.category not in ("age", "place")
    }
    n_ages = sum(1 for c in cands if c.category == "age" and not in_own(c))
    has_age = n_ages > 0
    has_place = any(
        c.category in ("place", "address", "postcode", "institution") and not in_own(c) for c in cands
    )
    # two or more different special-category details (sixth round) are a jigsaw with an area: "a Roma family in
    # Govanhill, mum pregnant with number 8 and dad just deported"
    n_special = len({text[c.start : c.end].lower() for c in cands if c.category == "special-category"})
    # eighth round (senses2): one special-category detail, an area and casework about a particular person
    # ("the lass I've been working with in Gateshead ... she's pregnant") are a jigsaw too
    person_case = flags["case"] and "case-detail" in cats and bool(p.person_hits)
    # eighth round (senses2): a child's or young person's age with their death is reported locally
    young_death = bool(p.person_hits) and bool(DEATH_RE.search(text))

    def _young(c: Cand) -> bool:
        num = re.search(r"\d+", text[c.start : c.end])
        return num is not None and int(num.group(0)) <= 25
    for c in cands:
        if c.severity:
            continue
        cat = c.category
        own = c.own or in_own(c)
        if cat in HARD:
            if own:
                c.severity = "review"
                c.why = c.why or "your own details: a personal-safety risk"
            elif cat in ("address", "postcode") and c.strength == 0 and not case:
                c.severity = "drop"
            elif (
                cat == "address"
                and BUSINESS_ADDRESS_RE.search(text[c.start : c.end + 40])
                and ORG_POST_RE.search(text)
            ):
                c.severity = (
                    "drop"  # an organisation's own premises ("moving to Unit 4, Celtic Business Park")
                )
            elif (
                cat in ("address",)
                and c.strength == 0
                and case
                and not has_age
                and not third_party_ident - {"address"}
            ):
                c.severity = "review"
            else:
                c.severity = "stop"
        elif cat == "name":
            if own:
                c.severity = "info" if case else "drop"
            elif case:
                c.severity = "stop"
                c.why = "a name together with casework"
            elif third_party_ident & HARD:
                c.severity = "review"
            else:
                c.severity = "drop"  # a name with nothing about work around it is not a finding
        elif cat == "institution":
            if own:
                c.severity = "review"
            elif case:
                c.severity = (
                    "stop" if (c.strength or third_party_ident - {"institution"} or has_age) else "review"
                )
                if c.strength == 0 and c.rule == "ward-bed-room" and "institution" in third_party_ident:
                    c.severity = "stop"
                if c.rule in (
                    "institution-name",
                    "institution-name-lower",
                    "named-home",
                    "institution-prefix",
                    "hospital-gazetteer",
                    "school-after-verb",
                ):
                    c.severity = "stop"
            else:
                c.severity = "info" if c.strength else "drop"
        elif cat == "age":
            if own:
                c.severity = "info"
            elif case and (has_place or third_party_ident or n_ages >= 2 or (young_death and _young(c))):
                c.severity = "stop"
                c.why = "age together with a place, school or name and casework (jigsaw identification)"
            elif case:
                c.severity = "review"
            else:
                c.severity = "drop"  # an age with nothing about work around it is not reported
        elif cat == "place":
            if own or flags["own"]:
                c.severity = "review" if flags["own"] else "info"
            elif case and (
                has_age
                or third_party_ident
                or n_special >= 2
                or (n_special and person_case and text[c.start].isupper())
            ):
                c.severity = "stop"
                c.why = "an area together with an age or other detail and casework (jigsaw identification)"
            elif case:
                c.severity = "review"
            else:
                c.severity = "drop"
        else:
            c.severity = "review"
    _ = text


def check(text: str, learned: bool | None = None) -> CheckResult:
    """Check a draft post. Returns the risk, the findings and a redacted copy of the text.

    ``learned`` switches the learned component (``learned.py``) on or off; by default it is on unless
    the environment variable ``EP_CHECKER_LEARNED`` is ``0``. It can raise the rules' risk by one level, or
    lower a rule *review* to *ok* (the review findings are then shown as information notes); it never
    lowers a rule's *stop*.
    """
    if not isinstance(text, str):
        raise CheckerError(f"text must be a string, not {type(text).__name__}")
    if len(text) > MAX_CHARS:
        raise CheckerError(
            f"text is too long to check: {len(text):,} characters (the limit is {MAX_CHARS:,})"
        )
    if not text.strip():
        return CheckResult("ok", [], text)
    p = _Post(text)
    cands: list[Cand] = []
    _find_hard(p, cands)
    _find_ages(p, cands)
    _find_institutions(p, cands)
    _find_addresses(p, cands)
    _find_names(p, cands)
    _find_places(p, cands)
    _find_details(p, cands)
    _find_descriptions(p, cands)
    _find_more_spans(p, cands)  # seventh round (spans.py): names, ages, local homes, shops as places
    flags = _find_context(p, cands)
    cands = _resolve(cands)
    _severity(p, cands, flags)
    _calm(p, cands)  # sixth round: benign look-alikes (calm.py)
    cands = [c for c in cands if c.severity != "drop"]
    cands.sort(key=lambda c: (c.start, c.end))
    findings = [_to_finding(text, c) for c in cands]
    risk = "ok"
    top = max((SEVERITY_ORDER[f.severity] for f in findings), default=0)
    risk = {0: "ok", 1: "review", 2: "stop"}[top]
    if not _learned.enabled(learned):
        return CheckResult(risk, findings, redact(text, findings))
    rule_findings, rule_risk = list(findings), risk  # the tagger reads the rules' own verdict
    if risk != "stop":
        probs = _learned.probabilities(text, findings, risk)  # once, for raising and for lowering
        extra = _learned.assess(text, findings, risk, probs)
        if extra is not None:
            findings.append(extra)
            findings.sort(key=lambda f: (f.start, f.end))
            risk = "stop" if extra.severity == "stop" else "review"
        elif risk == "review":
            # the model reads the whole post as general (no particular person): the rules' review findings
            # stay, as information notes, and the post is rated ok (a rule's stop is never lowered)
            lowered = _learned.lower(text, findings, risk, probs)
            if lowered is not None:
                # read as a general post: no notes from the span tagger either
                return CheckResult("ok", lowered, redact(text, lowered))
    # seventh round: information notes on words the rules missed that could identify someone (tagger.py);
    # they never change the risk and are not redacted
    notes = _tagger.find(text, rule_findings, rule_risk, findings)
    if notes:
        findings = sorted([*findings, *notes], key=lambda f: (f.start, f.end))
    return CheckResult(risk, findings, redact(text, findings))


def _to_finding(text: str, c: Cand) -> Finding:
    info = _data.categories()[c.category]
    span = text[c.start : c.end]
    return Finding(
        category=c.category,
        start=c.start,
        end=c.end,
        text=span,
        severity=c.severity,
        message=info["message"].replace("{text}", span),
        topics=list(info["topics"]),
        suggestion=info["suggestion"],
        clauses=list(_data.clauses().get(c.category, [])),
        rule=c.rule,
        why=c.why,
    )


def redact(text: str, findings: list[Finding]) -> str:
    """Replace identifying spans (identifier categories, severity above info) with labels."""
    spans = sorted(
        (f for f in findings if f.category in IDENTIFIERS and f.severity != "info"), key=lambda f: f.start
    )
    out: list[str] = []
    pos = 0
    for f in spans:
        if f.start < pos:
            continue
        out.append(text[pos : f.start])
        out.append(REDACT_LABEL[f.category])
        pos = f.end
    out.append(text[pos:])
    return "".join(out)
