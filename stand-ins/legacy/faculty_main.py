#!/usr/bin/env python3
"""Stand-in for the university's legacy faculty script (faculty_main.py).

Hamgam's "command" source runs scripts like this one as a child process, keeps
their output as the run log and reads the record count from the last line.
Like the original it only reads from the gateway; it writes no database.

Environment: HAMGAM_BASE_URL, HAMGAM_USERNAME, HAMGAM_PASSWORD (set by Hamgam's command source),
or GOLESTAN_BASE_URL, GOLESTAN_USERNAME, GOLESTAN_PASSWORD when run by hand.
Options: --fail (exit 2 on purpose), --sleep SECONDS (wait before starting).
Exit codes: 0 success, 1 HTTP/network/configuration error, 2 --fail or bad arguments.
"""

import argparse
import http.client
import json
import os
import sys
import time
import urllib.error
import urllib.request

PAGE_SIZE = 100
TIMEOUT_SECONDS = 60


def post_json(url, payload, token=None):
    headers = {"Content-Type": "application/json; charset=utf-8", "Accept": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(
        url, data=json.dumps(payload).encode("utf-8"), headers=headers, method="POST"
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
        return json.loads(response.read().decode("utf-8"))


def login(base_url, username, password):
    answer = post_json(base_url + "/Login", {"userName": username, "password": password})
    token = (answer.get("data") or {}).get("token")
    if not token:
        raise ValueError("login answer has no data.token")
    return token


def fetch_all_faculty(base_url, token):
    records = []
    page_number = 1
    while True:
        answer = post_json(
            base_url + "/API/Golestan/Faculty",
            {"pageNumber": page_number, "pageSize": PAGE_SIZE},
            token,
        )
        page = answer.get("data")
        if not isinstance(page, list):
            raise ValueError("page %d: answer has no data list" % page_number)
        print("page %d: %d records" % (page_number, len(page)), flush=True)
        for record in page:
            if not str(record.get("nationalcode") or "").strip():
                print(
                    "warning: record id=%s personelid=%s has no nationalcode, skipped"
                    % (record.get("id"), record.get("personelid")),
                    file=sys.stderr,
                    flush=True,
                )
        records.extend(page)
        if len(page) < PAGE_SIZE:
            return records
        page_number += 1


def main():
    # The parent may run us with a C locale; Persian text must still print.
    sys.stdout.reconfigure(encoding="utf-8")
    sys.stderr.reconfigure(encoding="utf-8")
    parser = argparse.ArgumentParser(description="Fetch every faculty record from the Golestan gateway.")
    parser.add_argument("--fail", action="store_true", help="print a line and exit 2")
    parser.add_argument("--sleep", type=float, default=0, metavar="SECONDS", help="sleep before starting")
    args = parser.parse_args()

    if args.sleep > 0:
        time.sleep(args.sleep)
    if args.fail:
        print("Starting faculty sync", flush=True)
        print("error: failing on purpose (--fail)", file=sys.stderr, flush=True)
        return 2

    # Hamgam passes the source's connection as HAMGAM_*; run by hand, the script reads GOLESTAN_*.
    env = os.environ.get
    base_url = (env("HAMGAM_BASE_URL") or env("GOLESTAN_BASE_URL", "")).rstrip("/")
    username = env("HAMGAM_USERNAME") or env("GOLESTAN_USERNAME", "")
    password = env("HAMGAM_PASSWORD") or env("GOLESTAN_PASSWORD", "")
    if not base_url or not username or not password:
        print(
            "error: GOLESTAN_BASE_URL, GOLESTAN_USERNAME and GOLESTAN_PASSWORD must be set",
            file=sys.stderr,
            flush=True,
        )
        return 1

    print("Starting faculty sync from %s" % base_url, flush=True)
    try:
        token = login(base_url, username, password)
        records = fetch_all_faculty(base_url, token)
    except urllib.error.HTTPError as error:
        body = error.read().decode("utf-8", errors="replace")[:500]
        print("error: HTTP %d from %s: %s" % (error.code, error.url, body), file=sys.stderr, flush=True)
        return 1
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as error:
        print("error: %s" % error, file=sys.stderr, flush=True)
        return 1

    print("Total records: %d" % len(records), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
