//! Writing the published files into the output folder (`mivzak-render --dist
//! DIR`): only files whose bytes changed, each replaced atomically, never
//! anywhere outside DIR.
//!
//! - **Only what changed.** A file whose bytes equal what is already there is
//!   left untouched (same inode, same mtime), so a CDN sync (`aws s3 sync`,
//!   `rclone`, `rsync`) uploads only the pages a run really changed.
//! - **Atomic.** The bytes go to a temporary file in the destination's own
//!   folder (`.mivzak-render-<pid>-<n>.tmp`, same file system), which is then
//!   renamed over the destination (POSIX `rename(2)`): a web server or a sync
//!   reading during a run sees the old page or the new one, never half of one.
//!   A replaced file keeps its permission bits. A hard link in DIR is never
//!   written through (the rename replaces the name, not the inode). No `fsync`:
//!   after a power loss a page may be empty or old, and since a page is
//!   rewritten whenever its bytes differ, the next run repairs it; syncing each
//!   of 10,000 files would cost more than the whole render's budget.
//! - **Inside DIR only.** A relative path is a `/`-separated list of names
//!   ([`check_path`] says which are refused, and why). DIR itself may be a
//!   symbolic link (resolved once, at [`OutputDir::open`]). Inside it, every
//!   component that already exists is looked at before use: a symbolic link
//!   is followed only when it resolves to a place inside DIR, so a stale link,
//!   or one planted by whoever controlled an earlier copy of DIR, cannot
//!   redirect a write (or a read) elsewhere. The check is made at each call,
//!   just before the write; someone who can change DIR *during* a run can
//!   already change its pages, so that race is not defended against.
//! - **Nothing removed unless told** ([`OutputDir::remove`]): pages of items
//!   that left the feed stay (see `manifest`). [`OutputDir::written`] lists
//!   what a run wrote.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};

/// The longest file or folder name, in bytes: `NAME_MAX` (255) on Linux's file
/// systems (ext4, XFS, Btrfs), and 255 on macOS's APFS and in NTFS (in UTF-16
/// units, so a UTF-8 name of 255 bytes fits everywhere).
pub const MAX_NAME_BYTES: usize = 255;

/// Why a relative path was refused by [`check_path`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("it is empty")]
    Empty,
    #[error("it is absolute (starts with /)")]
    Absolute,
    #[error("it has an empty name (// or a / at either end)")]
    EmptyName,
    #[error("it has a . or .. name, which leads elsewhere")]
    DotName,
    #[error("it has a backslash, a folder separator on Windows")]
    Backslash,
    /// The first control character found (Unicode `Cc`: U+0000–U+001F, U+007F–U+009F).
    #[error("it has the control character U+{:04X}", u32::from(*.0))]
    ControlCharacter(char),
    /// A name's length in bytes, over [`MAX_NAME_BYTES`].
    #[error("a name in it is {0} bytes long, more than {MAX_NAME_BYTES}")]
    NameTooLong(usize),
}

/// Why a file could not be written, read or removed. Every message names the
/// path (relative paths in Rust's debug quoting, so a hostile one is shown
/// escaped, never as raw control characters).
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The output folder itself cannot be used.
    #[error("the output folder {dir}: {source}")]
    Folder { dir: PathBuf, source: io::Error },
    /// A relative path that would not stay a plain name inside the folder.
    #[error("refused {path:?} in the output folder: {why}; nothing was written")]
    Refused { path: String, why: Refusal },
    /// A symbolic link on the way (`link`) resolves outside the folder, or to
    /// nothing (a dangling link cannot be shown to stay inside).
    #[error(
        "refused {path:?} in the output folder: {link} is a symbolic link that leads outside it; \
         nothing was written"
    )]
    LinkOutside { path: String, link: PathBuf },
    /// A file stands where the path needs a folder, or a folder where it needs a file.
    #[error("refused {path:?} in the output folder: {at} is {found}")]
    WrongKind {
        path: String,
        at: PathBuf,
        found: &'static str,
    },
    /// The operating system's error on `at`.
    #[error("{at}: {source}")]
    Io { at: PathBuf, source: io::Error },
}

/// What [`OutputDir::write`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    /// There was no file: it was written.
    Created,
    /// The file had other bytes: it was replaced.
    Replaced,
    /// The file had these bytes already: it was not touched.
    Unchanged,
}

impl Written {
    /// Whether a file was written (created or replaced).
    pub fn wrote(self) -> bool {
        self != Written::Unchanged
    }
}

/// Checks a path relative to the output folder: `/`-separated names, as in
/// `article/%D7%90/index.html`. Refused: an empty path, an absolute one
/// (`/etc/x`), an empty name (`a//b`, `a/`), a `.` or `..` name (`../x`,
/// `a/../../x`; POSIX path resolution), a backslash (`a\b`, a separator on
/// Windows, where a copy of DIR may be synced from), a control character
/// (NUL ends a C path; line breaks split log and sync listings), and a name
/// longer than [`MAX_NAME_BYTES`]. Anything else is a plain name: `~`, `%`,
/// `:`, Hebrew, spaces.
pub fn check_path(path: &str) -> Result<(), Refusal> {
    names(path).map(|_| ())
}

