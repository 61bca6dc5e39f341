//! Reading articles: plain-text files, directories, JSON Lines and CSV
//! collections, standard input.
//!
//! Everything streams. A directory is listed as it is read, a directory at a
//! time, in path order, and articles are read one at a time: a JSON Lines
//! file line by line, a CSV file record by record, a text file whole, or,
//! past [`SEGMENT_BYTES`], in segments cut at paragraph breaks (see
//! [`Part`]). Memory is therefore bounded by the segment size, the largest
//! JSON line or CSV record and the listings of the directories on the way
//! down to the one being read, not by the corpus or its largest text file;
//! only the `doc_id`s of plain-text files are kept, to warn of one shared.
//!
//! The stream itself only does what must happen in order: it lists files,
//! finds where each JSON line ends and cuts segments. Reading a text file
//! smaller than a segment and decoding and parsing a JSON line are left in
//! the [`Piece`] for [`Piece::load`], which the pipeline runs on its workers.
//!
//! A bad input never stops the stream: it comes out as an [`InputError`] that
//! names the file (and the line or row), and the next article follows.
//!
//! ```
//! use claimtrack_cli::input::{ArticleStream, InputFormat, ReadOptions};
//!
//! let dir = tempfile::tempdir().unwrap();
//! std::fs::write(dir.path().join("a.txt"), "\"Yes,\" she said.").unwrap();
//! std::fs::write(dir.path().join("b.txt"), "   ").unwrap();
//! let options = ReadOptions::default();
//! let stream = ArticleStream::open(&[dir.path().to_path_buf()], &options);
//! let pieces: Vec<_> = stream.map(|piece| piece.load()).collect();
//! assert_eq!(pieces[0].article.as_ref().unwrap().doc_id, "a");
//! assert!(pieces[1].article.is_err()); // b.txt is empty
//! ```

use std::borrow::Cow;
use std::collections::{HashSet, VecDeque};
use std::ffi::OsString;
use std::fmt;
use std::fs::{DirEntry, File};
use std::io::{self, BufRead, BufReader, Read};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

/// How the articles of one input are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// The whole input is one article.
    Text,
    /// JSON Lines: one article per line, `{"id": ..., "text": ...}`.
    Jsonl,
    /// CSV with a header row; one article per record.
    Csv,
}

impl InputFormat {
    /// The format a file's extension announces, or `None` when it cannot tell.
    ///
    /// ```
    /// use claimtrack_cli::input::InputFormat;
    /// use std::path::Path;
    /// assert_eq!(InputFormat::from_extension(Path::new("a.JSONL")), Some(InputFormat::Jsonl));
    /// assert_eq!(InputFormat::from_extension(Path::new("a.md")), Some(InputFormat::Text));
    /// assert_eq!(InputFormat::from_extension(Path::new("README")), None);
    /// ```
    pub fn from_extension(path: &Path) -> Option<InputFormat> {
        FileName::of(path)?.format()
    }

    /// The format an extension (without the dot, any ASCII case) announces.
    fn of_extension(ext: &[u8]) -> Option<InputFormat> {
        let is = |known: &str| ext.eq_ignore_ascii_case(known.as_bytes());
        if is("txt") || is("text") || is("md") {
            Some(InputFormat::Text)
        } else if is("jsonl") || is("ndjson") {
            Some(InputFormat::Jsonl)
        } else if is("csv") {
            Some(InputFormat::Csv)
        } else {
            None
        }
    }
}

/// The parts of a file's name that decide how it is read, split on its
/// bytes as `Path::file_stem` and `Path::extension` split it, after taking
/// off a `.gz`. Worked out on the name alone because those `Path` methods
/// parse the whole path into components again at every call: planning a
/// folder of 90,000 articles spent most of its 0.7 s there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileName<'a> {
    /// The name without its extension (and `.gz`): a text file's `doc_id`.
    stem: &'a [u8],
    /// The extension before any `.gz`, without the dot.
    ext: Option<&'a [u8]>,
    /// The name ends with `.gz` (any ASCII case).
    gzip: bool,
}

impl<'a> FileName<'a> {
    /// `None` for a path with no file name (`..`, `/`), or a compressed
    /// one whose name without `.gz` is none (`..gz`, `...gz`: `Path` reads
    /// what is left, `.` or `..`, as a directory, not a name).
    fn of(path: &'a Path) -> Option<FileName<'a>> {
        let name = file_name_bytes(path)?;
        let (stem, ext) = split_at_dot(name);
        let gzip = ext.is_some_and(|ext| ext.eq_ignore_ascii_case(b"gz"));
        let (stem, ext) = if gzip {
            if matches!(stem, b"." | b"..") {
                return None;
            }
            split_at_dot(stem)
        } else {
            (stem, ext)
        };
        Some(FileName { stem, ext, gzip })
    }

    fn format(&self) -> Option<InputFormat> {
        InputFormat::of_extension(self.ext?)
    }
}

/// `path.file_name()`, as bytes, found by a look for the last separator;
/// `Path::file_name` is asked only for the odd cases (a name of `.` or `..`,
/// a separator at the end), where it parses the path into components.
fn file_name_bytes(path: &Path) -> Option<&[u8]> {
    let bytes = path.as_os_str().as_encoded_bytes();
    // `/` everywhere, and the platform's own separator (a backslash on Windows).
    let separator = std::path::MAIN_SEPARATOR as u8;
    let start = memchr::memrchr2(b'/', separator, bytes).map_or(0, |i| i + 1);
    match &bytes[start..] {
        b"" | b"." | b".." => path.file_name().map(std::ffi::OsStr::as_encoded_bytes),
        name => Some(name),
    }
}

/// A file name split at its last dot, as `Path::file_stem` and
/// `Path::extension` split it: no extension when there is no dot, or when
/// the only dot starts the name (`.bashrc`), or for `..`.
fn split_at_dot(name: &[u8]) -> (&[u8], Option<&[u8]>) {
    if name == b".." {
        return (name, None);
    }
    match memchr::memrchr(b'.', name) {
        Some(0) | None => (name, None),
        Some(dot) => (&name[..dot], Some(&name[dot + 1..])),
    }
}

/// How inputs are interpreted.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Format of standard input and of files whose extension cannot tell;
    /// `None` means plain text.
    pub format: Option<InputFormat>,
    /// CSV column holding the article id.
    pub id_column: String,
    /// CSV column holding the article text.
    pub text_column: String,
    /// `doc_id` of a plain-text article read from standard input.
    pub stdin_id: String,
    /// Files a directory walk must not read: the run's own outputs, so that
    /// `extract corpus/ --out corpus/claims.csv` does not read its own output.
    /// Compared by canonical path.
    pub skip: Vec<PathBuf>,
    /// Replace invalid UTF-8 with U+FFFD (and say how many bytes) instead of
    /// failing the document.
    pub lossy: bool,
    /// Segment size for large text files (tests make it small).
    pub segment_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: None,
            id_column: "id".to_string(),
            text_column: "text".to_string(),
            stdin_id: "stdin".to_string(),
            skip: Vec::new(),
            lossy: false,
            segment_bytes: SEGMENT_BYTES,
        }
    }
}

/// One article ready for extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The article's id (`doc_id` column).
    pub doc_id: String,
    /// The article exactly as read.
    pub text: String,
}

/// An input that could not be read as an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {reason}")]
pub struct InputError {
    /// Where: a path, `path:LINE` for a JSON Lines line, `path: row N (line L)` for CSV.
    pub location: String,
    /// What is wrong, in words.
    pub reason: String,
}

impl InputError {
    fn new(location: impl Into<String>, reason: impl Into<String>) -> Self {
        InputError {
            location: location.into(),
            reason: reason.into(),
        }
    }

    fn io(location: impl Into<String>, err: &io::Error) -> Self {
        InputError::new(location, format!("cannot read: {}", io_reason(err)))
    }
}

/// An I/O error in words, without Rust's "(os error N)" noise.
fn io_reason(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => err.to_string(),
    }
}

/// What the stream yields for each article (or failed input), in input order:
/// the article, or what is left to do to read it.
///
/// Reading is split in two so that the stream's thread only does what must
/// be done in order (listing files, finding the end of a JSON line, cutting
/// segments), while [`Piece::load`], which opens and reads a small file or
/// decodes and parses a JSON line, runs on the pipeline's workers, in
/// parallel.
#[derive(Debug)]
pub struct Piece {
    /// Which part of its document the article is: the whole of it, unless
    /// a text file was too large to hold at once.
    pub part: Part,
    /// The article, read or still to read.
    pub load: Load,
}

/// An article as the stream hands it on.
#[derive(Debug)]
pub enum Load {
    /// Read already: a text segment, a CSV record, an input that failed.
    Ready(Loaded),
    /// A JSON Lines line, still to decode and parse.
    JsonLine(JsonLine),
    /// A plain-text file smaller than a segment, still to read.
    TextFile(TextFile),
}

/// A piece once read.
#[derive(Debug)]
pub struct Loaded {
    /// Input bytes this piece consumed (for progress reporting).
    pub bytes: u64,
    /// The article, or why it could not be read.
    pub article: Result<Article, InputError>,
    /// Something to tell the user about this document that is not an error
    /// (invalid bytes replaced under `--lossy`, a `doc_id` another file has
    /// too), one message per line.
    pub warning: Option<String>,
}

impl Piece {
    /// A whole article, or a failed input, with no warning.
    pub fn whole(bytes: u64, article: Result<Article, InputError>) -> Piece {
        Piece {
            part: Part::default(),
            load: Load::Ready(Loaded {
                bytes,
                article,
                warning: None,
            }),
        }
    }

    /// The size of the article in bytes, as far as it is known before
    /// loading (for batch limits): the text read, the JSON line, the file.
    pub fn size(&self) -> usize {
        match &self.load {
            Load::Ready(loaded) => loaded.article.as_ref().map_or(0, |a| a.text.len()),
            Load::JsonLine(line) => line.bytes.len(),
            Load::TextFile(file) => usize::try_from(file.size).unwrap_or(usize::MAX),
        }
    }

    /// Reads the article (or finds why it cannot be read). Runs on any
    /// thread, in any order.
    pub fn load(self) -> Loaded {
        match self.load {
            Load::Ready(loaded) => loaded,
            Load::JsonLine(line) => line.load(),
            Load::TextFile(file) => file.load(),
        }
    }
}

/// One line of a JSON Lines input, not blank, as read.
#[derive(Debug)]
pub struct JsonLine {
    /// The input's name, shared by its lines.
    name: Arc<str>,
    /// 1-based line number.
    line: usize,
    /// The line, with its line end.
    bytes: Vec<u8>,
    lossy: bool,
    /// The input bytes the line stands for, when not its own length: the
    /// compressed bytes read for it ([`CountedPieces`]).
    input_bytes: Option<u64>,
}

impl JsonLine {
    fn load(self) -> Loaded {
        let location = || format!("{}:{}", self.name, self.line);
        let bytes = self.input_bytes.unwrap_or(self.bytes.len() as u64);
        let (line, replaced) = if self.lossy {
            let line = String::from_utf8_lossy(&self.bytes);
            let replaced = match line {
                Cow::Borrowed(_) => 0,
                Cow::Owned(_) => self.bytes.utf8_chunks().map(|c| c.invalid().len()).sum(),
            };
            (line, replaced)
        } else {
            match std::str::from_utf8(&self.bytes) {
                Ok(line) => (Cow::Borrowed(line), 0),
                Err(err) => {
                    let reason = format!(
                        "not valid UTF-8 (bad byte at column {})",
                        err.valid_up_to() + 1
                    );
                    return Loaded {
                        bytes,
                        article: Err(InputError::new(location(), reason)),
                        warning: None,
                    };
                }
            }
        };
        Loaded {
            bytes,
            article: parse_jsonl_line(&line).map_err(|reason| InputError::new(location(), reason)),
            warning: replaced_warning(&location(), replaced),
        }
    }
}

