"""Seventh round (spans2): finders in ep_checker/spans.py that point at the identifying detail itself.

Each mechanism has posts it must catch (the span is reported) and look-alikes that must stay quiet.
Posts are made up for the test.
"""

import pytest

from ep_checker import check


def flagged(text: str, needle: str) -> bool:
    r = check(text, learned=False)
    i = text.find(needle)
    assert i >= 0
    return any(f.start < i + len(needle) and i < f.end for f in r.findings)


def rules(text: str) -> set[str]:
    return {f.rule for f in check(text, learned=False).findings}


CATCH = [
    # names the lists do not hold, in forms people write them
    (
        "Strategy meeting at 2. Name's Kerry Blythe, she's the aunt who rang the duty line about the kids",
        "Kerry Blythe",
    ),
    (
        "Case closed today. If Trina Mcaleese rings the office about her son, put her through to duty",
        "Trina Mcaleese",
    ),
    (
        "Foster carers: our placement Blessing-Mae had her first contact with her birth mum today",
        "Blessing-Mae",
    ),
    (
        "Kinship visit with the family: Nanay Lourdes is caring for all three grandchildren now",
        "Nanay Lourdes",
    ),
    ("Our foster lad (15) wants to go by Kairo now and the SW is on board with the change", "Kairo"),
    (
        "The birth mum on my caseload has had another baby and called her Zyana, the older boy is upset",
        "Zyana",
    ),
    ("If the team needs Dariusz's new number for the strategy meeting, ask duty", "Dariusz"),
    ("Contact was hard today, the little one Chidera screamed all the way through the visit", "Chidera"),
    ("First home visit on placement: the wee girl (Juniper, nearly 5) showed me her drawings", "Juniper"),
    ("Our two fostered sisters T & J, 3 and 7, loved the beach today #fostering", "T & J"),
    ("Final hearing today for the 3 Okonkwo children, the guardian supports the care plan", "Okonkwo"),
    ("Our foster baby, born at the Homerton last week, is withdrawing and on a care plan", "Homerton"),
    (
        "Took Radoslaw (the polish guy with the guide dog) to his clinic appointment, my client since May",
        "Radoslaw",
    ),
    ("On my caseload for years: Ebenezer, who came to us at 12, just got his degree results!", "Ebenezer"),
    ("Care order granted today and the school have been brilliant. Tayvion we love you", "Tayvion"),
    ("lads I need help. mr k from the bail hostel on my caseload has gone awol again", "mr k"),
    ("Photo of my desk with the case file labelled 'M. Wiśniewska, s47' in the corner", "M. Wiśniewska"),
    ("Took Big Shazza from the supported living flats to the seaside, her first trip in years", "Big Shazza"),
    (
        "Safeguarding strategy meeting today for the lad at Cwm Derw Comp, year 9, excluded twice",
        "Cwm Derw Comp",
    ),
    ("Safeguarding strategy meeting today for the lad at Cwm Derw Comp, year 9, excluded twice", "year 9"),
    (
        "UASC duty: a boy picked up at Leigh Delamere services last night, now in emergency placement",
        "Leigh Delamere services",
    ),
    ("📍Llyn Brenig reservoir with the whole tribe incl. our 2 foster kids 🏕️", "Llyn Brenig reservoir"),
    ("Home visit done, now I'm near the Pier writing notes in the car if anyone fancies a coffee", "Pier"),
    (
        "Wee wifie fae the scheme, 83, thinks the carers are stealing her pension. Adult protection referral",
        "83",
    ),
    ("View from the new flat tonight 🌇 [photo: GPS 51.4816 N, 3.1791 W]", "GPS 51.4816 N"),
    ("To the lad on my caseload: my personal snap is sw.jen.99 if you need me after hours", "sw.jen.99"),
    ("Plentyn bach 5 oed o Dregaron wedi cael ei symud heddiw, child protection plan", "Dregaron"),
    ("Strategy meeting heddiw for the teulu o Fangor on my caseload, all three on a CP plan", "Fangor"),
    # ages in unusual forms
    ("Placement update: Kacey-Leigh 9 today 🎂 first birthday with us, so proud #fostering", "9 today"),
    ("Supported our care leaver through the tenancy sign-up, 18 today and keys in hand", "18 today"),
    ("s47 today: the little boy on my caseload (Oren, nearly 4) was found alone at the flat", "nearly 4"),
    ("Home visit: the lady downstairs, 50s, MS, lives alone and the carers missed two calls", "50s"),
    (
        "Vizita de azi: o doamna, 86 de ani, singura in casa, fara mancare. Safeguarding referral done",
        "86 de ani",
    ),
    ("Aaj ek aunty ji ko visit kiya, 79 saal ki, bete ne ghar se nikal diya. Safeguarding raised", "79 saal"),
    (
        "Placement news: our baby boy, 5 months, is in the Royal Victoria tonight with a chest infection",
        "5 months",
    ),
    ("UASC duty: two girls (Eritrean, 14 and 16, sisters) arrived at the station last night", "14 and 16"),
    (
        "Child protection review at the school: the lad on my caseload (Blwyddyn 9) is doing better",
        "Blwyddyn 9",
    ),
    # homes, units and schools by their short local name
    (
        "Night shift at ashdene again, the lad on my caseload went missing after tea and police were called",
        "ashdene",
    ),
    (
        "Strategy meeting about Heatherlea today: my client there has unexplained bruising again",
        "Heatherlea",
    ),
    (
        "BeReal 📍Ashbrook Residential, me and the night staff eating cold chips after a restraint",
        "Ashbrook Residential",
    ),
    (
        "Karaoke with the residents tonight, Mabel (94) with dementia sang the lot #ElmfieldCareHome",
        "#ElmfieldCareHome",
    ),
    ("Our foster girl wore her new uniform for St Brigid's today, reception class 🥰", "St Brigid's"),
    (
        "Respite for our gentleman at Plas Menai this week while the family have a break, DoLS in place",
        "Plas Menai",
    ),
    (
        "School run done, my two off to Ysgol Gymraeg Y Garth then the TAF meeting for a case",
        "Ysgol Gymraeg Y Garth",
    ),
    (
        "Laganside again today with the young person on my caseload, he's 13 and has to give evidence",
        "Laganside",
    ),
    # shops and cafés as a location
    ("📍 Costa, Jameson Street for the next hour writing up my notes before the home visit", "Costa, Jameson Street"),
    (
        "Parked up at Asda Dolgellau writing up the child protection visit, come say hi if you're about",
        "Asda Dolgellau",
    ),
]


