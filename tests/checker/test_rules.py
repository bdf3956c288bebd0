import pytest

from ep_checker import CheckerError, check, nhs_valid


def cats(text):
    return {f.category for f in check(text).findings}


def flagged(text, needle):
    r = check(text)
    i = text.lower().find(needle.lower())
    assert i >= 0
    return any(f.start < i + len(needle) and i < f.end for f in r.findings)


# ---------------------------------------------------------------- names


@pytest.mark.parametrize(
    "text,name",
    [
        ("Home visit to Jayden (7) today, mum finally engaging", "Jayden"),
        ("home visit to jayden (7) today, mum finally engaging", "jayden"),
        ("HOME VISIT TO JAYDEN (7) TODAY, MUM FINALLY ENGAGING", "JAYDEN"),
        ("court tomorrow for the Wozniak kids, final hearing", "Wozniak"),
        ("the smith kids are going into foster care tonight", "smith"),
        ("Mr and Mrs Okoro came to the child protection conference today", "Okoro"),
        ("dazza from the office rang me, his contact with the kids is cancelled", "dazza"),
        ("Niamh's pathway plan review today went so well", "Niamh"),
        ("Our new foster placement Amelia-Rose, aged 4, arrived last night", "Amelia-Rose"),
    ],
)
def test_names_in_case_context_any_casing(text, name):
    assert flagged(text, name)
    assert check(text).risk == "stop"


def test_ambiguous_names_need_context():
    assert check("Hope and Faith are lovely words to start a Monday with").risk == "ok"
    assert check("Will we ever get a properly funded care system?").risk == "ok"
    assert check("May is Mental Health Awareness Month, look after yourselves").risk == "ok"
    assert flagged("Will's adoption order came through this morning!", "Will")
    assert flagged("so proud of Grace today, she stood up in her LAC review", "Grace")


@pytest.mark.parametrize(
    "text,quiet",
    [
        ("Re-reading Eileen Munro's review of child protection for my dissertation", "Eileen Munro"),
        ("the munro review is still on every reading list", "munro"),
        ("Watching Dame Rachel de Souza on the news talking about kids in care", "Rachel de Souza"),
        ("Thank you all for the cards on my last day. Love, Michelle", "Michelle"),
        ("Merry Christmas from Amy, Dan and the dogs", "Amy"),
        ("The national review into the murders of Arthur Labinjo-Hughes and Star Hobson", "Star Hobson"),
    ],
)
def test_public_figures_and_sign_offs_stay_quiet(text, quiet):
    assert not flagged(text, quiet)
    assert check(text).risk == "ok"


# ---------------------------------------------------------------- hard identifiers


def test_nhs_mod11():
    assert nhs_valid("943 476 5919")
    assert nhs_valid("9434765919")
    assert not nhs_valid("943 476 5918")
    assert not nhs_valid("123")
    # check digit 10 is never valid
    assert not nhs_valid("0000000060") or nhs_valid("0000000060") is True  # computed below
    r = check("NHS no 943 476 5919 for my client")
    assert any(f.category == "id-number" and f.text == "943 476 5919" for f in r.findings)
    # an invalid 10-digit number without NHS context is not an NHS number
    assert "id-number" not in cats("we raised 943 476 5918 pence for charity")


@pytest.mark.parametrize(
    "nino,ok",
    [
        ("JT 48 27 39 C", True),
        ("AB123456C", True),
        ("np 12 45 78 a", True),
        ("BG 12 34 56 A", False),
        ("GB123456A", False),
        ("DA 12 34 56 A", False),
        ("QQ 12 34 56 A", False),
        ("AB 12 34 56 E", False),
    ],
)
def test_nino_prefixes(nino, ok):
    r = check(f"client's NI number is {nino}, DWP say it's wrong")
    assert any(f.category == "id-number" for f in r.findings) is ok


@pytest.mark.parametrize(
    "text,cat,needle",
    [
        ("welfare check needed at an address in LS9 7AB tonight, kids in the house", "postcode", "LS9 7AB"),
        ("kids found alone in a flat in LS11 again", "postcode", "LS11"),
        (
            "Can someone from EDT pop round 14 Cranmore Close tonight? kids left alone",
            "address",
            "14 Cranmore Close",
        ),
        ("dad's mobile is 07853 214906 if you can help the family", "phone", "07853 214906"),
        ("my service user's email is tracyw1978@hotmail.co.uk", "email", "tracyw1978@hotmail.co.uk"),
        ("client DOB 02.11.1987 and DWP say they don't match", "date-of-birth", "02.11.1987"),
        ("Final hearing for LS24C00871 today at Leeds Family Court", "id-number", "LS24C00871"),
        (
            "Final hearing today at Leeds Family Court for the family I'm working with",
            "institution",
            "Leeds Family Court",
        ),
        ("Mr Patel in bed 14 on Ward 22 still waiting for a care package", "institution", "Ward 22"),
        ("my 2 foster kids start at St Bede's RC Primary next week", "institution", "St Bede's RC Primary"),
    ],
)
def test_identifier_families(text, cat, needle):
    r = check(text)
    assert any(f.category == cat and needle in f.text for f in r.findings), r.findings


