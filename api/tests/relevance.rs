//! Relevance of the catalog search on the real national catalog (2,642 procedures): what
//! citizens actually type — no diacritics, typos, colloquial names, codes, everyday phrasing —
//! and the procedure they mean, chosen by reading the catalog.
//!
//! Skips (with a message) when the catalog file is absent.

use std::collections::HashMap;

use motcua_api::search::SearchIndex;

#[path = "support/national_catalog.rs"]
mod national_catalog;
use motcua_api::ProcedureQuery;

const CATALOG: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/data/tthc-national.jsonl.gz"
);

/// (query, acceptable codes). Several codes only where the catalog holds the same procedure
/// once per level with the same name (e.g. "Trình báo mất hộ chiếu phổ thông" ×4), or where
/// the query is honestly ambiguous between two.
///
/// The ranking and the synonym table were tuned while looking at these.
const TUNED: &[(&str, &[&str])] = &[
    // The catalog's own words, without diacritics.
    ("dang ky khai sinh", &["1.001193"]),
    ("dang ky ket hon", &["1.000894"]),
    ("dang ky khai tu", &["1.000656"]),
    ("dang ky thuong tru", &["1.004222"]),
    ("dang ky tam tru", &["1.004194"]),
    ("khai bao tam vang", &["1.003677"]),
    ("cap lai the can cuoc", &["1.014064"]),
    ("khai sinh luu dong", &["1.003583"]),
    ("dang ky khai sinh co yeu to nuoc ngoai", &["2.000528"]),
    ("trich luc ban sao giay khai sinh", &["2.000635"]),
    ("chung thuc chu ky", &["2.000884"]),
    ("chung thuc di chuc", &["2.001019"]),
    ("nhap quoc tich viet nam", &["2.002039"]),
    ("thanh lap doanh nghiep tu nhan", &["2.001610"]),
    ("cai chinh ho tich", &["1.004859"]),
    // With diacritics, any case.
    ("ĐĂNG KÝ KẾT HÔN", &["1.000894"]),
    ("Cấp lại giấy phép lái xe", &["3.000348"]),
    ("xác nhận tình trạng hôn nhân", &["1.004873"]),
    // Colloquial names.
    ("giay xac nhan doc than", &["1.004873"]),
    ("giấy khai sinh", &["1.001193"]),
    ("lam so do", &["1.013978"]),
    // The brief's example; 1.012753 is the same procedure for organisations.
    ("lam so do lan dau", &["1.013978", "1.012753"]),
    ("sang ten so do", &["1.013831"]),
    ("mat so do", &["1.012786"]),
    ("bang lai xe bi mat", &["3.000348"]),
    ("doi bang lai xe", &["3.000347"]),
    ("bang lai quoc te", &["3.000353"]),
    ("lam cccd cho con duoi 14 tuoi", &["1.014062"]),
    ("cccd bi mat", &["1.014064"]),
    ("doi cmnd sang can cuoc", &["1.014063"]),
    ("nhap ho khau", &["1.004222"]),
    ("cat ho khau", &["1.003197"]),
    ("ly lich tu phap", &["3.000333"]),
    ("lltp", &["3.000333"]),
    ("giay phep kinh doanh ho ca the", &["1.001612"]),
    ("mo cong ty tnhh 1 thanh vien", &["2.001583"]),
    ("xin phep xay nha", &["1.013225"]),
    ("cong chung ban sao", &["2.000815"]),
    ("lam ho chieu", &["1.001456", "1.001471"]),
    (
        "mat passport",
        &["1.001445", "1.010385", "1.010386", "2.000539"],
    ),
    ("xin visa cho nguoi nuoc ngoai", &["1.001194", "1.003342"]),
    ("rut bhxh 1 lan", &["1.001613"]),
    ("che do thai san", &["2.000693"]),
    ("ma so thue ca nhan", &["1.008498"]),
    ("sang ten xe may", &["1.013076"]),
    ("lay chong nuoc ngoai", &["2.000806"]),
    ("xac nhan cu tru", &["1.010041"]),
    ("nhan con nuoi", &["2.001263"]),
    ("the bhyt", &["2.000639", "1.003116"]),
    ("ho ngheo", &["1.011606", "1.011607"]),
    ("mua ban dat", &["1.013831"]),
    ("dinh danh dien tu muc 2", &["3.000228"]),
    // Typos, glued words, half-typed words.
    ("dang ki khai sinhh", &["1.001193"]),
    ("xac nhan tinh trnag hon nhan", &["1.004873"]),
    ("dang ky thuogn tru", &["1.004222"]),
    ("giay phep lai xe quoc tee", &["3.000353"]),
    ("khaisinh", &["1.001193"]),
    ("dangky kethon", &["1.000894"]),
    ("khai si", &["1.001193"]),
    ("dang ky ket h", &["1.000894"]),
    ("ly lich tu ph", &["3.000333"]),
    // Codes.
    ("1.001193", &["1.001193"]),
    ("1 004873", &["1.004873"]),
    ("3000348", &["3.000348"]),
    // Everyday phrasing.
    ("toi muon lam giay khai sinh cho con", &["1.001193"]),
    ("lam ho chieu o dau", &["1.001456", "1.001471"]),
    ("thu tuc dang ky ket hon can gi", &["1.000894"]),
    ("dang ky xe may moi mua", &["1.013067", "1.012575"]),
    ("hoan thue thu nhap ca nhan", &["2.002233"]),
];

