//! `/ho-so/{code}/phieu-tiep-nhan?token=…`: phiếu tiếp nhận và hẹn trả kết quả, printable on A4,
//! with a QR code of the dossier's tracking page.

use leptos::prelude::*;
use motcua_api::date::format_vietnamese;
use motcua_api::dossier::{DeliveryMethod, DossierReceipt, ReceivedDocument};

use super::filing::tracking_url;
use super::tracking::{Found, dossier_page};
use crate::api::{self, Proof};
use crate::components::layout::use_title;
use crate::components::qr::QrCode;
use crate::components::status::status_name;
use crate::format::{date_with_weekday, file_size};
use crate::i18n::{FilingTexts, ftr, tr, ttr, use_filing_texts};

#[component]
pub fn Receipt() -> impl IntoView {
    let fetch = |code: String, proof: Proof| async move { api::receipt(&code, &proof).await };
    let page = |found: Found<DossierReceipt>| view! { <ReceiptView receipt=found.value /> };
    view! {
        <div class="container receipt-page">
            {dossier_page(fetch, page, ftr(|t| t.receipt_not_found))}
        </div>
    }
}

fn delivery_text(method: DeliveryMethod, texts: &FilingTexts) -> &'static str {
    match method {
        DeliveryMethod::Counter => texts.delivery_counter,
        DeliveryMethod::Post => texts.delivery_post,
        DeliveryMethod::Online => texts.delivery_online,
    }
}

fn documents_list(documents: Vec<ReceivedDocument>) -> impl IntoView {
    let items = documents
        .into_iter()
        .map(|document| {
            let files = document
                .files
                .iter()
                .map(|file| format!("{} ({})", file.name, file_size(file.size)))
                .collect::<Vec<_>>()
                .join(", ");
            view! {
                <li>
                    <span class="document-name">{document.name}</span>
                    <span class="meta">{files}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="received-documents">{items}</ul> }
}

#[component]
fn ReceiptView(receipt: DossierReceipt) -> impl IntoView {
    let texts = use_filing_texts();
    let code = receipt.code.to_string();
    let title = code.clone();
    use_title(move |_| Some(format!("{} {title}", texts().receipt_heading)));
    let tracking = tracking_url(&code, &receipt.tracking_token);
    let address = format!(
        "{}{tracking}",
        window().location().origin().unwrap_or_default()
    );
    let DossierReceipt {
        status,
        procedure_code,
        procedure_name,
        agency,
        applicant_name,
        phone_masked,
        received_on,
        promised_date,
        processing_time,
        documents,
        delivery,
        ..
    } = receipt;
    let received = format_vietnamese(received_on);
    let promised = move || match promised_date {
        Some(date) => date_with_weekday(date, texts()),
        None => texts().promised_later.to_string(),
    };
    let print = |_| {
        window().print().ok();
    };
    view! {
        <div class="panel-confirmation">
            <h1 class="panel-title">{ftr(|t| t.confirmed)}</h1>
            <p class="panel-body">
                {ftr(|t| t.your_code)}
                <br />
                <strong id="dossier-code" class="dossier-code">
                    {code.clone()}
                </strong>
            </p>
        </div>
        <p class="no-print">{ftr(|t| t.keep_code)}</p>
        <p class="no-print">
            <a href=tracking>{ttr(|t| t.follow)}</a>
        </p>
        <section class="receipt" aria-labelledby="receipt-heading">
            <h2 id="receipt-heading">{ftr(|t| t.receipt_heading)}</h2>
            <div class="receipt-body">
                <dl class="summary-list receipt-list">
                    <div class="summary-row">
                        <dt class="summary-key">{ftr(|t| t.your_code)}</dt>
                        <dd class="summary-value">
                            <strong>{code}</strong>
                        </dd>
                    </div>
                    <div class="summary-row">
                        <dt class="summary-key">{ftr(|t| t.procedure_row)}</dt>
                        <dd class="summary-value">{procedure_name} " (" {procedure_code} ")"</dd>
                    </div>
                    <div class="summary-row">
                        <dt class="summary-key">{ftr(|t| t.agency_row)}</dt>
                        <dd class="summary-value">{agency}</dd>
                    </div>
                    <div class="summary-row">
                        <dt class="summary-key">{ftr(|t| t.applicant_row)}</dt>
                        <dd class="summary-value">{applicant_name}</dd>
                    </div>
                    <div class="summary-row">
                        <dt class="summary-key">{ftr(|t| t.phone_row)}</dt>
                        <dd class="summary-value">{phone_masked}</dd>
                    </div>
                    <div class="summary-row">
                        <dt class="summary-key">{ftr(|t| t.received_row)}</dt>
                        <dd class="summary-value">{received}</dd>
                    </div>
                    <div class="summary-row summary-row-highlight">
                        <dt class="summary-key">{ftr(|t| t.promised_row)}</dt>
                        <dd class="summary-value">
                            <strong id="promised-date">{promised}</strong>
                        </dd>
                    </div>
                    <div class="summary-row">
                        <dt class="summary-key">{tr(|t| t.processing_time)}</dt>
                        <dd class="summary-value">{processing_time}</dd>
                    </div>
                    <div class="summary-row">
                        <dt class="summary-key">{ftr(|t| t.documents_row)}</dt>
                        <dd class="summary-value">{documents_list(documents)}</dd>
                    </div>
                    <div class="summary-row">
                        <dt class="summary-key">{ftr(|t| t.delivery_row)}</dt>
                        <dd class="summary-value">{move || delivery_text(delivery, texts())}</dd>
                    </div>
                    <div class="summary-row">
                        <dt class="summary-key">{ftr(|t| t.status_row)}</dt>
                        <dd class="summary-value">{move || status_name(status, texts())}</dd>
                    </div>
                </dl>
                <figure class="qr">
                    <QrCode text=address label=move || texts().qr_caption />
                    <figcaption>{ftr(|t| t.qr_caption)}</figcaption>
                </figure>
            </div>
        </section>
        <p class="no-print">
            <button type="button" class="button button-large" on:click=print>
                {ftr(|t| t.print)}
            </button>
        </p>
    }
}
