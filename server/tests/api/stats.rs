//! `GET /api/stats`: the public figures of 30 dossiers, counted by hand.

use motcua_api::dossier::DossierStatus::{
    self, Done, NeedsSupplement, Processing, Received, Refused, Returned, Withdrawn,
};
use serde_json::{Value, json};

use crate::dossiers::{dossier_with_uploads, submit_json};
use crate::helpers::{Backend, TestApp, spawn_app};

const XA: &str = "Ủy ban nhân dân cấp xã";
const SO: &str = "Sở Tư pháp";
const HO_TICH: &str = "Hộ tịch";
const CHUNG_THUC: &str = "Chứng thực";
const TO_JUNE_30: &[DossierStatus] = &[Received, Processing, Done];
const RETURNED: &[DossierStatus] = &[Received, Processing, Done, Returned];
const AT_WORK: &[DossierStatus] = &[Received, Processing];
const PAUSED: &[DossierStatus] = &[Received, Processing, NeedsSupplement];

/// One dossier of the fixture, received on 2026-06-{day}.
struct Row {
    agency: &'static str,
    field: &'static str,
    steps: &'static [DossierStatus],
    promised: Option<&'static str>,
    finished: Option<&'static str>,
    satisfaction: Option<u8>,
}

const fn row(
    agency: &'static str,
    field: &'static str,
    steps: &'static [DossierStatus],
    promised: Option<&'static str>,
    finished: Option<&'static str>,
    satisfaction: Option<u8>,
) -> Row {
    Row {
        agency,
        field,
        steps,
        promised,
        finished,
        satisfaction,
    }
}

const JUNE_30: Option<&str> = Some("2026-06-30");
/// Long past whenever the test runs: unfinished dossiers promised then are overdue now.
const JULY_15: Option<&str> = Some("2026-07-15");
const FAR_AHEAD: Option<&str> = Some("2099-12-30");
const EARLY: Option<&str> = Some("2026-06-25");
const LATE: Option<&str> = Some("2026-07-03");

/// Dossier `n` is received on 2026-06-{n}. Kinds: on time (OT), late (LT), overdue now (OD),
/// in progress within time or paused (IP), refused (RF), withdrawn (WD).
const FIXTURE: [Row; 30] = [
    row(XA, HO_TICH, TO_JUNE_30, JUNE_30, EARLY, Some(5)), // 1 OT
    row(XA, HO_TICH, RETURNED, JUNE_30, EARLY, Some(4)),   // 2 OT
    row(XA, HO_TICH, TO_JUNE_30, JUNE_30, EARLY, None),    // 3 OT
    row(XA, HO_TICH, RETURNED, JUNE_30, LATE, Some(2)),    // 4 LT
    row(XA, HO_TICH, AT_WORK, JULY_15, None, None),        // 5 OD
    row(XA, HO_TICH, AT_WORK, FAR_AHEAD, None, None),      // 6 IP
    row(XA, HO_TICH, &[Refused], JUNE_30, None, Some(3)),  // 7 RF
    row(XA, HO_TICH, &[Done], None, Some("2026-06-20"), Some(5)), // 8 OT, no date promised
    row(XA, CHUNG_THUC, TO_JUNE_30, JUNE_30, EARLY, Some(4)), // 9 OT
    row(XA, CHUNG_THUC, TO_JUNE_30, JUNE_30, LATE, Some(3)), // 10 LT
    row(XA, CHUNG_THUC, RETURNED, JUNE_30, LATE, None),    // 11 LT
    row(XA, CHUNG_THUC, AT_WORK, JULY_15, None, None),     // 12 OD
    row(XA, CHUNG_THUC, &[], JULY_15, None, None),         // 13 OD, never received
    row(XA, CHUNG_THUC, PAUSED, Some("2026-07-01"), None, None), // 14 IP, paused
    row(XA, CHUNG_THUC, &[Withdrawn], JUNE_30, None, None), // 15 WD
    row(XA, CHUNG_THUC, RETURNED, JUNE_30, EARLY, Some(5)), // 16 OT
    row(XA, HO_TICH, RETURNED, JUNE_30, JUNE_30, Some(4)), // 17 OT, on the promised day
    row(XA, CHUNG_THUC, &[Received], FAR_AHEAD, None, None), // 18 IP
    row(SO, HO_TICH, TO_JUNE_30, JUNE_30, EARLY, Some(5)), // 19 OT
    row(SO, HO_TICH, RETURNED, JUNE_30, LATE, Some(1)),    // 20 LT
    row(SO, HO_TICH, AT_WORK, JULY_15, None, None),        // 21 OD
    row(SO, HO_TICH, &[Refused], JUNE_30, None, None),     // 22 RF
    row(SO, HO_TICH, RETURNED, JUNE_30, EARLY, Some(3)),   // 23 OT
    row(SO, HO_TICH, AT_WORK, FAR_AHEAD, None, None),      // 24 IP
    row(SO, CHUNG_THUC, TO_JUNE_30, JUNE_30, EARLY, Some(4)), // 25 OT
    row(SO, CHUNG_THUC, RETURNED, JUNE_30, LATE, Some(2)), // 26 LT
    row(SO, CHUNG_THUC, &[Received], JULY_15, None, None), // 27 OD
    row(SO, CHUNG_THUC, &[Withdrawn], JUNE_30, None, None), // 28 WD
    row(SO, CHUNG_THUC, TO_JUNE_30, JUNE_30, EARLY, Some(5)), // 29 OT
    row(SO, CHUNG_THUC, PAUSED, Some("2026-07-01"), None, None), // 30 IP, paused
];

