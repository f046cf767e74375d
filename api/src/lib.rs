//! Types and pure rules shared by the Một Cửa browser app and server.
//!
//! Nothing here does I/O: the browser and the server call the same functions, so they accept and
//! reject the same input with the same message (Vietnamese and English, [`message`]).

pub mod apology;
pub mod applicant;
pub mod area;
pub mod calendar;
pub mod date;
pub mod dossier;
pub mod error;
pub mod filing;
pub mod message;
pub mod procedure;
pub mod query;
pub mod rating;
pub mod search;
pub mod server_messages;
pub mod staff;
pub mod stats;
pub mod tracking;
pub mod workflow;

pub use error::ErrorBody;
pub use procedure::*;
pub use query::{ProcedureQuery, QueryError, RawProcedureQuery};