/// The names of `path`, checked as [`check_path`] says.
fn names(path: &str) -> Result<Vec<&str>, Refusal> {
    if path.is_empty() {
        return Err(Refusal::Empty);
    }
    if path.starts_with('/') {
        return Err(Refusal::Absolute);
    }
    if let Some(control) = path.chars().find(|c| c.is_control()) {
        return Err(Refusal::ControlCharacter(control));
    }
    if path.contains('\\') {
        return Err(Refusal::Backslash);
    }
    let names: Vec<&str> = path.split('/').collect();
    for name in &names {
        match *name {
            "" => return Err(Refusal::EmptyName),
            "." | ".." => return Err(Refusal::DotName),
            long if long.len() > MAX_NAME_BYTES => return Err(Refusal::NameTooLong(long.len())),
            _ => {}
        }
    }
    Ok(names)
}

/// The output folder: writes, reads and removes files at relative paths
/// inside it (see the module's rules). Shareable between threads.
#[derive(Debug)]
pub struct OutputDir {
    /// Canonical (symbolic links resolved), so "inside" is a prefix test.
    root: PathBuf,
    /// Relative paths written (created or replaced), in order.
    written: Mutex<Vec<String>>,
}

/// Makes each temporary file's name unique within this process.
static TEMPORARY_COUNT: AtomicU64 = AtomicU64::new(0);

impl OutputDir {
    /// The folder `dir`, which must exist (the renderer reads its
    /// `config.json`). Errors: [`OutputError::Folder`] when it is missing or
    /// not a folder.
    pub fn open(dir: impl AsRef<Path>) -> Result<Self, OutputError> {
        let dir = dir.as_ref();
        let folder_error = |source| OutputError::Folder {
            dir: dir.to_owned(),
            source,
        };
        let root = fs::canonicalize(dir).map_err(folder_error)?;
        if !root.is_dir() {
            return Err(folder_error(io::Error::new(
                io::ErrorKind::NotADirectory,
                "not a folder",
            )));
        }
        Ok(Self {
            root,
            written: Mutex::default(),
        })
    }

    /// The folder, canonical.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Writes `bytes` at `path` (relative, see [`check_path`]) unless the file
    /// there has exactly these bytes, creating missing folders, atomically.
    /// Errors: the path refused, a symbolic link leading out, a folder where
    /// the file should be, or the system's error; on any error the destination
    /// is as it was.
    pub fn write(&self, path: &str, bytes: &[u8]) -> Result<Written, OutputError> {
        let Some(file) = self.place(path, true)? else {
            // `place` creates missing folders when asked to, so this is not reached.
            return Err(OutputError::Io {
                at: self.root.join(path),
                source: io::ErrorKind::NotFound.into(),
            });
        };
        self.refuse_link_out(path, &file)?;
        let existing = match fs::metadata(&file) {
            Ok(meta) if meta.is_dir() => {
                return Err(OutputError::WrongKind {
                    path: path.to_owned(),
                    at: file,
                    found: "a folder, not a file",
                })
            }
            Ok(meta) => Some(meta),
            Err(error) if error.kind() == io::ErrorKind::NotFound => None,
            Err(source) => return Err(OutputError::Io { at: file, source }),
        };
        if let Some(meta) = &existing {
            // The length first, so a changed page is usually told without reading it.
            if meta.len() == bytes.len() as u64 && read_file(&file)? == bytes {
                return Ok(Written::Unchanged);
            }
        }
        let outcome = if existing.is_some() {
            Written::Replaced
        } else {
            Written::Created
        };
        replace(&file, bytes, existing.map(|meta| meta.permissions()))?;
        self.written
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(path.to_owned());
        Ok(outcome)
    }

