//! Paths from the data stay inside their folder, links are plain http(s), mailto or tel, and
//! config.json's `languages`, `data` and `licence` are what the docs say: each refused value is
//! a located problem naming it, and is not in the validated data.

mod common;

use common::{check, pretty};
use serde_json::{json, Value};
use wegmarke_core::problem::{LinkFault, PathFault};
use wegmarke_core::validate::{check_email, check_link, check_path, check_phone, PathUse};
use wegmarke_core::{
    validate, validate_config, validate_config_quick, validate_quick, Config, Dataset, Input,
    Inputs, Problem, ProblemKind,
};

/// Paths a data file could use to leave the folder or reach another host, and why each fails.
const BAD_PATHS: &[(&str, PathFault)] = &[
    ("", PathFault::Empty),
    (".", PathFault::Empty),
    ("./", PathFault::Empty),
    (" reports/2026/", PathFault::Whitespace),
    ("reports/2026/ ", PathFault::Whitespace),
    ("reports/\t2026/", PathFault::Whitespace),
    ("reports/\n2026/", PathFault::Whitespace),
    ("reports/2026\u{0}/", PathFault::Whitespace),
    ("reports/\u{202e}6202/", PathFault::Whitespace),
    ("reports\\2026\\", PathFault::Backslash),
    ("..", PathFault::Outside),
    ("../", PathFault::Outside),
    ("../../../etc/", PathFault::Outside),
    ("reports/../../x/", PathFault::Outside),
    ("%2e%2e/", PathFault::Outside),
    ("%2E%2E/x/", PathFault::Outside),
    ("%2e./x/", PathFault::Outside),
    (".%2E/x/", PathFault::Outside),
    ("reports/%2e%2e/%2e%2e/x/", PathFault::Outside),
    ("..\\x\\", PathFault::Outside),
    ("/reports/", PathFault::Outside),
    ("/app/data/reports/", PathFault::Outside),
    ("\\reports\\", PathFault::Outside),
    ("//evil.example/reports/", PathFault::OtherHost),
    ("/\\evil.example/reports/", PathFault::OtherHost),
    ("\\\\evil.example\\reports\\", PathFault::OtherHost),
    ("\\/evil.example/", PathFault::OtherHost),
    ("https://evil.example/reports/", PathFault::Scheme),
    ("HTTPS://evil.example/", PathFault::Scheme),
    ("https:evil/", PathFault::Scheme),
    ("http:\\\\evil.example\\", PathFault::Scheme),
    ("javascript:alert(1)", PathFault::Scheme),
    ("JaVaScRiPt:alert(1)", PathFault::Scheme),
    (
        "data:image/svg+xml,<svg onload=alert(1)>",
        PathFault::Scheme,
    ),
    ("C:\\Berichte\\", PathFault::Scheme),
    ("file:///etc/passwd", PathFault::Scheme),
    ("..%2f..%2fetc/", PathFault::Encoded),
    ("reports%2f..%2f..%2f/", PathFault::Encoded),
    ("reports/..%5c..%5c/", PathFault::Encoded),
    ("reports/%2e%2e%2f/", PathFault::Encoded),
    ("reports/%0a/", PathFault::Encoded),
    ("reports/?x=1", PathFault::QueryOrFragment),
    ("reports/#top", PathFault::QueryOrFragment),
];

/// Paths that stay inside and are written plainly.
const GOOD_PATHS: &[&str] = &[
    "reports/2026-05-12/",
    "reports/2026-05-12",
    "./reports/2026-05-12/",
    "reports/alt/../2026-05-12/",
    "reports/Bericht Mai/",
    "reports/März/",
    "reports/M%C3%A4rz/",
];

#[test]
fn every_trick_path_is_refused_for_the_reason_it_fails() {
    for (path, fault) in BAD_PATHS {
        assert_eq!(
            check_path(path, PathUse::Folder).err(),
            Some(*fault),
            "{path:?}"
        );
    }
    for path in GOOD_PATHS {
        assert!(check_path(path, PathUse::Folder).is_ok(), "{path:?}");
    }
}