/// A plain-text file smaller than a segment: one article, read whole.
#[derive(Debug)]
pub struct TextFile {
    path: PathBuf,
    doc_id: String,
    /// The file's size when listed.
    size: u64,
    /// The segment size: a file that has grown to it since it was listed
    /// is not read on ([`TextFile::load`]).
    limit: usize,
    lossy: bool,
    /// Found while listing ([`Source::warning`]).
    warning: Option<String>,
}

impl TextFile {
    /// Reads the file as [`TextSegments`] reads a file of one segment, with
    /// the same errors and warning. A file that has grown to a segment or
    /// more since it was listed (a file still being written) is an error:
    /// it would have been read in segments, and reading it whole here would
    /// let one file take memory without bound.
    fn load(self) -> Loaded {
        let name = || self.path.display().to_string();
        let failed = |bytes, error| Loaded {
            bytes,
            article: Err(error),
            warning: None,
        };
        // The walk just learnt the size: the buffer is made to fit, and the
        // file read through `Take`, because `fs::read` and `File`'s own
        // `read_to_end` ask the file system for size and position again
        // (two system calls more per article of a folder). A file that grew
        // since is read up to the segment size, no further.
        let capacity = usize::try_from(self.size).map_or(0, |n| n.saturating_add(1));
        let mut bytes = Vec::with_capacity(capacity);
        let read = File::open(&self.path)
            .and_then(|file| file.take(self.limit as u64).read_to_end(&mut bytes));
        if let Err(err) = read {
            return failed(0, InputError::io(name(), &err));
        }
        if bytes.len() >= self.limit {
            let reason = format!(
                "grew from {} to {} bytes or more while the run was under way; \
                 skipped (run again once it is written)",
                self.size, self.limit
            );
            return failed(0, InputError::new(name(), reason));
        }
        let consumed = bytes.len() as u64;
        match decode(bytes, self.lossy) {
            Err(valid_up_to) => {
                let reason = format!("not valid UTF-8 (bad byte at offset {valid_up_to})");
                failed(0, InputError::new(name(), reason))
            }
            Ok((text, _)) if text.trim().is_empty() => {
                failed(consumed, InputError::new(name(), "article text is empty"))
            }
            Ok((text, replaced)) => Loaded {
                bytes: consumed,
                article: Ok(Article {
                    doc_id: self.doc_id,
                    text,
                }),
                warning: join_warnings(self.warning, replaced_warning(&name(), replaced)),
            },
        }
    }
}

/// Plain-text files larger than this are read and extracted in segments, so
/// that a 200 MB "article" (a scrape that lost its separators, a log) runs in
/// bounded memory. No real article comes near it.
pub const SEGMENT_BYTES: usize = 1 << 20;

/// Where an article stands in its document. A document read in segments is
/// cut at paragraph breaks where it can (else at a line break, a space, and
/// as a last resort any character boundary); each segment is extracted on
/// its own, then its rows are renumbered and its offsets shifted so that the
/// claims CSV reads as if the document had been extracted whole. What is
/// lost at a cut: a quotation running across it, and speaker resolution
/// (a "he" after the cut does not see the names before it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Part {
    /// 0 for the first (or only) segment of a document; the rows of later
    /// segments continue its claim numbers.
    pub index: usize,
    /// Code points of the document before this segment.
    pub char_base: usize,
}

/// Where articles come from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Origin {
    Stdin,
    File(PathBuf),
}

impl fmt::Display for Origin {
    /// As in messages: `<stdin>`, or the path.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Stdin => f.write_str("<stdin>"),
            Origin::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// One input to read, after directories have been expanded.
#[derive(Debug, Clone)]
struct Source {
    origin: Origin,
    format: InputFormat,
    /// The file's size when listed (`None` for standard input or a file
    /// that could not be examined): the progress total, without asking the
    /// file system a second time per file.
    size: Option<u64>,
    /// A regular file smaller than a segment, not compressed: as a text
    /// article, it is read whole, by a worker ([`TextFile`]). (A compressed
    /// one may hold any size of text, so it is read in segments.)
    small: bool,
    /// What to tell the user when its article is read: that an earlier
    /// plain-text input has the same `doc_id` ([`Plan::note_shared_id`]).
    warning: Option<String>,
}

/// The input bytes the stream has listed so far, shared between the stream,
/// which adds each input's size as it lists it, and whoever shows progress
/// ([`ArticleStream::planned_bytes`]). A directory is listed as it is read,
/// so its total grows until the last file is listed.
#[derive(Debug, Default)]
pub struct PlannedBytes {
    /// The sizes of the files listed so far, added up.
    bytes: AtomicU64,
    /// Standard input is among the inputs: its size, so the total, is never
    /// known.
    unknown: AtomicBool,
    /// Every input is listed: `bytes` is final.
    complete: AtomicBool,
    /// The total as a walk of its own found it ahead of the stream
    /// ([`size_of_inputs`]), plus one; 0 for none.
    estimate: AtomicU64,
}

impl PlannedBytes {
    /// The sizes of the files listed so far, added up (standard input
    /// counts nothing).
    pub fn so_far(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    /// The total size of the inputs, once every input is listed; `None`
    /// until then, and always with standard input among them.
    pub fn total(&self) -> Option<u64> {
        let complete = self.complete.load(Ordering::Acquire);
        (complete && self.knowable()).then(|| self.so_far())
    }

    /// False when the total will never be known (standard input is read).
    pub fn knowable(&self) -> bool {
        !self.unknown.load(Ordering::Relaxed)
    }

    /// The total size of the inputs as a walk of their own, ahead of the
    /// stream, found it ([`PlannedBytes::set_estimate`]): what a progress
    /// bar can show an ETA against while the stream is still listing.
    pub fn estimate(&self) -> Option<u64> {
        self.estimate.load(Ordering::Relaxed).checked_sub(1)
    }

    /// Records the total a walk of the inputs ahead of the stream found
    /// ([`size_of_inputs`]). The stream's own total, once final, is
    /// [`PlannedBytes::total`] all the same.
    pub fn set_estimate(&self, total: u64) {
        self.estimate
            .store(total.saturating_add(1), Ordering::Relaxed);
    }

    /// Counts one more input of `size` bytes (`None`: standard input).
    pub(crate) fn add(&self, size: Option<u64>) {
        match size {
            Some(size) => {
                self.bytes.fetch_add(size, Ordering::Relaxed);
            }
            None => self.unknown.store(true, Ordering::Relaxed),
        }
    }

    /// Says that every input is listed.
    pub(crate) fn finish(&self) {
        self.complete.store(true, Ordering::Release);
    }
}

/// The command-line inputs expanded into sources, in order, one at a time:
/// each directory becomes its eligible files in path order ([`Walk`]).
/// Problems (a missing path, an unreadable directory) come out as errors at
/// their place in the inputs, and, inside a directory, at their place in
/// its walk.
///
/// Why a lazy iterator and not a walker thread sending sources through a
/// channel: the pipeline's main thread already runs beside the workers
/// (it only hands pieces on), so listing a directory there, a batch's worth
/// at a time as the pipeline asks for the next batch, overlaps the walk with
/// extraction as well as a thread would. On two cores a walker thread would
/// be a third thread competing with two busy workers, with a channel's
/// synchronisation per batch on top, and nothing to gain: the listing is a
/// small share of the run's work, and whatever its thread, it takes CPU
/// from the workers. The lazy walk also keeps memory bounded by itself: it
/// holds one sorted listing per directory on the current path, never files
/// ahead.
struct Plan {
    /// Inputs not yet started.
    inputs: std::vec::IntoIter<PathBuf>,
    /// The directory input being walked.
    walk: Option<Walk>,
    /// Format of files whose extension cannot tell, and of standard input.
    fallback: InputFormat,
    segment_bytes: u64,
    skip: Arc<[PathBuf]>,
    stdin_id: String,
    /// The `doc_id` of each plain-text input listed so far, with the first
    /// input that had it ([`Plan::note_shared_id`]).
    seen_ids: HashSet<SeenId>,
    planned: Arc<PlannedBytes>,
}

impl Plan {
    fn new(inputs: &[PathBuf], options: &ReadOptions) -> Plan {
        let inputs = if inputs.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            inputs.to_vec()
        };
        let planned = Arc::new(PlannedBytes::default());
        if inputs.iter().any(|input| input.as_os_str() == "-") {
            // Known from the start: the total never will be.
            planned.add(None);
        }
        Plan {
            inputs: inputs.into_iter(),
            walk: None,
            fallback: options.format.unwrap_or(InputFormat::Text),
            segment_bytes: options.segment_bytes as u64,
            skip: options.skip.clone().into(),
            stdin_id: options.stdin_id.clone(),
            seen_ids: HashSet::new(),
            planned,
        }
    }

    /// The next source, unchecked for shared ids and not counted.
    fn list_next(&mut self) -> Option<Result<Source, InputError>> {
        // Segments are cut once a full segment is buffered, so a file of
        // exactly `segment_bytes` is read in segments.
        let segment_bytes = self.segment_bytes;
        let small = |size: u64| size < segment_bytes;
        loop {
            if let Some(walk) = &mut self.walk {
                match walk.next() {
                    Some(Ok((path, size))) => {
                        let name = FileName::of(&path);
                        let format = name.and_then(|n| n.format()).unwrap_or(self.fallback);
                        let gzip = name.is_some_and(|n| n.gzip);
                        return Some(Ok(Source {
                            small: small(size) && !gzip,
                            origin: Origin::File(path),
                            format,
                            size: Some(size),
                            warning: None,
                        }));
                    }
                    Some(Err(err)) => return Some(Err(err)),
                    None => self.walk = None,
                }
            }
            let input = self.inputs.next()?;
            if input.as_os_str() == "-" {
                return Some(Ok(Source {
                    origin: Origin::Stdin,
                    format: self.fallback,
                    size: None,
                    small: false,
                    warning: None,
                }));
            }
            return Some(match std::fs::metadata(&input) {
                Ok(meta) if meta.is_dir() => {
                    self.walk = Some(Walk::new(&input, is_eligible, Arc::clone(&self.skip)));
                    continue;
                }
                Ok(meta) => Ok(Source {
                    format: InputFormat::from_extension(&input).unwrap_or(self.fallback),
                    size: Some(meta.len()),
                    small: meta.is_file() && small(meta.len()) && !is_gzip(&input),
                    origin: Origin::File(input),
                    warning: None,
                }),
                Err(err) => Err(InputError::io(input.display().to_string(), &err)),
            });
        }
    }