@pytest.mark.parametrize("text,needle", CATCH)
def test_spans_caught(text: str, needle: str) -> None:
    assert flagged(text, needle), needle


QUIET = [
    # greetings, public figures talked about, a ward sister (a colleague), the author's own family
    ("Happy Diwali to all my colleagues celebrating! Our team had a lovely lunch today", "Diwali"),
    (
        "Love that Rosa Parkinson talks so openly about growing up in care on the radio this week",
        "Rosa Parkinson",
    ),
    ("RIP to my Grandad Emlyn, 93, who taught me to fish. Sleep tight", "93"),
    ("Thanks for all the birthday messages! 50 today and still doing home visits in the rain", "50 today"),
    # pairs of capitals that are not initials; ages that are counts; colours before a hyphenated word
    ("Sat in A & E, 3 and 4 hours waits for the young people we bring in", "A & E"),
    ("Lovely evening with the Red-Rose choir raising money for the young carers group", "Red-Rose"),
    ("Care leavers' week: the 3 Musketeers quiz team from our office won again", "Musketeers"),
    ("Saw the lovely Big Ben lit up on the train home from the conference tonight", "Big Ben"),
    ("Happy to share that Manchester, who hosted the awards, raised loads for charity", "Manchester"),
    ("Sat In The Car Outside The Pier Waiting For The Rain To Stop", "Pier"),
    ("Nice to see the Q&A, 4 and 5 stars for the training day", "Q&A"),
    ("The effect sizes were 0.4521, 0.3310 in the replication study we read in training", "0.4521"),
    ("Reminder for the team: my insta is private, so please don't tag me in work photos", "private"),
    ("Diolch o Galon to everyone who came to the care leavers' picnic, child protection team rocks", "Galon"),
    (
        "Finished 'The Velmor Kastie Durran Story' by a care leaver. Every foster carer should read it",
        "Kastie",
    ),
    # compounds that are streets or famous places, and shops without a place after them
    ("The drinkers on Whitehall Road outside the office were shouting at the team again", "Whitehall"),
    ("Anyone know if Tesco delivery slots are any better this week? Shopping for my mum", "Tesco"),
]


@pytest.mark.parametrize("text,needle", QUIET)
def test_look_alikes_quiet(text: str, needle: str) -> None:
    assert not flagged(text, needle), needle


@pytest.mark.parametrize(
    "text",
    [
        "Contact went well, the kids on my caseload had Papa John's after the visit",
        "Strategy meeting ran late so I missed my Nanna Jean's birthday tea, my client is safe though",
    ],
)
def test_brands_and_own_family_are_no_kin_title(text: str) -> None:
    # a brand made of a kin word and a name, and the author's own family, are not this finder's
    assert "kin-title-name" not in rules(text)


def test_ward_sister_is_no_kin_title() -> None:
    # "Sister" before a name is a ward sister, a colleague: not the kinship-title finder's
    assert "kin-title-name" not in rules(
        "Shout out to Sister Adaeze on Ward 7 who is retiring after 40 years!"
    )


def test_new_spans_do_not_push_aside_older_ones() -> None:
    # the address finder's street is kept; the compound home-name finder does not take it over
    text = "The drinkers in the flats behind the shop on Oakfield Road are a nightmare on my caseload"
    assert "home-local-name" not in rules(text)


def test_names_after_cues_need_a_name() -> None:
    # an ordinary English word after the cue is not a name unless it is quoted
    assert not flagged("Our placement has gone by Monday as planned for the foster child", "Monday")
    assert flagged("Foster lad (14) goes by 'Sparky' at school and the SW wants a word", "Sparky")
