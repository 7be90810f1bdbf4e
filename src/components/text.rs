//! Data text in the reader's language, marked with its own language where it falls back
//! (WCAG 3.1.2, language of parts): an Arabic page showing a German title because the data has
//! no Arabic one says `lang="de" dir="ltr"` on that title, so screen readers pronounce it right.

use leptos::prelude::*;
use wegmarke_core::i18n::{is_language_tag, is_rtl};
use wegmarke_core::{Series, Text};

use crate::ui::Ui;

/// A data text resolved for the reader, with the attributes that mark its language.
pub struct Marked {
    /// The string shown.
    pub text: String,
    /// The text's language, only where it differs from the surrounding language.
    pub lang: Option<String>,
    /// The direction of the text's language (`rtl`/`ltr`), always set: it isolates the text, so
    /// bidirectional control characters in a data file cannot reorder the page around it, and
    /// gives an Arabic text that begins with a Latin word ("KiTa …") its right-to-left base
    /// direction, where `auto` would guess left to right from that word.
    pub dir: &'static str,
}

/// `text` resolved in the UI language and marked against `context`, the language of the
/// element it is shown in (the UI language, unless that element sets its own).
pub fn mark_within(text: &Text, default_lang: &str, ui: &Ui, context: &str) -> Marked {
    let l = text.get(ui.lang(), default_lang);
    // A key that is no language tag (validation reports it) is not written into `lang`, where
    // it would be invalid markup: the text is read as if in the surrounding language.
    let tag = if is_language_tag(l.lang) {
        l.lang
    } else {
        context
    };
    let foreign = tag != context;
    Marked {
        text: l.text.to_owned(),
        lang: foreign.then(|| tag.to_owned()),
        dir: if is_rtl(tag) { "rtl" } else { "ltr" },
    }
}

/// `text` resolved and marked against the UI language.
pub fn mark(text: &Text, default_lang: &str, ui: &Ui) -> Marked {
    mark_within(text, default_lang, ui, ui.lang())
}

/// A data text as a `<span>` with `lang` and `dir` where it is not in the UI language.
pub fn txt(text: &Text, default_lang: &str, ui: &Ui) -> impl IntoView {
    span(mark(text, default_lang, ui))
}

/// A data text as a `<span>` inside an element in `context` (e.g. the German-only Leichte
/// Sprache page): marked where it is not in that language.
pub fn txt_within(text: &Text, default_lang: &str, ui: &Ui, context: &str) -> impl IntoView {
    span(mark_within(text, default_lang, ui, context))
}

/// A data text that is a block of its own (a heading, a lead paragraph): its text and the
/// attributes that mark it, to spread onto the block (`<h1 {..marks}>{text}</h1>`). On the block
/// rather than on a span inside it, so that a German paragraph in the Arabic interface is also
/// aligned as German text (to the left), as [`paragraphs`] are, not only ordered as such.
pub fn block(text: &Text, default_lang: &str, ui: &Ui) -> (impl leptos::attr::Attribute, String) {
    let m = mark(text, default_lang, ui);
    (view! { <{..} lang=m.lang dir=m.dir/> }, m.text)
}

fn span(m: Marked) -> impl IntoView {
    view! { <span lang=m.lang dir=m.dir>{m.text}</span> }
}

/// A long data text as paragraphs (split at blank lines), each marked like [`txt`].
pub fn paragraphs(text: &Text, default_lang: &str, ui: &Ui) -> impl IntoView {
    let m = mark(text, default_lang, ui);
    m.text
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| view! { <p lang=m.lang.clone() dir=m.dir>{p.trim().to_owned()}</p> })
        .collect_view()
}

/// A UI sentence with a data text in its `{name}` placeholder: the sentence stays in the UI
/// language and the data text keeps its own marks. `sentence` is the translated text with its
/// other placeholders already filled in (`ui.tf` leaves unknown ones as they are).
/// A translation without the placeholder still shows the data text, after the sentence.
pub fn with_text(sentence: &str, name: &str, text: impl IntoView + 'static) -> AnyView {
    with_texts(sentence, vec![(name, text.into_any())])
}

/// A plain data string that the contract keeps in the plan's default language (a unit such as
/// "Personen"), marked like [`txt`].
pub fn default_txt(s: &str, default_lang: &str, ui: &Ui) -> impl IntoView {
    txt(&Text::Plain(s.to_owned()), default_lang, ui)
}

/// A sentence with several data texts in it: each `{name}` placeholder replaced by its text
/// (marked with its language), in the order the translation puts them; a text whose placeholder
/// is missing follows the sentence.
pub fn with_texts(sentence: &str, mut texts: Vec<(&str, AnyView)>) -> AnyView {
    let first = texts
        .iter()
        .enumerate()
        .filter_map(|(i, (name, _))| sentence.find(&format!("{{{name}}}")).map(|at| (at, i)))
        .min();
    match first {
        Some((at, i)) => {
            let (name, text) = texts.remove(i);
            let before = sentence[..at].to_owned();
            let after = &sentence[at + name.len() + 2..];
            view! { {before}{text}{with_texts(after, texts)} }.into_any()
        }
        None => {
            let rest = texts
                .into_iter()
                .map(|(_, text)| view! { " "{text} })
                .collect_view();
            view! { {sentence.to_owned()}{rest} }.into_any()
        }
    }
}

/// A series' label (marked like [`txt`]), or its id where the data gives none.
pub fn series_label(s: &Series, default_lang: &str, ui: &Ui) -> AnyView {
    match &s.label {
        Some(l) => txt(l, default_lang, ui).into_any(),
        None => s.id.clone().into_any(),
    }
}

/// A data text resolved to a plain string, for what cannot carry a language of its own:
/// attributes, the document title, the embed snippet.
pub fn plain(text: &Text, default_lang: &str, ui: &Ui) -> String {
    text.resolve(ui.lang(), default_lang).to_owned()
}
