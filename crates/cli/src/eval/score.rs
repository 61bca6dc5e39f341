//! The matching and counting of the Gender Gap Tracker protocol, as
//! `score_quotes.py` does it, plus the breakdowns the script lacks (by kind,
//! stance) and the list of failures.

use std::collections::BTreeMap;

use super::gold::{GoldDoc, GoldQuote};
use super::predictions::{CharSpan, Prediction, Predictions};
use super::rules::{kind_of, python_strip, same_speaker};

/// The three claim kinds, in the order reports list them.
pub const KINDS: [&str; 3] = ["direct", "indirect", "mixed"];

/// The scorer's counters (the integer fields of its JSON output).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold quotes.
    pub gold: usize,
    /// Predictions with a valid span, in documents that have gold.
    pub pred: usize,
    /// Gold quotes found.
    pub tp: usize,
    /// Found quotes with the right speaker mention.
    pub mention: usize,
    /// Found quotes with the right resolved speaker.
    pub speaker: usize,
    /// Found quotes with the right cue.
    pub cue: usize,
    /// Found quotes with the right kind.
    pub kind: usize,
}

/// Ratios computed from counts, with the scorer's arithmetic.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Figures {
    /// Share of predictions that found a gold quote.
    pub precision: f64,
    /// Share of gold quotes found.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Right mention among found quotes.
    pub mention_acc: f64,
    /// Right resolved speaker among found quotes.
    pub speaker_acc: f64,
    /// Right cue among found quotes.
    pub cue_acc: f64,
    /// Right kind among found quotes.
    pub kind_acc: f64,
}

impl Figures {
    /// `precision = hits / predicted`, `recall = found / gold`, accuracies over
    /// `max(1, found)`: the scorer's formulas, in its order of operations.
    pub fn new(
        hits: usize,
        predicted: usize,
        found: usize,
        gold: usize,
        right: [usize; 4],
    ) -> Self {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(hits, predicted);
        let recall = ratio(found, gold);
        let f1 = if precision + recall != 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        let per_found = |n: usize| n as f64 / found.max(1) as f64;
        Figures {
            precision,
            recall,
            f1,
            mention_acc: per_found(right[0]),
            speaker_acc: per_found(right[1]),
            cue_acc: per_found(right[2]),
            kind_acc: per_found(right[3]),
        }
    }
}

impl Counts {
    /// The figures the scorer prints for these counts.
    pub fn figures(&self) -> Figures {
        let right = [self.mention, self.speaker, self.cue, self.kind];
        Figures::new(self.tp, self.pred, self.tp, self.gold, right)
    }
}

/// Counts for one claim kind. Recall and accuracies are over gold quotes of
/// that kind (by the scorer's `kind_of` rule on the gold text); precision is
/// over predictions whose own `kind` column says that kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KindCounts {
    /// Gold quotes of this kind.
    pub gold: usize,
    /// Of those, found.
    pub found: usize,
    /// Predictions labelled with this kind.
    pub pred: usize,
    /// Of those, used to find a gold quote (of any kind).
    pub matched: usize,
    /// Found quotes of this kind with the right mention.
    pub mention: usize,
    /// ... with the right resolved speaker.
    pub speaker: usize,
    /// ... with the right cue.
    pub cue: usize,
    /// ... with the right kind.
    pub kind: usize,
}

impl KindCounts {
    /// The figures for this kind.
    pub fn figures(&self) -> Figures {
        let right = [self.mention, self.speaker, self.cue, self.kind];
        Figures::new(self.matched, self.pred, self.found, self.gold, right)
    }
}

/// Gold stance against predicted stance, over found quotes whose gold carries
/// a stance.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StanceTally {
    /// (gold stance, predicted stance) -> count. An empty prediction is `""`.
    pub confusion: BTreeMap<(String, String), usize>,
}

impl StanceTally {
    /// Found quotes with a gold stance.
    pub fn total(&self) -> usize {
        self.confusion.values().sum()
    }

    /// Of those, the ones predicted right.
    pub fn correct(&self) -> usize {
        self.confusion
            .iter()
            .filter(|((g, p), _)| g == p)
            .map(|(_, n)| n)
            .sum()
    }

    /// `correct / max(1, total)`, like the other accuracies.
    pub fn accuracy(&self) -> f64 {
        self.correct() as f64 / self.total().max(1) as f64
    }

    /// The labels to show on one axis: assert, deny, non_denial first, then
    /// any other label met, sorted.
    pub fn labels(&self, gold_axis: bool) -> Vec<String> {
        let mut labels: Vec<String> = ["assert", "deny", "non_denial"].map(String::from).into();
        for (g, p) in self.confusion.keys() {
            let l = if gold_axis { g } else { p };
            if !labels.contains(l) {
                labels.push(l.clone());
            }
        }
        labels[3..].sort();
        labels
    }

