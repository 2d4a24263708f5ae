//! The words of the page itself (not of the story) in each language, and the ways each language
//! writes dates and bounds. One table per language keeps every string of the interface in one place.

use crate::content::model::{Bound, Indicator, IsoDate, Kind, Lang, Story};
use crate::format;

/// The interface's words in one language.
#[derive(Debug, PartialEq, Eq)]
pub struct Labels {
    /// The skip link to the main content.
    pub skip_to_content: &'static str,
    /// The chapter navigator's accessible name.
    pub chapters: &'static str,
    /// Introduces the source credit.
    pub source: &'static str,
    /// Before the date of publication.
    pub published: &'static str,
    /// Introduces an indicator's period.
    pub period: &'static str,
    /// Introduces an indicator's comparison basis.
    pub basis: &'static str,
    /// Introduces the source's own wording of a figure.
    pub as_written: &'static str,
    /// Introduces a chapter's heading in the source.
    pub original_heading: &'static str,
    /// The headline figures' accessible name.
    pub key_figures: &'static str,
    /// The summary of a chart's data table.
    pub data_table: &'static str,
    /// How to explore a chart from the keyboard: its description, read with its name.
    pub chart_keys: &'static str,
    /// The control that plays a chart's figures as sound.
    pub listen: &'static str,
    /// The scale the sound is on (charts::sound), the control's description.
    pub sound_scale: &'static str,
    /// Announced for the rest the article does not give, as it is played (silence).
    pub sound_rest: &'static str,
    /// Column headings of a chart's data table.
    pub indicator: &'static str,
    /// Column heading for values.
    pub value: &'static str,
    /// A note that quotations are the source's words.
    pub quotes_note: &'static str,
    /// On a chart, over the span where a floor's true value lies.
    pub floor_note: &'static str,
    /// The navigator's button to the chapter before.
    pub previous_chapter: &'static str,
    /// The navigator's button to the chapter after.
    pub next_chapter: &'static str,
    /// The link from an embed to the full story.
    pub full_story: &'static str,
    /// Said to screen readers after a link that opens a new tab.
    pub new_tab: &'static str,
    /// Shown in an embed whose address names no chapter or block of the story.
    pub view_missing: &'static str,
    /// The summary of the embed-code control.
    pub embed: &'static str,
    /// The button at the end of a chapter that gives its embed code.
    pub embed_chapter: &'static str,
    /// The switch that stops every animation.
    pub stop_motion: &'static str,
    /// Column headings of the downloads (written by the build, so not in the WebAssembly): the
    /// unit, the figure as shown, its bound, what it was converted from.
    #[cfg(not(target_arch = "wasm32"))]
    pub unit: &'static str,
    /// See `unit`.
    #[cfg(not(target_arch = "wasm32"))]
    pub as_shown: &'static str,
    /// See `unit`.
    #[cfg(not(target_arch = "wasm32"))]
    pub bound: &'static str,
    /// See `unit`.
    #[cfg(not(target_arch = "wasm32"))]
    pub derived_from: &'static str,
    /// The downloads' column saying what a figure measures.
    #[cfg(not(target_arch = "wasm32"))]
    pub measures: &'static str,
    /// The unit of a rank, in the downloads.
    #[cfg(not(target_arch = "wasm32"))]
    pub rank: &'static str,
    /// The heading of the site's page for an address that names none (written by the build).
    #[cfg(not(target_arch = "wasm32"))]
    pub not_found_title: &'static str,
    /// What that page says happened, before the link to the story.
    #[cfg(not(target_arch = "wasm32"))]
    pub not_found: &'static str,
    /// Introduces the links to the figures as CSV and JSON.
    pub download: &'static str,
    /// The link that shares (or copies) the address of a chapter.
    pub share_chapter: &'static str,
    /// Said once a chapter's address is on the clipboard.
    pub link_copied: &'static str,
    /// Said when neither a share sheet nor the clipboard took the address: it is shown, selected.
    pub link_selected: &'static str,
    /// The accessible name of the field that shows a chapter's address.
    pub chapter_link: &'static str,
    /// Introduces the page's address on paper.
    pub this_page: &'static str,
    /// The quiet note shown when the interactive features cannot run.
    pub app_off: &'static str,
    /// What the embed-code control is for.
    pub embed_help: &'static str,
    /// The label of the choice of what to embed.
    pub embed_what: &'static str,
    /// The choice of the whole story.
    pub whole_story: &'static str,
    /// The group of chapter choices.
    pub chapters_group: &'static str,
    /// The group of chart choices.
    pub charts_group: &'static str,
    /// The group of figure-card choices.
    pub figures_group: &'static str,
    /// The label of the choice of colours.
    pub embed_theme: &'static str,
    /// The light colours, the embed's default.
    pub theme_light: &'static str,
    /// The dark colours.
    pub theme_dark: &'static str,
    /// The reader's own setting.
    pub theme_auto: &'static str,
    /// The name of the story's figures as a dataset (structured data), after the story's title.
    pub dataset_name: &'static str,
    /// What the dataset holds.
    pub dataset_description: &'static str,
    /// The label of the choice of the kind of page the code is for.
    pub embed_format: &'static str,
    /// An ordinary web page.
    pub format_html: &'static str,
    /// An AMP page.
    pub format_amp: &'static str,
    /// The button an AMP page shows when a frame's content is taller than AMP let it grow.
    pub show_all: &'static str,
    /// The label of the code to paste.
    pub embed_code: &'static str,
    /// The copy button.
    pub copy: &'static str,
    /// Said once the code is on the clipboard.
    pub copied: &'static str,
    /// Said when the clipboard refused the code.
    pub copy_failed: &'static str,
    /// The link to the page that shows the story embedded in a sample article.
    pub embed_preview: &'static str,
    /// Introduces a figure the edition converted: what the source wrote.
    pub converted: &'static str,
    /// Introduces the article's title in its own language.
    pub original_title: &'static str,
    /// The name of this language, in itself, for the language switch ("中文", "English").
    pub language_name: &'static str,
    /// The same, short enough for the navigator ("中文", "EN").
    pub language_short: &'static str,
    /// Punctuation: after a lead-in ("：", ": ").
    pub colon: &'static str,
    /// Between a publisher and the title of its work (none in Chinese, ", " in English).
    pub publisher_gap: &'static str,
    /// Between "published" and the date: none in Chinese, where the page spaces Han characters from
    /// digits itself (crate::typeset), a space in English.
    pub date_gap: &'static str,
    /// Punctuation: between clauses ("，", ", ").
    pub comma: &'static str,
    /// Punctuation: the end of a sentence ("。", ".").
    pub stop: &'static str,
    /// Punctuation: around the title of a work ("《", "“").
    pub title_open: &'static str,
    /// Punctuation: around the title of a work ("》", "”").
    pub title_close: &'static str,
    /// Punctuation: before an attribution ("——", "— ").
    pub dash: &'static str,
}

