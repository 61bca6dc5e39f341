//! Rendering of evaluation results: the scorer's text lines (byte for byte),
//! its JSON (byte for byte, with extra keys appended), a CSV table, and the
//! `--errors` CSV.

use std::fmt::Write as _;
use std::io::Write;

use super::rules::python_float_repr;
use crate::cells::CellPolicy;

use super::score::{ErrorRow, Figures, ThresholdScore, KINDS};

/// What the report includes beyond the scorer's figures.
#[derive(Debug, Clone, Copy, Default)]
pub struct Extras {
    /// Figures split by claim kind.
    pub by_kind: bool,
    /// Stance accuracy and confusion (when some gold quote carries a stance).
    pub stance: bool,
}

/// The scorer's line for one threshold:
/// `@0.3: P 0.000 R 0.000 F1 0.000 | mention ... (gold N, pred N, tp N)`.
pub fn scorer_line(s: &ThresholdScore) -> String {
    let f = s.counts.figures();
    let c = &s.counts;
    format!(
        "@{}: P {:.3} R {:.3} F1 {:.3} | mention {:.3} speaker {:.3} cue {:.3} kind {:.3} (gold {}, pred {}, tp {})",
        python_float_repr(s.threshold),
        f.precision,
        f.recall,
        f.f1,
        f.mention_acc,
        f.speaker_acc,
        f.cue_acc,
        f.kind_acc,
        c.gold,
        c.pred,
        c.tp
    )
}

/// The text report: first the scorer's lines, exactly; then, after a blank
/// line, the breakdowns asked for.
pub fn text(scores: &[ThresholdScore], extras: Extras) -> String {
    let mut out = String::new();
    for s in scores {
        out.push_str(&scorer_line(s));
        out.push('\n');
    }
    if extras.by_kind {
        for s in scores {
            let _ = writeln!(
                out,
                "\nby kind @{} (recall by gold kind, precision by predicted kind):",
                python_float_repr(s.threshold)
            );
            for (name, k) in KINDS.iter().zip(&s.by_kind) {
                let f = k.figures();
                let _ = writeln!(
                    out,
                    "  {name:<8} P {:.3} R {:.3} F1 {:.3} | mention {:.3} speaker {:.3} cue {:.3} kind {:.3} (gold {}, found {}; pred {}, matched {})",
                    f.precision, f.recall, f.f1, f.mention_acc, f.speaker_acc, f.cue_acc, f.kind_acc,
                    k.gold, k.found, k.pred, k.matched
                );
            }
        }
    }
    if extras.stance {
        for s in scores {
            let t = &s.stance;
            let _ = writeln!(
                out,
                "\nstance @{}: accuracy {:.3} ({} of {} found quotes with a gold stance)",
                python_float_repr(s.threshold),
                t.accuracy(),
                t.correct(),
                t.total()
            );
            let preds = t.labels(false);
            let golds = t.labels(true);
            let show = |l: &str| {
                if l.is_empty() {
                    "(none)".to_string()
                } else {
                    l.to_string()
                }
            };
            let width = preds
                .iter()
                .map(|l| show(l).len())
                .max()
                .unwrap_or(0)
                .max(5);
            let _ = write!(out, "  {:<12}", "gold \\ pred");
            for p in &preds {
                let _ = write!(out, " {:>width$}", show(p));
            }
            out.push('\n');
            for g in &golds {
                let _ = write!(out, "  {:<12}", show(g));
                for p in &preds {
                    let _ = write!(out, " {:>width$}", t.cell(g, p));
                }
                out.push('\n');
            }
        }
    }
    out
}

/// A JSON string as Python's `json.dumps` writes it (`ensure_ascii`).
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (' '..='~').contains(&c) => out.push(c),
            c => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{u:04x}");
                }
            }
        }
    }
    out.push('"');
    out
}

/// `"key": value` pairs joined the way `json.dumps` joins them.
fn json_object(pairs: &[(String, String)]) -> String {
    let body: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}: {v}", json_string(k)))
        .collect();
    format!("{{{}}}", body.join(", "))
}

fn figure_pairs(f: &Figures) -> Vec<(String, String)> {
    [
        ("precision", f.precision),
        ("recall", f.recall),
        ("f1", f.f1),
        ("mention_acc", f.mention_acc),
        ("speaker_acc", f.speaker_acc),
        ("cue_acc", f.cue_acc),
        ("kind_acc", f.kind_acc),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), python_float_repr(v)))
    .collect()
}

