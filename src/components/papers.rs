//! The council papers (Drucksachen) of a measure or a report: each with its number, its title
//! (a link to its page in the council information system where the data has one) and its date.

use leptos::prelude::*;
use wegmarke_core::{format, Paper};

use crate::components::text::txt;
use crate::ui::Ui;

/// The papers as a list, in the data's order. Validation has cleared every `web` link that is
/// not an http(s) page, so the link opens like any other link on the page.
pub fn paper_list(papers: &[Paper], default_lang: &str, ui: &Ui) -> impl IntoView {
    let lang = ui.lang();
    let items = papers
        .iter()
        .map(|p| {
            let title = txt(&p.name, default_lang, ui);
            let title = match &p.web {
                Some(web) => {
                    view! { <a href=web.clone() rel="noopener noreferrer">{title}</a> }.into_any()
                }
                None => title.into_any(),
            };
            view! {
                <li data-testid="paper">
                    <span class="paper-ref" dir="auto">{p.reference.clone()}</span>": "{title}
                    {p.date.map(|x| view! {
                        " · "<time datetime=x.to_string()>{format::date(&x, lang)}</time>
                    })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="papers" data-testid="papers">{items}</ul> }
}
