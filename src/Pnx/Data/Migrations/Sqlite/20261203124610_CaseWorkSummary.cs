using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pnx.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseWorkSummary : Migration
    {
        /// <summary>The statement for the trigger's NEW or OLD row.</summary>
        private static string Row(string statement, string row) => string.Format(System.Globalization.CultureInfo.InvariantCulture, statement, row);

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "LastContactAt",
                table: "newcomers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "RecordedHours",
                table: "newcomers",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.CreateIndex(
                name: "IX_newcomers_MunicipalityId_RecordedHours_DossierNumber_Id",
                table: "newcomers",
                columns: new[] { "MunicipalityId", "RecordedHours", "DossierNumber", "Id" },
                descending: new[] { false, true, false, false });

            // The case-work summaries, kept by the database itself whoever writes (pages, API, status sheets, erasure):
            // recomputed for the newcomer of every row written (SQLite has one writer at a time).
            const string lastContact = """UPDATE newcomers SET "LastContactAt" = (SELECT max("At") FROM contact_log WHERE "NewcomerId" = {0}."NewcomerId") WHERE "Id" = {0}."NewcomerId";""";
            const string recordedHours = """UPDATE newcomers SET "RecordedHours" = coalesce((SELECT sum("Hours") FROM enrolments WHERE "NewcomerId" = {0}."NewcomerId"), 0) WHERE "Id" = {0}."NewcomerId";""";
            migrationBuilder.Sql($"""CREATE TRIGGER contact_log_case_summary_insert AFTER INSERT ON contact_log BEGIN {Row(lastContact, "NEW")} END;""");
            migrationBuilder.Sql($"""CREATE TRIGGER contact_log_case_summary_delete AFTER DELETE ON contact_log BEGIN {Row(lastContact, "OLD")} END;""");
            migrationBuilder.Sql($"""CREATE TRIGGER contact_log_case_summary_update AFTER UPDATE OF "At", "NewcomerId" ON contact_log BEGIN {Row(lastContact, "OLD")} {Row(lastContact, "NEW")} END;""");
            migrationBuilder.Sql($"""CREATE TRIGGER enrolments_case_summary_insert AFTER INSERT ON enrolments BEGIN {Row(recordedHours, "NEW")} END;""");
            migrationBuilder.Sql($"""CREATE TRIGGER enrolments_case_summary_delete AFTER DELETE ON enrolments BEGIN {Row(recordedHours, "OLD")} END;""");
            migrationBuilder.Sql($"""CREATE TRIGGER enrolments_case_summary_update AFTER UPDATE OF "Hours", "NewcomerId" ON enrolments BEGIN {Row(recordedHours, "OLD")} {Row(recordedHours, "NEW")} END;""");

            migrationBuilder.Sql("""
                UPDATE newcomers SET
                    "LastContactAt" = (SELECT max("At") FROM contact_log WHERE "NewcomerId" = newcomers."Id"),
                    "RecordedHours" = coalesce((SELECT sum("Hours") FROM enrolments WHERE "NewcomerId" = newcomers."Id"), 0);
                """);
            // The list's sort on last contact (never contacted first) reads this index in order.
            migrationBuilder.Sql("""CREATE INDEX "IX_newcomers_contact_sort" ON newcomers ("MunicipalityId", "LastContactAt" IS NOT NULL, "LastContactAt", "DossierNumber");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_newcomers_contact_sort";""");
            foreach (var table in new[] { "contact_log", "enrolments" })
            {
                foreach (var operation in new[] { "insert", "delete", "update" }) migrationBuilder.Sql($"DROP TRIGGER {table}_case_summary_{operation};");
            }

            migrationBuilder.DropIndex(
                name: "IX_newcomers_MunicipalityId_RecordedHours_DossierNumber_Id",
                table: "newcomers");

            migrationBuilder.DropColumn(
                name: "LastContactAt",
                table: "newcomers");

            migrationBuilder.DropColumn(
                name: "RecordedHours",
                table: "newcomers");
        }
    }
}
