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
        _ => title.chars().find_map(strong_direction).unwrap_or(false),
    }
}

/// `Some(true)` for a strong right-to-left character (Hebrew, Arabic, Syriac,
/// Thaana, N'Ko and the other right-to-left blocks, their presentation
/// forms), `Some(false)` for a letter of a left-to-right script, `None` for
/// what has no direction of its own: digits (ASCII, Arabic-Indic), spaces,
/// punctuation and symbols, combining marks (niqqud, harakat), emoji.
/// By ranges, not `char::is_alphabetic`, whose Unicode tables would cost the
/// wasm kilobytes for the same answer on headlines.
fn strong_direction(c: char) -> Option<bool> {
    let rtl_block = matches!(c,
        '\u{0590}'..='\u{08FF}'
        | '\u{FB1D}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}'
        | '\u{10800}'..='\u{10FFF}'
        | '\u{1E800}'..='\u{1EFFF}'
    );
    if rtl_block {
        let weak = crate::feed::excerpt::extends_grapheme(c)
            || matches!(c, '\u{0600}'..='\u{0605}' | '\u{0660}'..='\u{066C}' | '\u{06F0}'..='\u{06F9}' | '\u{FEFF}');
        return (!weak).then_some(true);
    }
    let ltr = c.is_ascii_alphabetic()
        || matches!(c,
            '\u{00AA}' | '\u{00B5}' | '\u{00BA}'
            | '\u{00C0}'..='\u{00D6}'
            | '\u{00D8}'..='\u{00F6}'
            | '\u{00F8}'..='\u{02B8}'
            | '\u{0370}'..='\u{0373}'
            | '\u{0376}'..='\u{03FF}'
            | '\u{0400}'..='\u{0482}'
            | '\u{048A}'..='\u{058F}'
            | '\u{0900}'..='\u{1FFF}'
            | '\u{3040}'..='\u{9FFF}'
            | '\u{AC00}'..='\u{D7A3}'
        ) && !crate::feed::excerpt::extends_grapheme(c);
    ltr.then_some(false)
}

/// The headline as shared (issue 24 §3): a right-to-left one
/// ([`is_right_to_left`]) begins with [`RLM`], so the app it lands in
/// (WhatsApp, Telegram, a text message), which guesses a message's direction
/// from its first strong character, sets it right to left even when it starts
/// with a Latin word, a digit, a quote or a parenthesis ("Apple מודיעה…",
/// "3 פצועים…", "\"דחוף\"…"). A left-to-right one is left as it is.
pub fn shared_headline(title: &str, dir: &str) -> String {
    if is_right_to_left(title, dir) {
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

/// The address a row of the ticker shares: the article's published page
/// (`page_head::canonical` of `page_head::published_path`, the one rule for
/// canonical addresses), whose head carries the share preview; without
/// `site_url`, the page's own `origin` and the app's path to the article
/// (`paths`, with the router's base).
pub fn flash_address(
    site_url: Option<&str>,
    origin: &str,
    paths: &crate::paths::Paths,
    id: &str,
) -> String {
    use crate::page_head::{canonical, published_path, Page};
    canonical(site_url, &published_path(Page::Article, id))
        .unwrap_or_else(|| format!("{origin}{}", paths.article(id)))
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
