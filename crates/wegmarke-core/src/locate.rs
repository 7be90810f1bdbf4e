//! Finds the line and column of a JSON path in a file's text, so that a problem found on the
//! parsed value can point staff at the place to edit. Works on text that already parsed as JSON.

use crate::problem::{JsonPath, Segment};

/// 1-based (line, column in characters) of the value at `path`, or of the nearest parent found.
pub fn locate(text: &str, path: &JsonPath) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut pos = skip_ws(bytes, 0);
    for seg in &path.0 {
        match (seg, bytes.get(pos)) {
            (Segment::Key(k), Some(b'{')) => match find_key(bytes, pos, k) {
                Some(p) => pos = p,
                None => break,
            },
            (Segment::Index(i), Some(b'[')) => match find_index(bytes, pos, *i) {
                Some(p) => pos = p,
                None => break,
            },
            _ => break,
        }
    }
    Some(line_col(text, pos))
}

/// 1-based line and character column of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

/// Index just past the string starting at `i` (which is a '"').
fn skip_string(b: &[u8], mut i: usize) -> usize {
    i += 1;
    while let Some(&c) = b.get(i) {
        match c {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    i
}

/// Index just past the value starting at `i`. Containers are skipped with a depth counter, not
/// recursion, so deeply nested files cannot overflow the stack.
fn skip_value(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'"') => skip_string(b, i),
        Some(b'{' | b'[') => {
            let (mut i, mut depth) = (i, 0usize);
            while let Some(&c) = b.get(i) {
                match c {
                    b'"' => {
                        i = skip_string(b, i);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return i + 1;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            i
        }
        _ => {
            let mut i = i;
            while matches!(b.get(i), Some(c) if !matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
            {
                i += 1;
            }
            i
        }
    }
}

/// Offset of the value of `key` in the object starting at `i`.
fn find_key(b: &[u8], i: usize, key: &str) -> Option<usize> {
    let mut i = skip_ws(b, i + 1);
    let mut found = None;
    while b.get(i) == Some(&b'"') {
        let end = skip_string(b, i);
        let raw = std::str::from_utf8(b.get(i..end)?).ok()?;
        let name: String = serde_json::from_str(raw).ok()?;
        i = skip_ws(b, end);
        if b.get(i) != Some(&b':') {
            return found;
        }
        i = skip_ws(b, i + 1);
        // With duplicate keys the last one wins, as in the parsed value.
        if name == key {
            found = Some(i);
        }
        i = skip_ws(b, skip_value(b, i));
        if b.get(i) == Some(&b',') {
            i = skip_ws(b, i + 1);
        }
    }
    found
}

/// Offset of element `n` of the array starting at `i`.
fn find_index(b: &[u8], i: usize, n: usize) -> Option<usize> {
    let mut i = skip_ws(b, i + 1);
    for _ in 0..n {
        if matches!(b.get(i), None | Some(b']')) {
            return None;
        }
        i = skip_ws(b, skip_value(b, i));
        if b.get(i) != Some(&b',') {
            return None;
        }
        i = skip_ws(b, i + 1);
    }
    (!matches!(b.get(i), None | Some(b']'))).then_some(i)
}

/// Segments of a path from [`path_at`]; deeper ones are left off, so that a message about deeply
/// nested garbage stays short (the entry is named in the first few).
const MAX_PATH_DEPTH: usize = 16;

/// The path of the innermost value that contains byte `offset`, for text that need not parse:
/// a JSON syntax error is named by the entry it is in (`measures[3].observations[7].value`).
/// Lenient and without recursion: a stack of open objects (with the current key) and arrays
/// (with the current index). Inside a key, or on an object's or array's own brackets, the path
/// is that of the object or array; past the end, that of the values still open there.
pub fn path_at(text: &str, offset: usize) -> JsonPath {
    enum Frame {
        /// The current key, and whether its `:` has been seen (the offset is in its value).
        Object(Option<String>, bool),
        Array(usize),
    }
    let b = text.as_bytes();
    let end = offset.min(b.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    let mut in_string = false;
    while i < end {
        match b[i] {
            b'"' => {
                let close = skip_string(b, i);
                if close > end {
                    // The offset is inside this string (a key or a value).
                    in_string = true;
                    break;
                }
                if let Some(Frame::Object(key, false)) = stack.last_mut() {
                    let raw = text.get(i..close).unwrap_or("");
                    let name = serde_json::from_str::<String>(raw).unwrap_or_else(|_| {
                        let inner = raw.strip_prefix('"').unwrap_or(raw);
                        inner.strip_suffix('"').unwrap_or(inner).to_owned()
                    });
                    *key = Some(name);
                }
                i = close;
                continue;
            }
            b'{' => stack.push(Frame::Object(None, false)),
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object(_, in_value)) = stack.last_mut() {
                    *in_value = true;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object(key, in_value)) => {
                    *key = None;
                    *in_value = false;
                }
                Some(Frame::Array(n)) => *n += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    // On a closing bracket the offset belongs to the object or array it closes.
    if !in_string && matches!(b.get(offset), Some(b'}' | b']')) {
        stack.pop();
    }
    let mut path = JsonPath::root();
    for frame in stack.iter().take(MAX_PATH_DEPTH) {
        match frame {
            Frame::Object(Some(k), true) => path.0.push(Segment::Key(k.clone())),
            Frame::Array(n) => path.0.push(Segment::Index(*n)),
            // In a key or between members: the innermost value is this object.
            Frame::Object(..) => break,
        }
    }
    path
}

/// Paths of the keys that occur twice in the same object (the parsed value keeps the last).
/// Walks the text with an explicit stack, so nesting depth cannot overflow; `limit` caps the
/// number reported.
pub fn duplicate_keys(text: &str, limit: usize) -> Vec<JsonPath> {
    enum Frame {
        Object(std::collections::HashSet<String>),
        Array(usize),
    }
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut stack: Vec<(Frame, JsonPath)> = Vec::new();
    let mut i = 0;
    let mut pending_key: Option<String> = None;
    while i < b.len() && out.len() < limit {
        match b[i] {
            b'{' | b'[' => {
                let path = match (stack.last(), pending_key.take()) {
                    (Some((_, p)), Some(k)) => p.key(&k),
                    (Some((Frame::Array(n), p)), None) => p.index(*n),
                    _ => JsonPath::root(),
                };
                let frame = if b[i] == b'{' {
                    Frame::Object(Default::default())
                } else {
                    Frame::Array(0)
                };
                stack.push((frame, path));
                i += 1;
            }
            b'}' | b']' => {
                stack.pop();
                i += 1;
            }
            b',' => {
                if let Some((Frame::Array(n), _)) = stack.last_mut() {
                    *n += 1;
                }
                i += 1;
            }
            b'"' => {
                let end = skip_string(b, i);
                let after = skip_ws(b, end);
                if let (Some((Frame::Object(seen), path)), Some(b':')) =
                    (stack.last_mut(), b.get(after))
                {
                    let key: String = text
                        .get(i..end)
                        .and_then(|raw| serde_json::from_str(raw).ok())
                        .unwrap_or_default();
                    if !seen.insert(key.clone()) {
                        out.push(path.key(&key));
                    }
                    pending_key = Some(key);
                    i = after + 1;
                } else {
                    pending_key = None;
                    i = end;
                }
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(segs: &[Segment]) -> JsonPath {
        JsonPath(segs.to_vec())
    }

    #[test]
    fn finds_nested_values() {
        let text = "{\n  \"format\": \"wegmarke/1\",\n  \"measures\": [\n    {\"id\": \"a\", \"goals\": [\"x\", \"y\"]},\n    {\"id\": \"b\",\n     \"goals\": [\"z\"]}\n  ]\n}";
        let k = |s: &str| Segment::Key(s.into());
        assert_eq!(locate(text, &p(&[k("format")])), Some((2, 13)));
        assert_eq!(
            locate(
                text,
                &p(&[
                    k("measures"),
                    Segment::Index(0),
                    k("goals"),
                    Segment::Index(1)
                ])
            ),
            Some((4, 32))
        );
        assert_eq!(
            locate(
                text,
                &p(&[
                    k("measures"),
                    Segment::Index(1),
                    k("goals"),
                    Segment::Index(0)
                ])
            ),
            Some((6, 16))
        );
        // A missing key points at its parent object.
        assert_eq!(
            locate(text, &p(&[k("measures"), Segment::Index(1), k("nope")])),
            Some((5, 5))
        );
    }

    #[test]
    fn skips_strings_with_brackets_and_escapes() {
        let text = r#"{"a": "}]\",[{", "b": [1, {"c": [2, 3]}, "x"], "d": 4}"#;
        let k = |s: &str| Segment::Key(s.into());
        assert_eq!(locate(text, &p(&[k("d")])), Some((1, 53)));
        assert_eq!(
            locate(text, &p(&[k("b"), Segment::Index(2)])),
            Some((1, 42))
        );
    }

    #[test]
    fn finds_duplicate_keys_at_any_depth() {
        let text =
            r#"{"a": 1, "m": [{"id": "x", "t": "{\"id\":1}", "id": "y"}, {"id": "z"}], "a": 2}"#;
        let found: Vec<String> = duplicate_keys(text, 10)
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(found, ["m[0].id", "a"]);
        assert!(duplicate_keys(r#"{"a": {"b": 1}, "c": {"b": 2}}"#, 10).is_empty());
    }

    fn at(text: &str, marker: &str) -> String {
        let offset = text.find(marker).map_or(usize::MAX, |o| o);
        path_at(text, offset).to_string()
    }

    #[test]
    fn path_at_objects_and_arrays() {
        let text = r#"{"format": "wegmarke/1", "measures": [{"id": "a"}, {"id": "b", "progress": 1e400}]}"#;
        assert_eq!(at(text, "wegmarke/1"), "format");
        assert_eq!(at(text, r#""a""#), "measures[0].id");
        assert_eq!(at(text, "1e400"), "measures[1].progress");
        assert_eq!(at(text, "e400"), "measures[1].progress");
        assert_eq!(at(text, r#"{"id": "b""#), "measures[1]");
        assert_eq!(at(text, "[{"), "measures");
        assert_eq!(at(text, "{"), "");
    }

    #[test]
    fn path_at_nested() {
        let text = "{\"indicators\": [\n {\"id\": \"x\", \"series\": [{\"id\": \"s\", \"observations\": [\n  {\"period\": \"2020\", \"value\": 1},\n  {\"period\": \"2021\", \"value\": @}\n ]}]}]}";
        assert_eq!(
            at(text, "@"),
            "indicators[0].series[0].observations[1].value"
        );
        assert_eq!(
            at(text, "2021"),
            "indicators[0].series[0].observations[1].period"
        );
        // A closing bracket belongs to what it closes.
        assert_eq!(at(text, "}\n ]"), "indicators[0].series[0].observations[1]");
    }

    #[test]
    fn path_at_strings_with_escapes_and_brackets() {
        let text = r#"{"a": "x\"}],{[\\", "b": [1, "\"", {"c\"d": 2, "e": "!"}]}"#;
        assert_eq!(at(text, "],{"), "a");
        assert_eq!(at(text, "2,"), "b[2].c\"d");
        assert_eq!(at(text, "!"), "b[2].e");
    }

    #[test]
    fn path_at_inside_a_key_is_the_object() {
        let text = r#"{"m": [{"id": "a", "titl\ud800e": 1}]}"#;
        assert_eq!(at(text, "\\ud800"), "m[0]");
        assert_eq!(at(text, "titl"), "m[0]");
    }

    #[test]
    fn path_at_past_the_end_and_garbage() {
        let text = r#"{"m": [{"id": "a"}, {"id": "#;
        assert_eq!(path_at(text, text.len() + 100).to_string(), "m[1].id");
        assert_eq!(path_at("", 5), JsonPath::root());
        assert_eq!(path_at("]]}}::,,\"", 9), JsonPath::root());
        assert_eq!(path_at("@@ {", 1), JsonPath::root());
        assert_eq!(path_at("[1, 2, @", 7).to_string(), "[2]");
        let deep = "[".repeat(1000);
        assert_eq!(path_at(&deep, 1000).0.len(), MAX_PATH_DEPTH);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "{\"ä\": 1, \"b\": 2}";
        assert_eq!(locate(text, &p(&[Segment::Key("b".into())])), Some((1, 15)));
    }
}
