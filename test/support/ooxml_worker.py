"""A long-lived helper for test/support/ooxml.ts: checks files with ../shared/tools/ooxml-check.py and loads them with
openpyxl, one JSON request per line on stdin, one JSON answer per line on stdout. The checker is imported once and its
schemas parsed once, which is most of what a run of the checker costs; each file is checked exactly as its command
line does (ooxml-check.py FILE --no-notes --max 20), and the same lines are printed.

usage: /usr/bin/python3 ooxml_worker.py /path/to/ooxml-check.py
request:  {"id": 1, "op": "check", "file": "..."}  or  {"id": 2, "op": "openpyxl", "file": "...", "req": {...}}
answer:   {"id": 1, "status": 0|1, "output": "..."}  or  {"id": 2, "book": {...}}  or  {"id": n, "error": "traceback"}
"""
import importlib.util
import io
import json
import os
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from openpyxl_read import read  # noqa: E402

checker_path = os.path.abspath(sys.argv[1])
spec = importlib.util.spec_from_file_location("ooxml_check", checker_path)
checker = importlib.util.module_from_spec(spec)
spec.loader.exec_module(checker)
# the checker's own default (--schemas): ../schemas/ooxml beside tools/
schemas = checker.Schemas(os.path.join(os.path.dirname(checker_path), "..", "schemas", "ooxml"))


def check(file):
    out = io.StringIO()
    report = checker.Report(notes=False, limit=20)
    checker.Validator(file, schemas, report).run()
    out.write(f"FILE {file}\n")
    errors = report.dump(out)
    return {"status": 1 if errors else 0, "output": out.getvalue()}


for line in sys.stdin:
    if not line.strip():
        continue
    msg = json.loads(line)
    try:
        if msg["op"] == "check":
            answer = check(msg["file"])
        else:
            answer = {"book": read(msg["file"], msg.get("req") or {})}
    except Exception:  # noqa: BLE001 - the caller gets the traceback and fails loudly
        answer = {"error": traceback.format_exc()}
    answer["id"] = msg["id"]
    sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
    sys.stdout.flush()
