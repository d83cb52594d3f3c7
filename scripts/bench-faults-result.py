#!/usr/bin/env python3
"""Turns the fault suite's TRX report (its long profile, run by ./bench.sh) into bench/results/faults-<time>.json:
every test's outcome and duration, and the suite's own figures when a test printed lines of the form
`measured: <name> = <value>` to its output."""
import datetime, json, os, re, sys
import xml.etree.ElementTree as ET

trx, phase_seconds = sys.argv[1], int(sys.argv[2])
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
root = ET.parse(trx).getroot()
tests, measured = [], {}
for result in root.iterfind(".//t:UnitTestResult", ns):
    h, m, s = result.get("duration", "0:0:0").split(":")
    tests.append({"name": result.get("testName"), "outcome": result.get("outcome"),
                  "seconds": round(int(h) * 3600 + int(m) * 60 + float(s), 1)})
    output = result.find(".//t:StdOut", ns)
    for line in (output.text or "").splitlines() if output is not None else []:
        match = re.match(r"\s*measured: ([^=]+?) = (.+)$", line)
        if match:
            measured[match.group(1)] = match.group(2).strip()
at = datetime.datetime.now(datetime.timezone.utc)
document = {"benchmark": "faults", "at": at.isoformat(), "cores": os.cpu_count(), "phaseSeconds": phase_seconds,
            "tests": tests, "measured": measured,
            "passed": bool(tests) and all(t["outcome"] == "Passed" for t in tests)}
results = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bench", "results")
os.makedirs(results, exist_ok=True)
path = os.path.join(results, f"faults-{at:%Y%m%dT%H%M%SZ}.json")
with open(path, "w") as f:
    json.dump(document, f, indent=2)
print(f"faults: {len(tests)} test(s), {'passed' if document['passed'] else 'FAILED'}; results in {os.path.relpath(path)}")
sys.exit(0 if document["passed"] else 1)
