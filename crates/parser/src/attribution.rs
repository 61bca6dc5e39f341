//! Stage 2: document structure -> attributions (content, cue, speaker mention).
//!
//! Each sentence is read as a run of tokens in which a whole quotation is one
//! token. Reporting cues come from `lexicon/cues.txt`; around each cue the
//! rules look for the speaker (the noun phrase before the cue, or after it in
//! inverted order: `said Peskov`) and the content (a quotation before the
//! attribution, the clause after the cue, or the clause before
//! `, the Kremlin said`). Quotations left without a cue become floating quotes,
//! spoken by the speaker in context, when they stand as sentences of their own.

use std::ops::Range;

use crate::lexicon::{CueClass, Lexicon};
use crate::span::Span;
use crate::structure::{Document, Quote, Sentence, TokenKind};
use crate::words::{
    ends_with_ignore_ascii_case, is_capitalised, is_describing_compound, is_in,
    is_past_after_subject, is_possessive, particles_joining, starts_with_ignore_ascii_case,
    DETERMINERS, DIRECTIVE_VERBS, FINITE_AUXILIARIES, HONORIFICS, INTRODUCTORY_WORDS, MODALS,
    NEGATED_MODALS, NOT_CONTENT_START, OPENING_CONJUNCTIONS, PARTITIVES, PEERAGE, PHRASE_BREAKS,
    PLAIN_NEGATORS, QUANTIFIER_SUBJECTS, SOURCE_POSTMODIFIERS, SUBJECT_PRONOUNS, TELL_FORMS,
    VERB_MODIFIERS,
};
use crate::ClaimKind;

/// Who an attribution names as its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpeakerRef {
    /// Named at the claim: the noun phrase that names the speaker.
    Named(SpeakerMention),
    /// A floating quote: the speaker of the claim at this index (into the
    /// attributions, in text order) speaks it too.
    SameAs(usize),
    /// No speaker found.
    Nobody,
}

/// The words at a claim that name its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerMention {
    /// The words that name the speaker (`Dmitry Peskov`, `he`, `the Kremlin`).
    pub span: Span,
    /// Role words given at this mention (`Kremlin spokesman`, or the
    /// apposition `head of the Iranian Parliament's economic panel`).
    pub role: Option<Span>,
}

/// One claim as found in the text, before its speaker is resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The content.
    pub content: Span,
    /// Direct, indirect or mixed.
    pub kind: ClaimKind,
    /// The reporting cue, if any.
    pub cue: Option<Span>,
    /// Who said it.
    pub speaker: SpeakerRef,
    /// The quotation after its attribution in `"A," he said, "B."`: it has
    /// the speaker of the first part, but, as in the annotated news corpora
    /// (the Gender Gap Tracker's), no mention or cue of its own; the claim
    /// keeps neither.
    pub continues: bool,
}

/// A noun phrase found around a cue, as token ranges.
#[derive(Debug, Clone)]
struct Phrase {
    /// All its tokens.
    tokens: Range<usize>,
    /// The tokens that name the speaker.
    name: Range<usize>,
    /// Role tokens, if any.
    role: Option<Range<usize>>,
}

/// A cue found in a sentence.
#[derive(Debug, Clone, Copy)]
struct Cue {
    first: usize,
    end: usize,
    class: CueClass,
}

/// A claim found in one sentence, with the token where its attribution starts.
struct Found {
    content: Range<usize>,
    cue: Option<Cue>,
    phrase: Option<Phrase>,
    /// First token of the attribution (speaker or cue), so that an earlier
    /// indirect claim in the sentence can end before it.
    attribution_start: usize,
    /// True when content comes after the cue and may be cut by a later attribution.
    open_ended: bool,
    /// True for the second half of a statement split by its attribution
    /// (`..., he says, ...`): dropped when another claim lies inside it.
    second_half: bool,
    /// True for a claim kept only when the sentence has no other: a negated
    /// denial ("didn't deny the US claim, noting that ...") is a stance on
    /// the claim that follows, and a claim of its own only when none does.
    fallback: bool,
}

/// [`token_start_cues_into`] as a value, `None` when it gives up.
#[cfg(test)]
pub(crate) fn token_start_cues(doc: &Document, lx: &Lexicon) -> Option<Vec<(usize, usize, usize)>> {
    let mut out = Vec::new();
    token_start_cues_into(doc, lx, &mut out).then_some(out)
}

/// Puts into `out` (emptied first) the cue matches that start at word
/// tokens, as (token, end byte, pattern),
/// exactly as a leftmost-longest scan of the whole text with
/// [`Lexicon::cue_finder`] would report them at word starts (but for some
/// that end inside a word, which the finder drops anyway); false when that
/// cannot be told word by word.
///
/// Why not the automaton: it reads every byte of the article, while one or
/// two table reads per word token (see [`Lexicon::may_hold_cue`]) are several
/// times cheaper. The two agree when the
/// cue forms are plain ([`Lexicon::cues_by_word`]; otherwise this gives up):
/// a cue then starts with a letter or digit, which in the body lies at a
/// word start, inside a word or inside a quotation. A match starting inside
/// a quotation cannot run past its closing mark (cues hold no double marks,
/// and their apostrophes stand before a letter, where no quotation closes);
/// the tokenizer keeps a cue's first word whole; and a match starting inside
/// a word runs past the word only when the word ends with the first word of
/// a cue of several words and the rest of that cue follows: then this gives
/// up and the caller scans with the automaton.
///
/// Kept out of line: inlined into the finder, its loop over every word
/// keeps its values on the stack rather than in registers.
#[inline(never)]
fn token_start_cues_into(
    doc: &Document,
    lx: &Lexicon,
    out: &mut Vec<(usize, usize, usize)>,
) -> bool {
    out.clear();
    if !lx.cues_by_word() {
        return false;
    }
    // End of the last match: a leftmost-longest scan resumes there.
    let mut covered = 0;
    for (k, t) in doc.tokens.iter().enumerate() {
        if t.kind != TokenKind::Word || !lx.may_hold_cue(doc.text, t.span) {
            continue;
        }
        match cue_at_word(doc.text, lx, t.span, covered) {
            WordCue::Hidden => return false,
            WordCue::At(pattern, end) => {
                covered = end;
                out.push((k, end, pattern));
            }
            WordCue::None => {}
        }
    }
    true
}

/// What the full tests find at a word that [`Lexicon::may_hold_cue`] let
/// through.
enum WordCue {
    /// A cue starts inside the word: the search must give up.
    Hidden,
    /// A cue (pattern index, end) starts at the word.
    At(usize, usize),
    /// Neither.
    None,
}

/// The full tests of [`token_start_cues_into`] for the word at `word`, the
/// last match having ended at `covered`. Kept out of line: the search's loop
/// over every word then keeps its values in registers.
#[inline(never)]
fn cue_at_word(text: &str, lx: &Lexicon, word: Span, covered: usize) -> WordCue {
    if lx.hides_cue_start(text, word) {
        return WordCue::Hidden;
    }
    if word.start < covered {
        return WordCue::None;
    }
    match lx.cue_at(text, word) {
        Some((pattern, end)) => WordCue::At(pattern, end),
        None => WordCue::None,
    }
}

/// The index of the first of `cues` (in text order) that starts at token
/// `start` or later, as `cues.partition_point(|c| c.first < start)`: found by
/// moving on from `hint` (the answer for an earlier start), by a search only
/// when `hint` lies past the answer.
fn first_cue_from(cues: &[Cue], hint: usize, start: usize) -> usize {
    let mut from = hint.min(cues.len());
    if from > 0 && cues[from - 1].first >= start {
        return cues.partition_point(|c| c.first < start);
    }
    while cues.get(from).is_some_and(|c| c.first < start) {
        from += 1;
    }
    from
}

impl Found {
    /// A claim at `cue`, said by `phrase`, whose attribution starts at token
    /// `attribution_start`; `open_ended` when its content follows the cue.
    fn new(
        content: Range<usize>,
        cue: Cue,
        phrase: Phrase,
        attribution_start: usize,
        open_ended: bool,
    ) -> Found {
        Found {
            content,
            cue: Some(cue),
            phrase: Some(phrase),
            attribution_start,
            open_ended,
            second_half: false,
            fallback: false,
        }
    }
}

/// Finds all attributions of a document, in text order.
pub fn attributions(doc: &Document) -> Vec<Attribution> {
    attributions_into(doc, &mut FinderBuffers::default(), Vec::new())
}

/// [`attributions`] into `out` (emptied first), with the working vectors of
/// an earlier call: kept between articles like
/// [`crate::structure::DocumentBuffers`].
// Out of line, as each stage's entry is, so that profiles (and
// scripts/bench-instructions.sh) see the stage whatever the compiler
// inlines: one call per article.
#[inline(never)]
pub(crate) fn attributions_into(
    doc: &Document,
    buffers: &mut FinderBuffers,
    mut out: Vec<Attribution>,
) -> Vec<Attribution> {
    out.clear();
    let finder = Finder::new(doc, buffers);
    finder.run(buffers, &mut out);
    finder.recycle(buffers);
    out
}

/// The working vectors of [`attributions`], emptied between uses.
#[derive(Default)]
pub(crate) struct FinderBuffers {
    /// [`Finder::starts_cue`].
    starts_cue: Vec<bool>,
    /// [`Finder::cues`].
    cues: Vec<Cue>,
    /// [`Finder::unended_single_sentence`].
    unended_single_sentence: Vec<bool>,
    /// For each token: true when it opens a sentence.
    sentence_start: Vec<bool>,
    /// For each paragraph: its number of sentences.
    sentences_in: Vec<usize>,
    /// The cue matches of [`token_start_cues_into`].
    matches: Vec<(usize, usize, usize)>,
    /// For each quotation: true when a claim took it.
    consumed_quotes: Vec<bool>,
    /// The claims of one sentence.
    found: Vec<Found>,
}

struct Finder<'d, 'a> {
    doc: &'d Document<'a>,
    lx: &'static Lexicon,
    /// For each token: true when it starts a cue. (Flags, not the cues:
    /// the rules only ask whether one starts, and a vector of flags is set
    /// up for each article with one `memset`.)
    starts_cue: Vec<bool>,
    /// The same cues in text order, so that a sentence's are found without
    /// a look at each of its tokens.
    cues: Vec<Cue>,
    /// For each paragraph: true when it is one sentence that does not end
    /// like one (a headline or caption); see [`Finder::is_heading`].
    unended_single_sentence: Vec<bool>,
}

impl<'d, 'a> Finder<'d, 'a> {
    /// The finder of `doc`'s claims, its vectors taken from `buffers` (and
    /// given back by [`Finder::recycle`]).
    fn new(doc: &'d Document<'a>, buffers: &mut FinderBuffers) -> Self {
        let lx = Lexicon::get();
        let mut starts_cue = std::mem::take(&mut buffers.starts_cue);
        starts_cue.clear();
        starts_cue.resize(doc.tokens.len(), false);
        let mut cues = std::mem::take(&mut buffers.cues);
        cues.clear();
        let sentence_start = &mut buffers.sentence_start;
        sentence_start.clear();
        sentence_start.resize(doc.tokens.len(), false);
        for s in &doc.sentences {
            if let Some(flag) = sentence_start.get_mut(s.first) {
                *flag = true;
            }
        }
        let mut keep = |first: usize, m_end: usize, pattern: usize| {
            // A capitalised cue word inside a sentence is part of a name
            // ("the United States"); only "According to" opens sentences.
            let word = doc.tokens[first].span.slice(doc.text);
            if is_capitalised(word) && !sentence_start[first] {
                return;
            }
            let Some(last) = (first..doc.tokens.len())
                .take_while(|&k| doc.tokens[k].span.start < m_end)
                .last()
            else {
                return;
            };
            if doc.tokens[last].span.end != m_end {
                return;
            }
            let cue = Cue {
                first,
                end: last + 1,
                class: lx.cue_classes[pattern],
            };
            starts_cue[first] = true;
            cues.push(cue);
        };
        match token_start_cues_into(doc, lx, &mut buffers.matches) {
            true => {
                for &(first, end, pattern) in &buffers.matches {
                    keep(first, end, pattern);
                }
            }
            false => {
                for m in lx.cue_finder().find_iter(doc.text) {
                    let Ok(first) = doc
                        .tokens
                        .binary_search_by_key(&m.start(), |t| t.span.start)
                    else {
                        continue;
                    };
                    if doc.tokens[first].kind != TokenKind::Word {
                        continue;
                    }
                    keep(first, m.end(), m.pattern().as_usize());
                }
            }
        }
        // Per paragraph, once: is_heading asks for every sentence.
        let sentences_in = &mut buffers.sentences_in;
        sentences_in.clear();
        sentences_in.resize(doc.paragraphs.len(), 0);
        for s in &doc.sentences {
            if let Some(n) = sentences_in.get_mut(s.paragraph) {
                *n += 1;
            }
        }
        let mut unended_single_sentence = std::mem::take(&mut buffers.unended_single_sentence);
        unended_single_sentence.clear();
        unended_single_sentence.extend(doc.paragraphs.iter().zip(sentences_in.iter()).map(
            |(para, &n)| {
                n == 1
                    && !para
                        .slice(doc.text)
                        .trim_end()
                        .ends_with(['.', '!', '?', '…', '"', '”', '’', '\'', '»', ')', ':'])
            },
        ));
        // Both scans report matches in text order, one per start.
        debug_assert!(cues.windows(2).all(|w| w[0].first < w[1].first));
        Finder {
            doc,
            lx,
            starts_cue,
            cues,
            unended_single_sentence,
        }
    }

