//! Fuzzing on the stable toolchain: every importer (CSV, XLSX and JSON of each kind of
//! record) and every content loader (questionnaires, learning path) is fed mutated inputs —
//! bits flipped, bytes replaced by separators, quotes and brackets, ranges deleted,
//! duplicated or spliced from another input, files cut short — and must answer with a value
//! or errors, never a panic.
//!
//! The corpus lives in `fuzz/corpus/<target>/` (seed files, and any input that once made a
//! target panic, kept as a regression); JSON and XLSX seeds are written from the CSV seeds,
//! and the content loaders start from the shipped content. Without `FUZZ_SECONDS`, each
//! target runs a few hundred inputs (CI); `bench/fuzz.sh` runs each for ten minutes.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use alliances_domain::alliance::{Alliance, Referential};
use alliances_domain::catalyseur::Catalyseur;
use alliances_domain::figure::{FigureContext, KeyFigure};
use alliances_domain::outil::Outil;
use alliances_domain::record::Record;
use alliances_store::exchange::{self, Format};
use alliances_store::seed;
use alliances_testkit::{Backend, loaded_db};
use serde::Serialize;
use serde::de::DeserializeOwned;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// Inputs per target when no duration is given (CI); fewer for the learning path, whose
/// every input parses all its modules.
const SHORT: usize = 300;
const SHORT_PATH: usize = 40;

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Bytes a parser cares about.
const INTERESTING: &[u8] = b",;\"\n\r\t{}[]:=#'\\ -|()<>&\x00\xff\xc3\xa9";

/// One to four mutations of an input of the corpus (another one may be spliced in).
fn mutate(rng: &mut Rng, corpus: &[Vec<u8>]) -> Vec<u8> {
    let mut data = corpus[rng.below(corpus.len())].clone();
    for _ in 0..=rng.below(4) {
        let len = data.len();
        match rng.below(8) {
            0 if len > 0 => {
                let i = rng.below(len);
                data[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                data[i] = INTERESTING[rng.below(INTERESTING.len())];
            }
            2 => {
                let i = rng.below(len + 1);
                let n = 1 + rng.below(8);
                for _ in 0..n {
                    data.insert(i, INTERESTING[rng.below(INTERESTING.len())]);
                }
            }
            3 if len > 0 => {
                let i = rng.below(len);
                let n = 1 + rng.below((len - i).min(64));
                data.drain(i..i + n);
            }
            4 if len > 0 => {
                let i = rng.below(len);
                let n = 1 + rng.below((len - i).min(256));
                let piece = data[i..i + n].to_vec();
                let at = rng.below(len + 1);
                data.splice(at..at, piece);
            }
            5 if len > 0 => data.truncate(rng.below(len)),
            6 => {
                let other = &corpus[rng.below(corpus.len())];
                if !other.is_empty() {
                    let from = rng.below(other.len());
                    let n = 1 + rng.below((other.len() - from).min(512));
                    let at = rng.below(len + 1);
                    data.splice(at..at, other[from..from + n].iter().copied());
                }
            }
            _ => {
                // A random byte anywhere.
                let i = rng.below(len + 1);
                data.insert(i, (rng.next() & 0xff) as u8);
            }
        }
    }
    data
}

fn corpus_dir(target: &str) -> PathBuf {
    Path::new(ROOT).join("fuzz/corpus").join(target)
}

/// The files kept for a target (seeds and regressions), sorted by name.
fn kept(target: &str) -> Vec<Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(corpus_dir(target)) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| std::fs::read(p).expect("a corpus file"))
        .collect()
}

/// How many kept files are regressions (`crash-*`), which need not be valid.
fn kept_regressions(target: &str) -> usize {
    std::fs::read_dir(corpus_dir(target)).map_or(0, |entries| {
        entries
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with("crash-"))
            .count()
    })
}

fn budget() -> Option<Duration> {
    std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .map(Duration::from_secs)
}

