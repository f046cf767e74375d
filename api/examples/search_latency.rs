//! Latency of the catalog search on the national catalog, optionally multiplied.
//!
//! ```text
//! cargo run --release -p motcua-api --example search_latency -- [CATALOG.jsonl.gz] [--copies N] [--rounds R]
//! ```
//!
//! `--copies 100` adds 99 synthetic copies of every procedure (distinct codes, agencies suffixed
//! with a province number), so 2,642 procedures become 264,200. Every query of a mixed set —
//! citizen queries, every prefix of a few queries as they are typed, typos, codes, empty queries
//! with filters, deep pages — runs `R` times; the program prints p50/p99/max per query and
//! overall, in microseconds, with the build time and the memory held.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use motcua_api::search::SearchIndex;

#[path = "../tests/support/national_catalog.rs"]
mod national_catalog;
use motcua_api::{Level, ProcedureQuery, ProcedureSummary};
use national_catalog::load;

/// Counts the bytes held, to report memory without an external tool.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let now = HELD.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) };
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let moved = unsafe { System.realloc(ptr, layout, new_size) };
        if !moved.is_null() {
            HELD.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        moved
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const DEFAULT_CATALOG: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/data/tthc-national.jsonl.gz"
);

/// What citizens type (the relevance queries and more).
const QUERIES: &[&str] = &[
    "dang ky khai sinh",
    "dang ky ket hon",
    "dang ky thuong tru",
    "cap lai the can cuoc",
    "ĐĂNG KÝ KẾT HÔN",
    "Cấp lại giấy phép lái xe",
    "xác nhận tình trạng hôn nhân",
    "giay xac nhan doc than",
    "giấy khai sinh",
    "lam so do",
    "sang ten so do",
    "bang lai xe bi mat",
    "lam cccd cho con duoi 14 tuoi",
    "nhap ho khau",
    "ly lich tu phap",
    "lltp",
    "giay phep kinh doanh ho ca the",
    "mo cong ty tnhh 1 thanh vien",
    "xin phep xay nha",
    "cong chung ban sao",
    "mat passport",
    "xin visa cho nguoi nuoc ngoai",
    "rut bhxh 1 lan",
    "ma so thue ca nhan",
    "sang ten xe may",
    "toi muon lam giay khai sinh cho con",
    "thu tuc dang ky ket hon can gi",
    "dang ky xe may moi mua",
    "hoan thue thu nhap ca nhan",
    "chung thuc hop dong mua ban nha",
    "giay phep xay dung sua chua nha",
    "dang ky khai sinh co yeu to nuoc ngoai",
    // Common words only: the most postings to walk.
    "cap giay chung nhan",
    "dang ky",
    "cap",
    "thu tuc hanh chinh cap tinh",
    // Typos and glued words.
    "dang ki khai sinhh",
    "xac nhan tinh trnag hon nhan",
    "dang ky thuogn tru",
    "giay phep lai xe quoc tee",
    "chuyeenn nhuongg quyenn su dungg datt",
    "khaisinh",
    "dangky kethon",
    "cap hochieu",
    // Codes.
    "1.001193",
    "1 004873",
    "3000348",
    "1.0011",
];

/// Queries typed one character at a time: every prefix is searched.
const TYPED: &[&str] = &[
    "dang ky khai sinh",
    "cap lai giay phep lai xe",
    "xac nhan tinh trang hon nhan",
];

/// The catalog `copies` times: copy k > 0 gets code `CODE-k` and agency `AGENCY – tỉnh k`.
fn multiply(docs: Vec<ProcedureSummary>, copies: usize) -> Vec<ProcedureSummary> {
    let mut all = Vec::with_capacity(docs.len() * copies);
    for k in 1..copies {
        all.extend(docs.iter().map(|doc| ProcedureSummary {
            code: format!("{}-{k:03}", doc.code),
            agency: format!("{} – tỉnh {k}", doc.agency),
            ..doc.clone()
        }));
    }
    all.extend(docs);
    all
}

