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
}
