use motcua_server::backup::{self, DataLocation};
use motcua_server::files::FileStore;
use serde_json::Value;
use tokio::io::AsyncReadExt;

use crate::dossiers::{dossier_with_uploads, submit_json};
use crate::helpers::{Backend, TestApp, TestDatabase, spawn_app, spawn_app_on};

fn location_of(database_url: &str, uploads_dir: &std::path::Path) -> DataLocation {
    DataLocation {
        database_url: database_url.to_string(),
        files: FileStore::local(uploads_dir.to_path_buf()).expect("file store"),
    }
}

async fn file_bytes(app: &TestApp, key: &str) -> Vec<u8> {
    let mut reader = app.files.open(key).await.expect("open").expect("file");
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).await.expect("read");
    bytes
}

async fn file_one(app: &TestApp, number: usize) -> Value {
    let dossier = dossier_with_uploads(app).await;
    submit_json(app, &format!("backup-{number:04}"), &dossier, 201).await
}

async fn a_backup_taken_while_filing_restores_every_dossier_with_its_files(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut filed = Vec::new();
    for number in 0..3 {
        filed.push(file_one(&app, number).await);
    }
    // A draft's upload, not yet in any dossier, goes along too.
    let draft = app.upload_id(crate::samples::png(), "nháp.png").await;

    let folder = tempfile::tempdir().expect("temp dir");
    let source = location_of(&app.database.url, &app.uploads_dir);
    let (report, during) = tokio::join!(backup::backup(&source, folder.path()), async {
        let mut receipts = Vec::new();
        for number in 3..6 {
            receipts.push(file_one(&app, number).await);
        }
        receipts
    });
    let report = report.expect("backup");
    // Three dossiers of three files each, and the draft's.
    assert!(report.files >= 10, "{report}");
    assert_eq!(report.swept_drafts, 0);

    let database = TestDatabase::create(backend).await;
    let data_dir = tempfile::tempdir().expect("temp dir");
    let target = location_of(&database.url, &data_dir.path().join("uploads"));
    let restored_report = backup::restore(folder.path(), &target)
        .await
        .expect("restore");
    // The backup may hold files of dossiers filed after its snapshot, which the restore leaves.
    assert!(restored_report.files <= report.files, "{restored_report}");
    let restored = spawn_app_on(database, data_dir).await;

    // Everything filed before the backup is there, with a receipt identical to the first one;
    // of those filed during it, each is either there whole or absent.
    for (receipt, required) in filed
        .iter()
        .map(|receipt| (receipt, true))
        .chain(during.iter().map(|receipt| (receipt, false)))
    {
        let code = receipt["code"].as_str().unwrap();
        let token = receipt["tracking_token"].as_str().unwrap();
        let path = format!("/api/dossiers/{code}/receipt?token={token}");
        let response = restored.get(&path).await;
        match response.status().as_u16() {
            200 => {
                let restored_receipt: Value = response.json().await.unwrap();
                assert_eq!(&restored_receipt, receipt);
            }
            404 if !required => continue,
            status => panic!("{code}: {status}"),
        }
        let record = restored.store.dossier_by_code(code).await.unwrap().unwrap();
        assert_eq!(
            restored
                .store
                .attached_files(&record.id)
                .await
                .unwrap()
                .len(),
            3
        );
    }
    // Every file is there byte for byte, the draft's included.
    let named = restored.store.stored_bytes().await.unwrap();
    assert_eq!(named.len(), restored_report.files);
    for file in &named {
        assert_eq!(
            file_bytes(&restored, &file.storage_key).await,
            file_bytes(&app, &file.storage_key).await
        );
    }
    assert_eq!(
        restored
            .get(&format!("/api/uploads/{draft}"))
            .await
            .status()
            .as_u16(),
        200
    );
    // Numbering goes on from the restored sequence: no code is given twice.
    let restored_count = restored
        .database
        .count("SELECT COUNT(*) FROM dossiers")
        .await;
    assert!(restored_count >= 3, "{restored_count}");
    let next = file_one(&restored, 99).await;
    let codes: Vec<&str> = filed
        .iter()
        .chain(&during)
        .map(|receipt| receipt["code"].as_str().unwrap())
        .collect();
    let next_code = next["code"].as_str().unwrap();
    assert!(
        !codes[..restored_count as usize].contains(&next_code),
        "{next_code} given twice"
    );
}

