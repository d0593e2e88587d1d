/// An RGB colour as Excel stores it.
public struct Color: Hashable, Sendable {
    public let rgb: UInt32

    public init(rgb: UInt32) {
        precondition(rgb <= 0xFF_FFFF, "a colour is 24-bit RGB")
        self.rgb = rgb
    }

    public static let white = Color(rgb: 0xFFFFFF)
    public static let black = Color(rgb: 0x000000)
}