/// Runs `target` (which says whether it accepted the input) on every kept input — each
/// must be accepted: seeds are valid files — then on mutations until the budget is spent; a
/// panic saves its input into the corpus and fails with its path.
fn fuzz(name: &str, mut corpus: Vec<Vec<u8>>, short: usize, target: &dyn Fn(&[u8]) -> bool) {
    corpus.extend(kept(name));
    assert!(!corpus.is_empty(), "{name}: no seed");
    let seed = name.bytes().fold(0x9e37_79b9_7f4a_7c15_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    let mut rng = Rng(seed | 1);
    let run = |input: &[u8]| -> bool {
        match catch_unwind(AssertUnwindSafe(|| target(input))) {
            Ok(accepted) => accepted,
            Err(_) => {
                let dir = corpus_dir(name);
                std::fs::create_dir_all(&dir).expect("corpus folder");
                let path = dir.join(format!("crash-{:016x}", fnv(input)));
                std::fs::write(&path, input).expect("save the input");
                panic!("{name}: panic on the input saved in {}", path.display());
            }
        }
    };
    for (i, input) in corpus.iter().enumerate() {
        let accepted = run(input);
        let regression = i >= corpus.len() - kept_regressions(name);
        assert!(accepted || regression, "{name}: seed n° {i} is refused");
    }
    let start = Instant::now();
    let mut done = 0usize;
    let mut accepted = 0usize;
    loop {
        match budget() {
            Some(limit) if start.elapsed() >= limit => break,
            None if done >= short => break,
            _ => {}
        }
        let input = mutate(&mut rng, &corpus);
        accepted += usize::from(run(&input));
        done += 1;
    }
    println!(
        "{name}: {done} mutated inputs in {:.0} s ({accepted} still accepted), no panic",
        start.elapsed().as_secs_f64()
    );
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// Reads `bytes` as a file of `R`; whether it was accepted.
fn read<R: Record + DeserializeOwned>(format: Format, bytes: &[u8], context: &R::Context) -> bool {
    exchange::read_records::<R>(format, bytes, context).is_ok()
}

/// The JSON and XLSX forms of the records of a CSV seed, to start those formats from.
fn other_forms<R: Record + DeserializeOwned + Serialize>(
    csv: &[Vec<u8>],
    context: &R::Context,
    header: &[&str],
    row: impl Fn(&R) -> Vec<String>,
) -> (Vec<Vec<u8>>, Vec<Vec<u8>>) {
    let mut json = Vec::new();
    let mut xlsx = Vec::new();
    for seed in csv {
        let records: Vec<R> = exchange::read_records::<R>(Format::Csv, seed, context)
            .expect("a valid seed")
            .into_iter()
            .map(|(_, r)| r)
            .collect();
        json.push(
            serde_json::to_vec_pretty(
                &serde_json::json!({ "total": records.len(), "resultats": records }),
            )
            .unwrap(),
        );
        xlsx.push(exchange::write_xlsx("fuzz", header, records.iter().map(&row)).unwrap());
    }
    (json, xlsx)
}

struct Contexts {
    referential: Referential,
    figures: FigureContext,
}

fn contexts() -> Contexts {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let t = loaded_db(&Backend::Sqlite).await;
        let c = Contexts {
            referential: seed::referential(&t.db).await.unwrap(),
            figures: seed::figure_context(&t.db).await.unwrap(),
        };
        t.remove().await;
        c
    })
}

fn values(columns: Vec<(&'static str, String)>) -> Vec<String> {
    columns.into_iter().map(|(_, v)| v).collect()
}

fn outil_header() -> Vec<&'static str> {
    alliances_domain::outil::COLUMNS
        .iter()
        .chain(alliances_domain::outil::EXTRA_COLUMNS.iter())
        .copied()
        .collect()
}

fn figure_header() -> Vec<&'static str> {
    alliances_domain::figure::REQUIRED_COLUMNS
        .iter()
        .chain(alliances_domain::figure::OPTIONAL_COLUMNS.iter())
        .copied()
        .collect()
}

#[test]
fn alliances_csv() {
    let r = &contexts().referential;
    fuzz("alliances-csv", Vec::new(), SHORT, &|b| {
        read::<Alliance>(Format::Csv, b, r)
    });
}

#[test]
fn alliances_json() {
    let r = &contexts().referential;
    let (json, _) = other_forms::<Alliance>(&kept("alliances-csv"), r, &exchange::columns(), |a| {
        values(a.to_columns(&[]))
    });
    fuzz("alliances-json", json, SHORT, &|b| {
        read::<Alliance>(Format::Json, b, r)
    });
}

#[test]
fn alliances_xlsx() {
    let r = &contexts().referential;
    let (_, xlsx) = other_forms::<Alliance>(&kept("alliances-csv"), r, &exchange::columns(), |a| {
        values(a.to_columns(&[]))
    });
    fuzz("alliances-xlsx", xlsx, SHORT, &|b| {
        read::<Alliance>(Format::Xlsx, b, r)
    });
}

