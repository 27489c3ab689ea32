using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pnx.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NewcomerCountIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_newcomers_MunicipalityId_WithdrawnAt_ErasedAt_ContactLangua~",
                table: "newcomers");

            migrationBuilder.CreateIndex(
                name: "IX_newcomers_MunicipalityId_WithdrawnAt_ErasedAt_LastConfirmed~",
                table: "newcomers",
                columns: new[] { "MunicipalityId", "WithdrawnAt", "ErasedAt", "LastConfirmedAt", "CertificateDate", "ContactLanguage" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_newcomers_MunicipalityId_WithdrawnAt_ErasedAt_LastConfirmed~",
                table: "newcomers");

            migrationBuilder.CreateIndex(
                name: "IX_newcomers_MunicipalityId_WithdrawnAt_ErasedAt_ContactLangua~",
                table: "newcomers",
                columns: new[] { "MunicipalityId", "WithdrawnAt", "ErasedAt", "ContactLanguage" });
        }
    }
}
