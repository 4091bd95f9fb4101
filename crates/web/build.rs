//! Embeds every file under `assets/` with a content fingerprint for cache busting, and the
//! module files of the learning path (`content/parcours/modules/*.toml`) in their order.

use std::fmt::Write as _;
use std::path::Path;

fn walk(dir: &Path, root: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("read assets")
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, root, out);
        } else {
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if !rel.ends_with(".md") && !rel.ends_with("LICENSE") {
                out.push(rel);
            }
        }
    }
}

fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap();
    let root = Path::new(&manifest).join("assets");
    println!("cargo:rerun-if-changed=assets");
    let mut files = Vec::new();
    walk(&root, &root, &mut files);
    let mut code = String::from("pub static ASSETS: &[Asset] = &[\n");
    for rel in &files {
        let full = root.join(rel);
        println!("cargo:rerun-if-changed={}", full.display());
        let bytes = std::fs::read(&full).unwrap();
        writeln!(
            code,
            "    Asset {{ path: {rel:?}, hash: \"{:012x}\", bytes: include_bytes!({:?}) }},",
            fnv(&bytes) & 0xffff_ffff_ffff,
            full.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("assets.rs");
    std::fs::write(out, code).unwrap();
    parcours_modules(Path::new(&manifest));
}

/// `PARCOURS_MODULES: &[(name, text)]`, the module files sorted by name (their order).
fn parcours_modules(manifest: &Path) {
    let dir = manifest.join("../../content/parcours/modules");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("read content/parcours/modules")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut code = String::from("pub static PARCOURS_MODULES: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = format!(
            "content/parcours/modules/{}",
            path.file_name().unwrap().to_string_lossy()
        );
        writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("parcours_modules.rs");
    std::fs::write(out, code).unwrap();
}
