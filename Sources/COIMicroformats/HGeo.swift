/// A location as an `h-geo` (COI client spec, "Location Messages";
/// <https://microformats.org/wiki/h-geo>), with the plain-text fallback line the spec's example
/// puts in the `text/plain` part.
public struct HGeo: Sendable, Hashable {
    /// `p-latitude` in decimal degrees (WGS84).
    public var latitude: Double
    /// `p-longitude` in decimal degrees (WGS84).
    public var longitude: Double
    /// `p-altitude` in metres, if given.
    public var altitude: Double?

    /// Creates a location.
    public init(latitude: Double, longitude: Double, altitude: Double? = nil) {
        self.latitude = latitude
        self.longitude = longitude
        self.altitude = altitude
    }

    /// The root class.
    public static let type = "h-geo"

    /// Reads a location from a generic item; nil unless latitude and longitude are finite numbers
    /// in range.
    public init?(_ item: MicroformatItem) {
        guard let latitude = item.value("latitude").flatMap(Self.number), abs(latitude) <= 90,
              let longitude = item.value("longitude").flatMap(Self.number), abs(longitude) <= 180 else { return nil }
        self.init(latitude: latitude, longitude: longitude, altitude: item.value("altitude").flatMap(Self.number))
    }

    /// The top-level locations in `document` (also those nested in other items as properties
    /// such as `p-geo`, which h-card uses).
    public static func locations(in document: HTMLDocument) -> [HGeo] {
        locations(in: document.microformats)
    }

    static func locations(in items: [MicroformatItem]) -> [HGeo] {
        var result: [HGeo] = []
        func visit(_ item: MicroformatItem) {
            if item.types.contains(type), let geo = HGeo(item) { result.append(geo) }
            for property in item.properties { if case .item(let nested) = property.value { visit(nested) } }
            item.children.forEach(visit)
        }
        items.forEach(visit)
        return result
    }

    /// The locations in HTML bytes.
    public static func locations(inHTML bytes: [UInt8], limits: HTMLDocument.Limits = .default) throws(HTMLDocument.ParseError) -> [HGeo] {
        locations(in: try HTMLDocument(parsing: bytes, limits: limits))
    }

    /// A decimal number; no hex, infinity or NaN, which `Double.init` would also take.
    static func number(_ text: String) -> Double? {
        guard !text.isEmpty, text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B || $0 == 0x65 || $0 == 0x45 }),
              let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// The location as an HTML fragment.
    public var html: String {
        var writer = HTMLWriter()
        writer.open("p", class: Self.type)
        writer.line()
        writer.element("span", class: "p-latitude", text: Self.format(latitude))
        writer.output += ",\n"
        writer.element("span", class: "p-longitude", text: Self.format(longitude))
        if let altitude {
            writer.output += ",\n"
            writer.element("span", class: "p-altitude", text: Self.format(altitude))
        }
        writer.line()
        writer.close("p")
        writer.line()
        return writer.output
    }

    /// The plain-text fallback line, `Position: 53.07516, 8.80777`.
    public var plainText: String {
        "Position: \(Self.format(latitude)), \(Self.format(longitude))"
    }

    /// Reads the first `Position: LAT, LON` line of a plain-text part.
    public init?(plainText: String) {
        for line in plainText.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let trimmedLine = MicroformatParser.trimmed(String(line))
            guard trimmedLine.lowercased().hasPrefix("position:") else { continue }
            let numbers = trimmedLine.dropFirst("position:".count).split(separator: ",").map { MicroformatParser.trimmed(String($0)) }
            guard numbers.count >= 2, let latitude = Self.number(numbers[0]), let longitude = Self.number(numbers[1]),
                  abs(latitude) <= 90, abs(longitude) <= 180 else { continue }
            self.init(latitude: latitude, longitude: longitude)
            return
        }
        return nil
    }

    /// The shortest decimal that reads back as the same `Double`; `-0` is written `0`.
    static func format(_ value: Double) -> String {
        value == 0 ? "0" : "\(value)"
    }
}
