//! A page's `og:locale` from its language. Open Graph writes a locale as
//! `language_TERRITORY`, "Default is en_US" (<https://ogp.me/#optional>), and
//! Facebook reads only the locales of its own list (Facebook for Developers,
//! "Localization": `FacebookLocales.xml`), which is not ISO's throughout:
//! `ar_AR` and `es_LA` stand for all of Arabic and Spanish.

/// The `og:locale` of a BCP 47 language tag (as `bidi::language_tag` gives it):
/// `he` → `he_IL`, `en` → `en_US`, `en-GB` → `en_GB`, `ar-EG` → `ar_AR`.
///
/// - A territory the tag names (a two-letter region subtag, after an optional
///   script: `zh-Hant-TW`) is kept when Facebook has that locale; otherwise,
///   and for a tag without one, the language's first locale in [`LOCALES`].
/// - The deprecated codes still seen for Hebrew and Yiddish (`iw`, `ji`) read
///   as `he` and `yi`.
///
/// `None` for a language outside the list: the tag is then left out, since a
/// made-up locale is one Facebook does not read either.
pub fn og_locale(language: &str) -> Option<&'static str> {
    let mut subtags = language.split(['-', '_']);
    let primary = match subtags.next()?.to_ascii_lowercase().as_str() {
        "iw" => "he".to_owned(),
        "ji" => "yi".to_owned(),
        other => other.to_owned(),
    };
    let region = subtags
        .take_while(|s| s.len() == 4 || s.len() == 2)
        .find(|s| s.len() == 2)
        .map(str::to_ascii_uppercase);
    let of_language = || {
        LOCALES.iter().copied().filter(|locale| {
            locale
                .split_once('_')
                .is_some_and(|(code, _)| code == primary)
        })
    };
    region
        .and_then(|region| of_language().find(|locale| locale.ends_with(&format!("_{region}"))))
        .or_else(|| of_language().next())
}

/// The locales written, each language's usual one first: Hebrew, the other
/// languages Israel's readers read news in (Arabic, English, Russian, Amharic,
/// French, Yiddish), then the larger news languages, with the territories
/// Facebook distinguishes for them. All from Facebook's list.
pub const LOCALES: &[&str] = &[
    "he_IL", "ar_AR", "en_US", "en_GB", "ru_RU", "am_ET", "fr_FR", "fr_CA", "yi_DE", "de_DE",
    "es_LA", "es_ES", "es_MX", "it_IT", "pt_BR", "pt_PT", "nl_NL", "nl_BE", "pl_PL", "uk_UA",
    "ro_RO", "hu_HU", "cs_CZ", "el_GR", "tr_TR", "fa_IR", "ur_PK", "hi_IN", "ja_JP", "ko_KR",
    "zh_CN", "zh_TW", "zh_HK", "sv_SE", "da_DK", "fi_FI", "nb_NO",
];