const ZH: Labels = Labels {
    skip_to_content: "跳到正文",
    chapters: "章节",
    source: "资料来源",
    published: "发布于",
    period: "时期",
    basis: "口径",
    as_written: "原文",
    original_heading: "原文小标题",
    key_figures: "主要数字",
    data_table: "查看数据表",
    chart_keys: "图表可用方向键逐项查看数据，Home、End跳到首项、末项，Enter键固定说明，Esc键关闭说明。",
    listen: "听数据",
    sound_scale: "依次播放图中各项数据：音越高，数值越大。零为220赫兹，图表的总量（比例以100%为总量）高两个八度，为880赫兹。只给出下限的数字，音在末尾上扬；原文没有给出的部分为静音。再按一次停止。",
    sound_rest: "其余部分原文没有给出（静音）",
    indicator: "指标",
    value: "数值",
    quotes_note: "文中带引号的文字均引自该综述原文。数字均来自原文，未作推算。",
    floor_note: "确切比例在此区间内，原文未给出",
    previous_chapter: "上一章",
    next_chapter: "下一章",
    full_story: "阅读完整数据故事",
    new_tab: "（在新标签页打开）",
    view_missing: "这个嵌入地址要显示的章节或图表不存在，可能已经改名或删除。",
    embed: "嵌入本故事",
    embed_chapter: "嵌入本章",
    stop_motion: "停止动画",
    #[cfg(not(target_arch = "wasm32"))]
    unit: "单位",
    #[cfg(not(target_arch = "wasm32"))]
    as_shown: "页面显示",
    #[cfg(not(target_arch = "wasm32"))]
    bound: "下限",
    #[cfg(not(target_arch = "wasm32"))]
    derived_from: "换算自",
    #[cfg(not(target_arch = "wasm32"))]
    measures: "含义",
    #[cfg(not(target_arch = "wasm32"))]
    rank: "位",
    #[cfg(not(target_arch = "wasm32"))]
    not_found_title: "找不到这个页面",
    #[cfg(not(target_arch = "wasm32"))]
    not_found: "这个地址上没有页面，可能是地址输错了，也可能页面已经移走。数据故事在这里：",
    download: "下载全部数字",
    share_chapter: "分享本章",
    link_copied: "本章链接已复制",
    link_selected: "无法自动复制：链接已选中，请手动复制",
    chapter_link: "本章链接",
    this_page: "本页地址",
    app_off: "互动功能未能启动；故事全文、所有数字和图表数据表照常可读。",
    embed_help: "把下面的代码粘贴到网页中。框架的高度会随内容自动调整，在手机上也一样。",
    embed_what: "嵌入哪一部分",
    whole_story: "整个故事",
    chapters_group: "章节",
    charts_group: "图表",
    figures_group: "数字",
    embed_theme: "配色",
    theme_light: "浅色（默认，适合大多数网页）",
    theme_dark: "深色",
    theme_auto: "跟随读者的系统设置",
    dataset_name: "：文中全部数字",
    dataset_description: "本数据故事所用的全部数字，各附原文所载的单位、时期和口径。",
    embed_format: "网页类型",
    format_html: "普通网页（HTML）",
    format_amp: "AMP 网页",
    show_all: "展开全部",
    embed_code: "嵌入代码",
    copy: "复制代码",
    copied: "已复制到剪贴板",
    copy_failed: "无法自动复制：代码已选中，请手动复制",
    embed_preview: "查看嵌入示例页",
    converted: "",
    original_title: "",
    language_name: "中文",
    language_short: "中文",
    colon: "：",
    publisher_gap: "",
    date_gap: "",
    comma: "，",
    stop: "。",
    title_open: "《",
    title_close: "》",
    dash: "——",
};

