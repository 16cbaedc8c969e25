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
    crate::routes::encode_segment(text)
}

pub fn share_links(url: &str, title: &str) -> Vec<ShareLink> {
    let u = encode_component(url);
    let t = encode_component(title);
    let both = encode_component(&format!("{title} {url}"));
    vec![
        ShareLink {
            service: "facebook",
            label: "פייסבוק",
            href: format!("https://www.facebook.com/sharer/sharer.php?u={u}"),
        },
        ShareLink {
            service: "whatsapp",
            label: "וואטסאפ",
            href: format!("https://wa.me/?text={both}"),
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
            href: format!("mailto:?subject={t}&body={u}"),
        },
    ]
}

/// "2 KB", "1.5 MB": the size of an attachment.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KB", "MB", "GB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 || value >= 10.0 {
        format!("{} {}", value.round() as u64, UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}
