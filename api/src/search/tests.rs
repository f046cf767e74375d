//! The engine on a small hand-made catalog.

use super::SearchIndex;
use crate::{Level, OnlineLevel, ProcedureQuery, ProcedureSummary};

fn doc(code: &str, name: &str, field: &str, agency: &str, levels: &[Level]) -> ProcedureSummary {
    ProcedureSummary {
        code: code.to_string(),
        name: name.to_string(),
        field: field.to_string(),
        agency: agency.to_string(),
        levels: levels.to_vec(),
        online_level: OnlineLevel::Partial,
    }
}

const XA: &str = "Ủy ban Nhân dân xã, phường, đặc khu";
const CA: &str = "Công an tỉnh";
const SO_XD: &str = "Sở Xây dựng";

/// A catalog with the general procedures and their special cases, deliberately out of order.
fn catalog() -> SearchIndex {
    use Level::*;
    SearchIndex::new(vec![
        doc(
            "2.000528",
            "Thủ tục đăng ký khai sinh có yếu tố nước ngoài",
            "Hộ tịch",
            XA,
            &[Commune],
        ),
        doc(
            "1.003583",
            "Thủ tục đăng ký khai sinh lưu động",
            "Hộ tịch",
            XA,
            &[Commune],
        ),
        doc(
            "1.001193",
            "Thủ tục đăng ký khai sinh",
            "Hộ tịch",
            XA,
            &[Commune],
        ),
        doc(
            "1.004772",
            "Thủ tục đăng ký khai sinh kết hợp nhận cha, mẹ, con",
            "Hộ tịch",
            XA,
            &[Commune],
        ),
        doc(
            "1.000894",
            "Thủ tục đăng ký kết hôn",
            "Hộ tịch",
            XA,
            &[Commune],
        ),
        doc(
            "1.004873",
            "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân",
            "Hộ tịch",
            XA,
            &[Commune],
        ),
        doc(
            "1.004222",
            "Đăng ký thường trú",
            "Đăng ký, quản lý cư trú",
            CA,
            &[Commune, Province],
        ),
        doc(
            "3.000348",
            "Cấp lại giấy phép lái xe",
            "Đường bộ",
            SO_XD,
            &[Central, Province],
        ),
        doc(
            "1.014064",
            "Cấp lại thẻ căn cước",
            "Căn cước",
            CA,
            &[Province],
        ),
        doc(
            "3.000333",
            "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
            "Lý lịch tư pháp",
            "Sở Tư pháp",
            &[Province],
        ),
        doc(
            "1.013978",
            "Đăng ký đất đai, cấp Giấy chứng nhận quyền sử dụng đất lần đầu đối với hộ gia đình, cá nhân",
            "Đất đai",
            XA,
            &[Commune],
        ),
    ])
}

fn search(index: &SearchIndex, q: &str) -> Vec<String> {
    let query = ProcedureQuery {
        q: q.to_string(),
        ..ProcedureQuery::default()
    };
    index
        .search(&query)
        .items
        .into_iter()
        .map(|item| item.code)
        .collect()
}

fn first(index: &SearchIndex, q: &str) -> String {
    search(index, q)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("nothing found for {q:?}"))
}

#[test]
fn general_procedure_comes_before_its_special_cases() {
    let index = catalog();
    for q in [
        "dang ky khai sinh",
        "Đăng ký khai sinh",
        "khai sinh",
        "thủ tục khai sinh",
    ] {
        let found = search(&index, q);
        assert_eq!(found[0], "1.001193", "{q:?} → {found:?}");
        for special in ["2.000528", "1.003583", "1.004772"] {
            assert!(found.contains(&special.to_string()), "{q:?} → {found:?}");
        }
    }
    // Asking for the special case gets it.
    assert_eq!(first(&index, "khai sinh luu dong"), "1.003583");
    assert_eq!(first(&index, "khai sinh nuoc ngoai"), "2.000528");
}

#[test]
fn without_diacritics_with_typos_and_while_typing() {
    let index = catalog();
    assert_eq!(first(&index, "DANG KY KET HON"), "1.000894");
    assert_eq!(first(&index, "dang ki ket hon"), "1.000894");
    assert_eq!(first(&index, "dang ky thuogn tru"), "1.004222");
    assert_eq!(first(&index, "xac nhan tinh trnag hon nhan"), "1.004873");
    assert_eq!(first(&index, "khai si"), "1.001193");
    assert_eq!(first(&index, "thuong t"), "1.004222");
    assert_eq!(first(&index, "khaisinh"), "1.001193");
}

#[test]
fn colloquial_names_find_the_procedure() {
    let index = catalog();
    assert_eq!(first(&index, "giay xac nhan doc than"), "1.004873");
    assert_eq!(first(&index, "nhap ho khau"), "1.004222");
    assert_eq!(first(&index, "bang lai xe bi mat"), "3.000348");
    assert_eq!(first(&index, "CCCD bị mất"), "1.014064");
    assert_eq!(first(&index, "lltp"), "3.000333");
    assert_eq!(first(&index, "lam so do"), "1.013978");
    assert_eq!(first(&index, "giấy khai sinh"), "1.001193");
}

