//! A small URL resolver after the WHATWG URL Standard (the rules browsers use), enough to know
//! where a reference from the data leads: a relative reference resolved against an `https` base,
//! with `\` counting as `/`, tabs and line breaks removed, leading and trailing controls and
//! spaces stripped, `%2e` counting as a dot in dot segments, and the special schemes' authority
//! rules. Non-special schemes (`javascript:`, `data:`, `mailto:`) are kept opaque. IDNA and IPv6
//! hosts are not normalised: any host that is not the base's own is simply another host.
//!
//! Written here rather than taken from the `url` crate because validation runs in the browser
//! and this is all the dashboard needs to decide "inside this folder or not".

/// The special schemes and their default ports.
const SPECIAL: [(&str, Option<u16>); 6] = [
    ("ftp", Some(21)),
    ("file", None),
    ("http", Some(80)),
    ("https", Some(443)),
    ("ws", Some(80)),
    ("wss", Some(443)),
];

/// A parsed URL. Path segments and query are percent-encoded as a browser serialises them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Url {
    /// Lower case, without the colon.
    pub scheme: String,
    /// The user name and password before the host, if any (special schemes only).
    pub userinfo: Option<String>,
    /// The host with ASCII letters in lower case; `None` for non-special schemes.
    pub host: Option<String>,
    /// The port, `None` when absent or the scheme's default.
    pub port: Option<u16>,
    /// The path segments (special schemes).
    pub path: Vec<String>,
    /// Everything after `scheme:` for a non-special scheme, up to `?` or `#`.
    pub opaque: Option<String>,
    pub query: Option<String>,
    pub fragment: Option<String>,
}

fn is_special(scheme: &str) -> bool {
    SPECIAL.iter().any(|(s, _)| *s == scheme)
}

fn default_port(scheme: &str) -> Option<u16> {
    SPECIAL
        .iter()
        .find(|(s, _)| *s == scheme)
        .and_then(|(_, p)| *p)
}

/// The input as the URL parser sees it: leading and trailing C0 controls and spaces stripped,
/// every tab and line break removed.
pub fn cleaned(input: &str) -> String {
    input
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The scheme (as written) and the rest, if the input starts with one.
pub fn split_scheme(s: &str) -> Option<(&str, &str)> {
    let colon = s.find(':')?;
    let scheme = &s[..colon];
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_ok && rest_ok).then(|| (scheme, &s[colon + 1..]))
}

fn is_slash(c: char) -> bool {
    c == '/' || c == '\\'
}

/// `.` or `%2e`.
fn is_single_dot(seg: &str) -> bool {
    seg == "." || seg.eq_ignore_ascii_case("%2e")
}

/// `..`, `.%2e`, `%2e.` or `%2e%2e`.
fn is_double_dot(seg: &str) -> bool {
    let lower = seg.to_ascii_lowercase();
    matches!(lower.as_str(), ".." | ".%2e" | "%2e." | "%2e%2e")
}

/// Percent-encodes the characters of `set` plus C0 controls and everything above `~`.
fn encode(s: &str, set: &[char]) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if !(' '..='~').contains(&c) || set.contains(&c) {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

const PATH_SET: &[char] = &[' ', '"', '#', '<', '>', '?', '`', '{', '}'];
const QUERY_SET: &[char] = &[' ', '"', '#', '<', '>', '\''];
const FRAGMENT_SET: &[char] = &[' ', '"', '<', '>', '`'];

impl Url {
    /// Parses an absolute URL.
    pub fn parse(input: &str) -> Option<Url> {
        Url::parse_with(input, None)
    }

    /// Resolves `input` against `base` as a browser does (`new URL(input, base)`); `None` where
    /// the browser would fail.
    pub fn join(base: &Url, input: &str) -> Option<Url> {
        Url::parse_with(input, Some(base))
    }

    fn parse_with(input: &str, base: Option<&Url>) -> Option<Url> {
        let s = cleaned(input);
        if let Some((scheme, rest)) = split_scheme(&s) {
            let scheme = scheme.to_ascii_lowercase();
            if !is_special(&scheme) {
                let (rest, fragment) = split_off(rest, '#');
                let (opaque, query) = split_off(rest, '?');
                return Some(Url {
                    scheme,
                    userinfo: None,
                    host: None,
                    port: None,
                    path: Vec::new(),
                    opaque: Some(opaque.to_owned()),
                    query: query.map(|q| encode(q, QUERY_SET)),
                    fragment: fragment.map(|f| encode(f, FRAGMENT_SET)),
                });
            }
            return match base.filter(|b| b.scheme == scheme && b.host.is_some()) {
                // "special relative or authority state": only "//" starts an authority.
                Some(b) if !rest.starts_with("//") => relative(b, rest),
                _ => authority(&scheme, rest.trim_start_matches(is_slash)),
            };
        }
        let base = base.filter(|b| b.host.is_some())?;
        relative(base, &s)
    }

    /// The URL as a browser serialises it (`href`).
    pub fn href(&self) -> String {
        let mut s = format!("{}:", self.scheme);
        match &self.opaque {
            Some(o) => s.push_str(o),
            None => {
                s.push_str("//");
                if let Some(u) = &self.userinfo {
                    s.push_str(u);
                    s.push('@');
                }
                s.push_str(self.host.as_deref().unwrap_or(""));
                if let Some(p) = self.port {
                    s.push_str(&format!(":{p}"));
                }
                for seg in &self.path {
                    s.push('/');
                    s.push_str(seg);
                }
            }
        }
        if let Some(q) = &self.query {
            s.push('?');
            s.push_str(q);
        }
        if let Some(f) = &self.fragment {
            s.push('#');
            s.push_str(f);
        }
        s
    }

    /// Scheme, host and port: what a browser compares for "same origin".
    pub fn origin(&self) -> Option<(&str, &str, Option<u16>)> {
        Some((self.scheme.as_str(), self.host.as_deref()?, self.port))
    }
}

fn split_off(s: &str, at: char) -> (&str, Option<&str>) {
    match s.find(at) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    }
}

