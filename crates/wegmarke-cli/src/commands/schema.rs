//! `schema`: writes the JSON Schemas of the data files.

use std::path::Path;
use std::process::ExitCode;

/// The `schema` command.
pub fn run(out: &Path) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("{}: {e}", out.display());
        return ExitCode::from(2);
    }
    for (name, schema) in wegmarke_core::schema::all() {
        let path = out.join(name);
        if let Err(e) = std::fs::write(&path, schema) {
            eprintln!("{}: {e}", path.display());
            return ExitCode::from(2);
        }
        println!("{}", path.display());
    }
    ExitCode::SUCCESS
}
