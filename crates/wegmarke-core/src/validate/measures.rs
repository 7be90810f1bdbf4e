//! measures.json: each measure's references, texts, numbers, dates, links and council papers
//! checked; what is wrong is cut, cleared or left out on its own.

use super::checker::{retain_indexed, Checker};
use super::{Known, MAX_TEXT, MAX_TITLE};
use crate::model::Measure;
use crate::problem::{JsonPath, RefKind};

impl<const LOCATED: bool> Checker<LOCATED> {
    pub(super) fn check_measures(&mut self, measures: &mut Vec<Measure>, known: &Known) {
        self.unique_ids(measures, "measures", |m| &m.id);
        for (i, m) in measures.iter_mut().enumerate() {
            let at = JsonPath::root().key("measures").index(i);
            self.refs(&mut m.goals, &known.goals, RefKind::Goal, &at.key("goals"));
            self.one_ref(&mut m.lead, &known.actors, RefKind::Actor, &at.key("lead"));
            self.refs(
                &mut m.partners,
                &known.actors,
                RefKind::Actor,
                &at.key("partners"),
            );
            self.refs(
                &mut m.indicators,
                &known.indicators,
                RefKind::Indicator,
                &at.key("indicators"),
            );
            self.check_title(&mut m.title, &at.key("title"));
            self.check_opt_text(&mut m.summary, MAX_TEXT, &at.key("summary"));
            self.check_opt_text(&mut m.easy_summary, MAX_TEXT, &at.key("easy_summary"));
            self.check_opt_text(&mut m.description, MAX_TEXT, &at.key("description"));
            self.check_opt_text(&mut m.status_note, MAX_TEXT, &at.key("status_note"));
            self.check_number(&mut m.progress, 0.0, 100.0, &at.key("progress"));
            self.check_number(&mut m.weight, 0.0, 1000.0, &at.key("weight"));
            self.check_order(m.start.as_ref(), &mut m.end, &at.key("end"));
            self.check_order(m.start.as_ref(), &mut m.actual_end, &at.key("actual_end"));
            for (j, t) in m.target_groups.iter_mut().enumerate() {
                self.check_text(t, MAX_TITLE, &at.key("target_groups").index(j));
            }
            for (j, d) in m.districts.iter_mut().enumerate() {
                self.check_short(d, &at.key("districts").index(j));
            }
            self.refs(
                &mut m.districts,
                &known.districts,
                RefKind::District,
                &at.key("districts"),
            );
            if let Some(b) = m.budget.as_ref() {
                if !self.plausible(b.amount, &at.key("budget").key("amount")) {
                    m.budget = None;
                }
            }
            for (j, ms) in m.milestones.iter_mut().enumerate() {
                self.check_title(&mut ms.title, &at.key("milestones").index(j).key("title"));
            }
            for (j, u) in m.updates.iter_mut().enumerate() {
                let up = at.key("updates").index(j);
                self.check_number(&mut u.progress, 0.0, 100.0, &up.key("progress"));
                self.check_opt_text(&mut u.text, MAX_TEXT, &up.key("text"));
            }
            retain_indexed(&mut m.links, |j, l| {
                let lp = at.key("links").index(j);
                let safe = self.safe_link(&l.url, &lp.key("url"));
                if safe {
                    self.check_text(&mut l.title, MAX_TITLE, &lp.key("title"));
                } else {
                    self.leave_out(&lp);
                }
                safe
            });
            self.check_papers(&mut m.papers, &at.key("papers"));
        }
    }
}
