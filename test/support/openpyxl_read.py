"""Loads an .xlsx with openpyxl and prints what test/support/ooxml.ts asks for (a JSON request on stdin) as JSON.

usage: /usr/bin/python3 openpyxl_read.py FILE.xlsx < request.json
request: {"cells": {sheet: [A1, ...]}, "sheets": [sheet, ...], "formulas": false}
Any failure to load the file is a traceback and a non-zero exit: the caller fails loudly.
"""
import datetime
import json
import sys
import warnings

import openpyxl


def plain(v):
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time)):
        return {"date": v.isoformat()}
    if isinstance(v, datetime.timedelta):
        return {"duration": v.total_seconds()}
    text = getattr(v, "text", None)  # ArrayFormula and the like
    return text if isinstance(text, str) else str(v)


def read(file, req):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        wb = openpyxl.load_workbook(file, data_only=not req.get("formulas"))
    out = {
        "sheets": [{"name": ws.title, "state": ws.sheet_state} for ws in wb.worksheets],
        "cells": {},
        "values": {},
        "warnings": sorted({str(w.message) for w in caught}),
    }
    for sheet, addresses in (req.get("cells") or {}).items():
        ws = wb[sheet]
        out["cells"][sheet] = {a: plain(ws[a].value) for a in addresses}
    for sheet in req.get("sheets") or []:
        ws = wb[sheet]
        out["values"][sheet] = [
            [plain(v) for v in row]
            for row in ws.iter_rows(min_row=1, min_col=1, max_row=ws.max_row, max_col=ws.max_column, values_only=True)
        ]
    return out


if __name__ == "__main__":
    json.dump(read(sys.argv[1], json.loads(sys.stdin.read() or "{}")), sys.stdout, ensure_ascii=False)
