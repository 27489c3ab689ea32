using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pnx.Data.Migrations.Sqlite
{
    /// <summary>
    /// The list's level and civic-orientation sorts and filters (issue 10, point 6). Levels and statuses are stored by name,
    /// so the list sorts and filters on a rank, a CASE over the name (NewcomerListQuery.LevelRank, CivicOrientationRank);
    /// these indexes hold that same expression, so a sort reads a page in order instead of sorting the whole municipality on
    /// every view, and a filter reads only its rank. They replace the indexes on the stored names, which only the filters
    /// used (the imports fill as many indexes as before). The expressions must stay exactly the query's: PageRoundTripTests
    /// asserts SQLite's plan of every sort and of the filters.
    /// </summary>
    public partial class ListSortIndexes : Migration
    {
        private const string Level = """CASE WHEN "DutchLevel" IS NULL THEN 9 WHEN "DutchLevel" = 'Geen' THEN 0 WHEN "DutchLevel" = 'A1' THEN 1 WHEN "DutchLevel" = 'A2' THEN 2 WHEN "DutchLevel" = 'B1' THEN 3 WHEN "DutchLevel" = 'B2' THEN 4 WHEN "DutchLevel" = 'C1' THEN 5 ELSE 6 END""";

        private const string CivicOrientation = """CASE WHEN "CivicOrientationStatus" IS NULL THEN 9 WHEN "CivicOrientationStatus" = 'NotStarted' THEN 0 WHEN "CivicOrientationStatus" = 'Registered' THEN 1 WHEN "CivicOrientationStatus" = 'InProgress' THEN 2 WHEN "CivicOrientationStatus" = 'Passed' THEN 3 WHEN "CivicOrientationStatus" = 'Failed' THEN 4 WHEN "CivicOrientationStatus" = 'Exempted' THEN 5 ELSE 6 END""";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_newcomers_MunicipalityId_CivicOrientationStatus_DossierNumber",
                table: "newcomers");

            migrationBuilder.DropIndex(
                name: "IX_newcomers_MunicipalityId_DutchLevel_DossierNumber",
                table: "newcomers");

            migrationBuilder.Sql($"""CREATE INDEX "IX_newcomers_level_sort" ON newcomers ("MunicipalityId", ({Level}), "DossierNumber", "Id");""");
            migrationBuilder.Sql($"""CREATE INDEX "IX_newcomers_civic_orientation_sort" ON newcomers ("MunicipalityId", ({CivicOrientation}), "DossierNumber", "Id");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_newcomers_civic_orientation_sort";""");
            migrationBuilder.Sql("""DROP INDEX "IX_newcomers_level_sort";""");

            migrationBuilder.CreateIndex(
                name: "IX_newcomers_MunicipalityId_CivicOrientationStatus_DossierNumber",
                table: "newcomers",
                columns: new[] { "MunicipalityId", "CivicOrientationStatus", "DossierNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_newcomers_MunicipalityId_DutchLevel_DossierNumber",
                table: "newcomers",
                columns: new[] { "MunicipalityId", "DutchLevel", "DossierNumber" });
        }
    }
}
