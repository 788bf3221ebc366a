internal import CICU

/// A character set named in MIME (`charset=` parameters, RFC 2047 encoded words, RFC 2231
/// extended values), resolved through ICU so that every IANA name and alias ICU knows is accepted.
///
/// Implements the charset naming of RFC 2046 section 4.1.2 and RFC 2978 (IANA charset
/// registration): labels are case-insensitive, and `mimeName` is the registry's preferred MIME
/// name, the one to write in new messages.
///
/// UTF-8, US-ASCII, ISO-8859-1 and windows-1252 are converted without ICU. Every other charset
/// opens an ICU converter per call; ICU caches the conversion tables, so this costs a small
/// allocation, never a table load. A converter is never shared between calls or tasks.
public struct Charset: Sendable, Hashable, CustomStringConvertible {
    /// The name ICU opens this charset under, such as `"UTF-8"` or `"ibm-5348_P100-1997"`.
    public let name: String

    /// The preferred MIME name of RFC 2978 (`"UTF-8"`, `"windows-1252"`, `"Shift_JIS"`), for
    /// output; falls back to the IANA name, then the Windows name, then `name`, when ICU records
    /// none.
    public let mimeName: String

    let engine: Engine

    /// How bytes are converted: the four charsets mail uses most skip ICU.
    enum Engine: Sendable, Hashable {
        case utf8
        case ascii
        case latin1
        case windows1252
        case icu
    }

    init(name: String, mimeName: String, engine: Engine) {
        self.name = name
        self.mimeName = mimeName
        self.engine = engine
    }

    /// Two charsets are equal when they resolve to the same ICU converter, whatever label named
    /// them (RFC 2978 section 2: aliases name the same charset).
    public static func == (lhs: Charset, rhs: Charset) -> Bool { lhs.name == rhs.name }

    /// Hashes the resolved name, consistently with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    /// `mimeName`.
    public var description: String { mimeName }

    /// UTF-8 (RFC 3629).
    public static let utf8 = Charset(name: "UTF-8", mimeName: "UTF-8", engine: .utf8)
    /// US-ASCII, strictly: bytes above 0x7F are errors.
    public static let usASCII = Charset(name: "US-ASCII", mimeName: "US-ASCII", engine: .ascii)
    /// ISO-8859-1, strictly: 0x80-0x9F are the C1 controls.
    public static let isoLatin1 = Charset(name: "ISO-8859-1", mimeName: "ISO-8859-1", engine: .latin1)
    /// windows-1252 as the WHATWG Encoding Standard defines it (its five unassigned bytes map to
    /// the C1 controls of the same value, so decoding never fails).
    public static let windows1252 = Charset(name: "ibm-5348_P100-1997", mimeName: "windows-1252", engine: .windows1252)

    /// How a label is mapped to the charset used for decoding.
    ///
    /// Mail clients decode some labels as a superset charset, because mislabeled mail is common:
    /// Windows software long sent windows-1252 text labeled `iso-8859-1` or `us-ascii`. The WHATWG
    /// Encoding Standard (section 4.2, "Names and labels") codifies this mapping for the web; mail
    /// readers such as Thunderbird apply it to mail too. Decoding under a superset only changes
    /// bytes that would otherwise be errors or C1 controls, so correctly labeled text is unaffected.
    public struct LabelPolicy: Sendable, Hashable {
        let mapsToSupersets: Bool

        /// The label names the charset used for decoding, exactly as registered.
        public static let strict = LabelPolicy(mapsToSupersets: false)

        /// Labels are decoded as the superset charset mail clients use: `us-ascii` and
        /// `iso-8859-1` as windows-1252, `iso-8859-9` as windows-1254, `iso-8859-11` and `tis-620`
        /// as windows-874, `gb2312` and `gbk` as GB18030, `euc-kr` as windows-949, and `big5` as
        /// Big5-HKSCS (WHATWG Encoding Standard section 4.2).
        public static let mailCompatible = LabelPolicy(mapsToSupersets: true)
    }

