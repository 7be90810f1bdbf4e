//! The plan's news: what a follower wants to hear about, as items with ids that stay the same
//! from one publication to the next, so a feed reader shows each item once.
//!
//! - every update of a measure (its date, text, progress);
//! - an update whose status differs from the status before it is a status change;
//! - the newest value of every indicator series (a new period is a new item), dated by the
//!   data's date (`as_of`): when it was published, as far as the data knows.

use wegmarke_core::{format, permalink, Status};

use crate::{first_day, Context};

/// What an item reports.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Update,
    StatusChange { from: Status, to: Status },
    NewValue,
}

impl Kind {
    /// The category term in the feed.
    pub fn term(&self) -> &'static str {
        match self {
            Kind::Update => "update",
            Kind::StatusChange { .. } => "status-change",
            Kind::NewValue => "new-value",
        }
    }
}

/// One news item.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Stable key, unique in the plan: `measure/M-1.2/update/2026-05-12/1`.
    pub key: String,
    pub kind: Kind,
    /// `YYYY-MM-DD`: the update's day, or for a value the data's date.
    pub date: String,
    pub title: String,
    pub summary: String,
    /// The page's hash link (`#/massnahme/M-1.2`).
    pub page: String,
    /// The fields of action it belongs to.
    pub fields: Vec<String>,
}

/// All items, newest first (then by key, so the order is total).
pub fn items(ctx: &Context) -> Vec<Item> {
    let mut out = measure_items(ctx);
    out.extend(value_items(ctx));
    out.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.key.cmp(&b.key)));
    out
}

fn status_label(ctx: &Context, s: Status) -> String {
    ctx.cat.t(&format!("status.{}", s.as_str())).to_owned()
}

fn measure_items(ctx: &Context) -> Vec<Item> {
    let lang = ctx.lang();
    let mut out = Vec::new();
    for m in ctx.measures() {
        let title = ctx.text(&m.title);
        let fields = ctx.fields_of(&m.goals);
        let mut updates: Vec<_> = m.updates.iter().collect();
        updates.sort_by(|a, b| a.date.period().cmp(b.date.period()));
        let mut before: Option<Status> = None;
        let mut same_day = 0;
        for (i, u) in updates.iter().enumerate() {
            same_day = match i.checked_sub(1).map(|j| updates[j].date) {
                Some(prev) if prev == u.date => same_day + 1,
                _ => 1,
            };
            let kind = match (before, u.status) {
                (Some(from), Some(to)) if from != to => Kind::StatusChange { from, to },
                _ => Kind::Update,
            };
            if u.status.is_some() {
                before = u.status;
            }
            let date = format::date(&u.date, lang);
            let headline = match &kind {
                Kind::StatusChange { from, to } => ctx.cat.tf(
                    "feed.status_change",
                    &[
                        ("measure", title),
                        ("from", &status_label(ctx, *from)),
                        ("to", &status_label(ctx, *to)),
                    ],
                ),
                _ => ctx
                    .cat
                    .tf("feed.update", &[("measure", title), ("date", &date)]),
            };
            let mut summary = u
                .text
                .as_ref()
                .map(|t| ctx.text(t).to_owned())
                .unwrap_or_default();
            if let Some(p) = u.progress {
                let progress = ctx
                    .cat
                    .tf("feed.progress", &[("percent", &format::percent(p, lang))]);
                summary = [summary, progress]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
            }
            out.push(Item {
                key: format!("measure/{}/update/{}/{same_day}", m.id, u.date),
                kind,
                date: first_day(&u.date),
                title: headline,
                summary,
                page: permalink::measure(&m.id),
                fields: fields.clone(),
            });
        }
    }
    out
}

fn value_items(ctx: &Context) -> Vec<Item> {
    let lang = ctx.lang();
    let as_of = ctx.as_of();
    let mut out = Vec::new();
    for ind in ctx.ds.indicators() {
        let title = ctx.text(ind.short_title.as_ref().unwrap_or(&ind.title));
        let fields = ctx.fields_of(&ind.goals);
        for series in &ind.series {
            let newest = series
                .observations
                .iter()
                .filter_map(|o| o.value.map(|v| (o.period, v)))
                .max_by(|a, b| a.0.cmp(&b.0));
            let Some((period, value)) = newest else {
                continue;
            };
            let shown = format::value_with_unit(value, ind.decimals, ind.unit.as_deref(), lang);
            let label = series.label.as_ref().map(|l| ctx.text(l));
            let summary = match label {
                Some(label) => format!("{label}: {shown}"),
                None => shown,
            };
            out.push(Item {
                key: format!("indicator/{}/series/{}/value/{period}", ind.id, series.id),
                kind: Kind::NewValue,
                date: as_of.clone(),
                title: ctx.cat.tf(
                    "feed.new_value",
                    &[
                        ("indicator", title),
                        ("period", &format::period(&period, lang)),
                    ],
                ),
                summary,
                page: permalink::indicator(&ind.id),
                fields: fields.clone(),
            });
        }
    }
    out
}
