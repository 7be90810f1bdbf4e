//! The publish step: what is written next to the three data files so that people can follow the
//! plan and portals can harvest it, without a server of ours.
//!
//! - [`news`]: the plan's news (measure updates, status changes, new indicator values) as items
//!   with stable ids, computed from the data alone
//! - [`atom`]: Atom feeds of the news, one for the plan and one per field of action
//! - [`ical`]: an iCalendar file of milestones and council reports
//! - [`package`]: a Frictionless data package: CSV tables in long format with their Table Schemas
//! - [`dcat`]: a DCAT-AP.de record (JSON-LD) of the package for GovData and other portals
//!
//! Every file is a pure function of the data and `config.json`: publishing the same data twice
//! gives the same bytes, so the files can be committed and kept in step by a test.

pub mod atom;
pub mod dcat;
pub mod ical;
pub mod news;
pub mod package;

use wegmarke_core::i18n::Catalog;
use wegmarke_core::{Config, Dataset, Date, Measure};

/// The folder of the feeds and the calendar, inside the data folder.
pub const FEEDS_DIR: &str = "feeds";
/// The folder of the open-data package, inside the data folder.
pub const OPEN_DATA_DIR: &str = "open-data";
/// The whole plan's feed.
pub const PLAN_FEED: &str = "feeds/plan.atom";
/// The calendar.
pub const CALENDAR: &str = "feeds/plan.ics";
/// The data package's descriptor.
pub const DATA_PACKAGE: &str = "open-data/datapackage.json";
/// The DCAT-AP.de record.
pub const DCAT_RECORD: &str = "open-data/dcat.jsonld";

/// A field of action's feed, inside the data folder.
pub fn field_feed(field_id: &str) -> String {
    format!(
        "{FEEDS_DIR}/field-{}.atom",
        wegmarke_core::permalink::encode(field_id)
    )
}

/// One file the publish step writes.
#[derive(Clone, Debug, PartialEq)]
pub struct File {
    /// Path inside the data folder, with `/` (e.g. `feeds/plan.atom`).
    pub path: String,
    /// What a server should send as its `Content-Type`.
    pub media_type: &'static str,
    pub text: String,
}

/// Where the dashboard lives: absolute addresses for feeds, calendar and the open-data record.
#[derive(Clone, Debug, PartialEq)]
pub struct Site {
    /// The dashboard's address, ending in `/` (`https://www.example.org/integrationsplan/`).
    pub url: String,
    /// The data folder's address relative to `url`, ending in `/` (`data/`).
    pub data: String,
}

/// Why nothing could be published.
#[derive(Clone, Debug, PartialEq)]
pub enum Missing {
    /// config.json has no `site_url` (or not an http(s) address).
    SiteUrl,
    /// The data has no plan file (it did not load or validate).
    Plan,
}

impl Missing {
    /// The message for staff, in German or English.
    pub fn message(&self, english: bool) -> &'static str {
        match (self, english) {
            (Missing::SiteUrl, false) => "config.json: \"site_url\" fehlt (die öffentliche Adresse des Dashboards, z. B. https://www.goeppingen.de/integrationsplan/). Feeds, Kalender und Open-Data-Paket brauchen sie für ihre Links; sie wurden nicht geschrieben.",
            (Missing::SiteUrl, true) => "config.json: \"site_url\" is missing (the dashboard's public address, e.g. https://www.goeppingen.de/integrationsplan/). Feeds, calendar and open-data package need it for their links; they were not written.",
            (Missing::Plan, false) => "plan.json fehlt oder ist unlesbar; Feeds, Kalender und Open-Data-Paket wurden nicht geschrieben.",
            (Missing::Plan, true) => "plan.json is missing or unreadable; feeds, calendar and open-data package were not written.",
        }
    }
}

impl Site {
    /// The site from config.json: its `site_url` (http or https) and its data folder.
    pub fn from_config(config: &Config) -> Result<Site, Missing> {
        let url = config.site_url.as_deref().ok_or(Missing::SiteUrl)?;
        Site::new(url, config.data.as_deref())
    }

    /// A site at `url` (made to end in `/`) with its data folder (default `data/`).
    pub fn new(url: &str, data: Option<&str>) -> Result<Site, Missing> {
        let url = url.trim();
        if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains('#') {
            return Err(Missing::SiteUrl);
        }
        let with_slash = |s: &str| {
            if s.is_empty() || s.ends_with('/') {
                s.to_owned()
            } else {
                format!("{s}/")
            }
        };
        let data = data.map_or_else(|| "data/".to_owned(), with_slash);
        Ok(Site {
            url: with_slash(url),
            data: data.trim_start_matches("./").to_owned(),
        })
    }

