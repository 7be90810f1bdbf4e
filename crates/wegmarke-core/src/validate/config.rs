//! config.json: the deployment settings, typed leniently like the data files; a missing or
//! broken config falls back to the defaults, unsafe links and paths, unknown languages and
//! unreadable colours are dropped.

use super::checker::{retain_indexed, Checker};
use super::link::{check_data_location, check_data_location_plain, Fault, PathUse};
use super::Input;
use crate::i18n::LANGUAGES;
use crate::model::{Config, Licence};
use crate::problem::{JsonPath, Problem, ProblemKind};

/// Validates config.json; a missing or broken config falls back to the defaults.
pub fn validate_config(input: &Input) -> (Config, Vec<Problem>) {
    validate_config_with::<true>(input).0
}

/// [`validate_config`] without locating values of the wrong type, as
/// [`validate_quick`](super::validate_quick): the flag says whether the result is complete.
pub fn validate_config_quick(input: &Input) -> ((Config, Vec<Problem>), bool) {
    let (checked, unlocated) = validate_config_with::<false>(input);
    (checked, !unlocated)
}

fn validate_config_with<const LOCATED: bool>(input: &Input) -> ((Config, Vec<Problem>), bool) {
    let mut ck = Checker::<LOCATED>::new("config.json");
    let Some(doc) = ck.read_with(input, false) else {
        let unlocated = ck.unlocated;
        return ((Config::default(), ck.finish(None)), unlocated);
    };
    let mut config = ck
        .typed::<Config>(&doc.value, &JsonPath::root())
        .unwrap_or_default();
    ck.check_config(&mut config);
    let unlocated = ck.unlocated;
    ((config, ck.finish(Some(&doc.text))), unlocated)
}

impl<const LOCATED: bool> Checker<LOCATED> {
    fn check_config(&mut self, config: &mut Config) {
        let path = JsonPath::root();
        if let Some(data) = config.data.as_deref() {
            let checked = if LOCATED {
                Some(check_data_location(data))
            } else {
                check_data_location_plain(data)
            };
            let problem = match checked {
                // Only the located check resolves an unusual path; until it has, the default
                // data folder stands in, unreported.
                None => {
                    self.unlocated = true;
                    config.data = None;
                    None
                }
                Some(Ok(())) => None,
                Some(Err(Fault::Link(fault))) => Some(ProblemKind::BadLink {
                    url: data.to_owned(),
                    fault,
                }),
                Some(Err(Fault::Path(fault))) => Some(ProblemKind::BadPath {
                    path: data.to_owned(),
                    fault,
                }),
            };
            if let Some(kind) = problem {
                // The default data folder is used instead.
                self.problem(path.key("data"), kind);
                config.data = None;
            }
        }
        self.check_languages(&mut config.languages);
        if let Some(licence) = config.licence.as_mut() {
            if !self.check_licence(licence) {
                config.licence = None;
            }
        }
        self.check_url(&mut config.site_url, &path.key("site_url"));
        self.check_path(
            &mut config.district_boundaries,
            PathUse::File,
            &path.key("district_boundaries"),
        );
        if let Some(key) = config.municipality_key.as_deref() {
            if !is_municipality_key(key) {
                self.problem(
                    path.key("municipality_key"),
                    ProblemKind::InvalidMunicipalityKey {
                        value: key.to_owned(),
                    },
                );
                config.municipality_key = None;
            }
        }
        if let Some(links) = config.links.as_mut() {
            let p = path.key("links");
            self.check_url(&mut links.imprint, &p.key("imprint"));
            self.check_url(&mut links.privacy, &p.key("privacy"));
            self.check_url(
                &mut links.accessibility_feedback,
                &p.key("accessibility_feedback"),
            );
        }
        if let Some(theme) = config.theme.as_mut() {
            let failures =
                crate::contrast::theme_failures(theme.primary.as_deref(), theme.accent.as_deref());
            for (key, color, ratio) in failures {
                self.problem(
                    path.key("theme").key(key),
                    ProblemKind::LowContrast {
                        key: key.to_owned(),
                        color,
                        ratio,
                    },
                );
                // The dashboard keeps its own readable colour.
                match key {
                    "primary" => theme.primary = None,
                    _ => theme.accent = None,
                }
            }
            self.check_path(
                &mut theme.logo,
                PathUse::File,
                &path.key("theme").key("logo"),
            );
        }
    }

    /// Keeps the built-in language tags (once each, in order); reports the others.
    fn check_languages(&mut self, languages: &mut Vec<String>) {
        let base = JsonPath::root().key("languages");
        let mut seen = Vec::new();
        retain_indexed(languages, |i, tag| {
            if !LANGUAGES.iter().any(|l| l.tag == tag) {
                self.problem(
                    base.index(i),
                    ProblemKind::UnknownLanguage { tag: tag.clone() },
                );
                self.leave_out(&base.index(i));
                return false;
            }
            // A repeated language is still offered once: nothing is lost, so nothing to name.
            let first = !seen.contains(tag);
            seen.push(tag.clone());
            first
        });
    }

    /// The licence: a name, a link like the others, a plain id. `false`: leave it out.
    fn check_licence(&mut self, licence: &mut Licence) -> bool {
        let at = JsonPath::root().key("licence");
        self.check_url(&mut licence.url, &at.key("url"));
        if let Some(id) = licence.id.as_deref() {
            if !is_licence_id(id) {
                self.problem(
                    at.key("id"),
                    ProblemKind::InvalidLicenceId {
                        value: id.to_owned(),
                    },
                );
                licence.id = None;
            }
        }
        let named = !licence.name.is_blank();
        self.check_title(&mut licence.name, &at.key("name"));
        named
    }
}

/// The Amtlicher Gemeindeschlüssel (8 digits) or the Amtlicher Regionalschlüssel (12 digits).
fn is_municipality_key(key: &str) -> bool {
    matches!(key.len(), 8 | 12) && key.bytes().all(|b| b.is_ascii_digit())
}

/// 1–100 characters from `A–Z a–z 0–9 . _ - / + :` (e.g. `dl-by-de/2.0`, `CC-BY-4.0`).
fn is_licence_id(id: &str) -> bool {
    (1..=100).contains(&id.len())
        && id.bytes().all(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'/' | b'+' | b':')
        })
}
