//! Text output of the staff tool: every line goes through [`say`], made [`inert`] for the
//! terminal. The messages themselves (German and English) come from the workbook crate.

pub use wegmarke_workbook::{msg, Lang, Msg};

/// Whether a character could steer a terminal or reorder what it shows: C0 and C1 controls,
/// DEL, and the bidirectional controls (embeddings, overrides, isolates, marks).
fn is_terminal_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// Text from data (ids, titles, paths, messages that quote them) made inert for a terminal:
/// every control character becomes a visible escape such as `\u{1b}`, so a title cannot move
/// the cursor, recolour the screen or reverse the line it is printed in.
pub fn inert(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_terminal_control) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_terminal_control(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Prints one line of human output, made [`inert`]. Every command's text output goes through
/// here; JSON output does not (serde escapes control characters itself).
pub fn say(line: &str) {
    println!("{}", inert(line));
}

/// Prints a JSON document for machines. serde escapes C0 controls in strings; DEL, C1 and
/// bidirectional controls are valid raw in JSON but could still steer a terminal the output is
/// shown in, so they are written as `\uXXXX` escapes too (the same value to any JSON reader).
pub fn say_json(value: &serde_json::Value) {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_terminal_control(c) && !matches!(c, '\n' | '\t' | '\r') {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    println!("{out}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible_escapes() {
        assert_eq!(inert("M-1 Sprache „x“ ✔"), "M-1 Sprache „x“ ✔");
        assert_eq!(inert("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(inert("\u{9b}31m"), "\\u{9b}31m");
        assert_eq!(inert("x\u{7f}"), "x\\u{7f}");
        assert_eq!(inert("line\nbreak\r"), "line\\u{a}break\\u{d}");
        assert_eq!(inert("\u{202e}gpj.exe"), "\\u{202e}gpj.exe");
        assert_eq!(inert("\u{2066}a\u{2069}"), "\\u{2066}a\\u{2069}");
    }
}
