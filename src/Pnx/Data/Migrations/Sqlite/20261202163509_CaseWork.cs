using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pnx.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_enrolments_NewcomerId",
                table: "enrolments");

            migrationBuilder.CreateIndex(
                name: "IX_enrolments_NewcomerId_Status_Hours",
                table: "enrolments",
                columns: new[] { "NewcomerId", "Status", "Hours" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_enrolments_NewcomerId_Status_Hours",
                table: "enrolments");

            migrationBuilder.CreateIndex(
                name: "IX_enrolments_NewcomerId",
                table: "enrolments",
                column: "NewcomerId");
        }
    }
}
