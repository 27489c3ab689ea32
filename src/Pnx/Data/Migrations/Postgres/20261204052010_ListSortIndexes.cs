using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pnx.Data.Migrations.Postgres
{
    /// <summary>
    /// The list's sorts on Dutch level and civic orientation (issue 10, point 6): levels and statuses are stored by name, so
    /// the sort orders by a CASE over them (NewcomerListQuery.Sorts); these indexes hold that same expression, so the engine
    /// reads a page in order instead of sorting the whole municipality on every view. The expression must stay exactly the
    /// query's (NewcomerListPlanTests asserts the plans).
    /// </summary>
    public partial class ListSortIndexes : Migration
    {
        private const string Level = """CASE WHEN "DutchLevel" IS NULL THEN 9 WHEN "DutchLevel" = 'Geen' THEN 0 WHEN "DutchLevel" = 'A1' THEN 1 WHEN "DutchLevel" = 'A2' THEN 2 WHEN "DutchLevel" = 'B1' THEN 3 WHEN "DutchLevel" = 'B2' THEN 4 WHEN "DutchLevel" = 'C1' THEN 5 ELSE 6 END""";

        private const string CivicOrientation = """CASE WHEN "CivicOrientationStatus" IS NULL THEN 9 WHEN "CivicOrientationStatus" = 'NotStarted' THEN 0 WHEN "CivicOrientationStatus" = 'Registered' THEN 1 WHEN "CivicOrientationStatus" = 'InProgress' THEN 2 WHEN "CivicOrientationStatus" = 'Passed' THEN 3 WHEN "CivicOrientationStatus" = 'Failed' THEN 4 WHEN "CivicOrientationStatus" = 'Exempted' THEN 5 ELSE 6 END""";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""CREATE INDEX "IX_newcomers_level_sort" ON newcomers ("MunicipalityId", ({Level}), "DossierNumber", "Id");""");
            migrationBuilder.Sql($"""CREATE INDEX "IX_newcomers_civic_orientation_sort" ON newcomers ("MunicipalityId", ({CivicOrientation}), "DossierNumber", "Id");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_newcomers_civic_orientation_sort";""");
            migrationBuilder.Sql("""DROP INDEX "IX_newcomers_level_sort";""");
        }
    }
}
