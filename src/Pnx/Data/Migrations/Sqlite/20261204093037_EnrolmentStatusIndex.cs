using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pnx.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EnrolmentStatusIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_enrolments_MunicipalityId_Status_NewcomerId",
                table: "enrolments",
                columns: new[] { "MunicipalityId", "Status", "NewcomerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_enrolments_MunicipalityId_Status_NewcomerId",
                table: "enrolments");
        }
    }
}
