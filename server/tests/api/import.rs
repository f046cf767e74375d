use std::io::Write;
use std::path::{Path, PathBuf};

use motcua_api::ProcedureQuery;
use motcua_server::catalog::import::import_national_file;
use motcua_server::catalog::live::LiveCatalog;

use crate::helpers::{Backend, TestDatabase, spawn_app};

/// Three real lines of the national catalog (khai sinh, xác nhận tình trạng hôn nhân, lý lịch tư pháp).
fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/national-sample.jsonl")
}

fn gzip_of(path: &Path, dir: &Path) -> PathBuf {
    let target = dir.join("catalog.jsonl.gz");
    let mut encoder = flate2::write::GzEncoder::new(
        std::fs::File::create(&target).unwrap(),
        flate2::Compression::default(),
    );
    encoder.write_all(&std::fs::read(path).unwrap()).unwrap();
    encoder.finish().unwrap();
    target
}

async fn import_is_idempotent_plain_or_gzip(backend: Backend) {
    let database = TestDatabase::create(backend).await;
    let store = database.store().await;
    let report = import_national_file(&store, &sample_path()).await.unwrap();
    assert_eq!(
        (report.added, report.updated, report.failed.len()),
        (3, 0, 0),
        "{report}"
    );
    let dir = tempfile::tempdir().unwrap();
    let report = import_national_file(&store, &gzip_of(&sample_path(), dir.path()))
        .await
        .unwrap();
    assert_eq!((report.added, report.unchanged), (0, 3), "{report}");
    let procedure = store
        .procedure("1.001193")
        .await
        .unwrap()
        .expect("imported");
    assert_eq!(procedure.name, "Thủ tục đăng ký khai sinh");
    assert!(!procedure.channels.is_empty());
    assert!(!procedure.documents.is_empty());
    assert_eq!(store.procedure_summaries().await.unwrap().len(), 3);
}

async fn bad_lines_are_reported_without_stopping(backend: Backend) {
    let database = TestDatabase::create(backend).await;
    let store = database.store().await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mixed.jsonl");
    let mut content = b"{not json}\n{\"ten_thu_tuc\": \"Thieu ma\"}\n\xff\xfe\n".to_vec();
    content.extend(std::fs::read(sample_path()).unwrap());
    std::fs::write(&path, content).unwrap();
    let report = import_national_file(&store, &path).await.unwrap();
    assert_eq!(report.added, 3, "{report}");
    let failed_lines: Vec<usize> = report.failed.iter().map(|(line, _)| *line).collect();
    assert_eq!(failed_lines, [1, 2, 3], "{report}");
    assert!(report.failed.iter().all(|(_, reason)| !reason.is_empty()));
}

async fn a_running_server_sees_an_import_made_elsewhere(backend: Backend) {
    let app = spawn_app(backend).await;
    let catalog = LiveCatalog::load(&app.store).await.unwrap();
    let before = catalog.index().len();
    // Another process imports into the same database.
    let other = app.database.store().await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one.jsonl");
    std::fs::write(
        &path,
        r#"{"ma_thu_tuc": "9.123456", "ten_thu_tuc": "Thủ tục cấp giấy phép nuôi chim yến", "linh_vuc": "Nông nghiệp", "cap_thuc_hien": "Cấp tỉnh", "co_quan_thuc_hien": "Sở Nông nghiệp"}"#,
    )
    .unwrap();
    import_national_file(&other, &path).await.unwrap();
    assert!(catalog.refresh(&app.store).await.unwrap());
    assert_eq!(catalog.index().len(), before + 1);
    let query = ProcedureQuery {
        q: "nuoi chim yen".into(),
        ..ProcedureQuery::default()
    };
    assert_eq!(catalog.index().search(&query).items[0].code, "9.123456");
    assert!(
        !catalog.refresh(&app.store).await.unwrap(),
        "no change, no rebuild"
    );
}

/// The real national catalog (2,642 procedures), when `../shared/data` is beside the checkout.
async fn imports_the_national_catalog_when_present(backend: Backend) {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/tthc-national.jsonl.gz");
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    let database = TestDatabase::create(backend).await;
    let store = database.store().await;
    let report = import_national_file(&store, &path).await.unwrap();
    assert_eq!(report.failed, [], "{report}");
    assert_eq!(report.added, 2642);
    let again = import_national_file(&store, &path).await.unwrap();
    assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 2642));
}

crate::on_both_backends!(
    import_is_idempotent_plain_or_gzip,
    bad_lines_are_reported_without_stopping,
    a_running_server_sees_an_import_made_elsewhere,
    imports_the_national_catalog_when_present,
);