#[test]
fn a_logo_names_a_file_not_a_folder() {
    assert_eq!(
        check_path("logo.svg", PathUse::File),
        Ok(vec!["logo.svg".to_owned()])
    );
    assert_eq!(check_path("bilder/", PathUse::File), Err(PathFault::Empty));
    assert_eq!(
        check_path("bilder/", PathUse::Folder),
        Ok(vec!["bilder".to_owned()])
    );
}

fn config(v: Value) -> (Config, Vec<Problem>) {
    let text = serde_json::to_string_pretty(&v).unwrap();
    validate_config(&Input::Bytes(text.as_bytes()))
}

fn only(problems: &[Problem]) -> &Problem {
    assert_eq!(problems.len(), 1, "{problems:#?}");
    &problems[0]
}

#[test]
fn a_bad_logo_is_a_located_problem_and_not_used() {
    for (logo, fault) in BAD_PATHS.iter().filter(|(p, _)| !p.is_empty()) {
        let (c, problems) = config(json!({"theme": {"logo": logo}}));
        let p = only(&problems);
        assert_eq!(p.path.to_string(), "theme.logo", "{logo:?}");
        assert_eq!(p.file, "config.json");
        assert!(p.line.is_some(), "{logo:?}: located");
        assert_eq!(
            p.kind,
            ProblemKind::BadPath {
                path: logo.to_string(),
                fault: *fault
            }
        );
        assert_eq!(c.theme.and_then(|t| t.logo), None, "{logo:?}");
    }
    let (c, problems) = config(json!({"theme": {"logo": "bilder/logo.svg"}}));
    assert!(problems.is_empty());
    assert_eq!(
        c.theme.and_then(|t| t.logo).as_deref(),
        Some("bilder/logo.svg")
    );
}

fn plan_with(report_path: &str, contact: Value) -> Value {
    json!({
        "format": "wegmarke/1",
        "plan": {"title": "Plan", "contact": contact},
        "reports": [{"date": "2026-05-12", "title": "Bericht", "path": report_path}]
    })
}

fn check_plan(plan: &Value) -> Dataset {
    let measures = r#"{"format": "wegmarke/1", "measures": []}"#;
    let indicators = r#"{"format": "wegmarke/1", "indicators": []}"#;
    check(&pretty(plan), measures, indicators)
}

#[test]
fn a_bad_report_path_is_a_located_problem_and_the_report_has_no_snapshot() {
    for (path, fault) in BAD_PATHS {
        let ds = check_plan(&plan_with(path, json!({})));
        let p = only(&ds.problems);
        assert_eq!(p.location().split(": ").last(), Some("reports[0].path"));
        assert_eq!(
            p.kind,
            ProblemKind::BadPath {
                path: path.to_string(),
                fault: *fault
            }
        );
        let report = &ds.plan.as_ref().unwrap().reports[0];
        assert_eq!(report.path, None, "{path:?}");
        assert_eq!(wegmarke_core::changes::snapshot_prefix(report), None);
    }
}

#[test]
fn messages_name_the_value_clipped_and_escaped_in_both_languages() {
    let long = format!("../{}", "x".repeat(500));
    let (_, problems) = config(json!({"theme": {"logo": long}}));
    let de = problems[0].message("de");
    let en = problems[0].message("en");
    assert!(de.starts_with("unzulässiger Pfad \"../xxx"), "{de}");
    assert!(de.contains("führt aus dem Ordner hinaus"), "{de}");
    assert!(en.contains("leads out of the folder"), "{en}");
    assert!(de.chars().count() < 300, "{de}");

    let (_, problems) = config(json!({"theme": {"logo": "logo\u{1b}[2J.svg"}}));
    let de = problems[0].message("de");
    assert!(!de.contains('\u{1b}'), "{de:?}");
    assert!(de.contains("logo\\u{1b}[2J.svg"), "{de}");
}

