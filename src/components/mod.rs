pub mod layout;
pub mod notice;
pub mod results;
pub mod search_box;
