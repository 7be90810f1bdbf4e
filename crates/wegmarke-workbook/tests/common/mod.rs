//! The bundled example plan (`public/data`) for the workbook tests: its files' bytes as
//! published, and the same typed.

use std::path::Path;

use wegmarke_core::DATA_FILES;
use wegmarke_workbook::export::Data;

/// The example's three data files (plan, measures, indicators), byte for byte.
pub fn example_files() -> [Vec<u8>; 3] {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
    DATA_FILES.map(|f| std::fs::read(dir.join(f)).expect("example file"))
}

/// The example's data, typed.
#[allow(dead_code)] // not every test file uses both
pub fn example() -> Data {
    let [plan, measures, indicators] = example_files();
    Data {
        plan: serde_json::from_slice(&plan).expect("plan.json"),
        measures: serde_json::from_slice(&measures).expect("measures.json"),
        indicators: serde_json::from_slice(&indicators).expect("indicators.json"),
    }
}
