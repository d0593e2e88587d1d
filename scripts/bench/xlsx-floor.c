/*
 * W4, the floor: writes a Responses sheet of the same shape as pmo-report's (one header row, then
 * one row per response: 23 columns, text and numbers) with libxlsxwriter and nothing else, in the
 * same mode pmo-report uses. pmo-report's whole W3 run is measured against this.
 *   xlsx-floor ROWS OUTPUT.xlsx [constant]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: xlsx-floor ROWS OUTPUT.xlsx [constant]\n"); return 64; }
    long rows = atol(argv[1]);
    lxw_workbook_options options = {0};
    options.constant_memory = argc > 3 && strcmp(argv[3], "constant") == 0;
    lxw_workbook *workbook = workbook_new_opt(argv[2], &options);
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, "Responses");
    if (!sheet) return 73;
    static const char *header[23] = {
        "response_id", "wave", "submitted", "trust_code", "trust_name", "sector", "region",
        "foundation_trust", "staff_headcount", "pmo_model", "pmo_name", "central_pmo_fte",
        "devolved_pm_fte", "project_types", "pmo_services", "reports_to", "methodology", "established",
        "share_consent", "comments", "trust_size", "pmo_size", "fte_per_1000_staff"};
    for (int c = 0; c < 23; c++) worksheet_write_string(sheet, 0, c, header[c], NULL);
    char id[32], name[64];
    for (long r = 1; r <= rows && r < LXW_ROW_MAX; r++) {
        snprintf(id, sizeof id, "2015-12/%07ld", r);
        snprintf(name, sizeof name, "Peer %07ld", r % 500000);
        worksheet_write_string(sheet, r, 0, id, NULL);
        worksheet_write_string(sheet, r, 1, "2015-12", NULL);
        worksheet_write_number(sheet, r, 2, 42000 + r % 300, NULL);
        worksheet_write_string(sheet, r, 3, "", NULL);
        worksheet_write_string(sheet, r, 4, name, NULL);
        worksheet_write_string(sheet, r, 5, "Acute", NULL);
        worksheet_write_string(sheet, r, 6, "North West", NULL);
        worksheet_write_boolean(sheet, r, 7, r % 2, NULL);
        worksheet_write_number(sheet, r, 8, 3000 + r % 9000, NULL);
        worksheet_write_string(sheet, r, 9, "hybrid", NULL);
        worksheet_write_string(sheet, r, 10, "", NULL);
        worksheet_write_number(sheet, r, 11, (r % 300) / 10.0, NULL);
        worksheet_write_number(sheet, r, 12, (r % 200) / 10.0, NULL);
        worksheet_write_string(sheet, r, 13, "IT; Quality; Transformation", NULL);
        worksheet_write_string(sheet, r, 14, "Portfolio reporting; Business cases", NULL);
        worksheet_write_string(sheet, r, 15, "Finance", NULL);
        worksheet_write_string(sheet, r, 16, "PRINCE2", NULL);
        worksheet_write_number(sheet, r, 17, 1995 + r % 20, NULL);
        worksheet_write_boolean(sheet, r, 18, r % 3 == 0, NULL);
        worksheet_write_string(sheet, r, 19, "", NULL);
        worksheet_write_string(sheet, r, 20, "Large", NULL);
        worksheet_write_string(sheet, r, 21, "Medium", NULL);
        worksheet_write_number(sheet, r, 22, (r % 50) / 10.0, NULL);
    }
    lxw_error error = workbook_close(workbook);
    if (error) { fprintf(stderr, "xlsx-floor: %s\n", lxw_strerror(error)); return 73; }
    return 0;
}