    /// Resolves a charset label as found in mail, or returns `nil` when ICU does not know it, so
    /// that the caller can fall back and report a diagnostic.
    ///
    /// Labels are matched the way ICU matches aliases (case, `-` and `_` do not matter). Surrounding
    /// whitespace and double quotes are ignored. A label that is empty, longer than 40 characters
    /// (the limit of RFC 2978 section 2.3), or made of characters outside `mime-charset-chars`
    /// (RFC 2978 section 2.3) is rejected; this also keeps ICU's converter options (`,swaplfnl`)
    /// out of reach of message content.
    ///
    /// - Parameter policy: `.mailCompatible` (the default) decodes some legacy labels as the
    ///   superset charset mail clients use; `.strict` keeps the label's own charset.
    public init?(_ label: String, policy: LabelPolicy = .mailCompatible) {
        guard let trimmed = Charset.validatedLabel(label) else { return nil }
        if let known = Charset.fastPathCharset(trimmed) {
            self = policy.mapsToSupersets && (known.engine == .ascii || known.engine == .latin1) ? .windows1252 : known
            return
        }
        guard var canonical = Charset.icuCanonicalName(trimmed) else { return nil }
        if policy.mapsToSupersets, let superset = Charset.mailSupersets[canonical] {
            canonical = Charset.icuCanonicalName(superset) ?? canonical
        }
        if let known = Charset.charsetForCanonicalName(canonical) {
            self = policy.mapsToSupersets && (known.engine == .ascii || known.engine == .latin1) ? .windows1252 : known
            return
        }
        self.init(name: canonical, mimeName: Charset.preferredName(canonical), engine: .icu)
    }

    /// Resolves a label given as bytes, as it appears in a header.
    ///
    /// Same rules as ``init(_:policy:)``; bytes outside ASCII make the label unknown.
    public init?<Bytes: Collection<UInt8>>(label bytes: Bytes, policy: LabelPolicy = .mailCompatible) {
        if let common = bytes.withContiguousStorageIfAvailable({ Charset.commonLabel($0, policy: policy) }),
           let common {
            self = common
            return
        }
        guard bytes.count <= 64, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        self.init(String(decoding: bytes, as: UTF8.self), policy: policy)
    }

    /// The charset of a label among those mail uses most (UTF-8, US-ASCII, ISO-8859-1 and
    /// windows-1252 under their usual aliases), matched on the label's bytes without building a
    /// string, under the same rules as ``init(_:policy:)``; `nil` for any other label, which
    /// ``init(label:policy:)`` resolves through ICU.
    ///
    /// Header decoders resolve a label per encoded word, so this path is what most words take.
    public static func commonLabel(_ label: UnsafeBufferPointer<UInt8>, policy: LabelPolicy = .mailCompatible) -> Charset? {
        guard !label.isEmpty, label.count <= 40 else { return nil }
        // The alphanumerics of the label, lowercased, packed into two words: ICU's alias matching
        // ignores case, "-" and "_" (see `normalizedKey`).
        var low: UInt64 = 0
        var high: UInt64 = 0
        var count = 0
        for byte in label {
            if ASCIIClass.isAlphanumeric(byte) {
                guard count < 16 else { return nil }
                let value = UInt64(ASCIIClass.lowercased(byte))
                if count < 8 { low |= value << (8 * count) } else { high |= value << (8 * (count - 8)) }
                count += 1
            } else if byte != UInt8(ascii: "-") && byte != UInt8(ascii: "_") {
                return nil
            }
        }
        for entry in commonLabels where entry.low == low && entry.high == high {
            let known = entry.charset
            return policy.mapsToSupersets && (known.engine == .ascii || known.engine == .latin1) ? .windows1252 : known
        }
        return nil
    }

    /// The keys of ``commonLabel(_:policy:)``: normalized labels packed as it packs them.
    private static let commonLabels: [(low: UInt64, high: UInt64, charset: Charset)] = [
        ("utf8", Charset.utf8), ("usascii", .usASCII), ("ascii", .usASCII), ("iso88591", .isoLatin1),
        ("latin1", .isoLatin1), ("windows1252", .windows1252), ("cp1252", .windows1252),
    ].map { label, charset in
        var low: UInt64 = 0
        var high: UInt64 = 0
        for (index, byte) in label.utf8.enumerated() {
            if index < 8 { low |= UInt64(byte) << (8 * index) } else { high |= UInt64(byte) << (8 * (index - 8)) }
        }
        return (low, high, charset)
    }

