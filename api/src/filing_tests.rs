use super::*;

fn today() -> Date {
    Date::from_calendar_date(2026, time::Month::November, 23).unwrap()
}

/// A birth registration with a follow-up question and an address question, online at full level.
fn procedure() -> Procedure {
    serde_json::from_value(serde_json::json!({
        "code": "1.001193",
        "name": "Thủ tục đăng ký khai sinh",
        "field": "Hộ tịch",
        "agency": "Ủy ban nhân dân cấp xã",
        "levels": ["commune"],
        "channels": [{"kind": "online", "time": {"amount": 1.0, "unit": "working_days"}}],
        "online_level": "full",
        "documents": [
            {"name": "Tờ khai đăng ký khai sinh", "originals": 1, "copies": 0, "mandatory": true},
            {"name": "Giấy chứng sinh", "originals": 1, "copies": 0, "mandatory": true},
            {"name": "Văn bản ủy quyền", "originals": 1, "copies": 0, "mandatory": false}
        ],
        "form": {"questions": [
            {"id": "child_name", "label": "Họ tên trẻ", "type": "text", "required": true},
            {"id": "child_birth", "label": "Ngày sinh của trẻ", "type": "date", "required": true},
            {"id": "born_abroad", "label": "Trẻ sinh ở nước ngoài?", "type": "choice",
             "options": ["Có", "Không"], "required": true},
            {"id": "country", "label": "Nước nơi trẻ sinh", "type": "text", "required": true,
             "show_if": {"question": "born_abroad", "equals": "Có"}},
            {"id": "city", "label": "Thành phố nơi trẻ sinh", "type": "text", "required": true,
             "show_if": {"question": "country", "equals": "Nhật Bản"}},
            {"id": "birth_place", "label": "Nơi sinh", "type": "address", "required": false}
        ]}
    }))
    .expect("the fixture is a procedure")
}

fn address() -> AddressInput {
    AddressInput {
        province: "Thành phố Hà Nội".into(),
        commune: "Phường Ba Đình".into(),
        street: "Số 5 phố Điện Biên Phủ".into(),
    }
}

fn complete_input() -> DossierInput {
    DossierInput {
        procedure_code: "1.001193".into(),
        applicant: ApplicantInput {
            filing_for: "self".into(),
            full_name: " Nguyễn  Văn An ".into(),
            citizen_id: "001090012345".into(),
            date_of_birth: "05/09/1990".into(),
            phone: "+84 912 345 678".into(),
            address: address(),
            ..ApplicantInput::default()
        },
        answers: BTreeMap::from([
            ("child_name".into(), "Nguyễn Minh Khang".into()),
            ("child_birth".into(), "2026-11-2".into()),
            ("born_abroad".into(), "Không".into()),
        ]),
        documents: BTreeMap::from([(0, vec!["u1".into()]), (1, vec!["u2".into(), "u3".into()])]),
        delivery: DeliveryInput {
            method: "counter".into(),
            address: AddressInput::default(),
        },
    }
}

#[test]
fn a_complete_dossier_is_valid_and_normalized() {
    let valid = validate(&procedure(), &complete_input(), today()).expect("valid");
    assert_eq!(valid.applicant.full_name.to_string(), "Nguyễn Văn An");
    assert_eq!(valid.applicant.phone.as_str(), "0912345678");
    assert_eq!(valid.answers["child_birth"], "02/11/2026");
    assert_eq!(valid.documents.len(), 2);
    assert_eq!(valid.delivery, DeliveryMethod::Counter);
    assert!(valid.delivery_address.is_none());
    assert!(valid.applicant.represented.is_none());
}

#[test]
fn steps_follow_the_answers_given() {
    let procedure = procedure();
    let mut input = complete_input();
    let slugs = |input: &DossierInput| -> Vec<String> {
        steps(&procedure, input)
            .into_iter()
            .map(|step| step.slug(&procedure))
            .collect()
    };
    assert!(!slugs(&input).contains(&"cau-hoi-country".to_string()));
    input.answers.insert("born_abroad".into(), "Có".into());
    assert!(slugs(&input).contains(&"cau-hoi-country".to_string()));
    assert!(!slugs(&input).contains(&"cau-hoi-city".to_string()));
    input.answers.insert("country".into(), "Nhật Bản".into());
    assert!(slugs(&input).contains(&"cau-hoi-city".to_string()));
    // Changing the first answer hides the whole chain, even with the later answer still typed.
    input.answers.insert("born_abroad".into(), "Không".into());
    assert!(!slugs(&input).contains(&"cau-hoi-city".to_string()));

    let all = slugs(&input);
    assert_eq!(all.first().map(String::as_str), Some("nguoi-nop"));
    assert_eq!(all.last().map(String::as_str), Some("kiem-tra"));
    assert!(all.contains(&"giay-to-3".to_string()));
}

#[test]
fn every_slug_leads_back_to_its_step() {
    let procedure = procedure();
    let mut input = complete_input();
    input.answers.insert("born_abroad".into(), "Có".into());
    for step in steps(&procedure, &input) {
        assert_eq!(
            Step::from_slug(&procedure, &step.slug(&procedure)),
            Some(step)
        );
    }
    assert_eq!(Step::from_slug(&procedure, "giay-to-4"), None);
    assert_eq!(Step::from_slug(&procedure, "giay-to-0"), None);
    assert_eq!(Step::from_slug(&procedure, "cau-hoi-nothing"), None);
    assert_eq!(Step::from_slug(&procedure, "trang-khac"), None);
}

