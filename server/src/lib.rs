//! Một Cửa server: the REST API under `/api` and the built front-end, in one process.

pub mod app;
pub mod auth;
pub mod backup;
pub mod catalog;
pub mod clock;
pub mod config;
pub mod domain;
pub mod error;
pub mod files;
pub mod front_end;
pub mod ids;
pub mod logging;
pub mod personal_data;
pub mod routes;
pub mod security;
pub mod state;
pub mod store;
pub mod throttle;
