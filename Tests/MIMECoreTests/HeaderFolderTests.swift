import MIMECore
import Testing

private func lines(of folded: [UInt8]) -> [[UInt8]] {
    // Every line must end in CRLF; the split drops the terminators.
    var result: [[UInt8]] = []
    var current: [UInt8] = []
    var index = 0
    while index < folded.count {
        if folded[index] == 0x0D, index + 1 < folded.count, folded[index + 1] == 0x0A {
            result.append(current)
            current = []
            index += 2
        } else {
            current.append(folded[index])
            index += 1
        }
    }
    #expect(current.isEmpty, "folded field must end with CRLF")
    return result
}

private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

@Suite struct HeaderFolderTests {
    let folder = HeaderFolder()

    @Test func shortFieldStaysOnOneLine() throws {
        let out = try folder.foldUnstructured(name: "Subject", Array("Hello world".utf8))
        #expect(text(out) == "Subject: Hello world\r\n")
    }

    @Test func emptyUnstructuredValueKeepsSeparatorSpace() throws {
        let out = try folder.foldUnstructured(name: "Subject", [])
        #expect(text(out) == "Subject: \r\n")
    }

    @Test func unstructuredFoldsBeforeWhitespaceAt78() throws {
        let words = (0..<30).map { "word\($0)" }.joined(separator: " ")
        let out = try folder.foldUnstructured(name: "Subject", Array(words.utf8))
        let split = lines(of: out)
        #expect(split.count > 1)
        for line in split { #expect(line.count <= 78) }
        for line in split.dropFirst() { #expect(line.first == 0x20) }
        #expect(text(HeaderFolder.unfold(out)) == "Subject: " + words + "\r\n")
    }

    @Test func greedyBreakUsesAsMuchOfTheLineAsPossible() throws {
        // "Subject:" + 7 * " xxxxxxxxx" = 8 + 70 = 78 fits; the 8th word goes to line 2.
        let value = Array(repeating: "xxxxxxxxx", count: 8).joined(separator: " ")
        let out = try folder.foldUnstructured(name: "Subject", Array(value.utf8))
        let split = lines(of: out)
        #expect(split.count == 2)
        #expect(split[0].count == 78)
        #expect(text(split[1]) == " xxxxxxxxx")
    }

    @Test func whitespaceRunsArePreservedAndFoldedBeforeTheRun() throws {
        let value = "alpha   beta\t\tgamma " + String(repeating: "z", count: 70) + "  end"
        let out = try folder.foldUnstructured(name: "Subject", Array(value.utf8))
        #expect(text(HeaderFolder.unfold(out)) == "Subject: " + value + "\r\n")
        for line in lines(of: out) {
            #expect(line.last != 0x20 && line.last != 0x09, "no line may end with the whitespace it was folded at")
        }
    }

    @Test func trailingWhitespaceIsGluedToTheLastWord() throws {
        let value = String(repeating: "a", count: 40) + " " + String(repeating: "b", count: 40) + "   "
        let out = try folder.foldUnstructured(name: "Subject", Array(value.utf8))
        let split = lines(of: out)
        #expect(split.count == 2)
        #expect(text(split[1]) == " " + String(repeating: "b", count: 40) + "   ")
    }

    @Test func longSingleTokenExceedsSoftLimitButStaysWhole() throws {
        let long = String(repeating: "q", count: 200)
        let out = try folder.foldUnstructured(name: "Subject", Array(("short " + long + " tail").utf8))
        let split = lines(of: out)
        #expect(split.map(text) == ["Subject: short", " " + long, " tail"])
    }

    @Test func tokenLongerThanHardLimitIsATypedError() {
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 998)
        #expect(throws: HeaderFolder.Error.tokenTooLong(tokenIndex: 1, length: 999)) {
            try folder.fold(name: "X-Test", [.spaced("a"), .spaced(long)])
        }
        // 997 bytes plus the leading space is exactly 998: allowed on a line of its own.
        let fits = [UInt8](repeating: UInt8(ascii: "x"), count: 997)
        let out = try? folder.fold(name: "X-Test", [.spaced("a"), .spaced(fits)])
        #expect(out.map { lines(of: $0).map(\.count) } == [9, 998])
    }

