//! The first stage: a file's bytes to a JSON object with a supported `format`, or one fatal
//! problem saying why not (unreachable, not UTF-8, empty, HTML, JSON syntax, format).

use serde_json::Value;

use super::checker::Checker;
use super::{Input, MAX_LOCATED};
use crate::locate::{duplicate_keys, line_col, locate, path_at};
use crate::model::FORMAT;
use crate::problem::{JsonPath, ProblemKind, Segment, Severity};

/// A file read as JSON, with its text for locating problems later.
pub(super) struct Doc {
    pub(super) text: String,
    pub(super) value: Value,
}

impl<const LOCATED: bool> Checker<LOCATED> {
    /// A data file: it must name its format.
    pub(super) fn read(&mut self, input: &Input) -> Option<Doc> {
        self.read_with(input, true)
    }

    /// Bytes -> JSON object with a supported `format`, or a fatal problem.
    pub(super) fn read_with(&mut self, input: &Input, needs_format: bool) -> Option<Doc> {
        let bytes = match input {
            Input::Unreachable(detail) => {
                self.fatal(ProblemKind::Unreachable {
                    detail: detail.clone(),
                });
                return None;
            }
            Input::Bytes(b) => *b,
        };
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let offset = e.valid_up_to();
                let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or("");
                self.fatal_at(
                    JsonPath::root(),
                    ProblemKind::NotUtf8 { offset },
                    Some(line_col(valid, offset)),
                );
                return None;
            }
        };
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => {
                self.problem(JsonPath::root(), ProblemKind::ByteOrderMark);
                rest
            }
            None => text,
        };
        let trimmed = text.trim_start();
        if trimmed.is_empty() {
            self.fatal(ProblemKind::Empty);
            return None;
        }
        if trimmed.starts_with('<') {
            self.fatal(ProblemKind::LooksLikeHtml);
            return None;
        }
        let value: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                let truncated = e.is_eof();
                let detail = syntax_detail(&e);
                // serde_json reports column 0 for an error right after a line break.
                let at = (e.line(), e.column().max(1));
                // The file stays unusable, but the message names the entry the error is in, so
                // staff find it; the problem itself stays at the file (its location is the line).
                // Naming the entry is the located check's (its own part): the quick one leaves
                // it off and sets `unlocated`, so the reader sees the located message.
                let detail = if !LOCATED {
                    self.unlocated = true;
                    detail
                } else {
                    let entry = path_at(text, byte_offset(text, e.line(), e.column()));
                    if entry.0.is_empty() {
                        detail
                    } else {
                        format!("{detail}, in {entry}")
                    }
                };
                self.fatal_at(
                    JsonPath::root(),
                    ProblemKind::Syntax { detail, truncated },
                    Some(at),
                );
                return None;
            }
        };
        let Some(obj) = value.as_object() else {
            self.fatal(ProblemKind::NotAnObject);
            return None;
        };
        match obj.get("format") {
            Some(Value::String(f)) if f == FORMAT => {}
            None if !needs_format => {}
            None => {
                self.fatal(ProblemKind::FormatMissing);
                return None;
            }
            Some(other) => {
                let found = match other {
                    Value::String(s) => s.clone(),
                    v => v.to_string(),
                };
                let path = JsonPath::root().key("format");
                let at = locate(text, &path);
                self.fatal_at(path, ProblemKind::FormatUnknown { found }, at);
                return None;
            }
        }
        for path in duplicate_keys(text, MAX_LOCATED) {
            let key = match path.0.last() {
                Some(Segment::Key(k)) => k.clone(),
                _ => String::new(),
            };
            self.problem(path, ProblemKind::DuplicateKey { key });
        }
        Some(Doc {
            text: text.to_owned(),
            value,
        })
    }

    /// A fatal problem at `path`, with its line and column where known.
    fn fatal_at(&mut self, path: JsonPath, kind: ProblemKind, at: Option<(usize, usize)>) {
        self.push_at(Severity::Fatal, path, kind, at);
    }
}

/// serde_json's message without the " at line L column C" it appends: the location is shown
/// separately.
fn syntax_detail(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

/// The byte offset of serde_json's 1-based line and column (counted in bytes; column 0 means
/// the line break before the line).
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    match column {
        0 => line_start.saturating_sub(1),
        c => line_start.saturating_add(c - 1).min(text.len()),
    }
}
