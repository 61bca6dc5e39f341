//! Reading articles: plain-text files, directories, JSON Lines and CSV
//! collections, standard input.
//!
//! Everything streams. A directory walk lists paths first (paths are small),
//! but articles are read one at a time: a text file whole (it is one article),
//! a JSON Lines file line by line, a CSV file record by record. Memory is
//! therefore bounded by the largest single article, not by the corpus.
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
//! let pieces: Vec<_> = stream.collect();
//! assert_eq!(pieces[0].article.as_ref().unwrap().doc_id, "a");
//! assert!(pieces[1].article.is_err()); // b.txt is empty
//! ```

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

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
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" | "md" => Some(InputFormat::Text),
            "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
            "csv" => Some(InputFormat::Csv),
            _ => None,
        }
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
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: None,
            id_column: "id".to_string(),
            text_column: "text".to_string(),
            stdin_id: "stdin".to_string(),
            skip: Vec::new(),
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

/// What the stream yields for each article (or failed input), in input order.
#[derive(Debug)]
pub struct Piece {
    /// Input bytes this piece consumed (for progress reporting).
    pub bytes: u64,
    /// The article, or why it could not be read.
    pub article: Result<Article, InputError>,
}

/// Where articles come from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Origin {
    Stdin,
    File(PathBuf),
}

/// One input to read, after directories have been expanded.
#[derive(Debug, Clone)]
struct Source {
    origin: Origin,
    format: InputFormat,
    /// The file's size when planned (`None` for standard input or a file
    /// that could not be examined): the progress total, without asking the
    /// file system a second time per file.
    size: Option<u64>,
}

/// Expands the command-line inputs into sources, in order: each directory
/// becomes its eligible files sorted by path. Problems (a missing path, an
/// unreadable directory) stay in place as errors so they are reported in order.
fn plan(inputs: &[PathBuf], options: &ReadOptions) -> Vec<Result<Source, InputError>> {
    let fallback = options.format.unwrap_or(InputFormat::Text);
    let default_stdin = [PathBuf::from("-")];
    let inputs = if inputs.is_empty() {
        &default_stdin[..]
    } else {
        inputs
    };
    let mut plan = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            plan.push(Ok(Source {
                origin: Origin::Stdin,
                format: fallback,
                size: None,
            }));
            continue;
        }
        match std::fs::metadata(input) {
            Ok(meta) if meta.is_dir() => {
                let mut files = Vec::new();
                walk(input, &mut files, &mut plan);
                if !options.skip.is_empty() {
                    files.retain(|path| {
                        std::fs::canonicalize(&path.0).map_or(true, |c| !options.skip.contains(&c))
                    });
                }
                // The order of `Path`'s `Ord` (component by component), with
                // each key built once: comparing paths directly re-splits
                // them into components at every comparison, which costs
                // seconds on a hundred thousand files. Every path here is
                // `input` plus plain names, and a name never holds a zero
                // byte, so bytes of the components each closed by a zero
                // compare as the components do.
                files.sort_by_cached_key(|(path, _)| {
                    let mut key = Vec::with_capacity(path.as_os_str().len() + 8);
                    for component in path.components() {
                        key.extend_from_slice(component.as_os_str().as_encoded_bytes());
                        key.push(0);
                    }
                    key
                });
                plan.extend(files.into_iter().map(|(path, size)| {
                    let format = InputFormat::from_extension(&path).unwrap_or(fallback);
                    Ok(Source {
                        origin: Origin::File(path),
                        format,
                        size: Some(size),
                    })
                }));
            }
            Ok(meta) => plan.push(Ok(Source {
                format: InputFormat::from_extension(input).unwrap_or(fallback),
                origin: Origin::File(input.clone()),
                size: Some(meta.len()),
            })),
            Err(err) => plan.push(Err(InputError::io(input.display().to_string(), &err))),
        }
    }
    plan
}

/// Collects the eligible files under `dir` (recursively). Hidden entries are
/// skipped, and so are symbolic links to directories (they could loop).
/// Each file comes with its size.
fn walk(
    dir: &Path,
    files: &mut Vec<(PathBuf, u64)>,
    problems: &mut Vec<Result<Source, InputError>>,
) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            problems.push(Err(InputError::io(dir.display().to_string(), &err)));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                problems.push(Err(InputError::io(dir.display().to_string(), &err)));
                continue;
            }
        };
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() {
            walk(&path, files, problems);
        } else if is_eligible(&path) {
            if let Some(meta) = std::fs::metadata(&path).ok().filter(|m| m.is_file()) {
                files.push((path, meta.len()));
            }
        }
    }
}

