//! The procedure catalog: the demo set shipped in the repo, the national catalog import, and the
//! live search index.

pub mod demo;
pub mod import;
pub mod live;
pub mod national;
