//! How a host serves the site: which headers go with which file. One table ([`Kind`], [`headers`])
//! that the build writes for the two kinds of host a newsroom has: `nginx.conf`, a fragment that
//! `deploy/nginx.conf`'s server block includes, and `_headers` (with `_redirects`), the files CDNs
//! such as Netlify and Cloudflare Pages read from the site's folder. All come from here, so they
//! cannot drift; a browser test holds what a real nginx sends to what `_headers` says.

use crate::view::View;

/// What a file of the site is, for its headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Named by its content's hash (`app-….js`, `app-…_bg.wasm`, `favicon-….svg`, `share-….png`):
    /// what is at that name never changes, so it is cached for good.
    Hashed,
    /// A page for another site's frame (`embed/…`, `en/embed/…`, `<story>/embed/…`): revalidated,
    /// and kept out of search results by header as by its `robots` tag.
    Frame,
    /// Everything else, the same name on every publish (the pages, `boot.js`, `embed.js`, the
    /// data files): revalidated on every use.
    Named,
}

/// The files of the build that only a host reads: served by none.
pub const HOST_FILES: [&str; 3] = ["nginx.conf", "_headers", "_redirects"];

/// A year: how long a hashed file may be kept.
const FOREVER: &str = "public, max-age=31536000, immutable";

/// The kind of the file at `path`, relative to the site's folder (`embed/projects.html`).
pub fn kind(path: &str) -> Kind {
    let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
    if is_hashed(name) {
        Kind::Hashed
    } else if folder == "embed" || folder.ends_with("/embed") {
        Kind::Frame
    } else {
        Kind::Named
    }
}

/// Whether `name` ends in a hash before its extension: `-` and 12 to 16 hex digits (Trunk writes
/// its 64-bit hashes without leading zeros, the share image all 16), the Wasm's with `_bg` after
/// it. The nginx pattern [`HASHED`], in Rust.
fn is_hashed(name: &str) -> bool {
    let Some((stem, extension)) = name.rsplit_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let hex = |c: char| c.is_ascii_digit() || ('a'..='f').contains(&c);
    !extension.is_empty()
        && extension.chars().all(|c| c.is_ascii_alphanumeric())
        && stem.rsplit_once('-').is_some_and(|(_, hash)| (12..=16).contains(&hash.len()) && hash.chars().all(hex))
}

/// [`is_hashed`] as an nginx location pattern.
const HASHED: &str = r"-[0-9a-f]{12,16}(_bg)?\.[a-z0-9]+$";
/// [`Kind::Frame`] as an nginx location pattern: a file in an `embed` folder, or the folder,
/// whose address up to the folder is `$frames` (`/en/embed/`).
const FRAME: &str = r"(?<frames>.*/embed/)[^/]*$";
/// An address whose last part has no extension, with or without a closing slash (`/en`, `/en/`,
/// `/story-2/`): the name of a page a reader may type for `en.html`, or a story's folder.
const BARE: &str = r"^(?<page>.*/[^/.]+)/?$";

/// An nginx pattern that always matches, setting `$story` to the folder of the story an address is
/// in: one of `folders` (`engine-fixture`, where the build publishes each story but the first), as
/// `/engine-fixture/`, else the site's own, `/`.
fn story_pattern(folders: &[&str]) -> String {
    let names: Vec<String> = folders.iter().map(|folder| regex_escape(folder)).collect();
    match names.is_empty() {
        true => "^(?<story>/)".to_owned(),
        false => format!("^(?<story>/(({})/)?)", names.join("|")),
    }
}

/// `text` with every character a regular expression reads as a mark escaped.
fn regex_escape(text: &str) -> String {
    text.chars().fold(String::new(), |mut out, c| {
        if r"\.+*?()|[]{}^$".contains(c) {
            out.push('\\');
        }
        out.push(c);
        out
    })
}

/// The headers every response of the site carries, under the build's Content-Security-Policy
/// `policy`, and then those of a file of `kind`. No `X-Frame-Options`: it would forbid the framing
/// the policy's `frame-ancestors` allows.
pub fn headers(kind: Kind, policy: &str) -> Vec<(&'static str, String)> {
    let mut all = vec![
        ("Content-Security-Policy", policy.to_owned()),
        ("X-Content-Type-Options", "nosniff".to_owned()),
        ("Referrer-Policy", "strict-origin-when-cross-origin".to_owned()),
    ];
    all.extend(own_headers(kind));
    all
}

/// The headers that differ by kind.
fn own_headers(kind: Kind) -> Vec<(&'static str, String)> {
    match kind {
        Kind::Hashed => vec![("Cache-Control", FOREVER.to_owned())],
        Kind::Frame => vec![("Cache-Control", "no-cache".to_owned()), ("X-Robots-Tag", "noindex".to_owned())],
        Kind::Named => vec![("Cache-Control", "no-cache".to_owned())],
    }
}