#[test]
fn codes_are_looked_up_exactly() {
    let index = catalog();
    assert_eq!(search(&index, "1.001193"), ["1.001193"]);
    assert_eq!(search(&index, " 1 004873 "), ["1.004873"]);
    assert_eq!(search(&index, "3000348"), ["3.000348"]);
    // A code prefix lists the codes under it, in code order.
    assert_eq!(search(&index, "3.000"), ["3.000333", "3.000348"]);
}

#[test]
fn empty_query_lists_everything_by_code() {
    let index = catalog();
    let all = search(&index, "");
    assert_eq!(all.len(), index.len());
    let mut sorted = all.clone();
    sorted.sort();
    assert_eq!(all, sorted);
    assert_eq!(all[0], "1.000894");
    assert!(!index.is_empty());
    assert!(SearchIndex::new(Vec::new()).is_empty());
    assert!(search(&SearchIndex::new(Vec::new()), "khai sinh").is_empty());
}

#[test]
fn filters_are_exact_and_combine() {
    let index = catalog();
    let query = |q: &str, field: Option<&str>, agency: Option<&str>, level: Option<Level>| {
        let page = index.search(&ProcedureQuery {
            q: q.to_string(),
            field: field.map(str::to_string),
            agency: agency.map(str::to_string),
            level,
            limit: 100,
            ..ProcedureQuery::default()
        });
        assert_eq!(page.total as usize, page.items.len());
        page.items.into_iter().map(|i| i.code).collect::<Vec<_>>()
    };
    assert_eq!(query("", Some("Hộ tịch"), None, None).len(), 6);
    assert_eq!(
        query("", None, Some(CA), Some(Level::Province)),
        ["1.004222", "1.014064"]
    );
    assert_eq!(query("", None, None, Some(Level::Central)), ["3.000348"]);
    assert_eq!(
        query("cap lai", None, None, Some(Level::Central)),
        ["3.000348"]
    );
    assert_eq!(query("dang ky", Some("Đất đai"), None, None), ["1.013978"]);
    // Exact match: a prefix or a folded spelling of a field is not that field.
    assert!(query("", Some("Hộ"), None, None).is_empty());
    assert!(query("", Some("ho tich"), None, None).is_empty());
    assert!(query("khai sinh", None, Some("Bộ Ngoại giao"), None).is_empty());
}

#[test]
fn pages_split_the_same_ranking() {
    let index = catalog();
    let all = search(&index, "dang ky");
    assert!(all.len() >= 6, "{all:?}");
    let mut paged = Vec::new();
    for page in 1..=all.len() as u32 {
        let result = index.search(&ProcedureQuery {
            q: "dang ky".to_string(),
            page,
            limit: 1,
            ..ProcedureQuery::default()
        });
        assert_eq!(result.total as usize, all.len());
        paged.extend(result.items.into_iter().map(|i| i.code));
    }
    assert_eq!(paged, all);
    let beyond = index.search(&ProcedureQuery {
        q: "dang ky".to_string(),
        page: 1000,
        ..ProcedureQuery::default()
    });
    assert_eq!(beyond.total as usize, all.len());
    assert!(beyond.items.is_empty());
}

#[test]
fn ties_are_broken_by_code_and_results_are_stable() {
    let index = SearchIndex::new(vec![
        doc("3.0003", "Cấp hộ chiếu", "Xuất nhập cảnh", CA, &[]),
        doc("1.0001", "Cấp hộ chiếu", "Xuất nhập cảnh", CA, &[]),
        doc("2.0002", "Cấp hộ chiếu", "Xuất nhập cảnh", CA, &[]),
    ]);
    assert_eq!(search(&index, "ho chieu"), ["1.0001", "2.0002", "3.0003"]);
    assert_eq!(search(&index, "passport"), ["1.0001", "2.0002", "3.0003"]);
}

#[test]
fn nothing_matching_finds_nothing() {
    let index = catalog();
    assert!(search(&index, "zzzz qqqq").is_empty());
    assert!(search(&index, "!!! ...").is_empty());
}

#[test]
fn facets_count_most_first() {
    let index = catalog();
    let fields = index.fields();
    assert_eq!(fields[0].name, "Hộ tịch");
    assert_eq!(fields[0].count, 6);
    let agencies = index.agencies();
    assert_eq!(agencies[0].name, XA);
    assert_eq!(agencies.iter().map(|a| a.count).sum::<u64>(), 11);
}

#[test]
fn i_y_spellings_and_weak_fields() {
    let index = catalog();
    assert_eq!(
        search(&index, "lí lịch tư pháp"),
        search(&index, "ly lich tu phap")
    );
    assert_eq!(first(&index, "dang ki thuong tru"), "1.004222");
    // "hộ tịch" is the field of six procedures but the name of none: they are found.
    let found = search(&index, "ho tich");
    for code in [
        "2.000528", "1.003583", "1.001193", "1.004772", "1.000894", "1.004873",
    ] {
        assert!(found.contains(&code.to_string()), "{found:?}");
    }
    let index = SearchIndex::new(vec![
        doc("1.1", "Đăng ký khai tử", "Hộ tịch", XA, &[]),
        doc(
            "2.2",
            "Cấp bản sao trích lục hộ tịch",
            "Chứng thực",
            XA,
            &[],
        ),
    ]);
    // A name holding the words outranks a field holding them, so far that the field-only
    // match falls under the hit floor (half the best coverage).
    assert_eq!(search(&index, "ho tich"), ["2.2"]);
    assert_eq!(first(&index, "ho tich khai tu"), "1.1");
}
