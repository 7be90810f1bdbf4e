//! Following the plan without an account: links to the Atom feeds and the calendar that
//! `wegmarke-daten publish` writes beside the data, on the overview, field and measure pages.

use leptos::prelude::*;
use wegmarke_core::Text;
use wegmarke_publish::{field_feed, CALENDAR, PLAN_FEED};

use crate::components::text::{txt, with_text};
use crate::route::Route;
use crate::ui::use_ui;

/// The addresses of the published feeds, under the data folder.
#[derive(Clone, Debug)]
pub struct Feeds {
    base: String,
}

impl Feeds {
    /// The feeds beside the data at `data_url` (`data/`).
    pub fn new(data_url: &str) -> Feeds {
        Feeds {
            base: data_url.to_owned(),
        }
    }

    /// The whole plan's feed.
    pub fn plan(&self) -> String {
        format!("{}{PLAN_FEED}", self.base)
    }

    /// A field of action's feed.
    pub fn field(&self, id: &str) -> String {
        format!("{}{}", self.base, field_feed(id))
    }

    /// The calendar.
    pub fn calendar(&self) -> String {
        format!("{}{CALENDAR}", self.base)
    }

    /// The feed a page announces to feed readers, with the key of its title.
    pub fn for_route(&self, route: &Route) -> (String, &'static str) {
        match route {
            Route::Field(id) => (self.field(id), "follow.field_feed"),
            _ => (self.plan(), "follow.feed"),
        }
    }
}

/// The "stay up to date" box: the field's feed (on its page and on its measures' pages), the
/// plan's feed and the calendar.
#[component]
pub fn Follow(
    /// Where the data lives (`Loaded::data_url`).
    data_url: String,
    /// The fields of action whose feeds to offer, by id and title (none on the overview).
    #[prop(optional)]
    fields: Vec<(String, Text)>,
    /// The plan's default language, which the fields' titles fall back to.
    #[prop(optional)]
    default_lang: String,
) -> impl IntoView {
    let ui = use_ui();
    let feeds = Feeds::new(&data_url);
    let field_links = fields
        .into_iter()
        .map(|(id, title)| {
            // The field's title keeps its own language inside the sentence (WCAG 3.1.2).
            let label = with_text(
                &ui.t("follow.field_feed_named"),
                "field",
                txt(&title, &default_lang, &ui),
            );
            view! {
                <li><a href=feeds.field(&id) type="application/atom+xml" data-testid="follow-field-feed" data-field=id>{label}</a></li>
            }
        })
        .collect_view();
    view! {
        <section class="follow" aria-labelledby="follow-title" data-testid="follow">
            <h2 id="follow-title">{ui.t("follow.title")}</h2>
            <p>{ui.t("follow.intro")}</p>
            <ul>
                {field_links}
                <li><a href=feeds.plan() type="application/atom+xml" data-testid="follow-feed">{ui.t("follow.feed")}</a></li>
                <li><a href=feeds.calendar() type="text/calendar" data-testid="follow-calendar">{ui.t("follow.calendar")}</a></li>
            </ul>
        </section>
    }
}
