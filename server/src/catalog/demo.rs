//! The demo catalog shipped with the portal: real procedures citizens file most, taken from the
//! national catalog and tidied, each with the questions of its online form.

use motcua_api::Procedure;

/// The demo procedures; `server/catalog/demo.json` is checked by this module's tests.
pub fn demo_catalog() -> Vec<Procedure> {
    serde_json::from_str(include_str!("../../catalog/demo.json"))
        .expect("server/catalog/demo.json is a valid catalog (see the tests)")
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use motcua_api::QuestionKind;

    use super::*;

    #[test]
    fn has_the_procedures_citizens_file_most() {
        let catalog = demo_catalog();
        assert!(catalog.len() >= 40, "{} procedures", catalog.len());
        let codes: HashSet<&str> = catalog.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes.len(), catalog.len(), "codes are unique");
        for code in [
            "1.001193", "1.000894", "1.000656", "1.004873", "1.004222", "3.000333",
        ] {
            assert!(codes.contains(code), "{code} is in the demo catalog");
        }
    }

    #[test]
    fn every_procedure_is_complete() {
        for procedure in demo_catalog() {
            let code = &procedure.code;
            assert!(!procedure.name.is_empty(), "{code} name");
            assert!(!procedure.field.is_empty(), "{code} field");
            assert!(!procedure.agency.is_empty(), "{code} agency");
            assert!(!procedure.levels.is_empty(), "{code} levels");
            assert!(!procedure.channels.is_empty(), "{code} channels");
            assert!(!procedure.documents.is_empty(), "{code} documents");
            assert!(!procedure.steps.is_empty(), "{code} steps");
            for channel in &procedure.channels {
                assert!(
                    channel.time.is_none_or(|time| time.amount >= 0.0),
                    "{code} time"
                );
            }
        }
    }

    #[test]
    fn every_form_is_well_formed() {
        for procedure in demo_catalog() {
            let code = &procedure.code;
            let form = procedure
                .form
                .as_ref()
                .unwrap_or_else(|| panic!("{code} has a form"));
            assert!(
                form.questions.len() >= 3,
                "{code} asks at least 3 questions"
            );
            let mut earlier = Vec::new();
            for question in &form.questions {
                assert!(!question.label.is_empty(), "{code} {}", question.id);
                assert!(
                    earlier
                        .iter()
                        .all(|seen: &&motcua_api::Question| seen.id != question.id),
                    "{code}: question id {} repeats",
                    question.id
                );
                if let Some(condition) = &question.show_if {
                    let source = earlier
                        .iter()
                        .find(|seen| seen.id == condition.question)
                        .unwrap_or_else(|| {
                            panic!("{code} {}: show_if needs an earlier question", question.id)
                        });
                    let QuestionKind::Choice { options } = &source.kind else {
                        panic!("{code} {}: show_if must refer to a choice", question.id);
                    };
                    assert!(
                        options.contains(&condition.equals),
                        "{code} {}",
                        question.id
                    );
                }
                earlier.push(question);
            }
        }
    }
}
