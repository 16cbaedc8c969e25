//! `robots.txt`: every crawler welcome, and where the sitemaps are.

/// The file's name, at the top of the output folder.
pub const ROBOTS_FILE: &str = "robots.txt";

/// `robots.txt` allowing every crawler everything (RFC 9309 §2.2: a group for
/// `User-agent: *` with `Allow: /`), then a `Sitemap:` line for each of
/// `sitemap_urls` (absolute URLs, as the sitemaps protocol's "Specifying the
/// Sitemap location in your robots.txt file" requires; RFC 9309 §2.2.4 lets
/// such lines stand outside any group). With no URLs, no `Sitemap:` line.
pub fn robots_txt(sitemap_urls: &[String]) -> String {
    let mut robots = String::from(
        "# Written by mivzak-render on every run: edits here are overwritten.\n\
         User-agent: *\n\
         Allow: /\n",
    );
    if !sitemap_urls.is_empty() {
        robots.push('\n');
    }
    for url in sitemap_urls {
        // A URL from `SiteUrl` has no line break; one from elsewhere must not add a line.
        if !url.contains(['\r', '\n']) {
            robots.push_str(&format!("Sitemap: {url}\n"));
        }
    }
    robots
}