    /// The count in one cell.
    pub fn cell(&self, gold: &str, pred: &str) -> usize {
        self.confusion
            .get(&(gold.to_string(), pred.to_string()))
            .copied()
            .unwrap_or(0)
    }
}

/// One failure, for a person to read (`--errors`).
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorRow {
    /// The article.
    pub doc_id: String,
    /// miss, false_alarm, wrong_mention, wrong_speaker, wrong_cue, wrong_kind, wrong_stance.
    pub what: &'static str,
    /// Gold quote text (empty for a false alarm).
    pub gold_text: String,
    /// Predicted claim text (empty for a miss).
    pub pred_text: String,
    /// Gold resolved speaker (`speaker_ref`).
    pub gold_speaker: String,
    /// Predicted resolved speaker.
    pub pred_speaker: String,
    /// Gold speaker mention as written.
    pub gold_mention: String,
    /// Predicted speaker mention as written.
    pub pred_mention: String,
    /// Gold cue.
    pub gold_cue: String,
    /// Predicted cue.
    pub pred_cue: String,
    /// Gold kind, by the scorer's `kind_of` rule.
    pub gold_kind: String,
    /// Predicted kind.
    pub pred_kind: String,
    /// Gold stance, if annotated.
    pub gold_stance: String,
    /// Predicted stance.
    pub pred_stance: String,
    /// Gold start (code points).
    pub gold_start: Option<i64>,
    /// Gold end.
    pub gold_end: Option<i64>,
    /// Predicted start.
    pub pred_start: Option<i128>,
    /// Predicted end.
    pub pred_end: Option<i128>,
    /// Share of the gold quote the prediction covers (found quotes only).
    pub coverage: Option<f64>,
}

impl crate::cells::CsvRecord for ErrorRow {
    fn write_cells(&self, out: &mut crate::cells::CsvEncoder) {
        out.text(&self.doc_id);
        out.text(self.what);
        for cell in [
            &self.gold_text,
            &self.pred_text,
            &self.gold_speaker,
            &self.pred_speaker,
            &self.gold_mention,
            &self.pred_mention,
            &self.gold_cue,
            &self.pred_cue,
            &self.gold_kind,
            &self.pred_kind,
            &self.gold_stance,
            &self.pred_stance,
        ] {
            out.text(cell);
        }
        out.optional(self.gold_start);
        out.optional(self.gold_end);
        out.optional(self.pred_start);
        out.optional(self.pred_end);
        out.optional(self.coverage);
    }
}

impl ErrorRow {
    fn new(
        doc_id: &str,
        what: &'static str,
        gold: Option<&GoldQuote>,
        pred: Option<&Prediction>,
    ) -> Self {
        let g = |f: fn(&GoldQuote) -> String| gold.map(f).unwrap_or_default();
        let p = |f: fn(&Prediction) -> String| pred.map(f).unwrap_or_default();
        ErrorRow {
            doc_id: doc_id.to_string(),
            what,
            gold_text: g(|q| q.text.clone()),
            pred_text: p(|x| x.text.clone()),
            gold_speaker: g(|q| q.speaker_ref.clone().unwrap_or_default()),
            pred_speaker: p(|x| x.speaker.clone()),
            gold_mention: g(|q| q.speaker.clone().unwrap_or_default()),
            pred_mention: p(|x| x.speaker_mention.clone()),
            gold_cue: g(|q| q.cue.clone().unwrap_or_default()),
            pred_cue: p(|x| x.cue.clone()),
            gold_kind: g(|q| kind_of(&q.text).to_string()),
            pred_kind: p(|x| x.kind.clone()),
            gold_stance: g(|q| q.stance.clone().unwrap_or_default()),
            pred_stance: p(|x| x.stance.clone()),
            gold_start: gold.map(|q| q.start),
            gold_end: gold.map(|q| q.end),
            pred_start: pred.map(|x| x.span.0),
            pred_end: pred.map(|x| x.span.1),
            coverage: gold.zip(pred).map(|(q, x)| coverage(q, x.span)),
        }
    }
}

/// Everything measured at one coverage threshold.
#[derive(Debug, Clone, Default)]
pub struct ThresholdScore {
    /// The coverage a prediction must exceed (strictly) to find a gold quote.
    pub threshold: f64,
    /// The scorer's counters.
    pub counts: Counts,
    /// Counts split by kind, in the order of [`KINDS`].
    pub by_kind: [KindCounts; 3],
    /// Stance confusion over found quotes with a gold stance.
    pub stance: StanceTally,
    /// Failures, in document order: gold-quote failures in gold order, then
    /// the document's unused predictions.
    pub errors: Vec<ErrorRow>,
}