/// The nginx fragment: for a `server` block whose `root` is the site's folder (deploy/nginx.conf),
/// whose stories other than the first are each published in one of `folders`.
/// The precompressed `.br` and `.gz` siblings the build wrote are sent as they are to a browser
/// that accepts them; each kind of file gets its headers by the pattern of its address, so the
/// site works at any path. (nginx's `add_header` in a `location` drops the ones of the level
/// above, so each location says all of its own.)
pub fn nginx(policy: &str, folders: &[&str]) -> String {
    let location = |pattern: &str, kind: Kind, more: &str| {
        let lines: String = headers(kind, policy)
            .iter()
            .map(|(name, value)| format!("    add_header {name} \"{}\" always;\n", value.replace('"', "\\\"")))
            .collect();
        format!("location {pattern} {{\n{more}{lines}}}\n")
    };
    let hidden = HOST_FILES.map(|name| name.replace('.', r"\.")).join("|");
    [
        "# Written by the build (src/deploy.rs) for deploy/nginx.conf's server block. Do not edit: build again.\n"
            .to_owned(),
        "brotli_static on;\ngzip_static on;\ngzip_vary on;\ncharset utf-8;\n".to_owned(),
        "charset_types text/css text/plain text/csv text/javascript application/javascript application/json image/svg+xml;\n"
            .to_owned(),
        // An address that names no file gets its story's page saying so (src/not_found.rs): the
        // one in the folder of the story the address is in, else the site's own; as a 404, with
        // a page's headers (`@not_found`), never those of the address asked for, so a hashed file
        // missing for a moment (pages copied before the engine) is not cached for a year.
        format!("if ($uri ~ \"{}\") {{}}\nerror_page 404 @not_found;\n", story_pattern(folders)),
        format!("location ~ \"/({hidden})$\" {{\n    return 404;\n}}\n"),
        location(&format!("~ \"{HASHED}\""), Kind::Hashed, ""),
        // A frame's page is served by its name too (`embed/projects`, as a CDN that drops `.html`
        // shows it, and a producer may have copied it from there). An address that names no page
        // (a part renamed or removed since a site pasted it) gets its folder's notice of a
        // missing part, in its edition, as a 404: the frame shows what happened and takes the
        // notice's height, not a server's error page.
        location(
            &format!("~ \"{FRAME}\""),
            Kind::Frame,
            &format!("    try_files $uri $uri.html $uri/ =404;\n    error_page 404 ${{frames}}{NOT_FOUND};\n"),
        ),
        // nginx's own types have no CSV; a `types` block replaces them all, so only here.
        location(r#"~ "\.csv$""#, Kind::Named, "    types { text/csv csv; }\n"),
        // `/en` or `/en/` is the page `en.html` where there is one: sent there, with its query,
        // by a relative address (right behind a proxy that ends TLS too); otherwise served as
        // asked (a story's folder gets its index.html, an unknown name a 404).
        location(
            &format!("~ \"{BARE}\""),
            Kind::Named,
            "    absolute_redirect off;\n    if (-f $document_root$page.html) {\n        return 301 $page.html$is_args$args;\n    }\n",
        ),
        location("/", Kind::Named, ""),
        location("@not_found", Kind::Named, &format!("    try_files ${{story}}{NOT_FOUND} /{NOT_FOUND} =404;\n")),
    ]
    .concat()
}

/// The name hosts give a folder's page for an address it does not hold: Cloudflare Pages sends the
/// nearest one up the address's folders (then, with none at the top, the site's `index.html`),
/// Netlify the top one, and others as `_redirects` says ([`cdn_redirects`]); nginx is told which
/// ([`nginx`]). A story's folder has one (src/not_found.rs), and so has each folder of frames'
/// pages ([`not_found_page`]).
pub const NOT_FOUND: &str = "404.html";

/// Where the page `page` (`en/embed/missing.html`) is written a second time as its folder's
/// not-found page (`en/embed/404.html`), if it is one: a frame's notice of a missing part is, so
/// an address a site pasted whose part is gone shows the notice, whatever the host.
pub fn not_found_page(view: &View, page: &str) -> Option<String> {
    let folder = page.rsplit_once('/').map_or("", |(folder, _)| folder);
    (*view == View::Missing).then(|| format!("{folder}/{NOT_FOUND}"))
}

/// `_headers` for a CDN, for the site's `files` (addresses relative to its folder): the headers
/// every response carries under `/*`, then each file's own, also under its folder's address for an
/// `index.html` (a CDN matches the address asked for, not the file it serves).
pub fn cdn_headers(files: &[String], policy: &str) -> String {
    let mut out = String::from("# Written by the build (src/deploy.rs). Do not edit: build again.\n/*\n");
    for (name, value) in headers(Kind::Named, policy).into_iter().filter(|(name, _)| *name != "Cache-Control") {
        out.push_str(&format!("  {name}: {value}\n"));
    }
    for file in files {
        let own: String = own_headers(kind(file)).iter().map(|(name, value)| format!("  {name}: {value}\n")).collect();
        let folder = file.strip_suffix("index.html").map(|folder| format!("/{folder}"));
        for address in folder.into_iter().chain([format!("/{file}")]) {
            out.push_str(&format!("{address}\n{own}"));
        }
    }
    out
}

/// `_redirects` for a CDN, for the site's `files` (addresses relative to its folder) and the
/// `folders` its stories other than the first are published in: an address in a folder of frames'
/// pages that names no page gets that folder's notice of a missing part, one in a story's folder its
/// page for an address that names none, as a 404; deeper folders first, as the first rule that
/// matches is taken. A file that is there is served as it is (Netlify's rules never shadow one
/// unless forced), and the site's top `404.html` needs no rule. Cloudflare Pages takes no rule with
/// a 404 (it skips the line: workers-sdk's `parseRedirects`) and finds the nearest `404.html` itself.
pub fn cdn_redirects(files: &[String], folders: &[&str]) -> String {
    let mut own: Vec<String> = files
        .iter()
        .filter(|file| kind(file) == Kind::Frame)
        .filter_map(|file| file.rsplit_once('/').map(|(folder, _)| folder.to_owned()))
        .chain(folders.iter().map(|folder| (*folder).to_owned()))
        .collect();
    own.sort_by(|a, b| b.matches('/').count().cmp(&a.matches('/').count()).then_with(|| a.cmp(b)));
    own.dedup();
    let rules: String = own.iter().map(|folder| format!("/{folder}/*  /{folder}/{NOT_FOUND}  404\n")).collect();
    format!("# Written by the build (src/deploy.rs). Do not edit: build again.\n{rules}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_hashed_frame_or_named_by_its_address() {
        for hashed in ["app-ae44306312302504.js", "app-ae44306312302504_bg.wasm", "favicon-b39f17de6479f4fa.svg"] {
            assert_eq!(kind(hashed), Kind::Hashed, "{hashed}");
        }
        assert_eq!(kind("other/share-4961f6994251074e.png"), Kind::Hashed);
        // Trunk drops a hash's leading zeros.
        assert_eq!(kind("app-48f73fe63ffaf5f_bg.wasm"), Kind::Hashed);
        assert_eq!(kind("app-8f73fe63ffaf.js"), Kind::Hashed);
        for frame in ["embed/index.html", "en/embed/projects.html", "story-2/en/embed/growth-rates.html"] {
            assert_eq!(kind(frame), Kind::Frame, "{frame}");
        }
        for named in [
            "index.html",
            "en.html",
            "boot.js",
            "embed.js",
            "embed-preview.html",
            "fushun-2023h1.csv",
            "app-ae44306312302504-x.js",
            "app-AE44306312302504.js",
            "app-ae443063123.js",
            "app-ae44306312302504a.js",
            "app-ae44306312302504.",
            "embedded/x.html",
            "状态ae44306312302504.js",
        ] {
            assert_eq!(kind(named), Kind::Named, "{named}");
        }
        assert_eq!(kind("状态-ae44306312302504.js"), Kind::Hashed);
    }

    #[test]
    fn every_response_has_the_policy_and_a_hashed_file_is_cached_for_good() {
        let policy = "default-src 'self'";
        for kind in [Kind::Hashed, Kind::Frame, Kind::Named] {
            let all = headers(kind, policy);
            assert!(all.contains(&("Content-Security-Policy", policy.to_owned())));
            assert_eq!(all.iter().filter(|(name, _)| *name == "Cache-Control").count(), 1, "{kind:?}");
            assert!(!all.iter().any(|(name, _)| name.eq_ignore_ascii_case("X-Frame-Options")));
            assert_eq!(all.iter().any(|(name, _)| *name == "X-Robots-Tag"), kind == Kind::Frame);
        }
        assert!(headers(Kind::Hashed, policy).contains(&("Cache-Control", FOREVER.to_owned())));
    }

    #[test]
    fn nginx_gets_every_header_in_every_location_and_hides_the_host_files() {
        let conf = nginx("default-src 'self'; script-src 'sha256-a+b/c='", &[]);
        let locations = conf.matches("location ").count();
        assert_eq!(locations, 7, "{conf}");
        assert_eq!(
            conf.matches(
                "add_header Content-Security-Policy \"default-src 'self'; script-src 'sha256-a+b/c='\" always;"
            )
            .count(),
            6,
            "{conf}"
        );
        assert_eq!(conf.matches("add_header X-Robots-Tag \"noindex\" always;").count(), 1, "{conf}");
        assert!(conf.contains(r#"location ~ "/(nginx\.conf|_headers|_redirects)$" {"#), "{conf}");
        // A frame's page is served by its name too; an address with no page gets its folder's
        // notice of a missing part.
        let frames = conf.split("location ").find(|location| location.contains("X-Robots-Tag")).unwrap_or_default();
        assert!(frames.contains("    try_files $uri $uri.html $uri/ =404;\n"), "{frames}");
        assert!(frames.contains("    error_page 404 ${frames}404.html;\n"), "{frames}");
        // Any other address that names no file gets its story's page saying so, or the site's.
        let server = conf.split("location ").next().unwrap_or_default();
        assert!(server.contains("\nif ($uri ~ \"^(?<story>/)\") {}\nerror_page 404 @not_found;\n"), "{server}");
        let not_found = conf.split("location ").find(|location| location.starts_with("@not_found")).unwrap_or_default();
        assert!(not_found.contains("    try_files ${story}404.html /404.html =404;\n"), "{not_found}");
        assert!(not_found.contains("    add_header Cache-Control \"no-cache\" always;\n"), "{not_found}");
        assert_eq!(conf.matches("error_page").count(), 2, "{conf}");
        // Braces balance: every location is closed.
        assert_eq!(conf.matches('{').count(), conf.matches('}').count());
    }

    #[test]
    fn nginx_finds_the_not_found_page_of_the_story_an_address_is_in() {
        assert_eq!(story_pattern(&[]), "^(?<story>/)");
        assert_eq!(story_pattern(&["engine-fixture", "b.2"]), r"^(?<story>/((engine-fixture|b\.2)/)?)");
        let conf = nginx("default-src 'self'", &["engine-fixture"]);
        assert!(conf.contains("if ($uri ~ \"^(?<story>/((engine-fixture)/)?)\") {}\n"), "{conf}");
    }

    #[test]
    fn the_cdn_redirects_send_each_folders_not_found_page_deeper_folders_first() {
        let files =
            ["index.html", "embed/index.html", "embed/projects.html", "en/embed/projects.html", "s2/embed/x.html"]
                .map(String::from);
        assert_eq!(
            cdn_redirects(&files, &["s2"]),
            "# Written by the build (src/deploy.rs). Do not edit: build again.\n\
             /en/embed/*  /en/embed/404.html  404\n\
             /s2/embed/*  /s2/embed/404.html  404\n\
             /embed/*  /embed/404.html  404\n\
             /s2/*  /s2/404.html  404\n"
        );
        // A site of one story: its frames' folders only; the top 404.html needs no rule.
        assert!(!cdn_redirects(&files[..3], &[]).contains("/*  /404.html"));
    }

    #[test]
    fn a_frames_notice_of_a_missing_part_is_its_folders_not_found_page_and_no_other_page_is() {
        for (edition, folder) in [("index.html", "embed"), ("en.html", "en/embed")] {
            let page = View::Missing.page(edition);
            assert_eq!(not_found_page(&View::Missing, &page), Some(format!("{folder}/404.html")), "{page}");
            for view in [View::Page, View::Story] {
                assert_eq!(not_found_page(&view, &view.page(edition)), None, "{view:?}");
            }
        }
        // No part of a story may be published under that name.
        assert!(crate::content::model::RESERVED_IDS.contains(&NOT_FOUND.trim_end_matches(".html")));
    }

    #[test]
    fn the_cdn_file_gives_each_file_its_own_headers_and_a_folder_its_index_pages() {
        let files = ["index.html", "embed/index.html", "app-ae44306312302504.js"].map(String::from);
        let text = cdn_headers(&files, "default-src 'self'");
        assert!(text.contains("/*\n  Content-Security-Policy: default-src 'self'\n"), "{text}");
        assert!(text.contains("\n/\n  Cache-Control: no-cache\n/index.html\n  Cache-Control: no-cache\n"), "{text}");
        assert!(text.contains("\n/embed/\n  Cache-Control: no-cache\n  X-Robots-Tag: noindex\n"), "{text}");
        assert!(text.contains(&format!("\n/app-ae44306312302504.js\n  Cache-Control: {FOREVER}\n")), "{text}");
        assert_eq!(text.matches("Content-Security-Policy").count(), 1);
    }
}