    /// Warns, on a plain-text input whose `doc_id` an earlier plain-text
    /// input has already, that the two share it. The reports count
    /// articles by `doc_id`, so `2024/index.txt` and `2025/index.txt` (both
    /// `index`) would otherwise count as one article without a word. The
    /// contract fixes the id as the file name without extension, so the id
    /// stays; the user is told.
    ///
    /// The set of ids seen grows with the plain-text inputs (a path each).
    /// Ids inside collections (JSON Lines, CSV) are the
    /// collection's and not checked: that would hold every id of a corpus
    /// of any size.
    fn note_shared_id(&mut self, source: &mut Source) {
        if source.format != InputFormat::Text {
            return;
        }
        let seen = match &source.origin {
            Origin::Stdin => SeenId::Stdin(self.stdin_id.clone()),
            Origin::File(path) => SeenId::file(path.clone()),
        };
        let Some(first) = self.seen_ids.get(seen.id()) else {
            self.seen_ids.insert(seen);
            return;
        };
        let id = match &source.origin {
            Origin::Stdin => self.stdin_id.clone(),
            Origin::File(path) => stem_id(path),
        };
        source.warning = Some(format!(
            "{}: doc_id \"{id}\" is also that of {first}; the reports count articles by \
             doc_id, so they count these two as one (rename one of the files)",
            source.origin,
        ));
    }
}

/// A plain-text input in the set of `doc_id`s seen ([`Plan::note_shared_id`]):
/// hashed and compared by its id alone, so that the set is looked up by an
/// id's bytes and holds one allocation per file (its path, the id a part
/// of it).
#[derive(Debug)]
enum SeenId {
    /// Standard input, with its id ([`ReadOptions::stdin_id`]).
    Stdin(String),
    /// A file, and where its id ([`stem_id`]) lies in its path's bytes.
    File { path: PathBuf, id: Range<usize> },
}

impl SeenId {
    fn file(path: PathBuf) -> SeenId {
        let bytes = path.as_os_str().as_encoded_bytes();
        let id = match FileName::of(&path) {
            // The stem is a slice of the path's own bytes.
            Some(name) => {
                let start = name.stem.as_ptr() as usize - bytes.as_ptr() as usize;
                start..start + name.stem.len()
            }
            None => 0..bytes.len(),
        };
        SeenId::File { path, id }
    }

    fn id(&self) -> &[u8] {
        match self {
            SeenId::Stdin(id) => id.as_bytes(),
            SeenId::File { path, id } => &path.as_os_str().as_encoded_bytes()[id.clone()],
        }
    }
}

impl fmt::Display for SeenId {
    /// As [`Origin`] shows in messages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SeenId::Stdin(_) => f.write_str("<stdin>"),
            SeenId::File { path, .. } => write!(f, "{}", path.display()),
        }
    }
}

impl PartialEq for SeenId {
    fn eq(&self, other: &SeenId) -> bool {
        self.id() == other.id()
    }
}

impl Eq for SeenId {}

impl std::hash::Hash for SeenId {
    /// As the id's bytes hash, for `Borrow<[u8]>`.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.id().hash(state);
    }
}

impl std::borrow::Borrow<[u8]> for SeenId {
    fn borrow(&self) -> &[u8] {
        self.id()
    }
}

impl Iterator for Plan {
    type Item = Result<Source, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        let Some(mut source) = self.list_next() else {
            self.planned.finish();
            return None;
        };
        if let Ok(source) = &mut source {
            self.note_shared_id(source);
            if let Origin::File(_) = source.origin {
                // (A compressed file's pieces count the compressed bytes
                // read for them: see `CountedPieces`.)
                self.planned.add(source.size);
            } else {
                self.planned.add(None);
            }
        }
        Some(source)
    }
}

/// The total size of `inputs` (no input: standard input), files and the
/// files the stream would read in directories, found by walking them
/// without reading anything; `None` with standard input among them.
/// Problems are left for the stream to report.
///
/// For a progress bar's ETA: the stream lists a directory as it reads it,
/// so its own total is final only at the end. Walking the inputs twice
/// costs the listing's system calls twice, so this is only worth running
/// (beside the stream, on a thread) when a progress bar is drawn.
pub fn size_of_inputs(inputs: &[PathBuf], options: &ReadOptions) -> Option<u64> {
    if inputs.is_empty() {
        return None;
    }
    let skip: Arc<[PathBuf]> = options.skip.clone().into();
    let mut total = 0u64;
    for input in inputs {
        if input.as_os_str() == "-" {
            return None;
        }
        total = total.saturating_add(match std::fs::metadata(input) {
            Ok(meta) if meta.is_dir() => Walk::new(input, is_eligible, Arc::clone(&skip))
                .flatten()
                .map(|(_, size)| size)
                .sum(),
            Ok(meta) => meta.len(),
            Err(_) => 0,
        });
    }
    Some(total)
}

/// Two warnings as one, a message per line.
fn join_warnings(first: Option<String>, second: Option<String>) -> Option<String> {
    match (first, second) {
        (Some(first), Some(second)) => Some(format!("{first}\n{second}")),
        (first, second) => first.or(second),
    }
}

/// The files under `dir` (recursively) that `eligible` accepts, in path
/// order (as `claimtrack extract` reads a directory), and the problems met
/// on the way, in the order met.
pub fn files_under(dir: &Path, eligible: fn(&Path) -> bool) -> (Vec<PathBuf>, Vec<InputError>) {
    let (mut files, mut problems) = (Vec::new(), Vec::new());
    for walked in Walk::new(dir, eligible, Arc::new([])) {
        match walked {
            Ok((path, _)) => files.push(path),
            Err(err) => problems.push(err),
        }
    }
    (files, problems)
}

/// A directory walk, listing the files it takes as it goes: each file with
/// its size, in the order of `Path`'s `Ord` (component by component).
/// Hidden entries are skipped, and so are symbolic links to directories
/// (they could loop).
///
/// The order comes from sorting each directory's names (by bytes) and
/// going down into each subdirectory where its name falls: component order
/// is exactly that. Sorting the whole list of paths instead compares long
/// paths that share their first bytes, and took a third of the planning
/// time of a 90,000-file folder (when folders were listed whole before
/// reading).
///
/// A problem (a directory that cannot be listed, an entry that cannot be
/// read) comes out as an error where the walk meets it: an unreadable
/// directory in its place among its parent's entries, a bad entry before
/// the entries of its directory. (When folders were listed whole before
/// reading, every problem of a directory input came before all its files;
/// now the messages follow the walk, between the files around the problem.)
struct Walk {
    /// Files it reads (by name).
    eligible: fn(&Path) -> bool,
    /// Files it must not read, by canonical path ([`ReadOptions::skip`]).
    skip: Arc<[PathBuf]>,
    /// The sorted listing of each directory on the way down to the current
    /// one, outermost first, each holding the entries not yet taken.
    listings: Vec<std::vec::IntoIter<(OsString, DirEntry)>>,
    /// Problems met listing the current directory, to report before its
    /// entries.
    problems: VecDeque<InputError>,
}

impl Walk {
    /// A walk of `dir`: listed at once (a problem with it is the walk's first
    /// item), its subdirectories when the walk reaches them.
    fn new(dir: &Path, eligible: fn(&Path) -> bool, skip: Arc<[PathBuf]>) -> Walk {
        let mut walk = Walk {
            eligible,
            skip,
            listings: Vec::new(),
            problems: VecDeque::new(),
        };
        walk.enter(dir);
        walk
    }

    /// Lists `dir`, sorted by name, as the walk's current directory.
    fn enter(&mut self, dir: &Path) {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(err) => {
                let err = InputError::io(dir.display().to_string(), &err);
                self.problems.push_back(err);
                return;
            }
        };
        let mut listed = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => listed.push((entry.file_name(), entry)),
                Err(err) => {
                    let err = InputError::io(dir.display().to_string(), &err);
                    self.problems.push_back(err);
                }
            }
        }
        listed.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        self.listings.push(listed.into_iter());
    }

    /// True when `path` is one of the files to skip. Only a file of the
    /// same name, or a symbolic link, can be one, so only those are
    /// resolved: `canonicalize` costs a system call per component of the
    /// path, for each of what may be a hundred thousand files.
    fn skips(&self, path: &Path, name: &std::ffi::OsStr, symlink: bool) -> bool {
        let candidate = symlink || self.skip.iter().any(|s| s.file_name() == Some(name));
        candidate && std::fs::canonicalize(path).is_ok_and(|c| self.skip.contains(&c))
    }
}

impl Iterator for Walk {
    type Item = Result<(PathBuf, u64), InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(problem) = self.problems.pop_front() {
                return Some(Err(problem));
            }
            let listing = self.listings.last_mut()?;
            let Some((name, entry)) = listing.next() else {
                self.listings.pop();
                continue;
            };
            if name.as_encoded_bytes().starts_with(b".") {
                continue;
            }
            let path = entry.path();
            let Ok(file_type) = entry.file_type() else {
                continue;
            };
            if file_type.is_dir() {
                self.enter(&path);
                continue;
            }
            if !(self.eligible)(&path) {
                continue;
            }
            // A regular file is examined through its directory (no lookup
            // of the whole path again); a symbolic link is followed.
            let meta = if file_type.is_file() {
                entry.metadata()
            } else {
                std::fs::metadata(&path)
            };
            let Some(meta) = meta.ok().filter(|m| m.is_file()) else {
                continue;
            };
            if self.skips(&path, &name, file_type.is_symlink()) {
                continue;
            }
            return Some(Ok((path, meta.len())));
        }
    }
}

/// Files a directory walk reads: known article extensions, or none at all,
/// either of them possibly followed by `.gz`.
fn is_eligible(path: &Path) -> bool {
    FileName::of(path).is_some_and(|name| name.ext.is_none() || name.format().is_some())
}

/// True for a gzip-compressed file (`.gz`), which is read through a
/// decompressor: news corpora are often shipped as `articles.jsonl.gz`, and
/// decompressing them first would double the disk they take.
pub fn is_gzip(path: &Path) -> bool {
    FileName::of(path).is_some_and(|name| name.gzip)
}

/// The extension a file's contents have, before any `.gz`
/// (`a/x.jsonl.gz` -> `jsonl`), as written.
pub fn contents_extension(path: &Path) -> Option<&[u8]> {
    FileName::of(path)?.ext
}

/// Opens a file for reading, through a gzip decompressor when it is
/// compressed ([`is_gzip`]). Concatenated gzip members read as one stream,
/// as `zcat` reads them.
pub fn open_maybe_gzip(path: &Path) -> io::Result<Box<dyn Read>> {
    open_counting(path).map(|(reader, _)| reader)
}

/// For a compressed file, the count of its compressed bytes read so far.
type CompressedRead = Option<Arc<AtomicU64>>;

/// [`open_maybe_gzip`], with, for a compressed file, the count of its
/// compressed bytes read so far (for progress: see [`CountedPieces`]).
fn open_counting(path: &Path) -> io::Result<(Box<dyn Read>, CompressedRead)> {
    let file = File::open(path)?;
    if !is_gzip(path) {
        return Ok((Box::new(file), None));
    }
    let read = Arc::new(AtomicU64::new(0));
    let counted = Counted {
        inner: file,
        read: Arc::clone(&read),
    };
    Ok((
        Box::new(flate2::read::MultiGzDecoder::new(counted)),
        Some(read),
    ))
}

/// The `doc_id` of a plain-text file: its name without the extension (and
/// without `.gz` before that).
fn stem_id(path: &Path) -> String {
    match FileName::of(path) {
        Some(name) => String::from_utf8_lossy(name.stem).into_owned(),
        None => path.display().to_string(),
    }
}

