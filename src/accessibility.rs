//! What the accessibility statement (`/accessibility`, "הצהרת נגישות") says:
//! the one rule for the app's page and the page `mivzak-render` publishes (both
//! draw `pages::accessibility` from it). Regulation 35 of the 2013 service
//! accessibility regulations asks a statement to say what was made accessible,
//! who the accessibility coordinator is and how to reach them, and when it was
//! last updated: the product's part is written here once, and only says what the
//! product does; the publisher's part comes from config.json
//! (`config::AccessibilityDetails`), and what the publisher has not filled in is
//! said to be missing, never invented.

use crate::config::AccessibilityDetails;

/// The page's heading and `<title>`'s own part.
pub const TITLE: &str = "הצהרת נגישות";

/// What the product makes accessible: a heading and a paragraph each, in the
/// order the page shows them. Each says only what the app and the published
/// pages do (the feature's own test is named beside it).
pub const FEATURES: &[(&str, &str)] = &[
    (
        "שימוש במקלדת",
        // keyboard.spec.js; the skip link in app.rs.
        "כל הקישורים, הכפתורים והטפסים באתר פועלים במקלדת, לפי סדר הקריאה, ועם סימון מיקוד בולט. \
         קישור \"דלגו לתוכן\" בראש כל דף מוביל ישר לתוכן.",
    ),
    (
        "עצירת העדכונים החיים",
        // ticker-pause.spec.js (WCAG 2.2.2).
        "את העדכון החי של רשימת המבזקים ואת הפס הנע אפשר לעצור בכפתור ולהמשיך כשרוצים. \
         הפס הנע נעצר גם כשמצביעים עליו או כשהמיקוד נמצא בתוכו.",
    ),
    (
        "הפחתת תנועה",
        // prefers-reduced-motion in style/shell.css and style/ticker.css.
        "למי שביקש במערכת ההפעלה להפחית תנועה, הפס הנע אינו זז ומבזקים חדשים מסומנים בלי הנפשה.",
    ),
    (
        "קוראי מסך",
        // announcement.rs: the live region; the labels of every control.
        "לכל כפתור, טופס ואזור בדף יש שם ברור. מבזקים חדשים מוכרזים באזור חי, בנימוס ובלי להעביר את המיקוד.",
    ),
    (
        "ניגודיות וערכות צבעים",
        // The tokens in style/shell.css; the forced-colours rules in style/*.css.
        "הצבעים נבחרו בניגודיות מספקת, ואף מידע אינו מועבר בצבע בלבד. \
         בכותרת אפשר לבחור ערכת צבעים בהירה, כהה או אוטומטית, והאתר נשאר קריא גם במצב ניגודיות גבוהה של מערכת ההפעלה.",
    ),
    (
        "גודל הטקסט",
        // reader_settings.rs; reader-controls.spec.js.
        "הכפתורים \"הגדלת טקסט\" ו\"הקטנת טקסט\" בכותרת משנים את גודל כל הטקסט באתר, והבחירה נשמרת לביקור הבא. \
         גם הגדלה של הדפדפן נתמכת, בלי גלילה לרוחב במסך צר.",
    ),
    (
        "כיוון ושפה",
        // bidi.rs: lang and dir of every feed text.
        "הדפים מסומנים כעברית, מימין לשמאל. מבזק או כתבה בשפה אחרת מסומנים בשפתם ובכיוונם, \
         כדי שקוראי מסך יקראו אותם נכון והטקסט יוצג בסדר הנכון.",
    ),
];

/// The heading of the publisher's part.
pub const CONTACT_HEADING: &str = "פרטי רכז הנגישות";

/// The heading of the exceptions.
pub const EXCEPTIONS_HEADING: &str = "חלקים שאינם נגישים";

/// Said when config.json gives none of the publisher's details.
pub const NONE_GIVEN: &str =
    "מפעיל האתר טרם מילא את פרטי רכז הנגישות, את דרכי הפנייה אליו ואת תאריך העדכון של הצהרה זו.";

/// One of the publisher's details as the page shows it: "label: value".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detail {
    /// The Hebrew label ("רכז הנגישות").
    pub label: &'static str,
    /// The value as the publisher wrote it (trimmed).
    pub value: String,
    /// The value's own direction (`"rtl"` or `"ltr"`): a name in English, an
    /// address or a phone number beside a Hebrew label is shown in an isolate of
    /// its own, so neither pushes the other around ([`value_dir`]).
    pub dir: &'static str,
    /// A link for it: `tel:` for a phone, `mailto:` for an e-mail address.
    pub href: Option<String>,
}

/// The whole statement, as the page draws it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// The publisher's details that are given: coordinator, phone, e-mail.
    pub contact: Vec<Detail>,
    /// What is not accessible, in the publisher's words (and its direction).
    pub exceptions: Option<(String, &'static str)>,
    /// "ההצהרה עודכנה לאחרונה ב־24 בנובמבר 2025.", when `updated` is given.
    pub updated: Option<String>,
    /// What the publisher has not filled in, as a sentence: [`NONE_GIVEN`] when
    /// nothing is, else "טרם מולאו: טלפון, תאריך העדכון."; `None` when all is.
    pub missing: Option<String>,
}