/// Written after the tuning above and not tuned on: how well the engine generalises.
const HELD_OUT: &[(&str, &[&str])] = &[
    ("dang ky lai khai sinh", &["1.004884"]),
    ("lam lai giay khai sinh bi mat", &["2.000635", "1.004884"]),
    ("dang ky giam ho", &["1.004837"]),
    ("xoa tam tru", &["1.010028"]),
    ("gia han tam tru", &["1.002755"]),
    ("thong bao luu tru", &["2.001159"]),
    ("che do om dau", &["1.001667"]),
    ("tro cap tu tuat", &["2.000821"]),
    ("cap lai the bao hiem y te", &["1.001294", "1.001327"]),
    ("dong cua ho kinh doanh", &["1.001266"]),
    ("thay doi noi dung dang ky ho kinh doanh", &["2.000720"]),
    ("khoa can cuoc dien tu", &["3.000276", "3.000271"]),
    ("tach thua dat", &["1.012784"]),
    ("cap doi so do", &["1.012783"]),
    ("dinh chinh so hong", &["1.012790", "1.012796"]),
    ("hoa giai tranh chap dat dai", &["1.012812"]),
    ("thue dat phi nong nghiep", &["1.007695"]),
    ("dang ky mau con dau moi", &["2.001403"]),
    ("thoi quoc tich", &["2.002036"]),
    ("nhan cha me con", &["1.001022"]),
    ("dang ky ket hon lai", &["1.004746"]),
    ("xac nhan so cmnd 9 so", &["1.012566"]),
    ("doi bang lai xe nuoc ngoai", &["3.000351"]),
    ("chung thuc hop dong mua ban nha", &["2.001035"]),
    ("cap hochieu", &["1.001456", "1.001471"]),
    (
        "trinh bao mat ho chieu",
        &["1.001445", "1.010385", "1.010386", "2.000539"],
    ),
    ("giay phep xay dung sua chua nha", &["1.013229"]),
    ("dang ky khai tu luu dong", &["1.000419"]),
    ("khai thue ho kinh doanh", &["1.011022"]),
];

/// (hits at rank 1, hits in the top 3), printing every query not ranked first.
fn evaluate(
    index: &SearchIndex,
    names: &HashMap<String, String>,
    cases: &[(&str, &[&str])],
) -> (usize, usize) {
    let (mut hit1, mut hit3) = (0, 0);
    for (q, expected) in cases {
        let page = index.search(&ProcedureQuery {
            q: q.to_string(),
            limit: 10,
            ..ProcedureQuery::default()
        });
        let rank = page
            .items
            .iter()
            .position(|item| expected.contains(&item.code.as_str()));
        hit1 += usize::from(rank == Some(0));
        hit3 += usize::from(rank.is_some_and(|r| r < 3));
        if rank != Some(0) {
            println!(
                "{} {q:?}: expected {} {}, rank {}",
                if rank.is_some_and(|r| r < 3) {
                    "top3"
                } else {
                    "MISS"
                },
                expected[0],
                names[expected[0]],
                rank.map_or("> 10".to_string(), |r| (r + 1).to_string())
            );
            for item in page.items.iter().take(3) {
                println!("      {} {}", item.code, item.name);
            }
        }
    }
    println!(
        "  {} queries: hit@1 = {:.3} ({hit1}), hit@3 = {:.3} ({hit3})",
        cases.len(),
        hit1 as f64 / cases.len() as f64,
        hit3 as f64 / cases.len() as f64
    );
    (hit1, hit3)
}

#[test]
fn citizen_queries_find_their_procedure() {
    if !std::path::Path::new(CATALOG).exists() {
        println!("skipped: catalog not found at {CATALOG}");
        return;
    }
    let docs = national_catalog::load(CATALOG).expect("the national catalog reads");
    let names: HashMap<String, String> = docs
        .iter()
        .map(|d| (d.code.clone(), d.name.clone()))
        .collect();
    for (_, expected) in TUNED.iter().chain(HELD_OUT) {
        for code in *expected {
            assert!(names.contains_key(*code), "{code} is not in the catalog");
        }
    }
    let index = SearchIndex::new(docs);
    println!("tuned set:");
    let (tuned1, tuned3) = evaluate(&index, &names, TUNED);
    println!("held-out set:");
    let (held1, held3) = evaluate(&index, &names, HELD_OUT);
    let n = (TUNED.len() + HELD_OUT.len()) as f64;
    let (at1, at3) = ((tuned1 + held1) as f64 / n, (tuned3 + held3) as f64 / n);
    println!("all {n} queries: hit@1 = {at1:.3}, hit@3 = {at3:.3}");
    // Achieved on the national catalog: hit@1 = 0.898, hit@3 = 0.980 (98 queries).
    assert!(at3 >= 0.96, "hit@3 = {at3:.3}");
    assert!(at1 >= 0.87, "hit@1 = {at1:.3}");
}
