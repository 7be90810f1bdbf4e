//! The one place that decides which links and paths from the data the dashboard uses.
//!
//! A **path** (`theme.logo`, `reports[].path`) is resolved the way the browser will resolve it
//! (see [`url`](super::url)) against a stand-in folder, and must land inside that folder, on
//! the same origin; on top, it must be written plainly: no spaces at its ends, no control or
//! invisible characters, no backslash, no `?`/`#`, no percent-encoded `/`, `\` or dot segment.
//!
//! A **link** is `http(s)://host/…` without user name or password, `mailto:` one plain address
//! with at most a `subject`, or `tel:` a number; at most [`MAX_LINK`] characters, no spaces
//! (except inside a phone number), no control or invisible characters.

use super::url::{cleaned, percent_decode, split_scheme, Url};
use crate::problem::{LinkFault, PathFault};

/// Longest link or path (characters).
pub const MAX_LINK: usize = 2_000;

/// Longest phone number (characters).
const MAX_PHONE: usize = 40;

/// Stand-ins for the folder a path is resolved in, on a host that cannot exist. A path must
/// stay inside both: one folder alone could be named by an absolute path (`/app/data/x`).
const BASES: [(&str, &[&str]); 2] = [
    ("https://site.invalid/app/data/", &["app", "data"]),
    ("https://site.invalid/x/y/z/", &["x", "y", "z"]),
];

/// What a path names inside its folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathUse {
    /// A file, e.g. the logo: the last segment is a name.
    File,
    /// A folder, e.g. a report snapshot: may end in `/`.
    Folder,
}

pub use crate::text::is_invisible;

/// Control, line-break or invisible characters anywhere, or whitespace at either end.
fn unclean(s: &str) -> bool {
    s.starts_with(char::is_whitespace)
        || s.ends_with(char::is_whitespace)
        || s.chars().any(|c| c.is_control() || is_invisible(c))
}

/// Checks a relative path from the data; `Ok` with its segments inside the folder,
/// percent-decoded (for reading the files from disk), without a trailing empty one.
pub fn check_path(path: &str, what: PathUse) -> Result<Vec<String>, PathFault> {
    if path.chars().count() > MAX_LINK {
        return Err(PathFault::TooLong);
    }
    if path.is_empty() {
        return Err(PathFault::Empty);
    }
    if unclean(path) {
        return Err(PathFault::Whitespace);
    }
    if split_scheme(&cleaned(path)).is_some() {
        return Err(PathFault::Scheme);
    }
    let mut inside = None;
    for (base, folder) in BASES {
        let (url, rest) = resolve_inside(base, folder, path)?;
        if inside.as_ref().is_some_and(|(_, r)| *r != rest) {
            return Err(PathFault::Outside);
        }
        inside = Some((url, rest));
    }
    let Some((url, rest)) = inside else {
        return Err(PathFault::Outside);
    };
    if path.contains('\\') {
        return Err(PathFault::Backslash);
    }
    if url.query.is_some() || url.fragment.is_some() {
        return Err(PathFault::QueryOrFragment);
    }
    let mut segments = Vec::new();
    for seg in &rest {
        let decoded = String::from_utf8(percent_decode(seg)).map_err(|_| PathFault::Encoded)?;
        if decoded == "."
            || decoded == ".."
            || decoded.contains(['/', '\\'])
            || decoded.chars().any(|c| c.is_control() || is_invisible(c))
        {
            return Err(PathFault::Encoded);
        }
        segments.push(decoded);
    }
    if segments.last().is_some_and(String::is_empty) {
        if what == PathUse::File {
            return Err(PathFault::Empty);
        }
        segments.pop();
    }
    if segments.is_empty() {
        return Err(PathFault::Empty);
    }
    Ok(segments)
}

/// Whether a path is written so plainly that [`check_path`] accepts it without resolving it:
/// at most [`MAX_LINK`] bytes, segments of ASCII letters, digits and `-_.~` (none `.` or `..`)
/// separated by single `/`, ending in `/` only for a folder. The quick check decides these
/// alone and leaves every other path to the located check, so the resolver is not in the
/// dashboard's first download.
pub(super) fn is_plain_path(path: &str, what: PathUse) -> bool {
    let names = match what {
        PathUse::Folder => path.strip_suffix('/').unwrap_or(path),
        PathUse::File => path,
    };
    path.len() <= MAX_LINK
        && names.split('/').all(|seg| {
            !seg.is_empty()
                && seg != "."
                && seg != ".."
                && seg
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~'))
        })
}

