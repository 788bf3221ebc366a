import MIMECodecs
import Testing

private typealias Paragraph = FormatFlowed.Paragraph

/// The encoded lines, split at CRLF; the encoder ends every line with CRLF.
private func lines(_ text: String) -> [String] {
    #expect(text.isEmpty || text.hasSuffix("\r\n"))
    return text.split(separator: "\r\n", omittingEmptySubsequences: false).dropLast().map(String.init)
}

@Suite("format=flowed decoding (RFC 3676 4.1-4.5)")
struct FormatFlowedDecodingTests {
    @Test("4.1/4.2: a line ending in a space joins the next; a line without one ends the paragraph")
    func unwrap() {
        let text = "This is a paragraph \r\nthat was wrapped \r\nby the sender.\r\nA fixed line.\r\n"
        #expect(FormatFlowed.paragraphs(in: text) == [
            Paragraph(text: "This is a paragraph that was wrapped by the sender."),
            Paragraph(text: "A fixed line."),
        ])
        #expect(FormatFlowed.decode(text) == "This is a paragraph that was wrapped by the sender.\nA fixed line.\n")
        #expect(FormatFlowed.decode("a \nb", lineEnding: "\r\n") == "a b")
    }

    @Test("4.2: with DelSp=yes the soft break space is deleted")
    func delSp() {
        let text = "日本語の \r\nテキスト \r\nです。\r\n"
        #expect(FormatFlowed.decode(text, delSp: true) == "日本語のテキストです。\n")
        #expect(FormatFlowed.decode(text, delSp: false) == "日本語の テキスト です。\n")
    }

    @Test("4.5: quote depth is the count of '>'; a depth change ends the paragraph")
    func quoteDepth() {
        let text = ">> deeply \r\n>> quoted\r\n> less \r\n>> deeper again\r\nplain\r\n"
        #expect(FormatFlowed.paragraphs(in: text) == [
            Paragraph(quoteDepth: 2, text: "deeply quoted"),
            Paragraph(quoteDepth: 1, text: "less "),
            Paragraph(quoteDepth: 2, text: "deeper again"),
            Paragraph(quoteDepth: 0, text: "plain"),
        ])
        #expect(FormatFlowed.decode(text) == ">> deeply quoted\n> less \n>> deeper again\nplain\n")
    }

    @Test("4.5: '> >' is depth 1 with content starting '>', since marks have no spaces between them")
    func spacedMarks() {
        #expect(FormatFlowed.paragraphs(in: "> > text") == [Paragraph(quoteDepth: 1, text: "> text")])
        #expect(FormatFlowed.paragraphs(in: ">") == [Paragraph(quoteDepth: 1, text: "")])
    }

    @Test("4.4: one leading space is stuffing and is removed, after the quote marks if any")
    func unstuffing() {
        let text = " From the start\r\n >not a quote\r\n  indented\r\n>  quoted indent\r\n"
        #expect(FormatFlowed.paragraphs(in: text) == [
            Paragraph(text: "From the start"),
            Paragraph(text: ">not a quote"),
            Paragraph(text: " indented"),
            Paragraph(quoteDepth: 1, text: " quoted indent"),
        ])
    }

    @Test("4.3: the signature separator is never flowed and stands alone")
    func signature() {
        let text = "Regards, \r\n-- \r\nJohn \r\nDoe\r\n> -- \r\n"
        let paragraphs = FormatFlowed.paragraphs(in: text)
        #expect(paragraphs == [
            Paragraph(text: "Regards, "),
            Paragraph(text: "-- "),
            Paragraph(text: "John Doe"),
            Paragraph(quoteDepth: 1, text: "-- "),
        ])
        #expect(paragraphs[1].isSignatureSeparator)
        #expect(FormatFlowed.paragraphs(in: "-- \r\n", delSp: true) == [Paragraph(text: "-- ")])
    }

    @Test("a flowed last line and empty input are handled")
    func edges() {
        #expect(FormatFlowed.paragraphs(in: "dangling ") == [Paragraph(text: "dangling ")])
        #expect(FormatFlowed.paragraphs(in: "").isEmpty)
        #expect(FormatFlowed.decode("") == "")
        #expect(FormatFlowed.paragraphs(in: "a\n\nb") == [Paragraph(text: "a"), Paragraph(text: ""), Paragraph(text: "b")])
    }
}

@Suite("format=flowed encoding (RFC 3676 4.2-4.5)")
struct FormatFlowedEncodingTests {
    static let prose = """
        The Text/Plain Format parameter lets a sender mark which lines may be \
        flowed, so that a receiver can rewrap paragraphs to its own display \
        width while older software still shows perfectly ordinary text.
        """

    @Test("4.2: lines aim for 66 octets, end in a space when flowed, and decode back")
    func wraps() {
        let output = FormatFlowed.encode(Self.prose)
        let encodedLines = lines(output)
        #expect(encodedLines.count > 1)
        #expect(encodedLines.allSatisfy { $0.utf8.count <= 66 })
        #expect(encodedLines.dropLast().allSatisfy { $0.hasSuffix(" ") })
        #expect(encodedLines.last?.hasSuffix(" ") == false)
        #expect(FormatFlowed.decode(output) == Self.prose + "\n")
    }

    @Test("4.2: trailing spaces on a hard line are removed")
    func trimsHardLines() {
        #expect(FormatFlowed.encode("fixed   \nnext") == "fixed\r\nnext\r\n")
        #expect(FormatFlowed.encode("   ") == "\r\n")
        #expect(FormatFlowed.encode("") == "")
    }

