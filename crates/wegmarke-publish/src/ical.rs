//! An iCalendar file (RFC 5545) of the plan's dates: every milestone of every measure and every
//! council report. A date that names only a month or a year is an all-day event over that month
//! or year. Written by hand for the reasons in [`crate::atom`]; tests parse it independently.

use wegmarke_core::period::days_in_month;
use wegmarke_core::{permalink, Date};

use crate::{Context, File, CALENDAR};

/// The calendar file.
pub fn calendar(ctx: &Context) -> File {
    let stamp = format!("{}T000000Z", ctx.as_of().replace('-', ""));
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Wegmarke//Integrationsplan//DE".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        format!("X-WR-CALNAME:{}", text(ctx.plan_title())),
    ];
    let host = ctx.site.host();
    for m in ctx.measures() {
        let title = ctx.text(&m.title);
        let mut same_day = 0;
        let mut previous: Option<&Date> = None;
        for ms in &m.milestones {
            same_day = if previous == Some(&ms.date) {
                same_day + 1
            } else {
                1
            };
            previous = Some(&ms.date);
            let state = ctx.cat.t(if ms.done {
                "calendar.milestone_done"
            } else {
                "calendar.milestone_open"
            });
            let description = ctx.cat.tf(
                "calendar.milestone",
                &[("measure", title), ("state", state)],
            );
            event(
                &mut lines,
                Event {
                    uid: format!("milestone-{}-{}-{same_day}@{host}", m.id, ms.date),
                    stamp: &stamp,
                    date: &ms.date,
                    summary: format!("{}: {}", title, ctx.text(&ms.title)),
                    description,
                    url: ctx.site.page(&permalink::measure(&m.id)),
                    category: ctx.cat.t("calendar.category_milestone"),
                },
            );
        }
    }
    for report in ctx.ds.reports() {
        let mut description = ctx.cat.t("calendar.report").to_owned();
        if let Some(reference) = report.reference.as_deref() {
            description.push_str(&format!(" ({reference})"));
        }
        event(
            &mut lines,
            Event {
                uid: format!("report-{}@{host}", report.date),
                stamp: &stamp,
                date: &report.date,
                summary: ctx.text(&report.title).to_owned(),
                description,
                url: ctx.site.page(permalink::REPORT),
                category: ctx.cat.t("calendar.category_report"),
            },
        );
    }
    lines.push("END:VCALENDAR".to_owned());
    let mut out = String::new();
    for line in lines {
        out.push_str(&fold(&line));
    }
    File {
        path: CALENDAR.to_owned(),
        media_type: "text/calendar",
        text: out,
    }
}

struct Event<'a> {
    uid: String,
    stamp: &'a str,
    date: &'a Date,
    summary: String,
    description: String,
    url: String,
    category: &'a str,
}

fn event(lines: &mut Vec<String>, e: Event) {
    let (y, m, d) = e.date.period().start();
    let (ey, em, ed) = day_after(e.date.period().end());
    lines.extend([
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", text(&e.uid)),
        format!("DTSTAMP:{}", e.stamp),
        format!("DTSTART;VALUE=DATE:{y:04}{m:02}{d:02}"),
        format!("DTEND;VALUE=DATE:{ey:04}{em:02}{ed:02}"),
        format!("SUMMARY:{}", text(&e.summary)),
        format!("DESCRIPTION:{}", text(&e.description)),
        format!("URL:{}", e.url),
        format!("CATEGORIES:{}", text(e.category)),
        "TRANSP:TRANSPARENT".to_owned(),
        "END:VEVENT".to_owned(),
    ]);
}

fn day_after((y, m, d): (i32, u8, u8)) -> (i32, u8, u8) {
    if d < days_in_month(y, m) {
        (y, m, d + 1)
    } else if m < 12 {
        (y, m + 1, 1)
    } else {
        (y + 1, 1, 1)
    }
}

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (never inside a character) and ends it with CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let line = format!("SUMMARY:{}", "ä".repeat(60));
        let folded = fold(&line);
        for physical in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    #[test]
    fn separators_are_escaped() {
        assert_eq!(text("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
    }

    #[test]
    fn the_day_after_crosses_months_years_and_leap_days() {
        assert_eq!(day_after((2024, 2, 28)), (2024, 2, 29));
        assert_eq!(day_after((2023, 2, 28)), (2023, 3, 1));
        assert_eq!(day_after((2025, 12, 31)), (2026, 1, 1));
    }
}
