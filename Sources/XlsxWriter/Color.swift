import Foundation

/// An RGB colour as Excel stores it.
public struct Color: Hashable, Sendable {
    public let rgb: UInt32

    public init(rgb: UInt32) {
        precondition(rgb <= 0xFF_FFFF, "a colour is 24-bit RGB")
        self.rgb = rgb
    }

    /// `#005EB8` or `005EB8`; traps on anything else, since colours are constants in code.
    public init(hex: String) {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else {
            preconditionFailure("\(hex) is not a #RRGGBB colour")
        }
        self.init(rgb: value)
    }

    public static let white = Color(rgb: 0xFFFFFF)
    public static let black = Color(rgb: 0x000000)

    /// WCAG 2 contrast ratio, 1 to 21: text needs 4.5, chart marks against their neighbours 3.
    public func contrast(with other: Color) -> Double {
        let (a, b) = (luminance, other.luminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// WCAG 2 relative luminance of the sRGB colour.
    private var luminance: Double {
        let linear = [rgb >> 16, rgb >> 8, rgb].map { channel -> Double in
            let c = Double(channel & 0xFF) / 255
            return c <= 0.040_45 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }
}