/// Checks an article's text: it must hold something besides whitespace.
fn non_empty(doc_id: String, text: String, location: &str) -> Result<Article, InputError> {
    if text.trim().is_empty() {
        Err(InputError::new(location, "article text is empty"))
    } else {
        Ok(Article { doc_id, text })
    }
}

/// Decodes UTF-8. Strict: the offset of the first bad byte on failure.
/// Lossy: every maximal invalid sequence becomes U+FFFD, and the number of
/// bytes replaced comes back beside the text.
fn decode(bytes: Vec<u8>, lossy: bool) -> Result<(String, usize), usize> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, 0)),
        Err(err) if !lossy => Err(err.utf8_error().valid_up_to()),
        Err(err) => {
            let bytes = err.into_bytes();
            let replaced = bytes.utf8_chunks().map(|c| c.invalid().len()).sum();
            Ok((String::from_utf8_lossy(&bytes).into_owned(), replaced))
        }
    }
}

/// The warning of a document whose invalid bytes were replaced.
fn replaced_warning(location: &str, replaced: usize) -> Option<String> {
    (replaced > 0).then(|| {
        format!(
            "{location}: {replaced} invalid UTF-8 byte{} replaced with U+FFFD (--lossy)",
            if replaced == 1 { "" } else { "s" }
        )
    })
}

/// The articles of a list of inputs, in order, one [`Piece`] at a time.
pub struct ArticleStream {
    /// The sources, listed as they are needed, one ahead of the source
    /// being read (see [`ArticleStream::next`]).
    plan: std::iter::Peekable<Plan>,
    current: Option<Box<dyn Iterator<Item = Piece>>>,
    options: ReadOptions,
    planned: Arc<PlannedBytes>,
}

impl ArticleStream {
    /// A stream over the inputs (`-` is standard input; no input at all
    /// means `-`). Nothing is read yet, not even a directory listing:
    /// directories are listed as the stream reaches them, so
    /// the first article of a folder of a million files is read at once.
    pub fn open(inputs: &[PathBuf], options: &ReadOptions) -> ArticleStream {
        let plan = Plan::new(inputs, options);
        let planned = Arc::clone(&plan.planned);
        ArticleStream {
            plan: plan.peekable(),
            current: None,
            options: options.clone(),
            planned,
        }
    }

    /// Total size of the inputs in bytes, once every input is listed (not
    /// for standard input). A directory is listed as the stream goes, so
    /// this is `None` until the stream has reached its last input.
    pub fn total_bytes(&self) -> Option<u64> {
        self.planned.total()
    }

    /// The size of the inputs as the stream lists them, shared: it can be
    /// watched while the stream is being read (for a progress bar).
    pub fn planned_bytes(&self) -> Arc<PlannedBytes> {
        Arc::clone(&self.planned)
    }

    fn start(&self, source: Source) -> Box<dyn Iterator<Item = Piece>> {
        let (name, reader): (String, Box<dyn Read>) = match &source.origin {
            Origin::Stdin => ("<stdin>".to_string(), Box::new(io::stdin())),
            Origin::File(path) => {
                let name = path.display().to_string();
                match open_counting(path) {
                    Ok((reader, Some(read))) => {
                        let pieces = self.pieces(source, name, reader);
                        return Box::new(CountedPieces {
                            pieces,
                            read,
                            reported: 0,
                        });
                    }
                    Ok((reader, None)) => (name, reader),
                    Err(err) => {
                        return Box::new(std::iter::once(Piece::whole(
                            0,
                            Err(InputError::io(name, &err)),
                        )))
                    }
                }
            }
        };
        self.pieces(source, name, reader)
    }

    /// The pieces of `source`, opened as `reader`.
    fn pieces(
        &self,
        source: Source,
        name: String,
        reader: Box<dyn Read>,
    ) -> Box<dyn Iterator<Item = Piece>> {
        let doc_id = match &source.origin {
            Origin::Stdin => self.options.stdin_id.clone(),
            Origin::File(path) => stem_id(path),
        };
        let mut pieces = pieces_of(name, reader, source.format, doc_id, &self.options);
        if let Pieces::Text(segments) = &mut pieces {
            segments.warning = source.warning;
        }
        pieces.boxed()
    }

    /// The pieces of one input read from `reader`, named `name` in messages:
    /// what [`ArticleStream`] makes of a file or standard input once opened
    /// (a text article has the id `doc_id`; a collection's articles carry
    /// their own). For inputs that are neither (a network stream, a
    /// decompressor), and for the fuzz target that reads arbitrary bytes.
    pub fn of_reader(
        name: &str,
        reader: Box<dyn Read>,
        format: InputFormat,
        doc_id: &str,
        options: &ReadOptions,
    ) -> Box<dyn Iterator<Item = Piece>> {
        pieces_of(
            name.to_string(),
            reader,
            format,
            doc_id.to_string(),
            options,
        )
        .boxed()
    }
}

/// A reader that counts the bytes read through it: the compressed side of a
/// decompressor, for progress.
struct Counted<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The pieces of a compressed input, each standing for the compressed bytes
/// read since the piece before it, so that progress (and its ETA) runs
/// against the files' sizes, which are compressed sizes. (The decompressor
/// reads ahead: a piece may be credited with bytes of the next; the sum is
/// what was read.)
struct CountedPieces {
    pieces: Box<dyn Iterator<Item = Piece>>,
    /// Compressed bytes read so far.
    read: Arc<AtomicU64>,
    /// Of those, the bytes pieces have been credited with.
    reported: u64,
}

impl Iterator for CountedPieces {
    type Item = Piece;

    fn next(&mut self) -> Option<Piece> {
        let mut piece = self.pieces.next()?;
        let read = self.read.load(Ordering::Relaxed);
        let bytes = read.saturating_sub(self.reported);
        self.reported = read;
        match &mut piece.load {
            Load::Ready(loaded) => loaded.bytes = bytes,
            Load::JsonLine(line) => line.input_bytes = Some(bytes),
            Load::TextFile(_) => {} // never compressed
        }
        Some(piece)
    }
}

/// The readers of the three formats, before they are boxed.
enum Pieces {
    Text(TextSegments),
    Jsonl(JsonlArticles<BufReader<Box<dyn Read>>>),
    Csv(CsvArticles),
}

impl Pieces {
    fn boxed(self) -> Box<dyn Iterator<Item = Piece>> {
        match self {
            Pieces::Text(pieces) => Box::new(pieces),
            Pieces::Jsonl(pieces) => Box::new(pieces),
            Pieces::Csv(pieces) => Box::new(pieces),
        }
    }
}

fn pieces_of(
    name: String,
    reader: Box<dyn Read>,
    format: InputFormat,
    doc_id: String,
    options: &ReadOptions,
) -> Pieces {
    match format {
        InputFormat::Text => Pieces::Text(TextSegments::new(reader, doc_id, name, options)),
        InputFormat::Jsonl => Pieces::Jsonl(JsonlArticles {
            name: name.into(),
            // Lines run to a few KB: 8 KB reads would make a system call
            // every few lines.
            reader: BufReader::with_capacity(256 << 10, reader),
            line: 0,
            last_len: 0,
            done: false,
            lossy: options.lossy,
        }),
        InputFormat::Csv => Pieces::Csv(CsvArticles::new(name, reader, options)),
    }
}

impl Iterator for ArticleStream {
    type Item = Piece;

    fn next(&mut self) -> Option<Piece> {
        loop {
            if let Some(current) = &mut self.current {
                if let Some(piece) = current.next() {
                    return Some(piece);
                }
                self.current = None;
            }
            let source = self.plan.next()?;
            // Listing the next source now makes the total final as soon
            // as the last source is out, not once it has been read.
            self.plan.peek();
            match source {
                Ok(Source {
                    origin: Origin::File(path),
                    format: InputFormat::Text,
                    size: Some(size),
                    small: true,
                    warning,
                }) => {
                    return Some(Piece {
                        part: Part::default(),
                        load: Load::TextFile(TextFile {
                            doc_id: stem_id(&path),
                            path,
                            size,
                            limit: self.options.segment_bytes,
                            lossy: self.options.lossy,
                            warning,
                        }),
                    })
                }
                Ok(source) => self.current = Some(self.start(source)),
                Err(err) => return Some(Piece::whole(0, Err(err))),
            }
        }
    }
}

/// A plain-text input: the whole of it is one article, read in segments of
/// about [`ReadOptions::segment_bytes`] (see [`Part`]).
struct TextSegments {
    reader: Box<dyn Read>,
    doc_id: String,
    name: String,
    lossy: bool,
    segment_bytes: usize,
    /// Read but not yet handed out: the tail after the last cut.
    buf: Vec<u8>,
    /// Byte offset of `buf[0]` in the document.
    byte_base: usize,
    /// Code points before `buf[0]`.
    char_base: usize,
    /// Segments handed out so far.
    emitted: usize,
    /// Bytes consumed by segments not handed out (blank ones), for progress.
    pending_bytes: u64,
    /// Invalid bytes replaced so far (`--lossy`).
    replaced: usize,
    /// For the first segment handed out ([`Source::warning`]).
    warning: Option<String>,
    eof: bool,
    done: bool,
}

impl TextSegments {
    fn new(reader: Box<dyn Read>, doc_id: String, name: String, options: &ReadOptions) -> Self {
        TextSegments {
            reader,
            doc_id,
            name,
            lossy: options.lossy,
            segment_bytes: options.segment_bytes.max(1),
            buf: Vec::new(),
            byte_base: 0,
            char_base: 0,
            emitted: 0,
            pending_bytes: 0,
            replaced: 0,
            warning: None,
            eof: false,
            done: false,
        }
    }

    /// Reads until a segment's worth is buffered or the input ends.
    fn fill(&mut self) -> io::Result<()> {
        while !self.eof && self.buf.len() < self.segment_bytes {
            let want = (self.segment_bytes - self.buf.len()) as u64;
            match (&mut self.reader).take(want).read_to_end(&mut self.buf) {
                Ok(0) => self.eof = true,
                Ok(_) => {}
                Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                Err(err) => return Err(err),
            }
        }
        Ok(())
    }

    fn fail(&mut self, error: InputError) -> Piece {
        self.done = true;
        Piece::whole(self.pending_bytes, Err(error))
    }
}

impl Iterator for TextSegments {
    type Item = Piece;

    fn next(&mut self) -> Option<Piece> {
        while !self.done {
            if let Err(err) = self.fill() {
                return Some(self.fail(InputError::io(self.name.clone(), &err)));
            }
            let cut = if self.eof {
                self.buf.len()
            } else {
                cut_point(&self.buf)
            };
            let tail = self.buf.split_off(cut);
            let bytes = std::mem::replace(&mut self.buf, tail);
            let consumed = bytes.len();
            let last = self.eof && self.buf.is_empty();
            let text = match decode(bytes, self.lossy) {
                Ok((text, replaced)) => {
                    self.replaced += replaced;
                    text
                }
                Err(valid_up_to) => {
                    let reason = format!(
                        "not valid UTF-8 (bad byte at offset {})",
                        self.byte_base + valid_up_to
                    );
                    return Some(self.fail(InputError::new(self.name.clone(), reason)));
                }
            };
            self.byte_base += consumed;
            self.pending_bytes += consumed as u64;
            let char_base = self.char_base;
            if !last {
                self.char_base += text.chars().count();
            }
            if self.emitted == 0 && text.trim().is_empty() {
                if last {
                    let error = InputError::new(self.name.clone(), "article text is empty");
                    return Some(self.fail(error));
                }
                continue; // leading blank segments: nothing to extract
            }
            self.done = last;
            let piece = Piece {
                part: Part {
                    index: self.emitted,
                    char_base,
                },
                load: Load::Ready(Loaded {
                    bytes: std::mem::take(&mut self.pending_bytes),
                    article: Ok(Article {
                        doc_id: self.doc_id.clone(),
                        text,
                    }),
                    warning: join_warnings(
                        self.warning.take(),
                        if last {
                            replaced_warning(&self.name, self.replaced)
                        } else {
                            None
                        },
                    ),
                }),
            };
            self.emitted += 1;
            return Some(piece);
        }
        None
    }
}

