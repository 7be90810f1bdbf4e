//! Lookups on a validated data set, for pages that show one thing and what it relates to.

use crate::model::{Actor, Field, Goal, Indicator, Measure, Report};
use crate::sort::sort_by_key;
use crate::validate::Dataset;

impl Dataset {
    /// The plan's default language ("de" without a plan).
    pub fn default_lang(&self) -> &str {
        self.plan
            .as_ref()
            .map_or("de", |p| p.plan.default_language.as_str())
    }

    /// Fields of action in their display order.
    pub fn fields(&self) -> Vec<&Field> {
        let mut f: Vec<&Field> = self.plan.iter().flat_map(|p| &p.fields).collect();
        sort_by_key(&mut f, |f| f.order.unwrap_or(i64::MAX));
        f
    }

    /// All goals.
    pub fn goals(&self) -> &[Goal] {
        self.plan.as_ref().map_or(&[], |p| &p.goals)
    }

    /// All actors.
    pub fn actors(&self) -> &[Actor] {
        self.plan.as_ref().map_or(&[], |p| &p.actors)
    }

    /// All council reports, newest first.
    pub fn reports(&self) -> Vec<&Report> {
        let mut r: Vec<&Report> = self.plan.iter().flat_map(|p| &p.reports).collect();
        sort_by_key(&mut r, |r| std::cmp::Reverse(r.date));
        r
    }

    /// All indicators.
    pub fn indicators(&self) -> &[Indicator] {
        self.indicators.as_ref().map_or(&[], |i| &i.indicators)
    }

    /// A field of action by id.
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.plan.as_ref()?.fields.iter().find(|f| f.id == id)
    }

    /// A goal by id.
    pub fn goal(&self, id: &str) -> Option<&Goal> {
        self.goals().iter().find(|g| g.id == id)
    }

    /// An actor by id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors().iter().find(|a| a.id == id)
    }

    /// An indicator by id.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators().iter().find(|i| i.id == id)
    }

    /// A measure by id.
    pub fn measure(&self, id: &str) -> Option<&Measure> {
        self.measures().iter().find(|m| m.id == id)
    }

    /// The indicators of a goal: those the goal names and those naming the goal.
    pub fn indicators_of_goal(&self, goal: &Goal) -> Vec<&Indicator> {
        self.indicators()
            .iter()
            .filter(|i| goal.indicators.contains(&i.id) || i.goals.contains(&goal.id))
            .collect()
    }

    /// The field a goal belongs to.
    pub fn field_of_goal(&self, goal_id: &str) -> Option<&Field> {
        self.goal(goal_id).and_then(|g| self.field(&g.field))
    }
}