const EN: Labels = Labels {
    skip_to_content: "Skip to the story",
    chapters: "Chapters",
    source: "Source",
    published: "published",
    period: "Period",
    basis: "Basis",
    as_written: "The review’s words, translated",
    original_heading: "The review’s heading, translated",
    key_figures: "Key figures",
    data_table: "Show the data",
    chart_keys: "Use the arrow keys to go through the chart’s figures, Home and End for the first and last, Enter to keep a figure’s details open and Escape to close them.",
    listen: "Listen",
    sound_scale: "Plays the chart’s figures in turn: the higher the note, the larger the figure, from 220 Hz for zero to 880 Hz, two octaves up, for the chart’s whole (100% for a share). A figure given only as a floor rises at its end; what the article does not give is silence. Press again to stop.",
    sound_rest: "The rest is not given in the article (silence)",
    indicator: "Indicator",
    value: "Value",
    quotes_note: "Words in quotation marks are our translations of the review’s own words. Every figure comes from \
                  it; amounts the review gives in units of 10,000 or 100 million are converted by moving the decimal \
                  point, never rounded, and say so.",
    floor_note: "The exact share lies here; the review does not say where",
    previous_chapter: "Previous chapter",
    next_chapter: "Next chapter",
    full_story: "Read the full story",
    new_tab: " (opens in a new tab)",
    view_missing:
        "This embed asks for a chapter or chart the story does not have; it may have been renamed or removed.",
    embed: "Embed this story",
    embed_chapter: "Embed this chapter",
    stop_motion: "Stop animations",
    #[cfg(not(target_arch = "wasm32"))]
    unit: "Unit",
    #[cfg(not(target_arch = "wasm32"))]
    as_shown: "As shown",
    #[cfg(not(target_arch = "wasm32"))]
    bound: "Bound",
    #[cfg(not(target_arch = "wasm32"))]
    derived_from: "Derived from",
    #[cfg(not(target_arch = "wasm32"))]
    measures: "What it measures",
    #[cfg(not(target_arch = "wasm32"))]
    rank: "rank",
    #[cfg(not(target_arch = "wasm32"))]
    not_found_title: "Page not found",
    #[cfg(not(target_arch = "wasm32"))]
    not_found: "There is no page at this address: it may have been mistyped, or the page may have moved. The story \
                is here:",
    download: "Download every figure",
    share_chapter: "Share this chapter",
    link_copied: "Link to this chapter copied",
    link_selected: "Could not copy automatically: the link is selected, copy it from here",
    chapter_link: "Link to this chapter",
    this_page: "This story online",
    app_off: "The interactive features could not start; the whole story, every figure and every chart’s data are here to read.",
    embed_help: "Paste this code into your page. The frame keeps to the height of its content, on phones too.",
    embed_what: "What to embed",
    whole_story: "The whole story",
    chapters_group: "Chapters",
    charts_group: "Charts",
    figures_group: "Figures",
    embed_theme: "Colours",
    theme_light: "Light (the default, for most pages)",
    theme_dark: "Dark",
    theme_auto: "Follow the reader’s setting",
    dataset_name: ": every figure",
    dataset_description: "Every figure this data story shows, each with its unit, period and basis as its source states them.",
    embed_format: "For a page in",
    format_html: "HTML (any web page)",
    format_amp: "AMP",
    show_all: "Show all",
    embed_code: "Embed code",
    copy: "Copy the code",
    copied: "Copied to the clipboard",
    copy_failed: "Could not copy automatically: the code is selected, copy it from here",
    embed_preview: "See it embedded in a sample page",
    converted: "Converted from the review’s",
    original_title: "in Chinese",
    language_name: "English",
    language_short: "EN",
    colon: ": ",
    publisher_gap: ", ",
    date_gap: " ",
    comma: ", ",
    stop: ".",
    title_open: "“",
    title_close: "”",
    dash: "— ",
};

