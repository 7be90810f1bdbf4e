//! The staff tool `wegmarke-daten` as a library, so that the binary stays a thin clap layer and
//! the tests can reach the workbook model directly (round trips, fuzzing).
//!
//! - [`commands`]: one module per subcommand (validate, template, import, export, publish,
//!   boundaries, snapshot, schema)
//! - [`boundaries`]: district boundary files checked against the plan and simplified
//! - [`workbook`] (the `wegmarke-workbook` crate): the spreadsheet side: table model, sheet
//!   definitions, xlsx/ods/csv I/O and the conversion between the three JSON files and the sheets
//! - [`input`]: reading a workbook file or CSV folder from disk
//! - [`files`]: the data folder side: reading and validating it, canonical JSON, atomic writes, backups, the write manifest
//! - [`msg`]: messages in German and English

// Errors are located findings with messages in two languages; they are built once per problem,
// never in a hot loop, so their size does not matter.
#![allow(clippy::result_large_err)]

pub mod boundaries;
pub mod commands;
pub mod files;
pub mod input;
pub mod msg;

/// The workbook crate, under the name the commands have always used.
pub use wegmarke_workbook as workbook;

pub use msg::{Lang, Msg};
