//! One file per route.

pub mod accessibility;
pub mod article;
pub mod home;
pub mod not_found;
pub mod tag;