/// The "relative state": `rest` has no scheme (or the base's own special scheme without "//").
fn relative(base: &Url, rest: &str) -> Option<Url> {
    let mut url = Url {
        fragment: None,
        ..base.clone()
    };
    match rest.chars().next() {
        None => {}
        Some(c) if is_slash(c) => {
            let after = &rest[1..];
            if after.starts_with(is_slash) {
                return authority(&base.scheme, after.trim_start_matches(is_slash));
            }
            path_state(&mut url, Vec::new(), after);
        }
        Some('?') => {
            let (q, f) = split_off(&rest[1..], '#');
            url.query = Some(encode(q, QUERY_SET));
            url.fragment = f.map(|f| encode(f, FRAGMENT_SET));
        }
        Some('#') => url.fragment = Some(encode(&rest[1..], FRAGMENT_SET)),
        Some(_) => {
            let mut path = base.path.clone();
            path.pop();
            path_state(&mut url, path, rest);
        }
    }
    Some(url)
}

/// The authority states of a special URL: `rest` starts right after the slashes.
fn authority(scheme: &str, rest: &str) -> Option<Url> {
    let end = rest.find(['/', '\\', '?', '#']).unwrap_or(rest.len());
    let (auth, after) = rest.split_at(end);
    let (userinfo, host_port) = match auth.rfind('@') {
        Some(i) => (
            Some(encode(&auth[..i], &[' ', '"', '<', '>', '`'])),
            &auth[i + 1..],
        ),
        None => (None, auth),
    };
    let (host, port) = if host_port.starts_with('[') {
        let close = host_port.find(']')?;
        let (h, p) = host_port.split_at(close + 1);
        (h, p.strip_prefix(':'))
    } else {
        match host_port.find(':') {
            Some(i) => (&host_port[..i], Some(&host_port[i + 1..])),
            None => (host_port, None),
        }
    };
    let host = parse_host(host)?;
    let port = match port {
        None | Some("") => None,
        Some(p) if p.bytes().all(|b| b.is_ascii_digit()) => {
            let n: u32 = p.parse().ok()?;
            let n = u16::try_from(n).ok()?;
            (Some(n) != default_port(scheme)).then_some(n)
        }
        Some(_) => return None,
    };
    let mut url = Url {
        scheme: scheme.to_owned(),
        userinfo,
        host: Some(host),
        port,
        path: Vec::new(),
        opaque: None,
        query: None,
        fragment: None,
    };
    // "path start state": one leading slash belongs to the path.
    let after = after.strip_prefix(is_slash).unwrap_or(after);
    path_state(&mut url, Vec::new(), after);
    Some(url)
}

/// A special URL's host: percent-decoded, ASCII letters in lower case, without forbidden
/// characters. Only ASCII is folded: a browser would map a non-ASCII host through IDNA to
/// `xn--…`, so such a host never equals an ASCII one either way, and the validator only asks
/// "same host or not" (Unicode case tables would add 7 KB to the first view's module).
fn parse_host(raw: &str) -> Option<String> {
    if raw.is_empty() {
        return None;
    }
    if raw.starts_with('[') {
        return Some(raw.to_ascii_lowercase());
    }
    let decoded = String::from_utf8(percent_decode(raw)).ok()?;
    let forbidden = |c: char| {
        c.is_control()
            || c.is_whitespace()
            || matches!(
                c,
                '#' | '%' | '/' | ':' | '<' | '>' | '?' | '@' | '[' | '\\' | ']' | '^' | '|'
            )
    };
    if decoded.is_empty() || decoded.chars().any(forbidden) {
        return None;
    }
    Some(decoded.to_ascii_lowercase())
}

