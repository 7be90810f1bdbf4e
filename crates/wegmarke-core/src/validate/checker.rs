//! One file's problem list (capped, located at the end) and the checks every data file shares:
//! ids, references, text lengths, links and paths, numbers, start before end.

use std::collections::{HashMap, HashSet};

use super::link::{
    check_email, check_link, check_path, check_phone, check_web_link, is_plain_path, PathUse,
};
use super::{is_valid_id, MAX_ABS_NUMBER, MAX_LOCATED, MAX_PROBLEMS_PER_FILE};
use super::{LANGUAGE_TAGS, MAX_SHORT, MAX_TITLE};
use crate::i18n::is_language_tag;
use crate::locate::locate;
use crate::model::Paper;
use crate::problem::{
    JsonPath, LeftOutReason, LinkFault, Problem, ProblemKind, RefKind, Segment, Severity,
};
use crate::text::Text;

/// Collects the problems of one file. `LOCATED`: a value of the wrong type is reported at its
/// own path and cut out of its entry; otherwise the entry is left out, reported as a whole, and
/// `unlocated` is set.
pub(super) struct Checker<const LOCATED: bool> {
    file: String,
    problems: Vec<Problem>,
    dropped: usize,
    /// Every entry left out, uncapped, so that [`Checker::finish`] can name those whose problem
    /// was only counted.
    left_out: Vec<JsonPath>,
    pub(super) unlocated: bool,
}

/// Keeps the items for which `keep` says yes. `keep` sees every item once, in order, with its
/// index before anything was removed, so problems name the entry as it stands in the file.
pub(super) fn retain_indexed<T>(items: &mut Vec<T>, mut keep: impl FnMut(usize, &mut T) -> bool) {
    let mut index = 0;
    items.retain_mut(|item| {
        let kept = keep(index, item);
        index += 1;
        kept
    });
}

impl<const LOCATED: bool> Checker<LOCATED> {
    pub(super) fn new(file: &str) -> Self {
        Checker {
            file: file.to_owned(),
            problems: Vec::new(),
            dropped: 0,
            left_out: Vec::new(),
            unlocated: false,
        }
    }

    /// Adds a problem, with its line and column when already known; past the cap it is only
    /// counted.
    pub(super) fn push_at(
        &mut self,
        severity: Severity,
        path: JsonPath,
        kind: ProblemKind,
        line_col: Option<(usize, usize)>,
    ) {
        if self.problems.len() < MAX_PROBLEMS_PER_FILE {
            let mut p = Problem::new(severity, &self.file, path, kind);
            if let Some((line, column)) = line_col {
                p.line = Some(line);
                p.column = Some(column);
            }
            self.problems.push(p);
        } else {
            self.dropped += 1;
        }
    }

    /// Records that the entry at `path` is left out. Called wherever an entry is dropped, after
    /// (or instead of) the problem that says why.
    pub(super) fn leave_out(&mut self, path: &JsonPath) {
        self.left_out.push(path.clone());
    }

    /// A problem in an entry that stays usable (or is left out on its own).
    pub(super) fn problem(&mut self, path: JsonPath, kind: ProblemKind) {
        self.push_at(Severity::Problem, path, kind, None);
    }

    /// A problem that makes the whole file unusable.
    pub(super) fn fatal(&mut self, kind: ProblemKind) {
        self.push_at(Severity::Fatal, JsonPath::root(), kind, None);
    }

    /// Names every left-out entry that no listed problem names (its problem was only counted),
    /// adds line and column to the first problems and closes with a count of the rest.
    pub(super) fn finish(mut self, text: Option<&str>) -> Vec<Problem> {
        let named: HashSet<&[Segment]> = self
            .problems
            .iter()
            .flat_map(|p| (0..=p.path.0.len()).map(|n| &p.path.0[..n]))
            .collect();
        let mut unnamed: Vec<JsonPath> = Vec::new();
        let mut added: HashSet<&JsonPath> = HashSet::new();
        for path in &self.left_out {
            if !named.contains(path.0.as_slice()) && added.insert(path) {
                unnamed.push(path.clone());
            }
        }
        drop(named);
        let listed = self.problems.len();
        for path in unnamed {
            self.problems.push(Problem::new(
                Severity::Problem,
                &self.file,
                path,
                ProblemKind::EntryLeftOut {
                    reason: LeftOutReason::TooManyProblems,
                },
            ));
        }
        if let Some(text) = text {
            // The first listed problems and the first of the entries named here get located.
            let located =
                |i: &usize| *i < MAX_LOCATED || (*i >= listed && *i - listed < MAX_LOCATED);
            for (_, p) in self
                .problems
                .iter_mut()
                .enumerate()
                .filter(|(i, _)| located(i))
            {
                if p.line.is_none() && !p.path.0.is_empty() {
                    if let Some((l, c)) = locate(text, &p.path) {
                        p.line = Some(l);
                        p.column = Some(c);
                    }
                }
            }
        }
        if self.dropped > 0 {
            let more = self.dropped;
            self.problems.push(Problem::new(
                Severity::Problem,
                &self.file,
                JsonPath::root(),
                ProblemKind::TooManyProblems { more },
            ));
        }
        self.problems
    }

