//! The dossier's status machine: which staff action moves a dossier from which status to which,
//! who may take it, and the checks on what they write. The server refuses anything else with the
//! message given here; the staff pages offer only what [`allowed_actions`] lists.

use serde::{Deserialize, Serialize};

use crate::applicant::tidy;
use crate::calendar;
use crate::date::Date;
use crate::dossier::DossierStatus;
use crate::filing::FieldErrors;
use crate::message::{Message, messages};
use crate::staff::{Permission, StaffRole};

messages! {
    /// The message above the fields of an action that failed its checks.
    pub INVALID_ACTION = "Thao tác còn thông tin chưa đúng. Hãy sửa các mục được đánh dấu.",
        "Some details of this action need correcting. Fix the items marked.";
    /// Another officer changed the dossier since this one opened it.
    pub STALE_DOSSIER =
        "Hồ sơ vừa được người khác cập nhật. Hãy xem lại hồ sơ rồi thực hiện lại thao tác.",
        "Someone else has just updated this dossier. Look at the dossier again, then repeat the \
         action.";
    REASON_MISSING = "Hãy ghi lý do từ chối.",
        "Enter the reason for refusing.";
    MISSING_NONE = "Hãy ghi ít nhất một giấy tờ cần bổ sung.",
        "Enter at least one document that is needed.";
    MISSING_TOO_MANY = "Chỉ ghi tối đa 20 giấy tờ cần bổ sung.",
        "List up to 20 documents that are needed.";
    MISSING_ITEM_TOO_LONG = "Mỗi giấy tờ ghi không quá 300 ký tự.",
        "Each document must be 300 characters or fewer.";
    RESULT_MISSING =
        "Hãy đính kèm văn bản kết quả hoặc ghi cách trả kết quả, ví dụ \"Trả tại quầy\".",
        "Attach the result document or say how the result is handed over, for example \"Collect at \
         the counter\".";
    TEXT_TOO_LONG = "Nội dung không được dài quá 2000 ký tự.",
        "The text must be 2,000 characters or fewer.";
    NOT_RECEIVED_YET = "Hồ sơ chưa được tiếp nhận: hãy tiếp nhận trước.",
        "The dossier has not been received yet: receive it first.";
    NOT_PROCESSING_YET = "Hồ sơ đã được tiếp nhận và chưa chuyển xử lý.",
        "The dossier has been received and is not being processed yet.";
    PROCESSING = "Hồ sơ đang được xử lý.",
        "The dossier is being processed.";
    WAITING_FOR_SUPPLEMENT =
        "Hồ sơ đang chờ công dân bổ sung; thao tác này chưa thể thực hiện.",
        "The dossier is waiting for more documents from the citizen; this action is not possible \
         yet.";
    ONLY_RETURN_LEFT = "Hồ sơ đã có kết quả; chỉ còn việc trả kết quả.",
        "The dossier has its result; all that is left is to hand it over.";
    RETURNED = "Hồ sơ đã trả kết quả; không thể thay đổi nữa.",
        "The result has been handed over; the dossier can no longer change.";
    REFUSED = "Hồ sơ đã bị từ chối; không thể thay đổi nữa.",
        "The dossier was refused; it can no longer change.";
    WITHDRAWN = "Công dân đã rút hồ sơ; không thể thay đổi nữa.",
        "The citizen withdrew the dossier; it can no longer change.";
}

/// The longest reason, note or result text, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;
/// Documents one supplement request may list.
pub const MAX_MISSING_ITEMS: usize = 20;

/// What an officer does to a dossier: `POST /api/staff/dossiers/{code}/actions` with
/// `{"version": n, "action": {"kind": ..., ...}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StaffAction {
    /// Tiếp nhận: the online dossier is complete and accepted.
    Receive,
    /// Từ chối (phiếu từ chối tiếp nhận, giải quyết hồ sơ) with the reason the citizen reads.
    Refuse { reason: String },
    /// Yêu cầu bổ sung (phiếu yêu cầu bổ sung, hoàn thiện hồ sơ): what is missing and a note. The
    /// working-day clock pauses until the citizen sends it.
    RequestSupplement { missing: Vec<String>, note: String },
    /// Chuyển xử lý.
    StartProcessing,
    /// Có kết quả: a note for the citizen (e.g. `Trả tại quầy số 3`) and, when the result is a
    /// document, the id of its upload.
    Finish {
        note: String,
        #[serde(default)]
        result_upload: Option<String>,
    },
    /// Đã trả kết quả cho công dân.
    Return,
}

/// The kinds of [`StaffAction`], without their content: what a page offers and a role may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    Receive,
    Refuse,
    RequestSupplement,
    StartProcessing,
    Finish,
    Return,
}

