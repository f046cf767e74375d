//! Server tests over real HTTP, each on SQLite and on PostgreSQL. One binary, so one link.

mod helpers;
mod process;
mod samples;
mod staff_support;

mod apology;
mod backup;
mod bad_inputs;
mod crash;
mod dossiers;
mod front_end;
mod health;
mod import;
mod limits;
mod logs;
mod nodes;
mod openapi;
mod personal_data;
mod procedures;
mod rating;
mod retention;
mod security_headers;
mod staff_auth;
mod staff_dossier;
mod staff_inbox;
mod stats;
mod store;
mod supplement;
mod tracking;
mod uploads;
mod workflow;