async fn a_restore_refuses_data_already_there_and_an_unfinished_backup(backend: Backend) {
    let app = spawn_app(backend).await;
    file_one(&app, 1).await;
    let folder = tempfile::tempdir().expect("temp dir");
    let source = location_of(&app.database.url, &app.uploads_dir);
    backup::backup(&source, folder.path())
        .await
        .expect("backup");

    // Not over the live data.
    let error = backup::restore(folder.path(), &source).await.unwrap_err();
    assert!(
        error.to_string().contains("restore into an empty"),
        "{error}"
    );
    // Not into a folder that is not empty.
    let error = backup::backup(&source, folder.path()).await.unwrap_err();
    assert!(error.to_string().contains("not empty"), "{error}");
    // Not into the other kind of database.
    let other = match backend {
        Backend::Sqlite => Backend::Postgres,
        Backend::Postgres => Backend::Sqlite,
    };
    let database = TestDatabase::create(other).await;
    let uploads_dir = tempfile::tempdir().expect("temp dir");
    let error = backup::restore(
        folder.path(),
        &location_of(&database.url, uploads_dir.path()),
    )
    .await
    .unwrap_err();
    assert!(
        error.to_string().contains("restore it into the same kind"),
        "{error}"
    );
    // Not a backup cut short before its manifest.
    std::fs::remove_file(folder.path().join("manifest.json")).unwrap();
    let database = TestDatabase::create(backend).await;
    let uploads_dir = tempfile::tempdir().expect("temp dir");
    let error = backup::restore(
        folder.path(),
        &location_of(&database.url, uploads_dir.path()),
    )
    .await
    .unwrap_err();
    assert!(error.to_string().contains("no manifest.json"), "{error}");
}

/// The command line: `motcua backup` and `motcua restore` on a data dir, as an operator runs them.
#[tokio::test]
async fn the_commands_back_up_and_restore_a_data_dir() {
    let app = spawn_app(Backend::Sqlite).await;
    let receipt = file_one(&app, 1).await;
    let backup_dir = tempfile::tempdir().expect("temp dir");
    let restored_dir = tempfile::tempdir().expect("temp dir");
    let motcua = |args: &[&std::ffi::OsStr]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_motcua"))
            .args(args)
            .env_remove("DATABASE_URL")
            .output()
            .expect("run motcua");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    let said = motcua(&[
        "backup".as_ref(),
        "--database-url".as_ref(),
        app.database.url.as_ref(),
        "--data-dir".as_ref(),
        app.data_dir.path().as_os_str(),
        "--to".as_ref(),
        backup_dir.path().as_os_str(),
    ]);
    assert!(said.contains("database and 3 files copied"), "{said}");
    let said = motcua(&[
        "restore".as_ref(),
        "--from".as_ref(),
        backup_dir.path().as_os_str(),
        "--data-dir".as_ref(),
        restored_dir.path().as_os_str(),
    ]);
    assert!(said.contains("database and 3 files copied"), "{said}");

    let database = TestDatabase::sqlite_file(&restored_dir.path().join("motcua.sqlite3"));
    let restored = spawn_app_on(database, restored_dir).await;
    let code = receipt["code"].as_str().unwrap();
    let token = receipt["tracking_token"].as_str().unwrap();
    let again = restored
        .get_json(&format!("/api/dossiers/{code}/receipt?token={token}"), 200)
        .await;
    assert_eq!(again, receipt);
}

crate::on_both_backends!(
    a_backup_taken_while_filing_restores_every_dossier_with_its_files,
    a_restore_refuses_data_already_there_and_an_unfinished_backup,
);