impl ActionKind {
    pub const ALL: [ActionKind; 6] = [
        ActionKind::Receive,
        ActionKind::Refuse,
        ActionKind::RequestSupplement,
        ActionKind::StartProcessing,
        ActionKind::Finish,
        ActionKind::Return,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ActionKind::Receive => "receive",
            ActionKind::Refuse => "refuse",
            ActionKind::RequestSupplement => "request_supplement",
            ActionKind::StartProcessing => "start_processing",
            ActionKind::Finish => "finish",
            ActionKind::Return => "return",
        }
    }

    /// The permission an officer needs to take this action.
    pub fn permission(self) -> Permission {
        match self {
            ActionKind::Receive => Permission::Receive,
            ActionKind::Refuse => Permission::Refuse,
            ActionKind::RequestSupplement => Permission::RequestSupplement,
            ActionKind::StartProcessing => Permission::StartProcessing,
            ActionKind::Finish => Permission::Finish,
            ActionKind::Return => Permission::Return,
        }
    }

    /// The statuses this action may be taken from, and the one it leads to.
    pub fn transition(self) -> (&'static [DossierStatus], DossierStatus) {
        use DossierStatus::*;
        match self {
            ActionKind::Receive => (&[Submitted], Received),
            ActionKind::Refuse => (&[Submitted, Received, Processing], Refused),
            ActionKind::RequestSupplement => (&[Submitted, Received, Processing], NeedsSupplement),
            ActionKind::StartProcessing => (&[Received], Processing),
            ActionKind::Finish => (&[Processing], Done),
            ActionKind::Return => (&[Done], Returned),
        }
    }
}

impl StaffAction {
    pub fn kind(&self) -> ActionKind {
        match self {
            StaffAction::Receive => ActionKind::Receive,
            StaffAction::Refuse { .. } => ActionKind::Refuse,
            StaffAction::RequestSupplement { .. } => ActionKind::RequestSupplement,
            StaffAction::StartProcessing => ActionKind::StartProcessing,
            StaffAction::Finish { .. } => ActionKind::Finish,
            StaffAction::Return => ActionKind::Return,
        }
    }

