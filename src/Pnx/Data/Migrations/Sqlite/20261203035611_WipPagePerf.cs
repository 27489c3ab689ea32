using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pnx.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WipPagePerf : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_newcomers_MunicipalityId_CivicOrientationStatus_DossierNumber",
                table: "newcomers",
                columns: new[] { "MunicipalityId", "CivicOrientationStatus", "DossierNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_newcomers_MunicipalityId_DutchLevel_DossierNumber",
                table: "newcomers",
                columns: new[] { "MunicipalityId", "DutchLevel", "DossierNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_newcomers_MunicipalityId_SearchName_Id",
                table: "newcomers",
                columns: new[] { "MunicipalityId", "SearchName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_newcomers_MunicipalityId_CivicOrientationStatus_DossierNumber",
                table: "newcomers");

            migrationBuilder.DropIndex(
                name: "IX_newcomers_MunicipalityId_DutchLevel_DossierNumber",
                table: "newcomers");

            migrationBuilder.DropIndex(
                name: "IX_newcomers_MunicipalityId_SearchName_Id",
                table: "newcomers");
        }
    }
}
