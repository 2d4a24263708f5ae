//! The story's figures as data a reader can download: CSV for spreadsheets, JSON for code. Written
//! by the build next to each edition's page, in that edition's language, from the same indicators
//! the page shows, so the files cannot disagree with it.

use crate::content::model::Story;
#[cfg(not(target_arch = "wasm32"))]
use crate::content::model::{Bound, Indicator, Kind, Lang};
#[cfg(not(target_arch = "wasm32"))]
use crate::ui::labels;

/// The two formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values, UTF-8 with a byte-order mark so spreadsheets read the Chinese right.
    Csv,
    /// JSON.
    Json,
}

impl Format {
    /// `story`'s figures in this format.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn render(self, story: &Story) -> String {
        match self {
            Format::Csv => csv(story),
            Format::Json => json(story),
        }
    }

    /// The file's media type.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv",
            Format::Json => "application/json",
        }
    }

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }
}

/// The file the story's figures are published as, beside its page: `fushun-2023h1.csv`.
pub fn file_name(story: &Story, format: Format) -> String {
    format!("{}.{}", story.meta.id.as_str(), format.extension())
}

#[cfg(not(target_arch = "wasm32"))]
/// One indicator as the files give it.
struct Row<'a> {
    indicator: &'a Indicator,
    /// The number at its precision, without grouping, so spreadsheets read it as a number.
    value: String,
    /// The unit as a word ("亿元", "billion yuan", "rank").
    unit: String,
    /// The figure as the page writes it ("40%以上", "8.18 billion yuan", "3rd").
    written: String,
    /// "以上" or "at least" for a floor, the words the page writes it with; empty for an exact value.
    bound: String,
}

#[cfg(not(target_arch = "wasm32"))]
fn rows(story: &Story) -> impl Iterator<Item = Row<'_>> {
    let lang = story.meta.lang;
    story.indicators.iter().map(move |indicator| {
        let words = labels(lang);
        let unit = match (indicator.kind, lang) {
            (Kind::Rank, Lang::En) => words.rank.to_owned(),
            _ => indicator.unit.trim().to_owned(),
        };
        Row {
            indicator,
            value: crate::format::fixed(indicator.value, indicator.precision),
            unit,
            written: crate::ui::figure(lang, indicator),
            bound: bound_column(lang, indicator.bound),
        }
    })
}

#[cfg(not(target_arch = "wasm32"))]
/// A floor's words as the bound column gives them: the page's own words for it, without the figure.
fn bound_column(lang: Lang, bound: Bound) -> String {
    let (before, after) = crate::ui::bound_words(lang, bound);
    format!("{before}{after}").trim().to_owned()
}

#[cfg(not(target_arch = "wasm32"))]
/// Every indicator of `story` as CSV, headed in the story's language.
pub fn csv(story: &Story) -> String {
    let words = labels(story.meta.lang);
    let source = &story.meta.source;
    let header = [
        "id",
        words.indicator,
        words.value,
        words.unit,
        words.as_shown,
        words.bound,
        words.period,
        words.basis,
        words.derived_from,
        words.source,
        words.published,
        words.measures,
    ];
    let mut out = String::from("\u{feff}");
    push_csv_line(&mut out, &header);
    for row in rows(story) {
        let i = row.indicator;
        let derived = i.converted_from.as_deref().unwrap_or("");
        let date = source.date.as_str();
        let fields = [
            i.id.as_str(),
            &i.label,
            &row.value,
            &row.unit,
            &row.written,
            &row.bound,
            &i.period,
            &i.basis,
            derived,
            &source.publisher,
            date,
            &i.measures,
        ];
        push_csv_line(&mut out, &fields);
    }
    out
}

#[cfg(not(target_arch = "wasm32"))]
fn push_csv_line(out: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}

