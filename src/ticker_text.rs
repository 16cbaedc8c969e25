//! The ticker's own words, in the language of the page around it (an embedder can
//! ask for English chrome); headlines keep their own language.

use crate::embed::ChromeLanguage;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TickerText {
    pub heading: &'static str,
    pub pause: &'static str,
    pub play: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    /// The list's pause toggle (its name stays; `aria-pressed` says whether it is on).
    pub pause_updates: &'static str,
    pub one_new: &'static str,
    /// Followed by nothing: "N" is put in front.
    pub many_new: &'static str,
    /// Before each headline the live region reads ("מבזק חדש: …").
    pub announce: &'static str,
    /// Before it instead when that flash is urgent ("מבזק דחוף: …"): the word
    /// the badge shows reaches a reader who does not see it (WCAG 1.3.1).
    pub announce_urgent: &'static str,
    /// Before the one headline a summary of many flashes names (`announcement`).
    pub newest: &'static str,
    /// Before it instead when that flash is urgent.
    pub urgent: &'static str,
}

pub const HEBREW: TickerText = TickerText {
    heading: "מבזקים",
    pause: "עצירת הגלילה",
    play: "הפעלת הגלילה",
    previous: "המבזק הקודם",
    next: "המבזק הבא",
    pause_updates: "עצירת העדכונים",
    one_new: "מבזק חדש אחד",
    many_new: "מבזקים חדשים",
    announce: "מבזק חדש",
    announce_urgent: "מבזק דחוף",
    newest: "האחרון",
    urgent: "דחוף",
};

pub const ENGLISH: TickerText = TickerText {
    heading: "Breaking news",
    pause: "Pause scrolling",
    play: "Resume scrolling",
    previous: "Previous flash",
    next: "Next flash",
    pause_updates: "Pause updates",
    one_new: "1 new flash",
    many_new: "new flashes",
    announce: "New flash",
    announce_urgent: "Urgent flash",
    newest: "Latest",
    urgent: "Urgent",
};

impl Default for TickerText {
    fn default() -> Self {
        HEBREW
    }
}

impl TickerText {
    pub fn for_language(language: ChromeLanguage) -> Self {
        match language {
            ChromeLanguage::Hebrew => HEBREW,
            ChromeLanguage::English => ENGLISH,
        }
    }

    pub fn new_count(&self, n: usize) -> String {
        if n == 1 {
            self.one_new.to_owned()
        } else {
            format!("{n} {}", self.many_new)
        }
    }
}