    /// The absolute link to a page (`#/massnahme/M-1.2`).
    pub fn page(&self, hash: &str) -> String {
        format!("{}{hash}", self.url)
    }

    /// The absolute address of a published file (`feeds/plan.atom`); the data folder may be on
    /// another server (config.json's `data` as a full address).
    pub fn file(&self, path: &str) -> String {
        if self.data.starts_with("https://") || self.data.starts_with("http://") {
            format!("{}{path}", self.data)
        } else {
            format!("{}{}{path}", self.url, self.data)
        }
    }

    /// The host and path, for tag URIs and calendar UIDs (`www.example.org/integrationsplan/`).
    fn authority(&self) -> &str {
        self.url
            .split_once("://")
            .map_or(&self.url, |(_, rest)| rest)
    }

    /// The host alone (`www.example.org`).
    fn host(&self) -> &str {
        let rest = self.authority();
        rest.split('/').next().unwrap_or(rest)
    }
}

/// Everything the publish step writes for this data, in a fixed order.
pub fn files(ds: &Dataset, config: &Config, cat: &Catalog) -> Result<Vec<File>, Missing> {
    let site = Site::from_config(config)?;
    files_for(ds, config, &site, cat)
}

/// [`files`] for a site given separately (the Datenwerkstatt falls back to its own address).
pub fn files_for(
    ds: &Dataset,
    config: &Config,
    site: &Site,
    cat: &Catalog,
) -> Result<Vec<File>, Missing> {
    if ds.plan.is_none() {
        return Err(Missing::Plan);
    }
    let ctx = Context {
        ds,
        config,
        site,
        cat,
    };
    let items = news::items(&ctx);
    let mut out = vec![atom::feed(&ctx, &items, None)];
    for field in ds.fields() {
        out.push(atom::feed(&ctx, &items, Some(field)));
    }
    out.push(ical::calendar(&ctx));
    out.extend(package::files(&ctx));
    out.push(dcat::record(&ctx, &out));
    Ok(out)
}

/// What every writer needs: the data, the settings, the site, and texts in the plan's language.
pub struct Context<'a> {
    pub ds: &'a Dataset,
    pub config: &'a Config,
    pub site: &'a Site,
    pub cat: &'a Catalog,
}

impl Context<'_> {
    /// The plan's default language (`de`).
    pub fn lang(&self) -> &str {
        self.ds.default_lang()
    }

    /// A data text in the plan's default language.
    pub fn text<'t>(&self, text: &'t wegmarke_core::Text) -> &'t str {
        text.resolve(self.lang(), self.lang())
    }

    /// The plan's title.
    pub fn plan_title(&self) -> &str {
        self.ds
            .plan
            .as_ref()
            .map_or("", |p| self.text(&p.plan.title))
    }

    /// The measures, in file order.
    pub fn measures(&self) -> &[Measure] {
        self.ds.measures.as_ref().map_or(&[], |m| &m.measures)
    }

    /// The fields of action a list of goals belongs to (a measure's, an indicator's), each once.
    pub fn fields_of(&self, goals: &[String]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for f in goals
            .iter()
            .filter_map(|g| self.ds.goal(g).map(|g| &g.field))
        {
            if !out.contains(f) {
                out.push(f.clone());
            }
        }
        out
    }

    /// The date the data describes: plan.json's `as_of`, else the newest update, else a fixed
    /// day; never the clock, so that publishing the same data twice gives the same bytes.
    pub fn as_of(&self) -> String {
        let plan_date = self.ds.plan.as_ref().and_then(|p| p.plan.as_of);
        plan_date
            .or_else(|| {
                self.measures()
                    .iter()
                    .flat_map(|m| m.updates.iter().map(|u| u.date))
                    .max_by(|a, b| a.period().cmp(b.period()))
            })
            .map_or_else(|| "2000-01-01".to_owned(), |d| first_day(&d))
    }
}

/// A date as `YYYY-MM-DD`: its first day when it names only a month or a year.
pub fn first_day(d: &Date) -> String {
    let (y, m, day) = d.period().start();
    format!("{y:04}-{m:02}-{day:02}")
}

/// A date's last day as `YYYY-MM-DD`.
pub fn last_day(d: &Date) -> String {
    let (y, m, day) = d.period().end();
    format!("{y:04}-{m:02}-{day:02}")
}
