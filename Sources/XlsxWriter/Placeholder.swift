// XlsxWriter