    @Test("4.3: the signature separator keeps its space")
    func signature() {
        #expect(FormatFlowed.encode("Bye\n-- \nMe") == "Bye\r\n-- \r\nMe\r\n")
        #expect(FormatFlowed.encode([Paragraph(quoteDepth: 1, text: "-- ")]) == "> -- \r\n")
        // A soft break never leaves a line reading "-- ", which would be a separator.
        let dashes = String(repeating: "d", count: 60) + " -- " + String(repeating: "e", count: 20)
        #expect(FormatFlowed.paragraphs(in: FormatFlowed.encode([Paragraph(text: dashes)])) == [Paragraph(text: dashes)])
    }

    @Test("4.4: lines starting with a space, '>' or 'From ' are space-stuffed")
    func stuffing() {
        #expect(FormatFlowed.encode([Paragraph(text: "From me")]) == " From me\r\n")
        #expect(FormatFlowed.encode([Paragraph(text: ">not quoted")]) == " >not quoted\r\n")
        #expect(FormatFlowed.encode([Paragraph(text: " indented")]) == "  indented\r\n")
        #expect(FormatFlowed.encode([Paragraph(text: "Fromage")]) == "Fromage\r\n")
        // A continuation line can need stuffing too.
        let paragraph = Paragraph(text: String(repeating: "x", count: 62) + " From here")
        let output = FormatFlowed.encode([paragraph])
        #expect(lines(output) == [String(repeating: "x", count: 62) + " ", " From here"])
        #expect(FormatFlowed.paragraphs(in: output) == [paragraph])
    }

    @Test("4.5: quoted paragraphs keep their depth on every line, empty ones have no trailing space")
    func quoting() {
        let paragraphs = [
            Paragraph(quoteDepth: 2, text: Self.prose),
            Paragraph(quoteDepth: 1, text: ""),
            Paragraph(quoteDepth: 1, text: ">starts with a mark"),
        ]
        let output = FormatFlowed.encode(paragraphs)
        let encodedLines = lines(output)
        #expect(encodedLines.filter { $0.hasPrefix(">> ") }.count > 1)
        #expect(encodedLines.contains(">"))
        #expect(encodedLines.last == "> >starts with a mark")
        #expect(encodedLines.allSatisfy { $0.utf8.count <= 66 })
        #expect(FormatFlowed.paragraphs(in: output) == paragraphs)
    }

    @Test("a word longer than the line stays whole without DelSp and is split with it")
    func longWords() {
        let word = String(repeating: "w", count: 100)
        #expect(FormatFlowed.encode("a " + word + " b") == "a \r\n" + word + " \r\nb\r\n")

        let output = FormatFlowed.encode("a " + word, options: .init(delSp: true))
        let encodedLines = lines(output)
        #expect(encodedLines.count == 3)
        #expect(encodedLines.allSatisfy { $0.utf8.count <= 78 })
        #expect(FormatFlowed.decode(output, delSp: true) == "a " + word + "\n")

        // A word of 70 octets fits under the 78 maximum on a line of its own.
        let medium = String(repeating: "m", count: 70)
        #expect(FormatFlowed.encode("a " + medium, options: .init(delSp: true)) == "a  \r\n" + medium + "\r\n")
    }

    @Test("DelSp=yes wraps text without spaces, counting UTF-8 octets, never splitting a scalar")
    func cjk() {
        let text = String(repeating: "日本語のテキスト", count: 12)
        let output = FormatFlowed.encode(text, options: .init(delSp: true))
        let encodedLines = lines(output)
        #expect(encodedLines.count > 1)
        #expect(encodedLines.allSatisfy { $0.utf8.count <= 78 })
        #expect(FormatFlowed.decode(output, delSp: true) == text + "\n")
    }

    @Test("round trip: paragraphs(encode(p)) == p for random paragraphs, with and without DelSp")
    func roundTrip() {
        var random = SeededGenerator(seed: 3676)
        let words = ["a", "flowed", "From", ">", "-", "--", "日本", "é", String(repeating: "z", count: 90), "x\u{301}"]
        for iteration in 0..<300 {
            var paragraphs: [Paragraph] = []
            for _ in 0..<Int.random(in: 0...5, using: &random) {
                var text = ""
                for index in 0..<Int.random(in: 0...40, using: &random) {
                    if index > 0 { text += String(repeating: " ", count: Int.random(in: 1...2, using: &random)) }
                    text += words.randomElement(using: &random)!
                }
                if Int.random(in: 0..<4, using: &random) == 0 { text = " " + text }
                while text.hasSuffix(" ") { text.removeLast() }
                paragraphs.append(Paragraph(quoteDepth: Int.random(in: 0...3, using: &random), text: text))
            }
            let delSp = iteration % 2 == 0
            let output = FormatFlowed.encode(paragraphs, options: .init(delSp: delSp))
            #expect(FormatFlowed.paragraphs(in: output, delSp: delSp) == paragraphs, "\(paragraphs)")
            if delSp {
                #expect(lines(output).allSatisfy { $0.utf8.count <= 78 })
            }
        }
    }

    @Test("encode(text) reads '>' marks and decode(encode(text)) gives the text back")
    func textRoundTrip() {
        let text = "Hi,\n\n> " + Self.prose + "\n>> older\n\n-- \nMe\n"
        let output = FormatFlowed.encode(text)
        #expect(output.hasSuffix("\r\n"))
        #expect(FormatFlowed.decode(output) == text)
    }
}
