"""The files `wegmarke-daten publish` writes beside the data, read by independent parsers:
feedparser (Atom), icalendar (iCalendar), frictionless (the data package) and rdflib (the
DCAT-AP.de record). What each file must contain is computed here from the data files, never
written down. Run by scripts/test.sh in the virtual environment scripts/setup.sh makes."""
import datetime
import json
import pathlib
import shutil
import subprocess
import tempfile
import unittest
import warnings

import feedparser
import frictionless
import icalendar
import rdflib

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
PUBLIC = ROOT / "public"
DATA = PUBLIC / "data"
TOOL = ROOT / "target" / "debug" / "wegmarke-daten"


def load(name, folder=DATA):
    return json.loads((folder / name).read_text(encoding="utf-8"))


def text(value, lang="de"):
    """A data text in the plan's language (plain string or language map)."""
    if isinstance(value, dict):
        return value.get(lang) or next(iter(value.values()), "")
    return value or ""


CONFIG = load("config.json", PUBLIC)
SITE = CONFIG["site_url"]
PLAN = load("plan.json")
MEASURES = load("measures.json")["measures"]
INDICATORS = load("indicators.json")["indicators"]
GOAL_FIELD = {g["id"]: g["field"] for g in PLAN["goals"]}


def fields_of(goals):
    return {GOAL_FIELD[g] for g in goals if g in GOAL_FIELD}


def day(date):
    """A date's first day, as the feed dates an item ("2026-05" -> "2026-05-01")."""
    parts = date.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def expected_update_items(measures):
    """(key, measure, status change or None, day) for every update, as the contract defines."""
    out = []
    for m in measures:
        before = None
        seen = {}
        for u in sorted(m.get("updates", []), key=lambda u: u["date"]):
            seen[u["date"]] = seen.get(u["date"], 0) + 1
            status = u.get("status")
            change = (before, status) if before and status and before != status else None
            if status:
                before = status
            out.append((f"measure/{m['id']}/update/{u['date']}/{seen[u['date']]}", m, change, day(u["date"])))
    return out


def newest_values(indicators):
    """(key, indicator, day) for the newest value of every series, dated with the data's Stand."""
    out = []
    for ind in indicators:
        for s in ind.get("series", []):
            periods = [o["period"] for o in s.get("observations", []) if o.get("value") is not None]
            if periods:
                # Periods of one series share a form, so their text sorts chronologically.
                out.append((f"indicator/{ind['id']}/series/{s['id']}/value/{max(periods)}", ind,
                            day(PLAN["plan"]["as_of"])))
    return out


MAX_ENTRIES = 100


def in_feed(updates, values):
    """The keys a feed carries: the newest hundred items, newest first, then by key."""
    items = [(k, d) for k, _, _, d in updates] + [(k, d) for k, _, d in values]
    items.sort(key=lambda kd: kd[0])
    items.sort(key=lambda kd: kd[1], reverse=True)
    return [k for k, _ in items[:MAX_ENTRIES]]


def publish(data_dir):
    if not TOOL.exists():
        subprocess.run(["cargo", "build", "-q", "-p", "wegmarke-cli"], cwd=ROOT, check=True)
    subprocess.run([str(TOOL), "publish", str(data_dir)], check=True, capture_output=True)


class PlanFeed(unittest.TestCase):
    def setUp(self):
        self.feed = feedparser.parse(str(DATA / "feeds" / "plan.atom"))

    def test_is_well_formed_atom(self):
        self.assertFalse(self.feed.bozo, self.feed.get("bozo_exception"))
        self.assertEqual(self.feed.version, "atom10")
        self.assertIn(text(PLAN["plan"]["title"]), self.feed.feed.title)
        self.assertEqual(self.feed.feed.language, PLAN["plan"].get("default_language", "de"))

    def key(self, entry):
        """The key at the end of an entry's tag URI."""
        return entry.id.split(":", 2)[2].split("/", 2)[2]

    def test_has_the_newest_hundred_items_newest_first(self):
        updates, values = expected_update_items(MEASURES), newest_values(INDICATORS)
        self.assertGreater(len(updates) + len(values), MAX_ENTRIES, "the example has more")
        self.assertEqual([self.key(e) for e in self.feed.entries], in_feed(updates, values))

    def test_updates_and_status_changes_link_their_measure(self):
        entries = {self.key(e): e for e in self.feed.entries}
        checked = 0
        for key, m, change, _ in expected_update_items(MEASURES):
            entry = entries.get(key)
            if entry is None:
                continue
            checked += 1
            self.assertEqual(entry.link, f"{SITE}#/massnahme/{m['id']}")
            self.assertIn(text(m["title"]), entry.title)
            self.assertEqual(entry.tags[0].term, "status-change" if change else "update", key)
        self.assertGreater(checked, 0)

    def test_values_link_their_indicator(self):
        entries = {self.key(e): e for e in self.feed.entries}
        for key, ind, _ in newest_values(INDICATORS):
            entry = entries[key]
            self.assertEqual(entry.link, f"{SITE}#/indikator/{ind['id']}")
            self.assertEqual(entry.tags[0].term, "new-value")
            self.assertEqual(entry.updated[:10], PLAN["plan"]["as_of"])

    def test_is_discoverable_from_the_dashboard(self):
        self_link = next(l.href for l in self.feed.feed.links if l.rel == "self")
        self.assertEqual(self_link, f"{SITE}{CONFIG.get('data', 'data/')}feeds/plan.atom")
        html = (ROOT / "index.html").read_text(encoding="utf-8")
        self.assertIn('type="application/atom+xml" href="data/feeds/plan.atom"', html)