    /// `mime-charset-chars` of RFC 2978 section 2.3.
    static func isMIMECharsetChar(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "^"), UInt8(ascii: "_"),
            UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "~"):
            true
        // Outside RFC 2978's set, but part of registered aliases such as `ISO_8859-1:1987` and
        // `ANSI_X3.4-1968`.
        case UInt8(ascii: ":"), UInt8(ascii: "."): true
        default: false
        }
    }

    static func validatedLabel(_ label: String) -> String? {
        var bytes = Substring(label).utf8[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 || first == 0x22 { bytes.removeFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x22 { bytes.removeLast() }
        guard !bytes.isEmpty, bytes.count <= 40, bytes.allSatisfy(isMIMECharsetChar) else { return nil }
        return String(Substring(bytes))
    }

    /// The label with case and punctuation removed, the way ICU's `ucnv_compareNames` compares.
    static func normalizedKey(_ label: String) -> String {
        var key = ""
        key.reserveCapacity(label.utf8.count)
        for byte in label.utf8 where ASCIIClass.isAlphanumeric(byte) {
            key.unicodeScalars.append(Unicode.Scalar(ASCIIClass.lowercased(byte)))
        }
        return key
    }

    static func fastPathCharset(_ label: String) -> Charset? {
        switch normalizedKey(label) {
        case "utf8", "unicode11utf8", "unicode20utf8", "xunicode20utf8": .utf8
        case "usascii", "ascii", "ansix341968", "usascii1968", "iso646us", "us", "ibm367", "cp367", "csascii": .usASCII
        case "iso88591", "latin1", "l1", "iso885911987", "isoir100", "cp819", "ibm819", "csisolatin1": .isoLatin1
        case "windows1252", "cp1252", "xcp1252", "ibm5348p1001997": .windows1252
        default: nil
        }
    }

    static func charsetForCanonicalName(_ canonical: String) -> Charset? {
        switch canonical {
        case "UTF-8": .utf8
        case "US-ASCII": .usASCII
        case "ISO-8859-1": .isoLatin1
        case Charset.windows1252.name: .windows1252
        default: nil
        }
    }

    /// ICU canonical names (as `ucnv_getName` returns them) of charsets that mail clients decode as
    /// a superset, mapped to a label of that superset.
    static let mailSupersets: [String: String] = [
        "ibm-920_P100-1995": "windows-1254",  // ISO-8859-9
        "iso-8859_11-2001": "windows-874",
        "ibm-1383_P110-1999": "GB18030",  // GB2312
        "windows-936-2000": "GB18030",  // GBK
        "ibm-970_P110_P110-2006_U2": "windows-949",  // EUC-KR
        "windows-950-2000": "Big5-HKSCS",  // Big5
    ]

    static func icuCanonicalName(_ label: String) -> String? {
        var err: cicu_status = 0
        guard let converter = cicu_ucnv_open(label, &err), cicu_failure(err) == 0 else { return nil }
        defer { cicu_ucnv_close(converter) }
        var nameErr: cicu_status = 0
        guard let cName = cicu_ucnv_getName(converter, &nameErr), cicu_failure(nameErr) == 0 else { return nil }
        return String(cString: cName)
    }

    static func preferredName(_ canonical: String) -> String {
        // Microsoft's names come last: charsets such as windows-874 have no IANA entry in ICU.
        for standard in ["MIME", "IANA", "WINDOWS"] {
            var err: cicu_status = 0
            if let cName = cicu_ucnv_getStandardName(canonical, standard, &err), cicu_failure(err) == 0 {
                return String(cString: cName)
            }
        }
        return canonical
    }
}

/// ASCII helpers for this module, which does not depend on MIMECodecs.
enum ASCIIClass {
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }
}
