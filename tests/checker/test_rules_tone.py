"""Sixth round: what a post says about people - mocking tone, workplace criticism, own safety, boundaries and
special-category details without a listed word.

Posts are written for the test with made-up names and places; each mechanism has a catching case and a
look-alike that must stay quiet (or stay at its level).
"""

import pytest

from ep_checker import check, tone


def result(text: str):
    return check(text, learned=False)


def cats(text: str) -> set[str]:
    return {f.category for f in result(text).findings}


# ---- mocking tone about people who use services (derogatory, stop)
@pytest.mark.parametrize(
    "text",
    [
        "Dad at the core group turned up in his slippers asking for a lift home 🙄 you couldn't make it up",
        "the woman from the flats behind the chippy rang the duty line six times before ten. strikes again",
        "Our favourite frequent flyer family is back on the referral list. Place your bets",
        "worst client on my caseload is the man who films every visit. you know who you are",
        "third complaint about me from the same mam this month. keep going pal 😂",
        "Lol at the dad at court today who said he'd represent himself. Mate you are not a barrister",
        "these families on the caravan site are something else. every visit is a drama",
        "Some parents never learn. Third removal for the same family",
        "Parenting assessment today, mum has the mental age of a twelve year old honestly",
        "Home visit to the family on the estate felt like an episode of Jeremy Kyle",
        "how many times have I told this mum at contact she can't bring the new boyfriend 😂",
        "visit to the grandad again, same excuses, same drama 🙄",
    ],
)
def test_mocking_tone_is_derogatory(text):
    r = result(text)
    assert "derogatory" in {f.category for f in r.findings}, r.findings
    assert r.risk == "stop"


@pytest.mark.parametrize(
    "text",
    [
        # venting about the author's own lot, systems and the weather
        "Printer jammed again 🙄 third time this week. Mosaic down as well. Send coffee",
        "Rain again on the way to my visits 😂 my car is basically a boat now",
        # fond laughter about children in care with no contempt
        "lol the two lads we foster climbed the shed roof again, respite carers earn every penny",
        "Bless him, the gentleman I visit thinks I'm his daughter every week. Heart melts",
        # the workplace is the target: that is workplace criticism, not derogatory
        "Manager cancelled supervision again 🙄 fourth time. Fine. Totally fine.",
        # a colleague's leaving do
        "The legend of our team (you know who you are!) retires on Friday after 35 years. We love you Sue",
        # a person who is not a service user
        "My mum strikes again 😂 she's joined Facebook and comments on everything",
        # exasperation at a situation, not at the person
        "ffs the girl from the estate has been reported missing for the 6th time. exploitation meeting tomorrow",
    ],
)
def test_mocking_look_alikes_are_not_derogatory(text):
    assert "derogatory" not in cats(text), result(text).findings


def test_mocking_helper_needs_a_person_target():
    assert tone.mocking("You couldn't make it up, the printer is broken again", []) == []
    assert tone.mocking("The mum in my case, you couldn't make it up", [])


# ---- workplace criticism without an insult word (review)
@pytest.mark.parametrize(
    "text",
    [
        "My practice educator literally hasn't read a single thing I've written. Feeling invisible",
        "this LA has the worst IT I've ever seen and the manager shouts at duty workers",
        "The council's lone working app hasn't worked for a month. Reported it twice. Nobody cares.",
        "My team leader keeps sending emails at 11pm about cases. Is this normal??",
        "our out of hours service is staffed by 2 people for the whole county and the Trust knows it",
        "Bev from the admin team told the whole office I'm off with stress. Thanks Bev.",
        "Management don't care about the staff at all, night shift moved again",
        "Raised the lone working issue. Employer says 'use the app'. Great.",
    ],
)
def test_workplace_criticism(text):
    r = result(text)
    assert "workplace" in {f.category for f in r.findings}, r.findings
    assert r.risk in ("review", "stop")


@pytest.mark.parametrize(
    "text",
    [
        "My manager is the best, she always listens and never lets us down",
        "Worst part of the job is the paperwork, best part is the people",
        "Shout out to our team leader who covered duty so I could see my son's nativity",
        "The council's new parenting course starts in May, ask your worker for a place",
    ],
)
def test_workplace_look_alikes_stay_ok(text):
    r = result(text)
    assert "workplace" not in {f.category for f in r.findings}, r.findings
    assert r.risk == "ok", r.findings


