//! No two modules under `src/` read each other, directly or round a circle
//! (issue 23 §6): a piece both need lives in a module of its own, or in the
//! lower layer, which both read. A module's edges are the paths it names
//! (`crate::a::b`, `super::a`, a `use crate::{a, b::c}` group), each taken to the
//! deepest module it names; a parent's `use child::…` (a re-export) counts, its
//! `mod child;` and a child's reading of its parent do not.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every module (`a::b`, the crate root `""`) and its source, without comments.
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, root: &Path, out: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, root, out);
                continue;
            }
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_str()
                .unwrap()
                .to_owned();
            let Some(rel) = rel.strip_suffix(".rs") else {
                continue;
            };
            // The binaries are not modules of the library.
            if rel.ends_with("main") || rel.starts_with("render/") {
                continue;
            }
            let name = if rel == "lib" {
                String::new()
            } else {
                rel.replace('/', "::")
            };
            let text = std::fs::read_to_string(&path).unwrap();
            let code: Vec<&str> = text
                .lines()
                .map(|l| l.split("//").next().unwrap())
                .collect();
            out.insert(name, code.join("\n"));
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    walk(&root, &root, &mut out);
    out
}

/// The paths `code` names after each `prefix` (`crate::`, `super::`, `use `),
/// a `{…}` group read as one path per item.
fn paths_after(code: &str, prefix: &str) -> Vec<String> {
    fn ident(c: char) -> bool {
        c.is_ascii_alphanumeric() || c == '_'
    }
    fn path_at(text: &str, base: &str, out: &mut Vec<String>) {
        let mut end = 0;
        let bytes: Vec<char> = text.chars().collect();
        while end < bytes.len() && (ident(bytes[end]) || bytes[end] == ':') {
            end += 1;
        }
        let path: String = bytes[..end].iter().collect();
        let path = path.trim_end_matches(':');
        let joined = match (base.is_empty(), path.is_empty()) {
            (true, _) => path.to_owned(),
            (false, true) => base.to_owned(),
            (false, false) => format!("{base}::{path}"),
        };
        if bytes.get(end) == Some(&'{') {
            let rest: String = bytes[end + 1..].iter().collect();
            let mut depth = 0;
            let mut item = String::new();
            for c in rest.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        path_at(item.trim(), &joined, out);
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
            path_at(item.trim(), &joined, out);
        } else if !joined.is_empty() {
            out.push(joined);
        }
    }
    let mut out = Vec::new();
    for (at, _) in code.match_indices(prefix) {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        path_at(&code[at + prefix.len()..], "", &mut out);
    }
    out
}

fn within(inner: &str, outer: &str) -> bool {
    outer.is_empty() || inner.starts_with(&format!("{outer}::"))
}

/// Each module's edges to the modules it reads.
fn edges() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    let deepest = |path: &str| -> Option<String> {
        let segments: Vec<&str> = path.split("::").collect();
        (1..=segments.len())
            .rev()
            .map(|n| segments[..n].join("::"))
            .find(|name| modules.contains_key(name))
    };
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (name, code) in &modules {
        let parent = name.rsplit_once("::").map_or("", |(parent, _)| parent);
        let mut named: Vec<String> = paths_after(code, "crate::");
        named.extend(paths_after(code, "super::").into_iter().map(|path| {
            if parent.is_empty() {
                path
            } else {
                format!("{parent}::{path}")
            }
        }));
        let children = paths_after(code, "use ").into_iter().map(|path| {
            if name.is_empty() {
                path
            } else {
                format!("{name}::{path}")
            }
        });
        for target in named.iter().filter_map(|path| deepest(path)) {
            if target != *name && !within(name, &target) && !within(&target, name) {
                edges.entry(name.clone()).or_default().insert(target);
            }
        }
        for child in children.filter_map(|path| deepest(&path)) {
            if !name.is_empty() && within(&child, name) {
                edges.entry(name.clone()).or_default().insert(child);
            }
        }
    }
    edges
}

/// A circle through the edges, as the modules round it, if there is one.
fn circle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut round = path[at..].to_vec();
            round.push(node.to_owned());
            return Some(round);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(round) = visit(next, edges, path, done) {
                return Some(round);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|node| visit(node, edges, &mut Vec::new(), &mut done))
}

#[test]
fn no_module_reads_a_module_that_reads_it_back() {
    let edges = edges();
    assert_eq!(circle(&edges), None, "an import circle under src/");
}

/// The scan sees the edges it must: without them the test above would pass on nothing.
#[test]
fn the_scan_finds_use_lines_groups_super_paths_and_re_exports() {
    let edges = edges();
    let reads = |from: &str, to: &str| edges.get(from).is_some_and(|to_set| to_set.contains(to));
    assert!(
        reads("pages::article", "chunks"),
        "crate:: in an expression"
    );
    assert!(
        reads("components::ticker", "components::flash_list"),
        "super::"
    );
    assert!(reads("components::ticker", "ticker_pause"), "a use group");
    assert!(reads("bidi", "char_class"), "a path in a function body");
    let mut fake = edges.clone();
    fake.entry("chunks".into())
        .or_default()
        .insert("pages::article".into());
    assert!(circle(&fake).is_some(), "a circle added is found");
}

#[test]
fn paths_are_read_from_groups_nested_or_not() {
    let code = "use crate::{a, b::{c, d::E}};\nlet x = crate::f::g(1);";
    assert_eq!(
        paths_after(code, "crate::"),
        ["a", "b::c", "b::d::E", "f::g"]
    );
}
