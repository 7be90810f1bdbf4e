//! A DCAT-AP.de record (JSON-LD) of the open-data package, for GovData and other portals that
//! harvest DCAT: title, description, publisher, contact, licence, temporal and spatial coverage
//! (the municipality key), and one distribution per file.

use serde_json::{json, Value};

use crate::{first_day, Context, File, DCAT_RECORD};

/// DCAT-AP.de's licence vocabulary: `dl-by-de/2.0` -> `http://dcat-ap.de/def/licenses/dl-by-de/2.0`.
const LICENCES: &str = "http://dcat-ap.de/def/licenses/";
const GEOCODING: &str = "http://dcat-ap.de/def/politicalGeocoding/";
const FILE_TYPES: &str = "http://publications.europa.eu/resource/authority/file-type/";
/// The EU data theme "Population and society".
const THEME: &str = "http://publications.europa.eu/resource/authority/data-theme/SOCI";

/// The record, describing `files` (the package written before it).
pub fn record(ctx: &Context, files: &[File]) -> File {
    let plan = ctx.ds.plan.as_ref().map(|p| &p.plan);
    let lang = ctx.lang();
    let literal = |s: &str| json!({ "@value": s, "@language": lang });
    let licence = ctx.config.licence.as_ref().and_then(|l| {
        l.id.as_deref()
            .map(|id| format!("{LICENCES}{id}"))
            .or_else(|| l.url.clone())
    });
    let id = ctx.site.file(DCAT_RECORD);
    let distributions: Vec<Value> = files
        .iter()
        .map(|f| {
            let format = match f.media_type {
                "text/csv" => "CSV",
                "application/atom+xml" => "ATOM",
                "text/calendar" => "ICS",
                _ => "JSON",
            };
            let url = ctx.site.file(&f.path);
            let mut d = json!({
                "@id": format!("{id}#{}", f.path),
                "@type": "dcat:Distribution",
                "dct:title": literal(&f.path),
                "dcat:accessURL": { "@id": url },
                "dcat:downloadURL": { "@id": url },
                "dcat:mediaType": { "@id": format!("https://www.iana.org/assignments/media-types/{}", f.media_type) },
                "dct:format": { "@id": format!("{FILE_TYPES}{format}") },
            });
            if let Some(l) = &licence {
                d["dct:license"] = json!({ "@id": l });
            }
            d
        })
        .collect();

    let mut dataset = json!({
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "dcatde": "http://dcat-ap.de/def/dcatde/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#"
        },
        "@id": format!("{id}#dataset"),
        "@type": "dcat:Dataset",
        "dct:title": literal(ctx.plan_title()),
        "dct:identifier": format!("{id}#dataset"),
        "dct:modified": { "@value": ctx.as_of(), "@type": "xsd:date" },
        "dcat:landingPage": { "@id": ctx.site.url },
        "dcat:theme": { "@id": THEME },
        "dcat:distribution": distributions,
    });
    let description = plan
        .and_then(|p| p.description.as_ref().or(p.subtitle.as_ref()))
        .map_or(ctx.plan_title(), |t| ctx.text(t));
    dataset["dct:description"] = literal(description);
    let publisher = plan
        .and_then(|p| p.publisher.as_ref())
        .map_or(ctx.plan_title(), |t| ctx.text(t));
    dataset["dct:publisher"] = json!({ "@type": "foaf:Agent", "foaf:name": publisher });
    if let Some(contact) = plan.and_then(|p| p.contact.as_ref()) {
        let mut point = json!({
            "@type": "vcard:Organization",
            "vcard:fn": contact.name.as_ref().map_or(publisher, |n| ctx.text(n)),
        });
        if let Some(email) = contact.email.as_deref() {
            point["vcard:hasEmail"] = json!({ "@id": format!("mailto:{email}") });
        }
        if let Some(url) = contact.url.as_deref() {
            point["vcard:hasURL"] = json!({ "@id": url });
        }
        dataset["dcat:contactPoint"] = point;
    }
    if let Some(l) = &licence {
        dataset["dct:license"] = json!({ "@id": l });
    }
    if let Some(period) = plan.and_then(|p| p.period.as_ref()) {
        let (fy, fm, fd) = period.from.start();
        let (ty, tm, td) = period.to.end();
        dataset["dct:temporal"] = json!({
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": { "@value": format!("{fy:04}-{fm:02}-{fd:02}"), "@type": "xsd:date" },
            "dcat:endDate": { "@value": format!("{ty:04}-{tm:02}-{td:02}"), "@type": "xsd:date" },
        });
    }
    if let Some(key) = ctx.config.municipality_key.as_deref() {
        let place = format!("{GEOCODING}municipalityKey/{key}");
        dataset["dcatde:politicalGeocodingURI"] = json!({ "@id": place });
        dataset["dcatde:politicalGeocodingLevelURI"] =
            json!({ "@id": format!("{GEOCODING}Level/municipality") });
        dataset["dct:spatial"] = json!({ "@id": place });
    }
    if let Some(adopted) = plan.and_then(|p| p.adopted.as_ref()).and_then(|a| a.date) {
        dataset["dct:issued"] = json!({ "@value": first_day(&adopted), "@type": "xsd:date" });
    }
    let mut text = serde_json::to_string_pretty(&dataset).unwrap_or_default();
    text.push('\n');
    File {
        path: DCAT_RECORD.to_owned(),
        media_type: "application/ld+json",
        text,
    }
}
