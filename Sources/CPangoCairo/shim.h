// pangocairo.h does not include cairo-pdf.h; without it the PDF functions are implicit declarations.
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
