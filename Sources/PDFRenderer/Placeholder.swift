// PDFRenderer
