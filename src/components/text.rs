//! Data text in the reader's language, marked with its own language where it falls back.

use leptos::prelude::*;
use wegmarke_core::Text;

use crate::ui::Ui;

/// A data text as a `<span>`: `lang` is set where the text is not in the UI language (so screen
/// readers pronounce it right) and `dir="auto"` isolates it, so bidirectional control
/// characters in a data file cannot reorder the page around it.
pub fn txt(text: &Text, default_lang: &str, ui: &Ui) -> impl IntoView {
    let l = text.get(ui.lang(), default_lang);
    let actual = l.lang.unwrap_or(default_lang);
    let lang = (actual != ui.lang()).then(|| actual.to_owned());
    view! { <span lang=lang dir="auto">{l.text.to_owned()}</span> }
}

/// A data text resolved to a plain string (for attributes and titles).
pub fn plain(text: &Text, default_lang: &str, ui: &Ui) -> String {
    text.resolve(ui.lang(), default_lang).to_owned()
}