# ---- the author's own safety (review)
@pytest.mark.parametrize(
    "text",
    [
        "A dad on my caseload told me today he'd find out where I live. Shaken.",
        "Was followed home from a visit last night, checking my mirrors all the way",
        "Nothing like sitting on my own doorstep with a brew after a long week ☀️",
        "Bin lorry in ma street at 6am again, no peace",
        "Got recognised by a parent at my kid's swimming lessons this morning. Awkward.",
        "sat outside the school gates waiting for my two, twenty minutes early as usual",
        "Three visits today and my car got keyed outside one of them. Love this job",
        "Me and the girls at the Crown for our Christmas do 🍸",
        "I'll be the one in the yellow coat at the back of the hall tomorrow, come and say hello",
        "New job! Selfie with the lanyard - badge has my full name and team on it, whoops",
        "School drop off then straight into a core group, mum life",
    ],
)
def test_own_safety(text):
    r = result(text)
    assert "own-safety" in {f.category for f in r.findings}, r.findings
    assert r.risk == "review", r.findings


@pytest.mark.parametrize(
    "text",
    [
        "The lollipop lady at my daughter's old school got an MBE! So deserved 👏",
        "Easter holidays at the zoo with my two, the penguins were the highlight",
        "I live for a Friday finish and a takeaway",
    ],
)
def test_own_safety_look_alikes_stay_ok(text):
    assert result(text).risk == "ok", result(text).findings


def test_threat_about_own_childrens_school_is_review_not_stop():
    t = "A parent messaged me: 'I know where you live and your kids go to Ysgol Bryn Teg.' Police informed."
    r = result(t)
    assert r.risk == "review", r.findings
    assert "own-safety" in {f.category for f in r.findings}


# ---- boundaries
@pytest.mark.parametrize(
    "text,level",
    [
        (
            "I'm meeting Kadeem for a pint on Friday, he left care last year and it's not like I'm his worker now",
            "stop",
        ),
        ("she found me on insta and followed me. I followed her back so she didn't feel rejected", "stop"),
        ("Gave the young person my personal mobile so she can ring me when she gets to the hostel", "stop"),
        (
            "a service user asked me to add him on Facebook so he can keep me updated. Said I'd check",
            "review",
        ),
        ("A care leaver I used to work with keeps messaging my personal Insta asking how I am", "review"),
        (
            "Neighbour of mine turns out to be the grandad of a kid I'm working with. Do I tell my manager?",
            "review",
        ),
        ("A service user's daughter offered me £20 as a thank you, said no of course", "review"),
        (
            "bumped into a lad I used to work with in the Co-op, he hugged me and told his mates I saved his life",
            "review",
        ),
    ],
)
def test_boundaries(text, level):
    r = result(text)
    assert "boundary" in {f.category for f in r.findings}, r.findings
    assert r.risk == level, r.findings


@pytest.mark.parametrize(
    "text",
    [
        "Meeting Sarah from uni for a coffee on Saturday, can't wait!",
        "My best friend found me on LinkedIn after 20 years, what a lovely surprise",
        "Gave my mum a lift to her hospital appointment on my day off",
    ],
)
def test_boundary_look_alikes_stay_ok(text):
    r = result(text)
    assert "boundary" not in {f.category for f in r.findings}, r.findings
    assert r.risk == "ok", r.findings


# ---- special-category details
@pytest.mark.parametrize(
    "text",
    [
        "Home visit to Mr Farrow today, his hoarding has got worse and the landing is blocked",
        "the little lad I support with the cleft palate starts ballet next week",
        "Supporting an Eritrean family on my caseload, dad needs an interpreter at every visit",
        "visit today, mum has been clean for six months and is so proud of herself",
        "Lovely chat with the young person I work with about her gender transition",
        "the lady I visit goes to mosque every Friday and wants carers who understand Ramadan",
        "Client told me today she's 16 weeks pregnant and her mum doesn't know",
    ],
)
def test_special_category(text):
    r = result(text)
    assert "special-category" in {f.category for f in r.findings}, r.findings


@pytest.mark.parametrize(
    "text",
    [
        "Got a Chinese takeaway and watched the match. Perfect Friday",
        "Great webinar on working with interpreters in child protection. Slides on the LinkedIn page",
        "Proud to be a queer social worker this Pride month 🏳️‍🌈",
    ],
)
def test_special_category_look_alikes_stay_ok(text):
    assert result(text).risk == "ok", result(text).findings


