#!/usr/bin/env python3
"""Writes a large, valid, made-up plan for scale tests and the benchmark.

    scripts/gen-large-plan.py OUT_DIR [--measures 2000] [--indicators 300] [--seed 4]

OUT_DIR gets plan.json, measures.json and indicators.json (data contract wegmarke/1). The same
arguments always give the same files (a fixed seed), so measurements can be compared between
runs. Check the result with `cargo run -q -p wegmarke-cli -- validate OUT_DIR` (exit 0).
"""
import argparse
import json
import pathlib
import random

FIELDS = [
    ("sprache", "Sprache", "Language"), ("bildung", "Bildung", "Education"), ("arbeit", "Arbeit", "Work"),
    ("wohnen", "Wohnen", "Housing"), ("werte", "Werte, Regeln, Normen", "Values, rules, norms"),
    ("gesundheit", "Gesundheit", "Health"), ("teilhabe", "Zusammenleben und Teilhabe", "Living together"),
    ("partizipation", "Politische Partizipation", "Political participation"),
    ("verwaltung", "Interkulturelle Öffnung der Verwaltung", "Intercultural opening of the administration"),
    ("antidiskriminierung", "Antidiskriminierung", "Anti-discrimination"),
    ("einbuergerung", "Einbürgerung", "Naturalisation"), ("sport", "Sport und Kultur", "Sport and culture"),
]
ACTOR_KINDS = ["city", "public", "education", "welfare", "migrant_org", "civil", "business", "other"]
STATUSES = ["planned", "preparing", "on_track", "on_track", "on_track", "delayed", "completed", "continued", "paused", "dropped"]
NOUNS = ["Sprachkurs", "Beratung", "Lotsenprogramm", "Elterncafé", "Mentoring", "Ausbildungsbörse", "Sprechstunde",
         "Begegnungsfest", "Fortbildung", "Wohnraumbörse", "Frauentreff", "Hausaufgabenhilfe", "Kulturdolmetscher",
         "Jobcoaching", "Gesundheitslotsen", "Sportangebot", "Willkommenspaket", "Integrationsbeirat", "Patenschaft"]
GROUPS = ["Geflüchtete", "Eltern", "Jugendliche", "Frauen", "Seniorinnen und Senioren", "Neuzugewanderte", "Fachkräfte"]
DISTRICTS = ["Innenstadt", "Bodenfeld", "Jebenhausen", "Faurndau", "Holzheim", "Bartenbach", "Bezgenriet", "Ursenwang"]
PLACES = ["in der Innenstadt", "im Stadtteilzentrum", "an Schulen", "in Kitas", "im Rathaus", "online", "in Vereinen"]


