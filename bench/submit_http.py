# Filing throughput over HTTP: python3 bench/submit_http.py [--url URL] [--workers N] [--submissions M]
# Without --url, starts target/release/motcua with the demo catalog on SQLite (a temp data dir),
# then on PostgreSQL (a fresh database on 127.0.0.1:5432, user postgres). Each submission uploads
# one 200 kB PDF and files a dossier with it (1.010041, xác nhận thông tin về cư trú); N workers
# run at once, each on its own keep-alive connection. Prints submissions/s and p50/p99 latency.
import argparse, http.client, json, os, shutil, subprocess, sys, tempfile, threading, time, urllib.parse, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PDF_SIZE = 200 * 1024

def pdf(note):
    head = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n%" + note.encode() + b"\n%"
    tail = b"\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    return head + b"x" * (PDF_SIZE - len(head) - len(tail)) + tail

def multipart(data, name):
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            "Content-Type: application/pdf\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"

def dossier(upload_id):
    return {
        "procedure_code": "1.010041",
        "applicant": {"filing_for": "self", "full_name": "Nguyễn Thị Hoa", "citizen_id": "001190012345",
                      "date_of_birth": "27/03/1990", "phone": "0912345678", "email": "",
                      "address": {"province": "Thành phố Hà Nội", "commune": "Phường Ba Đình", "street": "12 phố Điện Biên Phủ"}},
        "answers": {"request_for": "Cho chính tôi", "info_type": "Nơi thường trú", "purpose": "Bổ sung hồ sơ xin việc"},
        "documents": {"0": [upload_id]},
        "delivery": {"method": "online"},
    }

def submit_once(c, n):
    t0 = time.perf_counter()
    body, content_type = multipart(pdf(f"{n}-{uuid.uuid4().hex}"), f"giay-to-{n}.pdf")
    c.request("POST", "/api/uploads", body, {"Content-Type": content_type}); r = c.getresponse(); upload = json.loads(r.read())
    assert r.status == 201, (r.status, upload)
    t1 = time.perf_counter()
    c.request("POST", "/api/dossiers", json.dumps(dossier(upload["id"])).encode(),
              {"Content-Type": "application/json", "Idempotency-Key": uuid.uuid4().hex}); r = c.getresponse(); receipt = json.loads(r.read())
    assert r.status == 201, (r.status, receipt)
    t2 = time.perf_counter()
    return receipt["code"], (t2 - t0) * 1000, (t2 - t1) * 1000

def run(url, workers, submissions):
    host = urllib.parse.urlsplit(url)
    counter = iter(range(submissions)); lock = threading.Lock(); results = []; errors = []
    def worker():
        c = http.client.HTTPConnection(host.hostname, host.port)
        while True:
            with lock: n = next(counter, None)
            if n is None: return
            try: result = submit_once(c, n)
            except Exception as e: errors.append(repr(e)); c.close(); c = http.client.HTTPConnection(host.hostname, host.port); continue
            with lock: results.append(result)
    warm = http.client.HTTPConnection(host.hostname, host.port)
    for n in range(5): submit_once(warm, -n - 1)
    start = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for t in threads: t.start()
    for t in threads: t.join()
    elapsed = time.perf_counter() - start
    codes = {code for code, _, _ in results}
    assert not errors and len(codes) == submissions, (errors[:3], len(codes))
    whole = sorted(r[1] for r in results); filing = sorted(r[2] for r in results)
    pct = lambda xs, p: xs[min(len(xs) - 1, int(len(xs) * p))]
    return (f"{submissions} submissions, {workers} workers: {submissions / elapsed:.0f} submissions/s; "
            f"upload+file p50 {pct(whole, .5):.1f} ms, p99 {pct(whole, .99):.1f} ms; "
            f"file alone p50 {pct(filing, .5):.1f} ms, p99 {pct(filing, .99):.1f} ms")

def serve(port, data_dir, database_url=None):
    env = dict(os.environ, RUST_LOG="warn")
    # One client address sends everything: limits far above the load keep the cost of counting
    # each request in the figures without refusing any.
    high = "1000000000"
    command = [os.path.join(ROOT, "target/release/motcua"), "serve", "--demo", "--addr", f"127.0.0.1:{port}", "--data-dir", data_dir,
               "--submissions-per-hour", high, "--uploads-per-hour", high, "--searches-per-minute", high]
    if database_url: command += ["--database-url", database_url]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    for _ in range(300):
        try:
            c = http.client.HTTPConnection("127.0.0.1", port); c.request("GET", "/api/health")
            if c.getresponse().status == 200: return server
        except OSError: time.sleep(0.1)
    server.kill(); sys.exit("server did not start")

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", help="a running server; otherwise start the release build on each backend")
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--submissions", type=int, default=1000)
    parser.add_argument("--port", type=int, default=8097)
    args = parser.parse_args()
    if args.url:
        print(run(args.url, args.workers, args.submissions)); return
    postgres_db = f"motcua_bench_{os.getpid()}"
    for backend in ["sqlite", "postgres"]:
        data_dir = tempfile.mkdtemp(prefix="motcua-bench-")
        database_url = None
        if backend == "postgres":
            subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", postgres_db], check=True)
            database_url = f"postgres://postgres@127.0.0.1:5432/{postgres_db}"
        server = serve(args.port, data_dir, database_url)
        try:
            print(f"{backend}: {run(f'http://127.0.0.1:{args.port}', args.workers, args.submissions)}", flush=True)
        finally:
            server.terminate(); server.wait()
            shutil.rmtree(data_dir, ignore_errors=True)
            if database_url: subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", postgres_db], check=True)

if __name__ == "__main__":
    main()
