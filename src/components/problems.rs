//! The data notices: fatal file problems with a retry, and the list of content problems, each
//! with its location, in the reader's language.

use std::sync::Arc;

use leptos::prelude::*;
use wegmarke_core::{Problem, Severity};

use crate::load::Loaded;
use crate::ui::use_ui;

/// Fatal problems first (with a retry), then a collapsible list of the other problems.
#[component]
pub fn DataNotices(
    /// The loaded data with its problems.
    loaded: Arc<Loaded>,
    /// Loads everything again.
    retry: Callback<()>,
) -> impl IntoView {
    let ui = use_ui();
    let problems = &loaded.data.problems;
    let (fatal, content): (Vec<&Problem>, Vec<&Problem>) =
        problems.iter().partition(|p| p.severity == Severity::Fatal);
    let fatal_view = (!fatal.is_empty()).then(|| {
        let items = problem_items(&fatal, ui.lang());
        view! {
            <section class="notice notice-fatal" role="alert" data-testid="fatal">
                <h2>{ui.t("load.fatal_title")}</h2>
                <ul class="problem-list">{items}</ul>
                <p>{ui.t("load.fatal_hint")}</p>
                <button type="button" class="button" on:click=move |_| retry.run(())>{ui.t("load.retry")}</button>
            </section>
        }
    });
    let content_view = (!content.is_empty()).then(|| {
        let items = problem_items(&content, ui.lang());
        let title = ui.tf("problems.title", &[("count", &content.len().to_string())]);
        view! {
            <details class="notice notice-problems" data-testid="problems">
                <summary>{title}</summary>
                <p>{ui.t("problems.hint")}</p>
                <ul class="problem-list">{items}</ul>
            </details>
        }
    });
    view! { {fatal_view} {content_view} }
}

fn problem_items(problems: &[&Problem], lang: &str) -> impl IntoView {
    // Problem messages exist in German and English; other languages read the English ones,
    // left to right whatever they quote (`auto` would set one that starts with an Arabic name
    // right to left).
    let msg_lang = if lang == "de" { "de" } else { "en" };
    problems
        .iter()
        .map(|p| {
            view! {
                <li data-testid="problem">
                    <code class="problem-where" dir="ltr">{p.location()}</code>
                    " "
                    <span class="problem-what" lang=msg_lang dir="ltr">{p.message(msg_lang)}</span>
                </li>
            }
        })
        .collect_view()
}