/// The interface's words for `lang`.
pub fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// A number as readers of `lang` write it, at exactly `precision` decimals: English groups
/// thousands ("650,000"); Chinese figures are written without grouping, as the source writes them.
pub fn number(lang: Lang, value: f64, precision: u8) -> String {
    let fixed = format::fixed(value, precision);
    match lang {
        Lang::Zh => fixed,
        Lang::En => format::grouped(&fixed),
    }
}

/// A part of the story named under the story's own title ("抚顺的上半年：…", "Fushun's first
/// half: …"), as a share sheet or an embed's iframe names a chapter or a chart.
pub fn part_title(story: &Story, part: &str) -> String {
    format!("{}{}{part}", story.meta.title, labels(story.meta.lang).colon)
}

/// A sequence's step named for a screen reader: "第2步，共4步", "Step 2 of 4".
pub fn step_name(lang: Lang, step: usize, of: usize) -> String {
    match lang {
        Lang::Zh => format!("第{step}步，共{of}步"),
        Lang::En => format!("Step {step} of {of}"),
    }
}

/// The words written before and after a number to say it is exact or a floor: "40%以上", "at
/// least 40%". 以上 includes its bound, and so does "at least"; every surface that writes a floor
/// (card, prose, chart, table, downloads, share image) uses these words, and the build refuses a
/// story text that writes a floor's figure without them.
pub fn bound_words(lang: Lang, bound: Bound) -> (&'static str, &'static str) {
    match (lang, bound) {
        (_, Bound::Exact) => ("", ""),
        (Lang::Zh, Bound::AtLeast) => ("", "以上"),
        (Lang::En, Bound::AtLeast) => ("at least ", ""),
    }
}