/// The share of the gold quote's code points that `pred` covers.
pub fn coverage(gold: &GoldQuote, pred: CharSpan) -> f64 {
    let (gs, ge) = (i128::from(gold.start), i128::from(gold.end));
    let (ps, pe) = pred;
    let inter = (ge.min(pe) - gs.max(ps)).max(0);
    inter as f64 / (ge - gs).max(1) as f64
}

/// True when the predicted mention matches the gold one: both absent, or the
/// spans overlap.
pub fn mention_matches(gold: &GoldQuote, pred: Option<CharSpan>) -> bool {
    match (gold.mention(), pred) {
        (None, p) => p.is_none(),
        (Some(_), None) => false,
        (Some((gs, ge)), Some((ps, pe))) => pe.min(i128::from(ge)) > ps.max(i128::from(gs)),
    }
}

fn kind_index(kind: &str) -> Option<usize> {
    KINDS.iter().position(|k| *k == kind)
}

/// Scores every document at one threshold.
pub fn score(docs: &[GoldDoc], predictions: &Predictions, threshold: f64) -> ThresholdScore {
    let mut out = ThresholdScore {
        threshold,
        ..ThresholdScore::default()
    };
    for doc in docs {
        score_doc(doc, predictions.of(&doc.id), &mut out);
    }
    out
}

/// The prediction (its slot in `pool`) that finds gold quote `g`: the first
/// one with the highest coverage strictly above `threshold`.
fn best_match(
    g: &GoldQuote,
    preds: &[Prediction],
    pool: &[usize],
    threshold: f64,
) -> Option<usize> {
    let mut best = None;
    let mut best_cov = threshold;
    for (slot, &i) in pool.iter().enumerate() {
        let cov = coverage(g, preds[i].span);
        if cov > best_cov {
            best = Some(slot);
            best_cov = cov;
        }
    }
    best
}

