//! The demo catalog shipped with the portal: real procedures citizens file most, taken from the
//! national catalog (same codes, names, fields and agencies), tidied by hand, each with the
//! questions of its online form.

use motcua_api::Procedure;

/// The demo procedures from `server/catalog/demo.json`, embedded at build time.
///
/// The file is checked by this module's tests, so parsing it cannot fail at run time.
pub fn demo_catalog() -> Vec<Procedure> {
    serde_json::from_str(include_str!("../../catalog/demo.json"))
        .expect("server/catalog/demo.json is a valid catalog (see the tests)")
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use motcua_api::{Question, QuestionKind};

    use super::*;

    #[test]
    fn parses() {
        let parsed: Result<Vec<Procedure>, _> =
            serde_json::from_str(include_str!("../../catalog/demo.json"));
        assert!(parsed.is_ok(), "{:?}", parsed.err());
    }

    #[test]
    fn has_the_procedures_citizens_file_most() {
        let catalog = demo_catalog();
        assert!(catalog.len() >= 40, "only {} procedures", catalog.len());
        let codes: HashSet<&str> = catalog.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes.len(), catalog.len(), "codes are unique");
        for code in [
            "1.001193", // đăng ký khai sinh
            "1.000894", // đăng ký kết hôn
            "1.000656", // đăng ký khai tử
            "1.004873", // xác nhận tình trạng hôn nhân
            "1.004222", // đăng ký thường trú
            "3.000333", // phiếu lý lịch tư pháp
        ] {
            assert!(codes.contains(code), "{code} is in the demo catalog");
        }
    }

    #[test]
    fn every_procedure_is_complete() {
        for procedure in demo_catalog() {
            let code = &procedure.code;
            assert!(!procedure.name.trim().is_empty(), "{code}: name");
            assert!(!procedure.field.trim().is_empty(), "{code}: field");
            assert!(!procedure.agency.trim().is_empty(), "{code}: agency");
            assert!(!procedure.levels.is_empty(), "{code}: levels");
            assert!(!procedure.channels.is_empty(), "{code}: channels");
            assert!(!procedure.documents.is_empty(), "{code}: documents");
            assert!(!procedure.steps.is_empty(), "{code}: steps");
            for channel in &procedure.channels {
                if let Some(time) = channel.time {
                    assert!(time.amount >= 0.0, "{code}: {:?} time", channel.kind);
                }
            }
        }
    }

    #[test]
    fn every_form_is_well_formed() {
        for procedure in demo_catalog() {
            let code = &procedure.code;
            let Some(form) = &procedure.form else {
                panic!("{code} has no form");
            };
            assert!(form.questions.len() >= 3, "{code}: fewer than 3 questions");
            let mut earlier: Vec<&Question> = Vec::new();
            for question in &form.questions {
                let id = &question.id;
                assert!(!question.label.trim().is_empty(), "{code} {id}: label");
                assert!(
                    earlier.iter().all(|seen| seen.id != *id),
                    "{code}: question id {id} repeats"
                );
                if let Some(condition) = &question.show_if {
                    let source = earlier
                        .iter()
                        .find(|seen| seen.id == condition.question)
                        .unwrap_or_else(|| {
                            panic!("{code} {id}: show_if needs an earlier question")
                        });
                    let QuestionKind::Choice { options } = &source.kind else {
                        panic!("{code} {id}: show_if must refer to a choice");
                    };
                    assert!(
                        options.contains(&condition.equals),
                        "{code} {id}: {:?} is not an option of {}",
                        condition.equals,
                        source.id
                    );
                }
                earlier.push(question);
            }
        }
    }
}