#[test]
fn catalyseurs_csv() {
    let r = &contexts().referential;
    fuzz("catalyseurs-csv", Vec::new(), SHORT, &|b| {
        read::<Catalyseur>(Format::Csv, b, r)
    });
}

#[test]
fn catalyseurs_xlsx() {
    let r = &contexts().referential;
    let (_, xlsx) = other_forms::<Catalyseur>(
        &kept("catalyseurs-csv"),
        r,
        &alliances_domain::catalyseur::COLUMNS,
        |k| values(k.to_columns(&[])),
    );
    fuzz("catalyseurs-xlsx", xlsx, SHORT, &|b| {
        read::<Catalyseur>(Format::Xlsx, b, r)
    });
}

#[test]
fn outils_csv() {
    fuzz("outils-csv", Vec::new(), SHORT, &|b| {
        read::<Outil>(Format::Csv, b, &())
    });
}

#[test]
fn outils_json() {
    let (json, _) = other_forms::<Outil>(&kept("outils-csv"), &(), &outil_header(), |o| {
        values(o.to_columns())
    });
    fuzz("outils-json", json, SHORT, &|b| {
        read::<Outil>(Format::Json, b, &())
    });
}

#[test]
fn outils_xlsx() {
    let (_, xlsx) = other_forms::<Outil>(&kept("outils-csv"), &(), &outil_header(), |o| {
        values(o.to_columns())
    });
    fuzz("outils-xlsx", xlsx, SHORT, &|b| {
        read::<Outil>(Format::Xlsx, b, &())
    });
}

#[test]
fn chiffres_csv() {
    let f = &contexts().figures;
    fuzz("chiffres-csv", Vec::new(), SHORT, &|b| {
        read::<KeyFigure>(Format::Csv, b, f)
    });
}

#[test]
fn chiffres_xlsx() {
    let f = &contexts().figures;
    let (_, xlsx) = other_forms::<KeyFigure>(&kept("chiffres-csv"), f, &figure_header(), |k| {
        values(k.to_columns(f))
    });
    fuzz("chiffres-xlsx", xlsx, SHORT, &|b| {
        read::<KeyFigure>(Format::Xlsx, b, f)
    });
}

#[test]
fn questionnaires() {
    let root = Path::new(ROOT);
    let questionnaires: Vec<Vec<u8>> = ["diagnostic-1.toml", "diagnostic-2.toml"]
        .iter()
        .map(|f| std::fs::read(root.join("content/questionnaires").join(f)).unwrap())
        .collect();
    fuzz("questionnaire", questionnaires, SHORT, &|b| {
        let text = String::from_utf8_lossy(b);
        alliances_domain::questionnaire::parse("fuzz.toml", &text, &|_| true).is_ok()
    });
}

/// The shipped learning path: its module files (name, text) in order, and its variants.
fn learning_path_files() -> (Vec<(String, String)>, String) {
    let root = Path::new(ROOT).join("content/parcours");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join("modules"))
        .unwrap()
        .filter_map(|e| Some(e.ok()?.path()))
        .collect();
    paths.sort();
    let modules = paths
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(p).unwrap())
        })
        .collect();
    let variants = std::fs::read_to_string(root.join("parcours.toml")).unwrap();
    (modules, variants)
}

/// The first module mutated, beside the others and the variants as shipped.
#[test]
fn learning_path_module() {
    let (modules, variants) = learning_path_files();
    let seed = vec![modules[0].1.clone().into_bytes()];
    fuzz("parcours-module", seed, SHORT_PATH, &|b| {
        let mut all = modules.clone();
        all[0].1 = String::from_utf8_lossy(b).into_owned();
        alliances_domain::parcours::parse(&all, ("parcours.toml", &variants), &|_, _| true).is_ok()
    });
}

/// The variants file mutated, with the modules as shipped.
#[test]
fn learning_path_variants() {
    let (modules, variants) = learning_path_files();
    fuzz(
        "parcours-variantes",
        vec![variants.into_bytes()],
        SHORT_PATH,
        &|b| {
            let text = String::from_utf8_lossy(b);
            alliances_domain::parcours::parse(&modules, ("parcours.toml", &text), &|_, _| true)
                .is_ok()
        },
    );
}
