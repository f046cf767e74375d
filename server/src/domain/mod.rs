//! What the portal does, between the HTTP routes and the store.

pub mod filing;
pub mod rating;
pub mod tracking;
pub mod uploads;
