import Foundation

/// A colour as brand guidelines give it: 24-bit sRGB, `0x005EB8` for NHS Blue. Each renderer
/// converts it to its own colour type; the contrast arithmetic lives here, once, because the
/// contrast rules of `Palette` are presentation rules that every output must apply alike.
public struct RGB: Sendable, Hashable, CustomStringConvertible {
    public let hex: UInt32

    public init(_ hex: UInt32) {
        precondition(hex <= 0xFF_FFFF, "a colour is 24-bit RGB")
        self.hex = hex
    }

    public static let white = RGB(0xFFFFFF)
    public static let black = RGB(0x000000)

    /// `#005EB8`, as chart XML and style guides write it.
    public var description: String {
        let digits = String(hex, radix: 16, uppercase: true)
        return "#" + String(repeating: "0", count: 6 - digits.count) + digits
    }

    /// WCAG 2 relative luminance.
    public var luminance: Double {
        let linear = [hex >> 16, hex >> 8, hex].map { channel -> Double in
            let c = Double(channel & 0xFF) / 255
            return c <= 0.040_45 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    /// WCAG 2 contrast ratio, 1 to 21: text needs 4.5, graphical marks 3.
    public func contrast(with other: RGB) -> Double {
        let (a, b) = (luminance, other.luminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }
}
