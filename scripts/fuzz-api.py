# API contract fuzzing: python3 scripts/fuzz-api.py [--examples N] [--seed S]
# Starts the debug server (demo catalog and staff accounts, a fresh data dir, a free port), files
# one dossier and leaves one upload unattached for the operations to find, then Schemathesis sends
# generated valid and invalid requests to every operation of the API's own OpenAPI document. Fails
# on any 5xx and on any answer the document does not describe: status, content type, headers, body.
# Needs `cargo build -p motcua-server` and Schemathesis in .venv (scripts/setup.sh).
import argparse, http.client, json, os, re, shutil, socket, subprocess, sys, tempfile, time, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
CHECKS = ("not_a_server_error,status_code_conformance,content_type_conformance,"
          "response_headers_conformance,response_schema_conformance")
PDF = (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n"
       b"<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")

def call(port, method, path, body=b"", headers=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request(method, path, body, headers or {})
    r = c.getresponse()
    return r.status, r.read(), r

def upload(port):
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"giay-to.pdf\"\r\n"
            "Content-Type: application/pdf\r\n\r\n").encode() + PDF + f"\r\n--{boundary}--\r\n".encode()
    status, answer, _ = call(port, "POST", "/api/uploads", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert status == 201, (status, answer)
    return json.loads(answer)["id"]

def file_dossier(port, upload_id):
    dossier = {
        "procedure_code": "1.010041",
        "applicant": {"filing_for": "self", "full_name": "Nguyễn Thị Hoa", "citizen_id": "001190012345",
                      "date_of_birth": "27/03/1990", "phone": "0912345678",
                      "address": {"province": "Thành phố Hà Nội", "commune": "Phường Ba Đình", "street": "12 phố Điện Biên Phủ"}},
        "answers": {"request_for": "Cho chính tôi", "info_type": "Nơi thường trú", "purpose": "Bổ sung hồ sơ xin việc"},
        "documents": {"0": [upload_id]},
        "delivery": {"method": "online"},
    }
    status, answer, _ = call(port, "POST", "/api/dossiers", json.dumps(dossier).encode(),
                             {"Content-Type": "application/json", "Idempotency-Key": uuid.uuid4().hex})
    assert status == 201, (status, answer)
    return json.loads(answer)

def sign_in(port, origin, username, password):
    body = json.dumps({"username": username, "password": password}).encode()
    status, answer, response = call(port, "POST", "/api/staff/login", body, {"Content-Type": "application/json", "Origin": origin})
    assert status == 200, (status, answer)
    return re.search(r"motcua_staff=([0-9a-f]{64})", response.getheader("Set-Cookie")).group(1)

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=50, help="test cases per operation and phase")
    parser.add_argument("--seed", type=int, default=20260105)
    args = parser.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]
    origin = f"http://127.0.0.1:{port}"
    work = tempfile.mkdtemp(prefix="motcua-fuzz-")
    os.mkdir(os.path.join(work, "dist"))  # no front-end: the API needs none
    log = open(os.path.join(work, "server.log"), "w+")
    server = subprocess.Popen([os.path.join(TARGET, "debug", "motcua"), "serve", "--demo", "--addr", f"127.0.0.1:{port}",
                               "--data-dir", os.path.join(work, "data"), "--dist", os.path.join(work, "dist"),
                               # One address sends every case: past the per-address limits the handlers would
                               # answer only 429 (tested in server/tests/api/limits.rs).
                               "--submissions-per-hour", "0", "--uploads-per-hour", "0", "--searches-per-minute", "0"],
                              stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, RUST_LOG="warn"))
    try:
        for _ in range(300):
            try:
                if call(port, "GET", "/api/health")[0] == 200: break
            except OSError: time.sleep(0.1)
        else: sys.exit("the server did not start")
        log.seek(0)
        # The demo passwords are printed once at start: `  lanhdao    leader      k7mq-x3ta-9pwe-hc4n`.
        passwords = dict(re.findall(r"^  (\w+) +\w+ +(\S+)$", log.read(), re.M))
        attached = upload(port)
        receipt = file_dossier(port, attached)
        env = dict(os.environ,
                   FUZZ_ORIGIN=origin, FUZZ_DOSSIER=receipt["code"], FUZZ_TOKEN=receipt["tracking_token"],
                   FUZZ_FILE=attached, FUZZ_UPLOAD=upload(port))
        # Signed in before the fuzzing of the sign-in, whose failures soon lock out this address.
        leader, admin = (sign_in(port, origin, name, passwords[name]) for name in ("lanhdao", "quantri"))
        # The leader for every operation but the accounts (the admin's) and signing out, which
        # ends the session, so it goes last.
        runs = [(leader, ["--exclude-path-regex", "^/api/staff/(accounts|logout)$"]),
                (admin, ["--include-path", "/api/staff/accounts"]),
                (admin, ["--include-path", "/api/staff/logout"])]
        failed = False
        for session, selection in runs:
            env["FUZZ_SESSION"] = session
            command = [os.path.join(ROOT, ".venv", "bin", "schemathesis"), "--config-file", os.path.join(ROOT, "scripts", "schemathesis.toml"),
                       "run", f"{origin}/api/openapi.json", "--seed", str(args.seed), "--max-examples", str(args.examples),
                       "--checks", CHECKS, "--no-color", *selection]
            failed |= subprocess.run(command, env=env).returncode != 0
        sys.exit(1 if failed else 0)
    finally:
        server.terminate(); server.wait()
        shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    main()
