//! Reading story files: TOML text to a checked [`Story`], or every problem with its place.
//!
//! Runs natively only, in the build script and in tests: the browser gets the story already
//! checked and compiled in (see `build.rs`), so no parser ships to readers.

use std::fmt;
use std::path::Path;

use super::model::Story;
use super::validate::{validate, Problem};

/// Why a story file was refused: the file and each broken rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryError {
    /// The story file, as given.
    pub file: String,
    /// What is wrong, in file order.
    pub problems: Vec<Problem>,
}

impl fmt::Display for StoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.problems.len();
        writeln!(f, "{}: {count} problem{}", self.file, if count == 1 { "" } else { "s" })?;
        for problem in &self.problems {
            writeln!(f, "  {}: {problem}", self.file)?;
        }
        Ok(())
    }
}

impl std::error::Error for StoryError {}

/// Reads, parses and checks the story file at `path` against the source text it names.
pub fn load(path: &Path) -> Result<Story, StoryError> {
    let file = path.display().to_string();
    let refuse = |path: &str, rule: String| StoryError { file: file.clone(), problems: vec![Problem::at(path, rule)] };
    let text = std::fs::read_to_string(path).map_err(|e| refuse("", format!("cannot read the file: {e}")))?;
    let story = parse(&file, &text)?;
    let source_path = path.with_file_name(&story.meta.source.text);
    let source = std::fs::read_to_string(&source_path)
        .map_err(|e| refuse("story.source.text", format!("cannot read {}: {e}", source_path.display())))?;
    check(&file, story, &source)
}

/// Parses story text into the model, checking its shape: fields, types and checked values.
pub fn parse(file: &str, text: &str) -> Result<Story, StoryError> {
    let deserializer = toml::Deserializer::new(text);
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        let line = inner.span().map(|span| text[..span.start].matches('\n').count() + 1);
        let problem = Problem { path, line, rule: inner.message().trim().to_owned() };
        StoryError { file: file.to_owned(), problems: vec![problem] }
    })
}

/// Checks a parsed story's rules against `source`, the article's text.
pub fn check(file: &str, story: Story, source: &str) -> Result<Story, StoryError> {
    let problems = validate(&story, source);
    if problems.is_empty() {
        Ok(story)
    } else {
        Err(StoryError { file: file.to_owned(), problems })
    }
}
