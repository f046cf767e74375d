//! Server tests over real HTTP, each on SQLite and on PostgreSQL. One binary, so one link.

mod helpers;
mod samples;

mod dossiers;
mod front_end;
mod health;
mod import;
mod procedures;
mod rating;
mod store;
mod tracking;
mod uploads;
