#!/usr/bin/env python3
"""Reads an XLSX file back with openpyxl and prints what a spreadsheet sees, as JSON:
{"sheets": [...], "freeze": "A2", "rows": [[[data_type, value, number_format], ...], ...]}
(dates as "YYYY-MM-DD HH:MM:SS"). usage: xlsx_dump.py FILE"""
import datetime
import json
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
rows = []
for row in ws.iter_rows():
    cells = []
    for c in row:
        v = c.value
        if isinstance(v, datetime.datetime):
            v = v.strftime("%Y-%m-%d %H:%M:%S")
        elif isinstance(v, datetime.date):
            v = v.strftime("%Y-%m-%d")
        cells.append([c.data_type, v, c.number_format])
    rows.append(cells)
print(json.dumps({"sheets": wb.sheetnames, "freeze": ws.freeze_panes, "rows": rows}, ensure_ascii=False))
