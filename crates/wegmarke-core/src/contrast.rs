//! WCAG 2.1 contrast: the check that warns when a theme colour from config.json would make
//! text unreadable (white text on the primary colour, links in the primary colour on white).

/// An sRGB colour from `#rrggbb`.
pub fn parse_hex(s: &str) -> Option<(u8, u8, u8)> {
    let h = s.strip_prefix('#')?;
    if h.len() != 6 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let c = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some((c(0)?, c(2)?, c(4)?))
}

/// Relative luminance (WCAG 2.1).
fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let lin = |c: u8| {
        let c = c as f64 / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// Contrast ratio between two colours, 1 to 21.
pub fn ratio(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// Minimum contrast for normal text (WCAG 2.1 AA, 1.4.3).
pub const TEXT_AA: f64 = 4.5;

/// Problems with the theme: a colour that is not `#rrggbb`, or one that has less than 4.5:1
/// against white (the dashboard puts white text on `primary` and uses `primary` and `accent`
/// for text on white). Returns (key, colour, ratio) for each failing colour.
pub fn theme_failures(
    primary: Option<&str>,
    accent: Option<&str>,
) -> Vec<(&'static str, String, Option<f64>)> {
    let white = (255, 255, 255);
    [("primary", primary), ("accent", accent)]
        .into_iter()
        .filter_map(|(key, c)| {
            let c = c?;
            match parse_hex(c) {
                None => Some((key, c.to_owned(), None)),
                Some(rgb) => {
                    let r = ratio(rgb, white);
                    (r < TEXT_AA).then(|| (key, c.to_owned(), Some(r)))
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_ratios() {
        assert!((ratio((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 0.01);
        assert!((ratio((255, 255, 255), (255, 255, 255)) - 1.0).abs() < 1e-9);
        // #767676 is the classic lightest grey that passes 4.5:1 on white.
        assert!(ratio(parse_hex("#767676").unwrap(), (255, 255, 255)) >= 4.5);
        assert!(ratio(parse_hex("#777777").unwrap(), (255, 255, 255)) < 4.5);
    }

    #[test]
    fn default_theme_passes_and_weak_colours_are_reported() {
        assert!(theme_failures(Some("#00509b"), Some("#e2001a")).is_empty());
        let f = theme_failures(Some("#7fb2e5"), Some("red-ish"));
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].0, "primary");
        assert!(f[0].2.unwrap() < 4.5);
        assert_eq!(f[1], ("accent", "red-ish".to_owned(), None));
        assert!(theme_failures(None, None).is_empty());
    }
}