/// Where to end a segment of a full buffer: after the last paragraph break
/// in its second half, else after the last line break, else after the last
/// ASCII space, else at the last character boundary. Always in 1..=len.
fn cut_point(buf: &[u8]) -> usize {
    let half = buf.len() / 2;
    let second = &buf[half..];
    let after = |i: Option<usize>, width: usize| i.map(|i| half + i + width);
    after(second.windows(2).rposition(|w| w == b"\n\n"), 2)
        .or_else(|| after(second.iter().rposition(|&b| b == b'\n'), 1))
        .or_else(|| after(second.iter().rposition(u8::is_ascii_whitespace), 1))
        .unwrap_or_else(|| {
            // Back up over at most three UTF-8 continuation bytes.
            let mut cut = buf.len();
            while cut > 1 && buf.len() - cut < 3 && (buf[cut - 1] & 0xC0) == 0x80 {
                cut -= 1;
            }
            if cut > 1 && (buf[cut - 1] & 0xC0) == 0xC0 {
                cut -= 1; // the lead byte of the character cut in two
            }
            cut
        })
}

/// One JSON Lines record; fields other than `id` and `text` (`date`,
/// `source`, `title`, `url` ...) are accepted and ignored.
#[derive(serde::Deserialize)]
struct JsonArticle {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    text: Option<String>,
}

/// Articles of a JSON Lines input, read line by line. Each line is handed on
/// as read ([`JsonLine`]): decoding and parsing it is left to the workers.
struct JsonlArticles<R> {
    name: Arc<str>,
    reader: R,
    line: usize,
    /// Length of the last line read.
    last_len: usize,
    done: bool,
    lossy: bool,
}

impl<R: BufRead> Iterator for JsonlArticles<R> {
    type Item = Piece;

    fn next(&mut self) -> Option<Piece> {
        while !self.done {
            // Read straight into the line's own buffer, sized like the
            // last line, so that the line is copied once.
            let mut buf = Vec::with_capacity(self.last_len + self.last_len / 4);
            self.line += 1;
            match read_line(&mut self.reader, &mut buf, MAX_JSON_LINE_BYTES) {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(read) if read > buf.len() => {
                    let location = format!("{}:{}", self.name, self.line);
                    let reason = format!(
                        "line of {read} bytes, longer than the {} MiB a JSON line may hold; skipped",
                        MAX_JSON_LINE_BYTES >> 20
                    );
                    return Some(Piece::whole(
                        read as u64,
                        Err(InputError::new(location, reason)),
                    ));
                }
                Ok(_) => {}
                Err(err) => {
                    self.done = true;
                    let location = format!("{}:{}", self.name, self.line);
                    return Some(Piece::whole(0, Err(InputError::io(location, &err))));
                }
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue; // blank lines separate nothing; skip them quietly
            }
            self.last_len = buf.len();
            return Some(Piece {
                part: Part::default(),
                load: Load::JsonLine(JsonLine {
                    name: Arc::clone(&self.name),
                    line: self.line,
                    bytes: buf,
                    lossy: self.lossy,
                    input_bytes: None,
                }),
            });
        }
        None
    }
}

/// The longest JSON line read: a line is held in memory whole, and a
/// damaged or hostile file (a gzip bomb of one endless line) must not take
/// all of it. No article comes near; a plain-text file of any size is read
/// in segments instead ([`SEGMENT_BYTES`]).
pub const MAX_JSON_LINE_BYTES: usize = 32 << 20;

/// `BufRead::read_until(b'\n')` with a vectorised search for the line end
/// (the standard library's scans a word at a time, and this runs on the
/// main thread for every byte of a JSON Lines input), keeping at most
/// `limit` bytes in `line`: past that, the rest of the line is read and
/// dropped. Returns the bytes read, kept or not.
fn read_line(reader: &mut impl BufRead, line: &mut Vec<u8>, limit: usize) -> io::Result<usize> {
    let mut read = 0;
    let mut over = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        let (taken, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (i + 1, true),
            None => (available.len(), available.is_empty()),
        };
        if !over && line.len() + taken > limit {
            // What was kept goes too, so that `read > line.len()` tells
            // the caller.
            over = true;
            *line = Vec::new();
        }
        if !over {
            line.extend_from_slice(&available[..taken]);
        }
        reader.consume(taken);
        read += taken;
        if done {
            return Ok(read);
        }
    }
}

/// The article of one JSON line, or what is wrong with it, in words.
fn parse_jsonl_line(line: &str) -> Result<Article, String> {
    // Some editors and exporters start a UTF-8 file with a byte order mark.
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    if !line.trim_start().starts_with('{') {
        return Err("invalid JSON: expected an object {\"id\": ..., \"text\": ...}".to_string());
    }
    let record: JsonArticle =
        serde_json::from_str(line).map_err(|err| format!("invalid JSON: {err}"))?;
    let doc_id = match record.id {
        Some(serde_json::Value::String(id)) if !id.trim().is_empty() => id,
        Some(serde_json::Value::Number(id)) => id.to_string(),
        Some(serde_json::Value::String(_)) | None | Some(serde_json::Value::Null) => {
            return Err("missing \"id\"".to_string())
        }
        Some(_) => return Err("\"id\" must be a string or a number".to_string()),
    };
    let text = record.text.ok_or("missing \"text\"")?;
    if text.trim().is_empty() {
        return Err("article text is empty".to_string());
    }
    Ok(Article { doc_id, text })
}

/// Articles of a CSV input, read record by record.
struct CsvArticles {
    name: String,
    reader: csv::Reader<RecordBudget<Box<dyn Read>>>,
    /// Indexes of the id and text columns, or why they could not be found.
    columns: Result<(usize, usize), Option<InputError>>,
    row: usize,
    consumed: u64,
    record: csv::ByteRecord,
    lossy: bool,
}

/// The longest CSV record read, as [`MAX_JSON_LINE_BYTES`] for a JSON line:
/// the csv crate holds a record whole while it reads it.
pub const MAX_CSV_RECORD_BYTES: usize = 32 << 20;

/// A reader that fails once more than its budget has been read since the
/// last [`RecordBudget::renew`]. The csv crate has no limit on the size of a
/// record, and cannot be stopped from outside in the middle of one, so the
/// collection's reader is given a budget per record: a record past it ends
/// the collection with an I/O error the csv crate passes on, instead of
/// taking memory without bound. (The csv crate reads ahead, so the budget
/// is a record's limit plus its buffer.)
struct RecordBudget<R> {
    inner: R,
    limit: usize,
    left: usize,
}

impl<R> RecordBudget<R> {
    fn new(inner: R, limit: usize) -> Self {
        // The csv crate's read-ahead buffer is 8 KB: room for it too.
        let limit = limit.saturating_add(64 << 10);
        RecordBudget {
            inner,
            limit,
            left: limit,
        }
    }

    /// A new record starts: the budget is whole again.
    fn renew(&mut self) {
        self.left = self.limit;
    }
}

impl<R: Read> Read for RecordBudget<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.left == 0 && !buf.is_empty() {
            return Err(io::Error::other(format!(
                "a record longer than {} MiB; the rest of the collection was skipped",
                MAX_CSV_RECORD_BYTES >> 20
            )));
        }
        let room = buf.len().min(self.left);
        let n = self.inner.read(&mut buf[..room])?;
        self.left -= n;
        Ok(n)
    }
}

impl CsvArticles {
    fn new(name: String, reader: Box<dyn Read>, options: &ReadOptions) -> Self {
        let budget = RecordBudget::new(reader, MAX_CSV_RECORD_BYTES);
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(budget);
        let columns = match reader.byte_headers() {
            Ok(headers) => {
                let find = |wanted: &str| headers.iter().position(|h| h == wanted.as_bytes());
                match (find(&options.id_column), find(&options.text_column)) {
                    (Some(id), Some(text)) => Ok((id, text)),
                    (id, _) => {
                        let missing = if id.is_none() {
                            &options.id_column
                        } else {
                            &options.text_column
                        };
                        let present: Vec<String> = headers
                            .iter()
                            .map(|h| String::from_utf8_lossy(h).into_owned())
                            .collect();
                        Err(Some(InputError::new(
                            name.clone(),
                            format!(
                                "no column \"{missing}\" in the header (columns: {}); \
                                 see --id-column and --text-column",
                                present.join(", ")
                            ),
                        )))
                    }
                }
            }
            Err(err) => Err(Some(InputError::new(
                name.clone(),
                format!("cannot read the CSV header: {err}"),
            ))),
        };
        CsvArticles {
            name,
            reader,
            columns,
            row: 0,
            consumed: 0,
            record: csv::ByteRecord::new(),
            lossy: options.lossy,
        }
    }

    fn bytes_since_last(&mut self) -> u64 {
        let now = self.reader.position().byte();
        let delta = now.saturating_sub(self.consumed);
        self.consumed = now;
        delta
    }
}

impl Iterator for CsvArticles {
    type Item = Piece;

    fn next(&mut self) -> Option<Piece> {
        let (id_col, text_col) = match &mut self.columns {
            Ok(columns) => *columns,
            Err(problem) => {
                // Report a bad header once, then end this input.
                return problem.take().map(|err| Piece::whole(0, Err(err)));
            }
        };
        let line = self.reader.position().line();
        self.reader.get_mut().renew();
        let read = self.reader.read_byte_record(&mut self.record);
        self.row += 1;
        let location = format!("{}: row {} (line {})", self.name, self.row, line);
        let bytes = self.bytes_since_last();
        let mut replaced = 0;
        let article = match read {
            Ok(false) => return None,
            Ok(true) => self.article(id_col, text_col, &location, &mut replaced),
            Err(err) => {
                let fatal = matches!(err.kind(), csv::ErrorKind::Io(_));
                if fatal {
                    self.columns = Err(None);
                }
                Err(InputError::new(location.clone(), format!("bad CSV: {err}")))
            }
        };
        Some(Piece {
            part: Part::default(),
            load: Load::Ready(Loaded {
                bytes,
                article,
                warning: replaced_warning(&location, replaced),
            }),
        })
    }
}

