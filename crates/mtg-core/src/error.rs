//! The error type shared by every format crate.

/// Everything that can go wrong while reading or writing tags.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An operating-system level I/O failure.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Shorthand for `Result<T, mtg_core::Error>`.
pub type Result<T> = std::result::Result<T, Error>;