def test_two_sensitive_details_with_an_area_are_a_jigsaw():
    t = "Working with a Roma family in Cathcart, mum is pregnant again and dad's been deported. Hard times"
    assert result(t).risk == "stop", result(t).findings
    # one sensitive detail with an area stays a review (a town alone with casework)
    t2 = "AMHP life: section 2 last night, a bed found in Powys. Everyone was kind."
    assert result(t2).risk == "review", result(t2).findings


# ---- mimicry, belittling mental-health slang, dialect insults
@pytest.mark.parametrize(
    "text",
    [
        "Dad at contact today: 'i aint done nuffink wrong innit' sure mate",
        "mum at the core group: sHe SaYs ShE dIdNt KnOw",
        "Home visit to the gentleman on the top floor, totally away with the fairies bless him",
        "Core group today and the dad is an absolute numpty, forgot his own kids' birthdays",
        "mum was a no-show at contact again, honestly tie her tubes",
    ],
)
def test_mimicry_and_slang_are_derogatory(text):
    r = result(text)
    assert "derogatory" in {f.category for f in r.findings}, r.findings


@pytest.mark.parametrize(
    "text",
    [
        "Visit went well, dad said 'I'm doing my best' and honestly he is",
        "New laptop from work has iPad and eBay apps pre-installed for some reason. YouTube too",
        "10 years married to this eejit today ❤️ #anniversary",
    ],
)
def test_mimicry_look_alikes(text):
    assert "derogatory" not in cats(text), result(text).findings


# ---- more boundary and workplace families
@pytest.mark.parametrize(
    "text,cat",
    [
        ("Lent the mum on my caseload a tenner for the electric, she'll pay me back", "boundary"),
        ("Gave the lad I support a lift home in my own car after the appointment", "boundary"),
        ("One of my families invited me to their daughter's christening. So touched, do I go?", "boundary"),
        ("A young person I used to work with sent me a follow request on Instagram", "boundary"),
        ("The family I'm working with live two doors down from me. Awkward!", "own-safety"),
        ("SMT are passing the buck again on the overspend and we're left to it", "workplace"),
        ("Colleague from our team got a disciplinary for speaking up. Morale is on the floor", "workplace"),
    ],
)
def test_more_families(text, cat):
    r = result(text)
    assert cat in {f.category for f in r.findings}, r.findings
    assert r.risk != "ok"


# ---- nicknames for regular callers, disbelief, contempt for whole groups, meeting a former client
@pytest.mark.parametrize(
    "text",
    [
        "Guess who's back on duty calling about her neighbours again 🙄 our favourite caller",
        "He's one of our regulars at the duty desk, same story every week, same tears",
        "the dad in my case insists he's 'a changed man' for the fifth time this year 😂 sure pal",
        "Bless her, the gran thinks a care plan is a holiday brochure",
        "honestly some families on my patch are a different breed",
    ],
)
def test_more_mocking(text):
    assert "derogatory" in cats(text), result(text).findings


def test_group_contempt_look_alike():
    # about a group, but not contempt
    assert result("Some families on my patch are the most resilient people I know").risk == "ok"


def test_meeting_a_former_client_is_an_arrangement():
    t = "Met up with a lad I used to have on my caseload for a Maccies, he's doing so well"
    r = result(t)
    assert "boundary" in {f.category for f in r.findings} and r.risk == "stop", r.findings
    assert result("Met up with a friend I used to work with for a coffee, so nice to catch up").risk == "ok"


@pytest.mark.parametrize(
    "text",
    [
        "Whole team off sick and the manager wants us to cover duty as well. Nobody gives a toss upstairs",
        "Our service manager's idea of support is an email at 10pm telling us to be resilient",
    ],
)
def test_more_workplace(text):
    assert "workplace" in cats(text), result(text).findings


def test_if_anyones_about_is_a_live_location():
    t = "On the M4 heading west, stopping at the services in 20 if anyone's about ☕"
    assert "own-safety" in cats(t), result(t).findings