/// The JSON report: the scorer's `--json` list (same keys, same order, same
/// number formatting), each object followed by `by_kind` and `stance` keys
/// when those extras are on.
pub fn json(scores: &[ThresholdScore], extras: Extras) -> String {
    let objects: Vec<String> = scores
        .iter()
        .map(|s| {
            let c = &s.counts;
            let mut pairs = vec![("threshold".to_string(), python_float_repr(s.threshold))];
            pairs.extend(figure_pairs(&c.figures()));
            for (k, v) in [
                ("gold", c.gold),
                ("pred", c.pred),
                ("tp", c.tp),
                ("mention", c.mention),
                ("speaker", c.speaker),
                ("cue", c.cue),
                ("kind", c.kind),
            ] {
                pairs.push((k.to_string(), v.to_string()));
            }
            if extras.by_kind {
                let kinds: Vec<(String, String)> = KINDS
                    .iter()
                    .zip(&s.by_kind)
                    .map(|(name, k)| {
                        let mut p = figure_pairs(&k.figures());
                        for (key, v) in [
                            ("gold", k.gold),
                            ("found", k.found),
                            ("pred", k.pred),
                            ("matched", k.matched),
                            ("mention", k.mention),
                            ("speaker", k.speaker),
                            ("cue", k.cue),
                            ("kind", k.kind),
                        ] {
                            p.push((key.to_string(), v.to_string()));
                        }
                        (name.to_string(), json_object(&p))
                    })
                    .collect();
                pairs.push(("by_kind".to_string(), json_object(&kinds)));
            }
            if extras.stance {
                let t = &s.stance;
                let rows: Vec<(String, String)> = t
                    .labels(true)
                    .iter()
                    .map(|g| {
                        let cells: Vec<(String, String)> = t
                            .labels(false)
                            .iter()
                            .map(|p| (p.clone(), t.cell(g, p).to_string()))
                            .collect();
                        (g.clone(), json_object(&cells))
                    })
                    .collect();
                let stance = vec![
                    ("accuracy".to_string(), python_float_repr(t.accuracy())),
                    ("correct".to_string(), t.correct().to_string()),
                    ("total".to_string(), t.total().to_string()),
                    ("confusion".to_string(), json_object(&rows)),
                ];
                pairs.push(("stance".to_string(), json_object(&stance)));
            }
            json_object(&pairs)
        })
        .collect();
    format!("[{}]\n", objects.join(", "))
}

/// The CSV report: one row per threshold (`group` = `all`), plus one per
/// threshold and kind with `--by-kind`. Stance columns are filled on `all`
/// rows when the gold carries stances. The confusion table is in the JSON.
pub fn csv(scores: &[ThresholdScore], extras: Extras, out: impl Write) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "threshold",
        "group",
        "precision",
        "recall",
        "f1",
        "mention_acc",
        "speaker_acc",
        "cue_acc",
        "kind_acc",
        "gold",
        "pred",
        "tp",
        "matched",
        "mention",
        "speaker",
        "cue",
        "kind",
        "stance_acc",
        "stance_correct",
        "stance_total",
    ])?;
    let num = |f: f64| python_float_repr(f);
    for s in scores {
        let c = &s.counts;
        let f = c.figures();
        let (acc, correct, total) = if extras.stance {
            let t = &s.stance;
            (
                num(t.accuracy()),
                t.correct().to_string(),
                t.total().to_string(),
            )
        } else {
            Default::default()
        };
        let mut row = vec![num(s.threshold), "all".to_string()];
        row.extend(figure_values(&f));
        row.extend(
            [
                c.gold, c.pred, c.tp, c.tp, c.mention, c.speaker, c.cue, c.kind,
            ]
            .map(|n| n.to_string()),
        );
        row.extend([acc, correct, total]);
        w.write_record(&row)?;
        if extras.by_kind {
            for (name, k) in KINDS.iter().zip(&s.by_kind) {
                let mut row = vec![num(s.threshold), name.to_string()];
                row.extend(figure_values(&k.figures()));
                row.extend(
                    [
                        k.gold, k.pred, k.found, k.matched, k.mention, k.speaker, k.cue, k.kind,
                    ]
                    .map(|n| n.to_string()),
                );
                row.extend([String::new(), String::new(), String::new()]);
                w.write_record(&row)?;
            }
        }
    }
    w.flush()?;
    Ok(())
}

fn figure_values(f: &Figures) -> Vec<String> {
    figure_pairs(f).into_iter().map(|(_, v)| v).collect()
}

/// Writes the `--errors` CSV: one row per failure, with a header; text
/// cells escaped under `policy` (see [`crate::cells`]).
pub fn errors_csv<W: Write>(rows: &[ErrorRow], out: W, policy: CellPolicy) -> anyhow::Result<W> {
    crate::output::write_report(out, policy, &ERROR_COLUMNS, rows)
}

/// The columns of the `--errors` CSV.
pub const ERROR_COLUMNS: [&str; 19] = [
    "doc_id",
    "what",
    "gold_text",
    "pred_text",
    "gold_speaker",
    "pred_speaker",
    "gold_mention",
    "pred_mention",
    "gold_cue",
    "pred_cue",
    "gold_kind",
    "pred_kind",
    "gold_stance",
    "pred_stance",
    "gold_start",
    "gold_end",
    "pred_start",
    "pred_end",
    "coverage",
];