impl CsvArticles {
    fn article(
        &self,
        id_col: usize,
        text_col: usize,
        location: &str,
        replaced: &mut usize,
    ) -> Result<Article, InputError> {
        let mut field = |index: usize, what: &str| -> Result<String, InputError> {
            let raw = self.record.get(index).unwrap_or(b"");
            match decode(raw.to_vec(), self.lossy) {
                Ok((text, n)) => {
                    *replaced += n;
                    Ok(text)
                }
                Err(offset) => Err(InputError::new(
                    location,
                    format!("{what} is not valid UTF-8 (bad byte at offset {offset} of the field)"),
                )),
            }
        };
        let doc_id = field(id_col, "the id")?;
        if doc_id.trim().is_empty() {
            return Err(InputError::new(location, "missing id"));
        }
        let text = field(text_col, "the text")?;
        non_empty(doc_id, text, location)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// The sources of `inputs`, all of them.
    fn plan(inputs: &[PathBuf], options: &ReadOptions) -> Vec<Result<Source, InputError>> {
        Plan::new(inputs, options).collect()
    }

    /// The plan as it was made before the walk streamed (the reference the
    /// streamed plan is compared with): every directory walked whole, its
    /// problems before its files, then the shared ids noted over the whole
    /// plan.
    fn whole_plan(inputs: &[PathBuf], options: &ReadOptions) -> Vec<Result<Source, InputError>> {
        fn walk_dir(
            dir: &Path,
            files: &mut Vec<(PathBuf, u64)>,
            problem: &mut dyn FnMut(InputError),
        ) {
            let entries = match std::fs::read_dir(dir) {
                Ok(entries) => entries,
                Err(err) => return problem(InputError::io(dir.display().to_string(), &err)),
            };
            let mut listed = Vec::new();
            for entry in entries {
                match entry {
                    Ok(entry) => listed.push((entry.file_name(), entry)),
                    Err(err) => problem(InputError::io(dir.display().to_string(), &err)),
                }
            }
            listed.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            for (name, entry) in listed {
                let path = entry.path();
                let Ok(file_type) = entry.file_type() else {
                    continue;
                };
                if name.as_encoded_bytes().starts_with(b".") {
                    continue;
                } else if file_type.is_dir() {
                    walk_dir(&path, files, problem);
                } else if is_eligible(&path) {
                    if let Some(meta) = std::fs::metadata(&path).ok().filter(|m| m.is_file()) {
                        files.push((path, meta.len()));
                    }
                }
            }
        }
        let fallback = options.format.unwrap_or(InputFormat::Text);
        let small = |size: u64| size < options.segment_bytes as u64;
        let mut plan = Vec::new();
        for input in inputs {
            if input.as_os_str() == "-" {
                plan.push(Ok(Source {
                    origin: Origin::Stdin,
                    format: fallback,
                    size: None,
                    small: false,
                    warning: None,
                }));
                continue;
            }
            match std::fs::metadata(input) {
                Ok(meta) if meta.is_dir() => {
                    let mut files = Vec::new();
                    walk_dir(input, &mut files, &mut |err| plan.push(Err(err)));
                    plan.extend(files.into_iter().map(|(path, size)| {
                        let name = FileName::of(&path);
                        Ok(Source {
                            small: small(size) && !is_gzip(&path),
                            format: name.and_then(|n| n.format()).unwrap_or(fallback),
                            origin: Origin::File(path),
                            size: Some(size),
                            warning: None,
                        })
                    }));
                }
                Ok(meta) => plan.push(Ok(Source {
                    format: InputFormat::from_extension(input).unwrap_or(fallback),
                    origin: Origin::File(input.clone()),
                    size: Some(meta.len()),
                    small: meta.is_file() && small(meta.len()) && !is_gzip(input),
                    warning: None,
                })),
                Err(err) => plan.push(Err(InputError::io(input.display().to_string(), &err))),
            }
        }
        // The shared ids, as `note_shared_ids` noted them over the whole plan.
        let mut first: HashMap<String, Origin> = HashMap::new();
        for source in plan.iter_mut().flatten() {
            if source.format != InputFormat::Text {
                continue;
            }
            let id = match &source.origin {
                Origin::Stdin => options.stdin_id.clone(),
                Origin::File(path) => stem_id(path),
            };
            match first.get(&id) {
                Some(before) => {
                    source.warning = Some(format!(
                        "{}: doc_id \"{id}\" is also that of {before}; the reports count \
                         articles by doc_id, so they count these two as one (rename one of \
                         the files)",
                        source.origin
                    ));
                }
                None => {
                    first.insert(id, source.origin.clone());
                }
            }
        }
        plan
    }

    /// A source as the tests compare it.
    type Listed = (String, InputFormat, Option<u64>, bool, Option<String>);

    /// The sources of a plan and its problems, apart.
    fn sources_and_problems(
        plan: Vec<Result<Source, InputError>>,
    ) -> (Vec<Listed>, Vec<InputError>) {
        let (mut sources, mut problems) = (Vec::new(), Vec::new());
        for source in plan {
            match source {
                Ok(s) => sources.push((s.origin.to_string(), s.format, s.size, s.small, s.warning)),
                Err(err) => problems.push(err),
            }
        }
        (sources, problems)
    }

    /// A tree with nested directories, hidden files and directories,
    /// symbolic links, files of the same stem in several places and
    /// formats, and a directory that cannot be read (where it cannot: not
    /// for root). Returns whether that directory is unreadable indeed.
    fn awkward_tree(root: &Path) -> bool {
        for dir in [
            "a/b/c",
            "a/.hidden",
            "a-b",
            "b",
            "z/deep/er/est",
            "locked/in",
        ] {
            std::fs::create_dir_all(root.join(dir)).unwrap();
        }
        let files: [(&str, &str); 17] = [
            ("a/index.txt", "One."),
            ("a/b/index.md", "Two, the same stem."),
            ("a/b/c/index", "Three, no extension."),
            ("a/b/c/notes.pdf", "not an article"),
            ("a/.hidden/index.txt", "hidden"),
            ("a/.index.txt", "hidden"),
            ("a/B.txt", "Capital."),
            ("a-b/index.jsonl", "{\"id\": \"index\", \"text\": \"x\"}\n"),
            ("a-b/rows.csv", "id,text\nr1,Row.\n"),
            ("a0.txt", "After a/ and a-b/."),
            ("b/story.text", "Story."),
            ("b/story.txt.gz", "not really gzip"),
            ("b.txt", "Bee."),
            ("z/deep/er/est/index.txt", "Deep."),
            ("z/deep/er.txt", "Er."),
            ("locked/in/index.txt", "Locked."),
            ("zoo", "Last, no extension."),
        ];
        for (name, text) in files {
            std::fs::write(root.join(name), text).unwrap();
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::{symlink, PermissionsExt};
            symlink(root.join("a0.txt"), root.join("b/linked.txt")).unwrap();
            symlink(root.join("a"), root.join("b/looped")).unwrap();
            symlink(root.join("gone.txt"), root.join("b/dangling.txt")).unwrap();
            let locked = root.join("locked");
            std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
            // Root reads it all the same.
            std::fs::read_dir(&locked).is_err()
        }
        #[cfg(not(unix))]
        false
    }

    #[cfg(unix)]
    fn unlock(root: &Path) {
        use std::os::unix::fs::PermissionsExt;
        let locked = root.join("locked");
        std::fs::set_permissions(locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    #[test]
    fn the_streamed_plan_lists_what_the_whole_plan_listed_in_its_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("root");
        let locked = awkward_tree(&root);
        let alone = dir.path().join("index.txt");
        std::fs::write(&alone, "A file given by name.").unwrap();
        let inputs = [
            root.clone(),
            dir.path().join("missing"),
            alone,
            root.join("a/b"),
            PathBuf::from("-"),
            root.clone(),
        ];
        // Standard input is listed, not read; its id is one the files have.
        let options = ReadOptions {
            stdin_id: "index".into(),
            ..ReadOptions::default()
        };
        let streamed = plan(&inputs, &options);
        let whole = whole_plan(&inputs, &options);
        #[cfg(unix)]
        unlock(&root);
        let (sources, problems) = sources_and_problems(streamed);
        let (want_sources, want_problems) = sources_and_problems(whole);
        assert_eq!(sources, want_sources);
        assert_eq!(problems, want_problems);
        // The tree as it should come: files in path order, hidden ones and
        // the link to a directory left out, the later `index` files warned.
        let first_walk: Vec<&str> = sources
            .iter()
            .take_while(|s| !s.0.ends_with("/zoo"))
            .map(|s| s.0.strip_prefix(root.to_str().unwrap()).unwrap())
            .collect();
        let mut want = vec![
            "/a/B.txt",
            "/a/b/c/index",
            "/a/b/index.md",
            "/a/index.txt",
            "/a-b/index.jsonl",
            "/a-b/rows.csv",
            "/a0.txt",
            "/b/linked.txt",
            "/b/story.text",
            "/b/story.txt.gz",
            "/b.txt",
        ];
        if !locked {
            want.push("/locked/in/index.txt");
        }
        want.extend(["/z/deep/er/est/index.txt", "/z/deep/er.txt"]);
        assert_eq!(first_walk, want);
        let warned = |path: &str| {
            let path = format!("{}{path}", root.display());
            let source = sources.iter().find(|s| s.0 == path).unwrap();
            source.4.is_some()
        };
        assert!(!warned("/a/b/c/index") && warned("/a/b/index.md") && warned("/a/index.txt"));
        assert!(!warned("/a-b/index.jsonl"));
        let stdin = sources.iter().find(|s| s.0 == "<stdin>").unwrap();
        let also = format!("also that of {}/a/b/c/index;", root.display());
        assert!(stdin.4.as_ref().unwrap().contains(&also), "{stdin:?}");
        // Problems: the missing input always, the locked directory when it is.
        assert_eq!(problems.len(), 1 + 2 * usize::from(locked), "{problems:?}");
    }

    #[test]
    fn a_problem_in_a_walk_comes_at_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for sub in ["a", "b", "c"] {
            std::fs::create_dir_all(root.join(sub)).unwrap();
            std::fs::write(root.join(sub).join("x.txt"), "Text.").unwrap();
        }
        // A directory that cannot be listed when the walk reaches it: made
        // so by removing it once the walk is under way (which also works
        // for root, whom permissions do not stop).
        let mut walk = Plan::new(&[root.to_path_buf()], &ReadOptions::default());
        let first = walk.next().unwrap().unwrap();
        assert_eq!(first.origin, Origin::File(root.join("a/x.txt")));
        std::fs::remove_dir_all(root.join("b")).unwrap();
        let rest: Vec<String> = walk
            .map(|source| match source {
                Ok(source) => source.origin.to_string(),
                Err(err) => err.to_string(),
            })
            .collect();
        assert_eq!(
            rest,
            [
                format!(
                    "{}: cannot read: no such file or directory",
                    root.join("b").display()
                ),
                root.join("c/x.txt").display().to_string(),
            ]
        );
    }

    #[test]
    fn the_total_is_final_only_once_the_last_input_is_listed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(root.join("a.txt"), "12345").unwrap();
        std::fs::write(root.join("sub/b.txt"), "1234567").unwrap();
        let more = root.join("sub/c.jsonl");
        std::fs::write(&more, "{\"id\": \"c\", \"text\": \"Yes.\"}\n").unwrap();
        let more_size = std::fs::metadata(&more).unwrap().len();
        let inputs = [root.join("a.txt"), root.join("sub")];
        let mut stream = ArticleStream::open(&inputs, &ReadOptions::default());
        let planned = stream.planned_bytes();
        assert_eq!((stream.total_bytes(), planned.so_far()), (None, 0));
        assert!(planned.knowable());
        // a.txt, and b.txt listed ahead of it.
        stream.next().unwrap();
        assert_eq!((stream.total_bytes(), planned.so_far()), (None, 12));
        // b.txt, and c.jsonl listed ahead: all listed, but the walk not
        // known to be over.
        stream.next().unwrap();
        let total = 12 + more_size;
        assert_eq!((stream.total_bytes(), planned.so_far()), (None, total));
        // The first article of c.jsonl: the walk found nothing after it,
        // so the total is final before the last file is read.
        stream.next().unwrap();
        assert_eq!(stream.total_bytes(), Some(total));
        assert_eq!(stream.count(), 0);
        assert_eq!(planned.total(), Some(total));

        // A walk of its own, ahead of the stream, finds the same total.
        assert_eq!(
            size_of_inputs(&inputs, &ReadOptions::default()),
            Some(total)
        );

        // Standard input: never known, and said so from the start.
        let inputs = [root.join("a.txt"), PathBuf::from("-")];
        let stream = ArticleStream::open(&inputs, &ReadOptions::default());
        assert!(!stream.planned_bytes().knowable());
        assert_eq!(stream.total_bytes(), None);
        assert_eq!(size_of_inputs(&inputs, &ReadOptions::default()), None);
        assert_eq!(size_of_inputs(&[], &ReadOptions::default()), None);
    }

