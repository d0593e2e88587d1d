// PDFCanvas
