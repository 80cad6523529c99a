import Foundation

/// A small SVG writer: every coordinate printed with one fixed decimal and every text escaped,
/// so the same chart is the same bytes on every run and data can never become markup.
struct SVG {
    let width: Double
    let height: Double
    private(set) var elements: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Text safe inside XML/HTML content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters are not allowed in XML 1.0.
                if character.value < 0x20 && character != "\n" && character != "\t" { out += " " } else { out.unicodeScalars.append(character) }
            }
        }
        return out
    }

    /// A coordinate with exactly one decimal ("12.5", "-3.0"), independent of locale.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0.0" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double,
                       stroke: String, width: Double = 1, dashed: Bool = false) {
        let dash = dashed ? " stroke-dasharray=\"4 3\"" : ""
        elements.append("<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\"\(dash)/>")
    }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String,
                       stroke: String? = nil, title: String? = nil) {
        let outline = stroke.map { " stroke=\"\($0)\"" } ?? ""
        let open = "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(0, w)))\" height=\"\(Self.number(max(0, h)))\" fill=\"\(fill)\"\(outline)"
        if let title { elements.append(open + "><title>\(Self.escape(title))</title></rect>") } else { elements.append(open + "/>") }
    }

    mutating func circle(_ x: Double, _ y: Double, radius: Double, fill: String) {
        elements.append("<circle cx=\"\(Self.number(x))\" cy=\"\(Self.number(y))\" r=\"\(Self.number(radius))\" fill=\"\(fill)\"/>")
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2, dashed: Bool = false) {
        guard !points.isEmpty else { return }
        let coordinates = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        let dash = dashed ? " stroke-dasharray=\"5 4\"" : ""
        elements.append("<polyline points=\"\(coordinates)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\" stroke-linejoin=\"round\"\(dash)/>")
    }

    enum Anchor: String { case start, middle, end }

    mutating func text(_ content: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 11,
                       weight: String? = nil, fill: String = Palette.ink, rotate: Bool = false, halo: Bool = false) {
        // A white outline behind the letters keeps a label readable where it crosses a line.
        let bold = (weight.map { " font-weight=\"\($0)\"" } ?? "")
            + (halo ? " stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"" : "")
        let rotation = rotate ? " transform=\"rotate(-90 \(Self.number(x)) \(Self.number(y)))\"" : ""
        elements.append("<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" text-anchor=\"\(anchor.rawValue)\" font-size=\"\(Self.number(size))\"\(bold) fill=\"\(fill)\"\(rotation)>\(Self.escape(content))</text>")
    }

    /// A chart title or axis label cut to fit `width` pixels at `size`.
    static func fit(_ text: String, width: Double, size: Double) -> String {
        clip(text, to: max(8, Int(width / (size * 0.56))))
    }

    /// The finished document; `title` becomes the accessible name.
    func render(title: String) -> String {
        let head = "<svg viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" role=\"img\" aria-label=\"\(Self.escape(title))\" font-family=\"Helvetica, Arial, sans-serif\">"
        return ([head, "<title>\(Self.escape(title))</title>", "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"]
                + elements + ["</svg>"]).joined(separator: "\n")
    }

    /// A standalone .svg file needs the namespace an inline SVG in HTML does without.
    static func standalone(_ svg: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg.replacingFirst("<svg ", with: "<svg xmlns=\"http://www.w3.org/2000/svg\" ") + "\n"
    }

    /// A rough width of `text` at `size` in a sans-serif font, to lay labels out without overlap.
    static func textWidth(_ text: String, size: Double = 11) -> Double {
        Double(text.count) * size * 0.56
    }

    /// `text` cut with "…" so it is at most `characters` long.
    static func clip(_ text: String, to characters: Int) -> String {
        let flat = String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
        guard flat.count > characters else { return flat }
        return String(flat.prefix(max(1, characters - 1))) + "…"
    }
}

/// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
enum Palette {
    static let blue = "#0072B2"
    static let orange = "#E69F00"
    static let green = "#009E73"
    static let vermillion = "#D55E00"
    static let sky = "#56B4E9"
    static let purple = "#CC79A7"
    static let yellow = "#F0E442"
    static let ink = "#222222"
    static let grid = "#e3e3e3"
    static let axis = "#777777"
    static let series = [blue, orange, green, vermillion, purple, sky, "#000000", yellow]
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