/// Links and whether they may be shown.
const LINKS: &[(&str, Result<(), LinkFault>)] = &[
    ("https://www.example.org/impressum", Ok(())),
    ("http://example.org", Ok(())),
    ("HTTPS://Example.org/A?b=c#d", Ok(())),
    ("https://www.göppingen.de/", Ok(())),
    ("https://example.org:8443/x", Ok(())),
    ("mailto:integration@example.org", Ok(())),
    ("MAILTO:a.b+c@stadt.example.de", Ok(())),
    (
        "mailto:barrierefreiheit@example.org?subject=Barriere%20melden",
        Ok(()),
    ),
    ("mailto:a@example.org?SUBJECT=x", Ok(())),
    ("tel:+49 7161 000-000", Ok(())),
    ("tel:(07161) 000/000", Ok(())),
    ("javascript:alert(1)", Err(LinkFault::Scheme)),
    ("JaVaScRiPt:alert(1)", Err(LinkFault::Scheme)),
    ("  javascript:alert(1)", Err(LinkFault::Whitespace)),
    ("java\tscript:alert(1)", Err(LinkFault::Whitespace)),
    ("java\nscript:alert(1)", Err(LinkFault::Whitespace)),
    ("\u{0}javascript:alert(1)", Err(LinkFault::Whitespace)),
    ("vbscript:x", Err(LinkFault::Scheme)),
    ("data:text/html,<script>", Err(LinkFault::Scheme)),
    ("ftp://example.org/", Err(LinkFault::Scheme)),
    ("www.example.org", Err(LinkFault::Scheme)),
    ("//example.org/", Err(LinkFault::Scheme)),
    ("/impressum", Err(LinkFault::Scheme)),
    ("", Err(LinkFault::Scheme)),
    (" https://example.org", Err(LinkFault::Whitespace)),
    ("https://example.org ", Err(LinkFault::Whitespace)),
    ("https://example.org/a b", Err(LinkFault::Whitespace)),
    ("https://example.org/\n<script>", Err(LinkFault::Whitespace)),
    (
        "https://example.org/\u{202e}fdp.exe",
        Err(LinkFault::Whitespace),
    ),
    ("https://exa\u{200b}mple.org/", Err(LinkFault::Whitespace)),
    ("https://user:pw@example.org/", Err(LinkFault::Credentials)),
    ("https://user@example.org/", Err(LinkFault::Credentials)),
    (
        "https://example.org@evil.example/",
        Err(LinkFault::Credentials),
    ),
    ("https:example.org", Err(LinkFault::Host)),
    ("https:/example.org", Err(LinkFault::Host)),
    ("https:\\\\evil.example", Err(LinkFault::Host)),
    ("https://evil.example\\@example.org/", Err(LinkFault::Host)),
    ("https:///example.org", Err(LinkFault::Host)),
    ("https://", Err(LinkFault::Host)),
    ("https://exa_mple.org/", Err(LinkFault::Host)),
    ("https://example.org:http/", Err(LinkFault::Host)),
    ("https://[::1]/", Err(LinkFault::Host)),
    ("https://example%2eorg/", Err(LinkFault::Host)),
    ("mailto:", Err(LinkFault::MailAddress)),
    ("mailto:integration", Err(LinkFault::MailAddress)),
    ("mailto:a@b@example.org", Err(LinkFault::MailAddress)),
    (
        "mailto:a@example.org,b@example.org",
        Err(LinkFault::MailAddress),
    ),
    ("mailto:a%40example.org", Err(LinkFault::MailAddress)),
    ("mailto:?to=a@example.org", Err(LinkFault::MailAddress)),
    ("mailto:a@localhost", Err(LinkFault::MailAddress)),
    (
        "mailto:a@example.org?bcc=spy@evil.example",
        Err(LinkFault::MailQuery),
    ),
    (
        "mailto:a@example.org?cc=spy@evil.example",
        Err(LinkFault::MailQuery),
    ),
    (
        "mailto:a@example.org?body=Bitte%20klicken",
        Err(LinkFault::MailQuery),
    ),
    (
        "mailto:a@example.org?subject=x&bcc=spy@evil.example",
        Err(LinkFault::MailQuery),
    ),
    (
        "mailto:a@example.org?subject=x?bcc=spy@evil.example",
        Err(LinkFault::MailQuery),
    ),
    ("mailto:a@example.org?subject=", Err(LinkFault::MailQuery)),
    (
        "mailto:a@example.org?%62cc=spy@evil.example",
        Err(LinkFault::MailQuery),
    ),
    ("mailto:a@example.org#x", Err(LinkFault::MailAddress)),
    (
        "mailto:a@example.org?subject=a b",
        Err(LinkFault::Whitespace),
    ),
    ("tel:07161 000-000", Ok(())),
    ("tel:", Err(LinkFault::Phone)),
    ("tel:12", Err(LinkFault::Phone)),
    ("tel:+49 7161 000-000 ", Err(LinkFault::Whitespace)),
    ("tel:+49\t7161", Err(LinkFault::Whitespace)),
    ("tel:0800*123#", Err(LinkFault::Phone)),
    ("tel:49+7161", Err(LinkFault::Phone)),
    ("tel:+49;ext=1", Err(LinkFault::Phone)),
];