    @Test func gluedTokensAreNeverSeparated() throws {
        // `name=value;` pairs: the parameter and its `;` travel together.
        var tokens: [HeaderFolder.Token] = [.spaced("multipart/mixed"), .glued(";")]
        for index in 0..<8 {
            tokens.append(.spaced("param\(index)=\"some quoted value \(index)\""))
            tokens.append(.glued(";"))
        }
        tokens.removeLast()
        let out = try folder.fold(name: "Content-Type", tokens)
        let split = lines(of: out)
        #expect(split.count > 1)
        for line in split {
            #expect(line.count <= 78)
            // Never folded inside a quoted string: every line has balanced quotes.
            #expect(line.filter { $0 == 0x22 }.count % 2 == 0)
        }
        for line in split.dropFirst() { #expect(text(line).hasPrefix(" param")) }
    }

    @Test func breakAfterFieldNameWhenFirstTokenDoesNotFit() throws {
        let encoded = "=?UTF-8?B?" + String(repeating: "QUJD", count: 15) + "?="  // 72 characters
        let out = try folder.fold(name: "Subject", [.spaced(Array(encoded.utf8), encodedWord: true)])
        #expect(lines(of: out).map(text) == ["Subject:", " " + encoded])
    }

    @Test func encodedWordLinesAreKeptTo76() throws {
        // Two spaced 38-character words make a 78-character continuation line: allowed for plain
        // text (RFC 5322), not for encoded words (RFC 2047 section 2 caps those lines at 76).
        let word = "=?UTF-8?Q?" + String(repeating: "a", count: 26) + "?="
        let tokens = (0..<6).map { _ in HeaderFolder.Token.spaced(Array(word.utf8), encodedWord: true) }
        let out = try folder.fold(name: "Subject", tokens)
        #expect(lines(of: out).map(\.count) == [47, 39, 39, 39, 39, 39])
        let plain = try folder.fold(name: "Subject", tokens.map { .spaced($0.text) })
        #expect(lines(of: plain).map(\.count) == [47, 78, 78, 39])
    }

    @Test func unstructuredTokensRecogniseEncodedWords() {
        let tokens = HeaderFolder.unstructuredTokens(Array("Re: =?utf-8?q?caf=C3=A9?= ok".utf8))
        #expect(tokens.map(\.containsEncodedWord) == [false, true, false])
    }

    @Test func lineBreaksInTokensAreRejected() {
        #expect(throws: HeaderFolder.Error.lineBreakInValue(tokenIndex: 0)) {
            try folder.fold(name: "Subject", [.spaced("evil\r\nBcc: x@example.org")])
        }
        #expect(throws: HeaderFolder.Error.lineBreakInValue(tokenIndex: 1)) {
            try folder.foldUnstructured(name: "Subject", Array("a b\nc".utf8))
        }
    }

    @Test func invalidNamesAndWhitespaceAreRejected() {
        #expect(throws: HeaderFolder.Error.invalidFieldName("Bad Name")) {
            try folder.fold(name: "Bad Name", [.spaced("x")])
        }
        #expect(throws: HeaderFolder.Error.invalidFieldName("")) {
            try folder.fold(name: "", [.spaced("x")])
        }
        #expect(throws: HeaderFolder.Error.invalidFieldName("A:B")) {
            try folder.fold(name: "A:B", [.spaced("x")])
        }
        #expect(throws: HeaderFolder.Error.invalidWhitespace(tokenIndex: 0)) {
            try folder.fold(name: "X", [HeaderFolder.Token(leadingWhitespace: [0x41], text: [0x42])])
        }
    }

    @Test func structuredTokensKeepQuotedStringsCommentsAndLiteralsWhole() {
        let value = Array(#"attachment; filename="a b \" c.txt"; x=(a comment) [1.2 3] end"#.utf8)
        let tokens = HeaderFolder.structuredTokens(value)
        #expect(tokens.map { text($0.text) }
                == ["attachment;", #"filename="a b \" c.txt";"#, "x=(a comment)", "[1.2 3]", "end"])
        #expect(tokens.allSatisfy { $0.leadingWhitespace == [0x20] })
        let wordTokens = HeaderFolder.structuredTokens(Array("=?utf-8?q?x?= y".utf8))
        #expect(wordTokens.map(\.containsEncodedWord) == [true, false])
        #expect(HeaderFolder.structuredTokens([]).map { text($0.leadingWhitespace + $0.text) } == [" "])
        // Trailing whitespace stays with the last token, so no line is left holding only spaces.
        #expect(HeaderFolder.structuredTokens(Array("a b  ".utf8)).map { text($0.text) } == ["a", "b  "])
    }

    @Test func foldStructuredBreaksOnlyOutsideQuotes() throws {
        let quoted = "\"" + String(repeating: "q ", count: 40) + "\""
        let value = "attachment; filename=" + quoted + "; size=10"
        let out = try folder.foldStructured(name: "Content-Disposition", Array(value.utf8))
        #expect(lines(of: out).map(text)
                == ["Content-Disposition: attachment;", " filename=" + quoted + ";", " size=10"])
        #expect(text(HeaderFolder.unfold(out)) == "Content-Disposition: " + value + "\r\n")
    }

    @Test func unfoldOnlyRemovesCRLFBeforeWhitespace() {
        let folded = Array("Subject: a\r\n b\r\n\tc\r\n".utf8)
        #expect(text(HeaderFolder.unfold(folded)) == "Subject: a b\tc\r\n")
    }

    /// Folded then unfolded gives the original field; no line is over 78 characters unless it
    /// holds a single token that is longer; no line is ever over 998.
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func foldingProperties(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<150 {
            var tokens: [HeaderFolder.Token] = []
            let count = Int.random(in: 0...60, using: &rng)
            for index in 0..<count {
                let whitespaceLength = index == 0 ? 1 : Int.random(in: 0...3, using: &rng)
                let whitespace = (0..<whitespaceLength).map { _ in Bool.random(using: &rng) ? UInt8(0x20) : 0x09 }
                let lengthClass = Int.random(in: 0..<20, using: &rng)
                let length = lengthClass == 0
                    ? Int.random(in: 70...400, using: &rng) : Int.random(in: 0...25, using: &rng)
                let textBytes = (0..<length).map { _ in UInt8.random(in: 0x21...0x7E, using: &rng) }
                tokens.append(HeaderFolder.Token(leadingWhitespace: whitespace, text: textBytes,
                                                 containsEncodedWord: Int.random(in: 0..<4, using: &rng) == 0))
            }
            let out = try folder.fold(name: "X-Random", tokens)
            var original = Array("X-Random:".utf8)
            for token in tokens { original += token.leadingWhitespace + token.text }
            original += [0x0D, 0x0A]
            #expect(HeaderFolder.unfold(out) == original)

            // Rebuild the unbreakable units the folder sees to know which long lines are excused.
            var unitLengths: [Int] = []
            for token in tokens {
                if token.leadingWhitespace.isEmpty || token.text.isEmpty, !unitLengths.isEmpty {
                    unitLengths[unitLengths.count - 1] += token.leadingWhitespace.count + token.text.count
                } else {
                    unitLengths.append(token.leadingWhitespace.count + token.text.count)
                }
            }
            let longestUnit = unitLengths.max() ?? 0
            for (lineIndex, line) in lines(of: out).enumerated() {
                #expect(line.count <= 998)
                if line.count > 78 {
                    // Only a line holding a single over-long unit (plus the name on line 1).
                    let excused = line.count <= longestUnit + (lineIndex == 0 ? 9 : 0)
                    #expect(excused, "line \(lineIndex) of \(line.count) characters")
                }
                if lineIndex > 0 { #expect(line.first == 0x20 || line.first == 0x09) }
            }
        }
    }

    @Test(arguments: [11, 12, 13])
    func unstructuredFoldingRoundTrips(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<200 {
            let length = Int.random(in: 0...600, using: &rng)
            let value: [UInt8] = (0..<length).map { _ in
                switch Int.random(in: 0..<10, using: &rng) {
                case 0: 0x20
                case 1: 0x09
                default: UInt8.random(in: 0x21...0x7E, using: &rng)
                }
            }
            let out = try folder.foldUnstructured(name: "Subject", value)
            #expect(HeaderFolder.unfold(out) == Array("Subject: ".utf8) + value + [0x0D, 0x0A])
            for line in lines(of: out).dropFirst() {
                #expect(line.count <= 998)
                // RFC 5322 section 2.2.3: no continuation line of whitespace only.
                #expect(!line.allSatisfy { $0 == 0x20 || $0 == 0x09 })
            }
        }
    }
}
