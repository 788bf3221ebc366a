import COILint
import Testing

/// The `inspect --json` output is valid JSON (checked with Foundation's `JSONDecoder`, a parser
/// independent of the writer) and has exactly the documented members, in the documented order.
@Suite struct JSONShapeTests {
    static let messageKeys = ["bytes", "headers", "subject", "from", "to", "cc", "date", "messageId",
                              "inReplyTo", "references", "root", "diagnostics"]
    static let partKeys = ["contentType", "parameters", "disposition", "filename", "transferEncoding",
                           "headerOffset", "bodyOffset", "endOffset"]
    static let headerKeys = ["name", "value", "offset"]
    static let addressKeys = ["name", "address"]
    static let diagnosticKeys = ["code", "severity", "offset", "message"]

    @Test(arguments: Fixtures.messageNames)
    func outputIsValidJSONWithDocumentedKeys(_ name: String) throws {
        let report = MessageReport.inspect(try Fixtures.messageBytes(name))
        let parsed = try ParsedJSON.parse(report.jsonText)
        let object = try #require(parsed.object, "\(name): top level is not an object")
        checkMessage(object, path: name)
        checkOrder(report.json, isMessage: true, path: name)
    }

    /// A hand-written document in the documented shape, as a reader of the format would expect
    /// it, parses to the same value as the writer's output for the same report.
    @Test func smallReportHasTheDocumentedShape() throws {
        let report = MessageReport.inspect(Array("Subject: Hi\r\nFrom: A <a@example.com>\r\n\r\nx".utf8))
        let expected = """
            {
              "bytes": 41,
              "headers": [
                {
                  "name": "Subject",
                  "value": "Hi",
                  "offset": 0
                },
                {
                  "name": "From",
                  "value": "A <a@example.com>",
                  "offset": 13
                }
              ],
              "subject": "Hi",
              "from": [
                {
                  "name": "A",
                  "address": "a@example.com"
                }
              ],
              "to": [],
              "cc": [],
              "date": null,
              "messageId": null,
              "inReplyTo": [],
              "references": [],
              "root": {
                "contentType": "text/plain",
                "parameters": {
                  "charset": "us-ascii"
                },
                "disposition": null,
                "filename": null,
                "transferEncoding": null,
                "headerOffset": 0,
                "bodyOffset": 40,
                "endOffset": 41,
                "decodedSize": 1,
                "sha256": "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881",
                "text": "x"
              },
              "diagnostics": []
            }

            """
        #expect(report.jsonText == expected)
        #expect(try ParsedJSON.parse(report.jsonText) == ParsedJSON.parse(expected))
    }

    private func keys(_ object: [String: ParsedJSON]) -> Set<String> { Set(object.keys) }

