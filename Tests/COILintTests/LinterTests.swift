import COILint
import MIMECore
import Testing

/// Positions and counts of findings that the rule fixtures do not pin down.
@Suite struct LinterTests {
    static func findings(_ text: String, _ configuration: LintConfiguration = LintConfiguration()) -> [Finding] {
        Linter(configuration: configuration).lint(Array(text.utf8))
    }

    static let header = "From: a@example.org\r\nTo: b@example.org\r\nMessage-ID: <x@example.org>\r\n"

    @Test func irregularDateWhitespaceIsReportedAtTheRun() {
        let text = Self.header + "Date: Wed, 4 Dec 2019  15:51:37 +0100\r\n\r\nHi\r\n"
        let found = Self.findings(text).filter { $0.rule == Rule.obsoleteSyntax.id }
        #expect(found.count == 1)
        let runOffset = Array(text.utf8).indices.first { index in
            Array(text.utf8)[index...].starts(with: Array("  15:51".utf8))
        }
        #expect(found.first?.offset == runOffset.map { $0 + 1 })
    }

    @Test func phrasesInReferencesAreReportedOnce() {
        let text = Self.header + "Date: Wed, 4 Dec 2019 15:51:37 +0100\r\n"
            + "References: <a@example.org> see also this <b@example.org>\r\n\r\nHi\r\n"
        #expect(Self.findings(text).filter { $0.rule == Rule.obsoleteSyntax.id }.count == 1)
    }

    @Test func legacyEightBitHeaderTextIsOneFindingAtTheFirstBadByte() {
        var bytes = Array((Self.header + "Date: Wed, 4 Dec 2019 15:51:37 +0100\r\nSubject: caf").utf8)
        let badOffset = bytes.count
        bytes += [0xE9, 0x20, 0xE0, 0x20, 0xFC] + Array("\r\n\r\nHi\r\n".utf8)
        let found = Linter().lint(bytes).filter { $0.rule == Rule.header8Bit.id }
        #expect(found.map(\.offset) == [badOffset])
    }

    @Test func splitCharacterIsFoundInBase64Words() {
        // "Grüße" with the ü split between the words (0xC3 | 0xBC).
        let text = Self.header + "Date: Wed, 4 Dec 2019 15:51:37 +0100\r\n"
            + "Subject: =?UTF-8?B?R3LD?= =?UTF-8?B?vMOfZQ==?=\r\n\r\nHi\r\n"
        let found = Self.findings(text).filter { $0.rule == Rule.encodedWordSplit.id }
        #expect(found.count == 1)
        #expect(found.first?.range.count == "=?UTF-8?B?R3LD?=".utf8.count)
    }

    @Test func lineEndingsAreCheckedAcrossChunkBoundaries() {
        let text = Array("a\r\nbb\rcc\r\ndd\nee\r\n".utf8)
        var whole = LineScanner()
        whole.scan(text)
        let expected = whole.finish()
        #expect(expected.map(\.rule) == [Rule.bareCR.id, Rule.mixedLineEndings.id])
        for split in 0...text.count {
            var scanner = LineScanner()
            scanner.scan(Array(text[..<split]))
            scanner.scan(Array(text[split...]))
            #expect(scanner.finish() == expected, "split at \(split)")
        }
    }

    @Test func longLinesAreCountedOnceAndOverlongOnesEach() {
        let long = String(repeating: "x", count: 100)
        let overlong = String(repeating: "y", count: 1000)
        var scanner = LineScanner()
        scanner.scan(Array("\(long)\n\(long)\n\(overlong)\n\(overlong)\n".utf8))
        let found = scanner.finish()
        #expect(found.filter { $0.rule == Rule.lineLong.id }.count == 1)
        #expect(found.filter { $0.rule == Rule.lineLong.id }.first?.offset == 78)
        #expect(found.filter { $0.rule == Rule.lineTooLong.id }.map(\.offset) == [202 + 998, 1203 + 998])
    }

    @Test("Chat-Content: the sections' spellings and extensions pass, the header list's group names are legacy",
          arguments: [("groupinfo", nil), ("grouprequested", nil), ("location", nil), ("com.example.Sticker", nil),
                      ("groupprofile", "COI-CHAT-CONTENT-LEGACY"), ("groupprofilerequest", "COI-CHAT-CONTENT-LEGACY"),
                      ("edit", "COI-CHAT-CONTENT-LEGACY"), ("sticker", "COI-CHAT-CONTENT-UNKNOWN")] as [(String, String?)])
    func chatContentSpellings(value: String, rule: String?) {
        let message = """
            From: Me <me@example.com>\r
            To: You <you@example.org>\r
            Date: Wed, 4 Dec 2019 15:51:37 +0100\r
            Message-ID: <chat$1a2b3c4d5e@example.com>\r
            In-Reply-To: <chat$0f0f0f0f0f@example.com>\r
            Chat-Version: 1.0\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=UTF-8\r
            Chat-Content: \(value)\r
            \r
            Hello\r

            """
        let found = Linter().lint(Array(message.utf8)).map(\.rule.rawValue).filter { $0.hasPrefix("COI-CHAT-CONTENT") }
        #expect(found == (rule.map { [$0] } ?? []))
    }

    @Test func profilesSelectTheCOIRules() throws {
        let chat = Rule.coiSender.failingExample
        let plain = Rule.dateMissing.failingExample
        #expect(Linter().lint(chat).contains { $0.rule == Rule.coiSender.id })
        #expect(!Linter(configuration: .init(profile: .rfc)).lint(chat).contains { $0.rule.rawValue.hasPrefix("COI-") })
        #expect(!Linter().lint(plain).contains { $0.rule.rawValue.hasPrefix("COI-") })
        #expect(Linter(configuration: .init(profile: .coi)).lint(plain).contains { $0.rule == Rule.coiChatVersion.id })
        let enabled = Linter(configuration: .init(enabled: [Rule.coiMessageID.id])).lint(plain)
        #expect(enabled.filter { $0.rule.rawValue.hasPrefix("COI-") }.map(\.rule) == [Rule.coiMessageID.id])
        #expect(!Linter(configuration: .init(disabled: [Rule.dateMissing.id])).lint(plain).contains { $0.rule == Rule.dateMissing.id })
    }

    /// The streaming linter agrees with the one-shot linter on the rules both apply, whatever
    /// the chunk size.
    @Test(arguments: ["bad-base64.eml", "missing-closing-boundary.eml", "semicolon-address-separator.eml",
                      "obsolete-date-zone.eml", "mixed-attachments.eml"])
    func streamingAgreesWithOneShot(_ name: String) throws {
        let bytes = try Fixtures.messageBytes(name)
        let oneShot = Linter(configuration: .init(profile: .rfc)).lint(bytes)
        for chunkSize in [1, 7, 4096] {
            var streaming = StreamingLinter(Linter(configuration: .init(profile: .rfc)))
            var index = 0
            while index < bytes.count {
                streaming.feed(Array(bytes[index..<min(bytes.count, index + chunkSize)]))
                index += chunkSize
            }
            let streamed = streaming.finish()
            let charsetRules: Set<Rule.ID> = [Rule.charsetBytes.id, Rule.charsetUnknown.id]
            #expect(streamed == oneShot.filter { !charsetRules.contains($0.rule) }, "\(name), chunks of \(chunkSize)")
        }
    }
}
