//! config.json: the deployment settings, typed leniently like the data files; a missing or
//! broken config falls back to the defaults, unsafe links and unreadable colours are dropped.

use super::checker::Checker;
use super::{is_safe_relative_path, Input};
use crate::model::Config;
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
        return ((Config::default(), ck.finish(None)), false);
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
            if let Some(logo) = theme.logo.take_if(|l| !is_safe_relative_path(l)) {
                self.problem(
                    path.key("theme").key("logo"),
                    ProblemKind::BadLinkScheme { url: logo },
                );
            }
        }
    }
}
