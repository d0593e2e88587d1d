// libqpdf's C API: object handles (qpdf_oh_*) over a PDF read from memory and written back.
#include <qpdf/qpdf-c.h>
