use serde_json::{Value, json};
use tokio::io::AsyncReadExt;

use crate::dossiers::{dossier_with_uploads, submit_json};
use crate::helpers::{Backend, TestApp, spawn_app};

/// The mother of the sample dossiers.
const MOTHER: &str = "001190012345";
/// A father, born in 1990 too.
const FATHER: &str = "001090054321";
/// Another family's mother.
const STRANGER: &str = "079190067890";

async fn file_with(app: &TestApp, key: &str, applicant_id: &str, mother_id: &str) -> Value {
    let mut dossier = dossier_with_uploads(app).await;
    dossier["applicant"]["citizen_id"] = json!(applicant_id);
    dossier["answers"]["mother_id"] = json!(mother_id);
    if applicant_id == FATHER {
        dossier["answers"]["applicant_relation"] = json!("Cha");
    }
    submit_json(app, key, &dossier, 201).await
}

fn export(app: &TestApp, citizen_id: &str, to: &std::path::Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_motcua"))
        .args(["export-citizen", "--citizen-id", citizen_id])
        .arg("--to")
        .arg(to)
        .args(["--database-url", &app.database.url])
        .arg("--data-dir")
        .arg(app.data_dir.path())
        .env("RUST_LOG", "warn")
        .output()
        .expect("run motcua")
}

async fn a_citizen_gets_every_dossier_that_names_them_with_its_files(backend: Backend) {
    let app = spawn_app(backend).await;
    let own = file_with(&app, "export-0001", MOTHER, MOTHER).await;
    // The father files for the child: the mother is named in it too.
    let named = file_with(&app, "export-0002", FATHER, MOTHER).await;
    file_with(&app, "export-0003", STRANGER, STRANGER).await;

    let folder = tempfile::tempdir().unwrap();
    let output = export(&app, "0011 9001 2345", folder.path());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.contains("2 dossiers and 6 files"), "{said}");

    let exported: Value =
        serde_json::from_slice(&std::fs::read(folder.path().join("citizen.json")).unwrap())
            .unwrap();
    assert_eq!(exported["citizen_id"], MOTHER);
    let dossiers = exported["dossiers"].as_array().unwrap();
    let codes: Vec<&Value> = dossiers.iter().map(|dossier| &dossier["code"]).collect();
    assert_eq!(codes, [&own["code"], &named["code"]]);
    let first = &dossiers[0];
    assert_eq!(first["procedure_name"], "Thủ tục đăng ký khai sinh");
    assert_eq!(first["filed"]["applicant"]["citizen_id"], MOTHER);
    assert_eq!(first["filed"]["answers"]["child_name"], "Nguyễn Văn An");
    assert_eq!(first["timeline"][0]["status"], "submitted");
    // Every file is there, byte for byte what the store holds.
    for dossier in dossiers {
        let record = app
            .store
            .dossier_by_code(dossier["code"].as_str().unwrap())
            .await
            .unwrap()
            .unwrap();
        let uploads = app.store.dossier_uploads(&record.id).await.unwrap();
        let files = dossier["files"].as_array().unwrap();
        assert_eq!(files.len(), 3);
        for file in files {
            let path = file["path"].as_str().unwrap();
            let id = path.rsplit('/').next().unwrap();
            let upload = uploads.iter().find(|upload| upload.id == id).unwrap();
            let mut stored = Vec::new();
            app.files
                .open(&upload.storage_key)
                .await
                .unwrap()
                .unwrap()
                .read_to_end(&mut stored)
                .await
                .unwrap();
            assert_eq!(std::fs::read(folder.path().join(path)).unwrap(), stored);
            assert_eq!(file["name"], upload.name.as_str());
        }
    }

    // The father's export holds only his own dossier; a malformed ID is refused.
    let folder = tempfile::tempdir().unwrap();
    let said = String::from_utf8(export(&app, FATHER, folder.path()).stdout).unwrap();
    assert!(said.contains("1 dossiers and 3 files"), "{said}");
    let refused = export(&app, "12345", tempfile::tempdir().unwrap().path());
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("12 chữ số"));
}

crate::on_both_backends!(a_citizen_gets_every_dossier_that_names_them_with_its_files);
