//! Writing a checked story as Rust source, so the build can compile it into the app.
//!
//! The browser then starts with the story as ready-made data: no TOML or JSON parser in the
//! WebAssembly module, and no way for a broken story file to reach a reader.

use super::model::{Block, Bound, Chapter, Chart, ChartKind, Coverage, Indicator, IndicatorGroup, IsoDate, Kind, Lang};
use super::model::{Meta, MonthSpan, Notes, Paragraph, PullQuote, Sequence, Slug, Source, Step, Story, Typesetting};
use super::rich::{RichText, Span};

/// A value that can write itself as a Rust expression that rebuilds it.
pub trait Emit {
    /// Appends the expression to `out`.
    fn emit(&self, out: &mut String);
}

/// `value` as a Rust expression.
pub fn to_rust(value: &impl Emit) -> String {
    let mut out = String::new();
    value.emit(&mut out);
    out
}

impl Emit for String {
    fn emit(&self, out: &mut String) {
        // Debug formatting escapes exactly as a Rust string literal needs.
        out.push_str(&format!("String::from({self:?})"));
    }
}

impl Emit for f64 {
    fn emit(&self, out: &mut String) {
        out.push_str(&format!("{self:?}f64"));
    }
}

impl Emit for u8 {
    fn emit(&self, out: &mut String) {
        out.push_str(&format!("{self}u8"));
    }
}

impl<T: Emit> Emit for Vec<T> {
    fn emit(&self, out: &mut String) {
        out.push_str("vec![");
        for item in self {
            item.emit(out);
            out.push(',');
        }
        out.push(']');
    }
}

impl<T: Emit> Emit for Option<T> {
    fn emit(&self, out: &mut String) {
        match self {
            Some(value) => {
                out.push_str("Some(");
                value.emit(out);
                out.push(')');
            }
            None => out.push_str("None"),
        }
    }
}

/// Emits a struct literal field by field, or a one-field tuple struct.
macro_rules! emit_struct {
    ($($ty:ident { $($field:ident),* })*) => {$(
        impl Emit for $ty {
            fn emit(&self, out: &mut String) {
                out.push_str(concat!(stringify!($ty), " {"));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    self.$field.emit(out);
                    out.push(',');
                )*
                out.push('}');
            }
        }
    )*};
    ($($ty:ident ( 0 ))*) => {$(
        impl Emit for $ty {
            fn emit(&self, out: &mut String) {
                out.push_str(concat!(stringify!($ty), "("));
                self.0.emit(out);
                out.push(')');
            }
        }
    )*};
}

/// Emits a field-less enum by its variant name.
macro_rules! emit_unit_enum {
    ($($ty:ident)*) => {$(
        impl Emit for $ty {
            fn emit(&self, out: &mut String) {
                out.push_str(&format!(concat!(stringify!($ty), "::{:?}"), self));
            }
        }
    )*};
}

emit_struct! {
    Story { meta, indicators, intro, chapters, typesetting }
    Typesetting { words }
    Meta { id, lang, title, dek, headline, source, coverage, original }
    Coverage { period, place }
    Source { publisher, title, date, text, original_title }
    Chapter { id, nav, title, original, blocks }
    Paragraph { text }
    IndicatorGroup { ids }
    Chart { id, chart, title, caption, indicators }
    PullQuote { text, attribution }
    Notes { title, items }
    Sequence { id, steps }
    Step { text, chart }
}
emit_struct! { Slug(0) IsoDate(0) MonthSpan(0) RichText(0) }
emit_unit_enum! { Kind Bound ChartKind Lang }

/// By hand, because the generated source marks `measures` as native-only, as the model does.
impl Emit for Indicator {
    fn emit(&self, out: &mut String) {
        out.push_str("Indicator {");
        let fields: [(&str, &dyn Emit); 11] = [
            ("id", &self.id),
            ("label", &self.label),
            ("kind", &self.kind),
            ("value", &self.value),
            ("precision", &self.precision),
            ("unit", &self.unit),
            ("bound", &self.bound),
            ("period", &self.period),
            ("basis", &self.basis),
            ("quote", &self.quote),
            ("converted_from", &self.converted_from),
        ];
        for (name, value) in fields {
            out.push_str(name);
            out.push_str(": ");
            value.emit(out);
            out.push(',');
        }
        out.push_str("#[cfg(not(target_arch = \"wasm32\"))] measures: ");
        self.measures.emit(out);
        out.push('}');
    }
}

impl Emit for Block {
    fn emit(&self, out: &mut String) {
        let (variant, inner): (&str, &dyn Emit) = match self {
            Block::Paragraph(inner) => ("Paragraph", inner),
            Block::Indicators(inner) => ("Indicators", inner),
            Block::Chart(inner) => ("Chart", inner),
            Block::PullQuote(inner) => ("PullQuote", inner),
            Block::Notes(inner) => ("Notes", inner),
            Block::Sequence(inner) => ("Sequence", inner),
        };
        out.push_str(&format!("Block::{variant}("));
        inner.emit(out);
        out.push(')');
    }
}

impl Emit for Span {
    fn emit(&self, out: &mut String) {
        let (variant, text) = match self {
            Span::Text(text) => ("Text", text),
            Span::Emphasis(text) => ("Emphasis", text),
            Span::Quote(text) => ("Quote", text),
            Span::Hanzi(text) => ("Hanzi", text),
            Span::Link { text, href } => {
                out.push_str("Span::Link { text: ");
                text.emit(out);
                out.push_str(", href: ");
                href.emit(out);
                return out.push_str(" }");
            }
        };
        out.push_str(&format!("Span::{variant}("));
        text.emit(out);
        out.push(')');
    }
}
