//! The city's colours: from config.json, overridden by `?primary=` / `?accent=` in the address
//! (embeds), applied as CSS custom properties only when they pass the WCAG contrast check
//! (config.json's failures are reported as problems by validation; the address's are ignored).

use wegmarke_core::contrast::theme_failures;
use wegmarke_core::Config;

use crate::browser;

/// Applies the theme colours as CSS custom properties.
pub fn apply_theme(config: &Config) {
    let theme = config.theme.clone().unwrap_or_default();
    for (var, key, configured) in [
        ("--primary", "primary", theme.primary),
        ("--accent", "accent", theme.accent),
    ] {
        let Some(colour) = browser::query_param(key).or(configured) else {
            continue;
        };
        let ok = match key {
            "primary" => theme_failures(Some(&colour), None).is_empty(),
            _ => theme_failures(None, Some(&colour)).is_empty(),
        };
        if ok {
            browser::set_root_style(var, &colour);
        }
    }
}