def date(rng, y0=2024, y1=2030):
    y = rng.randint(y0, y1)
    m = rng.randint(1, 12)
    return f"{y}-{m:02d}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--measures", type=int, default=2000)
    ap.add_argument("--indicators", type=int, default=300)
    ap.add_argument("--seed", type=int, default=4)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    fields = [{"id": fid, "title": {"de": de, "en": en}, "order": i + 1,
               "description": {"de": f"Alles, was die Stadt im Handlungsfeld {de} tut.", "en": f"What the city does for {en.lower()}."}}
              for i, (fid, de, en) in enumerate(FIELDS)]
    goals = []
    for f in fields:
        for k in range(1, 11):
            goals.append({"id": f"{f['id']}-{k}", "field": f["id"], "target_year": rng.choice([2027, 2028, 2030]),
                          "title": {"de": f"{f['title']['de']}: Ziel {k}", "en": f"{f['title']['en']}: goal {k}"},
                          "indicators": []})
    actors = [{"id": f"akteur-{n}", "name": f"{rng.choice(['Verein', 'Amt', 'Initiative', 'Beratungsstelle', 'Schule'])} {n}",
               "kind": ACTOR_KINDS[n % len(ACTOR_KINDS)], "url": f"https://www.example.org/akteur/{n}"} for n in range(1, 81)]

    indicators = []
    for n in range(1, args.indicators + 1):
        goal = goals[(n * 7) % len(goals)]
        goal["indicators"].append(f"I-{n}")
        base = round(rng.uniform(5, 80), 1)
        direction = rng.choice(["up", "down", "none"])
        series = []
        for s in range(rng.randint(1, 3)):
            value = base + s * 3
            obs = []
            for year in range(2016, 2026):
                value = round(max(0.0, value + rng.uniform(-2, 2)), 1)
                o = {"period": str(year), "value": value}
                if year == 2025 and rng.random() < 0.2:
                    o["flag"] = "provisional"
                obs.append(o)
            series.append({"id": f"s{s}", "label": {"de": f"Gruppe {s + 1}", "en": f"Group {s + 1}"}, "observations": obs})
        ind = {"id": f"I-{n}", "goals": [goal["id"]],
               "title": {"de": f"Indikator {n}: Quote {rng.choice(NOUNS)}", "en": f"Indicator {n}: rate"},
               "definition": {"de": "Anteil in Prozent, Jahresdurchschnitt (Beispieldaten).", "en": "Share in percent (example data)."},
               "unit": "%", "decimals": 1, "kind": rng.choice(["outcome", "output", "context"]), "direction": direction,
               "baseline": {"period": "2019", "value": base},
               "source": {"name": "Statistikstelle (Beispiel)", "url": "https://www.example.org/statistik"},
               "frequency": "yearly", "next_update": "2027-06", "series": series}
        if direction != "none":
            ind["target"] = {"period": "2030", "value": round(base * (1.2 if direction == "up" else 0.8), 1), "series": "s0"}
        indicators.append(ind)

    measures = []
    for n in range(1, args.measures + 1):
        goal = goals[rng.randrange(len(goals))]
        status = rng.choice(STATUSES)
        start = date(rng, 2024, 2027)
        end_year = int(start[:4]) + rng.randint(0, 3)
        noun = rng.choice(NOUNS)
        m = {"id": f"M-{n}", "goals": [goal["id"]],
             "title": {"de": f"{noun} {rng.choice(PLACES)} ({n})", "en": f"Measure {n}"},
             "summary": {"de": f"{noun} für {rng.choice(GROUPS)} {rng.choice(PLACES)}; Beispieldaten.",
                         "en": f"Example measure {n} for {goal['id']}."},
             "status": status, "start": start, "end": f"{end_year}-12", "weight": rng.choice([1, 1, 1, 2, 3]),
             "lead": rng.choice(actors)["id"], "partners": sorted({rng.choice(actors)["id"] for _ in range(rng.randint(0, 3))}),
             "target_groups": rng.sample(GROUPS, rng.randint(1, 3)), "districts": rng.sample(DISTRICTS, rng.randint(0, 2)),
             "updates": [{"date": "2026-03-01", "status": status, "text": "Stand der Umsetzung (Beispiel)."}]}
        if status not in ("completed", "continued", "planned"):
            m["progress"] = rng.randint(0, 95)
        if status in ("delayed", "dropped", "paused"):
            m["status_note"] = {"de": "Verzögerung wegen fehlender Räume (Beispiel).", "en": "Delayed: no rooms (example)."}
        if goal["indicators"] and rng.random() < 0.3:
            m["indicators"] = [goal["indicators"][0]]
        if rng.random() < 0.3:
            m["budget"] = {"amount": rng.randrange(1000, 200000, 500), "currency": "EUR"}
        if rng.random() < 0.2:
            m["links"] = [{"title": "Mehr dazu", "url": f"https://www.example.org/massnahme/{n}"}]
        measures.append(m)

    plan = {"format": "wegmarke/1",
            "plan": {"title": {"de": "Großer Beispielplan", "en": "Large example plan"},
                     "subtitle": {"de": "Erzeugte Testdaten – Werte frei erfunden", "en": "Generated test data – values invented"},
                     "publisher": "Wegmarke (Testdaten)", "period": {"from": "2024", "to": "2030"}, "as_of": "2026-10-31",
                     "default_language": "de"},
            "fields": fields, "goals": goals, "actors": actors, "reports": []}
    for name, doc in [("plan.json", plan), ("measures.json", {"format": "wegmarke/1", "measures": measures}),
                      ("indicators.json", {"format": "wegmarke/1", "indicators": indicators})]:
        (out / name).write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{out}: {len(fields)} fields, {len(goals)} goals, {len(actors)} actors, "
          f"{len(measures)} measures, {len(indicators)} indicators")


if __name__ == "__main__":
    main()