#[test]
fn hidden_answers_are_not_kept() {
    let mut input = complete_input();
    input.answers.insert("country".into(), "Nhật Bản".into());
    let valid = validate(&procedure(), &input, today()).unwrap();
    assert!(!valid.answers.contains_key("country"));
}

#[test]
fn each_bad_field_is_named_with_its_message() {
    let procedure = procedure();
    let mut input = complete_input();
    input.applicant.full_name = "An 2".into();
    input.applicant.citizen_id = "12345".into();
    input.applicant.phone = "0212345678".into();
    input.applicant.email = "an@".into();
    input.applicant.address.province = "Tỉnh Hà Tây".into();
    input
        .answers
        .insert("child_birth".into(), "31/02/2026".into());
    input.answers.remove("born_abroad");
    input.documents.remove(&1);
    input.delivery.method = "fax".into();
    let errors = validate(&procedure, &input, today()).unwrap_err();
    for field in [
        "applicant.full_name",
        "applicant.citizen_id",
        "applicant.phone",
        "applicant.email",
        "applicant.address.province",
        "answers.child_birth",
        "answers.born_abroad",
        "documents.1",
        "delivery.method",
    ] {
        assert!(
            errors.contains_key(field),
            "{field} missing from {errors:?}"
        );
    }
    assert!(
        !errors.contains_key("documents.2"),
        "an optional document may be left out"
    );
    assert!(
        !errors.contains_key("answers.birth_place"),
        "an optional address may be left out"
    );
}

#[test]
fn birth_date_must_agree_with_the_citizen_id() {
    let mut input = complete_input();
    input.applicant.date_of_birth = "05/09/1991".into();
    let errors = check_step(&procedure(), &input, Step::DateOfBirth, today());
    assert!(errors.contains_key("applicant.date_of_birth"));
    input.applicant.date_of_birth = "05/09/2030".into();
    let errors = check_step(&procedure(), &input, Step::DateOfBirth, today());
    assert_eq!(
        errors["applicant.date_of_birth"].vi,
        "Ngày sinh không thể sau ngày hôm nay."
    );
}

#[test]
fn filing_for_someone_else_needs_their_name_and_the_relationship() {
    let mut input = complete_input();
    input.applicant.filing_for = "other".into();
    let errors = check_step(&procedure(), &input, Step::FilingFor, today());
    assert!(errors.contains_key("applicant.represented_name"));
    assert!(errors.contains_key("applicant.relationship"));
    input.applicant.represented_name = "Trần Thị Bình".into();
    input.applicant.relationship = "Con".into();
    let valid = validate(&procedure(), &input, today()).unwrap();
    let represented = valid.applicant.represented.unwrap();
    assert_eq!(represented.full_name.to_string(), "Trần Thị Bình");
    assert_eq!(represented.relationship, "Con");
}

#[test]
fn delivery_by_post_needs_an_address() {
    let mut input = complete_input();
    input.delivery.method = "post".into();
    let errors = validate(&procedure(), &input, today()).unwrap_err();
    assert!(errors.contains_key("delivery.address.province"));
    input.delivery.address = address();
    let valid = validate(&procedure(), &input, today()).unwrap();
    assert_eq!(
        valid.delivery_address.unwrap().to_string(),
        "Số 5 phố Điện Biên Phủ, Phường Ba Đình, Thành phố Hà Nội"
    );
}

#[test]
fn an_optional_address_question_once_started_must_be_complete() {
    let mut input = complete_input();
    input
        .answers
        .insert("birth_place.province".into(), "Thành phố Hà Nội".into());
    let errors = validate(&procedure(), &input, today()).unwrap_err();
    assert!(
        errors
            .keys()
            .any(|key| key.starts_with("answers.birth_place.")),
        "{errors:?}"
    );
}

#[test]
fn attachments_must_be_real_documents_and_used_once() {
    let mut input = complete_input();
    input.documents.insert(7, vec!["u9".into()]);
    input.documents.insert(2, vec!["u1".into(), "u1".into()]);
    let errors = validate(&procedure(), &input, today()).unwrap_err();
    assert!(errors.contains_key("documents.7"));
    assert!(errors.contains_key("documents.2"));

    let mut input = complete_input();
    input.documents.insert(
        2,
        (0..=MAX_FILES_PER_DOCUMENT)
            .map(|n| format!("f{n}"))
            .collect(),
    );
    let errors = validate(&procedure(), &input, today()).unwrap_err();
    assert!(errors.contains_key("documents.2"));
}

#[test]
fn numbers_are_written_the_vietnamese_way() {
    assert_eq!(normalize_number("1.200.000").unwrap(), "1.200.000");
    assert_eq!(normalize_number("45,5").unwrap(), "45,5");
    assert!(normalize_number("abc").is_err());
    assert!(normalize_number("1,2,3").is_err());
}

#[test]
fn each_error_field_leads_to_its_page() {
    let procedure = procedure();
    for (field, step) in [
        ("applicant.relationship", Step::FilingFor),
        ("applicant.phone", Step::Phone),
        ("applicant.address.street", Step::Address),
        ("answers.child_birth", Step::Question(1)),
        ("answers.birth_place.province", Step::Question(5)),
        ("documents.1", Step::Document(1)),
        ("delivery.address.commune", Step::Delivery),
    ] {
        assert_eq!(Step::of_field(&procedure, field), Some(step), "{field}");
    }
    for field in [
        "documents",
        "documents.9",
        "answers.nothing",
        "applicant.shoe_size",
        "dossier",
    ] {
        assert_eq!(Step::of_field(&procedure, field), None, "{field}");
    }
}
