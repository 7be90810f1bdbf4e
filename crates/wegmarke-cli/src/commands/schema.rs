//! `schema`: writes the JSON Schemas of the data files.

use std::path::Path;
use std::process::ExitCode;

/// The `schema` command.
pub fn run(out: &Path) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(out) {
        eprintln!("{}", crate::msg::inert(&format!("{}: {e}", out.display())));
        return ExitCode::from(2);
    }
    for (name, schema) in wegmarke_core::schema::all() {
        let path = out.join(name);
        if let Err(e) = std::fs::write(&path, schema) {
            eprintln!("{}", crate::msg::inert(&format!("{}: {e}", path.display())));
            return ExitCode::from(2);
        }
        crate::msg::say(&path.display().to_string());
    }
    ExitCode::SUCCESS
}
