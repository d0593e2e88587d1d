/// Numbers inside sentences and chart labels, independent of the machine's locale.
extension Double {
    /// `7.46` as `7.5`.
    var oneDecimal: String {
        let tenths = Int((self * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return sign + "\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }

    /// `0.3125` as `31.3%`.
    var percentText: String { (self * 100).oneDecimal + "%" }
}