/// The words a figure's number stands between: a floor's words, a rank's (第3位; in English the
/// ordinal suffix is the unit, "3rd") and the unit. Every surface writes a figure with these.
pub fn affixes(lang: Lang, indicator: &Indicator) -> (String, String) {
    let (floor_before, floor_after) = bound_words(lang, indicator.bound);
    let rank = if indicator.kind == Kind::Rank && lang == Lang::Zh { "第" } else { "" };
    (format!("{floor_before}{rank}"), format!("{}{floor_after}", indicator.unit))
}

/// A figure's words around its number, split where a line may break: words set apart by a space
/// ("at least", "tonnes", "billion yuan") may go to another line, whole; words set against the
/// number ("%", "以上", "第", "位", "rd") never leave it.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct FigureWords {
    /// Before the number, a space between ("at least").
    pub apart_before: String,
    /// Against the number, before it ("第").
    pub joined_before: String,
    /// Against the number, after it ("%", "%以上", "位", "rd").
    pub joined_after: String,
    /// After the number, a space between ("tonnes", "billion yuan").
    pub apart_after: String,
}

/// The words of `figure`, split as [`FigureWords`] says.
pub fn figure_words(lang: Lang, indicator: &Indicator) -> FigureWords {
    let (before, after) = affixes(lang, indicator);
    let (apart_before, joined_before) = before.rsplit_once(' ').unwrap_or(("", &before));
    let (joined_after, apart_after) = after.split_once(' ').unwrap_or((&after, ""));
    FigureWords {
        apart_before: apart_before.to_owned(),
        joined_before: joined_before.to_owned(),
        joined_after: joined_after.to_owned(),
        apart_after: apart_after.to_owned(),
    }
}

/// A figure written for reading: "92.1%", "40%以上", "at least 40%", "第3位", "3rd".
pub fn figure(lang: Lang, indicator: &Indicator) -> String {
    let (before, after) = affixes(lang, indicator);
    format!("{before}{}{after}", number(lang, indicator.value, indicator.precision))
}

/// A date as readers of `lang` write it: "2023年7月25日", "25 July 2023".
pub fn date(lang: Lang, date: &IsoDate) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let (year, month, day) = date.parts();
    match lang {
        Lang::Zh => format!("{year}年{month}月{day}日"),
        Lang::En => format!("{day} {} {year}", MONTHS[usize::from(month.clamp(1, 12)) - 1]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str) -> IsoDate {
        IsoDate::try_from(text.to_owned()).unwrap()
    }

    #[test]
    fn dates_are_written_as_each_language_writes_them() {
        assert_eq!(date(Lang::Zh, &iso("2023-07-25")), "2023年7月25日");
        assert_eq!(date(Lang::En, &iso("2023-07-25")), "25 July 2023");
    }

    #[test]
    fn a_lower_bound_reads_naturally_in_both_languages() {
        assert_eq!(bound_words(Lang::Zh, Bound::AtLeast), ("", "以上"));
        assert_eq!(bound_words(Lang::En, Bound::AtLeast), ("at least ", ""));
        assert_eq!(bound_words(Lang::Zh, Bound::Exact), ("", ""));
    }
}
