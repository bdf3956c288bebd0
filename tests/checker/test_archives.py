import csv
import io
import json
import os
import zipfile

import pytest

from ep_checker import CheckerError
from ep_checker.archives import audit, open_archive, write_csv

RISKY = "Court today for the Kowalczyk kids, placement with gran in Harehills LS9 7AB agreed"
BENIGN = "Lovely sunny day for a walk with the dog"
REVIEW = "Our council is an absolute shambles and senior leadership couldn't care less"


def make_zip(path, members):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def tweets_js(texts):
    items = [
        {"tweet": {"id_str": str(100 + i), "created_at": f"Wed Oct 1{i} 20:19:24 +0000 2025", "full_text": t}}
        for i, t in enumerate(texts)
    ]
    return "window.YTD.tweets.part0 = " + json.dumps(items, indent=2)


def test_x_archive(tmp_path):
    p = make_zip(
        tmp_path / "twitter.zip",
        {
            "data/tweets.js": tweets_js([BENIGN, RISKY, REVIEW]),
            "data/account.js": "window.YTD.account.part0 = []",
        },
    )
    a = open_archive(p)
    assert a.kind == "x"
    posts = list(a.iter_posts())
    assert [p.text for p in posts] == [BENIGN, RISKY, REVIEW]
    assert posts[1].date.startswith("2025-10-11")
    seen = []
    rep = audit(a, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (3, 3)
    assert rep.total == 3 and rep.by_risk == {"stop": 1, "review": 1, "ok": 1}
    assert [ap.result.risk for ap in rep.posts] == ["stop", "review"]
    assert rep.by_category["postcode"] == 1
    buf = io.StringIO()
    n = write_csv(rep, buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert n == len(rows) > 0 and rows[0]["risk"] == "stop" and rows[0]["post_text"] == RISKY


def test_bare_tweets_js(tmp_path):
    p = tmp_path / "tweets.js"
    p.write_text(tweets_js([RISKY]), encoding="utf-8")
    assert open_archive(p).kind == "x"


def test_facebook_json_and_mojibake(tmp_path):
    posts = [
        {"timestamp": 1700000000, "data": [{"post": RISKY}]},
        {"timestamp": 1700000100, "data": [{"post": "caf\u00c3\u00a9 time \u00f0\u009f\u0098\u008a"}]},
        {"timestamp": 1700000200, "attachments": []},
    ]
    p = tmp_path / "your_posts_1.json"
    p.write_text(json.dumps(posts), encoding="utf-8")
    a = open_archive(p)
    assert a.kind == "facebook"
    got = list(a.iter_posts())
    assert got[1].text == "café time 😊"
    rep = audit(a)
    assert rep.total == 3 and rep.skipped == 1 and rep.posts[0].post.text == RISKY
    z = make_zip(
        tmp_path / "facebook.zip",
        {
            "your_activity_across_facebook/posts/your_posts__check_ins__photos_and_videos_1.json": json.dumps(
                posts
            )
        },
    )
    assert open_archive(z).kind == "facebook"


def test_instagram(tmp_path):
    posts = [
        {"media": [{"uri": "media/1.jpg", "creation_timestamp": 1700000000, "title": RISKY}]},
        {"title": BENIGN, "creation_timestamp": 1700000100, "media": []},
    ]
    z = make_zip(
        tmp_path / "instagram.zip", {"your_instagram_activity/content/posts_1.json": json.dumps(posts)}
    )
    a = open_archive(z)
    assert a.kind == "instagram"
    assert [p.text for p in a.iter_posts()] == [RISKY, BENIGN]
    assert audit(a).by_risk["stop"] == 1


def test_linkedin(tmp_path):
    data = (
        "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
        f'2025-01-02 10:00:00,https://lnkd/1,"{RISKY}",,,MEMBER_NETWORK\n'
        f'2025-01-03 10:00:00,https://lnkd/2,"{BENIGN}",,,MEMBER_NETWORK\n'
    )
    z = make_zip(tmp_path / "linkedin.zip", {"Shares.csv": data})
    a = open_archive(z)
    assert a.kind == "linkedin"
    rep = audit(a)
    assert rep.total == 2 and rep.posts[0].post.date == "2025-01-02 10:00:00"
    p = tmp_path / "Shares.csv"
    p.write_text(data, encoding="utf-8")
    assert open_archive(p).kind == "linkedin"


def _big_archive(tmp_path, n):
    texts = [BENIGN, REVIEW, "Great CPD today on trauma-informed practice #socialwork", RISKY] * (n // 4)
    p = make_zip(
        tmp_path / "big.zip",
        {
            "data/tweets.js": "window.YTD.tweets.part0 = "
            + json.dumps([{"tweet": {"id_str": str(i), "full_text": t}} for i, t in enumerate(texts)])
        },
    )
    return open_archive(p)


def test_100k_posts_are_read(tmp_path):
    a = _big_archive(tmp_path, 100_000)
    assert sum(1 for _ in a.iter_posts()) == 100_000


@pytest.mark.skipif(
    not os.environ.get("EP_SLOW_TESTS"), reason="full 100k audit takes ~30 s; set EP_SLOW_TESTS=1"
)
def test_100k_posts_audit(tmp_path):
    rep = audit(_big_archive(tmp_path, 100_000))
    assert rep.total == 100_000 and rep.by_risk["stop"] == 25_000


def test_audit_many_posts(tmp_path):
    rep = audit(_big_archive(tmp_path, 4_000))
    assert rep.total == 4_000 and rep.by_risk["stop"] == 1_000


@pytest.mark.parametrize(
    "members,msg",
    [
        ({"../evil.txt": "x", "data/tweets.js": "window.YTD.tweets.part0 = []"}, "unsafe file path"),
        ({"/etc/passwd": "x"}, "unsafe file path"),
        ({"readme.txt": "hello"}, "not a recognised export"),
        ({"data/tweets.js": "window.YTD.tweets.part0 = [ {oops"}, "not valid JSON"),
        ({"data/tweets.js": "var x = 1"}, "window.YTD"),
    ],
)
def test_bad_zips(tmp_path, members, msg):
    p = make_zip(tmp_path / "a.zip", members)
    with pytest.raises(CheckerError, match=msg):
        list(open_archive(p).iter_posts())


def test_zip_bomb(tmp_path):
    p = tmp_path / "bomb.zip"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("data/tweets.js", b"window.YTD.tweets.part0 = [" + b" " * 300_000_000 + b"]")
    with pytest.raises(CheckerError, match="zip bomb"):
        list(open_archive(p).iter_posts())


@pytest.mark.parametrize(
    "content,msg",
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n binary", "not valid UTF-8|not a recognised"),
        (b"just some text", "not a recognised export"),
        (b'{"hello": 1}', "not a Facebook or Instagram"),
        (b"[]", "holds no posts"),
        (b" {} ", "holds no posts"),
        (b"[1, 2", "not valid JSON"),
        (b"PK\x03\x04 broken zip", "damaged zip"),
    ],
)
def test_wrong_formats(tmp_path, content, msg):
    p = tmp_path / "export.bin"
    p.write_bytes(content)
    with pytest.raises(CheckerError, match=msg):
        list(open_archive(p).iter_posts())


def test_missing_file(tmp_path):
    with pytest.raises(CheckerError, match="does not exist"):
        open_archive(tmp_path / "nope.zip")


def test_csv_formula_injection_is_neutralised(tmp_path):
    evil = [
        '=HYPERLINK("http://x") visited jayden (7) at Oakwood Primary today',
        "+44 Visit to Mrs Kowalski at 14 Elm Road, Leeds today, her son is 7",
        "-1 Home visit to Jayden (7) at Oakwood Primary went well",
        "@cmd Home visit to Jayden (7) at Oakwood Primary went well",
        "\tHome visit to Jayden (7) at Oakwood Primary went well",
        "\rHome visit to Jayden (7) at Oakwood Primary went well",
    ]
    p = tmp_path / "tweets.js"
    p.write_text(tweets_js(evil), encoding="utf-8")
    rep = audit(open_archive(p))
    assert len(rep.posts) == len(evil)
    buf = io.StringIO()
    assert write_csv(rep, buf) > 0
    rows = list(csv.DictReader(io.StringIO(buf.getvalue(), newline="")))
    texts = {r["post_text"] for r in rows}
    assert texts == {"'" + t for t in evil}
    for r in rows:
        for v in r.values():
            assert not v.startswith(("=", "+", "-", "@", "\t", "\r")), v


def test_csv_safe_leaves_ordinary_cells():
    from ep_checker.archives import csv_safe

    assert csv_safe("stop") == "stop"
    assert csv_safe("a=b") == "a=b"
    assert csv_safe("=1+1") == "'=1+1"
    assert csv_safe("") == ""
