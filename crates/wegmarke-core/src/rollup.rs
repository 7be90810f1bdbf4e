//! Progress roll-up: a goal's progress is the weighted mean of its measures' progress, a field's
//! the weighted mean over the measures of its goals. The rules are shown on the "Methodik" page.

use crate::model::{Measure, Status};
use crate::validate::Dataset;

/// The progress a measure contributes, or `None` when it is left out of the roll-up: finished
/// measures count 100, planned or preparing ones without a figure 0, dropped ones are left out,
/// and running or paused ones without a figure are left out.
pub fn effective_progress(m: &Measure) -> Option<f64> {
    match m.status {
        Status::Dropped => None,
        Status::Completed | Status::Continued => Some(100.0),
        Status::Planned | Status::Preparing => Some(m.progress.unwrap_or(0.0)),
        Status::OnTrack | Status::Delayed | Status::Paused => m.progress,
    }
}

/// The result of a roll-up, with what went into it so the page can explain the number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RollUp {
    /// Weighted mean progress 0–100; `None` when no measure counts.
    pub percent: Option<f64>,
    /// Measures that went into the mean.
    pub counted: usize,
    /// Measures left out (dropped, no progress figure, or weight 0).
    pub left_out: usize,
    /// Sum of the weights counted.
    pub weight: f64,
}

/// Rolls up any set of measures.
pub fn roll_up<'a>(measures: impl IntoIterator<Item = &'a Measure>) -> RollUp {
    let (mut sum, mut weight, mut counted, mut left_out) = (0.0, 0.0, 0, 0);
    for m in measures {
        match effective_progress(m) {
            Some(p) if m.weight() > 0.0 => {
                sum += p * m.weight();
                weight += m.weight();
                counted += 1;
            }
            _ => left_out += 1,
        }
    }
    RollUp {
        percent: (weight > 0.0).then(|| sum / weight),
        counted,
        left_out,
        weight,
    }
}

/// Number of measures per status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatusCounts([usize; 8]);

impl StatusCounts {
    /// Counts the statuses of a set of measures.
    pub fn of<'a>(measures: impl IntoIterator<Item = &'a Measure>) -> Self {
        let mut c = [0; 8];
        for m in measures {
            c[m.status as usize] += 1;
        }
        StatusCounts(c)
    }

    /// How many have `status`.
    pub fn get(&self, status: Status) -> usize {
        self.0[status as usize]
    }

    /// All measures counted.
    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }

    /// Share (0–100) completed or continued; `None` without measures.
    pub fn done_percent(&self) -> Option<f64> {
        let done = self.get(Status::Completed) + self.get(Status::Continued);
        (self.total() > 0).then(|| done as f64 * 100.0 / self.total() as f64)
    }
}

impl Dataset {
    /// All measures (none when measures.json was fatal).
    pub fn measures(&self) -> &[Measure] {
        self.measures.as_ref().map_or(&[], |m| &m.measures)
    }

    /// The measures that serve a goal.
    pub fn measures_of_goal<'a>(&'a self, goal: &'a str) -> impl Iterator<Item = &'a Measure> + 'a {
        self.measures()
            .iter()
            .filter(move |m| m.goals.iter().any(|g| g == goal))
    }

    /// The measures that serve any goal of a field, each once.
    pub fn measures_of_field<'a>(
        &'a self,
        field: &'a str,
    ) -> impl Iterator<Item = &'a Measure> + 'a {
        let goals: Vec<&str> = self.goals_of_field(field).map(|g| g.id.as_str()).collect();
        self.measures()
            .iter()
            .filter(move |m| m.goals.iter().any(|g| goals.contains(&g.as_str())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(status: Status, progress: Option<f64>, weight: Option<f64>) -> Measure {
        serde_json::from_value(serde_json::json!({
            "id": "m", "title": "t", "status": status.as_str(),
            "progress": progress, "weight": weight
        }))
        .unwrap()
    }

    #[test]
    fn weighted_mean_with_status_rules() {
        let ms = [
            m(Status::OnTrack, Some(40.0), Some(2.0)), // 80 / 2
            m(Status::Completed, Some(70.0), None),    // counts 100
            m(Status::Planned, None, None),            // counts 0
            m(Status::Dropped, Some(50.0), None),      // left out
            m(Status::Delayed, None, None),            // left out: no figure
            m(Status::Paused, Some(10.0), Some(0.0)),  // left out: weight 0
        ];
        let r = roll_up(&ms);
        assert_eq!(r.counted, 3);
        assert_eq!(r.left_out, 3);
        assert_eq!(r.weight, 4.0);
        assert_eq!(r.percent, Some((80.0 + 100.0 + 0.0) / 4.0));
    }

    #[test]
    fn nothing_to_count_gives_no_percent() {
        let r = roll_up(&[m(Status::Dropped, None, None)]);
        assert_eq!(r.percent, None);
        assert_eq!(roll_up(&[]).percent, None);
    }

    #[test]
    fn status_counts_and_done_share() {
        let ms = [
            m(Status::Completed, None, None),
            m(Status::Continued, None, None),
            m(Status::Delayed, None, None),
            m(Status::Delayed, None, None),
        ];
        let c = StatusCounts::of(&ms);
        assert_eq!(c.get(Status::Delayed), 2);
        assert_eq!(c.total(), 4);
        assert_eq!(c.done_percent(), Some(50.0));
    }
}