    /// Drops entries with an invalid or repeated id (reporting each) and keeps the rest in order.
    pub(super) fn unique_ids<T>(
        &mut self,
        items: &mut Vec<T>,
        array: &str,
        id: impl Fn(&T) -> &str,
    ) {
        let base = JsonPath::root().key(array);
        let mut seen: HashMap<String, usize> = HashMap::new();
        retain_indexed(items, |i, item| {
            let the_id = id(item);
            let path = base.index(i).key("id");
            if !is_valid_id(the_id) {
                self.problem(
                    path,
                    ProblemKind::InvalidId {
                        value: the_id.to_owned(),
                    },
                );
                self.leave_out(&base.index(i));
                false
            } else if let Some(first) = seen.get(the_id) {
                let first = base.index(*first).to_string();
                self.problem(
                    path,
                    ProblemKind::DuplicateId {
                        id: the_id.to_owned(),
                        first,
                    },
                );
                self.leave_out(&base.index(i));
                false
            } else {
                seen.insert(the_id.to_owned(), i);
                true
            }
        });
    }

    /// Keeps the references that resolve; reports the others. `known` None: not checkable.
    pub(super) fn refs(
        &mut self,
        list: &mut Vec<String>,
        known: &Option<HashSet<String>>,
        target: RefKind,
        path: &JsonPath,
    ) {
        let Some(known) = known else { return };
        // A dropped reference is a value of its entry, not an entry: like a cleared single
        // reference it is not recorded as left out (its entry stays).
        retain_indexed(list, |index, id| {
            let ok = known.contains(id);
            if !ok {
                self.problem(
                    path.index(index),
                    ProblemKind::UnknownReference {
                        target,
                        id: id.clone(),
                    },
                );
            }
            ok
        });
    }

    /// Clears a single reference that does not resolve, reporting it.
    pub(super) fn one_ref(
        &mut self,
        r: &mut Option<String>,
        known: &Option<HashSet<String>>,
        target: RefKind,
        path: &JsonPath,
    ) {
        if let (Some(id), Some(known)) = (r.as_ref(), known) {
            if !known.contains(id) {
                self.problem(
                    path.clone(),
                    ProblemKind::UnknownReference {
                        target,
                        id: id.clone(),
                    },
                );
                *r = None;
            }
        }
    }

    /// Cuts every language of a text to `max` characters, reporting each that was too long, and
    /// reports keys that are not language tags (`Deutsch`, `DE`, `de_DE`): no reader's language
    /// finds them, and the page cannot say which language they are in.
    pub(super) fn check_text(&mut self, t: &mut Text, max: usize, path: &JsonPath) {
        if let Text::Map(m) = t {
            let bad: Vec<String> = m.keys().filter(|k| !is_language_tag(k)).cloned().collect();
            for key in bad {
                self.problem(
                    path.key(&key),
                    ProblemKind::UnknownValue {
                        found: key,
                        allowed: LANGUAGE_TAGS.into(),
                    },
                );
            }
        }
        for s in t.variants_mut() {
            let length = s.chars().count();
            if length > max {
                self.problem(path.clone(), ProblemKind::TooLong { length, max });
                *s = s.chars().take(max).chain(std::iter::once('…')).collect();
            }
        }
    }

    pub(super) fn check_opt_text(&mut self, t: &mut Option<Text>, max: usize, path: &JsonPath) {
        if let Some(t) = t.as_mut() {
            self.check_text(t, max, path);
        }
    }

    /// A title: not blank, and cut to [`MAX_TITLE`].
    pub(super) fn check_title(&mut self, t: &mut Text, path: &JsonPath) {
        if t.is_blank() {
            self.problem(path.clone(), ProblemKind::EmptyText);
        }
        self.check_text(t, MAX_TITLE, path);
    }

    /// A short string (unit, district), cut to [`MAX_SHORT`].
    pub(super) fn check_short(&mut self, s: &mut String, path: &JsonPath) {
        let length = s.chars().count();
        if length > MAX_SHORT {
            self.problem(
                path.clone(),
                ProblemKind::TooLong {
                    length,
                    max: MAX_SHORT,
                },
            );
            *s = s.chars().take(MAX_SHORT).collect();
        }
    }

    /// Whether a link may be shown ([`check_link`]); reports it otherwise.
    pub(super) fn safe_link(&mut self, url: &str, path: &JsonPath) -> bool {
        self.link_ok(url, check_link(url), path)
    }

    fn link_ok(&mut self, url: &str, checked: Result<(), LinkFault>, path: &JsonPath) -> bool {
        match checked {
            Ok(()) => true,
            Err(fault) => {
                self.problem(
                    path.clone(),
                    ProblemKind::BadLink {
                        url: url.to_owned(),
                        fault,
                    },
                );
                false
            }
        }
    }

    /// Clears a link that may not be shown, reporting it.
    pub(super) fn check_url(&mut self, url: &mut Option<String>, path: &JsonPath) {
        if url.as_ref().is_some_and(|u| !self.safe_link(u, path)) {
            *url = None;
        }
    }

