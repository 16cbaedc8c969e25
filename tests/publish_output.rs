//! Publish-time output (see src/publish).
