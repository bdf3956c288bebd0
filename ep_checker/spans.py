"""Seventh round (spans2): finders that point at identifying details the older finders missed.

Each finder adds candidates (``engine.Cand``) for the identifying detail itself - a name, an age, a home
or unit known by its short local name - never the whole sentence. Severity is decided later by the
engine, exactly as for the older finders, so these spans only count where the post is about casework,
the author's own safety or someone identifiable.

Every finder is gated by a cheap test on the post's word set or characters before any regular
expression runs over the text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import _data

if TYPE_CHECKING:
    from .engine import Cand, _Post

_L = r"A-Za-zÀ-ÖØ-öø-ÿĀ-ſ"


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


# ---------------------------------------------------------------- names
# second halves of double-barrelled given names ("Ellie-Mae", "Mercy-Rose", "Callum-James", "Tomos-Rhys")
SECOND_GIVEN = _words(
    "mai mae may rose grace leigh lee louise marie jay james jo lou belle bella lily lilly lillie faith hope "
    "joy jean rhys john mary jane ann anne ray rae dee lea lyn lynn beth lena rae-lynn jade skye sky "
    "ellen ella ellie fay faye paige lacey brooke louis jack joe jon sue kate kay"
)
# an opening quotation mark may stand before it ("'Lillie-Mae'"), an apostrophe inside a word may not
HYPHEN_NAME_RE = re.compile(r"(?<![\w-])(?<!\w['’])([A-Z][a-zà-ÿ]{1,14})-([A-Z][a-zà-ÿ]{1,14})(?![\w-])")
# a given name (or a capitalised word not in English) followed by a surname-shaped capitalised word:
# "Kerry Blythe", "Destiny Parr", "Trina Mcaleese", "Lorna Petrie"
FULL_NAME_RE = re.compile(
    r"(?<![\w'’-])([A-Z][a-zà-ÿ]{1,14})\s([A-Z](?:[a-zà-ÿ]+|['’][A-Z][a-zà-ÿ]+)|Mc[A-Z]?[a-zà-ÿ]+)(?![\w-])"
    # not the first words of a school, home, street or business ("Bryn Celyn Comp", "Kerry Blythe Road")
    r"(?!\s+(?i:comp|comprehensive|primary|academy|high|school|college|nursery|house|lodge|court|road|rd|street|"
    r"st|avenue|ave|lane|close|drive|way|crescent|grove|terrace|centre|hall|park|estate|surgery|hospital|"
    r"ltd|limited|plc|solicitors|associates|and\s+co)\b)"
)
# a capitalised word straight after or before the pair: part of a Title Case run, not a person's name
TITLE_CASE_AFTER_RE = re.compile(r"\s+[A-Z][a-zà-ÿ]")
TITLE_CASE_BEFORE_RE = re.compile(r"[A-Z][a-zà-ÿ]+\s+$")
# comprehensive schools by their short name: "Bryn Celyn Comp, year 7"
COMP_RE = re.compile(r"\b((?:[A-Z][a-zà-ÿ]+\s+){1,3}(?:Comp|Comprehensive))\b")
SURNAME_SHAPE_RE = re.compile(
    r"^(?:mc|mac|o['’]|fitz|ni|nic|ap)[a-z]|(?:son|sen|ie|ey|ett|ott|er|man|ley|ton|ell|ford|ham|ski|ska|"
    r"wicz|ova|ová|enko|uk|ić|ic|oglu|ez|es|ini|elli|etti|ov|ev|ing|by|ham|worth|ard|ins|ows|iss|ock|ard)$"
)
# what is said about a public figure after the name: "Tom Daley talks so openly about", "X's memoir"
PUBLIC_TALK_AFTER_RE = re.compile(
    r"(?:['’]s)?\s+(?:\w+\s+){0,3}?(?:(?:talks?|talking|talked|speaks?|speaking|spoke)\s+(?:so\s+)?"
    r"(?:openly|publicly|honestly|bravely|about)|interview|documentary|podcast|memoir|autobiography|"
    r"ted\s+talk|olympi|on\s+(?:tv|telly|the\s+radio|bbc|itv|channel\s+4))",
    re.I,
)
# kinship or respect titles from the languages of UK families, before a name: "Lola Remedios",
# "Tatay Berto", "Bro Kwabena", "Aunty Bisi", "Nain Gwen", "Dadi Jaswant"
KIN_TITLE_RE = re.compile(
    r"\b(?:Lola|Lolo|Tita|Tito|Tatay|Nanay|Kuya|Ate|Lolang|Bro|Sis|Mama|Papa|Mummy|Daddy|"
    r"Aunty|Auntie|Aunt|Uncle|Nain|Taid|Mamgu|Mam-gu|Tadcu|Tad-cu|Granda|Grandda|Granny|Gran|Nanna|Nanny|"
    r"Dadi|Nani|Dada|Nana-ji|Chacha|Chachi|Mami|Mamu|Bibi|Baba|Abuela|Abuelo|Babcia|Dziadek|Babushka|"
    r"Mzee|Yaya|Oma|Opa)\s+((?:[A-Z][a-zà-ÿ]+(?:[-'’][A-Z]?[a-zà-ÿ]+)?))(?![\w-])"
)
# "Sister" and "Brother" are left out: a ward sister ("Sister Obi on Ward 4") is a colleague, not kin
KIN_GATE = _words(
    "lola lolo tita tito tatay nanay kuya ate lolang bro sis mama papa mummy daddy aunty auntie aunt uncle "
    "nain taid mamgu mam-gu tadcu tad-cu granda grandda granny gran nanna nanny dadi nani dada nana-ji chacha "
    "chachi mami mamu bibi baba abuela abuelo babcia dziadek babushka mzee yaya oma opa mam gu tad cu ji"
)
# brands and varieties made of a kin word and a name: "Papa John's", "Uncle Ben's", "Granny Smith"
KIN_NOT_NAME = _words("act printer ward nurse hood john's john’s johns ben's ben’s bens smith smiths")
OWN_BEFORE_RE = re.compile(r"\b(?:my|our)\s+$", re.I)
# greetings and openers before a capitalised word are not a given name: "Happy Diwali", "Merry Christmas"
NOT_GIVEN = _words(
    "happy merry dear hi hello hey thanks thank love congrats congratulations welcome goodbye bye "
    "blessed eid ramadan"
)

# a given name after a cue that only names people: "wants to go by Remy now", "She's called it Zaylen",
# "'to miss Nia love from Cruz'", "goes by 'Smurf' at school", "known as Big Dazz"
NAME_CUE_RE = re.compile(
    r"\b(?i:go(?:es)?\s+by|going\s+by|called\s+(?:it|him|her|them)|named\s+(?:it|him|her|them)|"
    r"love\s+from|known\s+as|calls\s+(?:himself|herself|themselves))\s+(['‘\"]?)"
    r"((?:Big\s+|Little\s+|Wee\s+)?[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)(['’\"]?)"
)
# a name and who the person is, in brackets or a relative clause: "supported Tadeusz (the polish guy w the
# guide dog)", "Proud to share that Bartholomew, who came to us at 12, ..."
NAME_DESCRIBED_RE = re.compile(
    r"\b([A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)(?:\s+\((?i:the|a|our|my)\s+[^()]{0,40}?\b(?i:guy|man|lad|woman|lady|"
    r"girl|boy|one|fella|bloke|gent|mum|dad|kid|baby|teen|gentleman)\b"
    r"|,\s+(?i:who)\s+(?i:came|has|had|was|is|lived|lives|moved|arrived|joined|left|turned|started|went|grew)\b)"
)
# a name spoken to: "Jaylan we love you", "Zion if u see this", "Keisha, if you're reading this"
NAME_VOCATIVE_RE = re.compile(
    r"\b([A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?),?\s+(?i:(?:we|i)\s+(?:love|miss)\s+(?:you|u)\b|"
    r"(?:we|i)['’]?(?:re|m|\s+are|\s+am)\s+so\s+proud\s+of\s+(?:you|u)\b|if\s+(?:you|u)\s+(?:see|read)\s+this|"
    r"if\s+(?:you|u)['’]?(?:re|\s+are)\s+reading)"
)
# a title with a lower-case initial ("mr n from the bail hostel") or an initial and a surname ("R. Szymańska")
LOWER_TITLE_INITIAL_RE = re.compile(
    r"\b(?:mr|mrs|ms|miss)\s+([a-z])\b(?![’'.-])(?=\s+(?:from|at|in|on|who|has|is|was|,))"
)
INITIAL_SURNAME_RE = re.compile(r"\b([A-Z]\.\s?[A-Z][a-zà-ÿĀ-ſ]{2,}(?:-[A-Z][a-zà-ÿĀ-ſ]+)?)\b")
# nicknames with "Big"/"Little"/"Wee" before a word that is no English word: "took Big Dazz to Blackpool"
BIG_NICK_RE = re.compile(r"\b((?:Big|Little|Wee|Young|Auld|Old)\s+[A-Z][a-zà-ÿ]+)\b")
# a handle given after the platform: "my personal snap is becca.sw.x", "insta: jaydenxx_07"
HANDLE_AFTER_RE = re.compile(
    r"\b(?i:snap(?:chat)?|insta(?:gram)?|tiktok|twitter|fb|facebook|threads|discord|kik|bereal)\s*"
    r"(?i:is|name\s+is|handle\s+is|username\s+is|:|=|-)\s*@?([A-Za-z0-9][A-Za-z0-9._]{2,29}[A-Za-z0-9_])"
)
HANDLE_GATE = _words("snap snapchat insta instagram tiktok twitter fb facebook threads discord kik bereal")
CONTACT_GATE = _words(
    "number mobile phone address addy email e-mail snap snapchat insta instagram facebook fb tiktok"
)
NAME_CUE_GATE = _words("by called named from known calls")
LITTLE_ONE_GATE = _words("one baby bairn wean")
# a possessive before a contact detail: "if any of the old staff want Jordi's new number"
NAME_CONTACT_RE = re.compile(
    r"\b([A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)['’]s\s+(?i:(?:new\s+|personal\s+|mobile\s+|home\s+|work\s+)?"
    r"(?:number|mobile|phone|address|addy|email|e-mail|snap|snapchat|insta|instagram|facebook|fb|tiktok))\b"
)
# a name straight after "the little one", "the wee one", "the baby": "the little one Amarachi was screaming"
LITTLE_ONE_NAME_RE = re.compile(
    r"\b(?i:the\s+(?:little|wee|young|baby)\s+one|the\s+baby|the\s+bairn|the\s+wean)\s+"
    r"([A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)\b"
)
# a name with its age in brackets, whatever the word: "the little boy (Zephyr, nearly 4)"
BRACKET_NAME_AGE_RE = re.compile(
    r"\(([A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?),\s*(?i:nearly\s+|almost\s+|now\s+|just\s+|aged\s+|age\s+)?"
    r"\d{1,2}\s*(?:\)|,|yo\b|y/o)"
)
# two initials followed by their ages: "our little fostered munchkins L & K, 4 and 6"
INITIALS_AGES_RE = re.compile(
    r"\b([A-Z]\s*(?:&|and)\s*[A-Z])\b(?=\s*[,(]\s*\d{1,2}\s*(?:&|and|,)\s*\d{0,2}(?!\d|\s*(?:hours?|hrs?|mins?|"
    r"minutes?|days?|weeks?|months?|years?|%|pm|am)\b))"
)
# pairs of capitals that are names of places, shops and things: "A & E", "B&Q", "M&S", "Q&A"
NOT_INITIALS = _words("a&e b&q m&s p&o q&a r&d t&c b&b h&m g&t d&t p&p s&l a&r c&a f&m")
# a family surname with a count before it: "the final hearing for the 4 Dlamini children"
COUNTED_FAMILY_RE = re.compile(
    r"\b(?i:the)\s+(?i:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+([A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)"
    r"\s+(?i:kids|children|boys|girls|siblings|brothers|sisters|twins|triplets|bairns|weans|sibs)\b"
)
VOCATIVE_GATE = _words("love miss proud see read reading")
TITLE_GATE = _words("mr mrs ms miss")
BIG_GATE = _words("big little wee young auld old")
NUMBER_WORDS = _words("two three four five six seven eight nine ten")
MONTHS = _words(
    "january february march april may june july august september october november december jan feb mar "
    "apr jun jul aug sep sept oct nov dec"
)
# the second half of a double-barrelled given name that makes the whole a name ("Mercy-Rose", "Blessing-Mae")
STRONG_SECOND = _words("mai mae may rose leigh louise marie grace jay lee lou belle")
NOT_FIRST_HALF = _words("anglo afro euro tudor red white pink wild black blue green yellow christmas")

# ---------------------------------------------------------------- ages
# "6 today", "16 the day" (Scots), "19 today" in a birthday post
TODAY_AGE_RE = re.compile(
    r"(?:^|(?<=[\s(,!🎂🎉🥳]))(\d{1,3})\s+(?:today|the\s+day|tomorrow|this\s+week)\b(?!\s*(?:visits?|calls?|"
    r"referrals?|cases?|hours?|hrs?|mins?|minutes?|people|times?|of\b|out\b|kids|children|families))",
    re.I,
)
BIRTHDAY_RE = re.compile(r"birthday|b'?day|🎂|🎉|🥳|🎈|happy\s+\d|\bcake\b|turns?\b|turned\b", re.I)
# two ages as an aside: "(Afghan, 15 and 16, brothers)", "the 2 eldest (15 & 12)"
PAIR_AGE_RE = re.compile(r"(?:,|\()\s*(\d{1,2}\s*(?:&|and)\s*\d{1,2})\s*(?=[,)])", re.I)
KIDS_AROUND_RE = re.compile(
    r"\b(?:munchkins|kiddos|littles|brothers|sisters|siblings|eldest|youngest|twins|boys|girls|lads|lasses|"
    r"kids|children|bairns|weans)\b|\b[A-Z]\s*(?:&|and)\s*[A-Z]\b",
    re.I,
)
# "(Zephyr, nearly 4)", "Leon, now 16, first came", "(89, lives in the last croft)"
NEAR_AGE_RE = re.compile(
    r"(?:,|\()\s*((?:nearly|almost|now|only|just|barely|aged|age)\s+\d{1,3}|\d{1,3}(?=\s*,\s*(?:lives|living|"
    r"lost|has|had|with|who|from|no|in|on|been|just|still|LD|autism|autistic|dementia|MS)\b))"
    r"(?=\s*[,)]|\s+(?:and|who|with|first|has|had|is|was|lives)\b)",
    re.I,
)
# decades as an aside (the engine finds "in his 80s"): "man, 50s, MS", "a woman, late 70s,"
DECADE_AGE_RE = re.compile(r"(?<=,)\s*((?:early|mid|late)?[\s-]*[2-9]0['’]?s)(?=\s*,)", re.I)
# ages in the other languages of UK posts: "84 de ani" (Romanian), "82 saal" (Hindi/Urdu), "5 lat"
# (Polish), "10 años" (Spanish), "7 anos" (Portuguese), "12 ans" (French), "9 jaar" (Dutch), "6 Jahre"
# (German), "8 anni" (Italian), "15 yaşında" (Turkish), "99 oed"/"mlwydd oed" (Welsh), "bliain d'aois" (Irish)
FOREIGN_AGE_RE = re.compile(
    r"\b(\d{1,3}\s+(?:de\s+ani|ani|saal|sal|lat|lata|años|anos|ans|jaar|jahre|anni|yaşında|yasinda|"
    r"mlwydd(?:\s+oed)?|oed|bliain(?:\s+d['’]aois)?|bliadhna|sano|godina|let|éves|metų))\b",
    re.I,
)
FOREIGN_AGE_GATE = _words(
    "ani saal sal lat lata años anos ans jaar jahre anni yaşında yasinda mlwydd oed bliain bliadhna sano "
    "godina let éves metų"
)
# babies' ages as an aside: "our baby girl, 4 months, in Alder Hey", "(7 months, born at ...)",
# "(sisters, 18 months and 4)"
BABY_ASIDE_RE = re.compile(
    r"(?:,|\()\s*(?:[a-z]+,\s*)?(\d{1,2}\s+(?:months?|weeks?|days?)(?:\s+old)?(?:\s+(?:and|&)\s+\d{1,2})?)"
    r"(?=\s*[,)])",
    re.I,
)
BABY_WORDS = _words(
    "baby babies newborn bairn wean girl boy son daughter sisters brothers twins triplets little one "
    "placement foster"
)
# school years written the Welsh way or short: "(Blwyddyn 8)", "A (Y10)", "our Year 6 young carer"
SCHOOL_YEAR_PERSON_RE = re.compile(
    r"\b(Blwyddyn\s+(?:[1-9]|1[0-3])|(?<=\()Y(?:r\s?)?(?:[1-9]|1[0-3])(?=\))|"
    r"(?:year|yr)\s+(?:[1-9]|1[0-3])(?=\s+(?:young\s+carer|boy|girl|lad|lass|pupil|child|kid)\b))",
    re.I,
)

# ---------------------------------------------------------------- homes and units by short local name
# made-up compound names of children's homes, care homes, units and hostels: "at oakdene", "nights at
# Oakhurst", "the lady at Heatherbank", "the lads at Meadow View", "respite with us at Plas Hafan"
HOME_FIRST = (
    r"oak|ash|elm|birch|beech|pine|holly|hazel|willow|maple|cedar|yew|rowan|alder|heather|bracken|fern|"
    r"green|high|low|meadow|brook|glen|rose|lark|thorn|bramble|moss|lime|orchard|silver|golden|sunny|"
    r"fair|wood|red|white|black|broad|clover|daisy|ivy|lavender|primrose|bluebell|kings|queens|mill|"
    r"spring|river|lake|hill|field|ridge|park|church|bay|sea|shore|lime|laurel|poplar|linden|chestnut|"
    r"bryn|pen|glan|ty|tan|coed|afon|rose|wester|easter|burn|kirk|brae|hazle|cherry|apple|plum|bank"
)
HOME_LAST = (
    r"dene|dean|hurst|mere|bank|field|fields|wood|woods|lea|leigh|ley|lands|side|view|croft|holme|brook|"
    r"gate|haven|dale|fold|garth|ridge|mount|hill|hall|grange|manor|crest|lodge|court|house|gardens|"
    r"acre|acres|glade|grove|meadows|stead|well|wells|ville|ton"
)
HOME_FIRST_T = tuple(HOME_FIRST.split("|"))
HOME_LAST_T = tuple(HOME_LAST.split("|"))
TWO_WORD_HOME_GATE = _words("view residential lodge grange manor lea dene bank side croft mount haven")
COURT_GATE = _words(
    "laganside snaresbrook isleworth minshull sessions bailey bow thomas justice crown glasgow"
)
HOME_WORD_RE = re.compile(r"^(?:" + HOME_FIRST + r")(?:" + HOME_LAST + r")$", re.I)
HOME_SLOT_RE = re.compile(
    r"\b(?:at|from|to|in|about|of|on)\s+(?:the\s+)?"
    r"((?:" + HOME_FIRST + r")(?:" + HOME_LAST + r")"
    r"(?:\s+(?:View|Residential|Lodge|Court|Manor|House|Grange|Unit|Ward|Centre))?)(?![\w'’-])"
    r"(?!\s+(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Cres|Grove|Terrace|Place|"
    r"Park|Gardens|Estate|Walk|Row|Square|Parade)\b)",
    re.I,
)
# the same compound before a word for a care setting, anywhere: "📍Greenbank Residential"
HOME_SUFFIX_RE = re.compile(
    r"\b((?:" + HOME_FIRST + r")(?:" + HOME_LAST + r")\s+(?:Residential|Unit|Centre|Care\s+Centre|Hostel))\b",
    re.I,
)
# an institution as a hashtag: "#OakbankCareHome", "#BrynAwelHouse", "#StBedesPrimary"
HASHTAG_INSTITUTION_RE = re.compile(
    r"#([A-Za-z]{3,30}(?:CareHome|ChildrensHome|ChildrenHome|NursingHome|ResidentialHome|House|Lodge|"
    r"Primary|PrimarySchool|Academy|HighSchool|Nursery|Hospital|Ward|Unit|Hostel|Surgery))\b"
)
# a school or church known by its saint: "uniform for St Bede's", "(yr 5, St Bede's RC)", "nativity at St Anne's"
SAINT_RE = re.compile(
    r"\b(St\.?\s+[A-Z][a-zà-ÿ]+(?:['’]s?|s)(?:\s+(?:RC|R\.C\.|CE|C\s+of\s+E|CofE|C\.E\.|VA|VC))?)(?![\w'’])"
)
SCHOOL_CONTEXT_WORDS = _words(
    "school schools uniform nativity reception yr year class teacher teachers senco dsl pupil pupils "
    "starts started headteacher head playground assembly sats gcses communion christening parish"
)
# Welsh school names with a type word and an article: "Ysgol Gymraeg Y Felin", "Ysgol Gynradd Yr Hendre"
YSGOL_TYPED_RE = re.compile(
    r"\b(Ysgol\s+(?:Gymraeg|Gynradd|Uwchradd|Feithrin|Gyfun|Babanod|Iau)\s+(?:Y|Yr)\s+[A-Z][a-zŵŷâêîôû]+)"
)
# courts known by the name of their building: "Laganside again with A today for day 3 of the trial"
COURT_BUILDING_RE = re.compile(
    r"\b((?:the\s+)?(?:Laganside|Snaresbrook|Isleworth|Minshull\s+Street|Sessions\s+House|Old\s+Bailey|"
    r"Bow\s+Street|Thomas\s+More\s+Building|Justice\s+Centre|Crown\s+Square|Glasgow\s+Sheriff))\b"
)
TWO_WORD_HOME_RE = re.compile(
    r"\b(?:at|from|to|in|about|of|on)\s+(?:the\s+)?((?:Meadow|Oak|Ash|Elm|Birch|Willow|Cedar|Rowan|Heather|"
    r"Holly|Hazel|Park|River|Lake|Hill|Church|Mill|Orchard|Green|Brook|Glen|Sunny|Fair|Rose|Pine|Beech)\s+"
    r"(?:View|Residential|Lodge|Grange|Manor|Lea|Dene|Bank|Side|Croft|Mount|Haven))\b"
)
WELSH_HOME_RE = re.compile(
    r"\b((?:Plas|Tŷ|Ty|Hafan|Bryn|Llys|Cartref)\s+[A-Z][a-zŵŷâêîôû]+(?:\s+[A-Z][a-zŵŷâêîôû]+)?)\b"
)
WELSH_VENUE_AFTER_RE = re.compile(
    r"\s+(?:contact\s+centre|family\s+centre|centre|hall|office|library|room|staff|team)\b", re.I
)
# words that say the post is about a care setting (a home, unit, hostel or ward) in any casing
CARE_SETTING_WORDS = _words(
    "residents resident residential lads girls kids staff shift shifts nights dayshift nightshift "
    "dols respite unit ward wards hostel home homes carehome childrenshome supported living keyworker "
    "safeguarding cqc ofsted manager managers placement placements bruising seclusion restraint room "
    "discharge discharged admission admitted service users"
)
HOME_STOP = _words(
    "westfield highbury ashford ashton ashley oakley hillside riverside lakeside seaside broadside "
    "woodside parkside greenwood redwood hollywood bollywood oakwood wellfield brookside hillsborough "
    "wimbledon millwall riverdale springfield greenfield whitehall"
)

# ---------------------------------------------------------------- shops and cafés as a location
CHAIN_NAMES = (
    r"(?:Tesco|Asda|Morrisons|Sainsbury['’]?s|Lidl|Aldi|Co-?op|Costa|Greggs|"
    r"Nando['’]?s|Premier\s+Inn|Travelodge|Wetherspoons?|Spoons|McDonald['’]?s|Maccies|Maccy\s+D['’]?s|"
    r"KFC|Starbucks|Pret|Primark|B&M|Iceland|Subway|Boots|Caffè\s+Nero|Caffe\s+Nero|Burger\s+King|"
    r"Matalan|Wilko|Home\s+Bargains|Farmfoods|Marks\s+and\s+Spencer|M&S|Toby\s+Carvery|Harvester|"
    r"Frankie\s+&\s+Benny['’]?s|Pizza\s+Hut|Domino['’]?s)"
)
CHAIN_RE = re.compile(
    r"\b((?i:the\s+(?:big\s+)?)?(?i:" + CHAIN_NAMES + r")(?i:\s+car\s+park)?"
    r"(?:\s*,\s*|\s+(?i:at|in|on|by|near|off|opposite)\s+(?i:the\s+)?|\s+)"
    r"(?:[A-Z][a-zà-ÿ]+(?:['’]s)?|A\d{1,4}|M\d{1,2})(?:\s+[A-Z][a-zà-ÿ]+){0,2})"
)
CHAIN_GATE = _words(
    "tesco asda morrisons sainsburys sainsbury lidl aldi coop co-op costa greggs nandos nando premier "
    "travelodge wetherspoons wetherspoon spoons mcdonalds mcdonald maccies maccy kfc starbucks pret "
    "primark iceland subway boots nero burger matalan wilko bargains farmfoods spencer toby harvester "
    "frankie pizza dominos domino"
)
CHAIN_TAIL_STOP = _words(
    "i we he she they it you me my our his her their today tonight tomorrow yesterday and or but "
    "with for the a an this that so then now if when after before delivery order voucher vouchers "
    "card cards shop shopping meal meal deal deals clubcard points express extra metro local"
)


# a place after a location pin: "📍Cwm Elan reservoir with the whole tribe", "📍 Nando's, Cribbs Causeway"
PIN_PLACE_RE = re.compile(
    r"📍\s*((?:[Aa]t\s+)?(?:the\s+)?[A-Z][\w'’&-]*(?:(?:,\s*|\s+)(?:[A-Z][\w'’&-]*|of|on|by|the|(?i:reservoir|park|"
    r"beach|services|station|centre|car\s+park|woods?|bay|lake|pier|harbour|market|castle|falls)\b)){0,4})"
)
# motorway services and stations: "picked up at Membury services", "at Bangor station"
SERVICES_RE = re.compile(
    r"\b((?:[A-Z][a-zà-ÿ]+\s+){1,2}(?:services|Services|service\s+station|Gap\s+services))\b"
)
# a landmark after outside/near/by: "outside the Bullring", "I'm near the Pier", "by the big Morrisons"
LANDMARK_RE = re.compile(
    r"\b(?i:outside|near|by|opposite|behind|next\s+to)\s+(?i:the)\s+(?i:big\s+|old\s+)?([A-Z][a-zà-ÿ]+(?:['’]s)?)"
    r"(?![\w'’-])"
)
LANDMARK_STOP = _words("office team school court hospital council station ward door window way end time")
# person words of the four nations' speech, for ages as asides: "Wee wifie fae Possilpark, 79, thinks ..."
DIALECT_PERSON_RE = re.compile(
    r"\b(?:wifie|wummin|wumman|fella|fellah|bloke|geezer|yute|laddie|lassie|gadgie|boyo|auld\s+boy|oul\s+fella|"
    r"aul\s+wan|wee\s+man|auld\s+yin|old\s+boy|old\s+girl|old\s+dear|aunty|uncle|granda|granny|mam|da)\b",
    re.I,
)
COMMA_AGE_RE = re.compile(r"(?<=[A-Za-z]),\s*(\d{1,3})\s*(?=,)")
SCHOOL_BEFORE_YEAR_RE = re.compile(
    r"(?:Comp|Academy|High|Primary|School|College|Grammar|PS|RC|CE)['’]?s?\s*,?\s*((?i:year|yr)\s+(?:[1-9]|1[0-3]))\b"
)


def _hit(words: set[str], gate: frozenset[str]) -> bool:
    return not gate.isdisjoint(words)


def find_more_spans(p: _Post, out: list[Cand]) -> None:
    """Run the seventh-round finders (names, ages, local homes, shops as locations).

    They only fill gaps: a new span that overlaps a span an older finder already found is left out, so
    it can never push aside (and then lose to a lower severity) what the older finders point at.
    """
    from .engine import IDENTIFIERS, Cand

    words = p.low_words
    new: list[Cand] = []
    _names(p, new, Cand)
    if p.has_digit:
        _ages(p, new, Cand)
    if p.has_digit or _hit(words, NUM_WORD_SET):
        _ages_said(p, new, Cand)
    _homes(p, new, Cand, words)
    if _hit(words, CHAIN_GATE):
        _chains(p, new, Cand)
    _places(p, new, Cand)
    if not new:
        return
    old = sorted((c.start, c.end) for c in out if c.category in IDENTIFIERS)
    so = p.__dict__.get(
        "signoff"
    )  # the author's sign-off ("- Ty Ni staff", "Love, Becca x") is never a finding
    sign_start = so.start(1) if so else len(p.text) + 1
    for c in new:
        if c.start >= sign_start:
            continue
        if not any(a < c.end and c.start < b for a, b in old):
            out.append(c)


def _quiet_spans(p: _Post) -> list[tuple[int, int]]:
    from .engine import _public_figure_spans

    quiet: list[tuple[int, int]] = list(_public_figure_spans(p))
    so = p.__dict__.get("signoff")
    if so:
        quiet.append((so.start(1), so.end()))
    return quiet


def _names(p: _Post, out: list[Cand], cand: type[Cand]) -> None:
    text = p.text
    firsts = _data.first_names()
    amb = _data.ambiguous_names()
    eng = _data.english_words()
    places = _data.places()
    quiet: list[tuple[int, int]] | None = None

    def ok(s: int, e: int) -> bool:
        nonlocal quiet
        if quiet is None:
            quiet = _quiet_spans(p)
        return not any(a <= s < b or a < e <= b for a, b in quiet)

    if "-" in text:
        for m in HYPHEN_NAME_RE.finditer(text):
            a, b = m.group(1).lower(), m.group(2).lower()
            a_name = (
                a in firsts
                or (a in amb and a not in eng)
                or (b in STRONG_SECOND and a not in NOT_FIRST_HALF and not _sentence_start(text, m.start()))
                # eighth round: a first half no English word before a strong second half, even at the start
                # of a sentence or a quotation ("'Lillie-Mae'"), and two given names that are also words
                # ("Precious-Joy", "Mercy-Grace", "Hope-Rose")
                or (b in STRONG_SECOND and a not in eng and a not in NOT_FIRST_HALF)
                or (a in amb and (b in amb or b in STRONG_SECOND) and a not in NOT_FIRST_HALF)
            )
            b_name = b in firsts or b in SECOND_GIVEN or b in amb
            if not (a_name and b_name) or a in places or b in places:
                continue
            if text[max(0, m.start() - 3) : m.start()].lower() in ("st ", "st."):
                continue
            if ok(m.start(), m.end()):
                out.append(cand("name", m.start(), m.end(), "hyphenated-name"))
    for m in FULL_NAME_RE.finditer(text):
        a, b = m.group(1).lower(), m.group(2).lower().replace("’", "'")
        if b in eng or b in places or a in places or b in firsts or len(b) < 3:
            continue
        before = TITLE_CASE_BEFORE_RE.search(text, max(0, m.start() - 20), m.start())
        if TITLE_CASE_AFTER_RE.match(text, m.end()) or (before and not _sentence_start(text, before.start())):
            continue  # a run of capitalised words is a title or an organisation ("'The Krivis Leerkie Tairan'")
        if a in NOT_GIVEN or a in firsts:
            continue  # names in the list are the name finder's; this finder covers the names it misses
        unlisted = a not in eng and SURNAME_SHAPE_RE.search(b) and not _sentence_start(text, m.start())
        if a not in amb and not unlisted:
            continue
        if a in eng and a not in amb and a not in firsts:
            continue
        if PUBLIC_TALK_AFTER_RE.match(text, m.end()):
            continue
        if ok(m.start(), m.end()):
            out.append(cand("name", m.start(), m.end(), "given-and-surname"))

    def plain(w: str) -> bool:
        k = w.lower()
        return k in NOT_GIVEN or k in places or k in MONTHS or (k in eng and k not in firsts and k not in amb)

    for m in NAME_CUE_RE.finditer(text) if _hit(p.low_words, NAME_CUE_GATE) else ():
        quoted = bool(m.group(1) and m.group(3))
        last = m.group(2).split()[-1]
        if (quoted or not plain(last)) and ok(m.start(2), m.end(2)):
            out.append(cand("name", m.start(2), m.end(2), "name-after-cue"))
    if ("'" in text or "’" in text) and _hit(p.low_words, CONTACT_GATE):
        for m in NAME_CONTACT_RE.finditer(text):
            if not plain(m.group(1)) and not _sentence_start(text, m.start()) and ok(m.start(1), m.end(1)):
                out.append(cand("name", m.start(1), m.end(1), "name-before-contact"))
    for m in LITTLE_ONE_NAME_RE.finditer(text) if _hit(p.low_words, LITTLE_ONE_GATE) else ():
        if not plain(m.group(1)) and ok(m.start(1), m.end(1)):
            out.append(cand("name", m.start(1), m.end(1), "name-after-little-one"))
    if "(" in text:
        for m in BRACKET_NAME_AGE_RE.finditer(text):
            k = m.group(1).lower()
            if k not in places and k not in MONTHS and k not in NOT_GIVEN and ok(m.start(1), m.end(1)):
                out.append(cand("name", m.start(1), m.end(1), "name-with-age-in-brackets"))
    for m in NAME_DESCRIBED_RE.finditer(text) if "(" in text or "who" in p.low_words else ():
        if not plain(m.group(1)) and not _sentence_start(text, m.start()) and ok(m.start(1), m.end(1)):
            out.append(cand("name", m.start(1), m.end(1), "name-described"))
    for m in NAME_VOCATIVE_RE.finditer(text) if _hit(p.low_words, VOCATIVE_GATE) else ():
        if not plain(m.group(1)) and ok(m.start(1), m.end(1)):
            out.append(cand("name", m.start(1), m.end(1), "name-spoken-to"))
    for m in LOWER_TITLE_INITIAL_RE.finditer(text) if _hit(p.low_words, TITLE_GATE) else ():
        out.append(cand("name", m.start(), m.end(), "title-and-initial-lower"))
    for m in INITIAL_SURNAME_RE.finditer(text) if "." in text else ():
        k = m.group(1).split(".")[-1].strip().lower()
        if not plain(k) and ok(m.start(1), m.end(1)):
            out.append(cand("name", m.start(1), m.end(1), "initial-and-surname"))
    for m in BIG_NICK_RE.finditer(text) if _hit(p.low_words, BIG_GATE) else ():
        k = m.group(1).split()[-1].lower()
        if not plain(k) and k not in firsts and ok(m.start(1), m.end(1)):
            out.append(cand("name", m.start(1), m.end(1), "nickname"))
    for m in HANDLE_AFTER_RE.finditer(text) if _hit(p.low_words, HANDLE_GATE) else ():
        h = m.group(1)
        # a handle has a dot, underscore or digit; a bare word only counts after "is" ("my snap is beccax")
        said = text[m.start() : m.start(1)].rstrip(" @").lower().endswith("is")
        handle_shaped = any(ch in h for ch in "._") or any(ch.isdigit() for ch in h)
        if (handle_shaped or (said and h.lower() not in eng)) and ok(m.start(1), m.end(1)):
            out.append(cand("name", m.start(1), m.end(1), "handle-after-platform"))
    for m in COUNTED_FAMILY_RE.finditer(text) if p.has_digit or _hit(p.low_words, NUMBER_WORDS) else ():
        if not plain(m.group(1)) and ok(m.start(1), m.end(1)):
            out.append(cand("name", m.start(1), m.end(1), "family-surname-counted"))
    if "&" in text or " and " in text:
        for m in INITIALS_AGES_RE.finditer(text):
            if "&".join(re.findall(r"[A-Z]", m.group(1))).lower() in NOT_INITIALS:
                continue
            out.append(cand("name", m.start(1), m.end(1), "initials-with-ages"))
    for m in KIN_TITLE_RE.finditer(text) if _hit(p.low_words, KIN_GATE) else ():
        w = m.group(1).lower()
        if w in KIN_NOT_NAME or (w in eng and w not in firsts and w not in amb) or w in places:
            continue
        if OWN_BEFORE_RE.search(text, max(0, m.start() - 8), m.start()) and not p.fostering:
            continue  # "my Nanna Jean", "our Aunty Bisi": the author's own family, the older finders' call
        if ok(m.start(1), m.end(1)):
            out.append(cand("name", m.start(), m.end(), "kin-title-name"))


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip()
    return not before or before[-1] in ".!?\n:\"'“‘"


def _ages(p: _Post, out: list[Cand], cand: type[Cand]) -> None:
    from .engine import OWN_SUBJECT_BEFORE

    text = p.text
    words = p.low_words

    def add(s: int, e: int, rule: str) -> None:
        if OWN_SUBJECT_BEFORE.search(text[max(0, s - 12) : s]):
            return
        if p.own_family and not p.fostering and not p.case_strong:
            return  # the author's own family ("my Grandad Alwyn, 96, who taught me to fish")
        out.append(cand("age", s, e, rule))

    today = "today" in words or "tomorrow" in words or "day" in words or "week" in words
    birthday = today and bool(BIRTHDAY_RE.search(text))
    for m in TODAY_AGE_RE.finditer(text) if today else ():
        n = int(m.group(1))
        # an adult's "50 today" with no person before it is the author's own birthday; without a birthday
        # word only an aside counts: "Dami who I mentor through the care leavers scheme, 19 today"
        aside = text[max(0, m.start() - 2) : m.start()].strip() == ","
        if n <= 110 and (birthday or aside) and (n < 25 or _person_near(text, m.start())):
            add(m.start(), m.end(), "age-today")
    for m in PAIR_AGE_RE.finditer(text):
        near = text[max(0, m.start() - 60) : m.start()] + " " + text[m.end() : m.end() + 25]
        if KIDS_AROUND_RE.search(near) or _person_near(text, m.start()):
            add(m.start(1), m.end(1), "ages-pair-aside")
    if "," in text:
        for m in COMMA_AGE_RE.finditer(text):
            if DIALECT_PERSON_RE.search(text, max(0, m.start() - 50), m.start()) and int(m.group(1)) <= 110:
                add(m.start(1), m.end(1), "age-aside-dialect")
    if "year" in words or "yr" in words:
        for m in SCHOOL_BEFORE_YEAR_RE.finditer(text):
            add(m.start(1), m.end(1), "school-year-after-school")
    for m in NEAR_AGE_RE.finditer(text):
        add(m.start(1), m.end(1), "age-aside-near")
    if "0s" in text or "0's" in text or "0’s" in text:
        for m in DECADE_AGE_RE.finditer(text):
            s, e = m.span(1)
            s += len(m.group(1)) - len(m.group(1).lstrip())
            if _person_near(text, s):
                add(s, e, "age-decade-aside")
    if _hit(words, FOREIGN_AGE_GATE):
        for m in FOREIGN_AGE_RE.finditer(text):
            add(m.start(1), m.end(1), "age-other-language")
    if _hit(words, BABY_WORDS) or "months" in words or "weeks" in words:
        for m in BABY_ASIDE_RE.finditer(text):
            before = text[max(0, m.start() - 40) : m.start()].lower()
            if any(w in before for w in BABY_WORDS):
                add(m.start(1), m.end(1), "age-baby-aside")
    school_year = "year" in words or "yr" in words or "blwyddyn" in words or "(Y" in text
    for m in SCHOOL_YEAR_PERSON_RE.finditer(text) if school_year else ():
        if re.search(r"\b(?:i'?m|i am|my)\s+$", text[max(0, m.start() - 8) : m.start()], re.I):
            continue
        add(m.start(1), m.end(1), "school-year-person")


def _person_near(text: str, pos: int) -> bool:
    from .engine import PERSON_NOUN_RE

    return bool(PERSON_NOUN_RE.search(text, max(0, pos - 40), pos))


def _homes(p: _Post, out: list[Cand], cand: type[Cand], words: set[str]) -> None:
    text = p.text
    eng = _data.english_words()
    # cheap gate: a word of the post that starts and ends like a compound home name (C-level str tests)
    compound = any(
        len(w) > 5 and w.endswith(HOME_LAST_T) and w.startswith(HOME_FIRST_T) and w not in eng for w in words
    )
    if compound:
        for m in HOME_SLOT_RE.finditer(text):
            k = m.group(1).split()[0].lower()
            if k in eng or k in HOME_STOP:
                continue
            out.append(cand("institution", m.start(1), m.end(1), "home-local-name", strength=0))
        for m in HOME_SUFFIX_RE.finditer(text):
            out.append(cand("institution", m.start(1), m.end(1), "home-local-name", strength=0))
    if _hit(words, TWO_WORD_HOME_GATE):
        for m in TWO_WORD_HOME_RE.finditer(text):
            out.append(cand("institution", m.start(1), m.end(1), "home-local-name", strength=0))
    setting = _hit(words, CARE_SETTING_WORDS)
    if ("plas" in words or "hafan" in words or "tŷ" in words or "ty" in words) and setting:
        for m in WELSH_HOME_RE.finditer(text):
            if WELSH_VENUE_AFTER_RE.match(text, m.end(1)):
                continue  # "at Ty Ni contact centre": a centre's own name in its notice, the older finders' call
            out.append(cand("institution", m.start(1), m.end(1), "home-welsh-name", strength=0))
    if "#" in text:
        for m in HASHTAG_INSTITUTION_RE.finditer(text):
            out.append(cand("institution", m.start(), m.end(), "hashtag-institution", strength=0))
    if ("st" in words or "st." in text.lower()) and _hit(words, SCHOOL_CONTEXT_WORDS):
        for m in SAINT_RE.finditer(text):
            out.append(cand("institution", m.start(1), m.end(1), "saint-school", strength=0))
    if "comp" in words or "comprehensive" in words:
        for m in COMP_RE.finditer(text):
            out.append(cand("institution", m.start(1), m.end(1), "school-comp"))
    if "ysgol" in words:
        for m in YSGOL_TYPED_RE.finditer(text):
            out.append(cand("institution", m.start(1), m.end(1), "institution-prefix-welsh"))
    for m in COURT_BUILDING_RE.finditer(text) if _hit(words, COURT_GATE) else ():
        out.append(cand("institution", m.start(1), m.end(1), "court-building", strength=0))


def _places(p: _Post, out: list[Cand], cand: type[Cand]) -> None:
    text = p.text
    words = p.low_words
    eng = _data.english_words()
    if p.has_digit and "." in text:
        for m in GPS_RE.finditer(text):
            lat, lon = float(m.group(1)), float(m.group(2))
            seg = m.group(0).rstrip()
            marked = seg[:1].isalpha() or "°" in seg or (seg[-1:] in "EW" and re.search(r"\d\s*[NS]\b", seg))
            if abs(lat) <= 90 and abs(lon) <= 180 and marked:
                out.append(
                    cand(
                        "own-safety",
                        m.start(),
                        m.end(),
                        "gps-coordinates",
                        why="map coordinates give an exact place",
                    )
                )
    if _hit(words, WELSH_PREP_GATE):
        places = _data.places()
        for m in WELSH_PREP_RE.finditer(text):
            w = m.group(2)
            if w.lower() in places:
                continue
            for pre, bases in SOFT_UNMUTATE:
                if w.startswith(pre):
                    rest = w[len(pre) :]
                    if any((b + rest).lower() in places for b in bases):
                        out.append(cand("place", m.start(2), m.end(2), "welsh-mutated-place"))
                    break
    if _hit(words, DISTRICT_GATE):
        places = _data.places()
        for m in DISTRICT_RE.finditer(text):
            k = m.group(1).split()[0].lower()
            if k in places or k not in eng:
                out.append(cand("place", m.start(1), m.end(1), "district-name", strength=0))
    if "📍" in text:
        for m in PIN_PLACE_RE.finditer(text):
            out.append(cand("place", m.start(1), m.end(1), "place-after-pin", strength=0))
    if "services" in words or "station" in words:
        for m in SERVICES_RE.finditer(text):
            if m.group(1).split()[0].lower() not in eng or m.group(1).split()[0].lower() in _data.places():
                out.append(cand("place", m.start(1), m.end(1), "services-place", strength=0))
    if not p.caps and _hit(words, LANDMARK_GATE):
        capital_words = sum(1 for w in text.split() if w[:1].isupper())
        if capital_words * 2 < len(text.split()):  # not a post in Title Case
            for m in LANDMARK_RE.finditer(text):
                if m.group(1).lower().rstrip("'’s") not in LANDMARK_STOP:
                    out.append(cand("place", m.start(1), m.end(1), "landmark-place", strength=0))


# map coordinates written into a post or a photo's caption: "GPS 53.7961 N, 1.5476 W", "51.4816, -3.1791"
GPS_RE = re.compile(
    r"(?:(?i:gps|location|coords?|coordinates|lat(?:itude)?)\s*:?\s*)?"
    r"(-?\d{1,2}\.\d{3,7})\s*°?\s*[NS]?\s*,\s*(-?\d{1,3}\.\d{3,7})\s*°?\s*[EW]?"
)
# Welsh place names change their first letter after a preposition ("o Dregaron" = from Tregaron, "yng
# Nghaerdydd" = in Cardiff, "i Fangor" = to Bangor): the word is looked up in its dictionary form
WELSH_PREP_RE = re.compile(
    r"\b(o|i|yn|ym|yng|ger|am|ar|gan|heb|dan|dros|drwy|trwy|wrth|hyd|gyda|â|a)\s+([A-Z][a-zŵŷâêîôûï]{2,})"
)
WELSH_PREP_GATE = _words("o yn ym yng ger gan heb dan dros drwy trwy wrth hyd gyda â")
SOFT_UNMUTATE = (
    ("Dd", ("D",)),
    ("Ngh", ("C",)),
    ("Mh", ("P",)),
    ("Nh", ("T",)),
    ("Ng", ("G",)),
    ("Ch", ("C",)),
    ("Ph", ("P",)),
    ("Th", ("T",)),
    ("G", ("C",)),
    ("B", ("P",)),
    ("D", ("T",)),
    ("F", ("B", "M")),
    ("L", ("Ll",)),
    ("R", ("Rh",)),
    ("M", ("B",)),
    ("N", ("D",)),
)
LANDMARK_GATE = _words("outside near by opposite behind next")
# eighth round: a district known by a name and a landscape word, after a word for where: "a flat on the
# Cruddas Park", "the young un from Druids Heath", "home to Nether Edge", "hangs round Tower Hill"
DISTRICT_RE = re.compile(
    r"\b(?i:in|on|from|at|near|round|around|across|off|to|behind|outside)\s+(?:the\s+)?"
    r"([A-Z][a-zà-ÿ]+\s+(?:Park|Heath|Rock|Edge|Corner|Common|Vale|Estate|Green|Hill|Moor|Village|Top|End|"
    r"Bridge|Cross|Brow|Bottom|Fold|Nook|Rise|Dene|Wood|Lea))\b(?!\s+(?i:road|rd|street|st|avenue|ave|lane|"
    r"close|drive|way|crescent|school|primary|academy|college|hospital|surgery|station|services|fc|rangers|"
    r"united|city|athletic|rovers|hotel|inn|centre|leisure|retail|shopping|library)\b)"
)
DISTRICT_GATE = _words(
    "park heath rock edge corner common vale estate green hill moor village top end bridge cross brow bottom "
    "fold nook rise dene wood lea"
)


def _chains(p: _Post, out: list[Cand], cand: type[Cand]) -> None:
    text = p.text
    places = _data.places()
    eng = _data.english_words()
    for m in CHAIN_RE.finditer(text):
        seg = m.group(1)
        rest = CHAIN_HEAD_RE.sub("", seg, count=1).strip(" ,")
        rest = CHAIN_PREP_RE.sub("", rest)
        parts = rest.split()
        if not parts:
            continue
        first = parts[0]
        k = re.sub(r"['’]s$", "", first.lower())
        if k in CHAIN_TAIL_STOP:
            continue
        # the word after the shop must name a place: in the list, a road number, or a capitalised word
        # that is not ordinary English ("Asda Pwllheli", "Costa, Ferensway", "Premier Inn by the A2")
        if not (k in places or re.match(r"[AM]\d", first) or (first[:1].isupper() and k not in eng)):
            continue
        out.append(cand("place", m.start(1), m.end(1), "shop-and-place", strength=0))


CHAIN_PREP_RE = re.compile(r"^(?:at|in|on|by|near|off|opposite)\s+(?:the\s+)?", re.I)


CHAIN_HEAD_RE = re.compile(
    r"^(?:the\s+(?:big\s+)?)?" + CHAIN_NAMES + r"(?:\s+car\s+park)?",
    re.I,
)


# ---------------------------------------------------------------- eighth round (spans3): ages said plainly
# a name with a bare age in brackets: "Go on Wynford (96) and Gwladys (88)!!", "Wee Aoife (6) wrote me a card"
NAME_BARE_AGE_RE = re.compile(
    r"(?<![\w'’-])([A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)\s?\(\s*(?i:(?:nearly|almost|aged|age|just|now|only)\s+)?(\d{1,3})\s*\)(?!\s*(?:%|years?\b|yrs?\b|mins?\b|"
    r"minutes?\b|hours?\b|days?\b|weeks?\b|months?\b|x\b|times\b|pages?\b))"
)
# an age said of someone: "He's 18 and thriving", "she's 19 now", "Kid is 13.", "a client whos 71,",
# "mine is 16, lives with his nan", "She was 15 when she died", "who would've been 18"
AGE_SAID_RE = re.compile(
    r"\b(?i:(?:he|she|they)['’]?s|(?:he|she)\s+is|(?:he|she|they)\s+(?:was|were|turned|turns)|(?:he|she)['’]ll\s+be|"
    r"who['’]?s|who\s+(?:is|was|turned|turns)|who\s+would\s+have\s+been|who\s+would['’]ve\s+been|"
    r"(?:kid|lad|lass|girl|boy|yp|child|bairn|wean|mine|client|resident|patient|one)\s+(?:is|was)(?:\s+only|\s+just|"
    r"\s+now|\s+nearly|\s+almost|\s+barely)?)\s+(?i:only\s+|just\s+|now\s+|nearly\s+|almost\s+|barely\s+|about\s+)?"
    r"(\d{1,2})(?=\s*(?:[.,!;:)]|$)|\s+(?i:and\b|now\b|next\b|this\s+(?:week|month|year)\b|when\b|years?\s+old\b|"
    r"yrs?\s+old\b|yo\b|y/o\b|going\s+on\b|in\s+(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)\b)|\s*[😭💔🥹🙏❤😢])"
)
AGE_SAID_GATE = _words(
    "he's he’s hes she's she’s shes they's is was were turned turns who's who’s whos been be he'll she'll"
)
# a bare age as an aside after a person the post works with: "YP in my care, 15, Vietnamese, came via",
# "one of the lads, 15, is obsessed", "a farmer near Llanidloes today, 58, lost the whole flock"
CASE_PERSON_RE = re.compile(
    r"\b(?:yp|ypp|young\s+person|young\s+people|client|clients|service\s+user|patient|resident|residents|lad|"
    r"lads|lass|lasses|girl|girls|boy|boys|kid|kids|child|teen|teenager|farmer|gentleman|gent|lady|woman|man|"
    r"fella|bloke|guy|mum|dad|mam|da|maw|ma|grandad|grandma|nan|granny|granda|uasc|unaccompanied|care\s+leaver|"
    r"my\s+care|caseload|referral|adult|pensioner|widow|widower|tenant|neighbour)\b",
    re.I,
)
ASIDE_AGE_RE = re.compile(
    r"(?<=[A-Za-zà-ÿ)]),\s*(\d{1,2})\s*(?=,\s*[A-Za-z]|\s+and\s+(?:a|an|has|had|lives|living|still|thriving|"
    r"from|with|in|on)\b)"
)
# words that take a number in brackets as a count or a label, not an age: "Tier (4)", "Section (2)"
NOT_BARE_AGE_WORD = _words(
    "tier section sec part level stage step band grade ward room rm bay bed beds bus route table figure fig "
    "page chapter question item article art clause rule round week day year vol no number unit floor flat "
    "house block phase module task slide appendix annex schedule form box option case cases team teams "
    "group groups zone area region pod wing side plot"
)
# an age as a sentence of its own, in figures or words: "took his own life in custody. 19. RIP",
# "Kid is 13. Thirteen.", "he's mine. 14. Everybody blaming him", "at the refuge. 23, 2 kids"
NUM_WORDS_AGE = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|"
    r"eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|nine|eight|"
    r"seven|six|five|four|three|two)"
)
NUM_WORD_SET = _words(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
)
AGE_SENTENCE_RE = re.compile(
    r"(?<=[.!?…])[ \t]+(\d{1,3}|(?i:" + NUM_WORDS_AGE + r"))(?=(?:[.!…]+|,)(?:[ \t]+[^\d\s]|\s*$))"
)
# ages with a word the older finders do not take: "102 years young", "97 next month", ", about 16?"
AGE_WORD_AFTER_RE = re.compile(
    r"\b(\d{1,3}\s+(?:years?\s+young|next\s+(?:month|week|birthday)|on\s+(?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)))\b|,\s*((?:about|around|roughly|maybe|probably|prob|approx)\s+\d{1,2})"
    r"(?=\s*[?.,!)]|\s*$)",
    re.I,
)
AGE_WORD_GATE = _words("young next about around roughly maybe probably prob approx on")
# what follows a bare number that makes it a count, not an age
NOT_AGE_AFTER_RE = re.compile(
    r"\s*,\s*(?:\d|(?i:mins?|minutes?|hours?|hrs?|days?|weeks?|months?|years?|miles?|pm|am|times|visits?|"
    r"cases?|calls?|referrals?|people|families|kids|children|staff|beds?)\b)"
)


def _ages_said(p: _Post, out: list[Cand], cand: type[Cand]) -> None:
    """Eighth round: ages said plainly of someone, not in the forms the older finders know."""
    from .engine import OWN_SUBJECT_BEFORE

    text = p.text
    words = p.low_words
    if p.own_family and not p.fostering and not p.case_strong:
        return  # the author's own family ("my son is 3 and obsessed with bin lorries")

    def add(s: int, e: int, rule: str, n: int) -> None:
        if n > 110 or OWN_SUBJECT_BEFORE.search(text[max(0, s - 12) : s]):
            return
        out.append(cand("age", s, e, rule))

    if p.has_digit and "(" in text:
        eng = _data.english_words()
        amb = _data.ambiguous_names()  # given names that are also words: "Blessing (nearly 3)", "Hope (2)"
        places = _data.places()
        for m in NAME_BARE_AGE_RE.finditer(text):
            w = m.group(1).lower()
            if (w in eng and w not in amb) or w in places or w in MONTHS or w in NOT_GIVEN:
                continue
            if w in NOT_BARE_AGE_WORD:
                continue  # "Section (2)", "Tier (4)", "Cardiff (3)": a word or place with a count
            add(m.start(2), m.end(2), "age-bare-in-brackets", int(m.group(2)))
            out.append(cand("name", m.start(1), m.end(1), "name-with-bare-age"))
    if p.has_digit and (_hit(words, AGE_SAID_GATE) or "who" in words):
        for m in AGE_SAID_RE.finditer(text):
            n = int(m.group(1))
            said = m.group(0).lower()
            if "mine" in said and n > 19:
                continue  # "mine is 30" is more likely a caseload than an age
            add(m.start(1), m.end(1), "age-said", n)
    if "." in text or "!" in text or "?" in text or "…" in text:
        for m in AGE_SENTENCE_RE.finditer(text):
            w = m.group(1)
            n = int(w) if w.isdigit() else 20
            if n > 1 and _someone_near(text, m.start()):
                add(m.start(1), m.end(1), "age-own-sentence", n)
    if p.has_digit and _hit(words, AGE_WORD_GATE):
        for m in AGE_WORD_AFTER_RE.finditer(text):
            g = 1 if m.group(1) else 2
            if g == 1 or _someone_near(text, m.start()):
                n = int(re.sub(r"\D", "", m.group(g).split()[0]) or m.group(g).split()[-1])
                add(m.start(g), m.end(g), "age-word-after", n)
    if p.has_digit and "," in text:
        for m in ASIDE_AGE_RE.finditer(text):
            if NOT_AGE_AFTER_RE.match(text, m.end(1)):
                continue
            if CASE_PERSON_RE.search(text, max(0, m.start() - 50), m.start()):
                add(m.start(1), m.end(1), "age-aside-person", int(m.group(1)))


SOMEONE_RE = re.compile(r"\b(?:his|hers?|him|he|she|hes|shes)\b", re.I)


def _someone_near(text: str, pos: int) -> bool:
    """A person the post is about within the 80 characters before ``pos``."""
    s = max(0, pos - 80)
    return bool(
        _person_near(text, pos) or CASE_PERSON_RE.search(text, s, pos) or SOMEONE_RE.search(text, s, pos)
    )