class FieldFeeds(unittest.TestCase):
    def test_each_field_gets_exactly_its_measures_and_indicators(self):
        updates = expected_update_items(MEASURES)
        values = newest_values(INDICATORS)
        for field in PLAN["fields"]:
            feed = feedparser.parse(str(DATA / "feeds" / f"field-{field['id']}.atom"))
            self.assertFalse(feed.bozo, field["id"])
            mine_u = [u for u in updates if field["id"] in fields_of(u[1].get("goals", []))]
            mine_v = [v for v in values if field["id"] in fields_of(v[1].get("goals", []))]
            keys = [e.id.split(":", 2)[2].split("/", 2)[2] for e in feed.entries]
            self.assertEqual(keys, in_feed(mine_u, mine_v), field["id"])
            self.assertEqual(feed.feed.link, f"{SITE}#/handlungsfeld/{field['id']}")


class Calendar(unittest.TestCase):
    def setUp(self):
        raw = (DATA / "feeds" / "plan.ics").read_bytes()
        self.cal = icalendar.Calendar.from_ical(raw)
        self.events = {str(e["UID"]): e for e in self.cal.walk("VEVENT")}

    def test_has_every_milestone_on_its_date(self):
        for m in MEASURES:
            seen = {}
            for ms in m.get("milestones", []):
                seen[ms["date"]] = seen.get(ms["date"], 0) + 1
                uid = next(u for u in self.events if u.startswith(f"milestone-{m['id']}-{ms['date']}-{seen[ms['date']]}@"))
                event = self.events[uid]
                parts = [int(p) for p in ms["date"].split("-")] + [1, 1]
                self.assertEqual(event.decoded("DTSTART"), datetime.date(*parts[:3]))
                self.assertIn(text(ms["title"]), str(event["SUMMARY"]))
                self.assertEqual(str(event["URL"]), f"{SITE}#/massnahme/{m['id']}")

    def test_has_every_council_report(self):
        for r in PLAN.get("reports", []):
            event = self.events[next(u for u in self.events if u.startswith(f"report-{r['date']}@"))]
            self.assertEqual(event.decoded("DTSTART"), datetime.date.fromisoformat(r["date"]))
            self.assertEqual(str(event["SUMMARY"]), text(r["title"]))

    def test_has_nothing_else(self):
        milestones = sum(len(m.get("milestones", [])) for m in MEASURES)
        self.assertEqual(len(self.events), milestones + len(PLAN.get("reports", [])))


class StableIds(unittest.TestCase):
    """A reader sees each item once: publishing new data keeps the ids of the old items."""

    def test_a_new_status_is_one_new_item_and_every_old_id_stays(self):
        with tempfile.TemporaryDirectory() as tmp:
            site = pathlib.Path(tmp)
            shutil.copytree(DATA, site / "data")
            shutil.copy(PUBLIC / "config.json", site / "config.json")
            before = [e.id for e in feedparser.parse(str(site / "data/feeds/plan.atom")).entries]
            measures = load("measures.json", site / "data")
            m = next(m for m in measures["measures"] if m["status"] != "delayed")
            m.setdefault("updates", []).append({"date": "2026-11-30", "status": "delayed", "text": "Verzögert"})
            m["status"] = "delayed"
            (site / "data/measures.json").write_text(json.dumps(measures, ensure_ascii=False), encoding="utf-8")
            publish(site / "data")
            after = feedparser.parse(str(site / "data/feeds/plan.atom")).entries
            # The newest item comes first; the oldest leaves the hundred; every other id stays.
            self.assertEqual([e.id for e in after[1:]], before[:MAX_ENTRIES - 1])
            new = [e for e in after if e.id not in before]
            self.assertEqual(len(new), 1)
            self.assertEqual(new[0].link, f"{SITE}#/massnahme/{m['id']}")
            had_status = [u.get("status") for u in m["updates"][:-1] if u.get("status")]
            want = "status-change" if had_status and had_status[-1] != "delayed" else "update"
            self.assertEqual(new[0].tags[0].term, want)


