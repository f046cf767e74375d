//! What the portal does, between the HTTP routes and the store.

pub mod apology;
pub mod columns;
pub mod content_scan;
pub mod counter;
pub mod dossier_view;
pub mod filing;
pub mod inbox;
pub mod rating;
pub mod retention;
pub mod supplement;
pub mod tracking;
pub mod uploads;
pub mod workflow;