#[test]
fn links_follow_one_rule() {
    for (url, want) in LINKS {
        assert_eq!(check_link(url), *want, "{url:?}");
    }
    let long = format!("https://example.org/{}", "a".repeat(2_000));
    assert_eq!(check_link(&long), Err(LinkFault::TooLong));
    let just = format!("https://example.org/{}", "a".repeat(2_000 - 20));
    assert_eq!(just.chars().count(), 2_000);
    assert_eq!(check_link(&just), Ok(()));
}

#[test]
fn contact_email_is_one_plain_address_and_phone_a_number() {
    assert_eq!(check_email("integration@example.org"), Ok(()));
    assert_eq!(
        check_email("integration@example.org?subject=x"),
        Err(LinkFault::MailQuery)
    );
    assert_eq!(
        check_email("a@example.org?bcc=spy@evil.example"),
        Err(LinkFault::MailQuery)
    );
    assert_eq!(
        check_email("a@example.org, b@example.org"),
        Err(LinkFault::Whitespace)
    );
    assert_eq!(
        check_email("mailto:a@example.org"),
        Err(LinkFault::MailAddress)
    );
    assert_eq!(check_phone("07161 000-000"), Ok(()));
    assert_eq!(check_phone("+49 (7161) 000/000"), Ok(()));
    assert_eq!(check_phone("07161 000-000 (Mo–Fr)"), Err(LinkFault::Phone));
}

/// Every link field of the contract, with the path its problem names.
#[test]
fn every_link_field_uses_the_one_check() {
    let bad = "https://user:pw@example.org/";
    let plan = json!({
        "format": "wegmarke/1",
        "plan": {"title": "Plan", "contact": {"url": bad, "email": "a@example.org?bcc=spy@evil.example", "phone": "javascript:x"}},
        "actors": [{"id": "vhs", "name": "VHS", "url": bad}]
    });
    let measures = json!({"format": "wegmarke/1", "measures": [
        {"id": "M-1", "title": "M", "status": "planned", "links": [{"title": "x", "url": bad}]}
    ]});
    let indicators = json!({"format": "wegmarke/1", "indicators": [
        {"id": "I-1", "title": "I", "source": {"name": "Amt", "url": bad}}
    ]});
    let [p, m, i] = [plan, measures, indicators].map(|v| serde_json::to_string(&v).unwrap());
    let ds = check(&p, &m, &i);
    let found: Vec<(String, Option<LinkFault>)> = ds
        .problems
        .iter()
        .map(|p| {
            let fault = match &p.kind {
                ProblemKind::BadLink { fault, .. } => Some(*fault),
                _ => None,
            };
            (format!("{}: {}", p.file, p.path), fault)
        })
        .collect();
    let want = [
        ("plan.json: plan.contact.url", LinkFault::Credentials),
        ("plan.json: plan.contact.email", LinkFault::MailQuery),
        ("plan.json: plan.contact.phone", LinkFault::Phone),
        ("plan.json: actors[0].url", LinkFault::Credentials),
        (
            "measures.json: measures[0].links[0].url",
            LinkFault::Credentials,
        ),
        (
            "indicators.json: indicators[0].source.url",
            LinkFault::Credentials,
        ),
    ]
    .map(|(p, f)| (p.to_owned(), Some(f)));
    assert_eq!(found, want);
    let contact = ds.plan.as_ref().unwrap().plan.contact.as_ref().unwrap();
    assert_eq!(
        (&contact.url, &contact.email, &contact.phone),
        (&None, &None, &None)
    );
    assert!(ds.measures()[0].links.is_empty());
    assert_eq!(ds.indicators()[0].source.as_ref().unwrap().url, None);

    let (c, problems) = config(json!({"links": {
        "imprint": bad, "privacy": "https://example.org/ datenschutz",
        "accessibility_feedback": "mailto:a@example.org?body=x"
    }}));
    let found: Vec<String> = problems.iter().map(|p| p.path.to_string()).collect();
    assert_eq!(
        found,
        [
            "links.imprint",
            "links.privacy",
            "links.accessibility_feedback"
        ]
    );
    assert_eq!(c.links.unwrap_or_default().imprint, None);
}

