# One node's throughput, in one run: python3 bench/server_http.py [CATALOG.jsonl.gz] [--seconds 10]
# Starts target/release/motcua on SQLite (a temp data dir) with the national catalog imported (by
# default ../shared/data/tthc-national.jsonl.gz) and the demo catalog, then measures with wrk
# (`apt-get install wrk`; 2 threads, 32 connections, on the same machine as the server): catalog search
# (mixed citizen queries), procedure pages (the API's JSON, and the page's HTML with the
# procedure drawn in by the server), a static file of the procedure page's size (the
# ceiling: the same server, no database, no JSON), and the tracking endpoint; then dossier
# submissions/s with a 200 kB PDF each (bench/submit_http.py). Prints a Markdown table.
import argparse, http.client, json, os, re, shutil, subprocess, sys, tempfile, urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from submit_http import ROOT, run as submit_run, serve, submit_once  # noqa: E402

QUERIES = ["dang ky khai sinh", "so do", "bang lai xe bi mat", "giay xac nhan doc than", "ly lich tu phap",
           "cap lai can cuoc", "1.001193", "dang ky kinh doanh ho ca the", "xin giay phep xay dung",
           "chung thuc ban sao", "khai s", "hochieu", "dang ky thuong tru", "tro cap that nghiep",
           "thue thu nhap ca nhan", ""]

WRK_SCRIPT = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""

def get(port, path):
    c = http.client.HTTPConnection("127.0.0.1", port)
    c.request("GET", path); r = c.getresponse(); body = r.read()
    assert r.status == 200, (path, r.status, body[:200])
    return body

def wrk(port, paths, seconds, workdir):
    script = os.path.join(workdir, "paths.lua")
    with open(script, "w") as f:
        f.write(WRK_SCRIPT % ", ".join(json.dumps(p) for p in paths))
    out = subprocess.run(["wrk", "-t2", "-c32", f"-d{seconds}s", "--latency", "-s", script,
                          f"http://127.0.0.1:{port}"], capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in out or "Socket errors" in out:
        sys.exit(f"wrk saw errors:\n{out}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    pct = {p: re.search(rf"^\s+{p}%\s+(\S+)", out, re.M).group(1) for p in ("50", "99")}
    return rate, pct["50"], pct["99"]

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("catalog", nargs="?", default=os.path.join(ROOT, "..", "shared", "data", "tthc-national.jsonl.gz"))
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--port", type=int, default=8096)
    args = parser.parse_args()
    motcua = os.path.join(ROOT, "target/release/motcua")
    workdir = tempfile.mkdtemp(prefix="motcua-bench-")
    data_dir, dist = os.path.join(workdir, "data"), os.path.join(workdir, "dist")
    subprocess.run([motcua, "import-catalog", args.catalog, "--data-dir", data_dir], check=True, stdout=subprocess.DEVNULL)
    shutil.copytree(os.path.join(ROOT, "dist"), dist)
    os.environ["MOTCUA_DIST"] = dist
    server = serve(args.port, data_dir)
    try:
        searches = ["/api/procedures?" + urllib.parse.urlencode({"q": q}) for q in QUERIES]
        codes = sorted({p["code"] for q in searches for p in json.loads(get(args.port, q))["items"]})
        pages = [f"/api/procedures/{code}" for code in codes]
        sizes = [len(get(args.port, page)) for page in pages]
        size = sorted(sizes)[len(sizes) // 2]
        with open(os.path.join(dist, "bench-static.json"), "wb") as f:
            f.write(b"x" * size)
        c = http.client.HTTPConnection("127.0.0.1", args.port)
        trackings = []
        for n in range(50):
            code, _, _ = submit_once(c, n)
            trackings.append(f"/api/dossiers/{code}?phone=0912345678")
        drawn = [f"/thu-tuc/{code}" for code in codes]
        drawn_size = sorted(len(get(args.port, page)) for page in drawn)[len(drawn) // 2]
        rows = [("catalog search, 16 mixed queries", searches),
                (f"procedure page, {len(pages)} procedures (median {size} B)", pages),
                (f"procedure page as HTML, drawn by the server (median {drawn_size} B)", drawn),
                (f"static file of {size} B (the ceiling)", ["/bench-static.json"]),
                ("dossier tracking, 50 dossiers by code and phone", trackings)]
        results = [(name, *wrk(args.port, paths, args.seconds, workdir)) for name, paths in rows]
        submissions = submit_run(f"http://127.0.0.1:{args.port}", 16, 1000)
    finally:
        server.terminate(); server.wait()
        shutil.rmtree(workdir, ignore_errors=True)
    ceiling = results[3][1]
    print("| endpoint | requests/s | of the static ceiling | p50 | p99 |")
    print("| --- | --- | --- | --- | --- |")
    for name, rate, p50, p99 in results:
        print(f"| {name} | {rate:,.0f} | {rate / ceiling:.0%} | {p50} | {p99} |")
    print(f"\nSubmissions (SQLite): {submissions}")

main()
