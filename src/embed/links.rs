/// Set in the embedded ticker: its links leave the iframe for our site, at
/// `origin`, in the window `target` names.
#[derive(Clone, Debug)]
pub struct EmbedLinks {
    pub origin: String,
    pub target: super::LinkTarget,
}
