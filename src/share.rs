//! The share image (Open Graph / Twitter card): 1200 × 630 pixels drawn at build time from the
//! story's own title and headline figures, so a preview can never disagree with the page.
//! Text is set in Noto Sans CJK from Debian's `fonts-noto-cjk`, as the page sets it: a Han character
//! a quarter em from a Latin letter or a digit, and English in Latin widths.

use ab_glyph::{Font, FontVec, PxScale, ScaleFont};

use crate::content::model::{Lang, Story};
use crate::content::script::{is_han, is_latin};
use crate::ui;
use crate::wrap::{is_wide, wrap};

/// The image's size: the 1.91:1 that Open Graph and Twitter cards expect.
pub const WIDTH: u32 = 1200;
/// See [`WIDTH`].
pub const HEIGHT: u32 = 630;

const PAPER: [u8; 3] = [0xfd, 0xfc, 0xf8];
const INK: [u8; 3] = [0x1b, 0x1b, 0x1b];
const SOFT: [u8; 3] = [0x4a, 0x4a, 0x4a];
const ACCENT: [u8; 3] = [0x9e, 0x2a, 0x1f];
const MARGIN: f32 = 72.0;

/// Where Debian puts the font; `FONT_DIR` overrides it.
const FONT_DIR: &str = "/usr/share/fonts/opentype/noto";

/// The faces the image is set in, regular and bold.
pub struct Fonts {
    regular: Faces,
    bold: Faces,
}

/// One weight's faces, from one Noto Sans CJK collection: the Simplified Chinese face, whose glyph
/// shapes mainland readers expect, and the Japanese face, whose Latin letters are the same but
/// whose quotation marks and apostrophes are Latin-width (0.325 em, where the Chinese face sets
/// them a full em: "Fushun’ s"). An English image is set in the second but for its Chinese
/// characters, as a browser sets the English page: a Latin face first, a Chinese one after it.
struct Faces {
    chinese: FontVec,
    latin: FontVec,
}

impl Fonts {
    /// Loads Noto Sans CJK from `FONT_DIR` (or Debian's folder), or says how to install it.
    pub fn load() -> Result<Fonts, String> {
        let dir = std::env::var("FONT_DIR").unwrap_or_else(|_| FONT_DIR.to_owned());
        let faces = |file: &str| -> Result<Faces, String> {
            let path = std::path::Path::new(&dir).join(file);
            let data = std::fs::read(&path)
                .map_err(|e| format!("{}: {e} (install Debian's fonts-noto-cjk, or set FONT_DIR)", path.display()))?;
            let face = |name: &str| {
                let index =
                    face_named(&data, name).ok_or_else(|| format!("{}: no Noto Sans {name} face", path.display()))?;
                FontVec::try_from_vec_and_index(data.clone(), index).map_err(|e| format!("{}: {e}", path.display()))
            };
            Ok(Faces { chinese: face("CJK SC")?, latin: face("CJK JP")? })
        };
        Ok(Fonts { regular: faces("NotoSansCJK-Regular.ttc")?, bold: faces("NotoSansCJK-Bold.ttc")? })
    }
}

/// The index of the face of a Noto CJK collection whose name ends in `name` ("CJK SC").
fn face_named(data: &[u8], name: &str) -> Option<u32> {
    (0..ttf_parser::fonts_in_collection(data).unwrap_or(1)).find(|&index| {
        ttf_parser::Face::parse(data, index).is_ok_and(|face| {
            face.names().into_iter().any(|entry| entry.to_string().is_some_and(|n| n.ends_with(name)))
        })
    })
}

/// Type to set text in: a weight's faces at a size, for an edition.
struct Type<'a> {
    faces: &'a Faces,
    size: f32,
    lang: Lang,
}

impl<'a> Type<'a> {
    /// Each character of `text` with the face it is set in and where it starts, and the width
    /// the whole takes. A Han character and a Latin letter or digit side by side are a quarter em
    /// apart, as the page spaces them (crate::typeset); no space is typed between them.
    fn set(&self, text: &str) -> (Vec<(&FontVec, char, f32)>, f32) {
        let mut pen = 0.0;
        let mut set = Vec::new();
        let mut before: Option<char> = None;
        for c in text.chars() {
            if before.is_some_and(|b| (is_han(b) && is_latin(c)) || (is_latin(b) && is_han(c))) {
                pen += self.em() / 4.0;
            }
            let face = if self.lang == Lang::En && !is_wide(c) { &self.faces.latin } else { &self.faces.chinese };
            set.push((face, c, pen));
            let scaled = face.as_scaled(PxScale::from(self.size));
            pen += scaled.h_advance(scaled.glyph_id(c));
            before = Some(c);
        }
        (set, pen)
    }

    /// The em in pixels: `size` is, as ab_glyph takes it, the face's height from its ascender to
    /// its descender (1.448 em in Noto Sans CJK).
    fn em(&self) -> f32 {
        let face = &self.faces.chinese;
        face.as_scaled(PxScale::from(self.size)).h_scale_factor() * face.units_per_em().unwrap_or(1000.0)
    }