    /// Checks what the officer wrote, keyed by field (`reason`, `missing`, `note`).
    pub fn check(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        match self {
            StaffAction::Refuse { reason } => {
                check_text(&mut errors, "reason", reason, REASON_MISSING)
            }
            StaffAction::RequestSupplement { missing, note } => {
                let listed = missing.iter().filter(|item| !tidy(item).is_empty()).count();
                if listed == 0 {
                    errors.insert("missing".into(), MISSING_NONE);
                } else if missing.len() > MAX_MISSING_ITEMS {
                    errors.insert("missing".into(), MISSING_TOO_MANY);
                } else if missing.iter().any(|item| item.chars().count() > 300) {
                    errors.insert("missing".into(), MISSING_ITEM_TOO_LONG);
                }
                check_length(&mut errors, "note", note);
            }
            StaffAction::Finish {
                note,
                result_upload,
            } => {
                if result_upload.is_none() {
                    check_text(&mut errors, "note", note, RESULT_MISSING);
                } else {
                    check_length(&mut errors, "note", note);
                }
            }
            StaffAction::Receive | StaffAction::StartProcessing | StaffAction::Return => {}
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

fn check_text(errors: &mut FieldErrors, field: &str, text: &str, missing: Message) {
    if tidy(text).is_empty() {
        errors.insert(field.into(), missing);
    } else {
        check_length(errors, field, text);
    }
}

fn check_length(errors: &mut FieldErrors, field: &str, text: &str) {
    if text.chars().count() > MAX_NOTE_CHARS {
        errors.insert(field.into(), TEXT_TOO_LONG);
    }
}

/// Why an action cannot be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The officer's role does not allow it.
    NotPermitted,
    /// Not from this status: the message says why, in Vietnamese.
    IllegalTransition(Message),
}

/// The status `action` leads to from `current`, for an officer of `role`.
pub fn next_status(
    role: StaffRole,
    current: DossierStatus,
    action: ActionKind,
) -> Result<DossierStatus, Refusal> {
    if !role.may(action.permission()) {
        return Err(Refusal::NotPermitted);
    }
    let (from, to) = action.transition();
    if from.contains(&current) {
        Ok(to)
    } else {
        Err(Refusal::IllegalTransition(illegal_message(current)))
    }
}

fn illegal_message(current: DossierStatus) -> Message {
    match current {
        DossierStatus::Submitted => NOT_RECEIVED_YET,
        DossierStatus::Received => NOT_PROCESSING_YET,
        DossierStatus::Processing => PROCESSING,
        DossierStatus::NeedsSupplement => WAITING_FOR_SUPPLEMENT,
        DossierStatus::Done => ONLY_RETURN_LEFT,
        DossierStatus::Returned => RETURNED,
        DossierStatus::Refused => REFUSED,
        DossierStatus::Withdrawn => WITHDRAWN,
    }
}

/// The actions an officer of `role` can take on a dossier in `status`, in the order a page shows
/// them.
pub fn allowed_actions(role: StaffRole, status: DossierStatus) -> Vec<ActionKind> {
    ActionKind::ALL
        .into_iter()
        .filter(|action| next_status(role, status, *action).is_ok())
        .collect()
}

/// The status a dossier returns to when the citizen sends what was asked: the one it had when
/// the supplement was requested.
pub fn status_after_supplement(before_request: DossierStatus) -> DossierStatus {
    match before_request {
        DossierStatus::Submitted | DossierStatus::Received => before_request,
        _ => DossierStatus::Processing,
    }
}

/// The promised date once the citizen has sent a supplement: the working days the dossier waited
/// (from the request to the supplement) do not count against the office.
pub fn promise_after_pause(promised: Date, paused_on: Date, resumed_on: Date) -> Date {
    calendar::add_working_days(
        promised,
        calendar::working_days_between(paused_on, resumed_on),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::test_date as day;

    #[test]
    fn every_legal_transition_leads_where_the_table_says() {
        use DossierStatus::*;
        let leader = StaffRole::Leader;
        let legal = [
            (Submitted, ActionKind::Receive, Received),
            (Submitted, ActionKind::Refuse, Refused),
            (Submitted, ActionKind::RequestSupplement, NeedsSupplement),
            (Received, ActionKind::StartProcessing, Processing),
            (Received, ActionKind::Refuse, Refused),
            (Received, ActionKind::RequestSupplement, NeedsSupplement),
            (Processing, ActionKind::Finish, Done),
            (Processing, ActionKind::Refuse, Refused),
            (Processing, ActionKind::RequestSupplement, NeedsSupplement),
            (Done, ActionKind::Return, Returned),
        ];
        for status in DossierStatus::ALL {
            for action in ActionKind::ALL {
                let expected = legal
                    .iter()
                    .find(|(from, kind, _)| *from == status && *kind == action)
                    .map(|(_, _, to)| *to);
                match (next_status(leader, status, action), expected) {
                    (Ok(to), Some(expected)) => assert_eq!(to, expected, "{status:?} {action:?}"),
                    (Err(Refusal::IllegalTransition(_)), None) => {}
                    (got, _) => panic!("{status:?} {action:?}: {got:?}"),
                }
            }
        }
    }

    #[test]
    fn roles_take_only_their_actions() {
        use DossierStatus::*;
        assert_eq!(
            allowed_actions(StaffRole::Reception, Submitted),
            [
                ActionKind::Receive,
                ActionKind::Refuse,
                ActionKind::RequestSupplement
            ]
        );
        assert_eq!(
            next_status(StaffRole::Reception, Processing, ActionKind::Finish),
            Err(Refusal::NotPermitted)
        );
        assert_eq!(
            allowed_actions(StaffRole::Processing, Received),
            [
                ActionKind::Refuse,
                ActionKind::RequestSupplement,
                ActionKind::StartProcessing
            ]
        );
        assert!(allowed_actions(StaffRole::Admin, Submitted).is_empty());
        assert_eq!(
            allowed_actions(StaffRole::Reception, Done),
            [ActionKind::Return]
        );
    }

    #[test]
    fn what_officers_write_is_checked() {
        let refuse = StaffAction::Refuse {
            reason: "  ".into(),
        };
        assert!(refuse.check().unwrap_err().contains_key("reason"));
        let supplement = StaffAction::RequestSupplement {
            missing: vec![" ".into()],
            note: String::new(),
        };
        assert!(supplement.check().unwrap_err().contains_key("missing"));
        let finish = StaffAction::Finish {
            note: String::new(),
            result_upload: None,
        };
        assert!(finish.check().unwrap_err().contains_key("note"));
        let finish_with_file = StaffAction::Finish {
            note: String::new(),
            result_upload: Some("abc".into()),
        };
        assert!(finish_with_file.check().is_ok());
    }

    #[test]
    fn actions_read_as_tagged_json() {
        let action: StaffAction =
            serde_json::from_str(r#"{"kind":"refuse","reason":"Không đúng thẩm quyền"}"#)
                .expect("valid action");
        assert_eq!(action.kind(), ActionKind::Refuse);
    }

    #[test]
    fn a_pause_moves_the_promise_by_the_working_days_waited() {
        // Asked on Thursday 26/11/2026, sent on Tuesday 1/12: three working days waited.
        assert_eq!(
            promise_after_pause(day(2026, 12, 3), day(2026, 11, 26), day(2026, 12, 1)),
            day(2026, 12, 8)
        );
        assert_eq!(
            status_after_supplement(DossierStatus::Processing),
            DossierStatus::Processing
        );
        assert_eq!(
            status_after_supplement(DossierStatus::Submitted),
            DossierStatus::Submitted
        );
    }
}
