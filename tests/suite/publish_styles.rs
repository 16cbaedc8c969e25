//! Which published pages wait for the external style sheets (src/publish/styles.rs):
//! the home paints with its inlined styles alone, an article's page carries
//! article.css and comments.css in its head, inlined, a tag's page and the
//! accessibility statement article.css; print's sheet stays last.

use std::fs;

use mivzak::publish::run::{run, Options};
use mivzak::publish::styles::{
    in_head, needed_at_first_paint, screen_sheets, sheet_name, PageKind,
};

/// A shell as trunk writes it from index.html: inlined styles in the head, the
/// external sheets at the end of the body, print's last.
const SHELL: &str = "<!DOCTYPE html>\n<html lang=\"he\" dir=\"rtl\">\n<head>\n    <base href=\"/\">\n    <title>מבזק</title>\n    <meta name=\"description\" content=\"x\">\n    <style>body{margin:0}</style>\n</head>\n<body>\n    <div id=\"app\"><p>skeleton</p></div><!-- /#app -->\n    <noscript><p>js</p></noscript>\n    <link rel=\"stylesheet\" href=\"/article-1a2b.css\" integrity=\"sha384-A\"/>\n    <link rel=\"stylesheet\" href=\"/comments-3c4d.css\" integrity=\"sha384-B\"/>\n    <link rel=\"stylesheet\" href=\"/print-5e6f.css\" media=\"print\" integrity=\"sha384-C\"/>\n</body>\n</html>\n";

fn head_of(page: &str) -> &str {
    &page[..page.find("</head>").unwrap()]
}

fn body_of(page: &str) -> &str {
    &page[page.find("</head>").unwrap()..]
}

#[test]
fn the_screens_sheets_move_to_the_end_of_the_head_in_their_order_and_prints_stays() {
    let page = in_head(SHELL, PageKind::Article, |_| None);
    let head = head_of(&page);
    let article = head
        .find("/article-1a2b.css")
        .expect("article.css in the head");
    let comments = head
        .find("/comments-3c4d.css")
        .expect("comments.css in the head");
    // After the inlined styles, so the cascade keeps its order.
    assert!(head.find("<style>").unwrap() < article && article < comments);
    assert!(!body_of(&page).contains("article-1a2b") && !body_of(&page).contains("comments-3c4d"));
    // Print's stays after every other rule, where no screen waits for it.
    assert!(body_of(&page)
        .contains("<link rel=\"stylesheet\" href=\"/print-5e6f.css\" media=\"print\""));
    assert!(!head.contains("print-5e6f"));
    // Whole lines moved: no line left empty, the attributes kept as written.
    assert!(!page.contains("\n    \n") && !page.contains("\n\n"));
    assert!(head.contains(
        "    <link rel=\"stylesheet\" href=\"/article-1a2b.css\" integrity=\"sha384-A\"/>\n"
    ));
    assert_eq!(page.len(), SHELL.len());
}

#[test]
fn a_page_without_such_links_or_without_a_head_is_left_as_it_is() {
    let print_only =
        "<head>\n</head>\n<body><link rel=\"stylesheet\" href=\"/p.css\" media=\"print\"></body>";
    assert_eq!(in_head(print_only, PageKind::Article, |_| None), print_only);
    let no_head = "<body><link rel=\"stylesheet\" href=\"/a.css\"></body>";
    assert_eq!(in_head(no_head, PageKind::Article, |_| None), no_head);
    let none = "<head><style>a{}</style></head><body><p>x</p></body>";
    assert_eq!(in_head(none, PageKind::Article, |_| None), none);
    // A link already in the head stays where it is, once.
    let in_place = "<head><link rel=\"stylesheet\" href=\"/a.css\"></head><body></body>";
    assert_eq!(in_head(in_place, PageKind::Article, |_| None), in_place);
}

#[test]
fn a_sheet_whose_text_is_known_is_inlined_and_one_that_could_end_its_element_stays_linked() {
    let texts = |href: &str| match href {
        "/article-1a2b.css" => Some(".article h1 { line-height: 1.25; }\n"),
        "/comments-3c4d.css" => Some("/* </STYLE> */ .comments {}"),
        _ => None,
    };
    let page = in_head(SHELL, PageKind::Article, texts);
    let head = head_of(&page);
    assert!(head.contains("    <style>.article h1 { line-height: 1.25; }\n</style>\n"));
    assert!(!head.contains("article-1a2b"));
    assert!(head.contains("    <link rel=\"stylesheet\" href=\"/comments-3c4d.css\""));
    assert!(head.find("line-height").unwrap() < head.find("comments-3c4d").unwrap());
    assert!(!body_of(&page).contains("article-1a2b") && !body_of(&page).contains("comments-3c4d"));
    assert!(body_of(&page).contains("/print-5e6f.css"));
}

#[test]
fn the_sheets_to_move_are_the_bodys_links_for_every_medium() {
    assert_eq!(
        screen_sheets(SHELL),
        ["/article-1a2b.css", "/comments-3c4d.css"]
    );
    let sub = "<head><link rel=\"stylesheet\" href=\"/news/in-head.css\"></head><body>\
               <link rel=\"stylesheet\" href=\"/news/a.css\" integrity=\"x\"><link rel=\"stylesheet\" media=\"print\" href=\"/news/p.css\"></body>";
    assert_eq!(screen_sheets(sub), ["/news/a.css"]);
    assert!(screen_sheets("<body><link rel=\"stylesheet\" href=\"/a.css\"></body>").is_empty());
}

