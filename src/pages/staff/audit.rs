//! "Nhật ký" (leaders): every read of and action on the dossier, who and when. Loaded again after
//! each change of the dossier, and on "Tải lại".

use leptos::prelude::*;
use motcua_api::staff::AuditEntry;

use super::forms::Desk;
use super::{page_or_sign_in, role_name};
use crate::api;
use crate::components::notice::{Loading, error_fallback};
use crate::format::moment;
use crate::i18n::{sttr, use_staff_texts};

#[component]
pub fn AuditLog() -> impl IntoView {
    let desk = expect_context::<Desk>();
    let version = Memo::new(move |_| desk.dossier.with(|dossier| dossier.version));
    let entries = LocalResource::new(move || {
        version.track();
        let code = desk.code.get_value();
        async move { api::staff::audit(&code).await }
    });
    view! {
        <section aria-labelledby="audit-heading" class="staff-section" id="staff-audit">
            <h2 id="audit-heading">{sttr(|t| t.audit_heading)}</h2>
            <p class="hint" id="audit-intro">{sttr(|t| t.audit_intro)}</p>
            <button
                type="button"
                id="audit-reload"
                class="button"
                on:click=move |_| entries.refetch()
            >
                {sttr(|t| t.reload)}
            </button>
            <Transition fallback=|| view! { <Loading /> }>
                <ErrorBoundary fallback=error_fallback>
                    {move || Suspend::new(async move {
                        page_or_sign_in(
                            desk.session,
                            entries.await,
                            |entries| view! { <AuditTable entries=entries /> }.into_any(),
                        )
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}

#[component]
fn AuditTable(entries: Vec<AuditEntry>) -> impl IntoView {
    let texts = use_staff_texts();
    if entries.is_empty() {
        return view! { <p class="meta">{sttr(|t| t.audit_empty)}</p> }.into_any();
    }
    let rows = entries
        .into_iter()
        .map(
            |AuditEntry {
                 at,
                 username,
                 role,
                 action,
                 detail,
             }| {
                view! {
                    <tr>
                        <td>{move || moment(at, texts().time_at)}</td>
                        <td>{username} " (" {move || role_name(role, texts())} ")"</td>
                        <td>{action}</td>
                        <td>{detail}</td>
                    </tr>
                }
            },
        )
        .collect_view();
    view! {
        <div
            class="table-scroll"
            role="region"
            aria-labelledby="audit-heading audit-intro"
            tabindex="0"
        >
            <table class="inbox-table audit-table" id="audit-table">
                <thead>
                    <tr>
                        <th scope="col">{sttr(|t| t.audit_time)}</th>
                        <th scope="col">{sttr(|t| t.audit_user)}</th>
                        <th scope="col">{sttr(|t| t.audit_action)}</th>
                        <th scope="col">{sttr(|t| t.audit_detail)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
