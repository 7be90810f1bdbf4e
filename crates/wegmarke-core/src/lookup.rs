//! Lookups on a validated data set, for pages that show one thing and what it relates to.

use crate::model::{Actor, District, Field, Goal, Indicator, Measure, Report};
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

    /// The plan's districts, in the plan's order.
    pub fn districts(&self) -> &[District] {
        self.plan.as_ref().map_or(&[], |p| &p.districts)
    }

    /// A district by id.
    pub fn district(&self, id: &str) -> Option<&District> {
        self.districts().iter().find(|d| d.id == id)
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
            .filter(|i| measured_by(goal, i))
            .collect()
    }

    /// The goals of a field of action, in the order of the plan.
    pub fn goals_of_field<'a>(&'a self, field: &'a str) -> impl Iterator<Item = &'a Goal> + 'a {
        self.goals().iter().filter(move |g| g.field == field)
    }

    /// The indicators of a field of action: those of any of its goals (as
    /// [`Self::indicators_of_goal`]), each once, in the order of indicators.json.
    pub fn indicators_of_field(&self, field: &str) -> Vec<&Indicator> {
        let goals: Vec<&Goal> = self.goals_of_field(field).collect();
        self.indicators()
            .iter()
            .filter(|i| goals.iter().any(|g| measured_by(g, i)))
            .collect()
    }

    /// The field a goal belongs to.
    pub fn field_of_goal(&self, goal_id: &str) -> Option<&Field> {
        self.goal(goal_id).and_then(|g| self.field(&g.field))
    }
}

/// Whether an indicator belongs to a goal: the goal names it or it names the goal.
fn measured_by(goal: &Goal, ind: &Indicator) -> bool {
    goal.indicators.contains(&ind.id) || ind.goals.contains(&goal.id)
}

#[cfg(test)]
mod tests {
    use crate::Dataset;
    use serde_json::json;

    /// Two fields; goal a-1 names I-1, I-2 names goal a-2, I-3 belongs to field b only, I-4 to
    /// both fields, I-5 to no goal.
    fn data() -> Dataset {
        let plan = json!({"format": "wegmarke/1", "plan": {"title": "P"},
        "fields": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}, {"id": "c", "title": "C"}],
        "goals": [
            {"id": "a-1", "field": "a", "title": "A1", "indicators": ["I-1", "I-4"]},
            {"id": "b-1", "field": "b", "title": "B1", "indicators": ["I-3"]},
            {"id": "a-2", "field": "a", "title": "A2"}
        ]});
        let indicators = json!({"format": "wegmarke/1", "indicators": [
            {"id": "I-5", "title": "5", "kind": "context", "direction": "none"},
            {"id": "I-4", "goals": ["b-1"], "title": "4", "kind": "outcome", "direction": "up"},
            {"id": "I-3", "title": "3", "kind": "outcome", "direction": "up"},
            {"id": "I-2", "goals": ["a-2", "a-1"], "title": "2", "kind": "outcome", "direction": "up"},
            {"id": "I-1", "goals": ["a-1"], "title": "1", "kind": "outcome", "direction": "up"}
        ]});
        let measures = json!({"format": "wegmarke/1", "measures": []});
        let ds = crate::validate::from_json(&plan, &measures, &indicators);
        assert!(ds.problems.is_empty(), "{:#?}", ds.problems);
        ds
    }

    #[test]
    fn goals_of_a_field_in_plan_order() {
        let ds = data();
        let ids = |f| {
            ds.goals_of_field(f)
                .map(|g| g.id.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids("a"), ["a-1", "a-2"]);
        assert_eq!(ids("b"), ["b-1"]);
        assert!(ids("c").is_empty());
        assert!(ids("nope").is_empty());
    }

    #[test]
    fn indicators_of_a_field_via_its_goals_each_once_in_file_order() {
        let ds = data();
        let ids = |f| {
            ds.indicators_of_field(f)
                .into_iter()
                .map(|i| i.id.as_str())
                .collect::<Vec<_>>()
        };
        // Named by a goal (I-1, I-4) or naming a goal (I-2 names two goals of "a": listed once).
        assert_eq!(ids("a"), ["I-4", "I-2", "I-1"]);
        assert_eq!(ids("b"), ["I-4", "I-3"]);
        assert!(ids("c").is_empty());
        // The same rule as for one goal.
        let a1 = ds.goal("a-1").unwrap();
        let of_goal: Vec<&str> = ds
            .indicators_of_goal(a1)
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(of_goal, ["I-4", "I-2", "I-1"]);
    }
}
