//! The share image (Open Graph / Twitter card): 1200 × 630 pixels drawn at build time from the
//! story's own title and headline figures, so a preview can never disagree with the page.
//! Text is set in Noto Sans CJK SC from Debian's `fonts-noto-cjk`.

use ab_glyph::{Font, FontVec, PxScale, ScaleFont};

use crate::content::model::Story;
use crate::ui;
use crate::wrap::wrap;

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

/// The regular and bold faces the image is set in.
pub struct Fonts {
    regular: FontVec,
    bold: FontVec,
}

impl Fonts {
    /// Loads Noto Sans CJK SC from `FONT_DIR` (or Debian's folder), or says how to install it.
    pub fn load() -> Result<Fonts, String> {
        let dir = std::env::var("FONT_DIR").unwrap_or_else(|_| FONT_DIR.to_owned());
        let face = |file: &str| -> Result<FontVec, String> {
            let path = std::path::Path::new(&dir).join(file);
            let data = std::fs::read(&path)
                .map_err(|e| format!("{}: {e} (install Debian's fonts-noto-cjk, or set FONT_DIR)", path.display()))?;
            let index = simplified_chinese_face(&data)
                .ok_or_else(|| format!("{}: no Noto Sans CJK SC face", path.display()))?;
            FontVec::try_from_vec_and_index(data, index).map_err(|e| format!("{}: {e}", path.display()))
        };
        Ok(Fonts { regular: face("NotoSansCJK-Regular.ttc")?, bold: face("NotoSansCJK-Bold.ttc")? })
    }
}

/// The index of the Simplified Chinese face in a Noto CJK collection: its glyph shapes are the
/// ones mainland readers expect.
fn simplified_chinese_face(data: &[u8]) -> Option<u32> {
    (0..ttf_parser::fonts_in_collection(data).unwrap_or(1)).find(|&index| {
        ttf_parser::Face::parse(data, index).is_ok_and(|face| {
            face.names().into_iter().any(|name| name.to_string().is_some_and(|n| n.ends_with("CJK SC")))
        })
    })
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

    /// Sets `text` with its baseline at `y`, starting at `x`; returns the width it took.
    fn text(&mut self, font: &FontVec, size: f32, text: &str, x: f32, y: f32, colour: [u8; 3]) -> f32 {
        let scaled = font.as_scaled(PxScale::from(size));
        let mut pen = x;
        for c in text.chars() {
            let mut glyph = scaled.scaled_glyph(c);
            glyph.position = ab_glyph::point(pen, y);
            pen += scaled.h_advance(glyph.id);
            if let Some(outline) = font.outline_glyph(glyph) {
                let bounds = outline.px_bounds();
                outline.draw(|gx, gy, coverage| {
                    self.blend(bounds.min.x as i32 + gx as i32, bounds.min.y as i32 + gy as i32, colour, coverage)
                });
            }
        }
        pen - x
    }
}

/// The width `text` takes at `size`.
fn measure(font: &FontVec, size: f32, text: &str) -> f32 {
    let scaled = font.as_scaled(PxScale::from(size));
    text.chars().map(|c| scaled.h_advance(scaled.glyph_id(c))).sum()
}

/// The share image of `story`, as PNG bytes.
pub fn render(story: &Story, fonts: &Fonts) -> Vec<u8> {
    let mut image = Image::new();
    let meta = &story.meta;
    let inner = WIDTH as f32 - 2.0 * MARGIN;
    image.fill(0.0, 0.0, WIDTH as f32, 14.0, ACCENT);
    let title = wrap(&meta.title, f64::from(inner), 2, |t| f64::from(measure(&fonts.bold, 56.0, t)));
    // The figures sit a fixed distance under the title, however many lines it took.
    let figures_y = 128.0 + 74.0 * (title.len().max(1) - 1) as f32 + 210.0;
    for (i, line) in title.iter().enumerate() {
        image.text(&fonts.bold, 56.0, line, MARGIN, 128.0 + 74.0 * i as f32, INK);
    }
    let figures: Vec<_> = meta.headline.iter().filter_map(|id| story.indicator(id)).collect();
    let column = inner / figures.len().max(1) as f32;
    for (i, indicator) in figures.iter().enumerate() {
        let x = MARGIN + column * i as f32;
        let figure = ui::figure(meta.lang, indicator);
        let size = (84.0_f32).min(84.0 * (column - 24.0) / measure(&fonts.bold, 84.0, &figure).max(1.0));
        image.text(&fonts.bold, size, &figure, x, figures_y, ACCENT);
        for (j, line) in
            wrap(&indicator.label, f64::from(column - 24.0), 2, |t| f64::from(measure(&fonts.regular, 28.0, t)))
                .iter()
                .enumerate()
        {
            image.text(&fonts.regular, 28.0, line, x, figures_y + 54.0 + 38.0 * j as f32, INK);
        }
    }
    let words = ui::labels(meta.lang);
    // Publisher and date, never cut off: the article's long title is on the page itself.
    let credit = format!(
        "{}{}{}{}{} {}",
        words.source,
        words.colon,
        meta.source.publisher,
        words.comma,
        words.published,
        ui::date(meta.lang, &meta.source.date)
    );
    let credit = wrap(&credit, f64::from(inner), 1, |t| f64::from(measure(&fonts.regular, 22.0, t)));
    image.text(&fonts.regular, 22.0, &credit[0], MARGIN, 586.0, SOFT);
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

    #[test]
    fn the_image_is_a_png_of_the_card_size_when_the_font_is_there() {
        let Ok(fonts) = Fonts::load() else {
            panic!("the share image needs fonts-noto-cjk (scripts/setup.sh installs it)");
        };
        let png = render(&crate::stories::story_or_first(None), &fonts);
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let reader = decoder.read_info().unwrap();
        assert_eq!((reader.info().width, reader.info().height), (WIDTH, HEIGHT));
    }
}
