use clap::Parser;
use motcua_server::app;
use motcua_server::auth::command::create_staff;
use motcua_server::config::{Cli, Command};
use motcua_server::logging;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    logging::init();
    match Cli::parse().command {
        Command::Serve(args) => app::serve(args).await,
        Command::ImportCatalog(args) => app::import_catalog(args).await,
        Command::CreateStaff(args) => create_staff(args).await,
        Command::Backup(args) => app::backup(args).await,
        Command::Restore(args) => app::restore(args).await,
        Command::ExportCitizen(args) => app::export_citizen(args).await,
    }
}
