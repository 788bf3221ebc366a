import MIMECodecs
import MIMECore
import Testing

/// What fuzzing found in MIMECore, each as a small test next to the crash input that
/// `Fixtures/fuzz/<target>/crash-*` keeps.
@Suite("Fuzz findings")
struct FuzzFindingTests {
    /// fuzz-stream: a field whose name is longer than `maximumHeaderLineLength` trapped in the
    /// streaming parser, which keeps only that many bytes of a field.
    @Test func streamingParserSurvivesANameLongerThanTheLineLimit() {
        let bytes = Array("Content-Transfer-Encoding: 8bit\r\nX: y\r\n\r\nbody".utf8)
        var parser = StreamingParser(options: ParserOptions(maximumHeaderLineLength: 6))
        var names: [String] = []
        var codes: [Diagnostic.Code] = []
        let handler: (StreamingParser.Event) -> Void = { event in
            if case .partStart(let start) = event { names = start.headers.map(\.name) }
            if case .diagnostic(let diagnostic) = event { codes.append(diagnostic.code) }
        }
        for byte in bytes { parser.feed([byte], handler) }
        parser.finish(handler)
        #expect(names == ["Conten", "X"])
        #expect(codes == [.headerLineTooLong])
    }

    /// fuzz-stream: with a field over the line limit, the one-shot parser read the structure from
    /// the whole value and the streaming parser from the cut one; both now read the cut value.
    @Test func bothParsersReadTheStructureFromTheCutValue() {
        let bytes = Array("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\npart\r\n--b--\r\n".utf8)
        let options = ParserOptions(maximumHeaderLineLength: 20)
        let message = Message.parse(bytes, options: options)
        #expect(message.root.isLeaf)
        #expect(message.headers[0].rawBytes.count == 43)
        #expect(message.diagnostics.map(\.code).contains(.headerLineTooLong))
        var parser = StreamingParser(options: options)
        var kinds: [StreamingParser.PartKind] = []
        let handler: (StreamingParser.Event) -> Void = { if case .partStart(let start) = $0 { kinds.append(start.kind) } }
        parser.feed(bytes, handler)
        parser.finish(handler)
        #expect(kinds == [.leaf])
        #expect(message.serialize() == bytes)
    }

    /// fuzz-fields: an 8-bit byte in a parameter name was accepted without a diagnostic, and the
    /// name could not be rendered back.
    @Test func eightBitParameterNamesAreReported() {
        var diagnostics: [Diagnostic] = []
        let value: [UInt8] = Array(" text/plain; charse".utf8) + [0xF4] + Array("=Shift_JIS".utf8)
        _ = ContentType.parse(value[...], diagnostics: &diagnostics)
        #expect(diagnostics.map(\.code) == [.parameter8Bit])
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.range == 13..<20)
    }
}

extension FuzzFindingTests {
    /// fuzz-fields: an encoded word in plain RFC 2231 sections is decoded from the joined
    /// sections, whose offsets do not map onto the field; its diagnostics pointed past the field.
    @Test func encodedWordDiagnosticsInJoinedSectionsStayInsideTheField() {
        let value = Array("attachment; name*0=\"=?utf-8?q?caf\"; name*1=\"=E9?=\"".utf8)
        var diagnostics: [Diagnostic] = []
        let disposition = ContentDisposition.parse(value[...], diagnostics: &diagnostics)
        #expect(disposition.parameters["name"] != nil)
        #expect(diagnostics.contains { $0.code == .parameterEncodedWord })
        #expect(diagnostics.allSatisfy { $0.range.lowerBound >= 0 && $0.range.upperBound <= value.count })
    }
}

extension FuzzFindingTests {
    /// fuzz-fields: an address with an obsolete route (`<@a,@b:user@host>`) rendered without it,
    /// as RFC 5322 section 4.4 requires, so it re-parsed to a value unequal to the first one; the
    /// display name's windows-1252 byte, first suspected, comes back unchanged.
    @Test func addressesRoundTripToTheirValueWithoutTheRoute() throws {
        let value: [UInt8] = Array("18=03 to".utf8) + [0xD1] + Array("ol <@ae--t,@l:997@gxample.com>".utf8)
        var diagnostics: [Diagnostic] = []
        let addresses = Address.parseList(value[...], diagnostics: &diagnostics)
        let address = try #require(addresses.first)
        #expect(addresses.count == 1)
        #expect(address.mailboxes.first?.route == ["ae--t", "l"])
        #expect(address.mailboxes.first?.displayName == "18=03 to\u{D1}ol")
        let rendered = address.headerText(allowingUTF8: true)
        #expect(rendered == "18=03 to\u{D1}ol <997@gxample.com>")
        #expect(Address.parseList(rendered) == [address.withoutRoute])
        #expect(address.withoutRoute.mailboxes.first?.route == [])
    }
}

extension FuzzFindingTests {
    /// fuzz-fields: an unquoted extended value read up to the end with an unterminated quoted
    /// string inside gets a closing quote the field does not have, so a bad `%` escape at its end
    /// was reported one byte past the field.
    @Test func percentEscapeDiagnosticsStayInsideTheField() {
        let value: [UInt8] = Array(" filena".utf8) + [0xCA] + Array("me*0*=<7f3a\u{0C}1Chat-C\"".utf8) + [0, 0, 0]
            + Array("e%>".utf8)
        var diagnostics: [Diagnostic] = []
        _ = ContentDisposition.parse(value[...], diagnostics: &diagnostics)
        let percent = diagnostics.filter { $0.code == .parameterValueInvalidPercentEncoding }
        #expect(percent.count == 1)
        #expect(percent.first?.range == 32..<34)
        #expect(diagnostics.allSatisfy { $0.range.lowerBound >= 0 && $0.range.upperBound <= value.count })
    }
}

extension FuzzFindingTests {
    /// fuzz-fields: a plain `boundary` given twice was read without a diagnostic; the renderer
    /// writes the second, whose control character needs it, as `boundary*=`, which supersedes
    /// the plain one on re-reading, so the round trip lost a parameter. The repetition is now
    /// reported (`Fixtures/fuzz/fields/finding-content-type-duplicate-boundary-roundtrip`).
    @Test func plainParameterGivenTwiceIsReported() {
        let value: [UInt8] = Array(" multipart/mixed; boundary=ixed; boundary=\"l\\?=B6rg?d".utf8) + [0x07]
            + Array("printablelerel-0\"".utf8)
        var diagnostics: [Diagnostic] = []
        let contentType = ContentType.parse(value[...], diagnostics: &diagnostics)
        #expect(diagnostics.map(\.code) == [.parameterDuplicate])
        #expect(diagnostics.first?.range == 33..<value.count)
        #expect(contentType.parameters["boundary"] == "ixed")
        #expect(contentType.parameters.values(named: "boundary").count == 2)
    }
}
