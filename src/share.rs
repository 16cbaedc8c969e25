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