/// The "path state" from `path`: segments split at `/` or `\`, dot segments applied, then the
/// query and fragment.
fn path_state(url: &mut Url, mut path: Vec<String>, rest: &str) {
    let (rest, fragment) = split_off(rest, '#');
    let (p, query) = split_off(rest, '?');
    let parts: Vec<&str> = p.split(is_slash).collect();
    let last = parts.len() - 1;
    for (i, seg) in parts.into_iter().enumerate() {
        if is_double_dot(seg) {
            path.pop();
            if i == last {
                path.push(String::new());
            }
        } else if is_single_dot(seg) {
            if i == last {
                path.push(String::new());
            }
        } else {
            path.push(encode(seg, PATH_SET));
        }
    }
    url.path = path;
    url.query = query.map(|q| encode(q, QUERY_SET));
    url.fragment = fragment.map(|f| encode(f, FRAGMENT_SET));
}

/// The bytes of a percent-encoded string (a `%` not followed by two hex digits stays).
pub fn percent_decode(s: &str) -> Vec<u8> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://site.invalid/app/data/").unwrap_or_else(|| panic!("base parses"))
    }

    /// Cases after the WHATWG URL Standard's tests (`urltestdata.json`), with our base; the
    /// expected value is what `new URL(input, base).href` gives in a browser.
    #[test]
    fn resolves_like_a_browser() {
        let cases: &[(&str, Option<&str>)] = &[
            ("x.svg", Some("https://site.invalid/app/data/x.svg")),
            (
                "reports/2026-05-12/",
                Some("https://site.invalid/app/data/reports/2026-05-12/"),
            ),
            ("./a/./b", Some("https://site.invalid/app/data/a/b")),
            ("a/..", Some("https://site.invalid/app/data/")),
            ("..", Some("https://site.invalid/app/")),
            ("../../../../x", Some("https://site.invalid/x")),
            ("%2e%2e/x", Some("https://site.invalid/app/x")),
            ("%2E./x", Some("https://site.invalid/app/x")),
            (".%2E/x", Some("https://site.invalid/app/x")),
            ("%2e/x", Some("https://site.invalid/app/data/x")),
            ("..%2fx", Some("https://site.invalid/app/data/..%2fx")),
            ("a\\..\\..\\x", Some("https://site.invalid/app/x")),
            ("/x", Some("https://site.invalid/x")),
            ("\\x", Some("https://site.invalid/x")),
            ("//evil.example/x", Some("https://evil.example/x")),
            ("/\\evil.example/x", Some("https://evil.example/x")),
            ("\\\\evil.example\\x", Some("https://evil.example/x")),
            ("///evil.example/x", Some("https://evil.example/x")),
            ("https:evil", Some("https://site.invalid/app/data/evil")),
            ("https:/x", Some("https://site.invalid/x")),
            ("https://evil.example", Some("https://evil.example/")),
            ("HTTPS://EVIL.example:443/A", Some("https://evil.example/A")),
            ("http:evil.example/x", Some("http://evil.example/x")),
            ("http:\\\\evil.example", Some("http://evil.example/")),
            (
                "https://u:p@site.invalid/app/data/x",
                Some("https://u:p@site.invalid/app/data/x"),
            ),
            (
                "https://site.invalid:8080/x",
                Some("https://site.invalid:8080/x"),
            ),
            ("https://site.invalid:99999/x", None),
            ("https://", None),
            ("//", None),
            ("  x.svg\n", Some("https://site.invalid/app/data/x.svg")),
            ("\u{0}\u{1f} x", Some("https://site.invalid/app/data/x")),
            ("a\tb\nc\rd", Some("https://site.invalid/app/data/abcd")),
            ("ja\tva\nscript:alert(1)", Some("javascript:alert(1)")),
            ("JavaScript:alert(1)", Some("javascript:alert(1)")),
            ("data:text/html,<b>", Some("data:text/html,<b>")),
            ("C:\\x", Some("c:\\x")),
            ("a b", Some("https://site.invalid/app/data/a%20b")),
            ("ü", Some("https://site.invalid/app/data/%C3%BC")),
            ("", Some("https://site.invalid/app/data/")),
            ("?q=1", Some("https://site.invalid/app/data/?q=1")),
            ("#top", Some("https://site.invalid/app/data/#top")),
            (
                "x?a b#c d",
                Some("https://site.invalid/app/data/x?a%20b#c%20d"),
            ),
            ("//EVIL%2Eexample/", Some("https://evil.example/")),
            ("a/%2e%2e/%2e%2e/%2E%2E/b", Some("https://site.invalid/b")),
        ];
        let base = base();
        for (input, want) in cases {
            let got = Url::join(&base, input).map(|u| u.href());
            assert_eq!(got.as_deref(), *want, "input {input:?}");
        }
    }

    #[test]
    fn without_a_base_a_relative_reference_fails() {
        assert_eq!(Url::parse("x/y"), None);
        assert_eq!(Url::parse("//host/x").map(|u| u.href()), None);
    }

    #[test]
    fn percent_decoding_keeps_broken_escapes() {
        assert_eq!(percent_decode("%2e%2E%2f"), b"../");
        assert_eq!(percent_decode("%"), b"%");
        assert_eq!(percent_decode("a%2"), b"a%2");
        assert_eq!(percent_decode("%zz"), b"%zz");
    }
}
