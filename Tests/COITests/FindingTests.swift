import COI
import Foundation
import MIMECodecs
import MIMECore
import Testing

/// One crafted message per finding: the finding is reported, and the well-formed base message
/// reports nothing at warning level or above.
@Suite("Findings")
struct FindingTests {
    static let base = """
        From: Me <me@example.com>
        To: you@example.org
        Date: Wed, 4 Dec 2019 15:51:37 +0100
        Message-ID: <chat$abc.def@example.com>
        Chat-Version: 1.0
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        hi

        """

    static func classify(_ edit: (String) -> String) -> COIEvent {
        COIEvent(classifying: Array(edit(base).crlf.utf8))
    }

    @Test func baseIsClean() {
        let event = Self.classify { $0 }
        #expect(event.kind == .text)
        #expect(event.findings.isEmpty, "\(event.findings)")
    }

    static let cases: [(String, Diagnostic.Code, @Sendable (String) -> String)] = [
        ("missing Chat-Version", .coiMissingChatVersion, { $0.replacingOccurrences(of: "Chat-Version: 1.0\n", with: "") }),
        ("Chat-Version 2.0", .coiUnsupportedChatVersion, { $0.replacingOccurrences(of: "Chat-Version: 1.0", with: "Chat-Version: 2.0") }),
        ("plain Message-ID", .coiMessageIDNotChat, { $0.replacingOccurrences(of: "chat$abc.def", with: "abc.def") }),
        ("no Date", .coiMissingField, { $0.replacingOccurrences(of: "Date: Wed, 4 Dec 2019 15:51:37 +0100\n", with: "") }),
        ("two From", .coiMultipleFrom, { $0.replacingOccurrences(of: "From: Me <me@example.com>", with: "From: me@example.com, you@example.org") }),
        ("Sender", .coiSenderPresent, { $0.replacingOccurrences(of: "MIME-Version", with: "Sender: me@example.com\nMIME-Version") }),
        ("receipt to someone else", .coiReceiptAddressMismatch,
         { $0.replacingOccurrences(of: "MIME-Version", with: "Disposition-Notification-To: other@example.com\nMIME-Version") }),
        ("unknown Chat-Content", .coiChatContentUnknown, { $0.replacingOccurrences(of: "MIME-Version", with: "Chat-Content: banana\nMIME-Version") }),
        ("edit without In-Reply-To", .coiMissingReference,
         { $0.replacingOccurrences(of: "MIME-Version", with: "Chat-Content: editrequest\nMIME-Version") }),
        ("malformed group part", .coiMalformedGroupID, { $0.replacingOccurrences(of: "chat$abc.def", with: "chat$group.x.def") }),
        ("contact without hash", .coiContactHash, { $0.replacingOccurrences(of: "MIME-Version", with: "Chat-Content: contact\nMIME-Version") }),
        ("contact with bad hash", .coiContactHash,
         { $0.replacingOccurrences(of: "MIME-Version", with: "Chat-Content: contact\nCOI-From-Hash: ABC\nMIME-Version") }),
        ("pinned with a bad timeout", .coiPinnedTimeout,
         { $0.replacingOccurrences(of: "Content-Type", with: "Content-Disposition: pinned; timeout=\"tomorrow\"\nContent-Type") }),
        ("only ignored parts", .coiNoReadablePart,
         { $0.replacingOccurrences(of: "Content-Type: text/plain; charset=utf-8", with: "Content-Type: application/octet-stream\nContent-Transfer-Encoding: base64\nContent-Disposition: inline\nChat-Content: ignore") }),
        ("binary without transfer encoding", .coiBinaryPartFields,
         { $0.replacingOccurrences(of: "Content-Type: text/plain; charset=utf-8", with: "Content-Type: image/png\nContent-Disposition: inline") }),
        ("binary without disposition", .coiBinaryPartFields,
         { $0.replacingOccurrences(of: "Content-Type: text/plain; charset=utf-8", with: "Content-Type: image/png\nContent-Transfer-Encoding: base64") }),
        ("unterminated References", .coiMalformedReference,
         { $0.replacingOccurrences(of: "MIME-Version", with: "References: <chat$a@example.com\nMIME-Version") }),
    ]

    @Test(arguments: cases.indices)
    func reported(index: Int) {
        let (name, code, edit) = Self.cases[index]
        let event = Self.classify(edit)
        #expect(event.findings.contains { $0.code == code }, "\(name): \(event.findings)")
    }

    @Test func receiptIncludingTheOriginalIsReported() throws {
        let report = """
            From: you@example.org
            To: me@example.com
            Date: Wed, 4 Dec 2019 15:51:37 +0100
            Message-ID: <chat$r@example.org>
            Chat-Version: 1.0
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=disposition-notification; boundary=b

            --b
            Content-Type: text/plain

            read
            --b
            Content-Type: message/disposition-notification

            Disposition: manual-action/MDN-sent-manually; displayed
            --b
            Content-Type: message/rfc822

            Subject: the original

            body
            --b--

            """
        let event = COIEvent(classifying: Array(report.crlf.utf8))
        #expect(event.kind == .readReceipt)
        #expect(event.refersTo == nil)
        #expect(event.findings.contains { $0.code == .coiReceiptIncludesOriginal })
        #expect(event.findings.contains { $0.code == .coiReceiptWithoutOriginal })
    }

    @Test func extensionValuesNeedAReverseDomain() {
        #expect(ChatContent(rawValue: "com.awesomeclient.MyCustomMessage").isExtension)
        #expect(ChatContent(rawValue: "org.example.x-y_z").isExtension)
        #expect(!ChatContent(rawValue: "sticker").isExtension)
        #expect(!ChatContent(rawValue: "com..x").isExtension)
        #expect(!ChatContent(rawValue: "poll").isExtension)
        let event = Self.classify { $0.replacingOccurrences(of: "MIME-Version", with: "Chat-Content: com.awesomeclient.MyCustomMessage\nMIME-Version") }
        #expect(event.kind == .extension)
        #expect(event.findings.isEmpty)
    }
}