    /// The bytes of the file at `path`, or `None` when there is none. The same
    /// checks as [`OutputDir::write`]; nothing is created.
    pub fn read(&self, path: &str) -> Result<Option<Vec<u8>>, OutputError> {
        let Some(file) = self.place(path, false)? else {
            return Ok(None);
        };
        self.refuse_link_out(path, &file)?;
        match fs::read(&file) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(OutputError::Io { at: file, source }),
        }
    }

    /// Removes the file at `path`; `false` when there was none. Only files:
    /// a folder is refused. A symbolic link is removed itself, never its
    /// target, wherever it leads (the folders on the way are checked as for
    /// [`OutputDir::write`]), so a stale link can be cleared away.
    pub fn remove(&self, path: &str) -> Result<bool, OutputError> {
        let Some(file) = self.place(path, false)? else {
            return Ok(false);
        };
        match fs::symlink_metadata(&file) {
            Ok(meta) if meta.is_dir() => Err(OutputError::WrongKind {
                path: path.to_owned(),
                at: file,
                found: "a folder, not a file",
            }),
            Ok(_) => fs::remove_file(&file)
                .map(|()| true)
                .map_err(|source| OutputError::Io { at: file, source }),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(source) => Err(OutputError::Io { at: file, source }),
        }
    }

    /// The relative paths written so far (created or replaced, not unchanged),
    /// in the order they were written.
    pub fn written(&self) -> Vec<String> {
        self.written
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Where `path` is on disk, each existing folder on the way checked (the
    /// file itself is checked by [`OutputDir::refuse_link_out`]); missing
    /// folders are created when `create`, else `None` is returned for them.
    fn place(&self, path: &str, create: bool) -> Result<Option<PathBuf>, OutputError> {
        let names = names(path).map_err(|why| OutputError::Refused {
            path: path.to_owned(),
            why,
        })?;
        let (file_name, folders) = names.split_last().unwrap_or((&"", &[]));
        let mut here = self.root.clone();
        for folder in folders {
            let next = here.join(folder);
            match fs::symlink_metadata(&next) {
                Ok(meta) if meta.file_type().is_symlink() => {
                    here = self.inside(path, &next)?;
                    if !here.is_dir() {
                        return Err(OutputError::WrongKind {
                            path: path.to_owned(),
                            at: next,
                            found: "a link to a file, where a folder is needed",
                        });
                    }
                }
                Ok(meta) if meta.is_dir() => here = next,
                Ok(_) => {
                    return Err(OutputError::WrongKind {
                        path: path.to_owned(),
                        at: next,
                        found: "a file, where a folder is needed",
                    })
                }
                Err(error) if error.kind() == io::ErrorKind::NotFound => {
                    if !create {
                        return Ok(None);
                    }
                    match fs::create_dir(&next) {
                        Ok(()) => here = next,
                        // Another writer made it in the meantime: look again.
                        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
                            return self.place(path, create);
                        }
                        Err(source) => return Err(OutputError::Io { at: next, source }),
                    }
                }
                Err(source) => return Err(OutputError::Io { at: next, source }),
            }
        }
        Ok(Some(here.join(file_name)))
    }

    /// Refuses `file` (the place of `path`) when it is a symbolic link that
    /// leads out of the folder, before it is read or written through.
    fn refuse_link_out(&self, path: &str, file: &Path) -> Result<(), OutputError> {
        match fs::symlink_metadata(file) {
            Ok(meta) if meta.file_type().is_symlink() => self.inside(path, file).map(|_| ()),
            Ok(_) => Ok(()),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(OutputError::Io {
                at: file.to_owned(),
                source,
            }),
        }
    }

    /// The canonical target of the symbolic link `link`, when it is inside
    /// the folder; else [`OutputError::LinkOutside`].
    fn inside(&self, path: &str, link: &Path) -> Result<PathBuf, OutputError> {
        match fs::canonicalize(link) {
            // Component-wise: `/srv/dist-old` is not inside `/srv/dist`.
            Ok(target) if target.starts_with(&self.root) => Ok(target),
            _ => Err(OutputError::LinkOutside {
                path: path.to_owned(),
                link: link.to_owned(),
            }),
        }
    }
}

fn read_file(file: &Path) -> Result<Vec<u8>, OutputError> {
    fs::read(file).map_err(|source| OutputError::Io {
        at: file.to_owned(),
        source,
    })
}

/// Writes `bytes` to a new temporary file beside `file` and renames it over
/// `file`; the temporary file is removed again on any error.
fn replace(
    file: &Path,
    bytes: &[u8],
    permissions: Option<fs::Permissions>,
) -> Result<(), OutputError> {
    let folder = file.parent().unwrap_or(Path::new("."));
    let (temporary, mut handle) = loop {
        let count = TEMPORARY_COUNT.fetch_add(1, Ordering::Relaxed);
        let temporary = folder.join(format!(".mivzak-render-{}-{count}.tmp", std::process::id()));
        // create_new: never opens (or follows a link at) an existing name.
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)
        {
            Ok(handle) => break (temporary, handle),
            // A leftover of a crashed run that had this process id: the next name.
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(source) => {
                return Err(OutputError::Io {
                    at: temporary,
                    source,
                })
            }
        }
    };
    let written = handle
        .write_all(bytes)
        .and_then(|()| match permissions {
            Some(permissions) => handle.set_permissions(permissions),
            None => Ok(()),
        })
        .map_err(|source| OutputError::Io {
            at: temporary.clone(),
            source,
        });
    drop(handle);
    let renamed = written.and_then(|()| {
        fs::rename(&temporary, file).map_err(|source| OutputError::Io {
            at: file.to_owned(),
            source,
        })
    });
    if renamed.is_err() {
        // Best effort: the error that matters is the one returned.
        let _ = fs::remove_file(&temporary);
    }
    renamed
}