#[test]
fn languages_keep_built_in_tags_in_order_and_german_stays() {
    let (c, problems) = config(json!({"languages": ["en", "xx", "tr", "en", "DE"]}));
    let found: Vec<String> = problems.iter().map(|p| p.location()).collect();
    assert_eq!(
        found,
        [
            "config.json:4:5: languages[1]",
            "config.json:7:5: languages[4]"
        ]
    );
    assert_eq!(
        problems[0].kind,
        ProblemKind::UnknownLanguage { tag: "xx".into() }
    );
    assert!(problems[0].message("de").contains("\"xx\""));
    assert!(problems[0].message("en").contains("de, en, tr, ar, uk"));
    assert_eq!(c.languages, ["en", "tr"]);
    let offered: Vec<&str> = c.offered_languages().iter().map(|l| l.tag).collect();
    assert_eq!(offered, ["en", "tr", "de"]);

    let (c, problems) = config(json!({"languages": ["uk", "de"]}));
    assert!(problems.is_empty());
    let offered: Vec<&str> = c.offered_languages().iter().map(|l| l.tag).collect();
    assert_eq!(offered, ["uk", "de"]);

    for v in [
        json!({}),
        json!({"languages": []}),
        json!({"languages": ["xx"]}),
    ] {
        let (c, _) = config(v);
        assert_eq!(c.offered_languages().len(), 5);
    }
}

#[test]
fn the_data_folder_is_a_site_path_or_a_web_address() {
    for ok in [
        "data/",
        "../daten/",
        "/daten/",
        "https://daten.example.org/integration/",
    ] {
        let (c, problems) = config(json!({"data": ok}));
        assert!(problems.is_empty(), "{ok}: {problems:?}");
        assert_eq!(c.data.as_deref(), Some(ok));
    }
    for bad in [
        "javascript:alert(1)",
        "//evil.example/data/",
        " data/",
        "data\\",
        "https://user:pw@example.org/data/",
        "data/?x",
        "",
    ] {
        let (c, problems) = config(json!({"data": bad}));
        let p = only(&problems);
        assert_eq!(p.path.to_string(), "data", "{bad:?}");
        assert!(
            matches!(
                p.kind,
                ProblemKind::BadLink { .. } | ProblemKind::BadPath { .. }
            ),
            "{bad:?}"
        );
        assert_eq!(c.data, None, "{bad:?}: the default folder is used");
    }
}

#[test]
fn the_licence_is_typed_and_its_link_checked() {
    let (c, problems) = config(json!({"licence": {
        "name": {"de": "Datenlizenz Deutschland – Namensnennung – Version 2.0", "en": "Data licence Germany – attribution – version 2.0"},
        "url": "https://www.govdata.de/dl-de/by-2-0",
        "id": "dl-by-de/2.0"
    }}));
    assert!(problems.is_empty(), "{problems:?}");
    let l = c.licence.unwrap();
    assert_eq!(l.id.as_deref(), Some("dl-by-de/2.0"));
    assert_eq!(
        l.name.resolve("en", "de"),
        "Data licence Germany – attribution – version 2.0"
    );

    let (c, problems) = config(json!({"licence": {
        "name": "CC BY 4.0", "url": "javascript:alert(1)", "id": "cc by 4.0"
    }}));
    let found: Vec<String> = problems.iter().map(|p| p.path.to_string()).collect();
    assert_eq!(found, ["licence.url", "licence.id"]);
    assert!(matches!(
        problems[1].kind,
        ProblemKind::InvalidLicenceId { .. }
    ));
    let l = c.licence.unwrap();
    assert_eq!((l.url, l.id), (None, None));

    let (c, problems) = config(json!({"licence": {"name": " ", "url": "https://example.org/"}}));
    assert_eq!(only(&problems).path.to_string(), "licence.name");
    assert_eq!(c.licence, None, "a licence without a name is not shown");
}