/// Scores one document: the scorer's greedy matching, gold quotes in order,
/// each taking the best prediction left, each prediction used once.
fn score_doc(doc: &GoldDoc, preds: &[Prediction], out: &mut ThresholdScore) {
    out.counts.gold += doc.quotes.len();
    out.counts.pred += preds.len();
    for k in preds.iter().filter_map(|p| kind_index(&p.kind)) {
        out.by_kind[k].pred += 1;
    }
    // Indices of the predictions still unused, in input order (the script's `preds.pop(best)`).
    let mut pool: Vec<usize> = (0..preds.len()).collect();
    for g in &doc.quotes {
        let gold_kind = kind_of(&g.text);
        let gk = kind_index(gold_kind).unwrap_or(0); // kind_of only says one of KINDS
        out.by_kind[gk].gold += 1;
        let Some(slot) = best_match(g, preds, &pool, out.threshold) else {
            out.errors
                .push(ErrorRow::new(&doc.id, "miss", Some(g), None));
            continue;
        };
        let p = &preds[pool.remove(slot)];
        out.counts.tp += 1;
        out.by_kind[gk].found += 1;
        if let Some(k) = kind_index(&p.kind) {
            out.by_kind[k].matched += 1;
        }

        let gold_cue = g.cue.as_deref().unwrap_or("").to_lowercase();
        let checks = [
            ("wrong_mention", mention_matches(g, p.mention)),
            (
                "wrong_speaker",
                same_speaker(&p.speaker, g.speaker_ref.as_deref().unwrap_or("")),
            ),
            ("wrong_cue", python_strip(&p.cue).to_lowercase() == gold_cue),
            ("wrong_kind", p.kind == gold_kind),
        ];
        let [mention, speaker, cue, kind] = checks.map(|(_, right)| usize::from(right));
        out.counts.mention += mention;
        out.counts.speaker += speaker;
        out.counts.cue += cue;
        out.counts.kind += kind;
        let by_kind = &mut out.by_kind[gk];
        by_kind.mention += mention;
        by_kind.speaker += speaker;
        by_kind.cue += cue;
        by_kind.kind += kind;
        for (what, right) in checks {
            if !right {
                out.errors
                    .push(ErrorRow::new(&doc.id, what, Some(g), Some(p)));
            }
        }

        if let Some(gold_stance) = g.stance.as_deref().filter(|s| !s.is_empty()) {
            let pred_stance = p.stance.trim().to_string();
            if gold_stance != pred_stance {
                out.errors
                    .push(ErrorRow::new(&doc.id, "wrong_stance", Some(g), Some(p)));
            }
            let cell = (gold_stance.to_string(), pred_stance);
            *out.stance.confusion.entry(cell).or_default() += 1;
        }
    }
    for &i in &pool {
        out.errors
            .push(ErrorRow::new(&doc.id, "false_alarm", None, Some(&preds[i])));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_cell_of_an_error_row_is_escaped() {
        for trigger in crate::cells::FORMULA_TRIGGERS {
            let cell = format!("{trigger}1+1");
            let row = ErrorRow {
                doc_id: cell.clone(),
                what: "miss",
                gold_text: cell.clone(),
                pred_text: cell.clone(),
                gold_speaker: cell.clone(),
                pred_speaker: cell.clone(),
                gold_mention: cell.clone(),
                pred_mention: cell.clone(),
                gold_cue: cell.clone(),
                pred_cue: cell.clone(),
                gold_kind: cell.clone(),
                pred_kind: cell.clone(),
                gold_stance: cell.clone(),
                pred_stance: cell.clone(),
                gold_start: Some(-1),
                gold_end: Some(2),
                pred_start: None,
                pred_end: None,
                coverage: Some(0.5),
            };
            let cells = crate::cells::written_cells(&row);
            assert_eq!(cells.len(), super::super::report::ERROR_COLUMNS.len());
            let escaped = cells.iter().filter(|c| **c == format!("'{cell}")).count();
            assert_eq!(escaped, 13, "every text cell but `what`");
            assert_eq!(&cells[14..], ["-1", "2", "", "", "0.5"]);
        }
    }

    fn gold(start: i64, end: i64) -> GoldQuote {
        GoldQuote {
            text: "x".repeat((end - start).max(0) as usize),
            start,
            end,
            speaker: None,
            speaker_start: None,
            speaker_end: None,
            cue: None,
            speaker_ref: None,
            stance: None,
        }
    }

    fn pred(start: i128, end: i128, speaker: &str) -> Prediction {
        Prediction {
            span: (start, end),
            speaker: speaker.to_string(),
            kind: "indirect".to_string(),
            ..Prediction::default()
        }
    }

    #[test]
    fn coverage_is_the_share_of_the_gold_span() {
        assert_eq!(coverage(&gold(10, 20), (15, 40)), 0.5);
        assert_eq!(coverage(&gold(10, 20), (0, 10)), 0.0);
        assert_eq!(coverage(&gold(10, 20), (0, 100)), 1.0);
        // An empty gold span can never be covered.
        assert_eq!(coverage(&gold(10, 10), (0, 100)), 0.0);
    }

    #[test]
    fn ties_go_to_the_first_prediction_and_each_is_used_once() {
        let doc = GoldDoc {
            id: "d".into(),
            text: None,
            quotes: vec![gold(0, 10), gold(0, 10)],
        };
        let rows = [pred(0, 6, "First"), pred(4, 10, "Second")];
        let mut out = ThresholdScore {
            threshold: 0.3,
            ..ThresholdScore::default()
        };
        score_doc(&doc, &rows, &mut out);
        assert_eq!(out.counts.tp, 2);
        // The first gold quote took "First" (tie at 0.6), the second "Second".
        let speakers: Vec<_> = out.errors.iter().map(|e| e.pred_speaker.as_str()).collect();
        assert_eq!(speakers, ["First", "Second"]); // both wrong_speaker (gold ref empty)
    }

    #[test]
    fn coverage_must_exceed_the_threshold() {
        let doc = GoldDoc {
            id: "d".into(),
            text: None,
            quotes: vec![gold(0, 10)],
        };
        let rows = [pred(0, 3, "")];
        let mut out = ThresholdScore {
            threshold: 0.3,
            ..ThresholdScore::default()
        };
        score_doc(&doc, &rows, &mut out);
        assert_eq!((out.counts.tp, out.counts.pred), (0, 1));
        let what: Vec<_> = out.errors.iter().map(|e| e.what).collect();
        assert_eq!(what, ["miss", "false_alarm"]);
    }

    #[test]
    fn mention_needs_overlap_or_both_absent() {
        let mut g = gold(0, 10);
        assert!(mention_matches(&g, None));
        assert!(!mention_matches(&g, Some((1, 2))));
        g.speaker_start = Some(20);
        g.speaker_end = Some(25);
        assert!(mention_matches(&g, Some((24, 30))));
        assert!(
            !mention_matches(&g, Some((25, 30))),
            "touching is not overlapping"
        );
        assert!(!mention_matches(&g, None));
    }
}
