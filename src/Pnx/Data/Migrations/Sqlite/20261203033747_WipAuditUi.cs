using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pnx.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WipAuditUi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_audit_entries_At",
                table: "audit_entries");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Action_Seq",
                table: "audit_entries",
                columns: new[] { "Action", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Actor_Seq",
                table: "audit_entries",
                columns: new[] { "Actor", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_At_Seq",
                table: "audit_entries",
                columns: new[] { "At", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Municipality_Action_Seq",
                table: "audit_entries",
                columns: new[] { "Municipality", "Action", "Seq" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_audit_entries_Action_Seq",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_Actor_Seq",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_At_Seq",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_Municipality_Action_Seq",
                table: "audit_entries");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_At",
                table: "audit_entries",
                column: "At");
        }
    }
}
