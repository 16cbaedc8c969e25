//! Share links: plain URLs of each service's own share page, with no script of
//! theirs on ours and nothing that tracks the reader.

/// One way to share: its label for the reader and where the link goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareLink {
    pub service: &'static str,
    pub label: &'static str,
    pub href: String,
}

/// Percent-encodes everything but unreserved characters, for a query value.
pub fn encode_component(text: &str) -> String {
    crate::paths::percent_encode(text)
}

/// RIGHT-TO-LEFT MARK: invisible, strongly right-to-left.
pub const RLM: char = '\u{200F}';

/// Whether a shared headline reads right to left: `dir` is the headline's
/// direction as the page gives it (`Article::direction`: the item's language,
/// its feed's, the site's); when that is `"auto"` (no language named), the
/// first strong character of `title` decides, as the browser's `dir="auto"`
/// does (Unicode TR9 P2–P3); a title with none reads left to right.
pub fn is_right_to_left(title: &str, dir: &str) -> bool {
    match dir {
        "rtl" => true,
        "ltr" => false,
        _ => crate::bidi::first_strong_rtl(title).unwrap_or(false),
    }
}

/// The headline as shared (issue 24 §3): a right-to-left one
/// ([`is_right_to_left`]) begins with [`RLM`], so the app it lands in
/// (WhatsApp, Telegram, a text message), which guesses a message's direction
/// from its first strong character, sets it right to left even when it starts
/// with a Latin word, a digit, a quote or a parenthesis ("Apple מודיעה…",
/// "3 פצועים…", "\"דחוף\"…"). A left-to-right one is left as it is.
pub fn shared_headline(title: &str, dir: &str) -> String {
    if is_right_to_left(title, dir) && !title.starts_with(RLM) {
        format!("{RLM}{title}")
    } else {
        title.to_owned()
    }
}

/// A whole message that carries the link: [`shared_headline`], then the URL on
/// a line of its own, so the address (left to right) neither reorders the
/// headline nor takes its words into its own run.
pub fn shared_message(title: &str, url: &str, dir: &str) -> String {
    format!("{}\n{url}", shared_headline(title, dir))
}

/// The services an article can be shared to, for the article page's share bar
/// and a row's share menu: `url` the article's address, `title` its headline
/// and `dir` its direction (`Article::direction`'s `dir`). WhatsApp gets
/// [`shared_message`] (it has no field for the link), Telegram, X and mail
/// the [`shared_headline`] beside the link in a field of its own.
pub fn share_links(url: &str, title: &str, dir: &str) -> Vec<ShareLink> {
    let u = encode_component(url);
    let t = encode_component(&shared_headline(title, dir));
    let message = encode_component(&shared_message(title, url, dir));
    vec![
        ShareLink {
            service: "facebook",
            label: "פייסבוק",
            href: format!("https://www.facebook.com/sharer/sharer.php?u={u}"),
        },
        ShareLink {
            service: "whatsapp",
            label: "וואטסאפ",
            href: format!("https://wa.me/?text={message}"),
        },
        ShareLink {
            service: "telegram",
            label: "טלגרם",
            href: format!("https://t.me/share/url?url={u}&text={t}"),
        },
        ShareLink {
            service: "x",
            label: "X",
            href: format!("https://x.com/intent/post?url={u}&text={t}"),
        },
        ShareLink {
            service: "email",
            label: "דוא״ל",
            href: format!("mailto:?subject={t}&body={message}"),
        },
    ]
}

/// The address a flash is shared by, from a row's share menu and from its
/// article page's share bar alike: its published page (`page_head::canonical`
/// of `page_head::published_path`, the one rule for canonical addresses), whose
/// head carries the share preview. Without `site_url`, the same published
/// folder (`article/<segment>/`) under the page's own `origin` and the router's
/// base, not the app's route, which a static host may answer with the bare app
/// and no preview. `None` when neither is known (`origin` is "": a page
/// rendered natively without `site_url`, which cannot know where it will be
/// served): the share links are then left out of the published HTML, and the
/// app draws them in the browser.
pub fn flash_address(
    site_url: Option<&str>,
    origin: &str,
    paths: &crate::paths::Paths,
    id: &str,
) -> Option<String> {
    use crate::page_head::{canonical, published_path, Page};
    let path = published_path(Page::Article, id);
    canonical(site_url, &path)
        .or_else(|| (!origin.is_empty()).then(|| format!("{origin}{}/{path}", paths.base())))
}

/// "2 KB", "1.5 MB": the size of an attachment. In integers, with one decimal
/// below 10: formatting a float with a precision costs the wasm 5 KB.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KB", "MB", "GB"];
    let mut unit = 0;
    let mut divisor = 1u64;
    while bytes / divisor >= 1024 && unit < UNITS.len() - 1 {
        divisor *= 1024;
        unit += 1;
    }
    // Tenths of the unit, rounded half up.
    let tenths = (u128::from(bytes) * 10 + u128::from(divisor) / 2) / u128::from(divisor);
    if unit == 0 || tenths >= 100 {
        let whole = (u128::from(bytes) + u128::from(divisor) / 2) / u128::from(divisor);
        format!("{whole} {}", UNITS[unit])
    } else {
        format!("{}.{} {}", tenths / 10, tenths % 10, UNITS[unit])
    }
}