    fn jsonl(input: &str) -> Vec<Result<Article, InputError>> {
        JsonlArticles {
            name: "c.jsonl".into(),
            reader: input.as_bytes(),
            line: 0,
            last_len: 0,
            done: false,
            lossy: false,
        }
        .map(|p| p.load().article)
        .collect()
    }

    fn csv_rows(input: &'static str, options: &ReadOptions) -> Vec<Result<Article, InputError>> {
        CsvArticles::new("c.csv".to_string(), Box::new(input.as_bytes()), options)
            .map(|p| p.load().article)
            .collect()
    }

    #[test]
    fn jsonl_numbers_lines_skips_blank_ones_and_a_bom() {
        let got = jsonl(
            "\u{feff}{\"id\":\"a\",\"text\":\"A.\"}\n\n{\"id\":7,\"text\":\"B.\",\"url\":\"u\"}\n{oops\n",
        );
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].as_ref().unwrap().doc_id, "a");
        assert_eq!(got[1].as_ref().unwrap().doc_id, "7");
        let err = got[2].as_ref().unwrap_err();
        assert_eq!(err.location, "c.jsonl:4");
        assert!(err.reason.starts_with("invalid JSON"), "{}", err.reason);
    }

    #[test]
    fn read_line_reads_as_read_until_does() {
        let input = b"a\n\nlong line \xff\r\nno end";
        for capacity in [1, 2, 3, 64] {
            let mut ours = BufReader::with_capacity(capacity, &input[..]);
            let mut std = BufReader::with_capacity(capacity, &input[..]);
            loop {
                let (mut a, mut b) = (Vec::new(), Vec::new());
                let n = read_line(&mut ours, &mut a, usize::MAX).unwrap();
                assert_eq!(n, std.read_until(b'\n', &mut b).unwrap());
                assert_eq!(a, b, "capacity {capacity}");
                if n == 0 {
                    break;
                }
            }
        }
    }

    #[test]
    fn read_line_drops_a_line_past_its_limit_and_reads_on() {
        let input = b"12345\n123456789\n\n1234";
        for capacity in [1, 2, 4, 64] {
            let mut reader = BufReader::with_capacity(capacity, &input[..]);
            let mut got = Vec::new();
            loop {
                let mut line = Vec::new();
                let n = read_line(&mut reader, &mut line, 6).unwrap();
                if n == 0 {
                    break;
                }
                got.push((n, line));
            }
            let want: Vec<(usize, Vec<u8>)> = vec![
                (6, b"12345\n".to_vec()),
                (10, Vec::new()),
                (1, b"\n".to_vec()),
                (4, b"1234".to_vec()),
            ];
            assert_eq!(got, want, "capacity {capacity}");
        }
    }

    #[test]
    fn a_csv_record_past_its_budget_ends_the_collection_with_an_error() {
        let long = "x".repeat(100_000);
        let input = format!("id,text\na,Short.\nb,\"{long}\"\nc,After.\n");
        let budget = RecordBudget::new(Box::new(io::Cursor::new(input)) as Box<dyn Read>, 1000);
        let mut reader = csv::ReaderBuilder::new().from_reader(budget);
        let mut record = csv::ByteRecord::new();
        reader.get_mut().renew();
        assert!(reader.read_byte_record(&mut record).unwrap());
        assert_eq!(&record[1], b"Short.");
        reader.get_mut().renew();
        let err = reader.read_byte_record(&mut record).unwrap_err();
        assert!(matches!(err.kind(), csv::ErrorKind::Io(_)), "{err}");
        assert!(
            err.to_string().contains("a record longer than 32 MiB"),
            "{err}"
        );
        // Within the budget, records read as without it.
        let input = format!("id,text\nb,\"{long}\"\nc,After.\n");
        let reader = Box::new(io::Cursor::new(input));
        let got: Vec<_> = CsvArticles::new("c.csv".into(), reader, &ReadOptions::default())
            .map(|p| p.load().article)
            .collect();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].as_ref().unwrap().text, long);
    }

    #[test]
    fn jsonl_missing_fields_and_empty_text_are_errors() {
        let got = jsonl("{\"text\":\"A.\"}\n{\"id\":\"b\"}\n{\"id\":\"c\",\"text\":\"  \"}\n[1]\n");
        let reasons: Vec<String> = got.into_iter().map(|r| r.unwrap_err().reason).collect();
        assert_eq!(reasons[0], "missing \"id\"");
        assert_eq!(reasons[1], "missing \"text\"");
        assert_eq!(reasons[2], "article text is empty");
        assert!(reasons[3].starts_with("invalid JSON"));
    }

    #[test]
    fn csv_uses_the_named_columns_and_counts_rows() {
        let options = ReadOptions {
            id_column: "slug".to_string(),
            text_column: "body".to_string(),
            ..ReadOptions::default()
        };
        let got = csv_rows("slug,body\nx,\"Multi\nline.\"\n,No id.\n", &options);
        assert_eq!(got[0].as_ref().unwrap().text, "Multi\nline.");
        let err = got[1].as_ref().unwrap_err();
        assert_eq!(err.location, "c.csv: row 2 (line 4)");
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn csv_without_the_text_column_fails_once() {
        let got = csv_rows("id,content\na,b\n", &ReadOptions::default());
        assert_eq!(got.len(), 1);
        assert!(got[0]
            .as_ref()
            .unwrap_err()
            .reason
            .contains("no column \"text\""));
    }

    /// A piece of a text input, loaded.
    struct Segment {
        part: Part,
        bytes: u64,
        article: Result<Article, InputError>,
        warning: Option<String>,
    }

    fn segments(bytes: &'static [u8], options: &ReadOptions) -> Vec<Segment> {
        TextSegments::new(Box::new(bytes), "d".into(), "d.txt".into(), options)
            .map(|piece| {
                let part = piece.part;
                let Loaded {
                    bytes,
                    article,
                    warning,
                } = piece.load();
                Segment {
                    part,
                    bytes,
                    article,
                    warning,
                }
            })
            .collect()
    }

    #[test]
    fn text_must_be_utf8() {
        let pieces = segments(b"ok \xff", &ReadOptions::default());
        let err = pieces[0].article.as_ref().unwrap_err();
        assert_eq!(
            err.to_string(),
            "d.txt: not valid UTF-8 (bad byte at offset 3)"
        );
        assert_eq!(pieces.len(), 1);
    }

    #[test]
    fn lossy_replaces_bad_bytes_and_says_how_many() {
        let options = ReadOptions {
            lossy: true,
            ..ReadOptions::default()
        };
        let pieces = segments(b"ok \xff\xfe then \xe2\x82", &options);
        assert_eq!(pieces.len(), 1);
        let article = pieces[0].article.as_ref().unwrap();
        assert_eq!(article.text, "ok \u{fffd}\u{fffd} then \u{fffd}");
        assert_eq!(
            pieces[0].warning.as_deref(),
            Some("d.txt: 4 invalid UTF-8 bytes replaced with U+FFFD (--lossy)")
        );
    }

    #[test]
    fn a_large_text_is_cut_into_segments_at_paragraph_breaks() {
        let options = ReadOptions {
            segment_bytes: 40,
            ..ReadOptions::default()
        };
        let text = "Ünë paragraph here.\n\nTwo: \"quoted,\" he said.\n\nThree is the last one, at the end.\n";
        let pieces = segments(text.as_bytes(), &options);
        assert!(pieces.len() > 1);
        let mut whole = String::new();
        for (i, piece) in pieces.iter().enumerate() {
            let article = piece.article.as_ref().unwrap();
            assert_eq!(piece.part.index, i);
            assert_eq!(piece.part.char_base, whole.chars().count());
            assert_eq!(article.doc_id, "d");
            whole.push_str(&article.text);
            if i + 1 < pieces.len() {
                assert!(article.text.ends_with('\n'), "{:?}", article.text);
            }
        }
        assert_eq!(whole, text);
        let bytes: u64 = pieces.iter().map(|p| p.bytes).sum();
        assert_eq!(bytes, text.len() as u64);
    }

    #[test]
    fn a_text_with_no_break_is_cut_between_characters() {
        let options = ReadOptions {
            segment_bytes: 7,
            ..ReadOptions::default()
        };
        let text = "ééééééééééééééééééé";
        let pieces = segments(text.as_bytes(), &options);
        let whole: String = pieces
            .iter()
            .map(|p| p.article.as_ref().unwrap().text.as_str())
            .collect();
        assert_eq!(whole, text);
        assert!(pieces.len() > 2);
    }

    #[test]
    fn a_bad_byte_in_a_later_segment_is_named_by_its_document_offset() {
        let options = ReadOptions {
            segment_bytes: 8,
            ..ReadOptions::default()
        };
        let pieces = segments(b"aaaa bbbb cccc dd\xff", &options);
        let err = pieces.last().unwrap().article.as_ref().unwrap_err();
        assert_eq!(err.reason, "not valid UTF-8 (bad byte at offset 17)");
    }

    #[test]
    fn blank_text_is_an_error_however_long() {
        let options = ReadOptions {
            segment_bytes: 4,
            ..ReadOptions::default()
        };
        let pieces = segments(b" \n \n\r\n\t \n  \n", &options);
        assert_eq!(pieces.len(), 1);
        assert_eq!(
            pieces[0].article.as_ref().unwrap_err().reason,
            "article text is empty"
        );
        let pieces = segments(b" \n \n\r\n\t \n  \nx", &options);
        assert_eq!(pieces.len(), 1);
        assert_eq!(pieces[0].part.char_base, 12);
    }

    #[test]
    fn a_small_file_read_by_a_worker_reads_as_one_segment_does() {
        let dir = tempfile::tempdir().unwrap();
        let contents: [&[u8]; 5] = [
            b"\"Yes,\" she said.",
            b"ok \xff bad",
            b" \n\t ",
            b"",
            b"caf\xc3\xa9 \xe2\x82",
        ];
        for (i, bytes) in contents.into_iter().enumerate() {
            let path = dir.path().join(format!("f{i}.txt"));
            std::fs::write(&path, bytes).unwrap();
            for lossy in [false, true] {
                let options = ReadOptions {
                    lossy,
                    ..ReadOptions::default()
                };
                let name = path.display().to_string();
                let reader = Box::new(File::open(&path).unwrap());
                let mut streamed: Vec<Loaded> =
                    TextSegments::new(reader, stem_id(&path), name, &options)
                        .map(Piece::load)
                        .collect();
                assert_eq!(streamed.len(), 1);
                let streamed = streamed.remove(0);
                let pieces: Vec<Piece> =
                    ArticleStream::open(std::slice::from_ref(&path), &options).collect();
                assert!(matches!(pieces[0].load, Load::TextFile(_)), "{path:?}");
                let deferred = pieces.into_iter().next().unwrap().load();
                assert_eq!(deferred.article, streamed.article, "{path:?}");
                assert_eq!(deferred.warning, streamed.warning, "{path:?}");
                assert_eq!(deferred.bytes, streamed.bytes, "{path:?}");
            }
        }
        let missing = TextFile {
            path: dir.path().join("gone.txt"),
            doc_id: "gone".into(),
            size: 1,
            limit: SEGMENT_BYTES,
            lossy: false,
            warning: None,
        };
        let err = missing.load().article.unwrap_err();
        assert_eq!(err.reason, "cannot read: no such file or directory");
        // Listed at 10 bytes, grown to the segment size before it was read.
        let grown = dir.path().join("grown.txt");
        std::fs::write(&grown, "x".repeat(64)).unwrap();
        let grown = TextFile {
            path: grown,
            doc_id: "grown".into(),
            size: 10,
            limit: 64,
            lossy: false,
            warning: None,
        };
        let err = grown.load().article.unwrap_err();
        assert_eq!(
            err.reason,
            "grew from 10 to 64 bytes or more while the run was under way; \
             skipped (run again once it is written)"
        );
        let missing = TextFile {
            path: dir.path().join("gone.txt"),
            doc_id: "gone".into(),
            size: 1,
            limit: SEGMENT_BYTES,
            lossy: false,
            warning: None,
        };
        let err = missing.load().article.unwrap_err();
        assert_eq!(err.reason, "cannot read: no such file or directory");
    }

    #[test]
    fn a_file_of_a_segment_or_more_is_read_in_segments() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, "Some words.\n\n".repeat(4)).unwrap();
        let options = ReadOptions {
            segment_bytes: 13 * 4,
            ..ReadOptions::default()
        };
        let pieces: Vec<Piece> =
            ArticleStream::open(std::slice::from_ref(&path), &options).collect();
        assert!(matches!(pieces[0].load, Load::Ready(_)));
        assert!(pieces.len() > 1);
        let options = ReadOptions {
            segment_bytes: 13 * 4 + 1,
            ..options
        };
        let pieces: Vec<Piece> = ArticleStream::open(&[path], &options).collect();
        assert!(matches!(
            pieces[..],
            [Piece {
                load: Load::TextFile(_),
                ..
            }]
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_walk_follows_links_to_files_not_to_directories() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("root");
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(dir.path().join("target.txt"), "Linked text.").unwrap();
        std::fs::write(root.join("sub/plain.txt"), "Plain.").unwrap();
        std::os::unix::fs::symlink(dir.path().join("target.txt"), root.join("link.txt")).unwrap();
        std::os::unix::fs::symlink(root.join("sub"), root.join("loop")).unwrap();
        let sources: Vec<(PathBuf, Option<u64>, bool)> =
            plan(std::slice::from_ref(&root), &ReadOptions::default())
                .into_iter()
                .map(|source| {
                    let source = source.unwrap();
                    match source.origin {
                        Origin::File(path) => (path, source.size, source.small),
                        Origin::Stdin => unreachable!(),
                    }
                })
                .collect();
        assert_eq!(
            sources,
            [
                (root.join("link.txt"), Some(12), true),
                (root.join("sub/plain.txt"), Some(6), true),
            ]
        );
    }

    #[test]
    fn a_directory_is_read_in_path_order_component_by_component() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a")).unwrap();
        std::fs::create_dir_all(root.join("b/c")).unwrap();
        for name in [
            "a-c.txt",
            "a/b.txt",
            "a/B.txt",
            "b/c/d.txt",
            "b/c.txt",
            "b.txt",
            "a0",
        ] {
            std::fs::write(root.join(name), "Text.").unwrap();
        }
        let plan = plan(&[root.to_path_buf()], &ReadOptions::default());
        let got: Vec<PathBuf> = plan
            .into_iter()
            .map(|source| match source.unwrap().origin {
                Origin::File(path) => path,
                Origin::Stdin => unreachable!(),
            })
            .collect();
        let mut want = got.clone();
        want.sort();
        assert_eq!(got, want);
        // `a/...` before `a-c.txt`, although '/' sorts after '-' as a byte.
        assert!(got[0].ends_with("a/B.txt"), "{got:?}");
        assert_eq!(got.len(), 7);
    }

    #[test]
    fn a_text_file_whose_doc_id_an_earlier_one_has_is_named_once_read() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("2024")).unwrap();
        std::fs::create_dir_all(root.join("2025")).unwrap();
        std::fs::write(root.join("2024/index.txt"), "First.").unwrap();
        std::fs::write(root.join("2025/index.md"), "Second.").unwrap();
        std::fs::write(root.join("2025/other.txt"), "Third.").unwrap();
        // A collection's ids are its own: `index` in it is not compared.
        std::fs::write(
            root.join("2025/more.jsonl"),
            "{\"id\": \"index\", \"text\": \"x\"}\n",
        )
        .unwrap();
        // Large enough to be read in segments: the first segment says it.
        let elsewhere = tempfile::tempdir().unwrap();
        let big = elsewhere.path().join("index");
        std::fs::write(&big, "Words here.\n\n".repeat(20)).unwrap();
        let options = ReadOptions {
            segment_bytes: 64,
            ..ReadOptions::default()
        };
        let inputs = [root.to_path_buf(), big.clone()];
        let loaded: Vec<(Part, Loaded)> = ArticleStream::open(&inputs, &options)
            .map(|piece| (piece.part, piece.load()))
            .collect();
        let warned: Vec<(String, usize, &str)> = loaded
            .iter()
            .filter_map(|(part, l)| {
                let doc = l.article.as_ref().unwrap().doc_id.clone();
                Some((doc, part.index, l.warning.as_deref()?))
            })
            .collect();
        assert_eq!(warned.len(), 2, "{warned:?}");
        let first = root.join("2024/index.txt").display().to_string();
        let second = root.join("2025/index.md").display().to_string();
        assert_eq!(warned[0].0, "index");
        assert_eq!(
            warned[0].2,
            format!(
                "{second}: doc_id \"index\" is also that of {first}; the reports count \
                 articles by doc_id, so they count these two as one (rename one of the files)"
            )
        );
        assert_eq!(warned[1].1, 0, "only the first segment warns");
        assert!(warned[1]
            .2
            .starts_with(&format!("{}: doc_id \"index\"", big.display())));
        assert!(warned[1].2.contains(&format!("also that of {first};")));
        assert_eq!(
            join_warnings(Some("a".into()), Some("b".into())).as_deref(),
            Some("a\nb")
        );
    }

    /// `bytes` gzip-compressed, in two members (as `cat a.gz b.gz` makes).
    fn gzip_in_two_members(bytes: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let (first, second) = bytes.split_at(bytes.len() / 2);
        let mut out = Vec::new();
        for part in [first, second] {
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            encoder.write_all(part).unwrap();
            out.extend(encoder.finish().unwrap());
        }
        out
    }

    #[test]
    fn compressed_files_read_as_the_files_they_hold() {
        let plain = tempfile::tempdir().unwrap();
        let packed = tempfile::tempdir().unwrap();
        let files: [(&str, &[u8]); 4] = [
            (
                "a.txt",
                "\"Yes,\" she said.\n\nMore words here.\n".as_bytes(),
            ),
            (
                "b.jsonl",
                b"{\"id\": \"j1\", \"text\": \"One.\"}\n{\"id\": \"j2\", \"text\": \"Two.\"}\n",
            ),
            ("c.csv", b"id,text\nc1,Three.\nc2,Four.\n"),
            ("d", b"No extension: plain text."),
        ];
        for (name, bytes) in files {
            std::fs::write(plain.path().join(name), bytes).unwrap();
            let gz = packed.path().join(format!("{name}.gz"));
            std::fs::write(gz, gzip_in_two_members(bytes)).unwrap();
        }
        // Not an article: skipped by the walk, compressed or not.
        std::fs::write(packed.path().join("e.pdf.gz"), gzip_in_two_members(b"x")).unwrap();
        let options = ReadOptions {
            segment_bytes: 16, // the text comes in segments, as every .gz text does
            ..ReadOptions::default()
        };
        let read = |dir: &Path| -> Vec<(Part, Result<Article, InputError>)> {
            ArticleStream::open(&[dir.to_path_buf()], &options)
                .map(|piece| (piece.part, piece.load().article))
                .collect()
        };
        let from_plain = read(plain.path());
        assert_eq!(from_plain.len(), 9, "{from_plain:?}");
        assert_eq!(read(packed.path()), from_plain);
        // Progress runs against the compressed sizes: the pieces of a
        // compressed file add up to its size.
        let mut stream = ArticleStream::open(&[packed.path().to_path_buf()], &options);
        let sizes: u64 = ["a.txt", "b.jsonl", "c.csv", "d"]
            .iter()
            .map(|name| {
                let gz = packed.path().join(format!("{name}.gz"));
                std::fs::metadata(gz).unwrap().len()
            })
            .sum();
        let counted: u64 = stream.by_ref().map(|piece| piece.load().bytes).sum();
        assert_eq!(counted, sizes);
        assert_eq!(stream.total_bytes(), Some(sizes));

        // A damaged stream is an error naming the file; the articles before
        // the damage are read.
        let gz = gzip_in_two_members(&files[1].1.repeat(50));
        let cut = packed.path().join("cut.jsonl.gz");
        std::fs::write(&cut, &gz[..gz.len() - 40]).unwrap();
        let loaded: Vec<Loaded> = ArticleStream::open(std::slice::from_ref(&cut), &options)
            .map(Piece::load)
            .collect();
        let last = loaded.last().unwrap().article.as_ref().unwrap_err();
        assert!(
            last.location.starts_with(&cut.display().to_string()),
            "{last}"
        );
        assert!(last.reason.starts_with("cannot read:"), "{last}");
        assert!(loaded.len() > 2 && loaded[0].article.is_ok());
    }

    /// What [`FileName`] stands for, by `Path`'s own methods.
    fn file_name_by_path(path: &Path) -> Option<(Vec<u8>, Option<Vec<u8>>, bool)> {
        let gzip = path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("gz"));
        let inner = match path.file_stem() {
            Some(stem) if gzip => Path::new(stem),
            _ => path,
        };
        let bytes = |s: &std::ffi::OsStr| s.as_encoded_bytes().to_vec();
        Some((
            bytes(inner.file_stem()?),
            inner.extension().map(bytes),
            gzip,
        ))
    }

    proptest::proptest! {
        #[test]
        fn file_names_split_as_path_splits_them(
            dir in "(|[a.]{1,3}/)",
            name in "[a.gzGZ-]{0,8}",
        ) {
            let path = PathBuf::from(format!("{dir}{name}"));
            let ours = FileName::of(&path)
                .map(|n| (n.stem.to_vec(), n.ext.map(<[u8]>::to_vec), n.gzip));
            proptest::prop_assert_eq!(ours, file_name_by_path(&path), "{:?}", path);
        }
    }
}