    /// The width `text` takes.
    fn width(&self, text: &str) -> f32 {
        self.set(text).1
    }

    /// [`Type::width`] as the wrap measures.
    fn measure(self) -> impl Fn(&str) -> f64 + 'a {
        move |text| f64::from(self.width(text))
    }
}

/// An RGB image being drawn.
struct Image {
    pixels: Vec<u8>,
}

impl Image {
    fn new() -> Self {
        Image { pixels: PAPER.repeat((WIDTH * HEIGHT) as usize) }
    }

    fn blend(&mut self, x: i32, y: i32, colour: [u8; 3], coverage: f32) {
        if x < 0 || y < 0 || x >= WIDTH as i32 || y >= HEIGHT as i32 {
            return;
        }
        let at = (y as usize * WIDTH as usize + x as usize) * 3;
        for (channel, &target) in colour.iter().enumerate() {
            let old = f32::from(self.pixels[at + channel]);
            self.pixels[at + channel] = (old + (f32::from(target) - old) * coverage.clamp(0.0, 1.0)).round() as u8;
        }
    }

    fn fill(&mut self, x: f32, y: f32, w: f32, h: f32, colour: [u8; 3]) {
        for row in y as i32..(y + h) as i32 {
            for column in x as i32..(x + w) as i32 {
                self.blend(column, row, colour, 1.0);
            }
        }
    }

    /// Sets `text` in `type_` with its baseline at `y`, starting at `x`.
    fn text(&mut self, type_: &Type, text: &str, x: f32, y: f32, colour: [u8; 3]) {
        for (face, c, at) in type_.set(text).0 {
            let glyph = face.as_scaled(PxScale::from(type_.size)).scaled_glyph(c);
            let glyph = ab_glyph::Glyph { position: ab_glyph::point(x + at, y), ..glyph };
            if let Some(outline) = face.outline_glyph(glyph) {
                let bounds = outline.px_bounds();
                outline.draw(|gx, gy, coverage| {
                    self.blend(bounds.min.x as i32 + gx as i32, bounds.min.y as i32 + gy as i32, colour, coverage)
                });
            }
        }
    }
}

/// What the card says, broken into its lines: the title, each headline figure with its size and
/// its label, and the credit.
struct Card {
    title: Vec<String>,
    figures: Vec<(String, f32, Vec<String>)>,
    credit: String,
}

const TITLE: f32 = 56.0;
const FIGURE: f32 = 84.0;
const LABEL: f32 = 28.0;
const CREDIT: f32 = 22.0;

/// The card of `story`, set to fit: the title in two lines, each label in three under its figure
/// (the longest English one takes three: "Growth in capital from outside Fushun actually received").
fn card(story: &Story, fonts: &Fonts) -> Card {
    let meta = &story.meta;
    let lang = meta.lang;
    let inner = WIDTH as f32 - 2.0 * MARGIN;
    let measure = |faces, size| Type { faces, size, lang }.measure();
    let title = wrap(&meta.title, f64::from(inner), 2, measure(&fonts.bold, TITLE));
    let shown: Vec<_> = meta.headline.iter().filter_map(|id| story.indicator(id)).collect();
    // A figure's column, less the gutter before the next.
    let room = inner / shown.len().max(1) as f32 - 24.0;
    let figures = shown
        .iter()
        .map(|indicator| {
            let figure = ui::figure(lang, indicator);
            let width = Type { faces: &fonts.bold, size: FIGURE, lang }.width(&figure).max(1.0);
            let label = wrap(&indicator.label, f64::from(room), 3, measure(&fonts.regular, LABEL));
            (figure, FIGURE.min(FIGURE * room / width), label)
        })
        .collect();
    let words = ui::labels(lang);
    // Publisher and date, never cut off: the article's long title is on the page itself.
    let credit = [
        words.source,
        words.colon,
        &meta.source.publisher,
        words.comma,
        words.published,
        words.date_gap,
        &ui::date(lang, &meta.source.date),
    ]
    .concat();
    let credit = wrap(&credit, f64::from(inner), 1, measure(&fonts.regular, CREDIT)).remove(0);
    Card { title, figures, credit }
}

/// The share image of `story`, as PNG bytes.
pub fn render(story: &Story, fonts: &Fonts) -> Vec<u8> {
    let lang = story.meta.lang;
    let card = card(story, fonts);
    let mut image = Image::new();
    let inner = WIDTH as f32 - 2.0 * MARGIN;
    image.fill(0.0, 0.0, WIDTH as f32, 14.0, ACCENT);
    // The figures sit a fixed distance under the title, however many lines it took.
    let figures_y = 128.0 + 74.0 * (card.title.len().max(1) - 1) as f32 + 210.0;
    for (i, line) in card.title.iter().enumerate() {
        let type_ = Type { faces: &fonts.bold, size: TITLE, lang };
        image.text(&type_, line, MARGIN, 128.0 + 74.0 * i as f32, INK);
    }
    let column = inner / card.figures.len().max(1) as f32;
    for (i, (figure, size, label)) in card.figures.iter().enumerate() {
        let x = MARGIN + column * i as f32;
        image.text(&Type { faces: &fonts.bold, size: *size, lang }, figure, x, figures_y, ACCENT);
        for (j, line) in label.iter().enumerate() {
            let type_ = Type { faces: &fonts.regular, size: LABEL, lang };
            image.text(&type_, line, x, figures_y + 54.0 + 38.0 * j as f32, INK);
        }
    }
    image.text(&Type { faces: &fonts.regular, size: CREDIT, lang }, &card.credit, MARGIN, 586.0, SOFT);
    encode(&image.pixels)
}

