using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pnx.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NewcomerCountIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_newcomers_MunicipalityId_WithdrawnAt_ErasedAt_ContactLanguage",
                table: "newcomers");

            migrationBuilder.CreateIndex(
                name: "IX_newcomers_MunicipalityId_WithdrawnAt_ErasedAt_LastConfirmedAt_CertificateDate_ContactLanguage",
                table: "newcomers",
                columns: new[] { "MunicipalityId", "WithdrawnAt", "ErasedAt", "LastConfirmedAt", "CertificateDate", "ContactLanguage" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_newcomers_MunicipalityId_WithdrawnAt_ErasedAt_LastConfirmedAt_CertificateDate_ContactLanguage",
                table: "newcomers");

            migrationBuilder.CreateIndex(
                name: "IX_newcomers_MunicipalityId_WithdrawnAt_ErasedAt_ContactLanguage",
                table: "newcomers",
                columns: new[] { "MunicipalityId", "WithdrawnAt", "ErasedAt", "ContactLanguage" });
        }
    }
}
