//! # claimtrack-parser
//!
//! Finds who claimed what in a news article: quotations and reported speech,
//! the reporting cue (`said`, `according to`, `per`), the words that name the
//! speaker, and the speaker resolved to the fullest name the article gives.
//!
//! The data flows one way, each stage a module with a typed output:
//!
//! 1. [`structure`]: text -> paragraphs, sentences, quotation spans;
//! 2. [`attribution`]: structure -> attributions (cue, speaker mention, content);
//! 3. [`resolve`]: attributions -> resolved speakers (name, kind, role).
//!
//! All spans are **byte** offsets into the article as given (`&str` slicing is
//! then free and cannot split a character). Use [`CharOffsets`] to convert them
//! to the Unicode code point offsets that the CSV contract requires.
//!
//! ```
//! let text = "\"We will win,\" Jane Doe said on Monday.";
//! let claims = claimtrack_parser::extract_claims(text);
//! assert_eq!(claims.len(), 1);
//! let c = &claims[0];
//! assert_eq!(c.text.slice(text), "\"We will win,\"");
//! assert_eq!(c.speaker.name, "Jane Doe");
//! assert_eq!(c.cue.map(|s| s.slice(text)), Some("said"));
//! ```

pub mod attribution;
mod cue_index;
pub mod dateline;
pub mod lexicon;
pub mod resolve;
pub mod span;
pub mod structure;
mod words;

use std::cell::RefCell;

pub use span::{CharOffsets, Span};

/// How a claim's content is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ClaimKind {
    /// The content is a quotation, marks included: `"We will win," she said`.
    Direct,
    /// Reported speech with no quotation: `she said they would win`.
    Indirect,
    /// Reported speech that quotes some words: `she said they had "information"`.
    Mixed,
}

impl ClaimKind {
    /// The word the CSV contract uses.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Direct => "direct",
            ClaimKind::Indirect => "indirect",
            ClaimKind::Mixed => "mixed",
        }
    }
}

/// What sort of source a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum SpeakerKind {
    /// A named person: `Jake Sullivan`.
    Person,
    /// An institution, country, company or outlet: `the Kremlin`, `the US`, `AP`.
    Organization,
    /// An unnamed person described by role: `an Iranian Foreign Ministry spokesman`.
    Anonymous,
    /// No speaker found.
    #[default]
    Unknown,
}

impl SpeakerKind {
    /// The word the CSV contract uses.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organization => "organization",
            SpeakerKind::Anonymous => "anonymous",
            SpeakerKind::Unknown => "unknown",
        }
    }
}

/// A speaker resolved within its article.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct ResolvedSpeaker {
    /// The fullest name the article gives (`Jake Sullivan` for `he`, `Sullivan`),
    /// without a leading article (`Kremlin`, not `the Kremlin`). Empty when unknown.
    pub name: String,
    /// Person, organization, anonymous or unknown.
    pub kind: SpeakerKind,
    /// The role or title the article gives the speaker (`Kremlin spokesman`); may be empty.
    pub role: String,
}

/// One thing a source is reported to have said: the unit of claimtrack's output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// The content exactly as it stands in the article (quotation marks included
    /// for a direct quote).
    pub text: Span,
    /// Direct, indirect or mixed.
    pub kind: ClaimKind,
    /// The reporting verb or phrase as written (`said`, `according to`), if any.
    pub cue: Option<Span>,
    /// The words at this claim that name the speaker (`he`, `Sullivan`); `None`
    /// for a floating quote.
    pub mention: Option<Span>,
    /// The speaker resolved within the article.
    pub speaker: ResolvedSpeaker,
}

/// Finds every claim in `text`, sorted by `text.start`.
///
/// Never panics, whatever the input.
pub fn extract_claims(text: &str) -> Vec<Claim> {
    // The working vectors of the last article this thread read, emptied:
    // the pipeline's workers call this for article after article, and
    // reusing them spares an allocation, its growth and its free for each
    // (a tenth of all the work went to the allocator). A thread-local rather
    // than a value the caller keeps, so that the one-call API stays as it is.
    thread_local! {
        static BUFFERS: RefCell<Buffers> = RefCell::new(Buffers::default());
    }
    // Used in place (a `Cell` would copy them out and back in). Nothing
    // here calls back into this function, so the borrow is never taken
    // twice; after a panic they are merely left filled, and every use
    // empties them first.
    BUFFERS.with_borrow_mut(|buffers| {
        let doc = structure::Document::parse_into(text, std::mem::take(&mut buffers.document));
        let found = attribution::attributions_into(
            &doc,
            &mut buffers.finder,
            std::mem::take(&mut buffers.attributions),
        );
        let claims = resolve::resolve_into(&doc, &found, &mut buffers.resolver);
        // A huge article's vectors are let go rather than kept for the rest
        // of the run: memory stays bounded by what ordinary articles need.
        if text.len() <= KEEP_BUFFERS_UP_TO {
            buffers.document = doc.into_buffers();
            buffers.attributions = found;
        } else {
            buffers.finder = attribution::FinderBuffers::default();
            buffers.resolver = resolve::ResolverBuffers::default();
        }
        claims
    })
}

/// The longest text (in bytes) whose working vectors [`extract_claims`]
/// keeps for the next article: a few megabytes of vectors at most.
const KEEP_BUFFERS_UP_TO: usize = 256 << 10;

/// The working vectors of [`extract_claims`], empty between articles.
#[derive(Default)]
struct Buffers {
    document: structure::DocumentBuffers,
    finder: attribution::FinderBuffers,
    attributions: Vec<attribution::Attribution>,
    resolver: resolve::ResolverBuffers,
}