/// Paths and data folders that are plain or nearly so, beside the good and bad ones above: the
/// quick check must decide these exactly or leave them to the located one.
const MORE_PATHS: &[&str] = &[
    "logo.svg",
    "bilder/logo.svg",
    "bilder/",
    "bilder//logo.svg",
    "a",
    "a.b-c_d~e/",
    "...",
    ".../x",
    ".hidden/x",
    "x/.",
    "x/..",
    "x/./y",
    "/",
    "//",
    "a:b",
    "data/",
    "daten",
    "../daten/",
    "../../daten/x",
    "../data/",
    "../z/a/",
    "/daten/",
    "/app/data/",
    "/x/y/z/a",
    "/../daten/",
    "..",
    "../",
    "https://daten.example.org/integration/",
    "http://daten.example.org/",
    "https://user:pw@example.org/data/",
    "https://example.org/ data/",
    "HTTPS://daten.example.org/",
    "ftp://example.org/",
];

fn every_path() -> impl Iterator<Item = String> {
    let long = ["x/".repeat(1_000), format!("{}/", "x".repeat(1_999))];
    BAD_PATHS
        .iter()
        .map(|(p, _)| p.to_string())
        .chain(GOOD_PATHS.iter().chain(MORE_PATHS).map(|p| p.to_string()))
        .chain(LINKS.iter().map(|(l, _)| l.to_string()))
        .chain(long)
}

/// The dashboard's quick check (without the URL resolver) either gives exactly the located
/// check's result for a path, a data folder or a link, or says it is incomplete, so that the
/// located check decides.
#[test]
fn the_quick_check_decides_plain_paths_and_links_alike_or_leaves_them_to_the_located_one() {
    let mut decided = 0;
    let mut left = 0;
    for value in every_path() {
        let v = Value::String(value.clone());
        let configs = [
            json!({"theme": {"logo": v}}),
            json!({"data": v}),
            json!({"links": {"imprint": v}}),
        ];
        let plan = plan_with(&value, json!({"url": v}));
        let datasets = configs
            .iter()
            .map(|c| {
                let text = pretty(c);
                let full = validate_config(&Input::Bytes(text.as_bytes()));
                let (quick, complete) = validate_config_quick(&Input::Bytes(text.as_bytes()));
                (complete, format!("{quick:?}"), format!("{full:?}"))
            })
            .chain(std::iter::once({
                let [p, m, i] = [
                    pretty(&plan),
                    pretty(&json!({"format": "wegmarke/1", "measures": []})),
                    pretty(&json!({"format": "wegmarke/1", "indicators": []})),
                ];
                let inputs = Inputs {
                    plan: Input::Bytes(p.as_bytes()),
                    measures: Input::Bytes(m.as_bytes()),
                    indicators: Input::Bytes(i.as_bytes()),
                };
                let full = validate(&inputs, "");
                let (quick, complete) = validate_quick(&inputs, "");
                (complete, format!("{quick:?}"), format!("{full:?}"))
            }));
        for (complete, quick, full) in datasets {
            if complete {
                decided += 1;
                assert_eq!(quick, full, "{value:?}");
            } else {
                left += 1;
            }
        }
    }
    assert!(decided > 50 && left > 50, "{decided} decided, {left} left");
    // The example's own kind of values are decided quickly (no second download for them).
    let text = pretty(&json!({"data": "data/", "theme": {"logo": "bilder/logo.svg"}}));
    assert!(validate_config_quick(&Input::Bytes(text.as_bytes())).1);
    let text = pretty(&plan_with("reports/2026-05-12/", json!({})));
    let empty = |array: &str| pretty(&json!({"format": "wegmarke/1", array: []}));
    let (m, i) = (empty("measures"), empty("indicators"));
    let inputs = Inputs {
        plan: Input::Bytes(text.as_bytes()),
        measures: Input::Bytes(m.as_bytes()),
        indicators: Input::Bytes(i.as_bytes()),
    };
    assert!(validate_quick(&inputs, "").1);
}