/// Files a directory walk reads: known article extensions, or none at all.
fn is_eligible(path: &Path) -> bool {
    path.extension().is_none() || InputFormat::from_extension(path).is_some()
}

/// The `doc_id` of a plain-text file: its name without the extension.
fn stem_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Checks an article's text: it must hold something besides whitespace.
fn non_empty(doc_id: String, text: String, location: &str) -> Result<Article, InputError> {
    if text.trim().is_empty() {
        Err(InputError::new(location, "article text is empty"))
    } else {
        Ok(Article { doc_id, text })
    }
}

/// Decodes UTF-8, naming the first bad byte on failure.
fn utf8(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|err| {
        format!(
            "not valid UTF-8 (bad byte at offset {})",
            err.utf8_error().valid_up_to()
        )
    })
}

/// The articles of a list of inputs, in order, one [`Piece`] at a time.
pub struct ArticleStream {
    plan: std::vec::IntoIter<Result<Source, InputError>>,
    current: Option<Box<dyn Iterator<Item = Piece>>>,
    options: ReadOptions,
    total_bytes: Option<u64>,
}

impl ArticleStream {
    /// Plans the inputs (`-` is standard input; no input at all means `-`).
    /// Nothing is read yet except directory listings and file sizes.
    pub fn open(inputs: &[PathBuf], options: &ReadOptions) -> ArticleStream {
        let plan = plan(inputs, options);
        let mut total = Some(0u64);
        for source in plan.iter().flatten() {
            total = match (&source.origin, total) {
                (Origin::File(_), Some(sum)) => source.size.map(|n| sum.saturating_add(n)),
                _ => None,
            };
        }
        ArticleStream {
            plan: plan.into_iter(),
            current: None,
            options: options.clone(),
            total_bytes: total,
        }
    }

    /// Total size of the inputs in bytes, when known (not for standard input).
    pub fn total_bytes(&self) -> Option<u64> {
        self.total_bytes
    }

    fn start(&self, source: Source) -> Box<dyn Iterator<Item = Piece>> {
        let (name, reader): (String, Box<dyn Read>) = match &source.origin {
            Origin::Stdin => ("<stdin>".to_string(), Box::new(io::stdin())),
            Origin::File(path) => {
                let name = path.display().to_string();
                match File::open(path) {
                    Ok(file) => (name, Box::new(file)),
                    Err(err) => {
                        return Box::new(std::iter::once(Piece {
                            bytes: 0,
                            article: Err(InputError::io(name, &err)),
                        }))
                    }
                }
            }
        };
        match source.format {
            InputFormat::Text => {
                let doc_id = match &source.origin {
                    Origin::Stdin => self.options.stdin_id.clone(),
                    Origin::File(path) => stem_id(path),
                };
                Box::new(std::iter::once(read_text(reader, doc_id, name)))
            }
            InputFormat::Jsonl => Box::new(JsonlArticles {
                name,
                reader: BufReader::new(reader),
                line: 0,
                buf: Vec::new(),
                done: false,
            }),
            InputFormat::Csv => Box::new(CsvArticles::new(name, reader, &self.options)),
        }
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
            match self.plan.next()? {
                Ok(source) => self.current = Some(self.start(source)),
                Err(err) => {
                    return Some(Piece {
                        bytes: 0,
                        article: Err(err),
                    })
                }
            }
        }
    }
}

/// A plain-text input: the whole of it is one article.
fn read_text(mut reader: Box<dyn Read>, doc_id: String, name: String) -> Piece {
    let mut bytes = Vec::new();
    if let Err(err) = reader.read_to_end(&mut bytes) {
        return Piece {
            bytes: bytes.len() as u64,
            article: Err(InputError::io(name, &err)),
        };
    }
    let size = bytes.len() as u64;
    let article = utf8(bytes)
        .map_err(|reason| InputError::new(name.clone(), reason))
        .and_then(|text| non_empty(doc_id, text, &name));
    Piece {
        bytes: size,
        article,
    }
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

/// Articles of a JSON Lines input, read line by line.
struct JsonlArticles<R> {
    name: String,
    reader: R,
    line: usize,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> Iterator for JsonlArticles<R> {
    type Item = Piece;

    fn next(&mut self) -> Option<Piece> {
        while !self.done {
            self.buf.clear();
            self.line += 1;
            let location = format!("{}:{}", self.name, self.line);
            let bytes = match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(n) => n as u64,
                Err(err) => {
                    self.done = true;
                    return Some(Piece {
                        bytes: 0,
                        article: Err(InputError::io(location, &err)),
                    });
                }
            };
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue; // blank lines separate nothing; skip them quietly
            }
            let article = parse_jsonl_line(&self.buf, &location);
            return Some(Piece { bytes, article });
        }
        None
    }
}

