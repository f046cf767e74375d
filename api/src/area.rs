//! The front-end is five apps, each with its own Wasm and HTML page, so a citizen's first screen
//! downloads only what the home page needs (Trunk cannot split one Wasm module).
//! The server serves the page of the app that owns a path; an app that is sent to a path it does
//! not own loads that path from the server, which gives the right app.

/// The `id` of the `<script type="application/json">` in which the server sends a filing page's
/// procedure with the page, so the form is drawn without asking for it again.
pub const PROCEDURE_DATA_ID: &str = "procedure-data";

/// One of the front-end's apps.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FrontEndArea {
    /// The home page: the first screen, kept small.
    Home,
    /// Search results and procedure pages.
    Catalog,
    /// The filing wizard.
    Filing,
    /// Tracking, receipts, rating and the public figures.
    Services,
    /// The staff workspace under `/can-bo`, counter filing included.
    Staff,
}

impl FrontEndArea {
    pub const ALL: [FrontEndArea; 5] = [
        FrontEndArea::Home,
        FrontEndArea::Catalog,
        FrontEndArea::Filing,
        FrontEndArea::Services,
        FrontEndArea::Staff,
    ];

    /// The app that owns a URL path (without its query). Unknown paths belong to the catalog,
    /// whose "not found" page offers the search box.
    pub fn of_path(path: &str) -> FrontEndArea {
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => FrontEndArea::Home,
            ["can-bo", ..] => FrontEndArea::Staff,
            ["thu-tuc", _, "nop-ho-so", ..] => FrontEndArea::Filing,
            ["tra-cuu"] | ["ho-so-cua-toi"] | ["ho-so", ..] | ["ket-qua-giai-quyet"] => {
                FrontEndArea::Services
            }
            _ => FrontEndArea::Catalog,
        }
    }

    /// The app's page in the built front-end (`dist/`).
    pub fn html_file(self) -> &'static str {
        match self {
            FrontEndArea::Home => "index.html",
            FrontEndArea::Catalog => "catalog.html",
            FrontEndArea::Filing => "filing.html",
            FrontEndArea::Services => "services.html",
            FrontEndArea::Staff => "staff.html",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::FrontEndArea::{self, Catalog, Filing, Home, Services, Staff};

    #[test]
    fn every_route_belongs_to_one_app() {
        let cases = [
            ("/", Home),
            ("/tim-kiem", Catalog),
            ("/thu-tuc/1.001193", Catalog),
            ("/thu-tuc/1.001193/", Catalog),
            ("/khong-co", Catalog),
            ("/thu-tuc/1.001193/nop-ho-so", Filing),
            ("/thu-tuc/1.001193/nop-ho-so/giay-to", Filing),
            ("/tra-cuu", Services),
            ("/ho-so-cua-toi", Services),
            ("/ho-so/XA-261202-0001", Services),
            ("/ho-so/XA-261202-0001/phieu-tiep-nhan", Services),
            ("/ket-qua-giai-quyet", Services),
            ("/can-bo", Staff),
            ("/can-bo/dang-nhap", Staff),
            ("/can-bo/nop-tai-quay/1.001193/nguoi-nop", Staff),
        ];
        for (path, area) in cases {
            assert_eq!(FrontEndArea::of_path(path), area, "{path}");
        }
    }

    #[test]
    fn each_app_has_its_own_page() {
        let mut files: Vec<_> = FrontEndArea::ALL.iter().map(|a| a.html_file()).collect();
        files.sort();
        files.dedup();
        assert_eq!(files.len(), FrontEndArea::ALL.len());
    }
}