/// [`check_data_location`] for the values it can decide without resolving a path: a plain
/// path ([`is_plain_path`]), also after one leading `/` or after leading `../` segments (both
/// leave the app's folder, which the data folder may), and an `http://` or `https://` link.
/// `None`: only the full check can tell.
pub(super) fn check_data_location_plain(data: &str) -> Option<Result<(), Fault>> {
    if data.starts_with("https://") || data.starts_with("http://") {
        return Some(check_link(data).map_err(Fault::Link));
    }
    let mut rest = data.strip_prefix('/').unwrap_or(data);
    if rest.len() == data.len() {
        while let Some(after) = rest.strip_prefix("../") {
            rest = after;
        }
    }
    (data.len() <= MAX_LINK && is_plain_path(rest, PathUse::Folder)).then_some(Ok(()))
}

/// `path` resolved against `base`, and its segments after `folder`, if it stays inside.
fn resolve_inside(
    base: &str,
    folder: &[&str],
    path: &str,
) -> Result<(Url, Vec<String>), PathFault> {
    let base = Url::parse(base).ok_or(PathFault::Outside)?;
    let url = Url::join(&base, path).ok_or(PathFault::OtherHost)?;
    if url.origin() != base.origin() || url.userinfo.is_some() {
        return Err(PathFault::OtherHost);
    }
    let within =
        url.path.len() > folder.len() && url.path.iter().zip(folder).all(|(seg, f)| seg == f);
    if !within {
        return Err(PathFault::Outside);
    }
    let rest = url.path[folder.len()..].to_vec();
    Ok((url, rest))
}

/// Checks config.json's `data`: an http(s) link (another server, which must allow CORS), or a
/// path that stays on the site's own server (it may leave the app's folder).
pub fn check_data_location(data: &str) -> Result<(), Fault> {
    if split_scheme(&cleaned(data)).is_some() {
        check_link(data).map_err(Fault::Link)?;
        let scheme = data.split(':').next().unwrap_or("").to_ascii_lowercase();
        return match scheme.as_str() {
            "http" | "https" => Ok(()),
            _ => Err(Fault::Link(LinkFault::Scheme)),
        };
    }
    match check_path(data, PathUse::Folder) {
        Ok(_) | Err(PathFault::Outside) => {
            // Leaving the app's folder is the site's own choice; a host is not.
            let base = Url::parse(BASES[0].0).ok_or(Fault::Path(PathFault::OtherHost))?;
            let url = Url::join(&base, data).ok_or(Fault::Path(PathFault::OtherHost))?;
            if url.origin() != base.origin() {
                return Err(Fault::Path(PathFault::OtherHost));
            }
            if data.contains('\\') {
                return Err(Fault::Path(PathFault::Backslash));
            }
            if url.query.is_some() || url.fragment.is_some() {
                return Err(Fault::Path(PathFault::QueryOrFragment));
            }
            Ok(())
        }
        Err(f) => Err(Fault::Path(f)),
    }
}

/// Why a value that may be a link or a path was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    Link(LinkFault),
    Path(PathFault),
}

/// Checks a link the dashboard shows (`<a href>`).
pub fn check_link(url: &str) -> Result<(), LinkFault> {
    if url.chars().count() > MAX_LINK {
        return Err(LinkFault::TooLong);
    }
    let Some((scheme, rest)) = split_scheme(url) else {
        return Err(if unclean(url) {
            LinkFault::Whitespace
        } else {
            LinkFault::Scheme
        });
    };
    let scheme = scheme.to_ascii_lowercase();
    // A phone number may have spaces inside; everything else none at all.
    if scheme == "tel" {
        if unclean(url) {
            return Err(LinkFault::Whitespace);
        }
        return check_phone(rest);
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || is_invisible(c))
    {
        return Err(LinkFault::Whitespace);
    }
    match scheme.as_str() {
        "http" | "https" => check_web(rest),
        "mailto" => check_mail(rest, true),
        _ => Err(LinkFault::Scheme),
    }
}

