import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from ep_checker.cli import main

ROOT = Path(__file__).resolve().parents[2]
RISKY = "Home visit to Jayden (7) at Oakwood Primary went well - mum Kelly finally engaging"


def run(argv, stdin=b"", monkeypatch=None, capsys=None):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_readable_report(monkeypatch, capsys):
    code, out, _ = run(["check", RISKY], monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0
    assert out.startswith("Risk: STOP") and "Jayden" in out and "Instead:" in out and "Redacted:" in out


def test_json_shape(monkeypatch, capsys):
    code, out, _ = run(["check", "--json", RISKY], monkeypatch=monkeypatch, capsys=capsys)
    d = json.loads(out)
    assert code == 0 and set(d) == {"risk", "findings", "redacted"} and d["risk"] == "stop"
    for f in d["findings"]:
        assert RISKY[f["start"] : f["end"]] == f["text"]
        assert set(f) >= {"category", "start", "end", "text", "severity", "message", "topics", "suggestion"}


def test_stdin(monkeypatch, capsys):
    _code, out, _ = run(
        ["check", "--json", "-"], stdin=RISKY.encode(), monkeypatch=monkeypatch, capsys=capsys
    )
    assert json.loads(out)["risk"] == "stop"


@pytest.mark.parametrize(
    "text,fail_on,code",
    [
        (RISKY, "stop", 1),
        (RISKY, "review", 1),
        ("my team manager is clueless", "stop", 0),
        ("my team manager is clueless", "review", 1),
        ("Lovely sunny day", "review", 0),
        (RISKY, None, 0),
    ],
)
def test_fail_on(monkeypatch, capsys, text, fail_on, code):
    argv = ["check", "--json", text] + (["--fail-on", fail_on] if fail_on else [])
    assert run(argv, monkeypatch=monkeypatch, capsys=capsys)[0] == code


def test_jsonl_order_and_ids(monkeypatch, capsys, tmp_path):
    lines = [
        {"id": "a", "text": RISKY},
        {"text": "Lovely sunny day"},
        {"id": 3, "text": "my manager is useless"},
    ]
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    code, out, _ = run(["check", "--jsonl", str(f)], monkeypatch=monkeypatch, capsys=capsys)
    res = [json.loads(x) for x in out.splitlines()]
    assert code == 0
    assert [r.get("id") for r in res] == ["a", None, 3]
    assert "id" not in res[1]
    assert [r["risk"] for r in res] == ["stop", "ok", "review"]
    code, *_ = run(["check", "--jsonl", str(f), "--fail-on", "stop"], monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1


@pytest.mark.parametrize(
    "payload,msg",
    [
        (b'{"text": "fine"}\n{not json}\n', "line 2: invalid JSON"),
        (b'{"text": "fine"}\n{"id": 1}\n', 'line 2: missing "text"'),
        (b'{"text": 5}\n', 'line 1: "text" must be a string'),
        (b'{"text": "ok"}\n{"text": "caf\xe9"}\n', "line 2: not valid UTF-8"),
        (b"[1,2]\n", 'line 1: missing "text"'),
    ],
)
def test_jsonl_bad_input(monkeypatch, capsys, payload, msg, tmp_path):
    f = tmp_path / "bad.jsonl"
    f.write_bytes(payload)
    code, _, err = run(["check", "--jsonl", str(f)], monkeypatch=monkeypatch, capsys=capsys)
    assert code == 2 and msg in err


def _posts_file(tmp_path, n, bad_at=None, bad=b"{not json}"):
    texts = [RISKY, "Lovely sunny day", "my manager is useless", "Court tomorrow for the Kowalski kids"]
    lines = [json.dumps({"id": i, "text": texts[i % len(texts)] + f" {i}"}).encode() for i in range(1, n + 1)]
    if bad_at is not None:
        lines[bad_at - 1] = bad
    f = tmp_path / "posts.jsonl"
    f.write_bytes(b"\n".join(lines) + b"\n")
    return f


@pytest.mark.parametrize("workers", ["1", "2", "3"])
def test_jsonl_workers_give_the_same_output_in_order(monkeypatch, capsys, tmp_path, workers):
    monkeypatch.setattr("ep_checker.cli.BATCH", 8)  # several batches from a small file
    f = _posts_file(tmp_path, 37)
    code, out, _ = run(["check", "--jsonl", str(f), "--workers", "1"], monkeypatch=monkeypatch, capsys=capsys)
    code_n, out_n, _ = run(
        ["check", "--jsonl", str(f), "--workers", workers, "--fail-on", "stop"], monkeypatch=monkeypatch, capsys=capsys
    )
    assert code == 0 and code_n == 1
    assert out_n == out
    assert [json.loads(x)["id"] for x in out.splitlines()] == list(range(1, 38))


@pytest.mark.parametrize(
    "bad, msg",
    [(b"{not json}", "line 21: invalid JSON"), (json.dumps({"text": "x" * 100_001}).encode(), "line 21: text is too long")],
)
def test_jsonl_workers_stop_at_a_bad_line_after_writing_every_result_before_it(
    monkeypatch, capsys, tmp_path, bad, msg
):
    monkeypatch.setattr("ep_checker.cli.BATCH", 8)
    f = _posts_file(tmp_path, 30, bad_at=21, bad=bad)
    code, out, err = run(["check", "--jsonl", str(f), "--workers", "2"], monkeypatch=monkeypatch, capsys=capsys)
    assert code == 2 and msg in err
    assert [json.loads(x)["id"] for x in out.splitlines()] == list(range(1, 21))


@pytest.mark.parametrize("value", ["0", "-2", "two"])
def test_workers_must_be_a_positive_number(monkeypatch, capsys, value):
    with pytest.raises(SystemExit) as exc:
        run(["check", "--jsonl", "-", "--workers", value], monkeypatch=monkeypatch, capsys=capsys)
    assert exc.value.code == 2
    assert "expected a whole number 1 or more" in capsys.readouterr().err


def test_huge_text_is_refused(monkeypatch, capsys):
    code, _, err = run(["check", "-"], stdin=b"a" * 1_000_000, monkeypatch=monkeypatch, capsys=capsys)
    assert code == 2 and "too long" in err


def test_missing_text(monkeypatch, capsys):
    code, _, err = run(["check"], monkeypatch=monkeypatch, capsys=capsys)
    assert code == 2 and "give the text" in err


def test_image_and_strip(monkeypatch, capsys, tmp_path):
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (53.0, 48.0, 38.88), 3: "W", 4: (1.0, 31.0, 5.16)}
    src, dst = tmp_path / "p.jpg", tmp_path / "clean.jpg"
    Image.new("RGB", (20, 20)).save(src, "JPEG", exif=exif)
    code, out, _ = run(
        ["check", "--image", str(src), "--strip", str(dst), "--json"], monkeypatch=monkeypatch, capsys=capsys
    )
    d = json.loads(out)
    assert code == 0 and d["gps"]["lat"] == pytest.approx(53.8108, abs=1e-4)
    code, out, _ = run(
        ["check", "--image", str(dst), "--fail-on", "review"], monkeypatch=monkeypatch, capsys=capsys
    )
    assert code == 0 and "No identifying metadata" in out
    (tmp_path / "fake.jpg").write_bytes(b"not an image")
    code, _, err = run(
        ["check", "--image", str(tmp_path / "fake.jpg")], monkeypatch=monkeypatch, capsys=capsys
    )
    assert code == 2 and "not an image" in err


def test_huge_image_is_refused_before_it_is_read(monkeypatch, capsys, tmp_path):
    big = tmp_path / "big.jpg"
    with open(big, "wb") as fh:  # a sparse 60 MB file: nothing written but its size
        fh.truncate(60 * 1024 * 1024)
    real_open = open

    def guarded_open(path, mode="r", *a, **k):
        fh = real_open(path, mode, *a, **k)
        if str(path) == str(big):
            fh.read = None  # reading it would fail the test: the size alone must refuse it
        return fh

    monkeypatch.setattr("builtins.open", guarded_open)
    code, _, err = run(["check", "--image", str(big)], monkeypatch=monkeypatch, capsys=capsys)
    assert code == 2 and "too large (60 MB; the limit is 50 MB)" in err


def test_audit_cli(monkeypatch, capsys, tmp_path):
    tweets = [{"tweet": {"id_str": "1", "full_text": RISKY}}, {"tweet": {"id_str": "2", "full_text": "gm"}}]
    f = tmp_path / "tweets.js"
    f.write_text("window.YTD.tweets.part0 = " + json.dumps(tweets), encoding="utf-8")
    out_csv = tmp_path / "out.csv"
    code, out, err = run(
        ["audit-archive", str(f), "--csv", str(out_csv), "--progress"], monkeypatch=monkeypatch, capsys=capsys
    )
    assert code == 0 and "2 posts checked" in out and "[STOP]" in out
    assert "2/2 posts" in err
    assert out_csv.read_text(encoding="utf-8").startswith("risk,date,source")
    code, out, _ = run(["audit-archive", str(f), "--json"], monkeypatch=monkeypatch, capsys=capsys)
    d = json.loads(out)
    assert d["summary"]["by_risk"]["stop"] == 1 and d["posts"][0]["id"] == "1"
    (tmp_path / "x.zip").write_bytes(b"PK\x03\x04junk")
    code, _, err = run(["audit-archive", str(tmp_path / "x.zip")], monkeypatch=monkeypatch, capsys=capsys)
    assert code == 2 and "damaged zip" in err


def _subprocess(args, stdin=b""):
    return subprocess.run(
        [sys.executable, "-m", "ep_checker", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )


def test_invalid_utf8_on_stdin_subprocess():
    r = _subprocess(["check", "-"], stdin=b"hello \xff\xfe world")
    assert r.returncode == 2 and b"not valid UTF-8" in r.stderr


def test_binary_jsonl_subprocess():
    r = _subprocess(["check", "--jsonl", "-"], stdin=b'{"text": "fine", "id": 1}\n\x00\x01\x02\n')
    assert r.returncode == 2 and b"line 2" in r.stderr
    assert json.loads(r.stdout.splitlines()[0])["id"] == 1


def test_no_django_imported():
    code = (
        "import sys, ep_checker, ep_checker.cli, ep_checker.images, ep_checker.archives;"
        "ep_checker.check('Court today for the Smith kids');"
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules), 'django imported';"
        "print('ok')"
    )
    r = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == b"ok"
