//! Reading story files: TOML text to a checked [`Story`], or every problem with its place.
//!
//! Runs natively only, in the build script and in tests: the browser gets the story already
//! checked and compiled in (see `build.rs`), so no parser ships to readers.

use std::fmt;
use std::path::Path;

use serde::Deserialize;

use super::model::{Lang, Story};
use super::script::{is_han, is_latin};
use super::translate::{merge, Translation};
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

impl StoryError {
    /// One problem in the file at `path`.
    fn single(path: &Path, field: &str, rule: String) -> Self {
        StoryError { file: path.display().to_string(), problems: vec![Problem::at(field, rule)] }
    }
}

/// Reads, parses and checks the story file at `path` against the source text it names.
pub fn load(path: &Path) -> Result<Story, StoryError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|e| StoryError::single(path, "", format!("cannot read the file: {e}")))?;
    let story = parse(&file, &text)?;
    let source_path = path.with_file_name(&story.meta.source.text);
    let source = std::fs::read_to_string(&source_path).map_err(|e| {
        StoryError::single(path, "story.source.text", format!("cannot read {}: {e}", source_path.display()))
    })?;
    check(&file, story, &source)
}

/// Loads every story file in `files`: first the stories, then the translations of them (files
/// whose `[story]` names the story it `translates`). Returns the stories, originals first, or every
/// file's problems.
pub fn load_all(files: &[impl AsRef<Path>]) -> Result<Vec<Story>, Vec<StoryError>> {
    let (mut stories, mut errors) = (Vec::new(), Vec::new());
    let mut translations = Vec::new();
    for path in files {
        let path = path.as_ref();
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                errors.push(StoryError::single(path, "", format!("cannot read the file: {e}")));
                continue;
            }
        };
        if is_translation(&text) {
            translations.push((path, text));
        } else {
            match load(path) {
                Ok(story) => stories.push(story),
                Err(error) => errors.push(error),
            }
        }
    }
    for (path, text) in translations {
        match translated(path, &text, &stories) {
            Ok(story) => stories.push(story),
            Err(error) => errors.push(error),
        }
    }
    if errors.is_empty() {
        Ok(stories)
    } else {
        Err(errors)
    }
}

/// Whether a story file is a translation: its `[story]` table has `translates`. A file too broken
/// to tell is loaded as a story, which reports what is wrong with it.
fn is_translation(text: &str) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        story: ProbeMeta,
    }
    #[derive(Deserialize)]
    struct ProbeMeta {
        translates: Option<toml::Value>,
    }
    toml::from_str::<Probe>(text).is_ok_and(|probe| probe.story.translates.is_some())
}

/// A translation file, parsed and merged with the story it translates, then checked as a story.
fn translated(path: &Path, text: &str, originals: &[Story]) -> Result<Story, StoryError> {
    let file = path.display().to_string();
    let translation: Translation = parse_as(&file, text)?;
    typed_as_written(&file, text, translation.meta.lang)?;
    let wanted = &translation.meta.translates;
    let Some(original) = originals.iter().find(|story| story.meta.id == *wanted) else {
        let rule = format!("no story file has the id {:?}", wanted.as_str());
        return Err(StoryError::single(path, "story.translates", rule));
    };
    let story = merge(original, &translation).map_err(|problems| StoryError { file: file.clone(), problems })?;
    check(&file, story, "")
}

/// Parses story text into the model, checking its shape: fields, types and checked values, and
/// that no text types what the page sets itself ([`typed_as_written`]).
pub fn parse(file: &str, text: &str) -> Result<Story, StoryError> {
    let story: Story = parse_as(file, text)?;
    typed_as_written(file, text, story.meta.lang)?;
    Ok(story)
}

/// Refuses a story file in `lang` whose text types a character its language's typesetting writes
/// otherwise, with the field and line of each: in Chinese a space between Chinese and Latin
/// letters or digits (the build sets that space itself: crate::typeset); in English a straight
/// apostrophe or quotation mark (an editor writes ’ and ‘ ’; a quotation of the review is marked
/// 「」 and set in “ ”).
fn typed_as_written(file: &str, text: &str, lang: Lang) -> Result<(), StoryError> {
    let table: toml::Table = parse_as(file, text)?;
    let mut problems = Vec::new();
    typed(text, "", &toml::Value::Table(table), lang, &mut problems);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(StoryError { file: file.to_owned(), problems })
    }
}

/// What `string` types that `lang`'s typesetting writes otherwise: the characters, and why.
fn mistyped(string: &str, lang: Lang) -> Vec<(String, String)> {
    let chars: Vec<char> = string.chars().collect();
    match lang {
        Lang::Zh => chars
            .windows(3)
            .filter(|w| w[1].is_whitespace() && ((is_han(w[0]) && is_latin(w[2])) || (is_latin(w[0]) && is_han(w[2]))))
            .map(|w| {
                let pair: String = w.iter().collect();
                let rule = format!(
                    "{pair:?} types a space between Chinese and Latin letters or digits: write them together \
                     (the page spaces them by a quarter em)"
                );
                (pair, rule)
            })
            .collect(),
        Lang::En => chars
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(c, '\'' | '"'))
            .map(|(i, _)| {
                let around: String = chars[i.saturating_sub(6)..(i + 7).min(chars.len())].iter().collect();
                let rule = format!(
                    "{around:?} types a straight {}: write ’ for an apostrophe, ‘ ’ around a quotation in a \
                     title, 「」 around the review's words",
                    if chars[i] == '"' { "quotation mark" } else { "apostrophe" }
                );
                (around, rule)
            })
            .collect(),
    }
}

/// Every string in `value` (at `path`) that types what `lang` writes otherwise, with its line in
/// `text`.
fn typed(text: &str, path: &str, value: &toml::Value, lang: Lang, problems: &mut Vec<Problem>) {
    match value {
        toml::Value::String(string) => {
            for (found, rule) in mistyped(string, lang) {
                // The value's own line when it is written as it reads (no escapes), else the first
                // line with what was found.
                let at = text.find(string.as_str()).or_else(|| text.find(&found));
                let line = at.map(|at| text[..at].matches('\n').count() + 1);
                problems.push(Problem { path: path.to_owned(), line, rule });
            }
        }
        toml::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                typed(text, &format!("{path}[{i}]"), item, lang, problems);
            }
        }
        toml::Value::Table(table) => {
            for (key, item) in table {
                let path = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                typed(text, &path, item, lang, problems);
            }
        }
        _ => {}
    }
}

/// Parses TOML text into `T`, reporting the path, line and reason of the first problem.
fn parse_as<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, StoryError> {
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