/// Files the fixture through the API, moves each dossier through its steps, dates it, and
/// rates it through the API.
async fn fixture(app: &TestApp) {
    for (index, row) in FIXTURE.iter().enumerate() {
        let day = index + 1;
        let dossier = dossier_with_uploads(app).await;
        let receipt = submit_json(app, &format!("stats-fixture-{day:04}"), &dossier, 201).await;
        let code = receipt["code"].as_str().unwrap();
        let mut at = receipt["submitted_at"].as_i64().unwrap();
        for status in row.steps {
            at += 60;
            app.store
                .record_event(code, *status, row.agency, "", at)
                .await
                .unwrap()
                .unwrap();
        }
        let text = |value: Option<&str>| value.map_or("NULL".into(), |value| format!("'{value}'"));
        let updated = app
            .database
            .execute(&format!(
                "UPDATE dossiers SET agency = '{}', field = '{}', received_on = '2026-06-{day:02}',
                     promised_date = {}, finished_on = {} WHERE code = '{code}'",
                row.agency,
                row.field,
                text(row.promised),
                text(row.finished),
            ))
            .await;
        assert_eq!(updated, 1);
        if let Some(satisfaction) = row.satisfaction {
            let response = app
                .client
                .post(app.url(&format!("/api/dossiers/{code}/rating?phone=0912345678")))
                .json(&json!({
                    "satisfaction": satisfaction,
                    "guidance_clear": 3,
                    "on_time": 3,
                    "staff_attitude": 3,
                }))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status().as_u16(), 201, "rating of dossier {day}");
        }
    }
}

fn figures(
    received: u64,
    [on_time, late, overdue, in_progress, refused, withdrawn]: [u64; 6],
    on_time_rate: Option<u32>,
    ratings: u64,
    satisfaction_average: Option<u32>,
    satisfied_rate: Option<u32>,
) -> Value {
    json!({
        "received": received,
        "solved_on_time": on_time,
        "solved_late": late,
        "overdue_now": overdue,
        "in_progress": in_progress,
        "refused": refused,
        "withdrawn": withdrawn,
        "on_time_rate": on_time_rate,
        "ratings": ratings,
        "satisfaction_average": satisfaction_average,
        "satisfied_rate": satisfied_rate,
    })
}