/// The statement for the publisher's `details`; `zone`-free: the date is a
/// calendar day, written as the rest of the site writes dates
/// (`time::format_day`, "24 בנובמבר 2025").
pub fn statement(details: &AccessibilityDetails) -> Statement {
    let detail = |label, value: &Option<String>, href: fn(&str) -> Option<String>| {
        value.as_ref().map(|value| Detail {
            label,
            dir: value_dir(value),
            href: href(value),
            value: value.clone(),
        })
    };
    let contact = [
        detail("רכז הנגישות", &details.coordinator, |_| None),
        detail("טלפון", &details.phone, tel_href),
        detail("דואר אלקטרוני", &details.email, mailto_href),
    ]
    .into_iter()
    .flatten()
    .collect();
    let missing_names: Vec<&str> = [
        ("רכז הנגישות", details.coordinator.is_none()),
        ("טלפון", details.phone.is_none()),
        ("דואר אלקטרוני", details.email.is_none()),
        ("חלקים שאינם נגישים", details.exceptions.is_none()),
        ("תאריך העדכון", details.updated.is_none()),
    ]
    .into_iter()
    .filter_map(|(name, missing)| missing.then_some(name))
    .collect();
    let missing = if details.is_empty() {
        Some(NONE_GIVEN.to_owned())
    } else if missing_names.is_empty() {
        None
    } else {
        Some(format!("טרם מולאו: {}.", missing_names.join(", ")))
    };
    Statement {
        contact,
        exceptions: details
            .exceptions
            .as_ref()
            .map(|text| (text.clone(), value_dir(text))),
        updated: details
            .updated
            .map(|day| format!("ההצהרה עודכנה לאחרונה ב־{}.", date_phrase(day))),
        missing,
    }
}

/// "24 בנובמבר 2025": a calendar day as the site writes a date with its year
/// (`time::format_day`, `DayLabel::WithYear`), read at noon UTC in UTC, so no
/// zone moves it to another day.
pub fn date_phrase(day: chrono::NaiveDate) -> String {
    let noon = day
        .and_hms_opt(12, 0, 0)
        .map(|time| time.and_utc().timestamp_millis())
        .unwrap_or_default();
    crate::time::format_day(crate::time::DayLabel::WithYear, noon, "UTC").unwrap_or_default()
}

/// The direction of a value by its first strong letter (Unicode's rule P2 for
/// a paragraph): right to left for Hebrew, Arabic, Syriac, Thaana and the other
/// right-to-left scripts, left to right for any other letter, and left to right
/// for a value without letters (a phone number, "03-1234567", is written left to
/// right in Hebrew too).
pub fn value_dir(text: &str) -> &'static str {
    match crate::bidi::first_strong_rtl(text) {
        Some(true) => "rtl",
        _ => "ltr",
    }
}

/// A `tel:` link for a phone number as written ("03-123 4567", "+972 (3)
/// 1234567", "*6060", "03-1234567 שלוחה 2"): the first run of the number's
/// characters (digits, `*`, `#`, a leading `+`, and the separators `-`, `.`,
/// `(`, `)`, spaces) that holds at least three digits, with its digits, `*`
/// and `#` and the leading `+` (RFC 3966's global and local numbers; the
/// separators are allowed there too, but some dialers do not take them).
/// Words after it (an extension, "שלוחה 2") stay in the text, not in the
/// link, which dials the line itself. `None` without such a run.
pub fn tel_href(phone: &str) -> Option<String> {
    let is_part = |c: char| c.is_ascii_digit() || "+*#-.() \u{00A0}".contains(c);
    let mut rest = phone;
    while !rest.is_empty() {
        let start = rest.find(is_part)?;
        let run = &rest[start..];
        let end = run.find(|c: char| !is_part(c)).unwrap_or(run.len());
        let number = run[..end].trim();
        let dialled: String = number
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '*' || *c == '#')
            .collect();
        if dialled.chars().filter(char::is_ascii_digit).count() >= 3 {
            let plus = if number.starts_with('+') { "+" } else { "" };
            return Some(format!("tel:{plus}{dialled}"));
        }
        rest = &run[end..];
    }
    None
}

/// A `mailto:` link for an address of the shape `local@domain` without spaces,
/// `<`, `>` or quotes (a `mailto:` the publisher wrote before it is taken
/// off); `None` for anything else (the text is still shown).
pub fn mailto_href(email: &str) -> Option<String> {
    let email = email.trim();
    let email = match email.get(..7) {
        Some(scheme) if scheme.eq_ignore_ascii_case("mailto:") => &email[7..],
        _ => email,
    };
    let (local, domain) = email.split_once('@')?;
    let clean = !email.contains(|c: char| c.is_whitespace() || "<>\"'".contains(c))
        && email.matches('@').count() == 1;
    (clean && !local.is_empty() && domain.contains('.') && !domain.starts_with('.'))
        .then(|| format!("mailto:{email}"))
}
