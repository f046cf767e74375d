use motcua_api::Procedure;
use motcua_server::store::UpsertOutcome;

use crate::helpers::{Backend, TestDatabase};

pub fn sample_procedure(code: &str, name: &str) -> Procedure {
    serde_json::from_value(serde_json::json!({
        "code": code,
        "name": name,
        "field": "Hộ tịch",
        "agency": "Ủy ban nhân dân cấp xã",
        "levels": ["commune"],
        "channels": [{ "kind": "counter", "time": { "amount": 3.0, "unit": "working_days" },
                       "time_text": "03 ngày làm việc", "fee_vnd": 0, "fee_text": "Miễn phí" }],
        "documents": [{ "name": "Tờ khai", "originals": 1, "copies": 0, "mandatory": true }],
        "online_level": "partial"
    }))
    .expect("sample procedure")
}

async fn upsert_reports_added_updated_unchanged(backend: Backend) {
    let database = TestDatabase::create(backend).await;
    let store = database.store().await;
    let start = store.catalog_version().await.unwrap();
    let mut procedure = sample_procedure("9.000001", "Thủ tục thử");
    assert_eq!(
        store.upsert_procedure(&procedure).await.unwrap(),
        UpsertOutcome::Added
    );
    assert_eq!(
        store.upsert_procedure(&procedure).await.unwrap(),
        UpsertOutcome::Unchanged
    );
    let after_add = store.catalog_version().await.unwrap();
    assert!(after_add > start);
    procedure.name = "Thủ tục thử (sửa)".into();
    assert_eq!(
        store.upsert_procedure(&procedure).await.unwrap(),
        UpsertOutcome::Updated
    );
    assert!(store.catalog_version().await.unwrap() > after_add);
    assert_eq!(store.procedure("9.000001").await.unwrap(), Some(procedure));
}

async fn procedure_round_trips_and_summaries_are_ordered(backend: Backend) {
    let database = TestDatabase::create(backend).await;
    let store = database.store().await;
    for code in ["9.000003", "9.000001", "9.000002"] {
        store
            .upsert_procedure(&sample_procedure(code, "Thủ tục"))
            .await
            .unwrap();
    }
    let summaries = store.procedure_summaries().await.unwrap();
    let codes: Vec<&str> = summaries
        .iter()
        .map(|summary| summary.code.as_str())
        .collect();
    assert_eq!(codes, ["9.000001", "9.000002", "9.000003"]);
    assert_eq!(summaries[0].levels, [motcua_api::Level::Commune]);
    assert_eq!(summaries[0].online_level, motcua_api::OnlineLevel::Partial);
    assert_eq!(store.procedure("0.000000").await.unwrap(), None);
}

async fn migrations_run_twice_without_harm(backend: Backend) {
    let database = TestDatabase::create(backend).await;
    let first = database.store().await;
    first
        .upsert_procedure(&sample_procedure("9.000001", "Thủ tục"))
        .await
        .unwrap();
    first.close().await;
    let second = database.store().await;
    assert!(second.procedure("9.000001").await.unwrap().is_some());
}

crate::on_both_backends!(
    upsert_reports_added_updated_unchanged,
    procedure_round_trips_and_summaries_are_ordered,
    migrations_run_twice_without_harm,
);
