/*
 * W4, the floor: writes the cells of W3's Responses sheet with libxlsxwriter and nothing else, in
 * the mode pmo-report uses and with the same cell formats (Arial 10, dates, counts, FTE), so that
 * pmo-report's whole W3 run can be measured against it.
 *   xlsx-floor CELLS.tsv OUTPUT.xlsx
 * CELLS.tsv is made by scripts/bench/run from W3's own JSON: the first line holds the column
 * names, then one line per response; each cell is empty, or "s:" text (with \\, \t and \n
 * escaped), "n:" a number, or "b:" 0 or 1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static char *unescape(char *text) {
    char *out = text, *in = text;
    while (*in) {
        if (*in == '\\' && in[1]) {
            in++;
            *out++ = *in == 't' ? '\t' : *in == 'n' ? '\n' : *in;
            in++;
        } else {
            *out++ = *in++;
        }
    }
    *out = 0;
    return text;
}

/* The format of a Responses column, as pmo-report's workbook gives it. */
static lxw_format *column_format(lxw_workbook *workbook, const char *column) {
    const char *number = !strcmp(column, "staff_headcount") ? "#,##0"
        : !strcmp(column, "established") ? "0"
        : !strcmp(column, "central_pmo_fte") || !strcmp(column, "devolved_pm_fte") ? "0.0"
        : !strcmp(column, "fte_per_1000_staff") ? "0.00"
        : !strcmp(column, "submitted") ? "d mmm yyyy" : NULL;
    lxw_format *format = workbook_add_format(workbook);
    format_set_font_name(format, "Arial");
    format_set_font_size(format, 10);
    format_set_font_color(format, 0x212B32);
    format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
    if (number) format_set_num_format(format, number);
    return format;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: xlsx-floor CELLS.tsv OUTPUT.xlsx\n"); return 64; }
    FILE *in = fopen(argv[1], "r");
    if (!in) { perror(argv[1]); return 66; }
    lxw_workbook *workbook = workbook_new(argv[2]);
    lxw_worksheet *sheet = workbook ? workbook_add_worksheet(workbook, "Responses") : NULL;
    if (!sheet) return 73;
    char *line = NULL;
    size_t capacity = 0;
    ssize_t length;
    lxw_row_t row = 0;
    lxw_format *formats[64] = {0};
    while ((length = getline(&line, &capacity, in)) > 0 && row < LXW_ROW_MAX) {
        if (line[length - 1] == '\n') line[length - 1] = 0;
        lxw_col_t column = 0;
        for (char *cell = line, *next; cell; cell = next, column++) {
            next = strchr(cell, '\t');
            if (next) *next++ = 0;
            if (column >= 64) break;
            if (row == 0) {
                formats[column] = column_format(workbook, cell);
                worksheet_write_string(sheet, row, column, cell, NULL);
            }
            else if (!strncmp(cell, "s:", 2)) worksheet_write_string(sheet, row, column, unescape(cell + 2), formats[column]);
            else if (!strncmp(cell, "n:", 2)) worksheet_write_number(sheet, row, column, strtod(cell + 2, NULL), formats[column]);
            else if (!strncmp(cell, "b:", 2)) worksheet_write_boolean(sheet, row, column, cell[2] == '1', formats[column]);
        }
        row++;
    }
    free(line);
    fclose(in);
    lxw_error error = workbook_close(workbook);
    if (error) { fprintf(stderr, "xlsx-floor: %s\n", lxw_strerror(error)); return 73; }
    return 0;
}
