"""Seventh round: more benign look-alikes for the calm post-pass (ep_checker/calm.py).

Each mechanism has a look-alike that the pass now rates ok (and that the rules alone did not), and a
risky twin that stays flagged. Posts are written for the test, with made-up names, places and numbers.
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


def flagged(text: str, needle: str) -> bool:
    i = text.lower().index(needle.lower())
    return any(f.start < i + len(needle) and i < f.end for f in check(text, learned=False).findings)


# (mechanism, look-alike now ok)
QUIET = [
    # 12. a public figure in public
    (
        "public-talk",
        "Good to hear Dame Rachel Hartley speak about kinship care at the conference this morning.",
    ),
    ("public-talk", "Did anyone catch Priya Lakhani's interview on the radio about care leavers? Spot on."),
    ("public-talk", "Watching Princess Anne talking about care leavers on the news, more of this please"),
    # 13. a public building as the venue of a notice
    (
        "public-venue",
        "Reminder: the DoLS refresher is at the Guildhall, SA1 4PE. Parking is limited, get the train",
    ),
    (
        "public-venue",
        "Our new Youth Hub is now open at the Civic Centre, Wrexham LL11 1AY. Drop in Tuesday to Friday",
    ),
    # 14. staff news
    (
        "staff-news",
        "Huge well done to Sister Amadi on ward 12, retiring after 35 years. We'll miss you loads",
    ),
    ("staff-news", "Ward 6 at the Royal Infirmary raised £2,400 for the hospice charity, well done team"),
    # 15. a sign-off
    (
        "sign-off",
        "Thanks to all who came to the adopters' picnic! Next one is in June. Bethan, Adoption Support Team",
    ),
    # 16. a slur quoted to criticise it
    (
        "quoted-slur",
        "'Scroungers.' That's the word one paper used about disabled people this week. Call it out.",
    ),
    # 17. the author's own age
    ("own-age", "Turned 45 today and still doing section 47s. Cake in the office, come and get it"),
    # 18. a teaching scenario
    (
        "scenario",
        "Teaching scenario for Thursday: 'A 15-year-old in foster care goes missing overnight.' "
        "What do you do first?",
    ),
    # 19. the author's own time in care
    (
        "own-care-story",
        "i was in Ty Glas children's home for 2 years and the night staff there got me through it",
    ),
    # 20. a greeting to everyone
    ("greeting", "Eid Mubarak to all our Muslim colleagues and service users 🌙 from the whole duty team"),
    # 21. a Freedom of Information reference
    (
        "foi",
        "My FOI came back (ref FOI-2025-0871): 28% of our council's children's social workers are agency",
    ),
    # 23. the author's own identity
    (
        "own-identity",
        "As a gay foster carer I just want to say: LGBTQ+ carers are needed. Come and talk to us.",
    ),
    # 24. the author's own child, nowhere named
    ("own-child-nowhere", "first day of big school for my youngest today 😭 where did my baby go"),
    # 25. the author's own adoption news
    (
        "own-adoption",
        "Our adoption order came through this afternoon! No photos yet, just wanted to tell you all ❤️",
    ),
    # 26. a community class inviting everyone
    ("community-invite", "Our free chair yoga class runs at the library every Thursday, just turn up."),
    # 27. not places: apps, national institutions, appeals, case law
    ("not-places", "Anyone else watching the kinship debate in Parliament? Really good speeches"),
    # 28. a police appeal passed on
    (
        "police-appeal",
        "MISSING PERSON appeal from the police: have you seen this man? Call 101 quoting ref 24MIS000111. "
        "#Gorton",
    ),
    # 29. a published inspection grade
    (
        "inspection-grade",
        "Ofsted rated us 'good' today after 'requires improvement' last time. Proud of every one of you.",
    ),
    # 30. a joke about the author's own age
    (
        "own-secret",
        "My own birthday today (48, don't tell anyone 🤫) and the kids brought me breakfast in bed",
    ),
    # 31. detail held back
    (
        "withheld",
        "Twenty years in and I have never seen a section 47 go as badly as today's. Can't say more.",
    ),
    # advert: locums and shifts
    ("advert", "Locums wanted: 2 x AMHPs, Kent, £42/hr, 3 months. DM me or call 020 7946 0111"),
]


# posts that more than one mechanism quietens (a public figure's topic words are also "nobody in
# particular" to the sixth round's topic-only reading): for these the pass as a whole is checked
SHARED = {"public-talk", "own-age", "greeting", "own-identity", "not-places"}


@pytest.mark.parametrize(("mechanism", "text"), QUIET)
def test_look_alike_now_quiet(mechanism, text):
    assert risk(text) == "ok", check(text, learned=False).findings
    if mechanism in SHARED:
        return
    # the mechanism itself does it: with it switched off the post is flagged
    calm.DISABLED.add(mechanism)
    try:
        assert risk(text) != "ok", (mechanism, text)
    finally:
        calm.DISABLED.clear()


def test_pidgin_words_are_not_names():
    text = "Abeg make una no dey share service user pikin photo for status o. Na serious wahala."
    assert not flagged(text, "una")
    assert risk(text) != "stop"
    assert risk_without_calm(text) == "stop"


def test_a_festive_figure_is_not_a_name():
    assert not flagged("Dear Santa, please bring every duty worker a day off. Love, me.", "Santa")


RISKY = [
    # 12. a service user who shares a first name with a politician, in a case
    ("Kemi's speech and language assessment is on Thursday at the child development centre, she's 4", "stop"),
    ("Bridget on my caseload mentioned her ex is back in Hull, she's terrified", "stop"),
    # 13. a case at a public building
    ("Strategy meeting at County Hall, CF10 4UW for the Jones children tomorrow at 10", "stop"),
    ("Visited the family at 12 Market Street, Pontypridd CF37 4TH today, mum was drunk again", "stop"),
    ("Every Tuesday you'll find me at the leisure centre in Rhyl before my shift. Come say hi!", "review"),
    # 14. a patient or care leaver in "staff news"
    (
        "Our ward manager on ward 7 is retiring, and the lad in bed 4 is finally going home after the overdose",
        "stop",
    ),
    ("Shout out to Kezia, our care leaver, who got into Bangor uni!", "stop"),
    ("Congratulations to Mrs Patel on Ward 4, 92 today, her dementia is getting worse", "stop"),
    # 15. a name at the end that is not a sign-off
    ("Thank you to everyone at the case conference today. Ayesha, Kinship Support Team", "review"),
    # 16. a slur used, not criticised
    ("'Scroungers' the lot of them on the Meadowell, the family I visited today are no different", "stop"),
    # 17. someone else's age
    ("Jayden turned 16 today, placement party at the unit in Rhyl", "stop"),
    ("Turned 16 today and Jayden's placement in Rhyl is breaking down", "stop"),
    # 18. a scenario based on a real case
    (
        "Teaching scenario based on a real case: Jade, 14, in residential care in Rhyl is messaging an adult",
        "stop",
    ),
    # 19. the author's story and a child they look after now
    ("I was in care at Ty Mawr children's home and now my foster son is placed there too", "stop"),
    # 20. a greeting, then a case
    ("Happy Diwali to all! Visited Mrs Sharma in Leicester today, she's 84 and has dementia", "stop"),
    ("Eid Mubarak to all, especially the family I visited today who had the police round", "review"),
    # 22. "Una" as a given name, in English
    ("Una from the Oakwood estate was at contact again, the foster carer wants out", "stop"),
    # 23. someone else's identity
    ("He's gay and his foster carers in Rhyl don't know", "review"),
    # 24. the author's child, with school or routine
    ("first day of big school for my eldest at St Mary's in Ormskirk", "review"),
    ("picking my lad up from school at 3.15 every day", "review"),
    ("my eldest has football at the leisure centre tonight", "review"),
    ("my daughter is at swimming club till 7", "review"),
    ("HARVEST ASSEMBLY AT ST JOHN'S THIS MORNING, MY ELDEST WAS A CARROT", "review"),
    # 25. adoption news about someone else's children, or with the birth family
    ("Adoption order granted today for the Kowalski twins, 3 and 5, placed in Leeds", "stop"),
    ("Our adoption order came through but the birth mum found us on Facebook", "review"),
    # 26. the author's own routine at a class
    (
        "Our free classes run at Hove Library every Tuesday, I'm the one at the front in pink, just turn up",
        "review",
    ),
    # 27. a real place next to an app
    ("Matched with my client's dad on Hinge, he lives in Rhyl, do I unmatch?", "review"),
    ("Court of Protection hearing for Mr Evans in Wrexham tomorrow, 84 and refusing care", "stop"),
    # 28. the worker's own young person in an appeal
    (
        "My YP is missing again, police appeal out, call 101 quoting ref 24MIS013245, she's from Thamesmead",
        "stop",
    ),
    (
        "Police appeal: have you seen this girl? Jade, 14, missing from her children's home in Rhyl, call 101",
        "stop",
    ),
    # 30. a secret shared with a young person
    ("My birthday today and the lad I key-work gave me a card at the unit, don't tell anyone", "stop"),
    # 31. detail held back, but a name or age given
    ("Section 47 on a 3 year old in Rhyl today. Can't say more.", "stop"),
    ("Strategy meeting for Kai, 4, today. Can't say more.", "stop"),
    # 12. "'s review", "spoke" and "interview" in casework are not public life
    ("Jayden's review mentioned his ADHD again, mum wasn't happy", "stop"),
    ("Kemi's interview at the police station went badly, she's only 15", "stop"),
    # 14. "well done team" about a child's school place
    ("Well done team, Jayden finally got his place at Ysgol Glan Clwyd after the exclusion", "stop"),
    # 16. a slur aimed at a child, reported
    ("She called him a 'retard', that word is awful, and he's only 9 and in care", "stop"),
    # 18. a session with a real child is no scenario
    ("Teaching scenario for today: Jade, 14, in residential care in Rhyl", "stop"),
    # 31. detail held back, but a service user's relative in a boundary question
    ("Tinder date with the dad from my case. Can't say more.", "review"),
    # advert: a case, not an advert
    (
        "Locums wanted to cover for me while I deal with the Hussain family, 07700 900123 is the mum's number",
        "stop",
    ),
]


@pytest.mark.parametrize(("text", "expected"), RISKY)
def test_risky_twin_still_flagged(text, expected):
    order = ["ok", "review", "stop"]
    assert order.index(risk(text)) >= order.index(expected), check(text, learned=False).findings


def test_dropped_spans_are_gone():
    """Where the pass drops a finding (not just lowers it), the span is no longer flagged at all."""
    assert not flagged(
        "Training's at County Hall, CF10 4UW. Parking is a nightmare so get the bus", "CF10 4UW"
    )
    assert not flagged("An ex-client matched with me on Hinge. What do I do?", "Hinge")
    assert not flagged("Court of Appeal judgment in Re B-S still matters to practice", "Re B-S")
    assert not flagged("Our kids' bake sale for Children in Need smashed it", "Children in Need")


def test_round7_only_lowers():
    order = {"info": 0, "review": 1, "stop": 2}
    for text, _ in RISKY + [(t, "ok") for _, t in QUIET]:
        calm.DISABLED.update(calm.MECHANISMS)
        try:
            before = {(f.category, f.start): f.severity for f in check(text, learned=False).findings}
        finally:
            calm.DISABLED.clear()
        for f in check(text, learned=False).findings:
            assert order[f.severity] <= order[before[(f.category, f.start)]], (text, f)


@pytest.mark.parametrize(
    "text",
    [
        "Enjoying 'The Psychopath Test' by Jon Ronson. Not sure my AMHP tutor would approve",
        "Finished 'Boy, Everywhere' by A.M. Dassu with my book group - every UASC worker should read it",
        "Brilliant podcast by Kerry Blythe on kinship care and what carers need",
    ],
)
def test_authors_of_published_work_are_not_names(text):
    assert not [f for f in check(text, learned=False).findings if f.category == "name" and f.severity != "info"]


@pytest.mark.parametrize(
    "text",
    [
        "'My Life' by Kacper (9) from Oakwood Primary - so proud of him, he has been with us a year",
        "Court report by Jayden Smith (7) is due and his mum is not engaging",
        "Visited Jayden today, dropped off by Kelly his mum, he is 7",
    ],
)
def test_a_child_after_by_is_still_a_name(text):
    r = check(text, learned=False)
    assert any(f.category == "name" and f.severity != "info" for f in r.findings) or r.risk == "stop"