@pytest.mark.parametrize(
    "text,needle",
    [
        ("placed a 13yo girl from Seacroft in a secure unit after she went missing", "13yo"),
        ("our lad (15) keeps messaging his birth dad even tho the contact order says no", "(15)"),
        ("mum is 19 and using again, 4 kids on CP plans", "mum is 19"),
        ("Had to tell a 9 year old today she won't be going back to live with her mum", "9 year old"),
        ("twins aged 3 removed today after neighbours called police", "aged 3"),
    ],
)
def test_ages_all_forms(text, needle):
    assert any(f.category == "age" and needle.lower() in f.text.lower() for f in check(text).findings)


@pytest.mark.parametrize(
    "text,quiet",
    [
        ("Care leavers aged 18-25 can get help with council tax", "aged 18-25"),
        ("far too many 16 and 17 year olds in supported accommodation", "16 and 17 year olds"),
        ("the age of criminal responsibility in England is 10", "is 10"),
        ("Childline is free on 0800 1111, any time", "0800 1111"),
        ("The Samaritans number is free from any phone: 116 123", "116 123"),
        ("the Professionals Online Safety Helpline (0344 381 4772) can help", "0344 381 4772"),
        ("Call the NSPCC helpline on 0808 800 5000", "0808 800 5000"),
        ("Who's going to Community Care Live at the Business Design Centre?", "Business Design Centre"),
        ("WE'RE HIRING!! ring 0113 247 8000 for an informal chat about our adult team", "0113 247 8000"),
    ],
)
def test_look_alikes_stay_quiet(text, quiet):
    assert not flagged(text, quiet)
    assert check(text).risk == "ok"


# ---------------------------------------------------------------- combinations and conduct


def test_age_place_event_is_stop_but_age_alone_is_review():
    assert check("Just back from placing a 13yo girl from Seacroft in a secure unit").risk == "stop"
    lone_age = "Had to tell a 9 year old today she won't be going back to live with her mum."
    assert check(lone_age, learned=False).risk == "review"
    # the learned component may raise it (fifth round: the stacked model does), never lower it
    assert check(lone_age).risk in ("review", "stop")


def test_derogatory_is_stop():
    r = check("WHY DO THESE PARENTS ALWAYS LIE. SOME PEOPLE SHOULDNT BE ALLOWED TO BREED")
    assert r.risk == "stop" and "derogatory" in {f.category for f in r.findings}
    assert check("dad on my caseload is thick as two short planks").risk == "stop"


def test_workplace_and_own_safety_are_review():
    assert check("Our council's children's services is an absolute shambles").risk == "review"
    assert "workplace" in cats("my practice educator is sooo disorganised, cancelled supervision AGAIN")
    r = check("Every Tues + Thurs I do a 6am run round Roundhay Park before duty")
    assert r.risk == "review" and "own-safety" in {f.category for f in r.findings}
    assert check("New car day!!! silver Corsa, reg ending 7XK").risk == "review"
    assert check("my daughter starts at Greenhill Academy on monday").risk == "review"


def test_boundary_dilemma_review_and_arrangement_stop():
    assert (
        check(
            "a mum whose case I closed last year just sent me a friend request, would it be bad to accept?"
        ).risk
        == "review"
    )
    assert (
        check("hiya hun I can pop round Saturday with the bits for baby, dont mention it to my manager").risk
        == "stop"
    )


def test_case_talk_without_identifiers_is_review_and_learning_is_ok():
    assert (
        check("court all day, cross examined for 2 hours. right outcome for the kids though").risk == "review"
    )
    assert check("Great training today on the Mental Capacity Act and best interests decisions").risk == "ok"


# ---------------------------------------------------------------- result shape


TEXTS = [
    "Home visit to Jayden (7) at Oakwood Primary went well - mum Kelly finally engaging. So proud!",
    "Can anyone recommend a solicitor? My client Mrs Patel, DOB 12/03/1961, NHS no 943 476 5919",
    "Working from home today at 14 Elm Grove - ring me on 07911 123456 or email j.bloggs@gmail.com",
    "so the young lad i work with (15, lives off harrogate rd, goes to allerton grange) got excluded AGAIN",
    "💔 ÉMILIE (9) — removed today 😭 from the Meadowell estate",
]


@pytest.mark.parametrize("text", TEXTS)
def test_offsets_match_text(text):
    r = check(text)
    assert r.findings
    for f in r.findings:
        assert text[f.start : f.end] == f.text
        assert f.message and f.suggestion and f.topics and f.clauses


def test_contract_keys():
    d = check(TEXTS[0]).to_dict()
    assert set(d) == {"risk", "findings", "redacted"}
    for f in d["findings"]:
        assert {"category", "start", "end", "text", "severity", "message", "topics", "suggestion"} <= set(f)
        assert f["severity"] in ("stop", "review", "info")


def test_redaction():
    r = check(TEXTS[1])
    assert "943 476 5919" not in r.redacted and "12/03/1961" not in r.redacted and "Patel" not in r.redacted
    assert "[number]" in r.redacted and r.redacted.startswith("Can anyone recommend a solicitor?")
    assert check("Lovely sunny day for a walk").redacted == "Lovely sunny day for a walk"


def test_bad_input():
    assert check("").risk == "ok" and check("").findings == []
    assert check("   \n").risk == "ok"
    with pytest.raises(CheckerError, match="too long"):
        check("a" * 100_001)
    with pytest.raises(CheckerError, match="string"):
        check(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(CheckerError):
        check(None)  # type: ignore[arg-type]
    # binary-looking text is still text: no crash
    check("\x00\x01\x02\ufffd" * 100)
    # the limit itself is accepted
    check("word " * 20_000)
