using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pnx.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorkspaceIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_newcomers_MunicipalityId_WithdrawnAt_ErasedAt_ContactLangua~",
                table: "newcomers",
                columns: new[] { "MunicipalityId", "WithdrawnAt", "ErasedAt", "ContactLanguage" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_newcomers_MunicipalityId_WithdrawnAt_ErasedAt_ContactLangua~",
                table: "newcomers");
        }
    }
}
