"""Sixth round: the calm post-pass (ep_checker/calm.py) quietens benign look-alikes.

Every mechanism has a look-alike that must now be ok (or at least not stop) and a risky twin that must
still be flagged. Posts are written for the test with made-up names, places and numbers.
"""

import pytest

from ep_checker import calm, check


def risk(text: str) -> str:
    return check(text, learned=False).risk


def risk_without_calm(text: str) -> str:
    calm.DISABLED.update(calm.MECHANISMS)
    try:
        return check(text, learned=False).risk
    finally:
        calm.DISABLED.clear()


QUIET = [
    # 1. a topic word alone, nobody in particular talked about
    "would you let a kid in care have TikTok? genuine question",
    "Thinking of all care leavers spending Christmas alone today. You matter.",
    "Thanks for all the birthday messages! 50 today and still doing home visits in the rain 😂",
    "First time giving evidence in family court? Slow down, look at the judge, and it's fine to say 'I don't know'.",
    # 2. public figures named with a title
    "Prince William visited a children's home in Cardiff today and talked about care leavers",
    # 3. the author's own life, care history, health and family
    "20 years since I left the children's home in Rotherham. Never thought I'd be a social worker",
    "Mam turns 90 on Sunday!! Party at the Miners' Welfare",
    "My mum was in a care home in Wigan for her last two years with dementia, the staff were amazing",
    "My nan raised me after my mum died, kinship care before it had a name",
    "In hospital with my own mental health this week, please be kind",
    # 4. job adverts with a team e-mail or a named contact
    "Looking for a newly qualified SW for our Leeds team - DM me or email sarah.jones@leeds.gov.uk",
    "We're hiring! Two social worker posts in our fostering team, email fostering.recruitment@wigan.gov.uk "
    "or WhatsApp Sarah on 07700 900123 for an informal chat",
    "Recruiting! Adoption social worker, Hull, £38k. Email adoption@hull.gov.uk or call Jo on 01482 300300",
    "Hiring: Senior Practitioner, Adults, Cardiff. Email jobs.socialcare@cardiff.gov.uk",
    # 5. public appeals quoting a reference
    "Police appeal: anyone with information about the break-in at the community centre please call 101 "
    "quoting reference 12345/23",
    "Planning notice: the former care home on Mill Lane, ref 24/0099/FUL, objections by 1 June",
    "Volunteers needed for our Saturday youth club, contact Dave on 07700 900333",
    "Merry Christmas to all the kids in care 🎄",
    # 6. a number said to be an example
    "For example a made-up NHS number like 943 476 5919 should never go in a post",
    'Example: "J (7) lives on Elm Road" tells people too much',
    # 7. community notices with a weekly time
    "Bingo every Tuesday at 7pm at St Mary's church hall, all welcome",
    "Coffee morning every Wednesday 10am at the community centre, everyone welcome",
    # 8. words from other languages or pidgin
    "Abeg wetin dey happen for this duty desk today, wahala everywhere",
    # 9. a car's name
    "RIP to my little purple Corsa Vera, 187,000 miles of home visits. Gone to the scrappy",
    # 10. ordinary words before a service word
    "Good to see the Children's Commissioner pushing on children's home profits. About time.",
    # 2b. a royal title doing something public, not the hospital of that name
    "The Princess of Wales spoke about early years and adoption at the event today",
    # 3b. leaving care, told as the author's past
    "Ten years ago today I walked out of Oakfield children's home with a bin bag. Look at me now.",
    # 4b. a locum advert
    "Locum opportunity, 6 months, £40/hr, DM Jade or WhatsApp 07700 900222",
    # 10b. a Welsh prefix before an ordinary word
    "Ysgol visit today, da iawn pawb, pob lwc i'r plant",
    # 12. an age in a general question
    "Can a 16 year old in care legally refuse contact? genuine question for the group",
    # 11. a request the author turned down
    "A young person asked for my personal Instagram today. Said no, explained why. He called me boring.",
]


@pytest.mark.parametrize("text", QUIET)
def test_look_alike_now_quiet(text):
    # (some of these became quiet through later rules too, so the pass is not always what quietens them)
    assert risk(text) == "ok", check(text, learned=False).findings