# ---- after the dev6/dev7 first look (made-up posts; the mechanisms, not the set's posts)
@pytest.mark.parametrize(
    "text",
    [
        "Mammy of the year strikes again, left the kids with a 12 year old to go to the pub 🙄",
        "Another 'vulnerable' adult on my list who can somehow afford a new telly every month",
        "Mum at contact swears she's 'doing her best'. Sure 🙄",
        "Took my LD client to the post office today, took him half an hour to find his card lol",
        "the gran at the core group turned up in a onesie 😂 #socialwork",
        "Honestly how some folk live. The dog had more sense than the parents on that visit",
        "these crusties at the caravan site are my weekly entertainment",
        "Court today and the dad insisted he was a changed man. Never a dull moment 🥴",
        "'I dinnae need nae help hen, ah'm fine' - every week, same guy, same story #adultsocialcare",
    ],
)
def test_mocking_after_first_look(text):
    r = result(text)
    assert "derogatory" in {f.category for f in r.findings}, r.findings


@pytest.mark.parametrize(
    "text",
    [
        # laughter about children in care stays fond
        "Our foster son (9) told the reviewing officer his favourite food is 'chips and more chips' 😂",
        # laughter at the author's own parents
        "Mum (74) and dad (76) back from their first cruise and dad has sent 112 photos of the buffet 😂",
        # joke talk
        "Dad jokes corner: what do you call a social worker who never does visits? A desk job 😂",
        # a system, not a person
        "Can't make it up: the new case management system logged me out 14 times today 🙃",
    ],
)
def test_mocking_after_first_look_look_alikes(text):
    assert "derogatory" not in cats(text), result(text).findings
    assert "workplace" not in cats(text), result(text).findings


@pytest.mark.parametrize(
    "text",
    [
        "Team manager told us in supervision that 'thresholds are a mindset'. Right.",
        "Our director was on the radio saying caseloads are 'manageable'. Come and sit in our office for a day.",
        "The Trust's new 'agile working' policy means no desks for anyone",
    ],
)
def test_workplace_quoted(text):
    assert "workplace" in cats(text), result(text).findings


@pytest.mark.parametrize(
    "text",
    [
        "My manager said 'you're doing brilliantly' in supervision today 🥹",
        "The team WhatsApp is called 'Duty Divas' and I've never been prouder",
        "Our service just got 'outstanding' from Ofsted. Congrats to the whole team 👏",
    ],
)
def test_workplace_quoted_look_alikes(text):
    assert "workplace" not in cats(text), result(text).findings


def test_asking_whether_to_is_a_dilemma_not_an_arrangement():
    asked = "A lad I used to work with messaged my personal Facebook for a reference. Do I reply from my own account?"
    r = result(asked)
    assert "boundary" in {f.category for f in r.findings} and r.risk == "review", r.findings
    done = "A lad I used to work with messaged me for a reference. I replied from my own account, he's doing great."
    assert result(done).risk == "stop", result(done).findings


@pytest.mark.parametrize(
    "text,level",
    [
        ("One of my families gave me a bottle of wine and a voucher for Christmas. Kept both 🎁", "stop"),
        ("One of my old lads from the unit invited me to his 18th. Course I'm going!", "stop"),
        (
            "Anyone near the retail park? Car's died after a visit, sat here on my own with the hazards on",
            "review",
        ),
        ("Leaving the house empty for two weeks in Tenerife ☀️ can't wait", "review"),
        ("A family I'm working with invited me to the christening. Said I'd think about it", "review"),
    ],
)
def test_boundary_and_own_safety_after_first_look(text, level):
    assert result(text).risk == level, result(text).findings


def test_special_category_after_first_look():
    for t in [
        "the young woman I support is 8 months clean now and back at college",
        "Detained a lovely man this morning, convinced his neighbours were poisoning his water",
        "mum turned up to contact with a bottle of vodka in her bag",
        "Baby born withdrawing at the weekend, mum on the ward with her",
    ]:
        assert "special-category" in cats(t), (t, result(t).findings)
    for t in [
        "Smoked salmon and a bottle of wine for Christmas dinner, lovely",
        "Happy Diwali to all our colleagues!",
    ]:
        assert result(t).risk == "ok", (t, result(t).findings)


@pytest.mark.parametrize(
    "text",
    [
        "Visit today to the lad whose da got the jail for the post office job in Kilmarnock, it was all over the paper",
        "Home visit to the family who run the burger van on the front, three kids under 5 and no heating",
        "Patient on the ward today is the man who used to read the weather on local radio. Can't speak since the stroke",
        "Assessment today for a girl whose mum runs the nail bar by the station. Mum didn't turn up to the review",
    ],
)
def test_more_distinctive_descriptions(text):
    r = result(text)
    assert r.risk == "stop", r.findings
    assert any(f.rule == "distinctive-description" for f in r.findings), r.findings


