//! How queries are read: typos, completions, question words, synonyms, weights.

use super::index::{Index, from_names};
use super::plan::{ONE_TYPO, PREFIX_ONLY, Plan};

fn catalog() -> Index {
    from_names(&[
        "Đăng ký khai sinh",
        "Đăng ký thường trú",
        "Cấp giấy phép lái xe",
        "Cấp lại thẻ căn cước",
        "Khai báo tạm vắng",
        "Chứng thực di chúc",
    ])
}

/// The (word, weight) options of every slot's first reading, in order.
fn options(index: &Index, q: &str) -> Vec<Vec<(String, f32)>> {
    let plan = Plan::new(index, q).expect("a plan");
    plan.slots
        .iter()
        .map(|slot| {
            slot.readings[0]
                .terms
                .iter()
                .flat_map(|&t| &plan.terms[t].options)
                .map(|&(id, f)| (index.vocabulary.word(id).to_string(), f))
                .collect()
        })
        .collect()
}

#[test]
fn typos_weigh_less_than_the_exact_word() {
    let index = catalog();
    let typo = options(&index, "thuogn tru");
    assert_eq!(typo[0], [("thuong".to_string(), ONE_TYPO)]);
    let exact = options(&index, "thuong tru");
    assert_eq!(exact[0], [("thuong".to_string(), 1.0)]);
    // Three letters are too few to guess from (but the last word is completed).
    assert!(Plan::new(&index, "tru thuon").is_some());
    assert!(options(&index, "khi tru").iter().all(|o| o[0].0 != "khai"));
}

#[test]
fn the_last_word_is_completed_by_what_follows_the_word_before() {
    let index = catalog();
    let slots = options(&index, "khai si");
    assert_eq!(slots[1], [("sinh".to_string(), PREFIX_ONLY)]);
    // "khai b" → "bao" (khai báo), not just any b-word.
    let slots = options(&index, "khai b");
    assert_eq!(slots[1], [("bao".to_string(), PREFIX_ONLY)]);
    // Only the last word is completed.
    assert_eq!(options(&index, "kha sinh").len(), 1);
}

#[test]
fn question_words_are_dropped_unless_alone() {
    let index = catalog();
    let plain = options(&index, "dang ky khai sinh");
    assert_eq!(
        options(&index, "tôi muốn làm thủ tục đăng ký khai sinh ở đâu"),
        plain
    );
    assert!(Plan::new(&index, "ở đâu").is_none());
    assert!(Plan::new(&index, "!!!").is_none());
}

#[test]
fn synonyms_become_readings_of_one_slot() {
    let index = catalog();
    let plan = Plan::new(&index, "bang lai xe").unwrap();
    assert_eq!(plan.slots.len(), 1);
    // The literal "bang lai xe" is not in the catalog: one reading, the catalog's wording.
    let words: Vec<&str> = plan.slots[0].readings[0]
        .terms
        .iter()
        .map(|&t| index.vocabulary.word(plan.terms[t].options[0].0))
        .collect();
    assert_eq!(words, ["giay", "phep", "lai", "xe"]);
    let shares: f32 = plan.slots[0].readings[0].shares.iter().sum();
    assert!((shares - 1.0).abs() < 1e-5);
    let weights: f32 = Plan::new(&index, "cccd bi mat cap lai")
        .unwrap()
        .slots
        .iter()
        .map(|slot| slot.weight)
        .sum();
    assert!((weights - 1.0).abs() < 1e-5);
}

#[test]
fn rare_words_weigh_more() {
    let index = catalog();
    let plan = Plan::new(&index, "dang ky di chuc").unwrap();
    let weights: Vec<f32> = plan.slots.iter().map(|slot| slot.weight).collect();
    assert!(weights[2] > weights[0], "{weights:?}");
}