class DataPackage(unittest.TestCase):
    def test_frictionless_finds_the_package_valid(self):
        report = frictionless.validate(str(DATA / "open-data" / "datapackage.json"))
        self.assertTrue(report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"]))

    def test_the_frictionless_command_finds_it_valid_too(self):
        tool = pathlib.Path(frictionless.__file__).parents[4] / "bin" / "frictionless"
        run = subprocess.run([str(tool), "validate", str(DATA / "open-data" / "datapackage.json")],
                             capture_output=True, text=True)
        self.assertEqual(run.returncode, 0, run.stdout + run.stderr)

    def test_values_hold_every_observation_with_its_flag(self):
        package = frictionless.Package(str(DATA / "open-data" / "datapackage.json"))
        rows = package.get_resource("values").read_rows()
        want = [
            (i["id"], s["id"], o["period"], o.get("value"), o.get("flag"))
            for i in INDICATORS for s in i.get("series", []) for o in s.get("observations", [])
        ]
        got = [(r["indicator_id"], r["series_id"], r["period"],
                float(r["value"]) if r["value"] is not None else None, r["flag"]) for r in rows]
        self.assertEqual(got, [(a, b, c, float(d) if d is not None else None, e) for a, b, c, d, e in want])

    def test_measures_milestones_and_updates_are_complete(self):
        package = frictionless.Package(str(DATA / "open-data" / "datapackage.json"))
        ids = [r["id"] for r in package.get_resource("measures").read_rows()]
        self.assertEqual(ids, [m["id"] for m in MEASURES])
        self.assertEqual(len(package.get_resource("milestones").read_rows()),
                         sum(len(m.get("milestones", [])) for m in MEASURES))
        self.assertEqual(len(package.get_resource("updates").read_rows()),
                         sum(len(m.get("updates", [])) for m in MEASURES))
        papers = [(r["measure_id"], r["report_date"], r["reference"])
                  for r in package.get_resource("papers").read_rows()]
        self.assertEqual(papers,
                         [(m["id"], None, p["reference"]) for m in MEASURES for p in m.get("papers", [])]
                         + [(None, r["date"], p["reference"])
                            for r in PLAN.get("reports", []) for p in r.get("papers", [])])
        ratings = package.get_resource("ratings").read_rows()
        self.assertEqual({r["indicator_id"] for r in ratings if r["subject"] == "level"},
                         {i["id"] for i in INDICATORS})
        self.assertEqual({r["indicator_id"] for r in ratings if r["subject"] == "gap"},
                         {i["id"] for i in INDICATORS if i.get("gap")})


class DcatRecord(unittest.TestCase):
    def setUp(self):
        self.g = rdflib.Graph()
        with warnings.catch_warnings():
            # rdflib warns about its own use of a deprecated class while parsing JSON-LD.
            warnings.simplefilter("ignore", DeprecationWarning)
            self.g.parse(str(DATA / "open-data" / "dcat.jsonld"), format="json-ld")
        self.DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
        self.DCT = rdflib.Namespace("http://purl.org/dc/terms/")
        self.DCATDE = rdflib.Namespace("http://dcat-ap.de/def/dcatde/")
        self.ds = next(self.g.subjects(rdflib.RDF.type, self.DCAT.Dataset))

    def test_describes_the_plan_with_licence_and_coverage(self):
        self.assertEqual(str(self.g.value(self.ds, self.DCT.title)), text(PLAN["plan"]["title"]))
        self.assertEqual(str(self.g.value(self.ds, self.DCT.license)),
                         "http://dcat-ap.de/def/licenses/" + CONFIG["licence"]["id"])
        self.assertTrue(str(self.g.value(self.ds, self.DCATDE.politicalGeocodingURI))
                        .endswith("/municipalityKey/" + CONFIG["municipality_key"]))
        temporal = self.g.value(self.ds, self.DCT.temporal)
        start = self.g.value(temporal, self.DCAT.startDate).toPython()
        self.assertEqual(start.year, int(str(PLAN["plan"]["period"]["from"])[:4]))
        publisher = self.g.value(self.ds, self.DCT.publisher)
        self.assertEqual(str(self.g.value(publisher, rdflib.FOAF.name)), text(PLAN["plan"]["publisher"]))

    def test_has_one_distribution_per_published_file(self):
        files = sorted(str(p.relative_to(DATA)) for d in ("feeds", "open-data")
                       for p in (DATA / d).iterdir() if p.name != "dcat.jsonld")
        urls = sorted(str(self.g.value(d, self.DCAT.downloadURL))
                      for d in self.g.objects(self.ds, self.DCAT.distribution))
        self.assertEqual(urls, [f"{SITE}{CONFIG.get('data', 'data/')}{f}" for f in files])


if __name__ == "__main__":
    unittest.main()