#[cfg(not(target_arch = "wasm32"))]
/// Every indicator of `story` as JSON: English keys, values in the story's language.
pub fn json(story: &Story) -> String {
    let meta = &story.meta;
    let source = &meta.source;
    let mut out = String::from("{\n");
    out.push_str(&format!("  \"story\": {},\n", string(meta.id.as_str())));
    out.push_str(&format!("  \"language\": {},\n", string(meta.lang.tag())));
    out.push_str(&format!("  \"title\": {},\n", string(&meta.title)));
    out.push_str(&format!(
        "  \"source\": {{ \"publisher\": {}, \"title\": {}, \"date\": {} }},\n",
        string(&source.publisher),
        string(&source.title),
        string(source.date.as_str())
    ));
    out.push_str("  \"indicators\": [");
    for (n, row) in rows(story).enumerate() {
        let i = row.indicator;
        out.push_str(if n == 0 { "\n" } else { ",\n" });
        let derived = i.converted_from.as_deref().map_or_else(|| "null".to_owned(), string);
        out.push_str(&format!(
            "    {{ \"id\": {}, \"label\": {}, \"measures\": {}, \"value\": {}, \"precision\": {}, \"unit\": {}, \
             \"as_shown\": {}, \"at_least\": {}, \"period\": {}, \"basis\": {}, \"derived_from\": {}, \"quote\": {} }}",
            string(i.id.as_str()),
            string(&i.label),
            string(&i.measures),
            row.value,
            i.precision,
            string(&row.unit),
            string(&row.written),
            i.bound == Bound::AtLeast,
            string(&i.period),
            string(&i.basis),
            derived,
            string(&i.quote),
        ));
    }
    out.push_str("\n  ]\n}\n");
    out
}

#[cfg(not(target_arch = "wasm32"))]
/// `text` as a JSON string literal; `<` is escaped too, so the same literal is safe inside an
/// HTML `<script>` element (the page's table of views).
pub fn string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(id: &str) -> Story {
        crate::stories::build(id).expect("compiled in")
    }

    #[test]
    fn the_csv_has_a_header_in_the_storys_language_and_a_row_per_indicator() {
        let zh = csv(&story("fushun-2023h1"));
        assert!(zh.starts_with('\u{feff}'), "a byte-order mark for spreadsheets");
        let lines: Vec<&str> = zh.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines.len(), 1 + story("fushun-2023h1").indicators.len());
        assert!(lines[0].starts_with("id,指标,数值,单位"), "{}", lines[0]);
        assert!(lines[0].ends_with(",发布于,含义"), "what a figure measures comes last: {}", lines[0]);
        assert!(lines.contains(&"fai-total,固定资产投资完成额,81.8,亿元,81.8亿元,,2023年上半年,累计完成额，不是增速,,抚顺市人民政府,2023-07-25,上半年全市完成的固定资产投资"), "{zh}");
        let en = csv(&story("fushun-2023h1-en"));
        assert!(en.contains("fai-total,Fixed-asset investment completed,8.18,billion yuan,8.18 billion yuan,,First half of 2023,\"A cumulative amount, not a growth rate\",81.8 × 100 million yuan,"), "{en}");
        assert!(
            en.contains("sanmu-capacity,Designed scale of the Sanmu Group project,650000,tonnes,\"650,000 tonnes\""),
            "{en}"
        );
        assert!(en.contains(",40,%,at least 40%,at least,"), "{en}");
    }

    #[test]
    fn csv_fields_with_commas_or_quotes_are_quoted() {
        let mut line = String::new();
        push_csv_line(&mut line, &["a", "b,c", "say \"hi\""]);
        assert_eq!(line, "a,\"b,c\",\"say \"\"hi\"\"\"\r\n");
    }

    #[test]
    fn json_strings_are_escaped() {
        assert_eq!(string("a\"b\\c\nd\u{1}"), "\"a\\\"b\\\\c\\nd\\u0001\"");
    }

    #[test]
    fn the_json_lists_every_indicator_with_its_number() {
        let en = json(&story("fushun-2023h1-en"));
        assert!(en.contains("\"language\": \"en\""));
        assert_eq!(en.matches("\"id\": ").count(), story("fushun-2023h1-en").indicators.len());
        assert!(en.contains("\"id\": \"fai-total\", \"label\": \"Fixed-asset investment completed\", \"measures\": \"The fixed-asset investment the city completed in the first half\", \"value\": 8.18, \"precision\": 2"), "{en}");
        assert!(en.contains("\"derived_from\": \"81.8 × 100 million yuan\""));
    }

    #[test]
    fn the_files_are_named_after_the_story() {
        assert_eq!(file_name(&story("fushun-2023h1-en"), Format::Csv), "fushun-2023h1-en.csv");
        assert_eq!(file_name(&story("fushun-2023h1"), Format::Json), "fushun-2023h1.json");
    }
}
