"""p95 latency of the living-policy pages at 50 concurrent connections, against a trivial page of the
same server in the same run (wrk on loopback, PostgreSQL, gunicorn).

    DATABASE_URL=postgres://USER:PASS@127.0.0.1/NAME .venv/bin/python benchmarks/community_latency.py

Needs `wrk` (apt-get install wrk). Generates the large community (10,000 members, 5,000 contributions,
50,000 replies) unless it is there already (--skip-generate). Only 127.0.0.1 is ever contacted; each wrk
run is bounded (--seconds, default 10).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LUA = 'done = function(s, latency, r) io.write(string.format("P95_US %d\\n", latency:percentile(95))) end\n'


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--skip-generate", action="store_true")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("wrk is not installed: apt-get install wrk", file=sys.stderr)
        return 2
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("Set DATABASE_URL to a PostgreSQL database (the benchmark is specified on PostgreSQL).", file=sys.stderr)
        return 2
    python = sys.executable
    env = {**os.environ, "EP_HTTPS": "false"}
    manage = [python, "-m", "eprofessional.cli"]
    subprocess.run([*manage, "load-content"], check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    if not args.skip_generate:
        subprocess.run([*manage, "manage", "generate_community"], check=True, env=env, cwd=ROOT)
    env["DJANGO_SETTINGS_MODULE"] = "eprofessional.settings"
    code = ("import django; django.setup(); from eprofessional.community.models import Contribution as C; "
            "c = C.objects.order_by('-id').first(); print(c.clause_anchor, c.pk)")
    anchor, pk = subprocess.run([python, "-c", code], env={**env, "SECRET_KEY_FILE": str(ROOT / "var" / "secret_key")},
                                cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    server = subprocess.Popen([*manage, "serve", "--port", str(args.port), "--workers", "4"], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2)  # noqa: S310
                break
            except OSError:
                time.sleep(0.5)
        pages = {
            "trivial page (/healthz)": "/healthz",
            "clause discussion": f"/community/clauses/{anchor}/",
            "contribution with replies": f"/community/contributions/{pk}/",
            "community home": "/community/",
        }
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
            lua.write(LUA)
        print(f"wrk: {args.connections} connections, {args.seconds}s each, 2 threads, loopback, PostgreSQL")
        print(f"{'page':32} {'req/s':>9} {'p95 ms':>8}")
        for name, path in pages.items():
            out = subprocess.run(["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "-s", lua.name,
                                  base + path], capture_output=True, text=True, timeout=args.seconds + 60).stdout
            rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
            p95 = re.search(r"P95_US (\d+)", out)
            print(f"{name:32} {float(rps.group(1)) if rps else 0:9.1f} {int(p95.group(1)) / 1000 if p95 else -1:8.1f}")
        print("Target: p95 <= 100 ms for the real pages.")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
