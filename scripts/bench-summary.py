#!/usr/bin/env python3
"""Collects the newest result of each benchmark (bench/results/<name>-*.json; those older than the run's marker file
are marked as from an earlier run) into
bench/results/summary-<time>.json and rewrites the README's "Measured" table between its markers.
Usage: bench-summary.py <marker file> <run stamp> "<failed steps>" """
import datetime, glob, json, os, re, sys

root = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
results = os.path.join(root, "bench", "results")
marker, stamp, failed = sys.argv[1], sys.argv[2], sys.argv[3].split()
since = os.path.getmtime(marker)


def newest(kind):
    """The newest result of a benchmark: this run's, or an earlier run's when this run left the benchmark out."""
    files = glob.glob(os.path.join(results, f"{kind}-*.json"))
    if not files:
        return None, None
    path = max(files, key=os.path.getmtime)
    with open(path) as f:
        return json.load(f), os.path.relpath(path, root) + ("" if os.path.getmtime(path) >= since else " (earlier run)")


def num(value, digits=0):
    return f"{value:,.{digits}f}"


def pct(ratio):
    return f"{100 * ratio:.0f} %"


rows, figures = [], {}
COMMANDS = {
    "gateway": "`bench/Gateway.sh 10 32 7`",
    "tokens": "`dotnet run -c Release --project bench/TokenService.Benchmarks -- 10 16`",
    "inventory": "`dotnet run -c Release --project bench/Inventory.Benchmarks`",
    "faults": "`NHI_BENCH_ONLY=faults ./bench.sh`",
    "soak": "`NHI_BENCH_ONLY=soak ./bench.sh`",
}

gateway, path = newest("gateway")
if gateway:
    figures["gateway"] = path
    bare = gateway["targets"]["bare-yarp"]
    labels = {"gateway-rs256": "gateway, RS256 token (JWT + scope + revocation + usage event), 1 KiB echo",
              "gateway-es256": "gateway, ES256 token", "gateway-anonymous": "gateway, anonymous route (usage event, no token)"}
    for name, label in labels.items():
        t = gateway["targets"].get(name)
        if t:
            rows.append((label, f"{num(t['requestsPerSecond'])} req/s, p99 {t['p99Ms']:.1f} ms, {t['cpuMicrosPerRequest']:.0f} µs CPU/req",
                         f"bare YARP {num(bare['requestsPerSecond'])} req/s, p99 {bare['p99Ms']:.1f} ms, {bare['cpuMicrosPerRequest']:.0f} µs CPU/req",
                         f"{pct(t['ratioVsBareYarp'])} ({pct(t['ratioMin'])}–{pct(t['ratioMax'])} over {gateway['rounds']} rounds), "
                         f"p99 {t['addedP99MsVsBareYarp']:+.1f} ms",
                         "≥ 85 %, ≤ +1 ms p99" if name != "gateway-anonymous" else "", COMMANDS["gateway"]))
    dpop, es256 = gateway["targets"].get("gateway-dpop"), gateway["targets"].get("gateway-es256")
    if dpop and es256 and "ratioVsGatewayEs256" in dpop:
        rows.append(("gateway, DPoP-bound ES256 token with a proof per request (RFC 9449: signature, htm/htu/iat/ath/jkt, jti in Redis)",
                     f"{num(dpop['requestsPerSecond'])} req/s, p99 {dpop['p99Ms']:.1f} ms, {dpop['cpuMicrosPerRequest']:.0f} µs CPU/req",
                     f"same gateway, bearer ES256 {num(es256['requestsPerSecond'])} req/s, p99 {es256['p99Ms']:.1f} ms, {es256['cpuMicrosPerRequest']:.0f} µs CPU/req",
                     f"{pct(dpop['ratioVsGatewayEs256'])} ({pct(dpop['ratioVsGatewayEs256Min'])}–{pct(dpop['ratioVsGatewayEs256Max'])} over {gateway['rounds']} rounds), "
                     f"p99 {dpop['addedP99MsVsGatewayEs256']:+.1f} ms", "", COMMANDS["gateway"]))
    for name, label in (("direct", "direct to the service"), ("nginx", "nginx proxy_pass")):
        t = gateway["targets"].get(name)
        if t:
            rows.append((f"  for scale: {label}", f"{num(t['requestsPerSecond'])} req/s, p99 {t['p99Ms']:.2f} ms",
                         "bare YARP", pct(t['requestsPerSecond'] / bare['requestsPerSecond']), "", COMMANDS["gateway"]))

