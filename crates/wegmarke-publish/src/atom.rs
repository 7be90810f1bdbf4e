//! Atom feeds (RFC 4287) of the plan's news: one for the whole plan, one per field of action.
//! Written by hand: the format needs a dozen elements, and a library would bring an XML writer
//! and a date library into the Datenwerkstatt's part for them. Independent parsers check the
//! output in the tests (scripts/tests).

use wegmarke_core::text::xml_escape as esc;
use wegmarke_core::{permalink, Field};

use crate::news::Item;
use crate::{field_feed, Context, File, PLAN_FEED};

/// The newest items a feed carries. Readers poll feeds and keep what they have seen, so older
/// items need not travel again: a 2,000-measure plan's feed stays about 45 KB instead of 1.2 MB.
pub const MAX_ENTRIES: usize = 100;

/// The feed of the whole plan (`field` `None`) or of one field of action.
pub fn feed(ctx: &Context, items: &[Item], field: Option<&Field>) -> File {
    let site = ctx.site;
    let plan = ctx.plan_title();
    let (path, title, page) = match field {
        None => (
            PLAN_FEED.to_owned(),
            ctx.cat.tf("feed.title", &[("plan", plan)]),
            permalink::OVERVIEW.to_owned(),
        ),
        Some(f) => (
            field_feed(&f.id),
            ctx.cat.tf(
                "feed.title_field",
                &[("plan", plan), ("field", ctx.text(&f.title))],
            ),
            permalink::field(&f.id),
        ),
    };
    let chosen: Vec<&Item> = items
        .iter()
        .filter(|i| field.is_none_or(|f| i.fields.contains(&f.id)))
        .take(MAX_ENTRIES)
        .collect();
    let updated = chosen
        .iter()
        .map(|i| i.date.as_str())
        .max()
        .map_or_else(|| ctx.as_of(), str::to_owned);
    let author = ctx
        .ds
        .plan
        .as_ref()
        .and_then(|p| p.plan.publisher.as_ref())
        .map_or(plan, |p| ctx.text(p));

    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        esc(ctx.lang())
    ));
    x.push_str(&format!(
        "  <id>{}</id>\n",
        esc(&tag(ctx, &format!("feed/{path}")))
    ));
    x.push_str(&format!("  <title>{}</title>\n", esc(&title)));
    x.push_str(&format!("  <updated>{}</updated>\n", timestamp(&updated)));
    x.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        esc(&site.file(&path))
    ));
    x.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        esc(&site.page(&page))
    ));
    x.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        esc(author)
    ));
    if let Some(licence) = ctx.config.licence.as_ref() {
        x.push_str(&format!(
            "  <rights>{}</rights>\n",
            esc(ctx.text(&licence.name))
        ));
    }
    x.push_str("  <generator>Wegmarke</generator>\n");
    for item in chosen {
        entry(&mut x, ctx, item);
    }
    x.push_str("</feed>\n");
    File {
        path,
        media_type: "application/atom+xml",
        text: x,
    }
}

fn entry(x: &mut String, ctx: &Context, item: &Item) {
    let key = format!("feed.kind.{}", item.kind.term());
    let label = ctx.cat.t(&key);
    x.push_str("  <entry>\n");
    x.push_str(&format!("    <id>{}</id>\n", esc(&tag(ctx, &item.key))));
    x.push_str(&format!("    <title>{}</title>\n", esc(&item.title)));
    x.push_str(&format!(
        "    <updated>{}</updated>\n",
        timestamp(&item.date)
    ));
    x.push_str(&format!(
        "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        esc(&ctx.site.page(&item.page))
    ));
    x.push_str(&format!(
        "    <category term=\"{}\" label=\"{}\"/>\n",
        item.kind.term(),
        esc(label)
    ));
    if !item.summary.is_empty() {
        x.push_str(&format!("    <summary>{}</summary>\n", esc(&item.summary)));
    }
    x.push_str("  </entry>\n");
}

/// A tag URI (RFC 4151) under the site's address: ids stay when the data changes, and differ
/// between two dashboards.
fn tag(ctx: &Context, key: &str) -> String {
    let authority = ctx.site.authority();
    let (host, path) = authority.split_once('/').unwrap_or((authority, ""));
    format!("tag:{host},2026:/{path}{key}")
}

/// `YYYY-MM-DD` as an Atom date-time, at midnight UTC.
fn timestamp(day: &str) -> String {
    format!("{day}T00:00:00Z")
}
