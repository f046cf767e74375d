//! Builds the whole application and runs the commands.

use std::io::Write;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use axum::Router;
use axum::serve::{Listener, ListenerExt};
use motcua_api::area::FrontEndArea;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

use crate::auth::SessionPolicy;
use crate::auth::accounts::seed_demo_accounts;
use crate::auth::command::print_demo_accounts;
use crate::backup;
use crate::catalog::demo::demo_catalog;
use crate::catalog::import::{import_national_file, import_procedures};
use crate::catalog::live::LiveCatalog;
use crate::clock::unix_now;
use crate::config::{BackupArgs, ExportCitizenArgs, ImportArgs, RestoreArgs, ServeArgs};
use crate::domain::apology::spawn_overdue_watch;
use crate::domain::retention::spawn_retention;
use crate::domain::uploads::spawn_sweeper;
use crate::files::FileStore;
use crate::front_end;
use crate::personal_data;
use crate::routes;
use crate::security::SecurityHeaders;
use crate::state::AppState;
use crate::store::Store;
use crate::throttle::{LimitRules, spawn_forgetting};

/// The API under `/api` and the front-end from `dist`, every other path answered by
/// `index.html` so deep links such as `/thu-tuc/1.001193` load the app. Every response carries
/// the security headers, HSTS included where the portal is served over HTTPS (secure cookies).
pub fn router(state: AppState, dist: &Path) -> Router {
    let api = routes::router(state.max_upload_bytes).layer(CompressionLayer::new());
    let security = SecurityHeaders::for_dist(dist, state.sessions.secure_cookies);
    let front_end = front_end::service(dist, state.store.clone());
    let app = Router::new()
        .nest("/api", api)
        .with_state(state)
        .fallback_service(front_end);
    security.apply(app).layer(TraceLayer::new_for_http())
}

/// Loads the demo catalog when asked and builds the state.
pub async fn prepare(
    store: Store,
    files: FileStore,
    max_upload_bytes: u64,
    demo: bool,
) -> anyhow::Result<AppState> {
    if demo {
        let report = import_procedures(&store, &demo_catalog()).await?;
        tracing::info!(%report, "demo catalog loaded");
    }
    let catalog = LiveCatalog::load(&store).await?;
    let limits = LimitRules::STANDARD.limits(&store);
    Ok(AppState {
        store,
        catalog,
        files,
        max_upload_bytes,
        limits,
        trusted_proxies: Arc::from([]),
        sessions: SessionPolicy::standard(),
    })
}

/// `motcua serve`: runs until Ctrl-C or SIGTERM.
pub async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let store = Store::connect(&args.storage.resolved_database_url()?).await?;
    let files = args.storage.file_store()?;
    let mut state = prepare(
        store.clone(),
        files.clone(),
        args.max_upload_bytes,
        args.demo,
    )
    .await?;
    state.sessions.secure_cookies = args.secure_cookies;
    state.limits = args.limit_rules().limits(&store);
    state.trusted_proxies = Arc::from(args.trusted_proxy.as_slice());
    if args.demo {
        print_demo_accounts(&seed_demo_accounts(&store, unix_now()).await?);
    }
    state.catalog.spawn_refresher(store.clone());
    spawn_sweeper(store.clone(), files.clone());
    if args.retention_years > 0 {
        spawn_retention(store.clone(), files, args.retention_years);
    }
    spawn_overdue_watch(store.clone());
    spawn_forgetting(store.clone());
    if !args.dist.join(FrontEndArea::Catalog.html_file()).exists() {
        tracing::warn!(dist = %args.dist.display(), "no built front-end: only /api is served");
    }
    // Without TCP_NODELAY a file sent in several writes waits on the client's delayed ACK (40 ms
    // a file on a kept-alive connection).
    let listener = TcpListener::bind(args.addr).await?.tap_io(|tcp| {
        if let Err(error) = tcp.set_nodelay(true) {
            tracing::warn!(%error, "could not set TCP_NODELAY");
        }
    });
    println!("Một Cửa đang chạy tại http://{}/", listener.local_addr()?);
    // The client's address reaches the handlers, which slow down whoever guesses dossier codes.
    let service = router(state, &args.dist).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, service)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    store.close().await;
    Ok(())
}

/// `motcua import-catalog FILE`: prints the report.
pub async fn import_catalog(args: ImportArgs) -> anyhow::Result<()> {
    let store = Store::connect(&args.storage.resolved_database_url()?).await?;
    let report = import_national_file(&store, &args.file).await?;
    // A closed pipe (`| head`) is not an import failure.
    let _ = write!(std::io::stdout(), "{report}");
    store.close().await;
    Ok(())
}

/// `motcua backup --to FOLDER`: prints what it copied.
pub async fn backup(args: BackupArgs) -> anyhow::Result<()> {
    let report = backup::backup(&args.storage.data_location()?, &args.to).await?;
    println!("Backup written to {}: {report}", args.to.display());
    Ok(())
}

/// `motcua restore --from FOLDER`: prints what it put back.
pub async fn restore(args: RestoreArgs) -> anyhow::Result<()> {
    let report = backup::restore(&args.from, &args.storage.data_location()?).await?;
    println!("Restored from {}: {report}", args.from.display());
    Ok(())
}

/// `motcua export-citizen --citizen-id ID --to FOLDER`: prints what it wrote.
pub async fn export_citizen(args: ExportCitizenArgs) -> anyhow::Result<()> {
    let store = Store::connect(&args.storage.resolved_database_url()?).await?;
    let files = args.storage.file_store()?;
    let report = personal_data::export_citizen(&store, &files, &args.citizen_id, &args.to).await?;
    println!(
        "{} dossiers and {} files written to {}",
        report.dossiers,
        report.files,
        args.to.display()
    );
    store.close().await;
    Ok(())
}

async fn shutdown_signal() {
    let interrupt = async {
        tokio::signal::ctrl_c().await.ok();
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}
