#!/usr/bin/env python3
"""An independent computation of `windowdeskctl report --json` (cli.md `report`), written from the text of
cli.md and platform-api.md 1.1 only: it reads the same SQLite file with Python's own sqlite3 and parses every
time from its text (never the engine's at_s column). Prints the report as one JSON object.

usage: report_model.py DB FROM TO BY
"""
import json
import sqlite3
import sys
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal

CST = timezone(timedelta(hours=8))


def moment(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def cst_date(text):
    return moment(text).astimezone(CST).date()


def cst_hour(text):
    return "%02d" % moment(text).astimezone(CST).hour


def main():
    db, frm, to, by = sys.argv[1:5]
    frm, to = date.fromisoformat(frm), date.fromisoformat(to)
    con = sqlite3.connect(db)
    row = con.execute("SELECT value FROM settings WHERE key = 'queue.service_level_s'").fetchone()
    level = int(row[0]) if row else 900

    # Tickets: all events in time order (arrival order for equal times); an event belongs to the latest
    # `issued` of its number at or before it.
    events = con.execute("SELECT seq, ticket_no, category, type, window_no, clerk_id, to_category, at "
                         "FROM ticket_events").fetchall()
    events.sort(key=lambda e: (moment(e[7]), e[0]))
    latest = {}
    tickets = []
    for seq, no, cat, typ, win, clerk, to_cat, at in events:
        if typ == "issued":
            t = {"no": no, "category": cat, "issued": moment(at), "issued_text": at, "events": []}
            tickets.append(t)
            latest[no] = t
        elif no in latest:
            latest[no]["events"].append(dict(type=typ, window=win, clerk=clerk, to=to_cat, at=moment(at)))

    def key_of_ticket(t):
        evs = t["events"]
        if by in ("window", "clerk"):
            field = "window" if by == "window" else "clerk"
            for e in reversed(evs):
                if e["type"] == "started" and e[field]:
                    return e[field]
            for e in reversed(evs):
                if e[field]:
                    return e[field]
            return None
        if by == "category":
            cat = t["category"]
            for e in evs:
                if e["type"] == "transferred":
                    cat = e["to"]
            return cat
        return cst_hour(t["issued_text"])

    def empty():
        return dict(arrived=0, called=0, served=0, no_show=0, above_service_level=0, waits=[], services=[],
                    accepted=0, correction_required=0, rejected=0, evaluated=0, bad_evaluations=0)

    rows = {}
    total = empty()

    def add(key, fn):
        fn(rows.setdefault(key, empty()))
        fn(total)

    for t in tickets:
        if not (frm <= t["issued"].astimezone(CST).date() < to):
            continue
        evs = t["events"]
        calls = [e for e in evs if e["type"] == "called"]
        dones = [i for i, e in enumerate(evs) if e["type"] == "done"]
        wait = int((calls[0]["at"] - t["issued"]).total_seconds()) if calls else None
        service = None
        if dones:
            d = dones[0]
            starts = [i for i in range(d) if evs[i]["type"] == "started"]
            if starts:
                s = starts[-1]
                held = 0
                since = None
                for e in evs[s + 1:d]:
                    if e["type"] == "held" and since is None:
                        since = e["at"]
                    elif e["type"] == "resumed" and since is not None:
                        held += int((e["at"] - since).total_seconds())
                        since = None
                service = int((evs[d]["at"] - evs[s]["at"]).total_seconds()) - held

        def count(c, calls=calls, dones=dones, evs=evs, wait=wait, service=service):
            c["arrived"] += 1
            c["called"] += 1 if calls else 0
            c["served"] += 1 if dones else 0
            c["no_show"] += 1 if evs and evs[-1]["type"] == "no_show" else 0
            if wait is not None:
                c["waits"].append(wait)
                c["above_service_level"] += 1 if wait > level else 0
            if service is not None:
                c["services"].append(service)
        add(key_of_ticket(t), count)

    for created, decision, win, clerk in con.execute(
            "SELECT created_at, decision, window_no, clerk_id FROM cases"):
        if not (frm <= cst_date(created) < to):
            continue
        key = {"window": win, "clerk": clerk, "category": None, "hour": cst_hour(created)}[by]
        add(key, lambda c, decision=decision: c.__setitem__(decision, c[decision] + 1))

    for at, level_, win, clerk in con.execute("SELECT at, level, window_no, clerk_id FROM evaluations"):
        if not (frm <= cst_date(at) < to):
            continue
        key = {"window": win, "clerk": clerk, "category": None, "hour": cst_hour(at)}[by]

        def ev(c, bad=level_ <= 2):
            c["evaluated"] += 1
            c["bad_evaluations"] += 1 if bad else 0
        add(key, ev)

    def out(c):
        def avg(v):
            if not v:
                return None
            q = (Decimal(sum(v)) / Decimal(len(v))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            return int(q) if q == q.to_integral_value() else float(q)
        o = {k: c[k] for k in ("arrived", "called", "served", "no_show", "above_service_level", "accepted",
                               "correction_required", "rejected", "evaluated", "bad_evaluations")}
        o.update(avg_wait_s=avg(c["waits"]), max_wait_s=max(c["waits"]) if c["waits"] else None,
                 avg_service_s=avg(c["services"]), max_service_s=max(c["services"]) if c["services"] else None)
        return o

    keys = sorted(k for k in rows if k is not None)
    if None in rows:
        keys.append(None)
    result = {"from": frm.isoformat(), "to": to.isoformat(), "by": by, "rows": [], "total": out(total)}
    for k in keys:
        o = out(rows[k])
        if any(v for n, v in o.items() if not n.startswith(("avg_", "max_"))):
            o["key"] = k
            result["rows"].append(o)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