#[test]
fn a_link_sharing_its_line_moves_alone() {
    let page = in_head(
        "<head></head><body><p>x</p><link rel=\"stylesheet\" href=\"/a.css\"><p>y</p></body>",
        PageKind::Article,
        |_| None,
    );
    assert_eq!(
        page,
        "<head>    <link rel=\"stylesheet\" href=\"/a.css\">\n</head><body><p>x</p><p>y</p></body>"
    );
}

#[test]
fn the_home_needs_no_sheet_an_article_both_a_listing_all_but_the_comments() {
    for sheet in ["article", "comments", "print", "other"] {
        assert!(!needed_at_first_paint(PageKind::Home, sheet), "{sheet}");
        assert!(needed_at_first_paint(PageKind::Article, sheet), "{sheet}");
    }
    assert!(needed_at_first_paint(PageKind::Listing, "article"));
    assert!(!needed_at_first_paint(PageKind::Listing, "comments"));
    // The home is left exactly as the shell has it.
    assert_eq!(in_head(SHELL, PageKind::Home, |_| Some("x")), SHELL);
    // A listing moves article.css and leaves comments.css at the end of the body.
    let listing = in_head(SHELL, PageKind::Listing, |_| None);
    assert!(head_of(&listing).contains("/article-1a2b.css"));
    assert!(body_of(&listing).contains("/comments-3c4d.css"));
}

#[test]
fn a_sheets_name_is_its_file_name_before_trunks_hash() {
    assert_eq!(sheet_name("/article-6b107f95705ebfef.css"), "article");
    assert_eq!(sheet_name("/news/comments-b7a40a1.css"), "comments");
    assert_eq!(sheet_name("https://cdn.example/a/print-af42.css"), "print");
    assert_eq!(sheet_name("/plain.css"), "plain");
}

/// A whole run over the shell: the home keeps the sheets at the end of its
/// body, an article's page carries both in its head, a tag's and the
/// accessibility statement article.css only, inlined as the files are (so they are styled at first
/// paint, JavaScript or not, with no request to wait for).
#[test]
fn a_run_inlines_the_sheets_in_the_head_of_every_page_but_the_home() {
    const ARTICLE_CSS: &str = "/* the article */\n.article h1 { line-height: 1.25; }\n";
    const COMMENTS_CSS: &str = ".comment-form { display: grid; }\n";
    let dir = tempfile::tempdir().unwrap();
    let dist = dir.path();
    fs::write(dist.join("index.html"), SHELL).unwrap();
    fs::write(dist.join("article-1a2b.css"), ARTICLE_CSS).unwrap();
    fs::write(dist.join("comments-3c4d.css"), COMMENTS_CSS).unwrap();
    fs::write(dist.join("config.json"), r#"{"feed_url": "feed.json"}"#).unwrap();
    fs::write(
        dist.join("feed.json"),
        r#"{"version": "https://jsonfeed.org/version/1.1", "title": "t", "language": "he",
            "items": [{"id": "a1", "title": "כותרת", "content_text": "גוף", "tags": ["צבא"],
                       "date_published": "2025-03-10T10:00:00Z"}]}"#,
    )
    .unwrap();
    run(&Options {
        dist: dist.to_path_buf(),
        feed: None,
        now_ms: 1_741_600_800_000,
    })
    .unwrap();
    let read = |file: &str| fs::read_to_string(dist.join(file)).unwrap();
    let home = read("index.html");
    assert!(
        body_of(&home).contains("/article-1a2b.css")
            && body_of(&home).contains("/comments-3c4d.css")
    );
    assert!(!head_of(&home).contains(".css") && !home.contains(ARTICLE_CSS));
    let mut others = vec!["accessibility/index.html".to_owned()];
    for folder in ["article", "tag"] {
        for entry in fs::read_dir(dist.join(folder)).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            others.push(format!("{folder}/{name}/index.html"));
        }
    }
    assert_eq!(others.len(), 3, "{others:?}");
    for file in others {
        let page = read(&file);
        let head = head_of(&page);
        assert!(
            head.contains(&format!("<style>{ARTICLE_CSS}</style>")),
            "{file}"
        );
        assert!(!page.contains("article-1a2b"), "{file}");
        // Comments only on an article's page; elsewhere linked at the end, for
        // an article the app shows after a click.
        if file.starts_with("article/") {
            assert!(
                head.contains(&format!("<style>{COMMENTS_CSS}</style>")),
                "{file}"
            );
            assert!(!page.contains("comments-3c4d"), "{file}");
        } else {
            assert!(!page.contains(COMMENTS_CSS), "{file}");
            assert!(body_of(&page).contains("/comments-3c4d.css"), "{file}");
        }
        assert!(body_of(&page).contains("/print-5e6f.css"), "{file}");
    }
    // The shell kept for the host's fallback is the one trunk built.
    assert_eq!(read("shell.html"), SHELL);
}