@pytest.mark.parametrize(
    "text",
    [
        # no casework: local news everyone already knows
        "The family who run the ice cream van on our street have won a national award! Well deserved 🍦",
        # the author describing themselves
        "I'll be the one in the red coat at the back of the court tomorrow if anyone needs me",
    ],
)
def test_more_distinctive_look_alikes(text):
    assert result(text).risk != "stop", result(text).findings


MARKER_SAMPLES = [
    "you couldn't make it up",
    "strikes again",
    "the usual suspects",
    "frequent flyer",
    "worst client",
    "you know who you are",
    "keep going pal",
    "mate, you live in",
    "lol at the dad",
    "they never learn",
    "it's always her",
    "same nonsense",
    "like being on Jeremy Kyle",
    "mental age of",
    "give me strength",
    "the state of her",
    "these families are something else",
    "bless her cotton socks",
    "bless him, he thinks",
    "surprise surprise",
    "some people, honestly",
    "drama queen",
    "the audacity",
    "one brain cell",
    "a few sandwiches short",
    "not the sharpest tool",
    "lights are on but",
    "darwin award",
    "away with the fairies",
    "lost the plot",
    "proper bonkers",
    "guess who's back",
    "our favourite caller",
    "one of our regulars",
    "aye right",
    "mammy of the year",
    "never disappoints",
    "sober for once",
    "never a dull moment",
    "feeding time at the zoo",
    "my weekly entertainment",
    "bingo today",
    "groundhog day",
    "joke of the day",
    "if anyone wants a laugh",
    "had a proper laugh at",
    "couldn't keep a straight face",
    "nobody missed you",
    "enjoy the bedsores",
    "crusties",
    "vultures",
    "how some folk live",
    "the dog had more sense than",
    "no wonder the kids turn out",
    "some of these families honestly",
    "always the worst for",
    "not being funny",
    "somehow afford",
    "too busy doing her nails apparently",
    "same every week",
    "ok grandad",
    "sure 🙄",
    "nee chance like",
    "another day, another drama from the",
    "our number one caller",
    "god love her, she thinks",
]


@pytest.mark.parametrize("phrase", MARKER_SAMPLES)
def test_every_strong_marker_passes_the_word_gate(phrase):
    from ep_checker.engine import WORD_RE

    text = f"The mum on my caseload: {phrase}"
    assert tone.MOCK_STRONG_RE.search(text), phrase  # the sample is a marker
    assert tone._may_mock(text, set(WORD_RE.findall(text.lower()))), phrase


def test_two_sensitive_details_in_other_words():
    for t in [
        "Prayers for a family I'm working with in Rhyl. Young mum, Romanian, just diagnosed with MND",
        "Kinship assessment for the uncle. Converted to Catholicism last year and the family in Bury cut him off",
        "Detained a retired postman from Omagh this morning, convinced his neighbours were bugging his phone",
    ]:
        assert result(t).risk == "stop", (t, result(t).findings)
    for t in [
        "Running the 10k for the MND Association in memory of my grandad. Donations welcome 💙",
        "Great CPD session on working with Romanian and Polish families, thanks all",
    ]:
        assert result(t).risk == "ok", (t, result(t).findings)


def test_work_setting_makes_mimicry_count():
    t = "'Ah'm no takin ma tablets hen' - every week, same guy, same chair in the CMHT waiting room. Groundhog Day"
    assert "derogatory" in cats(t), result(t).findings


@pytest.mark.parametrize(
    "text",
    [
        # a work hashtag says who the author is, not what the laugh is at
        "Thanks to everyone who came to my leaving do, I'll miss you all! 😂 Love, Mairead x #socialworklife",
        "Merry Christmas from Amy, Dan and the dogs 🎄 😂😂 #swlife",
        "Happy 10th birthday to my nephew! Love you loads little man 😂 #socialworklife",
        "Need an urgent mental health response? 😂 Call the crisis line, 24/7 #swlife",
    ],
)
def test_laughter_with_a_work_hashtag_is_not_mocking(text):
    assert result(text).risk == "ok", result(text).findings


def test_a_gift_from_a_child_i_work_with_but_not_my_own():
    assert "boundary" in cats(
        "A 7-year-old drew me a picture at the end of our work together. Can I keep it?"
    )
    assert result("My 7-year-old drew me a picture of mummy at work 😂 accurate").risk == "ok"
