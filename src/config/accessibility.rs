//! config.json's `accessibility`: the publisher's part of the accessibility
//! statement (`crate::accessibility`), which Israeli law requires (regulation 35
//! of the Equal Rights for Persons with Disabilities (Service Accessibility
//! Adjustments) Regulations, 2013): who the accessibility coordinator is, how to
//! reach them, what is not yet accessible, and when the statement was updated.

use chrono::NaiveDate;

/// The publisher's details, each `None` when the file does not give it (missing,
/// blank, of the wrong type, or for `updated` not a real `YYYY-MM-DD` date).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AccessibilityDetails {
    /// The accessibility coordinator's name (any language).
    pub coordinator: Option<String>,
    /// Their phone number, as the publisher writes it ("03-1234567", "+972 3 …").
    pub phone: Option<String>,
    /// Their e-mail address.
    pub email: Option<String>,
    /// The day the statement was last updated (`"updated": "YYYY-MM-DD"`).
    pub updated: Option<NaiveDate>,
    /// What is not (yet) accessible, in the publisher's words.
    pub exceptions: Option<String>,
}

const KEYS: &[&str] = &["coordinator", "phone", "email", "updated", "exceptions"];

impl AccessibilityDetails {
    /// Whether none of the details is given.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Reads the `accessibility` value of config.json. Never fails: a value that is
/// not an object gives no details, and each field that cannot be read is left
/// out; each with a warning for the console (and `mivzak-render`'s report).
pub fn parse_details(
    value: &serde_json::Value,
    warnings: &mut Vec<String>,
) -> AccessibilityDetails {
    let mut details = AccessibilityDetails::default();
    let Some(object) = value.as_object() else {
        if !value.is_null() {
            warnings.push("config.json: accessibility ignored (not an object)".into());
        }
        return details;
    };
    for (key, value) in object {
        if !KEYS.contains(&key.as_str()) {
            warnings.push(format!("config.json: unknown key accessibility.{key}"));
            continue;
        }
        let text = match value {
            serde_json::Value::String(text) => text.trim(),
            serde_json::Value::Null => continue,
            _ => {
                warnings.push(format!(
                    "config.json: accessibility.{key} ignored (not a string)"
                ));
                continue;
            }
        };
        if text.is_empty() {
            continue;
        }
        let field = match key.as_str() {
            "coordinator" => &mut details.coordinator,
            "phone" => &mut details.phone,
            "email" => &mut details.email,
            "exceptions" => &mut details.exceptions,
            _ => {
                details.updated = iso_date(text);
                if details.updated.is_none() {
                    warnings.push(format!(
                        "config.json: accessibility.updated {text:?} ignored (not a date written YYYY-MM-DD)"
                    ));
                }
                continue;
            }
        };
        *field = Some(text.to_owned());
    }
    details
}

/// A calendar date written exactly `YYYY-MM-DD` (ISO 8601's extended form, four
/// digits of year, two of month and day); `None` for any other form ("2025-1-5",
/// "5.1.2025") or a day that does not exist ("2025-02-30").
pub fn iso_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10
        && bytes.iter().enumerate().all(|(at, byte)| match at {
            4 | 7 => *byte == b'-',
            _ => byte.is_ascii_digit(),
        });
    if !shape {
        return None;
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().ok();
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}