async fn figures_of_30_dossiers_match_the_hand_counts(backend: Backend) {
    let app = spawn_app(backend).await;
    fixture(&app).await;
    let response = app.get("/api/stats?from=01/06/2026&to=2026-06-30").await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["cache-control"], "public, no-cache");
    let stats: Value = response.json().await.unwrap();
    assert_eq!(stats["from"], "2026-06-01");
    assert_eq!(stats["to"], "2026-06-30");
    // On time 1 2 3 8 9 16 17 19 23 25 29; late 4 10 11 20 26; overdue 5 12 13 21 27; in progress
    // 6 14 18 24 30; refused 7 22; withdrawn 15 28. Rated 5 4 2 3 5 4 3 5 4 5 1 3 4 2 5: 55 / 15,
    // 9 of them 4 or 5. On time 11 of 16 solved = 687.5 ‰.
    assert_eq!(
        stats["overall"],
        figures(30, [11, 5, 5, 5, 2, 2], Some(688), 15, Some(367), Some(600))
    );
    // Xã (1-18): rated 5 4 2 3 5 4 3 5 4 = 35 / 9, 6 satisfied; on time 7 of 10.
    // Sở (19-30): rated 5 1 3 4 2 5 = 20 / 6, 3 satisfied; on time 4 of 6.
    assert_eq!(
        stats["by_agency"],
        json!([
            {
                "name": SO,
                "figures": figures(12, [4, 2, 2, 2, 1, 1], Some(667), 6, Some(333), Some(500)),
            },
            {
                "name": XA,
                "figures": figures(18, [7, 3, 3, 3, 1, 1], Some(700), 9, Some(389), Some(667)),
            },
        ])
    );
    // Hộ tịch (1-8, 17, 19-24): rated 5 4 2 3 5 4 5 1 3 = 32 / 9, 5 satisfied; on time 7 of 9.
    // Chứng thực (9-16, 18, 25-30): rated 4 3 5 4 2 5 = 23 / 6, 4 satisfied; on time 4 of 7.
    assert_eq!(
        stats["by_field"],
        json!([
            {
                "name": CHUNG_THUC,
                "figures": figures(15, [4, 3, 3, 3, 0, 2], Some(571), 6, Some(383), Some(667)),
            },
            {
                "name": HO_TICH,
                "figures": figures(15, [7, 2, 2, 2, 2, 0], Some(778), 9, Some(356), Some(556)),
            },
        ])
    );
}

async fn dossiers_outside_the_period_are_not_counted(backend: Backend) {
    let app = spawn_app(backend).await;
    fixture(&app).await;
    // Dossiers 11 to 20: late 11 20; overdue 12 13; in progress 14 18; withdrawn 15; on time
    // 16 17 19, rated 5 4 5 and 20 rated 1.
    let stats = app
        .get_json("/api/stats?from=2026-06-11&to=20/06/2026", 200)
        .await;
    assert_eq!(
        stats["overall"],
        figures(10, [3, 2, 2, 2, 0, 1], Some(600), 4, Some(375), Some(750))
    );
    assert_eq!(stats["by_agency"].as_array().unwrap().len(), 2);
    // The default period is the 30 days ending today: none of June's dossiers.
    let recent = app.get_json("/api/stats", 200).await;
    assert_eq!(recent["overall"], figures(0, [0; 6], None, 0, None, None));
    assert_eq!(recent["by_agency"], json!([]));
    assert_eq!(recent["by_field"], json!([]));
}

async fn a_bad_period_names_its_parameter(backend: Backend) {
    let app = spawn_app(backend).await;
    for (query, parameter) in [
        ("from=hôm-qua", "from"),
        ("to=31/02/2026", "to"),
        ("from=2026-07-01&to=2026-06-01", "from"),
        ("from=2025-01-01&to=2026-06-30", "from"),
    ] {
        let body = app.get_json(&format!("/api/stats?{query}"), 400).await;
        assert_eq!(body["error"], "bad_request", "{query}");
        let message = body["message"].as_str().unwrap();
        assert_eq!(body["fields"], json!({ parameter: message }), "{query}");
    }
}

crate::on_both_backends!(
    figures_of_30_dossiers_match_the_hand_counts,
    dossiers_outside_the_period_are_not_counted,
    a_bad_period_names_its_parameter,
);
