import Foundation

/// A hand-written SVG document built element by element.
///
/// Attributes keep the order they are given in and numbers go through
/// `ReportText.fixed`, so the same drawing always gives the same bytes.
struct SVGDocument {
    private(set) var lines: [String] = []
    private var depth = 0

    /// A coordinate or length in pixels, one decimal (a tenth of a pixel
    /// is below what any screen shows).
    static func px(_ x: Double) -> String { ReportText.fixed(x, 1) }

    /// An empty element: `<tag a="v" .../>`, or with escaped text content.
    mutating func element(_ tag: String, _ attributes: [(String, String)], text: String? = nil) {
        let open = "<" + tag + Self.attributeText(attributes)
        if let text {
            append(open + ">" + ReportText.xmlEscaped(text) + "</" + tag + ">")
        } else {
            append(open + "/>")
        }
    }

    /// Opens a container element; close it with `close(_:)`.
    mutating func open(_ tag: String, _ attributes: [(String, String)] = []) {
        append("<" + tag + Self.attributeText(attributes) + ">")
        depth += 1
    }

    mutating func close(_ tag: String) {
        depth -= 1
        append("</" + tag + ">")
    }

    mutating func comment(_ text: String) {
        // "--" may not appear inside an XML comment.
        append("<!-- " + text.replacingOccurrences(of: "--", with: "- -") + " -->")
    }

    /// The whole document, with the XML declaration.
    var text: String { "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + lines.joined(separator: "\n") + "\n" }

    private mutating func append(_ line: String) {
        lines.append(String(repeating: "  ", count: max(0, depth)) + line)
    }

    private static func attributeText(_ attributes: [(String, String)]) -> String {
        var s = ""
        for (name, value) in attributes { s += " " + name + "=\"" + ReportText.xmlEscaped(value) + "\"" }
        return s
    }
}