fn queries(index: &SearchIndex) -> Vec<(String, ProcedureQuery)> {
    let text = |q: &str| ProcedureQuery {
        q: q.to_string(),
        ..ProcedureQuery::default()
    };
    let mut all: Vec<(String, ProcedureQuery)> = QUERIES
        .iter()
        .map(|q| (format!("{q:?}"), text(q)))
        .collect();
    for typed in TYPED {
        for (end, _) in typed.char_indices().skip(1).chain([(typed.len(), ' ')]) {
            let prefix = typed[..end].trim_end();
            all.push((format!("{:?} (typing)", &typed[..end]), text(prefix)));
        }
    }
    let biggest_field = index.fields().first().map(|f| f.name.clone());
    let biggest_agency = index.agencies().first().map(|a| a.name.clone());
    all.push(("empty".into(), text("")));
    all.push((
        "empty, page 100".into(),
        ProcedureQuery {
            page: 100,
            ..text("")
        },
    ));
    all.push((
        "empty, level=commune".into(),
        ProcedureQuery {
            level: Some(Level::Commune),
            ..text("")
        },
    ));
    all.push((
        format!("empty, field={biggest_field:?}, level=province"),
        ProcedureQuery {
            field: biggest_field.clone(),
            level: Some(Level::Province),
            ..text("")
        },
    ));
    all.push((
        format!("empty, agency={biggest_agency:?}"),
        ProcedureQuery {
            agency: biggest_agency,
            ..text("")
        },
    ));
    all.push((
        "\"dang ky\", level=commune, page 50".into(),
        ProcedureQuery {
            level: Some(Level::Commune),
            page: 50,
            ..text("dang ky")
        },
    ));
    all.push((
        format!("\"cap lai\", field={biggest_field:?}"),
        ProcedureQuery {
            field: biggest_field,
            ..text("cap lai")
        },
    ));
    all
}

/// The value at quantile `q` of sorted `values`.
fn quantile(sorted: &[u128], q: f64) -> u128 {
    let at = ((sorted.len() as f64 - 1.0) * q).round() as usize;
    sorted[at]
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn main() {
    let mut path = DEFAULT_CATALOG.to_string();
    let mut copies = 1usize;
    let mut rounds = 20usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> usize {
            args.next()
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("{name} needs a number"))
        };
        match arg.as_str() {
            "--copies" => copies = number("--copies").max(1),
            "--rounds" => rounds = number("--rounds").max(1),
            _ => path = arg,
        }
    }

    let started = Instant::now();
    let docs = match load(&path) {
        Ok(docs) => docs,
        Err(error) => {
            eprintln!("cannot read {path}: {error}");
            std::process::exit(1);
        }
    };
    let national = docs.len();
    let docs = multiply(docs, copies);
    println!(
        "catalog: {national} procedures × {copies} = {} (loaded in {:.2} s)",
        docs.len(),
        started.elapsed().as_secs_f64()
    );

    let before = HELD.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let started = Instant::now();
    let index = SearchIndex::new(docs);
    let build = started.elapsed();
    let after = HELD.load(Ordering::Relaxed);
    let peak = PEAK.load(Ordering::Relaxed);
    println!(
        "build: {:.1} ms; memory: summaries {:.1} MiB, index on top {:.1} MiB, peak during build {:.1} MiB",
        build.as_secs_f64() * 1000.0,
        mib(before),
        mib(after.saturating_sub(before)),
        mib(peak)
    );

    let queries = queries(&index);
    let mut times: Vec<Vec<u128>> = vec![Vec::with_capacity(rounds); queries.len()];
    let mut totals = vec![0u64; queries.len()];
    for round in 0..=rounds {
        for (i, (_, query)) in queries.iter().enumerate() {
            let started = Instant::now();
            let page = index.search(query);
            let elapsed = started.elapsed().as_micros();
            // Round 0 warms the caches and is not counted.
            if round > 0 {
                times[i].push(elapsed);
            }
            totals[i] = page.total;
        }
    }

    println!(
        "{} queries × {rounds} rounds = {} searches (µs)",
        queries.len(),
        queries.len() * rounds
    );
    println!(
        "{:>8} {:>8} {:>8} {:>8}  query",
        "p50", "p99", "max", "hits"
    );
    let mut all: Vec<u128> = Vec::with_capacity(queries.len() * rounds);
    for ((label, _), (runs, total)) in queries.iter().zip(times.iter_mut().zip(&totals)) {
        runs.sort_unstable();
        all.extend_from_slice(runs);
        println!(
            "{:>8} {:>8} {:>8} {:>8}  {label}",
            quantile(runs, 0.5),
            quantile(runs, 0.99),
            runs[runs.len() - 1],
            total
        );
    }
    all.sort_unstable();
    println!(
        "overall: p50 {} µs, p99 {} µs, max {} µs over {} searches",
        quantile(&all, 0.5),
        quantile(&all, 0.99),
        all[all.len() - 1],
        all.len()
    );
}
