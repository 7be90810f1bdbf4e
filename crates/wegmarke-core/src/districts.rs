//! Districts: measures counted per district and an indicator's values by district, for the
//! tables and bar lists the pages show (and the maps will show beside them).

use crate::model::{District, Flag, Indicator, Measure, Series, Status};
use crate::period::Period;
use crate::sort::sort_by_key;
use crate::text::Text;

/// Whether a measure counts as running: under way, on time or late.
pub fn is_running(status: Status) -> bool {
    matches!(status, Status::OnTrack | Status::Delayed)
}

/// One district's measures.
#[derive(Clone, Debug, PartialEq)]
pub struct DistrictCount<'a> {
    pub district: &'a District,
    /// Measures that name the district.
    pub measures: usize,
    /// Of those, the running ones ([`is_running`]).
    pub running: usize,
}

/// The measures per declared district, in the plan's order; empty without declared districts.
pub fn measure_counts<'a, 'm>(
    districts: &'a [District],
    measures: impl IntoIterator<Item = &'m Measure>,
) -> Vec<DistrictCount<'a>> {
    let mut counts: Vec<DistrictCount<'a>> = districts
        .iter()
        .map(|district| DistrictCount {
            district,
            measures: 0,
            running: 0,
        })
        .collect();
    for m in measures {
        for c in counts.iter_mut() {
            // A district named twice on one measure counts once.
            if m.districts.contains(&c.district.id) {
                c.measures += 1;
                if is_running(m.status) {
                    c.running += 1;
                }
            }
        }
    }
    counts
}

/// What a sentence says about the counts: the districts with the most measures (all of them
/// when tied) and those without any, both in the plan's order.
#[derive(Clone, Debug, PartialEq)]
pub struct CountSummary<'a> {
    pub most: Vec<&'a District>,
    /// The highest count; 0 when no district has a measure.
    pub most_count: usize,
    pub without: Vec<&'a District>,
}

pub fn count_summary<'a>(counts: &[DistrictCount<'a>]) -> CountSummary<'a> {
    let most_count = counts.iter().map(|c| c.measures).max().unwrap_or(0);
    let pick = |n: usize| -> Vec<&'a District> {
        counts
            .iter()
            .filter(|c| c.measures == n)
            .map(|c| c.district)
            .collect()
    };
    CountSummary {
        most: if most_count > 0 {
            pick(most_count)
        } else {
            Vec::new()
        },
        most_count,
        without: pick(0),
    }
}

/// One row of an indicator's values by district.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueRow<'a> {
    /// The district's id as written in the values.
    pub id: &'a str,
    /// The declared district's name; `None` for a plan without declared districts.
    pub name: Option<&'a Text>,
    /// `None`: no data (no entry, `null`, or suppressed).
    pub value: Option<f64>,
    pub flag: Option<Flag>,
}

/// An indicator's values by district, ready to show.
#[derive(Clone, Debug, PartialEq)]
pub struct DistrictValues<'a> {
    pub period: Period,
    /// The series the values belong to, if the indicator has it.
    pub series: Option<&'a Series>,
    /// Highest value first (ties in the plan's order), then the districts without data in the
    /// plan's order. Every declared district is listed, with or without an entry.
    pub rows: Vec<ValueRow<'a>>,
    /// Highest and lowest value, and the median of the values; `None` without any value.
    pub max: Option<f64>,
    pub min: Option<f64>,
    pub median: Option<f64>,
}

impl DistrictValues<'_> {
    /// The rows with the highest value (all of them when tied).
    pub fn highest(&self) -> Vec<&ValueRow<'_>> {
        self.rows
            .iter()
            .filter(|r| r.value.is_some() && r.value == self.max)
            .collect()
    }

    /// The rows with the lowest value (all of them when tied).
    pub fn lowest(&self) -> Vec<&ValueRow<'_>> {
        self.rows
            .iter()
            .filter(|r| r.value.is_some() && r.value == self.min)
            .collect()
    }

    /// How many rows have a value.
    pub fn with_data(&self) -> usize {
        self.rows.iter().filter(|r| r.value.is_some()).count()
    }
}

/// The indicator's values by district, or `None` when it has none.
pub fn district_values<'a>(
    indicator: &'a Indicator,
    districts: &'a [District],
) -> Option<DistrictValues<'a>> {
    let b = indicator.by_district.as_ref()?;
    let series = match b.series.as_deref() {
        Some(id) => indicator.series.iter().find(|s| s.id == id),
        None => indicator.target_series(),
    };
    let row = |id: &'a str, name: Option<&'a Text>| {
        let v = b.values.iter().find(|v| v.district == id);
        ValueRow {
            id,
            name,
            value: v.and_then(|v| v.value).filter(|x| x.is_finite()),
            flag: v.and_then(|v| v.flag),
        }
    };
    let all: Vec<ValueRow<'a>> = if districts.is_empty() {
        b.values.iter().map(|v| row(&v.district, None)).collect()
    } else {
        districts
            .iter()
            .map(|d| row(d.id.as_str(), Some(&d.name)))
            .collect()
    };
    let (mut rows, without): (Vec<_>, Vec<_>) = all.into_iter().partition(|r| r.value.is_some());
    // Descending by value; the sort is stable, so ties keep the plan's order.
    sort_by_key(&mut rows, |r| {
        std::cmp::Reverse(Ordered(r.value.unwrap_or(0.0)))
    });
    let mut values: Vec<f64> = rows.iter().filter_map(|r| r.value).collect();
    values.reverse();
    let median = match values.len() {
        0 => None,
        n if n % 2 == 1 => Some(values[n / 2]),
        n => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    };
    let (min, max) = (values.first().copied(), values.last().copied());
    rows.extend(without);
    Some(DistrictValues {
        period: b.period,
        series,
        rows,
        max,
        min,
        median,
    })
}

/// A finite f64 with a total order, for sorting.
#[derive(Clone, Copy, PartialEq)]
struct Ordered(f64);

impl Eq for Ordered {}

impl PartialOrd for Ordered {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ordered {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}