fn encode(pixels: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, WIDTH, HEIGHT);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::High);
    let mut writer = encoder.write_header().expect("writing to memory cannot fail");
    writer.write_image_data(pixels).expect("the image is WIDTH × HEIGHT RGB pixels");
    writer.finish().expect("writing to memory cannot fail");
    out
}

/// A file name that changes whenever the image does, so it can be cached for good:
/// `share-` and 16 hex digits of the bytes' FNV-1a hash, `.png`.
pub fn file_name(png: &[u8]) -> String {
    let hash = png
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3));
    format!("share-{hash:016x}.png")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_name_follows_the_content() {
        assert_eq!(file_name(b"a"), file_name(b"a"));
        assert_ne!(file_name(b"a"), file_name(b"b"));
        assert!(file_name(b"a").starts_with("share-") && file_name(b"a").len() == "share-.png".len() + 16);
    }

    fn fonts() -> Fonts {
        Fonts::load().unwrap_or_else(|e| panic!("the share image needs fonts-noto-cjk (scripts/setup.sh): {e}"))
    }

    #[test]
    fn english_takes_latin_quotation_marks_and_apostrophes_and_chinese_its_own() {
        let fonts = fonts();
        let english = Type { faces: &fonts.bold, size: 100.0, lang: Lang::En };
        let chinese = Type { faces: &fonts.bold, size: 100.0, lang: Lang::Zh };
        let em = chinese.em();
        assert!((em - 100.0 / 1.448).abs() < 0.1, "{em}");
        // Noto's Chinese face sets an apostrophe a full em ("Fushun’ s"); English takes a third of one.
        let apostrophe = english.width("Fushun’s") - english.width("Fushuns");
        assert!((0.25 * em..0.4 * em).contains(&apostrophe), "{apostrophe}");
        assert!((chinese.width("“") - em).abs() < 0.01, "Chinese sets its quotation marks a full em");
        assert!((english.width("Fushun") - chinese.width("Fushun")).abs() < 0.01, "the letters are the same");
        // A Chinese character in English is set in the Chinese face, as the page's type falls back.
        assert!(std::ptr::eq(english.set("抚").0[0].0, &fonts.bold.chinese));
        assert!(std::ptr::eq(english.set("a").0[0].0, &fonts.bold.latin));
    }

    #[test]
    fn a_han_character_and_a_figure_are_a_quarter_em_apart_as_on_the_page() {
        let fonts = fonts();
        let type_ = Type { faces: &fonts.regular, size: 40.0, lang: Lang::Zh };
        let apart = type_.width("于2023年") - ["于", "2023", "年"].map(|t| type_.width(t)).iter().sum::<f32>();
        assert!((apart - type_.em() / 2.0).abs() < 0.01, "two boundaries, a quarter em each: {apart}");
        let percent = type_.width("40%以上") - type_.width("40%") - type_.width("以上");
        assert!(percent.abs() < 0.01, "a percent sign is not spaced: {percent}");
    }

    #[test]
    fn every_line_of_the_card_is_whole_in_both_editions() {
        let fonts = fonts();
        let words = |text: &str| text.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        for (id, credit) in [
            ("fushun-2023h1", "资料来源：抚顺市人民政府，发布于2023年7月25日"),
            ("fushun-2023h1-en", "Source: Fushun Municipal People’s Government, published 25 July 2023"),
        ] {
            let story = crate::stories::story_or_first(Some(id));
            assert_eq!(story.meta.id.as_str(), id);
            let card = card(&story, &fonts);
            assert_eq!(words(&card.title.concat()), words(&story.meta.title), "{id}");
            for ((_, _, label), indicator) in card.figures.iter().zip(story.meta.headline.iter()) {
                let indicator = story.indicator(indicator).unwrap();
                assert_eq!(words(&label.concat()), words(&indicator.label), "{id}: {label:?}");
            }
            assert_eq!(card.figures.len(), story.meta.headline.len());
            assert_eq!(card.credit, credit);
        }
    }

    #[test]
    fn the_image_is_a_png_of_the_card_size_when_the_font_is_there() {
        let fonts = fonts();
        let png = render(&crate::stories::story_or_first(None), &fonts);
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let reader = decoder.read_info().unwrap();
        assert_eq!((reader.info().width, reader.info().height), (WIDTH, HEIGHT));
    }
}
