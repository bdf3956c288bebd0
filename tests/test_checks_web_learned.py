"""A finding of the learned component shows on the web page and in POST /api/check like any other."""

import json

# fifth round: the stacked model raises this made-up post from review to stop (the round-4 example no longer)
LEARNED = "visited the lassie with the purple hair fae the estate behind the chippy again, her da was raging"


def test_learned_finding_on_the_page_and_api(client, content):
    response = client.post("/check/", {"text": LEARNED})
    assert response.status_code == 200
    html = response.content.decode()
    assert "particular person you work with" in html
    assert "purple hair" in html
    api = client.post("/api/check", data=json.dumps({"text": LEARNED}), content_type="application/json")
    assert api.status_code == 200
    body = api.json()
    assert body["risk"] == "stop"
    f = next(f for f in body["findings"] if f["rule"] == "learned")
    assert {"category", "start", "end", "text", "severity", "message", "topics", "suggestion"} <= set(f)
    assert f["text"] == LEARNED[f["start"] : f["end"]]
