//! The words of a dossier's deadline, shared by the tracking page and the staff workspace. Each
//! audience has its own values: the citizen reads "bạn", the officer reads "công dân".

/// Texts with `{n}` take a number of working days.
pub struct DeadlineTexts {
    pub no_deadline: &'static str,
    pub due_today: &'static str,
    pub days_left: &'static str,
    pub past_promised: &'static str,
    pub days_late: &'static str,
    pub finished_on_time: &'static str,
    pub finished_late: &'static str,
    pub paused: &'static str,
}
