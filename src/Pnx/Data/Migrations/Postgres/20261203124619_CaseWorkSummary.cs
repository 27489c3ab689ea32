using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pnx.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseWorkSummary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "LastContactAt",
                table: "newcomers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "RecordedHours",
                table: "newcomers",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.CreateIndex(
                name: "IX_newcomers_MunicipalityId_RecordedHours_DossierNumber_Id",
                table: "newcomers",
                columns: new[] { "MunicipalityId", "RecordedHours", "DossierNumber", "Id" },
                descending: new[] { false, true, false, false });

            // The case-work summaries, kept by the database itself whoever writes (pages, API, status sheets, erasure).
            // The newcomer's row is locked first, in a statement of its own, so that the recount (a new statement, a new
            // snapshot) sees what a concurrent writer of the same newcomer committed; NO KEY UPDATE does not conflict
            // with the KEY SHARE lock the foreign-key check took.
            migrationBuilder.Sql("""
                CREATE FUNCTION pnx_newcomer_case_summary(newcomer bigint) RETURNS void LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM 1 FROM newcomers WHERE "Id" = newcomer FOR NO KEY UPDATE;
                    UPDATE newcomers SET
                        "LastContactAt" = (SELECT max("At") FROM contact_log WHERE "NewcomerId" = newcomer),
                        "RecordedHours" = coalesce((SELECT sum("Hours") FROM enrolments WHERE "NewcomerId" = newcomer), 0)
                    WHERE "Id" = newcomer;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION pnx_case_work_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM pnx_newcomer_case_summary(OLD."NewcomerId"); END IF;
                    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."NewcomerId" <> OLD."NewcomerId") THEN
                        PERFORM pnx_newcomer_case_summary(NEW."NewcomerId");
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""CREATE TRIGGER contact_log_case_summary AFTER INSERT OR DELETE OR UPDATE OF "At", "NewcomerId" ON contact_log FOR EACH ROW EXECUTE FUNCTION pnx_case_work_changed();""");
            migrationBuilder.Sql("""CREATE TRIGGER enrolments_case_summary AFTER INSERT OR DELETE OR UPDATE OF "Hours", "NewcomerId" ON enrolments FOR EACH ROW EXECUTE FUNCTION pnx_case_work_changed();""");
            migrationBuilder.Sql("""
                UPDATE newcomers SET
                    "LastContactAt" = (SELECT max("At") FROM contact_log WHERE "NewcomerId" = newcomers."Id"),
                    "RecordedHours" = coalesce((SELECT sum("Hours") FROM enrolments WHERE "NewcomerId" = newcomers."Id"), 0);
                """);
            // The list's sort on last contact (never contacted first) reads this index in order.
            migrationBuilder.Sql("""CREATE INDEX "IX_newcomers_contact_sort" ON newcomers ("MunicipalityId", ("LastContactAt" IS NOT NULL), "LastContactAt", "DossierNumber", "Id");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_newcomers_contact_sort";""");
            migrationBuilder.Sql("DROP TRIGGER contact_log_case_summary ON contact_log;");
            migrationBuilder.Sql("DROP TRIGGER enrolments_case_summary ON enrolments;");
            migrationBuilder.Sql("DROP FUNCTION pnx_case_work_changed();");
            migrationBuilder.Sql("DROP FUNCTION pnx_newcomer_case_summary(bigint);");

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