fn parse_jsonl_line(line: &[u8], location: &str) -> Result<Article, InputError> {
    let line = std::str::from_utf8(line).map_err(|err| {
        InputError::new(
            location,
            format!(
                "not valid UTF-8 (bad byte at column {})",
                err.valid_up_to() + 1
            ),
        )
    })?;
    // Some editors and exporters start a UTF-8 file with a byte order mark.
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    if !line.trim_start().starts_with('{') {
        return Err(InputError::new(
            location,
            "invalid JSON: expected an object {\"id\": ..., \"text\": ...}",
        ));
    }
    let record: JsonArticle = serde_json::from_str(line)
        .map_err(|err| InputError::new(location, format!("invalid JSON: {err}")))?;
    let doc_id = match record.id {
        Some(serde_json::Value::String(id)) if !id.trim().is_empty() => id,
        Some(serde_json::Value::Number(id)) => id.to_string(),
        Some(serde_json::Value::String(_)) | None | Some(serde_json::Value::Null) => {
            return Err(InputError::new(location, "missing \"id\""))
        }
        Some(_) => {
            return Err(InputError::new(
                location,
                "\"id\" must be a string or a number",
            ))
        }
    };
    let text = record
        .text
        .ok_or_else(|| InputError::new(location, "missing \"text\""))?;
    non_empty(doc_id, text, location)
}

/// Articles of a CSV input, read record by record.
struct CsvArticles {
    name: String,
    reader: csv::Reader<Box<dyn Read>>,
    /// Indexes of the id and text columns, or why they could not be found.
    columns: Result<(usize, usize), Option<InputError>>,
    row: usize,
    consumed: u64,
    record: csv::ByteRecord,
}

impl CsvArticles {
    fn new(name: String, reader: Box<dyn Read>, options: &ReadOptions) -> Self {
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
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
                return problem.take().map(|err| Piece {
                    bytes: 0,
                    article: Err(err),
                });
            }
        };
        let line = self.reader.position().line();
        let read = self.reader.read_byte_record(&mut self.record);
        self.row += 1;
        let location = format!("{}: row {} (line {})", self.name, self.row, line);
        let bytes = self.bytes_since_last();
        let article = match read {
            Ok(false) => return None,
            Ok(true) => self.article(id_col, text_col, &location),
            Err(err) => {
                let fatal = matches!(err.kind(), csv::ErrorKind::Io(_));
                if fatal {
                    self.columns = Err(None);
                }
                Err(InputError::new(location, format!("bad CSV: {err}")))
            }
        };
        Some(Piece { bytes, article })
    }
}

impl CsvArticles {
    fn article(
        &self,
        id_col: usize,
        text_col: usize,
        location: &str,
    ) -> Result<Article, InputError> {
        let field = |index: usize, what: &str| -> Result<String, InputError> {
            let raw = self.record.get(index).unwrap_or(b"");
            std::str::from_utf8(raw)
                .map(str::to_string)
                .map_err(|_| InputError::new(location, format!("{what} is not valid UTF-8")))
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

    fn jsonl(input: &str) -> Vec<Result<Article, InputError>> {
        JsonlArticles {
            name: "c.jsonl".to_string(),
            reader: input.as_bytes(),
            line: 0,
            buf: Vec::new(),
            done: false,
        }
        .map(|p| p.article)
        .collect()
    }

    fn csv_rows(input: &'static str, options: &ReadOptions) -> Vec<Result<Article, InputError>> {
        CsvArticles::new("c.csv".to_string(), Box::new(input.as_bytes()), options)
            .map(|p| p.article)
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

    #[test]
    fn text_must_be_utf8() {
        let piece = read_text(Box::new(&b"ok \xff"[..]), "d".into(), "d.txt".into());
        let err = piece.article.unwrap_err();
        assert_eq!(err.reason, "not valid UTF-8 (bad byte at offset 3)");
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
}
