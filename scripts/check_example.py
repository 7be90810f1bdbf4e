#!/usr/bin/env python3
"""Check a Wegmarke data folder (plan.json, measures.json, indicators.json).

Usage: python3 scripts/check_example.py public/data
       python3 scripts/check_example.py public/data/reports/2026-05-12

Checks the rules of the data contract (format, ids, references, progress, periods and dates,
suppressed values, link schemes) plus the rules for the bundled example data (every URL and
e-mail address on example.org, every status used, goals and indicators linked both ways,
files UTF-8 without BOM and pretty-printed with 2-space indentation).

Standard library only. Exit code 0 if there is no problem, 1 if there are problems, 2 on usage
errors. Problems are printed one per line as "file: json.path: message".
"""
import datetime
import json
import os
import re
import sys
from urllib.parse import urlsplit

FORMAT = "wegmarke/1"
FILES = ("plan.json", "measures.json", "indicators.json")
ID_RE = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
PERIOD_RE = re.compile(r"^(\d{4})(?:-(?:(H[12])|(Q[1-4])|(\d{2})(?:-(\d{2}))?))?$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
URL_IN_TEXT_RE = re.compile(r"(?i)\b(?:https?://|www\.)[^\s\"'<>)]+")
EMAIL_RE = re.compile(r"(?i)\b[A-Z0-9._%+-]+@([A-Z0-9.-]+\.[A-Z]{2,})\b")
STATUSES = ("planned", "preparing", "on_track", "delayed", "completed", "continued", "paused", "dropped")
NOTE_REQUIRED = ("delayed", "paused", "dropped")
ACTOR_KINDS = ("city", "public", "education", "welfare", "migrant_org", "civil", "business", "other")
IND_KINDS = ("outcome", "output", "context")
DIRECTIONS = ("up", "down", "none")
FLAGS = ("provisional", "estimated", "break", "suppressed")
LINK_SCHEMES = ("http", "https", "mailto")
EXAMPLE_DOMAIN = "example.org"
DISTRICTS = ("Innenstadt", "Bodenfeld", "Nordstadt", "Südstadt", "Jebenhausen", "Faurndau", "Holzheim",
             "Bartenbach", "Bezgenriet", "Hohenstaufen", "Maitis", "St. Gallus", "Ursenwang")


class Checker:
    def __init__(self, folder):
        self.folder = folder
        self.problems = []

    # ------------------------------------------------------------------ helpers
    def err(self, file, path, msg):
        self.problems.append("%s: %s: %s" % (file, path or "(file)", msg))

    def load(self, name):
        path = os.path.join(self.folder, name)
        try:
            with open(path, "rb") as f:
                raw = f.read()
        except OSError as e:
            self.err(name, "", "cannot read file (%s)" % e.strerror)
            return None
        if raw.startswith(b"\xef\xbb\xbf"):
            self.err(name, "", "starts with a byte order mark (BOM); save as UTF-8 without BOM")
            raw = raw[3:]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            self.err(name, "", "not valid UTF-8 (byte %d)" % e.start)
            return None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            self.err(name, "", "not valid JSON: %s (line %d, column %d)" % (e.msg, e.lineno, e.colno))
            return None
        if not isinstance(data, dict):
            self.err(name, "", "top level must be a JSON object")
            return None
        if data.get("format") != FORMAT:
            self.err(name, "format", 'must be "%s", found %s' % (FORMAT, json.dumps(data.get("format"))))
        pretty = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        if text != pretty:
            self.err(name, "", "not pretty-printed with 2-space indentation and a final newline "
                               "(python3 -m json.tool --indent 2 --no-ensure-ascii)")
        return data

    def is_text(self, v):
        if isinstance(v, str):
            return bool(v.strip())
        if isinstance(v, dict) and v:
            return all(isinstance(k, str) and k and isinstance(s, str) and s.strip() for k, s in v.items())
        return False

    def text(self, file, path, v, required=True):
        if v is None:
            if required:
                self.err(file, path, "missing (text required)")
            return
        if not self.is_text(v):
            self.err(file, path, "must be a non-empty string or an object of language tag to non-empty string")

    def lst(self, file, path, v, required=False):
        if v is None:
            if required:
                self.err(file, path, "missing (list required)")
            return []
        if not isinstance(v, list):
            self.err(file, path, "must be a list")
            return []
        return v

    def period(self, file, path, v, kinds="period", required=True):
        """kinds: 'period' (YYYY, YYYY-H1, YYYY-Q2, YYYY-MM, YYYY-MM-DD), 'date' (YYYY, YYYY-MM,
        YYYY-MM-DD), 'month' (YYYY-MM), 'day' (YYYY-MM-DD). Returns (first_day, last_day) or None."""
        if v is None:
            if required:
                self.err(file, path, "missing")
            return None
        if not isinstance(v, str):
            self.err(file, path, "must be a string, found %s" % json.dumps(v))
            return None
        m = PERIOD_RE.match(v)
        if not m:
            self.err(file, path, 'bad period "%s" (use YYYY, YYYY-H1, YYYY-Q1, YYYY-MM or YYYY-MM-DD)' % v)
            return None
        y, half, quarter, month, day = m.groups()
        y = int(y)
        shape = "day" if day else "month" if month else "half" if half else "quarter" if quarter else "year"
        allowed = {"period": ("year", "half", "quarter", "month", "day"), "date": ("year", "month", "day"),
                   "month": ("month",), "day": ("day",)}[kinds]
        if shape not in allowed:
            want = {"date": "YYYY, YYYY-MM or YYYY-MM-DD", "month": "YYYY-MM", "day": "YYYY-MM-DD"}[kinds]
            self.err(file, path, 'bad date "%s" (use %s)' % (v, want))
            return None
        try:
            if shape == "year":
                return datetime.date(y, 1, 1), datetime.date(y, 12, 31)
            if shape == "half":
                return (datetime.date(y, 1, 1), datetime.date(y, 6, 30)) if half == "H1" else \
                       (datetime.date(y, 7, 1), datetime.date(y, 12, 31))
            if shape == "quarter":
                q = int(quarter[1])
                first = datetime.date(y, 3 * q - 2, 1)
                last = datetime.date(y, 12, 31) if q == 4 else datetime.date(y, 3 * q + 1, 1) - datetime.timedelta(days=1)
                return first, last
            mo = int(month)
            first = datetime.date(y, mo, 1)
            if shape == "month":
                nxt = datetime.date(y + 1, 1, 1) if mo == 12 else datetime.date(y, mo + 1, 1)
                return first, nxt - datetime.timedelta(days=1)
            d = datetime.date(y, mo, int(day))
            return d, d
        except ValueError:
            self.err(file, path, 'not a real calendar date: "%s"' % v)
            return None

    def ids(self, file, kind, items, path):
        seen = {}
        for i, it in enumerate(items):
            p = "%s[%d].id" % (path, i)
            if not isinstance(it, dict):
                self.err(file, "%s[%d]" % (path, i), "must be an object")
                continue
            v = it.get("id")
            if not isinstance(v, str) or not ID_RE.match(v):
                self.err(file, p, "bad %s id %s (1-64 characters A-Z a-z 0-9 . _ -)" % (kind, json.dumps(v)))
                continue
            if v in seen:
                self.err(file, p, 'duplicate %s id "%s" (first at %s[%d])' % (kind, v, path, seen[v]))
            else:
                seen[v] = i
        return set(seen)

    def ref(self, file, path, v, known, kind):
        if known is None:  # the file that defines these ids could not be read: reported already
            return
        if not isinstance(v, str):
            self.err(file, path, "must be a %s id (string)" % kind)
        elif v not in known:
            self.err(file, path, 'unknown %s "%s"' % (kind, v))

    def url(self, file, path, v, schemes=LINK_SCHEMES, required=True):
        if v is None:
            if required:
                self.err(file, path, "missing")
            return
        if not isinstance(v, str):
            self.err(file, path, "must be a string")
            return
        parts = urlsplit(v.strip())
        if parts.scheme.lower() not in schemes:
            self.err(file, path, 'link scheme must be %s: "%s"' % ("/".join(schemes), v))
            return
        if parts.scheme.lower() in ("http", "https") and not parts.netloc:
            self.err(file, path, 'URL has no host: "%s"' % v)

    def number(self, v):
        return isinstance(v, (int, float)) and not isinstance(v, bool)

    def progress(self, file, path, v):
        if v is None:
            return
        if not isinstance(v, int) or isinstance(v, bool) or not 0 <= v <= 100:
            self.err(file, path, "progress must be an integer from 0 to 100, found %s" % json.dumps(v))

    # ------------------------------------------------------------------ example-only: every URL on example.org
    def example_hosts(self, file, node, path="$"):
        if isinstance(node, dict):
            for k, v in node.items():
                self.example_hosts(file, v, "%s.%s" % (path, k) if path != "$" else k)
        elif isinstance(node, list):
            for i, v in enumerate(node):
                self.example_hosts(file, v, "%s[%d]" % (path, i))
        elif isinstance(node, str):
            for u in URL_IN_TEXT_RE.findall(node):
                u2 = u if "://" in u else "https://" + u
                host = (urlsplit(u2).hostname or "").lower()
                if host != EXAMPLE_DOMAIN and not host.endswith("." + EXAMPLE_DOMAIN):
                    self.err(file, path, 'example data must only use %s addresses, found "%s"' % (EXAMPLE_DOMAIN, u))
            for dom in EMAIL_RE.findall(node):
                dom = dom.lower()
                if dom != EXAMPLE_DOMAIN and not dom.endswith("." + EXAMPLE_DOMAIN):
                    self.err(file, path, 'example data must only use e-mail addresses on %s, found "%s"' % (EXAMPLE_DOMAIN, dom))

    # ------------------------------------------------------------------ main
    def run(self):
        plan_f = self.load("plan.json")
        meas_f = self.load("measures.json")
        ind_f = self.load("indicators.json")
        for name, data in (("plan.json", plan_f), ("measures.json", meas_f), ("indicators.json", ind_f)):
            if data is not None:
                self.example_hosts(name, data)

        F = "plan.json"
        plan = plan_f or {}
        p = plan.get("plan")
        as_of = None
        if plan_f is not None and not isinstance(p, dict):
            self.err(F, "plan", "missing or not an object")
            p = {}
        p = p or {}
        if plan_f is not None:
            self.text(F, "plan.title", p.get("title"))
            self.text(F, "plan.subtitle", p.get("subtitle"), required=False)
            self.text(F, "plan.description", p.get("description"), required=False)
            self.text(F, "plan.method", p.get("method"))
            self.text(F, "plan.publisher", p.get("publisher"), required=False)
            if not isinstance(p.get("default_language"), str) or not re.match(r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$", p.get("default_language") or ""):
                self.err(F, "plan.default_language", "must be a language tag such as \"de\"")
            r = self.period(F, "plan.as_of", p.get("as_of"), "date")
            as_of = r[1] if r else None
            adopted = p.get("adopted")
            if adopted is not None:
                if not isinstance(adopted, dict):
                    self.err(F, "plan.adopted", "must be an object")
                else:
                    self.period(F, "plan.adopted.date", adopted.get("date"), "date")
            per = p.get("period")
            if per is not None:
                if not isinstance(per, dict):
                    self.err(F, "plan.period", "must be an object with from and to")
                else:
                    a = self.period(F, "plan.period.from", per.get("from"))
                    b = self.period(F, "plan.period.to", per.get("to"))
                    if a and b and b[1] < a[0]:
                        self.err(F, "plan.period.to", "is before plan.period.from")
            c = p.get("contact")
            if c is not None:
                if not isinstance(c, dict):
                    self.err(F, "plan.contact", "must be an object")
                else:
                    if c.get("url") is not None:
                        self.url(F, "plan.contact.url", c.get("url"), ("http", "https"))
                    if c.get("email") is not None and not (isinstance(c["email"], str) and EMAIL_RE.fullmatch(c["email"])):
                        self.err(F, "plan.contact.email", "not an e-mail address")

        fields = self.lst(F, "fields", plan.get("fields"), plan_f is not None)
        goals = self.lst(F, "goals", plan.get("goals"), plan_f is not None)
        actors = self.lst(F, "actors", plan.get("actors"), plan_f is not None)
        reports = self.lst(F, "reports", plan.get("reports"))
        field_ids = self.ids(F, "field", fields, "fields")
        goal_ids = self.ids(F, "goal", goals, "goals")
        actor_ids = self.ids(F, "actor", actors, "actors")

        measures = self.lst("measures.json", "measures", (meas_f or {}).get("measures"), meas_f is not None)
        indicators = self.lst("indicators.json", "indicators", (ind_f or {}).get("indicators"), ind_f is not None)
        measure_ids = self.ids("measures.json", "measure", measures, "measures")
        ind_ids = self.ids("indicators.json", "indicator", indicators, "indicators")
        if plan_f is None:
            field_ids = goal_ids = actor_ids = None
        if ind_f is None:
            ind_ids = None

        # fields
        orders = {}
        for i, f in enumerate(fields):
            if not isinstance(f, dict):
                continue
            self.text(F, "fields[%d].title" % i, f.get("title"))
            self.text(F, "fields[%d].description" % i, f.get("description"), required=False)
            o = f.get("order")
            if o is not None:
                if not isinstance(o, int) or isinstance(o, bool):
                    self.err(F, "fields[%d].order" % i, "must be an integer")
                elif o in orders:
                    self.err(F, "fields[%d].order" % i, "order %d also used by fields[%d]" % (o, orders[o]))
                else:
                    orders[o] = i
        # goals
        goal_inds = {}
        for i, g in enumerate(goals):
            if not isinstance(g, dict):
                continue
            self.ref(F, "goals[%d].field" % i, g.get("field"), field_ids, "field")
            self.text(F, "goals[%d].title" % i, g.get("title"))
            self.text(F, "goals[%d].description" % i, g.get("description"), required=False)
            ty = g.get("target_year")
            if ty is not None and (not isinstance(ty, int) or isinstance(ty, bool) or not 1900 <= ty <= 2200):
                self.err(F, "goals[%d].target_year" % i, "must be a year (integer)")
            for j, r in enumerate(self.lst(F, "goals[%d].indicators" % i, g.get("indicators"))):
                self.ref(F, "goals[%d].indicators[%d]" % (i, j), r, ind_ids, "indicator")
                goal_inds.setdefault(g.get("id"), set()).add(r)
        # actors
        for i, a in enumerate(actors):
            if not isinstance(a, dict):
                continue
            self.text(F, "actors[%d].name" % i, a.get("name"))
            if a.get("kind") not in ACTOR_KINDS:
                self.err(F, "actors[%d].kind" % i, "unknown actor kind %s (one of %s)" % (json.dumps(a.get("kind")), ", ".join(ACTOR_KINDS)))
            if a.get("url") is not None:
                self.url(F, "actors[%d].url" % i, a.get("url"), ("http", "https"))
        # reports
        for i, r in enumerate(reports):
            if not isinstance(r, dict):
                self.err(F, "reports[%d]" % i, "must be an object")
                continue
            self.period(F, "reports[%d].date" % i, r.get("date"), "date")
            self.text(F, "reports[%d].title" % i, r.get("title"))
            path = r.get("path")
            if path is not None:
                if not isinstance(path, str) or path.startswith("/") or ".." in path.split("/") or "://" in path:
                    self.err(F, "reports[%d].path" % i, "must be a relative path inside the data folder")
                else:
                    for name in FILES:
                        if not os.path.isfile(os.path.join(self.folder, path, name)):
                            self.err(F, "reports[%d].path" % i, 'report folder "%s" has no %s' % (path, name))

        # measures
        M = "measures.json"
        seen_status = set()
        for i, m in enumerate(measures):
            if not isinstance(m, dict):
                continue
            P = "measures[%d]" % i
            for j, r in enumerate(self.lst(M, P + ".goals", m.get("goals"), True)):
                self.ref(M, "%s.goals[%d]" % (P, j), r, goal_ids, "goal")
            self.text(M, P + ".title", m.get("title"))
            for k in ("summary", "easy_summary", "description", "status_note"):
                self.text(M, P + "." + k, m.get(k), required=False)
            st = m.get("status")
            if st not in STATUSES:
                self.err(M, P + ".status", "unknown status %s (one of %s)" % (json.dumps(st), ", ".join(STATUSES)))
            else:
                seen_status.add(st)
                if st in NOTE_REQUIRED and not m.get("status_note"):
                    self.err(M, P + ".status_note", 'missing: status "%s" needs a note saying why' % st)
            self.progress(M, P + ".progress", m.get("progress"))
            if st in ("completed", "continued") and m.get("progress") not in (None, 100):
                self.err(M, P + ".progress", "a %s measure counts as 100, found %s" % (st, m.get("progress")))
            w = m.get("weight")
            if w is not None and (not self.number(w) or w <= 0):
                self.err(M, P + ".weight", "must be a positive number")
            s = self.period(M, P + ".start", m.get("start"), "date", required=False)
            e = self.period(M, P + ".end", m.get("end"), "date", required=False)
            ae = self.period(M, P + ".actual_end", m.get("actual_end"), "date", required=False)
            if s and e and e[1] < s[0]:
                self.err(M, P + ".end", "end %s is before start %s" % (m.get("end"), m.get("start")))
            if s and ae and ae[1] < s[0]:
                self.err(M, P + ".actual_end", "actual_end %s is before start %s" % (m.get("actual_end"), m.get("start")))
            if st == "completed" and not m.get("actual_end"):
                self.err(M, P + ".actual_end", "missing for a completed measure")
            if m.get("lead") is not None:
                self.ref(M, P + ".lead", m.get("lead"), actor_ids, "actor")
            for j, r in enumerate(self.lst(M, P + ".partners", m.get("partners"))):
                self.ref(M, "%s.partners[%d]" % (P, j), r, actor_ids, "actor")
            for k in ("target_groups", "districts"):
                for j, r in enumerate(self.lst(M, P + "." + k, m.get(k))):
                    if not self.is_text(r):
                        self.err(M, "%s.%s[%d]" % (P, k, j), "must be a non-empty string")
                    elif k == "districts" and r not in DISTRICTS:
                        self.err(M, "%s.%s[%d]" % (P, k, j), 'unknown Göppingen district "%s"' % r)
            b = m.get("budget")
            if b is not None:
                if not isinstance(b, dict):
                    self.err(M, P + ".budget", "must be an object")
                else:
                    if not self.number(b.get("amount")) or b.get("amount") < 0:
                        self.err(M, P + ".budget.amount", "must be a number >= 0")
                    if not (isinstance(b.get("currency"), str) and re.fullmatch(r"[A-Z]{3}", b["currency"])):
                        self.err(M, P + ".budget.currency", "must be a currency code such as EUR")
            for j, ms in enumerate(self.lst(M, P + ".milestones", m.get("milestones"))):
                Q = "%s.milestones[%d]" % (P, j)
                if not isinstance(ms, dict):
                    self.err(M, Q, "must be an object")
                    continue
                self.period(M, Q + ".date", ms.get("date"), "date")
                self.text(M, Q + ".title", ms.get("title"))
                if "done" in ms and not isinstance(ms["done"], bool):
                    self.err(M, Q + ".done", "must be true or false")
            for j, u in enumerate(self.lst(M, P + ".updates", m.get("updates"))):
                Q = "%s.updates[%d]" % (P, j)
                if not isinstance(u, dict):
                    self.err(M, Q, "must be an object")
                    continue
                r = self.period(M, Q + ".date", u.get("date"), "date")
                if r and as_of and r[0] > as_of:
                    self.err(M, Q + ".date", "update %s is after plan.as_of %s" % (u.get("date"), p.get("as_of")))
                if u.get("status") is not None and u.get("status") not in STATUSES:
                    self.err(M, Q + ".status", "unknown status %s" % json.dumps(u.get("status")))
                self.progress(M, Q + ".progress", u.get("progress"))
                self.text(M, Q + ".text", u.get("text"), required=False)
            for j, r in enumerate(self.lst(M, P + ".indicators", m.get("indicators"))):
                self.ref(M, "%s.indicators[%d]" % (P, j), r, ind_ids, "indicator")
            for j, ln in enumerate(self.lst(M, P + ".links", m.get("links"))):
                Q = "%s.links[%d]" % (P, j)
                if not isinstance(ln, dict):
                    self.err(M, Q, "must be an object with title and url")
                    continue
                self.text(M, Q + ".title", ln.get("title"))
                self.url(M, Q + ".url", ln.get("url"))
        if meas_f is not None:
            missing = [s for s in STATUSES if s not in seen_status]
            if missing:
                self.err(M, "measures", "example data must use every status; missing: %s" % ", ".join(missing))

        # indicators
        I = "indicators.json"
        ind_goals = {}
        for i, ind in enumerate(indicators):
            if not isinstance(ind, dict):
                continue
            P = "indicators[%d]" % i
            for j, r in enumerate(self.lst(I, P + ".goals", ind.get("goals"))):
                self.ref(I, "%s.goals[%d]" % (P, j), r, goal_ids, "goal")
                ind_goals.setdefault(ind.get("id"), set()).add(r)
            self.text(I, P + ".title", ind.get("title"))
            self.text(I, P + ".short_title", ind.get("short_title"), required=False)
            self.text(I, P + ".definition", ind.get("definition"), required=False)
            self.text(I, P + ".unit", ind.get("unit"), required=False)
            d = ind.get("decimals")
            if d is not None and (not isinstance(d, int) or isinstance(d, bool) or not 0 <= d <= 6):
                self.err(I, P + ".decimals", "must be an integer from 0 to 6")
            kind = ind.get("kind")
            if kind not in IND_KINDS:
                self.err(I, P + ".kind", "unknown kind %s (one of %s)" % (json.dumps(kind), ", ".join(IND_KINDS)))
            if ind.get("direction") not in DIRECTIONS:
                self.err(I, P + ".direction", "unknown direction %s (one of %s)" % (json.dumps(ind.get("direction")), ", ".join(DIRECTIONS)))
            if ind.get("next_update") is not None:
                self.period(I, P + ".next_update", ind.get("next_update"), "date")
            src = ind.get("source")
            if src is not None:
                if not isinstance(src, dict):
                    self.err(I, P + ".source", "must be an object")
                else:
                    self.text(I, P + ".source.name", src.get("name"))
                    if src.get("url") is not None:
                        self.url(I, P + ".source.url", src.get("url"), ("http", "https"))
            series = self.lst(I, P + ".series", ind.get("series"), True)
            series_ids = self.ids(I, "series", series, P + ".series")
            for j, s in enumerate(series):
                if not isinstance(s, dict):
                    continue
                S = "%s.series[%d]" % (P, j)
                self.text(I, S + ".label", s.get("label"), required=False)
                periods = {}
                for k, o in enumerate(self.lst(I, S + ".observations", s.get("observations"), True)):
                    O = "%s.observations[%d]" % (S, k)
                    if not isinstance(o, dict):
                        self.err(I, O, "must be an object")
                        continue
                    if self.period(I, O + ".period", o.get("period")):
                        if o["period"] in periods:
                            self.err(I, O + ".period", 'duplicate period "%s" (also observations[%d])' % (o["period"], periods[o["period"]]))
                        periods[o["period"]] = k
                    v = o.get("value", "missing")
                    if v is not None and not self.number(v):
                        self.err(I, O + ".value", "must be a number or null, found %s" % json.dumps(v))
                    fl = o.get("flag")
                    if fl is not None and fl not in FLAGS:
                        self.err(I, O + ".flag", "unknown flag %s (one of %s)" % (json.dumps(fl), ", ".join(FLAGS)))
                    if fl == "suppressed" and v is not None:
                        self.err(I, O + ".value", "a suppressed value must be null")
                    self.text(I, O + ".note", o.get("note"), required=False)
            for k in ("baseline", "target"):
                b = ind.get(k)
                if b is None:
                    continue
                if not isinstance(b, dict):
                    self.err(I, P + "." + k, "must be an object with period and value")
                    continue
                self.period(I, "%s.%s.period" % (P, k), b.get("period"))
                if not self.number(b.get("value")):
                    self.err(I, "%s.%s.value" % (P, k), "must be a number")
                if k == "target" and b.get("series") is not None:
                    self.ref(I, P + ".target.series", b.get("series"), series_ids, "series of this indicator")
            if kind in ("outcome", "output") and ind.get("direction") in ("up", "down"):
                for k in ("baseline", "target"):
                    if ind.get(k) is None:
                        self.err(I, P + "." + k, "missing (needed to rate a %s indicator)" % kind)
            bp, tp = ind.get("baseline"), ind.get("target")
            if isinstance(bp, dict) and isinstance(tp, dict) and isinstance(bp.get("period"), str) and isinstance(tp.get("period"), str):
                if tp["period"][:4].isdigit() and bp["period"][:4].isdigit() and int(tp["period"][:4]) <= int(bp["period"][:4]):
                    self.err(I, P + ".target.period", "target period must be after the baseline period")

        # goals and indicators must name each other (example rule)
        for gi, g in enumerate(goals):
            if not isinstance(g, dict):
                continue
            for r in sorted(goal_inds.get(g.get("id"), ())):
                if ind_ids is not None and r in ind_ids and g.get("id") not in ind_goals.get(r, ()):
                    self.err(F, "goals[%d].indicators" % gi, 'names indicator "%s", but that indicator does not list goal "%s"' % (r, g.get("id")))
        for ii, ind in enumerate(indicators):
            if not isinstance(ind, dict):
                continue
            for g in sorted(ind_goals.get(ind.get("id"), ())):
                if goal_ids is not None and g in goal_ids and ind.get("id") not in goal_inds.get(g, ()):
                    self.err(I, "indicators[%d].goals" % ii, 'names goal "%s", but that goal does not list indicator "%s"' % (g, ind.get("id")))

        return dict(fields=len(fields), goals=len(goals), actors=len(actors), reports=len(reports),
                    measures=len(measures), indicators=len(indicators))


def main(argv):
    if len(argv) != 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        return 2
    folder = argv[1]
    if not os.path.isdir(folder):
        print("error: %s is not a folder" % folder, file=sys.stderr)
        return 2
    c = Checker(folder)
    counts = c.run()
    if c.problems:
        print("%s: %d problem(s):" % (folder, len(c.problems)))
        for pr in c.problems:
            print("  - " + pr)
        return 1
    print("%s: OK (%s)" % (folder, ", ".join("%d %s" % (v, k) for k, v in counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