    fn word(&self, i: usize) -> &'a str {
        self.doc.token_text(i)
    }

    /// True when the `n` tokens from `k` are a place's name as the article
    /// writes it ("New York" in "New York Times").
    fn is_place_at(&self, k: usize, n: usize) -> bool {
        let (Some(first), Some(last)) = (self.doc.tokens.get(k), self.doc.tokens.get(k + n - 1))
        else {
            return false;
        };
        self.doc
            .text
            .get(first.span.start..last.span.end)
            .is_some_and(|name| self.lx.is_place(name))
    }

    /// The bytes of [`Finder::word`], sliced without the char-boundary checks
    /// of a `str` (token spans are whole chars): for the word-set lookups,
    /// which read bytes.
    #[inline]
    fn word_bytes(&self, i: usize) -> &'a [u8] {
        self.doc
            .tokens
            .get(i)
            .and_then(|t| self.doc.text.as_bytes().get(t.span.start..t.span.end))
            .unwrap_or(&[])
    }

    /// `is_in(list, self.word(i))`, each entry compared as bytes by
    /// [`Finder::word_is`].
    #[inline]
    fn word_in(&self, i: usize, list: &[&str]) -> bool {
        list.iter().any(|w| self.word_is(i, w))
    }

    /// `self.word(i).eq_ignore_ascii_case(w)`, compared as bytes: the
    /// lengths first, and no slice of the text as a `str` (whose char
    /// boundaries would be checked; bytes equal to a `str` end on them).
    #[inline]
    fn word_is(&self, i: usize, w: &str) -> bool {
        let bytes = self.word_bytes(i);
        bytes.len() == w.len() && bytes.eq_ignore_ascii_case(w.as_bytes())
    }

    fn is_word(&self, i: usize) -> bool {
        self.doc
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }

    // Compared as bytes: `p` is a constant of a byte or three, and a byte
    // slice needs no char-boundary checks (token spans are whole chars).
    #[inline]
    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct
                && self.doc.text.as_bytes().get(t.span.start..t.span.end) == Some(p.as_bytes())
        })
    }

    fn quote_at(&self, i: usize) -> Option<usize> {
        match self.doc.tokens.get(i)?.kind {
            TokenKind::Quote(q) => Some(q as usize),
            _ => None,
        }
    }

    fn span_of(&self, r: &Range<usize>) -> Span {
        Span::new(
            self.doc.tokens[r.start].span.start,
            self.doc.tokens[r.end - 1].span.end,
        )
    }

    /// Gives its vectors back to `buffers`, for the next article.
    fn recycle(self, buffers: &mut FinderBuffers) {
        buffers.starts_cue = self.starts_cue;
        buffers.cues = self.cues;
        buffers.unended_single_sentence = self.unended_single_sentence;
    }

    /// Appends the claims to `out` (empty), with the working vectors of
    /// `buffers`.
    fn run(&self, buffers: &mut FinderBuffers, out: &mut Vec<Attribution>) {
        let consumed_quotes = &mut buffers.consumed_quotes;
        consumed_quotes.clear();
        consumed_quotes.resize(self.doc.quotes.len(), false);
        // The claims of one sentence at a time, in one buffer for all.
        let found = &mut buffers.found;
        found.clear();
        // The first cue from the sentence start on: sentences come in text
        // order, so it moves on from the last sentence's.
        let mut from = 0;
        for s in 0..self.doc.sentences.len() {
            let sent = &self.doc.sentences[s];
            from = first_cue_from(&self.cues, from, sent.first);
            // No cue starts in the sentence: no claim has its attribution
            // in it (most sentences).
            if self.cues.get(from).is_none_or(|c| c.first >= sent.end) {
                continue;
            }
            if self.is_heading(sent) {
                continue;
            }
            self.sentence_claims(sent.first..sent.end, from, found);
            for f in found.drain(..) {
                // The quotations in the content: taken, and counted for
                // the claim's kind.
                let mut quotes = 0;
                for k in f.content.clone() {
                    if let Some(q) = self.quote_at(k) {
                        consumed_quotes[q] = true;
                        quotes += 1;
                    }
                }
                out.push(self.to_attribution(&f, quotes));
            }
        }
        out.sort_by_key(|a| a.content.start);
        out.dedup_by(|b, a| a.content.overlaps(b.content));
        // Floating quotes are quotations no claim took, so they overlap
        // nothing; adding them after the clean-up keeps the claim indices
        // they refer to (`SpeakerRef::SameAs`) valid.
        self.add_floating(out, consumed_quotes);
    }

    /// Headlines, captions and link lines (`READ MORE: ...`): not prose, so
    /// never claims. A paragraph that does not end like a sentence is one.
    fn is_heading(&self, sent: &Sentence) -> bool {
        let (first, end) = (sent.first, sent.end);
        if self
            .unended_single_sentence
            .get(sent.paragraph)
            .copied()
            .unwrap_or(false)
        {
            return true;
        }
        // `READ MORE:`, `UPDATE:`: one or two words in capitals, then a
        // colon (the colon first: it rules out most sentences at once).
        let upper = |w: &str| w.chars().all(|c| !c.is_lowercase());
        end > first + 1
            && (self.is_punct(first + 1, ":")
                || (self.is_punct(first + 2, ":")
                    && self.is_word(first + 1)
                    && upper(self.word(first + 1))))
            && self.word(first).chars().count() > 1
            && upper(self.word(first))
    }

    /// The claim `f`, whose content holds `quotes` quotations.
    fn to_attribution(&self, f: &Found, quotes: usize) -> Attribution {
        let content = self.span_of(&f.content);
        let kind = if quotes == 0 {
            ClaimKind::Indirect
        } else if f.content.len() == 1 {
            ClaimKind::Direct
        } else {
            ClaimKind::Mixed
        };
        let speaker = match &f.phrase {
            Some(p) => SpeakerRef::Named(SpeakerMention {
                span: self.span_of(&p.name),
                role: p.role.as_ref().map(|r| self.span_of(r)),
            }),
            None => SpeakerRef::Nobody,
        };
        Attribution {
            content,
            kind,
            cue: f.cue.map(|c| self.span_of(&(c.first..c.end))),
            speaker,
            // Only a quotation resumed after "he said," (not the reported
            // clause after "according to X,").
            continues: f.second_half && kind == ClaimKind::Direct,
        }
    }

    /// The claims whose attribution lies in one sentence, into `found`
    /// (empty); `from` is the index in [`Finder::cues`] of the first cue
    /// from the sentence start on.
    fn sentence_claims(&self, sent: Range<usize>, from: usize, found: &mut Vec<Found>) {
        // The cues from the sentence start on; one that starts inside the
        // last cue read is no cue of its own.
        let mut k = sent.start;
        for &cue in self.cues.get(from..).unwrap_or(&[]) {
            if cue.first < k {
                continue;
            }
            if cue.first >= sent.end || cue.end > sent.end {
                break;
            }
            match cue.class {
                CueClass::Source => self.source_claim(cue, &sent, found),
                // `he was quoted as saying`: a passive report verb, whose
                // subject is the speaker, as for `he said`.
                CueClass::Participle if self.quoted_as_start(cue).is_some() => {
                    self.verb_claims(cue, &sent, found)
                }
                CueClass::Participle => self.participle_claim(cue, &sent, found),
                CueClass::Speech | CueClass::Report | CueClass::Question => {
                    self.verb_claims(cue, &sent, found)
                }
                CueClass::Denial => self.denial_claim(cue, &sent, found),
                CueClass::Response => self.response_claim(cue, &sent, found),
                CueClass::Characterisation => self.characterisation_claims(cue, &sent, found),
            }
            k = cue.end;
        }
        // An open-ended content stops where the next attribution begins.
        // (By index, with the starts read from `found` itself: cutting a
        // content moves no attribution start, and a list of them would be
        // one allocation more per sentence.)
        for i in 0..found.len() {
            if !found[i].open_ended {
                continue;
            }
            let content = found[i].content.clone();
            // Only a new clause cuts (", but he noted", "; she added"):
            // "said the police said ..." is reported speech inside reported
            // speech and stays whole.
            if let Some(cut) = found
                .iter()
                .map(|g| g.attribution_start)
                .filter(|&s| s > content.start && s < content.end && self.joins_clause(s))
                .min()
            {
                let f = &mut found[i];
                f.content.end = cut;
                f.content = self.trim_content(f.content.clone());
                // What is left before the next attribution may be no
                // statement at all ("Freeland said even though ...").
                if !self.has_words(&f.content, 3) && !self.has_quote(&f.content) {
                    f.content.end = f.content.start;
                }
            }
        }
        found.retain(|f| !f.content.is_empty());
        // A second half with another claim's attribution inside is dropped:
        // marked by emptying its content, then removed with the other empty
        // ones. Whether a claim goes depends only on the attribution starts
        // of claims that are no second halves, which no marking changes.
        for i in 0..found.len() {
            let f = &found[i];
            let inner = f.second_half
                && found.iter().any(|g| {
                    !g.second_half
                        && g.attribution_start >= f.content.start
                        && g.attribution_start < f.content.end
                });
            if inner {
                let content = &mut found[i].content;
                content.end = content.start;
            }
        }
        found.retain(|f| !f.content.is_empty());
        if found.iter().any(|f| !f.fallback) {
            found.retain(|f| !f.fallback);
        }
    }

    /// True when the words at `k` carry on a statement an attribution broke
    /// in two ("..., he says, and are meant", "..., he says, they get it"),
    /// rather than add an apposition ("..., said Jones, executive director of").
    fn continues_statement(&self, k: usize) -> bool {
        let w = self.word(k);
        self.is_word(k)
            && (SUBJECT_PRONOUNS.contains(w)
                || VERB_MODIFIERS.contains(w)
                || is_in(
                    &[
                        "and", "but", "or", "is", "are", "was", "were", "be", "there", "that",
                        "the", "this", "these", "those", "so",
                    ],
                    w,
                ))
    }

    /// True when `r` describes a person rather than continue a statement:
    /// "the news editor of trade magazine Screen International" after
    /// "says Tim Dams,". A determiner, then within a few words a person noun
    /// or title, and nothing that looks like a verb phrase ("the drugs are").
    fn is_apposition(&self, r: &Range<usize>) -> bool {
        r.len() >= 2
            && DETERMINERS.contains_bytes(self.word_bytes(r.start))
            && (r.start + 1..r.end.min(r.start + 4)).any(|k| {
                self.is_word(k)
                    && (self.lx.is_person_noun(self.word(k)) || self.lx.is_title(self.word(k)))
            })
    }

    /// True when the attribution starting at token `s` opens a new clause
    /// (after a comma, semicolon, dash or coordinating conjunction).
    fn joins_clause(&self, s: usize) -> bool {
        s > 0
            && (self.is_punct(s - 1, ",")
                || self.is_punct(s - 1, ";")
                || self.is_punct(s - 1, "—")
                || self.is_punct(s - 1, "–")
                || (self.is_word(s - 1)
                    && self.word_in(
                        s - 1,
                        &[
                            "and", "but", "while", "as", "so", "although", "though", "whereas",
                        ],
                    )))
    }

    /// Drops trailing punctuation and dangling conjunctions from content;
    /// a per cent sign (`4%`) and a bracket that closes one in the content
    /// (`£2m ($3.6m)`) are part of it.
    fn trim_content(&self, mut r: Range<usize>) -> Range<usize> {
        while r.end > r.start {
            let last = r.end - 1;
            let dangling = match self.doc.tokens[last].kind {
                TokenKind::Punct => match self.word(last) {
                    "%" => false,
                    ")" => !(r.start..last).any(|k| self.word(k) == "("),
                    _ => true,
                },
                TokenKind::Word => {
                    self.word_in(last, &["and", "but", "while", "as", "or", "so", "which"])
                }
                TokenKind::Quote(_) => false,
            };
            if dangling {
                r.end -= 1;
            } else {
                break;
            }
        }
        while r.start < r.end
            && (self.doc.tokens[r.start].kind == TokenKind::Punct
                && !matches!(self.word(r.start), "(" | "$" | "£" | "€"))
        {
            r.start += 1;
        }
        r
    }

    /// `according to X, CONTENT` / `CONTENT, according to X` / `CONTENT, per X`.
    fn source_claim(&self, cue: Cue, sent: &Range<usize>, out: &mut Vec<Found>) {
        let is_per = self.word_is(cue.first, "per");
        if is_per && !(cue.first > sent.start && self.is_punct(cue.first - 1, ",")) {
            return;
        }
        let Some(phrase) = self.phrase_after(cue.end, sent.end) else {
            return;
        };
        if is_per
            && !(self.word(cue.end).eq_ignore_ascii_case("the")
                || is_capitalised(self.word(cue.end)))
        {
            return;
        }
        // A short opening before the cue is an introductory adverbial ("In
        // 2017, according to police, ..."), unless a finite verb follows the
        // source: then it is the statement's subject ("The harsh truth,
        // according to experts, is ..."), and both halves are the claim.
        let verb_follows = || {
            self.is_punct(phrase.tokens.end, ",")
                && FINITE_AUXILIARIES.contains_bytes(self.word_bytes(phrase.tokens.end + 1))
        };
        let at_start = cue.first == sent.start
            || (cue.first > sent.start
                && self.is_punct(cue.first - 1, ",")
                && (sent.start..cue.first - 1).all(|k| self.is_word(k))
                && cue.first - sent.start <= 4
                && !verb_follows());
        let content = if at_start {
            let mut c = phrase.tokens.end;
            if self.is_punct(c, ",") {
                c += 1;
            }
            self.trim_content(c..sent.end)
        } else {
            let start = self.clause_start(sent.start, cue.first);
            let before = self.trim_content(start..cue.first);
            // `The harsh truth, according to experts, is ...`: both halves.
            let mut after_start = phrase.tokens.end;
            // `according to Keith Ahamad, a family doctor and researcher at
            // the centre, ...`: skip the apposition that describes the source.
            if self.is_punct(after_start, ",") && self.word_in(after_start + 1, &["a", "an", "the"])
            {
                let close = (after_start + 2..sent.end.min(after_start + 16))
                    .find(|&k| self.is_punct(k, ",") || self.is_punct(k, "."));
                let describes = close.is_some_and(|c| {
                    (after_start + 2..c).any(|k| self.lx.is_person_noun(self.word(k)))
                });
                if let (true, Some(c)) = (describes, close) {
                    after_start = c;
                }
            }
            // (Not a noun phrase after the source, which describes what
            // comes before it: `House prices fell 0.4%, according to the
            // Nationwide, their biggest monthly fall since 2001.`)
            if self.is_punct(after_start, ",") && !DETERMINERS.contains(self.word(after_start + 1))
            {
                let after = self.trim_content(after_start + 1..sent.end);
                // "according to X" inside a sentence always splits one
                // statement ("Some concerns, according to experts, include").
                if self.has_words(&after, 2) && self.has_words(&before, 1) {
                    out.push(Found {
                        content: after,
                        cue: Some(cue),
                        attribution_start: cue.first,
                        phrase: Some(phrase.clone()),
                        open_ended: true,
                        second_half: true,
                        fallback: false,
                    });
                    if self.has_words(&before, 2) {
                        out.push(Found::new(before, cue, phrase, cue.first, false));
                    }
                    out.sort_by_key(|f| f.content.start);
                    return;
                }
            }
            before
        };
        if !self.has_words(&content, 3) {
            return;
        }
        out.push(Found::new(content, cue, phrase, cue.first, at_start));
    }

    /// The subject of a verb cue: the noun phrase before it, past
    /// auxiliaries and adverbs ("Peskov also said", "she didn't deny").
    fn subject_of(&self, cue: Cue, sent: &Range<usize>) -> Option<Phrase> {
        self.phrase_before(self.past_verb_modifiers(cue.first, sent.start), sent.start)
    }

    /// Where the subject before token `end` (a verb) ends: back past
    /// auxiliaries and adverbs (`also said`, `did not say`), not past a
    /// surname that is also one (`Theresa May said`).
    fn past_verb_modifiers(&self, end: usize, sent_start: usize) -> usize {
        let mut end = end;
        while end > sent_start
            && VERB_MODIFIERS.contains_bytes(self.word_bytes(end - 1))
            && !self.is_surname_at(end - 1)
        {
            end -= 1;
        }
        end
    }

    /// `X denied the report`, `X rejected the allegations as baseless`,
    /// `X denied that ...`: what is denied is the content.
    fn denial_claim(&self, cue: Cue, sent: &Range<usize>, out: &mut Vec<Found>) {
        let Some(phrase) = self.subject_of(cue, sent) else {
            // `"That is false," she denied` and inverted forms read as speech.
            return self.verb_claims(cue, sent, out);
        };
        let mut k = cue.end;
        if self.word_is(k, "that") {
            k += 1;
        }
        if k >= sent.end || !self.is_word(k) && self.quote_at(k).is_none() {
            return self.verb_claims(cue, sent, out);
        }
        let deny_form = starts_with_ignore_ascii_case(self.word(cue.first), "den");
        let about_a_claim = (k..sent.end.min(k + 5)).any(|i| self.lx.is_claim_noun(self.word(i)));
        if !deny_form && !about_a_claim {
            return;
        }
        if deny_form && self.withholds(k, sent.end) {
            return;
        }
        let content = self.trim_content(k..sent.end);
        if !self.has_words(&content, 1) {
            return;
        }
        let negated = (phrase.tokens.end..cue.first).any(|i| {
            PLAIN_NEGATORS.contains_bytes(self.word_bytes(i))
                || NEGATED_MODALS.contains_bytes(self.word_bytes(i))
        });
        out.push(Found {
            content,
            cue: Some(cue),
            attribution_start: phrase.tokens.start,
            phrase: Some(phrase),
            open_ended: true,
            second_half: false,
            fallback: negated,
        });
    }

    /// True when `deny` means withhold, not reject a claim: its object,
    /// from `k`, is a name (capitalised words, not a possessive) followed by
    /// what was withheld or how (`denied Elvis his fourth number one`,
    /// `denied Gerrard with a last-ditch tackle`, `denied Duff, Jarosik and
    /// Kezman`), where a denied claim's name goes on with its verb (`denied
    /// Phillips made the remark`) or owns the claim (`denied Ms Villalba's
    /// claims`).
    fn withholds(&self, k: usize, end: usize) -> bool {
        let mut after = k;
        while after < end
            && after < k + 4
            && self.is_word(after)
            && is_capitalised(self.word(after))
        {
            after += 1;
        }
        if after == k
            || self.word(after - 1).ends_with("'s")
            || self.word(after - 1).ends_with("’s")
        {
            return false;
        }
        // A comma before another name lists the people denied; before
        // anything else it opens an apposition (`denied Mr Yeo, his
        // spokesman, said ...`), and the claim goes on after it.
        after < end
            && ((self.is_punct(after, ",") && is_capitalised(self.word(after + 1)))
                || self.word_in(
                    after,
                    &[
                        "his", "her", "their", "its", "the", "a", "an", "with", "any",
                    ],
                ))
    }

    /// `X declined to comment (on the report)`: a response with no content;
    /// the response and what it was about stand as the claim.
    fn response_claim(&self, cue: Cue, sent: &Range<usize>, out: &mut Vec<Found>) {
        let Some(phrase) = self.subject_of(cue, sent) else {
            return;
        };
        let mut end = cue.end;
        while end < sent.end && self.doc.tokens[end].kind != TokenKind::Punct {
            end += 1;
        }
        let start = phrase.tokens.start;
        out.push(Found::new(cue.first..end, cue, phrase, start, false));
    }

    /// `..., noting that "..."`: the speaker is the clause's subject.
    fn participle_claim(&self, cue: Cue, sent: &Range<usize>, out: &mut Vec<Found>) {
        if !(cue.first > sent.start && self.is_punct(cue.first - 1, ",")) {
            return;
        }
        let phrase = out
            .iter()
            .rev()
            .find_map(|f| f.phrase.clone())
            .or_else(|| self.sentence_subject(sent.start, cue.first));
        let Some(phrase) = phrase else {
            return;
        };
        if let Some(content) = self.content_after(cue, sent.end, true) {
            out.push(Found::new(content, cue, phrase, cue.first, true));
        }
    }

    /// `X called the ruling "outrageous" and based on "one assumption"`,
    /// `described the plan as "a disaster"`, `in what he called "the
    /// loneliest moment"`: each quotation after the object is a claim of
    /// the subject. No object, and no `what` before the subject, is a
    /// naming (`a technique called "trackers"`), not a claim.
    fn characterisation_claims(&self, cue: Cue, sent: &Range<usize>, out: &mut Vec<Found>) {
        let Some(phrase) = self.subject_of(cue, sent) else {
            return;
        };
        // `so-called`, and a participle after its noun (`a plan dubbed "X"`):
        // a subject must be a name, a pronoun or a description of a speaker.
        let head = self.word(phrase.name.end.saturating_sub(1));
        let speaker_like = is_capitalised(head)
            || SUBJECT_PRONOUNS.contains(head)
            || self.lx.is_person_noun(head)
            || self.lx.is_organisation_word(head);
        if !speaker_like {
            return;
        }
        let after_what = phrase.tokens.start > sent.start
            && self.word_in(phrase.tokens.start - 1, &["what", "which"]);
        // The object: a few words, then the quotation (after `as` for
        // `described`).
        let mut k = cue.end;
        while k < sent.end && k < cue.end + 8 && self.is_word(k) && !self.starts_cue[k] {
            k += 1;
        }
        if k == cue.end && !after_what {
            return;
        }
        if self.quote_at(k).is_none() {
            return;
        }
        // Further quotations joined by a few words (`"bold" and based on
        // "one giant assumption"`) are claims of the same characterisation.
        let start = phrase.tokens.start;
        let mut q = k;
        loop {
            out.push(Found::new(q..q + 1, cue, phrase.clone(), start, false));
            let mut n = q + 1;
            while n < sent.end && n < q + 6 && self.is_word(n) && !self.starts_cue[n] {
                n += 1;
            }
            if n == q + 1 || self.quote_at(n).is_none() {
                return;
            }
            q = n;
        }
    }

    /// True when `cue`, a verb of saying (`say`, `said`, `told`), is negated
    /// without a modal among the words from `from` to it (`Marsh did not say
    /// when ...`, `The president has not said he would veto ...`): nothing
    /// is reported as said, so there is no claim. A refusal (`would not say
    /// whether`, `could not say`) is a claim, the classifier's non-denial.
    fn plainly_negated(&self, cue: Cue, from: usize) -> bool {
        if !self.word_in(cue.first, &["say", "says", "said", "tell", "tells", "told"]) {
            return false;
        }
        let mut negated = false;
        for k in from..cue.first {
            // A modal makes a refusal (`would not say`, `wouldn't say`).
            let w = self.word_bytes(k);
            if MODALS.contains_bytes(w) || NEGATED_MODALS.contains_bytes(w) {
                return false;
            }
            negated |= PLAIN_NEGATORS.contains_bytes(self.word_bytes(k));
        }
        negated
    }

    /// Where `[was] quoted as` starts before the participle cue `cue`
    /// (`he was quoted as saying`), if it stands there.
    fn quoted_as_start(&self, cue: Cue) -> Option<usize> {
        let k = cue.first.checked_sub(2)?;
        if !(self.word_is(k, "quoted") && self.word_is(k + 1, "as")) {
            return None;
        }
        let be = k > 0 && self.word_in(k - 1, &["was", "is", "were", "are", "been", "being"]);
        Some(k - usize::from(be))
    }

    /// The noun phrase that opens a sentence, as the subject of a participle
    /// cue later in it.
    fn sentence_subject(&self, start: usize, limit: usize) -> Option<Phrase> {
        let mut start = start;
        // "But he defended the UK's regime, saying ...": past a conjunction,
        // a pronoun is the subject.
        if start < limit && OPENING_CONJUNCTIONS.contains_bytes(self.word_bytes(start)) {
            start += 1;
        }
        if start < limit && self.is_word(start) && SUBJECT_PRONOUNS.contains(self.word(start)) {
            return self.split_phrase(start..start + 1);
        }
        // `On Jan. 9, James Bullard ...`: an opening adverbial ends at a comma.
        if self.word_in(
            start,
            &[
                "on", "in", "at", "after", "before", "during", "earlier", "later",
            ],
        ) {
            let comma = (start..limit.min(start + 8)).find(|&k| self.is_punct(k, ","))?;
            start = comma + 1;
        }
        let nounish = |k: usize| {
            let w = self.word(k);
            self.is_word(k)
                && !self.lx.is_time_word(w)
                && (is_capitalised(w)
                    || self.lx.is_person_noun(w)
                    || self.lx.is_organisation_word(w))
        };
        let mut e = start;
        let mut last_head = None;
        while e < limit && self.is_word(e) {
            let w = self.word(e);
            if e > start
                && (PHRASE_BREAKS.contains(w) || VERB_MODIFIERS.contains(w) || self.starts_cue[e])
            {
                break;
            }
            if nounish(e) || (e == start && DETERMINERS.contains(w)) {
                last_head = Some(e);
            } else {
                // A person's name ends the subject: "Mike Pompeo praised
                // China's support" is a verb after it.
                let after_name = e >= start + 2
                    && is_capitalised(self.word(e - 1))
                    && self.lx.given_name(self.word(e - 2)).is_some();
                // So does a past tense right after any capitalised word:
                // "Parker praised French films", "The Tories criticised the
                // Lib Dem stance" (not a compound: "state-owned").
                // Or after a person noun: "The Tory co-chairman attacked
                // Labour's pledges".
                let past_after_name = e > start
                    && (is_past_after_subject(self.word(e - 1), w)
                        || (w.ends_with("ed")
                            && !w.contains('-')
                            && self.lx.is_person_noun(self.word(e - 1))));
                if after_name || past_after_name {
                    break;
                }
                // A lower-case word belongs to the subject only as a modifier
                // of a noun that follows ("foreign ministry spokeswoman").
                let modifies = (e + 1..limit.min(e + 4))
                    .take_while(|&k| {
                        self.is_word(k) && !PHRASE_BREAKS.contains_bytes(self.word_bytes(k))
                    })
                    .any(nounish);
                if !modifies {
                    break;
                }
            }
            e += 1;
            if e - start > 10 {
                return None;
            }
        }
        let end = last_head? + 1;
        self.split_phrase(start..end)
    }

    /// Claims around a reporting verb.
    fn verb_claims(&self, cue: Cue, sent: &Range<usize>, out: &mut Vec<Found>) {
        // `Having said that, Burnley are yet to concede`: a turn of phrase
        // that links two sentences, as `That said,` does; no one's claim.
        if cue.first > sent.start
            && self.word_is(cue.first - 1, "having")
            && (self.word_is(cue.end, "that") || self.word_is(cue.end, "this"))
            && self.is_punct(cue.end + 1, ",")
        {
            return;
        }
        let subject_end =
            self.past_verb_modifiers(self.quoted_as_start(cue).unwrap_or(cue.first), sent.start);
        let modified = subject_end < cue.first;
        if modified && self.plainly_negated(cue, subject_end) {
            // No claim, but still a clause of its own: an empty content
            // (dropped with the other empty ones) whose attribution start
            // ends the claim before ("said it had sued, but did not say how
            // many").
            let start = self
                .phrase_before(subject_end, sent.start)
                .map_or(subject_end, |p| p.tokens.start);
            out.push(Found {
                content: cue.first..cue.first,
                cue: Some(cue),
                phrase: None,
                attribution_start: start,
                open_ended: false,
                second_half: false,
                fallback: false,
            });
            return;
        }
        let subject = self
            .phrase_before(subject_end, sent.start)
            .filter(|p| modified || self.agrees_with_base_form(cue, p));
        // `Rather than the current layout, in which ..., asks editor Jennifer
        // Ditchburn, "..."`: what reads as `X, apposition, asks` has no
        // name, and a person's name follows the verb: the attribution is
        // inverted.
        let subject = subject.filter(|p| {
            let apposition = subject_end > sent.start && self.is_punct(subject_end - 1, ",");
            // (Or when the phrase after the verb ends the sentence: `Many of
            // the countries, such as Sri Lanka or the Maldives, do not buy
            // insurance, said a US-based insurance expert.`)
            // (Or, whatever the words before, when a name after the verb
            // ends the sentence: `The sale has destroyed Yukos, once the
            // owner of Yuganskneftegas, said founder Mikhail Khodorkovsky.`)
            !(apposition
                && self.phrase_after(cue.end, sent.end).is_some_and(|after| {
                    let ends = self.rest_is_trivial(after.tokens.end, sent.end);
                    if self.is_proper_name(&p.name) {
                        // A person named with a role or a given name, not
                        // the object of "told" (`..., Roy Asher, chief
                        // investment officer at Hibernian, told Reuters.`).
                        ends && !TELL_FORMS.contains_bytes(self.word_bytes(cue.first))
                            && self.is_proper_name(&after.name)
                            && (after.role.is_some()
                                || self.lx.given_name(self.word(after.name.start)).is_some())
                    } else {
                        self.lx.given_name(self.word(after.name.start)).is_some() || ends
                    }
                }))
        });
        let (phrase, attribution_start, attribution_end) = match subject {
            Some(p) => {
                let s = p.tokens.start;
                (p, s, cue.end)
            }
            None if subject_end > sent.start && self.word_in(subject_end - 1, &["and", "but"]) => {
                // `He said ..., and added ...`, `Pompeo praised China and said
                // ...`: the subject is shared.
                let Some(p) = out
                    .iter()
                    .rev()
                    .find_map(|f| f.phrase.clone())
                    .or_else(|| self.sentence_subject(sent.start, subject_end))
                else {
                    return;
                };
                // Start at the verb, so that the claim before ends at "and".
                (p, subject_end, cue.end)
            }
            None => {
                // Inverted: `"...," said Peskov` or `..., says the founder`.
                let after_quote_or_comma = subject_end > sent.start
                    && (self.quote_at(subject_end - 1).is_some()
                        || self.is_punct(subject_end - 1, ","));
                if !after_quote_or_comma {
                    return;
                }
                let Some(p) = self.phrase_after(cue.end, sent.end) else {
                    return;
                };
                let e = p.tokens.end;
                (p, cue.first, e)
            }
        };
        // 1. A quotation right before the attribution: `"...," X said`.
        let mut q_end = attribution_start;
        while q_end > sent.start && self.is_punct(q_end - 1, ",") {
            q_end -= 1;
        }
        if q_end > sent.start && self.quote_at(q_end - 1).is_some() {
            // `... rather than "sleeping car porters," Foster writes`: a
            // quotation that ends a longer statement is part of it (mixed).
            let qi = q_end - 1;
            let tail_of_statement =
                qi > sent.start && self.is_word(qi - 1) && self.has_words(&(sent.start..qi), 3);
            let first = if tail_of_statement {
                self.clause_start(sent.start, qi)
            } else {
                qi
            };
            out.push(Found::new(
                first..q_end,
                cue,
                phrase.clone(),
                attribution_start,
                false,
            ));
            // `"A," he said, "B."`: the quotation after it is his too.
            let mut k = self.skip_adverbials(attribution_end, sent.end);
            while k < sent.end && (self.is_punct(k, ",") || self.is_punct(k, ":")) {
                k += 1;
            }
            if self.quote_at(k).is_some() && self.rest_is_trivial(k + 1, sent.end) {
                let mut resumed = Found::new(k..k + 1, cue, phrase, attribution_start, false);
                resumed.second_half = true;
                out.push(resumed);
            }
            return;
        }
        // 2. Content after the cue: `X said (that) ...`, `X said: "..."`.
        if attribution_end == cue.end {
            let loose = cue.class == CueClass::Speech || self.quoted_as_start(cue).is_some();
            if let Some(content) = self.content_after(cue, sent.end, loose) {
                out.push(Found::new(content, cue, phrase, attribution_start, true));
                return;
            }
        }
        // 2b. `X joked in his turn to answer the question, "..."`: a quotation
        // after a comma or colon that ends the sentence.
        if attribution_end == cue.end {
            let quote = (cue.end..sent.end)
                .take_while(|&k| !self.starts_cue[k] || k == cue.end)
                .find(|&k| self.quote_at(k).is_some());
            if let Some(q) = quote {
                let introduced =
                    q > cue.end && (self.is_punct(q - 1, ",") || self.is_punct(q - 1, ":"));
                if introduced && self.rest_is_trivial(q + 1, sent.end) && q - cue.end <= 12 {
                    out.push(Found::new(q..q + 1, cue, phrase, attribution_start, false));
                    return;
                }
            }
        }
        // 2c. Inverted and introducing a quotation: `..., asks editor
        // Jennifer Ditchburn, "has anyone ...?"`: the quotation is the claim.
        if attribution_start == cue.first && attribution_end < sent.end {
            let q = attribution_end
                + usize::from(
                    self.is_punct(attribution_end, ",") || self.is_punct(attribution_end, ":"),
                );
            if q > attribution_end
                && self.quote_at(q).is_some()
                && self.rest_is_trivial(q + 1, sent.end)
            {
                out.push(Found::new(q..q + 1, cue, phrase, attribution_start, false));
                return;
            }
        }
        // 3. Content before: `CONTENT, X said (Tuesday).`
        let rest = self.skip_adverbials(attribution_end, sent.end);
        let closes = rest >= sent.end
            || self.is_punct(rest, ",")
            || self.is_punct(rest, ".")
            || self.is_punct(rest, ";")
            || self.trailing_phrase_ends(cue, rest, sent.end);
        if closes && attribution_start > sent.start && self.is_punct(attribution_start - 1, ",") {
            let start = self.clause_start(sent.start, attribution_start - 1);
            let content = self.trim_content(start..attribution_start - 1);
            // `The drugs have few uses, he says, and are meant ...`: the
            // attribution splits one statement in two.
            let after = if self.is_punct(rest, ",") {
                let a = self.trim_content(rest + 1..sent.end);
                (self.has_words(&a, 2)
                    && self.quote_at(a.start).is_none()
                    && self.continues_statement(a.start)
                    && !self.is_apposition(&a))
                .then_some(a)
            } else {
                None
            };
            let min = if after.is_some() { 2 } else { 3 };
            if self.has_words(&content, min) || self.has_quote(&content) {
                out.push(Found::new(
                    content,
                    cue,
                    phrase.clone(),
                    attribution_start,
                    false,
                ));
                if let Some(a) = after {
                    out.push(Found {
                        content: a,
                        cue: Some(cue),
                        phrase: Some(phrase),
                        attribution_start,
                        open_ended: true,
                        second_half: true,
                        fallback: false,
                    });
                }
            }
        }
    }

    /// True when the words from `rest` end the sentence as a short trailing
    /// phrase after an attribution: a prepositional phrase (`..., the
    /// company said in a statement.`, `... he said on Tuesday night.`),
    /// after the object of `told` (`..., Danison told HuffPost Canada in an
    /// email.`). No cue or quotation in it.
    fn trailing_phrase_ends(&self, cue: Cue, rest: usize, end: usize) -> bool {
        let told = TELL_FORMS.contains_bytes(self.word_bytes(cue.first));
        let preposition = |k: usize| {
            self.word_in(
                k,
                // Not `to`, which opens infinitives too (`admitted to
                // falsifying`, `agreed to quadruple`).
                &[
                    "in", "on", "at", "during", "via", "through", "from", "after", "before",
                ],
            )
        };
        let object_end = if told {
            (rest..end.min(rest + 5))
                .take_while(|&k| self.is_word(k) && !self.starts_cue[k])
                .find(|&k| preposition(k))
        } else {
            Some(rest).filter(|&k| preposition(k))
        };
        let Some(p) = object_end else {
            return false;
        };
        // At most ten words, then the sentence's end (or its full stop).
        let words_end = (p..end.min(p + 10))
            .find(|&k| !self.is_word(k) || self.verb_cue_at(k))
            .unwrap_or(end.min(p + 10));
        words_end == end || (words_end + 1 == end && self.is_punct(words_end, "."))
    }

    /// A base-form cue (`say`, `claim`) needs a plural or first/second-person
    /// subject: "the US claim" is a noun phrase, "officials say" a clause.
    fn agrees_with_base_form(&self, cue: Cue, p: &Phrase) -> bool {
        // Case is ignored byte by byte: no lower-cased copy of the word.
        let w = self.word(cue.first);
        let first = w.split(' ').next().unwrap_or("");
        let inflected = ends_with_ignore_ascii_case(first, "s")
            || ends_with_ignore_ascii_case(first, "d")
            || ends_with_ignore_ascii_case(first, "ing")
            || is_in(&["told", "wrote", "said"], first);
        if inflected {
            return true;
        }
        let head = self.word(p.tokens.end - 1);
        is_in(&["they", "we", "i", "you"], head)
            || QUANTIFIER_SUBJECTS.contains(head)
            || (head.ends_with('s')
                && !head.ends_with("ss")
                && (!is_capitalised(head) || self.lx.is_person_noun(head)))
    }

    /// Where the clause ending at `end` starts: after the last earlier
    /// attribution's content in the sentence, or at the sentence start.
    fn clause_start(&self, sent_start: usize, end: usize) -> usize {
        let mut start = sent_start;
        // Skip an opening conjunction or adverbial word.
        while start < end
            && (self.is_word(start) && self.word_in(start, &["and", "but", "so", "also"]))
        {
            start += 1;
        }
        start
    }

    /// Skips time words, objects of `told`, and short prepositional phrases
    /// after a cue or speaker: `said Tuesday`, `told reporters Monday`.
    fn skip_adverbials(&self, mut k: usize, end: usize) -> usize {
        loop {
            while k < end && self.is_word(k) && self.lx.is_time_word(self.word(k)) {
                k += 1;
            }
            // `in July`, `on Tuesday`, `last week`
            if k + 1 < end
                && self.word_in(k, &["in", "on", "at", "last", "this", "earlier"])
                && self.lx.is_time_word(self.word(k + 1))
            {
                k += 1;
                continue;
            }
            if self.is_punct(k, ",") && k + 1 < end && self.word_is(k + 1, "however") {
                k += 1;
                continue;
            }
            return k;
        }
    }

    /// True when only closing punctuation is left in the sentence from `k`.
    fn rest_is_trivial(&self, k: usize, end: usize) -> bool {
        (k..end).all(|i| self.doc.tokens[i].kind == TokenKind::Punct)
    }

    fn has_quote(&self, r: &Range<usize>) -> bool {
        r.clone().any(|k| self.quote_at(k).is_some())
    }

    /// True when `r` holds at least `n` words, those inside its quotations
    /// included; counted only as far as `n` (a content can run to the end of
    /// a long sentence, and the rules ask for two or three words). A
    /// quotation's words are counted only up to [`Quote::WORDS_COUNTED`],
    /// so `n` may not go past that.
    fn has_words(&self, r: &Range<usize>, n: usize) -> bool {
        debug_assert!(n <= Quote::WORDS_COUNTED, "quotations count no more words");
        let mut count = 0;
        n == 0
            || r.clone().any(|k| {
                count += match self.doc.tokens[k].kind {
                    TokenKind::Word => 1,
                    TokenKind::Quote(q) => self.doc.quotes[q as usize].words,
                    TokenKind::Punct => 0,
                };
                count >= n
            })
    }

    /// The content after a cue, if the words after it read as reported speech.
    /// `loose`: accept a clause without `that` opening with a noun phrase.
    fn content_after(&self, cue: Cue, end: usize, loose: bool) -> Option<Range<usize>> {
        let told = TELL_FORMS.contains_bytes(self.word_bytes(cue.first));
        let mut k = cue.end;
        // `said in a statement on Friday that`, `told state-run news agency IRNA that`
        let that = (k..end.min(k + 12))
            .take_while(|&i| {
                (self.is_word(i) || (self.is_punct(i, ",") && i > k))
                    // `said in a report that` bridges to its `that`.
                    && (i == k || !self.verb_cue_at(i))
            })
            .find(|&i| self.word_is(i, "that"));
        let mut after_that = false;
        if let Some(t) = that {
            let first = self.word(k);
            let bridge_ok = t == k
                || told
                || self.lx.is_time_word(first)
                // `quoted as saying by local media that`
                || (self.word_is(k, "by") && self.quoted_as_start(cue).is_some())
                || self.word_in(
                    k,
                    &[
                        "in",
                        "on",
                        "at",
                        "during",
                        "via",
                        "through",
                        "after",
                        "before",
                        "last",
                        "this",
                        ",",
                        "publicly",
                        "previously",
                        "earlier",
                        "only",
                        "again",
                        "repeatedly",
                    ],
                );
            if bridge_ok {
                k = t + 1;
                after_that = true;
            }
        }
        if !after_that && DIRECTIVE_VERBS.contains_bytes(self.word_bytes(cue.first)) {
            // `urged police to investigate`, `warned drivers not to travel`:
            // what was urged is the infinitive after the person urged.
            // The person urged is a short noun phrase: no clause (`warned it
            // might have to`, `warned there would be`), and the infinitive's
            // verb is a lower-case word (`travel to China to consult`: the
            // second `to`).
            let to = (k + 1..end.min(k + 9))
                .take_while(|&i| {
                    self.is_word(i)
                        && !FINITE_AUXILIARIES.contains_bytes(self.word_bytes(i))
                        && !self.word_in(i, &["he", "she", "they", "we", "i", "there", "that"])
                })
                .find(|&i| {
                    let next = self.word(i + 1);
                    self.word_is(i, "to")
                        && self.is_word(i + 1)
                        && !is_capitalised(next)
                        && !DETERMINERS.contains(next)
                        && !next.bytes().all(|b| b.is_ascii_digit())
                });
            if let Some(to) = to {
                let start = if self.word_is(to - 1, "not") {
                    to - 1
                } else {
                    to
                };
                let content = self.trim_content(start..end);
                if self.has_words(&content, 2) {
                    return Some(content);
                }
            }
        }
        if !after_that {
            k = self.skip_adverbials(k, end);
            // `said in his New Year's speech he was ready`: a short
            // prepositional phrase before a pronoun subject.
            if self.word_in(k, &["in", "on", "at", "during", "after"]) {
                if let Some(p) = (k + 1..end.min(k + 8))
                    .take_while(|&i| self.is_word(i))
                    .find(|&i| self.word_in(i, &["he", "she", "they", "it", "we", "i"]))
                {
                    if p + 1 < end && self.is_word(p + 1) {
                        k = p;
                    }
                }
            }
            if told {
                // `told reporters:` / `told TMOF.` / `told the Baltic Wire the
                // repairs ...`: the object is a short noun phrase; the
                // content starts at the next determiner or pronoun after it.
                let object_start = k;
                while k < end
                    && self.is_word(k)
                    && !SUBJECT_PRONOUNS.contains_bytes(self.word_bytes(k))
                    && k < cue.end + 5
                {
                    let w = self.word(k);
                    if k > object_start
                        && (DETERMINERS.contains(w) || w.eq_ignore_ascii_case("there"))
                    {
                        break;
                    }
                    k += 1;
                }
                k = self.skip_adverbials(k, end);
            }
        }
        if !after_that && self.is_punct(k, ",") && self.quote_at(k + 1).is_none() {
            // `the Kremlin said Tuesday, a day after ...`: the attribution
            // closes here; its content is before it.
            return None;
        }
        while k < end && (self.is_punct(k, ":") || self.is_punct(k, ",")) {
            k += 1;
        }
        if k >= end {
            return None;
        }
        // A quotation standing for the rest of the sentence: direct.
        if self.quote_at(k).is_some() {
            let mut e = k + 1;
            if self.rest_is_trivial(e, end) {
                return Some(k..e);
            }
            e = end;
            return Some(self.trim_content(k..e));
        }
        let first = self.word(k);
        if self.doc.tokens[k].kind != TokenKind::Word
            || (!after_that && NOT_CONTENT_START.contains(first))
        {
            return None;
        }
        if cue.class == CueClass::Question {
            let wh = [
                "whether", "if", "why", "how", "what", "when", "where", "who",
            ];
            if !self.word_in(k, &wh) {
                return None;
            }
        }
        if !after_that {
            let pronoun = SUBJECT_PRONOUNS.contains(first) || first.eq_ignore_ascii_case("there");
            // Speech verbs ("said", "says") take any clause; others need a
            // pronoun or a named subject to read as reported speech
            // ("confirmed he was", "alleges Meng deceived", not "confirmed
            // the move").
            if !(pronoun || loose || is_capitalised(first)) {
                return None;
            }
        }
        let content = self.trim_content(k..end);
        self.has_words(&content, 3).then_some(content)
    }

    /// The noun phrase that ends right before token `end` (the subject of a cue).
    fn phrase_before(&self, end: usize, sent_start: usize) -> Option<Phrase> {
        self.phrase_before_with(end, sent_start, true)
    }

    /// [`Finder::phrase_before`]; with `appositions` false, a phrase ending
    /// in a comma is not read as `Name, apposition,`. The subject before an
    /// apposition never ends in one itself (several commas inside one
    /// apposition are handled by trying up to three), and reading it that
    /// way made a run of commas exponential (found by fuzzing: 100 commas
    /// before "said" never finished).
    fn phrase_before_with(
        &self,
        end: usize,
        sent_start: usize,
        appositions: bool,
    ) -> Option<Phrase> {
        if end <= sent_start {
            return None;
        }
        let last = end - 1;
        if self.is_punct(last, ",") {
            if !appositions {
                return None;
            }
            // `Name, head of ..., told` / `Name, who ..., said` / `Name, 58, said`;
            // an apposition may hold commas itself ("of Kansas City, Mo., and
            // an organizer at ..."), so try up to three earlier commas.
            // A relative clause may quote a few words ("Doug Purdy, who lost
            // 16 lbs. "and two belt loops" since May, says"); a quotation
            // right before the comma is content, not an apposition.
            if last > sent_start && self.quote_at(last - 1).is_some() {
                return None;
            }
            let commas: Vec<usize> = (sent_start..last)
                .rev()
                .take(40)
                .filter(|&k| self.is_punct(k, ","))
                .filter(|&k| {
                    self.quote_at(k + 1).is_none()
                        && k > sent_start
                        && self.quote_at(k - 1).is_none()
                })
                .take(3)
                .collect();
            // Prefer the reading whose name starts with a given name ("Will
            // Young, a mechanic based in Kansas City, Mo., and ..., said") or
            // a courtesy title ("Mr Johnson, MP for Henley-on-Thames,
            // Oxfordshire, said").
            let readings: Vec<Phrase> = commas
                .into_iter()
                .filter_map(|open| self.appositive_subject(open, last, sent_start))
                .collect();
            let named = readings.iter().position(|p| {
                self.lx.given_name(self.word(p.name.start)).is_some()
                    || HONORIFICS.contains_bytes(self.word_bytes(p.name.start))
            });
            return named
                .or((!readings.is_empty()).then_some(0))
                .map(|i| readings[i].clone());
        }
        if !self.is_word(last) {
            return None;
        }
        if SUBJECT_PRONOUNS.contains_bytes(self.word_bytes(last)) {
            return Some(Phrase {
                tokens: last..end,
                name: last..end,
                role: None,
            });
        }
        let mut start = end;
        while start > sent_start {
            let k = start - 1;
            if !self.is_word(k) {
                break;
            }
            let w = self.word_bytes(k);
            // `the Office for National Statistics`, `Lord Nicholls of
            // Birkenhead`: "of" or "for" between capitalised words is inside
            // one name.
            let in_name = (w == b"of" || w == b"for")
                && k > sent_start
                && k + 1 < end
                && self.is_word(k - 1)
                && is_capitalised(self.word(k - 1))
                && is_capitalised(self.word(k + 1));
            // `the Department for Education and Skills`: "and" between
            // capitals inside an organisation's name.
            let in_name = in_name
                || (w == b"and"
                    && k > sent_start
                    && k + 1 < end
                    && is_capitalised(self.word(k + 1))
                    && self.lx.given_name(self.word(k + 1)).is_none()
                    && self.organisation_name_ends_at(k - 1, sent_start));
            let in_name = in_name || self.is_surname_at(k);
            if !in_name && (PHRASE_BREAKS.contains_bytes(w) || SUBJECT_PRONOUNS.contains_bytes(w)) {
                break;
            }
            // `The storm has wrecked Pelham, ..., said`: a past participle
            // after an auxiliary is a verb, not the name's role.
            // Nor one after its subject: `Mr Blair derided Tory claims`.
            if k > sent_start
                && w.ends_with(b"ed")
                && (FINITE_AUXILIARIES.contains_bytes(self.word_bytes(k - 1))
                    || (self.is_word(k - 1)
                        && !DETERMINERS.contains_bytes(self.word_bytes(k - 1))
                        && is_past_after_subject(self.word(k - 1), self.word(k))))
            {
                break;
            }
            start = k;
            if DETERMINERS.contains_bytes(w) || end - start >= 9 {
                break;
            }
        }
        // `Many of those questioned said`, `a majority of the 68 workers
        // said`: a part of a group is the speaker, not the group.
        if start >= sent_start + 2
            && start < end
            && self.word_is(start - 1, "of")
            && PARTITIVES.contains_bytes(self.word_bytes(start - 2))
        {
            let mut s2 = start - 2;
            if s2 > sent_start && self.word_in(s2 - 1, &["a", "the"]) {
                s2 -= 1;
            }
            return Some(Phrase {
                tokens: s2..end,
                name: s2..end,
                role: None,
            });
        }
        // `In a statement Google said`, `At the time Lord Woolf, ...`: a
        // preposition's object before a name is an adverbial, not the
        // name's role; the phrase is the name.
        if start > sent_start
            && self.word_in(start - 1, &["in", "at", "on"])
            && DETERMINERS.contains_bytes(self.word_bytes(start))
        {
            if let Some(name) = (start + 1..end).find(|&k| is_capitalised(self.word(k))) {
                if name > start + 1 {
                    start = name;
                }
            }
        }
        // `A spokesperson for the trucking association`, `sources familiar
        // with the matter`: a person noun carried by a prepositional phrase.
        if start >= sent_start + 2 && start < end {
            let prep = start - 1;
            let mut head = start - 2;
            if self.word_in(prep, &["with", "to"])
                && self.word_in(head, &["familiar", "close"])
                && head > sent_start
            {
                head -= 1;
            }
            // `officials in Powys`: people placed by where they are.
            if self.word_in(prep, &["for", "with", "to", "at", "of", "in"])
                && self.is_word(head)
                && self.lx.is_person_noun(self.word(head))
            {
                let mut s2 = head;
                while s2 > sent_start
                    && self.is_word(s2 - 1)
                    && !PHRASE_BREAKS.contains_bytes(self.word_bytes(s2 - 1))
                    && head - s2 < 4
                {
                    s2 -= 1;
                    if DETERMINERS.contains_bytes(self.word_bytes(s2)) {
                        break;
                    }
                }
                return Some(Phrase {
                    tokens: s2..end,
                    name: s2..end,
                    role: None,
                });
            }
        }
        // `professor Kent Moore at the University of Toronto says`, `Mark
        // Ode of the Tellan Ratepayers Group said`: the speaker is the name
        // before the place of work, which is the role when no other is
        // written (`of the Tellan Ratepayers Group`).
        if start >= sent_start + 2
            && start < end
            && self.word_in(start - 1, &["at", "from", "with", "of"])
            && is_capitalised(self.word(start - 2))
        {
            if let Some(p) = self.phrase_before(start - 1, sent_start) {
                if self.lx.given_name(self.word(p.name.start)).is_some() {
                    return Some(Phrase {
                        tokens: p.tokens.start..end,
                        name: p.name,
                        role: p.role.or(Some(start - 1..end)),
                    });
                }
            }
        }
        // Sentence-initial capitalised function words ("In", "But") are
        // already breaks; anything left is the phrase.
        self.split_phrase(start..end)
    }

    /// True when token `last` ends a capitalised name with `of` or `for`
    /// inside it, after an organisation word: `Department for Education`,
    /// not `John Smith` nor `the Conservatives` (`the Conservatives and Lib
    /// Dems` are two). Reads back no further than `floor`.
    fn organisation_name_ends_at(&self, last: usize, floor: usize) -> bool {
        let mut k = last;
        let mut joined = false;
        loop {
            if !self.is_word(k) {
                return false;
            }
            let w = self.word(k);
            if is_capitalised(w) {
                if joined && self.lx.is_organisation_word(w) {
                    return true;
                }
            } else if !(w == "of" || w == "for") || k == last {
                return false;
            } else {
                joined = true;
            }
            if k == floor || last - k >= 6 {
                return false;
            }
            k -= 1;
        }
    }

    /// The subject of `NP, APPOSITION,` + cue, where `open` and `last` are the
    /// two commas.
    fn appositive_subject(&self, open: usize, last: usize, sent_start: usize) -> Option<Phrase> {
        let inner = open + 1..last;
        if inner.is_empty() {
            return None;
        }
        let mut p = self.phrase_before_with(open, sent_start, false)?;
        let first_inner = self.word(inner.start);
        // `One red-state Democrat, Montana Sen. Jon Tester, said`, `The
        // Archbishop of Cardiff, the Most Reverend Peter Smith, told`: the
        // apposition is the person's name (it holds a title or a given name;
        // after `the`, a given name: `Lord Woolf, the Lord Chief Justice,`
        // is a name and its office).
        let the = self.word_is(inner.start, "the");
        let name_words = if the {
            inner.start + 1..inner.end
        } else {
            inner.clone()
        };
        let inner_is_name = !name_words.is_empty()
            && name_words.len() <= 5
            && name_words
                .clone()
                .all(|k| self.is_word(k) && is_capitalised(self.word(k)))
            && name_words.clone().any(|k| {
                (!the && self.lx.is_title(self.word(k)))
                    || self.lx.given_name(self.word(k)).is_some()
            });
        if inner_is_name && self.lx.given_name(self.word(p.name.start)).is_none() {
            let named = self.split_phrase(name_words)?;
            // The office before `the Rt Rev Tom Wright` is the role, not the
            // courtesy in the name.
            let role = if the {
                Some(p.tokens.clone())
            } else {
                named.role.or(Some(p.tokens.clone()))
            };
            return Some(Phrase {
                tokens: p.tokens.start..last,
                name: named.name,
                role,
            });
        }
        if !self.is_proper_name(&p.name) {
            // `His father, Ernie LeBlanc, says`: the name is the apposition.
            let all_caps = inner
                .clone()
                .all(|k| self.is_word(k) && is_capitalised(self.word(k)));
            if all_caps && inner.len() <= 4 {
                return Some(Phrase {
                    tokens: p.tokens.start..last,
                    name: inner.clone(),
                    role: Some(p.tokens.clone()),
                });
            }
            // `The reports, citing unnamed sources, said`: a description
            // with a clause after it.
            let described = self.word_in(p.tokens.start, &["the", "a", "an"]);
            return (described && !is_capitalised(first_inner)).then_some(p);
        }
        let is_relative = is_in(&["who", "whose", "which", "whom", "where"], first_inner);
        // `Rick Parry, speaking to BBC Sport, said`: a clause, not a role;
        // nor is `Microsoft, in a typical act of obscurantism, calls`. But
        // where a person is from is their affiliation (`Jo Dunn, from
        // Human Rights Watch,`, `Ed Fox, for the Liberal Democrats,`).
        let affiliation = first_inner == "from"
            || (first_inner == "for"
                && !self.word_in(inner.start + 1, &["example", "instance", "now"]));
        let clause = first_inner.ends_with("ing")
            || (PHRASE_BREAKS.contains(first_inner) && !affiliation)
            || first_inner.ends_with("ly")
            || self.lx.is_time_word(first_inner)
            || self.starts_cue[inner.start];
        if !is_relative
            && !clause
            && inner.clone().all(|k| {
                self.is_word(k)
                    || self.is_punct(k, "’")
                    || self.is_punct(k, "'")
                    || self.is_punct(k, ",")
            })
        {
            let ages = inner
                .clone()
                .all(|k| self.word(k).chars().all(|c| c.is_ascii_digit()));
            if !ages && p.role.is_none() {
                p.role = Some(inner);
            }
        }
        Some(p)
    }

    /// The noun phrase that starts at `start` (after an inverted cue or
    /// `according to`).
    fn phrase_after(&self, start: usize, end: usize) -> Option<Phrase> {
        let mut e = start;
        while e < end && self.is_word(e) {
            let w = self.word(e);
            // `people familiar with the bid`, `sources close to the talks`,
            // `officials briefed on the plan`, `people with knowledge of it`
            // (Asked only of a phrase break, below: most words are none.)
            let qualifier = || self.in_postmodifier(e);
            // `Heart and Stroke senior manager Erin Kim`: "and" between two
            // capitalised words is inside an organisation's name.
            // A person's name must follow ("Smith and Jones" are two people).
            let in_name = e > start
                && w == "and"
                && is_capitalised(self.word(e - 1))
                && e + 1 < end
                && self.is_word(e + 1)
                && is_capitalised(self.word(e + 1))
                && (e + 2..end.min(start + 9))
                    .take_while(|&k| self.is_word(k))
                    .any(|k| self.lx.given_name(self.word(k)).is_some());
            if e > start
                && PHRASE_BREAKS.contains(w)
                && !w.eq_ignore_ascii_case("of")
                && !qualifier()
                && !in_name
                && !self.is_surname_at(e)
            {
                break;
            }
            if e == start && self.lx.is_time_word(w) {
                return None;
            }
            e += 1;
            if e - start >= 9 {
                break;
            }
        }
        let mut p = self.split_phrase(start..e)?;
        // `according to a statement released by the Prime Minister's Office`:
        // a text speaks for its author.
        if e + 1 < end
            && self.word(e) == "by"
            && p.tokens
                .clone()
                .any(|k| self.lx.is_document_word(self.word(k)))
        {
            if let Some(author) = self.phrase_after(e + 1, end) {
                return Some(Phrase {
                    tokens: start..author.tokens.end,
                    name: author.name,
                    role: author.role,
                });
            }
        }
        // `said Devon Achterberg, chief engineer at the port.`: the role
        // follows the name.
        if self.is_punct(e, ",") && self.is_proper_name(&p.name) && p.role.is_none() {
            let mut n = e + 1;
            while n < end && self.is_word(n) {
                n += 1;
            }
            let first = self.word(e + 1);
            // A description of someone (`a strategist at UBS`, `chief
            // engineer at the port`) or of a body (`head of MMS firm
            // Adamind`); not of the figure before the source (`according to
            // the Nationwide, their biggest monthly fall since 2001`), nor a
            // clause (`says the BBC, because it gives people more control`,
            // `speaking at Queen's Club`, `so many firms were changing`).
            let names_someone = |k: usize| self.lx.is_person_noun(self.word(k));
            let names_body = |k: usize| self.lx.is_organisation_word(self.word(k));
            let possessive_pronoun = is_in(&["their", "its", "our", "my", "your"], first);
            // (`managing director of 3ami` is a role: an -ing word before a
            // person noun describes it.)
            let clause = (first.ends_with("ing") && !(e + 2 < n && names_someone(e + 2)))
                || FINITE_AUXILIARIES.contains(first)
                || OPENING_CONJUNCTIONS.contains(first)
                || INTRODUCTORY_WORDS.contains(first)
                || is_in(
                    &[
                        "who", "whose", "which", "where", "adding", "saying", "noting", "and",
                        "unless",
                    ],
                    first,
                );
            let described = (DETERMINERS.contains(first) && !possessive_pronoun)
                || (e + 1..n).any(|k| names_someone(k) || names_body(k));
            let role_like = n > e + 1
                && n - e <= 12
                && (n >= end || self.is_punct(n, ".") || self.is_punct(n, ","))
                && !is_capitalised(first)
                && !clause
                && !self.lx.is_time_word(first)
                && described;
            if role_like {
                p.role = Some(e + 1..n);
            }
        }
        // `says Campbell’s partner, Jason Louth.`: the name after the comma.
        if self.is_punct(e, ",") && !self.is_proper_name(&p.name) {
            let mut n = e + 1;
            while n < end && self.is_word(n) && is_capitalised(self.word(n)) {
                n += 1;
            }
            let closes = n >= end || self.is_punct(n, ".") || self.is_punct(n, ",");
            if n > e + 1 && closes {
                p = Phrase {
                    tokens: start..n,
                    name: e + 1..n,
                    role: Some(p.tokens.clone()),
                };
            }
        }
        Some(p)
    }

    /// True when a token range is a capitalised name (not a pronoun).
    fn is_proper_name(&self, r: &Range<usize>) -> bool {
        !r.is_empty()
            && is_capitalised(self.word(r.end - 1))
            && !SUBJECT_PRONOUNS.contains_bytes(self.word_bytes(r.end - 1))
    }

    /// Splits a noun phrase into name and role; `None` when it cannot name a
    /// speaker (no head noun, a head that is not a name, person or organisation).
    /// True when a cue starts at token `k` and is no noun: a cue word after
    /// a determiner is one (`in a report`, `the statement`).
    fn verb_cue_at(&self, k: usize) -> bool {
        self.starts_cue.get(k).copied().unwrap_or(false)
            && !(k > 0 && DETERMINERS.contains_bytes(self.word_bytes(k - 1)))
    }

    /// True when the word at `k` is a surname that is also a function or
    /// time word (`Theresa May`, `Mike Friday`, `Will Sunday`): capitalised,
    /// right after a capitalised given name.
    fn is_surname_at(&self, k: usize) -> bool {
        k > 0
            && self.is_word(k)
            && self.is_word(k - 1)
            && is_capitalised(self.word(k))
            && is_capitalised(self.word(k - 1))
            && self.lx.given_name(self.word(k - 1)).is_some()
            // The name lists hold odd entries ("In", "Tuesday"): a function
            // word is no given name, and a title opens a name of its own
            // ("On Tuesday Mr Ebbers said").
            && !PHRASE_BREAKS.contains_bytes(self.word_bytes(k - 1))
            && !DETERMINERS.contains_bytes(self.word_bytes(k - 1))
            && !HONORIFICS.contains_bytes(self.word_bytes(k))
            && !self.lx.is_title(self.word(k))
    }

    /// True when the word at `k` makes one of [`SOURCE_POSTMODIFIERS`] with
    /// the word before it (`familiar with`, `k` at `with`) or after it
    /// (`familiar with`, `k` at `familiar`): inside an unnamed source's
    /// description (`people familiar with the bid`).
    fn in_postmodifier(&self, k: usize) -> bool {
        self.starts_postmodifier(k) || (k > 0 && self.starts_postmodifier(k - 1))
    }

    /// True when one of [`SOURCE_POSTMODIFIERS`] starts at the word at `k`.
    fn starts_postmodifier(&self, k: usize) -> bool {
        SOURCE_POSTMODIFIERS
            .iter()
            .any(|&(first, second)| self.word_is(k, first) && self.word_is(k + 1, second))
    }

    fn split_phrase(&self, r: Range<usize>) -> Option<Phrase> {
        let mut r = r;
        // Trim function words at the start that are not determiners, and time
        // words ("Wednesday Suncor disclosed").
        // (`June Smith said`: a given name that is also a month opens a
        // name.)
        while !r.is_empty()
            && (PHRASE_BREAKS.contains_bytes(self.word_bytes(r.start))
                || (r.len() > 1
                    && self.lx.is_time_word(self.word(r.start))
                    && !self.is_surname_at(r.start + 1)))
        {
            r.start += 1;
        }
        if r.is_empty() {
            return None;
        }
        let head = self.word(r.end - 1);
        if r.len() == 1 && SUBJECT_PRONOUNS.contains(head) {
            return Some(Phrase {
                tokens: r.clone(),
                name: r.clone(),
                role: None,
            });
        }
        if r.len() == 1 && QUANTIFIER_SUBJECTS.contains(head) {
            // `Some suggested that ...`, `Others say ...`.
            return Some(Phrase {
                tokens: r.clone(),
                name: r.clone(),
                role: None,
            });
        }
        if DETERMINERS.contains(head)
            || (self.lx.is_time_word(head) && !self.is_surname_at(r.end - 1))
        {
            return None;
        }
        // `people familiar with the bid`: a person noun and what qualifies
        // it, a description whose head is not the phrase's last word.
        if r.len() > 2
            && (r.start + 1..r.end - 1).any(|k| {
                self.starts_postmodifier(k)
                    && !is_capitalised(self.word(k - 1))
                    && self.lx.is_person_noun(self.word(k - 1))
            })
        {
            return Some(Phrase {
                tokens: r.clone(),
                name: r.clone(),
                role: None,
            });
        }
        // The first `of` inside the phrase: asked about twice below.
        let of = (r.start + 1..r.end - 1).find(|&k| {
            let w = self.word_bytes(k);
            // `the Office for National Statistics`: "for" inside a name.
            w == b"of"
                || (w == b"for"
                    && is_capitalised(self.word(k - 1))
                    && is_capitalised(self.word(k + 1)))
        });
        // `the 39-year-old founder of Studiocomix Press`, `a committee of
        // MPs`: the head is the noun before `of`, and the phrase is a
        // description (of a body, only when named members follow: `a group
        // of scholars` is no speaker's name).
        // `Gloucester director of rugby Nigel Melville`: a person named
        // after the description, not the description.
        let named_after = r.len() >= 3
            && is_capitalised(self.word(r.end - 1))
            && self.lx.given_name(self.word(r.end - 2)).is_some();
        if let Some(of) = of.filter(|&of| !(named_after && of + 1 < r.end - 2)) {
            let before = self.word(of - 1);
            if !is_capitalised(before)
                && (self.lx.is_person_noun(before)
                    || (self.lx.is_organisation_word(before) && is_capitalised(self.word(of + 1))))
            {
                return Some(Phrase {
                    tokens: r.clone(),
                    name: r.clone(),
                    role: None,
                });
            }
        }
        // `Cisco System’s Talos cybersecurity unit`: a named thing's part
        // (asked last: a capitalised head or a description settles most).
        let names_something = || (r.start + 1..r.end).any(|k| is_capitalised(self.word(k)));
        // `the rookie defenceman`: a definite or possessive description names
        // a person even when its head noun is not in the lexicon.
        let first = self.word(r.start);
        let possessive = first.ends_with("’s") || first.ends_with("'s");
        let described = r.len() >= 2
            && (possessive || is_in(&["the", "a", "an", "his", "her", "their"], first))
            && !self.lx.is_time_word(head);
        let head_ok = is_capitalised(head)
            || described
            || names_something()
            || self.lx.is_person_noun(head)
            || self.lx.is_organisation_word(head)
            || self.lx.is_document_word(head);
        if !head_ok {
            return None;
        }
        if !is_capitalised(head) {
            // A description: the whole phrase names the speaker.
            return Some(Phrase {
                tokens: r.clone(),
                name: r.clone(),
                role: None,
            });
        }
        if let Some(of) = of {
            if let Some(phrase) = self.split_at_of(r.clone(), of) {
                return Some(phrase);
            }
        }
        // Trailing capitalised run; titles in it belong to the role.
        let mut name_start = self.capitalised_run_start(r.start, r.end - 1);
        // `Paris-based Euronext`, `Film-maker Spike Lee`, `Coffee-loving
        // Curry`: a capitalised compound whose last part is lower case
        // describes the name; it is not part of it.
        while name_start + 1 < r.end && is_describing_compound(self.word(name_start)) {
            name_start += 1;
        }
        if let Some(t) = (name_start..r.end - 1)
            .rev()
            .find(|&k| self.lx.is_title(self.word(k)))
        {
            name_start = t + 1;
        } else if r.end - name_start >= 3
            && self.lx.given_name(self.word(name_start)).is_none()
            && self.lx.given_name(self.word(name_start + 1)).is_some()
            && !self.is_place_at(name_start, 2)
        {
            // `Hydrologist Tomas Reyes`: a capitalised role before a given name.
            name_start += 1;
        } else if r.end - name_start >= 4
            && self.lx.given_name(self.word(r.end - 2)).is_some()
            && (name_start..r.end - 2).all(|k| self.lx.is_affiliation_word(self.word(k)))
        {
            // `Lib Dems David Laws`, `Tennis Australia Geoff Pollard`: a
            // given name and a surname after the name of what the person
            // belongs to (as the resolver reads the article's people).
            name_start = r.end - 2;
        } else if let Some(k) =
            (name_start + 1..r.end - 1).find(|&k| HONORIFICS.contains_bytes(self.word_bytes(k)))
        {
            // `Lib Dem Sir Archy Kirkwood`: a courtesy title inside the run
            // opens the name (see below).
            name_start = k + 1;
        }
        let role_start = self.past_determiners(r.start, name_start);
        // "Mr" and "Sir" are courtesy, not a role: the name starts with
        // them, and what stands before them is the role ("Chief constable
        // Mr Hayman", "Manchester United manager Sir Alex Ferguson").
        let honorific =
            name_start > r.start && HONORIFICS.contains_bytes(self.word_bytes(name_start - 1));
        let name_start = if honorific {
            name_start - 1
        } else {
            name_start
        };
        // Before a courtesy title, only words that end like a role are one
        // ("London mayor Mr Livingstone", "ONGC's Mr Raha"); not "his 49
        // minute speech Mr Brown" or "Harrogate Mr Kennedy".
        let role_like = |end: usize| {
            let last = self.word(end - 1);
            !honorific || is_possessive(last.as_bytes()) || self.lx.is_role_word(last)
        };
        let role =
            (role_start < name_start && role_like(name_start)).then_some(role_start..name_start);
        // An organisation keeps its article ("the Kremlin"); a person's
        // mention is the name alone.
        let name = if role.is_none() && !honorific {
            r.clone()
        } else {
            name_start..r.end
        };
        Some(Phrase {
            tokens: r.clone(),
            name,
            role,
        })
    }

    /// The first token of the run of capitalised words (no determiner)
    /// that ends with token `last`, not before `floor`. Name particles
    /// between capitalised words belong to the run (`Rodrigo de Rato`).
    fn capitalised_run_start(&self, floor: usize, last: usize) -> usize {
        let opens_run = |k: usize| {
            is_capitalised(self.word(k)) && !DETERMINERS.contains_bytes(self.word_bytes(k))
        };
        let mut start = last;
        while start > floor {
            if opens_run(start - 1) {
                start -= 1;
                continue;
            }
            let particles =
                particles_joining(|k| (start > floor + k).then(|| self.word(start - 1 - k)));
            match particles {
                Some(n) if opens_run(start - 1 - n) => start -= n + 1,
                _ => break,
            }
        }
        start
    }

    /// The first token from `from` that is not a determiner, at most `to`.
    fn past_determiners(&self, from: usize, to: usize) -> usize {
        let mut k = from;
        while k < to && DETERMINERS.contains_bytes(self.word_bytes(k)) {
            k += 1;
        }
        k
    }

    /// A phrase whose capitalised words run on over `of` (at `of`), when
    /// the `of` joins a name:
    /// - `the Bank of England`, `the National Union of Journalists`: an
    ///   organisation word right before `of` makes the whole run one
    ///   organisation's name (the words before the run are its role);
    /// - `Sen. Richard Shelby of Alabama`, `Mark Longden of the Independent
    ///   Supporters' Association`, `Cara Diemont of IT firm Dimension Data`:
    ///   a person named with a given name or a title, then where they are
    ///   from, is that person;
    /// - `the Archbishop of Canterbury`, `Lord Nicholls of Birkenhead`: a
    ///   rank ([`PEERAGE`]) opening the run, or a title alone before `of`,
    ///   makes the whole one name.
    ///
    /// `of` may be `for` between capitals (`the Office for National
    /// Statistics`). `None` otherwise (`chief executive of Shell`: the rules after the
    /// caller's decide).
    fn split_at_of(&self, r: Range<usize>, of: usize) -> Option<Phrase> {
        // `of the Independent ...`: the article is not part of the name.
        let after = if self.word_bytes(of + 1) == b"the" {
            of + 2
        } else {
            of + 1
        };
        if !is_capitalised(self.word(of - 1)) {
            return None;
        }
        // The name runs on to the end of the phrase (`the Bank of England
        // said`), not into a description (`of IT firm Dimension Data`).
        // (`and` between capitals too: `the Department for Education and
        // Skills`.)
        let whole = after < r.end
            && (after..r.end).all(|k| {
                is_capitalised(self.word(k))
                    || (self.word_is(k, "and")
                        && k > after
                        && k + 1 < r.end
                        && is_capitalised(self.word(k + 1)))
            });
        let run_start = self.capitalised_run_start(r.start, of - 1);
        // The word before `of` heads the name: `Bank`, `Union`, `Office`
        // (but `Office Minister Lord Roberts of Conwy` is a person's).
        if whole && self.lx.is_organisation_word(self.word(of - 1)) {
            let role_start = self.past_determiners(r.start, run_start);
            // An organisation keeps its article (`the Bank of England`).
            let role = (role_start < run_start).then_some(role_start..run_start);
            return Some(Phrase {
                tokens: r.clone(),
                name: if role.is_some() { run_start..r.end } else { r },
                role,
            });
        }
        // `the Archbishop of Canterbury`, `Lord Nicholls of Birkenhead`: a
        // rank and a place make one name.
        if whole && PEERAGE.contains_bytes(self.word_bytes(run_start)) {
            return Some(Phrase {
                name: run_start..r.end,
                tokens: r,
                role: None,
            });
        }
        if whole
            && (run_start + 1 == of || self.word_is(of, "for"))
            && self.lx.is_title(self.word(of - 1))
        {
            return Some(Phrase {
                tokens: r.clone(),
                name: r,
                role: None,
            });
        }
        let before = self.split_phrase(r.start..of)?;
        // `Yonca Brunini of Yahoo`, `Mr Skeens of Brownsville`: two or
        // three capitalised words that name nothing else, before a name.
        let name_shaped = || {
            whole
                && before.role.is_none()
                && (2..=3).contains(&before.name.len())
                && before.name.clone().all(|k| {
                    let w = self.word(k);
                    is_capitalised(w)
                        && !DETERMINERS.contains(w)
                        && !self.lx.is_organisation_word(w)
                        && !self.lx.is_place(w)
                        && !self.lx.is_document_word(w)
                        && !self.lx.is_title(w)
                })
        };
        let person = self.lx.given_name(self.word(before.name.start)).is_some()
            || before
                .role
                .as_ref()
                .is_some_and(|role| role.clone().any(|k| self.lx.is_title(self.word(k))))
            || name_shaped();
        // With no title before the name, what the person is "of" is their
        // role, as "from" an organisation is (`Ian Cole of Barclays
        // Capital`: role `of Barclays Capital`).
        person.then(|| Phrase {
            role: before.role.or(Some(of..r.end)),
            tokens: r,
            name: before.name,
        })
    }

    /// Quotations no cue attributed: floating quotes when they stand as
    /// sentences of their own, spoken by the speaker in context.
    fn add_floating(&self, out: &mut Vec<Attribution>, consumed: &[bool]) {
        // Every quotation taken (or none at all): no floating quote, and
        // nothing below would change (claims with a cue keep their speaker).
        if !consumed.contains(&false) {
            return;
        }
        let mut extra = Vec::new();
        let mut introduced = Vec::new();
        // The quotations no claim took, each at its token and in its
        // sentence, in text order (as a walk of every sentence's tokens
        // would meet them, for less: most quotations are taken).
        let tokens = &self.doc.tokens;
        let sentences = &self.doc.sentences;
        let mut s = 0;
        for (q, quote) in self.doc.quotes.iter().enumerate() {
            if consumed.get(q) != Some(&false) {
                continue;
            }
            let from = tokens.partition_point(|t| t.span.start < quote.span.start);
            let Some(k) = (from..tokens.len())
                .take_while(|&k| tokens[k].span.start == quote.span.start)
                .find(|&k| matches!(tokens[k].kind, TokenKind::Quote(x) if x as usize == q))
            else {
                continue;
            };
            s += sentences
                .get(s..)
                .map_or(0, |rest| rest.partition_point(|x| x.end <= k));
            let Some(sent) = sentences.get(s).filter(|x| x.first <= k) else {
                continue;
            };
            if self.is_heading(sent) {
                continue;
            }
            let starts = k == sent.first
                || (sent.first..k).all(|i| self.doc.tokens[i].kind == TokenKind::Punct);
            let stands_alone = starts && self.rest_is_trivial(k + 1, sent.end);
            let ends = quote.ends_sentence
                || quote
                    .span
                    .slice(self.doc.text)
                    .trim_end_matches(['"', '”', '’', '\'', '»'])
                    .ends_with(',')
                || (k + 1 < sent.end && [".", "!", "?"].iter().any(|p| self.is_punct(k + 1, p)))
                || quote.continues;
            // `Martell, the addictions doctor, is more blunt: "..."`: a
            // quotation a colon introduces is the sentence subject's.
            if k > sent.first
                && self.is_punct(k - 1, ":")
                && quote.words >= 3
                && self.rest_is_trivial(k + 1, sent.end)
            {
                // Only a subject that names someone: a person with a
                // given name, or a name already quoted in the article.
                let subject = self.sentence_subject(sent.first, k - 1).filter(|p| {
                    let last = self.word(p.name.end - 1);
                    self.is_proper_name(&p.name)
                        && (self.lx.given_name(self.word(p.name.start)).is_some()
                            || out.iter().any(|a| match &a.speaker {
                                SpeakerRef::Named(m) => m.span.slice(self.doc.text).ends_with(last),
                                _ => false,
                            }))
                });
                match subject {
                    Some(p) => introduced.push((quote.span, p)),
                    None => extra.push(quote.span),
                }
                continue;
            }
            if !stands_alone || !ends || quote.words < 3 {
                continue;
            }
            extra.push(quote.span);
        }
        for span in extra {
            out.push(Attribution {
                content: span,
                kind: ClaimKind::Direct,
                cue: None,
                speaker: SpeakerRef::Nobody,
                continues: false,
            });
        }
        for (span, p) in introduced {
            out.push(Attribution {
                content: span,
                kind: ClaimKind::Direct,
                cue: None,
                speaker: SpeakerRef::Named(SpeakerMention {
                    span: self.span_of(&p.name),
                    role: p.role.as_ref().map(|r| self.span_of(r)),
                }),
                continues: false,
            });
        }
        out.sort_by_key(|a| a.content.start);
        // Each floating quote takes the speaker of the nearest claim before it
        // (or, when the article opens with it, the next claim in its paragraph).
        // The nearest named claims either side are tracked rather than searched
        // for, and paragraphs found by binary search, so that this stays linear
        // in the number of claims.
        let para_of = |sp: Span| {
            let paragraphs = &self.doc.paragraphs;
            let k = paragraphs.partition_point(|p| p.end < sp.end);
            paragraphs.get(k).filter(|p| p.contains(sp)).map(|_| k)
        };
        // next_named[i]: the first claim after i with a speaker (claims
        // after i are not yet changed when i is reached).
        let mut next_named = vec![None; out.len()];
        for i in (0..out.len().saturating_sub(1)).rev() {
            next_named[i] = if out[i + 1].speaker != SpeakerRef::Nobody {
                Some(i + 1)
            } else {
                next_named[i + 1]
            };
        }
        let mut prev_named: Option<usize> = None;
        for i in 0..out.len() {
            if out[i].cue.is_some() || out[i].speaker != SpeakerRef::Nobody {
                if out[i].speaker != SpeakerRef::Nobody {
                    prev_named = Some(i);
                }
                continue;
            }
            let prev = prev_named;
            let next = next_named[i];
            let pick = match (prev, next) {
                (_, Some(n))
                    if para_of(out[n].content) == para_of(out[i].content)
                        && out[n].kind == ClaimKind::Direct
                        && prev
                            .is_none_or(|p| para_of(out[p].content) != para_of(out[i].content)) =>
                {
                    Some(n)
                }
                (Some(p), _) => Some(p),
                _ => None,
            };
            if let Some(j) = pick {
                out[i].speaker = match &out[j].speaker {
                    SpeakerRef::SameAs(x) => SpeakerRef::SameAs(*x),
                    _ => SpeakerRef::SameAs(j),
                };
                prev_named = Some(i);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// `first_cue_from` finds what a binary search of all cues finds,
        /// from any hint.
        #[test]
        fn first_cue_from_agrees_with_a_search(
            mut firsts in proptest::collection::vec(0usize..60, 0..20),
            hint in 0usize..25,
            start in 0usize..65,
        ) {
            firsts.sort_unstable();
            firsts.dedup();
            let cues: Vec<Cue> = firsts
                .iter()
                .map(|&first| Cue { first, end: first + 1, class: CueClass::Speech })
                .collect();
            proptest::prop_assert_eq!(
                first_cue_from(&cues, hint, start),
                cues.partition_point(|c| c.first < start)
            );
        }

        /// `word_is` (bytes, lengths first) answers as a comparison of the
        /// token's text as a `str` does, for every token of an article and
        /// past its last.
        #[test]
        fn word_is_agrees_with_comparing_the_token_text(
            parts in proptest::collection::vec(
                "that|That|THAT|thát|thatch|per|Per|however|\"that\"|“that”|,|\\.|é|[a-zA-Z]{1,5}",
                1..16,
            ),
        ) {
            let text = parts.join(" ");
            let doc = Document::parse(&text);
            let mut buffers = FinderBuffers::default();
            let finder = Finder::new(&doc, &mut buffers);
            for i in 0..doc.tokens.len() + 2 {
                for w in ["that", "per", "however", "thát", ""] {
                    proptest::prop_assert_eq!(
                        finder.word_is(i, w),
                        finder.word(i).eq_ignore_ascii_case(w),
                        "token {} {:?}",
                        i,
                        w
                    );
                }
            }
        }

        /// `word_bytes` is the token text's bytes, and `word_in` answers as
        /// `is_in` of the token text does, for every token of an article
        /// and past its last.
        #[test]
        fn word_bytes_and_word_in_agree_with_the_token_text(
            parts in proptest::collection::vec(
                "with|With|WITH|wíth|withal|to|To|\"to\"|“with”|,|\\.|é|ü[a-z]{0,3}|[a-zA-Z]{1,5}",
                1..16,
            ),
        ) {
            let text = parts.join(" ");
            let doc = Document::parse(&text);
            let mut buffers = FinderBuffers::default();
            let finder = Finder::new(&doc, &mut buffers);
            let lists: [&[&str]; 4] = [&["with", "to"], &["for", "with", "to", "at", "of"], &["wíth"], &[]];
            for i in 0..doc.tokens.len() + 2 {
                proptest::prop_assert_eq!(finder.word_bytes(i), finder.word(i).as_bytes(), "token {}", i);
                for list in lists {
                    proptest::prop_assert_eq!(
                        finder.word_in(i, list),
                        is_in(list, finder.word(i)),
                        "token {} {:?}",
                        i,
                        list
                    );
                }
            }
        }
    }
}
