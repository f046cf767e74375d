pub mod filters;
pub mod layout;
pub mod notice;
pub mod procedure_parts;
pub mod qr;
pub mod results;
pub mod search_box;
