"""A finding of the learned component shows on the web page and in POST /api/check like any other."""

import json

LEARNED = "so proud of the young fella from Strabane who was on the news for the quad bike, now doing brilliantly with us"


def test_learned_finding_on_the_page_and_api(client, content):
    response = client.post("/check/", {"text": LEARNED})
    assert response.status_code == 200
    html = response.content.decode()
    assert "particular person you work with" in html
    assert "Strabane" in html
    api = client.post("/api/check", data=json.dumps({"text": LEARNED}), content_type="application/json")
    assert api.status_code == 200
    body = api.json()
    assert body["risk"] == "review"  # one level at most: the rules found nothing here
    f = next(f for f in body["findings"] if f["category"] == "case-detail")
    assert {"category", "start", "end", "text", "severity", "message", "topics", "suggestion"} <= set(f)
    assert f["text"] == LEARNED[f["start"] : f["end"]]
