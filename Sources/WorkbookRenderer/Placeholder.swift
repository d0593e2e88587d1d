// WorkbookRenderer
