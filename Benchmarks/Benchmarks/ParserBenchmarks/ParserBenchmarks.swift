// Allocation and throughput benchmarks of the parsers, run with `swift package benchmark`.
// CI gates on malloc counts (Thresholds/); time is only reported, since the machines are shared.
import Benchmark
import MIMECodecs
import MIMECore

/// A realistic multipart message: folded headers, an encoded word, text, HTML and a base64
/// attachment, about 6 KB like the many-small bench inputs.
private let sample: [UInt8] = {
    var text = "From: Alice <alice@example.com>\r\nTo: bob@example.com\r\nSubject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?= from\r\n the team\r\n"
    text += "Date: Mon, 23 Nov 2026 10:00:00 +0100\r\nMessage-ID: <1@example.com>\r\nMIME-Version: 1.0\r\n"
    text += "Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\npreamble\r\n--outer\r\n"
    text += "Content-Type: multipart/alternative; boundary=\"inner\"\r\n\r\n--inner\r\nContent-Type: text/plain; charset=utf-8\r\n"
    text += "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + String(repeating: "Some text with caf=C3=A9 in it, long enough to wrap=\r\n around.\r\n", count: 20)
    text += "--inner\r\nContent-Type: text/html\r\n\r\n" + String(repeating: "<p>Some HTML text</p>\r\n", count: 40) + "--inner--\r\n"
    text += "--outer\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"a.bin\"\r\n"
    text += "Content-Transfer-Encoding: base64\r\n\r\n" + String(repeating: "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAx\r\n", count: 30)
    text += "--outer--\r\n"
    return Array(text.utf8)
}()

private let mailbox: [UInt8] = {
    var bytes: [UInt8] = []
    for index in 0..<20 {
        bytes += Array("From sender\(index)@example.com Mon Nov 23 10:00:00 2026\n".utf8)
        bytes += sample.filter { $0 != 0x0D } + [0x0A]
    }
    return bytes
}()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.mallocCountTotal, .throughput, .wallClock], maxDuration: .seconds(2))

    Benchmark("OneShotParse6KB") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Message.parse(sample))
        }
    }

    Benchmark("OneShotParseAndReadHeaders") { benchmark in
        for _ in benchmark.scaledIterations {
            let message = Message.parse(sample)
            var count = 0
            message.root.forEachPart { part in
                for field in part.headers { count += EncodedWord.decode(field.unfoldedValue).text.utf8.count }
            }
            blackHole(count)
        }
    }

    Benchmark("StreamingParseAndDecode512ByteChunks") { benchmark in
        let chunks = stride(from: 0, to: sample.count, by: 512).map { Array(sample[$0..<min($0 + 512, sample.count)]) }
        for _ in benchmark.scaledIterations {
            var parser = StreamingParser(decodesBodies: true)
            var decoded = 0
            for chunk in chunks {
                parser.feed(chunk) { if case .decodedBody(let bytes) = $0 { decoded += bytes.count } }
            }
            parser.finish { if case .decodedBody(let bytes) = $0 { decoded += bytes.count } }
            blackHole(decoded)
        }
    }

    Benchmark("MboxSplit20Messages") { benchmark in
        for _ in benchmark.scaledIterations {
            var reader = MboxReader()
            var count = 0
            reader.feed(mailbox) { count += $0.bytes.count }
            reader.finish { count += $0.bytes.count }
            blackHole(count)
        }
    }
}