    private func checkMessage(_ object: [String: ParsedJSON], path: String) {
        #expect(keys(object) == Set(Self.messageKeys), "\(path): message keys \(object.keys.sorted())")
        #expect(object["bytes"]?.isInteger == true, "\(path).bytes")
        for header in object["headers"]?.array ?? [] {
            let header = header.object ?? [:]
            #expect(keys(header) == Set(Self.headerKeys), "\(path).headers")
            #expect(header["name"]?.string != nil && header["value"]?.string != nil, "\(path).headers")
            #expect(header["offset"]?.isInteger == true, "\(path).headers.offset")
        }
        #expect(object["subject"]?.isStringOrNull == true, "\(path).subject")
        for list in ["from", "to", "cc"] {
            let addresses = object[list]?.array
            #expect(addresses != nil, "\(path).\(list) is not an array")
            for address in addresses ?? [] {
                let address = address.object ?? [:]
                #expect(keys(address) == Set(Self.addressKeys), "\(path).\(list)")
                #expect(address["address"]?.string != nil, "\(path).\(list).address")
                #expect(address["name"]?.isStringOrNull == true, "\(path).\(list).name")
            }
        }
        for key in ["date", "messageId"] {
            #expect(object[key]?.isStringOrNull == true, "\(path).\(key)")
        }
        for key in ["inReplyTo", "references"] {
            #expect(object[key]?.array?.allSatisfy { $0.string != nil } == true, "\(path).\(key)")
        }
        if let date = object["date"]?.string {
            #expect(date.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})/) != nil,
                    "\(path).date \(date) is not an RFC 3339 date-time")
        }
        for diagnostic in object["diagnostics"]?.array ?? [] {
            let diagnostic = diagnostic.object ?? [:]
            #expect(keys(diagnostic) == Set(Self.diagnosticKeys), "\(path).diagnostics")
            #expect(["error", "warning", "info"].contains(diagnostic["severity"]?.string ?? ""), "\(path).diagnostics.severity")
            #expect(diagnostic["code"]?.string != nil && diagnostic["message"]?.string != nil, "\(path).diagnostics")
            #expect(diagnostic["offset"]?.isInteger == true, "\(path).diagnostics.offset")
        }
        if let root = object["root"]?.object {
            checkPart(root, path: path + ".root")
        } else {
            Issue.record("\(path).root is not an object")
        }
    }

    private func checkPart(_ part: [String: ParsedJSON], path: String) {
        var expected = Set(Self.partKeys)
        let contentType = part["contentType"]?.string ?? ""
        #expect(contentType == contentType.lowercased() && contentType.contains("/"), "\(path).contentType \(contentType)")
        if let children = part["parts"]?.array {
            expected.insert("parts")
            #expect(contentType.hasPrefix("multipart/"), "\(path): parts on \(contentType)")
            for (index, child) in children.enumerated() {
                checkPart(child.object ?? [:], path: "\(path).parts[\(index)]")
            }
        } else if let message = part["message"]?.object {
            expected.insert("message")
            #expect(contentType == "message/rfc822" || contentType == "message/global", "\(path): message on \(contentType)")
            checkMessage(message, path: path + ".message")
        } else {
            expected.formUnion(["decodedSize", "sha256"])
            #expect(part["decodedSize"]?.isInteger == true, "\(path).decodedSize")
            let digest = part["sha256"]?.string ?? ""
            #expect(digest.wholeMatch(of: /[0-9a-f]{64}/) != nil, "\(path).sha256")
            if contentType.hasPrefix("text/") {
                expected.insert("text")
                #expect(part["text"]?.string != nil, "\(path).text")
            }
        }
        #expect(keys(part) == expected, "\(path): keys \(part.keys.sorted())")
        let parameters = part["parameters"]?.object
        #expect(parameters?.keys.allSatisfy { $0 == $0.lowercased() } == true, "\(path).parameters")
        #expect(parameters?.values.allSatisfy { $0.string != nil } == true, "\(path).parameters")
        for key in ["disposition", "filename", "transferEncoding"] {
            #expect(part[key]?.isStringOrNull == true, "\(path).\(key)")
        }
        let offsets = ["headerOffset", "bodyOffset", "endOffset"].map { part[$0] }
        #expect(offsets.allSatisfy { $0?.isInteger == true }, "\(path) offsets")
        if case .integer(let header)? = offsets[0], case .integer(let body)? = offsets[1], case .integer(let end)? = offsets[2] {
            #expect(header <= body && body <= end, "\(path): offsets out of order")
        }
    }

    /// The independent parser forgets member order, so order is checked on the model that is
    /// written.
    private func checkOrder(_ value: JSONValue, isMessage: Bool, path: String) {
        guard let names = value.memberNames else {
            Issue.record("\(path) is not an object")
            return
        }
        if isMessage {
            #expect(names == Self.messageKeys, "\(path): order \(names)")
            if let root = value["root"] { checkOrder(root, isMessage: false, path: path + ".root") }
            for (key, order) in [("headers", Self.headerKeys), ("from", Self.addressKeys), ("to", Self.addressKeys),
                                 ("cc", Self.addressKeys), ("diagnostics", Self.diagnosticKeys)] {
                guard case .array(let elements)? = value[key] else { continue }
                for element in elements { #expect(element.memberNames == order, "\(path).\(key)") }
            }
            return
        }
        #expect(Array(names.prefix(Self.partKeys.count)) == Self.partKeys, "\(path): order \(names)")
        let tail = Array(names.dropFirst(Self.partKeys.count))
        #expect([["parts"], ["message"], ["decodedSize", "sha256"], ["decodedSize", "sha256", "text"]].contains(tail),
                "\(path): order \(names)")
        if case .array(let children)? = value["parts"] {
            for (index, child) in children.enumerated() { checkOrder(child, isMessage: false, path: "\(path).parts[\(index)]") }
        }
        if let message = value["message"] { checkOrder(message, isMessage: true, path: path + ".message") }
    }
}