tokens, path = newest("tokenservice")
if tokens:
    figures["tokens"] = path
    m, b = tokens["measured"], tokens["baseline"]
    rows.append(("token endpoint (client_credentials, client_secret_basic, RS256)",
                 f"{num(m['requestsPerSecond'])} req/s, p99 {m['p99Ms']:.1f} ms",
                 f"bare signer {num(b['requestsPerSecond'])} req/s", pct(tokens["ratio"]), "≥ 70 %", COMMANDS["tokens"]))

inventory, path = newest("inventory")
if inventory:
    figures["inventory"] = path
    i = inventory["ingestion"]
    rows.append(("inventory ingestion (stream → ledger + read models, idempotent)",
                 f"{num(i['eventsPerSecond'])} events/s",
                 f"bare binary COPY into the ledger's definition (key, 4 indexes) {num(i['baselineLedgerCopyRowsPerSecond'])} rows/s",
                 f"{pct(i['ratio'])} (rounds {pct(i['ratioMin'])}–{pct(i['ratioMax'])})", "≥ 50 %", COMMANDS["inventory"]))
    # For reference: the same rows into a table without key or index (the pipeline and the ledger's indexes together).
    rows.append(("  the same, against a bare COPY into a plain table (no key, no index)",
                 f"{num(i['eventsPerSecond'])} events/s",
                 f"bare binary COPY {num(i['plainCopyRowsPerSecond'])} rows/s",
                 f"{pct(i['plainRatio'])} (rounds {pct(i['plainRatioMin'])}–{pct(i['plainRatioMax'])})", "", COMMANDS["inventory"]))
    if inventory.get("lag"):
        lag = inventory["lag"]
        rows.append((f"inventory lag at {num(lag['rate'])} events/s for {lag['seconds']} s", f"p99 {num(lag['p99Ms'])} ms",
                     "", "", "< 1 s", COMMANDS["inventory"]))
    if inventory.get("queries"):
        q = inventory["queries"]
        worst = max(q["results"], key=lambda r: r["p99Ms"])
        rows.append((f"inventory queries on {num(q['rows'])} ledger rows ({len(q['results'])} kinds)",
                     f"worst p99 {worst['p99Ms']:.1f} ms ({worst['query']})", "", "", "< 50 ms", COMMANDS["inventory"]))

faults, path = newest("faults")
if faults:
    figures["faults"] = path
    seconds = sum(t["seconds"] for t in faults["tests"])
    extra = "; ".join(f"{k} {v}" for k, v in faults.get("measured", {}).items())
    rows.append((f"fault suite, long profile ({faults['phaseSeconds']} s phases)",
                 f"{'passed' if faults['passed'] else 'FAILED'} in {seconds:.0f} s" + (f"; {extra}" if extra else ""),
                 "requests sent", "", "rows == requests, no 5xx, revocation ≤ 1 s", COMMANDS["faults"]))

soak, path = newest("soak")
if soak:
    figures["soak"] = path
    worst = max(soak["memory"], key=lambda m: m["growth"] if m["growth"] is not None else 9)
    rows.append((f"soak: {soak['minutes']:g} min of mixed traffic at {soak['requestsPerSecond']} req/s",
                 f"{num(soak['sent'])} requests, {soak['wrong']} wrong; memory growth ≤ {pct(worst['growth'] or 0)} ({worst['service']})",
                 "each service's memory once warm", "", "no error, growth < 10 %", COMMANDS["soak"]))

now = datetime.datetime.now(datetime.timezone.utc)
summary = {"run": stamp, "at": now.isoformat(), "cores": os.cpu_count(), "failedSteps": failed, "files": figures}
summary_path = os.path.join(results, f"summary-{stamp}.json")
with open(summary_path, "w") as f:
    json.dump(summary, f, indent=2)

load = os.getloadavg()
table = [f"Measured by `./bench.sh` on {now:%Y-%m-%d} ({stamp}), on this project's {os.cpu_count()}-core machine; load, service and",
         "baseline share the cores, side by side in one run. Files: " + ", ".join(f"`{p}`" for p in figures.values())
         + f" (summary `{os.path.relpath(summary_path, root)}`)." + (f" Steps that failed: {', '.join(failed)}." if failed else ""),
         "",
         "| figure | result | baseline, same run | ratio | aim | command |",
         "|---|---|---|---|---|---|"]
table += ["| " + " | ".join(r) + " |" for r in rows]
readme = os.path.join(root, "README.md")
text = open(readme).read()
begin, end = "<!-- measured:begin -->", "<!-- measured:end -->"
if begin in text and end in text and figures:
    text = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda _: begin + "\n" + "\n".join(table) + "\n" + end, text, flags=re.S)
    open(readme, "w").write(text)
    print("README.md: Measured table rewritten from this run")
print("\n".join(table))
print(f"summary: {os.path.relpath(summary_path, root)}")