RISKY = [
    # 1. a person is talked about, or a specific event
    ("a kid in care on my caseload, Jayden, 14, wants TikTok", "stop"),
    ("Did a home visit in Barnsley today, the house was in a shocking state", "review"),
    ("removed 3 children tonight. home at midnight. can't sleep.", "review"),
    ("Child protection conference this morning, heartbreaking case, can't stop thinking about it", "review"),
    # 2. a title does not hide a child on the caseload
    ("Harry on my caseload is talking about leaving care, he's 17 and at Oakwood High", "stop"),
    # 3. casework told in the first person is not the author's own life
    ("20 years since I placed Jayden (7) in the children's home in Rotherham", "stop"),
    ("mum is 16 and dad is 24, baby due next month, pre-birth assessment, they live in Seacroft", "stop"),
    ("my foster son turns 9 on Sunday, party at Oakwood Primary", "stop"),
    ("Home visit today, she kept saying 'my son never visits' - 88 and living alone on Elm Road", "review"),
    ("Taking my daughter to her first day at St Mary's Primary tomorrow, emotional!", "review"),
    ("I left Oakfield children's home today after visiting Jayden (7), he's settled", "stop"),
    ("My birthday today and Kayden, 12, from the Seacroft estate sang to me at the home visit", "stop"),
    ("Jayden (7) is in the Princess of Wales with a broken arm after the incident at home", "stop"),
    ("Jayden (7) at Ysgol Glan Clwyd was excluded today", "stop"),
    ("Had a 16 year old in care refuse contact today, what do I do?", "review"),
    ("My nan raised me, and now my foster son Jayden (7) at Oakwood Primary calls her great-nan", "stop"),
    ("In hospital with my client Jayden (7) after his overdose this week", "stop"),
    # 4. an advert does not cover a child's details
    (
        "We're hiring! Also my client Jayden (7) at Oakwood Primary says hi, call his mum on 07700 900123",
        "stop",
    ),
    ("Planning notice for 14 Mill Lane, ref 24/0099/FUL - that's where my client Jayden (7) lives", "stop"),
    (
        "Missing teenager: police appeal for help finding Tia, 15, from Hull, quote log 312 of 14 March",
        "stop",
    ),
    ("all the kids on my caseload were at Oakwood Primary today with Jayden (7)", "stop"),
    ("My mum's neighbour Doris (84) on Elm Road has dementia and keeps wandering", "stop"),
    ("My daughter's friend Tyler (14) has anorexia and her mum doesn't know", "review"),
    ("Mum's drug test sample came back positive, Jayden (7) at Oakwood Primary is staying with nan", "stop"),
    ("Jayden (7) at Oakwood Primary set a great example to his brother at contact today", "stop"),
    ("Mum works part-time at Tesco, Jayden's dad Darren rang me on 07700 900123 from the hostel", "review"),
    # 6. a real number, not an example
    ("Her NHS number is 943 476 5919, the client I saw today", "stop"),
    # 7. the author's own routine
    ("I go to the gym every Tuesday at 7pm on my own", "review"),
    (
        "Running club every Tuesday 7pm from the bandstand in Harrogate, come join! (yes I'm the one in pink)",
        "review",
    ),
    # 8. a real name next to a foreign word
    ("Abeg Jayden (7) on my caseload at Oakwood Primary is wahala", "stop"),
    # 11. a request the author gave in to, or still asks about
    ("A young person asked for my personal number today, said no at first but then gave it", "review"),
    ("Gave my personal number to a young person, my manager said no but whatever", "stop"),
    (
        "A mum offered me a lift home after the visit. Said no obviously and waited for the RAC. Right call?",
        "review",
    ),
]


@pytest.mark.parametrize(("text", "expected"), RISKY)
def test_risky_twin_still_flagged(text, expected):
    order = ["ok", "review", "stop"]
    # at least as risky as expected (later rules may rightly find more, e.g. a name)
    assert order.index(risk(text)) >= order.index(expected), check(text, learned=False).findings


def test_calm_only_lowers():
    """No mechanism raises a finding: with the pass on, no finding is more severe than without it."""
    order = {"info": 0, "review": 1, "stop": 2}
    for text, _ in RISKY:
        calm.DISABLED.update(calm.MECHANISMS)
        try:
            before = {(f.category, f.start): f.severity for f in check(text, learned=False).findings}
        finally:
            calm.DISABLED.clear()
        after = check(text, learned=False).findings
        for f in after:
            assert order[f.severity] <= order[before[(f.category, f.start)]], (text, f)


def test_the_own_life_reading_leaves_a_carers_stop_alone():
    """A foster carer's post about the child in placement reads like family life, but the child's name and
    school still reach the birth family: the own-life reading lowers warnings, never a stop, unless the post
    plainly tells the author's own story."""
    text = "I'm 40 today and Tayla-Mae (15) at Rowan House children's home made me a card"
    assert risk_without_calm(text) == "stop"
    assert risk(text) == "stop", check(text, learned=False).findings