    /// Clears a web page link that may not be shown or is not http(s), reporting it.
    pub(super) fn check_web(&mut self, url: &mut Option<String>, path: &JsonPath) {
        if let Some(u) = url.as_deref() {
            if !self.link_ok(u, check_web_link(u), path) {
                *url = None;
            }
        }
    }

    /// A list of council papers. A paper without its reference, or with a reference listed
    /// before, is left out (the reference is what a reader and a council system know it by);
    /// a blank title is reported, a `web` link that is not http(s) cleared.
    pub(super) fn check_papers(&mut self, papers: &mut Vec<Paper>, path: &JsonPath) {
        let mut seen: HashMap<String, usize> = HashMap::new();
        retain_indexed(papers, |j, p| {
            let at = path.index(j);
            let reference = p.reference.trim();
            if reference.is_empty() {
                self.problem(at.key("reference"), ProblemKind::EmptyReference);
                self.leave_out(&at);
                return false;
            }
            if let Some(first) = seen.get(reference) {
                self.problem(
                    at.key("reference"),
                    ProblemKind::DuplicateReference {
                        reference: reference.to_owned(),
                        first: path.index(*first).to_string(),
                    },
                );
                self.leave_out(&at);
                return false;
            }
            seen.insert(reference.to_owned(), j);
            self.check_short(&mut p.reference, &at.key("reference"));
            self.check_title(&mut p.name, &at.key("name"));
            self.check_web(&mut p.web, &at.key("web"));
            if let Some(id) = p.id.as_mut() {
                self.check_short(id, &at.key("id"));
            }
            true
        });
    }

    /// Clears an email address that is not one plain address ([`check_email`]), reporting it.
    pub(super) fn check_email(&mut self, email: &mut Option<String>, path: &JsonPath) {
        if let Some(e) = email.as_deref() {
            if !self.link_ok(e, check_email(e), path) {
                *email = None;
            }
        }
    }

    /// Clears a phone number with other characters than a `tel:` link allows, reporting it.
    pub(super) fn check_phone(&mut self, phone: &mut Option<String>, path: &JsonPath) {
        if let Some(p) = phone.as_deref() {
            if !self.link_ok(p, check_phone(p), path) {
                *phone = None;
            }
        }
    }

    /// Clears a path that would leave its folder ([`check_path`]), reporting it. The quick
    /// check passes only plain paths ([`is_plain_path`]); any other it clears unreported and
    /// sets `unlocated`, so that the located check (with the resolver) decides.
    pub(super) fn check_path(&mut self, p: &mut Option<String>, what: PathUse, path: &JsonPath) {
        let Some(value) = p.as_deref() else { return };
        if !LOCATED {
            if !is_plain_path(value, what) {
                self.unlocated = true;
                *p = None;
            }
            return;
        }
        if let Err(fault) = check_path(value, what) {
            self.problem(
                path.clone(),
                ProblemKind::BadPath {
                    path: value.to_owned(),
                    fault,
                },
            );
            *p = None;
        }
    }

    /// A finite number in range, else reported and `None`.
    pub(super) fn check_number(
        &mut self,
        v: &mut Option<f64>,
        min: f64,
        max: f64,
        path: &JsonPath,
    ) {
        if let Some(x) = *v {
            if !x.is_finite() || x.abs() > MAX_ABS_NUMBER {
                self.problem(path.clone(), ProblemKind::AbsurdNumber { value: x });
                *v = None;
            } else if x < min || x > max {
                self.problem(path.clone(), ProblemKind::OutOfRange { value: x, min, max });
                *v = None;
            }
        }
    }

    /// An integer in `min..=max`, else reported and `None`.
    pub(super) fn check_int<T: Copy + Into<f64> + PartialOrd>(
        &mut self,
        v: &mut Option<T>,
        min: T,
        max: T,
        path: &JsonPath,
    ) {
        if let Some(x) = *v {
            if x < min || x > max {
                self.problem(
                    path.clone(),
                    ProblemKind::OutOfRange {
                        value: x.into(),
                        min: min.into(),
                        max: max.into(),
                    },
                );
                *v = None;
            }
        }
    }

    /// Whether a number is finite and not absurdly large; reports it otherwise.
    pub(super) fn plausible(&mut self, x: f64, path: &JsonPath) -> bool {
        let ok = x.is_finite() && x.abs() <= MAX_ABS_NUMBER;
        if !ok {
            self.problem(path.clone(), ProblemKind::AbsurdNumber { value: x });
        }
        ok
    }

    /// Clears an end before its start, reporting it.
    pub(super) fn check_order<T: Ord + std::fmt::Display>(
        &mut self,
        start: Option<&T>,
        end: &mut Option<T>,
        path: &JsonPath,
    ) {
        if let (Some(s), Some(e)) = (start, end.as_ref()) {
            if e < s {
                self.problem(
                    path.clone(),
                    ProblemKind::EndBeforeStart {
                        start: s.to_string(),
                        end: e.to_string(),
                    },
                );
                *end = None;
            }
        }
    }
}
