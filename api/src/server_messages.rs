//! The server's own messages: refusals that no shared rule makes, such as a request the server
//! cannot read, a file it will not keep, or too many tries. The server sends the Vietnamese
//! text; listing them here lets the browser show them in English too.
//!
//! Messages built with numbers or names in them (the upload size limit, a procedure's code, an
//! officer's unit) are not here: they cannot be found by their exact text.

use crate::message::messages;

messages! {
    // Requests the server cannot read or answer.
    /// An `/api` address that does not exist.
    pub UNKNOWN_ENDPOINT = "Không có địa chỉ API này.",
        "There is no such API address.";
    /// An address that exists, with a method it does not answer.
    pub METHOD_NOT_ALLOWED = "Phương thức không được hỗ trợ cho địa chỉ này.",
        "This method is not supported for this address.";
    /// A path parameter that cannot be read.
    pub BAD_PATH = "Địa chỉ không hợp lệ.",
        "The address is not valid.";
    /// A query string that axum cannot read.
    pub BAD_QUERY = "Tham số trên địa chỉ không hợp lệ (không đọc được dưới dạng UTF-8).",
        "The parameters in the address are not valid (they cannot be read as UTF-8).";
    /// A query string that is not UTF-8 once decoded.
    pub QUERY_NOT_TEXT = "Tham số trên địa chỉ không hợp lệ (không phải văn bản UTF-8).",
        "The parameters in the address are not valid (they are not UTF-8 text).";
    /// A body sent without the JSON content type.
    pub JSON_ONLY = "Dữ liệu phải được gửi dưới dạng JSON (Content-Type: application/json).",
        "Data must be sent as JSON (Content-Type: application/json).";
    /// A body that is not the JSON expected.
    pub BAD_JSON = "Dữ liệu gửi lên không đúng định dạng JSON mà địa chỉ này cần.",
        "The data sent is not the JSON this address expects.";
    /// A file not sent as a form.
    pub MULTIPART_ONLY = "Tệp phải được gửi dưới dạng multipart/form-data.",
        "Files must be sent as multipart/form-data.";
    /// A JSON body over the limit of every API route.
    pub BODY_TOO_LARGE = "Dữ liệu gửi lên quá lớn (tối đa 1 MB).",
        "The data sent is too large (1 MB at most).";
    /// A request that ran out of time.
    pub TIMED_OUT = "Yêu cầu mất quá nhiều thời gian nên đã bị dừng. Hãy kiểm tra kết nối mạng rồi thử lại.",
        "The request took too long and was stopped. Check your internet connection and try again.";
    /// A change asked for by a page that is not the portal's.
    pub FOREIGN_REQUEST = "Yêu cầu không đến từ trang của cổng.",
        "The request did not come from the portal's pages.";
    /// Anything that went wrong on the server's side.
    pub INTERNAL = "Hệ thống đang gặp sự cố, vui lòng thử lại sau ít phút.",
        "Something went wrong on our side. Try again in a few minutes.";

    // Filing and finding a dossier.
    /// The message above the fields of a dossier that failed its checks.
    pub INVALID_DOSSIER = "Hồ sơ còn thông tin chưa đúng. Hãy sửa các mục được đánh dấu.",
        "Some details in the dossier need correcting. Fix the ones marked.";
    /// A procedure code that is not in the catalog.
    pub UNKNOWN_PROCEDURE = "Không tìm thấy thủ tục này.",
        "This procedure could not be found.";
    /// A dossier's file deleted before the dossier was sent.
    pub UPLOAD_GONE = "Tệp đã tải lên không còn trên máy chủ, hãy tải lên lại.",
        "The uploaded file is no longer on the server. Upload it again.";
    /// The same file attached twice.
    pub REPEATED_UPLOAD = "Tệp này đã có trong danh sách.",
        "This file is already in the list.";
    /// A submission without its key against sending it twice.
    pub MISSING_IDEMPOTENCY_KEY = "Thiếu tiêu đề Idempotency-Key hợp lệ (8 đến 100 ký tự A-Z, a-z, 0-9, _ hoặc -).",
        "A valid Idempotency-Key header is missing (8 to 100 characters: A-Z, a-z, 0-9, _ or -).";
    /// A submission whose key was used for another dossier.
    pub IDEMPOTENCY_CONFLICT = "Yêu cầu nộp này trùng mã với một hồ sơ khác đã nộp. Hãy tải lại trang rồi nộp lại.",
        "This submission has the same key as another dossier already submitted. Reload the page and submit again.";
    /// Too many dossiers from one address.
    pub TOO_MANY_SUBMISSIONS = "Đã có quá nhiều hồ sơ được nộp từ địa chỉ mạng này trong một giờ. Hãy thử lại sau.",
        "Too many dossiers have been submitted from this network address in the last hour. Try again later.";
    /// Looking a dossier up without the phone number.
    pub PHONE_NEEDED = "Hãy nhập số điện thoại đã dùng khi nộp hồ sơ.",
        "Enter the phone number you used when you submitted the dossier.";
    /// No dossier with this code and phone number.
    pub NO_DOSSIER_WITH_PHONE = "Không tìm thấy hồ sơ với mã và số điện thoại này.",
        "No dossier was found with this code and phone number.";
    /// A dossier that does not exist.
    pub NO_SUCH_DOSSIER = "Không tìm thấy hồ sơ này.",
        "This dossier could not be found.";
    /// Too many lookups that found nothing.
    pub TOO_MANY_LOOKUPS = "Bạn đã tra cứu sai quá nhiều lần. Hãy thử lại sau ít phút.",
        "Too many searches did not find a dossier. Try again in a few minutes.";

    // Searching the procedures.
    /// Too many searches from one address.
    pub TOO_MANY_SEARCHES = "Bạn tìm kiếm quá nhanh. Hãy chờ giây lát rồi thử lại.",
        "You are searching too quickly. Wait a moment and try again.";
    /// A procedure code longer than any (64 characters, the server's limit).
    pub PROCEDURE_CODE_TOO_LONG = "Mã thủ tục quá dài (tối đa 64 ký tự).",
        "The procedure code is too long (64 characters at most).";

    // Uploading a file.
    /// A form without a file.
    pub NO_FILE = "Hãy chọn một tệp để tải lên.",
        "Choose a file to upload.";
    /// A file of 0 bytes.
    pub EMPTY_FILE = "Tệp này trống (0 byte). Hãy chọn lại tệp.",
        "This file is empty (0 bytes). Choose the file again.";
    /// More than one file in a form.
    pub ONE_FILE = "Mỗi lần chỉ tải lên một tệp.",
        "Upload one file at a time.";
    /// Too many files from one address.
    pub TOO_MANY_UPLOADS = "Đã có quá nhiều tệp được tải lên từ địa chỉ mạng này trong một giờ. Hãy thử lại sau.",
        "Too many files have been uploaded from this network address in the last hour. Try again later.";
    /// A form the server could not read to its end.
    pub UNREADABLE_UPLOAD = "Không đọc được tệp gửi lên, hãy thử lại.",
        "The file sent could not be read. Try again.";
    /// An upload that is not there any more.
    pub NO_SUCH_UPLOAD = "Không tìm thấy tệp này. Tệp có thể đã được nộp kèm hồ sơ hoặc đã bị xoá.",
        "This file could not be found. It may have been submitted with a dossier already, or deleted.";
    /// An executable sent as a document.
    pub PROGRAM = "Tệp này là một chương trình máy tính, không phải giấy tờ. \
                   Hãy tải lên bản PDF hoặc ảnh chụp (JPG, PNG).",
        "This file is a computer program, not a document. Upload a PDF or a photo (JPG or PNG).";
    /// Any other kind of file.
    pub NOT_ACCEPTED = "Chỉ nhận tệp PDF hoặc ảnh JPG, PNG.",
        "Only PDF files or JPG and PNG images are accepted.";
    /// A PDF or image with a ZIP archive inside.
    pub POLYGLOT = "Tệp này chứa kèm một tệp nén (ZIP) bên trong nên không được nhận. \
                    Hãy lưu lại giấy tờ thành tệp PDF hoặc ảnh thông thường rồi tải lên.",
        "This file has a compressed (ZIP) file inside it, so it cannot be accepted. \
         Save the document as an ordinary PDF or image and upload it.";
    /// A PDF with scripts or commands that start programs.
    pub SCRIPTED_PDF = "Không nhận tệp PDF có chứa mã lệnh (JavaScript) hoặc lệnh mở \
                        chương trình. Hãy in ra PDF (Print to PDF) rồi tải lên lại.",
        "PDF files with scripts (JavaScript) or commands that open programs are not accepted. \
         Print the document to PDF (Print to PDF) and upload it again.";
    /// A PDF too large, once decompressed, to check.
    pub UNCHECKABLE_PDF = "Tệp PDF này giải nén ra quá lớn nên không kiểm tra an toàn \
                           được. Hãy in ra PDF (Print to PDF) hoặc chụp ảnh giấy tờ rồi \
                           tải lên lại.",
        "This PDF file is too large when decompressed to be checked for safety. \
         Print it to PDF (Print to PDF) or take a photo of the document, and upload it again.";

    // Officers: signing in and accounts.
    /// An account locked after wrong passwords.
    pub ACCOUNT_LOCKED = "Tài khoản tạm khóa do đăng nhập sai nhiều lần. Hãy thử lại sau 15 phút.",
        "This account is locked for now after too many failed sign-ins. Try again in 15 minutes.";
    /// Too many failed sign-ins from one address.
    pub TOO_MANY_SIGN_INS = "Đăng nhập sai quá nhiều lần từ máy này. Hãy thử lại sau ít phút.",
        "Too many failed sign-ins from this device. Try again in a few minutes.";
    /// The message above the fields of an account that failed its checks.
    pub INVALID_ACCOUNT = "Thông tin tài khoản chưa đúng. Hãy sửa các mục được đánh dấu.",
        "Some account details need correcting. Fix the ones marked.";
    /// A user name already used.
    pub USERNAME_TAKEN = "Tên đăng nhập này đã có người dùng. Hãy chọn tên khác.",
        "This username is already taken. Choose another one.";
    /// A role that is not one of the four.
    pub UNKNOWN_ROLE = "Vai trò là một trong: reception, processing, leader, admin.",
        "The role must be one of: reception, processing, leader, admin.";

    // Officers: handling a dossier.
    /// A dossier not in the officer's unit, or not at all.
    pub NO_SUCH_DOSSIER_IN_UNIT = "Không tìm thấy hồ sơ này trong đơn vị của bạn.",
        "This dossier could not be found in your unit.";
    /// A file that is not one of the dossier's.
    pub NO_SUCH_FILE = "Hồ sơ này không có tệp này.",
        "This dossier does not have this file.";
    /// A document that is not on the dossier's checklist.
    pub NO_SUCH_DOCUMENT = "Hồ sơ này không có giấy tờ này trong danh sách cần kiểm tra.",
        "This document is not on the dossier's list of documents to check.";
    /// A result file deleted before the result was recorded.
    pub RESULT_UPLOAD_GONE = "Tệp kết quả không còn trên máy chủ, hãy tải lên lại.",
        "The result file is no longer on the server. Upload it again.";
    /// A dossier's file missing from storage.
    pub FILE_GONE = "Tệp này không còn trên máy chủ.",
        "This file is no longer on the server.";
}