/// Checks a link to a web page (a council paper's page): [`check_link`], and only http or https.
pub fn check_web_link(url: &str) -> Result<(), LinkFault> {
    check_link(url)?;
    let scheme = url.split(':').next().unwrap_or("").to_ascii_lowercase();
    match scheme.as_str() {
        "http" | "https" => Ok(()),
        _ => Err(LinkFault::WebOnly),
    }
}

/// `//host[:port]` and then anything from `/`, `?` or `#`.
fn check_web(rest: &str) -> Result<(), LinkFault> {
    let Some(after) = rest.strip_prefix("//") else {
        return Err(LinkFault::Host);
    };
    if rest.contains('\\') {
        return Err(LinkFault::Host);
    }
    let end = after.find(['/', '?', '#']).unwrap_or(after.len());
    let authority = &after[..end];
    if authority.contains('@') {
        return Err(LinkFault::Credentials);
    }
    let (host, port) = match authority.split_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    let port_ok =
        port.is_none_or(|p| (1..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    if !is_host_name(host) || !port_ok {
        return Err(LinkFault::Host);
    }
    Ok(())
}

/// Labels of letters (any script), digits and `-`, separated by single dots.
fn is_host_name(host: &str) -> bool {
    !host.is_empty()
        && host.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

/// One plain address; with `subject_allowed`, optionally followed by `?subject=…` alone.
fn check_mail(rest: &str, subject_allowed: bool) -> Result<(), LinkFault> {
    let (address, query) = match rest.split_once('?') {
        Some((a, q)) => (a, Some(q)),
        None => (rest, None),
    };
    if !is_mail_address(address) {
        return Err(LinkFault::MailAddress);
    }
    match query {
        None => Ok(()),
        Some(q) if subject_allowed => {
            let plain_subject = q.len() > 8
                && q[..8].eq_ignore_ascii_case("subject=")
                && !q.contains(['&', '?', '#']);
            if plain_subject {
                Ok(())
            } else {
                Err(LinkFault::MailQuery)
            }
        }
        Some(_) => Err(LinkFault::MailQuery),
    }
}

/// `local@domain` with one `@`, a local part without `%`, `,`, `;` or quotes, and a domain
/// with at least one dot.
fn is_mail_address(a: &str) -> bool {
    let Some((local, domain)) = a.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "!$&'*+-/=^_`{|}~.".contains(c));
    local_ok && domain.contains('.') && is_host_name(domain)
}

/// A plain email address (plan.json `contact.email`, shown as a `mailto:` link): nothing after
/// the address, no `?`.
pub fn check_email(address: &str) -> Result<(), LinkFault> {
    if address.chars().count() > MAX_LINK {
        return Err(LinkFault::TooLong);
    }
    if address
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || is_invisible(c))
    {
        return Err(LinkFault::Whitespace);
    }
    check_mail(address, false)
}

/// A phone number: `+` (first only), digits, spaces, `-`, `(`, `)`, `/`, with 3 to 20 digits.
pub fn check_phone(number: &str) -> Result<(), LinkFault> {
    if unclean(number) {
        return Err(LinkFault::Whitespace);
    }
    let digits = number.chars().filter(char::is_ascii_digit).count();
    let chars_ok = number.char_indices().all(|(i, c)| {
        c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '/') || (c == '+' && i == 0)
    });
    if chars_ok && (3..=20).contains(&digits) && number.chars().count() <= MAX_PHONE {
        Ok(())
    } else {
        Err(LinkFault::Phone)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snapshot_folder_gives_its_decoded_segments() {
        assert_eq!(
            check_path("reports/2026-05-12/", PathUse::Folder),
            Ok(vec!["reports".to_owned(), "2026-05-12".to_owned()])
        );
        assert_eq!(
            check_path("./berichte/M%C3%A4rz", PathUse::Folder),
            Ok(vec!["berichte".to_owned(), "März".to_owned()])
        );
    }
}
