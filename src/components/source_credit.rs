//! The credit at the foot of the story: which article, who published it, when. The same line
//! heads the story and closes every embed, so it is written once here.

use yew::prelude::*;

use super::embed_view::embed_credit;
use super::use_story;
use crate::content::model::Story;
use crate::data::{self, Format};
use crate::islands::{island, Island};
use crate::ui::{self, labels};

/// The full source credit, a note on how quotations and figures are used, and the figures as CSV
/// and JSON (files the build writes beside the page); in an embed, the
/// embed's own credit line too (inside the footer, so it is in the page's contentinfo landmark).
#[component]
pub fn SourceCredit() -> Html {
    let story = use_story();
    let words = labels(story.meta.lang);
    html! {
        <footer class="credit">
            <p class="credit__source">{ source_line(&story) }{ words.stop }</p>
            { island(Island::Address { lang: story.meta.lang }) }
            <p>{ words.quotes_note }</p>
            <p class="downloads">
                { words.download }{ words.colon }
                <a href={data::file_name(&story, Format::Csv)} download="">{ "CSV" }</a>{ " · " }
                <a href={data::file_name(&story, Format::Json)} download="">{ "JSON" }</a>
            </p>
            { embed_credit(&story) }
        </footer>
    }
}

/// "资料来源：抚顺市人民政府《…》，发布于2023年7月25日", or "Source: Fushun Municipal People's
/// Government, “…” (in Chinese: 《…》), published 25 July 2023": a translation also gives the
/// article's own title, marked as Chinese.
pub fn source_line(story: &Story) -> Html {
    let lang = story.meta.lang;
    let words = labels(lang);
    let source = &story.meta.source;
    html! {
        <>
            { words.source }{ words.colon }{ &source.publisher }{ words.publisher_gap }
            { words.title_open }<cite>{ &source.title }</cite>{ words.title_close }
            if let Some(original) = &source.original_title {
                { " (" }{ words.original_title }{ words.colon }<span lang="zh-CN">{ "《" }{ original }{ "》" }</span>{ ")" }
            }
            { words.comma }{ words.published }{ words.date_gap }
            <time datetime={source.date.as_str().to_owned()}>{ ui::date(lang, &source.date) }</time>
        </>
    }
}
